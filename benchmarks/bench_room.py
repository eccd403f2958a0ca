"""A room at once: ten officials open the dashboard together and click through every page.

Ten browser contexts (ten Streamlit sessions) in one headless Chromium, driven concurrently with
asyncio: each opens the overview, waits for its first chart, then clicks every page in the sidebar as
a person does. Measured: time to the first chart (median and worst), the server's memory (sampled every
quarter second), errors on screen or in the console, and whether the cached data are shared: Streamlit's
own counters (/_stcore/metrics) must show the data set and the analysis computed once, not per session.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from benchmarks.report import Row
from scripts import browser

SESSIONS = 10
SHARED_CACHES = ("ui.cache.bundled", "ui.cache._dataset", "ui.cache._analysis")


def cache_lookups(url: str) -> dict[tuple[str, str], float]:
    """(cache function, hit|miss) -> count, from Streamlit's metrics endpoint."""
    text = urllib.request.urlopen(f"{url}/_stcore/metrics", timeout=10).read().decode()
    out = {}
    for m in re.finditer(r'cache_lookups_total\{cache="([^"]+)",cache_type="[^"]+",result="(hit|miss)"\} ([0-9.e+]+)',
                         text):
        out[(m.group(1), m.group(2))] = float(m.group(3))
    return out


async def settle(page, timeout: float = 60) -> dict:
    end, last, same, s = time.monotonic() + timeout, None, 0, {}
    while time.monotonic() < end:
        s = await page.evaluate(browser.STATE_JS)
        done = (s["script"] == "notRunning" and not s["stale"] and not s["loading"]
                and all(n > 0 for n in s["marks"]))
        key = (s["charts"], tuple(s["marks"]))
        same = same + 1 if done and key == last else 0
        if same >= 3:
            return s
        last = key
        await asyncio.sleep(0.2)
    raise TimeoutError(f"page did not settle: {s}")


async def official(chromium, url: str, pages: list[tuple[str, str, str]], start: asyncio.Event) -> dict:
    """One person: open the overview, wait for the first chart, then click through every page."""
    context = await chromium.new_context(viewport={"width": 1366, "height": 768}, service_workers="block")
    errors: list[str] = []

    async def guard(route):
        if browser.is_local(route.request.url):
            await route.continue_()
        else:
            errors.append(f"blocked request to {route.request.url}")
            await route.abort()

    await context.route("**/*", guard)
    page = await context.new_page()
    page.on("console", lambda m: errors.append(f"console: {m.text[:200]}") if m.type == "error"
            and not browser.is_noise(m.text, (m.location or {}).get("url", "")) else None)
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"[:200]))
    await start.wait()
    t0 = time.perf_counter()
    await page.goto(url + "/", wait_until="domcontentloaded", timeout=120_000)
    first = None
    while time.perf_counter() - t0 < 120:
        s = await page.evaluate(browser.STATE_JS)
        if s["charts"] and all(n > 0 for n in s["marks"]):
            first = time.perf_counter() - t0
            break
        await asyncio.sleep(0.05)
    exceptions = (await settle(page))["exceptions"]
    if exceptions:
        text = await page.locator('[data-testid="stException"]').first.inner_text()
        errors.append(f"exception on {pages[0][2]}: {' '.join(text.split())[:300]}")
    per_page = []
    for _, _, key in pages[1:]:
        t = time.perf_counter()
        i = [k for _, _, k in pages].index(key)
        await page.locator('[data-testid="stSidebarNavLink"]').nth(i).click()
        await page.wait_for_function("i => document.querySelectorAll('[data-testid=\"stSidebarNavLink\"]')[i]"
                                     ".getAttribute('aria-current') === 'page'", arg=i)
        s = await settle(page)
        exceptions += s["exceptions"]
        if s["exceptions"]:
            text = await page.locator('[data-testid="stException"]').first.inner_text()
            errors.append(f"exception on {key}: {' '.join(text.split())[:300]}")
        per_page.append(time.perf_counter() - t)
    await context.close()
    return {"first_chart": first, "pages": per_page, "exceptions": exceptions, "errors": errors}


