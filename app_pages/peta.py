"""Peta: the kecamatan coloured by an indicator, its gap to the target, or its status; ranked beside it."""

import streamlit as st

import ui
from sanitasi import charts, figures, indicators, views

an = ui.setup("peta")
lang, dok = ui.lang(), ui.dokumen()

st.title(ui.t("peta.judul", tahun=an.tahun))
c1, c2, c3, c4 = st.columns([5, 5, 6, 4])
ind = ui.indicator(c1, views.map_indicators())
kode = ui.kecamatan(c2)
mode = ui.select("peta_warna", ["nilai", "selisih", "status"], ui.t("peta.warna"), container=c3, horizontal=True,
                 format_func=lambda m: ui.t(f"peta.warna_{m}"))
view = ui.select("peta_tampilan", ["wilayah", "petak"], ui.t("peta.tampilan"), container=c4, horizontal=True,
                 format_func=lambda m: ui.t(f"peta.tampilan_{m}"))

values = ui.memo(views.map_values, ind, dok, lang)
src = ui.source(indicators.get(ind).tabel)  # ILLUSTRATIVE as long as this indicator's table is
title = ui.t("peta.judul_grafik", indikator=indicators.get(ind).label(lang), tahun=an.tahun)


def _picked() -> None:
    """A click on the map selects that kecamatan in the selectbox too."""
    event = st.session_state.get("peta_klik")
    picked = (event or {}).get("selection", {}).get(charts.SELECT_PARAM) or []
    if picked and picked[0].get("kode"):
        st.session_state["kecamatan"] = picked[0]["kode"]


left, right = st.columns([3, 2])
with left:
    ui.plot(figures.area_map, ind, dok, mode, view, kode, lang, title, src, name=f"peta_{ind}_{an.tahun}",
            chart_kw={"on_select": _picked, "key": "peta_klik", "selection_mode": charts.SELECT_PARAM})
    if view == "wilayah":
        if note := ui.memo(views.map_note, lang):
            st.caption(":material/call_split: " + note)
    else:
        st.caption(ui.t("peta.catatan_petak"))
with right:
    tgt = ui.memo(views.final_target, dok, ind)
    target_label = ui.t("peta.garis_target", nilai=ui.number(tgt[1]) if tgt else "", tahun=tgt[0] if tgt else "")
    ui.plot(figures.ranking, ind, dok, mode, kode, lang, ui.t("peta.peringkat_judul"), target_label, src,
            name=f"peringkat_{ind}")

row = views.map_row(an, values, kode)
with st.container(border=True):
    st.markdown(f"### {row['nama']}")
    st.markdown(ui.badge(row["status"]), unsafe_allow_html=True)
    b, c = st.columns(2)  # the figures get the room: "1,109 households" is cut in a third of the width
    b.metric(indicators.get(ind).label(lang), row["nilai_teks"])
    b.caption(ui.t("peta.target_selisih", target=row["target_teks"], selisih=row["selisih_teks"]))
    c.metric(ui.t(f"grafik.kk_tanpa_{ind}"), row["kk_teks"])
    if row["catatan"]:
        st.caption(row["catatan"])
    ui.page_link("app_pages/kecamatan.py", ui.t("peta.ke_profil", nama=row["nama"]), icon=":material/arrow_forward:")
