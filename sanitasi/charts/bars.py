"""Bars and grids: households needed per kecamatan, ODF villages, two access measures side by side, and the
agencies' budget grid and realisation."""

from __future__ import annotations

import json
import textwrap

import altair as alt
import pandas as pd

from sanitasi import fmt, i18n
from sanitasi.charts.base import INK, MUTED, ODF_COLOURS, _pct_axis, bottom_legend, finish


def needs_bars(table: pd.DataFrame, *, value: str, text: str, axis_title: str, title: str, source: str,
               lang: str) -> alt.LayerChart:
    """Households (or rupiah) per kecamatan, largest first."""
    order = table["nama"].tolist()
    y = alt.Y("nama:N", sort=order, axis=alt.Axis(title=None, labelLimit=160))
    bars = alt.Chart(table).mark_bar(color="#1f4e79", height={"band": 0.75}).encode(
        x=alt.X(f"{value}:Q", axis=alt.Axis(title=axis_title, format=",.0f")), y=y,
        tooltip=[alt.Tooltip("nama:N", title=i18n.t("grafik.kecamatan", lang)),
                 alt.Tooltip(f"{text}:N", title=axis_title)])
    labels = alt.Chart(table).mark_text(align="left", dx=4, fontSize=12).encode(x=f"{value}:Q", y=y, text=f"{text}:N")
    chart = alt.layer(bars, labels).properties(height=max(26 * len(table), 180), width="container")
    return finish(chart, title=title, source=source, lang=lang)




def odf_bars(frame: pd.DataFrame, *, title: str, source: str, lang: str) -> alt.LayerChart:
    """Villages per kecamatan: verified ODF, declared only, not yet; kecamatan with the lowest share first."""
    order = frame.drop_duplicates("nama")["nama"].tolist()
    labels = frame.drop_duplicates("urutan")[["urutan", "status"]]
    y = alt.Y("nama:N", sort=order, axis=alt.Axis(title=None, labelLimit=160))
    bars = alt.Chart(frame).mark_bar(height={"band": 0.75}).encode(
        x=alt.X("sum(jumlah):Q", stack="zero", axis=alt.Axis(title=i18n.t("stbm.sumbu_desa", lang), tickMinStep=1)),
        y=y,
        color=alt.Color("status:N", scale=alt.Scale(domain=labels["status"].tolist(),
                                                    range=[ODF_COLOURS[u] for u in labels["urutan"]]),
                        legend=bottom_legend(labels["status"].tolist())),
        order=alt.Order("urutan:N", sort="descending"),
        tooltip=[alt.Tooltip("nama:N", title=i18n.t("grafik.kecamatan", lang)), alt.Tooltip("status:N", title=" "),
                 alt.Tooltip("teks:N", title=i18n.t("stbm.sumbu_desa", lang))])
    chart = bars.properties(height=alt.Step(26), width="container")
    return finish(chart, title=title, source=source, lang=lang)


