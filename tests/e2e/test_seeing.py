"""What the room sees: every page at the sizes of a coaching clinic, sidebar open and closed, and every slide in
presentation mode, checked for cut, overlapping, squeezed, hidden and unreadable text (`scripts.seeing`).

One visit per page and size runs every check, with every expander opened and every tab shown, first with the
sidebar open and then closed; the second language is visited at the projector's size only. The pages and slides
are read from the app (its navigation, the deck's counter), so a new page or slide is checked without editing this
file. Each finding is also written to tests/e2e/artifacts/seeing.json (check -> count) for the closing note.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from sanitasi import i18n
from scripts import browser, seeing

PAGES = browser.app_pages()
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
LAPTOP, LAPTOP_150, PROJECTOR = (1366, 768), (1280, 720), (1024, 768)
# (language, size, presentation mode): Indonesian at every size, English at the projector's, presentation mode there
VISITS = [("id", LAPTOP, False), ("id", LAPTOP_150, False), ("id", PROJECTOR, False), ("en", PROJECTOR, False),
          ("id", PROJECTOR, True)]
SLIDE_VISITS = [("id", PROJECTOR), ("id", LAPTOP_150), ("id", LAPTOP), ("en", PROJECTOR)]
FOUND: Counter = Counter()
DETAILS: list[str] = []


@pytest.fixture(scope="module", autouse=True)
def _tally():
    """After the module: how many findings each check made, for the closing note of a change."""
    yield
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "seeing.json").write_text(json.dumps({"counts": dict(sorted(FOUND.items())), "findings": DETAILS},
                                                      indent=1, ensure_ascii=False))


def record(found: dict[str, list[str]], where: str) -> list[str]:
    out = []
    for check, items in found.items():
        FOUND[check] += len(items)
        out += [f"{check} [{where}]: {item}" for item in items]
    DETAILS.extend(out)
    return out


def open_all(tab) -> None:
    """Open every closed expander in sight (a popover stays closed: it covers the page; one in a hidden tab waits for
    its tab), one at a time: each opening may redraw the page."""
    closed = tab.page.locator('[data-testid="stExpander"] details:not([open]) > summary').locator("visible=true")
    for _ in range(20):
        if not closed.count():
            break
        closed.first.click()
        tab.settle()


def tab_groups(tab) -> list:
    return tab.page.locator('[data-testid="stTabs"] [data-baseweb="tab"]').all()


def look_everywhere(tab, where: str, *, slide: bool = False) -> list[str]:
    """Every check on the page, and again with each tab of a tab group shown."""
    problems = record(seeing.look(tab.page, slide=slide), where)
    tabs = tab_groups(tab)
    for i, button in enumerate(tabs[1:], start=1):
        button.click()
        time.sleep(0.3)
        tab.settle()
        found = seeing.look(tab.page, slide=slide)
        found.pop("fit")  # where the page starts does not change with the tab
        problems += record(found, f"{where}, tab {i + 1}")
    if tabs:
        tabs[0].click()
    return problems


def set_sidebar(tab, open_: bool) -> None:
    """Open or close the sidebar as a person does, with its button; wait for the charts to redraw at the width."""
    sidebar = tab.page.locator('[data-testid="stSidebar"]')
    shown = sidebar.get_attribute("data-collapsed") == "false"
    if shown == open_:
        return
    if open_:
        tab.page.locator('[data-testid="stExpandSidebarButton"]').click()
    else:
        sidebar.hover()
        tab.page.locator('[data-testid="stSidebarCollapseButton"] button').click()
    browser.wait_for(lambda: (sidebar.get_attribute("data-collapsed") == "false") == open_)
    time.sleep(0.6)  # the sidebar slides; the charts follow their new width
    tab.settle()


def address(path: str, lang: str, presenting: bool) -> str:
    query = [f"lang={lang}"] + (["mode=paparan"] if presenting else [])
    return f"{path}?{'&'.join(query)}"


@pytest.mark.parametrize(("lang", "size", "presenting"), VISITS,
                         ids=[f"{lang}-{w}x{h}{'-paparan' if p else ''}" for lang, (w, h), p in VISITS])
@pytest.mark.parametrize(("page", "path", "nav_key"), PAGES, ids=[p for p, _, _ in PAGES])
def test_page_reads_whole(open_tab, page: str, path: str, nav_key: str, lang: str, size: tuple[int, int],
                          presenting: bool) -> None:
    tab = open_tab(size)
    tab.goto(address(path, lang, presenting))
    open_all(tab)
    where = f"{page} {lang} {size[0]}x{size[1]}"
    if presenting:  # the projector shows the content alone: the sidebar starts closed
        problems = look_everywhere(tab, where + " paparan")
    else:
        set_sidebar(tab, True)
        problems = look_everywhere(tab, where + " sidebar open")
        set_sidebar(tab, False)
        problems += look_everywhere(tab, where + " sidebar closed")
    tab.shot(f"seeing-{page}-{lang}{'-paparan' if presenting else ''}")
    assert problems == []
    tab.assert_clean()


def slide_number(tab) -> tuple[int, int]:
    """(slide shown, slides in all) from the deck's counter, "Slide 3 dari 10" / "Slide 3 of 10"."""
    text = tab.page.locator('[data-testid="stMain"]').inner_text()
    m = re.search(r"(\d+)\s*(?:dari|of)\s*(\d+)", text)
    assert m, "no slide counter on the Paparan page"
    return int(m.group(1)), int(m.group(2))


