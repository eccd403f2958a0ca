"""progress.trend_line draws exactly the line that progress.assess judges."""

from __future__ import annotations

import numpy as np
import pytest

from sanitasi import progress


def test_line_over_the_window_and_projection() -> None:
    # values 80, 81, 83, 83, 85 for 2021-2025: mean year 2023, mean value 82.4
    # slope = sum(dx*dy)/sum(dx^2) = ((-2)(-2.4)+(-1)(-1.4)+0(0.6)+1(0.6)+2(2.6))/10 = 12/10 = 1.2
    years, vals = [2021, 2022, 2023, 2024, 2025], [80, 81, 83, 83, 85]
    line = progress.trend_line(years, vals, until=2028)
    fit = line.loc[line["bagian"] == "tren"]
    assert fit["tahun"].tolist() == years
    assert fit["nilai"].tolist() == pytest.approx([82.4 + 1.2 * (y - 2023) for y in years])
    proj = line.loc[line["bagian"] == "proyeksi"]
    # the projection starts at the last observed value, as assess projects: 85 + 1.2 * 3 = 88.6 in 2028
    assert proj["tahun"].tolist() == [2025, 2026, 2027, 2028]
    assert proj["nilai"].iloc[0] == 85 and proj["nilai"].iloc[-1] == pytest.approx(88.6)
    a = progress.assess(years, vals, target=95, target_year=2028, direction=1)
    assert a.projected_value == pytest.approx(proj["nilai"].iloc[-1])
    assert a.current_rate == pytest.approx(1.2)


@pytest.mark.parametrize(("years", "vals"), [([], []), ([2025], [80.0]), ([2018, 2025], [70.0, 80.0])])
def test_too_few_points_in_the_window_give_no_line(years, vals) -> None:
    # the 2018 point lies outside the 5-year window of 2025 (2021..2025), leaving one point
    assert progress.trend_line(years, vals).empty


def test_projection_is_clipped_to_0_100() -> None:
    line = progress.trend_line([2023, 2024, 2025], [90, 95, 100], until=2030)
    assert line["nilai"].max() == 100.0
    line = progress.trend_line([2023, 2024, 2025], [10, 5, 0], until=2030)
    assert line["nilai"].min() == 0.0


def test_missing_values_are_ignored() -> None:
    a = progress.trend_line([2022, 2023, 2024, 2025], [80, np.nan, 82, 83])
    assert a["tahun"].tolist() == [2022, 2023, 2024, 2025]  # the fitted line covers the window


def test_a_quantity_is_not_clipped_at_100() -> None:
    # standing water 300, 320, 340 ha: +20 ha a year; towards 250 ha (lower is better) it is deteriorating, and the
    # projection to 2030 is 340 + 20 * 5 = 440 ha, not 100
    a = progress.assess([2023, 2024, 2025], [300, 320, 340], target=250, target_year=2030, direction=-1,
                        bounds=(0.0, None))
    assert a.projected_value == pytest.approx(440.0)
    assert a.status == progress.Status.MEMBURUK
    line = progress.trend_line([2023, 2024, 2025], [300, 320, 340], until=2030, bounds=(0.0, None))
    assert line["nilai"].max() == pytest.approx(440.0)
    capped = progress.assess([2023, 2024, 2025], [300, 320, 340], target=250, target_year=2030, direction=-1)
    assert capped.projected_value == 100.0  # the default bounds are those of a share


def test_assess_all_uses_the_registry_bounds() -> None:
    import pandas as pd

    obs = pd.DataFrame({"kode_wilayah": "63.10", "indikator": "genangan", "tahun": [2023, 2024, 2025],
                        "nilai": [300.0, 320.0, 340.0]})
    goals = pd.DataFrame({"kode_wilayah": ["63.10"], "indikator": ["genangan"], "dokumen": ["x"],
                          "target": [250.0], "target_year": [2030]})
    out = progress.assess_all(obs, goals)
    assert out["projected_value"].iloc[0] == pytest.approx(440.0)
