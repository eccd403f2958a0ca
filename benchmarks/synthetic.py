"""Synthetic national data for the benchmarks: a seeded, reproducible Indonesia of kecamatan or desa.

Nothing here is real: 38 provinces, 514 kabupaten, about 7,300 kecamatan and 84,000 desa, as in
Indonesia, with household counts on the five rungs of the ladder (they add up to `jumlah_kk` in every
row, by largest remainder) and shares that drift over the years as a district's do. Boundaries are a
Voronoi tessellation of the areas' points (a valid coverage: neighbours share their borders exactly),
and `detailed` turns any coverage into a wiggly, dense one, as a surveyed boundary file is.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from sanitasi.indicators import RUNG_COLUMNS, apportion

SEED = 20240101
YEARS = tuple(range(2018, 2026))
PROVINSI, KABUPATEN = 38, 514
INDONESIA = (95.0, -11.0, 141.0, 6.0)  # lon/lat box the synthetic country fills


@dataclass(frozen=True)
class Nation:
    """Areas (`kode, nama, induk, kabupaten, provinsi, lon, lat`) and their counts per year."""

    wilayah: pd.DataFrame
    akses: pd.DataFrame  # kode_wilayah, tahun, jumlah_kk, kk_<rung> x 5 (+ induk, kabupaten, provinsi)
    level: str


def _split(total: int, parts: int, rng: np.random.Generator, cap: int) -> np.ndarray:
    """`total` split over `parts` groups, each at least 1 and at most `cap`, summing exactly."""
    if not parts <= total <= parts * cap:
        raise ValueError(f"{total} cannot be split into {parts} groups of 1..{cap}")
    sizes = np.ones(parts, dtype="int64")
    weights = rng.gamma(2.0, 1.0, parts)
    while sizes.sum() < total:
        room = sizes < cap
        extra = rng.multinomial(total - sizes.sum(), weights * room / (weights * room).sum())
        sizes = np.minimum(sizes + extra, cap)
    return sizes


def areas(level: str = "kecamatan", n: int | None = None, *, seed: int = SEED) -> pd.DataFrame:
    """The synthetic administrative tree down to `level` ("kecamatan" or "desa") with a point per area.

    Codes look like Kemendagri's: `PP.KK.CC` for a kecamatan, `PP.KK.CC.DDDD` for a desa.
    """
    rng = np.random.default_rng(seed)
    n_kec = n if level == "kecamatan" and n else 7300
    kab_per_prov = _split(KABUPATEN, PROVINSI, rng, cap=40)
    prov = np.repeat([f"{11 + i:02d}" for i in range(PROVINSI)], kab_per_prov)
    kab = np.array([f"{p}.{i + 1:02d}" for p, i in zip(prov, _rank_within(prov), strict=True)])
    kec_per_kab = _split(n_kec, len(kab), rng, cap=99)
    kec_kab = np.repeat(kab, kec_per_kab)
    kec = np.array([f"{k}.{i + 1:02d}" for k, i in zip(kec_kab, _rank_within(kec_kab), strict=True)])
    # points: provinces scattered over the box, kabupaten around their province, kecamatan around those
    x0, y0, x1, y1 = INDONESIA
    p_xy = rng.uniform([x0 + 2, y0 + 1], [x1 - 2, y1 - 1], (PROVINSI, 2))
    k_xy = p_xy[np.searchsorted(np.unique(prov), prov)] + rng.normal(0, 1.2, (len(kab), 2))
    c_xy = k_xy[np.searchsorted(kab, kec_kab)] + rng.normal(0, 0.35, (len(kec), 2))
    frame = pd.DataFrame({"kode": kec, "induk": kec_kab, "kabupaten": kec_kab, "provinsi": [k[:2] for k in kec],
                          "lon": c_xy[:, 0], "lat": c_xy[:, 1]})
    if level == "kecamatan":
        return frame.assign(nama=[f"Kecamatan {k}" for k in kec]).pipe(_clip_points)
    if level != "desa":
        raise ValueError(f"level harus 'kecamatan' atau 'desa', bukan {level!r}")
    n_desa = n or 84000
    desa_per_kec = _split(n_desa, len(kec), rng, cap=9999)
    parent = np.repeat(kec, desa_per_kec)
    desa = np.array([f"{k}.{i + 1:04d}" for k, i in zip(parent, _rank_within(parent), strict=True)])
    d_xy = np.repeat(c_xy, desa_per_kec, axis=0) + rng.normal(0, 0.08, (len(desa), 2))
    return pd.DataFrame({"kode": desa, "nama": [f"Desa {d}" for d in desa], "induk": parent,
                         "kabupaten": [d[:5] for d in desa], "provinsi": [d[:2] for d in desa],
                         "lon": d_xy[:, 0], "lat": d_xy[:, 1]}).pipe(_clip_points)


def _rank_within(groups: np.ndarray) -> np.ndarray:
    """0, 1, 2 ... within each run of equal values (the input is grouped)."""
    s = pd.Series(groups)
    return s.groupby(s, sort=False).cumcount().to_numpy()


def _clip_points(frame: pd.DataFrame) -> pd.DataFrame:
    x0, y0, x1, y1 = INDONESIA
    return frame.assign(lon=frame["lon"].clip(x0 + 0.01, x1 - 0.01), lat=frame["lat"].clip(y0 + 0.01, y1 - 0.01))


def nation(level: str = "kecamatan", n: int | None = None, years: tuple[int, ...] = YEARS, *,
           seed: int = SEED) -> Nation:
    """Areas and household counts per year on the five rungs; every row's rungs add up to `jumlah_kk`."""
    wil = areas(level, n, seed=seed)
    rng = np.random.default_rng(seed + 1)
    m, t = len(wil), np.arange(len(years))[None, :] / max(len(years) - 1, 1)
    size = 9000.0 if level == "kecamatan" else 800.0
    kk0 = rng.lognormal(np.log(size), 0.6, (m, 1))
    growth = rng.normal(0.02, 0.008, (m, 1))
    kk = np.round(kk0 * (1 + growth) ** (t * (len(years) - 1)) * rng.normal(1, 0.004, (m, len(years))))
    kk = np.maximum(kk, 1).astype("int64")

    def drift(start: np.ndarray, end: np.ndarray) -> np.ndarray:
        return start + (end - start) * t + rng.normal(0, 0.006, (m, len(years)))

    layak0 = rng.beta(9, 3, (m, 1))
    layak = np.clip(drift(layak0, np.minimum(layak0 + rng.uniform(0.0, 0.15, (m, 1)), 0.99)), 0.2, 0.99)
    aman = np.clip(drift(rng.uniform(0.0, 0.08, (m, 1)), rng.uniform(0.03, 0.2, (m, 1))), 0.0, 1.0) * layak
    babs = np.clip(drift(rng.uniform(0.0, 0.15, (m, 1)), rng.uniform(0.0, 0.08, (m, 1))), 0.0, 1.0) * (1 - layak)
    shared = rng.uniform(0.02, 0.12, (m, 1))
    shares = np.stack([aman, (layak - aman) * (1 - shared), (layak - aman) * shared, 1 - layak - babs, babs], axis=-1)
    counts = apportion(kk.reshape(-1), np.clip(shares, 0, None).reshape(-1, 5))
    akses = pd.DataFrame(counts, columns=list(RUNG_COLUMNS))
    akses.insert(0, "jumlah_kk", kk.reshape(-1))
    akses.insert(0, "tahun", np.tile(np.array(years, dtype="int64"), m))
    akses.insert(0, "kode_wilayah", np.repeat(wil["kode"].to_numpy(), len(years)))
    parents = wil.set_index("kode")[["induk", "kabupaten", "provinsi"]]
    akses = akses.join(parents, on="kode_wilayah")
    return Nation(wil, akses, level)


