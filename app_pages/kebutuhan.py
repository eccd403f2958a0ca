"""Kebutuhan: households to gain per year to reach the target, what it costs, and a what-if."""

import streamlit as st

import ui
from sanitasi.views import kebutuhan

an = ui.setup("kebutuhan")
lang, dok = ui.lang(), ui.dokumen()

st.title(ui.t("kebutuhan.judul"))
c1, c2, c3 = st.columns([3, 4, 3])
ind = ui.indicator(c1, ui.derived(kebutuhan.indicator_choices, dok))
o = ui.derived(kebutuhan.options, dok, ind, lang)
reach = ui.year_slider("capai", ui.t("kebutuhan.tahun_capai"), o.tahun, o.tahun_awal, c2,
                       help=ui.t("kebutuhan.tahun_capai_bantuan"))
ui.stat(ui.t("kebutuhan.target_dipakai"), o.target_teks, c3)
if o.target_lewat:
    st.caption(o.target_lewat)
growth_box, costs_box = st.columns([3, 7], vertical_alignment="bottom")
porsi = ui.share_input(growth_box, ind, o.porsi_label, o.porsi_bawaan, o.porsi_maks, o.porsi_bantuan)

with costs_box.expander(ui.t("kebutuhan.biaya_judul"), icon=":material/payments:"):
    st.caption(ui.t("kebutuhan.biaya_bantuan"))
    # text columns written the Indonesian way by the view ("6.500.000", "0,80"): Streamlit's number columns follow
    # the browser's locale ("localized") or a printf format, and neither writes a decimal comma. No `validate`
    # pattern: a cell it refuses turns red without a word; the view names every wrong cell instead.
    edited = st.data_editor(
        o.biaya.frame, key=f"biaya_{ind}", hide_index=True, width="stretch", disabled=o.biaya.locked,
        column_config={"kode": None, "langkah": st.column_config.TextColumn(ui.t("kebutuhan.b_langkah")),
                       "biaya_per_kk": st.column_config.TextColumn(ui.t("kebutuhan.b_biaya")),
                       "porsi": st.column_config.TextColumn(ui.t("kebutuhan.b_porsi"))})
    costs = kebutuhan.read_costs(edited, lang)
    if costs.pesan:
        st.error(costs.pesan, icon=":material/error:")

# the what-if box below keeps the number entered; before there is one, the view starts it at the plan's own number
r = ui.view(kebutuhan.view, kebutuhan.Settings(dokumen=dok, indikator=ind, tahun_capai=reach,
                                               biaya=costs.rows,
                                               skenario_kk=st.session_state.get("skenario_kk"), porsi_baru=porsi,
                                               lang=lang))
st.info(r.ringkasan, icon=":material/calculate:")
for col, (label, value) in zip(st.columns(4), r.metrik, strict=True):
    ui.stat(label, value, col)
st.caption(r.sumber_biaya)

# the need by kecamatan and by year: two tabs built when shown, so the page draws two charts at first, not three
by_kecamatan, by_year = ui.tabs_on_demand([ui.t("kebutuhan.tab_kecamatan"), ui.t("kebutuhan.tab_tahunan")],
                                          key="kebutuhan_tab")
if by_kecamatan is not None:
    with by_kecamatan:
        ui.figure(r.per_kecamatan)
        st.dataframe(r.tabel, hide_index=True, width="stretch", key="kebutuhan_tabel")
if by_year is not None:
    with by_year:
        ui.figure(r.tahunan)
        st.caption(ui.t("kebutuhan.catatan_tahunan"))
st.caption(r.asumsi)

st.subheader(ui.t("kebutuhan.skenario_judul"))
s1, s2 = st.columns([2, 5])
s1.number_input(r.skenario_label, min_value=0, max_value=100000, step=100, value=r.skenario_awal, key="skenario_kk")
s1.markdown(r.skenario_teks)
# a grid, not a static table: in this narrow column a grid scrolls its columns, a static table would be cut
s1.dataframe(r.skenario_tabel, hide_index=True, width="stretch", key="skenario_tabel")
with s2:
    ui.figure(r.skenario)
