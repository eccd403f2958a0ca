"""The controls as a presenter uses them in a browser: the numbers on screen follow every choice.

Each expected figure is computed with `sanitasi.views` for the same choice, so a page that shows a stale
number, or a click that Streamlit drops, fails here. The URL must carry codes, so a shared link opens
the same view in either language.
"""

from __future__ import annotations

import pytest

from sanitasi import analysis, cards, charts, i18n, indicators, maps
from sanitasi.load import Dataset
from scripts import browser

DOKUMEN = "RPJMN 2025-2029"  # the sidebar's default (documents.default_document)


@pytest.fixture(scope="module")
def an(dataset: Dataset) -> analysis.Analysis:
    return analysis.analyse(dataset)


def map_figures(an: analysis.Analysis, indikator: str, kode: str, lang: str = "id") -> list[str]:
    row = maps.map_values(an, indikator, DOKUMEN, lang).set_index("kode").loc[kode]
    return [row["nilai_teks"], row["kk_teks"]]


def card_figures(an: analysis.Analysis, lang: str = "id", kode: str = analysis.KABUPATEN) -> list[str]:
    return [c.nilai for c in cards.cards(an, DOKUMEN, lang, kode=kode)]


def headline(tab) -> list[str]:
    """The overview's first row of figures: one card per headline indicator (more cards may follow)."""
    return tab.metrics()[: len(indicators.HEADLINE)]


def test_shared_link_opens_that_view_on_a_fresh_server(server, dataset: Dataset) -> None:
    """The first visit after the server starts is a link: it opens that view, in the app's frame."""
    tab = server.first
    an = analysis.analyse(dataset, 2021)
    assert tab.page.locator('[data-testid="stException"]').count() == 0
    assert tab.h1() == i18n.t("peta.judul", "en", tahun=2021)
    # the app's navigation (page titles), not Streamlit's list of file names
    assert tab.nav() == [i18n.t(k, "en") for _, _, k in browser.app_pages()]
    assert tab.page.locator('[data-testid="stMainBlockContainer"]').bounding_box()["width"] > 800  # wide layout
    assert tab.selected()["Indicator"] == indicators.get("aman").label("en")
    assert tab.selected()["Kecamatan"] == "Mantewe"
    assert tab.slider() == "2021"
    assert tab.metrics() == map_figures(an, "aman", "63.10.08", "en")
    # and the first click after that load is not lost
    browser.choose(tab.page, "Indicator", indicators.get("babs_terbuka").label("en"))
    browser.wait_for(lambda: tab.metrics() == map_figures(an, "babs_terbuka", "63.10.08", "en"))
    browser.wait_for(lambda: tab.query().get("indikator") == "babs_terbuka")  # the URL follows at the run's end
    tab.assert_clean()


def test_shared_link_in_a_new_session(open_tab, dataset: Dataset) -> None:
    tab = open_tab()
    tab.goto("/peta?indikator=aman&kecamatan=63.10.08&lang=en&tahun=2021")
    an = analysis.analyse(dataset, 2021)
    assert tab.h1() == i18n.t("peta.judul", "en", tahun=2021)
    assert tab.page.locator("h3").first.inner_text().strip() == "Mantewe"
    assert tab.metrics() == map_figures(an, "aman", "63.10.08", "en")
    want = {"indikator": "aman", "kecamatan": "63.10.08", "lang": "en", "tahun": "2021"}
    browser.wait_for(lambda: {k: tab.query().get(k) for k in want} == want)  # the link keeps its codes
    tab.assert_clean()


def test_year_slider_changes_the_overview(open_tab, dataset: Dataset) -> None:
    tab = open_tab()
    tab.goto("/")
    latest = max(dataset.tahun)
    assert headline(tab) == card_figures(analysis.analyse(dataset, latest))
    thumb = tab.page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]').get_by_role("slider")
    thumb.focus()
    thumb.press("ArrowLeft")
    expected = card_figures(analysis.analyse(dataset, latest - 1))
    assert expected != card_figures(analysis.analyse(dataset, latest))  # so the wait below can tell them apart
    browser.wait_for(lambda: headline(tab) == expected)
    assert tab.slider() == str(latest - 1)
    thumb.press("Home")
    first = min(dataset.tahun)
    browser.wait_for(lambda: headline(tab) == card_figures(analysis.analyse(dataset, first)))
    browser.wait_for(lambda: tab.query().get("tahun") == str(first))
    tab.settle()
    assert tab.h1() == i18n.t("ringkasan.judul", "id")
    tab.assert_clean()


