"""sanitasi.tables: cells as officials' Excel writes them -> numbers and codes, with the row Excel shows."""

from __future__ import annotations

import io as _io
import math

import numpy as np
import openpyxl
import pytest

from sanitasi import headers, matching, tables
from sanitasi.errors import DataError
from sanitasi.tables import Source, normalise_header, parse_number, read_table

NAN = "nan"  # expected value: an empty cell (NaN), as opposed to None (not a number at all)


@pytest.mark.parametrize(("text", "decimal_comma", "expected"), [
    # Indonesian convention (decimal comma, thousands dot)
    ("1.234", True, 1234.0),  # thousands dot, not one point two three four
    ("1.234.567", True, 1234567.0),
    ("1.234,5", True, 1234.5),
    ("12,5", True, 12.5),
    ("12.5", True, 12.5),  # one dot followed by a single digit can only be a decimal point
    ("82,55%", True, 82.55),
    ("100%", True, 100.0),
    ("Rp 1.500.000", True, 1_500_000.0),
    ("Rp1.500.000,50", True, 1_500_000.5),
    ("Rp. 6.500.000", True, 6_500_000.0),
    ("IDR 2.000", True, 2000.0),
    ("1 234", True, 1234.0),
    ("1\u00a0234", True, 1234.0),  # Excel's non-breaking space as thousands separator
    ("-5", True, -5.0),
    ("\u22125", True, -5.0),  # the Unicode minus sign Word and Excel sometimes write
    ("  7 ", True, 7.0),
    ("-", True, NAN),
    ("\u2013", True, NAN),  # an en dash typed for "no data"
    ("", True, NAN),
    ("   ", True, NAN),
    (None, True, NAN),
    (7, True, 7.0),
    (3.5, True, 3.5),
    (np.int64(4), True, 4.0),
    # English convention (decimal point, thousands comma)
    ("1,234", False, 1234.0),
    ("1,234.5", False, 1234.5),
    ("1,234,567", False, 1234567.0),
    ("1.234", False, 1.234),
    ("12,5", False, 12.5),  # a comma followed by one digit is a decimal comma whatever the file says
    ("1.500.000", False, 1_500_000.0),  # several dots can only be thousands
    ("Rp 1.500.000", False, 1_500_000.0),
    # garbage: not a number at all
    ("abc", True, None),
    ("sepuluh", True, None),
    ("1.2.3", True, None),
    ("1,2,3", True, None),
    ("1,2,3", False, None),
    ("12a", True, None),
    ("5 KK", True, None),
    ("1e5", True, None),
    ("#DIV/0!", True, None),
    (True, True, None),
    (float("inf"), True, None),
    ("1.234,5,6", True, None),
])
def test_parse_number(text: object, decimal_comma: bool, expected: object) -> None:
    got = parse_number(text, decimal_comma)
    if expected == NAN:
        assert got is not None and math.isnan(got)
    elif expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)


def csv_source(text: str, name: str = "tabel.csv", encoding: str = "utf-8") -> Source:
    return Source(name, text.encode(encoding))


@pytest.mark.parametrize(("sep", "kk", "pct"), [
    (";", "1.234", "82,5"),  # Indonesian Excel: ';', decimal comma, thousands dot
    (",", "1234", "82.5"),  # English Excel
    ("\t", "1.234", "82,5"),  # "Text (tab delimited)" from Indonesian Excel
])
def test_read_table_separators(sep: str, kk: str, pct: str) -> None:
    text = sep.join(["kode", "nama", "jumlah_kk", "persen"]) + "\n" + sep.join(["63.10.01", "Batulicin", kk, pct])
    t = read_table(csv_source(text + "\n"))
    assert list(t.columns) == ["kode", "nama", "jumlah_kk", "persen", "_baris"]
    assert t["kode"].tolist() == ["63.10.01"]
    assert t["nama"].tolist() == ["Batulicin"]
    assert t["jumlah_kk"].tolist() == [1234.0]
    assert t["persen"].tolist() == [82.5]


def test_read_table_comma_file_with_quoted_decimal_commas() -> None:
    t = read_table(csv_source('nama,persen\n"Kusan Hilir","82,5"\n"Satui, Kota","17,25"\n'))
    assert t["nama"].tolist() == ["Kusan Hilir", "Satui, Kota"]
    assert t["persen"].tolist() == [82.5, 17.25]


