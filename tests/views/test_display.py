"""The source line under every chart says ILLUSTRATIVE exactly when a table the chart draws on is bundled; static
tables are escaped HTML."""
from __future__ import annotations

import io

import lxml.html
import pandas as pd
import pytest
from helpers import loaded

from sanitasi import charts, i18n
from sanitasi.load import load_bundled
from sanitasi.views.display import Bars, html_table, source_line

BUNDLED = load_bundled()


def line(d, *kinds: str) -> str:
    return source_line(d, *kinds)


def official(d, **versions: int):
    return loaded(d, **versions)


def test_bundled_data_is_labelled_illustrative_everywhere() -> None:
    for kinds in [(), ("stbm",), ("sampah",), ("drainase",), ("kegiatan",), ("stbm", "akses")]:
        assert line(BUNDLED, *kinds).startswith("Sumber: data ILUSTRATIF")


@pytest.mark.parametrize("loaded, kinds, illustrative", [
    ({"akses": 1}, (), False),                      # default is the access table
    ({"akses": 1}, ("stbm",), True),                # STBM chart still draws on bundled STBM
    ({"akses": 1}, ("stbm", "akses"), True),        # one bundled table is enough
    ({"akses": 1, "stbm": 2}, ("stbm", "akses"), False),
    ({"stbm": 2}, ("stbm",), False),
    ({"stbm": 2}, (), True),                        # access still bundled
    ({"sampah": 3}, ("drainase",), True),
    ({"kegiatan": 4}, ("kegiatan",), False),
])
def test_the_line_follows_the_tables_the_chart_uses(loaded: dict, kinds: tuple, illustrative: bool) -> None:
    d = official(BUNDLED, **loaded)
    text = line(d, *kinds)
    assert ("ILUSTRATIF" in text) is illustrative
    key = "grafik.sumber_ilustratif" if illustrative else "grafik.sumber"
    assert text == i18n.t(key, "id", versi=d.versi, tanggal="28 November 2026")


def test_a_static_table_is_escaped_text_with_figures_aligned_right() -> None:
    frame = pd.DataFrame({"Kecamatan": ["<img src=x onerror=alert(1)>", "2029"],
                          "Akses": ["85,2%", "1.234 KK"], "Catatan": ["[tautan](http://example.com)", None],
                          "Realisasi": ["9,1%", "belum ada data"], "Predikat": ["Sedang", "–"]})
    out = html_table(frame)
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "<a " not in out and "[tautan](http://example.com)" in out
    # the first column names each row and stays left, even a year
    assert "<th scope='row'>2029</th>" in out and out.count("<th scope='row'") == 2
    # a column of figures is aligned right with its heading, also where a cell says there is none yet
    assert "<th scope='col' class='n'>Akses</th>" in out and "<td class='n'>1.234 KK</td>" in out
    assert "<th scope='col' class='n'>Realisasi</th>" in out and "<td class='n'>belum ada data</td>" in out
    assert "<th scope='col'>Catatan</th>" in out and "<th scope='col'>Predikat</th>" in out
    assert "<td></td>" in out  # a missing value is an empty cell, not "None"
    read = pd.read_html(io.StringIO(out), flavor="lxml", keep_default_na=False)[0]
    assert read.columns.tolist() == frame.columns.tolist() and read["Akses"].tolist() == ["85,2%", "1.234 KK"]


