"""The Peta page's view: the map in each colour mode and layout, the ranking beside it, the chosen kecamatan's box."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
import vl_convert
from helpers import loaded

from sanitasi import charts, i18n, indicators, maps
from sanitasi.analysis import analyse
from sanitasi.views import peta
from sanitasi.views.display import html_table

RPJMN = "RPJMN 2020-2024"
MANTEWE = "63.10.08"


def settings(**kw) -> peta.Settings:
    return peta.Settings(**{"indikator": "layak", "kode": MANTEWE, "dokumen": RPJMN, **kw})


@pytest.fixture(scope="module")
def r(an) -> peta.Peta:
    return peta.view(an, settings())


def values_of(spec: dict) -> list[dict]:
    """The rows of what the map shows (its named table: a kecamatan's values on the choropleth, a tile's)."""
    return spec["datasets"][charts.MAP_VALUES]


def on_screen(fig) -> str:
    """A map's spec as the page sends it, without its data (Streamlit sends those apart)."""
    return json.dumps(charts.fit_title({k: v for k, v in fig.spec.items() if k != "datasets"}), sort_keys=True)


def drawn_title(fig) -> str:
    """The title Vega draws from the spec as on screen, with its data (vl-convert, as the picture exports)."""
    svg = vl_convert.vegalite_to_svg(charts.fit_title(fig.spec))
    return re.search("aria-label=\"Title text '(.*?)'\"", svg).group(1)


def test_options_and_heading(an) -> None:
    assert peta.options() == maps.map_indicators()
    assert all(indicators.get(k).tingkat == "kecamatan" for k in peta.options())  # no district-only waste
    assert peta.heading(an) == f"Peta per kecamatan, {an.tahun}"
    assert peta.heading(an, "en") == f"Map by kecamatan, {an.tahun}"


def test_detail_box_of_the_chosen_kecamatan(an, r) -> None:
    # Mantewe 2025 (data/akses): 5,784 households, 110 + 3,509 + 112 = 3,731 with adequate access = 64.5%;
    # 5,784 - 3,731 = 2,053 without; RPJMN's 90% target leaves a gap of 64.5 - 90 = -25.5 points
    d = r.rincian
    assert (d.nama, d.label, d.nilai, d.kk) == ("Mantewe", "Akses layak", "64,5%", "2.053 KK")
    assert d.target_selisih == "Target 90% · kurang 25,5 poin"  # the gap in words (tests/test_direction.py)
    assert d.label_kk == i18n.t("grafik.kk_tanpa_layak", "id")
    assert d.ke_profil == "Buka profil Kecamatan Mantewe"
    assert d.catatan == ""
    # the status is the engine's, the badge reads it
    row = maps.map_values(an, "layak", RPJMN).set_index("kode").loc[MANTEWE]
    assert d.status == row["status"] == "tidak_tercapai"


def test_detail_follows_indicator_and_language(an) -> None:
    r = peta.view(an, settings(indikator="babs_terbuka", lang="en"))
    row = an.kec.query("kode_wilayah == @MANTEWE and tahun == @an.tahun").iloc[0]
    # open defecation: households still practising it are the ones short; the target is 0%
    assert r.rincian.kk == f"{int(row['kk_babs_terbuka']):,} households"
    assert r.rincian.label == "Open defecation"
    # open defecation above 0% is above the target, not "short" of it
    assert r.rincian.target_selisih == "Target 0% · 15.5 points above the target"
    assert r.rincian.ke_profil == "Open the profile of Mantewe"


def test_area_map_spec(an, r) -> None:
    spec = r.peta.spec
    assert r.peta.name == f"peta_layak_{an.tahun}"
    assert spec["usermeta"]["judul"] == [f"Akses layak per kecamatan, {an.tahun}"]
    assert spec["usermeta"]["sumber"][0].startswith("Sumber: data ILUSTRATIF")
    assert spec["height"] == 470
    # the click selection the page listens to is the one the chart declares
    assert r.peta_pilih == charts.SELECT_PARAM
    assert [p["name"] for p in spec["params"]] == [r.peta_pilih]
    shapes, outline = spec["layer"][:2]
    features = spec["datasets"][shapes["data"]["name"]]
    assert len(features) == len(an.data.wilayah)
    by = {row["kode"]: row for row in values_of(spec)}
    assert by[MANTEWE]["nilai_teks"] == "64,5%" and by[MANTEWE]["kelas"] == "60–70%"
    assert shapes["encoding"]["color"]["field"] == "kelas"
    # the chosen kecamatan is outlined: the shapes drawn again, only the one marked chosen
    assert outline["data"] == shapes["data"] and {"filter": "datum.dipilih"} in outline["transform"]
    assert [k for k, row in by.items() if row["dipilih"]] == [MANTEWE]
    assert r.catatan_batas == ""  # today's boundaries


