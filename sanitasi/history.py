"""What an import does to a table: the file's rows merged into the active table by key, and the difference said
row by row before anything is saved.

An import never loses history. By default (`GABUNG`) the new table is the active one with the file's rows added,
or replacing the rows with the same key; whatever the file does not mention stays. Replacing the whole table
(`GANTI`) is a separate, explicit choice. A row's key is its kind's (`sanitasi.kinds.Kind.key`): area, year and
source for the access series, kecamatan and year for the other kecamatan tables, the village and year for STBM,
the year for waste, document, indicator, area and year for targets, the step for unit costs, the area code for
boundaries, and the identifying columns the registry names for agency activities and commitments.

Merged rows keep the active table's order; rows the file adds or changes come after them, in the file's order,
so "the row loaded last" is the one later in the table (`sanitasi.sources` relies on it).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from shapely.geometry.base import BaseGeometry

from sanitasi import fmt, i18n, kinds

GABUNG = "gabung"  # add the file's rows, replace those with the same key, keep the rest
GANTI = "ganti"  # the file becomes the whole table
MODES = (GABUNG, GANTI)
LIMIT = 20  # changed values listed one by one in a preview; the rest are counted
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # how dates are stored (klinik, tenggat, tanggal_odf)


@dataclass(frozen=True)
class Change:
    """One value an import changes: in the row with this key, this column goes from `old` to `new`."""

    key: tuple[Any, ...]
    column: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Changes:
    """What saving a file would do to the active table, counted in rows."""

    kind: str
    mode: str
    key: tuple[str, ...]  # the columns that identify a row
    new: int  # rows the active table does not have
    changed: int  # rows whose key the active table has, with other values
    unchanged: int  # rows of the active table that stay as they are (whether or not the file repeats them)
    removed: int  # rows of the active table that go (only when the whole table is replaced)
    total: int  # rows in the table after saving
    details: tuple[Change, ...]  # the first `LIMIT` changed values
    more: int  # changed values not listed in `details`

    @property
    def nothing(self) -> bool:
        """Saving would leave the table as it is."""
        return self.new == self.changed == self.removed == 0


def key_of(kind: str) -> tuple[str, ...]:
    """The columns that identify a row of this kind (the registry's)."""
    return tuple(kinds.get(kind).key)


def merge(kind: str, old: pd.DataFrame | None, new: pd.DataFrame) -> pd.DataFrame:
    """The active table `old` with the rows of `new` added or replacing the rows with the same key.

    Rows `new` repeats unchanged keep their place; rows it changes or adds come after the rest, in its order.
    """
    if old is None or old.empty:
        return new.reset_index(drop=True)
    key = key_of(kind)
    incoming = {k: i for i, k in enumerate(_keys(new, key))}
    kept, repeated = [], set()
    for i, k in enumerate(_keys(old, key)):
        j = incoming.get(k)
        if j is None:
            kept.append(i)
        elif _same_row(old.iloc[i], new.iloc[j], _columns(old, new)):
            kept.append(i)
            repeated.add(j)
    added = [j for j in range(len(new)) if j not in repeated]
    columns = [c for c in new.columns if c in old.columns] + [c for c in new.columns if c not in old.columns]
    parts = [p for p in (old.iloc[kept], new.iloc[added]) if len(p)]
    if not parts:
        return new.iloc[0:0].reset_index(drop=True)
    return pd.concat([p.reindex(columns=columns) for p in parts], ignore_index=True)  # boundaries stay geo


def changes(kind: str, old: pd.DataFrame | None, new: pd.DataFrame, mode: str = GABUNG,
            limit: int = LIMIT) -> Changes:
    """What saving `new` over the active table `old` would do, in `mode` (`GABUNG` or `GANTI`)."""
    if mode not in MODES:
        raise ValueError(f"cara menyimpan tidak dikenal: {mode}")
    key = key_of(kind)
    old = old if old is not None else new.iloc[0:0]
    before = {k: i for i, k in enumerate(_keys(old, key))}
    columns = _columns(old, new)
    n_new = n_changed = n_same = 0
    details: list[Change] = []
    more = 0
    seen: set[tuple] = set()
    for j, k in enumerate(_keys(new, key)):
        seen.add(k)
        i = before.get(k)
        if i is None:
            n_new += 1
            continue
        diffs = [c for c in columns if not _same(_plain(old.iloc[i][c]), _plain(new.iloc[j][c]))]
        if not diffs:
            n_same += 1
            continue
        n_changed += 1
        for c in diffs:
            if len(details) < limit:
                details.append(Change(k, c, _plain(old.iloc[i][c]), _plain(new.iloc[j][c])))
            else:
                more += 1
    untouched = sum(1 for k in before if k not in seen)
    if mode == GANTI:
        return Changes(kind, mode, key, n_new, n_changed, n_same, untouched, len(new), tuple(details), more)
    return Changes(kind, mode, key, n_new, n_changed, n_same + untouched, 0, len(old) + n_new, tuple(details), more)


# ------------------------------------------------------------------------------------- comparing values
def _columns(old: pd.DataFrame, new: pd.DataFrame) -> list[str]:
    """The columns both tables hold (the contract's, and a boundary's geometry)."""
    return [c for c in new.columns if c in old.columns]


def _keys(frame: pd.DataFrame, key: tuple[str, ...]) -> list[tuple]:
    cols = [frame[c].tolist() if c in frame.columns else [None] * len(frame) for c in key]
    return [tuple(_plain(v) for v in values) for values in zip(*cols, strict=True)] if cols else \
        [(i,) for i in range(len(frame))]


def _plain(v: Any) -> Any:
    """A cell as a plain Python value, so 2025, 2025.0 and np.int64(2025) are one key and NA is None."""
    if isinstance(v, BaseGeometry):
        return v
    if v is None or (not isinstance(v, str | bytes) and bool(pd.isna(v))):
        return None
    if isinstance(v, bool | np.bool_):
        return bool(v)
    if isinstance(v, int | np.integer):
        return int(v)
    if isinstance(v, float | np.floating):
        f = float(v)
        return int(f) if f.is_integer() else f
    return str(v)


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, BaseGeometry) or isinstance(b, BaseGeometry):
        return isinstance(a, BaseGeometry) and isinstance(b, BaseGeometry) and a.equals_exact(b, 1e-9)
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def _same_row(a: pd.Series, b: pd.Series, columns: list[str]) -> bool:
    return all(_same(_plain(a[c]), _plain(b[c])) for c in columns)


