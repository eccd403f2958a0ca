"""Village (desa/kelurahan) boundaries -> `kode` (Kemendagri desa code), `nama`, `kode_wilayah` (its kecamatan).

Two kinds of file reach the district. BIG's desa layer or a consultant's plain table carry Kemendagri codes
(`KDEPUM` 63.10.01.2005, or `kode`): the village is its code, the kecamatan the code's first three parts. HDX's
COD-AB layers (`ADM4_PCODE` ID6310010001, `ADM3_PCODE`, `ADM4_EN`) and files made from BPS lists (`village_code`,
`district_code`, `village`) carry BPS codes, whose village numbers are not Kemendagri's (and whose ten digits would
pass for a Kemendagri code: Kusan Hilir's first village, BPS 6310010001, is not 63.10.01.0001 in Batulicin). There
the kecamatan comes from the BPS code (`data/wilayah.csv`, `kode_bps`; by its name when the code is not in that
list), and the village from its name within that kecamatan (the Kepmendagri 2025 list in `data/batas/`).

Every village polygon must lie in its kecamatan and be smaller than it: a polygon far larger than its kecamatan's
official area, or lying outside the kecamatan its code names, is a problem, before anything is saved.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from sanitasi import KODE_KABUPATEN, NAMA_KABUPATEN, desa, paths
from sanitasi.errors import DataError, Problem
from sanitasi.headers import VILLAGE_CODE, VILLAGE_KECAMATAN, VILLAGE_NAME, Field
from sanitasi.load import names_of, read_daftar_desa
from sanitasi.matching import AreaIndex, digits, normalise_name
from sanitasi.readers import geocheck
from sanitasi.readers.boundaries import _fail, _only_district, _pick, _shapes
from sanitasi.readers.reading import ColumnError

# BPS-coded files: HDX COD-AB names first, then the English columns of files made from BPS lists
BPS_VILLAGE_CODE = Field("kode_desa_bps", ("adm4_pcode", "village_code", "kode_desa_bps", "village_pcode"),
                         required=False, label="kode desa BPS")
BPS_KECAMATAN_CODE = Field("kode_kecamatan_bps", ("adm3_pcode", "district_code", "kode_kecamatan_bps",
                                                  "subdistrict_code"), required=False, label="kode kecamatan BPS")
BPS_KECAMATAN_NAME = Field("nama_kecamatan", ("adm3_en", "adm3_id", "district", "subdistrict", "kecamatan"),
                           required=False, label="nama kecamatan")
BPS_VILLAGE_NAME = Field("nama_desa", ("adm4_en", "adm4_id", "village", "village_name", "desa", "nama_desa"),
                         required=False, label="nama desa")
LARGER = 1.5  # a village polygon more than 1.5x its kecamatan's official area is not that village
INSIDE = 0.5  # the share of a village polygon that must lie in its kecamatan (widened by WIDEN_M)
WIDEN_M = 2_000


def read_desa(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
              column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> gpd.GeoDataFrame:
    """Village boundaries -> `kode`, `nama`, `kode_wilayah`, geometry; one row per desa (`sheet`: a GeoPackage's
    layer; `name_map` is accepted for the same call as every reader)."""
    gdf, notes, src = _shapes(file, prefer="desa", layer="batas desa", sheet=sheet)
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    code_col = _pick(columns, VILLAGE_CODE, column_map)
    bps_village = _pick(columns, BPS_VILLAGE_CODE, column_map)
    bps_kecamatan = _pick(columns, BPS_KECAMATAN_CODE, column_map)
    if code_col is None and (bps_village or bps_kecamatan):
        out = _by_bps(gdf, columns, column_map, wilayah, src.name, notes)
    else:
        if code_col is None:
            raise ColumnError([Problem(src.name, None, "kode desa", None,
                                       "kolom kode desa (mis. KDEPUM berisi 63.10.01.2005, atau ADM4_PCODE/"
                                       "village_code berisi kode BPS) tidak dikenali; kolom yang ada: "
                                       + ", ".join(columns))], [VILLAGE_CODE], columns)
        out = _by_kemendagri(gdf, columns, code_col, column_map, wilayah, src.name, notes)
    first = {k: _row(i) for i, k in zip(out.index[::-1], out["kode"].to_numpy()[::-1], strict=True)}
    if out["kode"].duplicated().any():  # a village of several parts (islands) is checked as one
        out = out.dissolve(by="kode", as_index=False, aggfunc="first")
        notes.append("Beberapa poligon dengan kode desa yang sama digabung menjadi satu poligon desa.")
    if problems := where_they_are(out, wilayah, src.name, first):
        raise DataError(problems)
    out = out[["kode", "nama", "kode_wilayah", "geometry"]].sort_values("kode").reset_index(drop=True)
    kec_names = names_of(wilayah)
    notes.append(f"{len(out)} desa/kelurahan di {out['kode_wilayah'].nunique()} kecamatan.")
    missing = [kec_names[k] for k in wilayah["kode"] if k not in set(out["kode_wilayah"])]
    if missing:
        notes.append("Kecamatan tanpa desa di berkas ini: " + ", ".join(missing) + ".")
    out.attrs["catatan"] = notes
    return out


def _by_kemendagri(gdf: gpd.GeoDataFrame, columns: list[str], code_col: str, column_map, wilayah: pd.DataFrame,
                   name: str, notes: list[str]) -> gpd.GeoDataFrame:
    """A file of Kemendagri desa codes: the village is its code; a kecamatan column that says otherwise is a
    problem."""
    name_col = _pick(columns, VILLAGE_NAME, column_map)
    kec_col = _pick(columns, VILLAGE_KECAMATAN, column_map)
    gdf = _only_district(gdf, columns, column_map, notes)
    parsed = [desa.parse_code(v) for v in gdf[code_col]]
    ours = [bool(c) and c.startswith(KODE_KABUPATEN + ".") for c in parsed]
    others = [bool(c) and not o for c, o in zip(parsed, ours, strict=True)]
    if not any(ours):
        raise _fail(name, f"berkas ini tidak berisi desa {NAMA_KABUPATEN} (kode desa berawal {KODE_KABUPATEN}.)")
    if any(others):  # a province's file without district columns: Tanah Bumbu's villages by their codes
        notes.append(f"Berkas mencakup wilayah lain: hanya {sum(ours)} desa {NAMA_KABUPATEN} yang dipakai.")
        keep = [not o for o in others]
        gdf, parsed = gdf.loc[keep], [c for c, k in zip(parsed, keep, strict=True) if k]
    if problems := geocheck.placement(gdf, name):  # the province's other villages are not checked
        raise DataError(problems)
    index = AreaIndex.of(wilayah)
    kecs, problems = [], []
    for idx, raw, kode, kec_raw in zip(gdf.index, gdf[code_col], parsed,
                                       gdf[kec_col] if kec_col else [None] * len(gdf), strict=True):
        row = _row(idx)
        k = None
        if kode == "":
            problems.append(Problem(name, row, code_col, None, "kode desa wajib diisi"))
        elif kode is None:
            problems.append(Problem(name, row, code_col, desa.code_text(raw),
                                    "kode desa harus berbentuk seperti 63.10.01.2005 (atau 6310012005)"))
        else:
            k = index.by_code.get(desa.kecamatan_of(kode))
            given = desa.code_text(kec_raw)
            if k is None:
                problems.append(Problem(name, row, code_col, kode,
                                        "kode desa tidak termasuk kecamatan mana pun di Kabupaten Tanah Bumbu"))
            elif given and (index.by_code.get(given) or index.by_code.get(digits(given))) != k:
                problems.append(Problem(name, row, kec_col, given,
                                        f"kecamatan ini tidak cocok dengan kode desa {kode} (kecamatan {k})"))
        kecs.append(k)
    if problems:
        raise DataError(problems)
    return gpd.GeoDataFrame({"kode": parsed, "nama": _texts(gdf, name_col), "kode_wilayah": kecs},
                            geometry=gdf.geometry.to_numpy(), crs="EPSG:4326", index=gdf.index)


def _by_bps(gdf: gpd.GeoDataFrame, columns: list[str], column_map, wilayah: pd.DataFrame, name: str,
            notes: list[str]) -> gpd.GeoDataFrame:
    """A file of BPS codes: the kecamatan from its BPS code (or name), the village by name within it."""
    village_col = _pick(columns, BPS_VILLAGE_CODE, column_map)
    kec_code_col = _pick(columns, BPS_KECAMATAN_CODE, column_map)
    kec_name_col = _pick(columns, BPS_KECAMATAN_NAME, column_map)
    name_col = _pick(columns, BPS_VILLAGE_NAME, column_map)
    if name_col is None:
        raise ColumnError([Problem(name, None, "nama desa", None,
                                   "berkas berkode BPS butuh kolom nama desa (mis. ADM4_EN atau village): kode desa "
                                   "BPS tidak sama dengan kode Kemendagri; kolom yang ada: " + ", ".join(columns))],
                          [BPS_VILLAGE_NAME], columns)
    # the kecamatan's BPS code: its own column, else the village code's first seven digits
    kec_codes = [digits(v)[:7] for v in (gdf[kec_code_col] if kec_code_col else gdf[village_col])]
    district = KODE_KABUPATEN.replace(".", "")
    ours = np.array([c.startswith(district) for c in kec_codes])
    if not ours.any():
        raise _fail(name, f"berkas ini tidak berisi desa {NAMA_KABUPATEN} (kode BPS berawal {district})")
    if not ours.all():
        notes.append(f"Berkas mencakup wilayah lain: hanya {int(ours.sum())} poligon {NAMA_KABUPATEN} yang dipakai.")
        gdf, kec_codes = gdf.loc[ours], [c for c, o in zip(kec_codes, ours, strict=True) if o]
    if problems := geocheck.placement(gdf, name):
        raise DataError(problems)
    index, villages = AreaIndex.of(wilayah), _villages_by_kecamatan()
    kec_names = names_of(wilayah)
    found, problems = [], []
    for idx, kec_bps, kec_name, village in zip(gdf.index, kec_codes, _texts(gdf, kec_name_col),
                                               _texts(gdf, name_col), strict=True):
        row = _row(idx)
        k = index.by_code.get(kec_bps) if len(kec_bps) == 7 else None
        k = k or (index.code_for(None, kec_name) if kec_name else None)
        if k is None:
            where = kec_code_col or village_col
            problems.append(Problem(name, row, where, str(gdf.at[idx, where]),
                                    f"kode kecamatan BPS {kec_bps} tidak dikenal di {NAMA_KABUPATEN}"
                                    + ("" if kec_name_col else "; tambahkan kolom nama kecamatan (mis. ADM3_EN)")))
            found.append(None)
            continue
        by_name = villages.get(k, {})
        kode = by_name.get(_village_key(village)) if village else None
        if kode is None:
            near = difflib.get_close_matches(_village_key(village), list(by_name), n=3, cutoff=0.6)
            hint = ("; mungkin: " + ", ".join(f"{_official_name(by_name[n])} ({by_name[n]})" for n in near)) if near \
                else ""
            problems.append(Problem(name, row, name_col, village or None,
                                    f"desa '{village or ''}' tidak ada di Kecamatan {kec_names[k]}{hint}"))
        found.append(None if kode is None else (kode, k))
    if problems:
        raise DataError(problems)
    notes.append("Berkas berkode BPS: kecamatan dari kodenya, desa dari namanya di dalam kecamatan itu "
                 "(kode desa BPS tidak sama dengan kode Kemendagri).")
    return gpd.GeoDataFrame({"kode": [f[0] for f in found], "nama": _texts(gdf, name_col),
                             "kode_wilayah": [f[1] for f in found]},
                            geometry=gdf.geometry.to_numpy(), crs="EPSG:4326", index=gdf.index)


def where_they_are(villages: gpd.GeoDataFrame, wilayah: pd.DataFrame, name: str,
                   rows: Mapping[str, int | None]) -> list[Problem]:
    """Each village (all its parts) against its kecamatan: not far larger than the kecamatan's official area (a
    parent's for the two kecamatan of the 2021 split), and mostly inside the kecamatan's bundled polygon. `rows`:
    each village's first feature in the file, which the problem points at."""
    w = wilayah.set_index("kode")
    official = {k: float(w.at[p if isinstance(p := w.at[k, "pemekaran_dari"], str) and p else k, "luas_km2_bps2020"])
                for k in w.index}
    shapes = _kecamatan_shapes()
    metric = villages.geometry.set_crs("EPSG:4326", allow_override=True).to_crs(geocheck.METRIC)
    area = metric.area.to_numpy() / 1e6
    problems = []
    for (_, row), a, m in zip(villages.iterrows(), area, metric, strict=True):
        k, label, at = row["kode_wilayah"], row["nama"] or row["kode"], rows.get(row["kode"])
        kec = w.at[k, "nama"]
        if np.isfinite(official.get(k, np.nan)) and a > LARGER * official[k]:
            problems.append(Problem(name, at, None, f"{_km2(a)} km²",
                                    f"luas poligon desa {label} {_km2(a)} km², jauh lebih besar dari Kecamatan {kec} "
                                    f"({_km2(official[k])} km²); periksa kode atau nama poligon ini"))
        elif k in shapes and a > 0 and m.intersection(shapes[k]).area / m.area < INSIDE:
            problems.append(Problem(name, at, None, row["kode"],
                                    f"poligon desa {label} berada di luar Kecamatan {kec}, tempat kodenya berada; "
                                    "periksa kode atau koordinatnya"))
    return problems


