"""What a person waits for: a click in the browser until the page is drawn, against a bare app clicked the same way.

The dashboard and a bare two-page app (`benchmarks/bare_app.py`: one small Altair chart a page, a year slider, a
select box) are served side by side and driven in one headless Chromium. A wait runs from the press (the
`pointerdown` or `keydown` event's own time stamp) until the page is idle: the script has run and finished, no
element is stale or a loading placeholder, every chart has drawn marks, and nothing in the page has changed for
0,3 s; the wait ends at the last change. Children of a `<canvas>` (a data grid's accessibility copy of its cells,
never drawn) do not count as changes.

Measured, each as a ratio to the bare app's figure from the same run, the bare app measured before and after the
dashboard in every round so a machine that drifts moves both:
- every page: the median wait after a click on it in the sidebar, over several rounds through all pages (the
  round that first opens each page in the session is reported apart);
- the first page after a server start (caches cold) and the first page of a new session (caches warm);
- a change of year (sidebar slider) on Peta and of indicator on Lintasan against the same widget on the bare app;
- the server's CPU time per page view (the server process's own clock), hence page views per second per core.

Both apps run with this project's settings (`.streamlit/config.toml`), so the ratios compare the pages and nothing
else. One of those settings skips Streamlit's full garbage collection after every run, which the bare app gains from
too; for reference, the bare app is also clicked with Streamlit's default (`DEFAULT_GC`), so a reader sees what a
plain Streamlit app costs and where the dashboard's pages stand against it.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from benchmarks.report import Row
from scripts import browser

BARE = browser.ROOT / "benchmarks" / "bare_app.py"
DASHBOARD = "app.py"
QUIET = 0.3  # seconds without a change in the page
GOAL, AIM, COLD_GOAL = 2.0, 1.5, 3.0
SECTION = "5 clicks"
DEFAULT_GC = ["--runner.postScriptGC", "true"]  # Streamlit's default, which .streamlit/config.toml turns off
WIDGET_DOCUMENT = "SSK 2025-2029 (ilustratif)"  # sets seven indicators, so Lintasan has a choice

# Installed before the page loads: the time of the press, every change to the page, the script's runs.
WAIT_JS = """(() => {
  const w = window.__wait = {last: 0, t0: null, armed: false, ran: false, runStart: null, runEnd: null};
  const press = e => { if (w.armed && w.t0 === null) w.t0 = e.timeStamp; };
  window.addEventListener('pointerdown', press, true);
  window.addEventListener('keydown', press, true);
  new MutationObserver(records => {
    const now = performance.now();
    let seen = false;
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && el.closest('canvas')) continue;  // fallback content inside a canvas is never drawn
      seen = true;
      if (r.attributeName === 'data-test-script-state') {
        if (r.oldValue === 'running') w.runEnd = now;
        else if (w.runStart === null) w.runStart = now;
        w.ran = true;
      }
    }
    if (seen) w.last = now;
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true,
                        attributeOldValue: true});
})();"""
ARM_JS = """() => { const w = window.__wait; Object.assign(w, {armed: true, t0: null, ran: false, runStart: null,
                                                          runEnd: null}); }"""
LOOK_JS = "() => ({...window.__wait, now: performance.now()})"


@dataclass
class Wait:
    seconds: float  # press (or navigation start) to the last change before the page went quiet
    script: float  # from the script's start to its end as the browser saw them
    received: int  # bytes over the websocket
    cpu: float = 0.0  # the server's CPU seconds meanwhile


@dataclass
class Tab:
    context: Any
    page: Any
    received: list[int] = field(default_factory=list)

    def close(self) -> None:
        self.context.close()


def open_tab(chromium: Any) -> Tab:
    context, page = browser.open_page(chromium, browser.SIZES[0])
    page.add_init_script(WAIT_JS)
    tab = Tab(context, page)
    page.on("websocket", lambda ws: ws.on("framereceived", lambda p: tab.received.append(len(p))))
    return tab


def drawn(tab: Tab, *, pressed: bool = True, frames: int = 0, timeout: float = 120) -> Wait:
    """Wait until the page is idle with every chart drawn (see the module docstring); `pressed`: time from the
    armed press, else from the navigation's start. The script has run when the page saw it running or, for a run
    too quick for React to show, when the server sent anything after the press (more than `frames` frames)."""
    end, s = time.monotonic() + timeout, {}
    while time.monotonic() < end:
        s = {**tab.page.evaluate(browser.STATE_JS), **tab.page.evaluate(LOOK_JS)}
        ran = s["ran"] or len(tab.received) > frames
        ready = (s["script"] == "notRunning" and ran and not s["stale"] and not s["running"]
                 and not s["loading"] and all(n > 0 for n in s["marks"])
                 and (not pressed or (s["t0"] is not None and s["last"] > s["t0"])))  # a change after the press
        if ready and s["now"] - s["last"] >= QUIET * 1000:
            if s["exceptions"]:
                raise RuntimeError("the page shows an exception: "
                                   + tab.page.locator('[data-testid="stException"]').first.inner_text()[:300])
            start = s["t0"] if pressed else 0.0
            script = (s["runEnd"] - s["runStart"]) if s["runEnd"] and s["runStart"] else float("nan")
            return Wait((s["last"] - start) / 1000, script / 1000, sum(tab.received))
        time.sleep(0.05)
    raise TimeoutError(f"the page did not become idle within {timeout:.0f} s: {s}")


def timed(tab: Tab, server: browser.Server, act: Callable[[], None]) -> Wait:
    """Arm, do `act` (which presses once), wait for the page; with the server's CPU and the bytes received."""
    tab.page.evaluate(ARM_JS)
    cpu, before, frames = server.cpu_seconds(), sum(tab.received), len(tab.received)
    act()
    w = drawn(tab, frames=frames)
    w.received -= before
    w.cpu = server.cpu_seconds() - cpu
    return w


