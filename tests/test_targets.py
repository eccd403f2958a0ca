"""Targets: which value applies to which area, final targets, baselines and the path to the target."""

from __future__ import annotations

import pandas as pd
import pytest

from sanitasi import KODE_KABUPATEN
from sanitasi.targets import baseline_year, documents, final, goals_for, indicators_of, rows_for, target_path

NA = pd.NA

TARGET = pd.DataFrame({
    "dokumen": ["RPJMN", "RPJMN", "SSK", "SSK", "SSK", "SSK", "SDG"],
    "indikator": ["layak", "babs_terbuka", "layak", "layak", "layak", "layak", "babs_terbuka"],
    "kode_wilayah": pd.array([NA, NA, NA, NA, "63.10.08", "63.10.08", NA], dtype="string"),
    "tahun": [2024, 2024, 2022, 2024, 2022, 2024, 2030],
    "nilai": [90.0, 0.0, 82.0, 90.0, 70.0, 75.0, 0.0],
    "tahun_dasar": pd.array([2019, 2019, 2021, 2021, 2021, 2021, NA], dtype="Int64"),
    "catatan": ["", "", "", "", "", "", ""],
})


def test_documents_in_table_order():
    assert documents(TARGET) == ["RPJMN", "SSK", "SDG"]


@pytest.mark.parametrize(("dokumen", "expected"), [
    ("RPJMN", ["layak", "babs_terbuka"]), ("SSK", ["layak"]), ("SDG", ["babs_terbuka"]), ("lain", []),
])
def test_indicators_of(dokumen, expected):
    assert indicators_of(TARGET, dokumen) == expected


@pytest.mark.parametrize(("kode", "expected"), [
    ("63.10.08", [(2022, 70.0), (2024, 75.0)]),        # Mantewe has its own SSK rows
    ("63.10.01", [(2022, 82.0), (2024, 90.0)]),        # others fall back to the kabupaten rows
    (KODE_KABUPATEN, [(2022, 82.0), (2024, 90.0)]),
])
def test_rows_for(kode, expected):
    r = rows_for(TARGET, "SSK", "layak", kode)
    assert list(zip(r["tahun"], r["nilai"], strict=True)) == expected


def test_goals_for_takes_the_final_year_and_skips_what_a_document_does_not_set():
    g = goals_for(TARGET, "SSK", ["63.10.08", "63.10.01"], ["layak", "babs_terbuka"])
    assert g.values.tolist() == [["63.10.08", "layak", "SSK", 75.0, 2024],
                                 ["63.10.01", "layak", "SSK", 90.0, 2024]]


# Own rows for a kecamatan, explicit kabupaten rows next to blank ones, a later year listed first, and
# an own row for an indicator the kabupaten rows do not cover.
MIXED = pd.DataFrame({
    "dokumen": ["D"] * 7,
    "indikator": ["layak", "layak", "layak", "aman", "aman", "babs_terbuka", "aman"],
    "kode_wilayah": pd.array([NA, KODE_KABUPATEN, "63.10.02", "63.10.02", NA, "63.10.05", "63.10.02"],
                             dtype="string"),
    "tahun": [2024, 2022, 2023, 2030, 2024, 2026, 2025],
    "nilai": [90.0, 85.0, 80.0, 40.0, 15.0, 1.0, 20.0],
    "tahun_dasar": pd.array([NA] * 7, dtype="Int64"),
    "catatan": [""] * 7,
})


@pytest.mark.parametrize("table", [TARGET, MIXED], ids=["simple", "mixed"])
def test_goals_for_agrees_with_rows_for_pair_by_pair(table):
    """The all-at-once version gives, for every pair, the last row `rows_for` returns (in the same order)."""
    areas = ["63.10.05", KODE_KABUPATEN, "63.10.02", "63.10.08", "63.10.01"]
    for dokumen in documents(table):
        expected = []
        for ind in indicators_of(table, dokumen):
            for kode in areas:
                r = rows_for(table, dokumen, ind, kode)
                if not r.empty:
                    expected.append([kode, ind, dokumen, float(r["nilai"].iloc[-1]), int(r["tahun"].iloc[-1])])
        assert goals_for(table, dokumen, areas).values.tolist() == expected


def test_goals_for_mixed_table_by_hand():
    g = goals_for(MIXED, "D", ["63.10.02", "63.10.05", KODE_KABUPATEN], ["aman", "babs_terbuka"])
    # 63.10.02 has own aman rows (2025: 20, 2030: 40); 63.10.05 falls back to the kabupaten's 15% (2024);
    # babs_terbuka is set only for 63.10.05
    assert g[["kode_wilayah", "indikator", "target", "target_year"]].values.tolist() == [
        ["63.10.02", "aman", 40.0, 2030], ["63.10.05", "aman", 15.0, 2024], [KODE_KABUPATEN, "aman", 15.0, 2024],
        ["63.10.05", "babs_terbuka", 1.0, 2026]]


def test_goals_for_with_nothing_to_judge_has_the_columns():
    g = goals_for(TARGET, "lain", ["63.10.01"])
    assert g.empty
    assert list(g.columns) == ["kode_wilayah", "indikator", "dokumen", "target", "target_year"]


