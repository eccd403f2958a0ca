"""Load the bundled data set, each table checked against its contract once, at the door."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

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

def _shares_within_100(df: pd.DataFrame, table: str) -> list[Problem]:
    """A target for a share (%) cannot pass 100; a quantity (hectares) can."""
    share = df["indikator"].map(lambda k: REGISTRY[k].persen if k in REGISTRY else True)
    bad = share & (df["nilai"] > 100)
    return [Problem(table, i + 2, "nilai", str(df["nilai"].iloc[i]), "target persentase tidak boleh lebih dari 100")
            for i in bad[bad].index]


TARGET = Contract("target", (
    Column("dokumen", "str"),
    Column("indikator", "str", choices=tuple(REGISTRY)),
    Column("kode_wilayah", "kode", nullable=True),
    Column("tahun", "int", min=TAHUN_MIN, max=TAHUN_MAX),
    Column("nilai", "float", min=0),
    Column("tahun_dasar", "int", nullable=True, min=TAHUN_MIN, max=TAHUN_MAX),
    Column("catatan", "str", nullable=True),
), key=("dokumen", "indikator", "kode_wilayah", "tahun"), row_checks=(_shares_within_100,))

BIAYA = Contract("biaya_satuan", (
    Column("kode", "str"),
    Column("indikator", "str", choices=tuple(REGISTRY)),
    Column("langkah", "str"),
    Column("biaya_per_kk", "float", min=0),
    Column("porsi", "float", min=0, max=1),
    Column("sumber", "str", nullable=True),
    Column("catatan", "str", nullable=True),
), key=("kode",))


def _latrines_add_up(df: pd.DataFrame, table: str) -> list[Problem]:
    """The four latrine categories plus 'lainnya' make the households (STBM per kecamatan and per desa)."""
    problems = []
    parts = df[["kk_jsp", "kk_jssp", "kk_sharing", "kk_od", "kk_lainnya"]].sum(axis=1)
    for i in (parts != df["jumlah_kk"])[lambda b: b].index:
        problems.append(Problem(table, i + 2, "jumlah_kk", str(df["jumlah_kk"].iloc[i]),
                                f"jumlah kategori jamban ({int(parts.iloc[i])}) harus sama dengan jumlah_kk"))
    return problems


def _stbm_adds_up(df: pd.DataFrame, table: str) -> list[Problem]:
    problems = _latrines_add_up(df, table)
    over = df["desa_odf_terverifikasi"] + df["desa_odf_deklarasi"] > df["jumlah_desa"]
    for i in over[over].index:
        problems.append(Problem(table, i + 2, "jumlah_desa", str(df["jumlah_desa"].iloc[i]),
                                "desa ODF terverifikasi + deklarasi melebihi jumlah desa"))
    return problems


STBM = Contract("stbm_kecamatan", (
    Column("kode_wilayah", "kode"),
    Column("tahun", "int", min=TAHUN_MIN, max=TAHUN_MAX),
    Column("jumlah_desa", "int", min=0),
    Column("desa_odf_terverifikasi", "int", min=0),
    Column("desa_odf_deklarasi", "int", min=0),
    Column("jumlah_kk", "int", min=0),
    *(Column(c, "int", min=0) for c in ("kk_jsp", "kk_jssp", "kk_sharing", "kk_od", "kk_lainnya")),
    Column("sumber", "str", nullable=True),
), key=("kode_wilayah", "tahun"), row_checks=(_stbm_adds_up,))

SAMPAH = Contract("sampah", (
    Column("tahun", "int", min=TAHUN_MIN, max=TAHUN_MAX),
    Column("timbulan_ton", "float", min=0),
    Column("pengurangan_ton", "float", min=0),
    Column("penanganan_ton", "float", min=0),
    Column("sumber", "str", nullable=True),
), key=("tahun",))

DRAINASE = Contract("drainase", (
    Column("kode_wilayah", "kode"),
    Column("tahun", "int", min=TAHUN_MIN, max=TAHUN_MAX),
    Column("genangan_ha", "float", min=0),
    Column("sumber", "str", nullable=True),
), key=("kode_wilayah", "tahun"))

KEGIATAN = Contract("kegiatan_opd", (
    Column("tahun", "int", min=TAHUN_MIN, max=TAHUN_MAX),
    Column("opd", "str"),
    Column("program", "str", nullable=True),
    Column("kegiatan", "str"),
    Column("indikator", "str", choices=tuple(REGISTRY)),
    Column("target_output", "float", min=0),
    Column("realisasi_output", "float", min=0),
    Column("satuan", "str"),
    Column("kk_per_satuan", "float", min=0),
    Column("pagu", "float", min=0),
    Column("realisasi_anggaran", "float", min=0),
    Column("sumber", "str", nullable=True),
))

# A village's open-defecation-free status in the STBM registry (Kemenkes): not yet, declared, verified.
ODF_STATUS = ("belum", "deklarasi", "terverifikasi")
KODE_DESA = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")  # Kemendagri desa/kelurahan code: 63.10.01.2005


def _desa_adds_up(df: pd.DataFrame, table: str) -> list[Problem]:
    """The four latrine counts plus 'lainnya' make the village's households; each desa lies in its kecamatan."""
    problems = _latrines_add_up(df, table)
    outside = df["kode_desa"].str.slice(0, 8) != df["kode_wilayah"]
    for i in outside[outside.fillna(False)].index:
        problems.append(Problem(table, i + 2, "kode_desa", str(df["kode_desa"].iloc[i]),
                                f"kode desa tidak termasuk kecamatan {df['kode_wilayah'].iloc[i]}"))
    return problems


