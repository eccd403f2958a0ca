"""Trajectories toward a target: the district, a passed target, 2020 boundaries, every kecamatan."""

from __future__ import annotations

import pandas as pd
import pytest

from sanitasi import analysis, fmt, progress, trajectories

RPJMN = "RPJMN 2020-2024"
SSK = "SSK 2022-2024 (ilustratif)"
SDG = "SDG 6.2 (2030)"


def kab_row(an: analysis.Analysis, year: int) -> pd.Series:
    return an.kab.loc[an.kab["tahun"] == year].iloc[0]


def test_trajectory_of_the_district(an2021: analysis.Analysis) -> None:
    tr = trajectories.trajectory(an2021, analysis.KABUPATEN, "layak", RPJMN)
    obs = an2021.kab.sort_values("tahun")
    expected = progress.assess(obs["tahun"], obs["pct_layak"], target=90.0, target_year=2024, direction=1)
    assert tr.assessment == expected
    assert tr.target == (2024, 90.0)
    # the RPJMN path starts at its baseline year 2019 with the observed value and ends at the target
    assert tr.path.iloc[0]["tahun"] == 2019
    assert tr.path.iloc[0]["nilai"] == pytest.approx(obs.loc[obs["tahun"] == 2019, "pct_layak"].iloc[0])
    assert tr.path.iloc[-1]["nilai"] == 90.0 and tr.path.iloc[-1]["jenis"] == "akhir"
    # the projection runs to the target year and ends at the projected value
    proj = tr.trend.loc[tr.trend["bagian"] == "proyeksi"]
    assert proj["tahun"].max() == 2024
    assert proj["nilai"].iloc[-1] == pytest.approx(expected.projected_value)
    # the pace, and what it means for this indicator (rising access is good news)
    assert dict(tr.facts)["Laju saat ini"] == fmt.rate(expected.current_rate) + " · membaik"


def test_trajectory_of_a_passed_target_projects_to_the_expected_year(an: analysis.Analysis) -> None:
    tr = trajectories.trajectory(an, analysis.KABUPATEN, "layak", RPJMN)
    assert tr.status == progress.Status.TIDAK_TERCAPAI
    assert tr.trend["tahun"].max() == min(tr.assessment.estimated_year, an.tahun + 10)


def test_trajectory_on_2020_boundaries(an: analysis.Analysis) -> None:
    child = trajectories.trajectory(an, "63.10.12", "layak", RPJMN, basis="2020")
    assert child.kode == "63.10.05" and "Kusan Hulu" in child.catatan  # Teluk Kepayang is inside Kusan Hulu
    assert child.observed["tahun"].tolist() == list(range(2018, 2026))
    kini = trajectories.trajectory(an, "63.10.05", "layak", RPJMN)
    assert not kini.observed["sebanding"].iloc[:3].any()  # 2018-2020 covered the larger area
    assert kini.observed["sebanding"].iloc[3:].all()


def test_small_multiples_are_ordered_by_status(an: analysis.Analysis) -> None:
    frame, order = trajectories.small_multiples(an, "babs_terbuka", SDG)
    assert len(order) == 12 and set(frame["kode"]) == set(order["kode"])
    assert order["rank"].is_monotonic_increasing
    _, order2020 = trajectories.small_multiples(an, "babs_terbuka", SDG, basis="2020")
    assert len(order2020) == 10


def test_a_dash_in_the_facts_says_why(an) -> None:
    """RPJMN 2020-2024's target year has passed: no pace is required and nothing is projected, and the facts say so
    rather than showing a bare dash."""
    from sanitasi import fmt, i18n
    from sanitasi.analysis import KABUPATEN

    tr = trajectories.trajectory(an, KABUPATEN, "layak", "RPJMN 2020-2024", "id")
    facts = dict(tr.facts)
    assert facts[i18n.t("fakta.laju_perlu", "id")] == f"{fmt.MISSING} ({i18n.t('fakta.sudah_lewat', 'id')})"
    assert all(v != fmt.MISSING for v in facts.values())
