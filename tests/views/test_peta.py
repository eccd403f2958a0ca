"""The Peta page's view: the map in each colour mode and layout, the ranking beside it, the chosen kecamatan's box."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import loaded

from sanitasi import charts, i18n, indicators, maps
from sanitasi.analysis import analyse
from sanitasi.views import peta

RPJMN = "RPJMN 2020-2024"
MANTEWE = "63.10.08"


def settings(**kw) -> peta.Settings:
    return peta.Settings(**{"indikator": "layak", "kode": MANTEWE, "dokumen": RPJMN, **kw})


@pytest.fixture(scope="module")
def r(an) -> peta.Peta:
    return peta.view(an, settings())


def values_of(spec: dict) -> list[dict]:
    """The rows of the chart's one inline dataset (the ranking, the tile map)."""
    (values,) = spec["datasets"].values()
    return values


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
    features = shapes["data"]["values"]
    assert len(features) == len(an.data.wilayah)
    by = {f["properties"]["kode"]: f["properties"] for f in features}
    assert by[MANTEWE]["nilai_teks"] == "64,5%" and by[MANTEWE]["kelas"] == "60–70%"
    assert shapes["encoding"]["color"]["field"] == "properties.kelas"
    # the chosen kecamatan is outlined: one shape drawn over the twelve
    assert [f["properties"]["kode"] for f in outline["data"]["values"]] == [MANTEWE]
    assert r.catatan_batas == ""  # today's boundaries


@pytest.mark.parametrize(("warna", "field"), [
    ("nilai", "kelas"), ("selisih", "selisih"), ("status", "status_teks"),
])
def test_colour_mode_colours_map_and_ranking_alike(an, warna: str, field: str) -> None:
    r = peta.view(an, settings(warna=warna))
    assert r.peta.spec["layer"][0]["encoding"]["color"]["field"] == f"properties.{field}"
    assert r.peringkat.spec["layer"][0]["encoding"]["color"]["field"] == field


def test_tile_layout(an) -> None:
    r = peta.view(an, settings(tampilan="petak"))
    spec = r.peta.spec
    assert "projection" not in spec and spec["width"] == {"step": 92}  # tiles: a grid of equal steps
    tiles = values_of(spec)
    assert len(tiles) == len(an.data.wilayah)
    mantewe = next(t for t in tiles if t["kode"] == MANTEWE)
    assert mantewe["label"] == "Mantewe\n64,5%"
    assert spec["layer"][0]["encoding"]["strokeWidth"]["condition"]["test"] == f"datum.kode == '{MANTEWE}'"
    assert r.peta.name == f"peta_layak_{an.tahun}"


def test_ranking_spec(an, r) -> None:
    spec = r.peringkat.spec
    assert r.peringkat.name == "peringkat_layak"
    assert spec["usermeta"]["judul"] == ["Peringkat kecamatan"]
    # RPJMN's final layak target: 90% in 2024, as the dashed rule and the line above the source
    assert spec["usermeta"]["sumber"][0] == "Garis putus = target 90% (2024)"
    rule = spec["layer"][2]
    assert rule["mark"]["type"] == "rule" and spec["datasets"][rule["data"]["name"]] == [{"target": 90.0}]
    bars = spec["datasets"][spec["layer"][0]["data"]["name"]]
    assert [b["peringkat"] for b in bars] == list(range(1, 13))
    assert [b["nilai"] for b in bars] == sorted((b["nilai"] for b in bars), reverse=True)  # best first


def test_ranking_without_a_target(an) -> None:
    # Jakstranas sets waste targets only: no rule, and a line saying so above the source line
    r = peta.view(an, settings(dokumen="Jakstranas 2025 (Perpres 97/2017)"))
    spec = r.peringkat.spec
    assert len(spec["layer"]) == 2
    assert spec["usermeta"]["sumber"][0] == "Jakstranas 2025 (Perpres 97/2017) tidak menetapkan target akses layak."
    assert spec["usermeta"]["sumber"][1].startswith("Sumber:")
    assert r.rincian.status == "tanpa_target"


def test_the_status_ranking_says_which_year_the_colours_speak_of(an) -> None:
    r = peta.view(an, settings(indikator="aman", dokumen="RPJMN 2020-2024", warna="status"))
    assert r.peringkat.spec["usermeta"]["sumber"][0] == ("Garis putus = target 15% (2024) · warna = status pada "
                                                          "2024, batang = nilai 2025")


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
    assert len(r.peta.spec["layer"][0]["data"]["values"]) == 10
    assert peta.view(an, settings(tampilan="petak")).catatan_batas == ""  # the tile map draws all twelve
