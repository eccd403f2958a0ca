"""Read the table files officials hold (Excel-made CSV, XLSX) into what they mean: numbers and codes.

Files come from Excel on Indonesian Windows laptops: `;` separators, decimal commas, thousands
dots, Windows-1252 or UTF-8 with a BOM, title rows above the header, headers merged over two rows,
blank lines. This module undoes all of that and nothing more: it does not know what the columns
mean (that is `sanitasi.readers`). Every output row keeps `_baris`, its row number as Excel shows it, so
problems can point at the cell the official must fix.
"""

from __future__ import annotations

import io as _io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sanitasi import textfile, workbook
from sanitasi.errors import DataError, Problem
from sanitasi.limits import EDITOR_BYTES, TABLE, Limits

MAX_BYTES = EDITOR_BYTES  # the same as Streamlit's server.maxUploadSize in .streamlit/config.toml
ROW_COLUMN = "_baris"
HEADER_SCAN_ROWS = textfile.HEADER_SCAN_ROWS


@dataclass(frozen=True)
class Source:
    """A file's name and bytes, whatever it came as (path, bytes, Streamlit upload)."""

    name: str
    data: bytes

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()


def source(file: Any, name: str | None = None) -> Source:
    """Accept a path, raw bytes, or a file-like object (an `UploadedFile` has `.name` and `.getvalue()`)."""
    if isinstance(file, Source):
        return file
    if isinstance(file, str | Path):
        path = Path(file)
        if not path.exists():
            raise DataError([Problem(path.name, None, None, str(path), "berkas tidak ditemukan")])
        if path.stat().st_size > MAX_BYTES:
            raise DataError([Problem(path.name, None, None, None, _too_big(path.stat().st_size))])
        return Source(name or path.name, path.read_bytes())
    if isinstance(file, bytes | bytearray):
        data = bytes(file)
    elif hasattr(file, "getvalue"):
        data = file.getvalue()
    elif hasattr(file, "read"):
        data = file.read()
    else:
        raise TypeError(f"tidak bisa membaca {type(file).__name__}")
    label = name or getattr(file, "name", None) or "berkas"
    if len(data) > MAX_BYTES:
        raise DataError([Problem(Path(label).name, None, None, None, _too_big(len(data)))])
    return Source(Path(str(label)).name, data)


def _too_big(n: int) -> str:
    return f"berkas terlalu besar ({n / 1e6:.0f} MB); batasnya {MAX_BYTES / 1e6:.0f} MB"


# ------------------------------------------------------------------------------------- numbers
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d+$")
_DECIMAL_DOT = re.compile(r"^\d+\.\d+$")
_CURRENCY = re.compile(r"^(rp\.?|idr)\s*", re.I)


def parse_number(value: Any, decimal_comma: bool = True) -> float | None:
    """A number as written in a cell, or None when it is not one. Empty and "-" give NaN.

    "1.234,5" -> 1234.5; "1,234.5" -> 1234.5; "82,55%" -> 82.55; "Rp 1.500.000" -> 1500000;
    with `decimal_comma`, "1.234" is one thousand two hundred and thirty-four, not 1.234.
    """
    if value is None:
        return float("nan")
    if type(value) is str and value.isascii() and value.isdigit():  # the common cell, read without the rules below
        return float(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | np.integer | np.floating):
        v = float(value)
        return v if np.isfinite(v) or np.isnan(v) else None
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if text in ("", "-", "–", "—"):
        return float("nan")
    text = _CURRENCY.sub("", text).rstrip("%")
    sign = -1.0 if text.startswith(("-", "−")) else 1.0
    text = text.lstrip("+-−")
    if not text or not re.fullmatch(r"[\d.,]+", text):
        return None
    if "." in text and "," in text:
        # whichever comes last is the decimal mark
        last_comma = text.rfind(",") > text.rfind(".")
        text = text.replace(".", "").replace(",", ".") if last_comma else text.replace(",", "")
    elif "," in text:
        # several marks of one kind can only be thousands, whatever the file's convention ("1,2,3" is no number)
        if text.count(",") > 1:
            if not _THOUSANDS_COMMA.match(text):
                return None
            text = text.replace(",", "")
        elif decimal_comma or _DECIMAL_COMMA.match(text) and not _THOUSANDS_COMMA.match(text):
            text = text.replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "." in text:
        if _THOUSANDS_DOT.match(text) and (decimal_comma or text.count(".") > 1):
            text = text.replace(".", "")
        elif text.count(".") > 1:
            return None
    try:
        v = sign * float(text)
    except ValueError:
        return None
    return v if np.isfinite(v) else None


