"""What a view hands to the page besides numbers and texts: tables to show and charts to draw, and the source
line every chart carries."""

from __future__ import annotations

import copy
import dataclasses
import html
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pandas as pd

from sanitasi import fmt, i18n
from sanitasi.charts.base import ink_on
from sanitasi.load import Dataset


@dataclass(frozen=True)
class Bars:
    """A column of a static table drawn with a bar in each row, as a spreadsheet's data bars: `panjang` each row's
    length from 0 to 1 (None: no bar). Without `warna` the bar is a light blue behind the row's figure; with it, each
    row's bar takes its own fill ('#rrggbb', as the map's colours) and the column holds bars alone (its figures stand
    in a column of their own: a dark bar would hide them). `garis`, from 0 to 1: a dark mark down the column there,
    the target."""

    kolom: str
    panjang: tuple[float | None, ...]
    warna: tuple[str, ...] = ()
    garis: float | None = None


@dataclass(frozen=True)
class Table:
    """A table to show: `frame` keeps numbers as numbers (so columns sort), `styler` shows them formatted, `sumber`
    the source line under it (empty: the result that holds it gives one). For a static table: `batang`, a column
    (or several) drawn with bars; `warna`, a background for each cell ('#rrggbb', or None for none), a row of them
    per row, as a heat map's; `pilih`, the row to stand out (the kecamatan chosen)."""

    frame: pd.DataFrame
    styler: object
    sumber: str = ""
    batang: Bars | tuple[Bars, ...] | None = None
    warna: tuple[tuple[str | None, ...], ...] | None = None
    pilih: int | None = None


@dataclass(frozen=True, eq=False)
class Figure:
    """A finished chart and the name its picture downloads under (None: no download menu).

    `spec` is the chart's Vega-Lite spec, made once: a view result is cached and shared by every session, so a
    page rerun only sends it again.
    """

    chart: Any
    name: str | None = None

    @cached_property
    def spec(self) -> dict:
        # every builder's spec is validated in tests/test_charts.py; not again here
        return self.chart.to_dict(validate=False)


# A cell that reads as a figure: a number in either language's style, with a sign, "Rp", a unit or a scale word
# ("Rp4,1 miliar"); aligned right so the digits line up down the column.
_FIGURE = re.compile(r"[+\-−]?\s?(Rp\s?)?[\d.,]+\s?(%|KK|ha|jiwa|desa|x|ribu|juta|miliar|triliun)?")


