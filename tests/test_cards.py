"""Status cards and the presenter's sentence, checked against the engine and hand-derived values."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sanitasi import analysis, cards, fmt, indicators, progress

RPJMN = "RPJMN 2020-2024"
SSK = "SSK 2022-2024 (ilustratif)"
SDG = "SDG 6.2 (2030)"


def kab_row(an: analysis.Analysis, year: int) -> pd.Series:
    return an.kab.loc[an.kab["tahun"] == year].iloc[0]


def test_cards_match_the_engine(an: analysis.Analysis) -> None:
    by = {c.indikator: c for c in cards.cards(an, RPJMN)}
    assert list(by) == list(indicators.HEADLINE)
    row = kab_row(an, 2025)
    prev = kab_row(an, 2024)
    layak = by["layak"]
    assert layak.nilai == fmt.pct(row["pct_layak"])
    assert layak.perubahan.startswith(fmt.delta(row["pct_layak"] - prev["pct_layak"]))
    assert layak.delta_panah == ("up" if row["pct_layak"] > prev["pct_layak"] else "down")
    # households short of 90% in 2025: ceil(0.9 * N) - (aman + sendiri + bersama)
    have = row["kk_aman"] + row["kk_layak_sendiri"] + row["kk_layak_bersama"]
    short = math.ceil(0.9 * row["jumlah_kk"]) - have
    assert fmt.kk(short) in layak.selisih_kk
    # BABS: lower is better, so a fall is coloured as good news, as a rise of layak is (tests/test_direction.py)
    assert by["babs_terbuka"].delta_warna == layak.delta_warna == "blue"
    # RPJMN's year 2024 has passed in 2025 data and layak was below 90% then: not achieved
    assert layak.status == progress.Status.TIDAK_TERCAPAI
    assert all(c.status in {s.value for s in progress.Status} for c in by.values())


def test_cards_without_a_target(an: analysis.Analysis) -> None:
    by = {c.indikator: c for c in cards.cards(an, SDG)}
    assert by["layak"].status == "tanpa_target"  # SDG 6.2 sets no layak target in target.csv
    assert by["aman"].status != "tanpa_target"


@pytest.mark.parametrize(("doc", "year", "indikator", "fragment"), [
    (RPJMN, 2025, "layak", "tidak tercapai"),
    (RPJMN, 2021, "layak", "perlu"),  # in 2021 the 2024 target is still ahead
    (SDG, 2025, "aman", "jauh lebih lambat"),  # "slower than needed": it reads right for a falling indicator too
])
def test_headline_sentence(data, doc: str, year: int, indikator: str, fragment: str) -> None:
    an = analysis.analyse(data, year)
    text = cards.headline(an, doc, indikator)
    a = an.nilai.query("kode_wilayah == @analysis.KABUPATEN and indikator == @indikator and dokumen == @doc").iloc[0]
    assert fmt.pct(a["latest_value"]) in text
    assert fragment in text.lower()


def test_standing_water_is_judged_in_hectares(an) -> None:
    a = an.nilai.query("indikator == 'genangan'").iloc[0]
    kab = an.frames("genangan")[1].sort_values("tahun")
    assert a["kode_wilayah"] == analysis.KABUPATEN
    assert a["latest_value"] == pytest.approx(kab["pct_genangan"].iloc[-1])
    # the target (200 ha in 2024) has passed in 2025 data and was missed
    assert a["status"] == progress.Status.TIDAK_TERCAPAI
    card = cards.cards(an, "SSK 2022-2024 (ilustratif)", codes=("genangan",))[0]
    assert card.nilai.endswith(" ha") and "ha" in card.target
