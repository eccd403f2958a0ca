"""The column headers officials write, per column the readers understand: the vocabulary of `sanitasi.kinds`.

A `Field` is one column the dashboard understands with the header spellings that mean it, normalised
the way `tables.normalise_header` sees a file's header. Each table kind lists its fields in the registry,
in the order the reader claims headers (a header goes to the first field that knows it).
"""

from __future__ import annotations

from dataclasses import dataclass

from sanitasi.tables import normalise_header


@dataclass(frozen=True)
class Field:
    """A column the dashboard understands, with the header spellings that mean it."""

    name: str
    synonyms: tuple[str, ...]
    required: bool = True
    label: str = ""


def spellings(*words: str) -> tuple[str, ...]:
    """Header spellings as a file's headers are compared: 'Jumlah KK' -> 'jumlah_kk'."""
    return tuple(normalise_header(w) for w in words)


def optional(fields: list[Field] | tuple[Field, ...]) -> list[Field]:
    """The same fields, none of them required (the reader decides which set it needs)."""
    return [Field(f.name, f.synonyms, False, f.label) for f in fields]


def without(field: Field, *words: str) -> tuple[str, ...]:
    """A field's spellings less some words (in a village table 'kode' and 'nama' are the village's own)."""
    drop = set(spellings(*words))
    return tuple(s for s in field.synonyms if s not in drop)


# ------------------------------------------------------------------------------------- areas, years, households
AREA_CODE = Field("kode_wilayah", spellings("kode_wilayah", "kode", "kode kec", "kode kecamatan", "kd kec", "kd_kec",
                                            "kdcpum", "kode kemendagri", "kode bps", "kdcbps", "id kecamatan",
                                            "kode_kec"), required=False, label="kode kecamatan")
AREA_NAME = Field("nama_wilayah", spellings("kecamatan", "nama kecamatan", "nama_kecamatan", "nama", "wadmkc", "nm_kec",
                                            "kec", "nama wilayah", "wilayah", "name_3", "district"), required=False,
                  label="nama kecamatan")
YEAR = Field("tahun", spellings("tahun", "thn", "year", "tahun data"), label="tahun")
HOUSEHOLDS = Field("jumlah_kk", spellings("jumlah_kk", "jumlah kk", "jml kk", "jml_kk", "jumlah rumah tangga",
                                          "jumlah rt", "kk", "total kk", "jumlah keluarga", "jumlah krt"),
                   label="jumlah KK")
SOURCE = Field("sumber", spellings("sumber", "sumber data", "source", "keterangan sumber"), required=False,
               label="sumber")
NOTE = Field("catatan", spellings("catatan", "keterangan", "dasar hukum", "note"), required=False, label="catatan")
INDICATOR = Field("indikator", spellings("indikator", "indicator", "jenis akses"), label="indikator")

# ------------------------------------------------------------------------------------- the access ladder
_RUNG_WORDS = {
    "aman": ("aman", "akses aman", "sanitasi aman", "dikelola aman"),
    "layak_sendiri": ("layak sendiri", "layak_sendiri", "akses layak sendiri", "layak milik sendiri"),
    "layak_bersama": ("layak bersama", "layak_bersama", "akses layak bersama", "bersama"),
    "belum_layak": ("belum layak", "belum_layak", "tidak layak", "akses belum layak"),
    "babs_terbuka": ("babs terbuka", "babs_terbuka", "babs", "babs di tempat terbuka", "bab sembarangan",
                     "open defecation", "od"),
}


def _rung_fields() -> tuple[list[Field], list[Field]]:
    counts, shares = [], []
    for rung, words in _RUNG_WORDS.items():
        count_words = [w for base in words for w in (base, f"kk {base}", f"jumlah {base}", f"jml {base}",
                                                      f"kk_{base}", f"jumlah kk {base}")]
        share_words = [w for base in words for w in (f"persen {base}", f"% {base}", f"{base} %", f"{base} (%)",
                                                      f"pct {base}", f"pct_{base}", f"persentase {base}")]
        counts.append(Field(f"kk_{rung}", spellings(*count_words), label=f"KK {rung.replace('_', ' ')}"))
        # `pst_`, not `pct_`: the contract's pct_aman and pct_babs_terbuka are published shares of the kabupaten
        shares.append(Field(f"pst_{rung}", spellings(*share_words), label=f"% {rung.replace('_', ' ')}"))
    return counts, shares


