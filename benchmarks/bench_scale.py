"""Scale: the calculation core on a synthetic country, as a province or Bappenas would load it.

For 7,300 kecamatan x 8 years and 84,000 desa x 8 years: load (CSV text -> contract check) -> rates ->
roll-up to the parent areas -> targets to judge -> `assess_all` for 3 indicators x 3 target documents,
on the areas and on their parents. Timed on one core, then run again under tracemalloc for the peak
memory (tracemalloc slows Python down, so the two are separate runs). `assess_all` is compared with
calling `assess` once per target in a loop, timed on a sample and extrapolated.
"""

from __future__ import annotations

import io
import os
import re
import time
import tracemalloc
from contextlib import contextmanager
from dataclasses import replace

import numpy as np
import pandas as pd

from benchmarks import synthetic
from benchmarks.report import Row
from sanitasi import indicators, progress, targets
from sanitasi.load import AKSES
from sanitasi.schema import validate

INDICATORS = ("layak", "aman", "babs_terbuka")
# Three documents, each with a national target for the three indicators (one interim year in the first).
TARGETS = pd.DataFrame(
    [("RPJMN 2020-2024", k, None, 2022, v - 4 if k != "babs_terbuka" else 3.0) for k, v in
     (("layak", 90.0), ("aman", 15.0), ("babs_terbuka", 0.0))]
    + [("RPJMN 2020-2024", "layak", None, 2024, 90.0), ("RPJMN 2020-2024", "aman", None, 2024, 15.0),
       ("RPJMN 2020-2024", "babs_terbuka", None, 2024, 0.0),
       ("SDG 6.2 (2030)", "layak", None, 2030, 100.0), ("SDG 6.2 (2030)", "aman", None, 2030, 100.0),
       ("SDG 6.2 (2030)", "babs_terbuka", None, 2030, 0.0),
       ("Visi Indonesia 2045", "layak", None, 2045, 100.0), ("Visi Indonesia 2045", "aman", None, 2045, 70.0),
       ("Visi Indonesia 2045", "babs_terbuka", None, 2045, 0.0)],
    columns=["dokumen", "indikator", "kode_wilayah", "tahun", "nilai"])
DESA_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")
GOALS = {"kecamatan": 1.0, "desa": 5.0}  # seconds, one core


def contract(level: str):
    """The access table's contract; desa codes have a fourth part."""
    if level == "kecamatan":
        return AKSES
    cols = tuple(replace(c, pattern=DESA_CODE) if c.name == "kode_wilayah" else c for c in AKSES.columns)
    return replace(AKSES, columns=cols)


def with_own_targets(nation: synthetic.Nation, share: float = 0.05) -> pd.DataFrame:
    """The national targets plus area-specific ones for some areas (a district plan that sets its own)."""
    rng = np.random.default_rng(7)
    codes = nation.wilayah["kode"].to_numpy()
    own = rng.choice(codes, int(len(codes) * share), replace=False)
    extra = pd.DataFrame({"dokumen": "RPJMN 2020-2024", "indikator": "layak", "kode_wilayah": own, "tahun": 2024,
                          "nilai": rng.uniform(80, 95, len(own)).round(1)})
    return pd.concat([TARGETS, extra], ignore_index=True)


def pipeline(csv_text: str, level: str, parents: pd.DataFrame, target: pd.DataFrame) -> dict:
    """The whole path from a loaded file to judged targets; returns the intermediate sizes and times."""
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    raw = pd.read_csv(io.StringIO(csv_text), dtype=str, keep_default_na=False, na_values=[""])
    akses = validate(raw, contract(level)).astype({c: "int64" for c in ("tahun", *indicators.COUNT_COLUMNS)})
    times["load"] = time.perf_counter() - t0
    t = time.perf_counter()
    rates = indicators.compute_rates(akses, INDICATORS)
    times["rates"] = time.perf_counter() - t
    t = time.perf_counter()
    up = akses.merge(parents, left_on="kode_wilayah", right_on="kode", how="left")
    rolled = indicators.aggregate(up, by="induk")
    times["roll-up"] = time.perf_counter() - t
    t = time.perf_counter()
    obs = pd.concat([indicators.to_long(rates, INDICATORS), indicators.to_long(rolled, INDICATORS)],
                    ignore_index=True)
    areas = [*akses["kode_wilayah"].unique().tolist(), *rolled["kode_wilayah"].unique().tolist()]
    goals = pd.concat([targets.goals_for(target, d, areas, list(INDICATORS)) for d in targets.documents(target)],
                      ignore_index=True)
    times["targets"] = time.perf_counter() - t
    t = time.perf_counter()
    judged = progress.assess_all(obs, goals)
    times["assess_all"] = time.perf_counter() - t
    times["total"] = time.perf_counter() - t0
    return {"times": times, "akses": akses, "rolled": rolled, "obs": obs, "goals": goals, "judged": judged}


