"""Kebutuhan: households to gain each year to reach a target by a chosen year, what that costs at the unit costs on
screen (the editor's values), and a what-if: when the target is reached with a given number of households a year."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from sanitasi import charts, exports, fmt, i18n, indicators, lineage, needs
from sanitasi.analysis import KABUPATEN, Analysis, gap, latest_rows
from sanitasi.documents import default_reach_year, final_target, indicators_of
from sanitasi.unit_costs import (  # noqa: F401  (the page and the tests read the editor's names here)
    CostEdit,
    CostEditor,
    CostRow,
    changed,
    cost_editor,
    cost_text,
    costs_from_editor,
    read_costs,
    share_text,
    with_edits,
)
from sanitasi.views.display import Bars, Figure, Table, source_line

# The goal when the document sets no target for the indicator (`sanitasi.needs.default_goal`)
GOAL_UP = needs.GOAL_UP
GOAL_DOWN = needs.GOAL_DOWN

@dataclass(frozen=True)
class Settings:
    dokumen: str
    indikator: str
    tahun_capai: int
    biaya: tuple[CostRow, ...] = ()  # the cost editor's rows of this indicator; () = the unit-cost file as it is
    skenario_kk: int | None = None  # households a year in the what-if; None = this plan's own (`default_scenario`)
    porsi_baru: float | None = None  # % of new households the programme must reach; None = the default (needs.gap)
    lang: str = "id"


@dataclass(frozen=True)
class Options:
    """What the page's controls offer before the view is drawn: the years, the goal, the growth assumption and the
    cost rows."""

    tahun: list[int]  # the years a plan may aim at: next year to the horizon
    tahun_awal: int  # the document's target year while it is ahead, else five years on
    target: float  # the goal planned for (the document's final target, or the default goal)
    target_teks: str
    target_lewat: str | None  # the document's target year has passed (None when it has not)
    biaya: CostEditor
    porsi_label: str  # the growth assumption's control
    porsi_bawaan: float  # its default, % of new households (new households like today's)
    porsi_maks: float  # its largest value, % (every new household arrives without access)
    porsi_bantuan: str  # how the default is made, and what 0 and the largest value mean


@dataclass(frozen=True)
class Needs:
    """The plan's numbers, from `needs.gap` (the Paparan needs slides read them too)."""

    indikator: str
    target: float
    tahun_capai: int
    gap: needs.Gap
    table: pd.DataFrame  # one row per kecamatan + the sum of the kecamatan (KABUPATEN), numeric and `_teks` columns
    ringkasan: str
    metrics: tuple[tuple[str, str], ...] = ()
    display: pd.DataFrame | None = None  # the table as read, with the district as one area in its last row
    biaya_ilustratif: bool = False  # the unit costs are the bundled illustrative ones: every cost figure says so

    @property
    def total_kk(self) -> int:
        """Households to reach so that every kecamatan reaches the target: backlog + growth."""
        return self.gap.total_kecamatan

    @property
    def total_per_tahun(self) -> float:
        return self.gap.per_tahun_kecamatan

    @property
    def biaya_per_kk(self) -> float:
        return self.gap.biaya_per_kk

    @property
    def total_biaya(self) -> float:
        return self.total_kk * self.biaya_per_kk


@dataclass(frozen=True)
class Kebutuhan:
    kebutuhan: Needs  # the plan's numbers (the Paparan needs slide reads them too)
    ringkasan: str
    metrik: tuple[tuple[str, str], ...]  # (label, value): backlog, growth, a year, cost a year
    per_kecamatan: Figure
    tahunan: Figure
    tabel: Table  # the need by kecamatan, households a year drawn as bars
    tabel_xlsx: Any  # () -> bytes: the table as a workbook, figures as numbers, with what they rest on
    tabel_nama: str
    asumsi: str  # how the plan is counted, with the growth assumption in use
    skenario_label: str  # the what-if number's label
    skenario_awal: int  # its starting value: this plan's households a year
    skenario_kk: int  # the number the what-if below is for
    skenario_teks: str
    skenario_tabel: Table  # the what-if by kecamatan, with its source line (the chart is drawn on request)
    skenario: Figure
    sumber_biaya: str = ""  # under the cost figures: the access data and the unit costs they are drawn from
    biaya_catatan: str | None = None  # the unit costs were changed on screen: said under the figures


