"""Paparan: the coaching-clinic sequence, one message per screen, with the deck and the A3 map to download."""

import streamlit as st

import ui
from sanitasi.views import paparan

an = ui.setup("paparan")
lang, dok = ui.lang(), ui.dokumen()

bar = st.columns([2, 2, 2, 4], vertical_alignment="center")
menu = bar[3].popover(ui.t("paparan.pengaturan"), icon=":material/tune:", width="stretch")
with menu:
    o = ui.derived(paparan.options, dok)
    ind = ui.indicator(None, o.indikator)
    reach = ui.year_slider("capai", ui.t("kebutuhan.tahun_capai"), o.tahun, ui.derived(paparan.default_year, dok, ind))
r = ui.view(paparan.view, paparan.Settings(dokumen=dok, indikator=ind, tahun_capai=reach, today=paparan.today(),
                                           lang=lang, seri=ui.seri(), porsi_baru=ui.new_share(ind)))
nav = ui.slide_nav(len(r.slides))

# a presentation clicker sends arrow or Page Up/Down keys: both move the slides (the Page keys' buttons are hidden)
back, on = {"on_click": ui.step_slide, "args": (-1, nav.jumlah)}, {"on_click": ui.step_slide, "args": (1, nav.jumlah)}
bar[0].button(ui.t("paparan.sebelum"), icon=":material/arrow_back:", key="slide_prev", disabled=nav.pertama,
              width="stretch", shortcut="Left", **back)
bar[1].markdown(f"<div style='text-align:center'>{ui.t('paparan.slide_n', n=nav.nomor, dari=nav.jumlah)}</div>",
                unsafe_allow_html=True)
bar[2].button(ui.t("paparan.berikut"), icon=":material/arrow_forward:", key="slide_next", disabled=nav.terakhir,
              width="stretch", type="primary", shortcut="Right", **on)
st.button(ui.t("paparan.sebelum"), key="slide_pgup", disabled=nav.pertama, shortcut="PageUp", **back)
st.button(ui.t("paparan.berikut"), key="slide_pgdn", disabled=nav.terakhir, shortcut="PageDown", **on)

slide = r.slides[nav.indeks]
st.title(slide.judul)
ui.message(slide.pesan)
if slide.grafik is not None and slide.sisi:
    left, right = st.columns([5, 2])
    side = right.container(key="slide_sisi")
elif slide.grafik is not None:
    left, side = st.container(), None
else:
    left, side = None, st.container(key="slide_sisi")
if left is not None:
    with left:
        ui.figure(slide.grafik)
        if slide.catatan:
            st.caption(slide.catatan)
if side is not None:
    with side:
        if slide.ada_tabel:
            ui.table(slide.tabel)
        ui.points(slide.poin)

# the downloads sit in the menu: below the slide they would push it past the bottom of a 768-pixel screen
with menu:
    st.download_button(ui.t("paparan.unduh_pptx"), r.pptx, file_name=r.pptx_nama, on_click="ignore",
                       icon=":material/slideshow:", key="unduh_pptx", width="stretch",
                       mime="application/vnd.openxmlformats-officedocument.presentationml.presentation")
    st.download_button(ui.t("paparan.unduh_pdf"), r.a3, file_name=r.a3_nama, on_click="ignore",
                       icon=":material/map:", mime="application/pdf", key="unduh_pdf", width="stretch")
