"""The Kebutuhan page's view: households and money to reach a target, the cost editor, the what-if."""

from __future__ import annotations

import pandas as pd
import pytest

from sanitasi import fmt, views
from sanitasi.views import KABUPATEN as KAB

RPJMN = "RPJMN 2020-2024"
SSK = "SSK 2022-2024 (ilustratif)"
SDG = "SDG 6.2 (2030)"


def kab_row(an: views.Analysis, year: int) -> pd.Series:
    return an.kab.loc[an.kab["tahun"] == year].iloc[0]


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
