"""Peran & kinerja OPD: who contributes to what, physical and financial realisation, households reached."""

import streamlit as st

import ui
from sanitasi.views import opd

an = ui.setup("opd")

st.title(ui.t("opd.judul"))
st.markdown(ui.t("opd.pengantar"))
o = opd.options(an)
if not o.tahun:  # no activity table: nothing to show
    st.stop()
year = ui.year_slider("opd_tahun", ui.t("opd.tahun"), o.tahun, o.tahun_awal, st.columns([2, 5])[0])
dok = ui.dokumen()
r = ui.view(opd.view, opd.Settings(tahun=year, dokumen=dok, porsi_baru=ui.new_shares(), lang=ui.lang()))

ui.figure(r.realisasi)
st.caption(r.aturan)
ui.table(r.kinerja)
st.caption(r.sumber)

st.subheader(r.peran.judul)
st.caption(r.peran.bantuan)
ui.table(r.peran.tabel)
ui.points(r.peran.catatan)
st.caption(r.peran.singkatan)
st.caption(r.peran.sumber)

st.subheader(r.matriks_judul)
ui.table(r.matriks)

st.subheader(r.kk_judul)
ui.points(r.kk_kalimat)
if r.kk_tabel is not None:
    ui.table(r.kk_tabel)

ui.performance_table(r.target_judul, r.target_bantuan, r.target_tabel, r.target_catatan, r.target_xlsx,
                     r.target_nama, key="unduh_kinerja_opd")
