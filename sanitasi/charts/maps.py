"""Maps: the kecamatan choropleth, the equal-tile map, the ranking beside them, and the village ODF map.

The two maps drawn from boundaries add the boundaries' source line under the data's (`geo.credit_of`).
"""

from __future__ import annotations

import math
from typing import Any

import altair as alt
import pandas as pd

from sanitasi import geo, i18n, indicators
from sanitasi.charts.base import (
    INK,
    MAP_LABELS,
    NO_DATA,
    _pct_axis,
    _unit,
    blend,
    class_scale,
    finish,
    ink_on,
    odf_scale,
    status_scale,
)

# The gap's colours, orange short of the target to blue past it, clamped at 25 points either way (as Vega's
# "blueorange" scheme, reversed): the map draws them mixed in RGB between these stops, and `map_fills` mixes them the
# same way, so a tile's label and the ranking's bars take the very colour the map shows
GAP_STOPS = ((-25, "#b54e00"), (-12, "#f0a35b"), (0, "#f1f1f1"), (12, "#6a9fcf"), (25, "#134b85"))


def _map_colour(mode: str, indikator: str, lang: str, class_labels: list[str], prefix: str = "",
                legend: bool = True, orient: str = "bottom") -> alt.Color:
    """The colour encoding shared by the map, the tile map and the ranked bars (so colours agree)."""
    t = i18n.t
    if mode == "selisih":
        # the gap is signed by the indicator's direction: + meets the target (less open defecation is +)
        ind = indicators.get(indikator)
        unit = t("nilai.poin", lang) if ind.persen else ind.satuan(lang)
        return alt.Color(f"{prefix}selisih:Q", title=t("peta.legenda_selisih", lang, satuan=unit),
                         scale=alt.Scale(domain=[g for g, _ in GAP_STOPS], range=[c for _, c in GAP_STOPS],
                                         interpolate="rgb", clamp=True),
                         legend=alt.Legend(orient=orient, gradientLength=200, format="+d") if legend else None)
    if mode == "status":
        return alt.Color(f"{prefix}status_teks:N", title=t("peta.legenda_status", lang), scale=status_scale(lang),
                         legend=alt.Legend(orient=orient, columns=1 if orient != "bottom" else 2) if legend else None)
    ind = indicators.get(indikator)  # the legend's unit is the classes' own: hectares of standing water are not %
    return alt.Color(f"{prefix}kelas:O", title=f"{ind.label(lang)} ({'%' if ind.persen else ind.satuan(lang)})",
                     scale=class_scale(indikator, class_labels), sort=class_labels,
                     legend=alt.Legend(orient=orient, direction="vertical" if orient != "bottom" else "horizontal")
                     if legend else None)


def _tooltips(prefix: str, lang: str, indikator: str) -> list[alt.Tooltip]:
    t = i18n.t
    # households (or villages) short exist only for a share; hectares of standing water have none
    short = [alt.Tooltip(f"{prefix}kk_teks:N", title=t(f"grafik.kk_tanpa_{indikator}", lang))
             ] if indicators.get(indikator).persen else []
    return [alt.Tooltip(f"{prefix}nama:N", title=t("grafik.kecamatan", lang)),
            alt.Tooltip(f"{prefix}nilai_teks:N", title=t("grafik.nilai", lang)),
            alt.Tooltip(f"{prefix}target_teks:N", title=t("grafik.target", lang)),
            alt.Tooltip(f"{prefix}selisih_teks:N", title=t("grafik.selisih", lang)),
            *short,
            alt.Tooltip(f"{prefix}status_lengkap:N", title=t("grafik.status", lang)),
            alt.Tooltip(f"{prefix}dinilai_teks:N", title=t("grafik.dinilai", lang)),
            alt.Tooltip(f"{prefix}catatan:N", title=t("grafik.catatan", lang))]


SELECT_PARAM = "pilih_kecamatan"