async def room(url: str, n: int) -> list[dict]:
    from playwright.async_api import async_playwright

    pages = browser.app_pages()
    async with async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=browser.chromium(), headless=True, args=browser.FLAGS)
        start = asyncio.Event()
        tasks = [asyncio.create_task(official(chromium, url, pages, start)) for _ in range(n)]
        await asyncio.sleep(0.5)
        start.set()  # everyone at once
        results = await asyncio.gather(*tasks)
        await chromium.close()
    return results


def run(sessions: int = SESSIONS) -> list[Row]:
    reason = browser.unavailable()
    if reason:
        return [Row("4 room", f"{sessions} sessions at once", "not measured", "", None, reason)]
    log = Path(tempfile.mkdtemp(prefix="sanitasi-bench-room-")) / "server.log"
    with browser.Server("app.py", log=log) as server:
        alone = asyncio.run(room(server.url, 1))[0]  # one visit first: the caches are filled once, as in a clinic
        base_mb = server.rss_mb()
        before = cache_lookups(server.url)
        samples: list[float] = []
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                samples.append(server.rss_mb())
                time.sleep(0.25)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        t, cpu = time.perf_counter(), server.cpu_seconds()
        results = asyncio.run(room(server.url, sessions))
        wall, cpu = time.perf_counter() - t, server.cpu_seconds() - cpu
        stop.set()
        sampler.join()
        after = cache_lookups(server.url)
        end_mb = server.rss_mb()
    firsts = [r["first_chart"] for r in results if r["first_chart"] is not None]
    pages = [p for r in results for p in r["pages"]]
    problems = [e for r in results for e in r["errors"]]
    problems += [f"{r['exceptions']} exception block(s)" for r in results if r["exceptions"]
                 and not any(e.startswith("exception on") for e in r["errors"])]
    rows = [
        Row("4 room", "1 session alone (the visit that fills the caches): time to first chart",
            f"{alone['first_chart']:.1f} s", "", None,
            f"each page after a click: median {statistics.median(alone['pages']):.1f} s"),
        Row("4 room", f"{sessions} sessions at once: time to first chart, median", f"{statistics.median(firsts):.1f} s",
            "", None, f"worst {max(firsts):.1f} s; {len(firsts)}/{sessions} saw a chart"),
        Row("4 room", f"{sessions} sessions: each page after a click, median", f"{statistics.median(pages):.1f} s", "",
            None, f"worst {max(pages):.1f} s over {len(pages)} page views; whole room {wall:.0f} s"),
        Row("4 room", f"{sessions} sessions: server CPU time / wall time of the room", f"{cpu / wall:.0%}", "", None,
            f"server {cpu:.0f} s of CPU in {wall:.0f} s on {os.cpu_count()} cores shared with {sessions} browser tabs: "
            f"{cpu / sessions:.1f} s of server work per person"),
        Row("4 room", f"{sessions} sessions: errors (exception blocks, console errors, blocked requests)",
            str(len(problems)), "0", not problems, "; ".join(problems[:3])),
        Row("4 room", f"server memory: after one session -> peak with {sessions} -> after",
            f"{base_mb:.0f} -> {max(samples):.0f} -> {end_mb:.0f} MB", "", None,
            f"{(max(samples) - base_mb) / sessions:.1f} MB per extra session at the peak"),
    ]
    misses = {c: after.get((c, "miss"), 0) - before.get((c, "miss"), 0) for c in SHARED_CACHES}
    hits = {c: after.get((c, "hit"), 0) - before.get((c, "hit"), 0) for c in SHARED_CACHES}
    shared = all(v == 0 for v in misses.values()) and all(hits[c] > 0 for c in SHARED_CACHES)
    rows.append(Row("4 room", "caches shared across sessions (Streamlit's cache counters during the room)",
                    "yes" if shared else "NO", "shared", shared,
                    ", ".join(f"{c}: {int(misses[c])} new computations, {int(hits[c])} reuses" for c in SHARED_CACHES)))
    return rows