def html_table(frame: pd.DataFrame, bar: Bars | tuple[Bars, ...] | None = None,
               fills: tuple[tuple[str | None, ...], ...] | None = None, chosen: int | None = None) -> str:
    """A static table as HTML for reading (not sorting): every cell escaped (imported names are data, never
    markup), long texts wrapping, the first column naming the row, and a column of figures aligned right with its
    heading, so the digits line up (a column is one of figures when most of its filled cells are). Drawn as one
    HTML block it costs the browser a fraction of Streamlit's own static table (about 5 ms against 35-60 ms), and
    a fraction of a chart (45-60 ms whatever it holds).

    `bar` draws a column (or several) with bars (`Bars`), so a ranking reads at a glance without a chart;
    `fills` gives cells a background, its text dark or white, whichever reads on it (a heat map's matrix as a table);
    `chosen` outlines one row."""

    def text(value: Any) -> str:
        return "" if value is None or (isinstance(value, float) and value != value) else str(value)

    cells = [[text(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    right = [False] + [_figures([row[j] for row in cells]) for j in range(1, len(frame.columns))]

    columns = list(frame.columns)
    drawn_as = {columns.index(b.kolom): b for b in ((bar,) if isinstance(bar, Bars) else bar or ())}
    for b in drawn_as.values():
        for what, given in (("bar lengths", b.panjang), ("bar colours", b.warna)):
            if given and len(given) != len(frame):
                raise ValueError(f"{len(given)} {what} for {len(frame)} rows")
        if not all(_HEX.fullmatch(c) for c in b.warna):
            raise ValueError("bar colours must be '#rrggbb'")
    if fills and len(fills) != len(frame):
        raise ValueError(f"{len(fills)} rows of cell colours for {len(frame)} rows")
    if fills and any(len(row) != len(columns) for row in fills):
        raise ValueError(f"cell colours for {len(columns)} columns expected in every row")

    def cell(tag: str, value: str, i: int, j: int, scope: str = "") -> str:
        classes, style = ["n"] if right[j] else [], []
        b = drawn_as.get(j) if i >= 0 else None
        if b is not None:
            length = b.panjang[i]
            drawn = length is not None and length == length  # a bar for a number, none for None or NaN
            if drawn:  # the bar's length and colour are ours (a number, a checked colour), never a cell's text
                classes.append("batang")
                style.append(f"--batang:{100 * min(max(float(length), 0.0), 1.0):.1f}%")
            if b.warna:
                classes.append("lajur")
                if drawn:
                    style.append(f"--warna:{b.warna[i]}")
            if b.garis is not None and b.garis == b.garis:
                classes.append("garis")
                style.append(f"--garis:{100 * min(max(b.garis, 0.0), 1.0):.1f}%")
        fill = fills[i][j] if fills and i >= 0 else None
        if fill is not None:
            if not _HEX.fullmatch(fill):
                raise ValueError(f"cell colour {fill!r} is not '#rrggbb'")
            style.append(f"background:{fill};color:{ink_on(fill)}")
        attrs = ((f" scope='{scope}'" if scope else "") + (f" class='{' '.join(classes)}'" if classes else "")
                 + (f" style='{';'.join(style)}'" if style else ""))
        return f"<{tag}{attrs}>{html.escape(value)}</{tag}>"

    def row_html(i: int, row: list[str]) -> str:
        tds = "".join(cell("td", v, i, j) for j, v in enumerate(row[1:], 1))
        return ("<tr class='pilih'>" if i == chosen else "<tr>") + cell("th", row[0], i, 0, "row") + tds + "</tr>"

    head = "".join(cell("th", text(c), -1, j, "col") for j, c in enumerate(frame.columns))
    rows = "".join(row_html(i, row) for i, row in enumerate(cells))
    return f"<div class='tabel'><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"


_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def _figures(column: list[str]) -> bool:
    filled = [v.strip() for v in column if v.strip() not in _BLANK]
    return bool(filled) and 2 * sum(bool(_FIGURE.fullmatch(v)) for v in filled) >= len(filled)


_BLANK = {"", "-", "–", "—"}


def source_line(data: Dataset, *kinds: str, lang: str = "id", names: str = "", illustrative: bool | None = None) -> str:
    """The source line every chart carries, naming its sources (`names`) when the view knows them: ILLUSTRATIVE
    when any row the chart draws on is illustrative (`illustrative`, when the view knows the rows; else when any
    table it draws on, by default the access table, holds illustrative rows)."""
    if illustrative is None:
        illustrative = any(data.illustrative(k) for k in (kinds or ("akses",)))
    when = {"versi": data.versi, "tanggal": fmt.date(data.tanggal, lang)}
    if names:
        key = "grafik.sumber_nama_ilustratif" if illustrative else "grafik.sumber_nama"
        return i18n.t(key, lang, nama=names, **when)
    return i18n.t("grafik.sumber_ilustratif" if illustrative else "grafik.sumber", lang, **when)


def imported_texts(*frames: Any) -> tuple[str, ...]:
    """The texts in these tables (or in every table of a data set) that markdown or HTML could read as markup
    (`fmt.has_markup`): the names, notes and sources an official loaded, which pages must show as typed. Empty for
    ordinary data, so escaping costs nothing there."""
    tables = [t for f in frames for t in (f.tables.values() if isinstance(f, Dataset) else [f])]
    found: dict[str, None] = {}
    for table in tables:
        if not isinstance(table, pd.DataFrame):
            continue
        for column in table.columns:
            if table[column].dtype == object or isinstance(table[column].dtype, pd.StringDtype):
                for value in table[column].dropna().unique():
                    if isinstance(value, str) and fmt.has_markup(value):
                        found[value] = None
    return tuple(sorted(found, key=len, reverse=True))


def inert_result(result: Any, texts: tuple[str, ...]) -> Any:
    """A view result whose every text has the imported `texts` in it escaped (`fmt.inert`), ready for markdown:
    titles, messages, points, captions, source lines, in dataclasses, tuples, lists and dicts. Tables' frames,
    charts, files and callables stay as they are (a table escapes its own cells where it is drawn as markdown; a
    chart and a file show text, not markup)."""
    if not texts:
        return result
    return _inert(result, texts)


def _inert(obj: Any, texts: tuple[str, ...]) -> Any:
    if isinstance(obj, str):
        return fmt.inert(obj, texts)
    if isinstance(obj, Figure | pd.DataFrame | bytes) or callable(obj):
        return obj
    if isinstance(obj, tuple | list):
        items = [_inert(x, texts) for x in obj]
        if all(a is b for a, b in zip(items, obj, strict=True)):
            return obj
        return type(obj)(*items) if hasattr(obj, "_fields") else type(obj)(items)
    if isinstance(obj, dict):
        items = {k: _inert(v, texts) for k, v in obj.items()}
        return obj if all(items[k] is v for k, v in obj.items()) else items
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changed = {f.name: new for f in dataclasses.fields(obj)
                   if (new := _inert(old := getattr(obj, f.name), texts)) is not old}
        if not changed:
            return obj
        out = copy.copy(obj)
        for name, value in changed.items():
            object.__setattr__(out, name, value)
        return out
    return obj