def indicator_choices(an: Analysis, dokumen: str) -> list[str]:
    """The headline indicators the document sets a target for, or all of them when it sets none."""
    return indicators_of(an, dokumen) or list(indicators.HEADLINE)


def goal(an: Analysis, dokumen: str, indikator: str) -> float:
    """The value planned for: the document's final target, else the default goal for the indicator's direction."""
    final = final_target(an, dokumen, indikator)
    if final:
        return final[1]
    return needs.default_goal(indikator)


def reach_years(an: Analysis) -> list[int]:
    """The years a plan may aim at: the year after the data up to the planning horizon."""
    return list(range(an.tahun + 1, needs.HORIZON_YEAR + 1))


def options(an: Analysis, dokumen: str, indikator: str, lang: str = "id", biaya: tuple[CostRow, ...] = ()) -> Options:
    """What the controls offer; `biaya`, the unit costs changed earlier in the session, which the cost editor then
    starts from."""
    final = final_target(an, dokumen, indikator)
    target = goal(an, dokumen, indikator)
    late = (i18n.t("kebutuhan.target_lewat", lang, tahun=final[0], dokumen=dokumen)
            if final and final[0] <= an.tahun else None)
    ind = indicators.get(indikator)
    g = gap(an, indikator, target, an.tahun + 1)  # the default share does not depend on the year
    default, top = round(100.0 * g.porsi_baru, 1), 100.0 * needs.share_limit(target, ind.arah)
    direction = "naik" if ind.arah > 0 else "babs"
    return Options(reach_years(an), default_reach_year(an, dokumen, indikator), target,
                   i18n.t("kebutuhan.target_nilai", lang, nilai=fmt.number(target, 1, lang), dokumen=dokumen), late,
                   cost_editor(with_edits(an.data.biaya, indikator, biaya), indikator, lang, an.data.biaya),
                   i18n.t(f"kebutuhan.porsi_{direction}", lang),
                   default, top,
                   i18n.t(f"kebutuhan.porsi_bantuan_{direction}", lang, bawaan=_number(default, lang),
                          kini=fmt.number(g.porsi_kini, 1, lang), target=_number(target, lang),
                          maks=fmt.number(top, 0, lang), indikator=ind.kata(lang)))


def share(s: Settings) -> float | None:
    """The growth assumption as `needs.gap` takes it: a fraction, or None for the default."""
    return None if s.porsi_baru is None else s.porsi_baru / 100.0


def view(an: Analysis, s: Settings) -> Kebutuhan:
    t, lang = i18n.t, s.lang
    ind = indicators.get(s.indikator)
    target = goal(an, s.dokumen, s.indikator)
    unit_costs = costs(an, s)
    result = needs_table(an, s.indikator, target, s.tahun_capai, unit_costs, lang, porsi_baru=share(s))
    source = source_line(an.data, lang=lang)
    cost_source = source_line(an.data, "akses", "biaya", lang=lang)
    assumption = assumption_text(result.gap, lang)
    per_kec = result.table.loc[result.table["kode_wilayah"] != KABUPATEN]
    bars = charts.needs_bars(per_kec, value="per_tahun", text="per_tahun_teks",
                             axis_title=t("kebutuhan.kk_per_tahun", lang),
                             title=t("kebutuhan.grafik_kecamatan", lang, tahun=s.tahun_capai), source=source, lang=lang)
    plan = charts.plan_bars(yearly(result, lang=lang),
                            title=t("kebutuhan.grafik_tahunan", lang, tahun=s.tahun_capai), source=source, lang=lang)
    start = default_scenario(result)
    add = start if s.skenario_kk is None else int(s.skenario_kk)
    series, reached = scenario(an, s.indikator, target, float(add), lang, tahun_capai=s.tahun_capai,
                               porsi_baru=share(s))
    what = charts.what_if(series, target, highlight=KABUPATEN,
                          title=t("kebutuhan.skenario_grafik", lang, kk=fmt.number(add, 0, lang)), source=source,
                          lang=lang)
    direction = "naik" if ind.arah > 0 else "babs"
    return Kebutuhan(
        kebutuhan=result,
        ringkasan=result.ringkasan,
        metrik=result.metrics,
        per_kecamatan=Figure(bars, f"kebutuhan_kecamatan_{s.indikator}_{s.tahun_capai}"),
        tahunan=Figure(plan, f"kebutuhan_tahunan_{s.indikator}_{s.tahun_capai}"),
        tabel=Table(result.display, None, cost_source, batang=Bars(result.display.columns[7], bar_lengths(result))),
        tabel_xlsx=partial(workbook, result, an.tahun, s.dokumen,
                           (assumption, *cost_lines(unit_costs, s.indikator, bool(s.biaya), lang), cost_source), lang),
        tabel_nama=f"kebutuhan_{s.indikator}_{s.tahun_capai}_versi_{an.data.versi}.xlsx",
        asumsi=assumption,
        skenario_label=t(f"kebutuhan.skenario_input_{direction}", lang, indikator=ind.kata(lang)),
        skenario_awal=start,
        skenario_kk=add,
        skenario_teks=scenario_text(reached, target, s.indikator, lang, tahun_capai=s.tahun_capai),
        skenario_tabel=Table(scenario_display(reached, series, s.tahun_capai, lang), None, source),
        skenario=Figure(what, f"skenario_{s.indikator}"),
        sumber_biaya=cost_source,
        biaya_catatan=t("kebutuhan.biaya_diubah_catatan", lang) if s.biaya else None,
    )


