"""Excel workbooks (XLSX) read cell by cell from their XML, within the bounds of their kind, as Excel shows them.

openpyxl reads a sheet's whole declared range: one stray cell at XFD1048576 in a 5 KB file becomes seventeen
billion empty cells. This reader streams the sheet's XML instead and keeps only the cells that hold something,
refusing as soon as one lies past the bounds (`sanitasi.limits`), with the cell's address, before any grid is
made. What it reads is what Excel shows:

- a number formatted as a percentage is the percentage shown (0.975 shown as 97,5% is 97.5);
- dates come as dates (the workbook's 1900 or 1904 calendar);
- an error Excel stored (`#DIV/0!`, `#REF!`) and a formula saved without its value (files written by LibreOffice
  or scripts that do not calculate) are marked (`CellError`, `Uncomputed`), so the table reader names them;
- the first visible sheet is the default; hidden sheets are read only when named.

A workbook that is no workbook (a broken zip, a missing part, malformed XML) is a `DataError`, never the zip or
XML module's own English error.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from xml.etree import ElementTree as ET

from sanitasi.errors import DataError, Problem
from sanitasi.limits import MB, Limits, number

MAX_PART_BYTES = 256 * MB  # uncompressed bytes read from one part of a workbook (a zip bomb stops here)
HEADER_ROWS = 16  # title rows and the header above the data rows (`textfile.HEADER_SCAN_ROWS` + 1)
_REF = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")
_BROKEN = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, KeyError, IndexError, ValueError,
           NotImplementedError, RuntimeError, ET.ParseError, UnicodeDecodeError)


class CellError(str):
    """An error value Excel stored in a cell: '#DIV/0!', '#REF!', '#N/A' ..."""


class Uncomputed(str):
    """A formula saved without its value ('=SUM(B2:B4)'): the file was written by a program that did not calculate."""


@dataclass(frozen=True)
class Sheet:
    name: str
    part: str  # the zip member holding its cells
    visible: bool


@dataclass
class Grid:
    """A sheet's cells as rows (Excel's row 1 first), with what reading it decided on its own."""

    sheet: str
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)
    percent: set[tuple[int, int]] = field(default_factory=set)  # (row, column), 1-based: shown as a percentage


def _local(tag: str) -> str:
    """'{namespace}c' -> 'c' (transitional and strict OOXML name their elements alike)."""
    return tag.rsplit("}", 1)[-1]


def _attr(elem: ET.Element, name: str) -> str | None:
    """An attribute by its local name, whatever its namespace (r:id)."""
    for key, value in elem.attrib.items():
        if _local(key) == name:
            return value
    return None


def _fail(name: str, message: str, value: str | None = None) -> DataError:
    return DataError([Problem(name, None, None, value, message)])


class _Bounded(io.RawIOBase):
    """A zip member read at most `MAX_PART_BYTES` far: a part that inflates beyond it is refused."""

    def __init__(self, raw: Any, name: str):
        self.raw, self.name_, self.read_ = raw, name, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        self.read_ += len(data)
        if self.read_ > MAX_PART_BYTES:
            raise _fail(self.name_, f"isi berkas Excel terlalu besar setelah dibuka (lebih dari "
                                    f"{MAX_PART_BYTES // MB} MB); ditolak")
        buffer[: len(data)] = data
        return len(data)


def _part(z: zipfile.ZipFile, path: str, name: str) -> io.BufferedReader:
    return io.BufferedReader(_Bounded(z.open(path), name))


def _events(z: zipfile.ZipFile, path: str, name: str, events: tuple[str, ...] = ("end",)) -> Iterator:
    return ET.iterparse(_part(z, path, name), events=events)


def _tree(z: zipfile.ZipFile, path: str, name: str) -> ET.Element | None:
    if path not in z.NameToInfo:
        return None
    return ET.parse(_part(z, path, name)).getroot()


def _open(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except _BROKEN:
        raise _fail(name, "berkas Excel tidak bisa dibaca; mungkin rusak (bukan zip XLSX yang utuh)") from None


# ------------------------------------------------------------------------------------- the workbook's parts
def _workbook_part(z: zipfile.ZipFile, name: str) -> str:
    rels = _tree(z, "_rels/.rels", name)
    for rel in [] if rels is None else list(rels):
        if (_attr(rel, "Type") or "").endswith("/officeDocument") and _attr(rel, "Target"):
            return _attr(rel, "Target").lstrip("/")
    return "xl/workbook.xml"


def _sheets(z: zipfile.ZipFile, name: str) -> tuple[list[Sheet], bool]:
    """The worksheets in the workbook's order, and whether it counts dates from 1904."""
    book_path = _workbook_part(z, name)
    book = _tree(z, book_path, name)
    if book is None:
        raise _fail(name, "berkas Excel tidak bisa dibaca; bagian workbook tidak ada")
    folder = posixpath.dirname(book_path)
    rels_path = posixpath.join(folder, "_rels", posixpath.basename(book_path) + ".rels")
    rels = _tree(z, rels_path, name)
    targets = {_attr(r, "Id"): _attr(r, "Target") for r in ([] if rels is None else list(rels))}
    date1904 = False
    out = []
    for elem in book.iter():
        tag = _local(elem.tag)
        if tag == "workbookPr":
            date1904 = (_attr(elem, "date1904") or "").lower() in ("1", "true")
        elif tag == "sheet":
            target = targets.get(_attr(elem, "id")) or ""
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            if part in z.NameToInfo and "worksheets/" in part:  # chartsheets and dialog sheets hold no table
                out.append(Sheet(_attr(elem, "name") or part, part, (_attr(elem, "state") or "visible") == "visible"))
    return out, date1904


