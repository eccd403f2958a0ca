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


def _runs(at: AppTest, n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t)
        if at.exception:
            raise RuntimeError(f"the page raised: {at.exception[0].value}")
    return statistics.median(times)


@contextmanager
def server_script_cache() -> Iterator[ScriptCache]:
    """One cache of compiled scripts for every AppTest run, as the server keeps one for all runs."""
    cache = ScriptCache()
    with (mock.patch.object(app_test, "ScriptCache", lambda: cache),
          mock.patch.object(local_script_runner, "ScriptCache", lambda: cache)):
        yield cache


def run(reruns: int = 7) -> list[Row]:
    with server_script_cache() as scripts:
        return _run(reruns, scripts)


def _run(reruns: int, scripts: ScriptCache) -> list[Row]:
    bare = AppTest.from_string(BARE_PAGE, default_timeout=TIMEOUT)
    bare.run()
    base = _runs(bare, reruns)
    measured = []
    for name, _path, _key in browser.app_pages():
        st.cache_resource.clear()  # cold: as the first visit after the server starts
        st.cache_data.clear()
        scripts.clear()
        at = AppTest.from_file(str(browser.ROOT / "app.py"), default_timeout=TIMEOUT)
        at.switch_page(f"pages/{name}.py")
        t = time.perf_counter()
        at.run()
        cold = time.perf_counter() - t
        warm = _runs(at, reruns)
        measured.append((name, warm, cold))
    base = statistics.median([base, _runs(bare, reruns)])  # the bare page again, after: the machine may drift
    rows = [Row("1 pages", "bare page with one chart: warm rerun", f"{base * 1000:.0f} ms", "", None,
                f"median of {reruns} before and {reruns} after the pages; the unit for the ratios below")]
    for name, warm, cold in measured:
        ratio = warm / base
        rows.append(Row("1 pages", f"{name}: warm rerun / bare page", f"{ratio:.1f}x", f"<= {GOAL:.0f}x",
                        ratio <= GOAL, f"warm {warm * 1000:.0f} ms; cold first render {cold:.2f} s"))
    return rows
