"""The import API against a corpus of bad and awkward files, every one built here, byte by byte.

One row per file: what the file is, which reader takes it, and either every problem it must
report (row as Excel shows it, column, a fragment of the Indonesian message, the value found) or
what it must load as. Each file goes through the same path as the Data page and the command line
(read, then save to a store), so a bad file that slipped through would also show up as a new
version in the store.
"""

from __future__ import annotations

import functools
import io as _io
import json
import os
import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pytest
import shapely
import shapely.affinity
from shapely.geometry import Point, Polygon, box
from sqlalchemy import MetaData, create_engine
from streamlit.testing.v1 import AppTest

from benchmarks import hostile
from sanitasi import cli, errors, paths, readers, store, tables
from sanitasi.indicators import RUNG_COLUMNS
from sanitasi.load import Dataset
from sanitasi.readers import boundaries
from sanitasi.tables import Source

# ------------------------------------------------------------------------------------- file builders
HEADER = ";".join(["kode_wilayah", "kecamatan", "tahun", "jumlah_kk", *RUNG_COLUMNS])
ROW1 = "63.10.01;Batulicin;2025;100;10;50;10;20;10"  # 10+50+10+20+10 = 100
ROW2 = "63.10.02;Kusan Hilir;2025;200;20;100;20;40;20"  # 20+100+20+40+20 = 200
PCT = ";".join(["kecamatan", "tahun", "jumlah_kk", "% aman", "% layak sendiri", "% layak bersama", "% belum layak",
                "% babs terbuka"])
NAMES = ";".join(["kecamatan", "tahun", "jumlah_kk", *RUNG_COLUMNS])


def text(*lines: str, encoding: str = "utf-8", bom: bool = False) -> Callable[[], bytes]:
    """A CSV file of these lines (built when the test runs)."""
    return lambda: (b"\xef\xbb\xbf" if bom else b"") + ("\n".join(lines) + "\n").encode(encoding)


def raw(data: bytes) -> Callable[[], bytes]:
    return lambda: data


def xlsx(sheets: dict[str, list[list[object]]]) -> Callable[[], bytes]:
    def build() -> bytes:
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for name, rows in sheets.items():
            ws = wb.create_sheet(name)
            for row in rows:
                ws.append(row)
        buf = _io.BytesIO()
        wb.save(buf)
        return buf.getvalue()

    return build


def workbook(build: Callable[[openpyxl.Workbook], None]) -> Callable[[], bytes]:
    """A workbook shaped by `build` (formats, hidden sheets, formulas): what `xlsx` cannot say with rows alone."""
    def made() -> bytes:
        wb = openpyxl.Workbook()
        build(wb)
        buf = _io.BytesIO()
        wb.save(buf)
        return buf.getvalue()

    return made


def sheet(wb: openpyxl.Workbook, title: str, rows: list[list[object]], *, formats: dict[str, str] | None = None,
          hidden: bool = False, first: bool = False) -> None:
    """One sheet of `rows`; `formats` sets cells' number formats ("C2": "0.0%"), `hidden` hides it."""
    ws = wb.active if first else wb.create_sheet(title)
    ws.title = title
    for r in rows:
        ws.append(r)
    for ref, code in (formats or {}).items():
        ws[ref].number_format = code
    if hidden:
        ws.sheet_state = "hidden"