# ------------------------------------------------------------------------------------- dates
_MONTHS = {
    **{m: i for i, m in enumerate(("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
                                   "september", "oktober", "november", "desember"), 1)},
    **{m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december"), 1)},
    **{m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov",
                                   "des"), 1)},
    "agt": 8, "ags": 8, "aug": 8, "oct": 10, "dec": 12, "sept": 9, "may": 5, "pebruari": 2, "nopember": 11,
}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_NAMED_DATE = re.compile(r"^(\d{1,2})[\s\-./]+([a-z]+)\.?[\s\-./]+(\d{4})$")


def parse_date(value: Any) -> date | None:
    """A date as written in a cell, or None when it is not one. Empty gives None too: ask `_cell_text` first.

    "2024-05-17", "17-05-2024", "17/05/2024", "17.05.2024" (day first, as Indonesians write it),
    "17 Mei 2024", "17-Agu-2024", and the date or datetime Excel hands over.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _cell_text(value).lower()
    for pattern, order in ((_ISO_DATE, (0, 1, 2)), (_DMY_DATE, (2, 1, 0))):
        m = pattern.match(text)
        if m:
            y, mo, d = (int(m.group(i + 1)) for i in order)
            return _date_or_none(y, mo, d)
    m = _NAMED_DATE.match(text)
    if m and m.group(2) in _MONTHS:
        return _date_or_none(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    return None


def _date_or_none(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _decimal_comma_votes(cells: list[str]) -> bool:
    """Does this file write decimals with a comma? Counted over cells that can only mean one thing."""
    comma = sum(1 for c in cells if _DECIMAL_COMMA.match(c.rstrip("%")) and not _THOUSANDS_COMMA.match(c))
    dot = sum(1 for c in cells if _DECIMAL_DOT.match(c.rstrip("%")) and not _THOUSANDS_DOT.match(c))
    return comma >= dot


# ------------------------------------------------------------------------------------- file kinds
def _is_xlsx(src: Source) -> bool:
    """A workbook by its content (a zip with an `xl/` folder), or a zip named .xlsx that is broken (cut short in
    the download): that one goes to the workbook reader too, which says the workbook is damaged."""
    if not src.data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(_io.BytesIO(src.data)) as z:
            return any(n.startswith("xl/") for n in z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return src.suffix in (".xlsx", ".xlsm")


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if textfile.encoding_of(data) is not None:  # UTF-16 text (Excel's "Unicode Text") is half zero bytes
        return False
    return b"\x00" in head or head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF"))


def sheet_names(file: Any) -> list[str]:
    """The visible sheets of an XLSX workbook, in its order (empty for a CSV); a broken workbook is a DataError."""
    src = source(file)
    if not _is_xlsx(src):
        return []
    return workbook.sheet_names(src.data, src.name)


def _grid(src: Source, sheet: str | None, limits: Limits) -> tuple[workbook.Grid, bool | None]:
    """All cells as rows, and the decimal convention when the format fixes it."""
    if _is_xlsx(src):
        return workbook.read(src.data, src.name, sheet, limits), None
    if src.suffix in (".xls",):
        raise DataError([Problem(src.name, None, None, None,
                                 "format .xls lama tidak didukung; simpan ulang sebagai .xlsx atau CSV")])
    if _looks_binary(src.data):
        raise DataError([Problem(src.name, None, None, None,
                                 "berkas ini bukan tabel teks (CSV) atau Excel (XLSX); mungkin gambar atau PDF")])
    text = textfile.decode(src.data)
    if not text or text.isspace():
        raise DataError([Problem(src.name, None, None, None, "berkas kosong")])
    sep = textfile.separator(text)
    rows = textfile.rows(text, sep, src.name, limits)
    convention = True if sep == ";" else (False if sep == "," else None)
    return workbook.Grid("", rows), convention


def _cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and np.isnan(v):
        return ""
    return str(v).strip()


def read_grid(file: Any, *, sheet: str | None = None,
              limits: Limits = TABLE) -> tuple[list[list[Any]], bool, str]:
    """The raw cells, the file's decimal convention (True = decimal comma) and its name."""
    src = source(file)
    grid, convention = _grid(src, sheet, limits)
    return grid.rows, _convention(grid.rows, convention), src.name


