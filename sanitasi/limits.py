"""How big an uploaded file may be, checked from its structure before anything in it is expanded.

A 5 KB workbook with one cell at XFD1048576 declares seventeen billion cells; a 49 KB CSV can hold 50,000
columns; a 34 MB CSV a million rows. Each would cost minutes and gigabytes to read in full, and none is a
table an official means to load. So every reader counts first (a workbook's cells that hold a value, a CSV's
rows and the fields of each line, a boundary layer's shapes and vertices) and refuses past these bounds, in
Bahasa Indonesia, naming the limit. The bounds are set well above the largest real file of each kind (157
villages over 27 years is 4,239 rows) and low enough that a file at the bound is read within seconds
(`python -m benchmarks --only hostile`).
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024
EDITOR_BYTES = 50 * MB  # the same as Streamlit's server.maxUploadSize in .streamlit/config.toml
VIEWER_BYTES = 5 * MB  # anyone may check a file without signing in, with a smaller one
EXCEL_CELL_CHARS = 32_767  # Excel's own limit for the text of one cell


@dataclass(frozen=True)
class Limits:
    """The bounds of one kind of table file (rows below the header, columns, filled cells, characters in a cell)."""

    rows: int = 10_000
    columns: int = 200
    cells: int = 500_000
    cell_chars: int = EXCEL_CELL_CHARS


TABLE = Limits()
VILLAGES = Limits(rows=50_000, cells=1_000_000)  # STBM per desa: a province's villages, or months of reports


def number(n: int) -> str:
    """10000 -> '10.000', as the refusals say it."""
    return f"{n:,}".replace(",", ".")
