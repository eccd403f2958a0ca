"""The rest of the district strategy as the pages show it: ODF villages, two access measures side by side,
agency roles and realisation, and the clinic's commitments. Pure functions; numbers formatted here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from sanitasi import fmt, i18n, indicators, lineage, needs, targets, views
from sanitasi.views import KABUPATEN, Analysis

# Agency signals (documented on the methods page): spending is "ahead of output" when the financial
# realisation passes the physical one by more than AHEAD points; an agency "lags the plan" when either
# realisation is below LAG percent.
AHEAD = 15.0
LAG = 80.0


# ------------------------------------------------------------------------------------- STBM
def odf_by_kecamatan(an: Analysis, lang: str = "id") -> pd.DataFrame:
    """ODF villages per kecamatan in the reference year: verified, declared only, not yet; worst first."""
    kec = an.frames("desa_odf")[0]
    rows = kec.loc[kec["tahun"] == an.tahun]
    if rows.empty:
        return pd.DataFrame()
    t = i18n.t
    out = rows.assign(belum=rows["jumlah_desa"] - rows["desa_odf_terverifikasi"] - rows["desa_odf_deklarasi"])
    out = out.sort_values("pct_desa_odf", kind="stable").reset_index(drop=True)
    long = []
    for key, col in (("terverifikasi", "desa_odf_terverifikasi"), ("deklarasi", "desa_odf_deklarasi"),
                     ("belum", "belum")):
        long.append(pd.DataFrame({"nama": out["nama"], "status": t(f"stbm.{key}", lang), "urutan": key,
                                  "jumlah": out[col].astype(int),
                                  "teks": out[col].map(lambda v: fmt.number(v, 0, lang)),
                                  "persen_odf": out["pct_desa_odf"]}))
    return pd.concat(long, ignore_index=True)


@dataclass(frozen=True)
class OdfSummary:
    verified: int
    declared: int
    villages: int
    share: float
    text: str


def odf_summary(an: Analysis, lang: str = "id") -> OdfSummary | None:
    kab = an.frames("desa_odf")[1]
    rows = kab.loc[kab["tahun"] == an.tahun]
    if rows.empty:
        return None
    r = rows.iloc[0]
    v, d, n = int(r["desa_odf_terverifikasi"]), int(r["desa_odf_deklarasi"]), int(r["jumlah_desa"])
    text = i18n.t("stbm.ringkas", lang, odf=v, desa=n, persen=fmt.pct(r["pct_desa_odf"], lang=lang), deklarasi=d,
                  tahun=an.tahun)
    return OdfSummary(v, d, n, float(r["pct_desa_odf"]), text)


PAIRS = (("layak", "stbm_jamban_sehat"), ("babs_terbuka", "stbm_od"))


def two_measures(an: Analysis, lang: str = "id") -> pd.DataFrame:
    """Susenas-style ladder share next to the STBM share, per kecamatan and for the kabupaten, same year.

    The two are never merged: different systems (BPS household survey vs the Health Office's registry),
    different definitions (STBM counts semi-permanent latrines as access). The difference is shown.
    """
    t = i18n.t
    rows = []
    for kode, name in [(KABUPATEN, t("umum.kabupaten", lang)), *zip(an.data.wilayah["kode"], an.data.wilayah["nama"],
                                                                    strict=True)]:
        for susenas, stbm in PAIRS:
            a = _value(an, susenas, kode)
            b = _value(an, stbm, kode)
            if a is None or b is None:
                continue
            rows.append({"kode": kode, "nama": name, "pasangan": susenas,
                         "ukuran_susenas": indicators.get(susenas).label(lang),
                         "ukuran_stbm": indicators.get(stbm).label(lang), "susenas": a, "stbm": b, "selisih": b - a})
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    return out.assign(susenas_teks=[fmt.pct(v, lang=lang) for v in out["susenas"]],
                      stbm_teks=[fmt.pct(v, lang=lang) for v in out["stbm"]],
                      selisih_teks=[fmt.delta(v, lang=lang) for v in out["selisih"]])


def _value(an: Analysis, indikator: str, kode: str) -> float | None:
    kec, kab = an.frames(indikator)
    frame = kab if kode == KABUPATEN else lineage.comparable_only(kec.loc[kec["kode_wilayah"] == kode])
    hit = frame.loc[frame["tahun"] == an.tahun]
    return None if hit.empty else float(hit.iloc[0][indicators.get(indikator).kolom])


def two_measures_table(frame: pd.DataFrame, pair: str, lang: str = "id") -> pd.DataFrame:
    """One pair as a table to read: kecamatan, Susenas, STBM, difference."""
    t = i18n.t
    f = frame.loc[frame["pasangan"] == pair]
    if f.empty:
        return pd.DataFrame()
    return pd.DataFrame({t("tabel.kecamatan", lang): f["nama"].to_numpy(),
                         f["ukuran_susenas"].iloc[0]: f["susenas_teks"].to_numpy(),
                         f["ukuran_stbm"].iloc[0]: f["stbm_teks"].to_numpy(),
                         t("stbm.selisih", lang): f["selisih_teks"].to_numpy()})


# ------------------------------------------------------------------------------------- agencies
def kegiatan_years(an: Analysis) -> list[int]:
    return sorted(int(y) for y in an.data.kegiatan["tahun"].unique())


def opd_matrix(an: Analysis, year: int, lang: str = "id") -> pd.DataFrame:
    """Who contributes to what: budget (pagu) per agency x indicator in a year, as long rows for a heat map."""
    k = an.data.kegiatan.loc[an.data.kegiatan["tahun"] == year]
    if k.empty:
        return pd.DataFrame(columns=["opd", "indikator", "label", "pagu", "teks", "kegiatan"])
    g = k.groupby(["opd", "indikator"], as_index=False).agg(pagu=("pagu", "sum"), kegiatan=("kegiatan", "count"))
    return g.assign(label=[indicators.get(i).label(lang) for i in g["indikator"]],
                    teks=[fmt.rupiah(v, lang) for v in g["pagu"]])


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


def opd_households(an: Analysis, year: int, lang: str = "id") -> pd.DataFrame:
    """From each agency's output to households on the ladder: realised output x households per unit, next to
    the households a year the district needs for that indicator (to its default reach year)."""
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
        need = _needed_per_year(an, ind_code)
        for _, r in part.iterrows():
            rows.append({"indikator": ind_code, "label": ind.label(lang), "opd": r["opd"], "kk": float(r["kk"]),
                         "perlu": need, "bagian": 100.0 * r["kk"] / need if need else np.nan})
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    return out.assign(kk_teks=[fmt.kk(v, lang) for v in out["kk"]],
                      perlu_teks=[fmt.kk(v, lang) for v in out["perlu"]],
                      bagian_teks=[fmt.pct(v, 0, lang) for v in out["bagian"]])


def _needed_per_year(an: Analysis, indikator: str) -> float:
    docs = [d for d in targets.documents(an.data.target)
            if indikator in targets.indicators_of(an.data.target, d)]
    if not docs:
        return float("nan")
    f = targets.final(an.data.target, docs[0], indikator)
    reach = f[0] if f and f[0] > an.tahun else an.tahun + 5
    latest = views.latest_rows(lineage.comparable_only(an.kec))
    t = needs.households_needed(latest, indikator, target=f[1], target_year=reach, growth=an.growth)
    return float(t["per_tahun"].sum())


def opd_households_text(frame: pd.DataFrame, lang: str = "id") -> list[str]:
    """One sentence per indicator: what the agencies' output adds against what is needed a year."""
    out = []
    for _, part in frame.groupby("indikator", sort=False):
        total = part["kk"].sum()
        need = part["perlu"].iloc[0]
        out.append(i18n.t("opd.kalimat_kk", lang, indikator=part["label"].iloc[0].lower(), kk=fmt.kk(total, lang),
                          perlu=fmt.kk(need, lang), persen=fmt.pct(100.0 * total / need if need else np.nan, 0, lang)))
    return out


# ------------------------------------------------------------------------------------- commitments
OPEN = ("belum", "berjalan", "terlambat")


def commitments(an: Analysis, today: date | None = None, lang: str = "id") -> pd.DataFrame:
    """The clinic's commitments with their effective status: past the deadline and not done -> `terlambat`."""
    k = an.data.komitmen.copy()
    if k.empty:
        return k.assign(status_efektif=pd.Series(dtype="object"))
    today = today or date.today()
    deadline = pd.to_datetime(k["tenggat"], errors="coerce").dt.date
    late = deadline.map(lambda d: d is not None and not pd.isna(d) and d < today) & k["status"].isin(["belum",
                                                                                                       "berjalan"])
    status = np.where(late, "terlambat", k["status"])
    names = dict(zip(an.data.wilayah["kode"], an.data.wilayah["nama"], strict=True))
    return k.assign(status_efektif=status,
                    status_teks=[i18n.t(f"komitmen.status_{s}", lang) for s in status],
                    wilayah=k["kode_wilayah"].map(names).fillna(i18n.t("umum.kabupaten", lang)),
                    indikator_teks=[indicators.get(i).label(lang) if isinstance(i, str) and i in indicators.REGISTRY
                                    else "" for i in k["indikator"]]
                    ).sort_values(["tenggat"], kind="stable").reset_index(drop=True)


def commitments_display(frame: pd.DataFrame, lang: str = "id", open_only: bool = False) -> pd.DataFrame:
    t = i18n.t
    f = frame.loc[frame["status_efektif"].isin(OPEN)] if open_only else frame
    return pd.DataFrame({t("komitmen.k_klinik", lang): f["klinik"], t("komitmen.k_pihak", lang): f["pihak"],
                         t("komitmen.k_wilayah", lang): f["wilayah"], t("komitmen.k_isi", lang): f["komitmen"],
                         t("komitmen.k_indikator", lang): f["indikator_teks"],
                         t("komitmen.k_tenggat", lang): f["tenggat"],
                         t("komitmen.k_status", lang): f["status_teks"]}).reset_index(drop=True)
