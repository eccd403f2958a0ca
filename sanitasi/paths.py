"""Every path the package reads, anchored on this file so the working directory never matters."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SUMBER_DIR = DATA_DIR / "sumber"

WILAYAH_CSV = DATA_DIR / "wilayah.csv"
AKSES_CSV = DATA_DIR / "akses_sanitasi.csv"
TARGET_CSV = DATA_DIR / "target.csv"
BIAYA_CSV = DATA_DIR / "biaya_satuan.csv"
BATAS_SHP = DATA_DIR / "batas_kecamatan" / "batas_kecamatan.shp"
OUTLINE_JSON = SUMBER_DIR / "outline_tanah_bumbu.json"
STBM_CSV = DATA_DIR / "stbm_kecamatan.csv"
SAMPAH_CSV = DATA_DIR / "sampah.csv"
DRAINASE_CSV = DATA_DIR / "drainase.csv"
KEGIATAN_CSV = DATA_DIR / "kegiatan_opd.csv"
KOMITMEN_CSV = DATA_DIR / "komitmen.csv"
