"""sanitasi.exports: downloads that are safe to open in Excel, and templates that explain every column."""

from __future__ import annotations

import io as _io
import re

import openpyxl
import pandas as pd
import pytest

from sanitasi import exports, fmt, readers
from sanitasi.load import Dataset
from sanitasi.tables import Source

DANGEROUS = ["=1+1", "+62 812", "-2+3", "@SUM(A1:A9)", "\t=cmd", "\r", "=HYPERLINK(\"http://x\",\"klik\")"]
HARMLESS = ["Batulicin", "63.10.01", "a=b", "Rp 1.500.000", "", "'sudah dikutip"]


@pytest.mark.parametrize("cell", DANGEROUS)
def test_dangerous_text_cells_are_neutralised(cell: str) -> None:
    out = exports.neutralise(pd.DataFrame({"catatan": [cell]}))
    assert out["catatan"].tolist() == ["'" + cell]


@pytest.mark.parametrize("cell", HARMLESS)
def test_harmless_text_cells_are_untouched(cell: str) -> None:
    assert exports.neutralise(pd.DataFrame({"catatan": [cell]}))["catatan"].tolist() == [cell]


def test_numbers_are_untouched_and_the_input_is_not_changed() -> None:
    frame = pd.DataFrame({"nilai": [-5.5, 3.0], "jumlah": [-1, 2], "teks": ["-1", "+2"]})
    out = exports.neutralise(frame)
    assert out["nilai"].tolist() == [-5.5, 3.0] and out["nilai"].dtype == "float64"
    assert out["jumlah"].tolist() == [-1, 2] and out["jumlah"].dtype == "int64"
    assert out["teks"].tolist() == ["'-1", "'+2"]  # a negative number written as text is text
    assert frame["teks"].tolist() == ["-1", "+2"]  # a copy: the caller's frame keeps its values


@pytest.mark.parametrize("dtype", [object, "string", "str"])
def test_every_text_dtype_is_neutralised(dtype: object) -> None:
    out = exports.neutralise(pd.DataFrame({"catatan": pd.Series(["=1+1", "aman"], dtype=dtype)}))
    assert out["catatan"].tolist() == ["'=1+1", "aman"]


def test_headers_are_neutralised() -> None:
    out = exports.neutralise(pd.DataFrame({"=cmd|' /C calc'!A0": [1], "@x": [2], "kode": [3]}))
    assert list(out.columns) == ["'=cmd|' /C calc'!A0", "'@x", "kode"]


def test_csv_is_what_indonesian_excel_opens() -> None:
    frame = pd.DataFrame({"kecamatan": ["Batulicin", "=1+1"], "persen": [82.5, -1.25], "kk": [1234, 5]})
    data = exports.to_csv(frame)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, so Excel reads the encoding right
    lines = data.decode("utf-8-sig").splitlines()
    assert lines == ["kecamatan;persen;kk", "Batulicin;82,5;1234", "'=1+1;-1,25;5"]


def test_csv_keeps_non_ascii_text() -> None:
    data = exports.to_csv(pd.DataFrame({"catatan": ["Survei André, 30°", "a;b"]}))
    assert data.decode("utf-8-sig").splitlines()[1:] == ["Survei André, 30°", '"a;b"']  # ';' inside is quoted


def test_xlsx_opens_with_text_not_formulas() -> None:
    frame = pd.DataFrame({"catatan": DANGEROUS, "nilai": range(len(DANGEROUS))})
    wb = openpyxl.load_workbook(_io.BytesIO(exports.to_xlsx({"akses": frame, "x" * 40: frame})))
    assert wb.sheetnames == ["akses", "x" * 31]  # Excel's 31-character limit on sheet names
    ws = wb["akses"]
    cells = [ws.cell(row=r, column=1) for r in range(2, len(DANGEROUS) + 2)]
    assert [c.data_type for c in cells] == ["s"] * len(DANGEROUS)  # text, never 'f' (formula)
    assert [c.value for c in cells] == ["'" + d for d in DANGEROUS]
    assert [ws.cell(row=r, column=2).value for r in range(2, len(DANGEROUS) + 2)] == list(range(len(DANGEROUS)))


