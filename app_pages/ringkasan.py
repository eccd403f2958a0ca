"""Ringkasan: where the district stands on each headline indicator, the ladder, and every kecamatan."""

import streamlit as st

import ui
from sanitasi.views import ringkasan

ui.setup("ringkasan")
r = ui.view(ringkasan.view, ringkasan.Settings(dokumen=ui.dokumen(), lang=ui.lang(), seri=ui.seri()))

st.title(ui.t("ringkasan.judul"))
st.markdown(r.pengantar)
if r.kalimat:
    st.info(r.kalimat, icon=":material/campaign:")
ui.cards(r.kartu, 3)

st.subheader(ui.t("ringkasan.banding_judul"))
st.caption(ui.t("ringkasan.banding_bantuan"))
ui.paragraphs(r.banding)
if r.banding_tabel is not None:
    ui.table(r.banding_tabel)
if r.banding_catatan:
    st.info(r.banding_kotak, icon=":material/compare_arrows:")

st.subheader(ui.t("ringkasan.lainnya_judul"))
st.caption(ui.t("ringkasan.lainnya_bantuan"))
# two cards a row: four in a row are too narrow at 1024x768 (labels and even values were cut with '…')
ui.cards(r.lainnya, 2, brief=True)

left, right = st.columns([5, 6])
with left:
    ui.figure(r.tangga)
with right:
    st.subheader(ui.t("ringkasan.tabel_judul"))
    st.caption(r.tabel_bantuan)
    ui.sorted_table(r.tabel, key="ringkasan_tabel")