@pytest.mark.parametrize("tampilan", peta.LAYOUTS)
def test_a_new_year_or_kecamatan_changes_the_maps_data_not_its_spec(dataset, tampilan: str) -> None:
    """Stepping through the years, or clicking another kecamatan, sends the same spec with other data: Streamlit
    then replaces the data in the drawn map instead of building it anew (a year step on Peta: no new picture,
    only the fills that change). The title reads its year from the data."""
    figs = {(year, kode): peta.view(analyse(dataset, year), settings(tampilan=tampilan, kode=kode)).peta
            for year, kode in ((2023, MANTEWE), (2024, MANTEWE), (2024, "63.10.01"))}
    assert len({on_screen(f) for f in figs.values()}) == 1
    assert "2023" not in on_screen(figs[(2023, MANTEWE)]) and "2024" not in on_screen(figs[(2024, MANTEWE)])
    rows = {key: values_of(f.spec) for key, f in figs.items()}
    assert rows[(2023, MANTEWE)] != rows[(2024, MANTEWE)]  # the figures of each year
    assert [r["kode"] for r in rows[(2024, "63.10.01")] if r["dipilih"]] == ["63.10.01"]
    for (year, _), fig in figs.items():
        assert drawn_title(fig) == f"Akses layak per kecamatan, {year}"
    # another colouring or language is another chart: its spec may differ
    other = peta.view(analyse(dataset, 2024), settings(tampilan=tampilan, warna="status")).peta
    assert on_screen(other) != on_screen(figs[(2024, MANTEWE)])


@pytest.mark.parametrize(("warna", "field"), [
    ("nilai", "kelas"), ("selisih", "selisih"), ("status", "status_teks"),
])
def test_colour_mode_colours_map_and_ranking_alike(an, warna: str, field: str) -> None:
    """Each ranked bar takes the fill its kecamatan has on the map: the map's class or status colour, or the gap's
    stops mixed in RGB as the map's scale mixes them."""
    r = peta.view(an, settings(warna=warna))
    colour = r.peta.spec["layer"][0]["encoding"]["color"]
    assert colour["field"] == field
    by_name = {row["nama"]: row for row in values_of(r.peta.spec)}
    names = r.peringkat.frame["Kecamatan"].tolist()
    fills = r.peringkat.batang.warna
    scale = colour["scale"]
    for name, fill in zip(names, fills, strict=True):
        p = by_name[name]
        if warna == "selisih":
            assert scale["interpolate"] == "rgb" and scale["domain"] == [g for g, _ in charts.GAP_STOPS]
            assert fill == charts.blend(list(zip(scale["domain"], scale["range"], strict=True)), p["selisih"])
        else:
            assert fill == dict(zip(scale["domain"], scale["range"], strict=False))[p[field]]
    if warna == "selisih":  # short of the target orange, past it blue
        gaps = [by_name[n]["selisih"] for n in names]
        assert {fill for fill, g in zip(fills, gaps, strict=True) if g <= -25} <= {"#b54e00"}


def test_tile_layout(an) -> None:
    r = peta.view(an, settings(tampilan="petak"))
    spec = r.peta.spec
    assert "projection" not in spec and spec["width"] == {"step": 92}  # tiles: a grid of equal steps
    tiles = values_of(spec)
    assert len(tiles) == len(an.data.wilayah)
    mantewe = next(t for t in tiles if t["kode"] == MANTEWE)
    assert mantewe["label"] == "Mantewe\n64,5%"
    assert spec["layer"][0]["encoding"]["strokeWidth"]["condition"]["test"] == "datum.dipilih"
    assert [t["kode"] for t in tiles if t["dipilih"]] == [MANTEWE]
    assert r.peta.name == f"peta_layak_{an.tahun}"


def test_ranking_table(an, r) -> None:
    """Best first, a bar each on one scale with the value beside it, the chosen kecamatan outlined, the target
    (RPJMN's final layak target: 90% in 2024) a dashed line at its place and named above the table."""
    t = r.peringkat
    assert r.peringkat_judul == "Peringkat kecamatan"
    assert r.peringkat_keterangan == "Garis putus = target 90% (2024)"
    values = maps.ranked(maps.map_values(an, "layak", "RPJMN 2020-2024", "id"), "layak")
    assert t.frame.columns.tolist() == ["Kecamatan", "", "Nilai 2025"]
    assert t.frame["Kecamatan"].tolist() == values["nama"].tolist()
    assert t.frame["Nilai 2025"].tolist() == values["nilai_teks"].tolist()
    nilai = values["nilai"].tolist()
    assert nilai == sorted(nilai, reverse=True)  # best first
    assert t.batang.kolom == "" and t.batang.garis == pytest.approx(0.9)  # the 0-100% scale: 90% at nine tenths
    assert list(t.batang.panjang) == pytest.approx([v / 100 for v in nilai])
    assert t.frame["Kecamatan"].iloc[t.pilih] == "Mantewe"
    assert "ILUSTRATIF" in t.sumber
    out = html_table(t.frame, t.batang, t.warna, t.pilih)
    assert out.count("<tr class='pilih'>") == 1 and out.count("--garis:90.0%") == len(values)


