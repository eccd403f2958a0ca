"""Program SSK: the strategy's programme matrix against the need, who carries it, and what does not add up."""

import streamlit as st

import ui
from sanitasi.views import program_ssk

an = ui.setup("program_ssk")
lang, dok = ui.lang(), ui.dokumen()

ui.prose(ui.Title(ui.t("program.judul")), ui.Small(ui.t("program.pengantar")))
o = program_ssk.options(an, lang)
if not o.ada:  # the active data hold no matrix: nothing to compare
    st.info(ui.t("program.kosong"), icon=":material/info:")
    st.stop()
# the four controls in one row that wraps (two rows of columns cost the browser 20 ms more a click)
bar = st.container(horizontal=True, wrap=True, gap="medium")
ind = ui.indicator(bar, o.indikator, width=250)
kode = ui.kecamatan(bar, with_district=True, width=210)
reach = ui.year_slider("capai", ui.t("kebutuhan.tahun_capai"), o.tahun, ui.derived(program_ssk.default_year, dok, ind),
                       bar, help=ui.t("kebutuhan.tahun_capai_bantuan"), width=230)
rise = bar.number_input(ui.t("program.kenaikan"), min_value=0, max_value=25, step=1, value=0, key="ssk_kenaikan",
                        help=ui.t("program.kenaikan_bantuan"), width=185)
r = ui.view(program_ssk.view, program_ssk.Settings(dokumen=dok, indikator=ind, tahun_capai=reach, kode=kode,
                                                   kenaikan=rise, porsi_baru=ui.new_share(ind), lang=lang))
ui.prose(ui.Small(r.target), ui.Box(r.ringkasan, "fact_check"), ui.Figures(r.metrik))

# the households and the money side by side where both have room; the money below on a narrow screen (its headings
# carry the ILUSTRATIF mark, and at 1024 px with the sidebar open half a page cut them)
left, right = ui.columns_that_wrap("ssk_isi")
with left:
    ui.figure(r.rumah_tangga)
with right:  # the money as a table: a second chart beside the first cost the browser another 50 ms a click
    ui.table(r.dana_ringkas_tabel, r.dana_judul, r.dana_ringkas)
# the money in detail, built once opened: by source each year, and by kecamatan
money_box = ui.on_demand(ui.t("program.dana_judul"), key="ssk_dana_buka")
if money_box is not None:
    with money_box:
        ui.table(r.dana_tabel)
        ui.table(r.tabel_dana, ui.t("program.kecamatan_dana_judul"), foot=[r.tabel_catatan])

# the details in tabs built when shown: the page's first draw carries the chart above and two tables
kecamatan, reached, carriers, checks = ui.tabs_on_demand(
    [ui.t("program.tab_kecamatan"), ui.t("program.capai_judul"), r.pemikul_judul, ui.t("program.periksa_judul")],
    key="ssk_tab")
if kecamatan is not None:  # households here; their money with the money above (tabs in a tab cost a draw more)
    with kecamatan:
        ui.table(r.tabel, ui.t("program.kecamatan_judul"), foot=[r.tabel_catatan])
if reached is not None:
    with reached:
        st.markdown(r.capai_teks)
        ui.figure(r.capai)
if carriers is not None:
    with carriers:
        ui.table(r.pemikul)
        ui.notes(r.pemikul_catatan)
if checks is not None:
    with checks:
        ui.points(r.periksa)

ui.download_xlsx(ui.t("program.unduh_xlsx"), r.xlsx, r.xlsx_nama, key="unduh_matriks_ssk")
st.caption(r.sumber)