def _convention(rows: list[list[Any]], fixed: bool | None) -> bool:
    if fixed is not None:
        return fixed
    return _decimal_comma_votes([_cell_text(c) for r in rows for c in r if isinstance(c, str)])


def header_index(rows: list[list[Any]], score) -> int:
    """The header row among the first rows: the one whose cells best match known column names."""
    best, best_score = 0, 0
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        s = score([_cell_text(c) for c in row])
        if s > best_score:
            best, best_score = i, s
    return best


def frame_from_grid(rows: list[list[Any]], header: int) -> pd.DataFrame:
    """Cells below the header as text (None for empty), one column per header cell, plus `_baris`.

    A header cell left empty takes the text of the cell above it: that is how a header merged over
    two rows comes out of Excel. Fully empty rows are dropped.
    """
    width = max((len(r) for r in rows), default=0)
    pad = [list(r) + [None] * (width - len(r)) for r in rows]
    names: list[str] = []
    taken: set[str] = set()
    seen: dict[str, int] = {}
    for j in range(width):
        own = _cell_text(pad[header][j]) if pad else ""
        above = _cell_text(pad[header - 1][j]) if header > 0 else ""
        name = own or above or f"kolom_{j + 1}"
        base, k = name, seen.get(name, 0)
        while name in taken:  # a header written twice: 'x', 'x_', 'x__' (counted, so 3,000 copies stay linear)
            k += 1
            name = base + "_" * k
        seen[base] = k
        taken.add(name)
        names.append(name)
    body = pad[header + 1:]
    data = {n: [r[j] for r in body] for j, n in enumerate(names)}
    frame = pd.DataFrame(data, dtype=object)
    frame[ROW_COLUMN] = np.arange(header + 2, header + 2 + len(body))
    filled = frame.drop(columns=ROW_COLUMN).map(lambda v: _cell_text(v) != "")
    return frame.loc[filled.any(axis=1)].reset_index(drop=True)


