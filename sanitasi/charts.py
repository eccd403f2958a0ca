"""Every chart of the dashboard, built from tidy frames made by `sanitasi.views`; each returns an `alt.Chart`.

One theme is registered here (fonts, sizes, colours); builders only add what is specific to them.
Every chart carries its title and, as subtitle, its source and data version. Numbers inside charts
follow the Indonesian locale (decimal comma, thousands dot) through Vega's `config.locale`.
"""

from __future__ import annotations

import functools
import json
import math
import textwrap
from typing import Any

import altair as alt
import pandas as pd

from sanitasi import i18n, indicators
from sanitasi.progress import WARNA, Status

FONT = '"Source Sans", "Source Sans Pro", "Segoe UI", Roboto, Helvetica, Arial, sans-serif'
THEME = "sanitasi"
INK, MUTED, GRID = "#262730", "#5f6368", "#e3e5e8"
LOCALES = {
    "id": {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}},
    "en": {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["Rp", ""]}},
}
# Sequential, colour-blind-safe (ColorBrewer): darker = higher. For "higher is better" indicators
# darker is better (blue-green); for "lower is better" ones (open defecation) darker is worse (brown).
SEQ_GOOD = ["#d0e7e4", "#99d0c6", "#5fb0a3", "#2b8a7e", "#0b5d53"]
SEQ_BAD = ["#fde9c9", "#f9c98a", "#ee9a4d", "#c8631c", "#8a3d0c"]
NO_DATA = "#d9d9d9"
SERIES_COLOURS = {"observasi": "#1f4e79", "tren": "#6f8fb0", "proyeksi": "#6f8fb0", "jalur": "#b5651d"}


def theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "view": {"stroke": None},
            "title": {"fontSize": 17, "fontWeight": 600, "anchor": "start", "color": INK,
                      "subtitleFontSize": 12, "subtitleColor": MUTED, "offset": 10},
            "axis": {"labelFontSize": 13, "titleFontSize": 13, "labelColor": INK, "titleColor": INK,
                     "gridColor": GRID, "domainColor": "#9aa0a6", "tickColor": "#9aa0a6", "titleFontWeight": 500},
            "legend": {"labelFontSize": 13, "titleFontSize": 13, "titleColor": INK, "labelColor": INK,
                       "symbolSize": 140, "labelLimit": 260, "titleLimit": 320},
            "header": {"labelFontSize": 13, "titleFontSize": 13, "labelColor": INK},
            "text": {"fontSize": 13, "color": INK},
        }
    }


def register_theme() -> None:
    """Register and enable the house theme (idempotent; nearly free when already active, as on every rerun)."""
    if alt.theme.active == THEME:
        return
    if THEME not in alt.theme.names():
        alt.theme.register(THEME, enable=False)(theme)
    alt.theme.enable(THEME)


PADDING = {"top": 10, "left": 5, "right": 12, "bottom": 5}


TITLE_PX, SUBTITLE_PX = 17, 12  # the theme's title and subtitle font sizes
# Average glyph width as a share of the font size, on the generous side (semi-bold titles, digits, capitals)
GLYPH = {"judul": 0.56, "sumber": 0.53}
# Line lengths (characters) a title is broken to, the one used being the longest that fits the chart's width
LINE_BUDGETS = (16, 20, 24, 28, 33, 38, 44, 52, 62, 75, 90, 110)
TITLE_MARGIN = 17  # the chart's left and right padding, in pixels


def _break(lines: list[str], budget: int) -> list[str]:
    return [part for line in lines for part in (textwrap.wrap(line, budget, break_on_hyphens=False) or [""])]


def _text(lines: list[str]) -> str | list[str]:
    return lines[0] if len(lines) == 1 else lines


