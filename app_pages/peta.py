"""Peta: the kecamatan coloured by an indicator, its gap to the target, or its status; ranked beside it."""

import streamlit as st

import ui
from sanitasi.views import peta

an = ui.setup("peta")
st.title(peta.heading(an, ui.lang()))

# one row that wraps: at 1024 px with the sidebar open the choices go to a second row instead of being clipped
bar = st.container(horizontal=True, wrap=True, gap="medium")
ind = ui.indicator(bar, peta.options(), width=270)
kode = ui.kecamatan(bar, width=200)
mode = ui.select("peta_warna", peta.MODES, ui.t("peta.warna"), container=bar, horizontal=True,
                 format_func=lambda m: ui.t(f"peta.warna_{m}"))
view = ui.select("peta_tampilan", peta.LAYOUTS, ui.t("peta.tampilan"), container=bar, horizontal=True,
                 format_func=lambda m: ui.t(f"peta.tampilan_{m}"))
r = ui.view(peta.view, peta.Settings(indikator=ind, kode=kode, dokumen=ui.dokumen(), warna=mode, tampilan=view,
                                     lang=ui.lang()))
map_key, picked = ui.map_pick("peta_klik", r.peta_pilih, kode)  # a click on the map chooses that kecamatan

# map and ranking side by side where both have room; the ranking goes below the map on a narrow screen
left, right = ui.columns_that_wrap("peta_isi")
with left:
    ui.figure(r.peta, on_select=picked, key=map_key, selection_mode=r.peta_pilih)
    if view == "wilayah":
        if r.catatan_batas:
            st.caption(f":material/call_split: {r.catatan_batas}")
    else:
        st.caption(ui.t("peta.catatan_petak"))
with right:
    ui.table(r.peringkat, r.peringkat_judul, r.peringkat_keterangan)

ui.area_detail(r.rincian)
