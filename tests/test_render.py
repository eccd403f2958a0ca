"""ui.render hands Streamlit a chart's tables already in Arrow, made once a figure: the same bytes Streamlit would
make, the figure's own spec untouched, GeoJSON left in the spec, and the browser given the figure's rows."""

from __future__ import annotations

import gc

import altair as alt
import pandas as pd
import pytest
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest
from test_app import open_page

from sanitasi.views.display import Figure
from ui import render


def bars() -> Figure:
    frame = pd.DataFrame({"kecamatan": ["Batulicin", "Kusan Hilir", "Satui"], "nilai": [81.5, 74.25, 90.0]})
    return Figure(alt.Chart(frame).mark_bar().encode(x="nilai:Q", y="kecamatan:N"), "batang")


def test_a_figures_tables_are_the_arrow_bytes_streamlit_makes_and_its_spec_keeps_its_rows() -> None:
    fig = bars()
    rows = {name: list(data) for name, data in fig.spec["datasets"].items()}
    spec = render.with_arrow_data(fig)
    assert rows and spec["datasets"].keys() == rows.keys()
    for name, data in rows.items():
        assert spec["datasets"][name] == dataframe_util.convert_anything_to_arrow_bytes(data)
        assert fig.spec["datasets"][name] == data  # the exports read the figure's own spec: still rows
    assert {k: v for k, v in spec.items() if k != "datasets"} == {k: v for k, v in fig.spec.items() if k != "datasets"}


def test_a_figures_tables_are_converted_once_and_let_go_with_the_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    convert = dataframe_util.convert_anything_to_arrow_bytes
    monkeypatch.setattr(render.dataframe_util, "convert_anything_to_arrow_bytes",
                        lambda data: calls.append(data) or convert(data))
    fig, other = bars(), bars()
    first = render.with_arrow_data(fig)
    assert render.with_arrow_data(fig)["datasets"] is first["datasets"] and len(calls) == len(first["datasets"])
    render.with_arrow_data(other)  # the same rows in another figure: converted for it
    assert len(calls) == 2 * len(first["datasets"])
    held = len(render._ARROW)
    del fig
    gc.collect()
    assert len(render._ARROW) == held - 1


def test_geojson_features_stay_in_the_spec_as_they_are() -> None:
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [115.9, -3.4]},
                 "properties": {"nama": "Batulicin"}}]
    fig = Figure(alt.Chart(alt.Data(values=features)).mark_geoshape())
    fig.spec["datasets"] = {"batas": features, "tabel": [{"a": 1}]}  # a map's shapes beside a table
    spec = render.with_arrow_data(fig)
    assert spec["datasets"]["batas"] is features
    assert isinstance(spec["datasets"]["tabel"], bytes)


def test_the_browser_gets_the_figures_rows() -> None:
    """Lintasan's trajectory as Streamlit sends it: each data set's Arrow bytes read back are the drawn figure's
    rows (the figure found among those converted, by its data sets' names)."""
    at: AppTest = open_page("lintasan_target", indikator="layak", kecamatan="63.10")
    assert not at.exception, [e.value for e in at.exception]
    [chart] = at.get("vega_lite_chart")
    sent = {d.name: dataframe_util.convert_arrow_bytes_to_pandas_df(d.data.data) for d in chart.proto.datasets}
    [fig] = [f for f in list(render._ARROW.keys()) if f.spec["datasets"].keys() == sent.keys()]
    assert len(sent) >= 3  # the trajectory, its observed points and the targets at least
    for name, rows in fig.spec["datasets"].items():
        pd.testing.assert_frame_equal(sent[name], pd.DataFrame(rows), check_dtype=False)