def _variants(lines: list[str], font_px: float, kind: str) -> list[tuple[float, list[str]]]:
    """Each distinct breaking of `lines`, widest first, with the width in pixels its longest line needs."""
    px = font_px * GLYPH[kind]
    variants: list[tuple[float, list[str]]] = []
    for budget in reversed(LINE_BUDGETS):
        broken = _break(lines, budget)
        if not variants or broken != variants[-1][1]:
            variants.append((max(map(len, broken), default=0) * px + TITLE_MARGIN, broken))
    return variants


def title_lines(lines: list[str], font_px: float, width_px: float, kind: str = "judul") -> str | list[str]:
    """`lines` broken to fit `width_px` pixels at `font_px`: Vega cuts a title at the chart's width with '…'
    and never wraps it. A word longer than the line stays whole."""
    variants = _variants(lines, font_px, kind)
    return _text(next((broken for need, broken in variants if need <= width_px), variants[-1][1]))


def fitted(lines: list[str], font_px: float, kind: str = "judul") -> str | list[str] | dict:
    """The title text for a chart as wide as its container: the lines as they are when they fit every width,
    else a Vega expression choosing the breaking by `containerSize()` (on a 1024-pixel screen two charts side
    by side are under 300 px wide). Without a container (a file export) nothing is broken."""
    variants = _variants(lines, font_px, kind)
    if len(variants) == 1:
        return _text(variants[0][1])
    expr = json.dumps(variants[-1][1], ensure_ascii=False)
    for need, broken in reversed(variants[:-1]):
        expr = f"W >= {need:.0f} ? {json.dumps(broken, ensure_ascii=False)} : ({expr})"
    return {"expr": expr.replace("W >=", "(containerSize()[0] || 1e6) >=")}


@functools.lru_cache(maxsize=1024)
def _title(judul: tuple[str, ...], sumber: tuple[str, ...], scale: float, width_px: float | None) -> dict:
    """Title and subtitle settings (cached: every rerun draws every chart again; callers copy the dict)."""
    judul, sumber = list(judul), list(sumber)
    if width_px is None:
        return {"text": fitted(judul, TITLE_PX * scale), "subtitle": fitted(sumber, SUBTITLE_PX * scale, "sumber")}
    return {"text": title_lines(judul, TITLE_PX * scale, width_px),
            "subtitle": title_lines(sumber, SUBTITLE_PX * scale, width_px, "sumber")}


def fit_title(spec: dict, scale: float = 1.0, width_px: float | None = None) -> dict:
    """The spec with its title and source lines broken to fit: to the container's width on screen (a Vega
    expression), or to `width_px` for a file; `scale` for presentation type. The lines as written are kept in
    `usermeta` by `finish`. Returns a new top-level dict; `spec` itself is not changed (it may be shared).

    The subtitle is given as an expression too: Vega-Lite's schema lists only text for it, but its compiler
    passes an expression on to Vega, which draws it (checked in the browser tests)."""
    judul, sumber = plain_title(spec)
    if not judul or not isinstance(spec.get("title"), dict):
        return spec
    return {**spec, "title": {**spec["title"], **_title(tuple(judul), tuple(sumber), scale, width_px)}}


FILE_WIDTH = 760  # chart pictures (PNG, SVG) are this wide; the deck's are 720 px
LEGEND_GLYPH_PX = 13 * 0.52  # the theme's legend labels: 13 px
LEGEND_ENTRY_PX = 34  # symbol, the gap to its label and the padding between columns
LEGEND_LINE = 13  # characters a legend label is broken to when the plot is too narrow for it


