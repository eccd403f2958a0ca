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
    TitleData,
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
    # the scale's domain orders the classes (a `sort` as well made Vega-Lite rank each area by a formula of its own in
    # the browser, 7.300 times on a country map)
    return alt.Color(f"{prefix}kelas:O", title=f"{ind.label(lang)} ({'%' if ind.persen else ind.satuan(lang)})",
                     scale=class_scale(indikator, class_labels),
                     legend=alt.Legend(orient=orient, direction="vertical" if orient != "bottom" else "horizontal")
                     if legend else None)


def _missing(mode: str, prefix: str = "") -> str:
    """The test for an area drawn in the no-data grey: no value, or (coloured by the gap) no gap, where the document
    sets no target. The marks keep such areas (`invalid=None`): Vega-Lite leaves out a mark whose quantitative
    colour is empty, and the gap map of a document without a target went blank but for the names."""
    field = "selisih" if mode == "selisih" else "nilai"
    return f"datum.{prefix}{field} == null"


def _tooltip_rows(lang: str, indikator: str) -> list[tuple[str, str]]:
    """(map value column, title) of the lines a kecamatan's tooltip shows, in order."""
    t = i18n.t
    # households (or villages) short exist only for a share; hectares of standing water have none
    short = [("kk_teks", t(f"grafik.kk_tanpa_{indikator}", lang))] if indicators.get(indikator).persen else []
    return [("nama", t("grafik.kecamatan", lang)), ("nilai_teks", t("grafik.nilai", lang)),
            ("target_teks", t("grafik.target", lang)), ("selisih_teks", t("grafik.selisih", lang)), *short,
            ("status_lengkap", t("grafik.status", lang)), ("dinilai_teks", t("grafik.dinilai", lang)),
            ("catatan", t("grafik.catatan", lang))]


def _tooltips(prefix: str, lang: str, indikator: str) -> list[alt.Tooltip]:
    return [alt.Tooltip(f"{prefix}{field}:N", title=title) for field, title in _tooltip_rows(lang, indikator)]


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
# ... and drawn on a canvas (Streamlit passes the renderer on from `usermeta.embedOptions`): 7.300 SVG paths took
# the browser 0,1 s more to create and lay out, and the map needs no text of its own per shape
LARGE_MAP_RENDERER = "canvas"
# the large map's tooltip: one object per shape, its titles to its texts (`_large_shapes`)
TOOLTIP_FIELD = "keterangan"


# The map's named data sets: the shapes (GeoJSON, the same every year) and what each kecamatan shows (a table:
# values, colours' classes, tooltips, whether it is the chosen one, the year in the title). Looked up by code, so a
# new year, a click on a kecamatan or a new version of the figures changes the data and not the spec: Streamlit then
# replaces the data in the drawn map instead of building it anew.
MAP_SHAPES = "peta_bentuk"
MAP_VALUES = "peta_nilai"
_TITLE_PART = "judul_isi"  # the values' column carrying the part of the title that changes with them (the year)


def choropleth(features: list[dict], labels: pd.DataFrame, *, mode: str, indikator: str, class_labels: list[str],
               selected: str | None, title: str, source: str, lang: str, height: int = 470,
               title_varies: str | None = None) -> alt.LayerChart:
    """Kecamatan coloured by value class, gap to target, or status; names on the map; click selects.

    `features` carry the values in their properties. Up to `LARGE_MAP` areas the chart keeps the shapes (with their
    code and where they come from) and the values apart (`MAP_SHAPES`, `MAP_VALUES`), and `title_varies`, the part
    of `title` that changes with the values (the year), is read from them on screen (`TitleData`): a new year or
    another kecamatan then changes the data and not the spec. Names are drawn only for maps of up to
    `MAP_LABEL_LIMIT` areas (a district, not a province).
    """
    large = len(features) > LARGE_MAP
    pick = alt.selection_point(name=SELECT_PARAM, fields=["kode"], on="click", clear=False)
    if large:
        features = geo.planar(features)
        layers, datasets = _large_shapes(features, pick, mode, indikator, lang, class_labels, selected)
    else:
        layers, datasets = _shapes(features, pick, mode, indikator, lang, class_labels, selected, title_varies)
    halo = alt.Chart(labels, name=MAP_LABELS).mark_text(
        fontSize=12, fontWeight=600, stroke="white", strokeWidth=3.5, strokeOpacity=0.85, strokeJoin="round",
        lineBreak="\n").encode(longitude="lon:Q", latitude="lat:Q", text="nama:N")
    text = alt.Chart(labels, name=MAP_LABELS + "_teks").mark_text(
        fontSize=12, fontWeight=600, color=INK, lineBreak="\n").encode(
        longitude="lon:Q", latitude="lat:Q", text="nama:N")
    if len(labels) <= MAP_LABEL_LIMIT:
        layers += [halo, text]
    projection = {"type": "identity", "reflectY": True} if large else {"type": "mercator"}
    chart = alt.layer(*layers).project(**projection).properties(height=height, width="container",
                                                                 **({"datasets": datasets} if datasets else {}))
    varies = TitleData(MAP_VALUES, _TITLE_PART, title_varies) if title_varies and not large else None
    return finish(chart, title=title, source=_with_credit(source, features, lang), lang=lang, title_data=varies,
                  renderer=LARGE_MAP_RENDERER if large else None)


