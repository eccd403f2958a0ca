"""Every page in a real browser, at the two screen sizes of a coaching clinic, in Indonesian then English.

What no AppTest can show: the page loads with no exception block and no console error, every chart has
drawn marks, the map is a real choropleth (twelve shapes, not one filled rectangle), the texts and
numbers are in the chosen language. Screenshots go to tests/e2e/artifacts/ for a look.
"""

from __future__ import annotations

import pytest

from sanitasi import analysis, cards, i18n, indicators, maps
from sanitasi.load import Dataset
from sanitasi.views import kebutuhan, lintasan_target
from scripts import browser

DOKUMEN = "RPJMN 2025-2029"  # the running national plan: the sidebar's default (documents.default_document)
# Charts each page draws with the default controls; a chart that never mounts is caught here. Lintasan draws its
# small multiples on a second tab, built when shown (ui.tabs_on_demand).
# one chart at first a page, a second reading a table or a tab away; Kebutuhan none: its need's charts are tabs
# away, the what-if's an opened box away (docs/performance.md section 5)
CHARTS = {"ringkasan": 1, "peta": 1, "lintasan_target": 1, "kecamatan": 1, "kebutuhan": 0, "program_ssk": 1,
          "sampah_drainase": 1, "opd": 1, "metodologi": 0}
PAGES = browser.app_pages()


def first_kecamatan(data: Dataset) -> str:
    """The kecamatan a page shows before anyone chooses one: the first by name."""
    return data.wilayah.sort_values("nama")["kode"].iloc[0]


def expected_title(page: str, data: Dataset, lang: str) -> str | None:
    keys = {"ringkasan": ("ringkasan.judul", {}), "peta": ("peta.judul", {"tahun": max(data.tahun)}),
            "lintasan_target": ("lintasan.judul", {}), "kebutuhan": ("kebutuhan.judul", {}),
            "metodologi": ("metodologi.judul", {}),
            "kecamatan": ("profil.judul", {"nama": data.nama(first_kecamatan(data))})}
    if page not in keys:
        return None
    key, kw = keys[page]
    return i18n.t(key, lang, **kw)


def expected_metrics(page: str, an: analysis.Analysis, lang: str) -> list[str] | None:
    """The figures in the page's metric boxes, as sanitasi formats them (None: not checked here)."""
    kode = first_kecamatan(an.data)
    if page == "ringkasan":
        return [c.nilai for c in cards.cards(an, DOKUMEN, lang)]
    if page == "kecamatan":
        return [c.nilai for c in cards.cards(an, DOKUMEN, lang, kode=kode)]
    if page == "peta":
        row = maps.map_values(an, "layak", DOKUMEN, lang).set_index("kode").loc[kode]
        return [row["nilai_teks"], row["kk_teks"]]
    if page in ("lintasan_target", "kebutuhan", "metodologi"):
        return []
    return None


def first_indicator(page: str, an: analysis.Analysis) -> str:
    """The indicator a page shows before anyone chooses one: the first the default document sets a target for where
    the page offers only those (RPJMN 2025-2029 sets only aman), else akses layak."""
    if page == "lintasan_target":
        return lintasan_target.options(an, DOKUMEN)[0]
    if page == "kebutuhan":
        return kebutuhan.indicator_choices(an, DOKUMEN)[0]
    return "layak"


def plain(markdown: str) -> str:
    return markdown.replace("**", "")


@pytest.fixture(scope="module")
def an(dataset: Dataset) -> analysis.Analysis:
    return analysis.analyse(dataset)


def check_map(tab, n_kecamatan: int) -> None:
    """Separate shapes (twelve kecamatan, or the villages), each with its own fill, none covering the whole map."""
    maps = browser.map_shapes(tab.page)
    assert maps, "no geoshape marks on the map page"
    m = max(maps, key=lambda x: x["n"])
    shapes = m["shapes"]
    assert m["n"] == n_kecamatan
    assert all(s["fill"] and s["fill"] not in ("none", "transparent") for s in shapes), shapes
    assert all(s["d"] > 0 for s in shapes)
    assert len({s["fill"] for s in shapes}) >= 2  # coloured by value, not one flat colour
    assert not [s for s in shapes if s["covers"]], "a shape covers the whole map: wrong ring winding"
    assert max(s["share"] for s in shapes) < 0.6