def _with_credit(source: str | list[str], features: list[dict], lang: str) -> list[str]:
    """The map's source lines and, last, where its boundaries come from (when the features say)."""
    lines = [source] if isinstance(source, str) else list(source)
    credit = geo.credit_of(features, lang)
    return [*lines, credit] if credit and credit not in lines else lines




# Names are written on the map up to this many areas. A province's 150 kecamatan would be a heap of text
# (tooltips name them), and Altair refuses a label table of more than 5,000 rows (a country's 7,300).
MAP_LABEL_LIMIT = 40
# From this many areas (a country's kecamatan) the map is drawn flat: coordinates projected on the server
# (`geo.planar`) and an identity projection in the browser, with hairline borders.
LARGE_MAP = 1000


def choropleth(features: list[dict], labels: pd.DataFrame, *, mode: str, indikator: str, class_labels: list[str],
               selected: str | None, title: str, source: str, lang: str, height: int = 470) -> alt.LayerChart:
    """Kecamatan coloured by value class, gap to target, or status; names on the map; click selects.

    Names are drawn only for maps of up to `MAP_LABEL_LIMIT` areas (a district, not a province).
    """
    large = len(features) > LARGE_MAP
    if large:
        features = geo.planar(features)
    pick = alt.selection_point(name=SELECT_PARAM, fields=["kode"], on="click", clear=False)
    # the legend sits in the empty top-left corner of the district's shape (north-west of Mantewe)
    colour = _map_colour(mode, indikator, lang, class_labels, prefix="properties.", orient="top-left")
    shapes = (
        alt.Chart(alt.Data(values=features))
        # no per-shape ARIA description on a country map: 7.300 generated labels cost the browser more than
        # the drawing (the tooltip still names each area)
        .mark_geoshape(stroke="white", strokeWidth=0.3 if large else 1.2, **({"aria": False} if large else {}))
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
    projection = {"type": "identity", "reflectY": True} if large else {"type": "mercator"}
    chart = alt.layer(*layers).project(**projection).properties(height=height, width="container")
    return finish(chart, title=title, source=_with_credit(source, features, lang), lang=lang)


def map_fills(values: pd.DataFrame, mode: str, indikator: str, class_labels: list[str], lang: str) -> list[str]:
    """The fill each kecamatan of `values` (map values: a tile, a ranked bar) is drawn in on the map ('#rrggbb'),
    by the map's own scales: class, status, or the gap's stops mixed as the map mixes them."""
    if mode == "status":
        scale = status_scale(lang)
        colours = dict(zip(scale.domain, scale.range, strict=True))
        return [NO_DATA if pd.isna(n) else colours.get(s, NO_DATA)
                for n, s in zip(values["nilai"], values["status_teks"], strict=True)]
    if mode == "selisih":
        return [NO_DATA if pd.isna(g) else blend(GAP_STOPS, float(g)) for g in values["selisih"]]
    scale = class_scale(indikator, class_labels)
    colours = dict(zip(scale.domain, scale.range, strict=False))
    return [NO_DATA if pd.isna(n) else colours.get(k, NO_DATA)
            for n, k in zip(values["nilai"], values["kelas"], strict=True)]


def tile_map(tiles: pd.DataFrame, *, mode: str, indikator: str, class_labels: list[str], selected: str | None,
             title: str, source: str, lang: str, step: int = 92) -> alt.LayerChart:
    """One equal square per kecamatan, placed roughly by geography: small urban kecamatan stay visible.

    `tiles` holds the map values plus `kolom`, `baris` and `label` (name and value on two lines).
    """
    colour = _map_colour(mode, indikator, lang, class_labels)
    # the label's colour is chosen per tile for contrast with its fill (dark tiles get white text)
    tiles = tiles.assign(tinta=[ink_on(f) for f in map_fills(tiles, mode, indikator, class_labels, lang)])
    pick = alt.selection_point(name=SELECT_PARAM, fields=["kode"], on="click", clear=False)
    x = alt.X("kolom:O", axis=None, scale=alt.Scale(paddingInner=0.06))
    y = alt.Y("baris:O", axis=None, scale=alt.Scale(paddingInner=0.06))
    rect = alt.Chart(tiles).mark_rect(cornerRadius=4).encode(
        x=x, y=y, color=alt.condition("datum.nilai == null", alt.value(NO_DATA), colour),
        stroke=alt.condition(f"datum.kode == '{selected or ''}'", alt.value(INK), alt.value("white")),
        strokeWidth=alt.condition(f"datum.kode == '{selected or ''}'", alt.value(3), alt.value(1)),
        tooltip=_tooltips("", lang, indikator)).add_params(pick)
    text = alt.Chart(tiles).mark_text(fontSize=12, fontWeight=600, lineBreak="\n").encode(
        x=x, y=y, text="label:N", color=alt.Color("tinta:N", scale=None, legend=None))
    chart = alt.layer(rect, text).properties(width=alt.Step(step), height=alt.Step(step * 0.8))
    return finish(chart, title=title, source=source, lang=lang)


def ranking_top(values: pd.DataFrame, indikator: str, target: float | None) -> float:
    """Where a ranking's scale ends: the full 0-100 when the values or the target are large (layak); otherwise room
    to see the bars (a share rounded up to 5 points, at least 20; another unit to 10)."""
    peak = max(float(values["nilai"].max()) if values["nilai"].notna().any() else 0.0, target or 0.0)
    if indicators.get(indikator).persen:
        return 100.0 if peak > 50 else float(max(20.0, math.ceil(peak * 1.15 / 5) * 5))
    return float(math.ceil(peak * 1.15 / 10) * 10) or 10.0


def ranked_bars(values: pd.DataFrame, *, mode: str, indikator: str, class_labels: list[str], target: float | None,
                target_label: str, selected: str | None, title: str, source: str, lang: str) -> alt.LayerChart:
    """Kecamatan ranked best first, coloured as on the map (its legend is the map's), target as a dashed rule.

    Values are written in a column right of the bars, so they never sit on the target line.
    """
    order = values["nama"].tolist()
    colour = _map_colour(mode, indikator, lang, class_labels, legend=False)
    y = alt.Y("nama:N", sort=order, axis=alt.Axis(title=None, labelLimit=160, labelFontSize=12))
    ind = indicators.get(indikator)
    top = ranking_top(values, indikator, target)
    x = alt.X("nilai:Q", scale=alt.Scale(domain=[0, top], nice=not ind.persen),
              axis=_pct_axis(None, _unit(indikator, lang), tickCount=4))
    bars = alt.Chart(values).mark_bar(height={"band": 0.72}).encode(
        x=x, y=y, color=alt.condition("datum.nilai == null", alt.value(NO_DATA), colour),
        stroke=alt.condition(f"datum.kode == '{selected or ''}'", alt.value(INK), alt.value(None)),
        strokeWidth=alt.value(2.5), tooltip=_tooltips("", lang, indikator))
    labels = alt.Chart(values).mark_text(align="left", dx=8, fontSize=12, color=INK).encode(
        x=alt.value("width"), y=y, text="nilai_teks:N")
    layers: list[Any] = [bars, labels]
    subtitle = [target_label, source] if target_label else [source]
    if target is not None:
        rule_df = pd.DataFrame({"target": [target]})
        layers.append(alt.Chart(rule_df).mark_rule(color=INK, strokeDash=[6, 4], strokeWidth=2).encode(
            x=alt.X("target:Q", scale=alt.Scale(domain=[0, top], nice=False))))
    chart = alt.layer(*layers).properties(height=max(26 * len(values), 200), width="container")
    return finish(chart, title=title, source=subtitle, lang=lang)


VILLAGE_BORDER = "#9aa0a6"


NO_VILLAGE_DATA = "#ffffff"  # white with a grey border: "belum" is already the light grey of ODF_COLOURS


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
                                              # the sea south-east of the coast is the map's empty corner
                                              legend=alt.Legend(title=t("stbm.legenda_odf", lang),
                                                                orient="bottom-right",
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
    return finish(chart, title=title, source=_with_credit(source, features, lang), lang=lang)