RUNG_COUNTS, RUNG_SHARES = _rung_fields()

# ------------------------------------------------------------------------------------- access: level, source, unit
# The access table's own columns beyond the ladder: where a row lies (a kecamatan, or the kabupaten in BPS's
# tables, "Kabupaten/Kota"), its unit of count and whether it is official; the shares BPS publishes for the
# kabupaten with their relative standard error and 95% confidence interval; and the one value column of a
# table that gives a single indicator (its name in an `indikator` column, the title, or the editor's choice).
AKSES_AREA_CODE = Field("kode_wilayah", AREA_CODE.synonyms + spellings(
    "kode kabupaten", "kode kab", "kode kab/kota", "kode kabupaten/kota", "kode wilayah", "kode_kab"),
    required=False, label="kode wilayah")
AKSES_AREA_NAME = Field("nama_wilayah", AREA_NAME.synonyms + spellings(
    "kabupaten/kota", "kabupaten kota", "kab/kota", "kab kota", "kabupaten", "nama kabupaten", "nama kabupaten/kota",
    "wilayah administrasi", "kecamatan/kabupaten"), required=False, label="nama wilayah")
UNIT = Field("satuan", spellings("satuan", "unit", "satuan data", "satuan hitung", "unit data"), required=False,
             label="satuan")
OFFICIAL = Field("resmi", spellings("resmi", "official", "status data", "status resmi", "data resmi"),
                 required=False, label="resmi")
_PUBLISHED_WORDS = {
    "layak": ("layak", "akses layak", "sanitasi layak", "akses sanitasi layak", "rumah tangga sanitasi layak",
              "rumah tangga dengan akses sanitasi layak", "akses terhadap sanitasi layak"),
    "aman": ("aman", "akses aman", "sanitasi aman", "akses sanitasi aman", "dikelola aman", "sanitasi aman dikelola",
             "rumah tangga dengan akses sanitasi aman", "akses terhadap sanitasi aman", "safely managed"),
    "babs_terbuka": ("babs", "babs terbuka", "babs_terbuka", "babs di tempat terbuka", "bab di tempat terbuka",
                     "bab sembarangan", "buang air besar sembarangan", "buang air besar di tempat terbuka",
                     "open defecation"),
}


def _published_fields() -> tuple[list[Field], list[Field]]:
    shares, errors = [], []
    for ind, words in _PUBLISHED_WORDS.items():
        label = {"layak": "layak", "aman": "aman", "babs_terbuka": "BABS terbuka"}[ind]
        share = [w for base in words for w in (
            base, f"pct {base}", f"pct_{base}", f"% {base}", f"{base} %", f"{base} (%)", f"persen {base}",
            f"persentase {base}", f"persentase {base} (%)", f"persentase rumah tangga {base}")]
        shares.append(Field(f"pct_{ind}", spellings(f"pct_{ind}", *share), required=False, label=f"% {label}"))
        for part, names in (("rse", ("rse", "rse (%)", "rse %", "relative standard error")),
                            ("ci_bawah", ("ci bawah", "ci_bawah", "batas bawah", "batas bawah ci", "sk bawah",
                                          "selang kepercayaan bawah", "batas bawah selang kepercayaan", "lower")),
                            ("ci_atas", ("ci atas", "ci_atas", "batas atas", "batas atas ci", "sk atas",
                                         "selang kepercayaan atas", "batas atas selang kepercayaan", "upper"))):
            spelled = [w for n in names for base in words[:4] for w in (f"{n} {base}", f"{base} {n}")]
            errors.append(Field(f"{part}_{ind}", spellings(f"{part}_{ind}", *spelled), required=False,
                                label=f"{part.replace('_', ' ')} {label}"))
    return shares, errors


