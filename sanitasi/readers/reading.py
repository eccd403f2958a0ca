"""What every table reader shares: the file opened as a kind (header row, columns found), and the cell readers.

Each helper appends what it finds wrong to the reading's problems instead of raising, so a file's every
problem is reported in one pass; `validated` adds the contract's problems and raises them all together.
Problems name the row as Excel shows it (`tables.ROW_COLUMN`) and the file's own header.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from sanitasi import indicators, matching
from sanitasi.contracts import check_codes
from sanitasi.errors import UNKNOWN_AREA, DataError, Problem
from sanitasi.headers import AREA_NAME, Field
from sanitasi.limits import TABLE, Limits
from sanitasi.matching import AreaIndex
from sanitasi.schema import Contract, validate
from sanitasi.tables import ROW_COLUMN, parse_number, read_table, source

FIRST_YEAR = 2000  # oldest plausible year of sanitation access data for the district


class ColumnError(DataError):
    """Columns the reader needs but could not find; the UI asks the user to point at them.

    `missing` lists the fields (name, label), `unmatched` the file's headers nobody claimed.
    """

    def __init__(self, problems: list[Problem], missing: list[Field], unmatched: list[str]):
        super().__init__(problems)
        self.missing = missing
        self.unmatched = unmatched


class ChoiceError(DataError):
    """Something the file does not say and the reader will not guess (which indicator a one-indicator table holds):
    the Data page asks the editor to pick one of `options`, the command line names its option for it."""

    def __init__(self, problems: list[Problem], field: str, options: Sequence[str]):
        super().__init__(problems)
        self.field = field
        self.options = tuple(options)


@dataclass
class Reading:
    """One file being read as a table kind: its rows, where each field was found, and what was said so far."""

    name: str  # the file's name, as problems and `sumber` give it
    table: pd.DataFrame  # the cells under the header row, with ROW_COLUMN
    found: dict[str, str]  # field name -> the file's header
    decimal_comma: bool
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader decided on its own, shown before saving
    file: dict[str, Any] = field(default_factory=dict)  # what `read_table` said about the file (its `attrs`)

    def __post_init__(self) -> None:
        # the file's facts move off the table: pandas copies a frame's attrs into every column taken from it
        self.file = {**self.table.attrs, **self.file}
        self.table.attrs = {}
        # what reading the file decided (the sheet read, percentages as shown) comes first
        self.notes[:0] = [n for n in self.file.get("catatan_berkas", []) if n not in self.notes]

    @classmethod
    def open(cls, file: Any, fields: Sequence[Field], column_map: Mapping[str, str] | None, sheet: str | None,
             need_area: bool, limits: Limits = TABLE) -> Reading:
        """The file's header row found by its known spellings, and every required field located (or ColumnError)."""
        src = source(file)
        table = read_table(src, sheet=sheet, score=matching.header_score(fields), limits=limits)
        dec = table.attrs.get("desimal_koma", True)
        return cls(src.name, table, find_columns(table, fields, column_map, src.name, need_area), dec)

    def numbers(self, field_name: str, label: str | None = None) -> pd.Series:
        """A found column's cells as floats; problems name `label` (default: the file's header)."""
        column = self.found[field_name]
        return numbers(self.table, column, self.name, column if label is None else label, self.decimal_comma,
                       self.problems)

    def years(self, field_name: str = "tahun") -> pd.Series:
        return years(self.numbers(field_name, "tahun"), self.table, self.name, self.problems)


def row(frame: pd.DataFrame, i: int) -> int:
    """The i-th row's number as Excel shows it (by position: a column Series per call would cost a copy of the
    frame's metadata, a thousand rows of problems many times over)."""
    return int(frame.iat[i, frame.columns.get_loc(ROW_COLUMN)]) if ROW_COLUMN in frame else i + 2


