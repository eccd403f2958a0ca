"""Read a kecamatan boundary file safely: zipped shapefile, GeoJSON or GeoPackage -> `kode, nama, geometry`.

Officials download boundaries from BIG (attributes `KDCPUM`, `WADMKC`, `KDPKAB`, `WADMKK` …) or
GADM (`GID_3`, `NAME_3`, `NAME_2` …), or get a plain `kode`/`nama` file from a consultant. The
reader recognises those schemas, keeps only Tanah Bumbu when the file covers more, reprojects any
CRS with a `.prj` to EPSG:4326, drops Z coordinates, repairs invalid shapes (with a note), joins
village polygons into kecamatan, and matches every shape to a kecamatan code. Uploads are bounded:
zip members, uncompressed size and compression ratio (zip bombs), paths inside the zip (no `..`,
no absolute paths), feature and vertex counts.
"""

from __future__ import annotations

import io as _io
import tempfile
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from sanitasi import KODE_KABUPATEN, NAMA_KABUPATEN
from sanitasi.errors import UNKNOWN_AREA, DataError, Problem
from sanitasi.headers import BOUNDARY_CODE, BOUNDARY_NAME, Field
from sanitasi.load import names_of
from sanitasi.matching import AreaIndex, normalise_name
from sanitasi.readers import geocheck
from sanitasi.readers.reading import ColumnError
from sanitasi.tables import Source, normalise_header, source

MAX_ZIP_MEMBERS = 100
MAX_UNZIPPED = 300 * 1024 * 1024
MAX_RATIO = 200  # a member that inflates more than 200x is treated as a zip bomb
MAX_FEATURES = 20_000
MAX_VERTICES = 3_000_000
VECTOR_SUFFIXES = (".shp", ".geojson", ".json", ".gpkg")

# a province's or the country's layer names the district of each shape: only Tanah Bumbu's are kept
DISTRICT_CODE = Field("kode_kabupaten", ("kdpkab",), required=False, label="kode kabupaten")
DISTRICT_NAME = Field("nama_kabupaten", ("wadmkk", "name_2", "kabupaten"), required=False, label="nama kabupaten")


def _fail(name: str, message: str, value: str | None = None) -> DataError:
    return DataError([Problem(name, None, None, value, message)])


def _safe_members(z: zipfile.ZipFile, name: str) -> list[zipfile.ZipInfo]:
    infos = [i for i in z.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")]
    if len(infos) > MAX_ZIP_MEMBERS:
        raise _fail(name, f"zip berisi {len(infos)} berkas; batasnya {MAX_ZIP_MEMBERS}")
    problems = []
    for i in infos:
        parts = PurePosixPath(i.filename.replace("\\", "/")).parts
        if i.filename.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
            problems.append(Problem(name, None, None, i.filename, "jalur berkas di dalam zip tidak aman (zip-slip)"))
    if problems:
        raise DataError(problems)
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED:
        raise _fail(name, f"isi zip terlalu besar setelah dibuka ({total / 1e6:.0f} MB); batasnya "
                          f"{MAX_UNZIPPED / 1e6:.0f} MB")
    for i in infos:
        if i.file_size > 1_000_000 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise _fail(name, "zip ini mengembang tidak wajar saat dibuka (zip bomb); ditolak", i.filename)
    return infos


MAX_NAME = 120  # characters of one folder or file name inside a zip (a file system allows 255 bytes)
_ZIP_BROKEN = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError, RuntimeError)


