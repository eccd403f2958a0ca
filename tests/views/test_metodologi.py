"""The Metodologi page's view: tables written from the registries."""

from __future__ import annotations

import pandas as pd

from sanitasi import indicators, progress, views

RPJMN = "RPJMN 2020-2024"
SSK = "SSK 2022-2024 (ilustratif)"
SDG = "SDG 6.2 (2030)"


def kab_row(an: views.Analysis, year: int) -> pd.Series:
    return an.kab.loc[an.kab["tahun"] == year].iloc[0]


def test_methods_tables_cover_the_registries(an: views.Analysis) -> None:
    m = views.methods(an)
    assert len(m.indicators) == len(indicators.REGISTRY)
    assert len(m.statuses) == len(progress.Status)
    assert "R ≥ 0,95" in m.statuses.iloc[:, 1].tolist()
    assert len(m.targets) == len(an.data.target)
    assert m.files.iloc[:, 3].str.contains("ILUSTRATIF").sum() >= 2


def test_methods_formula_is_written_from_the_registry(an: views.Analysis) -> None:
    m = views.methods(an)
    formulas = dict(zip(m.indicators.iloc[:, 0], m.indicators.iloc[:, 4], strict=True))
    assert formulas["Akses layak"] == "100 × (kk_aman + kk_layak_sendiri + kk_layak_bersama) / jumlah_kk"
    assert formulas["Akses aman"] == "100 × kk_aman / jumlah_kk"
