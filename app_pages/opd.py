"""Peran & kinerja OPD: who contributes to what, physical and financial realisation, households reached."""

import streamlit as st

import ui
from sanitasi.views import opd

an = ui.setup("opd")

ui.prose(ui.Title(ui.t("opd.judul")), ui.Para(ui.t("opd.pengantar")))
o = opd.options(an)
if not o.tahun:  # no activity table: nothing to show
    st.stop()
year = ui.year_slider("opd_tahun", ui.t("opd.tahun"), o.tahun, o.tahun_awal, width=320)  # no row of columns for it
dok = ui.dokumen()
r = ui.view(opd.view, opd.Settings(tahun=year, dokumen=dok, porsi_baru=ui.new_shares(), lang=ui.lang()))

ui.figure(r.realisasi)
# the agencies' realisation, their roles, the budget matrix and the households reached: one block of text and tables
# (an element each cost the browser a render a click)
ui.prose(ui.TablePart(r.kinerja, lead=r.aturan, foot=[r.sumber]),
         ui.Heading(r.peran.judul), ui.TablePart(r.peran.tabel, lead=r.peran.bantuan), ui.Points(r.peran.catatan),
         ui.Small([r.peran.singkatan, r.peran.sumber]),
         ui.Heading(r.matriks_judul), ui.TablePart(r.matriks),
         ui.Heading(r.kk_judul), ui.Points(r.kk_kalimat), ui.TablePart(r.kk_tabel))

ui.performance_table(r.target_judul, r.target_bantuan, r.target_tabel, r.target_catatan, r.target_xlsx,
                     r.target_nama, key="unduh_kinerja_opd")
