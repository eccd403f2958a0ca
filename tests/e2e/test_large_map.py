"""The country-scale map in the browser (more than `charts.LARGE_MAP` kecamatan, `large_map_app.py`): drawn on a
canvas in the classes' colours, its tooltip the same lines the district map's shows, each read from the kecamatan
under the pointer, and a click chooses that kecamatan (Vega finds the shape under the pointer on a canvas too)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks import bench_map, synthetic
from sanitasi import charts
from scripts import browser
from tests.e2e.conftest import ARTIFACTS

APP = Path(__file__).with_name("large_map_app.py")
AREAS = 1200  # more than charts.LARGE_MAP: drawn as a country's map
# what the tooltip of a kecamatan says on the district map, line by line (indicator: adequate access)
LINES = ["Kecamatan", "Nilai", "Target", "Selisih ke target", "KK tanpa akses layak", "Status", "Dinilai", "Catatan"]

# The canvas's pixels by colour ('#rrggbb' -> count), over the chart's whole canvas.
COLOURS_JS = """() => {
  const cv = document.querySelector('[data-testid="stVegaLiteChart"] canvas');
  const px = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data, out = {};
  for (let i = 0; i < px.length; i += 4) {
    if (!px[i + 3]) continue;
    const c = '#' + [px[i], px[i + 1], px[i + 2]].map(v => v.toString(16).padStart(2, '0')).join('');
    out[c] = (out[c] || 0) + 1;
  }
  return out;
}"""

# The tooltip on screen: its lines as [title, text].
TOOLTIP_JS = """() => {
  const t = document.querySelector('#vg-tooltip-element');
  if (!t || !t.classList.contains('visible')) return null;
  return Array.from(t.querySelectorAll('tr')).map(r => [r.querySelector('.key').innerText.trim(),
                                                         r.querySelector('.value').innerText.trim()]);
}"""


@pytest.fixture(scope="module")
def tab(chromium: Any) -> Iterator[tuple[Any, browser.Watch]]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert charts.LARGE_MAP < AREAS
    with browser.Server(APP, log=ARTIFACTS / "large_map.log", env={"LARGE_MAP_AREAS": str(AREAS)}) as srv:
        watch = browser.Watch()
        context, page = browser.open_page(chromium, (1366, 768), watch)
        browser.goto(page, srv.url + "/", timeout=120)
        yield page, watch
        context.close()


def test_the_large_map_is_drawn_on_a_canvas_in_the_class_colours(tab: tuple[Any, browser.Watch]) -> None:
    page, watch = tab
    chart = page.locator('[data-testid="stVegaLiteChart"]')
    assert chart.locator("canvas").count() == 1 and chart.locator("svg path").count() == 0
    colours = page.evaluate(COLOURS_JS)
    total = sum(colours.values())
    # each of the five classes fills a visible part of the map (values spread over all of them), none is missing
    shares = {c: colours.get(c, 0) / total for c in charts.SEQ_GOOD}
    assert all(s > 0.02 for s in shares.values()), shares
    assert not watch.problems()


def test_the_large_map_names_and_chooses_the_kecamatan_under_the_pointer(tab: tuple[Any, browser.Watch]) -> None:
    page, watch = tab
    wilayah = synthetic.areas("kecamatan", n=AREAS)
    values = bench_map.synthetic_values(wilayah["kode"].tolist()).set_index("kode")
    box = page.locator('[data-testid="stVegaLiteChart"] canvas').bounding_box()
    seen = set()
    for fx, fy in ((0.35, 0.55), (0.6, 0.45)):
        x, y = box["x"] + box["width"] * fx, box["y"] + box["height"] * fy
        page.mouse.move(x - 3, y - 3)
        page.mouse.move(x, y)
        lines = browser.wait_for(lambda: page.evaluate(TOOLTIP_JS), timeout=10)
        assert [title for title, _ in lines] == LINES
        said = dict(lines)
        kode = said["Kecamatan"].removeprefix("Kecamatan ")
        assert kode in values.index, said
        # the texts are that kecamatan's own
        for title, column in (("Nilai", "nilai_teks"), ("Selisih ke target", "selisih_teks"),
                              ("Status", "status_lengkap"), ("KK tanpa akses layak", "kk_teks")):
            assert said[title] == values.loc[kode, column], (title, said)
        page.mouse.click(x, y)
        browser.wait_for(lambda k=kode: page.get_by_text(f"dipilih: {k}").count() == 1, timeout=20)
        browser.settle(page)
        seen.add(kode)
    assert len(seen) == 2  # two places, two kecamatan: the tooltip and the click follow the pointer
    assert not watch.problems()
