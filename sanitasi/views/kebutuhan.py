"""Kebutuhan: households to gain each year to reach a target by a chosen year, what that costs at the unit costs on
screen (the editor's values), and a what-if: when the target is reached with a given number of households a year."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sanitasi import charts, fmt, i18n, indicators, lineage, needs
from sanitasi.analysis import KABUPATEN, Analysis, latest_rows
from sanitasi.documents import default_reach_year, final_target, indicators_of
from sanitasi.views.display import Figure, source_line

# The goal when the document sets no target for the indicator: 90% for a share that should rise, none left for
# open defecation.
GOAL_UP = 90.0
GOAL_DOWN = 0.0

# An edited unit-cost row: (kode, biaya_per_kk, porsi); an emptied cell is None.
CostRow = tuple[str, float | None, float | None]


@dataclass(frozen=True)
class Settings:
    dokumen: str
    indikator: str
    tahun_capai: int
    biaya: tuple[CostRow, ...] = ()  # the cost editor's rows of this indicator; () = the unit-cost file as it is
    skenario_kk: int | None = None  # households a year in the what-if; None = this plan's own (`default_scenario`)
    lang: str = "id"


@dataclass(frozen=True)
class CostEditor:
    frame: pd.DataFrame  # kode, langkah, biaya_per_kk, porsi (the editable rows of one indicator)
    locked: list[str]  # columns that cannot be edited


@dataclass(frozen=True)
class Options:
    """What the page's controls offer before the view is drawn: the years, the goal and the cost rows."""

    tahun: list[int]  # the years a plan may aim at: next year to the horizon
    tahun_awal: int  # the document's target year while it is ahead, else five years on
    target: float  # the goal planned for (the document's final target, or the default goal)
    target_teks: str
    target_lewat: str | None  # the document's target year has passed (None when it has not)
    biaya: CostEditor


@dataclass(frozen=True)
class Needs:
    indikator: str
    target: float
    tahun_capai: int
    table: pd.DataFrame  # one row per kecamatan + a total row, numeric and `_teks` columns
    total_kk: int
    total_per_tahun: float
    total_biaya: float
    biaya_per_kk: float
    ringkasan: str
    metrics: tuple[tuple[str, str], ...] = ()
    display: pd.DataFrame | None = None


@dataclass(frozen=True)
class Kebutuhan:
    kebutuhan: Needs  # the plan's numbers (the Paparan needs slide reads them too)
    ringkasan: str
    metrik: tuple[tuple[str, str], ...]  # (label, value): households, a year, cost, a year
    per_kecamatan: Figure
    tahunan: Figure
    tabel: pd.DataFrame
    skenario_label: str  # the what-if number's label
    skenario_awal: int  # its starting value: this plan's households a year
    skenario_kk: int  # the number the what-if below is for
    skenario_teks: str
    skenario_tabel: pd.DataFrame
    skenario: Figure


def indicator_choices(an: Analysis, dokumen: str) -> list[str]:
    """The headline indicators the document sets a target for, or all of them when it sets none."""
    return indicators_of(an, dokumen) or list(indicators.HEADLINE)


def goal(an: Analysis, dokumen: str, indikator: str) -> float:
    """The value planned for: the document's final target, else the default goal for the indicator's direction."""
    final = final_target(an, dokumen, indikator)
    if final:
        return final[1]
    return GOAL_UP if indicators.get(indikator).arah > 0 else GOAL_DOWN


def reach_years(an: Analysis) -> list[int]:
    """The years a plan may aim at: the year after the data up to the planning horizon."""
    return list(range(an.tahun + 1, needs.HORIZON_YEAR + 1))


