"""Boundaries to map features: 12 areas, rings wound for Vega, simplified without gaps, only the asked properties."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, box, shape

from sanitasi import geo

SQUARE_CCW = [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]   # shoelace area +1: counter-clockwise
SQUARE_CW = SQUARE_CCW[::-1]


@pytest.mark.parametrize(("ring", "clockwise"), [
    (SQUARE_CCW, False),
    (SQUARE_CW, True),
    ([(115.0, -3.0), (115.0, -3.5), (116.0, -3.5), (115.0, -3.0)], False),  # south, then east: counter-clockwise
    ([(115.0, -3.0), (116.0, -3.5), (115.0, -3.5), (115.0, -3.0)], True),
])
def test_is_clockwise(ring, clockwise):
    assert geo.is_clockwise(ring) is clockwise


def rings_of(geometry: dict) -> list[list]:
    """The rings of a GeoJSON Polygon or MultiPolygon, each polygon's exterior first."""
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [list(r) for p in polys for r in p]


def polygons_of(geometry: dict) -> list[list]:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else list(geometry["coordinates"])


@pytest.mark.parametrize("geom", [
    Polygon(SQUARE_CCW),
    Polygon(SQUARE_CW),
    Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], holes=[[(1, 1), (2, 1), (2, 2), (1, 2)]]),  # hole ccw in input
    Polygon([(0, 0), (0, 4), (4, 4), (4, 0)], holes=[[(1, 1), (1, 2), (2, 2), (2, 1)]]),  # hole cw in input
    MultiPolygon([Polygon(SQUARE_CCW), Polygon([(2, 2), (2, 3), (3, 3), (3, 2)])]),
])
def test_orient_for_vega(geom):
    out = geo.orient_for_vega(geom)
    assert out.equals(geom)  # same shape, only the winding may change
    for poly in polygons_of(shapely.geometry.mapping(out)):
        assert geo.is_clockwise(poly[0])
        assert not any(geo.is_clockwise(hole) for hole in poly[1:])


def test_orient_for_vega_refuses_non_polygons():
    with pytest.raises(TypeError, match="bukan poligon"):
        geo.orient_for_vega(Point(0, 0))


# ---------------------------------------------------------------- the bundled map

@pytest.fixture(scope="module")
def features(dataset) -> list[dict]:
    return geo.to_features(dataset.batas)


def test_twelve_distinct_features(dataset, features):
    assert len(features) == 12
    kode = [f["properties"]["kode"] for f in features]
    assert len(set(kode)) == 12
    assert set(kode) == set(dataset.wilayah["kode"])
    assert all(f["type"] == "Feature" and f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in features)


