"""Progress toward a target: every rule of `assess`, and `assess_all` giving the same numbers.

Reference values are worked out by hand in the comments. For the ratio boundaries the series are
built from binary fractions (multiples of 1/1024), so the slope and the ratio are exact in floating
point: 19/16 / (20/16) is exactly the float 0.95, 12/16 / (20/16) exactly 0.6.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sanitasi.progress import RANK, RESULT_COLUMNS, Status, assess, assess_all, rank

S = Status
U = 1 / 1024  # a small step that is exact in binary

# id, years, values, target, target_year, direction, window,
# expected (status, latest_year, latest_value, current_rate, required_rate, ratio, projected, estimated, n)
CASES = [
    # 80..84 over 2021-2025: slope 1.0. Target 90 in 2030: required (90-84)/5 = 1.2, ratio 1/1.2 = 0.8333
    # -> perlu_percepatan; projected 84 + 1*5 = 89; estimated 2025 + ceil(6/1) = 2031.
    ("contoh_issue", range(2021, 2026), [80, 81, 82, 83, 84], 90, 2030, 1, 5,
     (S.PERLU_PERCEPATAN, 2025, 84, 1.0, 1.2, 1 / 1.2, 89.0, 2031, 5)),
    # --- data_kurang
    ("tanpa_data", [], [], 90, 2030, 1, 5, (S.DATA_KURANG, None, None, None, None, None, None, None, 0)),
    ("semua_nan", [2024, 2025], [np.nan, np.nan], 90, 2030, 1, 5,
     (S.DATA_KURANG, None, None, None, None, None, None, None, 0)),
    ("satu_titik", [2025], [80], 90, 2030, 1, 5, (S.DATA_KURANG, 2025, 80, None, None, None, None, None, 1)),
    # window: year > 2025 - 5 = 2020, so 2020 is outside: one point left
    ("batas_jendela_di_luar", [2020, 2025], [70, 80], 90, 2030, 1, 5,
     (S.DATA_KURANG, 2025, 80, None, None, None, None, None, 1)),
    # too few points wins over a passed target year: 2020 is outside the window, although 95 >= 90 then
    ("satu_titik_tahun_lewat", [2020, 2025], [95, 96], 90, 2024, 1, 5,
     (S.DATA_KURANG, 2025, 96, None, None, None, None, None, 1)),
    # NaN is dropped: the latest observation is 2024
    ("nan_terakhir", [2024, 2025], [80, np.nan], 90, 2030, 1, 5,
     (S.DATA_KURANG, 2024, 80, None, None, None, None, None, 1)),
    # --- the window
    # 2021 > 2020 is inside: slope (84-80)/(2025-2021) = 1.0, the rest as in contoh_issue
    ("batas_jendela_di_dalam", [2021, 2025], [80, 84], 90, 2030, 1, 5,
     (S.PERLU_PERCEPATAN, 2025, 84, 1.0, 1.2, 1 / 1.2, 89.0, 2031, 2)),
    # window 3 keeps 2023-2025 (80, 81, 82): slope 1.0; required (90-82)/5 = 1.6; ratio 0.625 -> perlu;
    # projected 87; estimated 2025 + ceil(8/1) = 2033
    ("jendela_3", range(2019, 2026), [70, 70, 70, 70, 80, 81, 82], 90, 2030, 1, 3,
     (S.PERLU_PERCEPATAN, 2025, 82, 1.0, 1.6, 0.625, 87.0, 2033, 3)),
    # window 5 keeps 2021-2025 (70, 70, 80, 81, 82): mean 76.6; dx -2..2; dy -6.6 -6.6 3.4 4.4 5.4;
    # sxy = 13.2 + 6.6 + 0 + 4.4 + 10.8 = 35; sxx = 10; slope 3.5; ratio 3.5/1.6 = 2.1875 -> sesuai_jalur;
    # projected 82 + 17.5 = 99.5; estimated 2025 + ceil(8/3.5 = 2.29) = 2028
    ("jendela_5", range(2019, 2026), [70, 70, 70, 70, 80, 81, 82], 90, 2030, 1, 5,
     (S.SESUAI_JALUR, 2025, 82, 3.5, 1.6, 2.1875, 99.5, 2028, 5)),
    # NaN in the middle is dropped: points 2023 (80) and 2025 (82): slope 1.0, otherwise like jendela_3
    ("nan_di_tengah", [2023, 2024, 2025], [80, np.nan, 82], 90, 2030, 1, 5,
     (S.PERLU_PERCEPATAN, 2025, 82, 1.0, 1.6, 0.625, 87.0, 2033, 2)),
    # unsorted input gives the same as contoh_issue
    ("tidak_urut", [2025, 2021, 2023, 2022, 2024], [84, 80, 82, 81, 83], 90, 2030, 1, 5,
     (S.PERLU_PERCEPATAN, 2025, 84, 1.0, 1.2, 1 / 1.2, 89.0, 2031, 5)),
    # --- target year already passed: judge the value at the last observed year <= target year
    # 2024 holds 91 >= 90 -> tercapai, although 2025 fell back to 89. Window 2021-2025: 87 89 90 91 89,
    # mean 89.2, dy -2.2 -.2 .8 1.8 -.2, sxy = 4.4 + .2 + 0 + 1.8 - .4 = 6.0, slope 0.6;
    # 89 < 90 now and the slope is positive: estimated 2025 + ceil(1/0.6 = 1.67) = 2027
    ("lewat_tercapai", range(2020, 2026), [85, 87, 89, 90, 91, 89], 90, 2024, 1, 5,
     (S.TERCAPAI, 2025, 89, 0.6, None, None, None, 2027, 5)),
    # 2024 holds 83 < 90 -> tidak_tercapai; estimated as in contoh_issue
    ("lewat_tidak_tercapai", range(2021, 2026), [80, 81, 82, 83, 84], 90, 2024, 1, 5,
     (S.TIDAK_TERCAPAI, 2025, 84, 1.0, None, None, None, 2031, 5)),
    # no observation in 2023: the last year <= 2023 is 2022 with 88 < 90 -> tidak_tercapai, although 2024 had 92.
    # window > 2020: 2022, 2024, 2025 (88, 92, 93): mean t 2023.67, dx -5/3 1/3 4/3; mean y 91;
    # dy -3 1 2; sxy = 5 + 1/3 + 8/3 = 8; sxx = 25/9 + 1/9 + 16/9 = 42/9; slope 8*9/42 = 12/7.
    # 93 >= 90 now: estimated None
    ("lewat_tahun_kosong", [2020, 2022, 2024, 2025], [85, 88, 92, 93], 90, 2023, 1, 5,
     (S.TIDAK_TERCAPAI, 2025, 93, 12 / 7, None, None, None, None, 3)),
    # target year == latest year: 84 >= 84 -> tercapai (equality counts)
    ("tahun_target_kini", range(2021, 2026), [80, 81, 82, 83, 84], 84, 2025, 1, 5,
     (S.TERCAPAI, 2025, 84, 1.0, None, None, None, None, 5)),
    # target year before the first observation: nothing to judge (implementation's choice)
    ("tahun_target_sebelum_data", range(2021, 2026), [80, 81, 82, 83, 84], 70, 2019, 1, 5,
     (S.DATA_KURANG, 2025, 84, 1.0, None, None, None, None, 5)),
    # --- already reached, target still ahead
    # 92 >= 90 -> tercapai; no required rate, no estimate
    ("sudah_tercapai", range(2021, 2026), [88, 89, 90, 91, 92], 90, 2030, 1, 5,
     (S.TERCAPAI, 2025, 92, 1.0, None, None, None, None, 5)),
    # 90 == 90 counts as reached, even while falling
    ("sudah_tercapai_pas", [2024, 2025], [91, 90], 90, 2030, 1, 5,
     (S.TERCAPAI, 2025, 90, -1.0, None, None, None, None, 2)),
    # --- ratio bands. Two points 2024, 2025 -> slope = difference; target 85 in 2029: required (85-80)/4 = 1.25
    # slope 19/16 = 1.1875: ratio exactly 0.95 -> sesuai_jalur; projected 80 + 4.75 = 84.75;
    # estimated 2025 + ceil(5/1.1875 = 4.21) = 2030
    ("rasio_0.95", [2024, 2025], [80 - 1.1875, 80], 85, 2029, 1, 5,
     (S.SESUAI_JALUR, 2025, 80, 1.1875, 1.25, 0.95, 84.75, 2030, 2)),
    # slope 1.1875 - 1/1024 = 1.1865234375: ratio 0.94921875 -> perlu_percepatan; projected 84.74609375
    ("rasio_bawah_0.95", [2024, 2025], [80 - 1.1875 + U, 80], 85, 2029, 1, 5,
     (S.PERLU_PERCEPATAN, 2025, 80, 1.1875 - U, 1.25, 0.94921875, 84.74609375, 2030, 2)),
    # slope 12/16 = 0.75: ratio exactly 0.6 -> perlu_percepatan; projected 83; estimated 2025 + ceil(6.67) = 2032
    ("rasio_0.60", [2024, 2025], [79.25, 80], 85, 2029, 1, 5,
     (S.PERLU_PERCEPATAN, 2025, 80, 0.75, 1.25, 0.6, 83.0, 2032, 2)),
    # slope 0.75 - 1/1024 = 0.7490234375: ratio 0.59921875 -> lambat; projected 82.99609375;
    # estimated 2025 + ceil(5/0.749 = 6.68) = 2032
    ("rasio_bawah_0.60", [2024, 2025], [79.25 + U, 80], 85, 2029, 1, 5,
     (S.LAMBAT, 2025, 80, 0.75 - U, 1.25, 0.59921875, 82.99609375, 2032, 2)),
    # slope 0: ratio 0 -> lambat (0 <= ratio < 0.6); no estimate without movement
    ("rasio_0", [2024, 2025], [80, 80], 85, 2029, 1, 5,
     (S.LAMBAT, 2025, 80, 0.0, 1.25, 0.0, 80.0, None, 2)),
    # slope -1/1024: ratio -0.00078125 -> memburuk; projected 80 - 4/1024 = 79.99609375; no estimate
    ("rasio_bawah_0", [2024, 2025], [80 + U, 80], 85, 2029, 1, 5,
     (S.MEMBURUK, 2025, 80, -U, 1.25, -U / 1.25, 79.99609375, None, 2)),
    # slope 2.5: ratio 2 -> sesuai_jalur; projected 90; estimated 2025 + ceil(5/2.5 = 2) = 2027 (exact: no +1)
    ("rasio_2", [2024, 2025], [77.5, 80], 85, 2029, 1, 5,
     (S.SESUAI_JALUR, 2025, 80, 2.5, 1.25, 2.0, 90.0, 2027, 2)),
    # --- lower is better (BABS, target 0)
    # 9..5: slope -1; required (0-5)/5 = -1; ratio 1 -> sesuai_jalur; projected 0; estimated 2025 + ceil(-5/-1) = 2030
    ("babs_sesuai", range(2021, 2026), [9, 8, 7, 6, 5], 0, 2030, -1, 5,
     (S.SESUAI_JALUR, 2025, 5, -1.0, -1.0, 1.0, 0.0, 2030, 5)),
    # 6..4 by 0.5: slope -0.5; required -4/5 = -0.8; ratio 0.625 -> perlu; projected 4 - 2.5 = 1.5;
    # estimated 2025 + ceil(-4/-0.5 = 8) = 2033
    ("babs_perlu", range(2021, 2026), [6, 5.5, 5, 4.5, 4], 0, 2030, -1, 5,
     (S.PERLU_PERCEPATAN, 2025, 4, -0.5, -0.8, 0.625, 1.5, 2033, 5)),
    # rising (Satui): slope 0.5; required -9/5 = -1.8; ratio -0.2778 -> memburuk; projected 9 + 2.5 = 11.5
    ("babs_memburuk", range(2021, 2026), [7, 7.5, 8, 8.5, 9], 0, 2030, -1, 5,
     (S.MEMBURUK, 2025, 9, 0.5, -1.8, 0.5 / -1.8, 11.5, None, 5)),
    # latest 0 <= 0 -> tercapai
    ("babs_tercapai", range(2021, 2026), [1, 0.5, 0, 0, 0], 0, 2030, -1, 5,
     (S.TERCAPAI, 2025, 0, -0.25, None, None, None, None, 5)),
    # RPJMN: 0 by 2024; 2024 holds 6 -> tidak_tercapai; still falling: estimated 2030 as in babs_sesuai
    ("babs_lewat", range(2021, 2026), [9, 8, 7, 6, 5], 0, 2024, -1, 5,
     (S.TIDAK_TERCAPAI, 2025, 5, -1.0, None, None, None, 2030, 5)),
    # 2024 holds 2 <= 2.5 -> tercapai. Mean 15.5/5 = 3.1; dy .9 .4 -.1 -1.1 -.1;
    # sxy = -1.8 - .4 + 0 - 1.1 - .2 = -3.5; slope -0.35; 3 > 2.5 now: estimated 2025 + ceil(-.5/-.35 = 1.43) = 2027
    ("babs_lewat_tercapai", range(2021, 2026), [4, 3.5, 3, 2, 3], 2.5, 2024, -1, 5,
     (S.TERCAPAI, 2025, 3, -0.35, None, None, None, 2027, 5)),
    # --- projected value clipped to 0..100
    # 93 -> 95: slope 2; required (100-95)/5 = 1; ratio 2; 95 + 2*5 = 105 -> 100; estimated 2025 + ceil(2.5) = 2028
    ("proyeksi_maks_100", [2024, 2025], [93, 95], 100, 2030, 1, 5,
     (S.SESUAI_JALUR, 2025, 95, 2.0, 1.0, 2.0, 100.0, 2028, 2)),
    # 8 -> 5: slope -3; required -1; ratio 3; 5 - 15 = -10 -> 0; estimated 2025 + ceil(-5/-3 = 1.67) = 2027
    ("proyeksi_min_0", [2024, 2025], [8, 5], 0, 2030, -1, 5,
     (S.SESUAI_JALUR, 2025, 5, -3.0, -1.0, 3.0, 0.0, 2027, 2)),
]
FIELDS = ("status", "latest_year", "latest_value", "current_rate", "required_rate", "ratio", "projected_value",
          "estimated_year", "n_points")


def same(got, want) -> bool:
    """Equal numbers (to float noise), or both missing (None and NaN count as the same)."""
    if want is None or (isinstance(want, float) and math.isnan(want)):
        return got is None or got is pd.NA or (isinstance(got, float) and math.isnan(got))
    if got is None or got is pd.NA or (isinstance(got, float) and math.isnan(got)):
        return False
    return math.isclose(float(got), float(want), rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize(("years", "values", "target", "target_year", "direction", "window", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_assess(years, values, target, target_year, direction, window, expected):
    a = assess(list(years), values, target=target, target_year=target_year, direction=direction, window=window)
    got = dataclasses.astuple(a)
    order = [f.name for f in dataclasses.fields(a)]
    for name, want in zip(FIELDS, expected, strict=True):
        value = got[order.index(name)]
        if name == "status":
            assert value == want
        else:
            assert same(value, want), (name, value, want)
    if a.estimated_year is not None:
        assert isinstance(a.estimated_year, int)


@pytest.mark.parametrize(("years", "values", "target", "target_year", "direction", "window", "expected"),
                         [c[1:] for c in CASES if len(c[1]) > 0], ids=[c[0] for c in CASES if len(c[1]) > 0])
def test_assess_all_matches_the_hand_values(years, values, target, target_year, direction, window, expected):
    indikator = "layak" if direction == 1 else "babs_terbuka"
    obs = pd.DataFrame({"kode_wilayah": "63.10.01", "indikator": indikator, "tahun": list(years),
                        "nilai": np.asarray(values, dtype=float)})
    goals = pd.DataFrame({"kode_wilayah": ["63.10.01"], "indikator": [indikator], "dokumen": ["D"],
                          "target": [float(target)], "target_year": [target_year]})
    row = assess_all(obs, goals, window=window).iloc[0]
    for name, want in zip(FIELDS, expected, strict=True):
        if name == "status":
            assert row["status"] == want.value
        else:
            assert same(row[name], want), (name, row[name], want)


JUDGED = [
    # a 2024 target judged after 2025 is known: the status and the judged value are 2024's (Simpang Empat's aman:
    # 14.2 in 2024 against 15, 15.5 in 2025) -> tidak_tercapai on 14.2, while the latest stays 15.5
    ("lewat", [2021, 2022, 2023, 2024, 2025], [11.0, 12.1, 13.0, 14.2, 15.5], 15, 2024, 1,
     ("tidak_tercapai", 2024, 14.2)),
    # a gap in the data: the target year 2024 is missing, the last observation up to it is 2023's
    ("lewat_celah", [2021, 2022, 2023, 2025], [11.0, 12.1, 15.1, 15.5], 15, 2024, 1, ("tercapai", 2023, 15.1)),
    # a target still ahead: judged on the latest year
    ("depan", [2023, 2024, 2025], [10.0, 11.0, 12.0], 30, 2029, 1, ("lambat", 2025, 12.0)),
    # the target year is the latest year: judged on it
    ("tahun_ini", [2024, 2025], [4.0, 3.0], 2.5, 2025, -1, ("tidak_tercapai", 2025, 3.0)),
    # a target year before every observation: nothing to judge
    ("sebelum_data", [2024, 2025], [80.0, 81.0], 90, 2020, 1, ("data_kurang", None, None)),
]


@pytest.mark.parametrize(("years", "values", "target", "target_year", "direction", "expected"),
                         [c[1:] for c in JUDGED], ids=[c[0] for c in JUDGED])
def test_the_judged_year_is_the_target_year_once_it_has_passed(years, values, target, target_year, direction,
                                                               expected):
    a = assess(years, values, target=target, target_year=target_year, direction=direction)
    assert (a.status.value, a.judged_year, a.judged_value) == expected
    assert (a.latest_year, a.latest_value) == (years[-1], values[-1])
    indikator = "aman" if direction == 1 else "babs_terbuka"
    obs = pd.DataFrame({"kode_wilayah": "X", "indikator": indikator, "tahun": years, "nilai": values})
    goals = pd.DataFrame({"kode_wilayah": ["X"], "indikator": [indikator], "dokumen": ["D"],
                          "target": [float(target)], "target_year": [target_year]})
    row = assess_all(obs, goals).iloc[0]
    assert row["status"] == expected[0]
    assert same(row["judged_year"], expected[1]) and same(row["judged_value"], expected[2])


def test_assessment_is_frozen():
    a = assess([2024, 2025], [80, 81], target=90, target_year=2030, direction=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.status = Status.TERCAPAI


def test_rank_orders_statuses_best_first():
    order = [S.TERCAPAI, S.SESUAI_JALUR, S.PERLU_PERCEPATAN, S.LAMBAT, S.MEMBURUK]
    ranks = [rank(s) for s in order]
    assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) == len(ranks)
    assert rank("tidak_tercapai") == rank(S.MEMBURUK)
    assert rank(S.DATA_KURANG) < rank(S.MEMBURUK)
    assert set(RANK) == set(Status)


# ---------------------------------------------------------------- assess_all

def test_assess_all_keeps_goal_order_and_handles_missing_series():
    obs = pd.DataFrame({
        "kode_wilayah": ["A"] * 5 + ["B"] * 5,
        "indikator": ["layak"] * 5 + ["babs_terbuka"] * 5,
        "tahun": list(range(2021, 2026)) * 2,
        "nilai": [80, 81, 82, 83, 84, 9, 8, 7, 6, 5],
    })
    goals = pd.DataFrame({
        "kode_wilayah": ["B", "A", "C", "A"],
        "indikator": ["babs_terbuka", "layak", "layak", "babs_terbuka"],
        "dokumen": ["D1", "D1", "D1", "D2"],
        "target": [0.0, 90.0, 90.0, 0.0],
        "target_year": [2030, 2030, 2030, 2030],
    }, index=[10, 11, 12, 13])
    out = assess_all(obs, goals)
    assert list(out.columns) == [*goals.columns, *RESULT_COLUMNS]
    assert out["kode_wilayah"].tolist() == ["B", "A", "C", "A"]
    # B BABS: as babs_sesuai; A layak: as contoh_issue; C and A-BABS have no observations
    assert out["status"].tolist() == ["sesuai_jalur", "perlu_percepatan", "data_kurang", "data_kurang"]
    assert out["n_points"].tolist() == [5, 5, 0, 0]
    assert out["estimated_year"].tolist()[:2] == [2030, 2031]
    assert out["latest_year"].isna().tolist() == [False, False, True, True]


def test_assess_all_with_no_goals_is_empty_with_the_result_columns():
    obs = pd.DataFrame({"kode_wilayah": ["A"], "indikator": ["layak"], "tahun": [2025], "nilai": [80.0]})
    goals = pd.DataFrame(columns=["kode_wilayah", "indikator", "dokumen", "target", "target_year"])
    out = assess_all(obs, goals)
    assert out.empty
    assert set(RESULT_COLUMNS) <= set(out.columns)


@st.composite
def series_and_goals(draw):
    """A few series (some with gaps and NaN) and targets on them, plus targets on series that do not exist."""
    n_series = draw(st.integers(1, 4))
    obs, goals, series = [], [], {}
    # percentages to 6 decimals, as data hold them; not 1e-300, whose slope would put the estimate in year 10**300
    values = st.one_of(st.floats(0, 100, allow_nan=False).map(lambda v: round(v, 6)), st.just(float("nan")))
    for i in range(n_series):
        key = (f"K{i}", draw(st.sampled_from(["layak", "aman", "babs_terbuka"])))
        if key in series:
            continue
        years = sorted(draw(st.sets(st.integers(2012, 2025), min_size=0, max_size=9)))
        vals = [draw(values) for _ in years]
        series[key] = (years, vals)
        obs += [{"kode_wilayah": key[0], "indikator": key[1], "tahun": y, "nilai": v}
                for y, v in zip(years, vals, strict=True)]
    keys = [*series, ("K9", "layak")]
    for _ in range(draw(st.integers(1, 8))):
        kode, ind = draw(st.sampled_from(keys))
        goals.append({"kode_wilayah": kode, "indikator": ind, "dokumen": "D",
                      "target": draw(st.floats(0, 100, allow_nan=False).map(lambda v: round(v, 6))),
                      "target_year": draw(st.integers(2010, 2040))})
    obs = pd.DataFrame(obs, columns=["kode_wilayah", "indikator", "tahun", "nilai"])
    return obs, pd.DataFrame(goals), series, draw(st.integers(2, 6))


@settings(max_examples=150, deadline=None)
@given(series_and_goals())
def test_assess_all_equals_assess_row_by_row(case):
    obs, goals, series, window = case
    out = assess_all(obs, goals, window=window)
    assert len(out) == len(goals)
    for (_, g), (_, row) in zip(goals.iterrows(), out.iterrows(), strict=True):
        years, vals = series.get((g["kode_wilayah"], g["indikator"]), ([], []))
        direction = -1 if g["indikator"] == "babs_terbuka" else 1
        a = assess(years, vals, target=g["target"], target_year=int(g["target_year"]), direction=direction,
                   window=window)
        assert row["status"] == a.status.value
        for name in (*FIELDS[1:], "judged_year", "judged_value"):
            assert same(row[name], getattr(a, name)), (name, row[name], getattr(a, name))


grid_value = st.integers(0, 800).map(lambda k: k / 8)        # 0 .. 100 in steps of 1/8
grid_rate = st.integers(-96, 96).map(lambda k: k / 16)       # -6 .. 6 points a year in steps of 1/16


@settings(max_examples=200, deadline=None)
@given(latest=grid_value, target=grid_value, target_year=st.integers(2026, 2045), direction=st.sampled_from([1, -1]),
       rates=st.tuples(grid_rate, grid_rate), n_years=st.integers(2, 6))
def test_status_never_improves_when_the_rate_falls(latest, target, target_year, direction, rates, n_years):
    # exactly linear series ending in the same latest value; only direction * current_rate differs
    slow, fast = sorted(rates)
    assume(slow < fast)
    years = list(range(2026 - n_years, 2026))

    def status(r: float) -> Status:
        a = assess(years, [latest - direction * r * (2025 - y) for y in years], target=target,
                   target_year=target_year, direction=direction)
        assert a.current_rate == pytest.approx(direction * r)
        return a.status

    assert RANK[status(slow)] <= RANK[status(fast)]
