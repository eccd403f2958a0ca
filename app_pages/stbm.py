"""STBM: ODF villages by kecamatan, the two access numbers (Susenas and STBM) side by side, and each village; the
three in tabs built when shown."""

import streamlit as st

import ui
from sanitasi.views import stbm

ui.setup("stbm")
r = ui.view(stbm.view, stbm.Settings(dokumen=ui.dokumen(), lang=ui.lang()))

ui.prose(ui.Title(ui.t("stbm.judul")), ui.Para(ui.t("stbm.pengantar")), ui.Box(r.ringkasan or "", "verified"),
         ui.Cards(r.kartu, 3, brief=True))

by_kecamatan, both, by_village = ui.tabs_on_demand(
    [ui.t("stbm.tab_kecamatan"), ui.t("stbm.dua_judul"), ui.t("stbm.desa_judul")], key="stbm_tab")
if by_kecamatan is not None:
    with by_kecamatan:
        if r.desa_odf is not None:
            ui.figure(r.desa_odf)
        else:
            st.caption(ui.t("stbm.kecamatan_belum"))

if both is not None:
    with both:
        st.markdown(ui.t("stbm.dua_pengantar"))
        for col, pair in zip(st.columns(2), r.dua, strict=True):
            with col:
                if pair is not None:
                    ui.figure(pair.grafik)
                    ui.table(pair.tabel)
                    st.caption(pair.sumber)

if by_village is not None:
    with by_village:
        village = r.desa
        if village is None:
            st.caption(ui.t("stbm.desa_belum"))
        else:
            st.markdown(village.text)
            if village.peta is not None:
                ui.figure(village.peta)
            else:
                st.info(ui.t("stbm.desa_perlu_batas"), icon=":material/map:")
            ui.notes([*village.notes, ui.t("stbm.desa_tabel_bantuan")])
            st.dataframe(village.table.styler, hide_index=True, width="stretch", key="stbm_desa_tabel")
            st.caption(village.sumber)
