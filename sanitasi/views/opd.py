"""Peran & kinerja OPD: who contributes to what in a budget year, each agency's physical and financial realisation
with the signal an official looks for, and the households its output reaches against what the district needs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from sanitasi import charts, fmt, i18n, indicators, kinerja, needs, owners, targets
from sanitasi.analysis import KABUPATEN, Analysis, gap
from sanitasi.documents import default_reach_year, final_target, note_of
from sanitasi.views.display import Figure, Table, source_line

# Agency signals (documented on the methods page): spending is "ahead of output" when the financial
# realisation passes the physical one by more than AHEAD points; an agency "lags the plan" when either
# realisation is below LAG percent.
AHEAD = 15.0
LAG = 80.0
PENUNJANG = "penunjang"  # the budget matrix's column for activities that serve no indicator directly


@dataclass(frozen=True)
class Settings:
    tahun: int  # the budget year
    dokumen: str = ""  # the target document chosen in the sidebar: what the households reached are compared with
    porsi_baru: dict | tuple = ()  # (indicator, % of new households to reach) pairs set on Kebutuhan; () = defaults
    lang: str = "id"


@dataclass(frozen=True)
class Options:
    tahun: list[int]  # the budget years the activity table has (empty: nothing to show)
    tahun_awal: int | None  # the latest of them


@dataclass(frozen=True)
class Peran:
    """Who owns each target: the owners table, what the clinic should settle, and its source."""

    judul: str
    bantuan: str
    tabel: pd.DataFrame  # per indicator: target, lead, supporters, data owners, the year's activities
    catatan: tuple[str, ...]  # missing owners, agencies spending outside their role, supporting activities
    singkatan: str  # the agencies' short names spelled out
    sumber: str


@dataclass(frozen=True)
class Opd:
    realisasi: Figure  # physical and financial realisation per agency
    aturan: str  # how the signals are set
    kinerja: pd.DataFrame  # per agency: realisations, budget, spending, signal
    matriks_judul: str
    matriks: Table  # budget per agency x indicator, each cell shaded by its amount, agencies by their total
    kk_judul: str
    kk_kalimat: tuple[str, ...]  # one sentence per indicator: households reached against those needed a year
    kk_tabel: Table | None  # per indicator and agency; None when no output reaches households
    peran: Peran  # who owns each target
    sumber: str  # the activity table's source line: under the realisation table
    # the district's yearly targets of the chosen document judged (sanitasi.kinerja), as the agencies report them
    target_judul: str = ""
    target_bantuan: str = ""
    target_tabel: Table | None = None  # None: the document sets no target
    target_catatan: str = ""
    target_xlsx: Any = None  # () -> bytes
    target_nama: str = ""


def options(an: Analysis) -> Options:
    years = kegiatan_years(an)
    return Options(years, years[-1] if years else None)


def view(an: Analysis, s: Settings) -> Opd:
    t, lang, year = i18n.t, s.lang, s.tahun
    source = source_line(an.data, "kegiatan", lang=lang)
    perf = opd_performance(an, year, lang)
    realisation = charts.opd_realisation(perf, lag=LAG, title=t("opd.realisasi_judul", lang, tahun=year),
                                         source=source, lang=lang)
    matrix_title = t("opd.matriks_judul", lang, tahun=year)
    reached = opd_households(an, year, lang, s.dokumen, dict(s.porsi_baru))
    return Opd(
        realisasi=Figure(realisation, f"realisasi_opd_{year}"),
        aturan=t("opd.aturan", lang, ahead=fmt.number(AHEAD, 0, lang), lag=fmt.number(LAG, 0, lang)),
        kinerja=performance_table(perf, lang),
        matriks_judul=matrix_title,
        matriks=matrix_table(opd_matrix(an, year, lang), source, lang),
        kk_judul=t("opd.kk_judul", lang, tahun=year),
        kk_kalimat=tuple(opd_households_text(reached, lang, s.dokumen)) if len(reached) else (),
        kk_tabel=Table(households_table(reached, lang), None, source_line(an.data, "kegiatan", "akses", lang=lang))
        if len(reached) else None,
        sumber=source,
        peran=owners_of_targets(an, year, s.dokumen, lang),
        **yearly_targets(an, s.dokumen, lang),
    )


def yearly_targets(an: Analysis, dokumen: str, lang: str = "id") -> dict:
    """The district's performance table for every indicator the chosen document sets (target, realisation,
    capaian, band per target year), with its workbook."""
    t = i18n.t
    perf = kinerja.performance_all(an, dokumen, KABUPATEN)
    note = " ".join(x for x in (note_of(an.data.target, dokumen, max(an.data.tahun), lang),
                                *kinerja.method_rows(lang).iloc[:, 0]) if x)
    return dict(
        target_judul=t("kinerja.judul", lang, dokumen=dokumen),
        target_bantuan=t("kinerja.bantuan", lang, wilayah=an.nama(KABUPATEN, lang)),
        target_tabel=Table(kinerja.display(perf, lang), None, source_line(an.data, "akses", "stbm", "sampah",
                                                                          "drainase", lang=lang))
        if len(perf) else None,
        target_catatan=note,
        target_xlsx=partial(kinerja.xlsx, an, dokumen, KABUPATEN, lang,
                            source_line(an.data, "akses", "stbm", "sampah", "drainase", lang=lang)),
        target_nama=f"kinerja_kabupaten_{an.tahun}.xlsx",
    )


def owners_of_targets(an: Analysis, year: int, dokumen: str, lang: str = "id") -> Peran:
    """The owners of every indicator the roles table names, the year's activities serve or the document sets."""
    asked = targets.indicators_of(an.data.target, dokumen) if dokumen else []
    rows = owners.matrix(an.data.peran, an.data.kegiatan, year, asked)
    return Peran(judul=i18n.t("peran.judul", lang), bantuan=i18n.t("peran.bantuan", lang),
                 tabel=owners.display(rows, an.data.target, dokumen, year, lang),
                 catatan=tuple(owners.notes(rows, an.data.kegiatan, year, lang)), singkatan=owners.legend(rows, lang),
                 sumber=source_line(an.data, "peran", "kegiatan", lang=lang))


