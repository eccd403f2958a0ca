"""What it takes: the households to reach a target, in two parts (backlog and growth), what that costs, the plan
year by year, and what-if scenarios, all from one model so every page shows the same numbers.

The model, stated so an official can check it (the Metodologi page repeats it):
- A target is a share `p` of households (for open defecation: at most `p` practising it). Households grow at the
  rate seen in the data (compound annual growth of `jumlah_kk` over the last `window` years of comparable rows).
- **Backlog**: households short of the target share *today*: `ceil(p x households - households with access)`, 0
  for an area at or above the target. Two district answers: for the *district* to reach the target (a kecamatan's
  surplus offsets another's shortfall) and for *every kecamatan* to reach it (the sum of their backlogs).
- **Growth**: the new households until the target year times `s`, the share of new households the programme must
  reach (assumption, editable, 0 allowed). The rest arrive already at the target's standard: with access at the
  share `p - s` (for open defecation: practising it at the share `p + s`). The default `s` says new households look
  like today's district households (they arrive with access at today's share), so `s = p - today's share` (open
  defecation: today's share - `p`) in whole percent, never below 0. An area above the target uses its surplus
  first.
- New households arrive in equal numbers each year until the target year (their total is the compound projection;
  an area whose households shrink gets none). The programme reaches `backlog + growth` households by the target
  year, an equal number each year. With these arrivals it brings each area exactly to the target share in the
  target year (and the what-if, which uses the same arrivals, reaches it then when started at the yearly need);
  with `s = 0` the total is the backlog.
- A target year that has passed has no growth and no yearly figure: the backlog today is the gap.
- Cost per household is the sum over the unit-cost steps for the indicator of `porsi x biaya_per_kk`
  (`data/biaya_satuan.csv`); backlog and growth are costed apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sanitasi import KODE_KABUPATEN, indicators

# The planning horizon: the last year a plan may aim at and a what-if runs to (Visi Indonesia 2045).
HORIZON_YEAR = 2045
# The goal planned for when a document sets no target for the indicator: 90% for a share that should rise, none
# left for open defecation.
GOAL_UP = 90.0
GOAL_DOWN = 0.0


def default_goal(indikator: str) -> float:
    return GOAL_UP if indicators.get(indikator).arah > 0 else GOAL_DOWN


def growth_rates(akses: pd.DataFrame, window: int = 5) -> pd.Series:
    """Compound annual growth of `jumlah_kk` per area over its last `window` years (0 with one year)."""
    def cagr(g: pd.DataFrame) -> float:
        g = g.sort_values("tahun")
        g = g.loc[g["tahun"] > g["tahun"].iloc[-1] - window]
        span = int(g["tahun"].iloc[-1] - g["tahun"].iloc[0])
        first, last = float(g["jumlah_kk"].iloc[0]), float(g["jumlah_kk"].iloc[-1])
        if span <= 0 or first <= 0:
            return 0.0
        return (last / first) ** (1.0 / span) - 1.0

    if akses.empty:
        return pd.Series(dtype="float64", name="pertumbuhan")
    out = {k: cagr(g) for k, g in akses.groupby("kode_wilayah", sort=True)}
    return pd.Series(out, name="pertumbuhan", dtype="float64")


def cost_per_household(biaya: pd.DataFrame, indikator: str) -> float:
    """Rupiah per household in the gap: sum of `porsi x biaya_per_kk` over the indicator's steps."""
    rows = biaya.loc[biaya["indikator"] == indikator]
    return float((rows["porsi"].astype(float) * rows["biaya_per_kk"].astype(float)).sum())


def share_limit(target: float, arah: int) -> float:
    """The largest share of new households the programme can have to reach (all of those the target asks for):
    `p` for a rising share, `1 - p` for open defecation."""
    return target / 100.0 if arah > 0 else 1.0 - target / 100.0


def default_new_share(share_today: float, target: float, arah: int) -> float:
    """The default `s`: new households arrive like today's (with access at today's share, in percent), so the
    programme must reach the difference to the target among them, in whole percent (what the page's box shows);
    0 when today's share already meets it."""
    s = round(max(arah * (target - share_today), 0.0)) / 100.0
    return float(min(s, share_limit(target, arah)))


def _ceil(x: np.ndarray) -> np.ndarray:
    # rounded before ceil so 5721.6000000000004 (float noise) stays 5722 and 12.0000000001 does not become 13
    return np.ceil(np.round(x, 6))


