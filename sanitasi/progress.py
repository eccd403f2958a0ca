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
  `projected_value = clip(latest_value + current_rate * (target_year - latest_year), 0, 100)` (for a
  quantity such as hectares: no upper bound; see `Indicator.batas`), and the
  status is `sesuai_jalur` (ratio >= 0.95), `perlu_percepatan` (0.60-0.95), `lambat` (0-0.60) or
  `memburuk` (< 0).
- `judged_year`, `judged_value`: what the status speaks of. Once the target year has passed, the last
  observation up to the target year (a 2024 target is judged on 2024 even when 2025 is known); before, the
  latest observation. Every card, map, table and slide shows this year, and the latest beside it when they differ.
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

from sanitasi import i18n, indicators

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
    # the year and value the status speaks of: the last observation up to the target year once that year has
    # passed (a 2024 target is judged on 2024), the latest observation before (module docstring)
    judged_year: int | None = None
    judged_value: float | None = None


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
    bounds: tuple[float, float | None] = (0.0, 100.0),
) -> Assessment:
    """Judge one series (years, values in %) against one target. See the module docstring.

    `bounds` is where a projection is clipped: 0-100 for a share; (0, None) for a quantity such as
    hectares of standing water (the registry's `batas`).
    """
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
        return Assessment(latest_year, latest_value, None, None, None, None, None, Status.DATA_KURANG, n,
                          latest_year, latest_value)
    tw, yw = t[inside], y[inside]
    dx = tw - tw.mean()
    rate = float(np.sum(dx * (yw - yw.mean())) / np.sum(dx * dx))
    reached_now = direction * (latest_value - target) >= 0
    steps = _years_to_target(target - latest_value, rate) if direction * rate > 0 and not reached_now else None
    estimated = None if steps is None else latest_year + steps
    required = ratio = projected = None
    judged_year, judged_value = latest_year, latest_value
    if target_year <= latest_year:
        seen = t <= target_year
        if not seen.any():
            status = Status.DATA_KURANG
            judged_year = judged_value = None
        else:
            judged_year, judged_value = int(t[seen][-1]), float(y[seen][-1])
            status = Status.TERCAPAI if direction * (judged_value - target) >= 0 else Status.TIDAK_TERCAPAI
    elif reached_now:
        status = Status.TERCAPAI
    else:
        required = (target - latest_value) / (target_year - latest_year)
        ratio = rate / required
        projected = float(np.clip(latest_value + rate * (target_year - latest_year), bounds[0],
                                  np.inf if bounds[1] is None else bounds[1]))
        status = _status_from_ratio(ratio)
    return Assessment(latest_year, latest_value, rate, required, ratio, projected, estimated, status, n, judged_year,
                      judged_value)


RESULT_COLUMNS = ["latest_year", "latest_value", "current_rate", "required_rate", "ratio",
                  "projected_value", "estimated_year", "status", "n_points", "judged_year", "judged_value"]