def _strings(z: zipfile.ZipFile, name: str, limits: Limits) -> list[str]:
    """The shared strings, each the text of its runs (phonetic guides left out), bounded like the cells."""
    path = next((p for p in ("xl/sharedStrings.xml", "xl/SharedStrings.xml") if p in z.NameToInfo), None)
    if path is None:
        return []
    out: list[str] = []
    chars = 0
    most = limits.cells * 2
    root = None
    for event, elem in _events(z, path, name, ("start", "end")):
        if root is None:
            root = elem
        if event != "end" or _local(elem.tag) != "si":
            continue
        text = _text(elem)
        out.append(text)
        chars += len(text)
        root.clear()  # the strings read so far are kept as text, not as elements
        if len(out) > most or chars > limits.cells * 64:
            raise _fail(name, f"berkas Excel berisi terlalu banyak teks (lebih dari {number(most)} teks); ditolak")
    return out


def _text(si: ET.Element) -> str:
    """A shared string: its text, or the text of its formatted runs; phonetic guides (rPh) are left out."""
    parts = []
    for child in si:
        tag = _local(child.tag)
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return "".join(parts)


def _styles(z: zipfile.ZipFile, name: str) -> tuple[set[int], set[int]]:
    """The cell styles (indexes) whose number format shows a percentage, and those that show a date or time."""
    root = _tree(z, "xl/styles.xml", name)
    if root is None:
        return set(), set()
    # half a second to import, and only workbooks need it: not paid by CSV uploads or at start
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    codes = dict(BUILTIN_FORMATS)
    for elem in root.iter():
        if _local(elem.tag) == "numFmt" and _attr(elem, "numFmtId") is not None:
            codes[int(_attr(elem, "numFmtId"))] = _attr(elem, "formatCode") or ""
    percent, dates = set(), set()
    xfs = next((e for e in root if _local(e.tag) == "cellXfs"), None)
    for i, xf in enumerate([] if xfs is None else [e for e in xfs if _local(e.tag) == "xf"]):
        code = codes.get(int(_attr(xf, "numFmtId") or 0), "General")
        if _shows_percent(code):
            percent.add(i)
        elif is_date_format(code):
            dates.add(i)
    return percent, dates


def _shows_percent(code: str) -> bool:
    """Does a number format (its first section) show a percentage? '0.0%' yes; '"%"0' and '[Red]0' no."""
    plain = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code.split(";")[0])
    return "%" in plain


# ------------------------------------------------------------------------------------- the cells
def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


@dataclass
class _Book:
    """What the cells need from the rest of the workbook."""

    strings: list[str]
    percent: set[int]
    dates: set[int]
    date1904: bool


def _value(c: ET.Element, book: _Book) -> tuple[Any, bool]:
    """A cell's value as Excel shows it (None when it holds nothing), and whether it was scaled as a percentage."""
    kind = c.get("t") or "n"
    v = f = inline = None
    for child in c:
        tag = _local(child.tag)
        if tag == "v":
            v = child.text
        elif tag == "f":
            f = child
        elif tag == "is":
            inline = "".join(t.text or "" for t in child.iter() if _local(t.tag) == "t")
    if kind == "inlineStr":
        return inline, False
    if v is None:
        if f is not None:
            return Uncomputed("=" + (f.text or "…")), False
        return None, False
    if kind == "s":
        return book.strings[int(v)], False
    if kind in ("str", "inlineStr"):
        return v, False
    if kind == "b":
        return v.strip() in ("1", "true"), False
    if kind == "e":
        return CellError(v.strip()), False
    if kind == "d":
        try:
            return datetime.fromisoformat(v.strip()), False
        except ValueError:
            return v, False
    return _number(v, int(c.get("s") or 0), book)


def _number(text: str, style: int, book: _Book) -> tuple[Any, bool]:
    text = text.strip()
    x: float | int = int(text) if re.fullmatch(r"-?\d{1,15}", text) else float(text)
    if style in book.percent:
        shown = round(float(x) * 100, 10)
        return (int(shown) if shown.is_integer() and abs(shown) < 1e15 else shown), True
    if style in book.dates:
        from openpyxl.utils.datetime import from_excel  # only workbooks with dates need it (half a second)

        try:
            return from_excel(float(x), epoch=_epoch(book.date1904)), False
        except (ValueError, OverflowError, TypeError):
            return x, False
    return x, False


def _epoch(date1904: bool) -> datetime:
    return datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)


