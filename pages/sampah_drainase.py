"""Persampahan & drainase: waste reduction and handling against Jakstranas 2025; standing water by kecamatan."""

import streamlit as st

import ui
from sanitasi import charts, indicators, views

an = ui.setup("sampah")
lang, dok = ui.lang(), ui.dokumen()

st.title(ui.t("sampah.judul"))
st.markdown(ui.t("sampah.pengantar"))

st.subheader(ui.t("sampah.sampah_judul"))
codes = ("sampah_pengurangan", "sampah_penanganan")
docs = {k: d for k in codes if (d := views.target_document(an, k, dok)) is not None}
columns = st.columns(2)
for col, k in zip(columns, codes, strict=True):
    with col:
        for card in views.cards(an, dok, lang, codes=(k,), docs=docs):
            with st.container(border=True):
                st.metric(card.judul, card.nilai, delta=card.perubahan, delta_color=card.delta_warna,
                          delta_arrow=card.delta_panah)
                st.markdown(ui.badge(card.status), unsafe_allow_html=True)
                st.caption(card.target.replace("**", ""))
        if k in docs:
            tr = views.trajectory(an, views.KABUPATEN, k, docs[k], lang)
            st.markdown(tr.kalimat)
            ui.chart(charts.trajectory(tr.observed, tr.trend, tr.path, tr.target, lang=lang, indikator=k,
                                       title=indicators.get(k).label(lang), source=ui.source(), height=260),
                     name=f"lintasan_{k}")

st.subheader(ui.t("sampah.drainase_judul"))
ind = "genangan"
doc_drain = views.target_document(an, ind, dok) or dok
left, right = st.columns([3, 2])
values = views.map_values(an, ind, doc_drain, lang)
with left:
    ui.chart(charts.choropleth(views.map_features(an, values), views.map_labels(an), mode="nilai", indikator=ind,
                               class_labels=views.class_labels(ind, lang), selected=None,
                               title=ui.t("peta.judul_grafik", indikator=indicators.get(ind).label(lang),
                                          tahun=an.tahun), source=ui.source(), lang=lang, height=420),
             name=f"peta_genangan_{an.tahun}")
    ui.schematic_note(an.data)
with right:
    tr = views.trajectory(an, views.KABUPATEN, ind, doc_drain, lang)
    if tr.kalimat:
        st.markdown(tr.kalimat)
    ui.chart(charts.trajectory(tr.observed, tr.trend, tr.path, tr.target, lang=lang, indikator=ind,
                               title=ui.t("lintasan.judul_grafik", indikator=indicators.get(ind).label(lang),
                                          wilayah=tr.nama), source=ui.source(), height=300),
             name="lintasan_genangan")