def bottom_legend(labels: list[str], title: str | None = None, *, faceted: bool = False) -> alt.Legend:
    """A legend under the chart with as many columns as fit: Vega does not wrap a legend, and at 1024x768 a row
    of entries runs past the edge of a half-width chart.

    A legend under a single view starts at the left edge of the plot, after the y-axis labels, so what it may
    fill is the plot's width (`width`); under small multiples it is the container's."""
    entry = max(map(len, labels), default=0) * LEGEND_GLYPH_PX + LEGEND_ENTRY_PX
    # a file has no container: assume a little less than the narrowest file (the deck's 720 px)
    room = f"(containerSize()[0] || {FILE_WIDTH - 60})" if faceted else f"(width + {PADDING['right']})"
    expr = "1"
    for k in range(2, len(labels) + 1):
        expr = f"{room} >= {k * entry:.0f} ? {k} : ({expr})"
    # narrower than one entry (long y-axis labels leave the plot little room): long labels on two lines
    long = {label: textwrap.wrap(label, LEGEND_LINE) for label in labels if len(label) > LEGEND_LINE}
    lines = {"labelExpr": f"{room} < {entry:.0f} ? ({json.dumps(long, ensure_ascii=False)}[datum.label] || "
                          "datum.label) : datum.label"} if long else {}
    return alt.Legend(title=title, orient="bottom", columns=alt.ExprRef(expr) if len(labels) > 1 else 1, **lines)


def plain_title(spec: dict) -> tuple[list[str], list[str]]:
    """(title lines, source lines) of a finished chart's spec, as written before any breaking."""
    meta = spec.get("usermeta") or {}
    return list(meta.get("judul", [])), list(meta.get("sumber", []))


def finish(chart: Any, *, title: str, source: str | list[str], lang: str) -> Any:
    """Title, source line, padding and number locale: the last step of every builder.

    Padding is set on the chart itself: Streamlit's renderer ignores `config.padding`, and without it
    the first pixels of a layered chart's title are cut off. The title and source lines as written are
    also kept in `usermeta`, for `fit_title` to break them to the width they are drawn at.
    """
    sumber = [source] if isinstance(source, str) else list(source)
    return (chart.properties(title=alt.TitleParams(text=title, subtitle=sumber), padding=PADDING,
                             usermeta={"judul": [title], "sumber": sumber})
            .configure(locale=LOCALES[lang]))


def _pct_axis(title: str | None = None, unit: str = "%", **kw) -> alt.Axis:
    """Axis labels with the unit: '80%' for a share, '200 ha' for a quantity."""
    return alt.Axis(title=title, labelExpr=f"datum.label + '{unit}'", **kw)


def _unit(indikator: str | None, lang: str = "id") -> str:
    if indikator is None:
        return "%"
    ind = indicators.get(indikator)
    return "%" if ind.persen else " " + ind.satuan(lang)


def _year_axis(**kw) -> alt.Axis:
    return alt.Axis(title=None, format="d", labelAngle=0, tickMinStep=1, **kw)


def _palette(indikator: str) -> list[str]:
    return SEQ_GOOD if indicators.get(indikator).arah > 0 else SEQ_BAD


def status_scale(lang: str) -> alt.Scale:
    order = [s for s in Status]
    return alt.Scale(domain=[i18n.t(f"status.{s.value}", lang) for s in order] + [i18n.t("status.tanpa_target", lang)],
                     range=[WARNA[s] for s in order] + [NO_DATA])


def class_scale(indikator: str, labels: list[str]) -> alt.Scale:
    return alt.Scale(domain=labels, range=_palette(indikator)[: len(labels)])


# --------------------------------------------------------------------------------------------
# Ladder
# --------------------------------------------------------------------------------------------
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


