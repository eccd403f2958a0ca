"""STBM: ODF villages by kecamatan and the two access numbers (Susenas and STBM) side by side."""

import streamlit as st

import ui
from sanitasi import charts, figures, ppsp, views

an = ui.setup("stbm")
lang, dok = ui.lang(), ui.dokumen()

st.title(ui.t("stbm.judul"))
st.markdown(ui.t("stbm.pengantar"))
summary = ui.memo(ppsp.odf_summary, lang)
if summary is not None:
    st.info(summary.text, icon=":material/verified:")
cols = st.columns(3)
codes = ("desa_odf", "stbm_jamban_sehat", "stbm_od")
docs = ui.memo(views.target_documents, codes, dok)
for col, card in zip(cols, ui.memo(views.cards, dok, lang, codes=codes, docs=tuple(docs.items())), strict=False):
    with col.container(border=True):
        st.metric(card.judul, card.nilai, delta=card.perubahan, delta_color=card.delta_warna,
                  delta_arrow=card.delta_panah)
        st.markdown(ui.badge(card.status), unsafe_allow_html=True)
        st.caption(card.target.replace("**", ""))

if summary is not None:
    ui.plot(figures.odf_villages, lang, ui.t("stbm.grafik_odf", tahun=an.tahun), ui.source("stbm"),
            name=f"desa_odf_{an.tahun}")

st.subheader(ui.t("stbm.dua_judul"))
st.markdown(ui.t("stbm.dua_pengantar"))
measures = ui.memo(ppsp.two_measures, lang)
left, right = st.columns(2)
for col, pair, key in ((left, "layak", "stbm.grafik_dua_layak"), (right, "babs_terbuka", "stbm.grafik_dua_babs")):
    part = measures.loc[measures["pasangan"] == pair] if len(measures) else measures
    with col:
        if len(part):
            ui.plot(figures.two_measures, pair, lang, ui.t(key, tahun=an.tahun), ui.source("stbm", "akses"),
                    name=f"dua_ukuran_{pair}")
            ui.table(ppsp.two_measures_table(measures, pair, lang))  # a few rows: cheap

st.subheader(ui.t("stbm.desa_judul"))
village = ui.village_view(an)
if village is None:
    st.caption(ui.t("stbm.desa_belum"))
else:
    st.markdown(village.text)
    if village.features is not None:
        ui.chart(charts.odf_village_map(village.features, village.outlines, village.labels,
                                        title=ui.t("stbm.grafik_desa", tahun=village.tahun), source=ui.source("stbm"),
                                        lang=lang), name=f"desa_odf_peta_{village.tahun}")
    else:
        st.info(ui.t("stbm.desa_perlu_batas"), icon=":material/map:")
    for note in village.notes:
        st.caption(note)
    st.caption(ui.t("stbm.desa_tabel_bantuan"))
    st.dataframe(village.table.styler, hide_index=True, width="stretch", key="stbm_desa_tabel")
