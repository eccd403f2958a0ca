"""The bare app the click benchmark holds the dashboard against: two pages in a sidebar navigation, one small Altair
chart a page, a year slider in the sidebar and a select box on the first page, nothing else.

Run by `benchmarks/bench_clicks.py` beside the dashboard; whatever a click costs here (Streamlit's round trip,
React, Vega drawing one chart) is the floor no page of the dashboard can go below.
"""

import altair as alt
import pandas as pd
import streamlit as st

st.set_page_config(page_title="Bare", layout="wide")
YEARS = list(range(2018, 2026))


def chart(offset: int) -> None:
    year, choice = st.session_state.get("tahun", YEARS[-1]), st.session_state.get("pilihan", "a")
    values = [(i * 7 + offset + year + ord(choice)) % 23 + 1 for i in range(12)]
    frame = pd.DataFrame({"kecamatan": list("ABCDEFGHIJKL"), "nilai": values})
    st.altair_chart(alt.Chart(frame).mark_bar().encode(x="kecamatan", y="nilai"), width="stretch")


def satu() -> None:
    st.title("Satu")
    st.selectbox("Pilihan", ["a", "b", "c"], key="pilihan")
    chart(0)


def dua() -> None:
    st.title("Dua")
    chart(5)


nav = st.navigation([st.Page(satu, title="Satu", url_path="satu", default=True),
                     st.Page(dua, title="Dua", url_path="dua")])
with st.sidebar:
    st.select_slider("Tahun", options=YEARS, value=YEARS[-1], key="tahun")
nav.run()
