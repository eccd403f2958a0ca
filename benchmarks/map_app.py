"""A one-chart Streamlit page for the map benchmark: draws the Vega-Lite spec saved as <case>.json.

Run by `benchmarks/bench_map.py` with SANITASI_BENCH_SPECS pointing at the folder of specs; the page
`/?case=<name>` renders that spec exactly as `ui.figure` does (a dict spec, our theme, full width).
"""

import json
import os
from pathlib import Path

import streamlit as st

st.set_page_config(layout="wide")
case = st.query_params.get("case", "")
path = Path(os.environ.get("SANITASI_BENCH_SPECS", ".")) / f"{case}.json"
if case and path.is_file():
    st.vega_lite_chart(json.loads(path.read_text(encoding="utf-8")), theme=None, width="stretch")
else:
    st.write("no spec")
