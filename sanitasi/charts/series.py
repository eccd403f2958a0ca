"""Series over the years: the ladder, a trajectory toward a target, every kecamatan's small multiple, a kecamatan
beside the district, the yearly plan and the what-if."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from sanitasi import fmt, i18n, indicators
from sanitasi.charts.base import (
    COMPARE_COLOURS,
    MUTED,
    SERIES_COLOURS,
    _pct_axis,
    _pct_text,
    _unit,
    _value_text,
    _year_axis,
    bottom_legend,
    finish,
    status_scale,
)


def ladder(frame: pd.DataFrame, *, title: str, source: str, lang: str, height: int = 300) -> alt.Chart:
    """Stacked shares of the five rungs per year, safely managed at the bottom (as the JMP draws it)."""
    labels = [indicators.get(r).label(lang) for r in indicators.LADDER]
    colours = [indicators.get(r).warna for r in indicators.LADDER]
    t = i18n.t
    base = alt.Chart(frame).mark_bar(width={"band": 0.78}).encode(
        x=alt.X("tahun:O", axis=alt.Axis(title=None, labelAngle=0)),
        y=alt.Y("persen:Q", stack="zero", scale=alt.Scale(domain=[0, 100]), axis=_pct_axis(None, tickCount=5)),
        color=alt.Color("label:N", scale=alt.Scale(domain=labels, range=colours),
                        legend=bottom_legend(labels)),
        order=alt.Order("urutan:Q", sort="ascending"),
        tooltip=[alt.Tooltip("tahun:O", title=t("grafik.tahun", lang)),
                 alt.Tooltip("label:N", title=t("grafik.tangga", lang)),
                 alt.Tooltip("persen_teks:N", title=t("grafik.persen", lang)),
                 alt.Tooltip("kk_teks:N", title=t("grafik.kk", lang))],
    ).properties(height=height, width="container")
    return finish(base, title=title, source=source, lang=lang)


def trajectory(observed: pd.DataFrame, trend: pd.DataFrame, path: pd.DataFrame, target: tuple[int, float] | None,
               *, title: str, source: str | list[str], lang: str, height: int = 360, indikator: str | None = None,
               pembanding: pd.DataFrame | None = None) -> alt.LayerChart:
    """Observed values, the OLS trend and its projection, the target path with interim targets, the target; and,
    thinner and grey, the series it is compared with (`pembanding`: `tahun, nilai, label`), each its own line."""
    t = i18n.t
    names = {k: t(f"lintasan.seri_{k}", lang) for k in SERIES_COLOURS}
    others = pembanding if pembanding is not None and len(pembanding) else pd.DataFrame(columns=["tahun", "nilai",
                                                                                                   "label"])
    other_names = list(dict.fromkeys(others["label"]))[:len(COMPARE_COLOURS)]
    others = others.loc[others["label"].isin(other_names)]
    lines = pd.concat([
        observed.loc[observed["sebanding"], ["tahun", "nilai"]].assign(seri=names["observasi"]),
        trend.loc[trend["bagian"] == "tren", ["tahun", "nilai"]].assign(seri=names["tren"]),
        trend.loc[trend["bagian"] == "proyeksi", ["tahun", "nilai"]].assign(seri=names["proyeksi"]),
        path[["tahun", "nilai"]].assign(seri=names["jalur"]),
        others[["tahun", "nilai"]].assign(seri=others["label"].to_numpy()),
    ], ignore_index=True).assign(nilai_teks=lambda d: d["nilai"].map(lambda v: _value_text(v, lang, indikator)))
    domain = [names[k] for k in SERIES_COLOURS] + other_names
    colour = alt.Color("seri:N", scale=alt.Scale(domain=domain, range=[*SERIES_COLOURS.values(),
                                                                        *COMPARE_COLOURS[:len(other_names)]]),
                       legend=bottom_legend(domain))
    dash = alt.StrokeDash("seri:N", scale=alt.Scale(domain=domain, range=[[1, 0], [1, 0], [6, 4], [2, 3],
                                                                          *([[4, 2]] * len(other_names))]),
                          legend=None)
    x = alt.X("tahun:Q", axis=_year_axis(), scale=alt.Scale(nice=False, zero=False))
    lo = float(min(lines["nilai"].min(), target[1] if target else 100)) if len(lines) else 0
    hi = float(max(lines["nilai"].max(), target[1] if target else 0)) if len(lines) else 100
    pad = max(2.0, (hi - lo) * 0.12)
    top = hi + pad if indikator is not None and not indicators.get(indikator).persen else min(100, hi + pad)
    y = alt.Y("nilai:Q", scale=alt.Scale(domain=[max(0, lo - pad), top], nice=True),
              axis=_pct_axis(None, _unit(indikator, lang)))
    tip = [alt.Tooltip("seri:N", title=" "), alt.Tooltip("tahun:Q", title=t("grafik.tahun", lang), format="d"),
           alt.Tooltip("nilai_teks:N", title=t("grafik.nilai", lang))]
    line = alt.Chart(lines).mark_line(strokeWidth=2.5).encode(x=x, y=y, color=colour, strokeDash=dash, tooltip=tip)
    obs_pts = observed.assign(nilai_teks=observed["nilai"].map(lambda v: _value_text(v, lang, indikator)),
                              jenis=observed["sebanding"].map(
                                  {True: t("lintasan.titik_sebanding", lang), False: t("lintasan.titik_lama", lang)}))
    point_tip = [alt.Tooltip("tahun:Q", format="d", title=t("grafik.tahun", lang)),
                 alt.Tooltip("nilai_teks:N", title=t("grafik.nilai", lang)),
                 alt.Tooltip("jenis:N", title=t("grafik.catatan", lang))]
    filled = alt.Chart(obs_pts).transform_filter("datum.sebanding").mark_point(
        size=70, filled=True, color=SERIES_COLOURS["observasi"]).encode(x=x, y=y, tooltip=point_tip)
    hollow = alt.Chart(obs_pts).transform_filter("!datum.sebanding").mark_point(
        size=70, filled=False, strokeWidth=2, color=SERIES_COLOURS["observasi"]).encode(x=x, y=y, tooltip=point_tip)
    layers: list[Any] = [line, filled, hollow]
    if len(others):  # each comparison point with its own source in the tooltip (a line of one point is a point)
        # coloured by its series as the legend says: without `seri` the points had no colour and were not drawn
        op = others.assign(seri=others["label"].to_numpy(),
                           nilai_teks=others["nilai"].map(lambda v: _value_text(v, lang, indikator)))
        layers.append(alt.Chart(op).mark_point(size=70, filled=True, opacity=0.9).encode(
            x=x, y=y, color=colour,
            tooltip=[alt.Tooltip("label:N", title=" "),
                     alt.Tooltip("tahun:Q", format="d", title=t("grafik.tahun", lang)),
                     alt.Tooltip("nilai_teks:N", title=t("grafik.nilai", lang)),
                     alt.Tooltip("sumber:N", title=t("grafik.sumber_label", lang))]))
    explicit = path.loc[path["jenis"].isin(["antara", "akhir"])] if len(path) else path
    if len(explicit):
        tp = explicit.assign(nilai_teks=explicit["nilai"].map(lambda v: _value_text(v, lang, indikator)),
                             jenis_teks=explicit["jenis"].map(lambda j: t(f"lintasan.jenis_{j}", lang)))
        layers.append(alt.Chart(tp).mark_point(shape="diamond", size=150, filled=True,
                                               color=SERIES_COLOURS["jalur"]).encode(
            x=x, y=y, tooltip=[alt.Tooltip("jenis_teks:N", title=" "),
                               alt.Tooltip("tahun:Q", format="d", title=t("grafik.tahun", lang)),
                               alt.Tooltip("nilai_teks:N", title=t("grafik.target", lang))]))
    if target is not None:
        tl = pd.DataFrame({"tahun": [target[0]], "nilai": [target[1]],
                           "label": [t("lintasan.label_target", lang, nilai=_value_text(target[1], lang, indikator, 0),
                                       tahun=target[0])]})
        layers.append(alt.Chart(tl).mark_rule(color=SERIES_COLOURS["jalur"], strokeDash=[2, 2]).encode(y="nilai:Q"))
        layers.append(alt.Chart(tl).mark_text(align="right", dy=-8, fontSize=13, fontWeight=600,
                                              color=SERIES_COLOURS["jalur"]).encode(x=x, y=y, text="label:N"))
    chart = alt.layer(*layers).properties(height=height, width="container")
    return finish(chart, title=title, source=source, lang=lang)


SMALL_CELL = (150, 95)  # px: one kecamatan's small chart


def small_multiples(frame: pd.DataFrame, order: pd.DataFrame, target: float | None, *, title: str, source: str,
                    lang: str, columns: int = 4, indikator: str | None = None) -> alt.FacetChart:
    """The same small chart for every kecamatan, ordered by status, line coloured by status."""
    t = i18n.t
    data = frame.assign(target=target if target is not None else float("nan"),
                        status_teks=frame["status"].map(lambda s: t(f"status.{s}", lang)),
                        nilai_teks=frame["nilai"].map(lambda v: _value_text(v, lang, indikator)))
    lo = float(min(data["nilai"].min(), target if target is not None else 100))
    hi = float(max(data["nilai"].max(), target if target is not None else 0))
    share = indikator is None or indicators.get(indikator).persen
    y = alt.Y("nilai:Q", scale=alt.Scale(domain=[max(0, lo - 3), min(100, hi + 3) if share else hi * 1.1], nice=True),
              axis=_pct_axis(None, _unit(indikator, lang), tickCount=3))
    x = alt.X("tahun:Q", axis=_year_axis(tickCount=3), scale=alt.Scale(zero=False, nice=False))
    line = alt.Chart().mark_line(strokeWidth=2.5, point=alt.OverlayMarkDef(size=30, filled=True)).encode(
        x=x, y=y, color=alt.Color("status_teks:N", scale=status_scale(lang), legend=bottom_legend(
            list(status_scale(lang).domain), t("grafik.status", lang), faceted=True)),
        tooltip=[alt.Tooltip("nama:N", title=t("grafik.kecamatan", lang)),
                 alt.Tooltip("tahun:Q", format="d", title=t("grafik.tahun", lang)),
                 alt.Tooltip("nilai_teks:N", title=t("grafik.nilai", lang))]).transform_filter("datum.sebanding")
    old = alt.Chart().mark_point(size=30, color=MUTED).encode(x=x, y=y).transform_filter("!datum.sebanding")
    layers: list[Any] = [line, old]
    if target is not None:
        layers.append(alt.Chart().mark_rule(strokeDash=[4, 3], color=SERIES_COLOURS["jalur"]).encode(
            y="mean(target):Q"))
    chart = alt.layer(*layers, data=data).properties(width=SMALL_CELL[0], height=SMALL_CELL[1]).facet(
        facet=alt.Facet("judul:N", sort=order["judul"].tolist(), title=None,
                        header=alt.Header(labelFontSize=12, labelLimit=200)), columns=columns)
    return finish(chart, title=title, source=source, lang=lang)


PLAN_COLOURS = ["#2b8a7e", "#9fd3c7"]  # backlog (dark), growth (light)
LABEL_GLYPH_PX = 12 * 0.58  # a bar label's average glyph at 12 px, digits and the dot, on the generous side


def plan_bars(plan: pd.DataFrame, *, title: str, source: str, lang: str, height: int = 260) -> alt.LayerChart:
    """Households to reach each year, stacked in its two parts (today's backlog, then growth), the total on top.

    `plan` has one row per year and part: `tahun, bagian, urutan, label, kk, kk_teks, tambah, tambah_teks,
    persen_teks` (`sanitasi.views.kebutuhan.yearly`)."""
    t = i18n.t
    x = alt.X("tahun:O", axis=alt.Axis(title=None, labelAngle=0))
    labels = plan.drop_duplicates("urutan").sort_values("urutan")["label"].tolist()
    bars = alt.Chart(plan).mark_bar(width={"band": 0.7}).encode(
        x=x, y=alt.Y("sum(kk):Q", stack="zero", axis=alt.Axis(title=t("kebutuhan.kk_per_tahun", lang),
                                                               format=",.0f")),
        color=alt.Color("label:N", scale=alt.Scale(domain=labels, range=PLAN_COLOURS[:len(labels)]),
                        legend=bottom_legend(labels)),
        order=alt.Order("urutan:Q", sort="ascending"),
        tooltip=[alt.Tooltip("tahun:O", title=t("grafik.tahun", lang)), alt.Tooltip("label:N", title=" "),
                 alt.Tooltip("kk_teks:N", title=t("kebutuhan.kk_per_tahun", lang)),
                 alt.Tooltip("tambah_teks:N", title=t("kebutuhan.k_kesenjangan", lang)),
                 alt.Tooltip("persen_teks:N", title=t("kebutuhan.persen_akhir", lang))])
    totals = plan.drop_duplicates("tahun").reset_index(drop=True)
    # the totals thin out by width: whole ("5.666 KK") where a bar's band has room, the number alone where it has
    # less, every other year's where even that would touch its neighbour (Vega never moves a label for another)
    totals = totals.assign(pendek=[fmt.number(v, 0, lang) for v in totals["tambah"]],
                           genap=[i % 2 == (len(totals) - 1) % 2 for i in range(len(totals))])
    n = max(len(totals), 1)
    need_full = max(map(len, totals["tambah_teks"]), default=0) * LABEL_GLYPH_PX + 8
    need_short = max(map(len, totals["pendek"]), default=0) * LABEL_GLYPH_PX + 8
    shown = (f"width / {n} >= {need_full:.0f} ? datum.tambah_teks : width / {n} >= {need_short:.0f} ? datum.pendek"
             f" : datum.genap ? datum.pendek : ''")
    text = alt.Chart(totals).mark_text(dy=-8, fontSize=12).transform_calculate(teks=shown).encode(
        x=x, y="tambah:Q", text="teks:N")
    chart = alt.layer(bars, text).properties(height=height, width="container")
    return finish(chart, title=title, source=source, lang=lang)


def what_if(series: pd.DataFrame, target: float, *, highlight: str, title: str, source: str,
            lang: str) -> alt.LayerChart:
    """Share per kecamatan (thin) and for the kabupaten (thick) under the scenario, with the target."""
    t = i18n.t
    data = series.assign(nilai_teks=series["persen"].map(lambda v: _pct_text(v, lang)),
                         tebal=series["kode_wilayah"] == highlight)
    x = alt.X("tahun:Q", axis=_year_axis(), scale=alt.Scale(zero=False, nice=False))
    y = alt.Y("persen:Q", axis=_pct_axis(None), scale=alt.Scale(zero=False))
    tip = [alt.Tooltip("nama:N", title=t("grafik.wilayah", lang)),
           alt.Tooltip("tahun:Q", format="d", title=t("grafik.tahun", lang)),
           alt.Tooltip("nilai_teks:N", title=t("grafik.nilai", lang))]
    thin = alt.Chart(data).transform_filter("!datum.tebal").mark_line(strokeWidth=1.4, color="#9fb3c8").encode(
        x=x, y=y, detail="nama:N", tooltip=tip)
    thick = alt.Chart(data).transform_filter("datum.tebal").mark_line(strokeWidth=4, color="#1f4e79").encode(
        x=x, y=y, tooltip=tip)
    rule_df = pd.DataFrame({"target": [target], "label": [t("lintasan.label_target_saja", lang,
                                                               nilai=_pct_text(target, lang))]})
    rule = alt.Chart(rule_df).mark_rule(color=SERIES_COLOURS["jalur"], strokeDash=[6, 4], strokeWidth=2).encode(
        y="target:Q")
    label = alt.Chart(rule_df).mark_text(align="left", dx=4, dy=-8, fontSize=12, fontWeight=600,
                                         color=SERIES_COLOURS["jalur"]).encode(
        x=alt.value(0), y="target:Q", text="label:N")
    chart = alt.layer(thin, thick, rule, label).properties(height=320, width="container")
    return finish(chart, title=title, source=source, lang=lang)
