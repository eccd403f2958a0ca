"""Which document and target apply, and the year a plan aims at by default."""

from __future__ import annotations

import pandas as pd
import pytest

from sanitasi import views

RPJMN = "RPJMN 2020-2024"
SSK = "SSK 2022-2024 (ilustratif)"
SDG = "SDG 6.2 (2030)"


def kab_row(an: views.Analysis, year: int) -> pd.Series:
    return an.kab.loc[an.kab["tahun"] == year].iloc[0]


@pytest.mark.parametrize(("year", "doc", "indikator", "expected"), [
    (2025, RPJMN, "layak", 2030),  # target year passed: five years after the data
    (2021, RPJMN, "layak", 2024),  # still ahead: the document's year
    (2025, SDG, "aman", 2030),
    (2025, "Visi Indonesia 2045", "aman", 2045),
])
def test_default_reach_year(data, year: int, doc: str, indikator: str, expected: int) -> None:
    assert views.default_reach_year(views.analyse(data, year), doc, indikator) == expected


def test_target_documents_picks_the_chosen_document_or_the_one_that_sets_the_target(an) -> None:
    docs = views.target_documents(an, ("layak", "sampah_pengurangan", "bukan_indikator"), "RPJMN 2020-2024")
    # RPJMN sets household access; waste is judged against Jakstranas; an unknown code has no document
    assert docs == {"layak": "RPJMN 2020-2024", "sampah_pengurangan": "Jakstranas 2025 (Perpres 97/2017)"}
    assert docs == {k: views.target_document(an, k, "RPJMN 2020-2024") for k in docs}


def test_final_target_is_the_documents_last_district_target(an) -> None:
    assert views.final_target(an, "RPJMN 2020-2024", "layak") == (2024, 90.0)
    assert views.final_target(an, "SDG 6.2 (2030)", "aman") == (2030, 100.0)
    assert views.final_target(an, "RPJMN 2020-2024", "sampah_pengurangan") is None
