"""Load the bundled data set, each table checked against its contract once, at the door."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

import geopandas as gpd
import pandas as pd

from sanitasi import facts, kinds, paths, sources
from sanitasi.contracts import (  # noqa: F401 - re-exported: desa.py, ui.py and the tests import them from here
    AKSES,
    DAFTAR_DESA,
    KODE_DESA,
    KOMITMEN_STATUS,
    ODF_STATUS,
    STBM,
    WILAYAH,
    check_codes,
)
from sanitasi.errors import DataError, Problem
from sanitasi.schema import validate, whole_numbers

BUNDLED_VERSION = "0"
ILLUSTRATIVE = sources.ILLUSTRATIVE  # the `sumber` of every bundled illustrative row
BUNDLED_DATE = date(2026, 11, 28)


@dataclass(frozen=True, init=False)
class Dataset:
    """A complete, validated data set: what every page reads.

    Its tables are held by kind (see `sanitasi.kinds`) and read as attributes: `d.akses`, `d.stbm_desa`.
    A kind the data set was not given is an empty table of its contract when the dashboard bundles a file
    for it, else None (the village tables, until one has been imported).
    """

    wilayah: pd.DataFrame
    versi: str
    tanggal: date
    daftar_desa: pd.DataFrame | None  # the official village list (contracts.DAFTAR_DESA), when known
    fakta: pd.DataFrame | None  # published figures with their sources (sanitasi.facts), when known
    tables: Mapping[str, Any]  # kind -> its table (DataFrame, GeoDataFrame for boundaries, or None)
    sumber: dict  # table kind -> the version that supplies it (0 = bundled)

    def __init__(self, wilayah: pd.DataFrame, versi: str, tanggal: date,
                 sumber: dict | None = None, tables: Mapping[str, Any] | None = None,
                 daftar_desa: pd.DataFrame | None = None, fakta: pd.DataFrame | None = None, **by_kind: Any):
        """`Dataset(..., akses=frame, target=frame)` or `tables={...}`; `dataclasses.replace(d, kegiatan=rows)`."""
        unknown = [k for k in by_kind if k not in kinds.REGISTRY]
        if unknown:
            raise TypeError(f"Dataset() got unknown table kinds: {', '.join(unknown)}")
        given = {**(tables or {}), **by_kind}
        held = {k: given[k] if k in given else _absent(kind) for k, kind in kinds.REGISTRY.items()}
        for name, value in (("wilayah", wilayah), ("versi", versi), ("tanggal", tanggal),
                            ("daftar_desa", daftar_desa), ("fakta", fakta), ("tables", held),
                            ("sumber", dict(sumber or {}))):
            object.__setattr__(self, name, value)

    def __getattr__(self, name: str) -> Any:
        """A table by its kind: `d.akses`. Called only for names that are not attributes of their own."""
        tables = self.__dict__.get("tables")  # absent while an instance is being copied or unpickled
        if tables is not None and name in kinds.REGISTRY:
            return tables[name] if name in tables else _absent(kinds.REGISTRY[name])
        raise AttributeError(f"'Dataset' object has no attribute '{name}'")

    @property
    def ilustratif(self) -> bool:
        """Is the data set's access data (what the headline figures draw on) illustrative, in any row used?"""
        return self.illustrative("akses")

    def illustrative(self, kind: str) -> bool:
        """Does this table hold illustrative figures? A table whose rows name their source holds them when any row
        is the bundled illustrative one (an import adds to the bundled rows, it does not replace them); another
        table, when it is the bundled one."""
        table = self.tables.get(kind)
        if kind == "akses" and isinstance(table, pd.DataFrame) and "sumber" in table.columns:
            table = self.akses_dipakai
        return holds_illustrative(table, int(self.sumber.get(kind, 0)))

    @cached_property
    def akses_dipakai(self) -> pd.DataFrame:
        """The access rows the kecamatan figures are drawn from: one per kecamatan and year, chosen among the
        sources (`sanitasi.sources.kecamatan_counts`), with the kabupaten series beside them."""
        akses = self.akses
        return pd.concat([sources.kecamatan_counts(akses), akses.loc[sources.is_district(akses["kode_wilayah"])]],
                         ignore_index=True)

    @cached_property
    def tahun(self) -> list[int]:
        return sorted(int(t) for t in self.akses["tahun"].unique())

    @cached_property
    def names(self) -> dict[str, str]:
        """Kecamatan code -> name."""
        return names_of(self.wilayah)

    def nama(self, kode: str) -> str:
        """The kecamatan's name for a code (the code itself when unknown)."""
        return self.names.get(kode, kode)


