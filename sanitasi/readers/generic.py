"""The generic reader: a table kind read from its registry entry alone (its fields and its contract).

Headers are found by the kind's fields; then kecamatan (a kecamatan table's totals line dropped, names
matched to codes), years, numbers for the contract's numeric columns, indicator codes, texts, the file's
own `sumber` (else its name); a kind's own row check, if it has one; duplicate keys; the contract. A kind
whose key is kecamatan and year also gets the split check (no kecamatan before it existed) and comes back
sorted by year and kecamatan with its counts as int64. Waste, drainage and agency activities are read
this way, and so is any kind added to the registry without a reader of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from sanitasi.kinds import Kind
from sanitasi.readers.reading import (
    Reading,
    as_written,
    duplicates,
    indicators_of,
    kecamatan_rows,
    key_problems,
    optional_areas,
    sources,
    texts,
    validated,
)
from sanitasi.schema import whole_numbers
from sanitasi.tables import ROW_COLUMN

# A kind's own check across the parsed columns of each row (column name -> values), adding to r.problems.
RowCheck = Callable[[Reading, Mapping[str, pd.Series]], None]


def needs_area(kind: Kind) -> bool:
    """Must every row name a kecamatan (the contract's kode_wilayah cannot be empty)?"""
    return any(c.name == "kode_wilayah" and not c.nullable for c in kind.contract.columns)


def open_kind(kind: Kind, file: Any, column_map: Mapping[str, str] | None, sheet: str | None) -> Reading:
    return Reading.open(file, kind.fields, column_map, sheet, need_area=needs_area(kind), limits=kind.limits)


def read(kind: Kind, file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
         column_map: Mapping[str, str] | None = None, sheet: str | None = None,
         check: RowCheck | None = None) -> pd.DataFrame:
    """The kind's contract columns read from an official's file, or DataError with every problem."""
    r = open_kind(kind, file, column_map, sheet)
    kode = None
    if needs_area(kind):
        kode = kecamatan_rows(r, wilayah, name_map)
    elif "kode_wilayah" in kind.contract.names:
        kode = optional_areas(r, wilayah, name_map, "Tidak ada kolom kecamatan: semua baris dianggap baris "
                                                    "tingkat kabupaten.")
    cells: dict[str, Any] = {}
    for col in kind.contract.columns:
        if col.name == "kode_wilayah":
            cells[col.name] = kode
        elif col.name == "tahun":
            cells[col.name] = r.years()
        elif col.kind in ("int", "float"):
            cells[col.name] = r.numbers(col.name) if col.name in r.found else pd.Series([float("nan")] * len(r.table))
        elif col.name == "indikator":
            cells[col.name] = indicators_of(r.table, r.found, r.name, r.problems, optional=col.nullable)
        elif col.name == "sumber":
            cells[col.name] = sources(r.table, r.found, r.name)
        else:
            cells[col.name] = texts(r.table, r.found, col.name)
    if check is not None:
        check(r, cells)
    raw = as_written(pd.DataFrame({c: v.to_numpy() if isinstance(v, pd.Series) else v for c, v in cells.items()}))
    out = validated(raw, kind.contract, r.table, r.name, r.notes, extra=_key_problems(kind, r, cells, raw, wilayah),
                    earlier=r.problems, found=r.found)
    if not kind.by_kecamatan_year:
        return out
    result = whole_numbers(out).sort_values(["tahun", "kode_wilayah"]).reset_index(drop=True)
    result.attrs["catatan"] = r.notes
    return result


def _key_problems(kind: Kind, r: Reading, cells: Mapping[str, Any], raw: pd.DataFrame,
                  wilayah: pd.DataFrame) -> list | None:
    """Duplicate keys among the rows whose key was read, said of the file's rows (and for kecamatan-year tables,
    kecamatan used before they existed); None leaves duplicates to the contract."""
    if kind.by_kecamatan_year:
        return key_problems(r.table, cells["kode_wilayah"], cells["tahun"], wilayah, r.name)
    if kind.contract.key == ("tahun",):
        keyed = raw.assign(**{ROW_COLUMN: r.table[ROW_COLUMN].to_numpy()}).dropna(subset=["tahun"])
        return duplicates(keyed.reset_index(drop=True), ["tahun"], r.name, "tahun")
    return None
