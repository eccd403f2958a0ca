"""Text tables (CSV, TSV, Excel's "Unicode Text") decoded and split into cells within the bounds of their kind.

What Excel and officials' laptops write: UTF-8 with or without a BOM, Windows-1252, UTF-16 with a BOM (Excel's
"Unicode Text", tab-separated), line endings of Windows, Unix or the old Mac ("CSV (Macintosh)": CR alone),
trailing separators to the last column Excel ever formatted. A file past its bounds (`sanitasi.limits`) is
refused from its lines before a cell is made of it; a broken file (an unbalanced quote, a cell larger than the
CSV module allows) is a `DataError` naming the row, never the CSV module's own English error.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator

from sanitasi.errors import DataError, Problem
from sanitasi.limits import Limits, number

HEADER_SCAN_ROWS = 15  # the rows searched for the header: title rows above it, then the header itself
SEPARATORS = (";", "\t", ",")
QUOTED_SEPARATORS = 4  # a line may hold this many times more separators than columns, inside quoted cells


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte of the start is zero (ASCII text in UTF-16), else None."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def encoding_of(data: bytes) -> str | None:
    """The encoding a UTF-16/32 text announces by its BOM or shows by its zero bytes; None for single-byte text."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return _utf16_without_bom(data[:4096])


def decode(data: bytes) -> str:
    """The text of a table file: UTF-16/32 when it says so, else UTF-8 (BOM or not), else Windows-1252."""
    wide = encoding_of(data)
    if wide is not None:
        try:
            return data.decode(wide)
        except UnicodeDecodeError:
            pass
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def physical_lines(text: str) -> Iterator[str]:
    """Every line with its ending (CRLF, LF, or CR alone as the old Mac wrote it), one at a time: the text is never
    copied whole (a StringIO would hold four bytes per character of a 50 MB file)."""
    for m in _LINE.finditer(text):
        yield m.group()


def _lines(text: str, limit: int) -> Iterator[str]:
    """The first non-blank lines, whatever their line endings (CR alone included)."""
    seen = 0
    for line in physical_lines(text):
        if line.strip():
            yield line
            seen += 1
            if seen >= limit:
                return


def separator(text: str) -> str:
    """The separator the first lines use most: `;` (Indonesian Excel), tab, or `,`."""
    lines = list(_lines(text, HEADER_SCAN_ROWS))
    counts = {sep: sum(ln.count(sep) for ln in lines) for sep in SEPARATORS}
    best = max(counts, key=lambda s: (counts[s], s == ";"))
    return best if counts[best] else ","


def _fail(name: str, row: int | None, message: str, value: str | None = None) -> DataError:
    return DataError([Problem(name, row, None, value, message)])


def _trimmed(text: str, sep: str, name: str, limits: Limits) -> Iterator[str]:
    """The file's physical lines without the separators Excel adds after the last filled column; a line with far
    more separators than the kind has columns is refused before the CSV module turns it into cells."""
    most = limits.columns * QUOTED_SEPARATORS
    for n, line in enumerate(physical_lines(text), 1):
        body = line.rstrip("\r\n")
        ending = line[len(body):]
        body = body.rstrip(sep)
        if body.count(sep) >= most:
            raise _fail(name, n, f"baris ini berisi lebih dari {number(most)} pemisah kolom; batasnya "
                                 f"{number(limits.columns)} kolom. Hapus kolom yang kosong atau tidak dipakai")
        yield body + ending


def rows(text: str, sep: str, name: str, limits: Limits, strict: bool = True) -> list[list[str]]:
    """The cells of every row (trailing empty cells dropped), counted against `limits` as they are read.

    A row's number is its record number, as Excel shows it (a quoted cell may hold a line break). Quotes are
    read strictly, so a quote never closed is found instead of swallowing the rest of the file; a quote inside a
    cell that did not start with one is read as Excel reads it."""
    most_rows = limits.rows + HEADER_SCAN_ROWS + 1
    reader = csv.reader(_trimmed(text, sep, name, limits), delimiter=sep, strict=strict)
    out: list[list[str]] = []
    cells = 0
    start = 1
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if strict and "expected after" in str(exc):
                return rows(text, sep, name, limits, strict=False)
            raise _csv_problem(exc, name, len(out) + 1, start, limits) from None
        end = len(row)
        while end and not row[end - 1].strip():
            end -= 1
        row = row[:end]
        if len(out) >= most_rows:
            raise _fail(name, None, f"berkas berisi lebih dari {number(limits.rows)} baris; batasnya "
                                    f"{number(limits.rows)} baris data untuk tabel ini. Bagi berkas, atau hapus "
                                    "baris kosong di bawah tabel")
        if len(row) > limits.columns:
            raise _fail(name, len(out) + 1, f"baris ini berisi {number(len(row))} kolom; batasnya "
                                            f"{number(limits.columns)} kolom")
        for cell in row:
            if len(cell) > limits.cell_chars:
                raise _fail(name, len(out) + 1, f"sel berisi {number(len(cell))} karakter; batasnya "
                                                f"{number(limits.cell_chars)} (batas satu sel Excel)", cell[:40])
        cells += sum(1 for c in row if c)
        if cells > limits.cells:
            raise _fail(name, None, f"berkas berisi lebih dari {number(limits.cells)} sel terisi; batasnya "
                                    f"{number(limits.cells)} untuk tabel ini")
        out.append(row)
    return out


def _csv_problem(exc: csv.Error, name: str, row: int, line: int, limits: Limits) -> DataError:
    """The CSV module's refusal said in Bahasa Indonesia, at the row (record) where it happened."""
    said = str(exc)
    if "field larger than field limit" in said:
        return _fail(name, row, f"sel terlalu panjang (lebih dari {number(csv.field_size_limit())} karakter); "
                                f"batasnya {number(limits.cell_chars)} karakter per sel (batas satu sel Excel). "
                                "Mungkin ada tanda kutip (\") yang tidak ditutup")
    if "unexpected end of data" in said:
        return _fail(name, row, f"tanda kutip (\") dibuka di baris berkas {line} tetapi tidak pernah ditutup; "
                                "periksa sel itu (tanda kutip di dalam sel ditulis dua kali: \"\")")
    return _fail(name, row, "berkas CSV rusak di baris ini; simpan ulang dari Excel sebagai CSV")
