"""Peran & kinerja OPD: who contributes to what, physical and financial realisation, households reached."""

import streamlit as st

import ui
from sanitasi import figures, ppsp

an = ui.setup("opd")
lang = ui.lang()

st.title(ui.t("opd.judul"))
st.markdown(ui.t("opd.pengantar"))
years = ppsp.kegiatan_years(an)
if not years:
    st.stop()
year = ui.year_slider("opd_tahun", ui.t("opd.tahun"), years, years[-1], st.columns([2, 5])[0])

perf = ui.memo(ppsp.opd_performance, year, lang)
ui.plot(figures.agency_realisation, year, lang, ui.t("opd.realisasi_judul", tahun=year), ui.source("kegiatan"),
        name=f"realisasi_opd_{year}")
st.caption(ui.t("opd.aturan", ahead=ui.number(ppsp.AHEAD), lag=ui.number(ppsp.LAG)))
ui.table(perf[["opd", "fisik_teks", "keuangan_teks", "pagu_teks", "belanja_teks", "sinyal_teks"]].set_axis(
    ["OPD", ui.t("opd.fisik"), ui.t("opd.keuangan"), ui.t("opd.pagu"), ui.t("opd.belanja"), ui.t("opd.sinyal")],
    axis=1))

st.subheader(ui.t("opd.matriks_judul", tahun=year))
ui.plot(figures.agency_matrix, year, lang, ui.t("opd.matriks_judul", tahun=year), ui.source("kegiatan"),
        name=f"matriks_opd_{year}")

st.subheader(ui.t("opd.kk_judul", tahun=year))
reached = ui.memo(ppsp.opd_households, year, lang)
for line in ppsp.opd_households_text(reached, lang) if len(reached) else []:
    st.markdown(f"- {line}")
if len(reached):
    ui.table(reached[["label", "opd", "kk_teks", "perlu_teks", "bagian_teks"]].set_axis(
        [ui.t("tabel.indikator"), "OPD", ui.t("opd.k_kk"), ui.t("opd.k_perlu"), ui.t("opd.k_bagian")], axis=1))