def nav_click(tab: Tab, i: int) -> Callable[[], None]:
    return lambda: tab.page.locator('[data-testid="stSidebarNavLink"]').nth(i).click()


def first_page(chromium: Any, server: browser.Server) -> float:
    """A new session opens the first page: seconds from the navigation's start to the page drawn."""
    tab = open_tab(chromium)
    try:
        tab.page.goto(server.url + "/", wait_until="domcontentloaded", timeout=120_000)
        return drawn(tab, pressed=False, frames=1).seconds
    finally:
        tab.close()


def year_step(tab: Tab, n: int) -> Callable[[], None]:
    """One step of the sidebar's year slider, back and forth (a presenter going over two years)."""
    thumb = tab.page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]').get_by_role("slider")
    thumb.focus()
    return lambda: thumb.press("ArrowLeft" if n % 2 == 0 else "ArrowRight")


def select_other(tab: Tab, index: int) -> Callable[[], None]:
    """Open the first select box on the page and return the press of another option (alternating)."""
    box = tab.page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first
    box.click()
    options = tab.page.get_by_role("option")
    options.first.wait_for()
    chosen = [options.nth(k).get_attribute("aria-selected") == "true" for k in range(options.count())]
    others = [k for k, on in enumerate(chosen) if not on]
    if not others:
        raise RuntimeError("the select box has a single option: nothing to change to")
    pick = others[index % len(others)]
    return lambda: options.nth(pick).click()


def start(app: str | Path, log: Path) -> tuple[browser.Server, float]:
    server = browser.Server(app, log=log)
    t = time.perf_counter()
    server.start(timeout=180)
    return server, time.perf_counter() - t


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def run(rounds: int = 9, colds: int = 3, sessions: int = 5, changes: int = 6) -> list[Row]:
    reason = browser.unavailable()
    if reason:
        return [Row(SECTION, "click to drawn in the browser", "not measured", "", None, reason)]
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="sanitasi-bench-clicks-"))
    pages = browser.app_pages()
    with sync_playwright() as pw:
        chromium = browser.launch(pw)
        # cold: a fresh server process each time, bare and dashboard in turn; the last pair stays up
        cold: dict[str, list[float]] = {"bare": [], "dash": []}
        boot: dict[str, list[float]] = {"bare": [], "dash": []}
        servers: dict[str, browser.Server] = {}
        for k in range(colds):
            for name, app in (("bare", BARE), ("dash", DASHBOARD)):
                server, took = start(app, folder / f"{name}-{k}.log")
                boot[name].append(took)
                cold[name].append(first_page(chromium, server))
                if k < colds - 1:
                    server.stop()
                else:
                    servers[name] = server
        bare, dash = servers["bare"], servers["dash"]
        plain = browser.Server(BARE, log=folder / "bare-default-gc.log", options=DEFAULT_GC)
        try:
            plain.start(timeout=180)
            rows = _warm(chromium, bare, dash, pages, rounds, sessions, changes, cold, boot, plain)
        finally:
            bare.stop()
            dash.stop()
            plain.stop()
            chromium.close()
    return rows


