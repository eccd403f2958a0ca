"""Export for slides and print: chart PNG/SVG, the clinic deck (.pptx) and an A3 map (PDF), all offline.

Charts are rendered on the server by vl-convert from the same Vega-Lite spec the screen shows, so a
picture is the screen's picture and needs no browser. The deck is built with python-pptx from the
Paparan sequence: real text boxes and tables (editable in PowerPoint or LibreOffice), charts as
pictures. Every picture carries its title, source, data version and date inside it.
"""

from __future__ import annotations

import copy
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import altair as alt
import pandas as pd
import shapely
import vl_convert as vlc
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt
from shapely.geometry import shape

from sanitasi import NAMA_KABUPATEN, charts, fmt, i18n, indicators, maps
from sanitasi.analysis import Analysis
from sanitasi.documents import final_target

PNG_SCALE = 2  # 2x for slides
INK = RGBColor(0x26, 0x27, 0x30)
MUTED = RGBColor(0x5F, 0x63, 0x68)
ACCENT = RGBColor(0x1F, 0x4E, 0x79)


def static_spec(chart: Any, width: int = charts.FILE_WIDTH, height: int | None = None) -> dict:
    """The chart's spec with a fixed size (the screen uses the container's width, a file cannot)."""
    spec = copy.deepcopy(chart.to_dict())
    if spec.get("width") == "container" or "width" not in spec and "facet" not in spec:
        spec["width"] = width
    for layer in spec.get("layer", []):
        if layer.get("width") == "container":
            layer["width"] = width
    if height is not None and "facet" not in spec:
        spec["height"] = height
    spec.setdefault("background", "white")
    return charts.fit_title(spec, width_px=spec["width"] if isinstance(spec.get("width"), int | float) else width)


def png(chart: Any, width: int = charts.FILE_WIDTH, height: int | None = None, scale: float = PNG_SCALE) -> bytes:
    return vlc.vegalite_to_png(static_spec(chart, width, height), scale=scale)


def svg(chart: Any, width: int = charts.FILE_WIDTH, height: int | None = None) -> str:
    return vlc.vegalite_to_svg(static_spec(chart, width, height))


# ------------------------------------------------------------------------------------- A3 map
A3_WIDTH, A3_HEIGHT = 1190, 842  # points: A3 landscape is 420 x 297 mm
EARTH_KM = 6371.0


def scale_bar_km(features: list[dict], width: int, height: int) -> tuple[float, float]:
    """(kilometres, pixels) for a round-number scale bar on a Mercator map fitted to width x height.

    Vega fits the projection to the features: pixels per radian k = min(W/dx, H/dy) in Mercator units;
    one km east at latitude phi is 1/(R cos phi) radians, so it is k/(R cos phi) pixels.
    """
    geoms = [shape(f["geometry"]) for f in features]
    x0, y0, x1, y1 = shapely.total_bounds(geoms)
    lam0, lam1 = math.radians(x0), math.radians(x1)
    phi0, phi1 = math.radians(y0), math.radians(y1)

    def merc(phi: float) -> float:
        return math.log(math.tan(math.pi / 4 + phi / 2))

    k = min(width / (lam1 - lam0), height / (merc(phi1) - merc(phi0)))
    px_per_km = k / (EARTH_KM * math.cos((phi0 + phi1) / 2))
    target = width / 5 / px_per_km
    nice = min((1, 2, 5, 10, 20, 25, 50, 100, 200), key=lambda v: abs(v - target))
    return float(nice), nice * px_per_km


def map_a3(an: Analysis, indikator: str, dokumen: str, lang: str, source: str) -> bytes:
    """A printable A3 landscape PDF of the map: legend, names, north arrow, scale bar, source, date.

    The page is padded to exactly A3 (1191 x 842 points) after a first rendering measures the map.
    """
    spec = map_a3_spec(an, indikator, dokumen, lang, source)
    first = vlc.vegalite_to_pdf(spec)
    w, h = _media_box(first)
    dw, dh = max(0.0, A3_WIDTH - w), max(0.0, A3_HEIGHT - h)
    pad = spec["padding"]
    spec["padding"] = {"left": pad["left"] + dw / 2, "right": pad["right"] + dw - dw / 2,
                       "top": pad["top"] + dh / 2, "bottom": pad["bottom"] + dh - dh / 2}
    return vlc.vegalite_to_pdf(spec)


def _media_box(pdf: bytes) -> tuple[float, float]:
    found = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    if not found:
        return float(A3_WIDTH), float(A3_HEIGHT)
    x0, y0, x1, y1 = (float(v) for v in found.groups())
    return x1 - x0, y1 - y0


