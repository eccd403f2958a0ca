"""Kecamatan: one kecamatan on one screen: ladder over the years, status on every target, rank, comparison."""

import streamlit as st

import ui
from sanitasi import figures, views

an = ui.setup("kecamatan")
lang, dok = ui.lang(), ui.dokumen()

head, pick = st.columns([3, 2])
kode = ui.kecamatan(pick)
info = ui.memo(views.profile_info, kode, lang)
head.title(ui.t("profil.judul", nama=info.nama))
head.caption(info.keterangan)
if info.catatan:
    st.info(info.catatan, icon=":material/call_split:")

cols = st.columns(3)
for col, card in zip(cols, ui.memo(views.cards, dok, lang, kode=kode), strict=False):
    with col.container(border=True):
        st.metric(card.judul, card.nilai, delta=card.perubahan, delta_color=card.delta_warna,
                  delta_arrow=card.delta_panah)
        st.markdown(ui.badge(card.status), unsafe_allow_html=True)
        st.markdown(f"{card.target}  \n{card.selisih}  \n{card.selisih_kk}")

left, right = st.columns([1, 1])
with left:
    ui.plot(figures.ladder_kecamatan, kode, lang, ui.t("profil.tangga_judul", nama=info.nama), ui.source(),
            name=f"tangga_{kode}")
    if info.catatan_tangga:
        st.caption(info.catatan_tangga)
with right:
    ui.plot(figures.compare_district, kode, lang, ui.t("profil.banding_judul"), ui.source(), name=f"banding_{kode}")
    st.markdown(f"**{ui.t('profil.tanpa_judul', tahun=info.tahun)}**")
    for label, _count, text in ui.memo(views.without_access, kode, lang):
        st.markdown(f"- {label}: **{text}**")
    st.markdown(f"**{ui.t('profil.peringkat_judul')}**")
    for label, _pos, _n, text in ui.memo(views.ranks, kode, lang):
        st.markdown(f"- {label}: {text}")

st.subheader(ui.t("profil.status_judul"))
table = ui.memo(views.profile_table, kode, lang)
st.dataframe(table.frame, hide_index=True, width="stretch", key="profil_tabel")
st.caption(ui.t("metode.singkat"))
