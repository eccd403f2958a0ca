"""The SSK programme against the need: households planned and needed per year, and the money per year by funding
source with what is missing on top."""

from __future__ import annotations

import altair as alt
import pandas as pd

from sanitasi import i18n
from sanitasi.charts.base import INK, bottom_legend, finish

PLAN_NEED_COLOURS = ["#9fb3c8", "#1f4e79"]  # needed (muted), planned (dark)
SOURCE_COLOURS = {"apbd_kab": "#1f4e79", "apbd_prov": "#5b8fc7", "apbn_dak": "#2b8a7e", "dana_desa": "#7c9a3a",
                  "csr_baznas": "#b8860b", "swadaya": "#9b7bb8"}
GAP_COLOUR = "#f2b8a8"  # the money no source covers


# Taller than the plot needs: Streamlit fits the whole chart (title, source, legend) into this height
HEIGHT = 380


def plan_need_bars(frame: pd.DataFrame, *, title: str, source: str, lang: str, height: int = HEIGHT) -> alt.LayerChart:
    """Households needed and planned each year, side by side. `frame`: `tahun, bagian, urutan, label, kk, kk_teks`
    (two rows a year: needed first)."""
    t = i18n.t
    labels = frame.drop_duplicates("urutan").sort_values("urutan")["label"].tolist()
    x = alt.X("tahun:O", axis=alt.Axis(title=None, labelAngle=0))
    y = alt.Y("kk:Q", axis=alt.Axis(title=t("program.sumbu_kk", lang), format=",.0f"))
    offset = alt.XOffset("label:N", sort=labels)
    bars = alt.Chart(frame).mark_bar().encode(
        x=x, xOffset=offset, y=y,
        color=alt.Color("label:N", scale=alt.Scale(domain=labels, range=PLAN_NEED_COLOURS[:len(labels)]),
                        legend=bottom_legend(labels)),
        tooltip=[alt.Tooltip("tahun:O", title=t("grafik.tahun", lang)), alt.Tooltip("label:N", title=" "),
                 alt.Tooltip("kk_teks:N", title=t("program.sumbu_kk", lang))])
    text = alt.Chart(frame).mark_text(dy=-7, fontSize=11, color=INK).encode(x=x, xOffset=offset, y=y,
                                                                          text="kk_teks:N")
    chart = alt.layer(bars, text).properties(height=height, width="container")
    return finish(chart, title=title, source=source, lang=lang)


def funding_bars(frame: pd.DataFrame, need: pd.DataFrame, *, title: str, source: str, lang: str,
                 height: int = HEIGHT) -> alt.LayerChart:
    """Money planned each year stacked by funding source, the shortfall on top up to what is needed, and a tick at
    the money needed. `frame`: `tahun, sumber_dana, label, urutan, biaya, teks` (the shortfall's `sumber_dana` is
    "kurang"); `need`: `tahun, miliar, perlu_teks` (the label over the tick: billions, as the axis), `perlu_rp`."""
    t = i18n.t
    present = frame.drop_duplicates("sumber_dana").sort_values("urutan")
    domain = present["label"].tolist()
    colours = [SOURCE_COLOURS.get(s, GAP_COLOUR) for s in present["sumber_dana"]]
    x = alt.X("tahun:O", axis=alt.Axis(title=None, labelAngle=0))
    money = t("program.sumbu_rupiah", lang)
    bars = alt.Chart(frame).mark_bar(width={"band": 0.65}).encode(
        x=x, y=alt.Y("sum(miliar):Q", stack="zero", axis=alt.Axis(title=money, format=",.1f")),
        color=alt.Color("label:N", scale=alt.Scale(domain=domain, range=colours), legend=bottom_legend(domain)),
        order=alt.Order("urutan:Q", sort="ascending"),
        tooltip=[alt.Tooltip("tahun:O", title=t("grafik.tahun", lang)), alt.Tooltip("label:N", title=" "),
                 alt.Tooltip("teks:N", title=t("program.k_rupiah", lang))])
    ticks = alt.Chart(need).mark_tick(thickness=3, size=46, color=INK).encode(
        x=x, y="miliar:Q", tooltip=[alt.Tooltip("perlu_rp:N", title=t("program.perlu", lang))])
    text = alt.Chart(need).mark_text(dy=-9, fontSize=11, color=INK).encode(x=x, y="miliar:Q", text="perlu_teks:N")
    chart = alt.layer(bars, ticks, text).properties(height=height, width="container")
    return finish(chart, title=title, source=source, lang=lang)