def test_a_column_of_figures_can_be_drawn_over_bars() -> None:
    frame = pd.DataFrame({"Kecamatan": ["Satui", "Angsana", "Batulicin", "Jumlah"],
                          "Per tahun": ["1.203", "386", "0", "1.589"], "Biaya": ["Rp13 miliar", "Rp4,2 miliar", "Rp0",
                                                                                 "Rp17,2 miliar"]})
    out = html_table(frame, Bars("Per tahun", (1.0, 386 / 1203, 0.0, None)))
    cells = [td for td in lxml.html.fromstring(out).xpath("//tbody/tr/td[1]")]
    assert [td.get("class") for td in cells] == ["n batang", "n batang", "n batang", "n"]
    assert [td.get("style") for td in cells] == ["--batang:100.0%", "--batang:32.1%", "--batang:0.0%", None]
    assert [td.text_content() for td in cells] == ["1.203", "386", "0", "1.589"]  # the figure stays, over its bar
    assert "batang" not in "".join(td.get("class") or "" for td in lxml.html.fromstring(out).xpath("//tbody/tr/td[2]"))
    # out of range is held to the cell, a missing length draws no bar
    clipped = html_table(frame, Bars("Per tahun", (2.0, -1.0, float("nan"), None)))
    assert "--batang:100.0%" in clipped and "--batang:0.0%" in clipped and clipped.count("batang:") == 2
    with pytest.raises(ValueError, match="3 bar lengths for 4 rows"):
        html_table(frame, Bars("Per tahun", (1.0, 0.5, 0.0)))


def test_bars_in_their_own_colours_stand_alone_with_a_target_line_and_a_chosen_row() -> None:
    frame = pd.DataFrame({"Kecamatan": ["Batulicin", "Satui", "Mantewe"], "": ["", "", ""],
                          "Nilai 2025": ["93,6%", "80,5%", "64,5%"]})
    bars = Bars("", (0.936, 0.805, None), ("#0b5d4f", "#2c8f84", "#9fd0c7"), 0.9)
    out = html_table(frame, bars, chosen=1)
    tree = lxml.html.fromstring(out)
    cells = tree.xpath("//tbody/tr/td[1]")
    assert [td.get("class") for td in cells] == ["batang lajur garis", "batang lajur garis", "lajur garis"]
    assert [td.get("style") for td in cells] == ["--batang:93.6%;--warna:#0b5d4f;--garis:90.0%",
                                                 "--batang:80.5%;--warna:#2c8f84;--garis:90.0%", "--garis:90.0%"]
    assert [tr.get("class") for tr in tree.xpath("//tbody/tr")] == [None, "pilih", None]
    assert tree.xpath("//thead/tr/th[2]")[0].get("class") is None  # the heading carries no bar
    with pytest.raises(ValueError, match="bar colours must be"):
        html_table(frame, Bars("", (0.1, 0.2, 0.3), ("red", "#000000", "#000000")))
    with pytest.raises(ValueError, match="2 bar colours for 3 rows"):
        html_table(frame, Bars("", (0.1, 0.2, 0.3), ("#000000", "#000000")))


def test_cells_take_a_background_and_the_text_colour_that_reads_on_it() -> None:
    frame = pd.DataFrame({"OPD": ["PUPR", "DLH"], "Akses layak": ["Rp2,6 miliar", ""], "Jumlah": ["Rp5,2 miliar",
                                                                                                 "Rp3,9 miliar"]})
    out = html_table(frame, fills=((None, "#08519c", None), (None, None, "#deebf7")))
    cells = lxml.html.fromstring(out).xpath("//tbody/tr/td")
    assert [td.get("style") for td in cells] == ["background:#08519c;color:#ffffff", None, None,
                                                 f"background:#deebf7;color:{charts.INK}"]
    assert charts.contrast("#ffffff", "#08519c") >= 4.5 and charts.contrast(charts.INK, "#deebf7") >= 4.5
    with pytest.raises(ValueError, match="is not '#rrggbb'"):
        html_table(frame, fills=((None, "url(x)", None), (None, None, None)))
    with pytest.raises(ValueError, match="for 3 columns"):
        html_table(frame, fills=((None, None), (None, None)))


@pytest.mark.parametrize(("text", "right"), [("12", True), ("-3,5", True), ("+1,2%", True), ("Rp 6.500.000", True),
                                             ("Rp4,1 miliar", True), ("Rp819 juta", True), ("Tercapai", False),
                                             ("2025-2029", False), ("-", False), ("", False)])
def test_only_figures_make_a_column_of_figures(text: str, right: bool) -> None:
    out = html_table(pd.DataFrame({"a": ["x"], "b": [text]}))
    assert ("<td class='n'>" in out) is right
