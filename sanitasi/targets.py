"""Targets: which value applies to which area, and the path from a baseline to the target.

A target row with an empty `kode_wilayah` is a kabupaten target; it also applies to every
kecamatan that has no row of its own for that document and indicator (a district plan sets one
number for all unless it says otherwise). A document may give interim values for several years;
its final target is the value of its last year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sanitasi import KODE_KABUPATEN


def documents(target: pd.DataFrame) -> list[str]:
    """Target documents in the order the table lists them."""
    return list(dict.fromkeys(target["dokumen"].astype(str)))


def indicators_of(target: pd.DataFrame, dokumen: str) -> list[str]:
    """Indicators that `dokumen` sets a target for."""
    return list(dict.fromkeys(target.loc[target["dokumen"] == dokumen, "indikator"].astype(str)))


def rows_for(target: pd.DataFrame, dokumen: str, indikator: str, kode_wilayah: str) -> pd.DataFrame:
    """The target rows (`tahun, nilai, tahun_dasar, catatan`) that apply to one area, by year.

    The area's own rows when it has any, otherwise the kabupaten rows.
    """
    t = target.loc[(target["dokumen"] == dokumen) & (target["indikator"] == indikator)]
    own = t.loc[t["kode_wilayah"].fillna("") == kode_wilayah]
    if own.empty or kode_wilayah == KODE_KABUPATEN:
        own = t.loc[t["kode_wilayah"].isna() | (t["kode_wilayah"] == KODE_KABUPATEN)]
    return own.sort_values("tahun").reset_index(drop=True)


def goals_for(target: pd.DataFrame, dokumen: str, kode_wilayah: list[str],
              indikator: list[str] | None = None) -> pd.DataFrame:
    """Final targets to judge: `kode_wilayah, indikator, dokumen, target, target_year`, one per pair."""
    rows = []
    for ind in indikator or indicators_of(target, dokumen):
        for kode in kode_wilayah:
            r = rows_for(target, dokumen, ind, kode)
            if r.empty:
                continue
            last = r.iloc[-1]
            rows.append({"kode_wilayah": kode, "indikator": ind, "dokumen": dokumen,
                         "target": float(last["nilai"]), "target_year": int(last["tahun"])})
    cols = ["kode_wilayah", "indikator", "dokumen", "target", "target_year"]
    return pd.DataFrame(rows, columns=cols)


def final(target: pd.DataFrame, dokumen: str, indikator: str, kode_wilayah: str = KODE_KABUPATEN
          ) -> tuple[int, float] | None:
    """(year, value) of the document's final target for the area, or None when it sets none."""
    r = rows_for(target, dokumen, indikator, kode_wilayah)
    if r.empty:
        return None
    return int(r["tahun"].iloc[-1]), float(r["nilai"].iloc[-1])


def baseline_year(rows: pd.DataFrame, observed_years: list[int] | np.ndarray) -> int | None:
    """The document's baseline year (`tahun_dasar`) if the data cover it, else the nearest observed year.

    With no `tahun_dasar` the first observed year is used.
    """
    years = sorted(int(y) for y in observed_years)
    if not years:
        return None
    dasar = rows["tahun_dasar"].dropna() if "tahun_dasar" in rows else pd.Series(dtype="Int64")
    if dasar.empty:
        return years[0]
    want = int(dasar.iloc[0])
    return min(years, key=lambda y: (abs(y - want), y))


def target_path(baseline: tuple[int, float], rows: pd.DataFrame) -> pd.DataFrame:
    """Yearly path from the baseline through the interim targets to the final one.

    Explicit values from the target rows are kept as they are (`jenis` = `antara` or `akhir`);
    the years between are interpolated linearly (`jenis` = `interpolasi`); the first row is the
    baseline (`jenis` = `dasar`). Target rows at or before the baseline year are ignored.
    """
    b_year, b_value = int(baseline[0]), float(baseline[1])
    pts = rows.loc[rows["tahun"] > b_year, ["tahun", "nilai"]].astype({"tahun": "int64", "nilai": "float64"})
    if pts.empty:
        return pd.DataFrame({"tahun": [b_year], "nilai": [b_value], "jenis": ["dasar"]})
    xs = np.concatenate([[b_year], pts["tahun"].to_numpy()])
    ys = np.concatenate([[b_value], pts["nilai"].to_numpy()])
    years = np.arange(b_year, int(xs[-1]) + 1)
    values = np.interp(years, xs, ys)
    explicit = set(pts["tahun"].tolist())
    jenis = ["dasar" if y == b_year else "akhir" if y == xs[-1] else "antara" if y in explicit
             else "interpolasi" for y in years]
    return pd.DataFrame({"tahun": years, "nilai": values, "jenis": jenis})
