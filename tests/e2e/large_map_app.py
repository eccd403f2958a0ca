"""A country-scale map (more than `charts.LARGE_MAP` kecamatan) drawn as the Peta page draws its map, for the browser
test of the large map (`test_large_map.py`): synthetic kecamatan (`benchmarks.synthetic`, as many as
`LARGE_MAP_AREAS` says), the page's drawing (`ui.figure` with the click selection), and below it the code of the
kecamatan the click chose."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

import ui  # noqa: E402
from benchmarks import bench_map, synthetic  # noqa: E402
from sanitasi import charts, geo, maps  # noqa: E402
from sanitasi.views.display import Figure  # noqa: E402

AREAS = int(os.environ.get("LARGE_MAP_AREAS", "1200"))


@st.cache_resource
def figure() -> Figure:
    wilayah = synthetic.areas("kecamatan", n=AREAS)
    values = bench_map.synthetic_values(wilayah["kode"].tolist())
    features = geo.to_features(synthetic.boundaries(wilayah), values, key="kode", properties=maps.MAP_PROPERTIES)
    return Figure(charts.choropleth(features, wilayah[["kode", "nama", "lon", "lat"]],
                                    mode="nilai", indikator="layak", class_labels=maps.class_labels("layak", "id"),
                                    selected=None, title="Akses layak per kecamatan", source="Sumber: data sintetis",
                                    lang="id"))


st.set_page_config(layout="wide")
event = ui.figure(figure(), on_select="rerun", key="peta", selection_mode=charts.SELECT_PARAM)
chosen = event["selection"].get(charts.SELECT_PARAM) or []
st.markdown(f"dipilih: {chosen[0]['kode'] if chosen else '-'}")