def cost_lines(biaya: pd.DataFrame, indikator: str, edited: bool, lang: str = "id") -> list[str]:
    """The unit costs the plan is costed with, one line a step ("Jamban sehat: Rp6.500.000 per KK × 0,80"), after a
    line saying whether they were changed on screen."""
    t = i18n.t
    rows = biaya.loc[biaya["indikator"] == indikator]
    head = t("kebutuhan.x_biaya_diubah" if edited else "kebutuhan.x_biaya_berkas", lang)
    return [head, *(t("kebutuhan.x_biaya_baris", lang, langkah=r.langkah, biaya=cost_text(r.biaya_per_kk, lang),
                      porsi=share_text(r.porsi, lang)) for r in rows.itertuples())]


def assumption_text(g: needs.Gap, lang: str = "id") -> str:
    """How the plan counts, with the growth assumption in use (default or set on the page)."""
    ind = indicators.get(g.indikator)
    key = "kebutuhan.asumsi_bawaan" if g.porsi_bawaan else "kebutuhan.asumsi_diubah"
    return i18n.t(key, lang, porsi=_number(100.0 * g.porsi_baru, lang), kini=fmt.number(g.porsi_kini, 1, lang),
                  indikator=ind.kata(lang))


def _number(v: float, lang: str) -> str:
    """A share as written: '6' for a whole number, '92,5' otherwise."""
    return fmt.number(v, 0 if round(v, 6) == int(round(v, 6)) else 1, lang)


def _share_text(v: float, lang: str) -> str:
    return _number(v, lang) + "%"


# ------------------------------------------------------------------------------------- unit costs
def costs(an: Analysis, s: Settings) -> pd.DataFrame:
    """The unit-cost table the plan is costed with: the file's, with the editor's rows put in."""
    return with_edits(an.data.biaya, s.indikator, s.biaya)