def test_map_indicator_and_kecamatan(open_tab, an: analysis.Analysis) -> None:
    tab = open_tab()
    tab.goto("/peta")
    start = an.data.wilayah.sort_values("nama")["kode"].iloc[0]
    assert tab.metrics() == map_figures(an, "layak", start)
    browser.choose(tab.page, "Indikator", indicators.get("aman").label("id"))
    browser.wait_for(lambda: tab.metrics() == map_figures(an, "aman", start))
    browser.wait_for(lambda: tab.query().get("indikator") == "aman")  # the code, not the label
    browser.choose(tab.page, "Kecamatan", "Satui")
    browser.wait_for(lambda: tab.metrics() == map_figures(an, "aman", "63.10.04"))
    tab.settle()
    assert tab.page.locator("h3").first.inner_text().strip() == "Satui"
    browser.wait_for(lambda: tab.query().get("kecamatan") == "63.10.04")
    # the map outlines the chosen kecamatan: one extra shape drawn over the twelve
    outlines = tab.page.locator(f'{browser.CHART} g.mark-shape').nth(1).locator("path")
    assert outlines.count() == 1
    # the colour mode is a presenter's click too: the legend follows it
    tab.page.locator('[data-testid="stButtonGroup"] button', has_text=i18n.t("peta.warna_status", "id")).click()
    browser.wait_for(lambda: tab.query().get("peta_warna") == "status")
    tab.settle()
    legend = " ".join(tab.page.locator(f"{browser.CHART} .role-legend-title").all_text_contents())
    assert i18n.t("peta.legenda_status", "id") in legend
    tab.assert_clean()


def test_a_click_on_the_map_chooses_its_kecamatan_and_a_year_step_keeps_the_map(open_tab, dataset: Dataset) -> None:
    """A presenter clicks a kecamatan on the map, picks another in the box, clicks the first again: each time the box
    and the outline follow (the second click on the map was lost before). A year step then recolours the same map
    and writes the new year in its title: the picture is not built anew (a year step redrew the whole map)."""
    tab = open_tab()
    tab.goto("/peta")
    page = tab.page

    def shape(name: str):
        return page.locator(f'{browser.CHART} g.mark-shape path[aria-label*="Kecamatan: {name};"]').first

    def outline() -> str:
        return page.locator(f"{browser.CHART} g.mark-shape").nth(1).locator("path").first.get_attribute("d")

    for name, by_map in (("Batulicin", True), ("Mantewe", False), ("Batulicin", True)):
        if by_map:
            shape(name).dispatch_event("click")
        else:
            browser.choose(page, "Kecamatan", name)
        browser.wait_for(lambda n=name: tab.selected()["Kecamatan"] == n)
        tab.settle()
        assert outline() == shape(name).get_attribute("d")  # the chosen kecamatan outlined on the map
    assert tab.query().get("kecamatan") == "63.10.01"

    year = int(tab.slider())
    page.evaluate(f"() => document.querySelector('{browser.CHART} svg').__sama = true")
    thumb = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]').get_by_role("slider")
    thumb.focus()
    thumb.press("ArrowLeft")
    title = i18n.t("peta.judul_grafik", "id", indikator=indicators.get("layak").label("id"), tahun=year - 1)
    browser.wait_for(lambda: page.locator(f"{browser.CHART} .role-title-text text").first.text_content() == title)
    tab.settle()
    assert page.evaluate(f"() => document.querySelector('{browser.CHART} svg').__sama === true")  # the same picture
    # every kecamatan in the colour of its class that year, as the ranking beside it is coloured
    before = analysis.analyse(dataset, year - 1)
    values = maps.map_values(before, "layak", DOKUMEN, "id")
    expected = dict(zip(values["nama"], charts.map_fills(values, "nilai", "layak", maps.class_labels("layak"), "id"),
                        strict=True))
    drawn = dict(page.evaluate(f"""() => Array.from(document.querySelector('{browser.CHART} g.mark-shape')
        .querySelectorAll('path')).map(p => [p.getAttribute('aria-label').match(/Kecamatan: ([^;]*);/)[1],
                                             p.getAttribute('fill')])"""))
    assert drawn == expected
    assert tab.metrics() == map_figures(before, "layak", "63.10.01")
    assert tab.selected()["Kecamatan"] == "Batulicin" and outline() == shape("Batulicin").get_attribute("d")
    tab.assert_clean()


