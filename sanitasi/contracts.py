"""Column contracts of every table: columns, types, checks across columns, and the key, checked once at the door.

Each table kind in `sanitasi.kinds` names its contract here; `wilayah` (the kecamatan list every other
table refers to) is the reference table, not a kind.
"""

from __future__ import annotations

import re

import pandas as pd

from sanitasi import KODE_KABUPATEN
from sanitasi.errors import Problem
from sanitasi.indicators import REGISTRY, RUNG_COLUMNS
from sanitasi.schema import Column, Contract

TAHUN_MIN, TAHUN_MAX = 1990, 2100


def _rungs_add_up(df: pd.DataFrame, table: str) -> list[Problem]:
    """Counts: the five rungs make the households. A row with counts has all of them; a row without counts is a
    published percentage (BPS Susenas gives the kabupaten as percentages only) and needs one at least, and only
    the kabupaten may come as percentages: a kecamatan's households drive the needs and the map."""
    problems = []
    counted = df[["jumlah_kk", *RUNG_COLUMNS]].notna()
    some, every = counted.any(axis=1), counted.all(axis=1)
    for i in (some & ~every)[lambda b: b].index:
        problems.append(Problem(table, i + 2, "jumlah_kk", None,
                                "jumlah KK dan kelima anak tangga diisi semua atau dikosongkan semua"))
    total = df[list(RUNG_COLUMNS)].sum(axis=1)
    bad = every & (total != df["jumlah_kk"])
    problems += [Problem(table, i + 2, "jumlah_kk", str(df["jumlah_kk"].iloc[i]),
                         f"jumlah lima tangga akses ({int(total.iloc[i])}) harus sama dengan jumlah_kk")
                 for i in bad[bad].index]
    shares = df[list(PERCENT_COLUMNS)].notna().any(axis=1)
    for i in (~some & ~shares)[lambda b: b].index:
        problems.append(Problem(table, i + 2, None, None,
                                "baris tanpa jumlah KK harus punya persentase (pct_layak, pct_aman atau "
                                "pct_babs_terbuka)"))
    for i in (every & shares)[lambda b: b].index:
        problems.append(Problem(table, i + 2, None, None,
                                "baris dengan jumlah KK tidak boleh juga berisi persentase: persentase dihitung "
                                "dari jumlahnya"))
    kecamatan = df["kode_wilayah"].fillna("").str.len() > len(KODE_KABUPATEN)
    for i in (kecamatan & ~some)[lambda b: b].index:
        problems.append(Problem(table, i + 2, "kode_wilayah", str(df["kode_wilayah"].iloc[i]),
                                "baris kecamatan perlu jumlah KK per anak tangga; persentase saja hanya untuk "
                                "tingkat kabupaten"))
    return problems


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

# The access table: one row per area, year and source. An area is a kecamatan (63.10.01) or the kabupaten
# (63.10). A row holds counts (households per rung) or, for the kabupaten, published percentages with their
# relative standard error or confidence interval where the publisher gives one. `satuan` says what is counted
# (rumah tangga in Susenas, KK in STBM, jiwa in SDG 6.2.1): series in different units are never added up.
KODE_WILAYAH = re.compile(r"^\d{2}\.\d{2}(\.\d{2})?$")
SATUAN = ("rumah_tangga", "kk", "jiwa")
YA_TIDAK = ("ya", "tidak")
PERCENT_INDICATORS = ("layak", "aman", "babs_terbuka")
PERCENT_COLUMNS = tuple(f"pct_{k}" for k in PERCENT_INDICATORS)
ERROR_COLUMNS = tuple(f"{m}_{k}" for k in PERCENT_INDICATORS for m in ("rse", "ci_bawah", "ci_atas"))
AKSES = Contract("akses_sanitasi", (
    Column("kode_wilayah", "kode", pattern=KODE_WILAYAH),
    Column("tahun", "int", min=TAHUN_MIN, max=TAHUN_MAX),
    Column("sumber", "str"),
    Column("satuan", "str", choices=SATUAN),
    Column("resmi", "str", choices=YA_TIDAK),
    Column("jumlah_kk", "int", nullable=True, min=0),
    *(Column(c, "int", nullable=True, min=0) for c in RUNG_COLUMNS),
    *(Column(c, "float", nullable=True, min=0, max=100) for c in PERCENT_COLUMNS),
    *(Column(c, "float", nullable=True, min=0, max=100) for c in ERROR_COLUMNS),
), key=("kode_wilayah", "tahun", "sumber"), row_checks=(_rungs_add_up,))

