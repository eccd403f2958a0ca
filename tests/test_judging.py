"""Which year a status speaks of: one decision (sanitasi.judging) that the card, the status map, the status table
and the deck all show, for every kecamatan and the district."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from sanitasi import analysis, cards, charts, documents, judging, maps
from sanitasi.analysis import KABUPATEN
from sanitasi.views import kecamatan, paparan, peta, ringkasan

RPJMN_OLD = "RPJMN 2020-2024"
RPJMN_NOW = "RPJMN 2025-2029"
SIMPANG_EMPAT = "63.10.06"


def test_simpang_empat_missed_the_2024_target_and_meets_it_since_2025(an) -> None:
    """Akses aman 14,24% in 2024 against 15% (RPJMN 2020-2024): not reached in its year; 15,50% in 2025."""
    j = judging.judge(an, SIMPANG_EMPAT, "aman", RPJMN_OLD)
    assert (j.status, j.judged_year, j.latest_year, j.sejak) == ("tidak_tercapai", 2024, 2025, 2025)
    assert j.judged_value == pytest.approx(14.236, abs=1e-3) and j.latest_value == pytest.approx(15.502, abs=1e-3)
    assert judging.status_text(j) == "Tidak tercapai pada 2024 (14,2%); memenuhi target sejak 2025"
    card = next(c for c in kecamatan.view(an, kecamatan.Settings(SIMPANG_EMPAT, RPJMN_OLD)).kartu
                if c.indikator == "aman")
    assert card.nilai == "15,5%" and card.status_label == judging.status_text(j)
    assert card.selisih == "2024 (tahun target): 14,2%, kurang 0,8 poin; 2025: 15,5%, memenuhi target sejak 2025."
    assert "+0,5" not in card.selisih  # the gap of the latest value is not set beside the 2024 status
    # in English
    assert judging.judged_text(j, "en") == ("2024 (target year): 14.2%, 0.8 points short; 2025: 15.5%, meets the "
                                            "target since 2025")


def test_the_district_card_gives_both_years(an) -> None:
    """Layak 82,66% in 2024 (the target year, 90%: 7,3 points short), 84,18% in 2025 (5,8 points short)."""
    layak = cards.cards(an, RPJMN_OLD)[0]
    assert layak.status_label == "Tidak tercapai pada 2024 (82,7%)"
    assert layak.selisih == "2024 (tahun target): 82,7%, kurang 7,3 poin; 2025: 84,2%, kurang 5,8 poin."
    # open defecation, where lower is better: the gap is above the target, not short of it
    babs = cards.cards(an, RPJMN_OLD)[2]
    assert babs.selisih == ("2024 (tahun target): 6,3%, 6,3 poin di atas batas target; 2025: 5,6%, 5,6 poin di atas "
                            "batas target.")


def test_a_target_still_ahead_is_judged_on_the_latest_value(an) -> None:
    j = judging.judge(an, KABUPATEN, "aman", RPJMN_NOW)
    assert (j.judged_year, j.latest_year, j.target_year, j.lewat) == (2025, 2025, 2029, False)
    assert judging.judged_text(j) == "" and judging.status_text(j) == "Kemajuan lambat"


def test_a_document_without_the_indicator_says_so_and_names_the_one_that_sets_it(an) -> None:
    layak = cards.cards(an, RPJMN_NOW)[0]
    assert (layak.status, layak.nilai) == ("tanpa_target", "84,2%")
    assert layak.target == "RPJMN 2025-2029 tidak menetapkan target akses layak."
    assert layak.selisih == "Target indikator ini ada di SSK 2025-2029 (ilustratif): 92% pada 2029."
    babs = cards.cards(an, RPJMN_NOW, "en")[2]
    assert babs.target == "RPJMN 2025-2029 sets no open defecation target."
    j = judging.judge(an, KABUPATEN, "layak", RPJMN_NOW)
    assert (j.dokumen, j.status, j.latest_value) == (None, judging.NO_TARGET, pytest.approx(84.1785, abs=1e-4))


@pytest.mark.parametrize(("values", "status", "judged", "since"), [
    # (2022, 2023, 2024, 2025) against 15% by 2024
    ((10.0, 12.0, 14.0, 16.0), "tidak_tercapai", (2024, 14.0), 2025),   # missed, met since 2025
    ((10.0, 12.0, 14.0, 14.5), "tidak_tercapai", (2024, 14.0), None),   # missed, still short
    ((10.0, 12.0, 15.0, 14.0), "tercapai", (2024, 15.0), None),         # met in its year, fell back since
    ((10.0, 16.0, 14.0, 16.0), "tidak_tercapai", (2024, 14.0), 2025),   # the run that meets it starts in 2025
])
def test_judged_year_and_since(an, values, status, judged, since) -> None:
    obs = pd.DataFrame({"kode_wilayah": "X", "indikator": "aman", "tahun": [2022, 2023, 2024, 2025],
                        "nilai": list(values)})
    goals = pd.DataFrame({"kode_wilayah": ["X"], "indikator": ["aman"], "dokumen": ["D"], "target": [15.0],
                          "target_year": [2024]})
    from sanitasi import progress
    fake = replace(an, obs=obs, nilai=progress.assess_all(obs, goals),
                   data=replace(an.data, target=pd.DataFrame({
                       "dokumen": ["D"], "indikator": ["aman"], "kode_wilayah": [None], "tahun": [2024],
                       "nilai": [15.0], "tahun_dasar": [None], "keluarga": [None], "mulai": [None], "akhir": [None],
                       "catatan": [None]})))
    j = judging.judge(fake, "X", "aman", "D")
    assert (j.status, (j.judged_year, j.judged_value), j.sejak) == (status, judged, since)


# ------------------------------------------------------------------------------------- one answer everywhere
def _documents(an) -> list[str]:
    return [d.nama for d in documents.catalogue(an.data.target)]


BUNDLED_DOCUMENTS = ["RPJMN 2025-2029", "RPJMN 2020-2024", "SDG 6.2 (2030)", "Visi Indonesia 2045",
                     "SSK 2022-2024 (ilustratif)", "Jakstranas 2025 (Perpres 97/2017)", "SSK 2025-2029 (ilustratif)"]


def test_every_bundled_document_is_checked_below(an) -> None:
    assert sorted(_documents(an)) == sorted(BUNDLED_DOCUMENTS)


@pytest.mark.parametrize("dokumen", BUNDLED_DOCUMENTS)
def test_card_map_table_and_deck_agree_for_every_area(an, dokumen: str) -> None:
    """For every document, kecamatan and the district: the card's status and text, the status map's colour status
    and tooltip, the Ringkasan status table and the deck's slides say the same judged year, value and status."""
    table = ringkasan.status_table(an, dokumen).set_index("kode_wilayah")
    kec_cards = {kode: {c.indikator: c for c in cards.cards(an, dokumen, kode=kode)} for kode in an.kode_kecamatan}
    district_cards = {c.indikator: c for c in cards.cards(an, dokumen)}
    for indikator in ("layak", "aman", "babs_terbuka"):
        expected = judging.judge_all(an, indikator, dokumen).set_index("kode_wilayah", drop=False)
        text = {k: judging.status_text(judging.from_row(r, dokumen)) for k, r in expected.iterrows()}
        status = {k: r["status"] for k, r in expected.iterrows()}
        values = maps.map_values(an, indikator, dokumen).set_index("kode")
        for kode in an.kode_kecamatan:
            card = kec_cards[kode][indikator]
            assert (card.status, card.status_label) == (status[kode], text[kode]), (dokumen, kode)
            assert (values.loc[kode, "status"], values.loc[kode, "status_lengkap"]) == (status[kode], text[kode])
            assert table.loc[kode, f"status_{indikator}_teks"] == text[kode]
            assert (table.loc[kode, f"status_{indikator}"] or judging.NO_TARGET) == status[kode]
        district = district_cards[indikator]
        assert (district.status, district.status_label) == (status[KABUPATEN], text[KABUPATEN])
        # the deck: the district on the opening slide, every kecamatan behind in the table (the others are not)
        setting = paparan.Settings(dokumen, indikator, paparan.default_year(an, dokumen, indikator), "2026-12-01")
        slides = {s.kunci: s for s in paparan.build(an, setting, "sumber")}
        assert any(p.startswith(f"{district.judul}: {district.nilai} · {text[KABUPATEN]} ·")
                   for p in slides["ringkasan"].poin), dokumen
        shown = dict(zip(slides["tertinggal"].tabel.iloc[:, 0], slides["tertinggal"].tabel.iloc[:, 3], strict=True))
        names = an.data.names
        for kode in an.kode_kecamatan:
            behind = status[kode] in {s.value for s in paparan.BEHIND} and expected.loc[kode, "sejak"] is None
            assert (names[kode] in shown) == behind, (dokumen, kode)
            if behind:
                assert shown[names[kode]] == text[kode]
            elif expected.loc[kode, "sejak"] is not None:
                assert f"{names[kode]} ({text[kode]})" in slides["tertinggal"].pesan


