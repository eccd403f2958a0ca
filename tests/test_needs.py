"""Households to gain per year, their cost, the year-by-year plan and what-if scenarios."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitasi import KODE_KABUPATEN as KAB
from sanitasi.needs import (
    cost_per_household,
    growth_rates,
    households_needed,
    what_if,
    yearly_plan,
    years_needed,
)

# Hand-made unit costs: layak 0.5 x 1,000,000 + 0.25 x 2,000,000 = 1,000,000 per KK;
# aman 1.0 x 3,000,000 = 3,000,000; babs_terbuka 1.0 x 500,000 = 500,000.
BIAYA = pd.DataFrame({
    "kode": ["a", "b", "c", "d"],
    "indikator": ["layak", "layak", "aman", "babs_terbuka"],
    "biaya_per_kk": [1_000_000.0, 2_000_000.0, 3_000_000.0, 500_000.0],
    "porsi": [0.5, 0.25, 1.0, 1.0],
})


def area(kode="A", tahun=2025, aman=50, sendiri=700, bersama=50, belum=120, babs=80) -> dict:
    rungs = {"kk_aman": aman, "kk_layak_sendiri": sendiri, "kk_layak_bersama": bersama,
             "kk_belum_layak": belum, "kk_babs_terbuka": babs}
    return {"kode_wilayah": kode, "tahun": tahun, "jumlah_kk": sum(rungs.values()), **rungs}


@pytest.mark.parametrize(("indikator", "expected"), [
    ("layak", 1_000_000.0), ("aman", 3_000_000.0), ("babs_terbuka", 500_000.0), ("belum_layak", 0.0),
])
def test_cost_per_household(indikator, expected):
    assert cost_per_household(BIAYA, indikator) == expected


def test_bundled_unit_costs(dataset):
    # layak: 0.8 x 6,500,000 + 0.2 x 4,500,000 = 5,200,000 + 900,000 = 6,100,000
    assert cost_per_household(dataset.biaya, "layak") == pytest.approx(6_100_000)
    # babs: 1.0 x 350,000 + 0.5 x 2,500,000 = 1,600,000
    assert cost_per_household(dataset.biaya, "babs_terbuka") == pytest.approx(1_600_000)


def test_growth_rates():
    akses = pd.DataFrame([
        # A: 1000 -> 1210 over 2 years: 1.21 ** (1/2) - 1 = 0.1
        {"kode_wilayah": "A", "tahun": 2021, "jumlah_kk": 1000},
        {"kode_wilayah": "A", "tahun": 2023, "jumlah_kk": 1210},
        # B: one year only: 0
        {"kode_wilayah": "B", "tahun": 2025, "jumlah_kk": 500},
        # C: window 5 keeps 2021-2025 (10000 -> 14641 = 1.1 ** 4): 0.1; the 2018 row is outside
        {"kode_wilayah": "C", "tahun": 2018, "jumlah_kk": 1},
        {"kode_wilayah": "C", "tahun": 2021, "jumlah_kk": 10000},
        {"kode_wilayah": "C", "tahun": 2025, "jumlah_kk": 14641},
    ])
    g = growth_rates(akses, window=5)
    assert g.to_dict() == pytest.approx({"A": 0.1, "B": 0.0, "C": 0.1})


def test_growth_rates_of_nothing():
    assert growth_rates(pd.DataFrame(columns=["kode_wilayah", "tahun", "jumlah_kk"])).empty


# (rows in `latest`, indikator, target, target_year, growth per area, expected per row)
NEEDED = [
    # layak 50 + 700 + 50 = 800 of 1000; 90% by 2030 with 2% growth: 1000 x 1.02^5 = 1104.08 -> 1104 KK;
    # 90% of 1104 = 993.6 -> 994 KK; gap 994 - 800 = 194; 194 / 5 = 38.8 a year;
    # cost 194 x 1,000,000 = 194,000,000; 38.8 x 1,000,000 = 38,800,000 a year
    ("layak_tumbuh", [area()], "layak", 90, 2030, {"A": 0.02},
     [dict(tahun_tersisa=5, kk_kini=1000, kk_proyeksi=1104, kk_akses=800, kk_sasaran=994, kesenjangan_kk=194,
           per_tahun=38.8, biaya_total=194e6, biaya_per_tahun=38.8e6)]),
    # BABS 80 of 1000 to 5% by 2030, 2% growth: 5% of 1104 = 55.2 -> at most 55 KK; 80 - 55 = 25 to move off; 5 a year;
    # cost 25 x 500,000 = 12,500,000
    ("babs_5", [area()], "babs_terbuka", 5, 2030, {"A": 0.02},
     [dict(tahun_tersisa=5, kk_kini=1000, kk_proyeksi=1104, kk_akses=80, kk_sasaran=55, kesenjangan_kk=25,
           per_tahun=5.0, biaya_total=12.5e6, biaya_per_tahun=2.5e6)]),
    # BABS to 0 by 2030: all 80 off open defecation, 16 a year
    ("babs_0", [area()], "babs_terbuka", 0, 2030, {"A": 0.02},
     [dict(tahun_tersisa=5, kk_sasaran=0, kesenjangan_kk=80, per_tahun=16.0, biaya_total=40e6)]),
    # target year passed (2024 < 2025): no years left, households as today: 90% of 1000 = 900; gap 100 today;
    # no yearly figure
    ("lewat", [area()], "layak", 90, 2024, {"A": 0.02},
     [dict(tahun_tersisa=0, kk_proyeksi=1000, kk_sasaran=900, kesenjangan_kk=100, per_tahun=math.nan,
           biaya_total=100e6, biaya_per_tahun=math.nan)]),
    # already met: layak 50 + 850 + 50 = 950 of 1000 >= 90% x 1000 = 900 (no growth): gap 0
    ("sudah_tercapai", [area(sendiri=850, belum=0, babs=50)], "layak", 90, 2030, {"A": 0.0},
     [dict(kk_sasaran=900, kesenjangan_kk=0, per_tahun=0.0, biaya_total=0.0)]),
    # two areas; B has no growth figure -> 0: B: layak 10 + 80 + 0 = 90 of 200; 90% of 200 = 180; gap 90, 18 a year.
    # A: aman 50 of 1000 with 2% growth, 15% of 1104 = 165.6 -> 166; gap 116; 23.2 a year; 116 x 3,000,000
    ("dua_wilayah_aman", [area(), area("B", aman=10, sendiri=80, bersama=0, belum=100, babs=10)], "aman", 15, 2030,
     {"A": 0.02},
     [dict(kk_sasaran=166, kesenjangan_kk=116, per_tahun=23.2, biaya_total=348e6),
      dict(kk_proyeksi=200, kk_akses=10, kk_sasaran=30, kesenjangan_kk=20, per_tahun=4.0)]),
]


@pytest.mark.parametrize(("rows", "indikator", "target", "target_year", "growth", "expected"),
                         [c[1:] for c in NEEDED], ids=[c[0] for c in NEEDED])
def test_households_needed(rows, indikator, target, target_year, growth, expected):
    out = households_needed(pd.DataFrame(rows), indikator, target=target, target_year=target_year,
                            growth=pd.Series(growth, dtype="float64"), biaya=BIAYA)
    assert len(out) == len(rows)
    for (_, row), want in zip(out.iterrows(), expected, strict=True):
        for col, value in want.items():
            if isinstance(value, float) and math.isnan(value):
                assert math.isnan(row[col]), col
            else:
                assert row[col] == pytest.approx(value), col
        assert row["tahun_target"] == target_year


def test_households_needed_without_costs_gives_nan_costs():
    out = households_needed(pd.DataFrame([area()]), "layak", target=90, target_year=2030, growth=pd.Series(dtype=float))
    assert out["kesenjangan_kk"].iloc[0] == 100  # no growth: 900 - 800
    assert math.isnan(out["biaya_total"].iloc[0])


# ---------------------------------------------------------------- yearly plan

@pytest.mark.parametrize(("row", "indikator", "target", "target_year", "expected"), [
    # layak 80% -> 90% over 5 years, no growth: 82, 84, 86, 88, 90% of 1000 -> +20 KK a year
    (area(), "layak", 90, 2030, {"persen": [82, 84, 86, 88, 90], "kk_akses": [820, 840, 860, 880, 900],
                                 "tambah": [20] * 5}),
    # BABS 8% -> 0 over 4 years: 6, 4, 2, 0% of 1000 -> 20 KK a year off open defecation (tambah counts them)
    (area(), "babs_terbuka", 0, 2029, {"persen": [6, 4, 2, 0], "kk_akses": [60, 40, 20, 0], "tambah": [20] * 4}),
    # already 95% layak (target 90): nothing to gain and nobody loses access
    (area(sendiri=850, belum=0, babs=50), "layak", 90, 2027, {"kk_akses": [950, 950], "tambah": [0, 0]}),
])
def test_yearly_plan(row, indikator, target, target_year, expected):
    plan = yearly_plan(pd.Series(row), indikator, target=target, target_year=target_year, growth=0.0)
    assert plan["tahun"].tolist() == list(range(2026, target_year + 1))
    assert (plan["jumlah_kk"] == 1000).all()
    for col, values in expected.items():
        assert plan[col].tolist() == pytest.approx(values), col


def test_yearly_plan_after_the_target_year_is_empty():
    plan = yearly_plan(pd.Series(area()), "layak", target=90, target_year=2025, growth=0.02)
    assert plan.empty
    assert list(plan.columns) == ["tahun", "jumlah_kk", "persen", "kk_akses", "tambah"]


@pytest.mark.parametrize(("row", "indikator", "target", "target_year", "growth"), [
    (area(), "layak", 90, 2030, 0.02),                                   # gap 194 (see layak_tumbuh)
    (area(), "babs_terbuka", 5, 2030, 0.02),                             # gap 25 (see babs_5)
    (area(), "aman", 15, 2030, 0.02),                                    # gap 116
    (area(sendiri=860, belum=10, babs=30), "layak", 90, 2030, 0.05),     # 96% today, but 90% of 1276 = 1149 > 960
    (area(sendiri=850, belum=50, babs=50), "layak", 90, 2030, 0.0),      # met, no growth: gap 0
    (area(babs=10, belum=190), "babs_terbuka", 5, 2030, 0.03),           # 1% BABS already below 5%: gap 0
])
def test_yearly_gains_add_up_to_the_gap(row, indikator, target, target_year, growth):
    gap = households_needed(pd.DataFrame([row]), indikator, target=target, target_year=target_year,
                            growth=pd.Series({"A": growth}))["kesenjangan_kk"].iloc[0]
    plan = yearly_plan(pd.Series(row), indikator, target=target, target_year=target_year, growth=growth)
    assert plan["tambah"].sum() == gap
    assert (plan["tambah"] >= 0).all()


def test_yearly_gap_for_a_target_met_today_but_not_as_households_grow():
    # 960 of 1000 layak (96%); 5% growth for 5 years: 1000 x 1.05^5 = 1276.3 -> 1276 KK;
    # 90% of 1276 = 1148.4 -> 1149 KK; gap 1149 - 960 = 189
    row = area(sendiri=860, belum=10, babs=30)
    plan = yearly_plan(pd.Series(row), "layak", target=90, target_year=2030, growth=0.05)
    assert plan["tambah"].sum() == 189
    assert plan["kk_akses"].iloc[-1] == 1149


@settings(max_examples=150, deadline=None)
@given(n0=st.integers(1, 50_000), share=st.floats(0, 1), target=st.floats(0, 100, allow_nan=False),
       years=st.integers(1, 20), growth=st.floats(-0.05, 0.08), babs=st.booleans())
def test_yearly_gains_always_add_up_to_the_gap(n0, share, target, years, growth, babs):
    have = int(share * n0)
    row = {**area(aman=0, sendiri=0, bersama=0, belum=0, babs=0),
           "jumlah_kk": n0, "kk_layak_sendiri" if not babs else "kk_babs_terbuka": have}
    row["kk_belum_layak"] = n0 - have
    indikator = "babs_terbuka" if babs else "layak"
    gap = households_needed(pd.DataFrame([row]), indikator, target=target, target_year=2025 + years,
                            growth=pd.Series({"A": growth}))["kesenjangan_kk"].iloc[0]
    plan = yearly_plan(pd.Series(row), indikator, target=target, target_year=2025 + years, growth=growth)
    assert plan["tambah"].sum() == gap
    assert (plan["tambah"] >= 0).all()


# ---------------------------------------------------------------- what-if

def three_areas() -> pd.DataFrame:
    # A: 800 of 1000 layak (gap to 90%: 100); B: 400 of 500 (gap 50); C: 950 of 1000 (already 95%: gap 0)
    return pd.DataFrame([area("A", aman=0, sendiri=800, bersama=0, belum=200, babs=0),
                         area("B", aman=0, sendiri=400, bersama=0, belum=100, babs=0),
                         area("C", aman=0, sendiri=950, bersama=0, belum=50, babs=0)])


def test_what_if_allocates_in_proportion_to_the_gap():
    series, reached = what_if(three_areas(), "layak", add_per_year=30, target=90, growth=pd.Series(dtype=float),
                              until=2035)
    r = reached.set_index("kode_wilayah")
    # gaps 100 : 50 : 0 -> 30 a year split 20 : 10 : 0
    assert r.loc[["A", "B", "C"], "alokasi"].tolist() == pytest.approx([20.0, 10.0, 0.0])
    assert r.loc[["A", "B", "C"], "alokasi"].sum() == pytest.approx(30.0)
    assert r.loc[KAB, "alokasi"] == 30.0
    # A: 800 + 20k >= 900 at k = 5 -> 2030; B: 400 + 10k >= 450 at k = 5 -> 2030; C: already -> 2025;
    # kabupaten: (2150 + 30k) / 2500 >= 90% at k = 3.33 -> 2029
    assert r.loc[["A", "B", "C", KAB], "tahun_capai"].tolist() == [2030, 2030, 2025, 2029]
    s = series.set_index(["kode_wilayah", "tahun"])["persen"]
    assert s[("A", 2027)] == pytest.approx(84.0)          # (800 + 2 x 20) / 1000
    assert s[(KAB, 2026)] == pytest.approx(87.2)  # (2150 + 30) / 2500


def test_what_if_without_a_programme_keeps_shares_constant():
    latest = three_areas()
    growth = pd.Series({"A": 0.03, "B": 0.01, "C": 0.02})
    series, reached = what_if(latest, "layak", add_per_year=0, target=90, growth=growth, until=2040)
    s0 = {"A": 80.0, "B": 80.0, "C": 95.0}
    for kode, g in series.loc[series["kode_wilayah"] != KAB].groupby("kode_wilayah"):
        assert np.allclose(g["persen"], s0[kode])
    r = reached.set_index("kode_wilayah")["tahun_capai"]
    # only C, already past 90%, "reaches" it (in the first year); A and B never do
    assert r["C"] == 2025
    assert pd.isna(r["A"]) and pd.isna(r["B"])
    assert set(series["tahun"]) == set(range(2025, 2041))
    assert (series["kode_wilayah"] == KAB).sum() == 16


def test_what_if_open_defecation():
    # A: 100 of 1000 open defecation, B: none. Target 0: all 25 a year go to A: 100 - 25k = 0 at k = 4 -> 2029.
    latest = pd.DataFrame([area("A", aman=0, sendiri=800, bersama=0, belum=100, babs=100),
                           area("B", aman=0, sendiri=900, bersama=0, belum=100, babs=0)])
    series, reached = what_if(latest, "babs_terbuka", add_per_year=25, target=0, growth=pd.Series(dtype=float),
                              until=2035)
    r = reached.set_index("kode_wilayah")
    assert r.loc[["A", "B"], "alokasi"].tolist() == [25.0, 0.0]
    assert r.loc[["A", "B", KAB], "tahun_capai"].tolist() == [2029, 2025, 2029]
    s = series.set_index(["kode_wilayah", "tahun"])["persen"]
    # never below 0 after 2029
    assert s[("A", 2030)] == 0.0
    assert s[(KAB, 2027)] == pytest.approx(2.5)  # (100 - 50) / 2000


@pytest.mark.parametrize(("gap", "per_year", "expected"), [
    (100, 20, 5), (101, 20, 6), (0, 20, 0), (100, 0, None), (100, -5, None),
    (0.3, 0.1, 3),  # 0.3 / 0.1 = 2.9999999999999996 in floats; rounded first, not 4
])
def test_years_needed(gap, per_year, expected):
    assert years_needed(gap, per_year) == expected
