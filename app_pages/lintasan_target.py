"""Lintasan target: observed values, the trend and its projection, the target path; every kecamatan below."""

import streamlit as st

import ui
from sanitasi import figures, indicators, views

an = ui.setup("lintasan")
lang, dok = ui.lang(), ui.dokumen()

st.title(ui.t("lintasan.judul"))
c1, c2, c3 = st.columns([3, 3, 4])
ind = ui.indicator(c1, views.trajectory_indicators(an, dok))
district_only = indicators.get(ind).tingkat == "kabupaten"
kode = views.KABUPATEN if district_only else ui.kecamatan(c2, with_district=True)
if district_only:
    c2.caption(ui.t("lintasan.hanya_kabupaten"))
basis = ui.select("basis", ["kini", "2020"], ui.t("lintasan.basis"), container=c3, horizontal=True,
                  format_func=lambda b: ui.t(f"lintasan.basis_{b}"), help=ui.t("lintasan.basis_bantuan"))

tr = ui.memo(views.trajectory, kode, ind, dok, lang, basis=basis)
src = ui.source(indicators.get(ind).tabel)  # ILLUSTRATIVE as long as this indicator's table is
if tr.catatan:
    st.warning(tr.catatan, icon=":material/call_split:")

left, right = st.columns([5, 2])
with left:
    title = ui.t("lintasan.judul_grafik", indikator=indicators.get(ind).label(lang), wilayah=tr.nama)
    ui.plot(figures.trajectory, kode, ind, dok, lang, basis, title, src, name=f"lintasan_{ind}_{tr.kode}")
    if not tr.observed["sebanding"].all():
        st.caption(ui.t("lintasan.catatan_lama"))
with right:
    st.markdown(ui.badge(tr.status), unsafe_allow_html=True)
    if tr.kalimat:
        st.markdown(tr.kalimat)
    for label, value in tr.facts:
        st.markdown(f"**{label}**  \n{value}")
    st.caption(ui.t("metode.singkat"))

if district_only:
    st.stop()
st.subheader(ui.t("lintasan.semua_judul", indikator=indicators.get(ind).label(lang)))
st.caption(ui.t("lintasan.semua_bantuan", dokumen=dok))
ui.plot(figures.all_kecamatan, ind, dok, lang, basis,
        ui.t("lintasan.semua_grafik", indikator=indicators.get(ind).label(lang)), src,
        name=f"lintasan_semua_{ind}")
