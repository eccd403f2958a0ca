"""Column contracts for every table, checked once at the door so downstream code can trust the data."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

try:
    import pyarrow as pa
except ImportError:  # pragma: no cover - pandas and streamlit bring it; without it numbers take the slow path
    pa = None

from sanitasi.errors import DataError, Problem

Kind = Literal["str", "int", "float", "kode"]
KODE_KECAMATAN = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
# What both stores hold the same way, so a check here gives one answer for SQLite and PostgreSQL: whole numbers
# within PostgreSQL's INTEGER (SQLite would take any), text without control characters (PostgreSQL refuses NUL;
# Excel refuses the others), text no longer than its column (PostgreSQL's VARCHAR; SQLite ignores lengths).
INT_LIMIT = 2_147_483_647
TEXT_CHARS = 2_000  # a text cell without a length of its own (a note, a source): longer is no table's content
KODE_CHARS = 20
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    nullable: bool = False
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] | None = None
    pattern: re.Pattern[str] | None = None
    chars: int | None = None  # the longest text it holds (default: TEXT_CHARS; a code: KODE_CHARS)

    @property
    def max_chars(self) -> int:
        return self.chars or (KODE_CHARS if self.kind == "kode" else TEXT_CHARS)


@dataclass(frozen=True)
class Contract:
    """A table's columns, plus checks across columns (each returns problems) and its unique key."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    row_checks: tuple[Callable[[pd.DataFrame, str], list[Problem]], ...] = field(default=())

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _blank(s: pd.Series) -> pd.Series:
    return s.isna() | s.astype("string").str.strip().fillna("").eq("")


def _row(i: int) -> int:
    """Spreadsheet row of the i-th data row (header is row 1)."""
    return int(i) + 2


def _where(mask: pd.Series) -> np.ndarray:
    """Positions where `mask` holds; a clean column (no True) costs one quick check, no conversion."""
    if not mask.any():
        return np.empty(0, dtype="int64")
    return np.flatnonzero(mask.to_numpy(dtype=bool, na_value=False))


def _coerce(col: Column, raw: pd.Series, table: str, problems: list[Problem]) -> pd.Series:
    blank = _blank(raw)
    if not col.nullable:
        for i in _where(blank):
            problems.append(Problem(table, _row(i), col.name, None, "nilai wajib diisi, tetapi kosong"))
    if col.kind in ("str", "kode"):
        out = raw.astype("string").str.strip().where(~blank, pd.NA)
        text = out.fillna("")
        for i in _where(text.str.contains(_CONTROL)):
            bad = _CONTROL.search(text.iloc[i]).group()
            problems.append(Problem(table, _row(i), col.name, _CONTROL.sub("", text.iloc[i])[:60],
                                    f"teks berisi karakter kendali yang tidak terlihat (U+{ord(bad):04X}); "
                                    "hapus dari sel"))
        for i in _where(text.str.len() > col.max_chars):
            problems.append(Problem(table, _row(i), col.name, text.iloc[i][:60] + "…",
                                    f"teks terlalu panjang ({len(text.iloc[i]):,} karakter); paling panjang "
                                    f"{col.max_chars:,} karakter".replace(",", ".")))
        if col.kind == "kode":
            pattern = col.pattern or KODE_KECAMATAN
            bad = ~blank & ~out.fillna("").str.match(pattern)
            for i in _where(bad):
                problems.append(Problem(table, _row(i), col.name, str(out.iloc[i]),
                                        "kode wilayah harus berbentuk seperti 63.10.01"))
        if col.choices is not None:
            bad = ~blank & ~out.isin(col.choices)
            for i in _where(bad):
                problems.append(Problem(table, _row(i), col.name, str(out.iloc[i]),
                                        "nilai harus salah satu dari: " + ", ".join(col.choices)))
        return out
    num = _numbers(raw)
    num = num.where(np.isfinite(num))  # "inf" is not a count or a share: report it, do not crash on it
    notnum = ~blank & num.isna()
    for i in _where(notnum):
        problems.append(Problem(table, _row(i), col.name, str(raw.iloc[i]), "harus berupa angka"))
    if col.kind == "int":
        frac = num.notna() & (num != np.round(num))
        for i in _where(frac):
            problems.append(Problem(table, _row(i), col.name, str(raw.iloc[i]), "harus bilangan bulat"))
        huge = num.notna() & (num.abs() > INT_LIMIT)
        for i in _where(huge):
            problems.append(Problem(table, _row(i), col.name, _shown(raw.iloc[i]),
                                    f"angka terlalu besar; paling besar {INT_LIMIT:,}".replace(",", ".")))
        num = num.where(~huge)  # never cast to a whole number that wraps around (10^20 is not -9223372036854775808)
    if col.min is not None:
        low = num.notna() & (num < col.min)
        for i in _where(low):
            problems.append(Problem(table, _row(i), col.name, str(raw.iloc[i]),
                                    f"tidak boleh kurang dari {col.min:g}"))
    if col.max is not None:
        high = num.notna() & (num > col.max)
        for i in _where(high):
            problems.append(Problem(table, _row(i), col.name, str(raw.iloc[i]),
                                    f"tidak boleh lebih dari {col.max:g}"))
    if col.kind == "int":
        return num.round().astype("Int64")
    return num.astype("float64")


