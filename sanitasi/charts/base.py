"""Every chart of the dashboard, built from tidy frames made by `sanitasi.views`; each returns an `alt.Chart`.

One theme is registered here (fonts, sizes, colours); builders only add what is specific to them.
Every chart carries its title and, as subtitle, its source and data version. Numbers inside charts
follow the Indonesian locale (decimal comma, thousands dot) through Vega's `config.locale`.
"""

from __future__ import annotations

import copy
import functools
import itertools
import json
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import altair as alt

from sanitasi import fmt, i18n, indicators
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


MAP_LABELS = "nama_kecamatan"  # layer name; presentation mode leaves these labels at their size (small polygons)
ODF_COLOURS = {"terverifikasi": "#1a5e8a", "deklarasi": "#8fb8d8", "belum": "#e3e5e8"}
# comparison lines on a trajectory (other district series, Indonesia, the province): quieter than the series
COMPARE_COLOURS = ["#7a7f87", "#9b7bb8", "#b8860b", "#5e9c76"]
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


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a '#rrggbb' colour."""
    rgb = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two '#rrggbb' colours (1 to 21)."""
    x, y = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (x + 0.05) / (y + 0.05)


MIN_CONTRAST = 4.5  # WCAG AA for text


def blend(stops: Sequence[tuple[float, str]], x: float) -> str:
    """The colour at `x` on a ramp of (position, '#rrggbb') stops in rising order, mixed in RGB between the two stops
    around it and held at the ends: a continuous scale's colour worked out here, for a table or a label to match the
    chart drawn with the same stops (Vega-Lite's scale with `interpolate="rgb"`)."""
    if not stops:
        raise ValueError("a ramp needs at least one stop")
    if x <= stops[0][0]:
        return stops[0][1]
    for (a, ca), (b, cb) in itertools.pairwise(stops):
        if x <= b:
            w = (x - a) / (b - a) if b > a else 1.0
            mixed = [round(int(ca[i:i + 2], 16) * (1 - w) + int(cb[i:i + 2], 16) * w) for i in (1, 3, 5)]
            return "#" + "".join(f"{c:02x}" for c in mixed)
    return stops[-1][1]


def ink_on(fill: str) -> str:
    """The text colour for a label on `fill`: the house ink where it reaches 4.5:1, else black or white, whichever
    contrasts more (on the palettes' middle tones the house ink reaches about 3.6:1, black 5:1)."""
    if contrast(INK, fill) >= MIN_CONTRAST:
        return INK
    return max(("#000000", "#ffffff"), key=lambda c: contrast(c, fill))


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
    title = _title(tuple(judul), tuple(sumber), scale, width_px)
    part = (spec.get("usermeta") or {}).get("judul_data")
    if part is None or width_px is not None:
        return {**spec, "title": {**spec["title"], **title}}
    # on screen: the title reads its changing part from the data, and the lines as written (which hold that part)
    # are left out, so the spec is the same whatever the data (only the data are replaced when they change)
    out = {**spec, "title": {**spec["title"], **title, "text": _text_from_data(title["text"], part)}}
    del out["usermeta"]
    return out


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


def finish(chart: Any, *, title: str, source: str | list[str], lang: str,
           title_data: TitleData | None = None, renderer: str | None = None) -> Any:
    """Title, source line, padding and number locale: the last step of every builder.

    Padding is set on the chart itself: Streamlit's renderer ignores `config.padding`, and without it
    the first pixels of a layered chart's title are cut off. The title and source lines as written are
    also kept in `usermeta`, for `fit_title` to break them to the width they are drawn at. `title_data`: the
    part of the title that changes with the chart's data (see `TitleData`). `renderer`: 'canvas' to have the
    browser draw the chart on a canvas instead of in SVG (Streamlit reads `usermeta.embedOptions`).
    """
    sumber = [source] if isinstance(source, str) else list(source)
    meta: dict[str, Any] = {"judul": [title], "sumber": sumber}
    if title_data is not None and title_data.teks and title_data.teks in title:
        meta["judul_data"] = {"data": title_data.data, "kolom": title_data.kolom, "teks": title_data.teks}
    if renderer is not None:
        meta["embedOptions"] = {"renderer": renderer}
    return (chart.properties(title=alt.TitleParams(text=title, subtitle=sumber), padding=PADDING, usermeta=meta)
            .configure(locale=LOCALES[lang]))


@dataclass(frozen=True)
class TitleData:
    """The part of a chart's title that changes with its data (a map's year): `teks` as written in the title, and
    the named data set and column (`data`, `kolom`) whose first row carries it.

    On screen the title reads that part from the data (`fit_title`), so the chart's spec is the same from one year
    to the next and Streamlit only replaces the chart's data instead of building the chart anew: a year step on
    Peta redrew the whole map (Vega-Lite compiled, Vega parsed, every shape projected and drawn)."""

    data: str
    kolom: str
    teks: str


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')  # a string literal in JSON (and in a Vega expression made of it)