def options(an: Analysis, dokumen: str, indikator: str, lang: str = "id") -> Options:
    final = final_target(an, dokumen, indikator)
    target = goal(an, dokumen, indikator)
    late = (i18n.t("kebutuhan.target_lewat", lang, tahun=final[0], dokumen=dokumen)
            if final and final[0] <= an.tahun else None)
    return Options(reach_years(an), default_reach_year(an, dokumen, indikator), target,
                   i18n.t("kebutuhan.target_nilai", lang, nilai=fmt.number(target, 1, lang), dokumen=dokumen), late,
                   cost_editor(an.data.biaya, indikator, lang))


def view(an: Analysis, s: Settings) -> Kebutuhan:
    t, lang = i18n.t, s.lang
    ind = indicators.get(s.indikator)
    target = goal(an, s.dokumen, s.indikator)
    result = needs_table(an, s.indikator, target, s.tahun_capai, costs(an, s), lang)
    source = source_line(an.data, lang=lang)
    per_kec = result.table.loc[result.table["kode_wilayah"] != KABUPATEN]
    bars = charts.needs_bars(per_kec, value="per_tahun", text="per_tahun_teks",
                             axis_title=t("kebutuhan.kk_per_tahun", lang),
                             title=t("kebutuhan.grafik_kecamatan", lang, tahun=s.tahun_capai), source=source, lang=lang)
    plan = charts.plan_bars(yearly(an, s.indikator, target, s.tahun_capai, lang=lang),
                            title=t("kebutuhan.grafik_tahunan", lang, tahun=s.tahun_capai), source=source, lang=lang)
    start = default_scenario(result)
    add = start if s.skenario_kk is None else int(s.skenario_kk)
    series, reached = scenario(an, s.indikator, target, float(add), lang)
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
        tabel=result.display,
        skenario_label=t(f"kebutuhan.skenario_input_{direction}", lang, indikator=ind.kata(lang)),
        skenario_awal=start,
        skenario_kk=add,
        skenario_teks=scenario_text(reached, target, s.indikator, lang),
        skenario_tabel=scenario_display(reached, lang),
        skenario=Figure(what, f"skenario_{s.indikator}"),
    )


# ------------------------------------------------------------------------------------- unit costs
def cost_editor(biaya: pd.DataFrame, indikator: str, lang: str = "id") -> CostEditor:
    rows = biaya.loc[biaya["indikator"] == indikator, ["kode", "langkah", "biaya_per_kk", "porsi"]]
    return CostEditor(rows.reset_index(drop=True), ["kode", "langkah"])


def cost_rows(edited: pd.DataFrame) -> tuple[CostRow, ...]:
    """The edited grid as settings: (kode, biaya_per_kk, porsi) rows. An emptied or unreadable cell becomes None,
    not NaN: NaN never equals itself, so settings holding one would never find their cached result again."""
    def number(v: object) -> float | None:
        try:
            x = float(v)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        return None if np.isnan(x) else x

    return tuple((str(k), number(b), number(p))
                 for k, b, p in zip(edited["kode"], edited["biaya_per_kk"], edited["porsi"], strict=True))


def costs(an: Analysis, s: Settings) -> pd.DataFrame:
    """The unit-cost table the plan is costed with: the file's, with the editor's rows put in."""
    if not s.biaya:
        return an.data.biaya
    edited = pd.DataFrame(list(s.biaya), columns=["kode", "biaya_per_kk", "porsi"])
    return costs_from_editor(an.data.biaya, s.indikator, edited)


def costs_from_editor(biaya: pd.DataFrame, indikator: str, edited: pd.DataFrame) -> pd.DataFrame:
    """The unit-cost table with the edited rows of one indicator put in (a copy; the file is untouched).

    Empty or negative cells fall back to the bundled value, and shares are kept within 0..1.
    """
    base = biaya.set_index("kode")
    e = edited.set_index("kode")
    cost = pd.to_numeric(e["biaya_per_kk"], errors="coerce")
    share = pd.to_numeric(e["porsi"], errors="coerce")
    cost = cost.where(cost >= 0, base.loc[e.index, "biaya_per_kk"])
    share = share.where(share.between(0, 1), base.loc[e.index, "porsi"])
    out = base.copy()
    out.loc[e.index, "biaya_per_kk"] = cost.astype(float)
    out.loc[e.index, "porsi"] = share.astype(float)
    return out.reset_index()


