"""The Persampahan & drainase page's view: waste cards against the document that sets them, their trajectories,
standing water on the map and over the years."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import loaded

from sanitasi import cards, charts, trajectories
from sanitasi.analysis import KABUPATEN, analyse
from sanitasi.views import sampah_drainase as sd

RPJMN = "RPJMN 2020-2024"
SSK = "SSK 2022-2024 (ilustratif)"
SSK_NOW = "SSK 2025-2029 (ilustratif)"  # the running SSK: sets waste and standing water for 2025-2029
JAKSTRANAS = "Jakstranas 2025 (Perpres 97/2017)"


@pytest.fixture(scope="module")
def r(an) -> sd.SampahDrainase:
    return sd.view(an, sd.Settings(dokumen=RPJMN))


@pytest.mark.parametrize(("dokumen", "judged", "year", "handled"), [
    # RPJMN sets no waste target: the running document that does, the SSK 2025-2029 (listed before Jakstranas)
    (RPJMN, SSK_NOW, 2029, "perlu_percepatan"),
    # a document that sets waste targets judges them itself: Jakstranas, 70% handled by 2025, not reached (51.4%)
    (JAKSTRANAS, JAKSTRANAS, 2025, "tidak_tercapai"),
])
def test_waste_cards_are_judged_against_the_document_that_sets_them(an, dokumen, judged, year, handled) -> None:
    r = sd.view(an, sd.Settings(dokumen=dokumen))
    assert len(r.sampah) == 2
    (reduce,), (handle,) = (w.kartu for w in r.sampah)
    assert (reduce.indikator, handle.indikator) == sd.WASTE
    # 2025 (data/sampah): 10,406 and 34,094 of 66,309 tonnes = 15.7% reduced and 51.4% handled
    assert (reduce.nilai, handle.nilai) == ("15,7%", "51,4%")
    assert reduce.target == f"Target **30%** pada {year} ({judged})"
    assert handle.target == f"Target **70%** pada {year} ({judged})"
    assert handle.status == handled
    for w, k in zip(r.sampah, sd.WASTE, strict=True):
        assert w.kalimat == trajectories.trajectory(an, KABUPATEN, k, judged).kalimat


def test_waste_trajectory_charts(r) -> None:
    """Each waste indicator with a target has its trajectory, named as its tab, across the page's width."""
    assert r.jalur == r.sampah and [w.judul for w in r.jalur] == ["Pengurangan sampah", "Penanganan sampah"]
    for w, k, title in zip(r.sampah, sd.WASTE, ("Pengurangan sampah", "Penanganan sampah"), strict=True):
        spec = w.lintasan.spec
        assert w.lintasan.name == f"lintasan_{k}"
        assert spec["height"] == sd.WASTE_HEIGHT == 280
        assert spec["usermeta"]["judul"] == [title]
        assert spec["usermeta"]["sumber"][0].startswith("Sumber: data ILUSTRATIF")
    rule = next(layer for layer in r.sampah[1].lintasan.spec["layer"] if layer["mark"]["type"] == "rule")
    assert r.sampah[1].lintasan.spec["datasets"][rule["data"]["name"]][0]["nilai"] == 70.0


def test_waste_without_any_document(an) -> None:
    """Data whose target table has no waste document: the cards stay, with no target and no trajectory."""
    target = an.data.target.loc[~an.data.target["indikator"].str.startswith("sampah")]
    r = sd.view(analyse(replace(an.data, target=target)), sd.Settings(dokumen=RPJMN))
    assert [w.kartu[0].status for w in r.sampah] == ["tanpa_target", "tanpa_target"]
    assert [(w.kalimat, w.lintasan) for w in r.sampah] == [(None, None), (None, None)]
    assert r.jalur == ()  # no trajectory: no tabs for them