@pytest.mark.parametrize(("lang", "size"), SLIDE_VISITS, ids=[f"{lang}-{w}x{h}" for lang, (w, h) in SLIDE_VISITS])
def test_every_slide_fits_and_reads_whole(open_tab, lang: str, size: tuple[int, int]) -> None:
    tab = open_tab(size)
    tab.goto(address("/paparan", lang, True) + "&slide=1")
    n, total = slide_number(tab)
    assert n == 1 and total >= 5
    problems = []
    for k in range(1, total + 1):
        if k > 1:
            tab.page.locator('.st-key-slide_next button').click()
            browser.wait_for(lambda k=k: slide_number(tab)[0] == k)
            tab.settle()
        problems += record(seeing.look(tab.page, slide=True), f"slide {k} {lang} {size[0]}x{size[1]}")
        tab.shot(f"seeing-slide{k}-{lang}")
    assert problems == []
    tab.assert_clean()


KEYS = [("ArrowRight", 2), ("PageDown", 3), ("PageUp", 2), ("ArrowLeft", 1)]


def test_clicker_keys_move_the_slides(open_tab) -> None:
    """A presentation clicker sends arrow and Page Up/Down keys: each moves one slide, wherever the focus is not
    in a text box."""
    tab = open_tab(PROJECTOR)
    tab.goto("/paparan?mode=paparan&slide=1")
    missed = []
    for key, want in KEYS:
        tab.page.locator("h1").first.click()  # focus on the slide itself, as after a click on the screen
        tab.page.keyboard.press(key)
        try:
            browser.wait_for(lambda want=want: slide_number(tab)[0] == want, timeout=6)
        except TimeoutError:
            missed.append(f"{key}: slide {slide_number(tab)[0]}, not {want}")
            tab.goto(f"/paparan?mode=paparan&slide={want}")
        tab.settle()
    FOUND["keys"] += len(missed)
    assert missed == []
    tab.assert_clean()


def dialogs(tab) -> int:
    return tab.page.locator('[role="dialog"]').count()


def test_no_dialog_moving_through_the_pages(open_tab) -> None:
    """Through every page by the sidebar, one click after the other as soon as each page shows: no dialog (a
    'Page not found' one makes the sidebar inert until closed)."""
    tab = open_tab(PROJECTOR)
    tab.goto("/")
    seen = []
    titles = [i18n.t(key, "id") for _, _, key in PAGES]
    for title in titles[1:] + titles[:1]:
        tab.page.locator('[data-testid="stSidebarNavLink"]', has_text=title).first.click()
        end = time.monotonic() + 8
        while time.monotonic() < end:
            if dialogs(tab):
                text = tab.page.locator('[role="dialog"]').first.inner_text()[:80]
                seen.append(f"dialog after clicking {title}: {text}")
                tab.page.keyboard.press("Escape")
                break
            if browser.state(tab.page)["script"] == "notRunning":
                break
            time.sleep(0.05)
    FOUND["dialog"] += len(seen)
    assert seen == []


def test_cold_server_first_links_are_the_apps(chromium) -> None:
    """On a cold server the very first links the sidebar shows are the app's own pages (not the folder's files
    with an "app" entry), and a click on one at that moment opens the page, not a dialog."""
    want = [i18n.t(key, "id") for _, _, key in PAGES]
    with browser.Server("app.py", log=ARTIFACTS / "server-cold.log") as srv:
        watch = browser.Watch()
        context, page = browser.open_page(chromium, PROJECTOR, watch)
        try:
            page.goto(srv.url + "/", wait_until="commit")
            first = browser.wait_for(lambda: browser.texts(
                page, '[data-testid="stSidebarNavLink"] [data-testid="stMarkdownContainer"]'), timeout=60, every=0.02)
            page.locator('[data-testid="stSidebarNavLink"]').nth(2).click()
            time.sleep(2)
            found = (["first links: " + " | ".join(first)] if first != want else []) + (
                ["dialog after the first click"] if page.locator('[role="dialog"]').count() else [])
            FOUND["dialog"] += len(found)
            assert found == []
        finally:
            context.close()


def test_the_checks_can_fail(chromium) -> None:
    """Each check finds what it looks for on a page made to have it, and leaves alone what reads fine: two labels on
    top of each other (not two parallel rotated ones), dark text on a dark bar (not on a light one), a clipped
    control label, a small chart."""
    page = chromium.new_page(viewport={"width": 800, "height": 600})
    try:
        page.set_content("""
          <div data-testid="stAppViewContainer"><div data-testid="stMain">
          <div data-testid="stVegaLiteChart" style="width:400px"><svg width="400" height="300">
            <g class="role-mark"><rect x="0" y="0" width="200" height="40" fill="#0b5d53"></rect>
                                 <rect x="0" y="50" width="200" height="40" fill="#d0e7e4"></rect></g>
            <text x="10" y="25" font-size="13" fill="#262730">dark on dark</text>
            <text x="10" y="75" font-size="13" fill="#262730">dark on light</text>
            <text x="10" y="150" font-size="13">overlapping one</text><text x="40" y="152" font-size="13">two</text>
            <text transform="translate(250,150) rotate(-30)" font-size="13">a long rotated label</text>
            <text transform="translate(290,150) rotate(-30)" font-size="13">next rotated</text>
          </svg></div>
          <div data-testid="stVegaLiteChart" style="width:150px"><svg width="150" height="90"></svg></div>
          <div data-testid="stWidgetLabel" style="width:60px;overflow:hidden;white-space:nowrap">
            A label far too long</div>
          </div></div>""")
        found = seeing.look(page)
        assert found["overlap"] == ['"overlapping one" over "two" in a chart']
        assert len(found["contrast"]) == 1 and "dark on dark" in found["contrast"][0]
        assert found["overflow"] == ["cut: A label far too long"]
        assert found["size"] == ["chart 150x90 px: a chart"]
    finally:
        page.close()