PUBLISHED_SHARES, PUBLISHED_ERRORS = _published_fields()
# a table of one indicator: its value, and the error columns that belong to it
VALUE = Field("nilai", spellings("nilai", "persentase", "persen", "angka", "value", "nilai (%)", "persentase (%)",
                                 "persen (%)", "%", "pct"), required=False, label="nilai (%)")
VALUE_ERRORS = [
    Field("rse", spellings("rse", "rse (%)", "rse %", "relative standard error", "rse persen"), required=False,
          label="RSE"),
    Field("ci_bawah", spellings("ci bawah", "ci_bawah", "batas bawah", "batas bawah ci", "batas bawah (95%)",
                                "batas bawah 95%", "selang kepercayaan bawah", "batas bawah selang kepercayaan",
                                "sk bawah", "lower", "lower bound", "ci lower"), required=False,
          label="batas bawah selang kepercayaan"),
    Field("ci_atas", spellings("ci atas", "ci_atas", "batas atas", "batas atas ci", "batas atas (95%)",
                               "batas atas 95%", "selang kepercayaan atas", "batas atas selang kepercayaan",
                               "sk atas", "upper", "upper bound", "ci upper"), required=False,
          label="batas atas selang kepercayaan"),
]

# ------------------------------------------------------------------------------------- targets, unit costs
DOC = Field("dokumen", spellings("dokumen", "dokumen target", "sumber target", "document"), label="dokumen")
TARGET_YEAR = Field("tahun", spellings("tahun", "tahun target", "thn", "year"), label="tahun")
TARGET_VALUE = Field("nilai", spellings("nilai", "target", "nilai target", "target persen", "persen",
                                        "target (%)", "value"), label="nilai target (%)")
BASE_YEAR = Field("tahun_dasar", spellings("tahun dasar", "tahun_dasar", "baseline", "tahun baseline"),
                  required=False, label="tahun dasar")
DOC_FAMILY = Field("keluarga", spellings("keluarga", "keluarga dokumen", "jenis dokumen", "family"), required=False,
                   label="keluarga dokumen")
DOC_START = Field("mulai", spellings("mulai", "tahun mulai", "awal periode", "periode mulai", "start"), required=False,
                  label="tahun mulai")
DOC_END = Field("akhir", spellings("akhir", "tahun akhir", "akhir periode", "periode akhir", "end"), required=False,
                label="tahun akhir")
COST_CODE = Field("kode", spellings("kode", "kode langkah", "id"), label="kode langkah")
COST_STEP = Field("langkah", spellings("langkah", "kegiatan", "uraian", "uraian langkah"), label="langkah")
COST_VALUE = Field("biaya_per_kk", spellings("biaya_per_kk", "biaya per kk", "biaya", "harga satuan",
                                             "biaya satuan", "biaya per kk rp", "biaya rp"), label="biaya per KK")
COST_SHARE = Field("porsi", spellings("porsi", "porsi kk", "bagian kk", "proporsi"), label="porsi KK")
COST_SOURCE = Field("sumber", spellings("sumber", "source"), required=False, label="sumber")

# ------------------------------------------------------------------------------------- STBM per desa
DESA_CODE = Field("kode_desa", spellings(
    "kode_desa", "kode desa", "kode", "kd desa", "kdepum", "kode kelurahan", "kode desa/kelurahan", "kode desa kel",
    "kode kemendagri", "kode kemendagri desa", "id desa", "kode wilayah desa"), label="kode desa")
DESA_NAME = Field("nama_desa", spellings(
    "nama_desa", "desa", "nama desa", "desa/kelurahan", "nama desa/kelurahan", "kelurahan", "nama kelurahan",
    "wadmkd", "nm_desa", "nama", "desa kel"), label="nama desa")
