"""Load the bundled data set, each table checked against its contract once, at the door."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import geopandas as gpd
import pandas as pd

from sanitasi import paths
from sanitasi.errors import DataError, Problem
from sanitasi.indicators import REGISTRY, RUNG_COLUMNS
from sanitasi.schema import Column, Contract, validate

BUNDLED_VERSION = "0"
BUNDLED_DATE = date(2026, 11, 28)
TAHUN_MIN, TAHUN_MAX = 1990, 2100


def _rungs_add_up(df: pd.DataFrame, table: str) -> list[Problem]:
    total = df[list(RUNG_COLUMNS)].sum(axis=1)
    bad = total != df["jumlah_kk"]
    return [Problem(table, i + 2, "jumlah_kk", str(df["jumlah_kk"].iloc[i]),
                    f"jumlah lima tangga akses ({int(total.iloc[i])}) harus sama dengan jumlah_kk")
            for i in bad[bad].index]


def _parents_exist(df: pd.DataFrame, table: str) -> list[Problem]:
    known = set(df["kode"])
    bad = df["pemekaran_dari"].notna() & ~df["pemekaran_dari"].isin(known)
    return [Problem(table, i + 2, "pemekaran_dari", str(df["pemekaran_dari"].iloc[i]),
                    "kode induk tidak ada di tabel wilayah") for i in bad[bad].index]


WILAYAH = Contract("wilayah", (
    Column("kode", "kode"),
    Column("kode_bps", "str", nullable=True),
    Column("nama", "str"),
    Column("alias", "str", nullable=True),
    Column("ibukota", "str", nullable=True),
    Column("luas_km2_bps2020", "float", nullable=True, min=0),
    Column("centroid_lat", "float", min=-11.5, max=6.5),
    Column("centroid_lon", "float", min=94.5, max=141.5),
    Column("pemekaran_dari", "kode", nullable=True),
    Column("berlaku_sejak", "int", min=TAHUN_MIN, max=TAHUN_MAX),
    Column("desa", "int", min=0),
    Column("kelurahan", "int", min=0),
), key=("kode",), row_checks=(_parents_exist,))

AKSES = Contract("akses_sanitasi", (
    Column("kode_wilayah", "kode"),
    Column("tahun", "int", min=TAHUN_MIN, max=TAHUN_MAX),
    Column("jumlah_kk", "int", min=0),
    *(Column(c, "int", min=0) for c in RUNG_COLUMNS),
    Column("sumber", "str", nullable=True),
), key=("kode_wilayah", "tahun"), row_checks=(_rungs_add_up,))

TARGET = Contract("target", (
    Column("dokumen", "str"),
    Column("indikator", "str", choices=tuple(REGISTRY)),
    Column("kode_wilayah", "kode", nullable=True),
    Column("tahun", "int", min=TAHUN_MIN, max=TAHUN_MAX),
    Column("nilai", "float", min=0, max=100),
    Column("tahun_dasar", "int", nullable=True, min=TAHUN_MIN, max=TAHUN_MAX),
    Column("catatan", "str", nullable=True),
), key=("dokumen", "indikator", "kode_wilayah", "tahun"))

BIAYA = Contract("biaya_satuan", (
    Column("kode", "str"),
    Column("indikator", "str", choices=tuple(REGISTRY)),
    Column("langkah", "str"),
    Column("biaya_per_kk", "float", min=0),
    Column("porsi", "float", min=0, max=1),
    Column("sumber", "str", nullable=True),
    Column("catatan", "str", nullable=True),
), key=("kode",))


def check_codes(akses: pd.DataFrame, wilayah: pd.DataFrame, table: str = "akses_sanitasi") -> list[Problem]:
    """Every row's kecamatan must exist in that year: no code unknown, no child before its split."""
    since = wilayah.set_index("kode")["berlaku_sejak"]
    problems = []
    for i, (kode, tahun) in enumerate(zip(akses["kode_wilayah"], akses["tahun"], strict=True)):
        if kode not in since.index:
            problems.append(Problem(table, i + 2, "kode_wilayah", str(kode), "kode kecamatan tidak dikenal"))
        elif int(tahun) < int(since[kode]):
            problems.append(Problem(table, i + 2, "tahun", str(tahun),
                                    f"kecamatan {kode} baru ada sejak {int(since[kode])}; sebelum itu "
                                    "datanya termasuk kecamatan induk"))
    return problems


@dataclass(frozen=True)
class Dataset:
    """A complete, validated data set: what every page reads."""

    wilayah: pd.DataFrame
    akses: pd.DataFrame
    target: pd.DataFrame
    batas: gpd.GeoDataFrame
    biaya: pd.DataFrame
    versi: str
    tanggal: date
    ilustratif: bool
    batas_skematis: bool

    @property
    def tahun(self) -> list[int]:
        return sorted(int(t) for t in self.akses["tahun"].unique())

    def nama(self, kode: str) -> str:
        """The kecamatan's name for a code (the code itself when unknown)."""
        hit = self.wilayah.loc[self.wilayah["kode"] == kode, "nama"]
        return str(hit.iloc[0]) if len(hit) else kode


def read_csv_plain(path) -> pd.DataFrame:
    """A bundled CSV as text cells; the contract decides the types."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")


def read_batas(path) -> gpd.GeoDataFrame:
    gdf = gpd.read_file(path)
    if gdf.crs is None:
        raise DataError([Problem("batas", None, None, str(path), "berkas batas tidak punya sistem koordinat")])
    return gdf.to_crs("EPSG:4326").assign(kode=lambda d: d["kode"].astype(str))


def load_bundled() -> Dataset:
    """The data shipped with the dashboard: real kecamatan facts, ILLUSTRATIVE access figures."""
    wilayah = validate(read_csv_plain(paths.WILAYAH_CSV), WILAYAH)
    akses = validate(read_csv_plain(paths.AKSES_CSV), AKSES)
    problems = check_codes(akses, wilayah)
    if problems:
        raise DataError(problems)
    return Dataset(
        wilayah=wilayah,
        akses=akses.astype({c: "int64" for c in ("tahun", "jumlah_kk", *RUNG_COLUMNS)}),
        target=validate(read_csv_plain(paths.TARGET_CSV), TARGET),
        batas=read_batas(paths.BATAS_SHP),
        biaya=validate(read_csv_plain(paths.BIAYA_CSV), BIAYA),
        versi=BUNDLED_VERSION,
        tanggal=BUNDLED_DATE,
        ilustratif=True,
        batas_skematis=True,
    )