def _warm(chromium: Any, bare: browser.Server, dash: browser.Server, pages: list[tuple[str, str, str]],
          rounds: int, sessions: int, changes: int, cold: dict, boot: dict, plain: browser.Server) -> list[Row]:
    # first page of a new session, caches warm: bare, dashboard, bare, ..., bare
    warm: dict[str, list[float]] = {"bare": [first_page(chromium, bare)], "dash": []}
    for _ in range(sessions):
        warm["dash"].append(first_page(chromium, dash))
        warm["bare"].append(first_page(chromium, bare))

    # clicks through the sidebar: a bare round (three there and back), a dashboard round, ..., a bare round
    bt, dt, pt = open_tab(chromium), open_tab(chromium), open_tab(chromium)
    for tab, server in ((bt, bare), (dt, dash), (pt, plain)):
        tab.page.goto(server.url + "/", wait_until="domcontentloaded")
        drawn(tab, pressed=False, frames=1)
    plain_clicks: list[Wait] = []

    def bare_round() -> list[Wait]:
        plain_clicks.extend(timed(pt, plain, nav_click(pt, i)) for i in (1, 0))
        return [timed(bt, bare, nav_click(bt, i)) for i in (1, 0) * 3]

    def dash_round() -> dict[str, Wait]:
        out = {}
        for i, (name, _, _) in [*list(enumerate(pages))[1:], (0, pages[0])]:
            out[name] = timed(dt, dash, nav_click(dt, i))
        return out

    bare_clicks = bare_round()
    first_visit = dash_round()  # each page's first visit in this session
    per_page: dict[str, list[Wait]] = {name: [] for name, _, _ in pages}
    for _ in range(rounds):
        for name, w in dash_round().items():
            per_page[name].append(w)
        bare_clicks += bare_round()

    # widget changes: the year on Peta, the indicator on Lintasan; the bare app's slider and select box. The
    # dashboard judges against the district's SSK here: the default national plan sets one indicator only.
    lintasan = next(i for i, (name, _, _) in enumerate(pages) if name == "lintasan_target")
    dt.close()
    dt = open_tab(chromium)
    dt.page.goto(f"{dash.url}/peta?target={quote(WIDGET_DOCUMENT)}", wait_until="domcontentloaded")
    drawn(dt, pressed=False, frames=1)
    timed(bt, bare, nav_click(bt, 0))
    year: dict[str, list[Wait]] = {"bare": [], "dash": []}
    choice: dict[str, list[Wait]] = {"bare": [], "dash": []}
    for n in range(changes):
        year["bare"].append(timed(bt, bare, year_step(bt, n)))
        year["dash"].append(timed(dt, dash, year_step(dt, n)))
    year["bare"].append(timed(bt, bare, year_step(bt, changes)))
    timed(dt, dash, nav_click(dt, lintasan))
    for n in range(changes):
        choice["bare"].append(timed(bt, bare, select_other(bt, n)))
        choice["dash"].append(timed(dt, dash, select_other(dt, n)))
    choice["bare"].append(timed(bt, bare, select_other(bt, changes)))
    bt.close()
    dt.close()
    pt.close()
    rows = _rows(pages, bare_clicks, first_visit, per_page, cold, boot, warm, year, choice, rounds)
    waits = [median([w.seconds for w in ws]) for ws in per_page.values()]
    plain_wait = median([w.seconds for w in plain_clicks])
    rows.insert(1, Row(SECTION, "bare app with Streamlit's default garbage collection: click to drawn",
                       f"{plain_wait * 1000:.0f} ms", "", None,
                       f"for reference, not a goal: median of {len(plain_clicks)} clicks; server CPU "
                       f"{median([w.cpu for w in plain_clicks]) * 1000:.0f} ms a view. The ratios below are against "
                       f"the bare app with this project's settings; the dashboard's pages took "
                       f"{min(waits) * 1000:.0f}-{max(waits) * 1000:.0f} ms "
                       f"({sum(x <= plain_wait for x in waits)} of {len(waits)} within this plain app's wait)"))
    return rows


