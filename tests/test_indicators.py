"""Indicator registry, rates from counts, roll-ups that sum counts, and whole-number apportioning."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitasi import KODE_KABUPATEN
from sanitasi.indicators import (
    COUNT_COLUMNS,
    HEADLINE,
    LADDER,
    REGISTRY,
    RUNG_COLUMNS,
    aggregate,
    apportion,
    compute_rates,
    get,
    households_with,
    to_long,
)

RUNG_PCT = [f"pct_{r}" for r in ("aman", "layak_sendiri", "layak_bersama", "belum_layak", "babs_terbuka")]


def akses(*rows: tuple) -> pd.DataFrame:
    """Rows of (kode, tahun, aman, layak_sendiri, layak_bersama, belum_layak, babs_terbuka); jumlah = their sum."""
    out = []
    for kode, tahun, *rungs in rows:
        out.append({"kode_wilayah": kode, "tahun": tahun, "jumlah_kk": sum(rungs),
                    **dict(zip(RUNG_COLUMNS, rungs, strict=True))})
    return pd.DataFrame(out, columns=["kode_wilayah", "tahun", *COUNT_COLUMNS])


# ---------------------------------------------------------------- registry
LADDER_CODES = [k for k, i in REGISTRY.items() if i.tabel == "akses"]

@pytest.mark.parametrize("kode", list(REGISTRY))
def test_every_indicator_is_fully_described(kode, dataset):
    ind = REGISTRY[kode]
    assert ind.kode == kode
    assert ind.label("id") and ind.label("en") and ind.label("id") != ind.label("en")
    assert ind.satuan("id") and ind.satuan("en")
    assert ind.arah in (1, -1)
    # its columns exist in the bundled table it names, so the engine can compute it
    table = getattr(dataset, ind.tabel)
    assert ind.pembilang and set(ind.pembilang) <= set(table.columns)
    assert ind.penyebut is None or ind.penyebut in table.columns
    assert ind.tingkat in ("kecamatan", "kabupaten")
    assert (ind.tingkat == "kecamatan") == ("kode_wilayah" in table.columns)
    lo, hi = ind.batas
    assert lo == 0 and (hi == 100) == ind.persen
    assert list(ind.kelas) == sorted(ind.kelas)
    assert re.fullmatch(r"#[0-9a-f]{6}", ind.warna)
    assert ind.kolom == f"pct_{kode}"


def test_ladder_indicators_use_the_ladder_counts():
    for k in ("layak", "aman", "layak_sendiri", "layak_bersama", "belum_layak", "babs_terbuka"):
        assert set(REGISTRY[k].pembilang) <= set(RUNG_COLUMNS) and REGISTRY[k].penyebut == "jumlah_kk"


@pytest.mark.parametrize(("kode", "pembilang", "arah"), [
    # BPS: layak = aman + layak sendiri + layak bersama, so aman sits inside layak
    ("layak", {"kk_aman", "kk_layak_sendiri", "kk_layak_bersama"}, 1),
    ("aman", {"kk_aman"}, 1),
    ("layak_sendiri", {"kk_layak_sendiri"}, 1),
    ("layak_bersama", {"kk_layak_bersama"}, 1),
    ("belum_layak", {"kk_belum_layak"}, -1),
    ("babs_terbuka", {"kk_babs_terbuka"}, -1),
])
def test_definitions(kode, pembilang, arah):
    assert set(get(kode).pembilang) == pembilang
    assert get(kode).arah == arah


def test_ladder_and_headline():
    assert [f"kk_{r}" for r in LADDER] == list(RUNG_COLUMNS)
    assert set(HEADLINE) == {"layak", "aman", "babs_terbuka"}


def test_unknown_indicator_names_the_known_ones():
    with pytest.raises(KeyError, match="indikator 'odf' tidak dikenal; yang ada: layak, aman"):
        get("odf")


# ---------------------------------------------------------------- rates

@pytest.mark.parametrize(("rungs", "expected"), [
    # 200 KK: layak = (10+120+20)/200 = 75; aman 10/200 = 5; babs 20/200 = 10; belum 30/200 = 15
    ((10, 120, 20, 30, 20), {"pct_layak": 75.0, "pct_aman": 5.0, "pct_layak_sendiri": 60.0,
                             "pct_layak_bersama": 10.0, "pct_belum_layak": 15.0, "pct_babs_terbuka": 10.0}),
    # 3 KK: layak = 2/3 = 66.667; aman 1/3 = 33.333
    ((1, 1, 0, 1, 0), {"pct_layak": 200 / 3, "pct_aman": 100 / 3, "pct_babs_terbuka": 0.0}),
    # everyone open defecation
    ((0, 0, 0, 0, 7), {"pct_layak": 0.0, "pct_babs_terbuka": 100.0}),
])
def test_compute_rates(rungs, expected):
    out = compute_rates(akses(("63.10.01", 2025, *rungs)))
    for col, value in expected.items():
        assert out[col].iloc[0] == pytest.approx(value)


def test_no_households_gives_nan_not_zero():
    out = compute_rates(akses(("63.10.01", 2025, 0, 0, 0, 0, 0)))
    assert out[[f"pct_{k}" for k in LADDER_CODES]].isna().all(axis=None)


def test_compute_rates_only_the_asked_indicators_and_keeps_the_input():
    df = akses(("63.10.01", 2025, 10, 120, 20, 30, 20))
    before = df.copy()
    out = compute_rates(df, ("aman",))
    assert [c for c in out.columns if c.startswith("pct_")] == ["pct_aman"]
    pd.testing.assert_frame_equal(df, before)


counts = st.integers(min_value=0, max_value=10**6)
rung_rows = st.lists(st.tuples(counts, counts, counts, counts, counts), min_size=1, max_size=20)


@settings(max_examples=150, deadline=None)
@given(rung_rows)
def test_rates_are_within_0_and_100_and_rungs_sum_to_100(rows):
    out = compute_rates(akses(*[("63.10.01", 2000 + i, *r) for i, r in enumerate(rows)]))
    has = out["jumlah_kk"] > 0
    pct = out.loc[has, [f"pct_{k}" for k in LADDER_CODES]]
    assert ((pct >= 0) & (pct <= 100)).all(axis=None)
    assert np.allclose(out.loc[has, RUNG_PCT].sum(axis=1), 100.0, rtol=0, atol=1e-9)
    # layak is the sum of its three rungs
    assert np.allclose(out.loc[has, "pct_layak"], out.loc[has, RUNG_PCT[:3]].sum(axis=1), rtol=0, atol=1e-9)
    assert out.loc[~has, "pct_layak"].isna().all()


# ---------------------------------------------------------------- roll-ups

def test_aggregate_sums_counts_and_never_averages_rates():
    # A: 100 KK, 90 layak (90%); B: 900 KK, 450 layak (50%).
    # Sum: 540 / 1000 = 54%, not the average of the rates (90 + 50) / 2 = 70%.
    df = akses(("63.10.01", 2025, 0, 90, 0, 10, 0), ("63.10.02", 2025, 0, 450, 0, 400, 50))
    out = aggregate(df)
    assert len(out) == 1
    row = out.iloc[0]
    assert row["kode_wilayah"] == KODE_KABUPATEN
    assert (row["jumlah_kk"], row["kk_layak_sendiri"], row["kk_babs_terbuka"]) == (1000, 540, 50)
    assert row["pct_layak"] == pytest.approx(54.0)
    assert row["pct_babs_terbuka"] == pytest.approx(5.0)  # 50 / 1000


def test_aggregate_keeps_years_apart_and_names_the_area():
    df = akses(("63.10.01", 2024, 1, 1, 0, 0, 0), ("63.10.02", 2024, 0, 0, 0, 2, 0),
               ("63.10.01", 2025, 4, 0, 0, 0, 0))
    out = aggregate(df, kode="X", nama="Kabupaten X")
    assert out[["kode_wilayah", "nama", "tahun", "jumlah_kk"]].values.tolist() == [
        ["X", "Kabupaten X", 2024, 4], ["X", "Kabupaten X", 2025, 4]]
    # 2024: aman 1 of 4 = 25%; 2025: aman 4 of 4 = 100%
    assert out["pct_aman"].tolist() == [25.0, 100.0]


def test_aggregate_by_a_column():
    df = akses(("63.10.02", 2021, 0, 10, 0, 10, 0), ("63.10.11", 2021, 0, 30, 0, 10, 0),
               ("63.10.01", 2021, 0, 5, 0, 5, 0)).assign(induk=["63.10.02", "63.10.02", "63.10.01"])
    out = aggregate(df, by="induk").set_index("kode_wilayah")
    # 63.10.02 holds 20 + 40 = 60 KK of which 10 + 30 = 40 layak: 66.67%
    assert out.loc["63.10.02", "jumlah_kk"] == 60
    assert out.loc["63.10.02", "pct_layak"] == pytest.approx(200 / 3)
    assert out.loc["63.10.01", "pct_layak"] == pytest.approx(50.0)


def test_aggregate_of_nothing_is_empty_with_rate_columns():
    out = aggregate(akses())
    assert out.empty
    assert {"kode_wilayah", "tahun", "jumlah_kk", "pct_layak", "pct_babs_terbuka"} <= set(out.columns)


def test_bundled_district_total_counts_each_household_once(dataset):
    # 2021: the reduced parents plus the two new kecamatan are 12 disjoint rows
    out = aggregate(dataset.akses).set_index("tahun")
    rows2021 = dataset.akses.loc[dataset.akses["tahun"] == 2021]
    assert len(rows2021) == 12
    assert out.loc[2021, "jumlah_kk"] == rows2021["jumlah_kk"].sum()


area_rows = st.lists(
    st.tuples(st.sampled_from(["63.10.01", "63.10.02", "63.10.03"]), st.sampled_from([2020, 2021, 2022]),
              counts, counts, counts, counts, counts),
    min_size=1, max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(area_rows)
def test_aggregate_preserves_totals_and_recomputes_rates_from_sums(rows):
    df = akses(*rows)
    out = aggregate(df).set_index("tahun")
    sums = df.groupby("tahun")[list(COUNT_COLUMNS)].sum()
    assert out.index.tolist() == sums.index.tolist()
    # totals are preserved, column by column and year by year
    assert (out[list(COUNT_COLUMNS)].to_numpy() == sums.to_numpy()).all()
    # each rate is 100 x (summed numerator) / (summed households), not a mean of the rows' rates
    n = sums["jumlah_kk"].to_numpy(dtype=float)
    for kode, ind in ((k, REGISTRY[k]) for k in LADDER_CODES):
        num = sums[list(ind.pembilang)].sum(axis=1).to_numpy(dtype=float)
        want = np.where(n > 0, 100.0 * num / np.where(n > 0, n, 1.0), np.nan)
        assert np.allclose(out[f"pct_{kode}"].to_numpy(), want, rtol=1e-12, atol=0, equal_nan=True), kode


# ---------------------------------------------------------------- long form and numerators

def test_to_long_drops_missing_and_sorts():
    rates = compute_rates(akses(("63.10.02", 2025, 1, 1, 0, 0, 0), ("63.10.01", 2025, 0, 0, 0, 0, 0),
                                ("63.10.02", 2024, 0, 1, 0, 1, 0)))
    long = to_long(rates, ("layak", "aman"))
    assert list(long.columns) == ["kode_wilayah", "tahun", "indikator", "nilai"]
    # 63.10.01 has no households: no rows. 63.10.02: aman 0% (2024), 50% (2025); layak 50%, 100%
    assert long.values.tolist() == [["63.10.02", 2024, "aman", 0.0], ["63.10.02", 2025, "aman", 50.0],
                                    ["63.10.02", 2024, "layak", 50.0], ["63.10.02", 2025, "layak", 100.0]]


def test_households_with_row_and_frame():
    df = akses(("63.10.01", 2025, 10, 120, 20, 30, 20), ("63.10.02", 2025, 1, 2, 3, 4, 5))
    assert households_with(df.iloc[0], "layak") == 150.0  # 10 + 120 + 20
    assert households_with(df, "layak").tolist() == [150, 6]  # 1 + 2 + 3
    assert households_with(df, "babs_terbuka").tolist() == [20, 5]


# ---------------------------------------------------------------- apportioning

@pytest.mark.parametrize(("total", "shares", "expected"), [
    # exact 3.33 each: floors 3+3+3 = 9, one short; equal remainders -> the first gets it
    (10, [1, 1, 1], [4, 3, 3]),
    # exact 3.5, 2.1, 1.4: floors 3+2+1 = 6, one short, largest remainder .5 -> first
    (7, [50, 30, 20], [4, 2, 1]),
    # exact 82.55, 10, 7.45: floors 82+10+7 = 99, remainders .55 > .45 -> first
    (100, [82.55, 10, 7.45], [83, 10, 7]),
    # exact 1.8, 0.9, 0.3: floors 1+0+0 = 1, two short, remainders .8, .9, .3 -> second and first
    (3, [0.6, 0.3, 0.1], [2, 1, 0]),
    (0, [1, 2, 3], [0, 0, 0]),
    (5, [0, 1, 0], [0, 5, 0]),
])
def test_apportion(total, shares, expected):
    assert apportion(np.array([total]), np.array([shares], dtype=float)).tolist() == [expected]


@settings(max_examples=200, deadline=None)
@given(st.lists(
    st.tuples(st.integers(0, 10**7),
              st.lists(st.floats(0, 1000, allow_nan=False), min_size=5, max_size=5).filter(lambda w: sum(w) > 0)),
    min_size=1, max_size=10))
def test_apportion_adds_up_exactly_and_stays_within_one(rows):
    totals = np.array([t for t, _ in rows])
    shares = np.array([w for _, w in rows])
    out = apportion(totals, shares)
    assert out.dtype.kind == "i"
    assert (out >= 0).all()
    assert (out.sum(axis=1) == totals).all()
    exact = shares / shares.sum(axis=1, keepdims=True) * totals[:, None]
    assert (np.abs(out - exact) < 1 + 1e-6).all()
