"""The source line under every chart says ILLUSTRATIVE exactly when a table the chart draws on is bundled."""
from __future__ import annotations

import pytest
from helpers import loaded

from sanitasi import i18n
from sanitasi.load import load_bundled
from sanitasi.views.display import source_line

BUNDLED = load_bundled()


def line(d, *kinds: str) -> str:
    return source_line(d, *kinds)


def official(d, **versions: int):
    return loaded(d, **versions)


def test_bundled_data_is_labelled_illustrative_everywhere() -> None:
    for kinds in [(), ("stbm",), ("sampah",), ("drainase",), ("kegiatan",), ("stbm", "akses")]:
        assert line(BUNDLED, *kinds).startswith("Sumber: data ILUSTRATIF")


@pytest.mark.parametrize("loaded, kinds, illustrative", [
    ({"akses": 1}, (), False),                      # default is the access table
    ({"akses": 1}, ("stbm",), True),                # STBM chart still draws on bundled STBM
    ({"akses": 1}, ("stbm", "akses"), True),        # one bundled table is enough
    ({"akses": 1, "stbm": 2}, ("stbm", "akses"), False),
    ({"stbm": 2}, ("stbm",), False),
    ({"stbm": 2}, (), True),                        # access still bundled
    ({"sampah": 3}, ("drainase",), True),
    ({"kegiatan": 4}, ("kegiatan",), False),
])
def test_the_line_follows_the_tables_the_chart_uses(loaded: dict, kinds: tuple, illustrative: bool) -> None:
    d = official(BUNDLED, **loaded)
    text = line(d, *kinds)
    assert ("ILUSTRATIF" in text) is illustrative
    key = "grafik.sumber_ilustratif" if illustrative else "grafik.sumber"
    assert text == i18n.t(key, "id", versi=d.versi, tanggal="28 November 2026")
