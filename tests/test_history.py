"""sanitasi.history: a file's rows merged into the active table by key, and what that changes, row by row."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from sanitasi import history, kinds
from sanitasi.load import Dataset


@pytest.mark.parametrize("kind", kinds.held())
def test_a_table_merged_with_itself_is_itself(kind: str, dataset: Dataset) -> None:
    table = getattr(dataset, kind)
    merged = history.merge(kind, table, table)
    assert len(merged) == len(table) and history.changes(kind, table, table).nothing
    ch = history.changes(kind, table, table)
    assert (ch.new, ch.changed, ch.unchanged, ch.removed, ch.total) == (0, 0, len(table), 0, len(table))


@pytest.mark.parametrize("kind", kinds.held())
def test_rows_the_file_does_not_mention_stay(kind: str, dataset: Dataset) -> None:
    table = getattr(dataset, kind)
    part = table.iloc[-2:]
    merged = history.merge(kind, table, part)
    key = list(kinds.get(kind).key)
    assert len(merged) == len(table)
    assert merged[key].astype(str).values.tolist() == table[key].astype(str).values.tolist()
    # replacing the whole table instead keeps only the file's rows, and says how many go
    ch = history.changes(kind, table, part, history.GANTI)
    assert (ch.unchanged, ch.removed, ch.total) == (2, len(table) - 2, 2)


def frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["dokumen", "indikator", "kode_wilayah", "tahun", "nilai", "tahun_dasar",
                                       "catatan"])


def test_targets_merge_by_their_key_not_by_document() -> None:
    """A file with one indicator of a document updates that indicator: the document's other rows stay (the old
    rule replaced every row of a document the file named, so a file of RPJMN layak dropped RPJMN aman)."""
    old = frame([("RPJMN", "layak", None, 2029, 95.0, 2024, None), ("RPJMN", "aman", None, 2029, 30.0, 2024, None),
                 ("RPJMN", "layak", "63.10.01", 2029, 90.0, 2024, None)])
    new = frame([("RPJMN", "layak", None, 2029, 97.5, 2024, "revisi")])
    merged = history.merge("target", old, new)
    # the kabupaten's empty area is one key, not a kecamatan's
    assert merged[["indikator", "kode_wilayah", "nilai"]].fillna("").values.tolist() == [
        ["aman", "", 30.0], ["layak", "63.10.01", 90.0], ["layak", "", 97.5]]
    ch = history.changes("target", old, new)
    assert (ch.new, ch.changed, ch.unchanged) == (0, 1, 2)
    assert [(c.column, c.old, c.new) for c in ch.details] == [("nilai", 95, 97.5), ("catatan", None, "revisi")]


def test_changed_and_new_rows_come_last_in_the_files_order() -> None:
    """The later row is the one loaded last (`sanitasi.sources` prefers it among loaded sources)."""
    old = frame([("A", "layak", None, 2029, 1.0, None, None), ("B", "layak", None, 2029, 2.0, None, None),
                 ("C", "layak", None, 2029, 3.0, None, None)])
    new = frame([("D", "layak", None, 2029, 4.0, None, None), ("A", "layak", None, 2029, 9.0, None, None),
                 ("C", "layak", None, 2029, 3.0, None, None)])
    assert history.merge("target", old, new)["dokumen"].tolist() == ["B", "C", "D", "A"]


def test_numbers_written_differently_are_the_same_value() -> None:
    old = frame([("A", "layak", None, 2029, 95.0, 2024, None)])
    new = frame([("A", "layak", None, 2029.0, 95, 2024.0, None)]).astype({"tahun": "Int64"})
    assert history.changes("target", old, new).nothing


def test_a_boundary_changes_when_its_shape_does(dataset: Dataset) -> None:
    table = dataset.batas[["kode", "nama", "geometry"]]
    moved = table.iloc[[0]].set_geometry(table.geometry.iloc[[0]].translate(0.01, 0))
    ch = history.changes("batas", table, moved)
    assert (ch.changed, ch.unchanged) == (1, len(table) - 1)
    assert [c.column for c in ch.details] == ["geometry"] and history.shown("geometry", ch.details[0].new) == \
        "(bentuk poligon)"
    merged = history.merge("batas", table, moved)
    assert isinstance(merged, gpd.GeoDataFrame) and merged.crs == table.crs
    assert shapely.equals_exact(merged.geometry.iloc[-1], moved.geometry.iloc[0], 1e-12)


def test_the_listing_stops_at_the_limit_and_counts_the_rest(dataset: Dataset) -> None:
    new = dataset.drainase.assign(genangan_ha=dataset.drainase["genangan_ha"] + 1)
    ch = history.changes("drainase", dataset.drainase, new, limit=5)
    assert (len(ch.details), ch.more) == (5, len(new) - 5)
    lines = history.lines(ch, dataset.names)
    assert lines[0].startswith("Batulicin · 2018 — genangan_ha: ") and lines[-1] == \
        f"… dan {len(new) - 5} perubahan nilai lainnya."


@pytest.mark.parametrize(("column", "value", "lang", "shown"), [
    ("kk_aman", 12345, "id", "12.345"), ("kk_aman", 12345, "en", "12,345"), ("pct_layak", 85.35, "id", "85,35"),
    ("tahun", 2025, "id", "2025"), ("sumber", "BPS", "id", "BPS"), ("resmi", None, "id", "– (kosong)"),
    ("resmi", None, "en", "– (empty)"), ("tenggat", "2027-06-30", "id", "30 Juni 2027"),
    ("klinik", "2025-05-14", "en", "14 May 2025"),
])
def test_values_are_shown_the_indonesian_way(column: str, value, lang: str, shown: str) -> None:
    assert history.shown(column, value, lang) == shown


def test_an_unknown_mode_is_refused(dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="cara menyimpan tidak dikenal"):
        history.changes("sampah", dataset.sampah, dataset.sampah, "timpa")
