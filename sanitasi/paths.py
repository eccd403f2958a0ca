"""Every path the package reads, anchored on this file so the working directory never matters."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SUMBER_DIR = DATA_DIR / "sumber"

WILAYAH_CSV = DATA_DIR / "wilayah.csv"
AKSES_CSV = DATA_DIR / "akses_sanitasi.csv"
TARGET_CSV = DATA_DIR / "target.csv"
BIAYA_CSV = DATA_DIR / "biaya_satuan.csv"
STBM_CSV = DATA_DIR / "stbm_kecamatan.csv"
STBM_DESA_CSV = DATA_DIR / "stbm_desa.csv"
SAMPAH_CSV = DATA_DIR / "sampah.csv"
DRAINASE_CSV = DATA_DIR / "drainase.csv"
KEGIATAN_CSV = DATA_DIR / "kegiatan_opd.csv"
KOMITMEN_CSV = DATA_DIR / "komitmen.csv"
PERAN_CSV = DATA_DIR / "peran_opd.csv"
SSK_CSV = DATA_DIR / "program_ssk.csv"  # the SSK programme matrix (scripts/build_ssk.py)

# Real boundaries (Cahya DSN, MIT): the source files as published, and the layers derived from them
BATAS_DIR = DATA_DIR / "batas"
BATAS_DESA_SUMBER = BATAS_DIR / "batas_desa_wilayah_boundaries.geojson"
BATAS_KECAMATAN_SUMBER = BATAS_DIR / "batas_kecamatan_wilayah_boundaries.geojson"
KODE_DESA_CSV = BATAS_DIR / "kode_wilayah_kepmendagri_2025_tanah_bumbu.csv"
BATAS_LISENSI = (BATAS_DIR / "LICENSE-wilayah_boundaries.txt", BATAS_DIR / "LICENSE-wilayah.txt")
BATAS_DESA = DATA_DIR / "batas_desa.geojson"  # cleaned village coverage (scripts/build_batas.py)
BATAS_KECAMATAN = DATA_DIR / "batas_kecamatan.geojson"  # union of each kecamatan's villages

# Published figures with their source and a confidence (national and provincial Susenas, targets, SIPSN waste,
# IPLT, ODF declarations): a copy of shared/data/fakta_publik.csv, read by sanitasi.facts
FAKTA_CSV = SUMBER_DIR / "fakta_publik.csv"