# in a village table "kode" and "nama" are the village's own: the kecamatan columns are named as such
DESA_KEC_CODE = Field("kode_wilayah", without(AREA_CODE, "kode", "kode kemendagri", "kode bps"), required=False,
                      label="kode kecamatan")
DESA_KEC_NAME = Field("nama_wilayah", without(AREA_NAME, "nama", "wilayah", "nama wilayah"), required=False,
                      label="nama kecamatan")
DESA_YEAR = Field("tahun", spellings("tahun", "thn", "year", "tahun data", "periode", "periode laporan",
                                     "tahun laporan"), label="tahun")


def _count_field(name: str, label: str, *words: str) -> Field:
    spelled = [w for base in words for w in (base, f"kk {base}", f"jumlah {base}", f"jml {base}", f"kk_{base}",
                                              f"jumlah kk {base}", f"{base} kk", f"{base} (kk)")]
    return Field(name, spellings(name, *spelled), label=label)


DESA_COUNTS = [
    _count_field("kk_jsp", "KK jamban sehat permanen (JSP)", "jsp", "jamban sehat permanen",
                 "jamban sehat permanen (jsp)", "akses jsp"),
    _count_field("kk_jssp", "KK jamban sehat semi permanen (JSSP)", "jssp", "jamban sehat semi permanen",
                 "jamban sehat semi permanen (jssp)", "akses jssp"),
    _count_field("kk_sharing", "KK sharing/numpang", "sharing", "numpang", "menumpang", "sharing/numpang",
                 "numpang/sharing", "jamban sharing", "sharing (numpang)"),
    _count_field("kk_od", "KK masih BABS (OD)", "od", "babs", "masih babs", "babs (od)", "od (babs)", "babs/od",
                 "bab sembarangan", "open defecation"),
]
ODF_STATUS_FIELD = Field("status_odf", spellings(
    "status_odf", "status", "status odf", "status sbs", "status stbm", "status desa", "sbs", "odf", "stop babs",
    "status stop babs", "status sbs/odf", "status odf/sbs", "sbs/odf", "odf/sbs", "status pilar 1"),
    label="status ODF/SBS")
DESA_DATES = [
    Field("tanggal_odf", spellings("tanggal_odf", "tanggal", "tgl", "tanggal odf", "tanggal sbs", "tgl odf",
                                   "tgl sbs", "tanggal status", "tanggal status odf"), False, "tanggal status"),
    Field("tanggal_verifikasi", spellings("tanggal verifikasi", "tgl verifikasi", "tanggal terverifikasi",
                                          "tanggal verifikasi odf", "tanggal verifikasi sbs"), False,
          "tanggal verifikasi"),
    Field("tanggal_deklarasi", spellings("tanggal deklarasi", "tgl deklarasi", "tanggal deklarasi odf",
                                         "tanggal deklarasi sbs"), False, "tanggal deklarasi"),
]

# ------------------------------------------------------------------------------------- waste, drainage
WASTE = [
    Field("timbulan_ton", spellings(
        "timbulan_ton", "timbulan", "timbulan sampah", "timbulan ton", "timbulan (ton)", "timbulan (ton/tahun)",
        "timbulan sampah (ton)", "timbulan sampah (ton/tahun)", "jumlah timbulan", "waste generated"),
        label="timbulan (ton/tahun)"),
    Field("pengurangan_ton", spellings(
        "pengurangan_ton", "pengurangan", "pengurangan sampah", "pengurangan ton", "pengurangan (ton)",
        "pengurangan (ton/tahun)", "pengurangan sampah (ton)", "pengurangan sampah (ton/tahun)", "waste reduced"),
        label="pengurangan (ton/tahun)"),
    Field("penanganan_ton", spellings(
        "penanganan_ton", "penanganan", "penanganan sampah", "penanganan ton", "penanganan (ton)",
        "penanganan (ton/tahun)", "penanganan sampah (ton)", "penanganan sampah (ton/tahun)", "waste handled"),
        label="penanganan (ton/tahun)"),
]
WATERLOGGING = Field("genangan_ha", spellings(
    "genangan_ha", "genangan", "luas genangan", "genangan ha", "genangan (ha)", "luas genangan (ha)",
    "luas genangan ha", "luas daerah genangan", "luas daerah genangan (ha)", "standing water"),
    label="luas genangan (ha)")

