"""Ringkasan: where the district stands on each headline indicator, the ladder, and every kecamatan."""

import streamlit as st

import ui
from sanitasi import figures, views

an = ui.setup("ringkasan")
lang, dok = ui.lang(), ui.dokumen()

st.title(ui.t("ringkasan.judul"))
st.markdown(ui.t("ringkasan.pengantar", tahun=an.tahun, dokumen=dok))
for k in views.indicators_of(an, dok)[:1]:
    st.info(ui.memo(views.headline, dok, k, lang), icon=":material/campaign:")

cols = st.columns(3)
for col, card in zip(cols, ui.memo(views.cards, dok, lang), strict=False):
    with col.container(border=True):
        st.metric(card.judul, card.nilai, delta=card.perubahan, delta_color=card.delta_warna,
                  delta_arrow=card.delta_panah)
        st.markdown(f"{ui.badge(card.status)}", unsafe_allow_html=True)
        st.markdown(f"{card.target}  \n{card.selisih}  \n{card.selisih_kk}")
        if card.metode:
            st.caption(card.metode)

st.subheader(ui.t("ringkasan.lainnya_judul"))
st.caption(ui.t("ringkasan.lainnya_bantuan"))
others = ui.memo(views.other_cards, dok, lang)
# two cards a row: four in a row are too narrow at 1024x768 (labels and even values were cut with '…')
for col, card in zip([c for _ in range(0, len(others), 2) for c in st.columns(2)], others, strict=False):
    with col.container(border=True):
        st.metric(card.judul, card.nilai, delta=card.perubahan, delta_color=card.delta_warna,
                  delta_arrow=card.delta_panah)
        st.markdown(ui.badge(card.status), unsafe_allow_html=True)
        st.caption(card.target.replace("**", ""))

left, right = st.columns([5, 6])
with left:
    ui.plot(figures.ladder_district, lang, ui.t("ringkasan.tangga_judul"), ui.source(), name="tangga_kabupaten")
with right:
    st.subheader(ui.t("ringkasan.tabel_judul"))
    st.caption(ui.t("ringkasan.tabel_bantuan", dokumen=dok))
    table = ui.memo(views.status_display, dok, lang)
    st.dataframe(table.styler, hide_index=True, width="stretch", height=38 * (len(table.frame) + 1),
                 key="ringkasan_tabel")
