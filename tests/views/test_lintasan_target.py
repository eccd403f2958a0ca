"""The Lintasan target page's view: the indicators offered, the trajectory with its facts and badge, the
district-only rule, and every kecamatan's small multiple."""

from __future__ import annotations

import pytest
from helpers import loaded

from sanitasi import documents, indicators, trajectories
from sanitasi.analysis import KABUPATEN, analyse
from sanitasi.views import lintasan_target as lt

RPJMN = "RPJMN 2020-2024"
SDG = "SDG 6.2 (2030)"
JAKSTRANAS = "Jakstranas 2025 (Perpres 97/2017)"
KUSAN_HILIR, KUSAN_TENGAH = "63.10.02", "63.10.11"


def values_of(spec: dict, layer: dict) -> list[dict]:
    return spec["datasets"][layer["data"]["name"]]


@pytest.mark.parametrize(("dokumen", "offered"), [
    (RPJMN, ["layak", "aman", "babs_terbuka"]),
    (SDG, ["aman", "babs_terbuka", "desa_odf"]),  # no layak target: SDG 6.2 asks for safely managed
    (JAKSTRANAS, ["sampah_pengurangan", "sampah_penanganan"]),
])
def test_options_are_the_documents_indicators(an, dokumen: str, offered: list[str]) -> None:
    assert lt.options(an, dokumen) == offered == documents.trajectory_indicators(an, dokumen)


@pytest.mark.parametrize(("indikator", "only"), [
    ("layak", False), ("desa_odf", False), ("genangan", False), ("sampah_pengurangan", True),
    ("sampah_penanganan", True),
])
def test_district_only_rule(indikator: str, only: bool) -> None:
    assert lt.district_only(indikator) is only
    assert (indicators.get(indikator).tingkat == "kabupaten") is only


def test_a_kecamatans_trajectory_facts_and_badge(an) -> None:
    r = lt.view(an, lt.Settings("layak", RPJMN, KUSAN_HILIR))
    tr = trajectories.trajectory(an, KUSAN_HILIR, "layak", RPJMN)
    assert r.status == tr.status == "tidak_tercapai"
    # the 2024 target is judged on 2024 (84,977% -> 85,0%) and the sentence says so before giving 2025
    assert r.kalimat == tr.kalimat == ("Kusan Hilir: target RPJMN 2020-2024 untuk akses layak (90% pada 2024) "
                                       "**tidak tercapai** (85,0% pada 2024). Pada 2025: **86,5%, kurang 3,5 poin**.")
    facts = dict(r.fakta)
    # Kusan Hilir 2025 (data/akses): (917 + 6,931 + 501) / 9,652 = 86.5%; RPJMN: 90% in 2024
    assert facts["Nilai terakhir"] == "86,5% (2025)"
    assert facts["Target"] == "90,0% (2024)"
    assert r.fakta == tuple(tr.facts)
    assert r.catatan == ""
    # 2018-2020 covered Kusan Tengah too: hollow points, explained under the chart
    assert r.catatan_lama.startswith("Titik kosong")


def test_trajectory_chart_spec(an) -> None:
    r = lt.view(an, lt.Settings("layak", RPJMN, KUSAN_HILIR))
    spec = r.lintasan.spec
    assert r.lintasan.name == f"lintasan_layak_{KUSAN_HILIR}"
    assert spec["usermeta"]["judul"] == ["Akses layak: Kusan Hilir"]
    assert spec["usermeta"]["sumber"][0].startswith("Sumber: data ILUSTRATIF")
    assert spec["height"] == 360
    obs = an.kec.query("kode_wilayah == @KUSAN_HILIR").sort_values("tahun")
    points = values_of(spec, spec["layer"][1])  # the observed points (filled and hollow share the frame)
    assert [p["tahun"] for p in points] == obs["tahun"].tolist()
    assert [p["nilai"] for p in points] == pytest.approx(obs["pct_layak"].tolist())
    assert [p["sebanding"] for p in points] == [False, False, False] + [True] * (len(obs) - 3)
    target_rule = [layer for layer in spec["layer"] if layer["mark"]["type"] == "rule"]
    assert [values_of(spec, layer)[0]["nilai"] for layer in target_rule] == [90.0]


