"""Each chart the pages draw, from the analysis and a few plain arguments: views (the numbers) + charts (the
picture) in one call, so the UI can cache a finished chart by its arguments and a page rerun costs almost
nothing. Pure: no streamlit here.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from sanitasi import charts, ppsp, targets, views
from sanitasi.views import KABUPATEN, Analysis


def ladder_district(an: Analysis, lang: str, title: str, source: str) -> Any:
    return charts.ladder(views.ladder(an.kab, lang), title=title, source=source, lang=lang)


def ladder_kecamatan(an: Analysis, kode: str, lang: str, title: str, source: str) -> Any:
    return charts.ladder(views.ladder(views.kecamatan_rows(an, kode), lang), title=title, source=source, lang=lang)


def compare_district(an: Analysis, kode: str, lang: str, title: str, source: str) -> Any:
    return charts.compare(views.compare_with_district(an, kode, lang), title=title, source=source, lang=lang)


def area_map(an: Analysis, indikator: str, dokumen: str, mode: str, view: str, selected: str | None, lang: str,
             title: str, source: str, height: int = 470) -> Any:
    """The choropleth (view 'wilayah') or the equal-tile map (view 'petak') of one indicator."""
    values = views.map_values(an, indikator, dokumen, lang)
    labels = views.class_labels(indikator, lang)
    if view == "petak":
        return charts.tile_map(views.tiles(an, values), mode=mode, indikator=indikator, class_labels=labels,
                               selected=selected, title=title, source=source, lang=lang)
    return charts.choropleth(views.map_features(an, values), views.map_labels(an), mode=mode, indikator=indikator,
                             class_labels=labels, selected=selected, title=title, source=source, lang=lang,
                             height=height)


def ranking(an: Analysis, indikator: str, dokumen: str, mode: str, selected: str | None, lang: str, title: str,
            target_label: str, source: str) -> Any:
    values = views.map_values(an, indikator, dokumen, lang)
    tgt = targets.final(an.data.target, dokumen, indikator)
    return charts.ranked_bars(views.ranked(values, indikator), mode=mode, indikator=indikator,
                              class_labels=views.class_labels(indikator, lang), target=tgt[1] if tgt else None,
                              target_label=target_label, selected=selected, title=title, source=source, lang=lang)


def trajectory(an: Analysis, kode: str, indikator: str, dokumen: str, lang: str, basis: str, title: str,
               source: str, height: int = 360) -> Any:
    tr = views.trajectory(an, kode, indikator, dokumen, lang, basis=basis)
    return charts.trajectory(tr.observed, tr.trend, tr.path, tr.target, title=title, source=source, lang=lang,
                             height=height, indikator=indikator)


def all_kecamatan(an: Analysis, indikator: str, dokumen: str, lang: str, basis: str, title: str, source: str) -> Any:
    frame, order = views.small_multiples(an, indikator, dokumen, lang, basis=basis)
    tgt = targets.final(an.data.target, dokumen, indikator)
    return charts.small_multiples(frame, order, tgt[1] if tgt and targets.shared_down(indikator) else None,
                                  title=title, source=source, lang=lang, indikator=indikator)


def needs_by_kecamatan(an: Analysis, indikator: str, goal: float, reach: int, biaya: pd.DataFrame, lang: str,
                       title: str, axis_title: str, source: str) -> Any:
    result = views.needs_table(an, indikator, goal, reach, biaya, lang)
    per_kec = result.table.loc[result.table["kode_wilayah"] != KABUPATEN]
    return charts.needs_bars(per_kec, value="per_tahun", text="per_tahun_teks", axis_title=axis_title, title=title,
                             source=source, lang=lang)


def yearly_plan(an: Analysis, indikator: str, goal: float, reach: int, lang: str, title: str, source: str) -> Any:
    return charts.plan_bars(views.yearly(an, indikator, goal, reach, lang=lang), title=title, source=source,
                            lang=lang)


def what_if(an: Analysis, indikator: str, goal: float, add: float, lang: str, title: str, source: str) -> Any:
    series, _ = views.scenario(an, indikator, goal, add, lang)
    return charts.what_if(series, goal, highlight=KABUPATEN, title=title, source=source, lang=lang)


def odf_villages(an: Analysis, lang: str, title: str, source: str) -> Any:
    return charts.odf_bars(ppsp.odf_by_kecamatan(an, lang), title=title, source=source, lang=lang)


def two_measures(an: Analysis, pair: str, lang: str, title: str, source: str) -> Any:
    m = ppsp.two_measures(an, lang)
    return charts.two_measures(m.loc[m["pasangan"] == pair], title=title, source=source, lang=lang)


def agency_realisation(an: Analysis, year: int, lang: str, title: str, source: str) -> Any:
    return charts.opd_realisation(ppsp.opd_performance(an, year, lang), lag=ppsp.LAG, title=title, source=source,
                                  lang=lang)


def agency_matrix(an: Analysis, year: int, lang: str, title: str, source: str) -> Any:
    return charts.opd_heatmap(ppsp.opd_matrix(an, year, lang), title=title, source=source, lang=lang)


__all__ = ["ladder_district", "ladder_kecamatan", "compare_district", "area_map", "ranking", "trajectory",
           "all_kecamatan", "needs_by_kecamatan", "yearly_plan", "what_if", "odf_villages", "two_measures",
           "agency_realisation", "agency_matrix"]
