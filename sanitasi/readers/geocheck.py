"""Is a boundary layer where Tanah Bumbu is, and are its shapes kecamatan-sized? Checked before anything is saved.

A GeoJSON in UTM metres without a `crs` member is read as degrees; a polygon near 0°,0° comes from a file whose
coordinates were lost; a zero-area polygon is a line, not an area; a single outline of the whole kabupaten named
after one kecamatan draws that kecamatan over all the others. Each of these used to be stored and then crashed
the map for every viewer. The reference is the union of the bundled real boundaries (`data/batas_kecamatan.geojson`)
and the official areas in `data/wilayah.csv` (BPS 2020: the two parents of the 2021 split include their child).
"""

from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from sanitasi import NAMA_KABUPATEN, paths
from sanitasi.errors import Problem

MARGIN_DEG = 0.25  # the district's bounding box, widened: a coastline drawn more generously still fits
MIN_OVERLAP = 0.5  # the share of a polygon's area that must lie within the district outline (widened by 10 km)
WIDEN_M = 10_000  # small islands and generous coastlines lie beyond the bundled outline, but not far
AREA_RATIO = 3.0  # a kecamatan's polygon more than 3x or less than a third of its official area is not that kecamatan
WHOLE_DISTRICT = 0.8  # a polygon covering this share of the district is the kabupaten's outline
FLAT_DEG2 = 1e-10  # about 1 m² near the equator
METRIC = "EPSG:32750"  # UTM 50S: Tanah Bumbu lies in it; areas in m²
CRS_HINT = "tentukan CRS, mis. EPSG:32750 (UTM 50S) di berkas .prj atau anggota `crs` GeoJSON"


@lru_cache(maxsize=1)
def outline() -> tuple[shapely.Geometry, shapely.Geometry, float]:
    """The district outline (EPSG:4326), the same widened by `WIDEN_M` (in UTM), and the district's area in km²."""
    batas = gpd.read_file(paths.BATAS_KECAMATAN)
    shape = shapely.union_all(batas.geometry.to_numpy())
    metric = gpd.GeoSeries([shape], crs=batas.crs).to_crs(METRIC)
    wide = metric.buffer(WIDEN_M).to_crs("EPSG:4326").iloc[0]
    return shape, wide, float(metric.area.iloc[0]) / 1e6


def looks_degrees(bounds: np.ndarray) -> bool:
    x0, y0, x1, y1 = bounds
    return -180 <= x0 <= 180 and -180 <= x1 <= 180 and -90 <= y0 <= 90 and -90 <= y1 <= 90


def degenerate(gdf: gpd.GeoDataFrame, name: str) -> list[Problem]:
    """Polygons without area (all points on a line, or one point repeated): refused, never turned into lines."""
    geoms = gdf.geometry.to_numpy()
    # measured repaired (a bow-tie's signed area can be 0); under about a square metre is no area at all
    flat = shapely.area(shapely.make_valid(geoms)) <= FLAT_DEG2
    return [Problem(name, _feature(i), None, g.geom_type,
                    "poligon tanpa luas (semua titiknya segaris atau sama); gambar ulang poligon ini")
            for i, g in zip(gdf.index[flat], geoms[flat], strict=True)]


def placement(gdf: gpd.GeoDataFrame, name: str) -> list[Problem]:
    """Every polygon (EPSG:4326) inside the district's bounding box and mostly within its outline."""
    shape, wide, _ = outline()
    x0, y0, x1, y1 = shape.bounds
    box = shapely.box(x0 - MARGIN_DEG, y0 - MARGIN_DEG, x1 + MARGIN_DEG, y1 + MARGIN_DEG)
    problems = []
    for i, g in zip(gdf.index, gdf.geometry.to_numpy(), strict=True):
        c = g.representative_point()
        where = f"{c.x:.4f}, {c.y:.4f}"
        if not box.intersects(g):
            problems.append(Problem(name, _feature(i), None, where,
                                    f"poligon ini berada di luar {NAMA_KABUPATEN} (bujur, lintang {where}); "
                                    f"koordinatnya salah, atau {CRS_HINT}"))
        elif g.area > 0 and g.intersection(wide).area / g.area < MIN_OVERLAP:
            problems.append(Problem(name, _feature(i), None, where,
                                    f"sebagian besar poligon ini berada di luar {NAMA_KABUPATEN}; periksa "
                                    "koordinat atau sistem koordinatnya"))
    return problems


def areas(codes: list[str | None], gdf: gpd.GeoDataFrame, wilayah: pd.DataFrame, name: str) -> list[Problem]:
    """Each kecamatan's polygons (summed) against its official area; a parent of the 2021 split together with its
    child against the parent's (BPS 2020 counted them as one). A kabupaten-wide outline is never a kecamatan."""
    metric = gdf.geometry.set_crs("EPSG:4326", allow_override=True).to_crs(METRIC).area.to_numpy() / 1e6
    by_code: dict[str, float] = {}
    first: dict[str, object] = {}
    for c, a, i in zip(codes, metric, gdf.index, strict=True):
        if c is not None:
            by_code[c] = by_code.get(c, 0.0) + float(a)
            first.setdefault(c, i)
    _, _, district = outline()
    w = wilayah.set_index("kode")
    names = w["nama"].to_dict()
    parent_of = {k: p for k, p in w["pemekaran_dari"].items() if isinstance(p, str) and p}
    problems = []
    for c, a in by_code.items():
        if a >= WHOLE_DISTRICT * district:
            problems.append(Problem(name, _feature(first[c]), None, f"{_km2(a)} km²",
                                    f"poligon {names.get(c, c)} seluas {_km2(a)} km² mencakup hampir seluruh "
                                    f"{NAMA_KABUPATEN} ({_km2(district)} km²); ini batas kabupaten, bukan kecamatan"))
            continue
        if c in parent_of:
            continue  # a child has no official area of its own: counted with its parent below
        children = [k for k, p in parent_of.items() if p == c]
        total = a + sum(by_code.get(k, 0.0) for k in children)
        official = float(w.at[c, "luas_km2_bps2020"]) if c in w.index else float("nan")
        if not np.isfinite(official) or official <= 0:
            continue
        if not (official / AREA_RATIO <= total <= official * AREA_RATIO):
            also = (" bersama " + ", ".join(names[k] for k in children if k in by_code)) if \
                any(k in by_code for k in children) else ""
            problems.append(Problem(name, _feature(first[c]), None, f"{_km2(total)} km²",
                                    f"luas poligon {names.get(c, c)}{also} {_km2(total)} km², jauh dari luas resminya "
                                    f"{_km2(official)} km²; periksa nama atau kode poligon ini"))
    return problems


def _km2(x: float) -> str:
    return f"{x:,.0f}".replace(",", ".")


def _feature(i: object) -> int | None:
    """The feature's place in the file (1 = the first), as the problems of the boundary reader count them."""
    return int(i) + 1 if isinstance(i, int | np.integer) else None
