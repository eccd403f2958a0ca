"""The Kebutuhan page's view: households and money to reach a target, the cost editor, the what-if."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sanitasi import fmt, i18n, needs
from sanitasi.analysis import KABUPATEN, Analysis
from sanitasi.views import kebutuhan

RPJMN = "RPJMN 2020-2024"
SDG = "SDG 6.2 (2030)"
JAKSTRANAS = "Jakstranas 2025 (Perpres 97/2017)"  # sets waste targets only


def values(fig) -> list[dict]:
    """The rows of a chart's one data set (the what-if also carries a one-row target line)."""
    return max(fig.spec["datasets"].values(), key=len)


@pytest.fixture(scope="module")
def r(an: Analysis) -> kebutuhan.Kebutuhan:
    return kebutuhan.view(an, kebutuhan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2030))


# ------------------------------------------------------------------------------------- the controls
@pytest.mark.parametrize(("dokumen", "indikator", "choices", "goal", "late"), [
    # RPJMN sets layak 90% for 2024: the target year has passed in the 2025 data
    (RPJMN, "layak", ["layak", "aman", "babs_terbuka"], 90.0, 2024),
    (SDG, "aman", ["aman", "babs_terbuka"], 100.0, None),
    # no target in the document: every headline indicator, 90% for a rising share, 0% open defecation
    (JAKSTRANAS, "aman", ["layak", "aman", "babs_terbuka"], 90.0, None),
    (JAKSTRANAS, "babs_terbuka", ["layak", "aman", "babs_terbuka"], 0.0, None),
])
def test_options_give_the_choices_the_goal_and_the_passed_target_year(an: Analysis, dokumen: str, indikator: str,
                                                                      choices: list[str], goal: float,
                                                                      late: int | None) -> None:
    assert kebutuhan.indicator_choices(an, dokumen) == choices
    o = kebutuhan.options(an, dokumen, indikator)
    assert o.target == goal == kebutuhan.goal(an, dokumen, indikator)
    assert o.target_teks == f"{fmt.number(goal, 1)}% · {dokumen}"
    if late is None:
        assert o.target_lewat is None
    else:
        assert o.target_lewat == i18n.t("kebutuhan.target_lewat", "id", tahun=late, dokumen=dokumen)
    assert o.biaya.frame["kode"].tolist() == an.data.biaya.loc[an.data.biaya["indikator"] == indikator,
                                                                "kode"].tolist()


def test_years_run_from_next_year_to_the_horizon(an: Analysis) -> None:
    o = kebutuhan.options(an, RPJMN, "layak")
    assert o.tahun == list(range(an.tahun + 1, needs.HORIZON_YEAR + 1))
    assert o.tahun[-1] == 2045
    assert o.tahun_awal == an.tahun + 5  # RPJMN's 2024 has passed: five years on
    assert kebutuhan.options(an, SDG, "aman").tahun_awal == 2030  # the document's year while it is ahead


# ------------------------------------------------------------------------------------- the plan
def test_needs_table_totals(an: Analysis) -> None:
    result = kebutuhan.needs_table(an, "layak", 90.0, 2030, an.data.biaya)
    kec = result.table.loc[result.table["kode_wilayah"] != KABUPATEN]
    total = result.table.loc[result.table["kode_wilayah"] == KABUPATEN].iloc[0]
    assert len(kec) == 12
    assert total["kesenjangan_kk"] == kec["kesenjangan_kk"].sum() == result.total_kk
    # layak cost per household: 0.8 x 6.5 million + 0.2 x 4.5 million = 6.1 million
    assert result.biaya_per_kk == pytest.approx(6_100_000)
    assert result.total_biaya == pytest.approx(result.total_kk * 6_100_000)
    assert result.total_per_tahun == pytest.approx(result.total_kk / 5)
    assert fmt.kk(result.total_kk) in result.ringkasan
    assert list(result.display.columns)[0] == "Kecamatan" and len(result.display) == 13


