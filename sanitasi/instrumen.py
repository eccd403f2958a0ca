"""The Instrumen SSK layout of the programme matrix: years as columns under a "Volume" and a "Biaya" heading.

Officials keep the SSK's programme and activity matrix (indikasi program dan kegiatan) in the Excel "Instrumen
SSK": title rows, a heading merged over two rows, the years of the period as columns, and programme and activity
cells merged over the rows of their sub-activities. `find_layout` recognises such a sheet among the raw cells and
`rows_by_year` turns it into one row per sheet row and year (`tahun`, `volume`, `biaya`, with the row as Excel
shows it), which `sanitasi.readers.program` then checks like any table. `workbook` and `grid` write a stored matrix
back in the same layout (merged programme cells in a workbook, repeated in a CSV), so an official can edit it in
Excel and load it again without loss: every figure is written as the number it is, and only the sum column is a
formula, which the reader ignores.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sanitasi import KODE_KABUPATEN, NAMA_KABUPATEN, indicators
from sanitasi.tables import ROW_COLUMN, normalise_header

# the headings over the year columns: what a year column holds (volume or money)
VOLUME_WORDS = ("volume", "target", "target fisik", "target volume", "keluaran", "output", "fisik")
MONEY_WORDS = ("biaya", "indikasi biaya", "pagu", "pagu indikatif", "anggaran", "dana", "pendanaan", "rp",
               "rupiah", "indikasi pendanaan", "kebutuhan biaya", "money")
_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,])")
SCAN_ROWS = 15

# the funding sources as officials write them (the contract keeps the codes)
SOURCE_LABELS = {"apbd_kab": "APBD Kabupaten", "apbd_prov": "APBD Provinsi", "apbn_dak": "APBN/DAK",
                 "dana_desa": "Dana Desa", "csr_baznas": "CSR/BAZNAS", "swadaya": "Swadaya masyarakat"}
SOURCE_WORDS = {
    "apbdkabupaten": "apbd_kab", "apbdkab": "apbd_kab", "apbd": "apbd_kab", "apbdii": "apbd_kab",
    "apbdkabupatenkota": "apbd_kab", "apbdkabkota": "apbd_kab", "apbdtanahbumbu": "apbd_kab",
    "apbdprovinsi": "apbd_prov", "apbdprov": "apbd_prov", "apbdi": "apbd_prov", "apbdkalsel": "apbd_prov",
    "apbn": "apbn_dak", "dak": "apbn_dak", "apbndak": "apbn_dak", "dakfisik": "apbn_dak", "daksanitasi": "apbn_dak",
    "apbnsanimas": "apbn_dak", "danadesa": "dana_desa", "dd": "dana_desa", "apbdes": "dana_desa",
    "apbdesa": "dana_desa", "csr": "csr_baznas", "baznas": "csr_baznas", "csrbaznas": "csr_baznas",
    "swasta": "csr_baznas", "swastacsr": "csr_baznas", "zakat": "csr_baznas", "swadaya": "swadaya",
    "swadayamasyarakat": "swadaya", "masyarakat": "swadaya", "mandiri": "swadaya", "swadayarumahtangga": "swadaya",
}

# the workbook's headings, in order; each is a spelling the reader knows (`sanitasi.headers`)
BEFORE = ["No", "Kode program", "Program", "Kode kegiatan", "Kegiatan", "Kode sub kegiatan", "Sub kegiatan", "OPD",
          "Indikator", "Kode kecamatan", "Kecamatan", "Kode desa", "Desa", "Satuan", "KK per satuan",
          "Biaya satuan (Rp)"]
VOLUME, MONEY, TOTAL = "Volume", "Indikasi biaya (Rp)", "Jumlah biaya (Rp)"
AFTER = ["Sumber dana", "Sumber data"]
WHOLE_DISTRICT = "Seluruh kabupaten"
GROUP_COLUMNS = ["kode_program", "program", "kode_kegiatan", "kegiatan", "kode_sub_kegiatan", "sub_kegiatan", "opd",
                 "indikator", "kode_wilayah", "kode_desa", "satuan", "kk_per_satuan", "biaya_satuan", "sumber_dana",
                 "sumber"]


# the start of a longer name ("APBD Prov. Kalsel", "DAK Fisik Sanitasi 2026", "CSR PT Arutmin")
SOURCE_PREFIXES = (("apbdprov", "apbd_prov"), ("apbdkab", "apbd_kab"), ("apbn", "apbn_dak"), ("dak", "apbn_dak"),
                   ("danadesa", "dana_desa"), ("apbdes", "dana_desa"), ("csr", "csr_baznas"), ("baznas", "csr_baznas"),
                   ("swadaya", "swadaya"))


def source_code(cell: Any) -> str | None:
    """'APBD Kab.' -> 'apbd_kab', 'DAK' -> 'apbn_dak', 'Swadaya Masyarakat' -> 'swadaya'; None for an unknown word."""
    word = re.sub(r"[^a-z0-9]", "", str(cell or "").lower())
    if not word:
        return None
    if word in SOURCE_LABELS:
        return word
    return SOURCE_WORDS.get(word) or next((code for start, code in SOURCE_PREFIXES if word.startswith(start)), None)


# ------------------------------------------------------------------------------------- reading the layout
@dataclass(frozen=True)
class Layout:
    """Where a sheet keeps what: the row of year headings, the name of every other column, and per year column
    whether it holds volume or money."""

    header: int  # index of the row holding the years
    names: dict[int, str]  # column index -> heading (its own cell, or the one above when merged over two rows)
    years: dict[int, tuple[str, int, str]]  # column index -> ("volume" | "biaya", year, its heading as written)


def _text(v: Any) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _group(text: str) -> str | None:
    words = normalise_header(text)
    if any(words == normalise_header(w) or words.startswith(normalise_header(w) + "_") for w in VOLUME_WORDS):
        return "volume"
    if any(normalise_header(w) in words.split("_") or words.startswith(normalise_header(w)) for w in MONEY_WORDS):
        return "biaya"
    return None


def find_layout(rows: Sequence[Sequence[Any]]) -> Layout | None:
    """The year columns of a sheet, or None when it has no volume and money years (then it is read as a table with
    a `tahun` column). A year column is a heading holding a year whose own text or the heading above it (merged
    to the right over the years) says volume or money."""
    width = max((len(r) for r in rows[:SCAN_ROWS]), default=0)
    grid = [[_text(c) for c in r] + [""] * (width - len(r)) for r in rows[:SCAN_ROWS + 1]]
    for i, cells in enumerate(grid[:SCAN_ROWS]):
        above = grid[i - 1] if i > 0 else [""] * width
        years: dict[int, tuple[str, int, str]] = {}
        for j, own in enumerate(cells):
            found = _YEAR.findall(own)
            if len(found) != 1 or len(own) > 40:
                continue
            group = _group(_YEAR.sub("", own))
            if group is None:  # the heading merged over the years: the nearest one at or to the left above
                left = next((above[k] for k in range(j, -1, -1) if above[k]), "")
                group = _group(left)
                label = f"{left} {own}".strip()
            else:
                label = own
            if group is not None:
                years[j] = (group, int(found[0]), label)
        kinds = {g for g, _, _ in years.values()}
        if {"volume", "biaya"} <= kinds:
            names: dict[int, str] = {}
            for j in range(width):
                name = cells[j] or above[j]
                if j in years or not name:
                    continue
                while name in names.values():  # two columns under one heading: both kept, as tables.py does
                    name += "_"
                names[j] = name
            return Layout(i, names, years)
    return None


def rows_by_year(rows: Sequence[Sequence[Any]], layout: Layout) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per sheet row with the other columns under their headings, and `_baris, tahun, volume, biaya` with
    the headings of the two cells, one row per sheet row and year that has a volume or money). Raw cells: the
    reader parses them."""
    body = rows[layout.header + 1:]
    first = layout.header + 2  # the row number Excel shows for the first body row
    frame = pd.DataFrame({name: [r[j] if j < len(r) else None for r in body] for j, name in layout.names.items()},
                         dtype=object)
    frame[ROW_COLUMN] = np.arange(first, first + len(body))
    by_year: dict[int, dict[str, tuple[int, str]]] = {}
    for j, (group, year, label) in layout.years.items():
        by_year.setdefault(year, {})[group] = (j, label)
    out = []
    for k, r in enumerate(body):
        for year in sorted(by_year):
            cells = {g: (r[j] if j < len(r) else None, label) for g, (j, label) in by_year[year].items()}
            if all(_text(v) == "" for v, _ in cells.values()):
                continue
            vol, vol_label = cells.get("volume", (None, f"{VOLUME} {year}"))
            money, money_label = cells.get("biaya", (None, f"{MONEY} {year}"))
            out.append({ROW_COLUMN: first + k, "tahun": year, "volume": vol, "biaya": money,
                        "_kolom_volume": vol_label, "_kolom_biaya": money_label})
    years = pd.DataFrame(out, columns=[ROW_COLUMN, "tahun", "volume", "biaya", "_kolom_volume", "_kolom_biaya"])
    return frame, years