def _names_clash(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Names the server's file system cannot hold: a folder or file name over `MAX_NAME` characters, or a file
    and a folder of the same name (`a` and `a/b.shp`)."""
    problems = []
    paths = [PurePosixPath(i.filename.replace("\\", "/")) for i in infos]
    folders = {str(p) for path in paths for p in path.parents if str(p) != "."}
    for path in paths:
        if any(len(part) > MAX_NAME for part in path.parts):
            problems.append(Problem(name, None, None, str(path)[:60] + "…",
                                    f"nama berkas di dalam zip terlalu panjang (lebih dari {MAX_NAME} karakter); "
                                    "perpendek namanya"))
        elif str(path) in folders:
            problems.append(Problem(name, None, None, str(path),
                                    "zip berisi berkas dan folder dengan nama yang sama; ganti salah satu namanya"))
    if problems:
        raise DataError(problems)


def _unzip(src: Source, folder: Path) -> None:
    try:
        z = zipfile.ZipFile(_io.BytesIO(src.data))
    except _ZIP_BROKEN:
        raise _fail(src.name, "berkas zip rusak") from None
    with z:
        infos = _safe_members(z, src.name)
        _names_clash(infos, src.name)
        for info in infos:
            target = folder.joinpath(*PurePosixPath(info.filename.replace("\\", "/")).parts)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                with z.open(info) as fh:
                    data = fh.read(info.file_size + 1)
                if len(data) > info.file_size:
                    raise _fail(src.name, "isi zip tidak sesuai ukurannya; ditolak", info.filename)
                target.write_bytes(data)
            except DataError:
                raise
            except _ZIP_BROKEN as exc:  # a lying size or CRC, a name the disk refuses: never the server's path
                raise _fail(src.name, f"berkas di dalam zip tidak bisa dibuka; zip rusak ({type(exc).__name__})",
                            info.filename[:80]) from None


def _materialise(src: Source, folder: Path, prefer: str = "kec", layer: str = "batas kecamatan") -> list[Path]:
    """Write the upload to `folder` (unpacking a zip safely) and return the vector files to open: one, or, for a
    zip holding one file per kecamatan, all of them (merged by `_shapes` when they share their columns).

    When a zip holds several layers, the one whose name contains `prefer` is taken.
    """
    if src.data.startswith(b"PK"):
        _unzip(src, folder)
        found = sorted(p for p in folder.rglob("*") if p.suffix.lower() in VECTOR_SUFFIXES and p.is_file())
        if not found:
            raise _fail(src.name, "zip tidak berisi shapefile (.shp), GeoJSON atau GeoPackage")
        shp = [p for p in found if p.suffix.lower() == ".shp"]
        candidates = shp or found
        if len(candidates) > 1:
            preferred = [p for p in candidates if prefer in p.stem.lower()]
            candidates = preferred if len(preferred) == 1 else candidates
        for path in candidates:
            if path.suffix.lower() == ".shp":
                missing = [s for s in (".dbf", ".shx") if not path.with_suffix(s).exists()
                           and not path.with_suffix(s.upper()).exists()]
                if missing:
                    raise _fail(src.name, "shapefile tidak lengkap; tidak ada " + ", ".join(missing), path.name)
        return candidates
    suffix = src.suffix
    if suffix == ".shp":
        raise _fail(src.name, "shapefile perlu .shp, .shx, .dbf dan .prj bersama: unggah sebagai satu berkas .zip")
    if suffix not in (".geojson", ".json", ".gpkg"):
        raise _fail(src.name, "format batas tidak dikenal; gunakan shapefile dalam .zip, GeoJSON atau GeoPackage")
    path = folder / f"batas{suffix}"
    path.write_bytes(src.data)
    return [path]


def layers(file: Any) -> list[str]:
    """The polygon layers of a GeoPackage, to choose from when it has several (empty for other files)."""
    src = source(file)
    if src.suffix != ".gpkg":
        return []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "batas.gpkg"
        path.write_bytes(src.data)
        return [n for n, kind in _layer_list(path, src.name) if "polygon" in str(kind).lower()]


def _layer_list(path: Path, name: str) -> list[tuple[str, str]]:
    import pyogrio  # geopandas' own reader, imported by it on first use: only boundary uploads pay for it

    try:
        return [(str(n), str(k)) for n, k in pyogrio.list_layers(path)]
    except Exception:  # noqa: BLE001 - GDAL's own failure: the file is no layer file we can read
        raise _fail(name, "berkas batas tidak bisa dibaca; mungkin rusak atau bukan format peta yang didukung") \
            from None


def _gpkg_layer(path: Path, name: str, chosen: str | None, prefer: str, notes: list[str]) -> str | None:
    """The layer of a GeoPackage to read: the one chosen, else its only polygon layer (roads and rivers beside
    it are left with a note), else the polygon layer named like `prefer`; several without a choice: refused,
    naming them (the Data page offers them as a choice)."""
    found = _layer_list(path, name)
    if chosen is not None:
        if chosen not in [n for n, _ in found]:
            raise _fail(name, "lapisan tidak ada; yang ada: " + ", ".join(n for n, _ in found), chosen)
        return chosen
    if len(found) <= 1:
        return None
    polygons = [n for n, k in found if "polygon" in k.lower()]
    if len(polygons) > 1:
        polygons = [n for n in polygons if prefer in n.lower()] or polygons
    if len(polygons) != 1:
        raise _fail(name, "GeoPackage berisi lebih dari satu lapisan poligon: " + ", ".join(polygons)
                    + "; pilih satu lapisan" if polygons else "GeoPackage ini tidak berisi lapisan poligon")
    others = [n for n, _ in found if n != polygons[0]]
    notes.append(f"Dibaca lapisan '{polygons[0]}' dari GeoPackage; lapisan lain dilewati: {', '.join(others)}.")
    return polygons[0]


def _open(path: Path, name: str, layer: str | None = None) -> gpd.GeoDataFrame:
    try:
        return gpd.read_file(path, layer=layer) if layer else gpd.read_file(path)
    except Exception as exc:  # noqa: BLE001 - GDAL has many ways to fail; all mean "cannot read this file"
        # GDAL's own text is English and names the server's temporary folder: only its kind is shown
        raise _fail(name, "berkas batas tidak bisa dibaca; mungkin rusak atau bukan format peta yang didukung "
                          f"({type(exc).__name__})") from None


def _pick(columns: list[str], field: Field, column_map: Mapping[str, str] | None) -> str | None:
    """The layer's attribute holding `field`: the user's choice, else the first of its spellings present."""
    for header, target in (column_map or {}).items():
        if target == field.name and header in columns:
            return header
    norm = {normalise_header(c): c for c in columns}
    for w in field.synonyms:
        if w in norm:
            return norm[w]
    return None


def _looks_lonlat(bounds: np.ndarray) -> bool:
    x0, y0, x1, y1 = bounds
    return -180 <= x0 <= 180 and -180 <= x1 <= 180 and -90 <= y0 <= 90 and -90 <= y1 <= 90


def _swapped(bounds: np.ndarray) -> bool:
    """Indonesia is lon 95..141, lat -11..6: a file the other way round has lat/lon swapped."""
    x0, y0, x1, y1 = bounds
    return x0 >= -12 and x1 <= 7 and y0 >= 94 and y1 <= 142


def _zip_shapefile(path: Path) -> Source:
    """A shapefile on disk (the command line) is zipped with its sibling files, as an upload would be."""
    buf = _io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for sibling in path.parent.glob(path.stem + ".*"):
            z.write(sibling, sibling.name)
    return Source(path.name, buf.getvalue())


def _shapes(file: Any, prefer: str = "kec", layer: str = "batas kecamatan",
            sheet: str | None = None) -> tuple[gpd.GeoDataFrame, list[str], Source]:
    """The polygons of an upload, bounded, in EPSG:4326, 2-D and valid, where Tanah Bumbu is; with the notes on
    what was changed. `sheet` names a GeoPackage's layer."""
    if isinstance(file, str | Path) and Path(file).suffix.lower() == ".shp" and Path(file).exists():
        file = _zip_shapefile(Path(file))
    src = source(file)
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = _materialise(src, Path(tmp), prefer, layer)
        parts = []
        for path in paths:
            has_prj = path.suffix.lower() != ".shp" or path.with_suffix(".prj").exists() or \
                path.with_suffix(".PRJ").exists()
            chosen = _gpkg_layer(path, src.name, sheet, prefer, notes) if path.suffix.lower() == ".gpkg" else None
            try:
                part = _open(path, src.name, chosen)
            except DataError:
                if len(paths) == 1:
                    raise
                raise _fail(src.name, "zip berisi lebih dari satu lapisan peta: " + ", ".join(p.name for p in paths)
                            + f"; sisakan satu ({layer})") from None
            if len(part) > MAX_FEATURES:
                raise _fail(src.name, f"terlalu banyak poligon ({len(part)}); batasnya {MAX_FEATURES}")
            parts.append((path, has_prj, part))
    gdf = _merged(parts, src, notes, layer) if len(parts) > 1 else _to_wgs84(*parts[0], src, notes)
    if len(gdf) > MAX_FEATURES:
        raise _fail(src.name, f"terlalu banyak poligon ({len(gdf)}); batasnya {MAX_FEATURES}")
    if shapely.has_z(gdf.geometry.to_numpy()).any():
        gdf = gdf.set_geometry(shapely.force_2d(gdf.geometry.to_numpy()))
        notes.append("Koordinat ketinggian (Z) dibuang; peta hanya memakai bujur dan lintang.")
    problems = geocheck.degenerate(gdf, src.name)  # never "repaired" into a line
    if problems:
        raise DataError(problems)
    invalid = ~gdf.geometry.is_valid
    if invalid.any():
        gdf.loc[invalid, gdf.geometry.name] = shapely.make_valid(gdf.geometry[invalid].to_numpy())
        gdf = gdf.set_geometry(gdf.geometry.map(_polygonal))
        notes.append(f"{int(invalid.sum())} poligon tidak valid (misalnya garis bersilangan) diperbaiki otomatis.")
    return gdf, notes, src


def _to_wgs84(path: Path, has_prj: bool, gdf: gpd.GeoDataFrame, src: Source, notes: list[str]) -> gpd.GeoDataFrame:
    """One layer's polygons, bounded and in EPSG:4326; coordinates that are no degrees need their CRS named."""
    gdf = gdf.loc[gdf.geometry.notna() & ~gdf.geometry.is_empty].copy()
    if gdf.empty:  # after dropping empty shapes: features without geometry draw nothing
        raise _fail(src.name, "berkas batas tidak berisi poligon")
    vertices = int(shapely.get_num_coordinates(gdf.geometry.to_numpy()).sum())
    if vertices > MAX_VERTICES:
        raise _fail(src.name, f"terlalu banyak titik sudut ({vertices:,}); batasnya {MAX_VERTICES:,}".replace(",", "."))
    kinds = set(gdf.geometry.geom_type)
    if not kinds <= {"Polygon", "MultiPolygon"}:
        raise _fail(src.name, "batas harus berupa poligon; ditemukan " + ", ".join(sorted(kinds)))
    bounds = gdf.total_bounds
    if gdf.crs is None:
        if path.suffix.lower() == ".shp" and not has_prj and _looks_lonlat(bounds) and not _swapped(bounds):
            gdf = gdf.set_crs("EPSG:4326")
            notes.append("Shapefile tanpa .prj: koordinatnya berupa derajat, jadi dianggap WGS 84 (EPSG:4326).")
        else:
            raise _fail(src.name, "berkas tidak punya sistem koordinat (.prj) dan koordinatnya bukan derajat "
                                  f"bujur/lintang; sertakan berkas .prj, atau {geocheck.CRS_HINT}")
    elif gdf.crs.is_geographic and not _looks_lonlat(bounds) and not _swapped(bounds):
        # a GeoJSON without a `crs` member is degrees by definition (RFC 7946): metres there are a lost CRS
        raise _fail(src.name, "koordinat berkas ini bukan derajat bujur/lintang (angkanya seperti meter), tetapi "
                              f"berkas tidak menyebut sistem koordinatnya; {geocheck.CRS_HINT}",
                    f"{bounds[0]:.0f}, {bounds[1]:.0f}")
    elif not gdf.crs.equals("EPSG:4326"):
        notes.append(f"Koordinat diubah dari {gdf.crs.to_string()} ke WGS 84 (EPSG:4326).")
        gdf = gdf.to_crs("EPSG:4326")
    if _swapped(gdf.total_bounds):
        raise _fail(src.name, "koordinat bujur dan lintang tertukar (lintang di kolom X); periksa urutan kolom")
    return gdf


def _merged(parts: list[tuple[Path, bool, gpd.GeoDataFrame]], src: Source, notes: list[str],
            layer: str) -> gpd.GeoDataFrame:
    """A zip of one file per kecamatan (a folder of exports): merged when every file has the same columns;
    otherwise these are different layers (roads beside rivers), and the official keeps one."""
    names = [p.name for p, _, _ in parts]
    columns = {tuple(sorted(c for c in g.columns if c != g.geometry.name)) for _, _, g in parts}
    if len(columns) != 1:
        raise _fail(src.name, "zip berisi lebih dari satu lapisan peta: " + ", ".join(names)
                    + f"; sisakan satu ({layer}), atau satu berkas per kecamatan dengan kolom yang sama")
    frames = [_to_wgs84(p, prj, g, src, notes) for p, prj, g in parts]
    notes[:] = list(dict.fromkeys(notes))  # the same note from every file, once
    notes.append(f"{len(parts)} berkas digabung menjadi satu lapisan: " + ", ".join(names) + ".")
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry=frames[0].geometry.name, crs="EPSG:4326")


