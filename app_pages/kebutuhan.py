"""Kebutuhan: households to gain per year to reach the target, what it costs, and a what-if."""

import streamlit as st

import ui
from sanitasi import figures, indicators, views

an = ui.setup("kebutuhan")
lang, dok = ui.lang(), ui.dokumen()

st.title(ui.t("kebutuhan.judul"))
options = views.indicators_of(an, dok) or list(indicators.HEADLINE)
c1, c2, c3 = st.columns([3, 4, 3])
ind = ui.indicator(c1, options)
final = ui.memo(views.final_target, dok, ind)
goal = final[1] if final else (90.0 if indicators.get(ind).arah > 0 else 0.0)
years = list(range(an.tahun + 1, 2046))
default_year = ui.memo(views.default_reach_year, dok, ind)
reach = ui.year_slider("capai", ui.t("kebutuhan.tahun_capai"), years, default_year, c2,
                       help=ui.t("kebutuhan.tahun_capai_bantuan"))
ui.stat(ui.t("kebutuhan.target_dipakai"), ui.t("kebutuhan.target_nilai", nilai=ui.number(goal, 1), dokumen=dok), c3)
if final and final[0] <= an.tahun:
    st.caption(ui.t("kebutuhan.target_lewat", tahun=final[0], dokumen=dok))

with st.expander(ui.t("kebutuhan.biaya_judul"), icon=":material/payments:"):
    st.caption(ui.t("kebutuhan.biaya_bantuan"))
    editor = views.cost_editor(an.data.biaya, ind, lang)
    edited = st.data_editor(
        editor.frame, key=f"biaya_{ind}", hide_index=True, width="stretch", disabled=editor.locked,
        column_config={"kode": None, "langkah": st.column_config.TextColumn(ui.t("kebutuhan.b_langkah")),
                       "biaya_per_kk": st.column_config.NumberColumn(ui.t("kebutuhan.b_biaya"), min_value=0,
                                                                     step=50000, format="localized"),
                       "porsi": st.column_config.NumberColumn(ui.t("kebutuhan.b_porsi"), min_value=0.0,
                                                              max_value=1.0, step=0.05, format="localized")})
    biaya = views.costs_from_editor(an.data.biaya, ind, edited)

result = ui.memo(views.needs_table, ind, goal, reach, biaya, lang)
st.info(result.ringkasan, icon=":material/calculate:")
m1, m2, m3, m4 = st.columns(4)
for col, (label, value) in zip((m1, m2, m3, m4), result.metrics, strict=True):
    ui.stat(label, value, col)

left, right = st.columns([1, 1])
with left:
    ui.plot(figures.needs_by_kecamatan, ind, goal, reach, biaya, lang,
            ui.t("kebutuhan.grafik_kecamatan", tahun=reach), ui.t("kebutuhan.kk_per_tahun"), ui.source(),
            name=f"kebutuhan_kecamatan_{ind}_{reach}")
with right:
    ui.plot(figures.yearly_plan, ind, goal, reach, lang, ui.t("kebutuhan.grafik_tahunan", tahun=reach), ui.source(),
            name=f"kebutuhan_tahunan_{ind}_{reach}")
    st.caption(ui.t("kebutuhan.catatan_tahunan"))

st.dataframe(result.display, hide_index=True, width="stretch", key="kebutuhan_tabel")
st.caption(ui.t("kebutuhan.asumsi"))

st.subheader(ui.t("kebutuhan.skenario_judul"))
s1, s2 = st.columns([2, 5])
direction = "naik" if indicators.get(ind).arah > 0 else "babs"
add = s1.number_input(ui.t(f"kebutuhan.skenario_input_{direction}", indikator=indicators.get(ind).label(lang).lower()),
                      min_value=0, max_value=100000, step=100, value=views.default_scenario(result), key="skenario_kk")
_, reached = ui.memo(views.scenario, ind, goal, float(add), lang)
s1.markdown(views.scenario_text(reached, goal, ind, lang))
s1.dataframe(views.scenario_display(reached, lang), hide_index=True, width="stretch", key="skenario_tabel")
with s2:
    ui.plot(figures.what_if, ind, goal, float(add), lang, ui.t("kebutuhan.skenario_grafik", kk=ui.number(add)),
            ui.source(), name=f"skenario_{ind}")
