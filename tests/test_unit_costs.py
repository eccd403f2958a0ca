"""sanitasi.unit_costs: the editor shows the file's figures whole, and an editor only looked at changes nothing."""

from __future__ import annotations

import pytest

from sanitasi import unit_costs
from sanitasi.load import Dataset


@pytest.mark.parametrize(("lang", "share", "cost", "shown_share", "shown_cost"), [
    ("id", 0.333, 6_500_000.0, "0,333", "6.500.000"),
    ("id", 0.8, 4_250_000.5, "0,80", "4.250.000,50"),
    ("en", 0.1234, 6_500_000.0, "0.1234", "6,500,000"),
])
def test_the_editor_shows_every_decimal_the_file_has(dataset: Dataset, lang: str, share: float, cost: float,
                                                     shown_share: str, shown_cost: str) -> None:
    biaya = dataset.biaya.copy()
    first = biaya.index[biaya["indikator"] == "layak"][0]
    biaya.loc[first, ["porsi", "biaya_per_kk"]] = [share, cost]
    editor = unit_costs.cost_editor(biaya, "layak", lang)
    assert (editor.frame.loc[0, "porsi"], editor.frame.loc[0, "biaya_per_kk"]) == (shown_share, shown_cost)
    # read back, the grid gives the file's own figures: opening it changes nothing
    rows = unit_costs.read_costs(editor.frame, lang).rows
    assert rows[0][1:] == (cost, share) and rows == editor.berkas
    assert unit_costs.changed(rows, editor) == ()


def test_an_edit_is_kept_and_the_editor_still_knows_the_files_rows(dataset: Dataset) -> None:
    plain = unit_costs.cost_editor(dataset.biaya, "layak")
    edited = plain.frame.assign(biaya_per_kk=["10.000.000", plain.frame["biaya_per_kk"].iloc[1]])
    rows = unit_costs.read_costs(edited).rows
    assert unit_costs.changed(rows, plain) == rows and rows[0][1] == 10_000_000.0
    # the editor drawn again from the edited table starts from the edit, and still compares with the file
    again = unit_costs.cost_editor(unit_costs.with_edits(dataset.biaya, "layak", rows), "layak", "id", dataset.biaya)
    assert again.frame["biaya_per_kk"].iloc[0] == "10.000.000" and again.berkas == plain.berkas
    assert unit_costs.changed(unit_costs.read_costs(again.frame).rows, again) == rows
    # put back as in the file: nothing is an edit any more
    back = again.frame.assign(biaya_per_kk=plain.frame["biaya_per_kk"])
    assert unit_costs.changed(unit_costs.read_costs(back).rows, again) == ()