def test_a_small_share_is_ranked_on_a_scale_that_shows_it(an) -> None:
    """Safe access is far below 50%: the bars end at 5 points past the largest value or target, not at 100%."""
    r = peta.view(an, settings(indikator="aman", dokumen="RPJMN 2020-2024"))
    values = maps.ranked(maps.map_values(an, "aman", "RPJMN 2020-2024", "id"), "aman")
    top = charts.ranking_top(values, "aman", 15.0)
    assert top < 50 and top % 5 == 0 and top >= max(values["nilai"].max(), 15.0)
    assert r.peringkat.batang.garis == pytest.approx(15.0 / top)
    assert max(r.peringkat.batang.panjang) == pytest.approx(values["nilai"].max() / top)


def test_ranking_without_a_target(an) -> None:
    # Jakstranas sets waste targets only: no line, and a line above the table saying so
    r = peta.view(an, settings(dokumen="Jakstranas 2025 (Perpres 97/2017)"))
    assert r.peringkat.batang.garis is None
    assert r.peringkat_keterangan == "Jakstranas 2025 (Perpres 97/2017) tidak menetapkan target akses layak."
    assert r.peringkat.sumber.startswith("Sumber:")
    assert "garis" not in html_table(r.peringkat.frame, r.peringkat.batang)
    assert r.rincian.status == "tanpa_target"


def test_the_status_ranking_says_which_year_the_colours_speak_of(an) -> None:
    r = peta.view(an, settings(indikator="aman", dokumen="RPJMN 2020-2024", warna="status"))
    assert r.peringkat_keterangan == "Garis putus = target 15% (2024) · warna = status pada 2024, batang = nilai 2025"


def test_source_line_follows_the_indicators_table(an) -> None:
    """ILLUSTRATIVE as long as the indicator's own table is: an imported access table does not make the STBM
    figures official."""
    imported = analyse(loaded(an.data, akses=3))
    layak = peta.view(imported, settings()).peta.spec["usermeta"]["sumber"][0]
    odf = peta.view(imported, settings(indikator="desa_odf")).peta.spec["usermeta"]["sumber"][0]
    assert layak.startswith("Sumber: ") and "ILUSTRATIF" not in layak
    assert odf.startswith("Sumber: data ILUSTRATIF")


def test_boundary_file_from_before_the_split(data) -> None:
    """A 2020 boundary file draws 10 kecamatan: the map says so, and a newer kecamatan shows its parent."""
    wil = data.wilayah.set_index("kode")
    parent_of = {k: (p if isinstance(p := wil.loc[k, "pemekaran_dari"], str) else k) for k in wil.index}
    old = data.batas.assign(kode=data.batas["kode"].map(parent_of)).dissolve(by="kode", as_index=False)
    an = analyse(replace(data, batas=old))
    r = peta.view(an, settings(kode="63.10.11"))  # Kusan Tengah, inside Kusan Hilir on this map
    assert r.catatan_batas == maps.map_note(an) != ""
    assert r.rincian.nama == "Kusan Hilir"
    assert "Kusan Tengah" in r.rincian.catatan
    assert len(r.peta.spec["datasets"][charts.MAP_SHAPES]) == 10
    assert peta.view(an, settings(tampilan="petak")).catatan_batas == ""  # the tile map draws all twelve


@pytest.mark.parametrize("tampilan", peta.LAYOUTS)
def test_the_gap_map_without_a_target_draws_every_kecamatan_grey(an, tampilan: str) -> None:
    """RPJMN 2025-2029 sets no target for adequate access: coloured by the gap, every kecamatan is drawn in the
    no-data grey, as its bar in the ranking is (the map drew the shapes with no fill: blank but for the names)."""
    r = peta.view(an, settings(dokumen="RPJMN 2025-2029", warna="selisih", tampilan=tampilan))
    assert all(row["selisih"] is None for row in values_of(r.peta.spec))
    assert set(r.peringkat.batang.warna) == {charts.NO_DATA}
    svg = vl_convert.vegalite_to_svg(charts.fit_title(r.peta.spec))
    marks = "mark-shape" if tampilan == "wilayah" else "mark-rect"
    group = re.search(rf'<g class="{marks} role-mark [^"]*"[^>]*>(.*?)</g>', svg, re.S).group(1)  # the first layer
    fills = re.findall(r'<path[^>]*?fill="([^"]*)"', group)
    assert len(fills) == len(an.data.wilayah) and set(fills) == {charts.NO_DATA}
