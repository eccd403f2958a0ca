"""Program SSK: the district sanitation strategy's programme matrix against the need. Per indicator, kecamatan and
year: the households the plan reaches against those needed (the Kebutuhan page's numbers), the year the target is
reached if the plan is carried out, the money needed against the money planned by funding source, who carries the
plan, and what in it does not add up."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from sanitasi import charts, coverage, exports, fmt, i18n, indicators, needs, owners, programme
from sanitasi.analysis import KABUPATEN, Analysis, gap
from sanitasi.contracts import SUMBER_DANA
from sanitasi.coverage import WIDE, Coverage
from sanitasi.views.display import Figure, Table, source_line
from sanitasi.views.kebutuhan import cost_mark

KINDS = ("ssk", "akses", "biaya")  # the tables the plan-against-need figures draw on


@dataclass(frozen=True)
class Settings:
    dokumen: str
    indikator: str
    tahun_capai: int
    kode: str = KABUPATEN  # the area the yearly charts show: the district or a kecamatan
    kenaikan: float = 0.0  # % a year unit costs rise (the check of the matrix, and the money needed after the data)
    porsi_baru: float | None = None  # % of new households the programme must reach (set on Kebutuhan); None: default
    lang: str = "id"


@dataclass(frozen=True)
class Options:
    ada: bool  # the active data have a matrix
    indikator: list[str]  # the access indicators (their need is counted in households)
    tahun: list[int]  # the years a plan may aim at
    wilayah: list[str]  # the district, then the kecamatan by name


@dataclass(frozen=True, eq=False)
class ProgramSsk:
    target: str  # which target the plan is held to, and from which document
    ringkasan: str  # the one sentence
    ringkasan_kecamatan: str  # which kecamatan are short, most first, and where the plan is more than the need
    metrik: tuple[tuple[str, str], ...]  # planned and needed a year, short in households and money
    rumah_tangga: Figure  # households needed and planned per year, for the area chosen
    dana: Figure  # money per year by source, the shortfall on top (the slide's; the page shows `dana_ringkas_tabel`)
    dana_judul: str
    dana_ringkas_tabel: Table  # money per year needed, planned and short, and the period's totals
    dana_tabel: Table  # money per year by source, as read
    dana_ringkas: tuple[str, ...]  # the period's money planned, needed and short, and the largest source
    tabel: pd.DataFrame  # per kecamatan: households a year needed, planned, short; the year reached under the plan
    tabel_dana: pd.DataFrame  # per kecamatan: money a year needed, planned, short
    tabel_ringkas: pd.DataFrame  # the slide's: households needed, planned and short, money short, the year
    tabel_catatan: str
    capai_teks: str  # the year the target is reached if the plan is carried out, with how it is counted
    capai_ringkas: str  # its first sentence (the slide's)
    capai: Figure
    pemikul_judul: str
    pemikul: Table  # per agency: leads, money and households with their shares, realisation (its own sources)
    pemikul_catatan: tuple[str, ...]  # what the activity table and the matrix do not share
    periksa: tuple[str, ...]  # the consistency checks' findings
    sumber: str
    xlsx: Any  # () -> bytes: the matrix in the Instrumen SSK layout
    xlsx_nama: str


def default_year(an: Analysis, dokumen: str, indikator: str) -> int:
    """The target year of the document the plan is held to, while it is ahead; else five years on."""
    return coverage.reach_year(an, coverage.applied_document(an, dokumen, indikator), indikator)


def options(an: Analysis, lang: str = "id") -> Options:
    names = an.data.names
    return Options(ada=an.data.ssk is not None and len(an.data.ssk) > 0, indikator=list(programme.ACCESS),
                   tahun=list(range(an.tahun + 1, needs.HORIZON_YEAR + 1)),
                   wilayah=[KABUPATEN, *sorted(names, key=names.get)])


def view(an: Analysis, s: Settings) -> ProgramSsk:
    t, lang = i18n.t, s.lang
    ind = indicators.get(s.indikator)
    cov = coverage.coverage(an, s.indikator, s.dokumen, s.tahun_capai, kenaikan=s.kenaikan / 100.0,
                            porsi_baru=None if s.porsi_baru is None else s.porsi_baru / 100.0)
    source = source_line(an.data, *KINDS, lang=lang)
    area = an.nama(s.kode, lang)
    span = _span(cov.tahun)
    yearly = households_frame(cov, s.kode, lang)
    money, need = money_frames(cov, s.kode, lang)
    return ProgramSsk(
        target=target_text(an, cov, s.dokumen, lang),
        ringkasan=sentence(an, cov, s.kode, lang),
        ringkasan_kecamatan=kecamatan_sentence(an, cov, lang),
        metrik=metrics(cov, s.kode, lang, money_mark(an, lang)),
        rumah_tangga=Figure(charts.plan_need_bars(
            yearly, title=t("program.grafik_kk", lang, indikator=ind.label(lang), wilayah=area), source=source,
            lang=lang), f"program_kk_{s.indikator}_{s.kode}"),
        dana=Figure(charts.funding_bars(money, need, title=t("program.grafik_dana", lang, indikator=ind.label(lang),
                                                                   wilayah=area), source=source, lang=lang),
                    f"program_dana_{s.indikator}_{s.kode}"),
        dana_judul=t("program.tabel_dana_judul", lang, indikator=ind.label(lang), wilayah=area),
        dana_ringkas_tabel=Table(funding_summary(cov, s.kode, lang, money_mark(an, lang)), None, source),
        dana_tabel=Table(funding_table(cov, s.kode, lang, money_mark(an, lang)), None, source),
        dana_ringkas=tuple(funding_lines(an, cov, s.kode, lang)),
        tabel=kecamatan_table(an, cov, lang),
        tabel_dana=kecamatan_table(an, cov, lang, "dana"),
        tabel_ringkas=kecamatan_table(an, cov, lang, "ringkas"),
        tabel_catatan=t("program.tabel_catatan", lang, tahun=span, sumber=source),
        capai_teks=reach_text(an, cov, lang),
        capai_ringkas=reach_text(an, cov, lang, brief=True),
        capai=Figure(charts.what_if(cov.seri.assign(nama=cov.seri["kode_wilayah"].map(lambda k: an.nama(k, lang))),
                                    cov.target, highlight=KABUPATEN,
                                    title=t("program.grafik_capai", lang, indikator=ind.kata(lang)), source=source,
                                    lang=lang), f"program_capai_{s.indikator}"),
        pemikul_judul=t("program.pemikul_judul", lang, tahun=_span(programme.years(an.data.ssk))),
        pemikul=Table(carriers_table(an, lang), None, source_line(an.data, "ssk", "kegiatan", "peran", lang=lang)),
        pemikul_catatan=tuple(carrier_notes(an, lang)),
        periksa=tuple(checks(an, s, lang)),
        sumber=source,
        xlsx=partial(exports.table_file, "ssk", an.data.ssk, an.data.wilayah, ".xlsx"),
        xlsx_nama=f"matriks_program_ssk_versi_{an.data.versi}.xlsx",
    )


def _span(years: tuple[int, ...] | list[int]) -> str:
    years = list(years)
    if not years:
        return fmt.MISSING
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def _share(v: float, lang: str) -> str:
    return fmt.pct(v, 0 if round(v, 6) == int(round(v, 6)) else 1, lang)


# ------------------------------------------------------------------------------------- sentences
def target_text(an: Analysis, cov: Coverage, dokumen: str, lang: str = "id") -> str:
    """'Target: akses layak 92% pada 2029 (SSK 2025-2029 (ilustratif)); RPJMN 2025-2029 tidak menetapkannya.'"""
    ind = indicators.get(cov.indikator)
    words = dict(indikator=ind.kata(lang), target=_share(cov.target, lang), tahun=cov.tahun_target, dokumen=dokumen)
    if cov.dokumen is None:
        return i18n.t("program.target_bawaan", lang, **words)
    text = i18n.t("program.target", lang, **{**words, "dokumen": cov.dokumen})
    if cov.dokumen != dokumen:
        text += " " + i18n.t("program.target_dokumen_lain", lang, pilihan=dokumen, indikator=ind.kata(lang))
    return text


def sentence(an: Analysis, cov: Coverage, kode: str, lang: str = "id") -> str:
    """The plan reaches N KK a year, M are needed; short by K KK and Rp X a year, most in <kecamatan>."""
    t = i18n.t
    row = cov.wilayah.loc[cov.wilayah["kode"] == kode].iloc[0]
    words = dict(rencana=fmt.kk(row["kk_rencana"], lang), perlu=fmt.kk(row["kk_perlu"], lang), tahun=_span(cov.tahun),
                 kurang=fmt.kk(abs(row["kk_kurang"]), lang), biaya=fmt.rupiah(abs(row["biaya_kurang"]), lang),
                 wilayah=an.nama(kode, lang), capai=cov.tahun_target,
                 indikator=indicators.get(cov.indikator).kata(lang), target=_share(cov.target, lang))
    if not cov.tahun:
        return t("program.ringkasan_lewat", lang, **words)
    money = "kurang" if row["biaya_kurang"] > 0 else "cukup"
    if row["kk_kurang"] > 0.5:
        head = t(f"program.ringkasan_kurang_{money}", lang, **words)
        if kode == KABUPATEN:
            kec = cov.wilayah.loc[~cov.wilayah["kode"].isin([KABUPATEN, WIDE])]
            worst = kec.sort_values("kk_kurang", ascending=False).iloc[0]
            head += " " + t("program.ringkasan_terbanyak", lang, kecamatan=an.nama(worst["kode"], lang),
                            kk=fmt.kk(worst["kk_kurang"], lang))
    else:
        head = t(f"program.ringkasan_cukup_{money}", lang, **words)
    if an.data.illustrative("ssk") or an.data.illustrative("biaya"):  # the plan, or the unit costs of the need
        head = t("program.tanda_ilustratif", lang) + " " + head
    return head


def kecamatan_sentence(an: Analysis, cov: Coverage, lang: str = "id") -> str:
    """'9 of 12 kecamatan get less than they need: most Satui (230 KK), ...; the plan is more than the need in
    Batulicin, Kusan Hilir.' Short: on a slide it stands above a table of every kecamatan."""
    t = i18n.t
    if not cov.tahun:
        return t("program.ringkasan_lewat", lang, capai=cov.tahun_target)
    kec = cov.wilayah.loc[~cov.wilayah["kode"].isin([KABUPATEN, WIDE])]
    short = kec.loc[kec["kk_kurang"] > 0.5].sort_values("kk_kurang", ascending=False, kind="stable")
    more = kec.loc[kec["kk_kurang"] < -0.5]
    most = ", ".join(f"{an.nama(r.kode, lang)} ({fmt.kk(r.kk_kurang, lang)})" for r in short.head(3).itertuples())
    parts = [t("program.kec_kurang", lang, n=len(short), dari=len(kec), tahun=_span(cov.tahun), daftar=most)
             if len(short) else t("program.kec_cukup", lang)]
    if len(more):
        parts.append(t("program.kec_lebih", lang, daftar=", ".join(an.nama(k, lang) for k in more["kode"])))
    wide = cov.wilayah.loc[cov.wilayah["kode"] == WIDE, "kk_rencana"]
    if len(wide) and wide.iloc[0] > 0:
        parts.append(t("program.kec_seluruh", lang, kk=fmt.kk(wide.iloc[0], lang)))
    head = " ".join(parts)
    if an.data.illustrative("ssk") or an.data.illustrative("biaya"):
        head = t("program.tanda_ilustratif", lang) + " " + head
    return head


