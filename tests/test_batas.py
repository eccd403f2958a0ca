"""The bundled real boundaries (Cahya DSN, MIT) and the village STBM table that comes with them.

Reference areas are BPS, *Tanah Bumbu Dalam Angka 2020* (`wilayah.csv`); the two kecamatan created in 2021
have no BPS 2020 area, so each is checked together with the remainder of its parent.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, shape

from sanitasi import charts, deck, desa, geo, maps, paths, store
from sanitasi.load import Dataset
from sanitasi.views import peta, stbm

BIG_KM2 = 4884.861  # the district's area, BIG letter B-16.10/DIGD-BIG/IGD.04.04/12/2024 (domain.md 4)
# the villages of the 2025 code list formed after the 2022 list that the village boundaries follow
NEW_SINCE_2022 = {"63.10.04.2027": "Sido Rejo", "63.10.04.2028": "Beruntung Raya", "63.10.04.2029": "Barakat Mufakat",
                  "63.10.04.2030": "Makmur Jaya", "63.10.06.2013": "Hidayah Makmur", "63.10.06.2014": "Plajau Mulia",
                  "63.10.06.2015": "Kupang Berkah Jaya", "63.10.07.2013": "Karang Nunggal"}


@pytest.fixture
def fresh_store(tmp_path: Path) -> store.Store:
    s = store.Store(f"sqlite:///{tmp_path / 'batas.db'}")
    yield s
    s.engine.dispose()


@pytest.fixture(scope="module")
def km2(dataset: Dataset) -> pd.Series:
    return geo.area_km2(dataset.batas).set_axis(dataset.batas["kode"])


@pytest.fixture(scope="module")
def bps(dataset: Dataset) -> pd.Series:
    return dataset.wilayah.set_index("kode")["luas_km2_bps2020"].astype(float)


# ---------------------------------------------------------------- what is bundled, with its licence
@pytest.mark.parametrize("path", paths.BATAS_LISENSI)
def test_the_licence_notices_are_bundled(path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Cahya DSN" in text and "The above copyright notice" in text


def test_data_readme_names_the_source_and_the_licence() -> None:
    readme = (paths.DATA_DIR / "README.md").read_text(encoding="utf-8")
    for needle in ("cahyadsn/wilayah_boundaries", "MIT", "LICENSE-wilayah_boundaries.txt", "LICENSE-wilayah.txt",
                   "batas_desa.geojson", "batas_kecamatan.geojson", "stbm_desa.csv", "scripts/build_batas.py"):
        assert needle in readme, needle
    assert "skematis" not in readme.lower()  # the schematic drawing is gone


def test_the_source_files_are_kept_as_published() -> None:
    desa_raw = gpd.read_file(paths.BATAS_DESA_SUMBER)
    kec_raw = gpd.read_file(paths.BATAS_KECAMATAN_SUMBER)
    codes = pd.read_csv(paths.KODE_DESA_CSV, dtype=str)
    assert (len(desa_raw), len(kec_raw)) == (149, 12)
    assert list(desa_raw.columns) == ["kode", "nama", "lat", "lng", "geometry"]  # the source columns kept
    assert int(shapely.get_num_coordinates(desa_raw.geometry.to_numpy()).sum()) == 14_491
    assert codes["tingkat"].value_counts().to_dict() == {"desa": 152, "kecamatan": 12, "kelurahan": 5}


# ---------------------------------------------------------------- the kecamatan layer against BPS and the coarse file
UNTOUCHED = ["63.10.01", "63.10.03", "63.10.04", "63.10.06", "63.10.07", "63.10.08", "63.10.09", "63.10.10"]


@pytest.mark.parametrize("kode", UNTOUCHED)
def test_kecamatan_untouched_by_the_split_are_within_10_percent_of_bps_2020(kode, km2, bps) -> None:
    # measured 135.1 / 135.16 (Batulicin) ... 927.8 / 895.74 (Mantewe, the largest gap: +3.6%)
    assert km2[kode] == pytest.approx(bps[kode], rel=0.10)


@pytest.mark.parametrize(("parent", "child"), [("63.10.02", "63.10.11"), ("63.10.05", "63.10.12")])
def test_each_2021_pair_is_within_10_percent_of_its_parent_s_bps_2020_area(parent, child, km2, bps) -> None:
    # Kusan Hilir 73.6 + Kusan Tengah 214.3 = 287.9 (BPS 289.01); Kusan Hulu 218.4 + Teluk Kepayang 1,253.5 = 1,471.9
    # (BPS 1,505.74)
    assert km2[parent] + km2[child] == pytest.approx(bps[parent], rel=0.10)


def test_the_district_has_its_official_area(km2) -> None:
    assert km2.sum() == pytest.approx(BIG_KM2, rel=0.002)  # 4,883.7 km²


@pytest.fixture(scope="module")
def coarse() -> gpd.GeoSeries:
    return gpd.read_file(paths.BATAS_KECAMATAN_SUMBER).to_crs(geo.PROJECTED).set_index("kode").geometry


@pytest.mark.parametrize("kode", [f"63.10.{i:02d}" for i in range(1, 13)])
def test_each_derived_kecamatan_matches_the_coarse_source_polygon(kode, dataset, coarse) -> None:
    """The coarse file's borders lie on average 66-126 m from the derived ones (area of the symmetric
    difference over the border's length). IoU >= 0.85 is what a mean offset of about 170 m gives on the
    smallest kecamatan (Kusan Hilir: 74 km², 69 km of border: IoU = (74 - 5.9) / (74 + 5.9)); a shifted,
    swapped or truncated polygon falls far below. Lowest measured: 0.911 (Kusan Hilir)."""
    fine = dataset.batas.to_crs(geo.PROJECTED).set_index("kode").geometry[kode]
    rough = coarse[kode]
    iou = fine.intersection(rough).area / fine.union(rough).area
    assert iou >= 0.85
    assert fine.symmetric_difference(rough).area / fine.length <= 150  # mean border offset in metres


def test_the_kecamatan_layer_has_no_gaps_and_no_overlaps(dataset) -> None:
    shapes = dataset.batas.to_crs(geo.PROJECTED).geometry.to_numpy()
    assert shapely.coverage_is_valid(shapes)  # shared borders identical: no overlaps, no slivers between
    union = shapely.union_all(shapes)
    assert sum(s.area for s in shapes) == pytest.approx(union.area, rel=1e-9)
    assert sum(len(p.interiors) for p in shapely.get_parts(union)) == 0  # no hole left inside the district
    # the coarse file for comparison: its neighbours overlap by about 13 km²
    rough = gpd.read_file(paths.BATAS_KECAMATAN_SUMBER).to_crs(geo.PROJECTED).geometry.to_numpy()
    assert sum(s.area for s in rough) - shapely.union_all(rough).area > 10e6


def test_each_kecamatan_is_the_union_of_its_villages(dataset) -> None:
    villages = dataset.batas_desa.to_crs(geo.PROJECTED)
    assert shapely.coverage_is_valid(villages.geometry.to_numpy())
    kec = dataset.batas.to_crs(geo.PROJECTED).set_index("kode").geometry
    for kode, part in villages.groupby("kode_wilayah"):
        union = shapely.union_all(part.geometry.to_numpy())
        assert union.symmetric_difference(kec[kode]).area < 1.0, kode  # under a square metre: the same borders


# ---------------------------------------------------------------- villages: 157 codes, 149 polygons
def test_the_code_list_has_157_villages_and_the_boundaries_149(dataset) -> None:
    assert len(dataset.daftar_desa) == 157 and dataset.daftar_desa["tingkat"].value_counts().to_dict() == \
        {"desa": 152, "kelurahan": 5}
    assert len(dataset.batas_desa) == 149
    assert set(dataset.batas_desa["kode"]) < set(dataset.daftar_desa["kode"])
    missing = dataset.daftar_desa.loc[~dataset.daftar_desa["kode"].isin(dataset.batas_desa["kode"])]
    assert dict(zip(missing["kode"], missing["nama"], strict=True)) == NEW_SINCE_2022


def test_wilayah_counts_its_villages_as_the_code_list_does(dataset) -> None:
    listed = dataset.daftar_desa.groupby(["kode_wilayah", "tingkat"]).size().unstack(fill_value=0)
    w = dataset.wilayah.set_index("kode")
    assert listed["desa"].to_dict() == w["desa"].astype(int).to_dict()  # Teluk Kepayang: 10 desa, not 9
    assert listed["kelurahan"].to_dict() == w["kelurahan"].astype(int).to_dict()


def test_the_village_map_draws_149_villages_and_lists_the_8_without_a_polygon(dataset) -> None:
    view = stbm.village_view(dataset, 2025)
    assert view.tahun == 2025 and len(view.values) == 157
    assert len(view.features) == 149 and len({f["properties"]["kode"] for f in view.features}) == 149
    assert all(f["properties"]["status"] is not None for f in view.features)  # every polygon has its row
    off = view.values.loc[view.values["peta_teks"] == "tidak: belum ada poligon", "kode"]
    assert set(off) == set(NEW_SINCE_2022)
    note = next(n for n in view.notes if n.startswith("8 desa baru"))
    assert all(name in note for name in NEW_SINCE_2022.values())
    assert len(view.outlines) == 12 and len(view.labels) == 12


@pytest.mark.parametrize("layer", ["kecamatan", "desa"])
def test_every_ring_is_wound_for_vega_and_no_shape_covers_the_map(dataset, layer) -> None:
    features = (geo.to_features(dataset.batas) if layer == "kecamatan" else stbm.village_view(dataset, 2025).features)
    for f in features:
        g = f["geometry"]
        for poly in ([g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]):
            assert geo.is_clockwise(poly[0]) and not any(geo.is_clockwise(h) for h in poly[1:])
    shapes = [shape(f["geometry"]) for f in features]
    whole = shapely.union_all(shapes)
    assert max(s.area for s in shapes) < 0.5 * whole.area


# ---------------------------------------------------------------- the illustrative village STBM table
def test_the_village_table_rolls_up_exactly_to_the_kecamatan_table(dataset) -> None:
    rolled = desa.rollup(dataset.stbm_desa)
    kec = dataset.stbm.loc[dataset.stbm["tahun"] >= int(dataset.stbm_desa["tahun"].min())]
    key = ["kode_wilayah", "tahun"]
    pd.testing.assert_frame_equal(rolled.sort_values(key).reset_index(drop=True),
                                  kec.sort_values(key).reset_index(drop=True), check_dtype=False)
    # every year since today's 12 kecamatan (2021; the village codes before the split are not public)
    assert sorted(dataset.stbm_desa["tahun"].unique()) == [y for y in sorted(dataset.stbm["tahun"].unique())
                                                            if y >= 2021]


def test_the_village_table_is_the_code_list_and_says_it_is_illustrative(dataset) -> None:
    rows = dataset.stbm_desa
    assert set(rows["sumber"]) == {"ilustratif"}
    assert set(rows["kode_desa"]) == set(dataset.daftar_desa["kode"])
    per_year = rows.groupby("tahun")["kode_desa"].nunique().to_dict()
    assert per_year == {2021: 149, 2022: 149, 2023: 149, 2024: 149, 2025: 157}  # the 8 new villages from 2025
    names = dict(zip(dataset.daftar_desa["kode"], dataset.daftar_desa["nama"], strict=True))
    assert (rows["nama_desa"] == rows["kode_desa"].map(names)).all()


def test_the_village_table_reads_like_a_registry(dataset) -> None:
    rows = dataset.stbm_desa
    verified = rows["status_odf"] == "terverifikasi"
    assert (rows.loc[verified, "kk_od"] == 0).all()  # ODF verified: nobody defecates in the open
    assert rows.loc[~verified & rows["status_odf"].ne("belum"), "tanggal_odf"].notna().all()
    order = {"belum": 0, "deklarasi": 1, "terverifikasi": 2}
    steps = rows.assign(r=rows["status_odf"].map(order)).pivot(index="kode_desa", columns="tahun", values="r")
    assert (steps.diff(axis=1).fillna(0) >= 0).all().all()  # no village loses its status


def test_loaded_kecamatan_stbm_figures_hide_the_illustrative_villages(dataset, fresh_store: store.Store) -> None:
    v = fresh_store.save("stbm", dataset.stbm, store.Meta("stbm.csv", "x", "uji"), bundled=dataset)
    assert fresh_store.dataset(v, dataset).stbm_desa is None  # they would not add up to the loaded table
    assert fresh_store.table("stbm_desa", v, dataset) is None
    assert fresh_store.dataset(v, dataset).batas_desa.equals(dataset.batas_desa)  # the real boundaries stay


# ---------------------------------------------------------------- a source line on every map
def test_every_map_names_its_boundaries(an, dataset) -> None:
    credit = geo.boundary_credit(0, "en")
    assert credit == "Boundaries: cahyadsn/wilayah_boundaries (MIT), Kepmendagri 2025"
    values = maps.map_values(an, "layak", "RPJMN 2020-2024", "en")
    kec = peta.area_map(an, values, "layak", mode="nilai", layout="wilayah", selected=None, title="T", source="S",
                        lang="en").to_dict()
    assert kec["title"]["subtitle"] == ["S", credit]
    tiles = peta.area_map(an, values, "layak", mode="nilai", layout="petak", selected=None, title="T", source="S",
                          lang="en").to_dict()
    assert tiles["title"]["subtitle"] == ["S"]  # equal tiles: no boundaries drawn, none named
    view = stbm.village_view(dataset, 2025, "en")
    village = charts.odf_village_map(view.features, view.outlines, view.labels, title="T", source="S",
                                     lang="en").to_dict()
    assert village["title"]["subtitle"] == ["S", credit]
    a3 = deck.map_a3_spec(an, "layak", "RPJMN 2020-2024", "en", "S")
    assert a3["title"]["subtitle"][-1] == credit


def test_loaded_boundaries_are_named_by_their_version(dataset) -> None:
    loaded = replace(dataset, sumber={"batas_desa": 7})
    view = stbm.village_view(loaded, 2025)
    assert geo.credit_of(view.features, "id") == "Batas: berkas yang dimuat pengguna, v7"
    assert not any(n.startswith("8 desa baru") for n in view.notes)  # not the bundled 2022 list: no guess why


# ---------------------------------------------------------------- names on the map
@pytest.mark.parametrize("where", ["kecamatan", "desa"])
def test_the_names_on_the_bundled_maps_do_not_collide_at_their_smallest(an, dataset, where) -> None:
    """At 1024x768 Kusan Hilir's name sat on Kusan Tengah's; text boxes estimated as geo.spread_labels does."""
    if where == "kecamatan":
        labels, px, shapes = maps.map_labels(an), maps.MAP_PX, dataset.batas.set_index("kode").geometry
    else:
        labels = stbm.village_view(dataset, 2025).labels.rename(columns={"kode_wilayah": "kode"})
        px = stbm.VILLAGE_MAP_PX
        shapes = dataset.batas.set_index("kode").geometry
    x0, y0, x1, y1 = dataset.batas.total_bounds
    ppd = px / max(x1 - x0, y1 - y0)
    lines = labels["nama"].str.split("\n")
    w = lines.map(lambda ls: max(len(x) for x in ls)) * 0.62 * 12 / ppd
    h = lines.map(len) * 1.2 * 12 / ppd
    boxes = shapely.box(labels["lon"] - w / 2, labels["lat"] - h / 2, labels["lon"] + w / 2, labels["lat"] + h / 2)
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            assert not boxes[i].intersects(boxes[j]), (labels["nama"].iloc[i], labels["nama"].iloc[j])
    for kode, lon, lat, width in zip(labels["kode"], labels["lon"], labels["lat"], w, strict=True):
        assert shapes[kode].distance(Point(lon, lat)) <= width / 2, kode  # each name stays by its own area