def find_columns(table: pd.DataFrame, fields: Sequence[Field], column_map: Mapping[str, str] | None, name: str,
                 need_area: bool = True) -> dict[str, str]:
    found, unmatched = matching.match_columns(table.columns, fields, column_map)
    missing = [f for f in fields if f.required and f.name not in found]
    if need_area and "kode_wilayah" not in found and "nama_wilayah" not in found:
        missing.insert(0, AREA_NAME)
    if missing:
        problems = [Problem(name, 1, f.label or f.name, None,
                            "kolom ini tidak ditemukan; judul kolom yang tidak dikenali: "
                            + (", ".join(unmatched) or "(tidak ada)")) for f in missing]
        raise ColumnError(problems, missing, unmatched)
    return found


def numbers(table: pd.DataFrame, column: str, name: str, label: str, decimal_comma: bool,
            problems: list[Problem]) -> pd.Series:
    """Cells of one column as floats (NaN when empty); unreadable cells become problems."""
    values = []
    for i, v in enumerate(table[column]):
        x = parse_number(v, decimal_comma)
        if x is None:
            problems.append(Problem(name, row(table, i), label, str(v), "harus berupa angka"))
            x = float("nan")
        values.append(x)
    return pd.Series(values, index=table.index, dtype="float64")


def areas(table: pd.DataFrame, found: dict[str, str], index: AreaIndex, name_map: Mapping[str, str] | None,
          name: str, problems: list[Problem], allow_empty: bool = False) -> pd.Series:
    """Kemendagri code per row; unmatched names become problems that carry suggestions."""
    codes = table[found["kode_wilayah"]] if "kode_wilayah" in found else pd.Series([None] * len(table))
    names = table[found["nama_wilayah"]] if "nama_wilayah" in found else pd.Series([None] * len(table))
    column = found.get("nama_wilayah") or found.get("kode_wilayah")
    out = [area(c, n, index, name_map, allow_empty, (name, row(table, i), column), problems)
           for i, (c, n) in enumerate(zip(codes, names, strict=True))]
    return pd.Series(out, index=table.index, dtype="object")


def area(c: Any, n: Any, index: AreaIndex, name_map: Mapping[str, str] | None, allow_empty: bool,
         where: tuple[str, int, str | None], problems: list[Problem]) -> str | None:
    """One row's kecamatan code from its code and name cells; an unmatched one is a problem with suggestions."""
    blank = not str(c or "").strip() and not str(n or "").strip()
    if blank and allow_empty:
        return None
    pair = index.disagreement(c, n, name_map)
    if pair is not None:
        problems.append(Problem(where[0], where[1], where[2], f"{str(c).strip()} / {str(n).strip()}",
                                index.disagreement_text(pair, c, n)))
        return None
    hit = index.code_for(c, n, name_map)
    if hit is None:
        shown = str(n if str(n or "").strip() else c)
        near = index.suggestions(n if n is not None else c)
        hint = ("; mungkin: " + ", ".join(f"{nama} ({kode})" for kode, nama in near)) if near else ""
        problems.append(Problem(where[0], where[1], where[2], shown, "kecamatan tidak dikenal" + hint, UNKNOWN_AREA,
                                tuple(near)))
    return hit


def optional_areas(r: Reading, wilayah: pd.DataFrame, name_map: Mapping[str, str] | None, note: str) -> pd.Series:
    """Kecamatan codes of a table whose rows may be the kabupaten's (an empty cell); without the column, all are."""
    if "kode_wilayah" in r.found or "nama_wilayah" in r.found:
        return areas(r.table, r.found, AreaIndex.of(wilayah), name_map, r.name, r.problems, allow_empty=True)
    r.notes.append(note)
    return pd.Series([None] * len(r.table), dtype="object")