def _cells(z: zipfile.ZipFile, sheet: Sheet, book: _Book, name: str,
           limits: Limits) -> tuple[dict[tuple[int, int], Any], set[tuple[int, int]]]:
    """The cells that hold something, by (row, column); refused at the first one past the bounds."""
    most_row, most_col = limits.rows + HEADER_ROWS, limits.columns
    cells: dict[tuple[int, int], Any] = {}
    percent: set[tuple[int, int]] = set()
    root = row_elem = data = None
    depth, row_no, col_no = 0, 0, 0
    for event, elem in _events(z, sheet.part, name, ("start", "end")):
        tag = _local(elem.tag)
        if event == "start":
            depth += 1
            if root is None:
                root = elem
            elif tag == "sheetData":
                data = elem
            elif tag == "row":
                row_elem = elem
                row_no = int(elem.get("r") or row_no + 1)
                col_no = 0
            continue
        depth -= 1
        if tag == "c":
            ref = _REF.match(elem.get("r") or "")
            col_no = _column(ref.group(1)) if ref else col_no + 1
            row = int(ref.group(2)) if ref else row_no
            value, scaled = _value(elem, book)
            if row_elem is not None:
                row_elem.clear()  # the cell is read: a row of 16,384 styled cells never piles up
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if row > most_row or col_no > most_col:
                raise _far_cell(name, sheet.name, f"{_letters(col_no)}{row}", value, row > most_row, limits)
            cells[(row, col_no)] = value
            if scaled:
                percent.add((row, col_no))
            if len(cells) > limits.cells:
                raise _fail(name, f"lembar '{sheet.name}' berisi lebih dari {number(limits.cells)} sel terisi; "
                                  f"batasnya {number(limits.cells)} untuk tabel ini")
        elif tag == "row" and data is not None:
            data.clear()  # the rows read so far: a million styled empty rows never pile up
        elif depth == 1 and root is not None:
            root.clear()  # parts of the sheet already read (its column styles, merged cells) are dropped
    return cells, percent


def _far_cell(name: str, sheet: str, ref: str, value: Any, by_row: bool, limits: Limits) -> DataError:
    what = f"{number(limits.rows)} baris data" if by_row else f"{number(limits.columns)} kolom"
    return DataError([Problem(name, int(re.sub(r"\D", "", ref)), None, str(value)[:40],
                              f"lembar '{sheet}' berisi sel terisi di {ref}, jauh di luar tabel (batasnya {what}); "
                              "hapus isi sel itu, atau salin tabelnya saja ke lembar baru")])


# ------------------------------------------------------------------------------------- the API
def sheet_names(data: bytes, name: str, *, hidden: bool = False) -> list[str]:
    """The worksheets of a workbook (visible ones only unless `hidden`), in the workbook's order."""
    z = _open(data, name)
    try:
        with z:
            found, _ = _sheets(z, name)
    except DataError:
        raise
    except _BROKEN as exc:
        raise _fail(name, f"berkas Excel tidak bisa dibaca; mungkin rusak ({type(exc).__name__})") from None
    return [s.name for s in found if hidden or s.visible]


def read(data: bytes, name: str, sheet: str | None, limits: Limits) -> Grid:
    """The named sheet (default: the first visible one) as rows of cells, as Excel shows them."""
    z = _open(data, name)
    try:
        with z:
            return _read(z, name, sheet, limits)
    except DataError:
        raise
    except _BROKEN as exc:
        raise _fail(name, f"berkas Excel tidak bisa dibaca; mungkin rusak ({type(exc).__name__})") from None


def _read(z: zipfile.ZipFile, name: str, sheet: str | None, limits: Limits) -> Grid:
    found, date1904 = _sheets(z, name)
    if not found:
        raise _fail(name, "berkas Excel ini tidak berisi lembar kerja")
    notes = []
    if sheet is not None:
        chosen = next((s for s in found if s.name == sheet), None)
        if chosen is None:
            raise _fail(name, "lembar tidak ada; yang ada: " + ", ".join(s.name for s in found if s.visible), sheet)
    else:
        chosen = next((s for s in found if s.visible), found[0])
        hidden = [s.name for s in found if not s.visible]
        if hidden:
            notes.append(f"Lembar tersembunyi tidak dibaca: {', '.join(hidden)}.")
    if len(found) > 1:
        notes.insert(0, f"Dibaca dari lembar '{chosen.name}'.")
    percent_styles, date_styles = _styles(z, name)
    book = _Book(_strings(z, name, limits), percent_styles, date_styles, date1904)
    cells, percent = _cells(z, chosen, book, name, limits)
    if percent:
        notes.append(f"{number(len(percent))} sel berformat persen di Excel dibaca sebagai persen yang tampil "
                     "(0,975 yang tampil 97,5% dibaca 97,5).")
    height = max((r for r, _ in cells), default=0)
    rows: list[list[Any]] = [[] for _ in range(height)]
    for (r, c), value in sorted(cells.items()):
        row = rows[r - 1]
        row.extend([None] * (c - 1 - len(row)))
        row.append(value)
    return Grid(chosen.name, rows, notes, percent)
