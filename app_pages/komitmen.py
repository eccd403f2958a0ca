"""Komitmen: what each agency or kecamatan committed to at a clinic, with status; editors update them."""

import streamlit as st

import ui
from sanitasi.views import komitmen

ui.setup("komitmen")
r = ui.view(komitmen.view, komitmen.Settings(today=komitmen.today(), lang=ui.lang()))

st.title(ui.t("komitmen.judul"))
st.markdown(ui.t("komitmen.pengantar"))
if r.ringkas:
    st.info(r.ringkas, icon=":material/handshake:")
only_open = st.toggle(ui.t("komitmen.terbuka"), value=True, key="komitmen_terbuka")
st.dataframe(r.terbuka if only_open else r.tabel, hide_index=True, width="stretch", key="komitmen_tabel")
st.caption(r.sumber)
ui.download_csv(ui.t("komitmen.unduh"), r.tabel, file_name="komitmen.csv", key="komitmen_unduh")

s = ui.data_store()
if s is not None:
    with st.expander(ui.t("komitmen.ubah_judul"), icon=":material/edit:"):
        if ui.editor_panel(s):
            ui.commitments_editor(s, r.untuk_editor)