@pytest.mark.parametrize(("kind", "name"), exports.TEMPLATES)
def test_templates_explain_every_column(kind: str, name: str, dataset: Dataset) -> None:
    wb = openpyxl.load_workbook(_io.BytesIO(exports.template_xlsx(kind, dataset.wilayah, name)))
    assert wb.sheetnames == ["data", "penjelasan"]
    headers = [c.value for c in wb["data"][1]]
    assert headers == list(exports.template(kind, dataset.wilayah, name).columns)
    explained = {row[0]: row[1] for row in wb["penjelasan"].iter_rows(min_row=2, values_only=True)}
    assert [c.value for c in wb["penjelasan"][1]] == ["kolom", "arti"]
    missing = [h for h in headers if not explained.get(h)]
    assert not missing, missing


def test_access_template_lists_every_kecamatan(dataset: Dataset) -> None:
    t = exports.template("akses", dataset.wilayah)
    assert t["kode_wilayah"].tolist() == dataset.wilayah["kode"].tolist()  # the 12 real kecamatan, split included
    assert t["kecamatan"].tolist() == dataset.wilayah["nama"].tolist()
    assert set(t["satuan"]) == {"kk"} and set(t["resmi"]) == {"tidak"}
    assert exports.template("akses", dataset.wilayah, "kecamatan").equals(t)


def test_access_has_a_template_per_level(dataset: Dataset) -> None:
    """Dinkes' kecamatan counts and BPS's kabupaten percentages are two files: one template each."""
    assert [name for kind, name in exports.TEMPLATES if kind == "akses"] == ["kecamatan", "kabupaten"]
    kab = exports.template("akses", dataset.wilayah, "kabupaten")
    assert kab[["kode_wilayah", "wilayah", "satuan"]].values.tolist() == [["63.10", "Kabupaten Tanah Bumbu",
                                                                           "rumah_tangga"]]
    assert {"pct_layak", "pct_aman", "pct_babs_terbuka", "rse_layak", "ci_bawah_aman", "ci_atas_babs_terbuka"} <= \
        set(kab.columns) and "jumlah_kk" not in kab.columns
    # filled in, it loads as a kabupaten series of the source it names
    filled = kab.assign(pct_layak=[86.9], rse_layak=[1.1], resmi=["ya"])
    out = readers.read_akses(Source("susenas.csv", exports.to_csv(filled)), dataset.wilayah)
    assert out[["kode_wilayah", "tahun", "sumber", "satuan", "resmi", "pct_layak", "rse_layak"]].values.tolist() == \
        [["63.10", 2024, "BPS Susenas Maret 2024", "rumah_tangga", "ya", 86.9, 1.1]]
    with pytest.raises(ValueError, match="tidak ada templat"):
        exports.template("akses", dataset.wilayah, "desa")


@pytest.mark.parametrize("kind", ["batas", "batas_desa"])
def test_no_template_for_boundaries(kind: str, dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="tidak ada templat"):
        exports.template(kind, dataset.wilayah)


# ------------------------------------------------------------------------------------- issue 14: injection
def test_formula_starts_after_a_line_break_and_control_characters_are_neutralised() -> None:
    frame = pd.DataFrame({"komitmen": ["Verifikasi\r=cmd|' /C calc'!A0", "baik\n+1", "bel\x07l\x1b", "=SUM(A1)",
                                       "\r=cmd"]})
    out = exports.neutralise(frame)["komitmen"].tolist()
    assert out == ["Verifikasi\r'=cmd|' /C calc'!A0", "baik\n'+1", "bell", "'=SUM(A1)", "'\r'=cmd"]
    csv = exports.to_csv(frame).decode("utf-8-sig")
    assert not any(line.startswith(("=", "+")) for line in csv.replace("\r", "\n").split("\n")), csv
    book = openpyxl.load_workbook(_io.BytesIO(exports.to_xlsx({"k": frame})))  # control characters would break it
    assert [c.value for c in book["k"]["A"]][1:] == out


def test_imported_markup_in_a_slide_message_stays_text() -> None:
    name = "RPJMN <img src=x onerror=alert(1)> 2025 ![](http://contoh.id/x.png) [a](b)"
    said = fmt.inert(f"**Target** {name}", within=(name,))
    # every angle and square bracket escaped: no tag, no image, no link can start
    assert re.search(r"(?<!\\)[<>\[\]]", said) is None, said
    assert "\\<img" in said and "!\\[\\](" in said
    assert said.startswith("**Target**")  # our own emphasis stays