def zipped(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = _io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def shapefile_zip(gdf: gpd.GeoDataFrame, tmp: Path, *, drop: tuple[str, ...] = (), folder: str = "",
                  stem: str = "batas_kecamatan") -> bytes:
    """The shapefile geopandas writes, zipped the way officials send it (optionally in a sub-folder)."""
    out = tmp / f"shp_{len(list(tmp.iterdir()))}"
    out.mkdir()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # field-name truncation and the like: not what is tested
        gdf.to_file(out / f"{stem}.shp")
    return zipped({folder + p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.suffix.lower() not in drop})


# the bundled schematic boundaries: 12 kecamatan, EPSG:4326, columns kode, nama
def bundled_batas(dataset: Dataset) -> gpd.GeoDataFrame:
    return dataset.batas[["kode", "nama", "geometry"]].copy()


def swap_xy(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return gdf.set_geometry(shapely.transform(gdf.geometry.to_numpy(), lambda xy: xy[:, ::-1]))


def with_z(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return gdf.set_geometry(shapely.force_3d(gdf.geometry.to_numpy(), 25.0))


def bow_tie(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The first kecamatan drawn as a self-crossing 'bow-tie' (an invalid polygon)."""
    out = gdf.copy()
    x0, y0, x1, y1 = out.geometry.iloc[0].bounds
    out.loc[out.index[0], "geometry"] = Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1)])
    assert not out.geometry.iloc[0].is_valid
    return out


def villages(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Each kecamatan cut in two halves, as a desa-level file would give it."""
    rows = []
    for kode, g in zip(gdf["kode"], gdf.geometry, strict=True):
        x0, y0, x1, y1 = g.bounds
        mid = (x0 + x1) / 2
        rows += [(kode, g.intersection(box(x0 - 1, y0 - 1, mid, y1 + 1))),
                 (kode, g.intersection(box(mid, y0 - 1, x1 + 1, y1 + 1)))]
    return gpd.GeoDataFrame({"kode": [k for k, _ in rows], "desa": [f"Desa {i}" for i in range(len(rows))]},
                            geometry=[g for _, g in rows], crs="EPSG:4326")


def pre_2021(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The 10 kecamatan before the 2021 split: Kusan Tengah inside Kusan Hilir, Teluk Kepayang in Kusan Hulu."""
    parent = gdf.assign(kode=gdf["kode"].replace({"63.10.11": "63.10.02", "63.10.12": "63.10.05"}))
    return parent.dissolve(by="kode", as_index=False)[["kode", "geometry"]]


ELSEWHERE = box(116.1, -3.4, 116.3, -3.2)  # a polygon of another kabupaten (Kotabaru lies east)


def gadm(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """GADM level 3: GID_3/NAME_2/NAME_3 over the whole province (one Kotabaru kecamatan added)."""
    ours = pd.DataFrame({"GID_3": [f"IDN.13.11.{i + 1}_1" for i in range(len(gdf))], "NAME_1": "Kalimantan Selatan",
                         "NAME_2": "Tanah Bumbu", "NAME_3": gdf["nama"].str.replace(" ", "").to_numpy()})
    other = pd.DataFrame({"GID_3": ["IDN.13.6.1_1"], "NAME_1": ["Kalimantan Selatan"], "NAME_2": ["Kotabaru"],
                          "NAME_3": ["PulauLautUtara"]})
    return gpd.GeoDataFrame(pd.concat([ours, other], ignore_index=True),
                            geometry=[*gdf.geometry, ELSEWHERE], crs="EPSG:4326")


def big(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """BIG (Badan Informasi Geospasial): KDCPUM/WADMKC/KDPKAB/WADMKK, with a Kotabaru kecamatan in the file."""
    ours = pd.DataFrame({"KDCPUM": gdf["kode"].to_numpy(), "WADMKC": gdf["nama"].to_numpy(), "KDPKAB": "63.10",
                         "WADMKK": "Tanah Bumbu"})
    other = pd.DataFrame({"KDCPUM": ["63.02.01"], "WADMKC": ["Pulau Laut Utara"], "KDPKAB": ["63.02"],
                          "WADMKK": ["Kotabaru"]})
    return gpd.GeoDataFrame(pd.concat([ours, other], ignore_index=True),
                            geometry=[*gdf.geometry, ELSEWHERE], crs="EPSG:4326")


def geojson(gdf: gpd.GeoDataFrame) -> bytes:
    return gdf.to_json().encode()


def without_crs(gdf: gpd.GeoDataFrame) -> bytes:
    """A GeoJSON of projected coordinates with no `crs` member: what a script writes from a UTM layer."""
    doc = json.loads(gdf.to_json())
    doc.pop("crs", None)
    return json.dumps(doc).encode()


def replaced(gdf: gpd.GeoDataFrame, i: int, geom) -> gpd.GeoDataFrame:
    out = gdf.copy()
    out.loc[out.index[i], "geometry"] = geom
    return out


def flat_polygon(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The first kecamatan drawn as a polygon without area: its corners on one line."""
    x0, y0, x1, y1 = gdf.geometry.iloc[0].bounds
    return replaced(gdf, 0, Polygon([(x0, y0), (x1, y1), ((x0 + x1) / 2, (y0 + y1) / 2), (x0, y0)]))


def near_null_island(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The first kecamatan moved to 0°,0° (its coordinates lost their offset)."""
    g = gdf.geometry.iloc[0]
    c = g.centroid
    return replaced(gdf, 0, shapely.affinity.translate(g, -c.x + 0.01, -c.y + 0.01))


def per_file(gdf: gpd.GeoDataFrame, tmp: Path, shp: bool) -> bytes:
    """One file per kecamatan, same columns, one feature each: a folder of exports, zipped."""
    members = {}
    for i in range(len(gdf)):
        one = gdf.iloc[[i]]
        stem = f"kec_{i + 1:02d}"
        if shp:
            members.update({f"{stem}/{k}": v for k, v in _members(shapefile_zip(one, tmp, stem=stem)).items()})
        else:
            members[f"{stem}.geojson"] = geojson(one)
    return zipped(members)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(_io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def gpkg(tmp: Path, layers: dict[str, gpd.GeoDataFrame]) -> bytes:
    path = tmp / f"b{len(list(tmp.iterdir()))}.gpkg"
    for name, frame in layers.items():
        frame.to_file(path, driver="GPKG", layer=name)
    return path.read_bytes()


def roads(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    c = gdf.geometry.iloc[0].centroid
    return gpd.GeoDataFrame({"nama": ["Jalan Provinsi"]},
                            geometry=[shapely.LineString([(c.x, c.y), (c.x + 0.1, c.y)])], crs="EPSG:4326")


def lying_size(data: bytes) -> bytes:
    """A zip whose central directory says its first member is smaller than it is."""
    at = data.rfind(b"PK\x01\x02")  # the last member's central directory entry
    size = int.from_bytes(data[at + 24:at + 28], "little")
    return data[:at + 24] + max(size // 2, 1).to_bytes(4, "little") + data[at + 28:]


def zip_bomb() -> bytes:
    # 5 MB of zeros deflate to about 5 kB: a member that inflates ~1000x and to more than 1 MB
    return zipped({"batas_kecamatan.shp": bytes(5_000_000), "batas_kecamatan.dbf": b"", "batas_kecamatan.shx": b""})


@functools.cache
def bundled_villages() -> gpd.GeoDataFrame:
    """The bundled real village boundaries (149 polygons, Kemendagri codes 63.10.NN.NNNN)."""
    return gpd.read_file(paths.BATAS_DESA)[["kode", "nama", "kode_wilayah", "geometry"]]


def bps_villages(style: str) -> gpd.GeoDataFrame:
    """The bundled villages keyed by BPS codes, as HDX COD-AB publishes them (`ADM4_PCODE` ID6310010001,
    `ADM3_PCODE`, `ADM3_EN`, `ADM4_EN`, `ADM2_PCODE`) or with plain English columns (`village_code` 6310010001,
    `district_code`, `district`, `village`). A BPS village number is not Kemendagri's (Kusan Hilir's first village
    is 6310010001 there, 63.10.02.xxxx here), so only the kecamatan comes from the code, the village from its name.
    Kusan Tengah and Teluk Kepayang (2021) get codes the bundled list does not have: found by their kecamatan's name.
    A Kotabaru village is in the file too."""
    v = bundled_villages().sort_values("kode").reset_index(drop=True)
    w = pd.read_csv(paths.WILAYAH_CSV, dtype=str).set_index("kode")
    kec_bps = v["kode_wilayah"].map(w["kode_bps"].fillna("").to_dict()).replace(
        {"": None}).fillna(v["kode_wilayah"].map({"63.10.11": "6310011", "63.10.12": "6310042"}))
    number = v.groupby("kode_wilayah").cumcount() + 1
    village_bps = kec_bps + number.map(lambda n: f"{n:03d}")
    kec_name = v["kode_wilayah"].map(w["nama"].to_dict())
    if style == "hdx":
        ours = pd.DataFrame({"ADM2_PCODE": "ID6310", "ADM2_EN": "Tanah Bumbu", "ADM3_PCODE": "ID" + kec_bps,
                             "ADM3_EN": kec_name, "ADM4_PCODE": "ID" + village_bps, "ADM4_EN": v["nama"]})
        other = pd.DataFrame({"ADM2_PCODE": ["ID6302"], "ADM2_EN": ["Kotabaru"], "ADM3_PCODE": ["ID6302010"],
                              "ADM3_EN": ["Pulau Sembilan"], "ADM4_PCODE": ["ID6302010001"], "ADM4_EN": ["Tanjung"]})
    else:
        ours = pd.DataFrame({"village_code": village_bps, "district_code": kec_bps, "district": kec_name,
                             "village": v["nama"]})
        other = pd.DataFrame({"village_code": ["6302010001"], "district_code": ["6302010"], "district": ["Pulau "
                              "Sembilan"], "village": ["Tanjung"]})
    return gpd.GeoDataFrame(pd.concat([ours, other], ignore_index=True), geometry=[*v.geometry, ELSEWHERE],
                            crs="EPSG:4326")


def village_changed(v: gpd.GeoDataFrame, geom=None, **values) -> gpd.GeoDataFrame:
    """The first village with attributes or its polygon changed."""
    out = v.copy()
    for column, value in values.items():
        out.loc[out.index[0], column] = value
    if geom is not None:
        out.loc[out.index[0], "geometry"] = geom
    return out


def kecamatan_shape(code: str):
    return shapely.union_all(bundled_villages().loc[lambda v: v["kode_wilayah"] == code].geometry.to_numpy())


def moved_into(geom, code: str):
    """`geom` moved to lie in the middle of kecamatan `code`."""
    c, p = geom.centroid, kecamatan_shape(code).representative_point()
    return shapely.affinity.translate(geom, p.x - c.x, p.y - c.y)


# ------------------------------------------------------------------------------------- expectations
ANY = object()


@dataclass(frozen=True)
class P:
    """One expected problem: row (as Excel shows it), column, message fragment, value found."""

    baris: int | None | object
    kolom: str | None | object
    pesan: str
    nilai: str | None | object = ANY
    jenis: str = ""


@dataclass(frozen=True)
class Bad:
    problems: tuple[P, ...]  # all of them: the error must carry exactly these, found in one pass
    columns_missing: tuple[str, ...] | None = None  # for readers.ColumnError: the fields asked for ...
    unmatched: tuple[str, ...] | None = None  # ... and the file's headers offered in the dropdowns


@dataclass(frozen=True)
class Good:
    rows: int
    note: str | None = None  # a fragment of one of attrs["catatan"]
    values: dict[str, list] = field(default_factory=dict)  # column -> expected values (sorted as returned)


@dataclass(frozen=True)
class Case:
    id: str
    kind: str
    name: str
    build: Callable[..., bytes]
    expect: Bad | Good
    options: dict = field(default_factory=dict)
    geo: bool = False  # build(dataset, tmp_path) instead of build()


A, T, B, G = "akses", "target", "biaya", "batas"
K, D, S, V = "komitmen", "drainase", "stbm_desa", "batas_desa"
UNK = errors.UNKNOWN_AREA


def geo(id_: str, name: str, build: Callable[[gpd.GeoDataFrame, Path], bytes], expect, **options) -> Case:
    return Case(id_, G, name, build, expect, options, geo=True)


def village(id_: str, name: str, build: Callable[[], bytes], expect, **options) -> Case:
    return Case(id_, V, name, build, expect, options)


CASES = [
    # ---- separators, encodings, layout -------------------------------------------------------------
    Case("semicolon-thousands-dot", A, "akses.csv",
         text(HEADER, "63.10.01;Batulicin;2025;1.234;234;500;100;200;200"),
         Good(1, values={"jumlah_kk": [1234], "kk_aman": [234]})),
    Case("comma-separated", A, "akses.csv", text(HEADER.replace(";", ","), ROW1.replace(";", ",")),
         Good(1, values={"kode_wilayah": ["63.10.01"], "jumlah_kk": [100]})),
    Case("tab-separated", A, "akses.txt", text(HEADER.replace(";", "\t"), ROW1.replace(";", "\t")),
         Good(1, values={"kk_layak_sendiri": [50]})),
    Case("pipe-separated-is-one-column", A, "akses.csv", text(HEADER.replace(";", "|"), ROW1.replace(";", "|")),
         Bad((P(1, "nama kecamatan", "kolom ini tidak ditemukan"), P(1, "tahun", "kolom ini tidak ditemukan"),
              P(1, "jumlah KK", "kolom ini tidak ditemukan")), columns_missing=("nama_wilayah", "tahun", "jumlah_kk"),
             unmatched=(HEADER.replace(";", "|"),))),
    Case("utf8-bom", A, "akses.csv", text(HEADER, ROW1, bom=True), Good(1, values={"kode_wilayah": ["63.10.01"]})),
    Case("cp1252-with-accents-and-degree", A, "akses.csv",
         text(HEADER + ";keterangan", ROW1 + ";Survei André, suhu 30°", encoding="cp1252"),
         Good(1, values={"jumlah_kk": [100]})),
    Case("title-rows-and-blank-lines", A, "akses.csv",
         text("REKAP AKSES SANITASI KABUPATEN TANAH BUMBU;;;;;;;;", "Tahun 2025;;;;;;;;", "", HEADER, ROW1, "",
              ";;;;;;;;", ROW2),
         Good(2, values={"kode_wilayah": ["63.10.01", "63.10.02"]})),
    Case("title-rows-bad-cell-points-at-excel-row", A, "akses.csv",
         # rows: 1-2 titles, 3 blank, 4 header, 5 ROW1, 6 blank, 7 the bad row
         text("REKAP AKSES SANITASI;;;;;;;;", "Dinas Kesehatan;;;;;;;;", "", HEADER, ROW1, "",
              "63.10.02;Kusan Hilir;2025;200;20;seratus;20;40;20"),
         Bad((P(7, "kk_layak_sendiri", "harus berupa angka", "seratus"),))),
    Case("header-merged-over-two-rows", A, "akses.csv",
         text("Kode Kec;Kecamatan;Tahun;Jumlah KK;Jumlah KK per anak tangga;;;;",
              ";;;;Aman;Layak Sendiri;Layak Bersama;Belum Layak;BABS Terbuka", ROW1, ROW2),
         Good(2, values={"kk_babs_terbuka": [10, 20]})),
    Case("header-merged-bad-cell", A, "akses.csv",
         text("Kode Kec;Kecamatan;Tahun;Jumlah KK;Jumlah KK per anak tangga;;;;",
              ";;;;Aman;Layak Sendiri;Layak Bersama;Belum Layak;BABS Terbuka", ROW1, "",
              "63.10.02;Kusan Hilir;2025;200;20;100;20;40;x"),
         Bad((P(5, "BABS Terbuka", "harus berupa angka", "x"),))),
    Case("indonesian-header-variants", A, "akses.csv",
         text("Kode Kec;Nama Kecamatan;Thn;Jml KK;KK Aman;Jumlah Layak Sendiri;Layak Bersama;Belum Layak;BABS",
              ROW1), Good(1, values={"kk_babs_terbuka": [10]})),
    # ---- rows ----------------------------------------------------------------------------------------
    # a total line is checked against the kecamatan rows of its year and not stored (it used to be dropped unchecked)
    Case("totals-row-jumlah", A, "akses.csv", text(HEADER, ROW1, ROW2, ";JUMLAH;2025;300;30;150;30;60;30"),
         Good(2, note="Baris jumlah/kabupaten (baris 4) diperiksa terhadap jumlah baris kecamatan")),
    Case("totals-row-kabupaten-code", A, "akses.csv",
         text(HEADER, ROW1, "63.10;Kabupaten Tanah Bumbu;2025;100;10;50;10;20;10"),
         Good(1, note="Baris jumlah/kabupaten (baris 3) diperiksa")),
    Case("totals-row-does-not-add-up", A, "akses.csv", text(HEADER, ROW1, ROW2, ";JUMLAH;2025;310;30;150;30;60;40"),
         # the kecamatan rows add up to 300 households, 30 of them BABS; the line says 310 and 40
         Bad((P(4, "jumlah_kk", "310 di baris ini, 300 dari kecamatan; selisih 10", "310"),
              P(4, "kk_babs_terbuka", "40 di baris ini, 30 dari kecamatan", "40")))),
    # a file whose only row is the kabupaten is a kabupaten series (it used to be refused: "tidak ada baris kecamatan")
    Case("only-a-totals-row", A, "akses.csv", text(HEADER, ";Total;2025;100;10;50;10;20;10"),
         Good(1, values={"kode_wilayah": ["63.10"], "jumlah_kk": [100], "sumber": ["akses.csv"], "satuan": ["kk"]})),
    # ---- kabupaten series (BPS Susenas) ------------------------------------------------------------
    Case("kabupaten-percent-by-code", A, "susenas.csv",
         text("kode_wilayah;tahun;% layak;% aman;% BABS", "63.10;2022;84,10;7,20;3,10", "63.10;2023;85,35;8;2,8",
              "6310;2024;86,90;9,15;2,40"),
         Good(3, values={"kode_wilayah": ["63.10"] * 3, "tahun": [2022, 2023, 2024], "pct_layak": [84.1, 85.35, 86.9],
                         "pct_babs_terbuka": [3.1, 2.8, 2.4], "jumlah_kk": [None] * 3,
                         "sumber": ["BPS Susenas 2024"] * 3, "satuan": ["rumah_tangga"] * 3, "resmi": ["tidak"] * 3})),
    Case("kabupaten-percent-editor-choices", A, "susenas.csv",
         text("kode_wilayah;tahun;% layak", "63.10;2024;86,90"),
         Good(1, values={"sumber": ["BPS Susenas Maret 2024"], "resmi": ["ya"], "satuan": ["rumah_tangga"]}),
         {"pilihan": {"sumber": "BPS Susenas Maret 2024", "resmi": "ya"}}),
    Case("kabupaten-by-name-with-rse-and-interval", A, "susenas.xlsx",
         xlsx({"Tabel": [["Kabupaten/Kota", "Tahun", "Akses Sanitasi Layak (%)", "RSE Layak", "Batas Bawah Layak",
                          "Batas Atas Layak", "Sanitasi Aman (%)"],
                         ["Kabupaten Tanah Bumbu", 2023, 85.35, 1.2, 83.3, 87.4, None],
                         ["Kab. Tanah Bumbu", 2024, 86.9, 1.1, 85.0, 88.8, 9.15]]}),
         Good(2, values={"pct_layak": [85.35, 86.9], "rse_layak": [1.2, 1.1], "ci_bawah_layak": [83.3, 85.0],
                         "ci_atas_layak": [87.4, 88.8], "pct_aman": [None, 9.15], "kode_wilayah": ["63.10"] * 2})),
    Case("kabupaten-without-area-column", A, "layak.csv", text("Tahun;Sanitasi layak (%)", "2023;85,35", "2024;86,9"),
         Good(2, note="Tidak ada kolom wilayah", values={"kode_wilayah": ["63.10"] * 2, "pct_layak": [85.35, 86.9]})),
    Case("bps-table-years-as-columns", A, "bps_kalsel.csv",
         text("Persentase Rumah Tangga yang Memiliki Akses terhadap Sanitasi Layak menurut Kabupaten/Kota (Persen);;;",
              "Kabupaten/Kota;2022;2023;2024", "Tanah Laut;80,1;81,0;82,5", "Kotabaru;78,4;79,9;81,2",
              "Tanah Bumbu;84,10;85,35;86,90", "Kalimantan Selatan;83,2;84,0;85,1"),
         Good(3, note="Baris wilayah lain diabaikan (baris 3, 4, 6): Tanah Laut, Kotabaru, Kalimantan Selatan",
              values={"tahun": [2022, 2023, 2024], "pct_layak": [84.1, 85.35, 86.9], "pct_aman": [None] * 3})),
    Case("bps-years-as-columns-indicator-column", A, "bps.csv",
         text("Indikator;2023;2024", "Akses sanitasi layak;85,35;86,90", "Akses sanitasi aman;8,00;9,15", "BABS;2,8;-"),
         Good(2, values={"pct_layak": [85.35, 86.9], "pct_aman": [8.0, 9.15], "pct_babs_terbuka": [2.8, None]})),
    Case("one-value-column-with-indicator", A, "susenas.csv",
         text("Tahun;Indikator;Persentase;RSE", "2024;layak;86,90;1,1", "2024;aman;9,15;4,2", "2023;layak;85,35;1,2"),
         Good(2, values={"tahun": [2023, 2024], "pct_layak": [85.35, 86.9], "pct_aman": [None, 9.15],
                         "rse_aman": [None, 4.2], "rse_layak": [1.2, 1.1]})),
    Case("one-value-column-indicator-chosen", A, "susenas.csv", text("Tahun;Persentase", "2024;2,4"),
         Good(1, values={"pct_babs_terbuka": [2.4]}), {"pilihan": {"indikator": "babs_terbuka"}}),
    Case("kabupaten-source-unit-official-columns", A, "resmi.csv",
         text("wilayah;tahun;pct_layak;sumber;satuan;resmi",
              "Tanah Bumbu;2024;86,9;BPS Susenas Maret 2024;rumah tangga;ya", "Tanah Bumbu;2023;85,35;;RT;Tidak"),
         Good(2, values={"sumber": ["BPS Susenas 2024", "BPS Susenas Maret 2024"], "satuan": ["rumah_tangga"] * 2,
                         "resmi": ["tidak", "ya"]})),
    Case("kabupaten-counts", A, "rekap_dinkes.csv",
         text(HEADER, "63.10;Kabupaten Tanah Bumbu;2024;300;30;150;30;60;30",
              "63.10;Kabupaten Tanah Bumbu;2025;310;40;150;30;60;30"),
         Good(2, values={"kode_wilayah": ["63.10"] * 2, "jumlah_kk": [300, 310], "sumber": ["rekap_dinkes.csv"] * 2,
                         "satuan": ["kk"] * 2})),
    Case("dashboard-export-counts-and-kabupaten-shares", A, "akses_versi_3.csv",
         text("kode_wilayah;tahun;sumber;satuan;resmi;jumlah_kk;" + ";".join(RUNG_COLUMNS) + ";pct_layak;pct_aman;"
              "pct_babs_terbuka;rse_layak",
              "63.10.01;2024;Dinkes STBM;kk;tidak;100;10;50;10;20;10;;;;",
              "63.10;2024;BPS Susenas 2024;rumah_tangga;ya;;;;;;;86,9;9,15;2,4;1,1"),
         Good(2, values={"kode_wilayah": ["63.10", "63.10.01"], "resmi": ["ya", "tidak"], "pct_layak": [86.9, None],
                         "jumlah_kk": [None, 100]})),
    Case("kabupaten-percent-out-of-range", A, "susenas.csv",
         text("kode_wilayah;tahun;% layak;% aman", "63.10;2023;104;8", "63.10;2024;86,9;sembilan"),
         Bad((P(2, "% layak", "persentase harus antara 0 dan 100", "104"), P(3, "% aman", "harus berupa angka")))),
    Case("kecamatan-percent-only", A, "akses.csv", text("kecamatan;tahun;% layak", "Batulicin;2025;80"),
         Bad((P(2, "kode_wilayah", "persentase saja hanya untuk tingkat kabupaten", "63.10.01"),))),
    Case("one-value-column-without-indicator", A, "nilai.csv", text("Tahun;Persentase", "2024;86,9"),
         Bad((P(None, "indikator", "pilih layak, aman, atau babs_terbuka"),))),
    Case("unknown-unit-and-official-flag", A, "susenas.csv",
         text("tahun;% layak;satuan;resmi", "2024;86,9;meter;mungkin"),
         Bad((P(2, "satuan", "satuan harus rumah_tangga, kk, atau jiwa", "meter"),
              P(2, "resmi", "resmi harus ya atau tidak", "mungkin")))),
    Case("kabupaten-year-twice", A, "susenas.csv",
         text("kode_wilayah;tahun;% layak", "63.10;2024;86,9", "63.10;2024;87"),
         Bad((P(3, None, "baris ganda", "63.10, 2024"),))),
    Case("years-as-columns-indicator-twice", A, "bps.csv",
         text("Indikator;2023;2024", "layak;85,35;86,90", "Akses sanitasi layak;85,35;87"),
         Bad((P(3, None, "baris ganda", "pct_layak, 2023"), P(3, None, "baris ganda", "pct_layak, 2024")))),
    Case("error-column-without-its-indicator", A, "susenas.csv",
         text("tahun;% layak;% aman;RSE", "2024;86,9;9,15;1,1"),
         Bad((P(1, "RSE", "kolom ini tidak menyebut indikatornya"),))),
    Case("duplicate-rows", A, "akses.csv", text(HEADER, ROW1, ROW2, ROW1),
         Bad((P(4, None, "baris ganda", "63.10.01, 2025"),))),
    Case("duplicate-by-name-and-code", A, "akses.csv",
         text(HEADER, ROW1, ";Batu Licin;2025;100;10;50;10;20;10"), Bad((P(3, None, "baris ganda"),))),
    # ---- cells ---------------------------------------------------------------------------------------
    Case("text-in-three-number-cells", A, "akses.csv",
         text(HEADER, "63.10.01;Batulicin;2025;100;sepuluh;50;10;20;10",
              "63.10.02;Kusan Hilir;2025;dua ratus;20;100;20;40;20",
              "63.10.03;Sungai Loban;2025;100;10;50;10;20;n/a"),
         Bad((P(2, "kk_aman", "harus berupa angka", "sepuluh"), P(3, "jumlah_kk", "harus berupa angka", "dua ratus"),
              P(4, "kk_babs_terbuka", "harus berupa angka", "n/a")))),
    Case("empty-cells", A, "akses.csv", text(HEADER, "63.10.01;Batulicin;2025;;10;50;10;20;10",
                                             "63.10.02;Kusan Hilir;2025;200;20;-;20;40;20"),
         Bad((P(2, "jumlah_kk", "wajib diisi"), P(3, "kk_layak_sendiri", "wajib diisi")))),
    Case("negative-count", A, "akses.csv", text(HEADER, "63.10.01;Batulicin;2025;100;-10;70;10;20;10"),
         Bad((P(2, "kk_aman", "tidak negatif", "-10"),))),  # -10+70+10+20+10 = 100: only the sign is wrong
    Case("fractional-counts", A, "akses.csv", text(HEADER, "63.10.01;Batulicin;2025;100,5;10;50;10;20;10,5"),
         Bad((P(2, "jumlah_kk", "bilangan bulat"), P(2, "kk_babs_terbuka", "bilangan bulat")))),
    Case("rungs-do-not-add-up", A, "akses.csv",
         text(HEADER, ROW1, "63.10.02;Kusan Hilir;2025;200;20;100;20;40;15"),
         # 20+100+20+40+15 = 195: five short of 200
         Bad((P(3, "jumlah_kk", "tidak sama dengan jumlah KK; selisih 5", "200"),))),
    Case("year-out-of-range", A, "akses.csv",
         text(HEADER, "63.10.01;Batulicin;1999;100;10;50;10;20;10", "63.10.02;Kusan Hilir;2999;200;20;100;20;40;20",
              "63.10.03;Sungai Loban;2025;100;10;50;10;20;10"),
         Bad((P(2, "tahun", "tahun harus bilangan bulat antara 2000", "1999"),
              P(3, "tahun", "tahun harus bilangan bulat antara 2000", "2999")))),
    Case("child-kecamatan-before-2021", A, "akses.csv",
         text(HEADER, "63.10.11;Kusan Tengah;2020;100;10;50;10;20;10", "63.10.11;Kusan Tengah;2021;100;10;50;10;20;10"),
         Bad((P(2, "tahun", "baru ada sejak 2021", "2020"),))),
    Case("every-kind-of-problem-in-one-pass", A, "akses.csv",
         text(HEADER, ROW1, "63.10.02;Kusan Hilir;2025;200;20;100;20;40;x", ROW1,
              "63.10.12;Teluk Kepayang;2019;100;10;50;10;20;10", ";Kusan Hulu Baru;2025;100;10;50;10;20;10",
              "63.10.03;Sungai Loban;2025;100;10;50;10;20;5"),
         Bad((P(3, "kk_babs_terbuka", "harus berupa angka", "x"), P(4, None, "baris ganda", "63.10.01, 2025"),
              P(5, "tahun", "63.10.12 baru ada sejak 2021", "2019"), P(6, "kecamatan", "kecamatan tidak dikenal"),
              P(7, "jumlah_kk", "selisih 5")))),
    # ---- areas ---------------------------------------------------------------------------------------
    Case("unknown-kecamatan", A, "akses.csv",
         text(NAMES, "Batu Lincin;2025;100;10;50;10;20;10", "Kusan Hilr;2025;200;20;100;20;40;20",
              "Sungai Lobang;2025;100;10;50;10;20;10"),
         Bad((P(2, "kecamatan", "kecamatan tidak dikenal; mungkin: Batulicin (63.10.01)", "Batu Lincin", UNK),
              P(3, "kecamatan", "mungkin: Kusan Hilir (63.10.02)", "Kusan Hilr", UNK),
              P(4, "kecamatan", "mungkin: Sungai Loban (63.10.03)", "Sungai Lobang", UNK)))),
    Case("unknown-kecamatan-confirmed-by-name-map", A, "akses.csv",
         text(NAMES, "Batu Lincin;2025;100;10;50;10;20;10"), Good(1, values={"kode_wilayah": ["63.10.01"]}),
         {"name_map": {"Batu Lincin": "63.10.01"}}),
    Case("aliases-and-prefixes", A, "akses.csv",
         text(NAMES, "Sei Loban;2025;100;10;50;10;20;10", "Batu Licin;2025;100;10;50;10;20;10",
              "Kec. Mentewe;2025;100;10;50;10;20;10", "KECAMATAN  kusan hulu;2025;100;10;50;10;20;10",
              "Simpang IV;2025;100;10;50;10;20;10"),
         Good(5, values={"kode_wilayah": ["63.10.01", "63.10.03", "63.10.05", "63.10.06", "63.10.08"]})),
    Case("bps-and-undotted-codes", A, "akses.csv",
         text(HEADER, "6310050;;2025;100;10;50;10;20;10", "631002;;2025;200;20;100;20;40;20"),
         Good(2, values={"kode_wilayah": ["63.10.01", "63.10.02"]})),
    # ---- percentages ---------------------------------------------------------------------------------
    Case("percentages-with-jumlah-kk", A, "akses.csv",
         # 1001 KK x (10,5 50,2 9,3 20 10)% = 105.105 502.502 93.093 200.2 100.1: floors sum to 1000,
         # the one KK left goes to the largest remainder (502.502 -> 503); largest rounding 0.498 -> "0,50"
         text(PCT, "Batulicin;2025;1001;10,5%;50,2%;9,3%;20%;10%"),
         Good(1, note="pembulatan terbesar 0,50 KK",
              values={"jumlah_kk": [1001], "kk_aman": [105], "kk_layak_sendiri": [503], "kk_layak_bersama": [93],
                      "kk_belum_layak": [200], "kk_babs_terbuka": [100]})),
    Case("percentages-not-summing-to-100", A, "akses.csv",
         text(PCT, "Batulicin;2025;1000;10;50;10;20;5", "Kusan Hilir;2025;1000;10;50;10;20;10,2"),
         # 10+50+10+20+5 = 95 (refused); 100,2 is within the 0,5 rounding allowance
         Bad((P(2, None, "kelima persentase harus berjumlah 100", "95,00"),))),
    Case("percentages-out-of-range", A, "akses.csv", text(PCT, "Batulicin;2025;1000;110;-10;0;0;0"),
         Bad((P(2, "% aman", "antara 0 dan 100", "110"), P(2, "% layak sendiri", "antara 0 dan 100", "-10")))),
    # ---- columns -------------------------------------------------------------------------------------
    Case("missing-required-column", A, "akses.csv",
         text("kecamatan;tahun;jumlah rumah;" + ";".join(RUNG_COLUMNS), "Batulicin;2025;100;10;50;10;20;10"),
         Bad((P(1, "jumlah KK", "judul kolom yang tidak dikenali: jumlah rumah"),), columns_missing=("jumlah_kk",),
             unmatched=("jumlah rumah",))),
    Case("missing-column-resolved-by-column-map", A, "akses.csv",
         text("kecamatan;tahun;jumlah rumah;" + ";".join(RUNG_COLUMNS), "Batulicin;2025;100;10;50;10;20;10"),
         Good(1, values={"jumlah_kk": [100]}), {"column_map": {"jumlah rumah": "jumlah_kk"}}),
    Case("missing-one-rung", A, "akses.csv",
         text(HEADER.rsplit(";", 1)[0], ROW1.rsplit(";", 1)[0]),
         Bad((P(1, "KK babs terbuka", "kolom anak tangga ini tidak ditemukan"),),
             columns_missing=("kk_babs_terbuka",))),
    Case("no-kecamatan-column", A, "akses.csv", text(HEADER.split(";", 2)[2], ROW1.split(";", 2)[2]),
         Bad((P(1, "nama kecamatan", "kolom ini tidak ditemukan"),), columns_missing=("nama_wilayah",))),
    # ---- not a table ---------------------------------------------------------------------------------
    Case("empty-file", A, "akses.csv", raw(b""), Bad((P(None, None, "berkas kosong"),))),
    Case("only-blank-lines", A, "akses.csv", raw(b"\r\n\r\n   \r\n"), Bad((P(None, None, "berkas kosong"),))),
    Case("header-without-rows", A, "akses.csv", text(HEADER), Bad((P(None, None, "tidak ada baris data"),))),
    Case("png-renamed-csv", A, "foto_rapat.csv", raw(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40)),
         Bad((P(None, None, "bukan tabel teks (CSV) atau Excel (XLSX)"),))),
    Case("zip-renamed-csv", A, "akses.csv", lambda: zipped({"akses.csv": b"x"}),
         Bad((P(None, None, "bukan tabel teks"),))),
    Case("old-xls", A, "akses.xls", raw(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)),
         Bad((P(None, None, "format .xls lama tidak didukung; simpan ulang sebagai .xlsx atau CSV"),))),
    Case("broken-xlsx", A, "akses.xlsx", lambda: zipped({"xl/workbook.xml": b"<rusak"}),
         Bad((P(None, None, "berkas Excel tidak bisa dibaca"),))),
    # ---- XLSX ----------------------------------------------------------------------------------------
    Case("xlsx-two-sheets-sheet-chosen", A, "akses.xlsx",
         xlsx({"Catatan": [["Lembar ini hanya catatan"]],
               "Data 2025": [["Rekap akses sanitasi"], [], HEADER.split(";"),
                             ["63.10.01", "Batulicin", 2025, 100, 10, 50, 10, 20, 10],
                             [6310010, "Kusan Hilir", 2025, 200, 20, 100, 20, 40, 20]]}),
         Good(2, values={"kode_wilayah": ["63.10.01", "63.10.02"], "jumlah_kk": [100, 200]}), {"sheet": "Data 2025"}),
    Case("xlsx-wrong-sheet-name", A, "akses.xlsx",
         xlsx({"Catatan": [["x"]], "Data 2025": [HEADER.split(";")]}),
         Bad((P(None, None, "lembar tidak ada; yang ada: Catatan, Data 2025", "Data 2024"),)), {"sheet": "Data 2024"}),
    Case("xlsx-bad-cell-row", A, "akses.xlsx",
         xlsx({"Data": [["Rekap"], [], HEADER.split(";"), ["63.10.01", "Batulicin", 2025, 100, 10, 50, 10, 20, 10],
                        ["63.10.02", "Kusan Hilir", 2025, 200, 20, 100, "dua puluh", 40, 20]]}),
         Bad((P(5, "kk_layak_bersama", "harus berupa angka", "dua puluh"),))),
    # ---- targets -------------------------------------------------------------------------------------
    Case("target-rpjmn-2025-2029", T, "target.csv",
         text("dokumen;indikator;kode_wilayah;tahun;nilai;tahun_dasar;catatan",
              "RPJMN 2025-2029;layak;;2029;97,5;2024;Perpres 12/2025",
              "RPJMN 2025-2029;Akses aman;63.10.01;2029;30;2024;"),
         Good(2, values={"indikator": ["layak", "aman"], "nilai": [97.5, 30.0], "catatan": ["Perpres 12/2025", None]})),
    Case("target-unknown-indicator", T, "target.csv",
         text("dokumen;indikator;tahun;nilai", "RPJMN 2025-2029;layak;2029;95", "RPJMN 2025-2029;air minum;2029;100"),
         Bad((P(3, "indikator", "indikator tidak dikenal", "air minum"),))),
    Case("target-without-kecamatan-column", T, "target.csv",
         text("dokumen;indikator;tahun;nilai", "SSK Tanah Bumbu 2025-2029;layak;2029;95"),
         Good(1, note="semua target dianggap target kabupaten", values={"kode_wilayah": [None]})),
    Case("target-kabupaten-and-unknown-kecamatan", T, "target.csv",
         text("dokumen;indikator;kecamatan;tahun;nilai", "SSK;layak;;2029;95", "SSK;layak;Batu Lincin;2029;95"),
         Bad((P(3, "kecamatan", "kecamatan tidak dikenal", "Batu Lincin", UNK),))),
    Case("target-several-problems", T, "target.csv",
         text("dokumen;indikator;tahun;nilai", ";layak;2029;95", "SSK;aman;2029;150", "SSK;aman;2030;20",
              "SSK;aman;2030;20"),
         Bad((P(2, "dokumen", "nama dokumen wajib diisi"), P(3, "nilai", "tidak boleh lebih dari 100"),
              P(5, None, "baris ganda")))),
    # ---- unit costs ----------------------------------------------------------------------------------
    Case("biaya-rupiah", B, "biaya.csv",
         text("kode;indikator;langkah;biaya per KK (Rp);porsi", "jamban;layak;Jamban sehat;Rp 6.500.000;0,8"),
         Good(1, values={"biaya_per_kk": [6_500_000.0], "porsi": [0.8], "sumber": ["biaya.csv"]})),
    Case("biaya-porsi-above-1", B, "biaya.csv",
         text("kode;indikator;langkah;biaya_per_kk;porsi", "jamban;layak;Jamban sehat;6.500.000;1,5",
              "sedot;aman;Penyedotan;1.500.000;0,5"),
         Bad((P(2, "porsi", "tidak boleh lebih dari 1"),))),
    Case("biaya-negative-unknown-duplicate", B, "biaya.csv",
         text("kode;indikator;langkah;biaya_per_kk;porsi", "jamban;layak;Jamban;-5;0,5", "sedot;listrik;Sedot;5;1",
              "jamban;layak;Jamban;5;1"),
         Bad((P(2, "biaya_per_kk", "tidak boleh kurang dari 0"),
              P(3, "indikator", "indikator tidak dikenal", "listrik"), P(4, None, "baris ganda", "kode=jamban")))),
    Case("biaya-text-and-blank", B, "biaya.csv",
         text("kode;indikator;langkah;biaya_per_kk;porsi", "jamban;layak;Jamban;enam juta;", "sedot;aman;Sedot;5;1"),
         Bad((P(2, "biaya_per_kk", "harus berupa angka", "enam juta"), P(2, "porsi", "wajib diisi")))),

    # ==== issue 14: hostile and awkward files ========================================================
    # ---- resources: refused from the file's structure, before anything is expanded -------------------
    Case("xlsx-value-at-XFD1048576", A, "akses.xlsx", lambda: hostile.xlsx_with_cell_at("XFD1048576"),
         Bad((P(1048576, None, "sel terisi di XFD1048576, jauh di luar tabel (batasnya 10.000 baris data)", "x"),))),
    Case("xlsx-stray-value-at-Z1048576", A, "akses.xlsx", lambda: hostile.xlsx_with_cell_at("Z1048576", value=0),
         Bad((P(1048576, None, "sel terisi di Z1048576", "0"),))),
    Case("xlsx-value-in-column-1000", A, "akses.xlsx", lambda: hostile.xlsx_with_cell_at("ALL2"),
         Bad((P(2, None, "sel terisi di ALL2, jauh di luar tabel (batasnya 200 kolom)"),))),
    # a cell formatted but empty grows Excel's used range, not the table
    Case("xlsx-formatted-empty-cell-at-XFD1048576", A, "akses.xlsx",
         lambda: hostile.xlsx_with_cell_at("XFD1048576", styled_only=True), Good(1, values={"jumlah_kk": [100]})),
    Case("csv-50000-trailing-empty-columns", A, "akses.csv", lambda: hostile.csv_empty_columns(50_000, trailing=True),
         Good(1, values={"jumlah_kk": [100]})),
    Case("csv-50000-empty-columns-inside", A, "akses.csv",
         lambda: hostile.csv_empty_columns(50_000, trailing=False),
         Bad((P(1, None, "lebih dari 800 pemisah kolom; batasnya 200 kolom"),))),
    Case("csv-1000000-columns", A, "akses.csv", lambda: hostile.csv_columns(1_000_000),
         Bad((P(1, None, "lebih dari 800 pemisah kolom; batasnya 200 kolom"),))),
    Case("csv-3000-duplicate-headers", A, "akses.csv", lambda: hostile.csv_duplicate_headers(3000),
         Bad((P(1, None, "lebih dari 800 pemisah kolom"),))),
    Case("csv-300-columns", A, "akses.csv", lambda: hostile.csv_columns(300),
         Bad((P(1, None, "baris ini berisi 300 kolom; batasnya 200 kolom"),))),
    Case("csv-1000000-rows", A, "akses.csv", lambda: hostile.csv_rows(1_000_000),
         Bad((P(None, None, "lebih dari 10.000 baris; batasnya 10.000 baris data"),))),
    # ---- read as Excel shows it ---------------------------------------------------------------------
    Case("xlsx-target-formatted-as-percent", T, "target.xlsx",
         workbook(lambda wb: sheet(wb, "Target", [["dokumen", "indikator", "tahun", "nilai"],
                                                  ["RPJMN 2025-2029", "layak", 2029, 0.975]],
                                   formats={"D2": "0.0%"}, first=True)),
         Good(1, note="sel berformat persen di Excel dibaca sebagai persen yang tampil", values={"nilai": [97.5]})),
    Case("xlsx-shares-formatted-as-percent", A, "susenas.xlsx",
         workbook(lambda wb: sheet(wb, "Susenas", [["kode_wilayah", "tahun", "% layak", "% aman"],
                                                   ["63.10", 2024, 0.869, 0.0915]],
                                   formats={"C2": "0.0%", "D2": "0.00%"}, first=True)),
         Good(1, values={"pct_layak": [86.9], "pct_aman": [9.15]})),
    Case("xlsx-porsi-formatted-as-percent", B, "biaya.xlsx",
         workbook(lambda wb: sheet(wb, "Biaya", [["kode", "indikator", "langkah", "biaya_per_kk", "porsi"],
                                                 ["jamban", "layak", "Jamban sehat", 6_500_000, 0.8]],
                                   formats={"E2": "0%"}, first=True)),
         Good(1, values={"porsi": [0.8]})),
    Case("csv-porsi-written-as-percent", B, "biaya.csv",
         text("kode;indikator;langkah;biaya_per_kk;porsi", "jamban;layak;Jamban sehat;6.500.000;80%"),
         Good(1, values={"porsi": [0.8]})),
    Case("code-and-name-disagree", A, "akses.csv", text(HEADER, "63.10.01;Satui;2025;100;10;50;10;20;10"),
         Bad((P(2, "kode_wilayah", "kode 63.10.01 adalah Batulicin, tetapi nama 'Satui' adalah Satui (63.10.04)",
                "63.10.01 / Satui"),))),
    Case("code-and-name-disagree-generic", D, "genangan.csv",
         text("kode_wilayah;kecamatan;tahun;genangan_ha", "63.10.02;Kusan Tengah;2025;4,5"),
         Bad((P(2, "kecamatan", "kode 63.10.02 adalah Kusan Hilir, tetapi nama 'Kusan Tengah' adalah Kusan Tengah"),))),
    Case("xlsx-first-sheet-hidden", A, "akses.xlsx",
         workbook(lambda wb: (sheet(wb, "Lama", [["catatan lama"], ["x"]], hidden=True, first=True),
                              sheet(wb, "Data", [HEADER.split(";"), ROW1.split(";")]))),
         Good(1, note="Dibaca dari lembar 'Data'", values={"kode_wilayah": ["63.10.01"]})),
    Case("xlsx-hidden-sheet-named", A, "akses.xlsx",
         workbook(lambda wb: (sheet(wb, "Lama", [HEADER.split(";"), ROW2.split(";")], hidden=True, first=True),
                              sheet(wb, "Data", [HEADER.split(";"), ROW1.split(";")]))),
         Good(1, values={"kode_wilayah": ["63.10.02"]}), {"sheet": "Lama"}),
    Case("xlsx-formula-without-value", A, "akses.xlsx",
         workbook(lambda wb: sheet(wb, "Data", [HEADER.split(";"),
                                                ["63.10.01", "Batulicin", 2025, "=SUM(E2:I2)", 10, 50, 10, 20, 10]],
                                   first=True)),
         Bad((P(2, "jumlah_kk", "rumus tanpa nilai tersimpan", "=SUM(E2:I2)"),))),
    Case("xlsx-error-cells", A, "akses.xlsx",
         workbook(lambda wb: sheet(wb, "Data", [HEADER.split(";"),
                                                ["63.10.01", "Batulicin", 2025, 100, "#DIV/0!", 50, 10, 20, "#REF!"]],
                                   first=True)),
         Bad((P(2, "kk_aman", "galat Excel #DIV/0!", "#DIV/0!"), P(2, "kk_babs_terbuka", "galat Excel #REF!")))),
    # ---- one error type ------------------------------------------------------------------------------
    Case("mac-csv-cr-line-endings", A, "akses.csv", raw((HEADER + "\r" + ROW1 + "\r" + ROW2 + "\r").encode()),
         Good(2, values={"kode_wilayah": ["63.10.01", "63.10.02"]})),
    Case("csv-cell-over-128-kib", A, "akses.csv", raw((HEADER + "\n" + ROW1 + ";" + "x" * 140_000 + "\n").encode()),
         Bad((P(2, None, "sel terlalu panjang (lebih dari 131.072 karakter)"),))),
    Case("csv-cell-over-excel-limit", A, "akses.csv", raw((HEADER + "\n" + ROW1 + ";" + "x" * 40_000 + "\n").encode()),
         Bad((P(2, None, "sel berisi 40.000 karakter; batasnya 32.767"),))),
    Case("csv-unbalanced-quote", A, "akses.csv", text(HEADER, ROW1, '63.10.02;"Kusan Hilir;2025;200;20;100;20;40;20'),
         Bad((P(3, None, "tanda kutip (\") dibuka di baris berkas 3 tetapi tidak pernah ditutup"),))),
    Case("csv-quote-inside-a-cell", A, "akses.csv", text(HEADER, '63.10.01;Batu"licin";2025;100;10;50;10;20;10'),
         Good(1, values={"kode_wilayah": ["63.10.01"]})),
    Case("kk-ten-to-the-twentieth", A, "akses.csv",
         text(HEADER, "63.10.01;Batulicin;2025;100000000000000000000;100000000000000000000;0;0;0;0"),
         Bad((P(2, "jumlah_kk", "angka terlalu besar; paling besar 2.147.483.647", "100000000000000000000"),
              P(2, "kk_aman", "angka terlalu besar", "100000000000000000000")))),
    Case("kk-two-to-the-thirty-first", D, "genangan.csv",
         text("kode_wilayah;tahun;genangan_ha", "63.10.01;2025;2147483648"), Good(1)),
    Case("target-document-name-over-200", T, "target.csv",
         text("dokumen;indikator;tahun;nilai", "R" * 201 + ";layak;2029;95"),
         Bad((P(2, "dokumen", "teks terlalu panjang (201 karakter); paling panjang 200 karakter"),))),
    Case("cost-code-over-100", B, "biaya.csv",
         text("kode;indikator;langkah;biaya_per_kk;porsi", "k" * 101 + ";layak;Jamban;6.500.000;1"),
         Bad((P(2, "kode", "teks terlalu panjang (101 karakter); paling panjang 100 karakter"),))),
    Case("control-characters-in-a-commitment", K, "komitmen.csv",
         text("klinik;pihak;komitmen;tenggat;status", "2026-11-20;Dinkes;Verifikasi\x07 desa ODF\x1b;2027-06-30;belum"),
         Bad((P(2, "komitmen", "karakter kendali yang tidak terlihat (U+0007)"),))),
    # ---- read what officials have --------------------------------------------------------------------
    Case("utf16-unicode-text-from-excel", A, "akses.txt",
         raw(("\r\n".join([HEADER.replace(";", "\t"), ROW1.replace(";", "\t")]) + "\r\n").encode("utf-16")),
         Good(1, values={"jumlah_kk": [100]})),
    Case("utf16-little-endian-without-bom", A, "akses.csv",
         raw(("\n".join([HEADER, ROW1]) + "\n").encode("utf-16-le")), Good(1, values={"kk_aman": [10]})),
    Case("totals-row-jumlah-in-code-column", A, "akses.csv",
         text(HEADER, ROW1, ROW2, "JUMLAH;;2025;300;30;150;30;60;30"),
         Good(2, note="Baris jumlah/kabupaten (baris 4) diperiksa terhadap jumlah baris kecamatan")),
    Case("totals-row-jumlah-in-code-column-generic", D, "genangan.csv",
         text("kode;kecamatan;tahun;genangan_ha", "63.10.01;Batulicin;2025;4", "JUMLAH;;2025;4"),
         Good(1, note="Baris jumlah/total diabaikan (baris 3)")),
    # ---- boundaries ----------------------------------------------------------------------------------
    geo("shapefile-in-subfolder-without-cpg", "batas.zip",
        lambda g, tmp: shapefile_zip(g, tmp, drop=(".cpg",), folder="SHP/Batas Kecamatan/"), Good(12)),
    geo("geojson", "batas.geojson", lambda g, tmp: geojson(g), Good(12)),
    geo("geopackage", "batas.gpkg", lambda g, tmp: (g.to_file(tmp / "b.gpkg", driver="GPKG"),
                                                    (tmp / "b.gpkg").read_bytes())[1], Good(12)),
    geo("utm-shapefile", "batas_utm.zip", lambda g, tmp: shapefile_zip(g.to_crs("EPSG:32750"), tmp),
        Good(12, note="Koordinat diubah dari EPSG:32750 ke WGS 84")),
    geo("polygon-z", "batas_z.zip", lambda g, tmp: shapefile_zip(with_z(g), tmp),
        Good(12, note="Koordinat ketinggian (Z) dibuang")),
    geo("no-prj-lonlat", "batas.zip", lambda g, tmp: shapefile_zip(g, tmp, drop=(".prj",)),
        Good(12, note="Shapefile tanpa .prj")),
    geo("no-prj-projected", "batas.zip", lambda g, tmp: shapefile_zip(g.to_crs("EPSG:32750"), tmp, drop=(".prj",)),
        Bad((P(None, None, "tidak punya sistem koordinat (.prj) dan koordinatnya bukan derajat"),))),
    geo("swapped-lat-lon", "batas.geojson", lambda g, tmp: geojson(swap_xy(g)),
        Bad((P(None, None, "koordinat bujur dan lintang tertukar"),))),
    geo("swapped-lat-lon-shapefile", "batas.zip", lambda g, tmp: shapefile_zip(swap_xy(g), tmp),
        Bad((P(None, None, "koordinat bujur dan lintang tertukar"),))),
    geo("gadm", "gadm41_IDN_3.zip", lambda g, tmp: shapefile_zip(gadm(g), tmp, stem="gadm41_IDN_3"),
        Good(12, note="Berkas mencakup wilayah lain: hanya 12 poligon")),
    geo("big", "ADMINISTRASIKECAMATAN_AR.zip", lambda g, tmp: shapefile_zip(big(g), tmp, stem="ADMINKEC_AR"),
        Good(12, note="Berkas mencakup wilayah lain: hanya 12 poligon")),
    geo("ten-kecamatan-before-2021", "batas_2019.zip", lambda g, tmp: shapefile_zip(pre_2021(g), tmp),
        Good(10, note="Kusan Tengah di dalam Kusan Hilir, Teluk Kepayang di dalam Kusan Hulu")),
    geo("village-polygons-dissolved", "batas_desa.geojson", lambda g, tmp: geojson(villages(g)),
        Good(12, note="digabung menjadi satu poligon kecamatan")),
    geo("bow-tie-repaired", "batas.zip", lambda g, tmp: shapefile_zip(bow_tie(g), tmp),
        Good(12, note="1 poligon tidak valid")),
    geo("unknown-names", "batas.geojson",
        lambda g, tmp: geojson(g.drop(columns="kode").assign(nama=g["nama"].replace({"Batulicin": "Batu Lincin",
                                                                                   "Satui": "Satuy"}))),
        Bad((P(1, "nama", "kecamatan tidak dikenal; mungkin: Batulicin", "Batu Lincin", UNK),
             P(4, "nama", "mungkin: Satui", "Satuy", UNK)))),
    geo("unknown-name-confirmed", "batas.geojson",
        lambda g, tmp: geojson(g.drop(columns="kode").assign(nama=g["nama"].replace({"Batulicin": "Batu Lincin"}))),
        Good(12), name_map={"Batu Lincin": "63.10.01"}),
    geo("unrecognised-columns", "batas.geojson",
        lambda g, tmp: geojson(g.rename(columns={"kode": "ID_X", "nama": "LABEL"})),
        Bad((P(None, "kode/nama kecamatan", "kolom kode atau nama kecamatan tidak dikenali"),),
            columns_missing=("nama_wilayah",), unmatched=("id", "ID_X", "LABEL"))),
    geo("unrecognised-columns-mapped", "batas.geojson",
        lambda g, tmp: geojson(g.rename(columns={"kode": "ID_X", "nama": "LABEL"})), Good(12),
        column_map={"LABEL": "nama_wilayah"}),
    geo("points-not-polygons", "titik.geojson",
        lambda g, tmp: geojson(gpd.GeoDataFrame({"kode": ["63.10.01"]}, geometry=[Point(115.9, -3.4)],
                                                crs="EPSG:4326")),
        Bad((P(None, None, "batas harus berupa poligon; ditemukan Point"),))),
    geo("features-without-geometry", "batas.geojson",
        lambda g, tmp: json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"kode": "63.10.01"}, "geometry": None}]}).encode(),
        Bad((P(None, None, "berkas batas tidak berisi poligon"),))),
    geo("zip-slip-dotdot", "batas.zip", lambda g, tmp: zipped({"../evil.txt": b"x", "batas.shp": b""}),
        Bad((P(None, None, "zip-slip", "../evil.txt"),))),
    geo("zip-slip-absolute", "batas.zip",
        lambda g, tmp: zipped({"/etc/cron.d/evil": b"x", "C:/Windows/evil.dll": b"x", "ok/batas.shp": b""}),
        Bad((P(None, None, "zip-slip", "/etc/cron.d/evil"), P(None, None, "zip-slip", "C:/Windows/evil.dll")))),
    geo("zip-bomb", "batas.zip", lambda g, tmp: zip_bomb(),
        Bad((P(None, None, "zip bomb", "batas_kecamatan.shp"),))),
    geo("zip-without-map", "batas.zip", lambda g, tmp: zipped({"baca saya.txt": b"isi"}),
        Bad((P(None, None, "zip tidak berisi shapefile"),))),
    geo("zip-with-two-layers", "batas.zip",
        lambda g, tmp: zipped({f"{s}.{e}": b"" for s in ("jalan", "sungai") for e in ("shp", "shx", "dbf")}),
        Bad((P(None, None, "lebih dari satu lapisan peta"),))),
    geo("shapefile-without-shx", "batas.zip", lambda g, tmp: shapefile_zip(g, tmp, drop=(".shx",)),
        Bad((P(None, None, "shapefile tidak lengkap; tidak ada .shx"),))),
    geo("corrupt-geojson", "batas.geojson", lambda g, tmp: b'{"type": "FeatureCollection", "features": [',
        Bad((P(None, None, "berkas batas tidak bisa dibaca"),))),
    geo("png-renamed-zip", "batas.zip", lambda g, tmp: b"\x89PNG\r\n\x1a\n" + bytes(40),
        Bad((P(None, None, "format batas tidak dikenal"),))),
    geo("table-given-as-boundary", "batas.csv", lambda g, tmp: b"kode;nama\n63.10.01;Batulicin\n",
        Bad((P(None, None, "format batas tidak dikenal"),))),
    # ---- issue 14: boundaries that are not where or what they say -----------------------------------
    geo("utm-geojson-without-crs", "batas.geojson", lambda g, tmp: without_crs(g.to_crs("EPSG:32750")),
        Bad((P(None, None, "tentukan CRS, mis. EPSG:32750"),))),
    geo("zero-area-polygon", "batas.geojson", lambda g, tmp: geojson(flat_polygon(g)),
        Bad((P(1, None, "poligon tanpa luas", "Polygon"),))),
    geo("polygon-near-0-0", "batas.geojson", lambda g, tmp: geojson(near_null_island(g)),
        Bad((P(1, None, "poligon ini berada di luar Kabupaten Tanah Bumbu"),))),
    geo("whole-kabupaten-as-one-kecamatan", "batas.geojson",
        lambda g, tmp: geojson(gpd.GeoDataFrame({"kode": ["63.10.01"], "nama": ["Batulicin"]},
                                                geometry=[shapely.union_all(g.geometry.to_numpy())], crs=g.crs)),
        Bad((P(1, None, "ini batas kabupaten, bukan kecamatan"),))),
    geo("names-swapped-areas-disagree", "batas.geojson",
        lambda g, tmp: geojson(g.assign(kode=g["kode"].replace({"63.10.01": "63.10.04", "63.10.04": "63.10.01"}),
                                        nama=g["nama"].replace({"Batulicin": "Satui", "Satui": "Batulicin"}))),
        Bad((P(1, None, "luas poligon Satui 135 km², jauh dari luas resminya 878 km²"),
             P(4, None, "luas poligon Batulicin 876 km², jauh dari luas resminya 135 km²")))),
    geo("zip-lying-size", "batas.zip", lambda g, tmp: lying_size(shapefile_zip(g, tmp)),
        Bad((P(None, None, "zip rusak"),))),
    geo("zip-member-name-300-characters", "batas.zip",
        lambda g, tmp: zipped({"a" * 300 + ".shp": b"", "b.dbf": b"", "b.shx": b""}),
        Bad((P(None, None, "nama berkas di dalam zip terlalu panjang"),))),
    geo("zip-file-and-folder-same-name", "batas.zip",
        lambda g, tmp: zipped({"batas": b"x", "batas/batas.shp": b"", "batas/batas.dbf": b"", "batas/batas.shx": b""}),
        Bad((P(None, None, "berkas dan folder dengan nama yang sama", "batas"),))),
    geo("zip-one-geojson-per-kecamatan", "batas.zip", lambda g, tmp: per_file(g, tmp, shp=False),
        Good(12, note="12 berkas digabung menjadi satu lapisan: kec_01.geojson")),
    geo("zip-one-shapefile-per-kecamatan", "batas.zip", lambda g, tmp: per_file(g, tmp, shp=True),
        Good(12, note="12 berkas digabung menjadi satu lapisan")),
    geo("geopackage-roads-first", "batas.gpkg", lambda g, tmp: gpkg(tmp, {"jalan": roads(g), "wilayah": g}),
        Good(12, note="Dibaca lapisan 'wilayah' dari GeoPackage; lapisan lain dilewati: jalan")),
    geo("geopackage-two-polygon-layers", "batas.gpkg", lambda g, tmp: gpkg(tmp, {"a": g, "b": g}),
        Bad((P(None, None, "GeoPackage berisi lebih dari satu lapisan poligon: a, b; pilih satu lapisan"),))),
    geo("geopackage-layer-chosen", "batas.gpkg", lambda g, tmp: gpkg(tmp, {"jalan": roads(g), "a": g, "b": g}),
        Good(12), sheet="b"),
    geo("boundary-code-and-name-disagree", "batas.geojson",
        lambda g, tmp: geojson(g.assign(nama=g["nama"].replace({"Batulicin": "Satui"}))),
        Bad((P(1, "nama", "kode 63.10.01 adalah Batulicin, tetapi nama 'Satui' adalah Satui (63.10.04)",
               "63.10.01 / Satui"),))),
    # ---- issue 14: village boundaries keyed by BPS codes (HDX COD-AB), and villages where their kecamatan is ------
    village("village-hdx-cod-ab", "idn_admbnda_adm4.geojson", lambda: geojson(bps_villages("hdx")),
            Good(149, note="kode BPS: kecamatan dari kodenya, desa dari namanya")),
    village("village-bps-english-columns", "villages.geojson", lambda: geojson(bps_villages("english")),
            Good(149, note="Berkas mencakup wilayah lain: hanya 149 poligon")),
    village("village-bps-name-not-in-its-kecamatan", "villages.geojson",
            lambda: geojson(village_changed(bps_villages("english"), village="Sungai Loban")),
            Bad((P(1, "village", "desa 'Sungai Loban' tidak ada di Kecamatan Batulicin", "Sungai Loban"),))),
    village("village-bps-name-misspelt", "villages.geojson",
            lambda: geojson(village_changed(bps_villages("english"), village="Batulicn")),
            Bad((P(1, "village", "desa 'Batulicn' tidak ada di Kecamatan Batulicin; mungkin: Batulicin "
                                 "(63.10.01.1007)", "Batulicn"),))),
    village("village-bps-unknown-kecamatan-code", "idn_admbnda_adm4.geojson",
            lambda: geojson(village_changed(bps_villages("hdx"), ADM3_PCODE="ID6310999", ADM3_EN="Entah")),
            Bad((P(1, "ADM3_PCODE", "kode kecamatan BPS 6310999 tidak dikenal", "ID6310999"),))),
    village("village-larger-than-its-kecamatan", "batas_desa.geojson",
            lambda: geojson(village_changed(bundled_villages().sort_values("kode").reset_index(drop=True),
                                            geom=shapely.union_all([kecamatan_shape(k) for k in
                                                                    ("63.10.01", "63.10.06", "63.10.07")]))),
            Bad((P(1, None, "luas poligon desa Batulicin", ANY),))),
    village("village-outside-its-kecamatan", "batas_desa.geojson",
            lambda: geojson(village_changed(v := bundled_villages().sort_values("kode").reset_index(drop=True),
                                            geom=moved_into(v.geometry.iloc[0], "63.10.04"))),
            Bad((P(1, None, "poligon desa Batulicin berada di luar Kecamatan Batulicin", ANY),))),
]


def test_the_corpus_is_large_and_covers_every_reader() -> None:
    bad = [c for c in CASES if isinstance(c.expect, Bad)]
    assert len(bad) >= 40, len(bad)
    assert {c.kind for c in bad} >= {A, T, B, G, K, D}
    assert len({c.id for c in CASES}) == len(CASES)


# ------------------------------------------------------------------------------------- running a case
def read(case: Case, data: bytes, dataset: Dataset):
    """The reader of the case's kind, called as the Data page and the command line call it."""
    return readers.read_kind(case.kind, Source(case.name, data), dataset.wilayah, **case.options)


def load(case: Case, data: bytes, dataset: Dataset, s: store.Store) -> tuple[object, int]:
    """What the Data page does: read, and save only what was read without problems."""
    frame = read(case, data, dataset)
    meta = store.Meta(berkas=case.name, checksum=store.checksum(data), oleh="tes")
    return frame, s.save(case.kind, frame, meta, bundled=dataset)


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_store(request: pytest.FixtureRequest, tmp_path: Path) -> store.Store:
    """An empty store on SQLite, and on PostgreSQL when SANITASI_TEST_PG_URL names a server: every case must give
    the same answer on both (PostgreSQL enforces text lengths and INTEGER, SQLite does not)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'korpus.db'}"
    else:
        url = os.environ.get("SANITASI_TEST_PG_URL", "").strip()
        if not url:
            pytest.skip("SANITASI_TEST_PG_URL not set: PostgreSQL tests skipped")
        engine = create_engine(url)
        old = MetaData()
        old.reflect(engine)
        old.drop_all(engine)
        engine.dispose()
    s = store.Store(url)
    yield s
    s.engine.dispose()


# Words an Indonesian message is made of, and English ones that must not leak into it.
INDONESIAN = re.compile(r"\b(tidak|harus|berkas|kolom|baris|kecamatan|tahun|jumlah|bukan|lembar|format|koordinat|"
                        r"poligon|indikator|nilai|persentase|selisih|batas|ganda|kosong|ditolak|boleh|jalur|"
                        r"lapisan|zip|wajib|dokumen|kode|nama|sel|angka|teks|karakter|luas|sandi)\b")
ENGLISH = re.compile(r"\b(the|must|should|expected|invalid|not|found|error|missing|cannot|file|column|row)\b", re.I)


def matches(p: errors.Problem, e: P) -> bool:
    return ((e.baris is ANY or p.baris == e.baris) and (e.kolom is ANY or p.kolom == e.kolom)
            and e.pesan in p.pesan and (e.nilai is ANY or p.nilai == e.nilai) and (not e.jenis or p.jenis == e.jenis))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_corpus(case: Case, dataset: Dataset, fresh_store: store.Store, tmp_path: Path) -> None:
    data = case.build(bundled_batas(dataset), tmp_path) if case.geo else case.build()
    before, active = len(fresh_store.versions()), fresh_store.active_id()
    if isinstance(case.expect, Good):
        frame, version = load(case, data, dataset, fresh_store)
        assert len(frame) == case.expect.rows
        if case.expect.note:
            assert any(case.expect.note in n for n in frame.attrs["catatan"]), frame.attrs["catatan"]
        for column, values in case.expect.values.items():
            got = [None if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)) else v
                   for v in frame[column].tolist()]
            assert got == values, column
        assert len(fresh_store.versions()) == before + 1 and fresh_store.active_id() == version
        if case.kind == G:
            assert frame.crs.to_epsg() == 4326
            assert set(frame.geom_type) <= {"Polygon", "MultiPolygon"}
            assert not shapely.has_z(frame.geometry.to_numpy()).any()
            assert frame.geometry.is_valid.all()
            assert frame["kode"].isin(dataset.wilayah["kode"]).all()
        return
    with pytest.raises(errors.DataError) as caught:
        load(case, data, dataset, fresh_store)
    err = caught.value
    found = list(err.problems)
    # every expected problem is there, found in the same pass, and nothing else
    assert len(found) == len(case.expect.problems), [str(p) for p in found]
    for e in case.expect.problems:
        hits = [p for p in found if matches(p, e)]
        assert hits, (e, [str(p) for p in found])
        found.remove(hits[0])
    for p in err.problems:
        assert INDONESIAN.search(p.pesan), p.pesan
        assert not ENGLISH.search(p.pesan), p.pesan
        if p.jenis == errors.UNKNOWN_AREA:
            assert p.saran, p  # suggestions to pick from
            assert all(k in set(dataset.wilayah["kode"]) for k, _ in p.saran)
    if case.expect.columns_missing is not None:
        assert isinstance(err, readers.ColumnError)
        assert tuple(f.name for f in err.missing) == case.expect.columns_missing
    if case.expect.unmatched is not None:
        assert tuple(err.unmatched) == case.expect.unmatched
    # nothing was saved, nothing changed
    assert len(fresh_store.versions()) == before and fresh_store.active_id() == active


def test_unknown_area_suggestions_are_the_closest_names(dataset: Dataset) -> None:
    data = text(NAMES, "Kusan Hilr;2025;200;20;100;20;40;20")()
    with pytest.raises(errors.DataError) as caught:
        readers.read_akses(Source("a.csv", data), dataset.wilayah)
    (p,) = caught.value.problems
    assert p.jenis == errors.UNKNOWN_AREA
    assert p.saran[0] == ("63.10.02", "Kusan Hilir")
    assert len(p.saran) <= 3


def test_a_name_like_no_kecamatan_gets_no_guess_but_is_still_asked_for(dataset: Dataset) -> None:
    data = text(NAMES, "Pulau Laut Utara;2025;200;20;100;20;40;20")()
    with pytest.raises(errors.DataError) as caught:
        readers.read_akses(Source("a.csv", data), dataset.wilayah)
    (p,) = caught.value.problems
    assert (p.jenis, p.nilai, p.saran) == (errors.UNKNOWN_AREA, "Pulau Laut Utara", ())
    assert p.pesan == "kecamatan tidak dikenal"


def test_problems_frame_is_the_downloadable_table(dataset: Dataset) -> None:
    data = text(HEADER, "63.10.01;Batulicin;2025;100;sepuluh;50;10;20;10")()
    with pytest.raises(errors.DataError) as caught:
        readers.read_akses(Source("a.csv", data), dataset.wilayah)
    frame = readers.problems_frame(caught.value)
    assert list(frame.columns) == ["Berkas", "Baris", "Kolom", "Nilai ditemukan", "Masalah"]
    assert frame.iloc[0].tolist() == ["a.csv", 2, "kk_aman", "sepuluh", "harus berupa angka"]


# ------------------------------------------------------------------------------------- upload limits
@pytest.mark.parametrize(("limit", "value", "build", "fragment"), [
    ("MAX_FEATURES", 5, lambda g, tmp: geojson(g), "terlalu banyak poligon (12); batasnya 5"),
    ("MAX_VERTICES", 50, lambda g, tmp: geojson(g), "terlalu banyak titik sudut"),
    ("MAX_ZIP_MEMBERS", 3, lambda g, tmp: shapefile_zip(g, tmp), "zip berisi 5 berkas; batasnya 3"),
    ("MAX_UNZIPPED", 1000, lambda g, tmp: shapefile_zip(g, tmp), "isi zip terlalu besar setelah dibuka"),
])
def test_upload_bounds(limit: str, value: int, build, fragment: str, dataset: Dataset, tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    data = build(bundled_batas(dataset), tmp_path)
    name = "batas.zip" if data.startswith(b"PK") else "batas.geojson"
    # the same file loads under the real limits ...
    assert len(readers.read_boundaries(Source(name, data), dataset.wilayah)) == 12
    # ... and is refused, with a plain message, under a lower one
    monkeypatch.setattr(boundaries, limit, value)
    with pytest.raises(errors.DataError) as caught:
        readers.read_boundaries(Source(name, data), dataset.wilayah)
    assert fragment in str(caught.value)


def test_upload_size_bound(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "MAX_BYTES", 100)
    data = text(HEADER, *[ROW1] * 5)()
    assert len(data) > 100
    for reader in (lambda s: readers.read_akses(s, dataset.wilayah),
                   lambda s: readers.read_boundaries(s, dataset.wilayah)):
        with pytest.raises(errors.DataError, match="berkas terlalu besar"):
            reader(_Upload("besar.csv", data))


class _Upload:
    """What Streamlit's UploadedFile offers the readers."""

    def __init__(self, name: str, data: bytes):
        self.name, self._data = name, data

    def getvalue(self) -> bytes:
        return self._data


def test_shapefile_path_on_disk_is_read_with_its_siblings(dataset: Dataset, tmp_path: Path) -> None:
    # the command line passes a .shp path; the reader zips its .dbf/.shx/.prj with it
    gdf = bundled_batas(dataset).to_crs("EPSG:32750")
    gdf.to_file(tmp_path / "batas.shp")
    out = readers.read_boundaries(tmp_path / "batas.shp", dataset.wilayah)
    assert len(out) == 12 and out.crs.to_epsg() == 4326
    assert any("EPSG:32750" in n for n in out.attrs["catatan"])
    # reprojection back to degrees keeps the shapes where they were (within a metre or so)
    assert np.allclose(out.total_bounds, bundled_batas(dataset).total_bounds, atol=1e-5)


def test_multi_part_polygons_are_kept(dataset: Dataset) -> None:
    # Kusan Hilir with an island off its coast: one feature, two parts
    gdf = bundled_batas(dataset)
    i = gdf.index[gdf["kode"] == "63.10.02"][0]
    x0, y0, x1, y1 = gdf.geometry[i].bounds
    island = box(x1 + 0.01, y0, x1 + 0.03, y0 + 0.02)
    gdf.loc[i, "geometry"] = shapely.MultiPolygon([gdf.geometry[i], island])
    out = readers.read_boundaries(Source("batas.geojson", geojson(gdf)), dataset.wilayah)
    kusan_hilir = out.loc[out["kode"] == "63.10.02"].geometry.iloc[0]
    assert kusan_hilir.geom_type == "MultiPolygon" and len(kusan_hilir.geoms) == 2
    assert kusan_hilir.area == pytest.approx(gdf.geometry[i].area)


# ------------------------------------------------------------------------------------- issue 14: bounds and lists
def test_problem_lists_are_capped_with_a_count_of_the_rest(dataset: Dataset) -> None:
    # 10,000 rows with a word in a number cell: each row is two problems (the word, and the rungs not adding up)
    with pytest.raises(errors.DataError) as caught:
        readers.read_akses(Source("akses.csv", hostile.csv_bad_rows(10_000)), dataset.wilayah)
    err = caught.value
    assert len(err.problems) == errors.MAX_PROBLEMS
    assert err.total == 19_999 and err.more == 19_999 - errors.MAX_PROBLEMS
    assert str(err).startswith("19999 masalah pada data") and f"dan {err.more} masalah lain" in str(err)
    frame = readers.problems_frame(err)
    assert len(frame) == errors.MAX_PROBLEMS + 1
    assert frame.iloc[-1]["Masalah"].startswith(f"dan {err.more} masalah lain")


def test_three_thousand_copies_of_one_header_are_renamed_once_each() -> None:
    # the renaming of duplicate headers used to search the list again for every copy (163 s for 3,000)
    rows = [["a"] * 3000, ["1"] * 3000]
    frame = tables.frame_from_grid(rows, 0)
    names = [c for c in frame.columns if c != tables.ROW_COLUMN]
    assert len(set(names)) == 3000 and names[:3] == ["a", "a_", "a__"]


def test_the_sheet_picker_lists_visible_sheets_and_refuses_a_broken_workbook() -> None:
    data = workbook(lambda wb: (sheet(wb, "Lama", [["x"]], hidden=True, first=True), sheet(wb, "Data", [["y"]]),
                                sheet(wb, "Catatan", [["z"]])))()
    assert readers.sheet_names(Source("a.xlsx", data)) == ["Data", "Catatan"]
    for broken in (zipped({"xl/workbook.xml": b"<rusak"}), zipped({"xl/styles.xml": b"<a/>"}),
                   data[: len(data) // 2]):
        with pytest.raises(errors.DataError, match="berkas Excel tidak bisa dibaca"):
            readers.sheet_names(Source("a.xlsx", broken))


# ------------------------------------------------------------------------------------- every door, every case
def case_file(case: Case, dataset: Dataset, tmp_path: Path) -> Path:
    data = case.build(bundled_batas(dataset), tmp_path) if case.geo else case.build()
    path = tmp_path / "berkas" / case.name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_command_line_answers_every_case_with_0_or_2(case: Case, dataset: Dataset, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture) -> None:
    """Exit 2 and the DataError's problems for every bad file (never the generic exit 1); 0 for a good one,
    unless it needs an answer only the Data page can give (a column or a name confirmed in the preview)."""
    path = case_file(case, dataset, tmp_path)
    sheet = ["--sheet", case.options["sheet"]] if "sheet" in case.options else []
    chosen = [a for k, v in case.options.get("pilihan", {}).items() for a in (f"--{k}", str(v))]
    code = cli.main(["import", "--kind", case.kind, "--dry-run", *sheet, *chosen, str(path)])
    out = capsys.readouterr().out
    assert "Traceback" not in out and "kesalahan tak terduga" not in out, out
    asked = "name_map" in case.options or "column_map" in case.options
    if isinstance(case.expect, Bad) or asked:
        assert code == 2, out
        assert "masalah: " in out and out.rstrip().endswith("masalah; tidak ada yang disimpan."), out
    else:
        assert code == 0, out


KIND_CASES = {k: [c for c in CASES if c.kind == k] for k in dict.fromkeys(c.kind for c in CASES)}


@pytest.mark.parametrize("kind", list(KIND_CASES))
def test_no_case_gives_a_viewer_a_traceback_on_the_data_page(kind: str, dataset: Dataset, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file of the corpus uploaded by a visitor who has not signed in (the dry run): a preview or a list
    of problems, never an exception; nothing saved."""
    import streamlit as st

    url = f"sqlite:///{tmp_path / 'pagina.db'}"
    monkeypatch.setenv(store.ENV_URL, url)
    st.cache_resource.clear()
    page = str(Path(__file__).resolve().parent.parent / "app_pages" / "data.py")
    at = AppTest.from_file(page, default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    if kind != "akses":
        at.selectbox(key="data_jenis").set_value(kind).run()
    for case in KIND_CASES[kind]:
        data = case_file(case, dataset, tmp_path).read_bytes()
        at.file_uploader(key=f"unggah_{kind}_0").set_value((case.name, data, "application/octet-stream")).run()
        assert not at.exception, (case.id, [e.value for e in at.exception])
        offered = [b for b in at.selectbox if b.key == "data_lembar"]
        if "sheet" in case.options and offered and case.options["sheet"] in offered[0].options:
            offered[0].set_value(case.options["sheet"]).run()
            assert not at.exception, (case.id, [e.value for e in at.exception])
        if isinstance(case.expect, Bad):
            # the problems (or the upload limit) said; or, for a file of several layers, the choice offered
            assert at.error or offered, case.id
        assert [b for b in at.button if b.key == "data_simpan"] == [], case.id
    assert store.Store(url).versions()["id"].tolist() == [0]
    st.cache_resource.clear()


# ------------------------------------------------------------------------------------- issue 14: BPS-coded villages
@pytest.mark.parametrize("style", ["hdx", "english"])
def test_bps_coded_villages_get_their_kemendagri_codes(style: str, dataset: Dataset) -> None:
    out = readers.read_kind(V, Source("desa.geojson", geojson(bps_villages(style))), dataset.wilayah)
    expected = bundled_villages().sort_values("kode")
    assert out["kode"].tolist() == expected["kode"].tolist()
    assert out["kode_wilayah"].tolist() == expected["kode_wilayah"].tolist()
    # Kusan Hilir's first village is BPS 6310010001: ten digits that would pass for 63.10.01.0001 (in Batulicin)
    raw = bps_villages(style)
    code_col, name_col = ("ADM4_PCODE", "ADM4_EN") if style == "hdx" else ("village_code", "village")
    nama = raw.loc[raw[code_col].str.endswith("6310010001"), name_col].iloc[0]
    assert "63.10.02" in out.loc[out["nama"] == nama, "kode_wilayah"].tolist()
    assert not out["kode"].str.startswith("63.10.01.0").any()