def to_csv_text(akses: pd.DataFrame) -> str:
    """The counts as the CSV an official would load (the contract's columns, `sumber` = synthetic, KK counts)."""
    cols = ["kode_wilayah", "tahun", "jumlah_kk", *RUNG_COLUMNS]
    return akses[cols].assign(sumber="sintetis", satuan="kk", resmi="tidak").to_csv(index=False)


# ----------------------------------------------------------------------------------- boundaries
def boundaries(wilayah: pd.DataFrame, bounds: tuple[float, float, float, float] | None = None) -> gpd.GeoDataFrame:
    """One Voronoi cell per area around its point, cut to `bounds`: the cells tile the box exactly."""
    x0, y0, x1, y1 = bounds or INDONESIA
    frame = shapely.box(x0, y0, x1, y1)
    pts = shapely.points(wilayah["lon"].to_numpy(), wilayah["lat"].to_numpy())
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=frame, ordered=True))
    cells = shapely.intersection(cells, frame)
    return gpd.GeoDataFrame({"kode": wilayah["kode"].to_numpy()}, geometry=cells, crs="EPSG:4326")


def vertex_count(geoms) -> int:
    return int(shapely.get_num_coordinates(np.asarray(geoms)).sum())


def detailed(batas: gpd.GeoDataFrame, vertices: int, *, seed: int = SEED, key: str = "kode") -> gpd.GeoDataFrame:
    """The same coverage with about `vertices` vertices in all, its borders made wiggly like surveyed ones.

    Every border is taken once from the shared linework, cut into short steps and bent sideways by a
    smooth random curve (junctions stay put), and the polygons are rebuilt from it: neighbours still
    share every vertex, so the result is a valid coverage that a simplifier must keep gap-free.
    """
    geoms = batas.geometry.to_numpy()
    step = float(shapely.length(shapely.boundary(geoms)).sum()) / vertices
    lines = shapely.get_parts(shapely.node(shapely.union_all(shapely.boundary(geoms))))
    xy = [shapely.get_coordinates(line) for line in lines]  # each straight piece of border, once
    lines = shapely.segmentize(shapely.linestrings([[a, b] for c in xy for a, b in zip(c[:-1], c[1:], strict=True)]),
                               step)
    for bend in (0.05, 0.025, 0.01, 0.0):  # gentler until no border crosses another
        rng = np.random.default_rng(seed)
        faces = shapely.get_parts(shapely.polygonize([_wiggle(line, bend, rng) for line in lines]))
        out = _assign(batas, faces, key)
        if out is not None and shapely.coverage_is_valid(out.geometry.to_numpy()):
            return out
    raise RuntimeError("could not rebuild the coverage")