# ------------------------------------------------------------------------------------- agencies, commitments
AGENCY = Field("opd", spellings("opd", "perangkat daerah", "dinas", "instansi", "skpd", "opd pelaksana", "nama opd",
                               "agency"), label="OPD")
ROLE = Field("peran", spellings("peran", "peran opd", "kedudukan", "fungsi", "role"), label="peran")
ACTIVITY = [
    AGENCY,
    Field("program", spellings("program", "nama program"), required=False, label="program"),
    Field("kode", spellings("kode", "kode kegiatan", "kode sub kegiatan", "kode rekening", "kode nomenklatur"),
          required=False, label="kode kegiatan"),
    Field("kegiatan", spellings("kegiatan", "nama kegiatan", "sub kegiatan", "subkegiatan", "nama sub kegiatan",
                                "activity"), label="kegiatan"),
    Field("target_output", spellings("target_output", "target output", "target", "target fisik",
                                     "volume target", "target volume", "output target"), label="target output"),
    Field("realisasi_output", spellings("realisasi_output", "realisasi output", "realisasi", "realisasi fisik",
                                        "volume realisasi", "realisasi volume", "output realisasi"),
          label="realisasi output"),
    Field("satuan", spellings("satuan", "satuan output", "unit"), label="satuan"),
    Field("kk_per_satuan", spellings("kk_per_satuan", "kk per satuan", "kk/satuan", "kk per unit",
                                     "jumlah kk per satuan", "kk terlayani per satuan"), label="KK per satuan"),
    Field("pagu", spellings("pagu", "pagu anggaran", "anggaran", "pagu (rp)", "pagu rp", "budget"), label="pagu"),
    Field("realisasi_anggaran", spellings("realisasi_anggaran", "realisasi anggaran", "realisasi keuangan",
                                          "belanja", "realisasi (rp)", "realisasi rp", "serapan",
                                          "serapan anggaran", "spent"), label="realisasi anggaran"),
]
COMMITMENT = [
    Field("klinik", spellings("klinik", "tanggal klinik", "coaching clinic", "klinik sanitasi", "pertemuan",
                              "clinic"), label="klinik"),
    Field("pihak", spellings("pihak", "opd", "penanggung jawab", "pj", "pelaksana", "yang berkomitmen", "who"),
          label="pihak"),
    Field("komitmen", spellings("komitmen", "isi komitmen", "uraian komitmen", "kesepakatan",
                                "rencana tindak lanjut", "rtl", "commitment"), label="komitmen"),
    Field("tenggat", spellings("tenggat", "tenggat waktu", "batas waktu", "target waktu", "tanggal target",
                               "waktu penyelesaian", "deadline"), label="tenggat"),
    Field("status", spellings("status", "status komitmen", "status tindak lanjut"), label="status"),
]

# ------------------------------------------------------------------------------------- boundary layers
# Attribute names of BIG (KDCPUM, WADMKC; desa KDEPUM, WADMKD), GADM (NAME_3) and consultants' files, in the
# order they are preferred when a layer has several.
BOUNDARY_CODE = Field("kode_wilayah", spellings("kdcpum", "kode_wilayah", "kode", "kode_kec", "kode_kecamatan",
                                                "kd_kec"), required=False, label="kode kecamatan")
BOUNDARY_NAME = Field("nama_wilayah", spellings("wadmkc", "name_3", "nama", "nama_kecamatan", "kecamatan", "nm_kec"),
                      required=False, label="nama kecamatan")
VILLAGE_CODE = Field("kode_desa", spellings("kdepum", "kode_desa", "kd_desa", "kode_kel", "kode_kelurahan",
                                            "kode_desa_kel", "kode"), label="kode desa")
