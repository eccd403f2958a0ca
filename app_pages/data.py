"""Data: the stored versions, loading the district's own files (editors only), templates and downloads."""

import streamlit as st

import ui
from sanitasi.views import data

ui.setup("data")
r = ui.view(data.view, data.Settings(lang=ui.lang()))
s = ui.data_store()

ui.prose(ui.Title(ui.t("data.judul")), ui.Para(ui.t("data.pengantar")))
ui.data.flash()
if s is None or ui.database_down():
    st.error(ui.t("data.store_gagal"), icon=":material/database:")
    st.stop()

with ui.data.while_reachable():  # the database may stop between the banner's look and these
    st.subheader(ui.t("data.versi_judul"))
    editor = ui.data.versions_panel(s, r)

    st.subheader(ui.t("data.muat_judul"))
    ui.data.import_panel(s, r, editor)

ui.prose(ui.Heading(ui.t("data.templat_judul")), ui.Small(ui.t("data.templat_bantuan")))
ui.data.templates(r)
