"""Two sources of the district's figure: the official kabupaten series leads, the roll-up stands beside it, and
nothing is ever added or averaged across them."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from sanitasi import cards, comparison, fmt, sources
from sanitasi.analysis import KABUPATEN, analyse
from sanitasi.contracts import AKSES
from sanitasi.schema import validate
from sanitasi.trajectories import trajectory
from sanitasi.views import lintasan_target, paparan, ringkasan

SUSENAS = "BPS Susenas Maret 2024"
YEARS = [2019, 2020, 2021, 2022, 2023, 2024]
LAYAK = [76.1, 77.0, 78.2, 79.5, 81.0, 83.1]
AMAN = [5.0, 5.6, 6.3, 7.0, 7.6, 8.1]
BABS = [9.0, 8.4, 7.9, 7.1, 6.6, 6.0]


def susenas(resmi: str = "ya") -> pd.DataFrame:
    rows = pd.DataFrame({"kode_wilayah": "63.10", "tahun": YEARS, "sumber": SUSENAS, "satuan": "rumah_tangga",
                         "resmi": resmi, "pct_layak": LAYAK, "pct_aman": AMAN, "pct_babs_terbuka": BABS,
                         "rse_layak": [1.9] * 6})
    return validate(rows.astype(str), AKSES)


@pytest.fixture(scope="module")
def both(data):
    """The bundled kecamatan counts (illustrative KK) and an official Susenas series for the kabupaten."""
    akses = pd.concat([data.akses, susenas()], ignore_index=True)
    return analyse(dataclasses.replace(data, akses=akses))


def test_the_official_kabupaten_series_leads_and_the_roll_up_stays(both, an) -> None:
    assert list(both.seri) == [SUSENAS] and both.district() == SUSENAS
    assert both.district(sources.REKAP) == sources.REKAP
    # the kecamatan and their roll-up are exactly what they were without the Susenas rows
    pd.testing.assert_frame_equal(both.kab, an.kab)
    pd.testing.assert_frame_equal(both.kec, an.kec)


def test_the_district_figure_is_the_chosen_sources_never_a_blend(both) -> None:
    by = {c.indikator: c for c in cards.cards(both, "RPJMN 2020-2024")}
    # 2025 is the latest access year, but Susenas ends in 2024: its card shows Susenas 2024 exactly
    assert by["layak"].nilai == fmt.pct(83.1) and SUSENAS in by["layak"].sumber and "resmi" in by["layak"].sumber
    rekap = {c.indikator: c for c in cards.cards(both, "RPJMN 2020-2024", seri=sources.REKAP)}
    roll = both.kab.sort_values("tahun").iloc[-1]
    assert rekap["layak"].nilai == fmt.pct(roll["pct_layak"]) and "rekap kecamatan" in rekap["layak"].sumber
    blend = (83.1 + both.kab.loc[both.kab["tahun"] == 2024, "pct_layak"].iloc[0]) / 2
    assert by["layak"].nilai != fmt.pct(blend)
    # a share has no households of its own: the households short are the roll-up's, and the card says so
    # (today's households: the latest counts, 2025, while Susenas ends in 2024; the card names that year)
    assert "rekap kecamatan 2025" in by["layak"].selisih_kk


def test_each_series_is_judged_on_its_own_values(both) -> None:
    a = both.nilai.loc[(both.nilai["kode_wilayah"] == KABUPATEN) & (both.nilai["indikator"] == "layak")
                       & (both.nilai["dokumen"] == "RPJMN 2020-2024")].set_index("seri")
    assert a.loc[SUSENAS, "latest_value"] == pytest.approx(83.1) and a.loc[SUSENAS, "latest_year"] == 2024
    assert a.loc[sources.REKAP, "latest_year"] == 2025  # the roll-up keeps its own years
    # 2024 is the target year of RPJMN 2020-2024: Susenas 83,1% < 90% -> not reached
    assert a.loc[SUSENAS, "status"] == "tidak_tercapai"


def test_the_comparison_names_both_sources_and_the_difference(both) -> None:
    pairs = comparison.pairs(both)
    layak = next(p for p in pairs if p.indikator == "layak")
    roll = float(both.kab.loc[both.kab["tahun"] == 2024, "pct_layak"].iloc[0])
    assert layak.tahun == 2024 and layak.nilai_seri == pytest.approx(83.1) and layak.nilai_rekap == pytest.approx(roll)
    assert layak.selisih == pytest.approx(83.1 - roll)
    assert SUSENAS in layak.kalimat and "rekap kecamatan" in layak.kalimat
    assert fmt.pct(83.1) in layak.kalimat and fmt.pct(roll) in layak.kalimat
    assert fmt.number(abs(83.1 - roll), 1) in layak.kalimat
    assert layak.ilustratif and "ILUSTRATIF" in layak.kalimat  # the roll-up is of illustrative counts
    r = ringkasan.view(both, ringkasan.Settings(dokumen="RPJMN 2020-2024"))
    assert layak.kalimat in r.banding and r.banding_tabel is not None and not r.banding_catatan


def test_without_a_kabupaten_series_the_overview_says_where_its_figure_comes_from(an) -> None:
    r = ringkasan.view(an, ringkasan.Settings(dokumen="RPJMN 2020-2024"))
    assert r.banding == () and r.banding_tabel is None
    assert "belum dimuat" in r.banding_catatan and "rekap kecamatan" in r.banding_catatan
    # the national figure as published, with its source, as context
    assert "Akses layak: Indonesia 2024: 83,6% (BPS, Indikator Kesejahteraan Rakyat 2024)" in r.rujukan[0]


def test_the_district_trajectory_draws_the_chosen_series_and_the_others_beside_it(both) -> None:
    tr = trajectory(both, KABUPATEN, "layak", "RPJMN 2020-2024", "id")
    assert tr.observed["tahun"].tolist() == YEARS and tr.observed["nilai"].tolist() == LAYAK
    assert tr.sumber == SUSENAS and not tr.ilustratif
    labels = set(tr.pembanding["label"])
    assert any("rekap kecamatan" in x for x in labels) and "Indonesia (BPS Susenas)" in labels
    chart = lintasan_target.view(both, lintasan_target.Settings("layak", "RPJMN 2020-2024")).lintasan.spec
    assert chart["usermeta"]["sumber"][0].startswith(f"Sumber: {SUSENAS} · v")
    assert chart["usermeta"]["sumber"][1].startswith("Pembanding: Kabupaten, rekap kecamatan")


def test_the_clinic_opens_with_the_comparison(both) -> None:
    slides = paparan.view(both, paparan.Settings("RPJMN 2020-2024", "layak", 2029, "2026-12-01")).slides
    assert slides[1].kunci == "banding" and SUSENAS in slides[1].pesan and slides[1].ada_tabel


def test_a_series_marked_unofficial_does_not_lead_by_itself(data) -> None:
    akses = pd.concat([data.akses, susenas(resmi="tidak")], ignore_index=True)
    an2 = analyse(dataclasses.replace(data, akses=akses))
    assert an2.district() == sources.REKAP and an2.district(SUSENAS) == SUSENAS


# ----------------------------------------------------------------------------------------- on screen
@pytest.fixture
def stored(tmp_path, monkeypatch, dataset):
    """A store whose active version holds the bundled kecamatan counts and the official Susenas series."""
    import streamlit as st

    from sanitasi import store

    monkeypatch.setenv(store.ENV_URL, f"sqlite:///{tmp_path / 'dua.db'}")
    st.cache_resource.clear()
    s = store.Store()
    s.save("akses", pd.concat([dataset.akses, susenas()], ignore_index=True),
           store.Meta("susenas.csv", "x", "uji"), bundled=dataset)
    yield s
    st.cache_resource.clear()


def test_the_overview_shows_both_numbers_and_both_sources(stored) -> None:
    from pathlib import Path

    from helpers import card_notes, prose, shown_values
    from streamlit.testing.v1 import AppTest

    page = str(Path(__file__).resolve().parent.parent / "app_pages" / "ringkasan.py")
    at = AppTest.from_file(page, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert shown_values(at)[0] == fmt.pct(83.1)  # the official series leads
    shown = "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + prose(at))
    assert SUSENAS in shown and "rekap kecamatan" in shown
    assert SUSENAS in card_notes(at)[0]  # the card says where its figure comes from
    assert at.sidebar.selectbox(key="seri").value == SUSENAS  # and the choice is offered
    at.sidebar.selectbox(key="seri").set_value(sources.REKAP).run()
    assert shown_values(at)[0] != fmt.pct(83.1) and "rekap kecamatan" in card_notes(at)[0]