@pytest.mark.parametrize("size", browser.SIZES, ids=[f"{w}x{h}" for w, h in browser.SIZES])
@pytest.mark.parametrize(("page", "path", "nav_key"), PAGES, ids=[p for p, _, _ in PAGES])
def test_page_in_both_languages(open_tab, an: analysis.Analysis, page: str, path: str, nav_key: str,
                                size: tuple[int, int]) -> None:
    tab = open_tab(size)
    for lang in ("id", "en"):
        if lang == "en":
            tab.page.locator('[data-testid="stSidebar"] [data-testid="stRadioOption"]', has_text="English").click()
            browser.wait_for(lambda: tab.nav() == [i18n.t(k, "en") for _, _, k in PAGES])
            seen = tab.settle()
        else:
            seen = tab.goto(path)
        assert seen["exceptions"] == 0
        # navigation: page titles in the language (not file names), this page marked as current
        assert tab.nav() == [i18n.t(k, lang) for _, _, k in PAGES]
        current = tab.page.locator('[data-testid="stSidebarNavLink"][aria-current="page"]').inner_text()
        assert current.strip().endswith(i18n.t(nav_key, lang))
        banner = tab.page.locator('[data-testid="stAlertContentWarning"] [data-testid="stMarkdownContainer"]'
                                  ).first.inner_text()
        assert banner.strip() == plain(i18n.t("banner.ilustratif", lang))
        title = expected_title(page, an.data, lang)
        if title is not None:
            assert tab.h1() == title
        # select boxes show their choice in the language too (not the label chosen in the other one)
        boxes = tab.selected()
        if i18n.t("kontrol.indikator", lang) in boxes:
            assert boxes[i18n.t("kontrol.indikator", lang)] == indicators.get(first_indicator(page, an)).label(lang)
        if page == "kecamatan" or page == "peta":
            assert boxes[i18n.t("kontrol.kecamatan", lang)] == an.data.nama(first_kecamatan(an.data))
        figures = expected_metrics(page, an, lang)
        if figures is not None:
            shown = tab.metrics()
            # the overview's headline cards come first; further cards may follow them
            assert (shown[: len(figures)] if page == "ringkasan" else shown) == figures
        # every chart has drawn: an svg (or canvas) with marks in it
        if page in CHARTS:
            assert seen["charts"] == CHARTS[page]
        assert all(n > 0 for n in seen["marks"]), seen
        if page == "peta":
            check_map(tab, len(an.data.wilayah))
        if page == "stbm":  # the bundled village table and boundaries: the village map out of the box, on its tab
            tab.page.get_by_role("tab", name=i18n.t("stbm.desa_judul", lang)).click()
            browser.wait_for(lambda: browser.map_shapes(tab.page), timeout=30)
            tab.settle()
            check_map(tab, len(an.data.batas_desa))
        # every title, source line, legend and card reads whole at this size (the projector's 1024x768 too)
        assert browser.cut_texts(tab.page) == []
        tab.shot(f"{page}-{lang}")
    if size[0] >= 1280:
        # the wide layout app.py sets, not Streamlit's centred column (at most 736 px wide)
        assert tab.page.locator('[data-testid="stMainBlockContainer"]').bounding_box()["width"] > 800
    tab.assert_clean()


def test_map_check_catches_a_wrongly_wound_polygon(chromium) -> None:
    """The map check itself can fail: a path drawn as 'the world minus the polygon' covers the map."""
    page = chromium.new_page()
    try:
        shapes = "".join(f'<path fill="#2b8a7e" d="M{x},{y}h40v40h-40z"></path>' for x in (10, 60) for y in (10, 60))
        page.set_content('<div data-testid="stVegaLiteChart"><svg width="300" height="300">'
                         f'<g class="mark-shape role-mark">{shapes}<path fill="#d0e7e4" d="M0,0h300v300h-300z">'
                         "</path></g></svg></div>")
        (m,) = browser.map_shapes(page)
        assert m["n"] == 5
        assert [s["covers"] for s in m["shapes"]] == [False, False, False, False, True]
    finally:
        page.close()