@dataclass(frozen=True)
class Gap:
    """The households to reach a target by a year, per kecamatan and for the district, in backlog and growth.

    `table` has one row per kecamatan: `kode_wilayah, tahun, tahun_tersisa, laju, kk_baru_tahun` (new households a
    year), `perlu_tepat` (backlog + growth before rounding up to whole households), `kk_kini, kk_proyeksi, kk_baru,
    kk_akses, backlog, pertumbuhan, kesenjangan_kk` (backlog + growth), `per_tahun, biaya_backlog,
    biaya_pertumbuhan, biaya_total, biaya_per_tahun`.
    """

    indikator: str
    target: float
    tahun: int  # the data year counted from (the latest)
    tahun_target: int
    porsi_baru: float  # s, the share of new households the programme must reach (0..1)
    porsi_bawaan: bool  # s is the default (new households like today's)
    porsi_kini: float  # today's district share, % (what the default is made from)
    table: pd.DataFrame
    backlog_kabupaten: int  # for the district to reach the target: surpluses count
    backlog_kecamatan: int  # for every kecamatan to reach it: the sum of the kecamatan backlogs
    pertumbuhan_kabupaten: int
    pertumbuhan_kecamatan: int
    kk_baru: int  # new households until the target year, all kecamatan
    biaya_per_kk: float  # rupiah (NaN without unit costs)

    @property
    def tahun_tersisa(self) -> int:
        return max(self.tahun_target - self.tahun, 0)

    @property
    def total_kabupaten(self) -> int:
        return self.backlog_kabupaten + self.pertumbuhan_kabupaten

    @property
    def total_kecamatan(self) -> int:
        return self.backlog_kecamatan + self.pertumbuhan_kecamatan

    def per_tahun(self, total: int) -> float:
        """A total spread evenly over the years left (NaN when the target year has passed)."""
        return total / self.tahun_tersisa if self.tahun_tersisa > 0 else float("nan")

    @property
    def per_tahun_kecamatan(self) -> float:
        return self.per_tahun(self.total_kecamatan)

    @property
    def per_tahun_kabupaten(self) -> float:
        return self.per_tahun(self.total_kabupaten)