def map_a3_spec(an: Analysis, indikator: str, dokumen: str, lang: str, source: str) -> dict:
    """The Vega-Lite spec of the A3 map (also rendered as PNG for a preview): the map with its legend, names, north
    arrow and scale bar, and beside it every kecamatan's value ranked against the target, under one title with the
    source, the data version and the day it was printed. The two fill the sheet (the map alone left half of it
    empty and showed no value)."""
    t = i18n.t
    vals = maps.map_values(an, indikator, dokumen, lang)
    features = maps.map_features(an, vals)
    labels = maps.map_labels(an)
    ind_label = indicators.get(indikator).label(lang)
    title = t("peta.judul_grafik", lang, indikator=ind_label, tahun=an.tahun) + " — " + NAMA_KABUPATEN
    # the boundaries' source line follows these (charts.choropleth adds it from the features)
    notes = [source, t("ekspor.dicetak", lang, tanggal=fmt.date(date.today(), lang), dokumen=dokumen)]
    plot_w, plot_h = 620, 620  # the map; the ranking beside it: with title, notes and padding about A3 landscape
    base = charts.choropleth(features, labels, mode="nilai", indikator=indikator,
                             class_labels=maps.class_labels(indikator, lang), selected=None, title=title,
                             source=notes, lang=lang, height=plot_h)
    km, px = scale_bar_km(features, plot_w, plot_h)
    spec = static_spec(base, plot_w, plot_h)
    bar_y = plot_h - 20
    extra = [
        alt.Chart(pd.DataFrame({"t": ["▲\n" + t("ekspor.utara", lang)]})).mark_text(
            fontSize=24, fontWeight="bold", color="#262730", lineBreak="\n").encode(
            x=alt.value(plot_w - 30), y=alt.value(40), text="t:N").to_dict(),
        alt.Chart(pd.DataFrame({"x": [20.0], "x2": [20.0 + px]})).mark_rule(strokeWidth=6, color="#262730")
        .encode(x=alt.X("x:Q", scale=None), x2="x2", y=alt.value(bar_y)).to_dict(),
        alt.Chart(pd.DataFrame({"t": [t("ekspor.skala", lang, km=int(km))]})).mark_text(
            align="left", fontSize=14, color="#262730").encode(x=alt.value(20), y=alt.value(bar_y - 16), text="t:N")
        .to_dict(),
    ]
    for layer in extra:
        for key in ("$schema", "config", "width", "height"):
            layer.pop(key, None)
        if "datasets" in layer:
            spec.setdefault("datasets", {}).update(layer.pop("datasets"))
    spec["layer"] = spec["layer"] + extra
    spec = _beside(spec, _ranking_spec(an, vals, indikator, dokumen, lang, plot_h))
    spec["config"] = {**spec.get("config", {}), "title": {"fontSize": 24, "subtitleFontSize": 14, "anchor": "start"},
                      "legend": {"labelFontSize": 15, "titleFontSize": 15},
                      "axis": {"labelFontSize": 14, "titleFontSize": 14}, "text": {"fontSize": 14}}
    spec["padding"] = {"top": 30, "left": 40, "right": 40, "bottom": 30}
    return spec


def _ranking_spec(an: Analysis, vals: pd.DataFrame, indikator: str, dokumen: str, lang: str, height: int) -> dict:
    """The kecamatan ranked by value, coloured as on the map, with the target line: the values the map shows."""
    t = i18n.t
    tgt = final_target(an, dokumen, indikator)
    target_label = (t("peta.garis_target", lang, nilai=fmt.number(tgt[1], 0, lang), tahun=tgt[0]) if tgt else
                    t("kartu.tanpa_target_dokumen", lang, dokumen=dokumen,
                      indikator=indicators.get(indikator).kata(lang)))
    bars = charts.ranked_bars(maps.ranked(vals, indikator), mode="nilai", indikator=indikator,
                              class_labels=maps.class_labels(indikator, lang), target=tgt[1] if tgt else None,
                              target_label=target_label, selected=None, title=t("peta.peringkat_judul", lang),
                              source="", lang=lang)
    return static_spec(bars, 260, height)


def _beside(left: dict, right: dict) -> dict:
    """Two finished specs side by side under the left one's title, with one set of data and config."""
    out = {k: v for k, v in left.items() if k in ("$schema", "title", "config", "background", "usermeta")}
    datasets = {**left.get("datasets", {}), **right.get("datasets", {})}
    parts = []
    for i, part in enumerate((left, right)):
        inner = {k: v for k, v in part.items()
                 if k not in ("$schema", "config", "datasets", "background", "usermeta", "padding")}
        if i == 1:  # the ranking keeps a heading of its own, without the source lines the whole sheet carries
            inner["title"] = {"text": part["title"]["text"], "anchor": "start", "fontSize": 18}
        else:
            inner.pop("title", None)
        parts.append(inner)
    return {**out, "datasets": datasets, "hconcat": parts, "spacing": 40}


# ------------------------------------------------------------------------------------- the deck
SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)  # 16:9


def _text(slide: Any, left: Emu, top: Emu, width: Emu, height: Emu, lines: list[str], size: int,
          bold: bool = False, colour: RGBColor = INK, bullets: bool = False) -> None:
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        p.text = ("• " if bullets else "") + line
        p.font.size = Pt(size)
        p.font.bold = bold
        p.font.color.rgb = colour
        p.space_after = Pt(6)