def two_measures(frame: pd.DataFrame, *, title: str, source: str, lang: str) -> alt.LayerChart:
    """Dumbbell: the Susenas-style share and the STBM share of the same kecamatan, joined by a line."""
    order = frame["nama"].tolist()
    long = pd.concat([
        frame[["nama", "susenas", "susenas_teks", "ukuran_susenas"]].set_axis(["nama", "nilai", "teks", "ukuran"],
                                                                            axis=1),
        frame[["nama", "stbm", "stbm_teks", "ukuran_stbm"]].set_axis(["nama", "nilai", "teks", "ukuran"], axis=1),
    ], ignore_index=True)
    y = alt.Y("nama:N", sort=order, axis=alt.Axis(title=None, labelLimit=180))
    lo = float(min(frame["susenas"].min(), frame["stbm"].min()))
    hi = float(max(frame["susenas"].max(), frame["stbm"].max()))
    x = alt.X("nilai:Q", scale=alt.Scale(domain=[max(0.0, lo - 5), min(100.0, hi + 5)], nice=True),
              axis=_pct_axis(None, tickCount=5))
    rule = alt.Chart(frame).mark_rule(color=MUTED, strokeWidth=2).encode(
        x=alt.X("susenas:Q"), x2="stbm:Q", y=y)
    domain = long.drop_duplicates("ukuran")["ukuran"].tolist()
    dots = alt.Chart(long).mark_point(filled=True, size=110).encode(
        x=x, y=y, color=alt.Color("ukuran:N", scale=alt.Scale(domain=domain, range=["#1f4e79", "#c8631c"]),
                                  legend=bottom_legend(domain)),
        shape=alt.Shape("ukuran:N", scale=alt.Scale(domain=domain, range=["circle", "diamond"]), legend=None),
        tooltip=[alt.Tooltip("nama:N", title=i18n.t("grafik.wilayah", lang)), alt.Tooltip("ukuran:N", title=" "),
                 alt.Tooltip("teks:N", title=i18n.t("grafik.nilai", lang))])
    chart = alt.layer(rule, dots).properties(height=max(24 * len(order), 200), width="container")
    return finish(chart, title=title, source=source, lang=lang)


def _line_labels(names: list[str], budget: int = 32) -> dict:
    """Axis settings writing each long name on two or more lines (an axis cuts a label at `labelLimit` with '…')."""
    long = {n: textwrap.wrap(n, budget) for n in dict.fromkeys(names) if len(n) > budget}
    if not long:
        return {"labelLimit": 260}
    return {"labelLimit": 260, "labelExpr": f"{json.dumps(long, ensure_ascii=False)}[datum.label] || datum.label"}


SIGNAL_COLOURS = {"sesuai": "#1a5e8a", "tertinggal": "#e0762b", "mendahului": "#a63a14"}


def opd_realisation(frame: pd.DataFrame, *, lag: float, title: str, source: str, lang: str) -> alt.LayerChart:
    """Physical (bar) and financial (tick) realisation per agency, coloured by the signal."""
    t = i18n.t
    order = frame["opd"].tolist()
    y = alt.Y("opd:N", sort=order, axis=alt.Axis(title=None, **_line_labels(order)))
    x = alt.X("fisik:Q", scale=alt.Scale(domain=[0, 110]), axis=_pct_axis(t("opd.realisasi", lang), tickCount=6))
    signal_domain = [t(f"opd.sinyal_{s}", lang) for s in SIGNAL_COLOURS]
    bars = alt.Chart(frame).mark_bar(height={"band": 0.6}).encode(
        x=x, y=y, color=alt.Color("sinyal_teks:N", scale=alt.Scale(domain=signal_domain,
                                                                   range=list(SIGNAL_COLOURS.values())),
                                  legend=bottom_legend(signal_domain)),
        tooltip=[alt.Tooltip("opd:N", title="OPD"), alt.Tooltip("fisik_teks:N", title=t("opd.fisik", lang)),
                 alt.Tooltip("keuangan_teks:N", title=t("opd.keuangan", lang)),
                 alt.Tooltip("sinyal_teks:N", title=t("opd.sinyal", lang))])
    ticks = alt.Chart(frame).mark_tick(thickness=4, size=30, color=INK).encode(
        x="keuangan:Q", y=y, tooltip=[alt.Tooltip("keuangan_teks:N", title=t("opd.keuangan", lang))])
    rule = (alt.Chart(pd.DataFrame({"x": [lag]}), name="batas_tertinggal")
            .mark_rule(strokeDash=[4, 3], color=MUTED).encode(x="x:Q"))
    chart = alt.layer(bars, ticks, rule).properties(height=alt.Step(42), width="container")
    legend = t("opd.legenda_tik", lang, batas=fmt.number(lag, 0, lang))
    return finish(chart, title=title, source=[legend, source], lang=lang)