@pytest.mark.parametrize(("data", "name_cell"), [
    (b"kode;nama\n63.10.01;Batulicin\n", "Batulicin"),
    ("\ufeffkode;nama\n63.10.01;Batulicin\n".encode(), "Batulicin"),  # UTF-8 with BOM
    ("kode;nama\n63.10.01;Survei André 30°\n".encode("cp1252"), "Survei André 30°"),  # Windows-1252
    ("kode;nama\n63.10.01;Survei André 30°\n".encode(), "Survei André 30°"),
    ("\ufeffkode;nama\n63.10.01;Survei André 30°\n".encode("utf-8"), "Survei André 30°"),
])
def test_read_table_encodings(data: bytes, name_cell: str) -> None:
    t = read_table(Source("tabel.csv", data))
    # the BOM must not stick to the first header, or 'kode' would not be recognised
    assert list(t.columns) == ["kode", "nama", "_baris"]
    assert t["nama"].tolist() == [name_cell]


def test_title_rows_and_blank_lines_keep_excel_row_numbers() -> None:
    text = ("DATA AKSES SANITASI KABUPATEN TANAH BUMBU;;\n"  # row 1
            "Sumber: Dinas Kesehatan;;\n"  # row 2
            ";;\n"  # row 3
            "kode;nama;jumlah_kk\n"  # row 4: header
            "63.10.01;Batulicin;100\n"  # row 5
            "\n"  # row 6: blank
            ";;\n"  # row 7: blank in Excel (only separators)
            "63.10.02;Kusan Hilir;200\n")  # row 8
    t = read_table(csv_source(text))
    assert list(t.columns) == ["kode", "nama", "jumlah_kk", "_baris"]
    assert t["kode"].tolist() == ["63.10.01", "63.10.02"]
    assert t["_baris"].tolist() == [5, 8]
    assert t["jumlah_kk"].tolist() == [100.0, 200.0]


def test_header_merged_over_two_rows() -> None:
    # Excel writes a cell merged over rows 1-2 in row 1 only; the sub-headers sit in row 2. The import
    # readers score rows by known column names: row 1 has 4 (kode kec, kecamatan, tahun, jumlah kk),
    # row 2 has 5 (the rungs), so row 2 is the header and its empty cells take the text above them.
    text = ("Kode Kec;Kecamatan;Tahun;Jumlah KK;Jumlah KK per anak tangga;;;;\n"
            ";;;;Aman;Layak Sendiri;Layak Bersama;Belum Layak;BABS Terbuka\n"
            "63.10.01;Batulicin;2025;100;10;50;10;20;10\n")
    fields = [headers.AREA_CODE, headers.AREA_NAME, headers.YEAR, headers.HOUSEHOLDS, *headers.RUNG_COUNTS]
    t = read_table(csv_source(text), score=matching.header_score(fields))
    assert list(t.columns) == ["Kode Kec", "Kecamatan", "Tahun", "Jumlah KK", "Aman", "Layak Sendiri",
                               "Layak Bersama", "Belum Layak", "BABS Terbuka", "_baris"]
    assert t["_baris"].tolist() == [3]
    assert t["Kode Kec"].tolist() == ["63.10.01"]
    assert t["BABS Terbuka"].tolist() == [10.0]


@pytest.mark.parametrize("header", ["kode", "Kode Kec.", "kode_wilayah", "KDCPUM", "GID_3", "kode_bps", "ID"])
def test_codes_stay_text(header: str) -> None:
    t = read_table(csv_source(f"{header};nomor\n63.10.01;01\n01;02\n6310050;03\n"))
    assert t[header].tolist() == ["63.10.01", "01", "6310050"]
    # the same cells under a header that names no code are numbers: the header decides, not the cell
    assert t["nomor"].tolist() == [1.0, 2.0, 3.0]


def test_a_word_in_a_number_column_keeps_the_column_as_text() -> None:
    # nothing is blanked: the reader downstream must see 'lima' to report it
    t = read_table(csv_source("nama;nilai\nA;5\nB;lima\nC;\n"))
    assert t["nilai"].tolist() == ["5", "lima", None]