def _shares_within_100(df: pd.DataFrame, table: str) -> list[Problem]:
    """A target for a share (%) cannot pass 100; a quantity (hectares) can."""
    share = df["indikator"].map(lambda k: REGISTRY[k].persen if k in REGISTRY else True)
    bad = share & (df["nilai"] > 100)
    return [Problem(table, i + 2, "nilai", str(df["nilai"].iloc[i]), "target persentase tidak boleh lebih dari 100")
            for i in bad[bad].index]


def _period_in_order(df: pd.DataFrame, table: str) -> list[Problem]:
    """A document's period runs forward: its first year (`mulai`) is not after its last (`akhir`)."""
    bad = df["mulai"].notna() & df["akhir"].notna() & (df["mulai"] > df["akhir"])
    return [Problem(table, i + 2, "mulai", str(df["mulai"].iloc[i]),
                    f"tahun mulai dokumen tidak boleh sesudah tahun akhirnya ({df['akhir'].iloc[i]})")
            for i in bad[bad].index]


# `keluarga`, `mulai`, `akhir`: the document's family (RPJMN, RPJMD, SSK, Jakstrada, SDG, Visi) and period; empty
# cells are read from the document's name (`sanitasi.documents.catalogue`)
TARGET = Contract("target", (
    Column("dokumen", "str", chars=200),
    Column("indikator", "str", choices=tuple(REGISTRY)),
    Column("kode_wilayah", "kode", nullable=True),
    Column("tahun", "int", min=TAHUN_MIN, max=TAHUN_MAX),
    Column("nilai", "float", min=0),
    Column("tahun_dasar", "int", nullable=True, min=TAHUN_MIN, max=TAHUN_MAX),
    Column("keluarga", "str", nullable=True),
    Column("mulai", "int", nullable=True, min=TAHUN_MIN, max=TAHUN_MAX),
    Column("akhir", "int", nullable=True, min=TAHUN_MIN, max=TAHUN_MAX),
    Column("catatan", "str", nullable=True),
), key=("dokumen", "indikator", "kode_wilayah", "tahun"), row_checks=(_shares_within_100, _period_in_order))