def _shown(v: object) -> str:
    """A number as the official typed it: 1e+20 as 100000000000000000000, not in exponent notation."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e30:
        return str(int(v))
    return str(v)


def _numbers(raw: pd.Series) -> pd.Series:
    """Cells as floats, NaN where a cell is not a number.

    Arrow's strict cast reads a clean column several times faster than `to_numeric` (it matters for a
    country's 672,000 rows); it refuses anything unusual (spaces, "1_000", non-Latin digits, "1,5"),
    and then the column takes the slow path that finds the bad cells. Either way the numbers are the ones
    `to_numeric` reads.
    """
    if pd.api.types.is_numeric_dtype(raw):
        return raw.astype("float64")
    if pa is None:
        return pd.to_numeric(raw, errors="coerce")
    try:
        cast = raw.astype("string[pyarrow]").astype("float64[pyarrow]")
    except (pa.ArrowInvalid, TypeError, ValueError):
        return pd.to_numeric(raw, errors="coerce")
    return pd.Series(cast.to_numpy(dtype="float64", na_value=np.nan), index=raw.index, name=raw.name)


def validate(df: pd.DataFrame, contract: Contract) -> pd.DataFrame:
    """Return a typed copy of `df` holding the contract's columns, or raise DataError with every problem."""
    problems: list[Problem] = []
    missing = [c.name for c in contract.columns if c.name not in df.columns and not c.nullable]
    if missing:
        raise DataError([Problem(contract.name, None, c, None, "kolom wajib tidak ada") for c in missing])
    # a column that may be empty may also be left out: it is read as empty
    df = df.assign(**{c.name: None for c in contract.columns if c.name not in df.columns})
    if df.empty:
        return pd.DataFrame({c.name: pd.Series(dtype=_dtype(c)) for c in contract.columns})
    raw = df.reset_index(drop=True)
    out = pd.DataFrame({c.name: _coerce(c, raw[c.name], contract.name, problems) for c in contract.columns})
    if contract.key:
        dup = out.duplicated(list(contract.key), keep="first")
        for i in _where(dup):
            key = ", ".join(f"{k}={out[k].iloc[i]}" for k in contract.key)
            problems.append(Problem(contract.name, _row(i), None, key, "baris ganda untuk kunci yang sama"))
    if not problems:
        for check in contract.row_checks:
            problems.extend(check(out, contract.name))
    if problems:
        raise DataError(problems)
    return out


def _dtype(col: Column) -> str:
    return {"str": "string", "kode": "string", "int": "Int64", "float": "float64"}[col.kind]


def whole_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """A validated frame with its nullable integer columns as plain int64 where nothing is missing."""
    ints = [c for c in frame.columns if str(frame[c].dtype) == "Int64" and not frame[c].isna().any()]
    return frame.astype({c: "int64" for c in ints})
