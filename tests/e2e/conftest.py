"""Browser fixtures: one Streamlit server and one headless Chromium for the whole session, a fresh tab per test.

The tests skip, with the reason shown in the summary, where playwright or Chromium is missing (a laptop
without them); in CI (`CI=true`) they fail instead: CI installs Debian's chromium first (`.ci/run`) and a run that
skipped what the room sees would pass unseen. Every request that would leave the
machine is blocked, and a test that caused one, or a browser console error, fails.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import browser  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
# The link a presenter shares; opened as the very first visit after the server starts (see `server`).
SHARED_LINK = "/peta?indikator=aman&kecamatan=63.10.08&lang=en&tahun=2021"


@dataclass
class Tab:
    """One browser tab (its own Streamlit session) and what it saw go wrong."""

    page: Any
    watch: browser.Watch
    base: str
    size: tuple[int, int]

    def goto(self, path: str) -> dict:
        return browser.goto(self.page, self.base + path)

    def settle(self) -> dict:
        return browser.settle(self.page)

    def h1(self) -> str:
        return " ".join(browser.texts(self.page, "h1"))

    def nav(self) -> list[str]:
        return browser.texts(self.page, '[data-testid="stSidebarNavLink"] [data-testid="stMarkdownContainer"]')

    def metrics(self) -> list[str]:
        return browser.texts(self.page, ".kartu-nilai")

    def selected(self) -> dict[str, str]:
        """Select box label -> the text it shows."""
        return dict(self.page.evaluate("""() => Array.from(document.querySelectorAll('[data-testid="stSelectbox"]'))
            .map(s => [s.querySelector('[data-testid="stWidgetLabel"]').innerText.trim(),
                       s.querySelector('input').value])"""))

    def slider(self) -> str:
        """The year the sidebar's year slider shows."""
        return self.page.locator('[data-testid="stSidebar"] [data-testid="stSliderThumbValue"]').inner_text().strip()

    def query(self) -> dict[str, str]:
        from urllib.parse import parse_qsl, urlparse

        # read from the page: Playwright's `page.url` only catches up with history.replaceState
        # when another call goes to the browser, so a polling loop would never see it change
        return dict(parse_qsl(urlparse(self.page.evaluate("() => location.href")).query))

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}-{self.size[0]}x{self.size[1]}.png"
        self.page.screenshot(path=str(path))
        return path

    def assert_clean(self) -> None:
        """No request tried to leave the machine; no console error; no Streamlit exception on screen."""
        assert self.watch.problems() == []
        assert self.page.locator('[data-testid="stException"]').count() == 0


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Headless system Chromium, shared by every test (each test opens its own context)."""
    reason = browser.unavailable()
    if reason and browser.required():
        pytest.fail(f"browser tests must run in CI (CI=true): {reason}", pytrace=False)
    if reason:
        pytest.skip(f"browser tests skipped: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = browser.launch(pw)
        yield b
        b.close()


@dataclass
class Server:
    url: str
    first: Tab  # the tab of the first visit after start: the shared link


@pytest.fixture(scope="session")
def server(chromium: Any) -> Iterator[Server]:
    """`streamlit run app.py` on a free loopback port for the session.

    The first visit after the start is a shared link to a page, not the root: that is what a presenter
    does on a freshly started laptop. It once opened the page on its own (no wide layout, file names in the
    navigation) while a `pages/` folder put Streamlit in its folder mode; the tab stays open for the test that
    checks it.
    """
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with browser.Server("app.py", log=ARTIFACTS / "server.log") as srv:
        watch = browser.Watch()
        context, page = browser.open_page(chromium, browser.SIZES[0], watch)
        first = Tab(page, watch, srv.url, browser.SIZES[0])
        first.goto(SHARED_LINK)
        yield Server(srv.url, first)
        context.close()


@pytest.fixture
def open_tab(chromium: Any, server: Server) -> Iterator[Callable[..., Tab]]:
    """Open fresh tabs (new sessions); after the test, any blocked request or console error fails it."""
    opened: list[tuple[Any, Tab]] = []

    def _open(size: tuple[int, int] = browser.SIZES[0]) -> Tab:
        watch = browser.Watch()
        context, page = browser.open_page(chromium, size, watch)
        tab = Tab(page, watch, server.url, size)
        opened.append((context, tab))
        return tab

    yield _open
    problems = [p for _, tab in opened for p in tab.watch.problems()]
    for context, _ in opened:
        context.close()
    if problems:
        pytest.fail("browser problems: " + "; ".join(problems[:5]))