def _rows(pages: list, bare_clicks: list[Wait], first_visit: dict[str, Wait], per_page: dict[str, list[Wait]],
          cold: dict, boot: dict, warm: dict, year: dict, choice: dict, rounds: int) -> list[Row]:
    base = median([w.seconds for w in bare_clicks])
    rows = [Row(SECTION, "bare app: sidebar click to drawn", f"{base * 1000:.0f} ms", "", None,
                f"median of {len(bare_clicks)} clicks in {rounds + 1} rounds taken before, between and after the "
                f"dashboard's (range {min(w.seconds for w in bare_clicks) * 1000:.0f}-"
                f"{max(w.seconds for w in bare_clicks) * 1000:.0f} ms); server CPU "
                f"{median([w.cpu for w in bare_clicks]) * 1000:.0f} ms a view")]
    ratios = []
    for name, _, _ in pages:
        ws = per_page[name]
        wait = median([w.seconds for w in ws])
        ratio = wait / base
        ratios.append(ratio)
        rows.append(Row(SECTION, f"{name}: click to drawn / bare app", f"{ratio:.2f}x", f"<= {GOAL:.0f}x",
                        ratio <= GOAL,
                        f"{wait * 1000:.0f} ms (median of {len(ws)}; aim {AIM:.1f}x{' met' if ratio <= AIM else ''});"
                        f" script {median([w.script for w in ws]) * 1000:.0f} ms; "
                        f"{median([w.received for w in ws]) / 1024:,.0f} KB; first visit in the session "
                        f"{first_visit[name].seconds * 1000:.0f} ms"))
    rows.append(Row(SECTION, "all pages: median of the ratios", f"{median(ratios):.2f}x", f"<= {AIM:.1f}x",
                    median(ratios) <= AIM, f"worst {max(ratios):.2f}x"))
    c_b, c_d = median(cold["bare"]), median(cold["dash"])
    rows.append(Row(SECTION, "first page after a server start (cold) / bare app's", f"{c_d / c_b:.2f}x",
                    f"<= {COLD_GOAL:.0f}x", c_d / c_b <= COLD_GOAL,
                    f"{c_d:.2f} s vs {c_b:.2f} s (medians of {len(cold['dash'])} starts; server start to healthy "
                    f"{median(boot['dash']):.1f} s vs {median(boot['bare']):.1f} s)"))
    w_b, w_d = median(warm["bare"]), median(warm["dash"])
    rows.append(Row(SECTION, "first page of a new session (warm) / bare app's", f"{w_d / w_b:.2f}x",
                    f"<= {GOAL:.0f}x", w_d / w_b <= GOAL,
                    f"{w_d:.2f} s vs {w_b:.2f} s (medians of {len(warm['dash'])} and {len(warm['bare'])} sessions)"))
    for label, got in (("Peta: change of year / bare app's slider", year),
                       ("Lintasan: change of indicator / bare app's select box", choice)):
        b, d = median([w.seconds for w in got["bare"]]), median([w.seconds for w in got["dash"]])
        rows.append(Row(SECTION, label, f"{d / b:.2f}x", f"<= {GOAL:.0f}x", d / b <= GOAL,
                        f"{d * 1000:.0f} ms vs {b * 1000:.0f} ms (medians of {len(got['dash'])} and "
                        f"{len(got['bare'])}); script {median([w.script for w in got['dash']]) * 1000:.0f} ms"))
    views = [w for ws in per_page.values() for w in ws]
    cpu = sum(w.cpu for w in views) / len(views)
    rows.append(Row(SECTION, "server CPU per page view (dashboard, caches warm)", f"{cpu * 1000:.0f} ms", "", None,
                    f"mean of {len(views)} views; {1 / cpu:.0f} page views per second per core "
                    f"({os.cpu_count()} cores here); worst page "
                    f"{max(median([w.cpu for w in ws]) for ws in per_page.values()) * 1000:.0f} ms"))
    return rows
