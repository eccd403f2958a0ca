"""What a view hands to the page besides numbers and texts: tables to show and charts to draw, and the source
line every chart carries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pandas as pd

from sanitasi import fmt, i18n
from sanitasi.load import Dataset


@dataclass(frozen=True)
class Table:
    """A table to show: `frame` keeps numbers as numbers (so columns sort), `styler` shows them formatted, `sumber`
    the source line under it (empty: the result that holds it gives one)."""

    frame: pd.DataFrame
    styler: object
    sumber: str = ""


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