def test_empty_text_cells_are_none_not_nan() -> None:
    t = read_table(csv_source("nama;catatan\nA;\nB;ada\n"))
    assert t["catatan"].tolist() == [None, "ada"]


@pytest.mark.parametrize(("text", "decimal_comma"), [
    ("nama\tnilai\nA\t12,5\nB\t3,25\n", True),
    ("nama\tnilai\nA\t12.5\nB\t3.25\n", False),
    ("nama;nilai\nA;12.5\n", True),  # ';' files are Indonesian Excel: the separator decides
    ("nama,nilai\nA,12.5\n", False),
])
def test_decimal_convention(text: str, decimal_comma: bool) -> None:
    t = read_table(csv_source(text))
    assert t.attrs["desimal_koma"] is decimal_comma


def xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
    buf = _io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_rows_are_excel_rows() -> None:
    data = xlsx({"Data": [["Tabel 1. Akses sanitasi"], [], ["kode", "nama", "nilai"], ["63.10.01", "Batulicin", 5],
                          [], ["01", "Kusan Hilir", 6.5]]})
    t = read_table(Source("a.xlsx", data))
    assert t["_baris"].tolist() == [4, 6]
    assert t["kode"].tolist() == ["63.10.01", "01"]
    assert t["nilai"].tolist() == [5.0, 6.5]


def test_xlsx_sheets() -> None:
    data = xlsx({"Catatan": [["lembar ini hanya catatan"]], "Data": [["kode", "nilai"], ["63.10.01", 3]]})
    assert tables.sheet_names(Source("a.xlsx", data)) == ["Catatan", "Data"]
    assert tables.sheet_names(csv_source("kode;nilai\n1;2\n")) == []
    assert read_table(Source("a.xlsx", data), sheet="Data")["nilai"].tolist() == [3.0]
    with pytest.raises(DataError) as err:
        read_table(Source("a.xlsx", data), sheet="Data 2024")
    assert "yang ada: Catatan, Data" in err.value.problems[0].pesan


@pytest.mark.parametrize(("data", "name", "fragment"), [
    (b"", "a.csv", "berkas kosong"),
    (b"\r\n \n", "a.csv", "berkas kosong"),
    (b"kode;nama\n", "a.csv", "tidak ada baris data"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "foto.csv", "bukan tabel teks"),
    (b"%PDF-1.7\n", "laporan.csv", "bukan tabel teks"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "lama.xls", "format .xls lama tidak didukung"),
])
def test_files_that_are_not_tables(data: bytes, name: str, fragment: str) -> None:
    with pytest.raises(DataError) as err:
        read_table(Source(name, data))
    assert [p.pesan for p in err.value.problems if fragment in p.pesan], err.value.problems


def test_source_from_path_bytes_and_upload(tmp_path) -> None:
    path = tmp_path / "akses.csv"
    path.write_bytes(b"kode;nilai\n63.10.01;1\n")

    class Upload:  # what Streamlit's UploadedFile offers
        name = "unggahan.csv"

        def getvalue(self) -> bytes:
            return b"x"

    assert tables.source(path) == Source("akses.csv", b"kode;nilai\n63.10.01;1\n")
    assert tables.source(b"abc", name="b.csv") == Source("b.csv", b"abc")
    assert tables.source(Upload()) == Source("unggahan.csv", b"x")
    with pytest.raises(DataError, match="berkas tidak ditemukan"):
        tables.source(tmp_path / "tidak_ada.csv")


def test_source_refuses_files_over_the_upload_limit(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(tables, "MAX_BYTES", 10)
    (tmp_path / "besar.csv").write_bytes(b"x" * 11)
    for file in (tmp_path / "besar.csv", b"x" * 11):
        with pytest.raises(DataError, match="berkas terlalu besar"):
            tables.source(file)
    assert tables.source(b"x" * 10).data == b"x" * 10


@pytest.mark.parametrize(("header", "expected"), [
    ("Jumlah KK ", "jumlah_kk"),
    ("% Aman", "persen_aman"),
    ("Kode Kec.", "kode_kec"),
    ("  JML_KK", "jml_kk"),
    ("Biaya per KK (Rp)", "biaya_per_kk_rp"),
    (None, ""),
])
def test_normalise_header(header: object, expected: str) -> None:
    assert normalise_header(header) == expected