def test_kecamatan_profile_follows_the_choice(open_tab, an: analysis.Analysis) -> None:
    tab = open_tab((1024, 768))
    tab.goto("/kecamatan")
    browser.choose(tab.page, "Kecamatan", "Mantewe")
    browser.wait_for(lambda: tab.h1() == i18n.t("profil.judul", "id", nama="Mantewe"))
    browser.wait_for(lambda: tab.metrics() == card_figures(an, kode="63.10.08"))
    browser.wait_for(lambda: tab.query().get("kecamatan") == "63.10.08")
    seen = tab.settle()
    assert seen["charts"] == 1 and all(n > 0 for n in seen["marks"])  # the ladder; the comparison is a table
    tab.assert_clean()


def test_the_tab_shown_is_in_the_link_and_a_new_session_reopens_it(open_tab) -> None:
    """A shared link, or a session moved to another replica, reopens the tab that was shown (st.tabs bound to the
    URL, by its label in the link's language); the first tab leaves the link clean."""
    tab = open_tab()
    tab.goto("/kebutuhan?lang=id")
    tabs = tab.page.locator('[role="tab"]')
    tabs.nth(2).click()
    browser.wait_for(lambda: tab.query().get("kebutuhan_tab") == i18n.t("kebutuhan.tab_tahunan", "id"))
    browser.wait_for(lambda: tab.page.get_by_text(i18n.t("kebutuhan.catatan_tahunan", "id")[:40]).count() == 1)
    link = tab.page.evaluate("() => location.href").split(tab.base, 1)[1]
    again = open_tab()
    again.goto(link)
    browser.wait_for(lambda: again.page.locator('[role="tab"][aria-selected="true"]').inner_text().strip()
                     == i18n.t("kebutuhan.tab_tahunan", "id"))
    assert again.page.get_by_text(i18n.t("kebutuhan.catatan_tahunan", "id")[:40]).count() == 1  # built, not hidden
    again.page.locator('[role="tab"]').nth(0).click()
    browser.wait_for(lambda: "kebutuhan_tab" not in again.query())
    tab.assert_clean()
    again.assert_clean()


def test_a_tabs_content_sits_just_under_its_bar_and_changes_with_it(open_tab) -> None:
    """On-demand tabs draw what they show under their bar, their panels empty and hidden (a chart in a panel made
    react-aria walk the panel at every step of its drawing): the chart starts one gap below the bar, as it did
    inside the panel (an empty panel left in view doubled the gap), and the other tab's content takes its place."""
    tab = open_tab()
    tab.goto("/lintasan_target?lang=id")
    tab.settle()
    bar = tab.page.locator('.st-key-lintasan_tab [role="tablist"]').bounding_box()
    chart = tab.page.locator('[data-testid="stMain"] [data-testid="stVegaLiteChart"]')
    assert chart.count() == 1
    gap = chart.first.bounding_box()["y"] - (bar["y"] + bar["height"])
    assert 8 <= gap <= 24, gap
    panels = tab.page.locator('.st-key-lintasan_tab [role="tabpanel"]')
    assert panels.evaluate_all("ps => ps.every(p => p.getBoundingClientRect().height === 0)")
    tab.page.locator('.st-key-lintasan_tab [role="tab"]').nth(1).click()
    browser.wait_for(lambda: tab.page.locator('[class*="st-key-kecil_lintasan_semua"]').count() == 1)
    seen = tab.settle()
    assert seen["charts"] == 1 and all(n > 0 for n in seen["marks"])  # the small multiples, in place of the chart
    small = tab.page.locator('[class*="st-key-kecil_lintasan_semua"]').bounding_box()
    assert small["y"] > bar["y"] + bar["height"]
    tab.assert_clean()


def test_a_page_change_is_one_step_back_not_one_per_parameter(open_tab) -> None:
    """The URL's parameters change in one message a run: a page change adds Streamlit's own history entry and ours,
    not one for each of the seven parameters a page like Program SSK writes."""
    tab = open_tab()
    tab.goto("/metodologi")
    tab.settle()
    before = tab.page.evaluate("() => history.length")
    tab.page.locator('[data-testid="stSidebarNavLink"]', has_text=i18n.t("nav.program", "id")).click()
    browser.wait_for(lambda: {"indikator", "kecamatan", "capai", "target"} <= set(tab.query()))
    tab.settle()
    assert tab.page.evaluate("() => history.length") - before <= 2
    tab.assert_clean()