def rfc7946(batas: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The same map with counter-clockwise exteriors, as shapely and GeoJSON writers give them."""
    return batas.set_geometry(batas.geometry.orient_polygons(exterior_cw=False))


@pytest.mark.parametrize("wound", ["as_read", "rfc7946"])
def test_every_ring_is_wound_for_vega(dataset, wound):
    # whatever winding the file has (a shapefile stores exteriors clockwise, RFC 7946 counter-clockwise)
    batas = dataset.batas if wound == "as_read" else rfc7946(dataset.batas)
    if wound == "rfc7946":
        assert not any(geo.is_clockwise(list(p.exterior.coords)) for p in shapely.get_parts(batas.geometry))
    features = geo.to_features(batas)
    assert len(features) == 12
    n_rings = 0
    for f in features:
        for poly in polygons_of(f["geometry"]):
            assert geo.is_clockwise(poly[0]), f["properties"]["kode"]
            assert not any(geo.is_clockwise(hole) for hole in poly[1:]), f["properties"]["kode"]
            n_rings += len(poly)
    assert n_rings >= 12


def test_no_feature_covers_the_whole_map(features):
    # the winding failure draws one area as everything: its box would hold every other area's box
    shapes = [shape(f["geometry"]) for f in features]
    whole = shapely.union_all(shapes).bounds
    for s in shapes:
        minx, miny, maxx, maxy = s.bounds
        assert not (minx <= whole[0] and miny <= whole[1] and maxx >= whole[2] and maxy >= whole[3])
        assert s.area < 0.5 * shapely.union_all(shapes).area


def test_simplified_shapes_still_tile_without_gaps_or_overlaps(dataset, features):
    shapes = [shape(f["geometry"]) for f in features]
    assert all(s.is_valid for s in shapes)
    assert shapely.coverage_is_valid(shapes)
    union = shapely.union_all(shapes)
    original = shapely.union_all(dataset.batas.geometry.to_numpy())
    # no gaps: the simplified union covers the original outline to within 0.5% ...
    assert union.area == pytest.approx(original.area, rel=5e-3)
    # ... and no overlaps: the pieces add up to their union
    assert sum(s.area for s in shapes) == pytest.approx(union.area, rel=1e-6)
    # no sliver holes opened between neighbours inside the district
    assert len(shapely.get_parts(union)) == len(shapely.get_parts(original))
    assert sum(len(p.interiors) for p in shapely.get_parts(union)) == 0


def test_simplification_makes_the_map_lighter(dataset):
    full = sum(len(r) for f in geo.to_features(dataset.batas, tolerance=0) for r in rings_of(f["geometry"]))
    light = sum(len(r) for f in geo.to_features(dataset.batas, tolerance=0.01) for r in rings_of(f["geometry"]))
    assert light < full


def test_coordinates_are_rounded(features):
    for f in features:
        for ring in rings_of(f["geometry"]):
            for x, y in ring:
                assert round(x, 4) == pytest.approx(x, abs=1e-9) and round(y, 4) == pytest.approx(y, abs=1e-9)
                assert 115 < x < 117 and -4.5 < y < -2.5


def test_only_the_asked_properties_and_missing_values_are_none(dataset):
    values = pd.DataFrame({"kode": ["63.10.01", "63.10.02"], "nilai": [93.6, 86.5], "nama": ["Batulicin", "x"],
                           "status": ["tercapai", "lambat"]})
    feats = geo.to_features(dataset.batas, values, properties=["nilai", "status"])
    assert len(feats) == 12
    props = {f["properties"]["kode"]: f["properties"] for f in feats}
    assert all(set(p) == {"kode", "nilai", "status"} for p in props.values())
    assert props["63.10.01"] == {"kode": "63.10.01", "nilai": 93.6, "status": "tercapai"}
    # Teluk Kepayang has no value: still drawn, with None (JSON null), not NaN
    assert props["63.10.12"] == {"kode": "63.10.12", "nilai": None, "status": None}
    assert isinstance(props["63.10.02"]["nilai"], float)


def test_properties_default_to_every_joined_column(dataset):
    values = pd.DataFrame({"kode": ["63.10.01"], "nilai": [1.0]})
    feats = geo.to_features(dataset.batas, values)
    assert all(set(f["properties"]) == {"kode", "nilai"} for f in feats)


def test_numpy_values_become_plain_python(dataset):
    values = pd.DataFrame({"kode": dataset.wilayah["kode"], "n": range(12)})
    feats = geo.to_features(dataset.batas, values, properties=["n"])
    assert all(type(f["properties"]["n"]) is int for f in feats)


def test_empty_boundaries_give_no_features():
    empty = gpd.GeoDataFrame({"kode": pd.Series(dtype="string")}, geometry=gpd.GeoSeries([], crs="EPSG:4326"))
    assert geo.to_features(empty) == []


def test_features_are_drawn_in_lon_lat_whatever_the_input_crs(dataset):
    projected = dataset.batas.to_crs(geo.PROJECTED)
    feats = geo.to_features(projected)
    x, y = rings_of(feats[0]["geometry"])[0][0]
    assert 115 < x < 117 and -4.5 < y < -2.5


# ---------------------------------------------------------------- labels, areas, tiles

def test_label_points_fall_inside_their_areas(dataset):
    pts = geo.label_points(dataset.batas)
    assert pts["kode"].tolist() == dataset.batas["kode"].tolist()
    for geom, lon, lat in zip(dataset.batas.geometry, pts["lon"], pts["lat"], strict=True):
        assert geom.contains(Point(lon, lat))


def test_area_km2_is_measured_in_a_projected_crs():
    # 0.1 x 0.1 degree at 3.45 S: 11.06 km (latitude) x 11.13 km x cos(3.45 deg) = 11.11 km -> about 122.9 km2
    cell = gpd.GeoDataFrame({"kode": ["x"]}, geometry=[box(115.9, -3.5, 116.0, -3.4)], crs="EPSG:4326")
    assert geo.area_km2(cell).iloc[0] == pytest.approx(122.9, rel=1e-2)


def test_tile_grid_hand_case():
    # corners of a unit square: 3 columns (ceil(sqrt 4) + 1), 4 rows (ceil(3 x 1/1) + 1);
    # x scaled to 0..2 and y (north up) to 0..3, so each corner lands on its own corner cell
    w = pd.DataFrame({"kode": ["NW", "NE", "SW", "SE"], "centroid_lon": [0.0, 1.0, 0.0, 1.0],
                      "centroid_lat": [1.0, 1.0, 0.0, 0.0]})
    t = geo.tile_grid(w).set_index("kode")
    assert t.loc[["NW", "NE", "SW", "SE"], ["kolom", "baris"]].values.tolist() == [[0, 0], [2, 0], [0, 3], [2, 3]]


def test_tile_grid_separates_areas_on_the_same_point():
    w = pd.DataFrame({"kode": ["a", "b", "c"], "centroid_lon": [1.0, 1.0, 1.0], "centroid_lat": [2.0, 2.0, 2.0]})
    t = geo.tile_grid(w)
    assert len(set(zip(t["kolom"], t["baris"], strict=True))) == 3


def test_tile_grid_gives_every_kecamatan_its_own_cell(dataset):
    t = geo.tile_grid(dataset.wilayah)
    assert t["kode"].tolist() == dataset.wilayah["kode"].tolist()
    assert len(set(zip(t["kolom"], t["baris"], strict=True))) == 12
    # Mantewe (northernmost centroid) sits in the top row used, Satui (westernmost) in the left column used
    row = t.set_index("kode")
    assert row.loc["63.10.08", "baris"] == t["baris"].min()
    assert row.loc["63.10.04", "kolom"] == t["kolom"].min()


def test_tile_grid_of_nothing():
    t = geo.tile_grid(pd.DataFrame({"kode": [], "centroid_lon": [], "centroid_lat": []}))
    assert t.empty and list(t.columns) == ["kode", "kolom", "baris"]


def test_planar_projects_to_mercator_kilometres() -> None:
    feature = {"type": "Feature", "properties": {"kode": "x"},
               "geometry": {"type": "Polygon", "coordinates": [[[115.0, 0.0], [116.0, 0.0], [116.0, -3.0],
                                                                 [115.0, 0.0]]]}}
    [flat] = geo.planar([feature])
    ring = flat["geometry"]["coordinates"][0]
    # one degree of longitude is 111,32 km (x = R·λ); Mercator stretches latitude: 3° south is 334 km
    assert ring[0] == [12802, 0] and ring[1] == [12913, 0] and ring[2] == [12913, -334]
    assert all(isinstance(v, int) for point in ring for v in point)  # whole kilometres: short numbers
    assert flat["properties"] == {"kode": "x"} and feature["geometry"]["coordinates"][0][0] == [115.0, 0.0]


def test_planar_keeps_shared_borders_shared() -> None:
    """Neighbours project vertex by vertex, so a border drawn twice stays one line (no slivers)."""
    west, east = box(114.0, -3.0, 114.5, -2.5), box(114.5, -3.0, 115.0, -2.5)
    feats = geo.planar([{"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(g)}
                        for g in (west, east)])
    a, b = (shape(f["geometry"]) for f in feats)
    assert a.intersection(b).length > 0 and a.intersection(b).area == 0


def test_planar_drops_vertices_that_round_together() -> None:
    ring = [[115.0, -3.0], [115.001, -3.0], [115.5, -3.0], [115.5, -2.5], [115.0, -3.0]]
    [flat] = geo.planar([{"type": "Feature", "properties": {},
                          "geometry": {"type": "Polygon", "coordinates": [ring]}}])
    assert len(flat["geometry"]["coordinates"][0]) == 4  # 115,000 and 115,001 are the same kilometre