@pytest.mark.parametrize(("dokumen", "indikator", "kode", "expected"), [
    ("RPJMN", "layak", KODE_KABUPATEN, (2024, 90.0)),
    ("SSK", "layak", "63.10.08", (2024, 75.0)),
    ("SDG", "babs_terbuka", "63.10.01", (2030, 0.0)),
    ("SDG", "layak", KODE_KABUPATEN, None),
])
def test_final(dokumen, indikator, kode, expected):
    assert final(TARGET, dokumen, indikator, kode) == expected


def test_bundled_final_targets(dataset):
    assert final(dataset.target, "RPJMN 2020-2024", "layak") == (2024, 90.0)
    assert final(dataset.target, "SSK 2022-2024 (ilustratif)", "babs_terbuka", "63.10.08") == (2024, 0.0)
    assert final(dataset.target, "Visi Indonesia 2045", "aman") == (2045, 70.0)


@pytest.mark.parametrize(("dasar", "observed", "expected"), [
    (2019, range(2018, 2026), 2019),   # covered by the data
    (2015, range(2018, 2026), 2018),   # before the data: the nearest year
    (2030, range(2018, 2026), 2025),   # after the data: the nearest year
    (2019, [2018, 2020], 2018),        # a tie goes to the earlier year
    (2019, [2021, 2017], 2017),        # |2017-2019| = 2 = |2021-2019|: earlier year; order of input irrelevant
    (None, [2021, 2018, 2019], 2018),  # no tahun_dasar: the first observed year
    (2019, [], None),
])
def test_baseline_year(dasar, observed, expected):
    rows = pd.DataFrame({"tahun": [2024], "nilai": [90.0], "tahun_dasar": pd.array([dasar], dtype="Int64")})
    assert baseline_year(rows, observed) == expected


def path_of(baseline, years, values):
    return target_path(baseline, pd.DataFrame({"tahun": years, "nilai": values}))


@pytest.mark.parametrize(("baseline", "years", "values", "expected"), [
    # RPJMN: 76 in 2019 -> 90 in 2024, 14/5 = 2.8 a year
    ((2019, 76.0), [2024], [90.0],
     [(2019, 76.0, "dasar"), (2020, 78.8, "interpolasi"), (2021, 81.6, "interpolasi"), (2022, 84.4, "interpolasi"),
      (2023, 87.2, "interpolasi"), (2024, 90.0, "akhir")]),
    # SSK interim targets every year: kept exactly
    ((2021, 78.0), [2022, 2023, 2024], [82.0, 86.0, 90.0],
     [(2021, 78.0, "dasar"), (2022, 82.0, "antara"), (2023, 86.0, "antara"), (2024, 90.0, "akhir")]),
    # interim 80 in 2022, final 95 in 2025: 70 -> 80 by 5 a year, then 80 -> 95 by 5 a year
    ((2020, 70.0), [2022, 2025], [80.0, 95.0],
     [(2020, 70.0, "dasar"), (2021, 75.0, "interpolasi"), (2022, 80.0, "antara"), (2023, 85.0, "interpolasi"),
      (2024, 90.0, "interpolasi"), (2025, 95.0, "akhir")]),
    # BABS falling: 9 in 2021 -> 0 in 2024, -3 a year
    ((2021, 9.0), [2024], [0.0],
     [(2021, 9.0, "dasar"), (2022, 6.0, "interpolasi"), (2023, 3.0, "interpolasi"), (2024, 0.0, "akhir")]),
    # target rows at or before the baseline year are ignored
    ((2023, 85.0), [2022, 2023, 2024], [82.0, 86.0, 90.0], [(2023, 85.0, "dasar"), (2024, 90.0, "akhir")]),
    # nothing after the baseline: the baseline alone
    ((2025, 84.0), [2024], [90.0], [(2025, 84.0, "dasar")]),
])
def test_target_path(baseline, years, values, expected):
    p = path_of(baseline, years, values)
    assert list(p.columns) == ["tahun", "nilai", "jenis"]
    assert p["tahun"].tolist() == [e[0] for e in expected]
    assert p["nilai"].tolist() == pytest.approx([e[1] for e in expected])
    assert p["jenis"].tolist() == [e[2] for e in expected]


def test_a_district_total_in_hectares_is_not_every_kecamatan_s_target(dataset):
    """SSK sets 200 ha of standing water for the kabupaten: that is not a target of 200 ha per kecamatan,
    while a share (90% layak) is asked of every kecamatan without its own row."""
    from sanitasi import targets as tg

    doc = "SSK 2022-2024 (ilustratif)"
    assert tg.rows_for(dataset.target, doc, "genangan", "63.10.01").empty
    assert tg.rows_for(dataset.target, doc, "genangan", "63.10")["nilai"].iloc[-1] == 200
    assert tg.rows_for(dataset.target, doc, "layak", "63.10.01")["nilai"].iloc[-1] == 90
    goals = tg.goals_for(dataset.target, doc, ["63.10.01", "63.10"])
    assert set(goals.loc[goals["indikator"] == "genangan", "kode_wilayah"]) == {"63.10"}
    assert set(goals.loc[goals["indikator"] == "layak", "kode_wilayah"]) == {"63.10.01", "63.10"}
    waste = tg.goals_for(dataset.target, "Jakstranas 2025 (Perpres 97/2017)", ["63.10.01", "63.10"])
    assert set(waste["kode_wilayah"]) == {"63.10"}  # waste is measured for the district only