def read_table(file: Any, *, sheet: str | None = None, score=None, limits: Limits = TABLE) -> pd.DataFrame:
    """Any supported table file -> a DataFrame of what it means: numbers as numbers, codes as text.

    A column becomes numeric when every filled cell in it reads as a number and its header does not
    name a code (codes keep their dots and leading zeros). Other columns stay text. The column
    `_baris` holds each row's number in the file as Excel shows it. `score` tells how well a row
    of cells looks like a header (default: count of cells that look like words). The file is refused past
    `limits` before it is expanded, and when a cell holds an Excel error or a formula without its value.

    `attrs`: `catatan_berkas` (what reading decided: the sheet, percentages as shown), `persen` (the cells, as
    (row, header), that showed a percentage: "80%" in a CSV, a percent format in Excel), `lembar` (the sheet).
    """
    src = source(file)
    grid, fixed = _grid(src, sheet, limits)
    rows, decimal_comma, name = grid.rows, _convention(grid.rows, fixed), src.name
    if not rows:
        raise DataError([Problem(name, None, None, None, "berkas kosong")])
    score = score or (lambda cells: sum(1 for c in cells if c and parse_number(c) is None))
    header = header_index(rows, score)
    frame = frame_from_grid(rows, header)
    if frame.drop(columns=ROW_COLUMN).empty or frame.empty:
        raise DataError([Problem(name, None, None, None, "tidak ada baris data di bawah judul kolom")])
    _refuse_uncomputed(frame, name)
    names = [c for c in frame.columns if c != ROW_COLUMN]
    percent = {(r, names[c - 1]) for r, c in grid.percent if r > header + 1 and c <= len(names)}
    out = {}
    for col in frame.columns:
        if col == ROW_COLUMN or is_code_header(col):
            out[col] = frame[col]
            continue
        # a plain list: Series.map would turn the None of an unreadable cell into NaN (a blank)
        parsed = [parse_number(v, decimal_comma) for v in frame[col]]
        filled = [_cell_text(v) != "" for v in frame[col]]
        if any(filled) and all(p is not None for p, f in zip(parsed, filled, strict=True) if f):
            out[col] = pd.Series(parsed, index=frame.index, dtype="float64")
            percent |= {(int(r), col) for r, v in zip(frame[ROW_COLUMN], frame[col], strict=True)
                        if isinstance(v, str) and v.strip().endswith("%")}
        else:
            # object dtype keeps None for an empty cell (a str column would make it NaN, read as "nan")
            out[col] = pd.Series([_unquoted(_cell_text(v)) or None for v in frame[col]], index=frame.index,
                                 dtype=object)
    result = pd.DataFrame(out)
    result.attrs["desimal_koma"] = decimal_comma
    result.attrs["berkas"] = name
    # the title rows above the header: a BPS table names its indicator there ("... Sanitasi Layak (Persen)")
    result.attrs["judul"] = [" ".join(t for c in r if (t := _cell_text(c))) for r in rows[:header]]
    result.attrs.update(catatan_berkas=list(grid.notes), persen=percent, lembar=grid.sheet)
    return result


def _refuse_uncomputed(frame: pd.DataFrame, name: str) -> None:
    """Every cell of the table holding an Excel error or a formula saved without its value, named as such: what
    Excel would show there is not in the file."""
    problems = []
    for col in frame.columns:
        if col == ROW_COLUMN:
            continue
        for r, v in zip(frame[ROW_COLUMN], frame[col], strict=True):
            if isinstance(v, workbook.CellError):
                problems.append(Problem(name, int(r), col, str(v), f"sel berisi galat Excel {v}: rumus di sel ini "
                                        "gagal dihitung; perbaiki rumusnya atau ketik nilainya"))
            elif isinstance(v, workbook.Uncomputed):
                problems.append(Problem(name, int(r), col, str(v), "sel berisi rumus tanpa nilai tersimpan (berkas "
                                        "dibuat oleh LibreOffice atau program lain yang tidak menghitung rumus); buka "
                                        "di Excel atau LibreOffice Calc lalu simpan ulang, atau ketik nilainya"))
    if problems:
        problems.sort(key=lambda p: (p.baris, p.kolom))
        raise DataError(problems)


def _unquoted(text: str) -> str:
    """A text cell as written before `exports.neutralise` guarded it against Excel formulas ("'=x" -> "=x"), so a
    file the dashboard exported reads back as it was."""
    text = re.sub(r"([\r\n]+)'([=+\-@\t])", r"\1\2", text)  # the guard after a line break, too
    return text[1:] if text.startswith("'") and text[1:2] in ("=", "+", "-", "@") else text


_CODE_WORDS = ("kode", "kd", "code", "id", "gid", "pum", "bps")


def is_code_header(header: str) -> bool:
    h = normalise_header(header)
    return any(h == w or h.startswith(w + "_") or h.endswith("_" + w) or h.startswith(("kdc", "kde", "kdp", "gid"))
               for w in _CODE_WORDS)


def normalise_header(header: Any) -> str:
    """'Jumlah KK ' -> 'jumlah_kk'; '% Aman' -> 'persen_aman'; 'Kode Kec.' -> 'kode_kec'."""
    h = _cell_text(header).lower().replace("%", " persen ")
    h = re.sub(r"[^a-z0-9]+", "_", h).strip("_")
    return h
