"""Load the bundled data set, each table checked against its contract once, at the door."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import geopandas as gpd
import pandas as pd

from sanitasi import paths
from sanitasi.contracts import (  # noqa: F401 - re-exported: desa.py, ui.py and the tests import them from here
    AKSES,
    BIAYA,
    DRAINASE,
    KEGIATAN,
    KODE_DESA,
    KOMITMEN,
    KOMITMEN_STATUS,
    ODF_STATUS,
    SAMPAH,
    STBM,
    STBM_DESA,
    TARGET,
    WILAYAH,
    check_codes,
)
from sanitasi.errors import DataError, Problem
from sanitasi.indicators import RUNG_COLUMNS
from sanitasi.schema import Contract, validate

BUNDLED_VERSION = "0"
BUNDLED_DATE = date(2026, 11, 28)


def _empty(contract: Contract) -> pd.DataFrame:
    return validate(pd.DataFrame(columns=contract.names), contract)


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
    # the rest of PPSP; empty tables when a data set does not have them
    stbm: pd.DataFrame = field(default_factory=lambda: _empty(STBM))
    sampah: pd.DataFrame = field(default_factory=lambda: _empty(SAMPAH))
    drainase: pd.DataFrame = field(default_factory=lambda: _empty(DRAINASE))
    kegiatan: pd.DataFrame = field(default_factory=lambda: _empty(KEGIATAN))
    komitmen: pd.DataFrame = field(default_factory=lambda: _empty(KOMITMEN))
    stbm_desa: pd.DataFrame | None = None  # village-level STBM rows, when a desa table has been loaded
    batas_desa: gpd.GeoDataFrame | None = None  # village boundaries (kode, nama, kode_wilayah), when loaded
    sumber: dict = field(default_factory=dict)  # table kind -> the version that supplies it (0 = bundled)

    def illustrative(self, kind: str) -> bool:
        """Is this table the bundled illustrative one (access, STBM, waste, drainage, agencies, commitments)?"""
        return int(self.sumber.get(kind, 0)) == 0

    @cached_property
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
        stbm=_checked(validate(read_csv_plain(paths.STBM_CSV), STBM), wilayah, "stbm_kecamatan"),
        sampah=validate(read_csv_plain(paths.SAMPAH_CSV), SAMPAH),
        drainase=_checked(validate(read_csv_plain(paths.DRAINASE_CSV), DRAINASE), wilayah, "drainase"),
        kegiatan=validate(read_csv_plain(paths.KEGIATAN_CSV), KEGIATAN),
        komitmen=validate(read_csv_plain(paths.KOMITMEN_CSV), KOMITMEN),
    )


def _checked(frame: pd.DataFrame, wilayah: pd.DataFrame, table: str) -> pd.DataFrame:
    """Kecamatan rows must exist in their year (no child before its split); counts as int64."""
    problems = check_codes(frame, wilayah, table)
    if problems:
        raise DataError(problems)
    return whole_numbers(frame)


def whole_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """A validated frame with its nullable integer columns as plain int64 where nothing is missing."""
    ints = [c for c in frame.columns if str(frame[c].dtype) == "Int64" and not frame[c].isna().any()]
    return frame.astype({c: "int64" for c in ints})
