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
from sanitasi.load import Dataset


@dataclass(frozen=True)
class Table:
    """A table to show: `frame` keeps numbers as numbers (so columns sort), `styler` shows them formatted, `sumber`
    the source line under it (empty: the result that holds it gives one). `batang`, for a static table: a column
    drawn with a bar behind each figure, as (heading, each row's length from 0 to 1, None for no bar)."""

    frame: pd.DataFrame
    styler: object
    sumber: str = ""
    batang: tuple[str, tuple[float | None, ...]] | None = None


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


def html_table(frame: pd.DataFrame, bar: tuple[str, tuple[float | None, ...]] | None = None) -> str:
    """A static table as HTML for reading (not sorting): every cell escaped (imported names are data, never
    markup), long texts wrapping, the first column naming the row, and a column of figures aligned right with its
    heading, so the digits line up (a column is one of figures when most of its filled cells are). Drawn as one
    HTML block it costs the browser a fraction of Streamlit's own static table (about 5 ms against 35-60 ms).

    `bar`: (heading, a length from 0 to 1 per row or None) draws that column's figures over a bar, as a spreadsheet's
    data bars do, so the ranking reads at a glance without a chart beside the table."""

    def text(value: Any) -> str:
        return "" if value is None or (isinstance(value, float) and value != value) else str(value)

    cells = [[text(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    right = [False] + [_figures([row[j] for row in cells]) for j in range(1, len(frame.columns))]

    at = list(frame.columns).index(bar[0]) if bar is not None else -1
    if bar is not None and len(bar[1]) != len(frame):
        raise ValueError(f"{len(bar[1])} bar lengths for {len(frame)} rows")

    def cell(tag: str, value: str, j: int, scope: str = "", length: float | None = None) -> str:
        drawn = length is not None and length == length  # a bar for a number, none for None or NaN
        classes = " ".join(c for c, on in (("n", right[j]), ("batang", drawn)) if on)
        attrs = (f" scope='{scope}'" if scope else "") + (f" class='{classes}'" if classes else "")
        if drawn:  # the bar's length is ours (a number), never a cell's text
            attrs += f" style='--batang:{100 * min(max(float(length), 0.0), 1.0):.1f}%'"
        return f"<{tag}{attrs}>{html.escape(value)}</{tag}>"

    def row_html(i: int, row: list[str]) -> str:
        tds = "".join(cell("td", v, j, length=bar[1][i] if j == at and bar is not None else None)
                      for j, v in enumerate(row[1:], 1))
        return "<tr>" + cell("th", row[0], 0, "row") + tds + "</tr>"

    head = "".join(cell("th", text(c), j, "col") for j, c in enumerate(frame.columns))
    rows = "".join(row_html(i, row) for i, row in enumerate(cells))
    return f"<div class='tabel'><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"


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