# ------------------------------------------------------------------------------------- the plan
def needs_table(an: Analysis, indikator: str, target: float, tahun_capai: int, biaya: pd.DataFrame,
                lang: str = "id") -> Needs:
    """Households and money per kecamatan (and a total row) to reach `target` by `tahun_capai`."""
    latest = latest_rows(lineage.comparable_only(an.kec))
    t = needs.households_needed(latest, indikator, target=target, target_year=tahun_capai,
                                growth=an.growth, biaya=biaya)
    t = t.assign(nama=t["kode_wilayah"].map(an.data.names))
    t = t.sort_values("kesenjangan_kk", ascending=False, kind="stable").reset_index(drop=True)
    total_kk = int(t["kesenjangan_kk"].sum())
    left = int(t["tahun_tersisa"].max()) if len(t) else 0
    per_year = total_kk / left if left > 0 else float("nan")
    unit = needs.cost_per_household(biaya, indikator)
    total = pd.DataFrame([{
        "kode_wilayah": KABUPATEN, "nama": i18n.t("kebutuhan.total", lang), "tahun": an.tahun,
        "tahun_target": tahun_capai, "tahun_tersisa": left,
        "kk_kini": int(t["kk_kini"].sum()), "kk_proyeksi": int(t["kk_proyeksi"].sum()),
        "kk_akses": int(t["kk_akses"].sum()), "kk_sasaran": int(t["kk_sasaran"].sum()),
        "kesenjangan_kk": total_kk, "per_tahun": per_year, "biaya_total": total_kk * unit,
        "biaya_per_tahun": per_year * unit,
    }])
    full = pd.concat([t, total], ignore_index=True)
    full = full.assign(
        kk_kini_teks=[fmt.number(v, 0, lang) for v in full["kk_kini"]],
        kk_proyeksi_teks=[fmt.number(v, 0, lang) for v in full["kk_proyeksi"]],
        kk_akses_teks=[fmt.number(v, 0, lang) for v in full["kk_akses"]],
        kesenjangan_teks=[fmt.number(v, 0, lang) for v in full["kesenjangan_kk"]],
        per_tahun_teks=[fmt.number(v, 0, lang) for v in full["per_tahun"]],
        biaya_total_teks=[fmt.rupiah(v, lang) for v in full["biaya_total"]],
        biaya_per_tahun_teks=[fmt.rupiah(v, lang) for v in full["biaya_per_tahun"]],
    )
    ind = indicators.get(indikator)
    key = "kebutuhan.ringkasan_naik" if ind.arah > 0 else "kebutuhan.ringkasan_babs"
    if left <= 0:
        key = "kebutuhan.ringkasan_lewat"
    ringkasan = i18n.t(key, lang, kk=fmt.kk(total_kk, lang), per_tahun=fmt.kk(per_year, lang),
                       tahun=tahun_capai, target=fmt.pct(target, 1, lang), indikator=ind.kata(lang),
                       biaya=fmt.rupiah(total_kk * unit, lang), biaya_tahun=fmt.rupiah(per_year * unit, lang))
    t_ = i18n.t
    metrics = ((t_("kebutuhan.m_kk", lang), fmt.kk(total_kk, lang)),
               (t_("kebutuhan.m_per_tahun", lang), fmt.kk(per_year, lang)),
               (t_("kebutuhan.m_biaya", lang), fmt.rupiah(total_kk * unit, lang)),
               (t_("kebutuhan.m_biaya_tahun", lang), fmt.rupiah(per_year * unit, lang)))
    display = pd.DataFrame({
        t_("tabel.kecamatan", lang): full["nama"],
        t_("kebutuhan.k_kk_kini", lang, tahun=an.tahun): full["kk_kini_teks"],
        t_("kebutuhan.k_kk_proyeksi", lang, tahun=tahun_capai): full["kk_proyeksi_teks"],
        t_(f"kebutuhan.k_akses_{'naik' if ind.arah > 0 else 'babs'}", lang): full["kk_akses_teks"],
        t_("kebutuhan.k_kesenjangan", lang): full["kesenjangan_teks"],
        t_("kebutuhan.k_per_tahun", lang): full["per_tahun_teks"],
        t_("kebutuhan.k_biaya", lang): full["biaya_total_teks"],
        t_("kebutuhan.k_biaya_tahun", lang): full["biaya_per_tahun_teks"],
    })
    return Needs(indikator, float(target), int(tahun_capai), full, total_kk, per_year, total_kk * unit, unit,
                 ringkasan, metrics, display)


