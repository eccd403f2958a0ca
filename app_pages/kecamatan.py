"""Kecamatan: one kecamatan on one screen: ladder over the years, status on every target, rank, comparison."""

import streamlit as st

import ui
from sanitasi.views import kecamatan

ui.setup("kecamatan")
head, pick = st.columns([3, 2])
kode = ui.kecamatan(pick)
r = ui.view(kecamatan.view, kecamatan.Settings(kode=kode, dokumen=ui.dokumen(), lang=ui.lang()))

with head:
    ui.prose(ui.Title(r.judul), ui.Small(r.keterangan))
ui.prose(ui.Box(r.catatan, "call_split"), ui.Cards(r.kartu, 3))

# the ladder and the comparison side by side where both have room; the table goes below the chart on a narrow screen
# (at 1024 px with the sidebar open its four columns were cut in half a page)
left, right = ui.columns_that_wrap("kecamatan_isi")
with left:
    ui.figure(r.tangga)
    if r.catatan_tangga:
        st.caption(r.catatan_tangga)
with right:
    ui.prose(ui.TablePart(r.banding, r.banding_judul), ui.Para(f"**{r.tanpa_judul}**"),
             ui.Points([f"{label}: **{text}**" for label, text in r.tanpa]), ui.Small(r.sumber))

# a static table: its long statuses and dates wrap where a grid cut the last column at 1366 px
ui.prose(ui.Heading(ui.t("profil.status_judul")), ui.TablePart(r.tabel, foot=[r.sumber, ui.t("metode.singkat")]))