def assess_all(obs: pd.DataFrame, goals: pd.DataFrame, *, window: int = DEFAULT_WINDOW) -> pd.DataFrame:
    """`assess` for every series x target at once, vectorised; same numbers as calling `assess`.

    `obs`: long observations `kode_wilayah, indikator, tahun, nilai`.
    `goals`: one row per target to judge: `kode_wilayah, indikator, dokumen, target, target_year`
    (see `sanitasi.targets.goals_for`). The direction comes from the indicator registry.
    Returns `goals` with the `Assessment` fields as columns, in the same row order.

    Each series gets an integer id; observations are sorted by (series, year) once and every sum is a
    `bincount` over the ids, so a country's 800,000 targets take a fraction of a second (no merges on
    text keys, no Python call per row).
    """
    goals = goals.reset_index(drop=True)
    if goals.empty:
        return goals.assign(**{c: pd.Series(dtype="float64") for c in RESULT_COLUMNS})
    # one id per observed (kode_wilayah, indikator); a goal on a series never observed gets -1
    kode, kode_names = pd.factorize(obs["kode_wilayah"])
    ind, ind_names = pd.factorize(obs["indikator"])
    width = max(len(ind_names), 1)
    # goals: factorised too, then their distinct values looked up among the observed ones (cheaper than
    # looking up every row)
    g_codes, g_kode_names = pd.factorize(goals["kode_wilayah"])
    g_kode = pd.Index(kode_names).get_indexer(g_kode_names)[g_codes] if len(g_codes) else g_codes
    g_ind, g_ind_names = pd.factorize(goals["indikator"])
    g_obs_ind = pd.Index(ind_names).get_indexer(g_ind_names)[g_ind] if len(g_ind) else g_ind
    g_sid = np.where((g_kode >= 0) & (g_obs_ind >= 0), g_kode.astype("int64") * width + g_obs_ind, -1)
    value = obs["nilai"].to_numpy(dtype="float64")
    seen = ~np.isnan(value)
    o_sid = (kode.astype("int64") * width + ind)[seen]
    year, value = obs["tahun"].to_numpy(dtype="int64")[seen], value[seen]
    n_obs = len(value)
    y0 = int(year.min()) if n_obs else 0
    span = int(year.max()) - y0 + 2 if n_obs else 2
    # one sort key, (series, year); stable, so equal years keep their order, as `assess` sorts
    order = np.argsort(o_sid * span + (year - y0), kind="stable")
    s, y, v = o_sid[order], year[order], value[order]
    key = s * span + (y - y0)

    # per series: latest year and value, then the OLS slope over the window
    starts = np.r_[True, s[1:] != s[:-1]] if n_obs else np.zeros(0, dtype=bool)
    ends = np.r_[s[1:] != s[:-1], True] if n_obs else np.zeros(0, dtype=bool)
    series = s[ends]
    run = np.cumsum(starts) - 1
    s_ly, s_lv = y[ends], v[ends]
    inside = y > s_ly[run] - window
    ri, yi, vi = run[inside], y[inside].astype("float64"), v[inside]
    m = len(series)
    s_n = np.bincount(ri, minlength=m)
    with np.errstate(divide="ignore", invalid="ignore"):
        dx = yi - (np.bincount(ri, weights=yi, minlength=m) / s_n)[ri]
        dy = vi - (np.bincount(ri, weights=vi, minlength=m) / s_n)[ri]
    s_sxy = np.bincount(ri, weights=dx * dy, minlength=m)
    s_sxx = np.bincount(ri, weights=dx * dx, minlength=m)

    # each goal's series (or none)
    pos = np.minimum(np.searchsorted(series, g_sid), max(m - 1, 0))
    found = (series[pos] == g_sid) if m else np.zeros(len(goals), dtype=bool)
    arah = np.zeros(len(g_ind_names))
    low, high = np.zeros(len(g_ind_names)), np.full(len(g_ind_names), np.inf)
    for c, name in enumerate(g_ind_names):  # the goals' indicators
        spec = indicators.get(name)  # an unknown one raises, naming the known ones
        arah[c] = spec.arah
        low[c], high[c] = spec.batas[0], np.inf if spec.batas[1] is None else spec.batas[1]
    direction = arah[g_ind]
    low, high = low[g_ind], high[g_ind]
    target = goals["target"].to_numpy(dtype="float64")
    tyear = goals["target_year"].to_numpy(dtype="float64")
    ly = np.where(found, s_ly[pos], np.nan) if m else np.full(len(goals), np.nan)
    lv = np.where(found, s_lv[pos], np.nan) if m else np.full(len(goals), np.nan)
    n = np.where(found, s_n[pos], 0).astype("int64") if m else np.zeros(len(goals), dtype="int64")
    enough = n >= 2
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(enough, s_sxy[pos] / s_sxx[pos], np.nan) if m else np.full(len(goals), np.nan)
        reached_now = direction * (lv - target) >= 0
        future = enough & (tyear > ly) & ~reached_now
        required = np.where(future, (target - lv) / (tyear - ly), np.nan)
        ratio = np.where(future, rate / required, np.nan)
        projected = np.where(future, np.clip(lv + rate * (tyear - ly), low, high), np.nan)
        improving = enough & (direction * rate > 0) & ~reached_now
        steps = np.round((target - lv) / rate, 9)
        improving &= steps <= HORIZON
        steps = np.ceil(np.where(improving, steps, 0.0))
    estimated = pd.array(np.where(improving, ly + steps, np.nan), dtype="Float64").round().astype("Int64")

    # the value seen at the last observed year <= target year, for targets whose year has passed
    past = enough & (tyear <= ly)
    seen_value, seen_year = np.full(len(goals), np.nan), np.full(len(goals), np.nan)
    if past.any():
        want = g_sid[past] * span + np.clip(tyear[past] - y0, -1, span - 1).astype("int64")
        at = np.searchsorted(key, want, side="right") - 1
        hit = (at >= 0) & (s[np.maximum(at, 0)] == g_sid[past])
        seen_value[np.flatnonzero(past)[hit]] = v[at[hit]]
        seen_year[np.flatnonzero(past)[hit]] = y[at[hit]]
    judged_year = np.where(past, seen_year, ly)
    judged_value = np.where(past, seen_value, lv)

    code = {st: i for i, st in enumerate(Status)}
    status = np.full(len(goals), code[Status.DATA_KURANG], dtype="int8")
    past_seen = past & ~np.isnan(seen_value)
    with np.errstate(invalid="ignore"):
        met_then = direction * (seen_value - target) >= 0
    status[past_seen & met_then] = code[Status.TERCAPAI]
    status[past_seen & ~met_then] = code[Status.TIDAK_TERCAPAI]
    status[enough & (tyear > ly) & reached_now] = code[Status.TERCAPAI]
    status[future & (ratio >= ON_TRACK)] = code[Status.SESUAI_JALUR]
    status[future & (ratio < ON_TRACK) & (ratio >= NEEDS_ACCELERATION)] = code[Status.PERLU_PERCEPATAN]
    status[future & (ratio < NEEDS_ACCELERATION) & (ratio >= 0)] = code[Status.LAMBAT]
    status[future & (ratio < 0)] = code[Status.MEMBURUK]

    return goals.assign(
        latest_year=pd.Series(ly).astype("Int64").to_numpy(),
        latest_value=lv,
        current_rate=rate,
        required_rate=required,
        ratio=ratio,
        projected_value=projected,
        estimated_year=estimated,
        status=np.array([st.value for st in Status], dtype=object)[status],
        n_points=n,
        judged_year=pd.Series(judged_year).astype("Int64").to_numpy(),
        judged_value=judged_value,
    )


def trend_line(years, values, *, window: int = DEFAULT_WINDOW, until: int | None = None,
               bounds: tuple[float, float | None] = (0.0, 100.0)) -> pd.DataFrame:
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
    lo, hi = bounds[0], np.inf if bounds[1] is None else bounds[1]
    parts = [pd.DataFrame({"tahun": fit_years, "nilai": np.clip(fit, lo, hi), "bagian": "tren"})]
    if until is not None and until > latest_year:
        ahead = np.arange(latest_year, int(until) + 1)
        ahead_values = np.clip(latest_value + rate * (ahead - latest_year), lo, hi)
        parts.append(pd.DataFrame({"tahun": ahead, "nilai": ahead_values, "bagian": "proyeksi"}))
    return pd.concat(parts, ignore_index=True)


def rank(status: str | Status) -> int:
    """Higher is better; used to order tables and small multiples."""
    return RANK[Status(status)]


def status_label(status: str | None, lang: str = "id") -> str:
    """The status as officials read it ('Perlu percepatan'); no status means no target."""
    return i18n.t(f"status.{status or 'tanpa_target'}", lang)