# --------------------------------------------------------------------------------------------
# Maps
# --------------------------------------------------------------------------------------------
def _map_colour(mode: str, indikator: str, lang: str, class_labels: list[str], prefix: str = "",
                legend: bool = True, orient: str = "bottom") -> alt.Color:
    """The colour encoding shared by the map, the tile map and the ranked bars (so colours agree)."""
    t = i18n.t
    if mode == "selisih":
        return alt.Color(f"{prefix}selisih:Q", title=t("peta.legenda_selisih", lang),
                         scale=alt.Scale(scheme="blueorange", reverse=True, domain=[-25, 0, 25], clamp=True),
                         legend=alt.Legend(orient=orient, gradientLength=200, format="+d") if legend else None)
    if mode == "status":
        return alt.Color(f"{prefix}status_teks:N", title=t("peta.legenda_status", lang), scale=status_scale(lang),
                         legend=alt.Legend(orient=orient, columns=1 if orient != "bottom" else 2) if legend else None)
    return alt.Color(f"{prefix}kelas:O", title=indicators.get(indikator).label(lang) + " (%)",
                     scale=class_scale(indikator, class_labels), sort=class_labels,
                     legend=alt.Legend(orient=orient, direction="vertical" if orient != "bottom" else "horizontal")
                     if legend else None)


def _tooltips(prefix: str, lang: str, indikator: str) -> list[alt.Tooltip]:
    t = i18n.t
    return [alt.Tooltip(f"{prefix}nama:N", title=t("grafik.kecamatan", lang)),
            alt.Tooltip(f"{prefix}nilai_teks:N", title=t("grafik.nilai", lang)),
            alt.Tooltip(f"{prefix}target_teks:N", title=t("grafik.target", lang)),
            alt.Tooltip(f"{prefix}selisih_teks:N", title=t("grafik.selisih", lang)),
            alt.Tooltip(f"{prefix}kk_teks:N", title=t(f"grafik.kk_tanpa_{indikator}", lang)),
            alt.Tooltip(f"{prefix}status_teks:N", title=t("grafik.status", lang)),
            alt.Tooltip(f"{prefix}catatan:N", title=t("grafik.catatan", lang))]


SELECT_PARAM = "pilih_kecamatan"
MAP_LABELS = "nama_kecamatan"  # layer name; presentation mode leaves these labels at their size (small polygons)
# Names are written on the map up to this many areas. A province's 150 kecamatan would be a heap of text
# (tooltips name them), and Altair refuses a label table of more than 5,000 rows (a country's 7,300).
MAP_LABEL_LIMIT = 40


def choropleth(features: list[dict], labels: pd.DataFrame, *, mode: str, indikator: str, class_labels: list[str],
               selected: str | None, title: str, source: str, lang: str, height: int = 470) -> alt.LayerChart:
    """Kecamatan coloured by value class, gap to target, or status; names on the map; click selects.

    Names are drawn only for maps of up to `MAP_LABEL_LIMIT` areas (a district, not a province).
    """
    pick = alt.selection_point(name=SELECT_PARAM, fields=["kode"], on="click", clear=False)
    # the legend sits in the empty top-left corner of the district's shape (north-west of Mantewe)
    colour = _map_colour(mode, indikator, lang, class_labels, prefix="properties.", orient="top-left")
    shapes = (
        alt.Chart(alt.Data(values=features))
        .mark_geoshape(stroke="white", strokeWidth=1.2)
        .transform_calculate(kode="datum.properties.kode")
        .encode(color=alt.condition("datum.properties.nilai == null", alt.value(NO_DATA), colour),
                tooltip=_tooltips("properties.", lang, indikator))
        .add_params(pick)
    )
    layers: list[Any] = [shapes]
    if selected:
        chosen = [f for f in features if f["properties"].get("kode") == selected]
        layers.append(alt.Chart(alt.Data(values=chosen)).mark_geoshape(fill=None, stroke=INK, strokeWidth=3))
    halo = alt.Chart(labels, name=MAP_LABELS).mark_text(
        fontSize=12, fontWeight=600, stroke="white", strokeWidth=3.5, strokeOpacity=0.85, strokeJoin="round",
        lineBreak="\n").encode(longitude="lon:Q", latitude="lat:Q", text="nama:N")
    text = alt.Chart(labels, name=MAP_LABELS + "_teks").mark_text(
        fontSize=12, fontWeight=600, color=INK, lineBreak="\n").encode(
        longitude="lon:Q", latitude="lat:Q", text="nama:N")
    if len(labels) <= MAP_LABEL_LIMIT:
        layers += [halo, text]
    chart = alt.layer(*layers).project(type="mercator").properties(height=height, width="container")
    return finish(chart, title=title, source=source, lang=lang)


