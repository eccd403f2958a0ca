"""Series across the 2021 split: on the 2020 boundaries (children summed into parents) or on today's (flagged)."""

from __future__ import annotations

import pandas as pd
import pytest

from sanitasi.indicators import COUNT_COLUMNS, aggregate
from sanitasi.lineage import (
    ancestor_on,
    comparable_only,
    on_basis,
    on_boundaries_of,
    on_current_boundaries,
    split_year,
)

KUSAN_HILIR, KUSAN_HULU, KUSAN_TENGAH, TELUK_KEPAYANG = "63.10.02", "63.10.05", "63.10.11", "63.10.12"
PARENTS = {KUSAN_HILIR, KUSAN_HULU}
CHILDREN = {KUSAN_TENGAH: KUSAN_HILIR, TELUK_KEPAYANG: KUSAN_HULU}

# A hand-made case: parent P (63.10.02) lost child C (63.10.11) in 2021; B (63.10.01) never changed.
WILAYAH = pd.DataFrame({
    "kode": ["63.10.01", "63.10.02", "63.10.11"],
    "pemekaran_dari": pd.array([pd.NA, pd.NA, "63.10.02"], dtype="string"),
    "berlaku_sejak": pd.array([2003, 2003, 2021], dtype="Int64"),
})
AKSES = pd.DataFrame({
    "kode_wilayah": ["63.10.01", "63.10.02", "63.10.01", "63.10.02", "63.10.11"],
    "tahun": [2020, 2020, 2021, 2021, 2021],
    "jumlah_kk": [50, 100, 52, 70, 30],
    "kk_aman": [5, 10, 5, 7, 2],
    "kk_layak_sendiri": [35, 50, 37, 42, 13],
    "kk_layak_bersama": [0, 0, 0, 0, 0],
    "kk_belum_layak": [5, 30, 5, 16, 12],
    "kk_babs_terbuka": [5, 10, 5, 5, 3],
})


@pytest.mark.parametrize(("year", "expected"), [
    (2020, {"63.10.01": "63.10.01", "63.10.02": "63.10.02", "63.10.11": "63.10.02"}),
    (2021, {"63.10.01": "63.10.01", "63.10.02": "63.10.02", "63.10.11": "63.10.11"}),
])
def test_ancestor_on(year, expected):
    assert ancestor_on(WILAYAH, year) == expected


def test_split_year():
    assert split_year(WILAYAH) == {"63.10.02": 2021}


def test_on_2020_boundaries_hand_case():
    out = on_boundaries_of(AKSES, WILAYAH, 2020).set_index(["kode_wilayah", "tahun"])
    assert sorted(out.index) == [("63.10.01", 2020), ("63.10.01", 2021), ("63.10.02", 2020), ("63.10.02", 2021)]
    # P in 2021 on the old boundary: 70 + 30 = 100 KK; layak (7+42) + (2+13) = 64 -> 64%
    assert out.loc[("63.10.02", 2021), "jumlah_kk"] == 100
    assert out.loc[("63.10.02", 2021), "pct_layak"] == pytest.approx(64.0)
    # babs (5 + 3) / 100 = 8%
    assert out.loc[("63.10.02", 2021), "pct_babs_terbuka"] == pytest.approx(8.0)
    assert out["sebanding"].all()


def test_on_current_boundaries_hand_case():
    out = on_current_boundaries(AKSES, WILAYAH)
    # only P before 2021 covered a larger area than today
    assert out["sebanding"].tolist() == [True, False, True, True, True]
    # rates are those of the rows as published: P 2021: (7+42)/70 = 70%
    assert out["pct_layak"].iloc[3] == pytest.approx(70.0)
    kept = comparable_only(out)
    assert len(kept) == 4
    assert not ((kept["kode_wilayah"] == "63.10.02") & (kept["tahun"] == 2020)).any()


def test_comparable_only_without_flags_returns_the_frame():
    assert comparable_only(AKSES) is AKSES


def test_the_input_is_not_changed():
    before = AKSES.copy()
    on_boundaries_of(AKSES, WILAYAH, 2020)
    on_current_boundaries(AKSES, WILAYAH)
    pd.testing.assert_frame_equal(AKSES, before)


# ---------------------------------------------------------------- the bundled data

@pytest.fixture(scope="module")
def old(dataset) -> pd.DataFrame:
    return on_boundaries_of(dataset.akses, dataset.wilayah, 2020)


@pytest.fixture(scope="module")
def now(dataset) -> pd.DataFrame:
    return on_current_boundaries(dataset.akses, dataset.wilayah)


def test_2020_boundaries_give_ten_units_every_year(old):
    per_year = old.groupby("tahun")["kode_wilayah"].nunique()
    assert per_year.tolist() == [10] * 8
    assert not set(old["kode_wilayah"]) & set(CHILDREN)


def test_2020_boundaries_keep_the_published_totals(dataset, old):
    published = dataset.akses.groupby("tahun")[list(COUNT_COLUMNS)].sum()
    rebased = old.groupby("tahun")[list(COUNT_COLUMNS)].sum()
    pd.testing.assert_frame_equal(rebased, published)


@pytest.mark.parametrize(("child", "parent"), list(CHILDREN.items()))
def test_2020_boundaries_add_the_child_into_its_parent(dataset, old, child, parent):
    a = dataset.akses.set_index(["kode_wilayah", "tahun"])
    o = old.set_index(["kode_wilayah", "tahun"])
    for tahun in range(2021, 2026):
        expected = a.loc[(parent, tahun), list(COUNT_COLUMNS)] + a.loc[(child, tahun), list(COUNT_COLUMNS)]
        assert o.loc[(parent, tahun), list(COUNT_COLUMNS)].tolist() == expected.tolist()
        layak = expected[["kk_aman", "kk_layak_sendiri", "kk_layak_bersama"]].sum()
        assert o.loc[(parent, tahun), "pct_layak"] == pytest.approx(100 * layak / expected["jumlah_kk"])
    for tahun in range(2018, 2021):
        assert o.loc[(parent, tahun), "jumlah_kk"] == a.loc[(parent, tahun), "jumlah_kk"]


def test_current_boundaries_flag_only_parents_before_2021(now):
    flagged = now.loc[~now["sebanding"], ["kode_wilayah", "tahun"]]
    expected = {(k, y) for k in PARENTS for y in (2018, 2019, 2020)}
    assert set(map(tuple, flagged.values.tolist())) == expected
    assert now["sebanding"].sum() == len(now) - 6


def test_kabupaten_is_the_same_on_both_bases(old, now):
    a = aggregate(old.drop(columns="sebanding"))
    b = aggregate(now.drop(columns="sebanding"))
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("basis", ["kini", "2020"])
def test_on_basis(dataset, old, now, basis):
    expected = now if basis == "kini" else old
    pd.testing.assert_frame_equal(on_basis(dataset.akses, dataset.wilayah, basis), expected)
