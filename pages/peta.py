"""Peta: the kecamatan coloured by an indicator, its gap to the target, or its status; ranked beside it."""

import streamlit as st

import ui
from sanitasi import charts, indicators, targets, views

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

values = views.map_values(an, ind, dok, lang)
labels = views.class_labels(ind, lang)
title = ui.t("peta.judul_grafik", indikator=indicators.get(ind).label(lang), tahun=an.tahun)


def _picked() -> None:
    """A click on the map selects that kecamatan in the selectbox too."""
    event = st.session_state.get("peta_klik")
    picked = (event or {}).get("selection", {}).get(charts.SELECT_PARAM) or []
    if picked and picked[0].get("kode"):
        st.session_state["kecamatan"] = picked[0]["kode"]


left, right = st.columns([3, 2])
with left:
    if view == "petak":
        chart = charts.tile_map(views.tiles(an, values), mode=mode, indikator=ind, class_labels=labels,
                                selected=kode, title=title, source=ui.source(), lang=lang)
    else:
        chart = charts.choropleth(views.map_features(an, values), views.map_labels(an), mode=mode, indikator=ind,
                                  class_labels=labels, selected=kode, title=title, source=ui.source(), lang=lang)
    ui.chart(chart, name=f"peta_{ind}_{an.tahun}", on_select=_picked, key="peta_klik",
             selection_mode=charts.SELECT_PARAM)
    if view == "wilayah":
        ui.schematic_note(an.data)
        if views.map_note(an, lang):
            st.caption(":material/call_split: " + views.map_note(an, lang))
    else:
        st.caption(ui.t("peta.catatan_petak"))
with right:
    tgt = targets.final(an.data.target, dok, ind)
    ranked = views.ranked(values, ind)
    ui.chart(charts.ranked_bars(
        ranked, mode=mode, indikator=ind, class_labels=labels, target=tgt[1] if tgt else None,
        target_label=ui.t("peta.garis_target", nilai=ui.number(tgt[1]) if tgt else "", tahun=tgt[0] if tgt else ""),
        selected=kode, title=ui.t("peta.peringkat_judul"), source=ui.source(), lang=lang), name=f"peringkat_{ind}")

row = views.map_row(an, values, kode)
with st.container(border=True):
    a, b, c = st.columns([3, 2, 2])
    a.markdown(f"### {row['nama']}")
    a.markdown(ui.badge(row["status"]), unsafe_allow_html=True)
    b.metric(indicators.get(ind).label(lang), row["nilai_teks"])
    b.caption(ui.t("peta.target_selisih", target=row["target_teks"], selisih=row["selisih_teks"]))
    c.metric(ui.t(f"grafik.kk_tanpa_{ind}"), row["kk_teks"])
    if row["catatan"]:
        st.caption(row["catatan"])
    ui.page_link("pages/kecamatan.py", ui.t("peta.ke_profil", nama=row["nama"]), icon=":material/arrow_forward:")
