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
# headings, leads and notes in the tables' own blocks: each caption of its own cost the browser an element more
ui.table(r.kinerja, lead=r.aturan, foot=[r.sumber])

st.subheader(r.peran.judul)
ui.table(r.peran.tabel, lead=r.peran.bantuan)
ui.points(r.peran.catatan)
ui.notes([r.peran.singkatan, r.peran.sumber])

st.subheader(r.matriks_judul)
ui.table(r.matriks)

st.subheader(r.kk_judul)
ui.points(r.kk_kalimat)
if r.kk_tabel is not None:
    ui.table(r.kk_tabel)

ui.performance_table(r.target_judul, r.target_bantuan, r.target_tabel, r.target_catatan, r.target_xlsx,
                     r.target_nama, key="unduh_kinerja_opd")