def money_mark(an: Analysis, lang: str = "id") -> str:
    """' (ILUSTRATIF)' after every money heading while the matrix (money planned) or the unit costs (money needed)
    are the bundled illustrative ones."""
    return cost_mark(an.data.illustrative("ssk") or an.data.illustrative("biaya"), lang)


def metrics(cov: Coverage, kode: str, lang: str = "id", mark: str = "") -> tuple[tuple[str, str], ...]:
    t = i18n.t
    row = cov.wilayah.loc[cov.wilayah["kode"] == kode].iloc[0]
    short_kk, short_rp = row["kk_kurang"], row["biaya_kurang"]
    return ((t("program.m_rencana", lang), fmt.kk(row["kk_rencana"], lang)),
            (t("program.m_perlu", lang), fmt.kk(row["kk_perlu"], lang)),
            (t("program.m_kurang_kk" if short_kk > 0 else "program.m_lebih_kk", lang), fmt.kk(abs(short_kk), lang)),
            (t("program.m_kurang_rp" if short_rp > 0 else "program.m_lebih_rp", lang) + mark,
             fmt.rupiah(abs(short_rp), lang)))


def reach_text(an: Analysis, cov: Coverage, lang: str = "id", brief: bool = False) -> str:
    """The year the target is reached if the plan is carried out: the district's, and how many kecamatan reach it by
    the target year; says when the plan's pace was carried on past the matrix."""
    t = i18n.t
    kab = cov.capai.loc[cov.capai["kode_wilayah"] == KABUPATEN, "tahun_capai"].iloc[0]
    kec = cov.capai.loc[cov.capai["kode_wilayah"] != KABUPATEN, "tahun_capai"]
    words = dict(target=_share(cov.target, lang), indikator=indicators.get(cov.indikator).kata(lang),
                 batas=needs.HORIZON_YEAR, capai=cov.tahun_target, akhir=_span(programme.years(an.data.ssk)))
    head = (t("program.capai_tidak", lang, **words) if pd.isna(kab)
            else t("program.capai_tahun", lang, tahun=int(kab), **words))
    if brief:
        return head
    n = int((kec.notna() & (kec.fillna(cov.tahun_target + 1) <= cov.tahun_target)).sum())
    parts = [head, t("program.capai_kecamatan", lang, n=n, dari=len(kec), **words)]
    if cov.lanjut:
        parts.append(t("program.capai_lanjut", lang, **words))
    if (cov.wilayah.loc[cov.wilayah["kode"] == WIDE, "kk_rencana"] > 0).any():
        parts.append(t("program.capai_seluruh", lang))
    return " ".join(parts)


