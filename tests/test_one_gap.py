"""One gap, two parts: the Ringkasan card, the Kebutuhan table, chart and what-if, the OPD comparison and the deck
show the same backlog and growth, from one calculation (sanitasi.needs.gap)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sanitasi import cards, fmt
from sanitasi.analysis import KABUPATEN
from sanitasi.views import kebutuhan, opd, paparan


def chart_rows(fig) -> pd.DataFrame:
    return pd.DataFrame(max(fig.spec["datasets"].values(), key=len))


@pytest.mark.parametrize(("dokumen", "indikator"), [
    ("SSK 2025-2029 (ilustratif)", "layak"),
    ("SSK 2025-2029 (ilustratif)", "babs_terbuka"),
    ("RPJMN 2025-2029", "aman"),
    ("RPJMN 2020-2024", "layak"),  # a passed target year: planned five years on
])
@pytest.mark.parametrize("porsi", [None, 0.0, 25.0])
def test_every_page_shows_the_same_backlog_and_growth(an, dokumen: str, indikator: str, porsi) -> None:
    reach = paparan.default_year(an, dokumen, indikator)
    page = kebutuhan.view(an, kebutuhan.Settings(dokumen=dokumen, indikator=indikator, tahun_capai=reach,
                                                 porsi_baru=porsi))
    g = page.kebutuhan.gap
    if porsi == 0.0:
        assert g.total_kecamatan == g.backlog_kecamatan and g.total_kabupaten == g.backlog_kabupaten
    # Kebutuhan: the table's sum row, the metrics, the yearly chart, the what-if's starting number
    total = page.kebutuhan.table.set_index("kode_wilayah").loc[KABUPATEN]
    assert (total["backlog"], total["pertumbuhan"], total["kesenjangan_kk"]) == \
        (g.backlog_kecamatan, g.pertumbuhan_kecamatan, g.total_kecamatan)
    assert page.metrik[0][1] == fmt.kk(g.backlog_kecamatan) and page.metrik[1][1] == fmt.kk(g.pertumbuhan_kecamatan)
    yearly = chart_rows(page.tahunan)
    assert yearly.loc[yearly["bagian"] == "backlog", "kk"].sum() == g.backlog_kecamatan
    assert yearly.loc[yearly["bagian"] == "pertumbuhan", "kk"].sum() == g.pertumbuhan_kecamatan
    assert page.skenario_awal == math.ceil(round(g.per_tahun_kecamatan, 6))
    # Ringkasan: the district card names both backlogs
    card = next(c for c in cards.cards(an, dokumen) if c.indikator == indikator)
    assert fmt.kk(g.backlog_kabupaten) in card.selisih_kk and fmt.kk(g.backlog_kecamatan) in card.selisih_kk
    # OPD: the households a year needed for the chosen document (the view takes the page's assumption)
    shares = () if porsi is None else ((indikator, porsi),)
    reached = opd.opd_households(an, 2025, "id", dokumen, dict(shares))
    if indikator in set(reached["indikator"]):
        row = reached.loc[reached["indikator"] == indikator].iloc[0]
        assert (row["perlu"], row["backlog"], row["pertumbuhan"]) == \
            (pytest.approx(g.per_tahun_kecamatan), g.backlog_kecamatan, g.pertumbuhan_kecamatan)
    # the deck: the needs slide is the page's; the closing slide and the table of kecamatan behind agree
    slides = {s.kunci: s for s in paparan.build(
        an, paparan.Settings(dokumen, indikator, reach, "2026-12-01", porsi_baru=porsi), "sumber")}
    assert slides["kebutuhan"].poin == tuple(f"{k}: {v}" for k, v in page.metrik)
    # its message is the page's needs in one sentence (the page's paragraph does not fit a slide), the first next step
    setting = paparan.Settings(dokumen, indikator, reach, "2026-12-01", porsi_baru=porsi)
    assert slides["kebutuhan"].pesan == (paparan.needs_sentence(setting, page.kebutuhan)
                                         or page.ringkasan.replace("**", ""))
    steps = slides["langkah"].poin
    if g.total_kecamatan > 0:
        first = steps[0]
        assert fmt.kk(g.per_tahun_kecamatan) in first and fmt.kk(g.backlog_kecamatan) in first
        assert fmt.kk(g.backlog_kabupaten) in first and fmt.kk(g.pertumbuhan_kecamatan) in first
    per_year = page.kebutuhan.table.set_index("nama")["per_tahun"]
    table = slides["tertinggal"].tabel
    for name, shown in zip(table.iloc[:, 0], table.iloc[:, 4], strict=True):
        assert shown == fmt.number(per_year[name], 0)
    # no kecamatan is both a priority and one that met the target
    priority = next((p for p in steps if p.startswith("Prioritas: ")), "")
    achieved = next((p for p in steps if p.startswith("Sudah mencapai target: ")), "")
    names = set(an.data.names.values())
    listed_met = {n for n in names if n in achieved}
    assert not {n for n in names if n in priority} & listed_met


def test_the_issue_numbers_now_agree(an) -> None:
    """Before: 5.722 (card), 17.147 (table), 17.077 (chart), a what-if at 3.400 reaching 90% in 2027. Now, for
    90% layak by 2030 (RPJMN 2020-2024, passed: planned five years on) with the default assumption:"""
    card = cards.cards(an, "RPJMN 2020-2024")[0]
    assert card.selisih_kk == ("Kekurangan hari ini: **5.722 KK** agar kabupaten mencapai target; **6.622 KK** "
                               "agar setiap kecamatan mencapainya.")
    page = kebutuhan.view(an, kebutuhan.Settings(dokumen="RPJMN 2020-2024", indikator="layak", tahun_capai=2030))
    g = page.kebutuhan.gap
    # backlog 6.622 + growth 518 (6% of 12.688 new households, after Batulicin and Simpang Empat use their surplus)
    assert (g.backlog_kecamatan, g.pertumbuhan_kecamatan, g.total_kecamatan) == (6622, 518, 7140)
    assert (g.backlog_kabupaten, g.pertumbuhan_kabupaten, g.total_kabupaten) == (5722, 761, 6483)
    assert chart_rows(page.tahunan).drop_duplicates("tahun")["tambah"].sum() == 7140
    assert page.skenario_awal == 1428 and "pada **2030**" in page.skenario_teks