def test_standing_water_map(an, r) -> None:
    spec = r.peta.spec
    assert r.peta.name == f"peta_genangan_{an.tahun}"
    assert spec["height"] == 420
    assert spec["usermeta"]["judul"] == [f"Luas genangan per kecamatan, {an.tahun}"]
    assert spec["usermeta"]["sumber"][0].startswith("Sumber: data ILUSTRATIF")
    rows = spec["datasets"][charts.MAP_VALUES]  # what each kecamatan shows, looked up by its code
    drainase = an.data.drainase.loc[an.data.drainase["tahun"] == an.tahun].set_index("kode_wilayah")
    assert len(rows) == len(spec["datasets"][charts.MAP_SHAPES]) == len(drainase) == 12
    for row in rows:
        assert row["nilai"] == pytest.approx(drainase.loc[row["kode"], "genangan_ha"])
    assert not any(row["dipilih"] for row in rows)  # no kecamatan outlined: the district's map
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["geoshape", "geoshape", "text", "text"]


@pytest.mark.parametrize(("dokumen", "judged", "final"), [
    (RPJMN, SSK_NOW, 150.0),  # RPJMN sets no standing-water target: the running document that does (150 ha, 2029)
    (SSK, SSK, 200.0),  # SSK 2022-2024: 200 ha by 2024
])
def test_standing_water_trajectory(an, dokumen: str, judged: str, final: float) -> None:
    r = sd.view(an, sd.Settings(dokumen=dokumen))
    tr = trajectories.trajectory(an, KABUPATEN, "genangan", judged)
    assert r.kalimat == tr.kalimat
    spec = r.lintasan.spec
    assert r.lintasan.name == "lintasan_genangan"
    assert spec["height"] == 300
    assert spec["usermeta"]["judul"] == ["Luas genangan: Kabupaten Tanah Bumbu"]
    rule = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "rule")
    assert spec["datasets"][rule["data"]["name"]][0]["nilai"] == final


def test_english(an) -> None:
    r = sd.view(an, sd.Settings(dokumen=RPJMN, lang="en"))
    assert r.sampah[1].kartu[0].nilai == "51.4%"
    assert r.sampah[1].lintasan.spec["usermeta"]["judul"] == ["Waste handling"]
    assert r.lintasan.spec["usermeta"]["sumber"][0].startswith("Source: ILLUSTRATIVE")
    assert list(r.sampah[0].kartu) == cards.cards(an, RPJMN, "en", codes=("sampah_pengurangan",),
                                                  docs={"sampah_pengurangan": SSK_NOW})


def test_source_lines_follow_the_waste_and_drainage_tables(an) -> None:
    imported = analyse(loaded(an.data, drainase=3))
    r = sd.view(imported, sd.Settings(dokumen=RPJMN))
    assert r.sampah[0].lintasan.spec["usermeta"]["sumber"][0].startswith("Sumber: data ILUSTRATIF")
    for fig in (r.peta, r.lintasan):
        assert "ILUSTRATIF" not in fig.spec["usermeta"]["sumber"][0]


def test_the_published_sipsn_figures_are_the_real_points(an) -> None:
    r = sd.view(an, sd.Settings(dokumen=RPJMN))
    # KLHK SIPSN 2024 for Tanah Bumbu: 48.070,14 of 63.206,32 tonnes handled = 76,05%; 10.786,53 reduced = 17,07%
    assert "2024: 63.206 ton" in r.nyata and "Penanganan sampah 2024: 76,1%" not in r.nyata
    assert "Pengurangan sampah 2024: 17,1%" in r.nyata and "penanganan sampah 2024: 76,1%" in r.nyata
    handled = r.sampah[1].lintasan.spec
    points = [v for data in handled["datasets"].values() for v in data if v.get("label", "").endswith("(KLHK SIPSN)")]
    assert [(p["tahun"], round(p["nilai"], 2)) for p in points] == [(2024, 76.05)]
    # drawn: the layer of these points takes its colour from a field they carry, a series the legend names
    (layer,) = [ly for ly in handled["layer"] if ly["mark"]["type"] == "point"
                and any(v.get("label", "").endswith("(KLHK SIPSN)") for v in handled["datasets"][ly["data"]["name"]])]
    colour = layer["encoding"]["color"]
    assert [p[colour["field"]] for p in points] == ["Tanah Bumbu, angka nyata (KLHK SIPSN)"]
    assert points[0][colour["field"]] in colour["scale"]["domain"]
    assert handled["usermeta"]["sumber"][1] == "Pembanding: Tanah Bumbu, angka nyata (KLHK SIPSN)"
