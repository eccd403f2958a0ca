"""What it takes: households to gain per year to reach a target, what that costs, and what-if scenarios.

Assumptions, stated so an official can check them:
- Households keep growing at the rate seen in the data (compound annual growth of `jumlah_kk` over
  the last `window` years of comparable rows), so a share target needs more households every year.
- For an indicator where higher is better (layak, aman) the households needed in the target year
  are `ceil(target% x households then)`; the gap is that minus those with access now (never < 0).
- For open defecation (lower is better) the households to move off open defecation are those
  practising it now minus what the target allows in the target year (`floor(target% x households
  then)`), never < 0. New households are assumed not to start open defecation.
- Spread evenly over the years left; a target whose year has passed shows the gap today and no
  yearly figure (pick a later "reach by" year to plan for it).
- Cost per household is the sum over the unit-cost steps for the indicator of `porsi x biaya_per_kk`
  (`data/biaya_satuan.csv`: which steps a household in the gap needs, and at what price).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sanitasi import KODE_KABUPATEN, indicators

# The planning horizon: the last year a plan may aim at and a what-if runs to (Visi Indonesia 2045).
HORIZON_YEAR = 2045


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


def households_needed(
    latest: pd.DataFrame,
    indikator: str,
    *,
    target: float,
    target_year: int,
    growth: pd.Series,
    biaya: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per area (one row each in `latest`, counts of its latest year): the gap in households and its cost.

    Columns: `kode_wilayah, tahun, tahun_target, tahun_tersisa, kk_kini, kk_proyeksi, kk_akses,
    kk_sasaran, kesenjangan_kk, per_tahun, biaya_total, biaya_per_tahun`.
    """
    ind = indicators.get(indikator)
    n0 = latest["jumlah_kk"].astype("float64").to_numpy()
    have = indicators.households_with(latest, indikator).astype("float64")
    year = latest["tahun"].astype("int64").to_numpy()
    left = np.maximum(int(target_year) - year, 0)
    g = latest["kode_wilayah"].map(growth).fillna(0.0).astype("float64").to_numpy()
    n_t = np.round(n0 * (1.0 + g) ** left)
    if ind.arah > 0:
        goal = np.ceil(np.round(target / 100.0 * n_t, 6))
        gap = np.maximum(goal - have, 0.0)
    else:
        goal = np.floor(np.round(target / 100.0 * n_t, 6))
        gap = np.maximum(have - goal, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_year = np.where(left > 0, gap / left, np.nan)
    unit = cost_per_household(biaya, indikator) if biaya is not None else np.nan
    return pd.DataFrame({
        "kode_wilayah": latest["kode_wilayah"].to_numpy(),
        "tahun": year,
        "tahun_target": int(target_year),
        "tahun_tersisa": left,
        "kk_kini": n0.astype("int64"),
        "kk_proyeksi": n_t.astype("int64"),
        "kk_akses": have.astype("int64"),
        "kk_sasaran": goal.astype("int64"),
        "kesenjangan_kk": gap.astype("int64"),
        "per_tahun": per_year,
        "biaya_total": gap * unit,
        "biaya_per_tahun": per_year * unit,
    })


def yearly_plan(row: pd.Series, indikator: str, *, target: float, target_year: int,
                growth: float) -> pd.DataFrame:
    """Year by year for one area: households, the share on a straight path to the target, the gain.

    The share moves in equal steps from today's to the target; the households with access each
    year are that share of the households then; `tambah` is the change on the year before. The
    gains add up to the total gap of `households_needed`.
    """
    ind = indicators.get(indikator)
    y0 = int(row["tahun"])
    n0 = float(row["jumlah_kk"])
    a0 = float(indicators.households_with(row, indikator))
    if int(target_year) <= y0:
        return pd.DataFrame(columns=["tahun", "jumlah_kk", "persen", "kk_akses", "tambah"])
    years = np.arange(y0, int(target_year) + 1)
    n = np.round(n0 * (1.0 + growth) ** (years - y0))
    share0 = 100.0 * a0 / n0 if n0 else 0.0
    share = share0 + (target - share0) * (years - y0) / (int(target_year) - y0)
    # Households never lose access (accumulate), and the path ends at the goal of `households_needed`
    # (or stays where it is when that goal is already met), so the gains add up to its gap.
    if ind.arah > 0:
        count = np.ceil(np.round(share / 100.0 * n, 6))
        count[0] = a0
        goal = max(np.ceil(np.round(target / 100.0 * n[-1], 6)), a0)
        count = np.minimum(np.maximum.accumulate(count), goal)
    else:
        count = np.floor(np.round(share / 100.0 * n, 6))
        count[0] = a0
        goal = min(np.floor(np.round(target / 100.0 * n[-1], 6)), a0)
        count = np.maximum(np.minimum.accumulate(count), goal)
    change = np.diff(count, prepend=a0)
    return pd.DataFrame({"tahun": years[1:], "jumlah_kk": n[1:].astype("int64"), "persen": share[1:],
                         "kk_akses": count[1:].astype("int64"),
                         "tambah": (change[1:] * ind.arah).astype("int64")})


def what_if(
    latest: pd.DataFrame,
    indikator: str,
    *,
    add_per_year: float,
    target: float,
    growth: pd.Series,
    until: int = HORIZON_YEAR,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """If the district moves `add_per_year` households a year up (or off open defecation), when is
    the target reached?

    The yearly number is shared among the kecamatan in proportion to their gap to the target today
    (households), and the shares stay fixed. Without the programme each kecamatan keeps today's
    share as it grows. Returns (series, reached): `series` has `kode_wilayah, tahun, persen` for
    every kecamatan and the kabupaten (`kode_wilayah` = KODE_KABUPATEN, "63.10"), `reached` one row per
    kecamatan and the kabupaten with `tahun_capai` (None when not reached by `until`) and `alokasi`
    (households a year).
    """
    ind = indicators.get(indikator)
    y0 = int(latest["tahun"].max())
    years = np.arange(y0, int(until) + 1)
    n0 = latest["jumlah_kk"].astype("float64").to_numpy()
    a0 = indicators.households_with(latest, indikator).astype("float64")
    s0 = np.divide(a0, n0, out=np.zeros_like(a0), where=n0 > 0)
    g = latest["kode_wilayah"].map(growth).fillna(0.0).astype("float64").to_numpy()
    gap_now = np.maximum((target / 100.0 * n0 - a0) * ind.arah, 0.0)
    total_gap = gap_now.sum()
    alloc = add_per_year * (gap_now / total_gap if total_gap > 0 else np.zeros_like(gap_now))
    steps = (years - y0)[None, :]
    n = n0[:, None] * (1.0 + g[:, None]) ** steps
    a = s0[:, None] * n + ind.arah * alloc[:, None] * steps
    a = np.clip(a, 0.0, n)
    pct = 100.0 * np.divide(a, n, out=np.zeros_like(a), where=n > 0)
    district = 100.0 * a.sum(axis=0) / n.sum(axis=0)
    codes = latest["kode_wilayah"].astype(str).tolist()

    def first_year(p: np.ndarray) -> int | None:
        hit = np.flatnonzero(ind.arah * (p - target) >= -1e-9)
        return int(years[hit[0]]) if hit.size else None

    series = pd.DataFrame({
        "kode_wilayah": np.repeat([*codes, KODE_KABUPATEN], len(years)),
        "tahun": np.tile(years, len(codes) + 1),
        "persen": np.concatenate([pct.ravel(), district]),
    })
    reached = pd.DataFrame({
        "kode_wilayah": [*codes, KODE_KABUPATEN],
        "alokasi": [*alloc.tolist(), float(add_per_year)],
        "tahun_capai": pd.array([first_year(p) for p in pct] + [first_year(district)], dtype="Int64"),
    })
    return series, reached


def years_needed(gap: float, per_year: float) -> int | None:
    """Whole years to close `gap` households at `per_year` a year (None when per_year <= 0)."""
    if per_year <= 0:
        return None
    return math.ceil(round(gap / per_year, 9))
