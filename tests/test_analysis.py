"""The analysis every page starts from: every area and document judged, data cut at the reference year."""

from __future__ import annotations

import pandas as pd

from sanitasi import analysis

RPJMN = "RPJMN 2020-2024"
SSK = "SSK 2022-2024 (ilustratif)"
SDG = "SDG 6.2 (2030)"


def kab_row(an: analysis.Analysis, year: int) -> pd.Series:
    return an.kab.loc[an.kab["tahun"] == year].iloc[0]


def test_analysis_judges_every_area_and_document(an: analysis.Analysis) -> None:
    # shares measured per kecamatan are judged for 12 kecamatan + the kabupaten: RPJMN 2025-2029 1 (aman) +
    # RPJMN 2020-2024 3 + SDG 3 (aman, babs, desa_odf) + Visi 1 + two SSK 4 each (layak, aman, babs, desa_odf)
    # = 16 targets x 13 areas; district-only targets (Jakstranas 2 for waste; SSK 2022-2024 1 for standing water in
    # hectares; SSK 2025-2029 2 for waste and 1 for standing water) only for the kabupaten: 6
    assert len(an.nilai) == 16 * 13 + 6
    district_only = an.nilai.loc[an.nilai["indikator"].isin(["sampah_pengurangan", "sampah_penanganan", "genangan"])]
    assert set(district_only["kode_wilayah"]) == {analysis.KABUPATEN}
    assert set(an.nilai["kode_wilayah"]) == {*an.kode_kecamatan, analysis.KABUPATEN}
    # the kabupaten is the sum of the published rows, year by year
    assert kab_row(an, 2020)["jumlah_kk"] == an.data.akses.query("tahun == 2020")["jumlah_kk"].sum()
    assert kab_row(an, 2025)["jumlah_kk"] == an.data.akses.query("tahun == 2025")["jumlah_kk"].sum()


def test_reference_year_cuts_the_data(an2021: analysis.Analysis) -> None:
    assert an2021.tahun == 2021
    assert an2021.kec["tahun"].max() == 2021
    assert (an2021.nilai["latest_year"].dropna() <= 2021).all()