VILLAGE_NAME = Field("nama_desa", spellings("wadmkd", "nama_desa", "desa", "nm_desa", "nama_kelurahan", "namobj",
                                            "nama"), required=False, label="nama desa")
VILLAGE_KECAMATAN = Field("kode_wilayah", spellings("kdcpum", "kode_kec", "kode_kecamatan", "kd_kec"), required=False,
                          label="kode kecamatan")

# ------------------------------------------------------------------------------------- the SSK programme matrix
# The columns of an Instrumen-SSK-like matrix (indikasi program dan kegiatan). Its volume and money per year come
# from year columns under a "Volume" and a "Biaya" heading (`sanitasi.instrumen`), or from `tahun`, `volume` and
# `biaya` columns in a file with one row per year. A bare "Kode" column holds the nomenclature code of whatever the
# row names (a programme's 1.03.05, an activity's 1.03.05.2.01, a sub-activity's 1.02.02.2.02.0017).
PROGRAMME = [
    Field("kode_program", spellings("kode program", "kode_program", "kd program", "kode prog"), required=False,
          label="kode program"),
    Field("program", spellings("program", "nama program", "program/kegiatan", "program / kegiatan", "programme"),
          label="program"),
    Field("kode_kegiatan", spellings("kode kegiatan", "kode_kegiatan", "kd kegiatan", "kode keg"), required=False,
          label="kode kegiatan"),
    Field("kegiatan", spellings("kegiatan", "nama kegiatan", "activity"), label="kegiatan"),
    Field("kode_sub_kegiatan", spellings("kode sub kegiatan", "kode_sub_kegiatan", "kode subkegiatan",
                                         "kd sub kegiatan", "kode sub keg"), required=False, label="kode sub kegiatan"),
    Field("sub_kegiatan", spellings("sub kegiatan", "sub_kegiatan", "subkegiatan", "nama sub kegiatan",
                                    "rincian kegiatan", "uraian kegiatan", "sub activity"), required=False,
          label="sub kegiatan"),
]
NOMENCLATURE_CODE = Field("kode_nomenklatur", spellings("kode", "kode rekening", "kode nomenklatur", "kode urusan",
                                                        "code"), required=False, label="kode")
PROGRAMME_AREA_CODE = Field("kode_wilayah", without(AREA_CODE, "kode"), required=False, label="kode kecamatan")
PROGRAMME_DESA = [
    Field("kode_desa", spellings("kode desa", "kode_desa", "kode desa/kelurahan", "kode kelurahan", "kdepum"),
          required=False, label="kode desa"),
    Field("nama_desa", spellings("desa", "nama desa", "desa/kelurahan", "nama desa/kelurahan", "kelurahan"),
          required=False, label="desa"),
]
PROGRAMME_AMOUNTS = [
    Field("volume", spellings("volume", "target volume", "volume target", "target fisik", "keluaran"),
          required=False, label="volume"),
    Field("satuan", spellings("satuan", "satuan volume", "satuan output", "unit"), label="satuan"),
    Field("kk_per_satuan", spellings("kk_per_satuan", "kk per satuan", "kk/satuan", "kk per unit",
                                     "jumlah kk per satuan", "kk terlayani per satuan"), required=False,
          label="KK per satuan"),
    Field("biaya_satuan", spellings("biaya satuan", "biaya_satuan", "biaya satuan (rp)", "harga satuan",
                                    "harga satuan (rp)", "unit cost"), required=False, label="biaya satuan"),
    Field("biaya", spellings("biaya", "biaya (rp)", "indikasi biaya", "indikasi biaya (rp)", "pagu indikatif",
                             "anggaran", "money"), required=False, label="biaya"),
    Field("sumber_dana", spellings("sumber dana", "sumber_dana", "sumber pendanaan", "sumber pembiayaan",
                                   "pendanaan", "funding source"), label="sumber dana"),
]
