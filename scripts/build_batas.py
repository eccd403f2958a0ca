"""Make the SCHEMATIC kecamatan boundaries `data/batas_kecamatan/` from centroids and the district outline.

The official BIG boundary file is not bundled, so the map is drawn from what is public and real:
the 12 polygon centroids in `data/wilayah.csv` and a 25-vertex outline of the district
(`data/sumber/outline_tanah_bumbu.json`, about 1 km precision). The outline is split into a power
diagram (a Voronoi tessellation whose cells can grow or shrink by a weight) around the centroids; the
weights are tuned so that each cell's area comes close to the kecamatan's area as measured on the
published polygons (domain.md 4, "Area polygon km²"). Pieces of a cell that the concave outline cuts
off are given to the neighbour that shares the longest border with them, so every kecamatan is one
piece and the pieces tile the outline without gaps or overlaps.

The result is schematic: right neighbours, right order of size, wrong exact borders. Every screen
that draws it says so; officials replace it with the BIG shapefile (data-import issue).
Run: `python scripts/build_batas.py`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely import Polygon, box, make_valid, polygonize, set_precision, unary_union
from shapely.geometry import MultiPolygon

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sanitasi.paths import BATAS_SHP, OUTLINE_JSON, WILAYAH_CSV  # noqa: E402

PROJECTED = "EPSG:32750"  # UTM zone 50S: areas in m², the district lies inside the zone
# Areas (km²) of the simplified published polygons, domain.md section 4 [I]; used only as goals.
GOAL_KM2 = {
    "63.10.01": 131, "63.10.02": 78, "63.10.03": 388, "63.10.04": 882, "63.10.05": 219, "63.10.06": 288,
    "63.10.07": 202, "63.10.08": 937, "63.10.09": 194, "63.10.10": 115, "63.10.11": 216, "63.10.12": 1262,
}
KETERANGAN = "SKEMATIS: dibuat dari centroid dan garis batas kabupaten yang disederhanakan; bukan batas resmi"


def halfplane(normal: np.ndarray, offset: float, size: float) -> Polygon:
    """The half-plane {x : normal·x <= offset} cut to a square of half-width `size` around the origin."""
    n = normal / np.linalg.norm(normal)
    c = offset / np.linalg.norm(normal)
    t = np.array([-n[1], n[0]])
    p0 = n * c
    far = 4 * size
    return Polygon([p0 + t * far, p0 - t * far, p0 - t * far - n * far, p0 + t * far - n * far])


def power_cells(sites: np.ndarray, weights: np.ndarray, frame: Polygon) -> list[Polygon]:
    size = float(np.abs(np.array(frame.bounds)).max())
    cells = []
    for i, p in enumerate(sites):
        cell = frame
        for j, q in enumerate(sites):
            if i == j:
                continue
            offset = (q @ q - p @ p - weights[j] + weights[i]) / 2.0
            cell = cell.intersection(halfplane(q - p, offset, size))
            if cell.is_empty:
                break
        cells.append(cell)
    return cells


def single_pieces(cells: list, sites: np.ndarray) -> list:
    """Keep each cell's piece that holds its site (or its largest); hand the rest to a neighbour."""
    from shapely import Point

    keep, orphans = [], []
    for cell, site in zip(cells, sites, strict=True):
        parts = list(cell.geoms) if isinstance(cell, MultiPolygon) else [cell]
        parts = [p for p in parts if p.area > 0]
        main = next((p for p in parts if p.contains(Point(site))), max(parts, key=lambda p: p.area))
        keep.append(main)
        orphans.extend(p for p in parts if p is not main)
    for piece in orphans:
        # the overlap of a thin band around the piece measures the length of border it shares
        border = [piece.buffer(0.05).intersection(k).area for k in keep]
        i = int(np.argmax(border))
        # close the hairline gaps left by floating-point half-plane cuts before merging
        keep[i] = unary_union([keep[i], piece]).buffer(1e-4).buffer(-1e-4)
    return keep


def exact_coverage(cells: list) -> list:
    """Rebuild the cells from one noded line network, so neighbours share every border vertex.

    Cells cut one by one from half-planes meet only to floating-point precision; simplifying such
    a set opens slivers. Noding all borders together, polygonising, and dissolving the faces back
    per cell gives a valid coverage (shapely.coverage_is_valid).
    """
    snapped = [set_precision(c, 1e-3) for c in cells]  # 1 m grid (coordinates in km)
    faces = list(polygonize([unary_union([c.boundary for c in snapped])]).geoms)
    owner = [int(np.argmax([f.intersection(c).area for c in snapped])) for f in faces]
    return [unary_union([f for f, o in zip(faces, owner, strict=True) if o == i]) for i in range(len(cells))]


def tessellate(wilayah: pd.DataFrame, outline: Polygon, iterations: int = 200) -> gpd.GeoDataFrame:
    pts = gpd.GeoSeries(gpd.points_from_xy(wilayah["centroid_lon"].astype(float),
                                           wilayah["centroid_lat"].astype(float)), crs="EPSG:4326")
    shape = gpd.GeoSeries([outline], crs="EPSG:4326").to_crs(PROJECTED).iloc[0]
    xy = np.column_stack([pts.to_crs(PROJECTED).x, pts.to_crs(PROJECTED).y])
    centre = xy.mean(axis=0)
    sites = (xy - centre) / 1000.0  # km around the district centre, for well-scaled weights
    from shapely import affinity

    area_shape = affinity.scale(affinity.translate(shape, -centre[0], -centre[1]), 1e-3, 1e-3, origin=(0, 0))
    goal = np.array([GOAL_KM2[k] for k in wilayah["kode"]], dtype=float)
    goal *= area_shape.area / goal.sum()
    frame = box(*area_shape.buffer(50).bounds)
    weights = np.zeros(len(sites))
    for _ in range(iterations):
        cells = [c.intersection(area_shape) for c in power_cells(sites, weights, frame)]
        area = np.array([c.area for c in cells])
        weights += 0.3 * (goal - area)  # converges in about 50 steps; 0.6 oscillates
    cells = single_pieces([c.intersection(area_shape) for c in power_cells(sites, weights, frame)], sites)
    cells = exact_coverage([make_valid(c) for c in cells])
    back = [affinity.translate(affinity.scale(c, 1e3, 1e3, origin=(0, 0)), centre[0], centre[1]) for c in cells]
    gdf = gpd.GeoDataFrame(
        {"kode": wilayah["kode"].to_numpy(), "nama": wilayah["nama"].to_numpy(),
         "luas_km2": np.round([c.area / 1e6 for c in back], 1), "ket": KETERANGAN},
        geometry=back, crs=PROJECTED,
    )
    return gdf.to_crs("EPSG:4326")


def main() -> None:
    wilayah = pd.read_csv(WILAYAH_CSV, dtype=str)
    outline = Polygon(json.loads(OUTLINE_JSON.read_text(encoding="utf-8"))["coordinates"])
    gdf = tessellate(wilayah, outline)
    BATAS_SHP.parent.mkdir(parents=True, exist_ok=True)
    gdf.to_file(BATAS_SHP, driver="ESRI Shapefile", encoding="UTF-8")
    report = pd.DataFrame({"nama": gdf["nama"], "km2": gdf["luas_km2"],
                           "goal": [GOAL_KM2[k] for k in gdf["kode"]],
                           "parts": [getattr(g, "geoms", [g]).__len__() for g in gdf.geometry]})
    print(f"wrote {BATAS_SHP.parent.name}/: {len(gdf)} polygons\n{report.to_string(index=False)}")


if __name__ == "__main__":
    main()
