"""Paparan: the coaching-clinic sequence, one message per screen, with the deck and the A3 map to download."""

import streamlit as st

import ui
from sanitasi.views import paparan

an = ui.setup("paparan")
lang, dok = ui.lang(), ui.dokumen()

bar = st.columns([2, 3, 2, 3], vertical_alignment="center")
with bar[3].popover(ui.t("paparan.pengaturan"), icon=":material/tune:", width="stretch"):
    o = paparan.options(an, dok)
    ind = ui.indicator(None, o.indikator)
    reach = ui.year_slider("capai", ui.t("kebutuhan.tahun_capai"), o.tahun, paparan.default_year(an, dok, ind))
r = ui.view(paparan.view, paparan.Settings(dokumen=dok, indikator=ind, tahun_capai=reach, today=paparan.today(),
                                           lang=lang, seri=ui.seri(), porsi_baru=ui.new_share(ind)))
nav = ui.slide_nav(len(r.slides))

bar[0].button(ui.t("paparan.sebelum"), icon=":material/arrow_back:", on_click=ui.step_slide, args=(-1, nav.jumlah),
              key="slide_prev", disabled=nav.pertama, width="stretch")
bar[1].markdown(f"<div style='text-align:center'>{ui.t('paparan.slide_n', n=nav.nomor, dari=nav.jumlah)}</div>",
                unsafe_allow_html=True)
bar[2].button(ui.t("paparan.berikut"), icon=":material/arrow_forward:", on_click=ui.step_slide, args=(1, nav.jumlah),
              key="slide_next", disabled=nav.terakhir, width="stretch", type="primary")

slide = r.slides[nav.indeks]
st.title(slide.judul)
ui.message(slide.pesan)
if slide.grafik is not None and slide.sisi:
    left, side = st.columns([5, 2])
elif slide.grafik is not None:
    left, side = st.container(), None
else:
    left, side = None, st.container()
if left is not None:
    with left:
        ui.figure(slide.grafik)
        if slide.catatan:
            st.caption(slide.catatan)
if side is not None:
    with side:
        if slide.ada_tabel:
            ui.table(slide.tabel)
        for point in slide.poin:
            st.markdown(f"- {point}")

st.divider()
a, b = st.columns(2)
a.download_button(ui.t("paparan.unduh_pptx"), r.pptx, file_name=r.pptx_nama, on_click="ignore",
                  icon=":material/slideshow:", key="unduh_pptx",
                  mime="application/vnd.openxmlformats-officedocument.presentationml.presentation")
b.download_button(ui.t("paparan.unduh_pdf"), r.a3, file_name=r.a3_nama, on_click="ignore", icon=":material/map:",
                  mime="application/pdf", key="unduh_pdf")