def holds_illustrative(table: Any, supplier: int) -> bool:
    """A table holds illustrative figures when any of its rows names the bundled illustrative source; a table
    whose rows name no source, when it is the bundled one (`supplier` 0)."""
    if isinstance(table, pd.DataFrame) and "sumber" in table.columns and len(table):
        return bool(table["sumber"].astype(str).str.strip().str.lower().eq(ILLUSTRATIVE).any())
    return supplier == 0


def names_of(wilayah: pd.DataFrame) -> dict[str, str]:
    """Kecamatan code -> name, from a `wilayah` table (what readers have before there is a data set)."""
    return dict(zip(wilayah["kode"], wilayah["nama"], strict=True))


def _absent(kind: kinds.Kind) -> pd.DataFrame | None:
    """What a data set holds for a kind it was not given: an empty table of its contract, or None when nothing
    is bundled for it (so a page can tell 'no village table loaded' from 'a village table with no rows')."""
    if kind.bundled is None:
        return None
    empty = validate(pd.DataFrame(columns=kind.contract.names), kind.contract)
    return gpd.GeoDataFrame(empty, geometry=[], crs="EPSG:4326") if kind.storage == "geo" else empty


def read_csv_plain(path) -> pd.DataFrame:
    """A bundled CSV as text cells; the contract decides the types."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")


def read_batas(path) -> gpd.GeoDataFrame:
    gdf = gpd.read_file(path)
    if gdf.crs is None:
        raise DataError([Problem("batas", None, None, str(path), "berkas batas tidak punya sistem koordinat")])
    codes = {c: gdf[c].astype(str) for c in ("kode", "kode_wilayah") if c in gdf.columns}
    return gdf.to_crs("EPSG:4326").assign(**codes)


def read_daftar_desa(path) -> pd.DataFrame:
    """The Kepmendagri code list as published (kecamatan, desa, kelurahan rows) -> its villages and their kecamatan."""
    raw = read_csv_plain(path)
    villages = raw.loc[raw["tingkat"] != "kecamatan"].reset_index(drop=True)
    return validate(villages.assign(kode_wilayah=villages["kode"].str.slice(0, 8))[DAFTAR_DESA.names], DAFTAR_DESA)


def row_count(dataset: Dataset) -> int:
    """The rows a data set's tables hold, counted as a loaded version counts its file's rows: what version 0 (the
    bundled data, which the store never reads) shows in the version list instead of 0."""
    return sum(len(frame) for frame in dataset.tables.values() if frame is not None)


def load_bundled() -> Dataset:
    """The data shipped with the dashboard: real kecamatan facts and boundaries, ILLUSTRATIVE figures."""
    wilayah = validate(read_csv_plain(paths.WILAYAH_CSV), WILAYAH)
    tables = {k.code: _bundled(k, wilayah) for k in kinds.REGISTRY.values() if k.bundled is not None}
    return Dataset(wilayah=wilayah, versi=BUNDLED_VERSION, tanggal=BUNDLED_DATE, tables=tables,
                   daftar_desa=read_daftar_desa(paths.KODE_DESA_CSV), fakta=facts.load())


def _in_kecamatan_years(kind: kinds.Kind) -> bool:
    """Does every row lie in a kecamatan in a year (kecamatan tables, and village tables by their kecamatan)?"""
    cols = {c.name: c for c in kind.contract.columns}
    return "tahun" in cols and "kode_wilayah" in cols and not cols["kode_wilayah"].nullable


def _bundled(kind: kinds.Kind, wilayah: pd.DataFrame) -> pd.DataFrame:
    """A kind's bundled file, checked: its contract, and for kecamatan-year tables that each kecamatan existed."""
    if kind.storage == "geo":
        return read_batas(kind.bundled)
    frame = validate(read_csv_plain(kind.bundled), kind.contract)
    if not _in_kecamatan_years(kind):
        return frame
    problems = check_codes(frame, wilayah, kind.contract.name)
    if problems:
        raise DataError(problems)
    return whole_numbers(frame)  # counts as int64
