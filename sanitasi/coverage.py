"""Plan against need: what the SSK programme matrix reaches against what the targets ask, per indicator, kecamatan
and year, the year the target is reached if the plan is carried out, and the money missing per year and source.

- **Need**: the one gap calculation (`sanitasi.analysis.gap`, as on the Kebutuhan page): backlog and growth per
  kecamatan, spread over the years after the data year up to the target year, for every kecamatan to reach it.
- **Plan**: households the matrix reaches for the indicator (`sanitasi.programme.households`), per kecamatan and year;
  district-wide rows count for the district only, never shared out.
- **Target reached under the plan**: the what-if (`sanitasi.needs.what_if_schedule`), seeded with the plan's own
  households per kecamatan and year; after the matrix's last year its average yearly pace is assumed to go on. The
  year is the first from which the area *stays* at the target up to the horizon: a kecamatan above the target today
  where the plan builds too little for its new households falls below it, and is not counted as reached.
- **Money**: needed = households needed x cost per household (the unit-cost table, as on Kebutuhan), rising by the
  chosen yearly rate after the data year; planned = the matrix's money for the indicator (every row serving it, the
  ones that reach no household themselves included: trucks, the sludge plant, septic-tank repairs). The **funding
  gap** of a year is needed minus planned; the planned part is split by funding source.
- The target: the chosen document's, or where it sets none for the indicator the running document that does
  (`sanitasi.documents.elsewhere`: the district SSK carries the layak target RPJMN 2025-2029 lacks), else the
  default goal (`sanitasi.needs.default_goal`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sanitasi import KODE_KABUPATEN, documents, indicators, lineage, needs, programme
from sanitasi.analysis import Analysis, gap, latest_rows
from sanitasi.contracts import SUMBER_DANA

WIDE = "seluruh"  # the area of district-wide work, placed in no kecamatan (the district's own code is its total)


@dataclass(frozen=True)
class Coverage:
    """The plan against the need for one indicator, per kecamatan and year."""

    indikator: str
    dokumen: str | None  # the document whose target is planned for (None: the default goal)
    target: float
    tahun_target: int
    gap: needs.Gap
    tahun: tuple[int, ...]  # the years compared: after the data year up to the target year
    per_tahun: pd.DataFrame  # per area and year: kode, tahun, kk_perlu, kk_rencana, biaya_perlu, biaya_rencana
    dana: pd.DataFrame  # planned money per area, year and source: kode, tahun, sumber_dana, biaya
    wilayah: pd.DataFrame  # per kecamatan (+ district-wide work, + the district): averages a year and reach year
    capai: pd.DataFrame  # the what-if under the plan: kode_wilayah, tahun_capai (+ kk)
    seri: pd.DataFrame  # its shares year by year: kode_wilayah, tahun, persen
    lanjut: bool  # the plan's pace was carried on past its last year to find the reach year

    @property
    def district(self) -> pd.Series:
        return self.wilayah.loc[self.wilayah["kode"] == KODE_KABUPATEN].iloc[0]


def applied_document(an: Analysis, dokumen: str, indikator: str) -> str | None:
    """The document whose target the plan is held to: the chosen one (or its kabupaten twin) when it sets the
    indicator, else the running one that does, else None (the default goal)."""
    own = documents.applicable(an.data.target, dokumen, indikator)
    if own is not None:
        return own
    other = documents.elsewhere(an.data.target, dokumen, indikator, max(an.data.tahun))
    return other.nama if other is not None else None


def goal(an: Analysis, dokumen: str | None, indikator: str) -> float:
    final = documents.final_target(an, dokumen, indikator) if dokumen else None
    return final[1] if final else needs.default_goal(indikator)


def reach_year(an: Analysis, dokumen: str | None, indikator: str) -> int:
    return documents.default_reach_year(an, dokumen, indikator) if dokumen else an.tahun + 5


def coverage(an: Analysis, indikator: str, dokumen: str, tahun_capai: int, *, porsi_baru: float | None = None,
             kenaikan: float = 0.0) -> Coverage:
    """The plan against the need for `indikator`, to reach the target of the applied document by `tahun_capai`;
    `porsi_baru` is the growth assumption (a fraction, None: the default) and `kenaikan` the yearly rise of unit
    costs (a fraction)."""
    applied = applied_document(an, dokumen, indikator)
    target = goal(an, applied, indikator)
    g = gap(an, indikator, target, tahun_capai, porsi_baru=porsi_baru, biaya=an.data.biaya)
    years = tuple(range(g.tahun + 1, int(tahun_capai) + 1))
    codes = g.table["kode_wilayah"].astype(str).tolist()
    plan = programme.households(an.data.ssk, indikator)
    cash = programme.money(an.data.ssk, indikator)
    rise = {y: (1.0 + kenaikan) ** (y - g.tahun) for y in years}
    rows = []
    for kode in [*codes, None]:  # each kecamatan, then the district (every kecamatan, and district-wide work)
        need = needs.plan_years(g, kode).set_index("tahun")["tambah"] if years else pd.Series(dtype="float64")
        mine = plan if kode is None else plan.loc[plan["kode"] == kode]
        spent = cash if kode is None else cash.loc[cash["kode"] == kode]
        for y in years:
            kk_need = float(need.get(y, 0.0))
            rows.append({"kode": kode or KODE_KABUPATEN, "tahun": y, "kk_perlu": kk_need,
                         "kk_rencana": float(mine.loc[mine["tahun"] == y, "kk"].sum()),
                         "biaya_perlu": kk_need * g.biaya_per_kk * rise[y],
                         "biaya_rencana": float(spent.loc[spent["tahun"] == y, "biaya"].sum())})
    per_year = pd.DataFrame(rows, columns=["kode", "tahun", "kk_perlu", "kk_rencana", "biaya_perlu", "biaya_rencana"])
    dana = cash.loc[cash["tahun"].isin(years)].assign(kode=lambda d: d["kode"].replace({KODE_KABUPATEN: WIDE}))
    dana = pd.concat([dana, dana.groupby(["tahun", "sumber_dana"], as_index=False)["biaya"].sum()
                      .assign(kode=KODE_KABUPATEN)], ignore_index=True)
    series, reached, carried = _under_plan(an, g, plan, tahun_capai, porsi_baru)
    areas = _areas(g, per_year, plan, dana, years, reached)
    return Coverage(indikator, applied, target, int(tahun_capai), g, years, per_year,
                    dana.reset_index(drop=True), areas, reached, series, carried)


def _under_plan(an: Analysis, g: needs.Gap, plan: pd.DataFrame, tahun_capai: int,
                porsi_baru: float | None) -> tuple[pd.DataFrame, pd.DataFrame, bool]:
    """The what-if seeded with the plan: its households per kecamatan and year after the data year, and past its
    last year its average pace of those years (per area) until the horizon."""
    ahead = plan.loc[plan["tahun"] > g.tahun]
    schedule = ahead.rename(columns={"kode": "kode_wilayah"})
    last = int(ahead["tahun"].max()) if len(ahead) else g.tahun
    if len(ahead):
        pace = ahead.groupby("kode")["kk"].sum() / (last - g.tahun)
        later = [{"kode_wilayah": k, "tahun": y, "kk": float(v)} for k, v in pace.items()
                 for y in range(last + 1, needs.HORIZON_YEAR + 1)]
        schedule = pd.concat([schedule, pd.DataFrame(later, columns=["kode_wilayah", "tahun", "kk"])],
                             ignore_index=True)
    latest = latest_rows(lineage.comparable_only(an.kec))
    series, reached = needs.what_if_schedule(latest, g.indikator, schedule=schedule, target=g.target,
                                             target_year=tahun_capai, growth=an.growth, porsi_baru=porsi_baru)
    reached = reached.assign(tahun_capai=reached["kode_wilayah"].map(stays(series, g.target, g.indikator))
                             .astype("Int64"))
    # the pace was carried on where some area reaches the target (or not at all) only after the matrix ends
    carried = bool((reached["tahun_capai"].fillna(needs.HORIZON_YEAR + 1) > last).any())
    return series, reached, carried


def stays(series: pd.DataFrame, target: float, indikator: str) -> dict[str, int | None]:
    """Per area of a what-if's `series` (kode_wilayah, tahun, persen): the first year from which it stays at the
    target through the series' last year (None: not at the target in the last year)."""
    arah = indicators.get(indikator).arah
    out: dict[str, int | None] = {}
    for kode, rows in series.sort_values("tahun").groupby("kode_wilayah", sort=False):
        met = (arah * (rows["persen"].to_numpy() - target) >= -1e-9)
        missed = np.flatnonzero(~met)
        if not met[-1]:
            out[kode] = None
        else:
            out[kode] = int(rows["tahun"].iloc[missed[-1] + 1 if missed.size else 0])
    return out