def _text_from_data(text: str | list[str] | dict, part: dict) -> dict:
    """A title's text (lines, or an expression choosing among breakings) as an expression in which `part["teks"]`,
    wherever it stands in a line, is read from the first row of `part["data"]`. Only string literals are touched:
    the widths the breakings are chosen by stay numbers."""
    expr = text["expr"] if isinstance(text, dict) else json.dumps(text, ensure_ascii=False)
    name, column = json.dumps(part["data"]), json.dumps(part["kolom"])
    read = f"(length(data({name})) ? '' + data({name})[0][{column}] : '')"  # nothing of the year in the spec
    literal = json.dumps(part["teks"], ensure_ascii=False)[1:-1]
    return {"expr": _STRING.sub(lambda m: m.group(0).replace(literal, f'" + {read} + "'), expr)}


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


def _value_text(v: float, lang: str, indikator: str | None, decimals: int = 1) -> str:
    if indikator is None:
        return _pct_text(v, lang, decimals)
    return indicators.get(indikator).teks(v, lang, decimals)


def _pct_text(v: float, lang: str, decimals: int = 1) -> str:
    return fmt.pct(v, decimals, lang)


FONT_KEYS = ("fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize")
# Lengths that must grow with the type, or larger labels collide: chart and cell sizes, bar and band steps, label
# offsets and limits, tick lengths, line widths
LENGTH_KEYS = ("height", "width", "step", "dx", "dy", "labelLimit", "titleLimit", "labelPadding", "thickness",
               "strokeWidth", "offset", "cornerRadius", "spacing", "padding")
AREA_MARKS = ("point", "circle", "square")  # their `size` is an area


PRESENTATION_SCALE = 1.35


def _scale_widths(expr: dict | str, factor: float) -> dict | str:
    """`bottom_legend`'s expressions compare the room with the pixels its labels need: they need more when larger."""
    def grow(text: str) -> str:
        return re.sub(r"(>=|<) (\d+)", lambda m: f"{m.group(1)} {round(int(m.group(2)) * factor)}", text)
    if isinstance(expr, dict):
        return {**expr, "expr": grow(expr["expr"])} if isinstance(expr.get("expr"), str) else expr
    return grow(expr)


def scale_spec(spec: dict, factor: float) -> dict:
    """A copy of a chart spec drawn `factor` times larger: the back of the room must read the labels.

    Fonts and every length that goes with them grow together (chart and cell sizes, bar steps, label offsets and
    limits, tick sizes), so a chart in presentation mode is the same picture, larger: with only the fonts larger,
    labels collide and bars are thinner than their labels. Builders set some sizes on marks (map names) and some in
    the theme; the theme's are written into the spec's config first so both grow. Symbol and point sizes are areas:
    they grow with the square of the factor. Map names keep their size (small polygons).
    """
    out = copy.deepcopy(spec)
    config = out.setdefault("config", {})
    for part, values in theme()["config"].items():
        if isinstance(values, dict):
            merged = {**values, **config.get(part, {})}
            config[part] = merged

    def grow(key: str, value: float, area: bool) -> float:
        if key in FONT_KEYS:
            return round(value * factor, 1)
        if key == "symbolSize" or (key == "size" and area):
            return round(value * factor * factor)
        return round(value * factor, 1)

    def walk(node, area: bool = False):
        if isinstance(node, dict):
            if str(node.get("name", "")).startswith(MAP_LABELS):
                return
            area = area or node.get("type") in AREA_MARKS
            for k, v in node.items():
                if k in ("columns", "labelExpr") and isinstance(v, dict | str):
                    node[k] = _scale_widths(v, factor)  # a legend's columns chosen by the room its labels need
                elif k == "calculate" and isinstance(v, str):  # labels thinned by the room each band has
                    node[k] = re.sub(r"(width / \d+ >= )(\d+)",
                                     lambda m: f"{m.group(1)}{round(int(m.group(2)) * factor)}", v)
                elif isinstance(v, bool) or not isinstance(v, int | float):
                    walk(v, k == "point" or (area and k == "mark"))
                elif k in FONT_KEYS or k in LENGTH_KEYS or k in ("symbolSize", "size"):
                    node[k] = grow(k, v, area or k == "symbolSize")
        elif isinstance(node, list):
            for item in node:
                walk(item, area)

    for key, value in out.items():
        if key in ("datasets", "data", "usermeta"):
            continue
        if key in ("height", "width") and isinstance(value, int | float) and not isinstance(value, bool):
            out[key] = round(value * factor)
        elif key == "padding":
            continue  # the chart's own padding keeps the title's first pixels; it need not grow
        else:
            walk(value)
    return out


def odf_scale(lang: str) -> alt.Scale:
    """The three ODF statuses in their fixed colours, labelled in the chosen language."""
    return alt.Scale(domain=[i18n.t(f"stbm.{s}", lang) for s in ODF_COLOURS], range=list(ODF_COLOURS.values()))
