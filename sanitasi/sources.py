"""Access series as they really exist: each row has a level (kabupaten or kecamatan), a source and a unit.

BPS publishes Susenas access for the kabupaten only, as percentages of rumah tangga; kecamatan and desa figures
come from other sources (Dinkes STBM, EHRA, the Pokja's surveys) as counts of KK. The dashboard keeps them
apart and says which is which:

- the **kecamatan** counts drive the map, the ranking, the profiles and the needs. Where two sources give the
  same kecamatan and year, one row is used: an official source first, then a loaded one before the bundled
  illustrative one, then the one loaded last;
- the **roll-up** of those counts (`REKAP`) is one district series; every kabupaten-level source is another;
- the district headline uses the series chosen in the settings, by default the official kabupaten series when
  one is loaded, else the roll-up (`lead`);
- nothing is ever added or averaged across sources or units: where two district series cover a year they are
  shown side by side with their difference (`comparison`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sanitasi import KODE_KABUPATEN, i18n, indicators
from sanitasi.contracts import ERROR_COLUMNS, PERCENT_COLUMNS, PERCENT_INDICATORS

REKAP = "rekap"  # the district series made by adding up the kecamatan counts
ILLUSTRATIVE = "ilustratif"  # the `sumber` of the bundled illustrative rows
COUNTS = ("jumlah_kk", *indicators.RUNG_COLUMNS)
KEEP = ("kode_wilayah", "tahun", "sumber", "satuan", "resmi", *COUNTS)  # what a kecamatan count row carries


def is_district(codes: pd.Series) -> pd.Series:
    return codes.astype(str) == KODE_KABUPATEN


def has_counts(frame: pd.DataFrame) -> pd.Series:
    return frame["jumlah_kk"].notna()


def kecamatan_counts(akses: pd.DataFrame) -> pd.DataFrame:
    """One count row per kecamatan and year, as the contract types them (counts as int64).

    Where several sources give the same kecamatan and year the row kept is, in turn: an official one, a loaded
    one before the bundled illustrative one, the one later in the table (loaded last).
    """
    rows = akses.loc[~is_district(akses["kode_wilayah"]) & has_counts(akses), list(KEEP)]
    if rows.empty:
        return rows.astype({c: "int64" for c in ("tahun", *COUNTS)})
    rank = pd.DataFrame({
        "resmi": (rows["resmi"] == "ya").astype(int),
        "dimuat": (rows["sumber"] != ILLUSTRATIVE).astype(int),
        "urutan": np.arange(len(rows)),
    }, index=rows.index)
    order = rank.sort_values(["resmi", "dimuat", "urutan"]).index
    kept = rows.loc[order].drop_duplicates(["kode_wilayah", "tahun"], keep="last")
    return (kept.sort_values(["tahun", "kode_wilayah"]).astype({c: "int64" for c in ("tahun", *COUNTS)})
            .reset_index(drop=True))


def district_series(akses: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Each kabupaten-level source as its own series: `kode_wilayah, tahun, sumber, satuan, resmi`, the shares
    (`pct_layak`, `pct_aman`, `pct_babs_terbuka`, computed from counts where the row has counts) and the
    published error columns. Ordered official first."""
    rows = akses.loc[is_district(akses["kode_wilayah"])]
    out = {}
    for source, part in rows.groupby("sumber", sort=False):
        part = part.sort_values("tahun").reset_index(drop=True)
        counted = has_counts(part)
        if counted.any():
            rates = indicators.compute_rates(part.loc[counted].astype({c: "int64" for c in COUNTS}),
                                             PERCENT_INDICATORS)
            for col in PERCENT_COLUMNS:
                part.loc[counted, col] = rates[col].to_numpy()
        out[str(source)] = part.assign(kode_wilayah=KODE_KABUPATEN)
    return dict(sorted(out.items(), key=lambda kv: kv[1]["resmi"].eq("ya").any(), reverse=True))


def lead(series: dict[str, pd.DataFrame], preferred: str | None = None) -> str:
    """The district series the headline uses: the chosen one when it exists, else the official kabupaten series
    with the latest year (when one is loaded), else the roll-up of the kecamatan."""
    if preferred == REKAP or (preferred is not None and preferred in series):
        return preferred
    official = [(int(f["tahun"].max()), s) for s, f in series.items() if f["resmi"].eq("ya").any()]
    return max(official)[1] if official else REKAP


def names(series: dict[str, pd.DataFrame]) -> list[str]:
    """Every district series, the roll-up last: the choices of the district-source control."""
    return [*series, REKAP]


def label(source: str, lang: str = "id", rekap_sources: tuple[str, ...] = ()) -> str:
    """How a source is named on screen: the roll-up says what it adds up, the bundled rows say they are
    illustrative, any other source is named as it was loaded."""
    if source == REKAP:
        inner = ", ".join(label(s, lang) for s in rekap_sources) if rekap_sources else ""
        return i18n.t("sumber.rekap", lang, sumber=inner) if inner else i18n.t("sumber.rekap_saja", lang)
    if source == ILLUSTRATIVE:
        return i18n.t("sumber.ilustratif", lang)
    return source


def unit_label(satuan: str, lang: str = "id") -> str:
    """'% rumah tangga', '% KK', '% penduduk'."""
    return i18n.t(f"satuan.{satuan}", lang)


def rekap_sources(kec_rows: pd.DataFrame, tahun: int | None = None) -> tuple[str, ...]:
    """The sources the roll-up adds up (in a year, or over all years), in the order they appear."""
    rows = kec_rows if tahun is None else kec_rows.loc[kec_rows["tahun"] == tahun]
    return tuple(dict.fromkeys(rows["sumber"].astype(str)))


def rekap_units(kec_rows: pd.DataFrame) -> pd.Series:
    """Per year, the unit the kecamatan rows count in, or None where they mix units (that year cannot be added
    up: the roll-up leaves it out)."""
    g = kec_rows.groupby("tahun")["satuan"].agg(lambda s: s.iloc[0] if s.nunique() == 1 else None)
    return g


def comparable_years(a: pd.DataFrame, b: pd.DataFrame, column: str) -> list[int]:
    """Years both series give a value for."""
    ya = set(a.loc[a[column].notna(), "tahun"].astype(int))
    yb = set(b.loc[b[column].notna(), "tahun"].astype(int))
    return sorted(ya & yb)


__all__ = ["REKAP", "ILLUSTRATIVE", "COUNTS", "ERROR_COLUMNS", "kecamatan_counts", "district_series", "lead",
           "names", "label", "unit_label", "rekap_sources", "rekap_units", "comparable_years"]
