"""The benchmarks build their cases with the engine's own functions; these tests keep them in step with it (a
rename in `sanitasi` once left `python -m benchmarks --only map` failing on its first line)."""

from __future__ import annotations

from benchmarks import bench_map
from sanitasi import maps
from sanitasi.analysis import analyse
from sanitasi.load import Dataset


def test_synthetic_map_values_have_the_columns_of_the_page(dataset: Dataset) -> None:
    page = maps.map_values(analyse(dataset), "layak", dataset.target["dokumen"].iloc[0], "id")
    synthetic = bench_map.synthetic_values(page["kode"].tolist())
    assert set(maps.MAP_PROPERTIES) <= set(synthetic.columns)
    assert set(maps.MAP_PROPERTIES) <= set(page.columns)
    assert synthetic["kelas"].isin(maps.class_labels("layak", "id")).all()


def test_the_map_case_builds_as_the_page_builds_it(dataset: Dataset) -> None:
    values = bench_map.synthetic_values(dataset.wilayah["kode"].tolist())
    case = bench_map.build("Tanah Bumbu", dataset.batas, values, dataset.wilayah.set_index("kode")["nama"])
    assert len(case.features) == len(dataset.wilayah)
    assert {f["properties"]["kode"] for f in case.features} == set(dataset.wilayah["kode"])
    assert case.spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
