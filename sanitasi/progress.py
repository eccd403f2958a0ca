"""Progress toward a target: JMP's linear trend judged with the Statistics Canada / Open SDG thresholds.

Method, in the words of its sources:
- WHO/UNICEF JMP estimates a trend by ordinary least squares on the survey points and compares the
  current rate of change with the rate needed to reach a target ("acceleration required";
  washdata.org, JMP estimation methods; domain.md 6.1).
- Statistics Canada and Open SDG judge the ratio R = observed rate / required rate:
  R >= 95% on track, 60-95% progress but acceleration needed, 0-60% limited progress, < 0
  deterioration (open-sdg docs/progress-methodology.md; domain.md 6.3). They use growth rates (CAGR);
  here the rates are in percentage points per year, because near 100% the CAGR of a share is tiny.

Rules (exactly as in the calculation-core issue):
- `latest_year` is the last observed year and `latest_value` its value; the window is the
  observations with `year > latest_year - window`; fewer than 2 points there -> `data_kurang`.
- `current_rate` is the OLS slope of value on year over the window.
- If `target_year <= latest_year`: the value observed at the last year `<= target_year` is judged:
  `tercapai` if `direction * (value - target) >= 0`, else `tidak_tercapai`.
- Else if `direction * (latest_value - target) >= 0`: `tercapai`.
- Else `required_rate = (target - latest_value) / (target_year - latest_year)`,
  `ratio = current_rate / required_rate`,
  `projected_value = clip(latest_value + current_rate * (target_year - latest_year), 0, 100)`, and the
  status is `sesuai_jalur` (ratio >= 0.95), `perlu_percepatan` (0.60-0.95), `lambat` (0-0.60) or
  `memburuk` (< 0).
- `estimated_year = latest_year + ceil((target - latest_value) / current_rate)` when
  `direction * current_rate > 0` and the target is not yet reached; otherwise None. A pace so slow that
  this lies more than `HORIZON` years ahead also gives None: no plan looks that far, and a near-zero
  rate would otherwise give years beyond what an integer can hold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from sanitasi import indicators

METHOD = "Tren linear JMP + ambang rasio Statistics Canada/Open SDG"
METHOD_EN = "JMP linear trend + Statistics Canada/Open SDG ratio thresholds"
ON_TRACK, NEEDS_ACCELERATION = 0.95, 0.60
DEFAULT_WINDOW = 5
HORIZON = 1000  # years; see estimated_year above


class Status(StrEnum):
    TERCAPAI = "tercapai"
    SESUAI_JALUR = "sesuai_jalur"
    PERLU_PERCEPATAN = "perlu_percepatan"
    LAMBAT = "lambat"
    MEMBURUK = "memburuk"
    TIDAK_TERCAPAI = "tidak_tercapai"
    DATA_KURANG = "data_kurang"


# Best first. `tidak_tercapai` (the target year has passed, unmet) sits with `memburuk`: both say
# "this target is lost on the present course"; `data_kurang` is not ranked.
RANK: dict[Status, int] = {
    Status.TERCAPAI: 5, Status.SESUAI_JALUR: 4, Status.PERLU_PERCEPATAN: 3, Status.LAMBAT: 2,
    Status.MEMBURUK: 1, Status.TIDAK_TERCAPAI: 1, Status.DATA_KURANG: 0,
}
# Colour per status, shared by badges, tables and the map (colour-blind-safe: blue/orange scheme).
WARNA: dict[Status, str] = {
    Status.TERCAPAI: "#1a5e8a", Status.SESUAI_JALUR: "#4f9bd0", Status.PERLU_PERCEPATAN: "#f2b233",
    Status.LAMBAT: "#e0762b", Status.MEMBURUK: "#a63a14", Status.TIDAK_TERCAPAI: "#6b2a0e",
    Status.DATA_KURANG: "#b0b0b0",
}


@dataclass(frozen=True)
class Assessment:
    latest_year: int | None
    latest_value: float | None
    current_rate: float | None
    required_rate: float | None
    ratio: float | None
    projected_value: float | None
    estimated_year: int | None
    status: Status
    n_points: int


def _status_from_ratio(ratio: float) -> Status:
    if ratio >= ON_TRACK:
        return Status.SESUAI_JALUR
    if ratio >= NEEDS_ACCELERATION:
        return Status.PERLU_PERCEPATAN
    if ratio >= 0:
        return Status.LAMBAT
    return Status.MEMBURUK


def _years_to_target(gap: float, rate: float) -> int | None:
    # rounded before ceil so 2.0000000001 (float noise) does not become 3
    years = round(gap / rate, 9)
    return math.ceil(years) if years <= HORIZON else None


def assess(
    years,
    values,
    *,
    target: float,
    target_year: int,
    direction: int,
    window: int = DEFAULT_WINDOW,
) -> Assessment:
    """Judge one series (years, values in %) against one target. See the module docstring."""
    y = np.asarray(values, dtype="float64")
    t = np.asarray(years, dtype="float64")
    ok = ~np.isnan(y)
    t, y = t[ok], y[ok]
    if t.size == 0:
        return Assessment(None, None, None, None, None, None, None, Status.DATA_KURANG, 0)
    order = np.argsort(t, kind="stable")
    t, y = t[order], y[order]
    latest_year, latest_value = int(t[-1]), float(y[-1])
    inside = t > latest_year - window
    n = int(inside.sum())
    if n < 2:
        return Assessment(latest_year, latest_value, None, None, None, None, None, Status.DATA_KURANG, n)
    tw, yw = t[inside], y[inside]
    dx = tw - tw.mean()
    rate = float(np.sum(dx * (yw - yw.mean())) / np.sum(dx * dx))
    reached_now = direction * (latest_value - target) >= 0
    steps = _years_to_target(target - latest_value, rate) if direction * rate > 0 and not reached_now else None
    estimated = None if steps is None else latest_year + steps
    required = ratio = projected = None
    if target_year <= latest_year:
        seen = t <= target_year
        if not seen.any():
            status = Status.DATA_KURANG
        else:
            value = float(y[seen][-1])
            status = Status.TERCAPAI if direction * (value - target) >= 0 else Status.TIDAK_TERCAPAI
    elif reached_now:
        status = Status.TERCAPAI
    else:
        required = (target - latest_value) / (target_year - latest_year)
        ratio = rate / required
        projected = float(np.clip(latest_value + rate * (target_year - latest_year), 0.0, 100.0))
        status = _status_from_ratio(ratio)
    return Assessment(latest_year, latest_value, rate, required, ratio, projected, estimated, status, n)


RESULT_COLUMNS = ["latest_year", "latest_value", "current_rate", "required_rate", "ratio",
                  "projected_value", "estimated_year", "status", "n_points"]


def assess_all(obs: pd.DataFrame, goals: pd.DataFrame, *, window: int = DEFAULT_WINDOW) -> pd.DataFrame:
    """`assess` for every series x target at once, vectorised; same numbers as calling `assess`.

    `obs`: long observations `kode_wilayah, indikator, tahun, nilai`.
    `goals`: one row per target to judge: `kode_wilayah, indikator, dokumen, target, target_year`
    (see `sanitasi.targets.goals_for`). The direction comes from the indicator registry.
    Returns `goals` with the `Assessment` fields as columns, in the same row order.
    """
    key = ["kode_wilayah", "indikator"]
    goals = goals.reset_index(drop=True)
    if goals.empty:
        return goals.assign(**{c: pd.Series(dtype="float64") for c in RESULT_COLUMNS})
    o = obs.loc[obs["nilai"].notna(), [*key, "tahun", "nilai"]].astype({"tahun": "int64", "nilai": "float64"})
    latest = (o.sort_values([*key, "tahun"], kind="stable").groupby(key, sort=False).tail(1)
              .rename(columns={"tahun": "latest_year", "nilai": "latest_value"}))
    w = o.merge(latest, on=key)
    w = w.loc[w["tahun"] > w["latest_year"] - window]
    g = w.groupby(key, sort=False)
    w = w.assign(dx=w["tahun"] - g["tahun"].transform("mean"), dy=w["nilai"] - g["nilai"].transform("mean"))
    w = w.assign(sxy=w["dx"] * w["dy"], sxx=w["dx"] * w["dx"])
    fit = w.groupby(key, sort=False).agg(n_points=("tahun", "size"), sxy=("sxy", "sum"), sxx=("sxx", "sum"))
    series = latest.merge(fit.reset_index(), on=key, how="left")

    r = goals.merge(series, on=key, how="left")
    direction = r["indikator"].map(lambda k: indicators.get(k).arah).astype("float64").to_numpy()
    target = r["target"].astype("float64").to_numpy()
    tyear = r["target_year"].astype("float64").to_numpy()
    ly = r["latest_year"].astype("float64").to_numpy()
    lv = r["latest_value"].astype("float64").to_numpy()
    n = r["n_points"].fillna(0).astype("int64").to_numpy()
    enough = n >= 2
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(enough, r["sxy"].to_numpy(dtype="float64") / r["sxx"].to_numpy(dtype="float64"), np.nan)
        reached_now = direction * (lv - target) >= 0
        future = enough & (tyear > ly) & ~reached_now
        required = np.where(future, (target - lv) / (tyear - ly), np.nan)
        ratio = np.where(future, rate / required, np.nan)
        projected = np.where(future, np.clip(lv + rate * (tyear - ly), 0.0, 100.0), np.nan)
        improving = enough & (direction * rate > 0) & ~reached_now
        steps = np.round((target - lv) / rate, 9)
        improving &= steps <= HORIZON
        steps = np.ceil(np.where(improving, steps, 0.0))
    estimated = pd.array(np.where(improving, ly + steps, np.nan), dtype="Float64").round().astype("Int64")

    # the value seen at the last observed year <= target year, for targets whose year has passed
    past = enough & (tyear <= ly)
    seen_value = np.full(len(r), np.nan)
    if past.any():
        idx = np.flatnonzero(past)
        p = r.loc[idx, key + ["target_year"]].assign(_row=idx).merge(o, on=key)
        p = p.loc[p["tahun"] <= p["target_year"]].sort_values(["_row", "tahun"], kind="stable")
        last = p.groupby("_row").tail(1)
        seen_value[last["_row"].to_numpy()] = last["nilai"].to_numpy()

    status = np.full(len(r), Status.DATA_KURANG.value, dtype=object)
    past_seen = past & ~np.isnan(seen_value)
    met_then = direction * (seen_value - target) >= 0
    status[past_seen & met_then] = Status.TERCAPAI.value
    status[past_seen & ~met_then] = Status.TIDAK_TERCAPAI.value
    status[enough & (tyear > ly) & reached_now] = Status.TERCAPAI.value
    status[future & (ratio >= ON_TRACK)] = Status.SESUAI_JALUR.value
    status[future & (ratio < ON_TRACK) & (ratio >= NEEDS_ACCELERATION)] = Status.PERLU_PERCEPATAN.value
    status[future & (ratio < NEEDS_ACCELERATION) & (ratio >= 0)] = Status.LAMBAT.value
    status[future & (ratio < 0)] = Status.MEMBURUK.value

    return goals.assign(
        latest_year=r["latest_year"].astype("Int64").to_numpy(),
        latest_value=lv,
        current_rate=rate,
        required_rate=required,
        ratio=ratio,
        projected_value=projected,
        estimated_year=estimated,
        status=status,
        n_points=n,
    )


def trend_line(years, values, *, window: int = DEFAULT_WINDOW, until: int | None = None) -> pd.DataFrame:
    """The OLS line of `assess` drawn over its window (`bagian` = "tren") and on to `until` ("proyeksi").

    The projection starts at the latest observed value, as `assess` projects (latest + rate x years),
    so the dashed line on the chart ends where `projected_value` says. Values are clipped to 0..100.
    Fewer than 2 points in the window give an empty frame.
    """
    y = np.asarray(values, dtype="float64")
    t = np.asarray(years, dtype="float64")
    ok = ~np.isnan(y)
    t, y = t[ok], y[ok]
    empty = pd.DataFrame({"tahun": pd.Series(dtype="int64"), "nilai": pd.Series(dtype="float64"),
                          "bagian": pd.Series(dtype="string")})
    if t.size == 0:
        return empty
    latest_year = int(t.max())
    latest_value = float(y[t == latest_year][-1])
    inside = t > latest_year - window
    if inside.sum() < 2:
        return empty
    tw, yw = t[inside], y[inside]
    dx = tw - tw.mean()
    rate = float(np.sum(dx * (yw - yw.mean())) / np.sum(dx * dx))
    fit_years = np.arange(int(tw.min()), latest_year + 1)
    fit = yw.mean() + rate * (fit_years - tw.mean())
    parts = [pd.DataFrame({"tahun": fit_years, "nilai": np.clip(fit, 0, 100), "bagian": "tren"})]
    if until is not None and until > latest_year:
        ahead = np.arange(latest_year, int(until) + 1)
        ahead_values = np.clip(latest_value + rate * (ahead - latest_year), 0, 100)
        parts.append(pd.DataFrame({"tahun": ahead, "nilai": ahead_values, "bagian": "proyeksi"}))
    return pd.concat(parts, ignore_index=True)


def rank(status: str | Status) -> int:
    """Higher is better; used to order tables and small multiples."""
    return RANK[Status(status)]
