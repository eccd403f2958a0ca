"""Persampahan & drainase: waste reduction and handling against Jakstranas 2025; standing water by kecamatan. The
two in tabs built when shown, and the two waste trajectories too."""

import streamlit as st

import ui
from sanitasi.views import sampah_drainase

ui.setup("sampah")
r = ui.view(sampah_drainase.view, sampah_drainase.Settings(dokumen=ui.dokumen(), lang=ui.lang()))

ui.prose(ui.Title(ui.t("sampah.judul")), ui.Para(ui.t("sampah.pengantar")))

waste_tab, water_tab = ui.tabs_on_demand([ui.t("sampah.sampah_judul"), ui.t("sampah.drainase_judul")],
                                         key="sampah_tab")
if waste_tab is not None:
    with waste_tab:
        if r.nyata:
            st.info(r.nyata, icon=":material/fact_check:")
        for col, waste in zip(st.columns(2), r.sampah, strict=True):
            with col:
                ui.prose(ui.Cards(waste.kartu, 1, brief=True), ui.Para(waste.kalimat or ""))
        # the two trajectories across the page, a tab each built when shown: one chart at first, not two
        paths = ui.tabs_on_demand([w.judul for w in r.jalur], key="sampah_jalur") if r.jalur else []
        for tab, waste in zip(paths, r.jalur, strict=True):
            if tab is not None:
                with tab:
                    ui.figure(waste.lintasan)

if water_tab is not None:
    with water_tab:
        left, right = st.columns([3, 2])
        with left:
            ui.figure(r.peta)
        with right:
            if r.kalimat:
                st.markdown(r.kalimat)
            ui.figure(r.lintasan)