# ------------------------------------------------------------------------------------- the plan
def needs_table(an: Analysis, indikator: str, target: float, tahun_capai: int, biaya: pd.DataFrame,
                lang: str = "id", porsi_baru: float | None = None) -> Needs:
    """Households and money per kecamatan (and their sum) to reach `target` by `tahun_capai`, in backlog and growth:
    `needs.gap`, the one calculation the cards, the deck and the OPD page show too."""
    g = gap(an, indikator, target, tahun_capai, porsi_baru=porsi_baru, biaya=biaya)
    marked = an.data.illustrative("biaya")  # a cost is ILLUSTRATIVE when the unit costs are, whatever the access data
    mark = cost_mark(marked, lang)
    t = g.table.assign(nama=g.table["kode_wilayah"].map(an.data.names))
    t = t.sort_values("kesenjangan_kk", ascending=False, kind="stable").reset_index(drop=True)
    unit = g.biaya_per_kk
    per_year = g.per_tahun_kecamatan
    total = pd.DataFrame([{
        "kode_wilayah": KABUPATEN, "nama": i18n.t("kebutuhan.total", lang), "tahun": g.tahun,
        "tahun_tersisa": g.tahun_tersisa, "kk_kini": int(t["kk_kini"].sum()),
        "kk_proyeksi": int(t["kk_proyeksi"].sum()),
        "kk_baru": int(t["kk_baru"].sum()), "kk_akses": int(t["kk_akses"].sum()), "backlog": g.backlog_kecamatan,
        "pertumbuhan": g.pertumbuhan_kecamatan, "kesenjangan_kk": g.total_kecamatan, "per_tahun": per_year,
        "biaya_backlog": g.backlog_kecamatan * unit, "biaya_pertumbuhan": g.pertumbuhan_kecamatan * unit,
        "biaya_total": g.total_kecamatan * unit, "biaya_per_tahun": per_year * unit,
    }])
    full = pd.concat([t, total], ignore_index=True)
    full = full.assign(**{f"{c}_teks": [fmt.number(v, 0, lang) for v in full[c]]
                          for c in ("kk_kini", "kk_proyeksi", "kk_baru", "kk_akses", "backlog", "pertumbuhan",
                                    "per_tahun")},
                       kesenjangan_teks=[fmt.number(v, 0, lang) for v in full["kesenjangan_kk"]],
                       biaya_total_teks=[fmt.rupiah(v, lang) for v in full["biaya_total"]],
                       biaya_per_tahun_teks=[fmt.rupiah(v, lang) for v in full["biaya_per_tahun"]])
    ind = indicators.get(indikator)
    tx = i18n.t
    words = dict(kk=fmt.kk(g.total_kecamatan, lang), per_tahun=fmt.kk(per_year, lang), tahun=tahun_capai,
                 target=_share_text(target, lang), indikator=ind.kata(lang), backlog=fmt.kk(g.backlog_kecamatan, lang),
                 pertumbuhan=fmt.kk(g.pertumbuhan_kecamatan, lang), baru=fmt.kk(g.kk_baru, lang),
                 porsi=_share_text(100.0 * g.porsi_baru, lang), kk_kabupaten=fmt.kk(g.total_kabupaten, lang),
                 backlog_kabupaten=fmt.kk(g.backlog_kabupaten, lang),
                 pertumbuhan_kabupaten=fmt.kk(g.pertumbuhan_kabupaten, lang),
                 biaya=fmt.rupiah(g.total_kecamatan * unit, lang), biaya_tahun=fmt.rupiah(per_year * unit, lang),
                 biaya_backlog=fmt.rupiah(g.backlog_kecamatan * unit, lang),
                 biaya_pertumbuhan=fmt.rupiah(g.pertumbuhan_kecamatan * unit, lang))
    key = "kebutuhan.ringkasan_lewat" if g.tahun_tersisa <= 0 else \
        f"kebutuhan.ringkasan_{'naik' if ind.arah > 0 else 'babs'}"
    ringkasan = tx(key, lang, **words) + (" " + tx("kebutuhan.biaya_ilustratif", lang) if marked else "")
    metrics = ((tx("kebutuhan.m_backlog", lang), fmt.kk(g.backlog_kecamatan, lang)),
               (tx("kebutuhan.m_pertumbuhan", lang, tahun=tahun_capai), fmt.kk(g.pertumbuhan_kecamatan, lang)),
               (tx("kebutuhan.m_per_tahun", lang, tahun=tahun_capai), fmt.kk(per_year, lang)),
               (tx("kebutuhan.m_biaya_tahun", lang) + mark, fmt.rupiah(per_year * unit, lang)))
    return Needs(indikator, float(target), int(tahun_capai), g, full, ringkasan, metrics,
                 display_table(full, g, an.tahun, tahun_capai, ind, lang, mark), marked)


def cost_mark(illustrative: bool, lang: str = "id") -> str:
    """What follows the name of every cost figure drawn from illustrative unit costs: ' (ILUSTRATIF)'."""
    return f" ({i18n.t('umum.ilustratif', lang)})" if illustrative else ""


def display_table(full: pd.DataFrame, g: needs.Gap, tahun: int, tahun_capai: int, ind: indicators.Indicator,
                  lang: str, mark: str = "") -> pd.DataFrame:
    """The table as read: each kecamatan, their sum (every kecamatan reaches the target), and the district as one
    area (a kecamatan's surplus offsets another's shortfall), each backlog named."""
    rows = need_rows(full, g, lang)
    figures = {c: [fmt.number(v, 0, lang) for v in rows[c]] for c in _NEED_COLUMNS[1:-1]}
    return pd.DataFrame(dict(zip(_headings(tahun, tahun_capai, ind, lang, mark),
                                 [rows["nama"], *figures.values(), [fmt.rupiah(v, lang) for v in rows["biaya_total"]]],
                                 strict=True)))


