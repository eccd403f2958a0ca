"""Kecamatan: one kecamatan on one screen: ladder over the years, status on every target, rank, comparison."""

import streamlit as st

import ui
from sanitasi import charts, views

an = ui.setup("kecamatan")
lang, dok = ui.lang(), ui.dokumen()

head, pick = st.columns([3, 2])
kode = ui.kecamatan(pick)
info = views.profile_info(an, kode, lang)
head.title(ui.t("profil.judul", nama=info.nama))
head.caption(info.keterangan)
if info.catatan:
    st.info(info.catatan, icon=":material/call_split:")

cols = st.columns(3)
for col, card in zip(cols, views.cards(an, dok, lang, kode=kode), strict=False):
    with col.container(border=True):
        st.metric(card.judul, card.nilai, delta=card.perubahan, delta_color=card.delta_warna,
                  delta_arrow=card.delta_panah)
        st.markdown(ui.badge(card.status), unsafe_allow_html=True)
        st.markdown(f"{card.target}  \n{card.selisih}  \n{card.selisih_kk}")

left, right = st.columns([1, 1])
with left:
    ui.chart(charts.ladder(views.ladder(views.kecamatan_rows(an, kode), lang),
                           title=ui.t("profil.tangga_judul", nama=info.nama), source=ui.source(), lang=lang),
             name=f"tangga_{kode}")
    if info.catatan_tangga:
        st.caption(info.catatan_tangga)
with right:
    ui.chart(charts.compare(views.compare_with_district(an, kode, lang),
                            title=ui.t("profil.banding_judul"), source=ui.source(), lang=lang),
             name=f"banding_{kode}")
    st.markdown(f"**{ui.t('profil.tanpa_judul', tahun=info.tahun)}**")
    for label, _count, text in views.without_access(an, kode, lang):
        st.markdown(f"- {label}: **{text}**")
    st.markdown(f"**{ui.t('profil.peringkat_judul')}**")
    for label, _pos, _n, text in views.ranks(an, kode, lang):
        st.markdown(f"- {label}: {text}")

st.subheader(ui.t("profil.status_judul"))
table = views.profile_table(an, kode, lang)
st.dataframe(table.styler, hide_index=True, width="stretch", key="profil_tabel")
st.caption(ui.t("metode.singkat"))
