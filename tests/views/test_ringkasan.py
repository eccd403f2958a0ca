"""The Ringkasan page's view: the district's cards, the sentence, the rest of the strategy, the ladder, the table."""

from __future__ import annotations

import pytest

from sanitasi import cards, fmt, i18n, indicators
from sanitasi.analysis import KABUPATEN, assessment
from sanitasi.views import ringkasan

RPJMN = "RPJMN 2020-2024"


@pytest.fixture(scope="module")
def r(an) -> ringkasan.Ringkasan:
    return ringkasan.view(an, ringkasan.Settings(dokumen=RPJMN))


def test_cards_are_the_district_against_the_document(an, r) -> None:
    assert [c.indikator for c in r.kartu] == list(indicators.HEADLINE)
    for card in r.kartu:
        a = assessment(an, KABUPATEN, card.indikator, RPJMN)
        assert card.status == a["status"]
        row = an.kab.loc[an.kab["tahun"] == an.tahun].iloc[0]
        assert card.nilai == fmt.pct(row[indicators.get(card.indikator).kolom])


def test_sentence_and_intro_name_the_year_and_the_document(an, r) -> None:
    assert r.kalimat == cards.headline(an, RPJMN, "layak")
    assert str(an.tahun) in r.pengantar and RPJMN in r.pengantar
    assert RPJMN in r.tabel_bantuan
    # a document without a headline target (Jakstranas sets waste only) gives no sentence
    waste = ringkasan.view(an, ringkasan.Settings(dokumen="Jakstranas 2025 (Perpres 97/2017)"))
    assert waste.kalimat is None
    assert [c.status for c in waste.kartu] == ["tanpa_target"] * 3


def test_the_rest_of_the_strategy_is_judged_against_its_own_documents(r) -> None:
    by = {c.indikator: c for c in r.lainnya}
    assert set(by) == {"desa_odf", "sampah_pengurangan", "sampah_penanganan", "genangan"}
    # RPJMN sets no waste target: the running document that does (the SSK 2025-2029, listed before Jakstranas)
    assert "SSK 2025-2029 (ilustratif)" in by["sampah_penanganan"].target


def test_ladder_chart_draws_the_districts_rungs(an, r) -> None:
    spec = r.tangga.spec
    assert r.tangga.name == "tangga_kabupaten"
    assert spec["usermeta"]["judul"] == [i18n.t("ringkasan.tangga_judul", "id")]
    assert spec["usermeta"]["sumber"][0].startswith("Sumber: data ILUSTRATIF")
    values = next(iter(spec["datasets"].values()))
    years = sorted({v["tahun"] for v in values})
    assert years == sorted(int(y) for y in an.kab["tahun"])
    # each year's five rungs add up to 100%
    for y in years:
        assert sum(v["persen"] for v in values if v["tahun"] == y) == pytest.approx(100.0)


def test_status_table_has_every_kecamatan_with_sortable_numbers(an, r) -> None:
    frame = r.tabel.frame
    assert len(frame) == len(an.data.wilayah)
    # the column says the year of its values (a status may speak of an earlier one, and then says so)
    assert frame[f"Akses layak {an.tahun} (%)"].dtype.kind == "f"
    html = r.tabel.styler.to_html()
    assert fmt.number(frame[f"Akses layak {an.tahun} (%)"].iloc[0], 1) in html  # decimal comma on screen
