"""Paparan: the coaching-clinic sequence, one message per screen, with the deck and the A3 map to download."""

import streamlit as st

import ui
from sanitasi import deck, indicators, presentation, views

an = ui.setup("paparan")
lang, dok = ui.lang(), ui.dokumen()

bar = st.columns([2, 3, 2, 3], vertical_alignment="center")
with bar[3].popover(ui.t("paparan.pengaturan"), icon=":material/tune:", width="stretch"):
    options = views.indicators_of(an, dok) or list(indicators.HEADLINE)
    ind = ui.indicator(None, options)
    years = list(range(an.tahun + 1, 2046))
    reach = ui.year_slider("capai", ui.t("kebutuhan.tahun_capai"), years, ui.memo(views.default_reach_year, dok, ind))
setting = presentation.Setting(dok, ind, reach, lang)
src = ui.source(*ui.PAGE_KINDS["paparan"])
sequence = ui.slides(setting)
count = len(sequence)
number = ui.slide_number(count)


def _go(step: int) -> None:
    st.session_state["slide"] = min(max(1, number + step), count)


bar[0].button(ui.t("paparan.sebelum"), icon=":material/arrow_back:", on_click=_go, args=(-1,), key="slide_prev",
              disabled=number <= 1, width="stretch")
bar[1].markdown(f"<div style='text-align:center'>{ui.t('paparan.slide_n', n=number, dari=count)}</div>",
                unsafe_allow_html=True)
bar[2].button(ui.t("paparan.berikut"), icon=":material/arrow_forward:", on_click=_go, args=(1,), key="slide_next",
              disabled=number >= count, width="stretch", type="primary")

slide = sequence[number - 1]
st.title(slide.judul)
ui.message(slide.pesan)
side_content = bool(slide.poin) or (slide.tabel is not None and len(slide.tabel) > 0)
if slide.chart is not None and side_content:
    left, side = st.columns([5, 2])
elif slide.chart is not None:
    left, side = st.container(), None
else:
    left, side = None, st.container()
if left is not None:
    with left:
        ui.chart(slide.chart, name=f"paparan_{slide.kunci}", spec=ui.slide_spec(setting, number - 1))
        if slide.catatan:
            st.caption(slide.catatan)
if side is not None:
    with side:
        if slide.tabel is not None and len(slide.tabel):
            ui.table(slide.tabel)
        for point in slide.poin:
            st.markdown(f"- {point}")

st.divider()
a, b = st.columns(2)
a.download_button(ui.t("paparan.unduh_pptx"), lambda: deck.build_deck(sequence, setting, an, src),
                  file_name=f"paparan_sanitasi_{an.tahun}.pptx", on_click="ignore", icon=":material/slideshow:",
                  mime="application/vnd.openxmlformats-officedocument.presentationml.presentation", key="unduh_pptx")
b.download_button(ui.t("paparan.unduh_pdf"), lambda: deck.map_a3(an, ind, dok, lang, src),
                  file_name=f"peta_{ind}_{an.tahun}_A3.pdf", on_click="ignore", icon=":material/map:",
                  mime="application/pdf", key="unduh_pdf")