_NEED_COLUMNS = ("nama", "kk_kini", "kk_akses", "backlog", "kk_baru", "pertumbuhan", "kesenjangan_kk", "per_tahun",
                 "biaya_total")


def need_rows(full: pd.DataFrame, g: needs.Gap, lang: str = "id") -> pd.DataFrame:
    """The table's rows in numbers: each kecamatan, their sum, then the district as one area (its own backlog and
    growth: surpluses count)."""
    t = i18n.t
    kab = full.loc[full["kode_wilayah"] == KABUPATEN].iloc[0]
    district = {"nama": t("kebutuhan.satu_wilayah", lang), "kk_kini": kab["kk_kini"], "kk_akses": kab["kk_akses"],
                "backlog": g.backlog_kabupaten, "kk_baru": kab["kk_baru"], "pertumbuhan": g.pertumbuhan_kabupaten,
                "kesenjangan_kk": g.total_kabupaten, "per_tahun": g.per_tahun_kabupaten,
                "biaya_total": g.total_kabupaten * g.biaya_per_kk}
    named = full.assign(nama=full["nama"].where(full["kode_wilayah"] != KABUPATEN,
                                                t("kebutuhan.semua_kecamatan", lang)))
    return pd.concat([named[list(_NEED_COLUMNS)], pd.DataFrame([district])], ignore_index=True)


def _headings(tahun: int, tahun_capai: int, ind: indicators.Indicator, lang: str, mark: str) -> list[str]:
    t = i18n.t
    return [t("tabel.kecamatan", lang), t("kebutuhan.k_kk_kini", lang, tahun=tahun),
            t(f"kebutuhan.k_akses_{'naik' if ind.arah > 0 else 'babs'}", lang), t("kebutuhan.k_backlog", lang),
            t("kebutuhan.k_kk_baru", lang, tahun=tahun_capai), t("kebutuhan.k_pertumbuhan", lang),
            t("kebutuhan.k_kesenjangan", lang), t("kebutuhan.k_per_tahun", lang), t("kebutuhan.k_biaya", lang) + mark]


def bar_lengths(result: Needs) -> tuple[float | None, ...]:
    """Each row's households a year against the largest kecamatan's, for the table's bars; None for the two rows of
    the whole district, which would dwarf every kecamatan."""
    per_year = result.table.loc[result.table["kode_wilayah"] != KABUPATEN, "per_tahun"]
    top = float(per_year.max()) if len(per_year) else 0.0
    lengths = [float(v) / top if top > 0 else 0.0 for v in per_year]
    return (*lengths, None, None)


def workbook(result: Needs, tahun: int, dokumen: str, notes: tuple[str, ...], lang: str = "id") -> bytes:
    """The table as a workbook an official can take on: figures as numbers (costs in rupiah), and a sheet of what
    they rest on: the target, the assumptions and the sources, the ILLUSTRATIVE marks among them."""
    t = i18n.t
    ind = indicators.get(result.indikator)
    mark = cost_mark(result.biaya_ilustratif, lang)
    heads = _headings(tahun, result.tahun_capai, ind, lang, mark)
    heads[-1] = t("kebutuhan.k_biaya", lang) + " (Rp)" + mark
    rows = need_rows(result.table, result.gap, lang)
    frame = rows.set_axis(heads, axis=1).round({heads[7]: 1, heads[8]: 0})
    target = t("kebutuhan.x_target", lang, indikator=ind.kata(lang), target=_share_text(result.target, lang),
               tahun=result.tahun_capai, dokumen=dokumen)
    about = pd.DataFrame({t("kebutuhan.x_catatan", lang): [target, *(n for n in notes if n)]})
    return exports.to_xlsx({t("kebutuhan.x_lembar", lang): frame, t("kebutuhan.x_lembar_catatan", lang): about})


