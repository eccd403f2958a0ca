"""The hostile and oversized files of issue 14, built in memory when asked for (nothing large is committed).

Each builder returns the file's bytes. The corpus (`tests/test_io_corpus.py`) reads every one of them and says
what each must do; the benchmark (`bench_hostile`) times the ones that cost resources and measures their memory.
"""

from __future__ import annotations

import io
import zipfile

HEADER = ["kode_wilayah", "kecamatan", "tahun", "jumlah_kk", "kk_aman", "kk_layak_sendiri", "kk_layak_bersama",
          "kk_belum_layak", "kk_babs_terbuka"]
ROW = ["63.10.01", "Batulicin", 2025, 100, 10, 50, 10, 20, 10]  # 10+50+10+20+10 = 100


def csv_text(*rows: list[object], sep: str = ";") -> bytes:
    return ("\n".join(sep.join("" if c is None else str(c) for c in r) for r in rows) + "\n").encode()


def access_csv() -> bytes:
    """A small good access file: the base the oversized ones are made from."""
    return csv_text(HEADER, ROW)


def xlsx_with_cell_at(ref: str, *, value: object = "x", styled_only: bool = False) -> bytes:
    """A small access workbook (5 KB) with one more cell far away: its declared range reaches `ref`."""
    import openpyxl  # the benchmark and the tests build workbooks; the dashboard itself reads them without it

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(HEADER)
    ws.append(ROW)
    if styled_only:
        ws[ref].number_format = "0.0%"  # formatted, but empty: Excel's used range grows, nothing is in it
    else:
        ws[ref] = value
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def csv_empty_columns(n: int, *, trailing: bool) -> bytes:
    """The access file with `n` empty columns: after the last one (Excel's formatted columns) or in the middle."""
    gap = ";" * n
    if trailing:
        return csv_text(HEADER, ROW).replace(b"\n", gap.encode() + b"\n")
    return csv_text(HEADER[:2] + [gap[:-1]] + HEADER[2:], ROW[:2] + [gap[:-1]] + ROW[2:])


def csv_columns(n: int) -> bytes:
    """A header of `n` named columns and one row (1,000,000 columns: 7 MB)."""
    return (";".join(f"k{i}" for i in range(n)) + "\n" + ";".join("1" for _ in range(n)) + "\n").encode()


def csv_duplicate_headers(n: int) -> bytes:
    """`n` copies of one header (6 KB for 3,000): the quadratic renaming of duplicates is what it tests."""
    return ("\n".join([";".join(["a"] * n), ";".join(["1"] * n)]) + "\n").encode()


def csv_rows(n: int) -> bytes:
    """The access file with `n` rows (1,000,000 rows: about 34 MB)."""
    line = ";".join(str(c) for c in ROW) + "\n"
    return (";".join(HEADER) + "\n" + line * n).encode()


def csv_bad_rows(n: int) -> bytes:
    """`n` rows, each with a word in a number cell: `n` problems, of which the first 200 are listed."""
    line = "63.10.01;Batulicin;2025;100;sepuluh;50;10;20;10\n"
    return (";".join(HEADER) + "\n" + line * n).encode()


def zipped(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()
