"""Yearly targets judged as performance reports ask (SAKIP, e-Monev): target, realisation, capaian, band."""

from __future__ import annotations

import io
import math

import pandas as pd
import pytest

from sanitasi import kinerja
from sanitasi.analysis import KABUPATEN
from sanitasi.views import lintasan_target, opd

SSK = "SSK 2025-2029 (ilustratif)"


@pytest.mark.parametrize(("realisasi", "target", "arah", "baseline", "expected"), [
    (84.18, 84.5, 1, None, 99.621),        # 84,18 / 84,5 x 100
    (9.09, 10.5, 1, None, 86.571),
    (5.0, 0.0, 1, None, math.nan),          # higher is better with a target of 0: no capaian
    # lower is better: the distance covered from the baseline, (6,35 - 5,59) / (6,35 - 5,0) x 100
    (5.59, 5.0, -1, 6.35, 56.296),
    (2.0, 0.0, -1, 8.0, 75.0),              # a target of 0: (8 - 2) / (8 - 0) x 100
    (9.0, 0.0, -1, 8.0, -12.5),             # worse than the baseline: negative
    (1.0, 2.0, -1, 1.5, 100.0),             # baseline already below the target, and still is: 100
    (3.0, 2.0, -1, 1.5, math.nan),          # ... and no longer is: no capaian to claim
    (2.0, 0.0, -1, None, math.nan),         # no baseline
    (math.nan, 90.0, 1, None, math.nan),    # no realisation yet
])
def test_capaian(realisasi, target, arah, baseline, expected):
    got = kinerja.capaian(realisasi, target, arah, baseline)
    assert (math.isnan(got) and math.isnan(expected)) or got == pytest.approx(expected, abs=1e-3)


@pytest.mark.parametrize(("value", "band"), [
    (120.0, "sangat_tinggi"), (91.0, "sangat_tinggi"), (90.99, "tinggi"), (90.5, "tinggi"), (76.0, "tinggi"),
    (75.9, "sedang"), (66.0, "sedang"), (65.5, "rendah"), (51.0, "rendah"), (50.9, "sangat_rendah"),
    (50.0, "sangat_rendah"), (-12.5, "sangat_rendah"), (math.nan, None),
])
def test_permendagri_86_2017_bands(value, band):
    assert kinerja.band(value) == band


def test_the_district_against_the_illustrative_ssk(an):
    """SSK 2025-2029: the 2025 targets have a realisation (data up to 2025); 2026-2029 do not yet."""
    perf = kinerja.performance_all(an, SSK, KABUPATEN)
    assert len(perf) == 7 * 5
    y25 = perf.loc[perf["tahun"] == 2025].set_index("indikator")
    # layak 84,18 / 84,5; aman 9,09 / 10,5; BABS (6,35 - 5,59) / (6,35 - 5); genangan (267,3 - 246,3) / (267,3 - 244)
    assert y25.loc["layak", "capaian"] == pytest.approx(99.62, abs=0.01)
    assert y25.loc["aman", "capaian"] == pytest.approx(86.55, abs=0.01)
    assert y25.loc["babs_terbuka", "capaian"] == pytest.approx(56.2, abs=0.1)
    assert y25.loc["genangan", "capaian"] == pytest.approx(100 * 21.0 / 23.3, abs=0.01)
    assert y25["predikat"].to_dict() == {"layak": "sangat_tinggi", "aman": "tinggi", "babs_terbuka": "rendah",
                                         "desa_odf": "sangat_tinggi", "sampah_pengurangan": "tinggi",
                                         "sampah_penanganan": "sangat_tinggi", "genangan": "tinggi"}
    later = perf.loc[perf["tahun"] > 2025]
    assert later["realisasi"].isna().all() and later["predikat"].isna().all()
    assert set(perf.loc[perf["tahun"] == 2029, "jenis"]) == {"akhir"} and set(y25["jenis"]) == {"antara"}
    assert set(perf["dasar_tahun"]) == {2024}


def test_a_kecamatan_is_judged_against_the_district_targets_that_stand_for_it(an):
    perf = kinerja.performance(an, SSK, "layak", "63.10.08")  # Mantewe: 64,51% in 2025 against 84,5%
    assert perf["target"].tolist()[0] == 84.5
    assert perf["capaian"].iloc[0] == pytest.approx(100 * 64.5055 / 84.5, abs=0.01)
    assert perf["predikat"].iloc[0] == "tinggi"  # 76,3


def test_a_document_without_the_indicator_has_no_table(an):
    assert kinerja.performance(an, "RPJMN 2025-2029", "layak", KABUPATEN).empty
    r = lintasan_target.view(an, lintasan_target.Settings("layak", "RPJMN 2025-2029"))
    assert r.kinerja is None and r.kinerja_bantuan == "RPJMN 2025-2029 tidak menetapkan target untuk akses layak."


def test_the_table_as_read_and_the_workbook(an):
    r = lintasan_target.view(an, lintasan_target.Settings("aman", "RPJMN 2025-2029"))
    assert r.kinerja.frame.columns.tolist() == ["Tahun", "Target", "Realisasi", "Capaian", "Predikat"]
    # 9,09 / 12,5 = 72,7%: sedang; 2029 not yet observed
    assert r.kinerja.frame.values.tolist() == [["2025 (antara)", "12,5%", "9,1%", "72,7%", "Sedang"],
                                               ["2029", "30,0%", "belum ada data", "– (belum ada realisasi)",
                                                "– (belum ada realisasi)"]]
    assert r.kinerja.sumber.startswith("Sumber: ")  # shown under it
    assert "periksa Lampiran Perpres 12/2025" in r.kinerja_catatan
    book = pd.read_excel(io.BytesIO(r.kinerja_xlsx()), sheet_name=None)
    sheet = book["Kinerja"]
    assert sheet["Capaian"].tolist()[0] == pytest.approx(72.7) and sheet["Target"].tolist() == [12.5, 30.0]
    assert sheet["Predikat"].tolist()[0] == "Sedang" and pd.isna(sheet["Realisasi"].iloc[1])
    rules = " ".join(book["Aturan"].iloc[:, 0])
    assert "Permendagri 86/2017" in rules and "periksa Lampiran Perpres 12/2025" in rules and "ILUSTRATIF" in rules


def test_the_opd_page_shows_the_districts_yearly_targets(an):
    r = opd.view(an, opd.Settings(tahun=2025, dokumen=SSK))
    assert len(r.target_tabel.frame) == 35 and r.target_tabel.frame.columns[0] == "Indikator"
    book = pd.read_excel(io.BytesIO(r.target_xlsx()), sheet_name=None)
    assert len(book["Kinerja"]) == 35 and set(book["Kinerja"]["Wilayah"]) == {"Kabupaten Tanah Bumbu"}
    english = opd.view(an, opd.Settings(tahun=2025, dokumen=SSK, lang="en"))
    assert english.target_tabel.frame["Band"].iloc[0] == "Very high"