def yearly(result: Needs, kode: str | None = None, lang: str = "id") -> pd.DataFrame:
    """The plan year by year (every kecamatan together, or one), its two parts as long rows for a stacked chart:
    `tahun, bagian, label, kk, kk_teks, tambah, tambah_teks, persen, persen_teks`."""
    plan = needs.plan_years(result.gap, kode)
    t = i18n.t
    parts = []
    for order, part in enumerate(("backlog", "pertumbuhan")):
        parts.append(plan.assign(bagian=part, urutan=order, label=t(f"kebutuhan.bagian_{part}", lang),
                                 kk=plan[part] if len(plan) else pd.Series(dtype="int64")))
    long = pd.concat(parts, ignore_index=True)
    return long.assign(kk_teks=[fmt.kk(v, lang) for v in long["kk"]],
                       tambah_teks=[fmt.kk(v, lang) for v in long["tambah"]],
                       persen_teks=[fmt.pct(v, lang=lang) for v in long["persen"]])[
        ["tahun", "bagian", "urutan", "label", "kk", "kk_teks", "tambah", "tambah_teks", "persen", "persen_teks"]]


# ------------------------------------------------------------------------------------- the what-if
def default_scenario(result: Needs) -> int:
    """A starting number for the what-if: this plan's households a year, rounded up to a whole household, so the
    what-if reaches the target in the plan's year (0 when nothing is needed)."""
    v = result.total_per_tahun
    if v is None or not np.isfinite(v) or v <= 0:
        return 0
    return int(math.ceil(round(v, 6)))


def scenario(an: Analysis, indikator: str, target: float, add_per_year: float, lang: str = "id",
             until: int = needs.HORIZON_YEAR, tahun_capai: int | None = None,
             porsi_baru: float | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What-if: yearly share per kecamatan and the year each reaches the target (the plan's model and assumption:
    `needs.what_if`)."""
    latest = latest_rows(lineage.comparable_only(an.kec))
    series_, reached = needs.what_if(latest, indikator, add_per_year=add_per_year, target=target,
                                     target_year=tahun_capai or an.tahun + 5, growth=an.growth,
                                     porsi_baru=porsi_baru, until=until)
    names = dict(an.data.names)
    names[KABUPATEN] = i18n.t("umum.kabupaten", lang)
    series_ = series_.assign(nama=series_["kode_wilayah"].map(names))
    reached = reached.assign(
        nama=reached["kode_wilayah"].map(names),
        tahun_teks=[i18n.t("kebutuhan.belum_capai", lang, tahun=until) if pd.isna(y) else str(int(y))
                    for y in reached["tahun_capai"]],
        alokasi_teks=[fmt.number(v, 0, lang) for v in reached["alokasi"]],
    )
    return series_, reached


def scenario_text(reached: pd.DataFrame, target: float, indikator: str, lang: str = "id",
                  tahun_capai: int | None = None) -> str:
    kab = reached.loc[reached["kode_wilayah"] == KABUPATEN].iloc[0]
    kec = reached.loc[reached["kode_wilayah"] != KABUPATEN]
    by = tahun_capai or needs.HORIZON_YEAR
    n_ok = int((kec["tahun_capai"].notna() & (kec["tahun_capai"].fillna(by + 1) <= by)).sum())
    t = i18n.t
    if pd.isna(kab["tahun_capai"]):
        head = t("kebutuhan.skenario_tidak", lang, target=fmt.pct(target, 1, lang), tahun=needs.HORIZON_YEAR)
    else:
        head = t("kebutuhan.skenario_capai", lang, target=fmt.pct(target, 1, lang), tahun=int(kab["tahun_capai"]))
    return head + " " + t("kebutuhan.skenario_kecamatan", lang, n=n_ok, dari=len(kec), tahun=by)


def scenario_display(reached: pd.DataFrame, series: pd.DataFrame, tahun: int, lang: str = "id") -> pd.DataFrame:
    """The what-if by kecamatan, earliest first: households a year, the year the target is reached, and the
    percentage in the plan's target year `tahun` (where the chart, drawn on request, stands in that year)."""
    kec = reached.loc[reached["kode_wilayah"] != KABUPATEN].sort_values(
        "tahun_capai", na_position="last", kind="stable")
    t = i18n.t
    then = series.loc[series["tahun"] == tahun].set_index("kode_wilayah")["persen"]
    return pd.DataFrame({t("tabel.kecamatan", lang): kec["nama"],
                         t("kebutuhan.k_alokasi", lang): kec["alokasi_teks"],
                         t("kebutuhan.k_tahun_capai", lang): kec["tahun_teks"],
                         t("kebutuhan.k_persen_pada", lang, tahun=tahun): [fmt.pct(then.get(k), 1, lang)
                                                                           for k in kec["kode_wilayah"]]})