# ------------------------------------------------------------------------------------- writing the layout
def _wide(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[int]]:
    """One row per activity, place, unit, cost and source, with `v<year>` and `b<year>` columns (absent: no row that
    year), in the order the matrix lists them."""
    years = sorted(int(y) for y in frame["tahun"].unique())
    rows: dict[tuple, dict[str, Any]] = {}
    for rec in frame.to_dict("records"):
        key = tuple(_plain(rec[c]) for c in GROUP_COLUMNS)
        row = rows.setdefault(key, dict(zip(GROUP_COLUMNS, key, strict=True)))
        row[f"v{int(rec['tahun'])}"] = _plain(rec["volume"])
        row[f"b{int(rec['tahun'])}"] = _plain(rec["biaya"])
    return pd.DataFrame(list(rows.values()), columns=GROUP_COLUMNS + [f"{p}{y}" for p in "vb" for y in years]), years


def _plain(v: Any) -> Any:
    """A cell value as a workbook or CSV holds it: None for empty, whole numbers as int."""
    if v is None or (not isinstance(v, str) and bool(pd.isna(v))):
        return None
    if isinstance(v, float | np.floating) and float(v).is_integer():
        return int(v)
    if isinstance(v, np.integer):
        return int(v)
    return v


def grid(frame: pd.DataFrame, names: Mapping[str, str], title: str = "") -> tuple[list[list[Any]], list[int], int]:
    """The matrix as the sheet's cells: title rows, the two heading rows, one row per activity and place; with
    the years and the index of the first body row."""
    wide, years = _wide(frame)
    period = f"{years[0]}–{years[-1]}" if years else ""
    head_top = BEFORE + [VOLUME] + [None] * (len(years) - 1) + [MONEY] + [None] * (len(years) - 1) + [TOTAL] + AFTER
    head_years = [None] * len(BEFORE) + years + years + [None] * (1 + len(AFTER))
    out: list[list[Any]] = [
        [title or "INDIKASI PROGRAM DAN KEGIATAN STRATEGI SANITASI KABUPATEN (SSK)"],
        [f"{NAMA_KABUPATEN}, {period}".rstrip(", ")],
        ["Volume dan indikasi biaya per tahun (biaya dalam rupiah). Baris bersumber 'ilustratif' adalah contoh, "
         "bukan rencana resmi."],
        [],
        head_top,
        head_years,
    ]
    body = len(out)
    for n, record in enumerate(wide.to_dict("records"), start=1):
        r = {k: _plain(v) for k, v in record.items()}  # a frame holds an empty cell as NaN: here it is None
        kec, desa = r["kode_wilayah"], r["kode_desa"]
        ind = r["indikator"]
        out.append([
            n, r["kode_program"], r["program"], r["kode_kegiatan"], r["kegiatan"], r["kode_sub_kegiatan"],
            r["sub_kegiatan"], r["opd"], indicators.get(ind).label("id") if ind else None,
            kec if kec else KODE_KABUPATEN, names.get(kec, kec) if kec else WHOLE_DISTRICT, desa,
            names.get(desa) if desa else None, r["satuan"], r["kk_per_satuan"], r["biaya_satuan"],
            *(r[f"v{y}"] for y in years), *(r[f"b{y}"] for y in years),
            None,  # the sum: a formula in the workbook, the figure in a CSV
            SOURCE_LABELS.get(r["sumber_dana"], r["sumber_dana"]), r["sumber"],
        ])
    total = len(BEFORE) + 2 * len(years)
    for row in out[body:]:
        row[total] = sum(v for v in row[len(BEFORE) + len(years):total] if v is not None)
    return out, years, body