def _table(slide: Any, frame: pd.DataFrame, left: Emu, top: Emu, width: Emu, max_rows: int = 14) -> None:
    """A table below the message; every kecamatan with the district (and district-wide work) fits: past 10 rows
    the rows are lower and the text smaller."""
    rows = frame.head(max_rows)
    dense = len(rows) > 10
    size = Pt(11 if dense else 12)
    shape = slide.shapes.add_table(len(rows) + 1, len(rows.columns), left, top, width,
                                   Inches(0.3 if dense else 0.35) * (len(rows) + 1))
    table = shape.table
    for j, col in enumerate(rows.columns):
        cell = table.cell(0, j)
        cell.text = str(col)
        cell.text_frame.paragraphs[0].font.size = size
        cell.text_frame.paragraphs[0].font.bold = True
    for i, (_, r) in enumerate(rows.iterrows(), start=1):
        for j, v in enumerate(r):
            cell = table.cell(i, j)
            cell.text = "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)
            cell.text_frame.paragraphs[0].font.size = size


@dataclass(frozen=True)
class Cover:
    """The title slide: the document judged, the reference year, the data version and whether it is illustrative."""

    dokumen: str
    tahun: int
    versi: str
    ilustratif: bool
    lang: str = "id"


@dataclass(frozen=True, eq=False)
class Page:
    """One slide as the deck draws it: title, message, points or a table, a chart (an Altair chart), the source
    line and a note."""

    judul: str
    pesan: str
    poin: tuple[str, ...] = ()
    chart: Any = None
    tabel: pd.DataFrame | None = None
    sumber: str = ""
    catatan: str = ""


def methods_points(lang: str = "id") -> list[str]:
    """The methods slide of the deck: definitions, formula, thresholds, sources."""
    t = i18n.t
    return [t("paparan.m_tangga", lang), t("paparan.m_status", lang), t("paparan.m_kebutuhan", lang),
            t("paparan.m_sumber", lang)]


def plain(markdown: str, keep: Iterable[str] = ()) -> str:
    """Markdown emphasis removed, for slide text boxes; the texts in `keep` (imported names, which may hold
    asterisks of their own) stay as typed."""
    kept = [k for k in sorted(set(keep), key=len, reverse=True) if "*" in k and k in markdown]
    if not kept:
        return markdown.replace("*", "")
    parts = re.split("(" + "|".join(map(re.escape, kept)) + ")", markdown)
    return "".join(p if i % 2 else p.replace("*", "") for i, p in enumerate(parts))


def build_deck(slides: list[Page], cover: Cover) -> bytes:
    """The clinic deck: title slide, the Paparan sequence, then methods and sources. Text stays editable."""
    t = i18n.t
    lang = cover.lang
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    blank = prs.slide_layouts[6]
    margin = Inches(0.5)
    inner = SLIDE_W - 2 * margin

    first = prs.slides.add_slide(blank)
    _text(first, margin, Inches(2.0), inner, Inches(1.2), [t("ekspor.judul_dek", lang)], 36, True, ACCENT)
    _text(first, margin, Inches(3.2), inner, Inches(2.5), [
        NAMA_KABUPATEN,
        t("ekspor.sub_dek", lang, dokumen=cover.dokumen, tahun=cover.tahun),
        t("ekspor.tanggal_dek", lang, tanggal=fmt.date(date.today(), cover.lang), versi=cover.versi),
        *([t("ekspor.ilustratif_dek", lang)] if cover.ilustratif else []),
    ], 20, False, INK)

    for number, s in enumerate(slides, start=1):
        slide = prs.slides.add_slide(blank)
        _text(slide, margin, Inches(0.3), inner, Inches(0.8), [s.judul], 28, True, ACCENT)
        _text(slide, margin, Inches(1.05), inner, Inches(0.9), [plain(s.pesan)], 17, False, INK)
        has_picture = s.chart is not None
        left_w = Inches(4.6) if has_picture else inner
        top = Inches(2.0)
        if s.tabel is not None and len(s.tabel):
            _table(slide, s.tabel, margin, top, left_w if has_picture else inner)
        elif s.poin or s.catatan:
            lines = [plain(p) for p in s.poin] + ([plain(s.catatan)] if s.catatan else [])
            _text(slide, margin, top, left_w, Inches(4.8), lines, 15, False, INK, bullets=True)
        if has_picture:
            picture = png(s.chart, width=720, height=None)
            slide.shapes.add_picture(io.BytesIO(picture), margin + left_w + Inches(0.2), top,
                                     width=inner - left_w - Inches(0.2))
        _text(slide, margin, SLIDE_H - Inches(0.5), inner, Inches(0.4),
              [f"{s.sumber} · {number + 1}"], 10, False, MUTED)

    methods = prs.slides.add_slide(blank)
    _text(methods, margin, Inches(0.3), inner, Inches(0.8), [t("ekspor.metode_judul", lang)], 28, True, ACCENT)
    _text(methods, margin, Inches(1.2), inner, Inches(5.5), methods_points(lang), 15, False, INK, bullets=True)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