# ------------------------------------------------------------------------------------- frames for charts and tables
def households_frame(cov: Coverage, kode: str, lang: str = "id") -> pd.DataFrame:
    """Households needed and planned each year for one area, as long rows for the side-by-side bars."""
    t = i18n.t
    rows = cov.per_tahun.loc[cov.per_tahun["kode"] == kode]
    parts = [rows.assign(bagian=b, urutan=i, label=t(f"program.{b}", lang), kk=rows[f"kk_{b}"])
             for i, b in enumerate(("perlu", "rencana"))]
    out = pd.concat(parts, ignore_index=True) if len(rows) else pd.DataFrame(
        columns=["tahun", "bagian", "urutan", "label", "kk"])
    return out.assign(kk_teks=[fmt.number(v, 0, lang) for v in out["kk"]])[
        ["tahun", "bagian", "urutan", "label", "kk", "kk_teks"]]


def money_frames(cov: Coverage, kode: str, lang: str = "id") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(money planned per year by source with the shortfall as one more part, money needed per year) of one area:
    the stacked bars and their ticks."""
    f = coverage.funding(cov, kode)
    labels = {s: i18n.t(f"dana.{s}", lang) for s in SUMBER_DANA}
    parts = [pd.DataFrame({"tahun": f["tahun"], "sumber_dana": s, "label": labels[s], "urutan": i, "biaya": f[s]})
             for i, s in enumerate(SUMBER_DANA) if f[s].sum() > 0]
    gap_part = pd.DataFrame({"tahun": f["tahun"], "sumber_dana": "kurang", "label": i18n.t("program.kurang_dana", lang),
                             "urutan": len(SUMBER_DANA), "biaya": f["kurang"].clip(lower=0.0).fillna(0.0)})
    if gap_part["biaya"].sum() > 0:
        parts.append(gap_part)
    cols = ["tahun", "sumber_dana", "label", "urutan", "biaya"]
    stack = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)
    stack = stack.assign(miliar=stack["biaya"].astype("float64") / 1e9,
                         teks=[fmt.rupiah(v, lang) for v in stack["biaya"]])
    need = pd.DataFrame({"tahun": f["tahun"], "miliar": f["perlu"] / 1e9,
                         "perlu_teks": [fmt.number(v / 1e9, 1, lang) for v in f["perlu"]],
                         "perlu_rp": [fmt.rupiah(v, lang) for v in f["perlu"]]})
    return stack, need.loc[need["miliar"].notna()]


def funding_table(cov: Coverage, kode: str, lang: str = "id", mark: str = "") -> pd.DataFrame:
    """Money per year of one area as read: each source that plans some, planned, needed, short."""
    t = i18n.t
    f = coverage.funding(cov, kode)
    out = {t("grafik.tahun", lang): f["tahun"].astype(str)}
    for s in SUMBER_DANA:
        if f[s].sum() > 0:
            out[t(f"dana.{s}", lang) + mark] = [fmt.rupiah(v, lang) for v in f[s]]
    out[t("program.k_rencana_rp", lang) + mark] = [fmt.rupiah(v, lang) for v in f["rencana"]]
    out[t("program.k_perlu_rp", lang) + mark] = [fmt.rupiah(v, lang) for v in f["perlu"]]
    out[t("program.k_kurang_rp", lang) + mark] = [fmt.rupiah(v, lang) for v in f["kurang"]]
    return pd.DataFrame(out)


def funding_summary(cov: Coverage, kode: str, lang: str = "id", mark: str = "") -> pd.DataFrame:
    """Money per year of one area, needed, planned and short, then the years compared added up: beside the
    households a year, the money it takes (the sources are in `funding_table`)."""
    t = i18n.t
    f = coverage.funding(cov, kode)
    parts = ("perlu", "rencana", "kurang")
    heads = {"perlu": "program.k_perlu_rp", "rencana": "program.k_rencana_rp", "kurang": "program.k_kurang_rp"}
    out = {t("grafik.tahun", lang): [*f["tahun"].astype(str), t("tabel.jumlah", lang)]}
    for part in parts:
        out[t(heads[part], lang) + mark] = [fmt.rupiah(v, lang) for v in (*f[part], f[part].sum())]
    return pd.DataFrame(out)


def funding_lines(an: Analysis, cov: Coverage, kode: str, lang: str = "id") -> list[str]:
    """The money of the years compared, added up: planned, needed, short; and the source planning the most."""
    f = coverage.funding(cov, kode)
    if f.empty:
        return []
    t = i18n.t
    out = [t("program.dana_total", lang, tahun=_span(cov.tahun), wilayah=an.nama(kode, lang),
             rencana=fmt.rupiah(f["rencana"].sum(), lang), perlu=fmt.rupiah(f["perlu"].sum(), lang),
             kurang=fmt.rupiah(f["kurang"].sum(), lang))]
    by_source = f[list(SUMBER_DANA)].sum()
    if by_source.sum() > 0:
        top = by_source.idxmax()
        out.append(t("program.sumber_terbesar", lang, sumber=t(f"dana.{top}", lang),
                     porsi=fmt.pct(100.0 * by_source[top] / by_source.sum(), 0, lang)))
    return out


PARTS = {  # the columns of each table of kecamatan (their i18n keys): households, money, and the slide's
    "kk": ("tabel.kecamatan", "program.k_perlu", "program.k_rencana", "program.k_kurang", "program.k_persen",
           "program.k_capai"),
    "dana": ("tabel.kecamatan", "program.k_perlu_rp", "program.k_rencana_rp", "program.k_kurang_dana"),
    "ringkas": ("tabel.kecamatan", "program.k_perlu", "program.k_rencana", "program.k_kurang", "program.k_kurang_dana",
                "program.k_capai"),
}


def kecamatan_table(an: Analysis, cov: Coverage, lang: str = "id", part: str = "kk") -> pd.DataFrame:
    """Per kecamatan (most short first), then the district-wide work and the district: households and money a year
    needed and planned, what is short, the share in the target year and the year the target is reached (and kept)
    under the plan; the columns of one `part` (PARTS), so that each table fits a laptop screen."""
    t = i18n.t
    w = cov.wilayah
    kec = w.loc[~w["kode"].isin([KABUPATEN, WIDE])].sort_values("kk_kurang", ascending=False, kind="stable")
    wide = w.loc[w["kode"] == WIDE] if part != "ringkas" else w.iloc[0:0]  # the slide says it in its sentence
    rows = pd.concat([kec, wide, w.loc[w["kode"] == KABUPATEN]], ignore_index=True)
    names = [t("program.seluruh", lang) if k == WIDE else an.nama(k, lang) for k in rows["kode"]]
    share = cov.seri.loc[cov.seri["tahun"] == cov.tahun_target].set_index("kode_wilayah")["persen"]
    mark = money_mark(an, lang)
    # the district-wide work is planned, not needed, per kecamatan: its need, shortfall and share say so
    shared = fmt.absent(t("kosong.tidak_dibagi", lang))

    def cells(values: Any, write: Any) -> list[str]:
        return [shared if k == WIDE else write(v) for k, v in zip(rows["kode"], values, strict=True)]

    out = {  # key -> (heading, cells)
        "tabel.kecamatan": (t("tabel.kecamatan", lang), names),
        "program.k_perlu": (t("program.k_perlu", lang), cells(rows["kk_perlu"], lambda v: fmt.number(v, 0, lang))),
        "program.k_rencana": (t("program.k_rencana", lang), [fmt.number(v, 0, lang) for v in rows["kk_rencana"]]),
        "program.k_kurang": (t("program.k_kurang", lang), cells(rows["kk_kurang"], lambda v: fmt.number(v, 0, lang))),
        "program.k_perlu_rp": (t("program.k_perlu_rp", lang) + mark,
                               cells(rows["biaya_perlu"], lambda v: fmt.rupiah(v, lang))),
        "program.k_rencana_rp": (t("program.k_rencana_rp", lang) + mark,
                                 [fmt.rupiah(v, lang) for v in rows["biaya_rencana"]]),
        "program.k_kurang_dana": (t("program.k_kurang_dana", lang) + mark,
                                  cells(rows["biaya_kurang"], lambda v: fmt.rupiah(v, lang))),
        "program.k_persen": (t("program.k_persen", lang, tahun=cov.tahun_target), cells(rows["kode"], lambda k: (
            fmt.absent(t("kosong.tanpa_data", lang)) if k not in share.index else fmt.pct(share[k], 1, lang)))),
        "program.k_capai": (t("program.k_capai", lang), [reach_cell(cov, k, y, lang) for k, y in zip(
            rows["kode"], rows["tahun_capai"], strict=True)]),
    }
    return pd.DataFrame(dict(out[k] for k in PARTS[part]))


def reach_cell(cov: Coverage, kode: str, year: Any, lang: str = "id") -> str:
    """The year the target is reached and kept under the plan, as the table says it: 'sudah' when it is today."""
    if kode == WIDE:
        return fmt.absent(i18n.t("kosong.tidak_dibagi", lang))
    if pd.isna(year):
        return i18n.t("kebutuhan.belum_capai", lang, tahun=needs.HORIZON_YEAR)
    return i18n.t("program.sudah", lang) if int(year) <= cov.gap.tahun else str(int(year))


# ------------------------------------------------------------------------------------- who carries it
def carriers_table(an: Analysis, lang: str = "id") -> pd.DataFrame:
    """Per agency: the indicators it leads, its money and households with their shares, and its realisation in
    the years the activity table covers (budget and spending of the matched activities against the plan)."""
    t = i18n.t
    c = programme.carriers(an.data.ssk, an.data.kegiatan, an.data.peran)
    m = programme.match(an.data.ssk, an.data.kegiatan)
    real = _span(m.tahun)
    return pd.DataFrame({
        "OPD": [owners.short(o) for o in c["opd"]],
        t("program.k_memimpin", lang): [", ".join(indicators.get(k).label(lang) for k in ks)
                                         or t("program.tidak_memimpin", lang) for ks in c["memimpin"]],
        t("program.k_dana", lang): [f"{fmt.rupiah(v, lang)} ({fmt.pct(p, 0, lang)})"
                                    for v, p in zip(c["biaya"], c["porsi_biaya"], strict=True)],
        t("program.k_kk_akses", lang): [f"{fmt.kk(v, lang)} ({fmt.pct(p, 0, lang)})" if v
                                        else t("program.tanpa_kk", lang)
                                        for v, p in zip(c["kk"], c["porsi_kk"], strict=True)],
        t("program.k_pagu", lang, tahun=real): [
            fmt.absent(t("kosong.tanpa_data", lang)) if pd.isna(r) else f"{fmt.rupiah(p, lang)} / {fmt.rupiah(r, lang)}"
            for p, r in zip(c["pagu"], c["rencana"], strict=True)],
        t("program.k_belanja", lang, tahun=real): [
            fmt.absent(t("kosong.tanpa_data", lang)) if pd.isna(b)
            else f"{fmt.rupiah(b, lang)} ({fmt.pct(100.0 * b / p if p else np.nan, 0, lang)})"
            for b, p in zip(c["belanja"], c["pagu"], strict=True)],
    })


def carrier_notes(an: Analysis, lang: str = "id") -> list[str]:
    """What the plan and the activity table do not share, in the years both cover; the short names spelled out."""
    t = i18n.t
    m = programme.match(an.data.ssk, an.data.kegiatan)
    out = [t("program.cocok_cara", lang, tahun=_span(m.tahun))] if m.tahun else [t("program.cocok_tanpa", lang)]
    if len(m.tanpa_kegiatan):
        out.append(t("program.tanpa_kegiatan", lang, kegiatan="; ".join(
            f"{n} ({owners.short(o)}, {y}, {fmt.rupiah(r, lang)})"
            for y, o, n, r in m.tanpa_kegiatan[["tahun", "opd", "nama", "rencana"]].itertuples(index=False))))
    if len(m.tanpa_rencana):
        out.append(t("program.tanpa_rencana", lang, kegiatan="; ".join(
            f"{n} ({owners.short(o)}, {y}, {fmt.rupiah(p, lang)})"
            for y, o, n, p in m.tanpa_rencana[["tahun", "opd", "nama", "pagu"]].itertuples(index=False))))
    named = sorted({o for o in an.data.ssk["opd"].dropna() if owners.short(o) != o})
    if named:
        out.append(t("peran.singkatan", lang, daftar="; ".join(f"{owners.short(o)} = {o}" for o in named)))
    return out


# ------------------------------------------------------------------------------------- consistency
def checks(an: Analysis, s: Settings, lang: str = "id") -> list[str]:
    """What does not add up: budget lines off volume x unit cost, access work where no access is needed, households
    on rows of indicators without a household need, desludging beyond the sludge plant, years the matrix does not
    cover. Shown as questions: nothing is corrected."""
    t = i18n.t
    ssk = an.data.ssk
    out = []
    off = programme.price_check(ssk, s.kenaikan / 100.0)
    if len(off):
        worst = off.assign(besar=off["selisih"].abs()).sort_values("besar", ascending=False).head(3)
        out.append(t("program.cek_harga", lang, n=len(off), kenaikan=fmt.number(s.kenaikan, 0, lang), contoh="; ".join(
            f"{r.sub_kegiatan or r.kegiatan} {r.tahun}: {fmt.rupiah(r.biaya, lang)}, "
            f"{t('program.hitungan', lang)} {fmt.rupiah(r.harga, lang)}" for r in worst.itertuples())))
    for code in programme.ACCESS:
        applied = coverage.applied_document(an, s.dokumen, code)
        share = s.porsi_baru / 100.0 if code == s.indikator and s.porsi_baru is not None else None
        g = gap(an, code, coverage.goal(an, applied, code), s.tahun_capai, porsi_baru=share)
        done = set(g.table.loc[g.table["kesenjangan_kk"] == 0, "kode_wilayah"])
        for r in programme.above_target(ssk, code, done).itertuples():
            out.append(t("program.cek_di_atas", lang, kegiatan=r.sub_kegiatan, kecamatan=an.nama(r.kode, lang),
                         kk=fmt.kk(r.kk, lang), tahun=r.tahun, indikator=indicators.get(code).kata(lang),
                         target=_share(g.target, lang)))
    other = programme.elsewhere(ssk)
    if len(other):
        out.append(t("program.cek_indikator_lain", lang, kk=fmt.kk(other["kk"].sum(), lang), indikator=", ".join(
            dict.fromkeys(indicators.get(k).label(lang) for k in other["indikator"]))))
    plant = programme.existing_plant(an.data.fakta)
    for r in programme.sludge_check(ssk, plant).itertuples():
        if r.lebih:
            out.append(t("program.cek_iplt", lang, tahun=r.tahun, kk=fmt.kk(r.kk, lang),
                         kapasitas=fmt.number(r.kapasitas, 0, lang), muat=fmt.kk(r.kk_muat, lang),
                         lumpur=fmt.number(programme.SLUDGE_M3, 0, lang), hari=programme.PLANT_DAYS,
                         ada=fmt.number(plant or 0, 0, lang)))
    last = max(programme.years(ssk), default=None)
    if last is not None and s.tahun_capai > last:
        out.append(t("program.cek_tahun", lang, akhir=last, capai=s.tahun_capai))
    return out or [t("program.cek_kosong", lang)]