@contextmanager
def one_core():
    """Run on a single CPU where the OS allows it (Linux), so the figure holds for a one-core laptop."""
    if not hasattr(os, "sched_setaffinity"):
        yield False
        return
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    try:
        yield True
    finally:
        os.sched_setaffinity(0, before)


def loop_versus_vectorised(obs: pd.DataFrame, goals: pd.DataFrame, judged: pd.DataFrame,
                           sample: int = 3000, rounds: int = 5) -> tuple[float, float, int]:
    """Seconds for `assess` called once per goal (timed on a sample, scaled to every goal) and for
    `assess_all` on every goal; each the best of `rounds`, the two timed turn about so that a slow spell
    of the machine hits both.

    The series are grouped beforehand (not timed), so only the calls are compared. The sample's results
    must equal `assess_all`'s, or the comparison would be meaningless.
    """
    series = {k: (g["tahun"].to_numpy(), g["nilai"].to_numpy())
              for k, g in obs.groupby(["kode_wilayah", "indikator"], sort=False)}
    rng = np.random.default_rng(3)
    rows = rng.choice(len(goals), min(sample, len(goals)), replace=False)
    picked = list(goals.iloc[rows].itertuples())
    direction = {k: indicators.get(k).arah for k in INDICATORS}
    per_call = vectorised = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        out = [progress.assess(*series[(g.kode_wilayah, g.indikator)], target=g.target, target_year=g.target_year,
                               direction=direction[g.indikator]) for g in picked]
        per_call = min(per_call, (time.perf_counter() - t) / len(rows))
        t = time.perf_counter()
        progress.assess_all(obs, goals)
        vectorised = min(vectorised, time.perf_counter() - t)
    if [a.status.value for a in out] != judged.iloc[rows]["status"].tolist():
        raise AssertionError("assess and assess_all disagree on the sample")
    return per_call * len(goals), vectorised, len(rows)


def rollup_exact(result: dict) -> bool:
    """Every count summed over the parents equals the sum over the areas, per year."""
    cols = list(indicators.COUNT_COLUMNS)
    a = result["akses"].groupby("tahun")[cols].sum()
    r = result["rolled"].groupby("tahun")[cols].sum()
    return bool(a.equals(r))


def run(levels: tuple[str, ...] = ("kecamatan", "desa"), repeat: int = 3) -> list[Row]:
    rows: list[Row] = []
    for level in levels:
        nation = synthetic.nation(level)
        csv_text = synthetic.to_csv_text(nation.akses)
        parents = nation.wilayah[["kode", "induk"]]
        target = with_own_targets(nation)
        label = f"{len(nation.wilayah):,} {level} x {len(synthetic.YEARS)} years"
        with one_core() as pinned:
            runs = [pipeline(csv_text, level, parents, target) for _ in range(repeat)]
        best = min(runs, key=lambda r: r["times"]["total"])
        times = best["times"]
        tracemalloc.start()
        pipeline(csv_text, level, parents, target)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        n_goals = len(best["goals"])
        core = "1 core" if pinned else "all cores (affinity not settable)"
        steps = ", ".join(f"{k} {v:.2f}" for k, v in times.items() if k != "total")
        rows.append(Row("2 scale", f"{label}: load -> rates -> roll-up -> assess_all ({n_goals:,} targets), "
                        f"best of {repeat}, {core}", f"{times['total']:.2f} s", f"< {GOALS[level]:.0f} s",
                        times["total"] < GOALS[level], steps + " s"))
        rows.append(Row("2 scale", f"{label}: peak memory of the same run (tracemalloc)",
                        f"{peak / 2**20:.0f} MB", "", None, f"CSV {len(csv_text) / 2**20:.0f} MB"))
        with one_core():
            loop, vectorised, sample = loop_versus_vectorised(best["obs"], best["goals"], best["judged"])
        ratio = loop / vectorised
        rows.append(Row("2 scale", f"{label}: assess in a loop / assess_all", f"{ratio:.0f}x", ">= 50x", ratio >= 50,
                        f"loop {loop:.1f} s extrapolated from {sample:,} calls; assess_all "
                        f"{vectorised:.2f} s; each best of 5, timed in turn"))
        rows.append(Row("2 scale", f"{label}: roll-up to {best['rolled']['kode_wilayah'].nunique():,} parents exact",
                        "yes" if rollup_exact(best) else "NO", "exact", rollup_exact(best), "counts summed, per year"))
    return rows