def csv_bytes(frame: pd.DataFrame, names: Mapping[str, str]) -> bytes:
    """The layout as a CSV for Indonesian Excel (`;`, decimal comma, UTF-8 with BOM); programme cells repeated."""
    cells, _, _ = grid(frame, names)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\n")
    for row in cells:
        writer.writerow(["" if v is None else _csv_number(v) if isinstance(v, int | float) else v for v in row])
    return buf.getvalue().encode("utf-8-sig")


def _csv_number(v: float) -> str:
    return str(v) if isinstance(v, int) else repr(float(v)).replace(".", ",")


def workbook(frame: pd.DataFrame, names: Mapping[str, str], explain: pd.DataFrame | None = None) -> bytes:
    """The layout as an XLSX: headings merged over the years and over two rows, programme and activity cells merged
    over their rows, numbers as numbers with thousands separators, the sum as a formula; `explain` (column ->
    meaning) on a second sheet."""
    # openpyxl takes half a second to import: paid only when a workbook is written, not at start
    import openpyxl
    from openpyxl.styles import Alignment, Font  # (the same)
    from openpyxl.utils import get_column_letter  # (the same)

    cells, years, body = grid(frame, names)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "matriks_ssk"
    for row in cells:
        ws.append(row)
    n_years, head = len(years), body - 1  # `head`: the year row (1-based row `body` in Excel)
    first_volume = len(BEFORE) + 1
    for j in range(1, len(cells[head]) + 1):  # headings merged over the two heading rows, except over the years
        if not first_volume <= j < first_volume + 2 * n_years:
            ws.merge_cells(start_row=head, start_column=j, end_row=head + 1, end_column=j)
    if n_years > 1:
        ws.merge_cells(start_row=head, start_column=first_volume, end_row=head, end_column=first_volume + n_years - 1)
        ws.merge_cells(start_row=head, start_column=first_volume + n_years, end_row=head,
                       end_column=first_volume + 2 * n_years - 1)
    for r in (head, head + 1):
        for c in ws[r]:
            c.font = Font(bold=True)
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws["A1"].font = Font(bold=True, size=13)
    first_row, last_row = body + 1, len(cells)
    total_col = first_volume + 2 * n_years
    for i in range(first_row, last_row + 1):
        start, end = get_column_letter(first_volume + n_years), get_column_letter(total_col - 1)
        ws.cell(i, total_col, f"=SUM({start}{i}:{end}{i})")
        for j in range(len(BEFORE) - 1, total_col + 1):  # KK per satuan to the sum
            v = ws.cell(i, j).value
            ws.cell(i, j).number_format = "#,##0" if not isinstance(v, float) else "#,##0.0##"
    _merge_runs(ws, cells, body, (2, 3), (1, 2))  # programme: its code and name
    _merge_runs(ws, cells, body, (4, 5), (1, 2, 3, 4))  # activity, within its programme
    for j, width in enumerate([5, 12, 34, 14, 34, 18, 34, 26, 16, 12, 16, 15, 18, 14, 10, 14], start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = ws.cell(first_row, 4)
    if explain is not None:
        sheet = wb.create_sheet("penjelasan")
        sheet.append(list(explain.columns))
        for row in explain.itertuples(index=False):
            sheet.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _merge_runs(ws: Any, cells: list[list[Any]], body: int, columns: tuple[int, ...], by: tuple[int, ...]) -> None:
    """Merge each of `columns` (1-based) down over consecutive body rows that agree on the columns `by`."""
    from openpyxl.styles import Alignment  # only when a workbook is written (see `workbook`)

    key = [tuple(row[c] for c in by) for row in cells[body:]]
    start = 0
    for k in range(1, len(key) + 1):
        if k == len(key) or key[k] != key[start]:
            if k - start > 1:
                for c in columns:
                    ws.merge_cells(start_row=body + 1 + start, start_column=c, end_row=body + k, end_column=c)
                    ws.cell(body + 1 + start, c).alignment = Alignment(vertical="top", wrap_text=True)
            start = k
