"""Metodologi: definitions, formulas and thresholds with their sources, and where every data file comes from."""

import streamlit as st

import ui
from sanitasi import views

an = ui.setup("metodologi")
lang = ui.lang()
m = views.methods(an, lang)

st.title(ui.t("metodologi.judul"))
st.markdown(ui.t("metodologi.pengantar"))

st.header(ui.t("metodologi.tangga_judul"))
st.markdown(ui.t("metodologi.tangga_teks"))
st.dataframe(m.indicators, hide_index=True, width="stretch", key="metodologi_indikator")

st.header(ui.t("metodologi.status_judul"))
st.markdown(ui.t("metodologi.status_teks", window=m.window))
st.dataframe(m.statuses, hide_index=True, width="stretch", key="metodologi_status")
st.markdown(ui.t("metodologi.status_sumber"))

st.header(ui.t("metodologi.kebutuhan_judul"))
st.markdown(ui.t("metodologi.kebutuhan_teks"))

st.header(ui.t("metodologi.pemekaran_judul"))
st.markdown(ui.t("metodologi.pemekaran_teks"))

st.header(ui.t("metodologi.target_judul"))
st.dataframe(m.targets, hide_index=True, width="stretch", key="metodologi_target")

st.header(ui.t("metodologi.data_judul"))
st.dataframe(m.files, hide_index=True, width="stretch", key="metodologi_data")
st.markdown(ui.t("metodologi.data_teks"))
