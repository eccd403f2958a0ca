"""Komitmen: what each agency or kecamatan committed to at a clinic, with status; editors update them."""

import streamlit as st

import ui
from sanitasi import exports, ppsp

an = ui.setup("komitmen")
lang = ui.lang()

st.title(ui.t("komitmen.judul"))
st.markdown(ui.t("komitmen.pengantar"))
frame = ui.memo(ppsp.commitments, lang=lang)
if len(frame):
    counts = frame["status_efektif"].value_counts()
    st.info(ui.t("komitmen.ringkas", terbuka=int(frame["status_efektif"].isin(ppsp.OPEN).sum()),
                 terlambat=int(counts.get("terlambat", 0)), selesai=int(counts.get("selesai", 0))),
            icon=":material/handshake:")
only_open = st.toggle(ui.t("komitmen.terbuka"), value=True, key="komitmen_terbuka")
table = ppsp.commitments_display(frame, lang, open_only=only_open) if len(frame) else frame
st.dataframe(table, hide_index=True, width="stretch", key="komitmen_tabel")
st.download_button(ui.t("komitmen.unduh"), exports.to_csv(ppsp.commitments_display(frame, lang)),
                   file_name="komitmen.csv", mime="text/csv", key="komitmen_unduh")

s = ui.data_store()
if s is not None:
    with st.expander(ui.t("komitmen.ubah_judul"), icon=":material/edit:"):
        if ui.editor_panel(s):
            ui.commitments_editor(s, an.data.komitmen)