def _areas(g: needs.Gap, per_year: pd.DataFrame, plan: pd.DataFrame, dana: pd.DataFrame, years: tuple[int, ...],
           reached: pd.DataFrame) -> pd.DataFrame:
    """Per kecamatan, then the district-wide work (placed nowhere; only when the plan has some), then the district:
    households and money a year (averages over the years compared), what is short, and the year the target is
    reached under the plan."""
    n = max(len(years), 1)
    sums = per_year.groupby("kode")[["kk_perlu", "kk_rencana", "biaya_perlu", "biaya_rencana"]].sum() / n
    when = dict(zip(reached["kode_wilayah"], reached["tahun_capai"], strict=True))
    rows = []
    for kode in [*g.table["kode_wilayah"].astype(str), WIDE, KODE_KABUPATEN]:
        if kode == WIDE:
            wide = plan.loc[(plan["kode"] == KODE_KABUPATEN) & plan["tahun"].isin(years), "kk"].sum() / n
            money = dana.loc[dana["kode"] == WIDE, "biaya"].sum() / n
            if wide or money:
                rows.append({"kode": kode, "kk_perlu": np.nan, "kk_rencana": float(wide), "biaya_perlu": np.nan,
                             "biaya_rencana": float(money), "tahun_capai": pd.NA})
            continue
        s = sums.loc[kode] if kode in sums.index else pd.Series(0.0, index=sums.columns)
        rows.append({"kode": kode, **{c: float(s[c]) for c in sums.columns}, "tahun_capai": when.get(kode, pd.NA)})
    out = pd.DataFrame(rows)
    out["kk_kurang"] = out["kk_perlu"] - out["kk_rencana"]
    out["biaya_kurang"] = out["biaya_perlu"] - out["biaya_rencana"]
    out["tahun_capai"] = pd.array(out["tahun_capai"].tolist(), dtype="Int64")
    return out


def funding(cov: Coverage, kode: str = KODE_KABUPATEN) -> pd.DataFrame:
    """One area's money per year: `tahun`, planned per funding source (one column each), `rencana`, `perlu` and
    `kurang` (needed - planned; negative: more planned than needed)."""
    dana = cov.dana.loc[cov.dana["kode"] == kode]
    wide = (dana.pivot_table(index="tahun", columns="sumber_dana", values="biaya", aggfunc="sum", fill_value=0.0)
            .reindex(index=list(cov.tahun), columns=list(SUMBER_DANA), fill_value=0.0))
    need = cov.per_tahun.loc[cov.per_tahun["kode"] == kode].set_index("tahun")
    out = wide.assign(rencana=wide.sum(axis=1)).reset_index()
    out["perlu"] = out["tahun"].map(need["biaya_perlu"]) if len(need) else np.nan
    out["kurang"] = out["perlu"] - out["rencana"]
    return out