STBM_DESA = Contract("stbm_desa", (
    Column("kode_desa", "kode", pattern=KODE_DESA),
    Column("nama_desa", "str"),
    Column("kode_wilayah", "kode"),
    Column("tahun", "int", min=TAHUN_MIN, max=TAHUN_MAX),
    Column("jumlah_kk", "int", min=0),
    *(Column(c, "int", min=0) for c in ("kk_jsp", "kk_jssp", "kk_sharing", "kk_od", "kk_lainnya")),
    Column("status_odf", "str", choices=ODF_STATUS),
    Column("tanggal_odf", "str", nullable=True),  # ISO date of the status (verification or declaration)
    Column("sumber", "str", nullable=True),
), key=("kode_desa", "tahun"), row_checks=(_desa_adds_up,))

# The official list of villages (Kepmendagri 300.2.2-2138/2025): 152 desa and 5 kelurahan in 2025. The village
# boundaries are the 2022 list (149): the villages formed since have a code and a name but no polygon yet.
DAFTAR_DESA = Contract("daftar_desa", (
    Column("kode", "kode", pattern=KODE_DESA),
    Column("nama", "str"),
    Column("tingkat", "str", choices=("desa", "kelurahan")),
    Column("kode_wilayah", "kode"),
), key=("kode",))

KOMITMEN_STATUS = ("belum", "berjalan", "selesai", "terlambat", "batal")
KOMITMEN = Contract("komitmen", (
    Column("klinik", "str"),
    Column("pihak", "str"),
    Column("kode_wilayah", "kode", nullable=True),
    Column("komitmen", "str"),
    Column("indikator", "str", nullable=True, choices=tuple(REGISTRY)),
    Column("tenggat", "str"),
    Column("status", "str", choices=KOMITMEN_STATUS),
    Column("catatan", "str", nullable=True),
))


def _empty(contract: Contract) -> pd.DataFrame:
    return validate(pd.DataFrame(columns=contract.names), contract)


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
    # the rest of PPSP; empty tables when a data set does not have them
    stbm: pd.DataFrame = field(default_factory=lambda: _empty(STBM))
    sampah: pd.DataFrame = field(default_factory=lambda: _empty(SAMPAH))
    drainase: pd.DataFrame = field(default_factory=lambda: _empty(DRAINASE))
    kegiatan: pd.DataFrame = field(default_factory=lambda: _empty(KEGIATAN))
    komitmen: pd.DataFrame = field(default_factory=lambda: _empty(KOMITMEN))
    stbm_desa: pd.DataFrame | None = None  # village-level STBM rows, when a desa table has been loaded
    batas_desa: gpd.GeoDataFrame | None = None  # village boundaries (kode, nama, kode_wilayah), when loaded
    daftar_desa: pd.DataFrame | None = None  # the official village list (DAFTAR_DESA), when known
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


def read_daftar_desa(path) -> pd.DataFrame:
    """The Kepmendagri code list as published (kecamatan, desa, kelurahan rows) -> its villages and their kecamatan."""
    raw = read_csv_plain(path)
    villages = raw.loc[raw["tingkat"] != "kecamatan"].reset_index(drop=True)
    return validate(villages.assign(kode_wilayah=villages["kode"].str.slice(0, 8))[DAFTAR_DESA.names], DAFTAR_DESA)


def load_bundled() -> Dataset:
    """The data shipped with the dashboard: real kecamatan facts and boundaries, ILLUSTRATIVE figures."""
    wilayah = validate(read_csv_plain(paths.WILAYAH_CSV), WILAYAH)
    akses = validate(read_csv_plain(paths.AKSES_CSV), AKSES)
    problems = check_codes(akses, wilayah)
    if problems:
        raise DataError(problems)
    return Dataset(
        wilayah=wilayah,
        akses=akses.astype({c: "int64" for c in ("tahun", "jumlah_kk", *RUNG_COLUMNS)}),
        target=validate(read_csv_plain(paths.TARGET_CSV), TARGET),
        batas=read_batas(paths.BATAS_KECAMATAN),
        biaya=validate(read_csv_plain(paths.BIAYA_CSV), BIAYA),
        versi=BUNDLED_VERSION,
        tanggal=BUNDLED_DATE,
        ilustratif=True,
        stbm=_checked(validate(read_csv_plain(paths.STBM_CSV), STBM), wilayah, "stbm_kecamatan"),
        sampah=validate(read_csv_plain(paths.SAMPAH_CSV), SAMPAH),
        drainase=_checked(validate(read_csv_plain(paths.DRAINASE_CSV), DRAINASE), wilayah, "drainase"),
        kegiatan=validate(read_csv_plain(paths.KEGIATAN_CSV), KEGIATAN),
        komitmen=validate(read_csv_plain(paths.KOMITMEN_CSV), KOMITMEN),
        stbm_desa=_checked(validate(read_csv_plain(paths.STBM_DESA_CSV), STBM_DESA), wilayah, "stbm_desa"),
        batas_desa=read_batas(paths.BATAS_DESA).assign(kode_wilayah=lambda d: d["kode_wilayah"].astype(str)),
        daftar_desa=read_daftar_desa(paths.KODE_DESA_CSV),
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