def tile_map(tiles: pd.DataFrame, *, mode: str, indikator: str, class_labels: list[str], selected: str | None,
             title: str, source: str, lang: str, step: int = 92) -> alt.LayerChart:
    """One equal square per kecamatan, placed roughly by geography: small urban kecamatan stay visible.

    `tiles` holds the map values plus `kolom`, `baris` and `label` (name and value on two lines).
    """
    colour = _map_colour(mode, indikator, lang, class_labels)
    pick = alt.selection_point(name=SELECT_PARAM, fields=["kode"], on="click", clear=False)
    x = alt.X("kolom:O", axis=None, scale=alt.Scale(paddingInner=0.06))
    y = alt.Y("baris:O", axis=None, scale=alt.Scale(paddingInner=0.06))
    rect = alt.Chart(tiles).mark_rect(cornerRadius=4).encode(
        x=x, y=y, color=alt.condition("datum.nilai == null", alt.value(NO_DATA), colour),
        stroke=alt.condition(f"datum.kode == '{selected or ''}'", alt.value(INK), alt.value("white")),
        strokeWidth=alt.condition(f"datum.kode == '{selected or ''}'", alt.value(3), alt.value(1)),
        tooltip=_tooltips("", lang, indikator)).add_params(pick)
    text = alt.Chart(tiles).mark_text(fontSize=12, fontWeight=600, lineBreak="\n", color=INK).encode(
        x=x, y=y, text="label:N")
    chart = alt.layer(rect, text).properties(width=alt.Step(step), height=alt.Step(step * 0.8))
    return finish(chart, title=title, source=source, lang=lang)


def ranked_bars(values: pd.DataFrame, *, mode: str, indikator: str, class_labels: list[str], target: float | None,
                target_label: str, selected: str | None, title: str, source: str, lang: str) -> alt.LayerChart:
    """Kecamatan ranked best first, coloured as on the map (its legend is the map's), target as a dashed rule.

    Values are written in a column right of the bars, so they never sit on the target line.
    """
    order = values["nama"].tolist()
    colour = _map_colour(mode, indikator, lang, class_labels, legend=False)
    y = alt.Y("nama:N", sort=order, axis=alt.Axis(title=None, labelLimit=160, labelFontSize=12))
    # the full 0-100 scale when values or the target are large (layak); otherwise room to see the bars
    ind = indicators.get(indikator)
    peak = max(float(values["nilai"].max()), target or 0.0)
    if ind.persen:
        top = 100.0 if peak > 50 else float(max(20.0, math.ceil(peak * 1.15 / 5) * 5))
    else:
        top = float(math.ceil(peak * 1.15 / 10) * 10) or 10.0
    x = alt.X("nilai:Q", scale=alt.Scale(domain=[0, top], nice=not ind.persen),
              axis=_pct_axis(None, _unit(indikator, lang), tickCount=4))
    bars = alt.Chart(values).mark_bar(height={"band": 0.72}).encode(
        x=x, y=y, color=alt.condition("datum.nilai == null", alt.value(NO_DATA), colour),
        stroke=alt.condition(f"datum.kode == '{selected or ''}'", alt.value(INK), alt.value(None)),
        strokeWidth=alt.value(2.5), tooltip=_tooltips("", lang, indikator))
    labels = alt.Chart(values).mark_text(align="left", dx=8, fontSize=12, color=INK).encode(
        x=alt.value("width"), y=y, text="nilai_teks:N")
    layers: list[Any] = [bars, labels]
    subtitle = [source]
    if target is not None:
        rule_df = pd.DataFrame({"target": [target]})
        layers.append(alt.Chart(rule_df).mark_rule(color=INK, strokeDash=[6, 4], strokeWidth=2).encode(
            x=alt.X("target:Q", scale=alt.Scale(domain=[0, top], nice=False))))
        subtitle = [target_label, source]
    chart = alt.layer(*layers).properties(height=max(26 * len(values), 200), width="container")
    return finish(chart, title=title, source=subtitle, lang=lang)


