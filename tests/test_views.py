"""What the pages show, computed by sanitasi.views, checked against hand-derived values and the engine."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sanitasi import fmt, indicators, maps, progress, views
from sanitasi.load import load_bundled
from sanitasi.views import KABUPATEN as KAB

RPJMN = "RPJMN 2020-2024"
SSK = "SSK 2022-2024 (ilustratif)"
SDG = "SDG 6.2 (2030)"


@pytest.fixture(scope="module")
def data():
    return load_bundled()


@pytest.fixture(scope="module")
def an(data) -> views.Analysis:
    return views.analyse(data)


@pytest.fixture(scope="module")
def an2021(data) -> views.Analysis:
    return views.analyse(data, 2021)


def kab_row(an: views.Analysis, year: int) -> pd.Series:
    return an.kab.loc[an.kab["tahun"] == year].iloc[0]


def test_analysis_judges_every_area_and_document(an: views.Analysis) -> None:
    # shares measured per kecamatan are judged for 12 kecamatan + the kabupaten: RPJMN 3 + SDG 3 (aman, babs,
    # desa_odf) + Visi 1 + SSK 4 (layak, aman, babs, desa_odf) = 11 targets x 13 areas; district-only targets
    # (Jakstranas 2 for waste, SSK 1 for standing water in hectares) only for the kabupaten: 3
    assert len(an.nilai) == 11 * 13 + 3
    district_only = an.nilai.loc[an.nilai["indikator"].isin(["sampah_pengurangan", "sampah_penanganan", "genangan"])]
    assert set(district_only["kode_wilayah"]) == {views.KABUPATEN}
    assert set(an.nilai["kode_wilayah"]) == {*an.kode_kecamatan, views.KABUPATEN}
    # the kabupaten is the sum of the published rows, year by year
    assert kab_row(an, 2020)["jumlah_kk"] == an.data.akses.query("tahun == 2020")["jumlah_kk"].sum()
    assert kab_row(an, 2025)["jumlah_kk"] == an.data.akses.query("tahun == 2025")["jumlah_kk"].sum()


def test_reference_year_cuts_the_data(an2021: views.Analysis) -> None:
    assert an2021.tahun == 2021
    assert an2021.kec["tahun"].max() == 2021
    assert (an2021.nilai["latest_year"].dropna() <= 2021).all()


def test_cards_match_the_engine(an: views.Analysis) -> None:
    cards = {c.indikator: c for c in views.cards(an, RPJMN)}
    assert list(cards) == list(indicators.HEADLINE)
    row = kab_row(an, 2025)
    prev = kab_row(an, 2024)
    layak = cards["layak"]
    assert layak.nilai == fmt.pct(row["pct_layak"])
    assert layak.perubahan.startswith(fmt.delta(row["pct_layak"] - prev["pct_layak"]))
    assert layak.delta_panah == ("up" if row["pct_layak"] > prev["pct_layak"] else "down")
    # households short of 90% in 2025: ceil(0.9 * N) - (aman + sendiri + bersama)
    have = row["kk_aman"] + row["kk_layak_sendiri"] + row["kk_layak_bersama"]
    short = math.ceil(0.9 * row["jumlah_kk"]) - have
    assert fmt.kk(short) in layak.selisih_kk
    # BABS: lower is better, so the colour of a fall is "good"
    assert cards["babs_terbuka"].delta_warna == "inverse" and layak.delta_warna == "normal"
    # RPJMN's year 2024 has passed in 2025 data and layak was below 90% then: not achieved
    assert layak.status == progress.Status.TIDAK_TERCAPAI
    assert all(c.status in {s.value for s in progress.Status} for c in cards.values())


def test_cards_without_a_target(an: views.Analysis) -> None:
    cards = {c.indikator: c for c in views.cards(an, SDG)}
    assert cards["layak"].status == "tanpa_target"  # SDG 6.2 sets no layak target in target.csv
    assert cards["aman"].status != "tanpa_target"


@pytest.mark.parametrize(("doc", "year", "indikator", "fragment"), [
    (RPJMN, 2025, "layak", "tidak tercapai"),
    (RPJMN, 2021, "layak", "perlu"),  # in 2021 the 2024 target is still ahead
    (SDG, 2025, "aman", "jauh di bawah"),
])
def test_headline_sentence(data, doc: str, year: int, indikator: str, fragment: str) -> None:
    an = views.analyse(data, year)
    text = views.headline(an, doc, indikator)
    a = an.nilai.query("kode_wilayah == @views.KABUPATEN and indikator == @indikator and dokumen == @doc").iloc[0]
    assert fmt.pct(a["latest_value"]) in text
    assert fragment in text.lower()


def test_map_values_before_the_split_show_the_parent(data) -> None:
    an = views.analyse(data, 2020)
    v = views.map_values(an, "layak", RPJMN).set_index("kode")
    # Kusan Tengah (63.10.11) did not exist in 2020: its polygon carries Kusan Hilir's value
    assert v.loc["63.10.11", "nilai"] == v.loc["63.10.02", "nilai"]
    assert "Kusan Hilir" in v.loc["63.10.11", "catatan"]
    assert v.loc["63.10.02", "catatan"] == ""
    assert len(v) == 12


def test_map_values_households_follow_the_indicator(an: views.Analysis) -> None:
    layak = views.map_values(an, "layak", RPJMN).set_index("kode")
    babs = views.map_values(an, "babs_terbuka", RPJMN).set_index("kode")
    row = an.kec.query("kode_wilayah == '63.10.08' and tahun == 2025").iloc[0]
    assert layak.loc["63.10.08", "kk"] == row["jumlah_kk"] - row["kk_aman"] - row["kk_layak_sendiri"] - \
        row["kk_layak_bersama"]
    assert babs.loc["63.10.08", "kk"] == row["kk_babs_terbuka"]
    # selisih is signed so that + means ahead of the target for both directions
    assert babs.loc["63.10.08", "selisih"] == pytest.approx(-(row["pct_babs_terbuka"] - 0.0))


@pytest.mark.parametrize(("value", "label"), [
    (59.99, "< 60%"), (60.0, "60–70%"), (89.99, "80–90%"), (90.0, "≥ 90%"), (100.0, "≥ 90%"),
])
def test_fixed_map_classes(value: float, label: str) -> None:
    assert maps._class_label(value, "layak", "id") == label
    assert views.class_labels("layak", "id") == ["< 60%", "60–70%", "70–80%", "80–90%", "≥ 90%"]


def test_ranking_follows_the_direction(an: views.Analysis) -> None:
    layak = views.ranked(views.map_values(an, "layak", RPJMN), "layak")
    babs = views.ranked(views.map_values(an, "babs_terbuka", RPJMN), "babs_terbuka")
    assert layak["nilai"].is_monotonic_decreasing and babs["nilai"].is_monotonic_increasing
    assert layak["peringkat"].tolist() == list(range(1, 13))
    assert layak.iloc[0]["nama"] in {"Batulicin", "Simpang Empat"}


def test_map_labels_and_tiles(an: views.Analysis) -> None:
    labels = views.map_labels(an)
    # the 7 two-word names (Kusan Hilir, Sungai Loban, Kusan Hulu, Simpang Empat, Karang Bintang, Kusan Tengah,
    # Teluk Kepayang) wrap onto two lines; one-word names stay on one
    assert len(labels) == 12 and labels["nama"].str.contains("\n").sum() == 7
    tiles = views.tiles(an, views.map_values(an, "layak", RPJMN))
    assert tiles[["kolom", "baris"]].drop_duplicates().shape[0] == 12
    assert tiles["label"].str.endswith("%").all()


def test_trajectory_of_the_district(an2021: views.Analysis) -> None:
    tr = views.trajectory(an2021, views.KABUPATEN, "layak", RPJMN)
    obs = an2021.kab.sort_values("tahun")
    expected = progress.assess(obs["tahun"], obs["pct_layak"], target=90.0, target_year=2024, direction=1)
    assert tr.assessment == expected
    assert tr.target == (2024, 90.0)
    # the RPJMN path starts at its baseline year 2019 with the observed value and ends at the target
    assert tr.path.iloc[0]["tahun"] == 2019
    assert tr.path.iloc[0]["nilai"] == pytest.approx(obs.loc[obs["tahun"] == 2019, "pct_layak"].iloc[0])
    assert tr.path.iloc[-1]["nilai"] == 90.0 and tr.path.iloc[-1]["jenis"] == "akhir"
    # the projection runs to the target year and ends at the projected value
    proj = tr.trend.loc[tr.trend["bagian"] == "proyeksi"]
    assert proj["tahun"].max() == 2024
    assert proj["nilai"].iloc[-1] == pytest.approx(expected.projected_value)
    assert dict(tr.facts)["Laju saat ini"] == fmt.rate(expected.current_rate)


def test_trajectory_of_a_passed_target_projects_to_the_expected_year(an: views.Analysis) -> None:
    tr = views.trajectory(an, views.KABUPATEN, "layak", RPJMN)
    assert tr.status == progress.Status.TIDAK_TERCAPAI
    assert tr.trend["tahun"].max() == min(tr.assessment.estimated_year, an.tahun + 10)


def test_trajectory_on_2020_boundaries(an: views.Analysis) -> None:
    child = views.trajectory(an, "63.10.12", "layak", RPJMN, basis="2020")
    assert child.kode == "63.10.05" and "Kusan Hulu" in child.catatan  # Teluk Kepayang is inside Kusan Hulu
    assert child.observed["tahun"].tolist() == list(range(2018, 2026))
    kini = views.trajectory(an, "63.10.05", "layak", RPJMN)
    assert not kini.observed["sebanding"].iloc[:3].any()  # 2018-2020 covered the larger area
    assert kini.observed["sebanding"].iloc[3:].all()


def test_small_multiples_are_ordered_by_status(an: views.Analysis) -> None:
    frame, order = views.small_multiples(an, "babs_terbuka", SDG)
    assert len(order) == 12 and set(frame["kode"]) == set(order["kode"])
    assert order["rank"].is_monotonic_increasing
    _, order2020 = views.small_multiples(an, "babs_terbuka", SDG, basis="2020")
    assert len(order2020) == 10


def test_profile(an: views.Analysis) -> None:
    child = views.profile_info(an, "63.10.11")
    assert "2021" in child.catatan and "Kusan Hilir" in child.catatan
    parent = views.profile_info(an, "63.10.02")
    assert "Kusan Tengah" in parent.catatan and parent.catatan_tangga
    row = an.kec.query("kode_wilayah == '63.10.08' and tahun == 2025").iloc[0]
    missing = {label: count for label, count, _ in views.without_access(an, "63.10.08")}
    assert missing["KK masih BABS di tempat terbuka"] == row["kk_babs_terbuka"]
    assert missing["KK belum akses aman"] == row["jumlah_kk"] - row["kk_aman"]
    ranks = {label: pos for label, pos, _, _ in views.ranks(an, "63.10.01")}
    assert ranks["Akses layak"] == 1  # Batulicin has the highest layak in 2025
    cmp = views.compare_with_district(an, "63.10.01")
    assert len(cmp) == 6 and cmp["nilai"].between(0, 100).all()
    table = views.profile_table(an, "63.10.01")
    assert len(table.frame) == 11  # every document x indicator that applies to a kecamatan


@pytest.mark.parametrize(("year", "doc", "indikator", "expected"), [
    (2025, RPJMN, "layak", 2030),  # target year passed: five years after the data
    (2021, RPJMN, "layak", 2024),  # still ahead: the document's year
    (2025, SDG, "aman", 2030),
    (2025, "Visi Indonesia 2045", "aman", 2045),
])
def test_default_reach_year(data, year: int, doc: str, indikator: str, expected: int) -> None:
    assert views.default_reach_year(views.analyse(data, year), doc, indikator) == expected


def test_needs_table_totals(an: views.Analysis) -> None:
    result = views.needs_table(an, "layak", 90.0, 2030, an.data.biaya)
    kec = result.table.loc[result.table["kode_wilayah"] != views.KABUPATEN]
    total = result.table.loc[result.table["kode_wilayah"] == views.KABUPATEN].iloc[0]
    assert len(kec) == 12
    assert total["kesenjangan_kk"] == kec["kesenjangan_kk"].sum() == result.total_kk
    # layak cost per household: 0.8 x 6.5 million + 0.2 x 4.5 million = 6.1 million
    assert result.biaya_per_kk == pytest.approx(6_100_000)
    assert result.total_biaya == pytest.approx(result.total_kk * 6_100_000)
    assert result.total_per_tahun == pytest.approx(result.total_kk / 5)
    assert fmt.kk(result.total_kk) in result.ringkasan
    assert list(result.display.columns)[0] == "Kecamatan" and len(result.display) == 13


def test_cost_editor_keeps_the_file_and_rejects_negative(an: views.Analysis) -> None:
    editor = views.cost_editor(an.data.biaya, "aman")
    edited = editor.frame.assign(biaya_per_kk=[-5.0, 2_000_000.0], porsi=[1.0, 2.0])
    out = views.costs_from_editor(an.data.biaya, "aman", edited).set_index("kode")
    base = an.data.biaya.set_index("kode")
    assert out.loc["penyedotan_terjadwal", "biaya_per_kk"] == base.loc["penyedotan_terjadwal", "biaya_per_kk"]
    assert out.loc["peningkatan_tangki_septik", "biaya_per_kk"] == 2_000_000.0
    assert out.loc["peningkatan_tangki_septik", "porsi"] == base.loc["peningkatan_tangki_septik", "porsi"]
    assert an.data.biaya.set_index("kode").equals(base)  # the loaded table is untouched


def test_scenario(an: views.Analysis) -> None:
    series, reached = views.scenario(an, "layak", 90.0, 3000.0)
    kab = reached.loc[reached["kode_wilayah"] == KAB].iloc[0]
    assert kab["alokasi"] == 3000.0
    assert reached.loc[reached["kode_wilayah"] != KAB, "alokasi"].sum() == pytest.approx(3000.0)
    assert str(int(kab["tahun_capai"])) in views.scenario_text(reached, 90.0, "layak")
    assert views.default_scenario(views.needs_table(an, "layak", 90.0, 2030, an.data.biaya)) % 100 == 0


def test_methods_tables_cover_the_registries(an: views.Analysis) -> None:
    m = views.methods(an)
    assert len(m.indicators) == len(indicators.REGISTRY)
    assert len(m.statuses) == len(progress.Status)
    assert "R ≥ 0,95" in m.statuses.iloc[:, 1].tolist()
    assert len(m.targets) == len(an.data.target)
    assert m.files.iloc[:, 3].str.contains("ILUSTRATIF").sum() >= 2


def test_methods_formula_is_written_from_the_registry(an: views.Analysis) -> None:
    m = views.methods(an)
    formulas = dict(zip(m.indicators.iloc[:, 0], m.indicators.iloc[:, 4], strict=True))
    assert formulas["Akses layak"] == "100 × (kk_aman + kk_layak_sendiri + kk_layak_bersama) / jumlah_kk"
    assert formulas["Akses aman"] == "100 × kk_aman / jumlah_kk"


def test_map_on_a_boundary_file_from_before_the_split(data) -> None:
    """A BIG file from 2020 has 10 polygons: parents carry their children's households again."""
    from dataclasses import replace

    from sanitasi import lineage

    wil = data.wilayah.set_index("kode")
    parent_of = {k: (wil.loc[k, "pemekaran_dari"] if isinstance(wil.loc[k, "pemekaran_dari"], str) else k)
                 for k in wil.index}
    old = data.batas.assign(kode=data.batas["kode"].map(parent_of)).dissolve(by="kode", as_index=False)
    assert len(old) == 10
    an = views.analyse(replace(data, batas=old))
    assert views.map_basis(an) == 2020
    v = views.map_values(an, "layak", RPJMN).set_index("kode")
    assert len(v) == 10 and "63.10.11" not in v.index
    combined = lineage.on_boundaries_of(data.akses, data.wilayah, 2020)
    expected = combined.query("kode_wilayah == '63.10.02' and tahun == 2025").iloc[0]
    assert v.loc["63.10.02", "nilai"] == pytest.approx(expected["pct_layak"])
    assert "Kusan Tengah" in v.loc["63.10.02", "catatan"]
    # choosing Kusan Tengah on such a map shows the polygon that holds it
    assert views.map_row(an, v.reset_index(), "63.10.11")["kode"] == "63.10.02"
    # the bundled (12-polygon) map draws today's kecamatan
    assert views.map_basis(views.analyse(data)) is None


def test_target_documents_picks_the_chosen_document_or_the_one_that_sets_the_target(an) -> None:
    docs = views.target_documents(an, ("layak", "sampah_pengurangan", "bukan_indikator"), "RPJMN 2020-2024")
    # RPJMN sets household access; waste is judged against Jakstranas; an unknown code has no document
    assert docs == {"layak": "RPJMN 2020-2024", "sampah_pengurangan": "Jakstranas 2025 (Perpres 97/2017)"}
    assert docs == {k: views.target_document(an, k, "RPJMN 2020-2024") for k in docs}


def test_final_target_is_the_documents_last_district_target(an) -> None:
    assert views.final_target(an, "RPJMN 2020-2024", "layak") == (2024, 90.0)
    assert views.final_target(an, "SDG 6.2 (2030)", "aman") == (2030, 100.0)
    assert views.final_target(an, "RPJMN 2020-2024", "sampah_pengurangan") is None