def read(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
         column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> gpd.GeoDataFrame:
    """Kecamatan boundaries -> `kode, nama, geometry`, one row per kecamatan (`sheet`: a GeoPackage's layer)."""
    gdf, notes, src = _shapes(file, sheet=sheet)
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    code_col = _pick(columns, BOUNDARY_CODE, column_map)
    name_col = _pick(columns, BOUNDARY_NAME, column_map)
    if code_col is None and name_col is None:
        raise ColumnError([Problem(src.name, None, "kode/nama kecamatan", None,
                                   "kolom kode atau nama kecamatan tidak dikenali; kolom yang ada: "
                                   + ", ".join(columns))], [BOUNDARY_NAME], columns)
    gdf = _only_district(gdf, columns, column_map, notes)
    index = AreaIndex.of(wilayah)
    codes, problems = [], []
    for i, (_, row) in enumerate(gdf.iterrows()):
        c = row[code_col] if code_col else None
        n = row[name_col] if name_col else None
        hit = index.code_for(c, n, name_map)
        pair = index.disagreement(c, n, name_map) if code_col and name_col else None
        if pair is not None:  # `63.10.01` named Satui: said with both, as the tables say it, never stored under one
            problems.append(Problem(src.name, i + 1, name_col, f"{str(c).strip()} / {str(n).strip()}",
                                    index.disagreement_text(pair, c, n)))
        if hit is None:
            near = index.suggestions(n if n is not None else c)
            hint = ("; mungkin: " + ", ".join(f"{nama} ({kode})" for kode, nama in near)) if near else ""
            problems.append(Problem(src.name, i + 1, name_col or code_col, str(n if n is not None else c),
                                    "kecamatan tidak dikenal" + hint, UNKNOWN_AREA, tuple(near)))
        codes.append(hit)
    problems += geocheck.placement(gdf, src.name) or geocheck.areas(codes, gdf, wilayah, src.name)
    if problems:
        raise DataError(problems)
    gdf = gpd.GeoDataFrame({"kode": codes}, geometry=gdf.geometry.to_numpy(), crs="EPSG:4326")
    if gdf["kode"].duplicated().any():
        gdf = gdf.dissolve(by="kode", as_index=False)
        notes.append("Beberapa poligon per kecamatan (misalnya batas desa) digabung menjadi satu poligon kecamatan.")
    names = names_of(wilayah)
    gdf = gdf.assign(nama=gdf["kode"].map(names))[["kode", "nama", "geometry"]]
    notes += coverage_notes(set(gdf["kode"]), wilayah)
    out = gdf.sort_values("kode").reset_index(drop=True)
    out.attrs["catatan"] = notes
    return out


def _polygonal(geom):
    """After make_valid keep only the areas (a repair can leave stray lines or points)."""
    if geom is None or geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else geom


def _only_district(gdf: gpd.GeoDataFrame, columns: list[str], column_map, notes: list[str]) -> gpd.GeoDataFrame:
    """Keep Tanah Bumbu's shapes when the file covers a whole province or country."""
    code = _pick(columns, DISTRICT_CODE, column_map)
    name = _pick(columns, DISTRICT_NAME, column_map)
    if code is not None:
        keep = gdf[code].astype(str).str.replace(r"\D", "", regex=True) == KODE_KABUPATEN.replace(".", "")
    elif name is not None:
        keep = gdf[name].map(normalise_name) == normalise_name(NAMA_KABUPATEN.replace("Kabupaten ", ""))
    else:
        return gdf
    if keep.all():
        return gdf
    if not keep.any():
        raise _fail("batas", f"berkas ini tidak berisi wilayah {NAMA_KABUPATEN}")
    notes.append(f"Berkas mencakup wilayah lain: hanya {int(keep.sum())} poligon {NAMA_KABUPATEN} yang dipakai.")
    return gdf.loc[keep]


def coverage_notes(codes: set[str], wilayah: pd.DataFrame) -> list[str]:
    """What the map will show when kecamatan are missing, in particular a file from before the 2021 split."""
    notes = []
    children = wilayah.dropna(subset=["pemekaran_dari"])
    old = [c for c in children["kode"] if c not in codes and children.set_index("kode").loc[c, "pemekaran_dari"]
           in codes]
    if old:
        names = names_of(wilayah)
        pairs = ", ".join(f"{names[c]} di dalam {names[children.set_index('kode').loc[c, 'pemekaran_dari']]}"
                          for c in old)
        notes.append("Batas ini dari sebelum pemekaran 2021: " + pairs + ". Peta menampilkan data pada batas lama.")
    missing = sorted(set(wilayah["kode"]) - codes - set(old))
    if missing:
        names = names_of(wilayah)
        notes.append("Kecamatan tanpa poligon (tidak tergambar di peta): " + ", ".join(names[c] for c in missing) + ".")
    return notes