def drop_totals(table: pd.DataFrame, found: dict[str, str], notes: list[str]) -> pd.DataFrame:
    codes = table[found["kode_wilayah"]] if "kode_wilayah" in found else pd.Series([None] * len(table),
                                                                                    index=table.index)
    names = table[found["nama_wilayah"]] if "nama_wilayah" in found else pd.Series([None] * len(table),
                                                                                    index=table.index)
    total = [matching.is_total_row(c, n) for c, n in zip(codes, names, strict=True)]
    if any(total):
        rows = ", ".join(str(r) for r in table.loc[total, ROW_COLUMN])
        notes.append(f"Baris jumlah/total diabaikan (baris {rows}): tabel ini per kecamatan dan tidak menyimpan "
                     "baris kabupaten.")
    return table.loc[[not t for t in total]].reset_index(drop=True)


def kecamatan_rows(r: Reading, wilayah: pd.DataFrame, name_map: Mapping[str, str] | None) -> pd.Series:
    """A kecamatan table's rows without its totals line, and each row's kecamatan code (the generic reader's tables
    are kept per kecamatan only; the access table's own reader keeps kabupaten series and checks totals)."""
    r.table = drop_totals(r.table, r.found, r.notes)
    if r.table.empty:
        raise DataError([Problem(r.name, None, None, None, "tidak ada baris kecamatan: tabel ini per kecamatan, "
                                 "baris jumlah atau kabupaten saja tidak bisa dimuat")])
    return areas(r.table, r.found, AreaIndex.of(wilayah), name_map, r.name, r.problems)


def years(values: pd.Series, table: pd.DataFrame, name: str, problems: list[Problem]) -> pd.Series:
    last = date.today().year
    for i, y in enumerate(values):
        if np.isnan(y):
            continue
        if y != round(y) or not FIRST_YEAR <= y <= last:
            problems.append(Problem(name, row(table, i), "tahun", num_text(y),
                                    f"tahun harus bilangan bulat antara {FIRST_YEAR} dan {last}"))
    return values


def num_text(v: float) -> str:
    return str(int(v)) if v == round(v) else str(v)


def blank(cell: Any) -> bool:
    """A blank cell (or '-'), as opposed to one that holds something that is not a number."""
    x = parse_number(cell)
    return x is not None and bool(np.isnan(x))


def problems_frame(error: DataError) -> pd.DataFrame:
    """The problems as a table to show and to download (Bahasa Indonesia headers); a last row counts the ones
    not listed."""
    rows = [{"Berkas": p.tabel, "Baris": p.baris, "Kolom": p.kolom, "Nilai ditemukan": p.nilai, "Masalah": p.pesan}
            for p in error.problems]
    if error.more:
        name = error.problems[-1].tabel if error.problems else ""
        rows.append({"Berkas": name, "Baris": None, "Kolom": None, "Nilai ditemukan": None,
                     "Masalah": f"dan {error.more} masalah lain (tidak dicantumkan; perbaiki yang di atas lalu "
                                "muat lagi)"})
    return pd.DataFrame(rows, columns=["Berkas", "Baris", "Kolom", "Nilai ditemukan", "Masalah"])


# ------------------------------------------------------------------------------------- keys
def key_problems(table: pd.DataFrame, kode: pd.Series, tahun: pd.Series, wilayah: pd.DataFrame,
                 name: str) -> list[Problem]:
    """Duplicate rows and kecamatan used before they existed, among the rows whose kecamatan and year were read."""
    ok = (kode.notna() & tahun.between(FIRST_YEAR, date.today().year) & (tahun % 1 == 0)).to_numpy()
    keys = pd.DataFrame({ROW_COLUMN: table[ROW_COLUMN].to_numpy()[ok], "kode_wilayah": kode.to_numpy()[ok],
                         "tahun": tahun.to_numpy()[ok].astype("int64")})
    problems = duplicates(keys, ["kode_wilayah", "tahun"], name)
    rows = keys[ROW_COLUMN].tolist()
    return problems + [Problem(name, int(rows[p.baris - 2]), p.kolom, p.nilai, p.pesan)
                       for p in check_codes(keys, wilayah, name)]


