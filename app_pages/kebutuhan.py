"""Kebutuhan: households to gain per year to reach the target, what it costs, and a what-if."""

import streamlit as st

import ui
from sanitasi.views import kebutuhan

an = ui.setup("kebutuhan")
lang, dok = ui.lang(), ui.dokumen()

st.title(ui.t("kebutuhan.judul"))
bar = st.container(horizontal=True, wrap=True, gap="medium")  # a row that wraps: columns cost the browser more
ind = ui.indicator(bar, ui.derived(kebutuhan.indicator_choices, dok), width=270)
saved = ui.saved_costs(ind)  # unit costs edited earlier in the session: the editor starts from them
o = ui.derived(kebutuhan.options, dok, ind, lang, saved)
reach = ui.year_slider("capai", ui.t("kebutuhan.tahun_capai"), o.tahun, o.tahun_awal, bar,
                       help=ui.t("kebutuhan.tahun_capai_bantuan"), width=300)
ui.stat(ui.t("kebutuhan.target_dipakai"), o.target_teks, bar)
if o.target_lewat:
    st.caption(o.target_lewat)

# the two assumptions in one box, built once opened; what was set holds while it is closed (the summary below and
# the notes under it say which assumptions are in use)
porsi, costs = ui.new_share(ind), saved
assumptions = ui.on_demand(ui.t("kebutuhan.asumsi_judul"), key="kebutuhan_asumsi")
if assumptions is not None:
    with assumptions:
        growth_box, _ = st.columns([2, 3])
        porsi = ui.share_input(growth_box, ind, o.porsi_label, o.porsi_bawaan, o.porsi_maks, o.porsi_bantuan)
        st.markdown(f"**{ui.t('kebutuhan.biaya_judul')}**")
        st.caption(ui.t("kebutuhan.biaya_bantuan"))
        # text columns written the Indonesian way by the view ("6.500.000", "0,80"): Streamlit's number columns
        # follow the browser's locale ("localized") or a printf format, and neither writes a decimal comma. No
        # `validate` pattern: a cell it refuses turns red without a word; the view names every wrong cell instead.
        # The key names the data version: edits kept by row must not land on another file's steps.
        edited = st.data_editor(
            o.biaya.frame, key=f"biaya_{ind}_{lang}_{an.data.versi}", hide_index=True, width="stretch",
            disabled=o.biaya.locked,
            column_config={"kode": None, "langkah": st.column_config.TextColumn(ui.t("kebutuhan.b_langkah")),
                           "biaya_per_kk": st.column_config.TextColumn(ui.t("kebutuhan.b_biaya")),
                           "porsi": st.column_config.TextColumn(ui.t("kebutuhan.b_porsi"))})
        read = kebutuhan.read_costs(edited, lang)
        if read.pesan:  # nothing of this edit is used: the plan keeps the last right costs
            st.error(read.pesan, icon=":material/error:")
        else:
            costs = kebutuhan.changed(read.rows, o.biaya)
            ui.keep_costs(ind, costs)

# the what-if box below keeps the number entered; before there is one, the view starts it at the plan's own number
r = ui.view(kebutuhan.view, kebutuhan.Settings(dokumen=dok, indikator=ind, tahun_capai=reach,
                                               biaya=costs,
                                               skenario_kk=st.session_state.get("skenario_kk"), porsi_baru=porsi,
                                               lang=lang))
ui.prose(ui.Box(r.ringkasan, "calculate"), ui.Figures(r.metrik), ui.Small([r.sumber_biaya, r.biaya_catatan]))

# the need by kecamatan as a table with bars (what officials read: the figures and the ranking at once), its chart
# and the need by year each in a tab built when shown
by_kecamatan, chart, by_year = ui.tabs_on_demand(
    [ui.t("kebutuhan.tab_kecamatan"), ui.t("kebutuhan.tab_grafik"), ui.t("kebutuhan.tab_tahunan")],
    key="kebutuhan_tab")
if by_kecamatan is not None:
    with by_kecamatan:
        ui.table(r.tabel)
        ui.download_xlsx(ui.t("kebutuhan.unduh_tabel"), r.tabel_xlsx, r.tabel_nama, key="kebutuhan_unduh")
if chart is not None:
    with chart:
        ui.figure(r.per_kecamatan)
if by_year is not None:
    with by_year:
        ui.figure(r.tahunan)
        st.caption(ui.t("kebutuhan.catatan_tahunan"))
ui.prose(ui.Small(r.asumsi), ui.Heading(ui.t("kebutuhan.skenario_judul")))
# the number and its answer beside the table by kecamatan (below it where the page is too narrow); the chart of every
# kecamatan year by year is drawn when opened: a chart costs the browser a third of a page's click (issue 16)
s1, s2 = ui.columns_that_wrap("skenario")
s1.number_input(r.skenario_label, min_value=0, max_value=100000, step=100, value=r.skenario_awal, key="skenario_kk",
                width=300)
with s1:
    ui.prose(ui.Para(r.skenario_teks))
with s2:
    ui.table(r.skenario_tabel)
what_if_chart = ui.on_demand(ui.t("kebutuhan.skenario_grafik_buka"), key="kebutuhan_skenario_grafik")
if what_if_chart is not None:
    with what_if_chart:
        ui.figure(r.skenario)
