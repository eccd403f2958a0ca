"""Metodologi: definitions, formulas and thresholds with their sources, and where every data file comes from."""

import streamlit as st

import ui
from sanitasi import ppsp, views

an = ui.setup("metodologi")
lang = ui.lang()
m = ui.memo(views.methods, lang)

st.title(ui.t("metodologi.judul"))
st.markdown(ui.t("metodologi.pengantar"))

st.subheader(ui.t("metodologi.tangga_judul"))
st.markdown(ui.t("metodologi.tangga_teks"))
ui.table(m.indicators)

st.subheader(ui.t("metodologi.status_judul"))
st.markdown(ui.t("metodologi.status_teks", window=m.window))
ui.table(m.statuses)
st.markdown(ui.t("metodologi.status_sumber"))

st.subheader(ui.t("metodologi.kebutuhan_judul"))
st.markdown(ui.t("metodologi.kebutuhan_teks"))

st.subheader(ui.t("metodologi.pemekaran_judul"))
st.markdown(ui.t("metodologi.pemekaran_teks"))

st.subheader(ui.t("metodologi.ppsp_judul"))
st.markdown(ui.t("metodologi.ppsp_teks", ahead=ui.number(ppsp.AHEAD), lag=ui.number(ppsp.LAG)))

st.subheader(ui.t("metodologi.target_judul"))
ui.table(m.targets)

st.subheader(ui.t("metodologi.data_judul"))
ui.table(m.files)
st.markdown(ui.t("metodologi.data_teks"))
