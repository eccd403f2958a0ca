"""The import API: officials' files in, validated tables matched to kecamatan codes out, or every problem.

Every reader raises `DataError`, whose `problems` lists every problem found in one pass (row as Excel
shows it, column, value, message in Bahasa Indonesia); `ColumnError` when a column it needs was not
found, so the Data page can ask which one it is; `ChoiceError` when the file does not say something the
reader will not guess (the indicator of a one-indicator table), so the page asks for it. No other
exception escapes for a bad file. What a reader had to decide on its own (a totals row checked and not
stored, percentages turned into households) is listed in the result's `attrs["catatan"]`, so the user
sees it before saving.

`read_kind` reads any importable kind of the registry (`sanitasi.kinds`): most by the generic reader
from their registry entry alone; targets, unit costs, commitments and waste through their hooks
(`hooks`); access by `akses` (BPS's layouts of published shares in `published`); village STBM
(`stbm_desa`), boundary layers (`boundaries`) and the SSK programme matrix (`program`, the Instrumen SSK layout)
by modules of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from sanitasi import kinds
from sanitasi.errors import DataError, Problem
from sanitasi.readers import akses, boundaries, generic, hooks, program, stbm_desa, villages
from sanitasi.readers.akses import Pilihan
from sanitasi.readers.hooks import read_komitmen, read_target
from sanitasi.readers.reading import FIRST_YEAR, ChoiceError, ColumnError, problems_frame
from sanitasi.tables import read_table, source
from sanitasi.tables import sheet_names as _table_sheets

__all__ = ["DataError", "Problem", "ColumnError", "ChoiceError", "Pilihan", "read_table", "read_akses", "read_target",
           "read_biaya", "read_boundaries", "read_boundaries_desa", "read_stbm_desa", "read_sampah", "read_drainase",
           "read_kegiatan", "read_komitmen", "read_kind", "IMPORT_KINDS", "GEO_KINDS", "sheet_names",
           "problems_frame", "FIRST_YEAR", "source"]

IMPORT_KINDS = kinds.importable()  # as the registry stood at import; read_kind asks it again on every call
GEO_KINDS = kinds.geo()

# The kinds with a reader of their own, all called as (file, wilayah, *, name_map, column_map, sheet); every
# other importable kind is read by the generic reader from its registry entry.
OWN_READERS: dict[str, Callable[..., pd.DataFrame]] = {
    "akses": akses.read, "target": hooks.read_target, "biaya": hooks.read_biaya, "sampah": hooks.read_sampah,
    "komitmen": hooks.read_komitmen, "peran": hooks.read_peran, "stbm_desa": stbm_desa.read, "batas": boundaries.read,
    "batas_desa": villages.read_desa, "ssk": program.read,
}


def sheet_names(file: Any) -> list[str]:
    """What a file offers to choose from: an XLSX workbook's visible sheets, a GeoPackage's polygon layers (empty
    for a CSV, a GeoJSON, a zip); a broken workbook is a DataError."""
    src = source(file)
    return boundaries.layers(src) if src.suffix == ".gpkg" else _table_sheets(src)


def read_kind(kind: str, file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
              column_map: Mapping[str, str] | None = None, sheet: str | None = None,
              pilihan: Pilihan | Mapping[str, Any] | None = None):
    """The reader of a table kind, called the same way for all (the Data page and the command line use this).

    `pilihan` is what the editor chose for the access table's source, unit, official flag and indicator where the
    file does not say (`sanitasi.readers.akses`); the other kinds carry their source in their own columns.
    """
    spec = kinds.get(kind)
    if not spec.importable:
        raise ValueError(f"jenis data tidak dikenal: {kind}")
    if kind == "akses":
        return akses.read(file, wilayah, name_map=name_map, column_map=column_map, sheet=sheet, pilihan=pilihan)
    if kind in OWN_READERS:
        return OWN_READERS[kind](file, wilayah, name_map=name_map, column_map=column_map, sheet=sheet)
    return generic.read(spec, file, wilayah, name_map=name_map, column_map=column_map, sheet=sheet)


def read_akses(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
               column_map: Mapping[str, str] | None = None, sheet: str | None = None,
               pilihan: Pilihan | Mapping[str, Any] | None = None) -> pd.DataFrame:
    """The access table: kecamatan counts or kabupaten percentages, each row with its level, source and unit."""
    return akses.read(file, wilayah, name_map=name_map, column_map=column_map, sheet=sheet, pilihan=pilihan)


def read_biaya(file: Any, *, column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Unit costs per household for each step up the ladder (`porsi` = share of gap households needing it)."""
    return hooks.read_biaya(file, column_map=column_map, sheet=sheet)


def read_boundaries(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
                    column_map: Mapping[str, str] | None = None):
    """Kecamatan boundaries (zipped shapefile, GeoJSON, GeoPackage) -> GeoDataFrame `kode, nama, geometry`."""
    return boundaries.read(file, wilayah, name_map=name_map, column_map=column_map)


def read_boundaries_desa(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
                         column_map: Mapping[str, str] | None = None):
    """Village boundaries -> GeoDataFrame `kode, nama, kode_wilayah, geometry` (desa code, name, its kecamatan).

    `name_map` is accepted for the same call as the other readers; villages are matched by code only.
    """
    return villages.read_desa(file, wilayah, column_map=column_map)


def read_stbm_desa(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
                   column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Dinkes' STBM report per village (the `stbm_desa` contract); see `sanitasi.readers.stbm_desa`."""
    return stbm_desa.read(file, wilayah, name_map=name_map, column_map=column_map, sheet=sheet)


def read_sampah(file: Any, *, column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """District waste per year: generation, reduction and handling in tonnes (the `sampah` contract).

    Reduction and handling are disjoint parts of what is generated (Perpres 97/2017: 30% + 70%), so together
    they cannot pass the generation.
    """
    return hooks.read_sampah(file, column_map=column_map, sheet=sheet)


def read_drainase(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
                  column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Standing water (genangan, ha) per kecamatan and year (the `drainase` contract)."""
    return generic.read(kinds.get("drainase"), file, wilayah, name_map=name_map, column_map=column_map, sheet=sheet)


def read_kegiatan(file: Any, *, column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Agencies' programme activities: output target and realisation, budget and spending (the `kegiatan` contract)."""
    return generic.read(kinds.get("kegiatan"), file, None, column_map=column_map, sheet=sheet)