def test_view_shows_the_plan_for_the_document_goal(an: Analysis, r: kebutuhan.Kebutuhan) -> None:
    plan = kebutuhan.needs_table(an, "layak", 90.0, 2030, an.data.biaya)
    assert r.ringkasan == plan.ringkasan and r.kebutuhan.total_kk == plan.total_kk
    assert r.metrik == (("KK perlu dijangkau", fmt.kk(plan.total_kk)), ("Per tahun", fmt.kk(plan.total_per_tahun)),
                        ("Perkiraan biaya", fmt.rupiah(plan.total_biaya)),
                        ("Biaya per tahun", fmt.rupiah(plan.total_per_tahun * 6_100_000)))
    pd.testing.assert_frame_equal(r.tabel, plan.display)


def test_chart_of_households_a_year_per_kecamatan(an: Analysis, r: kebutuhan.Kebutuhan) -> None:
    assert r.per_kecamatan.name == "kebutuhan_kecamatan_layak_2030"
    spec = r.per_kecamatan.spec
    assert spec["usermeta"]["judul"] == [i18n.t("kebutuhan.grafik_kecamatan", "id", tahun=2030)]
    assert spec["usermeta"]["sumber"][0].startswith("Sumber: data ILUSTRATIF")
    rows = values(r.per_kecamatan)
    kec = r.kebutuhan.table.loc[r.kebutuhan.table["kode_wilayah"] != KABUPATEN]
    assert [v["nama"] for v in rows] == kec["nama"].tolist()  # largest gap first, no total row
    assert sum(v["per_tahun"] for v in rows) == pytest.approx(r.kebutuhan.total_per_tahun)
    assert spec["layer"][0]["encoding"]["x"]["field"] == "per_tahun"


def test_chart_of_the_yearly_plan_adds_up_to_the_district_gap(an: Analysis, r: kebutuhan.Kebutuhan) -> None:
    assert r.tahunan.name == "kebutuhan_tahunan_layak_2030"
    assert r.tahunan.spec["usermeta"]["judul"] == [i18n.t("kebutuhan.grafik_tahunan", "id", tahun=2030)]
    rows = values(r.tahunan)
    assert [v["tahun"] for v in rows] == [2026, 2027, 2028, 2029, 2030]
    # the district as one area (its own growth; a kecamatan above the target does not offset one below, so this
    # is less than the sum of the kecamatan gaps)
    kab = an.kab.loc[an.kab["tahun"] == an.tahun]
    gap = needs.households_needed(kab, "layak", target=90.0, target_year=2030, growth=an.growth)
    assert sum(v["tambah"] for v in rows) == gap["kesenjangan_kk"].iloc[0] <= r.kebutuhan.total_kk


# ------------------------------------------------------------------------------------- unit costs
def test_cost_editor_keeps_the_file_and_rejects_negative(an: Analysis) -> None:
    editor = kebutuhan.cost_editor(an.data.biaya, "aman")
    edited = editor.frame.assign(biaya_per_kk=[-5.0, 2_000_000.0], porsi=[1.0, 2.0])
    out = kebutuhan.costs_from_editor(an.data.biaya, "aman", edited).set_index("kode")
    base = an.data.biaya.set_index("kode")
    assert out.loc["penyedotan_terjadwal", "biaya_per_kk"] == base.loc["penyedotan_terjadwal", "biaya_per_kk"]
    assert out.loc["peningkatan_tangki_septik", "biaya_per_kk"] == 2_000_000.0
    assert out.loc["peningkatan_tangki_septik", "porsi"] == base.loc["peningkatan_tangki_septik", "porsi"]
    assert an.data.biaya.set_index("kode").equals(base)  # the loaded table is untouched


