"""Targets: which value applies to which area, and the path from a baseline to the target.

A target row with an empty `kode_wilayah` is a kabupaten target; it also applies to every
kecamatan that has no row of its own for that document and indicator (a district plan sets one
number for all unless it says otherwise). A document may give interim values for several years;
its final target is the value of its last year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sanitasi import KODE_KABUPATEN, indicators


def documents(target: pd.DataFrame) -> list[str]:
    """Target documents in the order the table lists them."""
    return list(dict.fromkeys(target["dokumen"].astype(str)))


def indicators_of(target: pd.DataFrame, dokumen: str) -> list[str]:
    """Indicators that `dokumen` sets a target for."""
    return list(dict.fromkeys(target.loc[target["dokumen"] == dokumen, "indikator"].astype(str)))


def rows_for(target: pd.DataFrame, dokumen: str, indikator: str, kode_wilayah: str) -> pd.DataFrame:
    """The target rows (`tahun, nilai, tahun_dasar, catatan`) that apply to one area, by year.

    The area's own rows when it has any, otherwise the kabupaten rows, except where a kabupaten number
    cannot stand for a kecamatan (`shared_down`): a district total in hectares, or an indicator measured
    only for the whole district.
    """
    t = target.loc[(target["dokumen"] == dokumen) & (target["indikator"] == indikator)]
    own = t.loc[t["kode_wilayah"].fillna("") == kode_wilayah]
    if kode_wilayah == KODE_KABUPATEN or (own.empty and shared_down(indikator)):
        own = t.loc[t["kode_wilayah"].isna() | (t["kode_wilayah"] == KODE_KABUPATEN)]
    return own.sort_values("tahun").reset_index(drop=True)


def shared_down(indikator: str) -> bool:
    """Does a kabupaten target also apply to each kecamatan without its own? Yes for a share (90% of
    households can be asked of every kecamatan), no for a quantity (200 ha is a district total) and no for
    an indicator that exists only for the district."""
    ind = indicators.get(indikator)
    return ind.persen and ind.tingkat == "kecamatan"


def goals_for(target: pd.DataFrame, dokumen: str, kode_wilayah: list[str],
              indikator: list[str] | None = None) -> pd.DataFrame:
    """Final targets to judge: `kode_wilayah, indikator, dokumen, target, target_year`, one per pair.

    The same rule as `rows_for` (an area's own rows, else the kabupaten's where they stand for it; the
    last year is the final target), worked out for all areas at once: a country has thousands of kecamatan.
    Rows come indicator by indicator, areas in the order given; pairs with no target are left out.
    """
    cols = ["kode_wilayah", "indikator", "dokumen", "target", "target_year"]
    inds = list(indikator or indicators_of(target, dokumen))
    t = target.loc[(target["dokumen"] == dokumen) & target["indikator"].isin(inds)].sort_values("tahun", kind="stable")
    district = t["kode_wilayah"].isna() | (t["kode_wilayah"] == KODE_KABUPATEN)
    own = t.loc[~district].groupby(["indikator", "kode_wilayah"], sort=False).tail(1)
    shared = t.loc[district].groupby("indikator", sort=False).tail(1).set_index("indikator")
    areas = pd.Series(list(kode_wilayah), dtype="object")
    kabupaten = (areas == KODE_KABUPATEN).to_numpy()  # the district itself always uses the kabupaten rows
    parts = []
    for ind in inds:
        mine = own.loc[own["indikator"] == ind].set_index("kode_wilayah")
        own_year = areas.map(mine["tahun"]).to_numpy(dtype="float64", na_value=np.nan)
        own_value = areas.map(mine["nilai"]).to_numpy(dtype="float64", na_value=np.nan)
        use_own = ~np.isnan(own_year) & ~kabupaten
        # the kabupaten's rows: for the kabupaten itself, and for the others only where they stand for them
        use_district = ~use_own & (kabupaten | shared_down(ind)) & (ind in shared.index)
        year, value = ((float(shared.at[ind, "tahun"]), float(shared.at[ind, "nilai"])) if ind in shared.index
                       else (np.nan, np.nan))
        parts.append(pd.DataFrame({"kode_wilayah": areas, "indikator": ind, "dokumen": dokumen,
                                   "target": np.where(use_own, own_value, np.where(use_district, value, np.nan)),
                                   "target_year": np.where(use_own, own_year, np.where(use_district, year, np.nan))}))
    if not parts:
        return pd.DataFrame(columns=cols)
    out = pd.concat(parts, ignore_index=True)
    out = out.loc[out["target_year"].notna()].reset_index(drop=True)
    return out.astype({"target_year": "int64"})[cols]


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
