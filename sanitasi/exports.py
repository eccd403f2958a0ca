"""Files to hand back to officials: templates for every table and downloads that are safe to open in Excel.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is taken by Excel as a
formula (CSV/formula injection): text cells like that get a leading apostrophe. Numbers are left
alone. CSV goes out the way Indonesian Excel reads it: `;` separators, decimal comma, UTF-8 with BOM.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import pandas as pd

from sanitasi.indicators import RUNG_COLUMNS

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as formulas in Excel."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(DANGEROUS) else v)
    if any(isinstance(c, str) and c.startswith(DANGEROUS) for c in out.columns):
        out.columns = ["'" + c if isinstance(c, str) and c.startswith(DANGEROUS) else c for c in out.columns]
    return out


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV as Indonesian Excel opens it: `;`, decimal comma, UTF-8 with BOM."""
    return neutralise(frame).to_csv(sep=";", decimal=",", index=False).encode("utf-8-sig")


def to_xlsx(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per frame (names cut to Excel's 31 characters)."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            neutralise(frame).to_excel(writer, sheet_name=name[:31], index=False)
    return buf.getvalue()


# What each column means, for the explanation sheet of every template (Bahasa Indonesia).
EXPLAIN: dict[str, dict[str, str]] = {
    "akses": {
        "kode_wilayah": "Kode Kemendagri kecamatan, mis. 63.10.01 (boleh juga nama kecamatan di kolom 'kecamatan')",
        "kecamatan": "Nama kecamatan (dipakai bila kode kosong)",
        "tahun": "Tahun data, mis. 2025",
        "jumlah_kk": "Jumlah rumah tangga (KK) di kecamatan",
        "kk_aman": "KK dengan akses aman (tangki septik disedot ≥1× dalam 5 tahun dan diolah di IPLT, atau SPALD-T)",
        "kk_layak_sendiri": "KK dengan akses layak milik sendiri (belum aman)",
        "kk_layak_bersama": "KK dengan akses layak bersama",
        "kk_belum_layak": "KK dengan fasilitas belum layak (termasuk BABS tertutup)",
        "kk_babs_terbuka": "KK yang BAB di tempat terbuka",
        "catatan": "Kelima kolom kk_ harus berjumlah sama dengan jumlah_kk. Boleh juga memakai persentase: "
                   "kolom '% aman', '% layak sendiri', … (berjumlah 100) bersama jumlah_kk.",
    },
    "target": {
        "dokumen": "Nama dokumen, mis. RPJMN 2025-2029, SSK Tanah Bumbu 2025-2029",
        "indikator": "layak, aman, babs_terbuka (atau layak_sendiri, layak_bersama, belum_layak)",
        "kode_wilayah": "Kosong = target kabupaten; atau kode kecamatan untuk target kecamatan",
        "tahun": "Tahun target (beberapa baris untuk target antara)",
        "nilai": "Nilai target dalam persen KK, mis. 90 atau 92,5",
        "tahun_dasar": "Tahun dasar dokumen (boleh kosong)",
        "catatan": "Dasar hukum atau keterangan",
    },
    "biaya": {
        "kode": "Kode singkat langkah, mis. jamban_septik_individu",
        "indikator": "Indikator yang dinaikkan langkah ini: layak, aman, babs_terbuka",
        "langkah": "Uraian langkah",
        "biaya_per_kk": "Biaya per KK dalam rupiah, mis. 6500000",
        "porsi": "Bagian KK sasaran yang memerlukan langkah ini, 0 sampai 1",
        "sumber": "Sumber harga (SSH, RAB, …)",
        "catatan": "Keterangan",
    },
    "stbm_desa": {
        "kode_desa": "Kode Kemendagri desa/kelurahan, mis. 63.10.01.2005 (boleh tanpa titik: 6310012005)",
        "desa": "Nama desa/kelurahan",
        "kode_wilayah": "Kode kecamatan, mis. 63.10.01 (boleh kosong bila kolom 'kecamatan' diisi; harus cocok "
                        "dengan awal kode desa)",
        "kecamatan": "Nama kecamatan (boleh kosong: diambil dari kode desa)",
        "tahun": "Tahun laporan, mis. 2025 (periode seperti 'Semester II 2025' dibaca tahunnya); satu baris per "
                 "desa per tahun",
        "jumlah_kk": "Jumlah KK di desa",
        "kk_jsp": "KK dengan jamban sehat permanen (JSP)",
        "kk_jssp": "KK dengan jamban sehat semi permanen (JSSP)",
        "kk_sharing": "KK yang menumpang (sharing) jamban sehat keluarga lain",
        "kk_od": "KK yang masih BAB sembarangan (BABS/OD)",
        "status_odf": "Status desa: belum, deklarasi, atau terverifikasi (ODF/SBS)",
        "tanggal_odf": "Tanggal status: tanggal verifikasi bila terverifikasi, tanggal deklarasi bila deklarasi "
                       "(boleh kosong), mis. 17-05-2024",
        "catatan": "JSP + JSSP + sharing + BABS tidak boleh melebihi jumlah KK; sisanya dihitung sebagai "
                   "'lainnya' (jamban belum sehat, bukan BABS).",
    },
    "sampah": {
        "tahun": "Tahun data, mis. 2025; satu baris per tahun (tingkat kabupaten)",
        "timbulan_ton": "Timbulan sampah dalam ton per tahun",
        "pengurangan_ton": "Sampah yang dikurangi (dibatasi, didaur ulang, dimanfaatkan kembali), ton per tahun",
        "penanganan_ton": "Sampah yang ditangani (dipilah, dikumpulkan, diangkut, diolah, diproses akhir), ton per "
                          "tahun",
        "sumber": "Sumber data (mis. SIPSN, DLH)",
        "catatan": "Pengurangan + penanganan tidak boleh melebihi timbulan.",
    },
    "drainase": {
        "kode_wilayah": "Kode Kemendagri kecamatan, mis. 63.10.01 (boleh juga nama kecamatan di kolom 'kecamatan')",
        "kecamatan": "Nama kecamatan (dipakai bila kode kosong)",
        "tahun": "Tahun data, mis. 2025",
        "genangan_ha": "Luas genangan dalam hektare (ha); makin kecil makin baik",
        "sumber": "Sumber data (mis. Dinas PUPR)",
    },
    "kegiatan": {
        "tahun": "Tahun anggaran, mis. 2025",
        "opd": "Perangkat daerah pelaksana, mis. Dinas Kesehatan",
        "program": "Nama program (boleh kosong)",
        "kegiatan": "Nama kegiatan atau sub kegiatan",
        "indikator": "Indikator yang didukung: layak, aman, babs_terbuka, desa_odf, stbm_jamban_sehat, stbm_od, "
                     "sampah_pengurangan, sampah_penanganan, genangan (kode dari daftar indikator)",
        "target_output": "Target keluaran (volume), mis. 650",
        "realisasi_output": "Realisasi keluaran (volume)",
        "satuan": "Satuan keluaran, mis. unit, desa, KK",
        "kk_per_satuan": "Jumlah KK yang terlayani per satuan keluaran (0 bila keluaran bukan layanan KK)",
        "pagu": "Pagu anggaran dalam rupiah",
        "realisasi_anggaran": "Realisasi anggaran (belanja) dalam rupiah",
        "sumber": "Sumber data (mis. DPA, laporan realisasi)",
    },
    "komitmen": {
        "klinik": "Tanggal atau nama coaching clinic, mis. 2026-11-20",
        "pihak": "OPD atau kecamatan yang berkomitmen",
        "kode_wilayah": "Kode kecamatan (kosong = tingkat kabupaten)",
        "komitmen": "Isi komitmen: apa yang akan dilakukan",
        "indikator": "Indikator yang didukung (boleh kosong), mis. desa_odf",
        "tenggat": "Batas waktu, mis. 30-06-2027",
        "status": "belum, berjalan, selesai, terlambat, atau batal",
        "catatan": "Keterangan",
    },
}
TEMPLATE_KINDS = ("akses", "target", "biaya", "stbm_desa", "sampah", "drainase", "kegiatan", "komitmen")


def template(kind: str, wilayah: pd.DataFrame) -> pd.DataFrame:
    """An empty table with the right headers and one example row per kecamatan (access) or document."""
    if kind == "akses":
        return pd.DataFrame({"kode_wilayah": wilayah["kode"], "kecamatan": wilayah["nama"], "tahun": 2025,
                             "jumlah_kk": None, **{c: None for c in RUNG_COLUMNS}})
    if kind == "target":
        return pd.DataFrame([{"dokumen": "RPJMN 2025-2029", "indikator": "layak", "kode_wilayah": None,
                              "tahun": 2029, "nilai": None, "tahun_dasar": 2024, "catatan": "isi dari dokumen"}])
    if kind == "biaya":
        return pd.DataFrame([{"kode": "jamban_septik_individu", "indikator": "layak",
                              "langkah": "Jamban sehat + tangki septik individual", "biaya_per_kk": None,
                              "porsi": 1.0, "sumber": None, "catatan": None}])
    if kind == "stbm_desa":  # the villages are the official's to list: one row per kecamatan to start from
        return pd.DataFrame({"kode_desa": None, "desa": None, "kode_wilayah": wilayah["kode"],
                             "kecamatan": wilayah["nama"], "tahun": 2025, "jumlah_kk": None, "kk_jsp": None,
                             "kk_jssp": None, "kk_sharing": None, "kk_od": None, "status_odf": "belum",
                             "tanggal_odf": None})
    if kind == "sampah":
        return pd.DataFrame([{"tahun": 2025, "timbulan_ton": None, "pengurangan_ton": None, "penanganan_ton": None,
                              "sumber": None}])
    if kind == "drainase":
        return pd.DataFrame({"kode_wilayah": wilayah["kode"], "kecamatan": wilayah["nama"], "tahun": 2025,
                             "genangan_ha": None, "sumber": None})
    if kind == "kegiatan":
        return pd.DataFrame([{"tahun": 2025, "opd": "Dinas Kesehatan", "program": None,
                              "kegiatan": "Pemicuan STBM dan verifikasi desa ODF", "indikator": "desa_odf",
                              "target_output": None, "realisasi_output": None, "satuan": "desa", "kk_per_satuan": 0,
                              "pagu": None, "realisasi_anggaran": None, "sumber": None}])
    if kind == "komitmen":
        return pd.DataFrame([{"klinik": "2026-11-20", "pihak": "Dinas Kesehatan", "kode_wilayah": None,
                              "komitmen": "isi komitmen", "indikator": "desa_odf", "tenggat": "2027-06-30",
                              "status": "belum", "catatan": None}])
    raise ValueError(f"tidak ada templat untuk {kind}")


def explanation(kind: str) -> pd.DataFrame:
    return pd.DataFrame({"kolom": list(EXPLAIN[kind]), "arti": list(EXPLAIN[kind].values())})


def template_xlsx(kind: str, wilayah: pd.DataFrame) -> bytes:
    return to_xlsx({"data": template(kind, wilayah), "penjelasan": explanation(kind)})
