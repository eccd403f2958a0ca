"""Page cost: how long Streamlit takes to run each page again (a click), against a bare page with one chart.

Every interaction reruns the whole page script on the server, so this is the server time a presenter
waits for after each click (the browser's drawing comes on top). Measured with Streamlit's AppTest in
this process: the cold first render (the data set loaded and every cache empty, as after a restart) and
the warm rerun (median of several), each divided by the warm rerun of a bare page that draws one small
Altair chart and nothing else, measured in the same run.

The server compiles each page script once and keeps the bytecode for every later run and session (one
`ScriptCache` in the runtime); AppTest makes a new cache for every run, which would charge each rerun with
parsing and compiling app.py and the page again. The runs here share one cache as the server does; the
cold first render starts from an empty one.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

import streamlit as st
import streamlit.testing.v1.app_test as app_test
import streamlit.testing.v1.local_script_runner as local_script_runner
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest

from benchmarks.report import Row
from scripts import browser

BARE_PAGE = """
import altair as alt
import pandas as pd
import streamlit as st

frame = pd.DataFrame({"kecamatan": list("ABCDEFGHIJKL"), "nilai": range(12)})
st.altair_chart(alt.Chart(frame).mark_bar().encode(x="kecamatan", y="nilai"), width="stretch")
"""
GOAL = 2.0
TIMEOUT = 180


def _once(at: AppTest) -> float:
    t = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - t
    if at.exception:
        raise RuntimeError(f"the page raised: {at.exception[0].value}")
    return elapsed


def _paired(at: AppTest, bare: AppTest, n: int) -> tuple[float, float]:
    """Median warm rerun of the page and of the bare page, run in turn (bare, page, bare, page, ...), so a
    machine that speeds up or slows down during the run moves both alike."""
    page_times, bare_times = [], []
    for _ in range(n):
        bare_times.append(_once(bare))
        page_times.append(_once(at))
    return statistics.median(page_times), statistics.median(bare_times)


@contextmanager
def server_script_cache() -> Iterator[ScriptCache]:
    """One cache of compiled scripts for every AppTest run, as the server keeps one for all runs."""
    cache = ScriptCache()
    with (mock.patch.object(app_test, "ScriptCache", lambda: cache),
          mock.patch.object(local_script_runner, "ScriptCache", lambda: cache)):
        yield cache


def run(reruns: int = 15) -> list[Row]:
    with server_script_cache() as scripts:
        return _run(reruns, scripts)


def _run(reruns: int, scripts: ScriptCache) -> list[Row]:
    bare = AppTest.from_string(BARE_PAGE, default_timeout=TIMEOUT)
    bare.run()
    measured = []
    for name, _path, _key in browser.app_pages():
        st.cache_resource.clear()  # cold: as the first visit after the server starts
        st.cache_data.clear()
        scripts.clear()
        at = AppTest.from_file(str(browser.ROOT / "app.py"), default_timeout=TIMEOUT)
        at.switch_page(f"app_pages/{name}.py")
        cold = _once(at)
        bare.run()  # the bare page's own script back in the (cleared) cache
        warm, base = _paired(at, bare, reruns)
        measured.append((name, warm, base, cold))
    bases = [base for _, _, base, _ in measured]
    rows = [Row("1 pages", "bare page with one chart: warm rerun", f"{statistics.median(bases) * 1000:.0f} ms", "",
                None, f"median over the pages (range {min(bases) * 1000:.0f}-{max(bases) * 1000:.0f} ms); each page "
                f"is divided by the bare page's median from its own {reruns} runs taken in turn with it")]
    for name, warm, base, cold in measured:
        ratio = warm / base
        rows.append(Row("1 pages", f"{name}: warm rerun / bare page", f"{ratio:.2f}x", f"<= {GOAL:.0f}x",
                        ratio <= GOAL, f"warm {warm * 1000:.0f} ms; cold first render {cold:.2f} s"))
    return rows
