"""The five rungs of a count file: each row's households and rungs checked, and percentages turned into households.

Counts are whole households that add up to `jumlah_kk`; percentages add up to 100 (within rounding) and become
whole households per rung that add up exactly to `jumlah_kk` (largest remainder), the largest rounding noted.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sanitasi.errors import Problem
from sanitasi.indicators import RUNG_COLUMNS, RUNGS, apportion
from sanitasi.readers.reading import Reading, blank, num_text, row

SHARE_TOLERANCE = 0.5  # percentage points the five shares may miss 100 by (rounding in the source)
SHARE_COLUMNS = tuple(f"pst_{r}" for r in RUNGS)  # the rungs as percentages of the households, in ladder order


def rung_problems(r: Reading, i: int, kk: float, cols: list[str], vals: list[float], as_shares: bool) -> None:
    """One row's households and rungs: whole counts adding up to the households, or shares adding up to 100."""
    at, found, problems = row(r.table, i), r.found, r.problems

    def cell(field: str) -> object:
        return r.table.iat[i, r.table.columns.get_loc(found[field])]

    # an unreadable cell is NaN too, but it already has its "harus berupa angka" problem
    if np.isnan(kk):
        if blank(cell("jumlah_kk")):
            problems.append(Problem(r.name, at, "jumlah_kk", None, "jumlah KK wajib diisi"))
    elif kk < 0 or kk != round(kk):
        problems.append(Problem(r.name, at, "jumlah_kk", num_text(kk), "jumlah KK harus bilangan bulat tidak negatif"))
    if any(np.isnan(v) for v in vals):
        for c, v in zip(cols, vals, strict=True):
            if np.isnan(v) and blank(cell(c)):
                problems.append(Problem(r.name, at, found[c], None, "nilai wajib diisi"))
        return
    if as_shares:
        for c, v in zip(cols, vals, strict=True):
            if not 0 <= v <= 100:
                problems.append(Problem(r.name, at, found[c], num_text(v), "persentase harus antara 0 dan 100"))
        total = sum(vals)
        if abs(total - 100) > SHARE_TOLERANCE:
            problems.append(Problem(r.name, at, None, f"{total:.2f}".replace(".", ","),
                                    "kelima persentase harus berjumlah 100"))
        return
    for c, v in zip(cols, vals, strict=True):
        if v < 0 or v != round(v):
            problems.append(Problem(r.name, at, found[c], num_text(v), "jumlah KK harus bilangan bulat tidak negatif"))
    total = sum(vals)
    if not np.isnan(kk) and total != kk:
        problems.append(Problem(r.name, at, "jumlah_kk", num_text(kk),
                                f"jumlah lima anak tangga ({num_text(total)}) tidak sama dengan jumlah KK; "
                                f"selisih {num_text(kk - total)}"))


def households(rows: pd.DataFrame, notes: list[str]) -> pd.DataFrame:
    """Rows whose rungs came as percentages (`pst_<rung>`) with whole households per rung (`kk_<rung>`)."""
    out = rows.copy()
    given = out["jumlah_kk"].notna().to_numpy()
    if not given.any():
        return out
    kk = out.loc[given, "jumlah_kk"].to_numpy().astype("int64")
    pct = out.loc[given, list(SHARE_COLUMNS)].to_numpy(dtype="float64")
    whole = apportion(kk, pct)
    exact = pct / pct.sum(axis=1, keepdims=True) * kk[:, None]
    worst = float(np.abs(whole - exact).max())
    largest = f"{worst:.2f}".replace(".", ",")
    notes.append("Persentase diubah menjadi jumlah KK per anak tangga dengan pembulatan sisa terbesar, sehingga "
                 f"jumlahnya tetap sama dengan jumlah KK; pembulatan terbesar {largest} KK.")
    for j, c in enumerate(RUNG_COLUMNS):
        out.loc[given, c] = whole[:, j]
    return out
