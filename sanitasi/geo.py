"""Boundaries to map data: GeoJSON features for Vega, simplified without gaps and wound the way Vega draws.

Every map names where its boundaries come from: the features carry the version that supplied them
(`with_credit`, 0 = the bundled real boundaries of Cahya DSN, MIT) and the map builders write the line
(`credit_of`), so no page can draw a map without it.

Vega (d3-geo) treats polygons on the sphere: an exterior ring must run clockwise, or the polygon is
read as "the whole globe minus this shape" and the map becomes one filled rectangle (BRIEF.md).
shapely and most GeoJSON writers give counter-clockwise exteriors (RFC 7946), so every ring is
re-oriented here, after simplification. Simplification is done on the whole coverage at once
(shapely.coverage_simplify), so neighbours keep one shared border and no slivers open between them.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping
from shapely.geometry.polygon import orient
from shapely.ops import polylabel

from sanitasi import i18n

GEOGRAPHIC = "EPSG:4326"
PROJECTED = "EPSG:32750"  # UTM 50S; fits Tanah Bumbu, used for areas and distances
CREDIT_PROPERTY = "sumber_batas"


def boundary_credit(supplier: int | str = 0, lang: str = "id") -> str:
    """The boundaries' source line: the bundled ones (supplier 0) with author, licence and code list, or the
    version of the file an official loaded."""
    if str(supplier) in ("", "0"):
        return i18n.t("peta.sumber_batas", lang)
    return i18n.t("peta.sumber_batas_dimuat", lang, versi=supplier)


def with_credit(features: list[dict[str, Any]], supplier: int | str) -> list[dict[str, Any]]:
    """The features, each carrying the version that supplied its boundaries (copies; the input is untouched)."""
    return [{**f, "properties": {**f["properties"], CREDIT_PROPERTY: str(supplier)}} for f in features]


def credit_of(features: list[dict[str, Any]], lang: str = "id") -> str | None:
    """The source line for a map of these features (None when they do not say where they come from)."""
    suppliers = sorted({str(f["properties"][CREDIT_PROPERTY]) for f in features
                        if f["properties"].get(CREDIT_PROPERTY) is not None})
    return "; ".join(boundary_credit(s, lang) for s in suppliers) or None


def orient_for_vega(geom: Polygon | MultiPolygon) -> Polygon | MultiPolygon:
    """Exterior rings clockwise, holes counter-clockwise (the opposite of RFC 7946)."""
    if isinstance(geom, Polygon):
        return orient(geom, sign=-1.0)
    if isinstance(geom, MultiPolygon):
        return MultiPolygon([orient(p, sign=-1.0) for p in geom.geoms])
    raise TypeError(f"bukan poligon: {geom.geom_type}")


def is_clockwise(ring: list[list[float]] | np.ndarray) -> bool:
    """True when a closed lon/lat ring runs clockwise (negative shoelace area)."""
    xy = np.asarray(ring, dtype=float)
    x, y = xy[:, 0], xy[:, 1]
    return float(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1])) < 0


def simplify(batas: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    """Simplify all shapes together, so shared borders stay shared (no gaps, no overlaps)."""
    if batas.empty or tolerance <= 0:
        return batas.copy()
    geoms = shapely.coverage_simplify(batas.geometry.to_numpy(), tolerance, simplify_boundary=True)
    return batas.set_geometry(gpd.GeoSeries(geoms, index=batas.index, crs=batas.crs))


def to_features(
    batas: gpd.GeoDataFrame,
    values: pd.DataFrame | None = None,
    *,
    key: str = "kode",
    properties: list[str] | None = None,
    tolerance: float | None = None,
    precision: int = 4,
) -> list[dict[str, Any]]:
    """GeoJSON features for `alt.Data(values=...)`, one per area, carrying only `properties`.

    `values` is joined on `key` (a code column, never a name). Shapes are simplified together by
    `tolerance` degrees; by default by what the map's size can show (`map_tolerance`). Coordinates are
    rounded to `precision` decimals (4 = about 11 m) to keep the page light: every vertex on its own, so
    two neighbours still share each border vertex for vertex (snapping each polygon separately opened
    slivers between them on a national map). Areas missing from `values` still get a feature (drawn as
    "no data"), so the map never silently loses a kecamatan.
    """
    if batas.empty:
        return []
    batas = batas.to_crs(GEOGRAPHIC)
    shapes = simplify(batas, map_tolerance(batas) if tolerance is None else tolerance)
    table = pd.DataFrame({key: shapes[key].astype(str).to_numpy()})
    if values is not None:
        table = table.merge(values.assign(**{key: values[key].astype(str)}), on=key, how="left")
    keep = properties if properties is not None else [c for c in table.columns]
    if key not in keep:
        keep = [key, *keep]
    features = []
    for geom, (_, row) in zip(shapes.geometry, table.iterrows(), strict=True):
        if geom is None or geom.is_empty:
            continue
        shape = _rounded(geom, precision)
        if shape.is_empty:
            continue
        props = {c: _plain(row.get(c)) for c in keep}
        features.append({"type": "Feature", "geometry": mapping(shape), "properties": props})
    return features


EARTH_KM = 6378.137  # the WGS 84 equatorial radius, for Mercator coordinates in kilometres


def planar(features: list[dict[str, Any]], decimals: int = 0) -> list[dict[str, Any]]:
    """The features with their coordinates projected to Mercator kilometres (x east, y north), rounded to
    `decimals` (0: one kilometre, under a pixel on a country map a thousand pixels wide).

    For maps of thousands of areas: drawn with an identity projection, the browser skips the spherical
    clipping and resampling a geographic projection does on every vertex, and the shorter numbers make the page
    lighter. Every vertex is projected on its own, so neighbours still share their borders vertex for vertex.
    """
    def point(c: Any) -> list:
        lon, lat = float(c[0]), max(-85.0, min(85.0, float(c[1])))
        x = EARTH_KM * math.radians(lon)
        y = EARTH_KM * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
        return [round(x, decimals) if decimals else round(x), round(y, decimals) if decimals else round(y)]

    def project(c: Any) -> Any:
        if c and isinstance(c[0][0], (int, float)):  # a ring: vertices that round together are one
            ring = [point(v) for v in c]
            kept = [v for i, v in enumerate(ring) if i == 0 or v != ring[i - 1]]
            return kept if len(kept) >= 4 else ring
        return [project(part) for part in c]

    return [{**f, "geometry": {**f["geometry"], "coordinates": project(f["geometry"]["coordinates"])}}
            for f in features]


def map_tolerance(batas: gpd.GeoDataFrame, *, pixels: int = 1500, finest: float = 0.002) -> float:
    """Simplification tolerance (degrees) for a map of these shapes: about half a pixel of a map some
    700 px wide, and never finer than `finest` (0.002 degrees, about 220 m: a district's map).

    A district keeps its detail; a country's 7,300 kecamatan lose what no screen could show.
    """
    x0, y0, x1, y1 = batas.total_bounds
    return max(finest, max(x1 - x0, y1 - y0) / pixels)


def _rounded(geom: Polygon | MultiPolygon, precision: int) -> Polygon | MultiPolygon:
    """Coordinates rounded one by one (neighbours round alike), repaired if rounding folded a ring, wound for Vega."""
    shape = shapely.set_precision(geom, 10.0**-precision, mode="pointwise")
    if not shape.is_valid:
        parts = [p for p in shapely.get_parts(shapely.make_valid(shape, method="structure"))
                 if isinstance(p, Polygon) and not p.is_empty]
        if not parts:
            return Polygon()
        shape = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    return orient_for_vega(shape) if not shape.is_empty else shape


def _plain(v: Any) -> Any:
    """A JSON-ready scalar: numpy and pandas missing values become None."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return None
    if isinstance(v, np.generic):
        return v.item()
    return v


def label_points(batas: gpd.GeoDataFrame, key: str = "kode") -> pd.DataFrame:
    """The most inward point of each area for its label: `key, lon, lat`.

    The pole of inaccessibility (the point farthest from the border) keeps labels of thin or
    concave kecamatan inside them and away from their neighbours' labels; a centroid can fall
    outside a concave polygon.
    """
    projected = batas.to_crs(PROJECTED).geometry
    poles = [polylabel(_largest(g), tolerance=100.0) for g in projected]
    pts = gpd.GeoSeries(poles, crs=PROJECTED).to_crs(GEOGRAPHIC)
    return pd.DataFrame({key: batas[key].astype(str).to_numpy(), "lon": pts.x.to_numpy(),
                         "lat": pts.y.to_numpy()})


def placed_labels(batas: gpd.GeoDataFrame, names: dict[str, str], *, map_px: float, key: str = "kode") -> pd.DataFrame:
    """Each area's name where it sits on a map whose larger side is `map_px` pixels at its smallest:
    `key, lon, lat, nama`. Inward points (`label_points`), spread where names would overlap (`spread_labels`);
    computed once per boundaries, names and size."""
    shapes = batas.to_crs(GEOGRAPHIC)
    codes = tuple(shapes[key].astype(str))
    x0, y0, x1, y1 = shapes.total_bounds
    ppd = float(map_px) / max(x1 - x0, y1 - y0, 1e-9)
    return _placed(codes, tuple(names.get(c, c) for c in codes),
                   tuple(shapely.to_wkb(shapes.geometry.to_numpy())), key, round(ppd, 3)).copy()


@lru_cache(maxsize=16)
def _placed(codes: tuple, texts: tuple, wkbs: tuple, key: str, ppd: float) -> pd.DataFrame:
    shapes = gpd.GeoDataFrame({key: list(codes)}, geometry=list(shapely.from_wkb(list(wkbs))), crs=GEOGRAPHIC)
    return spread_labels(label_points(shapes, key=key).assign(nama=list(texts)), shapes, px_per_degree=ppd, key=key)


def spread_labels(labels: pd.DataFrame, batas: gpd.GeoDataFrame, *, px_per_degree: float, key: str = "kode",
                  text: str = "nama", font_px: float = 12.0, max_elsewhere: float = 0.35) -> pd.DataFrame:
    """The labels, moved where two would overlap on a map drawn at `px_per_degree` (its smallest size).

    The largest areas keep their inward point; a later label whose text box would touch one already placed
    moves to the nearest free spot, inside its own area or just outside the district (the sea, a neighbouring
    district), where at most `max_elsewhere` of its box lies over another kecamatan (or, for a name wider than
    its area, where the least does). Text boxes are estimated
    from the characters (bold 12 px: about 0.62 em a character, 1.2 em a line); a larger map has more room.
    """
    if labels.empty:
        return labels.copy()
    # a pixel's detail is all a label needs (and keeps the overlap tests quick)
    shapes = simplify(batas.to_crs(GEOGRAPHIC), 1.0 / px_per_degree).set_index(batas[key].astype(str)).geometry
    district = shapely.union_all(shapes.to_numpy())
    lines = labels[text].astype(str).str.split("\n")
    size = pd.DataFrame({"w": lines.map(lambda ls: max(len(x) for x in ls)) * 0.62 * font_px / px_per_degree,
                         "h": lines.map(len) * 1.2 * font_px / px_per_degree}, index=labels.index)
    pad = 2.0 / px_per_degree
    order = sorted(labels.index, key=lambda i: -shapes[str(labels.at[i, key])].area)
    placed: list[Polygon] = []
    out = labels.copy()
    for i in order:
        own = shapes[str(labels.at[i, key])]
        w, h = size.at[i, "w"], size.at[i, "h"]
        x, y = _free_spot(float(labels.at[i, "lon"]), float(labels.at[i, "lat"]), w, h, own, district, placed, pad,
                          max_elsewhere)
        out.loc[i, ["lon", "lat"]] = [x, y]
        placed.append(shapely.box(x - w / 2 - pad, y - h / 2 - pad, x + w / 2 + pad, y + h / 2 + pad))
    return out


def _free_spot(x0: float, y0: float, w: float, h: float, own, district, placed: list, pad: float,
               max_elsewhere: float) -> tuple[float, float]:
    """The nearest point to (x0, y0), within half a label's width of its area, where its box is free."""
    taken = shapely.union_all(placed) if placed else Polygon()
    if taken.is_empty or not shapely.box(x0 - w / 2, y0 - h / 2, x0 + w / 2, y0 + h / 2).intersects(taken):
        return x0, y0
    step = h / 4
    minx, miny, maxx, maxy = own.bounds
    xs, ys = np.meshgrid(np.arange(minx - w, maxx + w + step, step), np.arange(miny - h, maxy + h + step, step))
    xs, ys = xs.ravel(), ys.ravel()
    boxes = shapely.box(xs - w / 2, ys - h / 2, xs + w / 2, ys + h / 2)
    keep = (shapely.distance(shapely.points(xs, ys), own) <= w / 2) & ~shapely.intersects(boxes, taken)
    if not keep.any():
        return x0, y0
    xs, ys, boxes = xs[keep], ys[keep], boxes[keep]
    # the other kecamatan, cut to the candidates' window first (intersecting the whole district is slow)
    window = shapely.box(minx - 2 * w, miny - 2 * h, maxx + 2 * w, maxy + 2 * h)
    others = shapely.intersection(district, window).difference(own)
    elsewhere = shapely.area(shapely.intersection(boxes, others)) / (w * h)
    # nearest first among spots mostly over its own area or outside; a name wider than its area (Kuranji) takes
    # the free spot that covers its neighbours least
    cost = np.hypot(xs - x0, ys - y0) + 100.0 * np.maximum(0.0, elsewhere - max_elsewhere)
    best = int(np.argmin(cost))
    return float(xs[best]), float(ys[best])


def _largest(geom: Polygon | MultiPolygon) -> Polygon:
    if isinstance(geom, MultiPolygon):
        return max(geom.geoms, key=lambda p: p.area)
    return geom


def area_km2(batas: gpd.GeoDataFrame) -> pd.Series:
    """Area of each shape in km², measured in a projected CRS."""
    return batas.to_crs(PROJECTED).geometry.area / 1e6


def tile_grid(wilayah: pd.DataFrame, *, key: str = "kode", lon: str = "centroid_lon",
              lat: str = "centroid_lat", columns: int | None = None) -> pd.DataFrame:
    """One equal tile per area on a small grid, placed roughly by geography.

    Centroids are scaled onto a grid of about sqrt(n)+1 columns; areas then take the free cell
    nearest to their own position, the ones closest to a cell first, so no two share a tile.
    Returns `key, kolom, baris` (baris 0 is the northernmost row).
    """
    if wilayah.empty:
        return pd.DataFrame({key: pd.Series(dtype="string"), "kolom": pd.Series(dtype="int64"),
                             "baris": pd.Series(dtype="int64")})
    n = len(wilayah)
    cols = columns or max(2, math.ceil(math.sqrt(n)) + 1)
    x = wilayah[lon].astype(float).to_numpy()
    y = wilayah[lat].astype(float).to_numpy()
    width, height = np.ptp(x) or 1.0, np.ptp(y) or 1.0
    rows = max(2, math.ceil(cols * height / width) + 1)
    while rows * cols < n:
        rows += 1
    gx = (x - x.min()) / width * (cols - 1)
    gy = (y.max() - y) / height * (rows - 1)
    cells = [(c, r) for r in range(rows) for c in range(cols)]
    dist = np.array([[math.hypot(gx[i] - c, gy[i] - r) for c, r in cells] for i in range(n)])
    taken: set[int] = set()
    place: dict[int, tuple[int, int]] = {}
    for i in np.argsort(dist.min(axis=1), kind="stable"):
        j = next(j for j in np.argsort(dist[i], kind="stable") if j not in taken)
        taken.add(int(j))
        place[int(i)] = cells[int(j)]
    return pd.DataFrame({key: wilayah[key].astype(str).to_numpy(),
                         "kolom": [place[i][0] for i in range(n)],
                         "baris": [place[i][1] for i in range(n)]})