@lru_cache(maxsize=1)
def _kecamatan_shapes() -> dict[str, shapely.Geometry]:
    """Each kecamatan's bundled polygon in UTM 50S, widened by `WIDEN_M` (neighbours' lines differ by file)."""
    batas = gpd.read_file(paths.BATAS_KECAMATAN).to_crs(geocheck.METRIC)
    return {str(k): g.buffer(WIDEN_M) for k, g in zip(batas["kode"], batas.geometry, strict=True)}


@lru_cache(maxsize=1)
def _villages_by_kecamatan() -> dict[str, dict[str, str]]:
    """kecamatan code -> {normalised village name: desa code}, from the Kepmendagri 2025 list."""
    out: dict[str, dict[str, str]] = {}
    for kode, nama, kec in read_daftar_desa(paths.KODE_DESA_CSV)[["kode", "nama", "kode_wilayah"]].itertuples(
            index=False):
        out.setdefault(kec, {})[_village_key(nama)] = kode
    return out


def _official_name(kode: str) -> str:
    names = read_daftar_desa(paths.KODE_DESA_CSV).set_index("kode")["nama"]
    return str(names.get(kode, kode))


def _village_key(name: object) -> str:
    """'Desa Sei Dua' -> 'sungaidua'; 'KEL. BATULICIN' -> 'batulicin'."""
    text = re.sub(r"^(desa|kelurahan|kel\.?)\s+", "", str(name or "").lower().strip())
    return normalise_name(text)


def _texts(gdf: gpd.GeoDataFrame, column: str | None) -> list[str | None]:
    values = gdf[column] if column else [None] * len(gdf)
    return [None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip() or None for v in values]


def _row(idx: object) -> int | None:
    """The feature's place in the file (1 = the first)."""
    return int(idx) + 1 if isinstance(idx, int | np.integer) else None


def _km2(x: float) -> str:
    return f"{x:,.0f}".replace(",", ".")