def performance_table(perf: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The realisation table as read: agency, physical, financial, budget, spent, signal."""
    t = i18n.t
    return perf[["opd", "fisik_teks", "keuangan_teks", "pagu_teks", "belanja_teks", "sinyal_teks"]].set_axis(
        ["OPD", t("opd.fisik", lang), t("opd.keuangan", lang), t("opd.pagu", lang), t("opd.belanja", lang),
         t("opd.sinyal", lang)], axis=1)


def households_table(reached: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Households reached as read: indicator, agency, reached, needed a year, share."""
    t = i18n.t
    return reached[["label", "opd", "kk_teks", "perlu_teks", "bagian_teks"]].set_axis(
        [t("tabel.indikator", lang), "OPD", t("opd.k_kk", lang), t("opd.k_perlu", lang), t("opd.k_bagian", lang)],
        axis=1)


def kegiatan_years(an: Analysis) -> list[int]:
    return sorted(int(y) for y in an.data.kegiatan["tahun"].unique())


def opd_matrix(an: Analysis, year: int, lang: str = "id") -> pd.DataFrame:
    """Who contributes to what: budget (pagu) per agency x indicator in a year, as long rows for a heat map."""
    k = an.data.kegiatan.loc[an.data.kegiatan["tahun"] == year]
    if k.empty:
        return pd.DataFrame(columns=["opd", "indikator", "label", "pagu", "teks", "kegiatan"])
    # supporting activities (no indicator: school sanitation, the SSK update) stay in their agency's budget, in a
    # column of their own after the indicators
    g = (k.assign(indikator=k["indikator"].astype(object).where(k["indikator"].notna(), PENUNJANG))
         .groupby(["opd", "indikator"], as_index=False).agg(pagu=("pagu", "sum"), kegiatan=("kegiatan", "count")))
    order = {code: i for i, code in enumerate([*indicators.REGISTRY, PENUNJANG])}
    g = g.sort_values(["indikator", "opd"], key=lambda c: c.map(order) if c.name == "indikator" else c,
                      kind="stable").reset_index(drop=True)
    return g.assign(label=[i18n.t("opd.penunjang", lang) if i == PENUNJANG else indicators.get(i).label(lang)
                           for i in g["indikator"]],
                    teks=[fmt.rupiah(v, lang) for v in g["pagu"]])


# the shading of the budget matrix's cells, light to dark as the amount grows (near Vega's "blues")
MATRIX_SHADES = ((0.0, "#deebf7"), (0.5, "#6baed6"), (1.0, "#08519c"))


def matrix_table(m: pd.DataFrame, source: str, lang: str = "id") -> Table:
    """The budget matrix (`opd_matrix`) as a table, in billions of rupiah: an indicator a row in the registry's
    order, the supporting activities last, then the agencies' totals; an agency a column by its short name, the
    biggest budget first, then each indicator's total. Each amount's cell is shaded by its share of the largest, as
    the heat map was. The agencies as columns: their short names keep eight columns readable at 1024 px, where the
    indicators' names as headings broke inside their words. Under it: what the shading means, the short names
    spelled out, the source."""
    t = i18n.t
    labels = list(dict.fromkeys(m["label"]))
    agencies = m.groupby("opd")["pagu"].sum().sort_values(ascending=False, kind="stable")
    top = float(m["pagu"].max()) if len(m) else 0.0
    cell = {(o, lab): v for o, lab, v in zip(m["opd"], m["label"], m["pagu"], strict=True)}

    def billions(v: float | None) -> str:
        return "" if v is None else fmt.number(v / 1e9, 2, lang)

    rows, fills = [], []
    for lab in labels:
        amounts = [cell.get((o, lab)) for o in agencies.index]
        rows.append([lab, *map(billions, amounts), billions(sum(v for v in amounts if v is not None))])
        fills.append((None, *(None if v is None or top <= 0 else charts.blend(MATRIX_SHADES, v / top)
                              for v in amounts), None))
    rows.append([t("tabel.jumlah", lang), *map(billions, agencies), billions(float(agencies.sum()))])
    fills.append((None,) * (len(agencies) + 2))
    frame = pd.DataFrame(rows, columns=[t("tabel.indikator", lang), *map(owners.short, agencies.index),
                                        t("tabel.jumlah", lang)])
    note = " ".join(x for x in (t("opd.matriks_bantuan", lang), owners.names_legend(agencies.index, lang), source)
                    if x)
    return Table(frame, None, note, warna=tuple(fills))


def opd_performance(an: Analysis, year: int, lang: str = "id") -> pd.DataFrame:
    """Physical and financial realisation per agency, with the signal an official looks for.

    Physical realisation is each activity's output realised / planned (capped at 100%), weighted by its
    budget; financial is spent / budget. `sinyal`: `mendahului` (spending ahead of output by more than
    AHEAD points), `tertinggal` (either below LAG%), else `sesuai`.
    """
    k = an.data.kegiatan.loc[an.data.kegiatan["tahun"] == year]
    if k.empty:
        return pd.DataFrame(columns=["opd", "fisik", "keuangan", "sinyal"])
    ratio = (k["realisasi_output"] / k["target_output"].where(k["target_output"] > 0)).clip(upper=1.0).fillna(0)
    k = k.assign(bobot_fisik=ratio * k["pagu"])
    g = k.groupby("opd", as_index=False).agg(pagu=("pagu", "sum"), belanja=("realisasi_anggaran", "sum"),
                                             fisik_w=("bobot_fisik", "sum"))
    g = g.assign(fisik=100.0 * g["fisik_w"] / g["pagu"].where(g["pagu"] > 0),
                 keuangan=100.0 * g["belanja"] / g["pagu"].where(g["pagu"] > 0)).drop(columns="fisik_w")
    signal = np.where(g["keuangan"] - g["fisik"] > AHEAD, "mendahului",
                      np.where((g["fisik"] < LAG) | (g["keuangan"] < LAG), "tertinggal", "sesuai"))
    t = i18n.t
    return g.assign(sinyal=signal,
                    sinyal_teks=[t(f"opd.sinyal_{s}", lang) for s in signal],
                    fisik_teks=[fmt.pct(v, 0, lang) for v in g["fisik"]],
                    keuangan_teks=[fmt.pct(v, 0, lang) for v in g["keuangan"]],
                    pagu_teks=[fmt.rupiah(v, lang) for v in g["pagu"]],
                    belanja_teks=[fmt.rupiah(v, lang) for v in g["belanja"]],
                    _urut=pd.Series(signal).map({"mendahului": 0, "tertinggal": 1, "sesuai": 2}).to_numpy()
                    ).sort_values(["_urut", "fisik"], kind="stable").drop(columns="_urut").reset_index(drop=True)


def opd_households(an: Analysis, year: int, lang: str = "id", dokumen: str = "",
                   porsi_baru: dict[str, float] | None = None) -> pd.DataFrame:
    """From each agency's output to households on the ladder: realised output x households per unit, next to
    the households a year every kecamatan needs for that indicator under the chosen document's target, to its
    default reach year (the Kebutuhan plan: `needs.gap`, backlog and growth)."""
    k = an.data.kegiatan.loc[(an.data.kegiatan["tahun"] == year) & (an.data.kegiatan["kk_per_satuan"] > 0)]
    if k.empty:
        return pd.DataFrame()
    k = k.assign(kk=k["realisasi_output"] * k["kk_per_satuan"])
    g = k.groupby(["indikator", "opd"], as_index=False)["kk"].sum()
    rows = []
    for ind_code, part in g.groupby("indikator", sort=False):
        ind = indicators.get(ind_code)
        if ind.tabel != "akses":
            continue
        plan = needed(an, dokumen, ind_code, (porsi_baru or {}).get(ind_code))
        need = plan.per_tahun_kecamatan if plan is not None else np.nan
        for _, r in part.iterrows():
            rows.append({"indikator": ind_code, "label": ind.label(lang), "opd": r["opd"], "kk": float(r["kk"]),
                         "perlu": need, "bagian": 100.0 * r["kk"] / need if need else np.nan,
                         "backlog": plan.backlog_kecamatan if plan is not None else np.nan,
                         "pertumbuhan": plan.pertumbuhan_kecamatan if plan is not None else np.nan,
                         "tahun_capai": plan.tahun_target if plan is not None else np.nan})
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    # no need without the document's target; no share of a need of 0
    why = [i18n.t("kosong.tanpa_target" if pd.isna(p) else "kosong.tanpa_kebutuhan", lang) for p in out["perlu"]]
    return out.assign(kk_teks=[fmt.kk(v, lang) for v in out["kk"]],
                      perlu_teks=[fmt.absent(w) if pd.isna(v) else fmt.kk(v, lang)
                                  for v, w in zip(out["perlu"], why, strict=True)],
                      bagian_teks=[fmt.absent(w) if pd.isna(v) else fmt.pct(v, 0, lang)
                                   for v, w in zip(out["bagian"], why, strict=True)])


def needed(an: Analysis, dokumen: str, indikator: str, porsi_baru: float | None = None) -> needs.Gap | None:
    """The Kebutuhan plan for the chosen document's target (to its default reach year), or None when the document
    sets no target for the indicator: the comparison is with the document chosen, never another one."""
    f = final_target(an, dokumen, indikator)
    if f is None:
        return None
    return gap(an, indikator, f[1], default_reach_year(an, dokumen, indikator),
               porsi_baru=None if porsi_baru is None else porsi_baru / 100.0)


def opd_households_text(frame: pd.DataFrame, lang: str = "id", dokumen: str = "") -> list[str]:
    """One sentence per indicator: what the agencies' output adds against what is needed a year."""
    out = []
    for k, part in frame.groupby("indikator", sort=False):
        total = part["kk"].sum()
        need = part["perlu"].iloc[0]
        ind = indicators.get(k)
        if pd.isna(need):
            out.append(i18n.t("opd.kalimat_tanpa_target", lang, indikator=ind.kata(lang), kk=fmt.kk(total, lang),
                              dokumen=dokumen))
            continue
        out.append(i18n.t("opd.kalimat_kk", lang, indikator=ind.kata(lang), kk=fmt.kk(total, lang),
                          perlu=fmt.kk(need, lang), persen=fmt.pct(100.0 * total / need if need else np.nan, 0, lang),
                          backlog=fmt.kk(part["backlog"].iloc[0], lang),
                          pertumbuhan=fmt.kk(part["pertumbuhan"].iloc[0], lang),
                          tahun=int(part["tahun_capai"].iloc[0]), dokumen=dokumen))
    return out