# ------------------------------------------------------------------------------------- said in words
def summary(ch: Changes, lang: str = "id") -> str:
    """'3 baris baru, 12 berubah, 78 tetap; tabel menjadi 93 baris.' (or that nothing changes)."""
    if ch.nothing:
        return i18n.t("riwayat.sama", lang, tetap=fmt.number(ch.unchanged, 0, lang))
    return i18n.t("riwayat.ringkas", lang, baru=fmt.number(ch.new, 0, lang), berubah=fmt.number(ch.changed, 0, lang),
                  tetap=fmt.number(ch.unchanged, 0, lang), total=fmt.number(ch.total, 0, lang))


def warning(ch: Changes, lang: str = "id") -> str | None:
    """What replacing the whole table loses, said before it is done (None when nothing is replaced)."""
    if ch.mode != GANTI:
        return None
    return i18n.t("riwayat.ganti", lang, hapus=fmt.number(ch.removed, 0, lang))


def key_text(ch: Changes, key: tuple, names: dict[str, str], lang: str = "id") -> str:
    """A row's key as officials read it: 'Batulicin · 2025 · ilustratif'."""
    parts = []
    for column, v in zip(ch.key, key, strict=True):
        if v is None:
            continue
        parts.append(names.get(v, v) if isinstance(v, str) and column.startswith("kode")
                     else fmt.date(v, lang) if isinstance(v, str) and ISO_DATE.fullmatch(v) else str(v))
    return " · ".join(parts)


def shown(column: str, v: Any, lang: str = "id") -> str:
    """One old or new value: numbers the Indonesian way, years as years, dates as '14 November 2025', a shape as a
    shape, an empty cell as empty."""
    if v is None:
        return fmt.absent(i18n.t("riwayat.kosong", lang))
    if isinstance(v, BaseGeometry):
        return i18n.t("riwayat.bentuk", lang)
    if isinstance(v, str) and ISO_DATE.fullmatch(v):
        return fmt.date(v, lang)
    if isinstance(v, bool) or not isinstance(v, int | float) or column.startswith("tahun"):
        return str(v)
    decimals = 0 if isinstance(v, int) else min(4, len(f"{v:.4f}".rstrip("0").split(".")[1]))
    return fmt.number(v, decimals, lang)


def lines(ch: Changes, names: dict[str, str], lang: str = "id") -> list[str]:
    """Every changed value listed ('Batulicin · 2025 · ilustratif — kk_aman: 588 → 600'), the rest counted."""
    out = [f"{key_text(ch, c.key, names)} — {c.column}: {shown(c.column, c.old, lang)} → {shown(c.column, c.new, lang)}"
           for c in ch.details]
    if ch.more:
        out.append(i18n.t("riwayat.lainnya", lang, n=fmt.number(ch.more, 0, lang)))
    return out