BIAYA = Contract("biaya_satuan", (
    Column("kode", "str", chars=100),
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
    # the activity's code in the regional planning nomenclature (Permendagri 90/2019: 1.03.05.2.01, or a sub
    # activity's 1.02.02.2.02.0017), when the file gives one: the SSK matrix is matched to it by this code first
    Column("kode", "str", nullable=True),
    Column("kegiatan", "str"),
    # the indicator the activity serves; empty for a supporting activity that serves none directly (school
    # sanitation is not household access, the SSK update is planning): its budget counts for its agency only
    Column("indikator", "str", nullable=True, choices=tuple(REGISTRY)),
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


# Who owns a target: for each indicator its lead agency (one), the agencies that support it, and the data owners
# (BPS for Susenas, Dinkes for STBM, DLH for SIPSN, ...), one row per indicator, role and agency.
PERAN = ("pemimpin", "pendukung", "pemilik_data")


def _one_lead(df: pd.DataFrame, table: str) -> list[Problem]:
    """An indicator has one lead agency: two leads is nobody's target."""
    leads = df.loc[df["peran"] == "pemimpin"]
    twice = leads["indikator"].duplicated(keep="first")
    return [Problem(table, i + 2, "peran", "pemimpin",
                    f"indikator {df['indikator'].iloc[i]} sudah punya OPD pemimpin "
                    f"({leads.loc[leads['indikator'] == df['indikator'].iloc[i], 'opd'].iloc[0]}); satu "
                    "indikator satu pemimpin, OPD lain sebagai pendukung")
            for i in twice[twice].index]


PERAN_OPD = Contract("peran_opd", (
    Column("indikator", "str", choices=tuple(REGISTRY)),
    Column("peran", "str", choices=PERAN),
    Column("opd", "str"),
    Column("catatan", "str", nullable=True),  # what the agency does for it, or which data it owns
    Column("sumber", "str", nullable=True),
), key=("indikator", "peran", "opd"), row_checks=(_one_lead,))


# The SSK programme matrix (indikasi program dan kegiatan): per programme, activity and sub-activity (with their
# nomenclature codes where given), agency, indicator served, place (a kecamatan, a desa in it, or empty for the whole
# kabupaten), year and funding source: the volume planned, its unit, the households one unit reaches, the unit cost
# and the money budgeted. The money is what is budgeted; volume x unit cost is only a check (sanitasi.programme).
SUMBER_DANA = ("apbd_kab", "apbd_prov", "apbn_dak", "dana_desa", "csr_baznas", "swadaya")


def _places_and_households(df: pd.DataFrame, table: str) -> list[Problem]:
    """A desa lies in its kecamatan; households reached belong to the indicator the activity serves, so an
    activity that serves none reaches none."""
    problems = []
    outside = df["kode_desa"].notna() & (df["kode_desa"].str.slice(0, 8) != df["kode_wilayah"])
    for i in outside[outside.fillna(False)].index:
        problems.append(Problem(table, i + 2, "kode_desa", str(df["kode_desa"].iloc[i]),
                                f"kode desa tidak termasuk kecamatan {df['kode_wilayah'].iloc[i]}"))
    stray = df["indikator"].isna() & (df["kk_per_satuan"] > 0)
    for i in stray[stray].index:
        problems.append(Problem(table, i + 2, "kk_per_satuan", str(df["kk_per_satuan"].iloc[i]),
                                "KK per satuan hanya untuk kegiatan yang melayani indikator; isi indikatornya atau "
                                "tulis 0"))
    return problems


PROGRAM_SSK = Contract("program_ssk", (
    Column("kode_program", "str", nullable=True),
    Column("program", "str"),
    Column("kode_kegiatan", "str", nullable=True),
    Column("kegiatan", "str"),
    Column("kode_sub_kegiatan", "str", nullable=True),
    Column("sub_kegiatan", "str", nullable=True),
    Column("opd", "str"),
    Column("indikator", "str", nullable=True, choices=tuple(REGISTRY)),  # empty: a supporting activity
    Column("kode_wilayah", "kode", nullable=True),  # the kecamatan; empty: the whole kabupaten (not shared out)
    Column("kode_desa", "kode", nullable=True, pattern=KODE_DESA),
    Column("tahun", "int", min=TAHUN_MIN, max=TAHUN_MAX),
    Column("volume", "float", min=0),
    Column("satuan", "str"),
    Column("kk_per_satuan", "float", min=0),
    Column("biaya_satuan", "float", nullable=True, min=0),  # rupiah per unit, in the matrix's first year's prices
    Column("biaya", "float", min=0),  # rupiah budgeted that year
    Column("sumber_dana", "str", choices=SUMBER_DANA),
    Column("sumber", "str", nullable=True),
), key=("program", "kegiatan", "sub_kegiatan", "opd", "kode_wilayah", "kode_desa", "sumber_dana", "tahun"),
    row_checks=(_places_and_households,))


# The attribute columns of the boundary layers (their geometry is stored beside them, not checked here).
BATAS = Contract("batas_kecamatan", (
    Column("kode", "kode"),
    Column("nama", "str", nullable=True),
), key=("kode",))

BATAS_DESA = Contract("batas_desa", (
    Column("kode", "kode", pattern=KODE_DESA),
    Column("nama", "str", nullable=True),
    Column("kode_wilayah", "kode"),
), key=("kode",))

# The official list of villages (Kepmendagri 300.2.2-2138/2025): 152 desa and 5 kelurahan in 2025. The village
# boundaries are the 2022 list (149): the villages formed since have a code and a name but no polygon yet.
DAFTAR_DESA = Contract("daftar_desa", (
    Column("kode", "kode", pattern=KODE_DESA),
    Column("nama", "str"),
    Column("tingkat", "str", choices=("desa", "kelurahan")),
    Column("kode_wilayah", "kode"),
), key=("kode",))


def check_codes(akses: pd.DataFrame, wilayah: pd.DataFrame, table: str = "akses_sanitasi") -> list[Problem]:
    """Every row's kecamatan must exist in that year: no code unknown, no child before its split."""
    since = {k: int(y) for k, y in zip(wilayah["kode"], wilayah["berlaku_sejak"], strict=True)}
    problems = []
    for i, (kode, tahun) in enumerate(zip(akses["kode_wilayah"], akses["tahun"], strict=True)):
        if kode not in since:
            problems.append(Problem(table, i + 2, "kode_wilayah", str(kode), "kode kecamatan tidak dikenal"))
        elif int(tahun) < int(since[kode]):
            problems.append(Problem(table, i + 2, "tahun", str(tahun),
                                    f"kecamatan {kode} baru ada sejak {int(since[kode])}; sebelum itu "
                                    "datanya termasuk kecamatan induk"))
    return problems