def gap(latest: pd.DataFrame, indikator: str, *, target: float, target_year: int, growth: pd.Series,
        porsi_baru: float | None = None, biaya: pd.DataFrame | None = None) -> Gap:
    """Backlog and growth per kecamatan (one row each in `latest`, counts of its latest year) and for the district.

    `porsi_baru` is `s` (None: the default, new households like today's). See the module docstring.
    """
    ind = indicators.get(indikator)
    n0 = latest["jumlah_kk"].astype("float64").to_numpy()
    have = np.asarray(indicators.households_with(latest, indikator), dtype="float64")
    year = latest["tahun"].astype("int64").to_numpy()
    y0 = int(year.max()) if len(year) else int(target_year)
    left = np.maximum(int(target_year) - year, 0)
    g = latest["kode_wilayah"].map(growth).fillna(0.0).astype("float64").to_numpy()
    new = np.maximum(n0 * (1.0 + g) ** left - n0, 0.0)  # households that shrink bring no new ones
    n_t = n0 + new
    # new households a year: the same number each year until the target year (or this year's, once it has passed)
    yearly_new = np.where(left > 0, new / np.maximum(left, 1), np.maximum(n0 * g, 0.0))
    today = 100.0 * have.sum() / n0.sum() if n0.sum() > 0 else 0.0
    s = default_new_share(today, target, ind.arah) if porsi_baru is None else \
        float(min(max(porsi_baru, 0.0), share_limit(target, ind.arah)))
    p = target / 100.0
    deficit = ind.arah * (p * n0 - have)  # > 0: short of the target today; < 0: a surplus
    backlog = np.maximum(_ceil(deficit), 0.0)
    exact = np.maximum(deficit + s * new, 0.0)  # what the what-if shares its households by
    total = _ceil(exact)
    growth_part = total - backlog
    backlog_district = max(float(_ceil(np.array([deficit.sum()]))[0]), 0.0)
    total_district = max(float(_ceil(np.array([deficit.sum() + s * new.sum()]))[0]), 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_year = np.where(left > 0, total / left, np.nan)
    unit = cost_per_household(biaya, indikator) if biaya is not None else float("nan")
    table = pd.DataFrame({
        "kode_wilayah": latest["kode_wilayah"].to_numpy(),
        "tahun": year,
        "tahun_tersisa": left,
        "laju": g,
        "kk_baru_tahun": yearly_new,
        "perlu_tepat": exact,
        "kk_kini": n0.astype("int64"),
        "kk_proyeksi": np.round(n_t).astype("int64"),
        "kk_baru": np.round(new).astype("int64"),
        "kk_akses": have.astype("int64"),
        "backlog": backlog.astype("int64"),
        "pertumbuhan": growth_part.astype("int64"),
        "kesenjangan_kk": total.astype("int64"),
        "per_tahun": per_year,
        "biaya_backlog": backlog * unit,
        "biaya_pertumbuhan": growth_part * unit,
        "biaya_total": total * unit,
        "biaya_per_tahun": per_year * unit,
    })
    return Gap(indikator, float(target), y0, int(target_year), s, porsi_baru is None, float(today), table,
               int(backlog_district), int(backlog.sum()), int(total_district - backlog_district),
               int(growth_part.sum()), int(table["kk_baru"].sum()), unit)


def _arrival_share(target: float, arah: int, s: float) -> float:
    """The share of new households arriving with access (open defecation: practising it): `p - s` (`p + s`)."""
    return target / 100.0 - arah * s


def _spread(total: float, years: int) -> np.ndarray:
    """A whole number spread over `years` in near-equal whole parts that add up to it exactly."""
    steps = np.round(total * np.arange(0, years + 1) / years)
    return np.diff(steps)


def plan_years(result: Gap, kode: str | None = None) -> pd.DataFrame:
    """The plan year by year, for all kecamatan together (`kode` None) or one: households reached each year in
    its two parts (`backlog`, `pertumbuhan`, `tambah` = both; whole numbers adding up to the totals), and the share
    reached at the end of the year (`persen`), the programme and the new households' own access counted.

    Empty once the target year has passed."""
    cols = ["tahun", "jumlah_kk", "backlog", "pertumbuhan", "tambah", "kk_akses", "persen"]
    t = result.table if kode is None else result.table.loc[result.table["kode_wilayah"] == kode]
    years = result.tahun_tersisa
    if years <= 0 or t.empty:
        return pd.DataFrame(columns=cols)
    ind = indicators.get(result.indikator)
    k = np.arange(1, years + 1)
    n0 = t["kk_kini"].to_numpy(dtype="float64")[:, None]
    n = n0 + t["kk_baru_tahun"].to_numpy()[:, None] * k[None, :]
    arrive = _arrival_share(result.target, ind.arah, result.porsi_baru)
    have = (t["kk_akses"].to_numpy(dtype="float64")[:, None] + arrive * (n - n0)
            + ind.arah * t["kesenjangan_kk"].to_numpy(dtype="float64")[:, None] * k[None, :] / years)
    have = np.clip(have, 0.0, n).sum(axis=0)
    n = n.sum(axis=0)
    backlog = _spread(float(t["backlog"].sum()), years)
    tambah = _spread(float(t["kesenjangan_kk"].sum()), years)
    return pd.DataFrame({"tahun": result.tahun + k, "jumlah_kk": np.round(n).astype("int64"),
                         "backlog": backlog.astype("int64"), "pertumbuhan": (tambah - backlog).astype("int64"),
                         "tambah": tambah.astype("int64"), "kk_akses": np.round(have).astype("int64"),
                         "persen": 100.0 * have / n})


def what_if(
    latest: pd.DataFrame,
    indikator: str,
    *,
    add_per_year: float,
    target: float,
    target_year: int,
    growth: pd.Series,
    porsi_baru: float | None = None,
    until: int = HORIZON_YEAR,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """If the district moves `add_per_year` households a year up (or off open defecation), when is the target
    reached?

    New households arrive as the plan's model says (`gap`, with the same `porsi_baru`). The yearly number is shared
    among the kecamatan in proportion to what each needs by `target_year` (its backlog and growth), so started at
    the plan's yearly need every kecamatan reaches the target in that year; started at the district's own yearly
    need the district does. Returns (series, reached): `series` has `kode_wilayah, tahun, persen` for every kecamatan
    and the kabupaten (`kode_wilayah` = KODE_KABUPATEN, "63.10"), `reached` one row per kecamatan and the kabupaten
    with `tahun_capai` (None when not reached by `until`) and `alokasi` (households a year).
    """
    plan = gap(latest, indikator, target=target, target_year=target_year, growth=growth, porsi_baru=porsi_baru)
    years = np.arange(plan.tahun, int(until) + 1)
    # shared by each kecamatan's need before rounding, so every share is at least its own need when the district's
    # rounded-up number is given
    need = plan.table["perlu_tepat"].to_numpy(dtype="float64")
    alloc = add_per_year * (need / need.sum() if need.sum() > 0 else np.zeros_like(need))
    added = alloc[:, None] * (years - plan.tahun)[None, :]
    series, reached = _reach(plan, years, added, np.zeros(len(years)))
    return series, reached.assign(alokasi=[*alloc.tolist(), float(add_per_year)])[
        ["kode_wilayah", "alokasi", "tahun_capai"]]


def what_if_schedule(
    latest: pd.DataFrame,
    indikator: str,
    *,
    schedule: pd.DataFrame,
    target: float,
    target_year: int,
    growth: pd.Series,
    porsi_baru: float | None = None,
    until: int = HORIZON_YEAR,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The what-if for a plan that says where and when: `schedule` has `kode_wilayah, tahun, kk`, the households a
    programme moves up (or off open defecation) in a kecamatan in a year; rows coded KODE_KABUPATEN are district-wide
    work that is not placed, so it counts for the district's share only. Years after the data year count (the data
    year's work is in its data). New households arrive as in `what_if`. Returns (series, reached) like `what_if`,
    `reached` with `kk` (the households the schedule gives each area up to `until`)."""
    plan = gap(latest, indikator, target=target, target_year=target_year, growth=growth, porsi_baru=porsi_baru)
    years = np.arange(plan.tahun, int(until) + 1)
    codes = plan.table["kode_wilayah"].astype(str).tolist()
    later = schedule.loc[(schedule["tahun"] > plan.tahun) & (schedule["tahun"] <= until)]
    grid = (later.groupby(["kode_wilayah", "tahun"])["kk"].sum().unstack(fill_value=0.0)
            .reindex(index=[*codes, KODE_KABUPATEN], columns=years, fill_value=0.0).fillna(0.0))
    cumulative = grid.to_numpy(dtype="float64").cumsum(axis=1)
    series, reached = _reach(plan, years, cumulative[:-1], cumulative[-1])
    return series, reached.assign(kk=[*cumulative[:, -1][:-1].tolist(), float(cumulative.sum(axis=0)[-1])])


def _reach(plan: Gap, years: np.ndarray, added: np.ndarray, district_added: np.ndarray
           ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each kecamatan's share and the district's, year by year, when `added[i, j]` households of kecamatan i have
    been reached by year j (and `district_added[j]` more that no kecamatan holds), new households arriving as the
    gap's model says; and the first year each meets the target."""
    ind = indicators.get(plan.indikator)
    t = plan.table
    n0 = t["kk_kini"].to_numpy(dtype="float64")
    a0 = t["kk_akses"].to_numpy(dtype="float64")
    steps = (years - plan.tahun)[None, :]
    n = n0[:, None] + t["kk_baru_tahun"].to_numpy()[:, None] * steps
    arrive = _arrival_share(plan.target, ind.arah, plan.porsi_baru)
    a = a0[:, None] + arrive * (n - n0[:, None]) + ind.arah * added
    a = np.clip(a, 0.0, n)
    pct = 100.0 * np.divide(a, n, out=np.zeros_like(a), where=n > 0)
    total = n.sum(axis=0)
    district = 100.0 * np.clip(a.sum(axis=0) + ind.arah * district_added, 0.0, total) / total
    codes = t["kode_wilayah"].astype(str).tolist()

    def first_year(p: np.ndarray) -> int | None:
        hit = np.flatnonzero(ind.arah * (p - plan.target) >= -1e-9)
        return int(years[hit[0]]) if hit.size else None

    series = pd.DataFrame({
        "kode_wilayah": np.repeat([*codes, KODE_KABUPATEN], len(years)),
        "tahun": np.tile(years, len(codes) + 1),
        "persen": np.concatenate([pct.ravel(), district]),
    })
    reached = pd.DataFrame({
        "kode_wilayah": [*codes, KODE_KABUPATEN],
        "tahun_capai": pd.array([first_year(p) for p in pct] + [first_year(district)], dtype="Int64"),
    })
    return series, reached


def years_needed(gap_kk: float, per_year: float) -> int | None:
    """Whole years to close `gap_kk` households at `per_year` a year (None when per_year <= 0)."""
    if per_year <= 0:
        return None
    return math.ceil(round(gap_kk / per_year, 9))
