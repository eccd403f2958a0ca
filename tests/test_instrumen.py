"""sanitasi.instrumen: the Instrumen SSK layout of the programme matrix, found among a sheet's cells and written back
as officials keep it (merged headings and programme cells, years as columns, numbers as numbers)."""

from __future__ import annotations

import io

import openpyxl
import pytest
from helpers import instrumen_xlsx
from openpyxl.utils import get_column_letter

from sanitasi import exports, instrumen
from sanitasi.load import Dataset
from sanitasi.tables import read_grid


@pytest.mark.parametrize(("written", "code"), [
    ("APBD Kabupaten", "apbd_kab"), ("APBD Kab.", "apbd_kab"), ("APBD II", "apbd_kab"), ("apbd_kab", "apbd_kab"),
    ("APBD Provinsi", "apbd_prov"), ("APBD Prov Kalsel", "apbd_prov"), ("DAK", "apbn_dak"), ("APBN/DAK", "apbn_dak"),
    ("Dana Desa", "dana_desa"), ("APBDes", "dana_desa"), ("CSR", "csr_baznas"), ("BAZNAS", "csr_baznas"),
    ("Swadaya Masyarakat", "swadaya"), ("Pinjaman", None), ("", None),
])
def test_funding_sources_as_officials_write_them(written: str, code: str | None) -> None:
    assert instrumen.source_code(written) == code


def test_the_year_columns_are_found_under_their_merged_headings() -> None:
    rows, _, _ = read_grid(instrumen_xlsx())
    layout = instrumen.find_layout(rows)
    assert layout is not None and layout.header == 4  # the fifth row holds the years; the title's "2026 - 2028" not
    by_column = {j: (g, y) for j, (g, y, _) in layout.years.items()}
    assert by_column == {12: ("volume", 2026), 13: ("volume", 2027), 14: ("volume", 2028),
                         15: ("biaya", 2026), 16: ("biaya", 2027), 17: ("biaya", 2028)}
    assert layout.years[13][2] == "Target Volume 2027"  # what a problem calls the column
    # headings merged over both rows are named by their top cell; the total column is not a year
    assert layout.names[2] == "Program" and layout.names[18] == "Jumlah"


def test_a_plain_table_has_no_instrumen_layout() -> None:
    assert instrumen.find_layout([["program", "tahun", "volume", "biaya"], ["P", 2026, 1, 100]]) is None


def test_the_workbook_is_kept_as_officials_keep_it(dataset: Dataset) -> None:
    data = exports.table_file("ssk", dataset.ssk, dataset.wilayah, ".xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["matriks_ssk"]
    assert wb.sheetnames == ["matriks_ssk", "penjelasan"]
    head = [c.value for c in ws[5]]
    years = [c.value for c in ws[6]]
    v, b = head.index("Volume"), head.index("Indikasi biaya (Rp)")
    assert years[v:v + 5] == years[b:b + 5] == [2025, 2026, 2027, 2028, 2029]
    merged = {str(r) for r in ws.merged_cells.ranges}
    spans = {f"{get_column_letter(c + 1)}5:{get_column_letter(c + 5)}5" for c in (v, b)}
    assert spans | {"A5:A6", "C5:C6"} <= merged  # headings over the years and over the two rows
    # programme and activity cells run down their rows: the first programme (environmental health) in C7:C<n>
    programme = [r for r in merged if r.startswith("C7:")]
    assert programme and int(programme[0].split(":C")[1]) > 7
    # the first row's money (in whichever year it has some) is a number with its thousands grouped
    first = next(ws.cell(7, c) for c in range(b + 1, b + 6) if ws.cell(7, c).value is not None)
    assert isinstance(first.value, int | float) and first.number_format == "#,##0"
    assert str(ws.cell(7, b + 6).value).startswith("=SUM(")  # the sum is Excel's to keep
    # kabupaten-wide rows say so; a desa row names its village
    places = {(ws.cell(r, 10).value, ws.cell(r, 11).value) for r in range(7, ws.max_row + 1)}
    assert ("63.10", instrumen.WHOLE_DISTRICT) in places
    desa = [(ws.cell(r, 12).value, ws.cell(r, 13).value) for r in range(7, ws.max_row + 1) if ws.cell(r, 12).value]
    assert desa and all(code.startswith("63.10.") and name for code, name in desa)
    assert "ilustratif" in {ws.cell(r, len(head)).value for r in range(7, ws.max_row + 1)}  # the rows' source


def test_a_formula_looking_name_cannot_run_in_excel_and_reads_back(dataset: Dataset) -> None:
    from sanitasi import readers
    from sanitasi.tables import Source

    frame = dataset.ssk.head(2).assign(sub_kegiatan="=HYPERLINK(\"x\")")
    data = exports.table_file("ssk", frame, dataset.wilayah, ".xlsx")
    ws = openpyxl.load_workbook(io.BytesIO(data))["matriks_ssk"]
    assert ws.cell(7, 7).value == "'=HYPERLINK(\"x\")"
    back = readers.read_kind("ssk", Source("m.xlsx", data), dataset.wilayah)
    assert set(back["sub_kegiatan"]) == {"=HYPERLINK(\"x\")"}
