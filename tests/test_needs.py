"""Households to reach a target in two parts (backlog and growth), their cost, the plan year by year and the
what-if, all from one model (sanitasi.needs)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitasi import KODE_KABUPATEN as KAB
from sanitasi import lineage
from sanitasi.analysis import latest_rows
from sanitasi.needs import (
    cost_per_household,
    default_new_share,
    gap,
    growth_rates,
    plan_years,
    share_limit,
    what_if,
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


@pytest.mark.parametrize(("share_today", "target", "arah", "expected"), [
    (84.18, 90.0, 1, 0.06),    # new households like today's: 90 - 84,18 = 5,82 -> 6% of them to reach
    (80.0, 90.0, 1, 0.10),
    (93.6, 90.0, 1, 0.0),      # today's share already above the target
    (9.09, 30.0, 1, 0.21),     # aman: 20,91 -> 21%
    (5.59, 0.0, -1, 0.06),     # open defecation: new households practise it at today's 5,59% -> 6% above 0
    (2.0, 5.0, -1, 0.0),       # below the allowed 5% already
    (0.0, 5.0, 1, 0.05),       # at most what the target asks of new households (p = 5%): all of it
])
def test_default_new_share(share_today, target, arah, expected):
    assert default_new_share(share_today, target, arah) == pytest.approx(expected)


# ------------------------------------------------------------------------------------- backlog and growth
def one(rows, indikator, target, target_year=2030, growth=None, porsi=None):
    return gap(pd.DataFrame(rows), indikator, target=target, target_year=target_year,
               growth=pd.Series(growth or {}, dtype="float64"), porsi_baru=porsi, biaya=BIAYA)


def test_backlog_and_growth_of_one_area():
    # layak 50 + 700 + 50 = 800 of 1000 (80%); 90% by 2030 with 2% growth: 1000 x 1.02^5 = 1104.08, 104.08 new.
    # backlog = 900 - 800 = 100; default s = 90 - 80 = 10%: growth = ceil(100 + 0.10 x 104.08) - 100 = 111 - 100
    g = one([area()], "layak", 90, growth={"A": 0.02})
    row = g.table.iloc[0]
    assert (g.porsi_baru, g.porsi_bawaan, g.porsi_kini) == (pytest.approx(0.10), True, pytest.approx(80.0))
    assert (row["backlog"], row["pertumbuhan"], row["kesenjangan_kk"], row["kk_baru"]) == (100, 11, 111, 104)
    assert row["per_tahun"] == pytest.approx(111 / 5)
    # the money follows the split: 1,000,000 a household
    assert (row["biaya_backlog"], row["biaya_pertumbuhan"], row["biaya_total"]) == (100e6, 11e6, 111e6)
    assert (g.backlog_kabupaten, g.backlog_kecamatan, g.total_kabupaten, g.total_kecamatan) == (100, 100, 111, 111)


@pytest.mark.parametrize(("porsi", "total"), [
    (0.0, 100),    # growth 0: the total is the backlog
    (0.9, 194),    # every new household without access (the old assumption): ceil(100 + 0.9 x 104.08) = 194
    (2.0, 194),    # more than the target asks of new households (90%) is held at 90%
])
def test_the_growth_assumption(porsi, total):
    g = one([area()], "layak", 90, growth={"A": 0.02}, porsi=porsi)
    assert (g.backlog_kecamatan, g.total_kecamatan, g.porsi_bawaan) == (100, total, False)


def test_open_defecation_backlog_and_growth():
    # 80 of 1000 practise it (8%); 5% allowed: backlog 80 - 50 = 30; default s = 8 - 5 = 3%:
    # ceil(30 + 0.03 x 104.08) = ceil(33.12) = 34 -> growth 4
    g = one([area()], "babs_terbuka", 5, growth={"A": 0.02})
    row = g.table.iloc[0]
    assert (row["kk_akses"], row["backlog"], row["pertumbuhan"], row["kesenjangan_kk"]) == (80, 30, 4, 34)
    assert row["biaya_total"] == 34 * 500_000.0


def test_two_district_backlogs():
    # A: 800 of 1000 layak (100 short of 90%); C: 950 of 1000 (50 above). No growth.
    rows = [area("A", aman=0, sendiri=800, bersama=0, belum=200, babs=0),
            area("C", aman=0, sendiri=950, bersama=0, belum=50, babs=0)]
    g = one(rows, "layak", 90)
    # for the district as one area C's surplus counts: 1800 - 1750 = 50; for every kecamatan: 100 + 0
    assert (g.backlog_kabupaten, g.backlog_kecamatan) == (50, 100)
    assert g.table.set_index("kode_wilayah")["backlog"].to_dict() == {"A": 100, "C": 0}


def test_an_area_above_the_target_uses_its_surplus_before_growth():
    # C: 950 of 1000 (surplus 50 over 90%), 10% growth a year: 1000 x 1.1^5 = 1610.51, 610.51 new; s = 10%:
    # ceil(-50 + 61.05) = 12 to reach (backlog 0, growth 12), not the whole 61
    g = one([area("C", aman=0, sendiri=950, bersama=0, belum=50, babs=0)], "layak", 90, growth={"C": 0.1},
            porsi=0.1)
    row = g.table.iloc[0]
    assert (row["backlog"], row["pertumbuhan"], row["kesenjangan_kk"]) == (0, 12, 12)


def test_a_passed_target_year_has_no_growth_and_no_yearly_figure():
    g = one([area()], "layak", 90, target_year=2024, growth={"A": 0.02}, porsi=0.5)
    row = g.table.iloc[0]
    assert (row["tahun_tersisa"], row["backlog"], row["pertumbuhan"], row["kk_baru"]) == (0, 100, 0, 0)
    assert math.isnan(row["per_tahun"]) and math.isnan(g.per_tahun_kecamatan)
    assert plan_years(g).empty


def test_without_unit_costs_the_money_is_unknown():
    g = gap(pd.DataFrame([area()]), "layak", target=90, target_year=2030, growth=pd.Series(dtype=float))
    assert g.backlog_kecamatan == 100 and math.isnan(g.table["biaya_total"].iloc[0])


def test_the_issue_numbers_on_the_bundled_data(an):
    """90% layak today: 5.722 KK for the district as one area, 6.622 KK for every kecamatan (the issue's 'about
    6.620'); Batulicin (93,6%) and Simpang Empat (92,8%) are above the target and have no backlog."""
    latest = latest_rows(lineage.comparable_only(an.kec))
    g = gap(latest, "layak", target=90, target_year=2029, growth=an.growth, porsi_baru=0.0)
    assert (g.backlog_kabupaten, g.backlog_kecamatan, g.total_kecamatan) == (5722, 6622, 6622)
    by = g.table.set_index("kode_wilayah")
    assert by.loc[["63.10.01", "63.10.06"], "kesenjangan_kk"].tolist() == [0, 0]
    # kabupaten 2025 (data/akses): 98,284 households, 82,734 with layak: ceil(0.9 x 98,284) - 82,734 = 5,722
    assert math.ceil(0.9 * 98_284) - 82_734 == 5722


# ------------------------------------------------------------------------------------- the plan year by year
def test_plan_years_without_growth():
    # layak 80% -> 90% over 5 years, no growth: 20 households a year, 82, 84, ..., 90%
    g = one([area()], "layak", 90)
    plan = plan_years(g)
    assert plan["tahun"].tolist() == [2026, 2027, 2028, 2029, 2030]
    assert plan["tambah"].tolist() == [20] * 5 and plan["pertumbuhan"].tolist() == [0] * 5
    assert plan["persen"].tolist() == pytest.approx([82, 84, 86, 88, 90])


@pytest.mark.parametrize(("row", "indikator", "target", "growth", "porsi"), [
    (area(), "layak", 90, 0.02, None),
    (area(), "layak", 90, 0.02, 0.9),
    (area(), "babs_terbuka", 5, 0.02, None),
    (area(), "aman", 15, 0.03, 0.15),
    (area(sendiri=860, belum=10, babs=30), "layak", 90, 0.05, 0.5),  # 96% today, surplus then growth
])
def test_the_plan_adds_up_and_ends_at_the_target(row, indikator, target, growth, porsi):
    g = one([row], indikator, target, growth={"A": growth}, porsi=porsi)
    plan = plan_years(g)
    assert plan["tambah"].sum() == g.total_kecamatan
    assert plan["backlog"].sum() == g.backlog_kecamatan and plan["pertumbuhan"].sum() == g.pertumbuhan_kecamatan
    last = plan["persen"].iloc[-1]
    arah = 1 if indikator != "babs_terbuka" else -1
    assert arah * (last - target) >= -1e-9  # at (or, by whole households, just past) the target
    if g.total_kecamatan > 0:
        assert abs(last - target) < 100.0 / plan["jumlah_kk"].iloc[-1]  # within one household of it


@settings(max_examples=150, deadline=None)
@given(n0=st.integers(1, 50_000), share=st.floats(0, 1), target=st.floats(0, 100, allow_nan=False),
       years=st.integers(1, 20), growth=st.floats(-0.05, 0.08), babs=st.booleans(), porsi=st.floats(0, 1))
def test_backlog_growth_and_the_plan_always_agree(n0, share, target, years, growth, babs, porsi):
    have = int(share * n0)
    row = {**area(aman=0, sendiri=0, bersama=0, belum=0, babs=0),
           "jumlah_kk": n0, "kk_layak_sendiri" if not babs else "kk_babs_terbuka": have}
    row["kk_belum_layak"] = n0 - have
    indikator = "babs_terbuka" if babs else "layak"
    g = one([row], indikator, target, target_year=2025 + years, growth={"A": growth}, porsi=porsi)
    r = g.table.iloc[0]
    assert r["backlog"] >= 0 and r["pertumbuhan"] >= 0 and r["kesenjangan_kk"] == r["backlog"] + r["pertumbuhan"]
    assert g.porsi_baru <= share_limit(target, -1 if babs else 1) + 1e-12
    zero = one([row], indikator, target, target_year=2025 + years, growth={"A": growth}, porsi=0.0)
    assert zero.total_kecamatan == zero.backlog_kecamatan == g.backlog_kecamatan  # growth 0: total = backlog
    plan = plan_years(g)
    assert plan["tambah"].sum() == g.total_kecamatan and (plan["tambah"] >= 0).all()


# ------------------------------------------------------------------------------------- the what-if
def three_areas() -> pd.DataFrame:
    # A: 800 of 1000 layak (backlog to 90%: 100); B: 400 of 500 (50); C: 950 of 1000 (already 95%: 0)
    return pd.DataFrame([area("A", aman=0, sendiri=800, bersama=0, belum=200, babs=0),
                         area("B", aman=0, sendiri=400, bersama=0, belum=100, babs=0),
                         area("C", aman=0, sendiri=950, bersama=0, belum=50, babs=0)])


def test_what_if_allocates_in_proportion_to_the_need():
    series, reached = what_if(three_areas(), "layak", add_per_year=30, target=90, target_year=2030,
                              growth=pd.Series(dtype=float), porsi_baru=0.0, until=2035)
    r = reached.set_index("kode_wilayah")
    # needs 100 : 50 : 0 -> 30 a year split 20 : 10 : 0
    assert r.loc[["A", "B", "C"], "alokasi"].tolist() == pytest.approx([20.0, 10.0, 0.0])
    assert r.loc[KAB, "alokasi"] == 30.0
    # A: 800 + 20k >= 900 at k = 5 -> 2030; B: 400 + 10k >= 450 at k = 5 -> 2030; C: already -> 2025;
    # kabupaten: (2150 + 30k) / 2500 >= 90% at k = 3.33 -> 2029
    assert r.loc[["A", "B", "C", KAB], "tahun_capai"].tolist() == [2030, 2030, 2025, 2029]
    s = series.set_index(["kode_wilayah", "tahun"])["persen"]
    assert s[("A", 2027)] == pytest.approx(84.0)          # (800 + 2 x 20) / 1000
    assert s[(KAB, 2026)] == pytest.approx(87.2)  # (2150 + 30) / 2500


def test_what_if_without_a_programme_follows_the_arrivals():
    # 3% growth a year, s = 0: new households arrive at the target share (90%), as many each year until 2030:
    # A drifts from 80% toward 90% without reaching it; C stays above.
    latest = three_areas()
    growth = pd.Series({"A": 0.03, "B": 0.01, "C": 0.02})
    series, reached = what_if(latest, "layak", add_per_year=0, target=90, target_year=2030, growth=growth,
                              porsi_baru=0.0, until=2040)
    s = series.set_index(["kode_wilayah", "tahun"])["persen"]
    # A: 1000 x 1.03^5 - 1000 = 159.27 new by 2030, 31.855 a year; 2030: (800 + 0.9 x 159.27) / 1159.27
    assert s[("A", 2030)] == pytest.approx(100 * (800 + 0.9 * 159.274) / 1159.274, rel=1e-4)
    # 2027: two years of 31.855: (800 + 0.9 x 63.71) / 1063.71
    assert s[("A", 2027)] == pytest.approx(100 * (800 + 0.9 * 63.710) / 1063.710, rel=1e-4)
    r = reached.set_index("kode_wilayah")["tahun_capai"]
    assert r["C"] == 2025 and pd.isna(r["A"]) and pd.isna(r["B"])
    assert set(series["tahun"]) == set(range(2025, 2041)) and (series["kode_wilayah"] == KAB).sum() == 16


def test_what_if_open_defecation():
    # A: 100 of 1000 open defecation, B: none. Target 0, no growth: all 25 a year go to A: 100 - 25k = 0 at k = 4.
    latest = pd.DataFrame([area("A", aman=0, sendiri=800, bersama=0, belum=100, babs=100),
                           area("B", aman=0, sendiri=900, bersama=0, belum=100, babs=0)])
    series, reached = what_if(latest, "babs_terbuka", add_per_year=25, target=0, target_year=2029,
                              growth=pd.Series(dtype=float), until=2035)
    r = reached.set_index("kode_wilayah")
    assert r.loc[["A", "B"], "alokasi"].tolist() == [25.0, 0.0]
    assert r.loc[["A", "B", KAB], "tahun_capai"].tolist() == [2029, 2025, 2029]
    s = series.set_index(["kode_wilayah", "tahun"])["persen"]
    assert s[("A", 2030)] == 0.0  # never below 0 after 2029
    assert s[(KAB, 2027)] == pytest.approx(2.5)  # (100 - 50) / 2000


@pytest.mark.parametrize(("indikator", "target", "target_year"), [
    ("layak", 90.0, 2029), ("layak", 92.0, 2029), ("layak", 90.0, 2035), ("aman", 30.0, 2029),
    ("aman", 15.0, 2030), ("babs_terbuka", 0.0, 2029), ("babs_terbuka", 2.0, 2032),
])
@pytest.mark.parametrize("porsi", [None, 0.0, 0.5])
def test_the_what_if_at_the_yearly_need_reaches_the_target_in_the_target_year(an, indikator, target, target_year,
                                                                             porsi):
    """On the bundled data, for every kecamatan and the district: started at the plan's yearly need (every
    kecamatan's, or the district's as one area) the what-if reaches the target in the target year, not before and
    not after; a kecamatan already at the target is there from the start and stays there."""
    latest = latest_rows(lineage.comparable_only(an.kec))
    g = gap(latest, indikator, target=target, target_year=target_year, growth=an.growth, porsi_baru=porsi)
    arah = 1 if indikator != "babs_terbuka" else -1
    series, reached = what_if(latest, indikator, add_per_year=g.per_tahun_kecamatan, target=target,
                              target_year=target_year, growth=an.growth, porsi_baru=porsi)
    r = reached.set_index("kode_wilayah")["tahun_capai"]
    s = series.set_index(["kode_wilayah", "tahun"])["persen"]
    for kode, backlog in zip(g.table["kode_wilayah"], g.table["backlog"], strict=True):
        if backlog > 0:
            assert r[kode] == target_year, kode
        else:
            assert r[kode] == g.tahun, kode
            assert all(arah * (s[(kode, y)] - target) >= -1e-9 for y in range(g.tahun, target_year + 1)), kode
    _, district = what_if(latest, indikator, add_per_year=g.per_tahun_kabupaten, target=target,
                          target_year=target_year, growth=an.growth, porsi_baru=porsi)
    assert district.set_index("kode_wilayah").loc[KAB, "tahun_capai"] == target_year


@pytest.mark.parametrize(("gap_kk", "per_year", "expected"), [
    (100, 20, 5), (101, 20, 6), (0, 20, 0), (100, 0, None), (100, -5, None),
    (0.3, 0.1, 3),  # 0.3 / 0.1 = 2.9999999999999996 in floats; rounded first, not 4
])
def test_years_needed(gap_kk, per_year, expected):
    assert years_needed(gap_kk, per_year) == expected


def test_numbers_are_whole_households(an):
    latest = latest_rows(lineage.comparable_only(an.kec))
    g = gap(latest, "aman", target=30, target_year=2029, growth=an.growth)
    for col in ("backlog", "pertumbuhan", "kesenjangan_kk", "kk_baru"):
        assert g.table[col].dtype == np.int64