def _shapes(features: list[dict], pick: Any, mode: str, indikator: str, lang: str, class_labels: list[str],
            selected: str | None, title_varies: str | None) -> tuple[list[Any], dict]:
    """The shapes and the chosen one's outline, drawn from the shapes (`MAP_SHAPES`: code and source only) with
    what each kecamatan shows looked up by code in a table (`MAP_VALUES`); and those two data sets."""
    kept = ("kode", geo.CREDIT_PROPERTY)
    shapes_only = [{"type": "Feature", "geometry": f["geometry"],
                    "properties": {k: f["properties"][k] for k in kept if k in f["properties"]}} for f in features]
    rows = [{**{k: v for k, v in f["properties"].items() if k != geo.CREDIT_PROPERTY},
             "dipilih": bool(selected) and f["properties"].get("kode") == selected,
             **({_TITLE_PART: title_varies} if title_varies else {})} for f in features]
    fields = sorted({k for row in rows for k in row} - {"kode"})

    def looked_up(*wanted: str) -> alt.LookupData:
        return alt.LookupData(data=alt.NamedData(MAP_VALUES), key="kode", fields=list(wanted or fields))

    # the legend sits in the empty top-left corner of the district's shape (north-west of Mantewe)
    colour = _map_colour(mode, indikator, lang, class_labels, orient="top-left")
    shapes = (alt.Chart(alt.NamedData(MAP_SHAPES)).mark_geoshape(stroke="white", strokeWidth=1.2, invalid=None)
              .transform_calculate(kode="datum.properties.kode")
              .transform_lookup(lookup="kode", from_=looked_up())
              .encode(color=alt.condition(_missing(mode), alt.value(NO_DATA), colour),
                      tooltip=_tooltips("", lang, indikator))
              .add_params(pick))
    chosen = (alt.Chart(alt.NamedData(MAP_SHAPES)).mark_geoshape(fill=None, stroke=INK, strokeWidth=3)
              .transform_calculate(kode="datum.properties.kode")
              .transform_lookup(lookup="kode", from_=looked_up("dipilih"))
              .transform_filter("datum.dipilih"))
    return [shapes, chosen], {MAP_SHAPES: shapes_only, MAP_VALUES: rows}