def test_edited_costs_reach_the_view_as_settings(an: Analysis, r: kebutuhan.Kebutuhan) -> None:
    grid = kebutuhan.options(an, RPJMN, "layak").biaya.frame
    # the first step at 10 million, the second emptied (back to the file's 4.5 million)
    edited = grid.assign(biaya_per_kk=[10_000_000, float("nan")])
    rows = kebutuhan.cost_rows(edited)
    assert rows == ((grid["kode"].iloc[0], 10_000_000.0, 0.8), (grid["kode"].iloc[1], None, 0.2))
    s = kebutuhan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2030, biaya=rows)
    assert s == kebutuhan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2030,
                                   biaya=kebutuhan.cost_rows(edited))  # so the cached result is found again
    hash(s)
    out = kebutuhan.view(an, s)
    # 0.8 x 10 million + 0.2 x 4.5 million = 8.9 million a household
    assert out.kebutuhan.biaya_per_kk == pytest.approx(8_900_000)
    assert out.kebutuhan.total_biaya == pytest.approx(r.kebutuhan.total_kk * 8_900_000)
    assert out.metrik[0] == r.metrik[0]  # households do not depend on the price
    # the file's own rows give the file's plan
    same = kebutuhan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2030, biaya=kebutuhan.cost_rows(grid))
    assert kebutuhan.view(an, same).metrik == r.metrik


# ------------------------------------------------------------------------------------- the what-if
def test_scenario(an: Analysis) -> None:
    series, reached = kebutuhan.scenario(an, "layak", 90.0, 3000.0)
    kab = reached.loc[reached["kode_wilayah"] == KABUPATEN].iloc[0]
    assert kab["alokasi"] == 3000.0
    assert reached.loc[reached["kode_wilayah"] != KABUPATEN, "alokasi"].sum() == pytest.approx(3000.0)
    assert str(int(kab["tahun_capai"])) in kebutuhan.scenario_text(reached, 90.0, "layak")
    assert series["tahun"].max() == needs.HORIZON_YEAR
    assert kebutuhan.default_scenario(kebutuhan.needs_table(an, "layak", 90.0, 2030, an.data.biaya)) % 100 == 0


def test_what_if_starts_at_the_plans_own_number(an: Analysis, r: kebutuhan.Kebutuhan) -> None:
    # 17.147 households over five years: 3.429 a year, rounded to 3.400
    assert r.skenario_awal == r.skenario_kk == round(r.kebutuhan.total_per_tahun / 100) * 100 == 3400
    _, reached = kebutuhan.scenario(an, "layak", 90.0, 3400.0)
    assert r.skenario_teks == kebutuhan.scenario_text(reached, 90.0, "layak")
    assert r.skenario_label == "KK per tahun yang naik ke akses layak"
    assert r.skenario.name == "skenario_layak"
    assert r.skenario.spec["usermeta"]["judul"] == ["Jika 3.400 KK per tahun dijangkau: persentase per kecamatan"]


def test_what_if_follows_the_number_entered(an: Analysis, r: kebutuhan.Kebutuhan) -> None:
    out = kebutuhan.view(an, kebutuhan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2030, skenario_kk=500))
    assert out.skenario_awal == r.skenario_awal and out.skenario_kk == 500
    series, reached = kebutuhan.scenario(an, "layak", 90.0, 500.0)
    assert out.skenario_teks == kebutuhan.scenario_text(reached, 90.0, "layak") != r.skenario_teks
    pd.testing.assert_frame_equal(out.skenario_tabel, kebutuhan.scenario_display(reached))
    district = [v for v in values(out.skenario) if v["kode_wilayah"] == KABUPATEN]
    expected = series.loc[series["kode_wilayah"] == KABUPATEN, "persen"].tolist()
    assert [v["persen"] for v in district] == pytest.approx(expected)
    assert out.skenario.spec["usermeta"]["judul"] == ["Jika 500 KK per tahun dijangkau: persentase per kecamatan"]
    assert out.ringkasan == r.ringkasan  # the plan above does not move


def test_open_defecation_plans_down_to_zero_in_english(an: Analysis) -> None:
    out = kebutuhan.view(an, kebutuhan.Settings(dokumen=JAKSTRANAS, indikator="babs_terbuka", tahun_capai=2030,
                                                lang="en"))
    plan = kebutuhan.needs_table(an, "babs_terbuka", 0.0, 2030, an.data.biaya, "en")
    assert out.ringkasan == plan.ringkasan and out.kebutuhan.target == 0.0
    assert out.skenario_label == i18n.t("kebutuhan.skenario_input_babs", "en")
    assert out.tabel.columns[0] == i18n.t("tabel.kecamatan", "en")
    assert not math.isnan(out.kebutuhan.total_per_tahun) and out.kebutuhan.total_kk > 0
