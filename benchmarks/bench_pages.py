"""Page cost: how long Streamlit takes to run each page again (a click), against a bare page with one chart.

Every interaction reruns the whole page script on the server, so this is the server time a presenter
waits for after each click (the browser's drawing comes on top). Measured with Streamlit's AppTest in
this process: the cold first render (the data set loaded and every cache empty, as after a restart) and
the warm rerun (median of several), each divided by the warm rerun of a bare page that draws one small
Altair chart and nothing else, measured in the same run.
"""

from __future__ import annotations

import statistics
import time

import streamlit as st
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


def run(reruns: int = 7) -> list[Row]:
    bare = AppTest.from_string(BARE_PAGE, default_timeout=TIMEOUT)
    bare.run()
    base = _runs(bare, reruns)
    measured = []
    for name, _path, _key in browser.app_pages():
        st.cache_resource.clear()  # cold: as the first visit after the server starts
        st.cache_data.clear()
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
