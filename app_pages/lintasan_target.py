"""Lintasan target: observed values, the trend and its projection, the target path; every kecamatan in a second
tab."""

import streamlit as st

import ui
from sanitasi.views import lintasan_target

an = ui.setup("lintasan")
dok = ui.dokumen()

st.title(ui.t("lintasan.judul"))
bar = st.container(horizontal=True, wrap=True, gap="medium")  # wraps to a second row on a narrow screen
choices = ui.derived(lintasan_target.options, dok)
ind = ui.indicator(bar, choices, width=270)
district_only = lintasan_target.district_only(ind)
kode = None if district_only else ui.kecamatan(bar, with_district=True, width=200)
if district_only:
    bar.caption(ui.t("lintasan.hanya_kabupaten"), width=200)
basis = ui.select("basis", lintasan_target.BASES, ui.t("lintasan.basis"), container=bar, horizontal=True,
                  format_func=lambda b: ui.t(f"lintasan.basis_{b}"), help=ui.t("lintasan.basis_bantuan"))
settings = lintasan_target.Settings(indikator=ind, dokumen=dok, kode=kode, basis=basis, lang=ui.lang(), seri=ui.seri())
r = ui.view(lintasan_target.view, settings)
ui.prepare(lintasan_target.view, lintasan_target.other_indicators(settings, choices))  # the next choice, built ahead

if r.catatan:
    st.warning(r.catatan, icon=":material/call_split:")

# the area and every kecamatan in two tabs built when shown: the page's first draw carries one chart, not thirteen
if r.semua is not None:
    area, every = ui.tabs_on_demand([r.wilayah, r.semua_judul], key="lintasan_tab")
else:  # a district figure (waste) has no kecamatan to draw
    area, every = st.container(), None
if area is not None:
    with area:
        left, right = ui.columns_that_wrap("lintasan_isi")  # a row that wraps: 205 -> 186 ms a click (one paired run)
        with left:
            ui.figure(r.lintasan)
            if r.catatan_lama:
                st.caption(r.catatan_lama)
        with right:
            ui.prose(ui.Badge(r.status), ui.Para(ui.fact_lines(r.kalimat, r.fakta)),
                     ui.Small([r.sumber, ui.t("metode.singkat")]))
        ui.performance_table(r.kinerja_judul, r.kinerja_bantuan, r.kinerja, r.kinerja_catatan, r.kinerja_xlsx,
                             r.kinerja_nama, key="unduh_kinerja")
if every is not None:
    with every:
        st.caption(r.semua_bantuan)
        ui.small_multiples(r.semua, key="lintasan_semua")
