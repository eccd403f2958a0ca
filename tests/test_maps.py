"""The kecamatan map's values, classes, ranking, labels and tiles, on today's boundaries and older ones."""

from __future__ import annotations

import pandas as pd
import pytest

from sanitasi import analysis, maps

RPJMN = "RPJMN 2020-2024"
SSK = "SSK 2022-2024 (ilustratif)"
SDG = "SDG 6.2 (2030)"


def kab_row(an: analysis.Analysis, year: int) -> pd.Series:
    return an.kab.loc[an.kab["tahun"] == year].iloc[0]


def test_map_values_before_the_split_show_the_parent(data) -> None:
    an = analysis.analyse(data, 2020)
    v = maps.map_values(an, "layak", RPJMN).set_index("kode")
    # Kusan Tengah (63.10.11) did not exist in 2020: its polygon carries Kusan Hilir's value
    assert v.loc["63.10.11", "nilai"] == v.loc["63.10.02", "nilai"]
    assert "Kusan Hilir" in v.loc["63.10.11", "catatan"]
    assert v.loc["63.10.02", "catatan"] == ""
    assert len(v) == 12


def test_map_values_households_follow_the_indicator(an: analysis.Analysis) -> None:
    layak = maps.map_values(an, "layak", RPJMN).set_index("kode")
    babs = maps.map_values(an, "babs_terbuka", RPJMN).set_index("kode")
    row = an.kec.query("kode_wilayah == '63.10.08' and tahun == 2025").iloc[0]
    assert layak.loc["63.10.08", "kk"] == row["jumlah_kk"] - row["kk_aman"] - row["kk_layak_sendiri"] - \
        row["kk_layak_bersama"]
    assert babs.loc["63.10.08", "kk"] == row["kk_babs_terbuka"]
    # selisih is signed so that + means ahead of the target for both directions
    assert babs.loc["63.10.08", "selisih"] == pytest.approx(-(row["pct_babs_terbuka"] - 0.0))


@pytest.mark.parametrize(("value", "label"), [
    (59.99, "< 60%"), (60.0, "60–70%"), (89.99, "80–90%"), (90.0, "≥ 90%"), (100.0, "≥ 90%"),
])
def test_fixed_map_classes(value: float, label: str) -> None:
    assert maps._class_label(value, "layak", "id") == label
    assert maps.class_labels("layak", "id") == ["< 60%", "60–70%", "70–80%", "80–90%", "≥ 90%"]


def test_ranking_follows_the_direction(an: analysis.Analysis) -> None:
    layak = maps.ranked(maps.map_values(an, "layak", RPJMN), "layak")
    babs = maps.ranked(maps.map_values(an, "babs_terbuka", RPJMN), "babs_terbuka")
    assert layak["nilai"].is_monotonic_decreasing and babs["nilai"].is_monotonic_increasing
    assert layak["peringkat"].tolist() == list(range(1, 13))
    assert layak.iloc[0]["nama"] in {"Batulicin", "Simpang Empat"}


def test_map_labels_and_tiles(an: analysis.Analysis) -> None:
    labels = maps.map_labels(an)
    # the 7 two-word names (Kusan Hilir, Sungai Loban, Kusan Hulu, Simpang Empat, Karang Bintang, Kusan Tengah,
    # Teluk Kepayang) wrap onto two lines; one-word names stay on one
    assert len(labels) == 12 and labels["nama"].str.contains("\n").sum() == 7
    tiles = maps.tiles(an, maps.map_values(an, "layak", RPJMN))
    assert tiles[["kolom", "baris"]].drop_duplicates().shape[0] == 12
    assert tiles["label"].str.endswith("%").all()


def test_map_on_a_boundary_file_from_before_the_split(data) -> None:
    """A BIG file from 2020 has 10 polygons: parents carry their children's households again."""
    from dataclasses import replace

    from sanitasi import lineage

    wil = data.wilayah.set_index("kode")
    parent_of = {k: (wil.loc[k, "pemekaran_dari"] if isinstance(wil.loc[k, "pemekaran_dari"], str) else k)
                 for k in wil.index}
    old = data.batas.assign(kode=data.batas["kode"].map(parent_of)).dissolve(by="kode", as_index=False)
    assert len(old) == 10
    an = analysis.analyse(replace(data, batas=old))
    assert maps.map_basis(an) == 2020
    v = maps.map_values(an, "layak", RPJMN).set_index("kode")
    assert len(v) == 10 and "63.10.11" not in v.index
    combined = lineage.on_boundaries_of(data.akses, data.wilayah, 2020)
    expected = combined.query("kode_wilayah == '63.10.02' and tahun == 2025").iloc[0]
    assert v.loc["63.10.02", "nilai"] == pytest.approx(expected["pct_layak"])
    assert "Kusan Tengah" in v.loc["63.10.02", "catatan"]
    # choosing Kusan Tengah on such a map shows the polygon that holds it
    assert maps.map_row(an, v.reset_index(), "63.10.11")["kode"] == "63.10.02"
    # the bundled (12-polygon) map draws today's kecamatan
    assert maps.map_basis(analysis.analyse(data)) is None