def yearly(an: Analysis, indikator: str, target: float, tahun_capai: int, kode: str = KABUPATEN,
           lang: str = "id") -> pd.DataFrame:
    """Year-by-year plan for the kabupaten (or one kecamatan) with formatted columns."""
    frame = an.kab if kode == KABUPATEN else lineage.comparable_only(an.kec.loc[an.kec["kode_wilayah"] == kode])
    row = frame.sort_values("tahun").iloc[-1]
    g = float(an.growth.get(kode, 0.0))
    plan = needs.yearly_plan(row, indikator, target=target, target_year=tahun_capai, growth=g)
    return plan.assign(tambah_teks=[fmt.kk(v, lang) for v in plan["tambah"]],
                       persen_teks=[fmt.pct(v, lang=lang) for v in plan["persen"]])


# ------------------------------------------------------------------------------------- the what-if
def default_scenario(result: Needs) -> int:
    """A starting number for the what-if: this plan's households a year, rounded to 100 (1.000 if none)."""
    v = result.total_per_tahun
    if v is None or not np.isfinite(v) or v <= 0:
        return 1000
    return int(max(100, round(v / 100.0) * 100))


def scenario(an: Analysis, indikator: str, target: float, add_per_year: float, lang: str = "id",
             until: int = needs.HORIZON_YEAR) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What-if: yearly share per kecamatan and the year each reaches the target."""
    latest = latest_rows(lineage.comparable_only(an.kec))
    series_, reached = needs.what_if(latest, indikator, add_per_year=add_per_year, target=target,
                                     growth=an.growth, until=until)
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


def scenario_text(reached: pd.DataFrame, target: float, indikator: str, lang: str = "id") -> str:
    kab = reached.loc[reached["kode_wilayah"] == KABUPATEN].iloc[0]
    kec = reached.loc[reached["kode_wilayah"] != KABUPATEN]
    n_ok = int(kec["tahun_capai"].notna().sum())
    t = i18n.t
    if pd.isna(kab["tahun_capai"]):
        head = t("kebutuhan.skenario_tidak", lang, target=fmt.pct(target, 1, lang), tahun=needs.HORIZON_YEAR)
    else:
        head = t("kebutuhan.skenario_capai", lang, target=fmt.pct(target, 1, lang), tahun=int(kab["tahun_capai"]))
    return head + " " + t("kebutuhan.skenario_kecamatan", lang, n=n_ok, dari=len(kec), tahun=needs.HORIZON_YEAR + 1)


def scenario_display(reached: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    kec = reached.loc[reached["kode_wilayah"] != KABUPATEN].sort_values(
        "tahun_capai", na_position="last", kind="stable")
    t = i18n.t
    return pd.DataFrame({t("tabel.kecamatan", lang): kec["nama"],
                         t("kebutuhan.k_alokasi", lang): kec["alokasi_teks"],
                         t("kebutuhan.k_tahun_capai", lang): kec["tahun_teks"]})
