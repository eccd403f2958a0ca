"""The source line under every chart says ILLUSTRATIVE exactly when a table the chart draws on is bundled; static
tables are escaped HTML."""
from __future__ import annotations

import io

import lxml.html
import pandas as pd
import pytest
from helpers import loaded

from sanitasi import i18n
from sanitasi.load import load_bundled
from sanitasi.views.display import html_table, source_line

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
    out = html_table(frame, ("Per tahun", (1.0, 386 / 1203, 0.0, None)))
    cells = [td for td in lxml.html.fromstring(out).xpath("//tbody/tr/td[1]")]
    assert [td.get("class") for td in cells] == ["n batang", "n batang", "n batang", "n"]
    assert [td.get("style") for td in cells] == ["--batang:100.0%", "--batang:32.1%", "--batang:0.0%", None]
    assert [td.text_content() for td in cells] == ["1.203", "386", "0", "1.589"]  # the figure stays, over its bar
    assert "batang" not in "".join(td.get("class") or "" for td in lxml.html.fromstring(out).xpath("//tbody/tr/td[2]"))
    # out of range is held to the cell, a missing length draws no bar
    clipped = html_table(frame, ("Per tahun", (2.0, -1.0, float("nan"), None)))
    assert "--batang:100.0%" in clipped and "--batang:0.0%" in clipped and clipped.count("batang:") == 2
    with pytest.raises(ValueError, match="3 bar lengths for 4 rows"):
        html_table(frame, ("Per tahun", (1.0, 0.5, 0.0)))


@pytest.mark.parametrize(("text", "right"), [("12", True), ("-3,5", True), ("+1,2%", True), ("Rp 6.500.000", True),
                                             ("Rp4,1 miliar", True), ("Rp819 juta", True), ("Tercapai", False),
                                             ("2025-2029", False), ("-", False), ("", False)])
def test_only_figures_make_a_column_of_figures(text: str, right: bool) -> None:
    out = html_table(pd.DataFrame({"a": ["x"], "b": [text]}))
    assert ("<td class='n'>" in out) is right
