"""Series across the 2021 split: on today's boundaries, or on the boundaries of an earlier year.

In 2021 Kusan Tengah was cut from Kusan Hilir and Teluk Kepayang from Kusan Hulu. Data collected
before then describe the parents on their old, larger areas. The rule used here:

- **On the boundaries of year Y** (`on_boundaries_of`, e.g. Y = 2020): every kecamatan created after
  Y is added back into its parent, in every year, by summing household counts (rates are
  recomputed from the sums). This is exact and gives long series for the old units.
- **On today's boundaries** (`on_current_boundaries`): nothing is invented. Children start in the
  year they were created. A parent's rows from before a split cover a larger area than today; they
  are kept but flagged `sebanding = False` and left out of trends (`comparable_only`), so a trend
  never mixes the old, larger area with the new, smaller one. Splitting old counts by an assumed
  share would be a guess presented as data; we do not do it.

The kabupaten total is the same on either basis.
"""

from __future__ import annotations

import pandas as pd

from sanitasi.indicators import compute_rates, summable


def _counts(df: pd.DataFrame) -> list[str]:
    """Everything that adds up across areas (households, villages, hectares)."""
    return [c for c in summable(df) if c != "sebanding"]


def ancestor_on(wilayah: pd.DataFrame, year: int) -> dict[str, str]:
    """Code -> the code of the unit that held its area in `year` (itself if it existed then)."""
    since = dict(zip(wilayah["kode"], wilayah["berlaku_sejak"].astype(int), strict=True))
    parent = dict(zip(wilayah["kode"], wilayah["pemekaran_dari"], strict=True))
    out = {}
    for kode in wilayah["kode"]:
        k = kode
        while since[k] > year and isinstance(parent.get(k), str):
            k = parent[k]
        out[kode] = k
    return out


def on_boundaries_of(akses: pd.DataFrame, wilayah: pd.DataFrame, year: int) -> pd.DataFrame:
    """Counts on the kecamatan boundaries as they were in `year`, for every year; rates recomputed."""
    up = ancestor_on(wilayah, year)
    counts = _counts(akses)
    out = (akses.assign(kode_wilayah=akses["kode_wilayah"].map(up).fillna(akses["kode_wilayah"]))
           .groupby(["kode_wilayah", "tahun"], as_index=False, sort=True)[counts].sum())
    return compute_rates(out.assign(sebanding=True))


def split_year(wilayah: pd.DataFrame) -> dict[str, int]:
    """Parent code -> the first year in which it lost area to a child."""
    kids = wilayah.dropna(subset=["pemekaran_dari"])
    return kids.groupby("pemekaran_dari")["berlaku_sejak"].min().astype(int).to_dict()


def on_current_boundaries(akses: pd.DataFrame, wilayah: pd.DataFrame) -> pd.DataFrame:
    """The rows as published, with `sebanding` False where a parent still covered its later children."""
    cut = split_year(wilayah)
    before_cut = akses["tahun"] < akses["kode_wilayah"].map(cut).fillna(-1).astype(int)
    return compute_rates(akses.assign(sebanding=~before_cut))


def comparable_only(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows whose area is the same as today's (drop the flagged pre-split parent rows)."""
    if "sebanding" not in frame.columns:
        return frame
    return frame.loc[frame["sebanding"]].reset_index(drop=True)


def on_basis(akses: pd.DataFrame, wilayah: pd.DataFrame, basis: str) -> pd.DataFrame:
    """`basis` is "kini" (today's boundaries) or a year such as "2020" (boundaries of that year)."""
    if basis == "kini":
        return on_current_boundaries(akses, wilayah)
    return on_boundaries_of(akses, wilayah, int(basis))
