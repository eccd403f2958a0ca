"""Metodologi: definitions, formulas and thresholds with their sources, and where every data file comes from."""

import streamlit as st

import ui
from sanitasi.views import metodologi

ui.setup("metodologi")
r = ui.view(metodologi.view, metodologi.Settings(lang=ui.lang()))

st.title(ui.t("metodologi.judul"))
st.markdown(ui.t("metodologi.pengantar"))

st.subheader(ui.t("metodologi.tangga_judul"))
st.markdown(ui.t("metodologi.tangga_teks"))
ui.table(r.indikator)

st.subheader(ui.t("metodologi.status_judul"))
st.markdown(r.status_teks)
ui.table(r.status)

st.subheader(ui.t("metodologi.kebutuhan_judul"))
st.markdown(ui.t("metodologi.kebutuhan_teks"))

st.subheader(ui.t("metodologi.pemekaran_judul"))
st.markdown(ui.t("metodologi.pemekaran_teks"))

st.subheader(ui.t("metodologi.ppsp_judul"))
st.markdown(r.ppsp_teks)

st.subheader(ui.t("metodologi.target_judul"))
if (box := ui.on_demand(r.buka["target"], "metodologi_target")) is not None:
    with box:
        ui.table(r.target)

st.subheader(ui.t("metodologi.kinerja_judul"))
ui.table(r.kinerja)

st.subheader(ui.t("metodologi.data_judul"))
if (box := ui.on_demand(r.buka["berkas"], "metodologi_berkas")) is not None:
    with box:
        ui.table(r.berkas)
st.markdown(ui.t("metodologi.data_teks"))

st.subheader(ui.t("metodologi.fakta_judul"))
st.markdown(ui.t("metodologi.fakta_teks"))
if (box := ui.on_demand(r.buka["fakta"], "metodologi_fakta")) is not None:
    with box:
        ui.table(r.fakta)
