"""The shares BPS publishes for the kabupaten, in the three layouts its tables come in, as rows of the access table.

- one column per indicator (`% layak`, `% aman`, `% BABS`, any of them), one row per year, with the relative
  standard error and the 95% confidence interval beside each where BPS gives them (`RSE layak`, `batas bawah
  layak`, ...);
- one value column (`persentase`, `nilai`) for one indicator, named by an `indikator` column, by the table's
  title, or by the editor; its error columns without an indicator's name (`RSE`, `batas bawah`, `batas atas`);
- years as columns (`2019 | 2020 | ...`), one row per area (and per indicator, with an `indikator` column): the
  layout of BPS's own tables, which list every kabupaten of the province.

Each layout becomes records: the file's row, its area cells, the year, the source, unit and official cells, and
the values (`pct_<indikator>`, `rse_<indikator>`, `ci_bawah_<indikator>`, `ci_atas_<indikator>`). The access
reader (`sanitasi.readers.akses`) classifies the areas and joins the records of one area, year and source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from sanitasi import indicators, matching
from sanitasi.contracts import PERCENT_INDICATORS
from sanitasi.errors import Problem
from sanitasi.readers.reading import FIRST_YEAR, ChoiceError, Reading, num_text, row
from sanitasi.tables import ROW_COLUMN, parse_number

META = ("kode_wilayah", "nama_wilayah", "sumber", "satuan", "resmi")  # cells every record carries
ERRORS = ("rse", "ci_bawah", "ci_atas")
MISSING = ("...", "…", "..", "na", "n/a", "x")  # what BPS tables write where a figure is not available
_YEAR_HEADER = re.compile(r"^(?:tahun\s*)?((?:19|20)\d{2})(?:\.0)?\s*\*{0,2}\s*(?:\(\s*%\s*\)|%)?$", re.I)


def year_of(header: object) -> int | None:
    """The year a column header names in a table with years as columns ('2021', 'Tahun 2021', '2021*'), or None."""
    m = _YEAR_HEADER.match(str(header or "").strip())
    return int(m.group(1)) if m else None


def value(cell: Any, r: Reading, at: int, column: str) -> float:
    """One published share: a number between 0 and 100 (NaN when empty or marked unavailable)."""
    if isinstance(cell, str) and cell.strip().lower() in MISSING:
        return float("nan")
    x = parse_number(cell, r.decimal_comma)
    if x is None:
        r.problems.append(Problem(r.name, at, column, str(cell), "harus berupa angka"))
        return float("nan")
    if not np.isnan(x) and not 0 <= x <= 100:
        r.problems.append(Problem(r.name, at, column, num_text(x), "persentase harus antara 0 dan 100"))
        return float("nan")
    return x


def guess_indicator(texts: Sequence[str]) -> str | None:
    """The one indicator a table's title names ('... Akses terhadap Sanitasi Layak (Persen)'), or None when it
    names none or several."""
    text = " ".join(texts).lower()
    found = set()
    if re.search(r"\bbabs\b|buang air besar|\bbab\b|tempat terbuka|open defecation", text):
        found.add("babs_terbuka")
    if re.search(r"\baman\b|safely", text):
        found.add("aman")
    if re.search(r"(?<!belum )(?<!tidak )\blayak\b", text):
        found.add("layak")
    return found.pop() if len(found) == 1 else None


def indicator_label(code: str, lang: str = "id") -> str:
    return indicators.get(code).label(lang)


def _base(r: Reading, i: int, tahun: float) -> dict[str, Any]:
    cells = {m: r.table[r.found[m]].iloc[i] if m in r.found else None for m in META}
    return {ROW_COLUMN: row(r.table, i), "tahun": tahun, **cells}


def _indicator_cells(r: Reading, chosen: str | None, headers: Sequence[str]) -> list[str | None]:
    """The indicator of every row: its `indikator` cell, else the editor's choice, else the title's; asked when
    none says."""
    if "indikator" in r.found:
        index = {matching.normalise_name(w): k for k in PERCENT_INDICATORS
                 for w in (k, k.replace("_", " "), indicator_label(k, "id"), indicator_label(k, "en"),
                           f"akses {k}", f"sanitasi {k}", f"akses sanitasi {k}", f"persentase {k}")}
        index[matching.normalise_name("babs")] = "babs_terbuka"
        index[matching.normalise_name("bab sembarangan")] = "babs_terbuka"
        out: list[str | None] = []
        column = r.found["indikator"]
        for i, cell in enumerate(r.table[column]):
            k = index.get(matching.normalise_name(cell))
            if k is None:
                r.problems.append(Problem(r.name, row(r.table, i), column, None if cell is None else str(cell),
                                          "indikator harus salah satu dari: layak, aman, babs_terbuka"))
            out.append(k)
        return out
    if chosen is None:
        chosen = guess_indicator([*r.file.get("judul", []), *headers])
        if chosen is not None:
            r.notes.append(f"Indikator dibaca dari judul tabel: {indicator_label(chosen)}. Pilih indikator lain di "
                           "pratinjau bila keliru.")
    if chosen is None:
        raise ChoiceError([Problem(r.name, None, "indikator", None,
                                   "berkas ini berisi satu indikator tanpa menyebut yang mana: pilih layak, aman, "
                                   "atau babs_terbuka (di pratinjau, atau --indikator di baris perintah)")],
                          "indikator", PERCENT_INDICATORS)
    return [chosen] * len(r.table)


def by_columns(r: Reading, generic: Mapping[str, str]) -> list[dict[str, Any]]:
    """One record per row from columns named by indicator; error columns without one belong to the only share."""
    shares = [f"pct_{k}" for k in PERCENT_INDICATORS if f"pct_{k}" in r.found]
    owner = shares[0].removeprefix("pct_") if len(shares) == 1 else None
    if generic and owner is None:
        for header in generic.values():
            r.problems.append(Problem(r.name, 1, header, None, "kolom ini tidak menyebut indikatornya; tulis "
                                      "mis. 'RSE layak' atau 'batas bawah aman'"))
    columns = {c: r.found[c] for c in r.found if c.startswith(("pct_", "rse_", "ci_bawah_", "ci_atas_"))}
    if owner is not None:
        columns |= {f"{part}_{owner}": header for part, header in generic.items()}
    tahun = r.years()
    records = []
    for i in range(len(r.table)):
        at = row(r.table, i)
        rec = _base(r, i, tahun.iloc[i])
        rec |= {c: value(r.table[h].iloc[i], r, at, h) for c, h in columns.items()}
        records.append(rec)
    return records


def by_value(r: Reading, generic: Mapping[str, str], chosen: str | None) -> list[dict[str, Any]]:
    """One record per row of a one-value table: the value and its errors under the row's indicator."""
    kinds_of = _indicator_cells(r, chosen, [r.found["nilai"]])
    tahun = r.years()
    records = []
    for i, k in enumerate(kinds_of):
        at = row(r.table, i)
        rec = _base(r, i, tahun.iloc[i])
        if k is not None:
            rec[f"pct_{k}"] = value(r.table[r.found["nilai"]].iloc[i], r, at, r.found["nilai"])
            rec |= {f"{part}_{k}": value(r.table[h].iloc[i], r, at, h) for part, h in generic.items()}
        records.append(rec)
    return records


def by_year_columns(r: Reading, years: Mapping[str, int], chosen: str | None) -> list[dict[str, Any]]:
    """One record per row and year column of a table with years as columns (BPS's own layout)."""
    kinds_of = _indicator_cells(r, chosen, list(years))
    last = pd.Timestamp.today().year
    for header, y in years.items():
        if not FIRST_YEAR <= y <= last:
            r.problems.append(Problem(r.name, 1, header, str(y), f"tahun harus bilangan bulat antara {FIRST_YEAR} "
                                      f"dan {last}"))
    records = []
    for i, k in enumerate(kinds_of):
        at = row(r.table, i)
        for header, y in years.items():
            x = value(r.table[header].iloc[i], r, at, header)
            if k is not None and not np.isnan(x):
                records.append(_base(r, i, float(y)) | {f"pct_{k}": x})
    return records
