"""The Kecamatan page's view: one kecamatan's profile."""

from __future__ import annotations

import pandas as pd

from sanitasi import views

RPJMN = "RPJMN 2020-2024"
SSK = "SSK 2022-2024 (ilustratif)"
SDG = "SDG 6.2 (2030)"


def kab_row(an: views.Analysis, year: int) -> pd.Series:
    return an.kab.loc[an.kab["tahun"] == year].iloc[0]


def test_profile(an: views.Analysis) -> None:
    child = views.profile_info(an, "63.10.11")
    assert "2021" in child.catatan and "Kusan Hilir" in child.catatan
    parent = views.profile_info(an, "63.10.02")
    assert "Kusan Tengah" in parent.catatan and parent.catatan_tangga
    row = an.kec.query("kode_wilayah == '63.10.08' and tahun == 2025").iloc[0]
    missing = {label: count for label, count, _ in views.without_access(an, "63.10.08")}
    assert missing["KK masih BABS di tempat terbuka"] == row["kk_babs_terbuka"]
    assert missing["KK belum akses aman"] == row["jumlah_kk"] - row["kk_aman"]
    ranks = {label: pos for label, pos, _, _ in views.ranks(an, "63.10.01")}
    assert ranks["Akses layak"] == 1  # Batulicin has the highest layak in 2025
    cmp = views.compare_with_district(an, "63.10.01")
    assert len(cmp) == 6 and cmp["nilai"].between(0, 100).all()
    table = views.profile_table(an, "63.10.01")
    assert len(table.frame) == 11  # every document x indicator that applies to a kecamatan