def _assign(batas: gpd.GeoDataFrame, faces: np.ndarray, key: str) -> gpd.GeoDataFrame | None:
    """Give each rebuilt face to the original area it lies in; None when an area got nothing."""
    geoms = batas.geometry.to_numpy()
    tree = shapely.STRtree(geoms)
    inside = shapely.point_on_surface(faces)
    owner = np.full(len(faces), -1)
    face_i, geom_i = tree.query(inside, predicate="within")
    owner[face_i] = geom_i
    for i in np.flatnonzero(owner < 0):  # a face whose inner point left the original: the nearest area
        owner[i] = int(tree.nearest(inside[i]))
    if len(set(owner.tolist())) != len(geoms):
        return None
    pieces = pd.Series(list(faces)).groupby(owner).agg(lambda g: shapely.union_all(list(g)))
    return gpd.GeoDataFrame(batas[[key]].copy(), geometry=[pieces[i] for i in range(len(geoms))], crs=batas.crs)


def _wiggle(line: shapely.LineString, bend: float, rng: np.random.Generator) -> shapely.LineString:
    """Bend a border sideways by a smooth random curve, `bend` x its length at most, ends fixed."""
    xy = shapely.get_coordinates(line)
    if len(xy) < 4 or bend <= 0:
        return line
    run = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(xy, axis=0).T))])
    s = run / run[-1]
    k = np.arange(1, min(40, len(xy) // 3) + 1)
    # sine series: zero at both ends, rougher terms weaker (a coastline-like, self-similar wiggle)
    offset = (rng.normal(0, 1, len(k)) / k**1.5) @ np.sin(np.pi * np.outer(k, s))
    offset *= bend * run[-1] / max(np.abs(offset).max(), 1e-12)
    slope = np.abs(np.diff(offset) / np.maximum(np.diff(run), 1e-12)).max()
    if slope > 0.2:  # steep bends would fold a border onto its neighbour at a corner
        offset *= 0.2 / slope
    d = np.gradient(xy, axis=0)
    normal = np.stack([-d[:, 1], d[:, 0]], axis=1)
    normal /= np.maximum(np.linalg.norm(normal, axis=1, keepdims=True), 1e-12)
    moved = xy + normal * offset[:, None]
    moved[0], moved[-1] = xy[0], xy[-1]
    return shapely.linestrings(moved)