def test_the_status_map_colours_the_judged_status_and_its_tooltip_gives_the_latest_value(an) -> None:
    r = peta.view(an, peta.Settings("aman", SIMPANG_EMPAT, RPJMN_OLD, warna="status"))
    rows = r.peta.spec["datasets"][charts.MAP_VALUES]
    se = next(row for row in rows if row["kode"] == SIMPANG_EMPAT)
    assert (se["status_teks"], se["nilai_teks"]) == ("Tidak tercapai", "15,5%")
    assert se["dinilai_teks"].startswith("2024 (tahun target): 14,2%")
    tooltip = [t["field"] for t in r.peta.spec["layer"][0]["encoding"]["tooltip"]]
    assert "status_lengkap" in tooltip and "dinilai_teks" in tooltip
    assert (r.rincian.status_teks, r.rincian.dinilai) == (se["status_lengkap"], se["dinilai_teks"])


def test_a_target_set_for_the_kabupaten_judges_the_kabupaten(an) -> None:
    own = pd.DataFrame([{"dokumen": "RPJMN 2025-2029 (Tanah Bumbu)", "indikator": "aman", "kode_wilayah": "63.10",
                         "tahun": 2029, "nilai": 25.0, "tahun_dasar": 2023, "keluarga": "rpjmn", "mulai": 2025,
                         "akhir": 2029, "catatan": "ditetapkan Bappenas untuk kabupaten (contoh uji)"}])
    data = replace(an.data, target=pd.concat([an.data.target, own], ignore_index=True).astype(
        an.data.target.dtypes.to_dict()))
    an2 = analysis.analyse(data)
    j = judging.judge(an2, KABUPATEN, "aman", RPJMN_NOW)
    assert (j.dokumen, j.target) == ("RPJMN 2025-2029 (Tanah Bumbu)", 25.0)
    card = next(c for c in cards.cards(an2, RPJMN_NOW) if c.indikator == "aman")
    assert card.target == "Target **25%** pada 2029 (RPJMN 2025-2029 (Tanah Bumbu))"
    # it is also what a fresh start opens on (documents.default_document prefers it)
    assert documents.default_document(documents.catalogue(data.target), 2025) == "RPJMN 2025-2029 (Tanah Bumbu)"
