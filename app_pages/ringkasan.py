"""Ringkasan: where the district stands on each headline indicator, the ladder, and every kecamatan."""

import streamlit as st

import ui
from sanitasi.views import ringkasan

ui.setup("ringkasan")
r = ui.view(ringkasan.view, ringkasan.Settings(dokumen=ui.dokumen(), lang=ui.lang(), seri=ui.seri()))

# the text down to the chart in one block: each title, caption or box of its own cost the browser a render a click
ui.prose(ui.Title(ui.t("ringkasan.judul")), ui.Para(r.pengantar), ui.Box(r.kalimat, "campaign"),
         ui.Cards(r.kartu, 3),
         ui.Heading(ui.t("ringkasan.banding_judul")), ui.Small(ui.t("ringkasan.banding_bantuan")), ui.Para(r.banding),
         ui.TablePart(r.banding_tabel),
         ui.Box(r.banding_kotak if r.banding_catatan else "", "compare_arrows"),
         ui.Heading(ui.t("ringkasan.lainnya_judul")), ui.Small(ui.t("ringkasan.lainnya_bantuan")),
         # two cards a row: four in a row are too narrow at 1024x768 (labels and even values were cut with '…')
         ui.Cards(r.lainnya, 2, brief=True))

left, right = st.columns([5, 6])
with left:
    ui.figure(r.tangga)
with right:
    ui.prose(ui.Heading(ui.t("ringkasan.tabel_judul")), ui.Small(r.tabel_bantuan))
    ui.sorted_table(r.tabel, key="ringkasan_tabel")