# --------------------------------------------------------------------------------------------
# Trajectories
# --------------------------------------------------------------------------------------------
def trajectory(observed: pd.DataFrame, trend: pd.DataFrame, path: pd.DataFrame, target: tuple[int, float] | None,
               *, title: str, source: str, lang: str, height: int = 360, indikator: str | None = None
               ) -> alt.LayerChart:
    """Observed values, the OLS trend and its projection, the target path with interim targets, the target."""
    t = i18n.t
    names = {k: t(f"lintasan.seri_{k}", lang) for k in SERIES_COLOURS}
    lines = pd.concat([
        observed.loc[observed["sebanding"], ["tahun", "nilai"]].assign(seri=names["observasi"]),
        trend.loc[trend["bagian"] == "tren", ["tahun", "nilai"]].assign(seri=names["tren"]),
        trend.loc[trend["bagian"] == "proyeksi", ["tahun", "nilai"]].assign(seri=names["proyeksi"]),
        path[["tahun", "nilai"]].assign(seri=names["jalur"]),
    ], ignore_index=True).assign(nilai_teks=lambda d: d["nilai"].map(lambda v: _value_text(v, lang, indikator)))
    domain = [names[k] for k in SERIES_COLOURS]
    colour = alt.Color("seri:N", scale=alt.Scale(domain=domain, range=list(SERIES_COLOURS.values())),
                       legend=bottom_legend(domain))
    dash = alt.StrokeDash("seri:N", scale=alt.Scale(domain=domain, range=[[1, 0], [1, 0], [6, 4], [2, 3]]),
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


def _value_text(v: float, lang: str, indikator: str | None, decimals: int = 1) -> str:
    if indikator is None:
        return _pct_text(v, lang, decimals)
    return indicators.get(indikator).teks(v, lang, decimals)


def _pct_text(v: float, lang: str, decimals: int = 1) -> str:
    from sanitasi import fmt

    return fmt.pct(v, decimals, lang)


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
    chart = alt.layer(*layers, data=data).properties(width=150, height=95).facet(
        facet=alt.Facet("judul:N", sort=order["judul"].tolist(), title=None,
                        header=alt.Header(labelFontSize=12, labelLimit=200)), columns=columns)
    return finish(chart, title=title, source=source, lang=lang)


# --------------------------------------------------------------------------------------------
# Kecamatan profile
# --------------------------------------------------------------------------------------------
def compare(frame: pd.DataFrame, *, title: str, source: str, lang: str) -> alt.LayerChart:
    """The kecamatan next to the kabupaten for each headline indicator."""
    who = frame["wilayah"].drop_duplicates().tolist()
    y = alt.Y("label:N", title=None, sort=frame["label"].drop_duplicates().tolist())
    yoff = alt.YOffset("wilayah:N", sort=who)
    bars = alt.Chart(frame).mark_bar(height={"band": 0.9}).encode(
        x=alt.X("nilai:Q", scale=alt.Scale(domain=[0, 100]), axis=_pct_axis(None, tickCount=5)), y=y, yOffset=yoff,
        color=alt.Color("wilayah:N", sort=who, scale=alt.Scale(range=["#1f4e79", "#a7b8c8"]),
                        legend=bottom_legend(who)),
        tooltip=[alt.Tooltip("wilayah:N", title=" "), alt.Tooltip("label:N", title=" "),
                 alt.Tooltip("nilai_teks:N", title=i18n.t("grafik.nilai", lang))])
    text = alt.Chart(frame).mark_text(align="left", dx=4, fontSize=12).encode(
        x="nilai:Q", y=y, yOffset=yoff, text="nilai_teks:N")
    chart = alt.layer(bars, text).properties(height=alt.Step(22), width="container")
    return finish(chart, title=title, source=source, lang=lang)


# --------------------------------------------------------------------------------------------
# Needs
# --------------------------------------------------------------------------------------------
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


def plan_bars(plan: pd.DataFrame, *, title: str, source: str, lang: str, height: int = 260) -> alt.LayerChart:
    """Households to gain each year on the straight path to the target."""
    t = i18n.t
    x = alt.X("tahun:O", axis=alt.Axis(title=None, labelAngle=0))
    bars = alt.Chart(plan).mark_bar(color="#2b8a7e", width={"band": 0.7}).encode(
        x=x, y=alt.Y("tambah:Q", axis=alt.Axis(title=t("kebutuhan.kk_per_tahun", lang), format=",.0f")),
        tooltip=[alt.Tooltip("tahun:O", title=t("grafik.tahun", lang)),
                 alt.Tooltip("tambah_teks:N", title=t("kebutuhan.kk_per_tahun", lang)),
                 alt.Tooltip("persen_teks:N", title=t("grafik.nilai", lang))])
    labels = alt.Chart(plan).mark_text(dy=-8, fontSize=12).encode(x=x, y="tambah:Q", text="tambah_teks:N")
    chart = alt.layer(bars, labels).properties(height=height, width="container")
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


FONT_KEYS = ("fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize")
PRESENTATION_SCALE = 1.35


def scale_fonts(spec: dict, factor: float) -> dict:
    """A copy of a chart spec with every font size multiplied: the back of the room must read the labels.

    Builders set some sizes on marks (map names) and some in the theme; the theme's sizes are written
    into the spec's config first so both grow. Symbol sizes grow with the square of the factor.
    """
    import copy

    out = copy.deepcopy(spec)
    config = out.setdefault("config", {})
    for part, values in theme()["config"].items():
        if isinstance(values, dict):
            merged = {**values, **config.get(part, {})}
            config[part] = merged

    def walk(node):
        if isinstance(node, dict):
            if str(node.get("name", "")).startswith(MAP_LABELS):
                return
            for k, v in node.items():
                if k in FONT_KEYS and isinstance(v, int | float):
                    node[k] = round(v * factor, 1)
                elif k == "symbolSize" and isinstance(v, int | float):
                    node[k] = round(v * factor * factor)
                else:
                    walk(v)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for key, value in out.items():
        if key not in ("datasets", "data", "usermeta"):
            walk(value)
    return out


# --------------------------------------------------------------------------------------------
# STBM and agencies
# --------------------------------------------------------------------------------------------
ODF_COLOURS = {"terverifikasi": "#1a5e8a", "deklarasi": "#8fb8d8", "belum": "#e3e5e8"}


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


VILLAGE_BORDER = "#9aa0a6"
NO_VILLAGE_DATA = "#ffffff"  # white with a grey border: "belum" is already the light grey of ODF_COLOURS


def odf_scale(lang: str) -> alt.Scale:
    """The three ODF statuses in their fixed colours, labelled in the chosen language."""
    return alt.Scale(domain=[i18n.t(f"stbm.{s}", lang) for s in ODF_COLOURS], range=list(ODF_COLOURS.values()))


def odf_village_map(features: list[dict], outlines: list[dict], labels: pd.DataFrame, *, title: str, source: str,
                    lang: str, height: int = 520) -> alt.LayerChart:
    """Villages coloured by ODF status (verified, declared, not yet), kecamatan borders and names on top.

    A village the table does not list for the year is drawn white with its border, and says so in the tooltip.
    """
    t = i18n.t
    villages = (
        alt.Chart(alt.Data(values=features))
        .mark_geoshape(stroke=VILLAGE_BORDER, strokeWidth=0.6)
        .encode(color=alt.condition("datum.properties.status == null", alt.value(NO_VILLAGE_DATA),
                                    alt.Color("properties.status_teks:N", scale=odf_scale(lang),
                                              legend=alt.Legend(title=t("stbm.legenda_odf", lang), orient="top-left",
                                                                symbolStrokeColor=VILLAGE_BORDER))),
                tooltip=[alt.Tooltip("properties.nama:N", title=t("stbm.k_desa", lang)),
                         alt.Tooltip("properties.kecamatan:N", title=t("grafik.kecamatan", lang)),
                         alt.Tooltip("properties.status_teks:N", title=t("stbm.k_status", lang)),
                         alt.Tooltip("properties.tanggal_teks:N", title=t("stbm.k_tanggal", lang)),
                         alt.Tooltip("properties.sehat_teks:N", title=t("stbm.k_kk_sehat", lang))])
    )
    borders = alt.Chart(alt.Data(values=outlines)).mark_geoshape(filled=False, stroke=INK, strokeWidth=1.4)
    layers: list[Any] = [villages, borders]
    if len(labels) <= MAP_LABEL_LIMIT:
        for name, style in ((MAP_LABELS, {"stroke": "white", "strokeWidth": 3.5, "strokeOpacity": 0.85,
                                          "strokeJoin": "round"}), (MAP_LABELS + "_teks", {"color": INK})):
            layers.append(alt.Chart(labels, name=name).mark_text(fontSize=12, fontWeight=600, **style).encode(
                longitude="lon:Q", latitude="lat:Q", text="nama:N"))
    chart = alt.layer(*layers).project(type="mercator").properties(height=height, width="container")
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


def opd_heatmap(frame: pd.DataFrame, *, title: str, source: str, lang: str) -> alt.LayerChart:
    """Agency x indicator: where each agency's budget goes (darker = more)."""
    x = alt.X("label:N", axis=alt.Axis(title=None, labelAngle=-30, labelLimit=140))
    y = alt.Y("opd:N", axis=alt.Axis(title=None, **_line_labels(frame["opd"].tolist())))
    rect = alt.Chart(frame).mark_rect(cornerRadius=3).encode(
        x=x, y=y, color=alt.Color("pagu:Q", scale=alt.Scale(scheme="blues"), legend=None),
        tooltip=[alt.Tooltip("opd:N", title="OPD"), alt.Tooltip("label:N", title=i18n.t("tabel.indikator", lang)),
                 alt.Tooltip("teks:N", title=i18n.t("opd.pagu", lang)),
                 alt.Tooltip("kegiatan:Q", title=i18n.t("opd.jumlah_kegiatan", lang))])
    text = alt.Chart(frame).mark_text(fontSize=12).encode(
        x=x, y=y, text="teks:N",
        color=alt.condition(f"datum.pagu > {float(frame['pagu'].max()) * 0.55 if len(frame) else 0}",
                            alt.value("white"), alt.value(INK)))
    chart = alt.layer(rect, text).properties(height=alt.Step(38), width="container")
    return finish(chart, title=title, source=source, lang=lang)


SIGNAL_COLOURS = {"sesuai": "#1a5e8a", "tertinggal": "#e0762b", "mendahului": "#a63a14"}


def opd_realisation(frame: pd.DataFrame, *, title: str, source: str, lang: str) -> alt.LayerChart:
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
    from sanitasi.ppsp import LAG

    rule = (alt.Chart(pd.DataFrame({"x": [LAG]}), name="batas_tertinggal")
            .mark_rule(strokeDash=[4, 3], color=MUTED).encode(x="x:Q"))
    chart = alt.layer(bars, ticks, rule).properties(height=alt.Step(42), width="container")
    return finish(chart, title=title, source=[t("opd.legenda_tik", lang), source], lang=lang)