def test_small_multiples_of_every_kecamatan(an) -> None:
    r = lt.view(an, lt.Settings("babs_terbuka", SDG, KUSAN_HILIR))
    assert r.semua_judul == "Semua kecamatan: BABS di tempat terbuka"
    assert r.semua_bantuan.endswith(f"target {SDG}.")
    assert r.semua is not None and r.semua.name == "lintasan_semua_babs_terbuka"
    spec = r.semua.spec
    assert spec["usermeta"]["judul"] == ["BABS di tempat terbuka per kecamatan, urut menurut status"]
    _, order = trajectories.small_multiples(an, "babs_terbuka", SDG)
    assert spec["facet"]["sort"] == order["judul"].tolist() and len(order) == 12
    rows = spec["datasets"][spec["data"]["name"]]
    assert {row["target"] for row in rows} == {0.0}  # SDG 6.2: no open defecation, in every kecamatan


def test_on_2020_boundaries_the_parent_is_shown(an) -> None:
    r = lt.view(an, lt.Settings("layak", RPJMN, KUSAN_TENGAH, basis="2020"))
    assert "Kusan Tengah" in r.catatan and "Kusan Hilir" in r.catatan
    assert r.lintasan.name == f"lintasan_layak_{KUSAN_HILIR}"
    assert r.lintasan.spec["usermeta"]["judul"] == ["Akses layak: Kusan Hilir"]
    assert r.catatan_lama == ""  # on its own old boundaries every year compares
    assert len(r.semua.spec["facet"]["sort"]) == 10  # the ten kecamatan of 2020


def test_a_district_only_indicator_has_no_kecamatan(an) -> None:
    # waste is measured for the district alone: whatever kecamatan was chosen before, the district is shown
    for kode in (None, KUSAN_HILIR):
        r = lt.view(an, lt.Settings("sampah_penanganan", JAKSTRANAS, kode))
        assert r.semua is None
        assert r.lintasan.name == f"lintasan_sampah_penanganan_{KABUPATEN}"
        assert r.lintasan.spec["usermeta"]["judul"] == ["Penanganan sampah: Kabupaten Tanah Bumbu"]
    # 2025 (data/sampah): 34,094 of 66,309 tonnes handled = 51.4%; Jakstranas: 70% in 2025
    assert dict(r.fakta)["Nilai terakhir"] == "51,4% (2025)"
    assert dict(r.fakta)["Target"] == "70,0% (2025)"


def test_district_and_english(an) -> None:
    r = lt.view(an, lt.Settings("layak", RPJMN, lang="en"))
    assert r.lintasan.spec["usermeta"]["judul"] == ["Adequate access: Tanah Bumbu Regency"]
    assert r.lintasan.spec["usermeta"]["sumber"][0].startswith("Source: ILLUSTRATIVE")
    assert r.kalimat == trajectories.trajectory(an, KABUPATEN, "layak", RPJMN, "en").kalimat
    assert r.semua_judul == "All kecamatan: Adequate access"


def test_source_line_follows_the_indicators_table(an) -> None:
    """ILLUSTRATIVE as long as the indicator's own table is: an imported access table leaves waste illustrative."""
    imported = analyse(loaded(an.data, akses=3))
    layak = lt.view(imported, lt.Settings("layak", RPJMN)).lintasan.spec["usermeta"]["sumber"][0]
    waste = lt.view(imported, lt.Settings("sampah_penanganan", JAKSTRANAS)).lintasan.spec["usermeta"]["sumber"][0]
    assert "ILUSTRATIF" not in layak and waste.startswith("Sumber: data ILUSTRATIF")
