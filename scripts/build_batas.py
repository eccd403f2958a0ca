"""Make the bundled boundary layers `data/batas_desa.geojson` and `data/batas_kecamatan.geojson` from the real,
MIT-licensed village boundaries in `data/batas/` (Cahya DSN, `wilayah_boundaries`).

The source has two layers. Its kecamatan layer is coarse (423 vertices for 12 polygons) and neighbours overlap
by about 13 km²; its desa/kelurahan layer is fine (149 polygons, 14,491 vertices) but not an exact coverage
either: neighbouring villages overlap by about 0.2 km² in all and leave some 200 slivers (0.17 km²) between them.
So the script
1. cleans the village layer into an exact coverage in a projected CRS (UTM 50S, metres): overlaps go to the
   neighbour with the longest shared border, gaps narrower than `GAP_M` are filled the same way, and shared
   borders become vertex-for-vertex identical (`shapely.coverage_clean`); no village moves more than about
   2 ha, the district keeps 4,883.7 km² (BIG: 4,884.9 km²);
2. derives each kecamatan as the union of its villages (the first eight digits of the village code), so the
   kecamatan layer is gap-free, overlap-free and lies exactly on the village borders;
3. writes both in EPSG:4326 with coordinates to 6 decimals (about 0.1 m; every vertex is rounded on its own,
   so neighbours keep sharing theirs), with the areas measured in UTM 50S and a `sumber` column.

The report printed at the end compares each kecamatan with its BPS 2020 area (`wilayah.csv`) and with the
coarse source polygon (intersection over union); `tests/test_batas.py` checks the same.
Run: `python scripts/build_batas.py` (needs shapely >= 2.1 for coverage_clean).
"""

from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sanitasi import paths  # noqa: E402
from sanitasi.geo import GEOGRAPHIC, PROJECTED  # noqa: E402

GAP_M = 50  # slivers between villages narrower than this are closed; the widest found is well under it
SUMBER = "cahyadsn/wilayah_boundaries (MIT); dibersihkan dan digabung oleh scripts/build_batas.py"


def clean_villages(raw: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The village polygons as an exact coverage (no overlaps, no slivers, shared borders identical), in UTM."""
    projected = raw.to_crs(PROJECTED)
    geoms = shapely.coverage_clean(projected.geometry.to_numpy(), gap_width=GAP_M)
    out = projected.set_geometry(gpd.GeoSeries(geoms, index=projected.index, crs=PROJECTED))
    if not shapely.coverage_is_valid(out.geometry.to_numpy()):
        raise SystemExit("cleaning left the village layer an invalid coverage")
    return out


def derive_kecamatan(villages: gpd.GeoDataFrame, wilayah: pd.DataFrame) -> gpd.GeoDataFrame:
    """One polygon per kecamatan: the union of its villages (projected in, projected out)."""
    kec = villages.assign(kode=villages["kode_wilayah"]).dissolve(by="kode", as_index=False, method="coverage")
    names = dict(zip(wilayah["kode"], wilayah["nama"], strict=True))
    return kec.assign(nama=kec["kode"].map(names))[["kode", "nama", "geometry"]]


def rounded(gdf: gpd.GeoDataFrame, decimals: int = 6) -> gpd.GeoDataFrame:
    """In EPSG:4326, every vertex rounded on its own (shared vertices stay shared)."""
    geo = gdf.to_crs(GEOGRAPHIC)
    geoms = shapely.set_precision(geo.geometry.to_numpy(), 10.0**-decimals, mode="pointwise")
    return geo.set_geometry(gpd.GeoSeries(geoms, index=geo.index, crs=GEOGRAPHIC))


def with_area(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return gdf.assign(luas_km2=(gdf.to_crs(PROJECTED).geometry.area / 1e6).round(2))


def iou(a, b) -> float:
    return float(a.intersection(b).area / a.union(b).area)


def main() -> None:
    wilayah = pd.read_csv(paths.WILAYAH_CSV, dtype=str)
    codes = pd.read_csv(paths.KODE_DESA_CSV, dtype=str)
    raw = gpd.read_file(paths.BATAS_DESA_SUMBER)
    unknown = sorted(set(raw["kode"]) - set(codes["kode"]))
    if unknown or len(raw) != raw["kode"].nunique():
        raise SystemExit(f"village codes not in the 2025 list or repeated: {unknown}")
    raw = raw.assign(kode_wilayah=raw["kode"].str.slice(0, 8))
    if not set(raw["kode_wilayah"]) <= set(wilayah["kode"]):
        raise SystemExit("a village lies in a kecamatan that wilayah.csv does not list")

    villages = clean_villages(raw)
    kecamatan = derive_kecamatan(villages, wilayah)
    desa_out = with_area(rounded(villages))[["kode", "nama", "kode_wilayah", "luas_km2", "geometry"]]
    kec_out = with_area(rounded(kecamatan))[["kode", "nama", "luas_km2", "geometry"]]
    for gdf, path in ((desa_out, paths.BATAS_DESA), (kec_out, paths.BATAS_KECAMATAN)):
        if not (gdf.is_valid.all() and shapely.coverage_is_valid(gdf.geometry.to_numpy())):
            raise SystemExit(f"{path.name}: rounding broke the coverage")
        gdf.assign(sumber=SUMBER).to_file(path, driver="GeoJSON", COORDINATE_PRECISION=6, WRITE_NAME="NO")

    coarse = gpd.read_file(paths.BATAS_KECAMATAN_SUMBER).to_crs(PROJECTED).set_index("kode").geometry
    fine = kecamatan.set_index("kode").geometry
    report = (wilayah[["kode", "nama", "luas_km2_bps2020", "pemekaran_dari"]]
              .assign(luas_km2=lambda d: d["kode"].map(fine.area / 1e6).round(1),
                      kasar_km2=lambda d: d["kode"].map(coarse.area / 1e6).round(1),
                      iou=lambda d: [round(iou(fine[k], coarse[k]), 3) for k in d["kode"]]))
    print(f"wrote {paths.BATAS_DESA.name} ({len(desa_out)} villages, "
          f"{int(shapely.get_num_coordinates(desa_out.geometry.to_numpy()).sum())} vertices) and "
          f"{paths.BATAS_KECAMATAN.name} ({len(kec_out)} kecamatan, "
          f"{int(shapely.get_num_coordinates(kec_out.geometry.to_numpy()).sum())} vertices)")
    print(report.to_string(index=False))
    print(f"district: {fine.area.sum() / 1e6:.1f} km² (BIG 2024: 4,884.9 km²)")


if __name__ == "__main__":
    main()