def _large_shapes(features: list[dict], pick: Any, mode: str, indikator: str, lang: str, class_labels: list[str],
                  selected: str | None) -> tuple[list[Any], dict]:
    """A country's shapes (flat, see `LARGE_MAP`) with the values in the shapes, and the chosen one's outline.

    The browser evaluates each of the map's expressions once per shape, 7.300 times, through Streamlit's expression
    interpreter, and Vega-Lite reads a field nested in a feature's `properties` through a formula of its own per field
    and shape. So each shape carries at its top level (GeoJSON's foreign members) only what the browser reads: its
    code, the colour's field and its tooltip as one object of titles and texts (Vega shows an object as the same
    table of lines the district map's list of fields gives). As one table looked up by code, 7.300 kecamatan's values
    cost the first draw 0,2 s more (1,45-1,56 s against 1,65-1,73 s), so a new year draws this map anew."""
    # the legend under the map: a country has shapes in every corner (Aceh in the top-left one), and a legend on them
    # hides them or is lost among them
    colour = _map_colour(mode, indikator, lang, class_labels)
    lines = _tooltip_rows(lang, indikator)
    read = ("kode", "nilai", {"selisih": "selisih", "status": "status_teks"}.get(mode, "kelas"))

    def lean(feature: dict) -> dict:
        p = feature["properties"]
        return {"type": "Feature", "geometry": feature["geometry"], **{k: p.get(k) for k in read},
                TOOLTIP_FIELD: {title: p.get(field) for field, title in lines}}

    # no per-shape ARIA description: 7.300 generated labels cost the browser more than the drawing (the tooltip
    # still names each area)
    # the tooltip as the mark's expression: as an encoded field Vega-Lite tests each shape's for a list to join
    shapes = (alt.Chart(alt.Data(values=[lean(f) for f in features]))
              .mark_geoshape(stroke="white", strokeWidth=0.3, aria=False, invalid=None,
                             tooltip=alt.ExprRef(f"datum.{TOOLTIP_FIELD}"))
              .encode(color=alt.condition(_missing(mode), alt.value(NO_DATA), colour))
              .add_params(pick))
    chosen = [{"type": "Feature", "geometry": f["geometry"], "kode": selected}
              for f in features if selected and f["properties"].get("kode") == selected]
    outline = [alt.Chart(alt.Data(values=chosen)).mark_geoshape(fill=None, stroke=INK, strokeWidth=3)] if chosen else []
    return [shapes, *outline], {}


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
             title: str, source: str, lang: str, step: int = 92, title_varies: str | None = None) -> alt.LayerChart:
    """One equal square per kecamatan, placed roughly by geography: small urban kecamatan stay visible.

    `tiles` holds the map values plus `kolom`, `baris` and `label` (name and value on two lines). They are the
    named data set `MAP_VALUES`, with the chosen kecamatan and the title's changing part (`title_varies`) as
    columns, so a new year or another kecamatan changes only the data, as on the choropleth.
    """
    colour = _map_colour(mode, indikator, lang, class_labels)
    # the label's colour is chosen per tile for contrast with its fill (dark tiles get white text)
    tiles = tiles.assign(tinta=[ink_on(f) for f in map_fills(tiles, mode, indikator, class_labels, lang)],
                         dipilih=tiles["kode"] == selected if selected else False,
                         **({_TITLE_PART: title_varies} if title_varies else {}))
    rows = tiles.astype(object).where(tiles.notna(), None).to_dict("records")
    pick = alt.selection_point(name=SELECT_PARAM, fields=["kode"], on="click", clear=False)
    x = alt.X("kolom:O", axis=None, scale=alt.Scale(paddingInner=0.06))
    y = alt.Y("baris:O", axis=None, scale=alt.Scale(paddingInner=0.06))
    rect = alt.Chart(alt.NamedData(MAP_VALUES)).mark_rect(cornerRadius=4, invalid=None).encode(
        x=x, y=y, color=alt.condition(_missing(mode), alt.value(NO_DATA), colour),
        stroke=alt.condition("datum.dipilih", alt.value(INK), alt.value("white")),
        strokeWidth=alt.condition("datum.dipilih", alt.value(3), alt.value(1)),
        tooltip=_tooltips("", lang, indikator)).add_params(pick)
    text = alt.Chart(alt.NamedData(MAP_VALUES)).mark_text(fontSize=12, fontWeight=600, lineBreak="\n").encode(
        x=x, y=y, text="label:N", fill=alt.Fill("tinta:N", scale=None, legend=None))
    chart = alt.layer(rect, text).properties(width=alt.Step(step), height=alt.Step(step * 0.8),
                                             datasets={MAP_VALUES: rows})
    varies = TitleData(MAP_VALUES, _TITLE_PART, title_varies) if title_varies else None
    return finish(chart, title=title, source=source, lang=lang, title_data=varies)


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
    bars = alt.Chart(values).mark_bar(height={"band": 0.72}, invalid=None).encode(
        x=x, y=y, color=alt.condition(_missing(mode), alt.value(NO_DATA), colour),
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
