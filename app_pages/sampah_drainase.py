"""Persampahan & drainase: waste reduction and handling against Jakstranas 2025; standing water by kecamatan."""

import streamlit as st

import ui
from sanitasi import figures, indicators, views

an = ui.setup("sampah")
lang, dok = ui.lang(), ui.dokumen()

st.title(ui.t("sampah.judul"))
st.markdown(ui.t("sampah.pengantar"))

st.subheader(ui.t("sampah.sampah_judul"))
codes = ("sampah_pengurangan", "sampah_penanganan")
docs = ui.memo(views.target_documents, codes, dok)
columns = st.columns(2)
for col, k in zip(columns, codes, strict=True):
    with col:
        for card in ui.memo(views.cards, dok, lang, codes=(k,), docs=tuple(docs.items())):
            with st.container(border=True):
                st.metric(card.judul, card.nilai, delta=card.perubahan, delta_color=card.delta_warna,
                          delta_arrow=card.delta_panah)
                st.markdown(ui.badge(card.status), unsafe_allow_html=True)
                st.caption(card.target.replace("**", ""))
        if k in docs:
            st.markdown(ui.memo(views.trajectory, views.KABUPATEN, k, docs[k], lang).kalimat)
            ui.plot(figures.trajectory, views.KABUPATEN, k, docs[k], lang, "kini", indicators.get(k).label(lang),
                    ui.source("sampah"), height=260, name=f"lintasan_{k}")

st.subheader(ui.t("sampah.drainase_judul"))
ind = "genangan"
doc_drain = ui.memo(views.target_document, ind, dok) or dok
left, right = st.columns([3, 2])
with left:
    ui.plot(figures.area_map, ind, doc_drain, "nilai", "wilayah", None, lang,
            ui.t("peta.judul_grafik", indikator=indicators.get(ind).label(lang), tahun=an.tahun), ui.source("drainase"),
            height=420, name=f"peta_genangan_{an.tahun}")
with right:
    tr = ui.memo(views.trajectory, views.KABUPATEN, ind, doc_drain, lang)
    if tr.kalimat:
        st.markdown(tr.kalimat)
    ui.plot(figures.trajectory, views.KABUPATEN, ind, doc_drain, lang, "kini",
            ui.t("lintasan.judul_grafik", indikator=indicators.get(ind).label(lang), wilayah=tr.nama),
            ui.source("drainase"), height=300, name="lintasan_genangan")
