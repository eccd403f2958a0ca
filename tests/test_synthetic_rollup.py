"""The synthetic national data of the benchmarks, and roll-ups on it staying exact (benchmarks/synthetic.py).

The scale benchmark trusts two things checked here: the generator gives valid, reproducible data
(rungs adding up to jumlah_kk, codes as Kemendagri writes them, a boundary coverage without gaps), and
rolling counts up to parent areas loses and invents nothing: every total is the sum of its parts, and
every rate is recomputed from the summed counts, never averaged.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely

from benchmarks import synthetic
from sanitasi import indicators
from sanitasi.load import AKSES
from sanitasi.schema import validate

COUNTS = list(indicators.COUNT_COLUMNS)


@pytest.fixture(scope="module")
def kecamatan() -> synthetic.Nation:
    return synthetic.nation("kecamatan", n=600, years=(2019, 2020, 2021), seed=3)


@pytest.fixture(scope="module")
def desa() -> synthetic.Nation:
    return synthetic.nation("desa", n=8000, years=(2020, 2021), seed=4)


def test_generator_is_seeded(kecamatan: synthetic.Nation) -> None:
    again = synthetic.nation("kecamatan", n=600, years=(2019, 2020, 2021), seed=3)
    pd.testing.assert_frame_equal(kecamatan.akses, again.akses)
    other = synthetic.nation("kecamatan", n=600, years=(2019, 2020, 2021), seed=5)
    assert not other.akses["jumlah_kk"].equals(kecamatan.akses["jumlah_kk"])


@pytest.mark.parametrize("level", ["kecamatan", "desa"])
def test_rungs_add_up_and_sizes_are_as_asked(level: str, kecamatan, desa) -> None:
    nation = kecamatan if level == "kecamatan" else desa
    n, years = (600, 3) if level == "kecamatan" else (8000, 2)
    assert len(nation.wilayah) == n and nation.wilayah["kode"].is_unique
    assert len(nation.akses) == n * years
    a = nation.akses
    assert (a[list(indicators.RUNG_COLUMNS)].sum(axis=1) == a["jumlah_kk"]).all()
    assert (a[COUNTS] >= 0).all().all() and (a["jumlah_kk"] > 0).all()


def test_kecamatan_data_pass_the_access_contract(kecamatan: synthetic.Nation) -> None:
    text = synthetic.to_csv_text(kecamatan.akses)
    from io import StringIO

    raw = pd.read_csv(StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
    assert len(validate(raw, AKSES)) == len(kecamatan.akses)  # codes like 63.10.01, rungs adding up


def test_the_national_tree_has_the_right_shape() -> None:
    tree = synthetic.areas("kecamatan")
    assert len(tree) == 7300
    assert tree["kabupaten"].nunique() == synthetic.KABUPATEN
    assert tree["provinsi"].nunique() == synthetic.PROVINSI
    assert tree["kode"].str.fullmatch(r"\d{2}\.\d{2}\.\d{2}").all()
    assert (tree["induk"] == tree["kode"].str[:5]).all()


@pytest.mark.parametrize(("level", "parent"), [("kecamatan", "induk"), ("kecamatan", "provinsi"),
                                               ("desa", "induk"), ("desa", "kabupaten")])
def test_roll_up_preserves_every_total(level: str, parent: str, kecamatan, desa) -> None:
    a = (kecamatan if level == "kecamatan" else desa).akses
    rolled = indicators.aggregate(a, by=parent)
    assert rolled["kode_wilayah"].nunique() == a[parent].nunique()
    # per year, the parents' counts add up to the areas' counts, exactly (integers)
    pd.testing.assert_frame_equal(rolled.groupby("tahun")[COUNTS].sum(), a.groupby("tahun")[COUNTS].sum())
    # and each parent is the sum of its own areas
    by_hand = a.groupby([parent, "tahun"])[COUNTS].sum().reset_index(drop=True)
    assert (rolled.sort_values(["kode_wilayah", "tahun"])[COUNTS].reset_index(drop=True) == by_hand).all().all()


def test_rates_after_a_roll_up_come_from_summed_counts(kecamatan: synthetic.Nation) -> None:
    a = kecamatan.akses
    rolled = indicators.aggregate(a, by="provinsi").set_index(["kode_wilayah", "tahun"])
    rates = indicators.compute_rates(a)
    for (prov, year), row in rolled.head(20).iterrows():
        part = a.loc[(a["provinsi"] == prov) & (a["tahun"] == year)]
        want = 100.0 * part[["kk_aman", "kk_layak_sendiri", "kk_layak_bersama"]].to_numpy().sum() / part[
            "jumlah_kk"].sum()
        assert row["pct_layak"] == pytest.approx(want, rel=1e-12)
        # the mean of the areas' percentages is a different number: rates must not be averaged
        mean = rates.loc[part.index, "pct_layak"].mean()
        assert abs(mean - want) > 1e-9


def test_rolling_up_in_two_steps_equals_one(desa: synthetic.Nation) -> None:
    """desa -> kecamatan -> kabupaten gives the same counts as desa -> kabupaten."""
    a = desa.akses
    kec = indicators.aggregate(a, by="induk")
    kec = kec.assign(kabupaten=kec["kode_wilayah"].str[:5])
    two = indicators.aggregate(kec, by="kabupaten").sort_values(["kode_wilayah", "tahun"]).reset_index(drop=True)
    one = indicators.aggregate(a, by="kabupaten").sort_values(["kode_wilayah", "tahun"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(two[["kode_wilayah", "tahun", *COUNTS]], one[["kode_wilayah", "tahun", *COUNTS]])


def test_synthetic_boundaries_tile_the_box_and_stay_a_coverage_when_detailed() -> None:
    tree = synthetic.areas("kecamatan").head(120)
    box = (110.0, -8.0, 116.0, -2.0)
    rng = np.random.default_rng(2)
    tree = tree.assign(lon=rng.uniform(box[0], box[2], len(tree)), lat=rng.uniform(box[1], box[3], len(tree)))
    cells = synthetic.boundaries(tree, box)
    assert shapely.coverage_is_valid(cells.geometry.to_numpy())
    assert shapely.union_all(cells.geometry.to_numpy()).area == pytest.approx(36.0)
    # each cell holds its own point
    pts = shapely.points(tree["lon"].to_numpy(), tree["lat"].to_numpy())
    assert shapely.contains(cells.geometry.to_numpy(), pts).all()
    dense = synthetic.detailed(cells, 20_000)
    assert 15_000 < synthetic.vertex_count(dense.geometry) < 25_000
    assert shapely.coverage_is_valid(dense.geometry.to_numpy())
    assert list(dense["kode"]) == list(cells["kode"])
