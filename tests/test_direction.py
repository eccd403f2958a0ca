"""Down is good news where lower is better (open defecation, standing water): colours and words follow each
indicator's direction on cards, maps, rankings, tables and sentences."""

from __future__ import annotations

import pytest

from sanitasi import cards, indicators, maps
from sanitasi.charts.base import SEQ_BAD, SEQ_GOOD, _palette
from sanitasi.views import kecamatan, paparan, peta

SSK = "SSK 2025-2029 (ilustratif)"


def test_card_arrows_and_colours_follow_the_direction(an) -> None:
    by = {c.indikator: c for c in cards.cards(an, SSK)}
    # layak rose 1,5 points (good news: up, blue); open defecation fell 0,8 points (good news: down, blue). The
    # colour is decided here, not left to Streamlit, which takes "−0,8" (a true minus sign) for a rise.
    assert (by["layak"].delta_panah, by["layak"].delta_warna) == ("up", "blue")
    assert (by["babs_terbuka"].perubahan, by["babs_terbuka"].delta_panah, by["babs_terbuka"].delta_warna) == \
        ("−0,8 poin dari 2024", "down", "blue")
    water = next(c for c in cards.other_cards(an, SSK) if c.indikator == "genangan")
    # standing water 267,3 -> 246,3 ha: down, good news
    assert (water.delta_panah, water.delta_warna) == ("down", "blue")


@pytest.mark.parametrize(("diff", "arah", "look"), [
    (1.52, 1, ("up", "blue")), (-0.8, 1, ("down", "orange")),    # access: up is good
    (-0.8, -1, ("down", "blue")), (0.96, -1, ("up", "orange")),  # open defecation: down is good
    (0.04, 1, ("off", "gray")), (-0.04, -1, ("off", "gray")),    # no change at one decimal
])
def test_the_change_colour(diff, arah, look) -> None:
    assert cards.change_look(diff, arah) == look


def test_the_gap_is_said_in_the_indicators_direction(an) -> None:
    # open defecation 5,6% against 0%: above the target, not "short" of it
    assert cards.cards(an, SSK)[2].selisih == "**5,6 poin** di atas batas target."
    assert cards.cards(an, SSK)[0].selisih == "Kurang **7,8 poin** dari target."
    babs = maps.map_values(an, "babs_terbuka", SSK).set_index("kode")
    layak = maps.map_values(an, "layak", SSK).set_index("kode")
    assert babs.loc["63.10.08", "selisih_teks"] == "15,5 poin di atas batas target"  # Mantewe
    assert babs.loc["63.10.08", "selisih"] < 0  # signed by direction: negative = short, for every indicator
    assert layak.loc["63.10.08", "selisih_teks"] == "kurang 27,5 poin"  # 64,5% against 92%
    assert layak.loc["63.10.01", "selisih_teks"] == "memenuhi target"  # Batulicin 93,6% against 92%
    english = maps.map_values(an, "babs_terbuka", SSK, "en").set_index("kode")
    assert english.loc["63.10.08", "selisih_teks"] == "15.5 points above the target"


def test_rankings_put_the_best_first_in_each_direction(an) -> None:
    babs = maps.ranked(maps.map_values(an, "babs_terbuka", SSK), "babs_terbuka")
    layak = maps.ranked(maps.map_values(an, "layak", SSK), "layak")
    assert babs["nama"].iloc[0] == "Batulicin" and babs["nama"].iloc[-1] == "Teluk Kepayang"  # 0,5% .. 18,0%
    assert layak["nama"].iloc[0] == "Batulicin" and layak["nama"].iloc[-1] == "Teluk Kepayang"  # 93,6% .. 62,0%
    assert babs["nilai"].is_monotonic_increasing and layak["nilai"].is_monotonic_decreasing


@pytest.mark.parametrize(("indikator", "palette"), [
    ("layak", SEQ_GOOD), ("aman", SEQ_GOOD), ("desa_odf", SEQ_GOOD),
    ("babs_terbuka", SEQ_BAD), ("genangan", SEQ_BAD), ("stbm_od", SEQ_BAD),
])
def test_map_colours_darken_toward_worse_where_lower_is_better(indikator, palette) -> None:
    assert _palette(indikator) == palette


def test_the_gap_legend_says_plus_meets_the_target_in_the_indicators_unit(an) -> None:
    water = peta.view(an, peta.Settings("genangan", "63.10.04", SSK, warna="selisih"))
    babs = peta.view(an, peta.Settings("babs_terbuka", "63.10.04", SSK, warna="selisih"))
    titles = [charts_title(f.peta.spec) for f in (water, babs)]
    assert titles == ["Selisih ke target (ha; + memenuhi, − belum)", "Selisih ke target (poin; + memenuhi, − belum)"]


def charts_title(spec: dict) -> str:
    return spec["layer"][0]["encoding"]["color"]["title"]


@pytest.mark.parametrize(("indikator", "rate", "expected"), [
    ("babs_terbuka", -0.46, "−0,46 poin/tahun · membaik"),
    ("babs_terbuka", 0.3, "+0,30 poin/tahun · memburuk"),
    ("layak", 1.52, "+1,52 poin/tahun · membaik"),
    ("layak", -0.2, "−0,20 poin/tahun · memburuk"),
    ("genangan", -9.6, "−9,6 ha/tahun · membaik"),
    ("aman", 0.0, "±0 poin/tahun"),  # no change: neither
])
def test_a_pace_says_whether_it_is_good_news(indikator, rate, expected) -> None:
    assert cards.pace_text(indicators.get(indikator), rate) == expected


def test_tables_and_sentences_follow_the_direction(an) -> None:
    # the kecamatan profile: Mantewe's open defecation falls, and that reads as improving
    table = kecamatan.view(an, kecamatan.Settings("63.10.08", SSK)).tabel
    row = table.loc[(table["Dokumen"] == SSK) & (table["Indikator"] == "BABS di tempat terbuka")].iloc[0]
    assert row["Laju (poin/tahun)"].startswith("−") and row["Laju (poin/tahun)"].endswith("membaik")
    # the map slide: kecamatan "not yet meeting" an open-defecation target, the furthest being the highest
    slides = paparan.build(an, paparan.Settings(SSK, "babs_terbuka", 2029, "2026-12-01"), "sumber")
    peta = next(x for x in slides if x.kunci == "peta")
    assert peta.pesan == ("12 dari 12 kecamatan belum memenuhi target BABS di tempat terbuka 0% (2029); paling "
                          "jauh: Teluk Kepayang (18,0%), Mantewe (15,5%).")
    # a slow pace is "slower than needed", not "below" it (−0,5 is above −1,4 on a number line)
    assert "jauh lebih lambat dari yang diperlukan" in cards.headline(an, SSK, "babs_terbuka")