def duplicates(frame: pd.DataFrame, key: list[str], name: str, what: str = "kecamatan dan tahun") -> list[Problem]:
    dup = frame.duplicated(key, keep="first")
    rows, cells = frame[ROW_COLUMN].tolist(), [frame[k].tolist() for k in key]
    return [Problem(name, int(rows[i]), None, ", ".join(str(c[i]) for c in cells),
                    f"baris ganda: {what} ini sudah ada di baris sebelumnya")
            for i in np.flatnonzero(dup.to_numpy())]


# ------------------------------------------------------------------------------------- text cells
def indicator_index() -> dict[str, str]:
    out: dict[str, str] = {}
    for k, ind in indicators.REGISTRY.items():
        for text in (k, ind.label_id, ind.label_en, k.replace("_", " ")):
            out[matching.normalise_name(text)] = k
    out[matching.normalise_name("babs")] = "babs_terbuka"
    out[matching.normalise_name("akses sanitasi layak")] = "layak"
    out[matching.normalise_name("akses sanitasi aman")] = "aman"
    return out


def indicators_of(table: pd.DataFrame, found: Mapping[str, str], name: str, problems: list[Problem],
                  optional: bool = False) -> list[str | None]:
    ind_index = indicator_index()
    out: list[str | None] = []
    for i, v in enumerate(table[found["indikator"]] if "indikator" in found else [None] * len(table)):
        if optional and not str(v if v is not None else "").strip():
            out.append(None)
            continue
        k = ind_index.get(matching.normalise_name(v))
        if k is None:
            problems.append(Problem(name, row(table, i), found["indikator"], None if v is None else str(v),
                                    "indikator tidak dikenal; yang dikenal: " + ", ".join(indicators.REGISTRY)))
        out.append(k)
    return out


def texts(table: pd.DataFrame, found: Mapping[str, str], field_name: str) -> list[str | None]:
    if field_name not in found:
        return [None] * len(table)
    return [None if v is None or not str(v).strip() else str(v).strip() for v in table[found[field_name]]]


def sources(table: pd.DataFrame, found: Mapping[str, str], name: str) -> np.ndarray:
    """The file's own `sumber` column, else the file name."""
    if "sumber" in found:
        return np.array([name if v is None or not str(v).strip() else str(v).strip() for v in table[found["sumber"]]],
                        dtype=object)
    return np.array([name] * len(table), dtype=object)


# ------------------------------------------------------------------------------------- the contract
def as_written(raw: pd.DataFrame) -> pd.DataFrame:
    """Whole numbers as ints, so a problem shows the cell as the official typed it ('-5', not '-5.0')."""
    out = raw.astype(object)
    for c in raw.columns:
        if pd.api.types.is_float_dtype(raw[c]):
            out[c] = [None if np.isnan(v) else int(v) if float(v).is_integer() else float(v) for v in raw[c]]
    return out


def validated(raw: pd.DataFrame, contract: Contract, table: pd.DataFrame, name: str, notes: list[str],
              extra: list[Problem] | None = None, earlier: list[Problem] | None = None,
              found: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The contract check with problems pointing at the file's own rows and name, in the same pass as the
    reader's own problems (`earlier`, which win where both speak of one cell; `found` maps fields to headers)."""
    earlier = earlier or []
    field_of = {header: "kode_wilayah" if f == "nama_wilayah" else f for f, header in (found or {}).items()}
    said = {(p.baris, field_of.get(p.kolom, p.kolom)) for p in earlier}
    more = 0
    try:
        out = validate(raw.astype(object).where(raw.notna(), None), contract)
        fixed: list[Problem] = []
    except DataError as err:
        more = err.more
        rows = table[ROW_COLUMN].to_numpy()
        fixed = [Problem(name, int(rows[p.baris - 2]) if p.baris else None, p.kolom, p.nilai, p.pesan)
                 for p in err.problems]
        # with `extra` the reader found the duplicate keys itself (said for the file's rows): the contract's go
        fixed = [p for p in fixed if not (p.kolom is None and extra is not None) and (p.baris, p.kolom) not in said]
    problems = earlier + fixed + (extra or [])
    if problems:
        raise DataError(problems, more)
    out.attrs["catatan"] = notes
    return out
