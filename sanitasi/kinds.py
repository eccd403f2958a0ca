"""The registry of table kinds: what each table the dashboard holds is, said once.

For every kind (akses, target, batas, ...): its contract (columns, types, checks, key), the header spellings
its reader accepts, how the store keeps it, its bundled file, its import template, and the pages whose
ILLUSTRATIVE banner names it. The store's tables, the readers, the command line's `--kind` choices, the
templates, the Data page's lists and the Metodologi page's list of files all read it, so adding a kind is one
entry here plus its contract in `sanitasi.contracts`, with its texts in `sanitasi.i18n` (name, import help,
and for a bundled file its description) and any new header spellings in `sanitasi.headers`. The generic
reader reads it from the entry; only a kind with checks of its own needs a hook in `sanitasi.readers`.

The order of `REGISTRY` is the order officials see: the import choices, the templates and the bundled files
are listed in it; a data set's tables (the store, the Data page's view) list the bundled ones first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sanitasi import KODE_KABUPATEN, NAMA_KABUPATEN, contracts, i18n, paths
from sanitasi.headers import (
    ACTIVITY,
    AGENCY,
    AKSES_AREA_CODE,
    AKSES_AREA_NAME,
    AREA_CODE,
    AREA_NAME,
    BASE_YEAR,
    BOUNDARY_CODE,
    BOUNDARY_NAME,
    COMMITMENT,
    COST_CODE,
    COST_SHARE,
    COST_SOURCE,
    COST_STEP,
    COST_VALUE,
    DESA_CODE,
    DESA_COUNTS,
    DESA_DATES,
    DESA_KEC_CODE,
    DESA_KEC_NAME,
    DESA_NAME,
    DESA_YEAR,
    DOC,
    DOC_END,
    DOC_FAMILY,
    DOC_START,
    HOUSEHOLDS,
    INDICATOR,
    NOMENCLATURE_CODE,
    NOTE,
    ODF_STATUS_FIELD,
    OFFICIAL,
    PROGRAMME,
    PROGRAMME_AMOUNTS,
    PROGRAMME_AREA_CODE,
    PROGRAMME_DESA,
    PUBLISHED_ERRORS,
    PUBLISHED_SHARES,
    ROLE,
    RUNG_COUNTS,
    RUNG_SHARES,
    SOURCE,
    TARGET_VALUE,
    TARGET_YEAR,
    UNIT,
    VALUE,
    VALUE_ERRORS,
    VILLAGE_CODE,
    VILLAGE_KECAMATAN,
    VILLAGE_NAME,
    WASTE,
    WATERLOGGING,
    YEAR,
    Field,
    optional,
)
from sanitasi.indicators import RUNG_COLUMNS
from sanitasi.limits import TABLE, VILLAGES, Limits
from sanitasi.schema import Contract

# How the store keeps a kind: one SQL row per table row ("rows", columns from the contract), the whole table as
# JSON in `tabel_json` ("json", for small tables), or rows with each shape as WKB beside the contract's columns.
Storage = Literal["rows", "json", "geo"]
KECAMATAN_CODE = "<kode kecamatan>"  # in a template row: one row per kecamatan, this column holds its code ...
KECAMATAN_NAME = "<nama kecamatan>"  # ... and this one its name


@dataclass(frozen=True)
class Template:
    """The file an official fills in: headers with an example row (or one row per kecamatan), and what each means."""

    row: Mapping[str, Any]  # header -> example value (None: for the official to fill in)
    explain: Mapping[str, str]  # header -> its meaning in Bahasa Indonesia; "catatan" may add a rule across columns
    name: str = ""  # a kind with several templates (one per level) names each: "kecamatan", "kabupaten"

    @property
    def per_kecamatan(self) -> bool:
        return KECAMATAN_CODE in self.row.values()


@dataclass(frozen=True, eq=False)
class Kind:
    """One kind of table: everything the store, the readers, the templates and the pages need to know about it."""

    code: str  # the name the command line, the store and the Data page use: "akses"
    contract: Contract
    storage: Storage
    fields: tuple[Field, ...] = ()  # the headers its reader understands, in the order they claim a file's headers
    bundled: Path | None = None  # the file shipped in data/; None: a data set has none until one is imported
    importable: bool = True
    template: Template | None = None
    pages: tuple[str, ...] = ()  # pages showing numbers from it: their ILLUSTRATIVE banner names it while bundled
    context_pages: tuple[str, ...] = ()  # pages that show it beside their own tables (named after those)
    key: tuple[str, ...] = ()  # the columns that identify a row (default: the contract's key)
    more_templates: tuple[Template, ...] = ()  # further templates, one per level of data (access: the kabupaten's)
    limits: Limits = TABLE  # how large its file may be (rows, columns, cells), checked before reading
    layout: str = ""  # a sheet layout its export writes instead of a plain table ("instrumen": `sanitasi.instrumen`)

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", self.contract.key)

    @property
    def templates(self) -> tuple[Template, ...]:
        """Every template of the kind, its main one first."""
        return (self.template, *self.more_templates) if self.template is not None else ()

    @property
    def label_key(self) -> str:
        return f"data.jenis_{self.code}"

    def label(self, lang: str = "id") -> str:
        return i18n.t(self.label_key, lang)

    @property
    def by_kecamatan_year(self) -> bool:
        """One row per kecamatan and year: each kecamatan must exist in its year (no child before its split)."""
        return self.contract.key == ("kode_wilayah", "tahun")


REGISTRY: dict[str, Kind] = {k.code: k for k in (
    # stored whole as JSON: its rows are kecamatan counts beside kabupaten percentages (store.LEGACY: older rows)
    Kind("akses", contracts.AKSES, "json", bundled=paths.AKSES_CSV, pages=("ringkasan", "paparan", "kebutuhan"),
         context_pages=("stbm", "opd", "program_ssk"),
         fields=(AKSES_AREA_CODE, AKSES_AREA_NAME, YEAR, SOURCE, UNIT, OFFICIAL, INDICATOR, HOUSEHOLDS,
                 *optional(RUNG_COUNTS), *optional(RUNG_SHARES), *PUBLISHED_SHARES, *PUBLISHED_ERRORS, VALUE,
                 *VALUE_ERRORS),
         template=Template(
             {"kode_wilayah": KECAMATAN_CODE, "kecamatan": KECAMATAN_NAME, "tahun": 2025, "sumber": "Dinkes STBM 2025",
              "satuan": "kk", "resmi": "tidak", "jumlah_kk": None, **{c: None for c in RUNG_COLUMNS}},
             {"kode_wilayah": "Kode Kemendagri kecamatan, mis. 63.10.01 (boleh juga nama kecamatan di kolom "
                              "'kecamatan')",
              "kecamatan": "Nama kecamatan (dipakai bila kode kosong)",
              "tahun": "Tahun data, mis. 2025; satu baris per kecamatan per tahun",
              "sumber": "Asal angka: Dinkes STBM, EHRA 2023, Pendataan Pokja … (angka kecamatan tidak diterbitkan BPS)",
              "satuan": "Yang dihitung: kk (laporan STBM, EHRA), rumah_tangga, atau jiwa",
              "resmi": "ya bila angka ini resmi dan disahkan instansinya; tidak (bawaan) untuk angka kerja atau contoh",
              "jumlah_kk": "Jumlah rumah tangga (KK) di kecamatan",
              "kk_aman": "KK dengan akses aman (tangki septik disedot ≥1× dalam 5 tahun dan diolah di IPLT, atau "
                         "SPALD-T)",
              "kk_layak_sendiri": "KK dengan akses layak milik sendiri (belum aman)",
              "kk_layak_bersama": "KK dengan akses layak bersama",
              "kk_belum_layak": "KK dengan fasilitas belum layak (termasuk BABS tertutup)",
              "kk_babs_terbuka": "KK yang BAB di tempat terbuka",
              "catatan": "Kelima kolom kk_ harus berjumlah sama dengan jumlah_kk. Boleh juga memakai persentase: "
                         "kolom '% aman', '% layak sendiri', … (berjumlah 100) bersama jumlah_kk. Baris JUMLAH atau "
                         "kabupaten diperiksa terhadap jumlah kecamatan dan tidak disimpan."},
             name="kecamatan"),
         more_templates=(Template(
             {"kode_wilayah": KODE_KABUPATEN, "wilayah": NAMA_KABUPATEN, "tahun": 2024,
              "sumber": "BPS Susenas Maret 2024", "satuan": "rumah_tangga", "resmi": None,
              **{f"{part}_{k}": None for k in contracts.PERCENT_INDICATORS for part in ("pct", "rse", "ci_bawah",
                                                                                       "ci_atas")}},
             {"kode_wilayah": "Kode Kemendagri kabupaten: 63.10 (atau 6310; boleh kosong bila kolom 'wilayah' diisi)",
              "wilayah": "Kabupaten Tanah Bumbu (Kab. Tanah Bumbu, Tanah Bumbu); baris kabupaten lain di tabel BPS "
                         "diabaikan",
              "tahun": "Tahun survei, mis. 2024; satu baris per tahun",
              "sumber": "Asal angka, mis. BPS Susenas Maret 2024 (tabel BPS Kabupaten Tanah Bumbu atau Provinsi "
                        "Kalimantan Selatan)",
              "satuan": "Susenas menghitung rumah_tangga",
              "resmi": "ya bila angka ini terbitan resmi BPS; kosong atau tidak untuk angka sementara atau olahan",
              **{f"pct_{k}": f"Persentase rumah tangga dengan akses {w} (0–100); kosongkan bila tidak diterbitkan"
                 for k, w in (("layak", "sanitasi layak"), ("aman", "sanitasi aman"),
                              ("babs_terbuka", "yang BAB di tempat terbuka (BABS)"))},
              **{f"rse_{k}": "Relative standard error (RSE, %) dari tabel BPS; boleh kosong"
                 for k in contracts.PERCENT_INDICATORS},
              **{f"ci_bawah_{k}": "Batas bawah selang kepercayaan 95% (persen); boleh kosong"
                 for k in contracts.PERCENT_INDICATORS},
              **{f"ci_atas_{k}": "Batas atas selang kepercayaan 95% (persen); boleh kosong"
                 for k in contracts.PERCENT_INDICATORS},
              "catatan": "BPS menerbitkan Susenas sampai tingkat kabupaten saja, dalam persen rumah tangga. Tabel BPS "
                         "dengan tahun sebagai kolom (2019, 2020, …) juga dibaca; indikatornya dari judul tabel atau "
                         "dipilih saat memuat."},
             name="kabupaten"),)),
    Kind("target", contracts.TARGET, "rows", bundled=paths.TARGET_CSV,
         fields=(DOC, INDICATOR, TARGET_YEAR, TARGET_VALUE, BASE_YEAR, DOC_FAMILY, DOC_START, DOC_END, NOTE, AREA_CODE,
                 AREA_NAME),
         template=Template(
             {"dokumen": "RPJMN 2025-2029", "indikator": "aman", "kode_wilayah": None, "tahun": 2029, "nilai": None,
              "tahun_dasar": 2023, "keluarga": "RPJMN", "mulai": 2025, "akhir": 2029, "catatan": "isi dari dokumen"},
             {"dokumen": "Nama dokumen, mis. RPJMN 2025-2029, SSK Tanah Bumbu 2025-2029",
              "indikator": "layak, aman, babs_terbuka (atau layak_sendiri, layak_bersama, belum_layak)",
              "kode_wilayah": "Kosong = target kabupaten; atau kode kecamatan untuk target kecamatan",
              "tahun": "Tahun target (beberapa baris untuk target antara)",
              "nilai": "Nilai target dalam persen KK, mis. 90 atau 92,5",
              "tahun_dasar": "Tahun dasar dokumen (boleh kosong)",
              "keluarga": "Keluarga dokumen: RPJMN, RPJMD, SSK, Jakstrada, SDG atau Visi (kosong = dibaca dari nama)",
              "mulai": "Tahun pertama periode dokumen, mis. 2025 (kosong = dibaca dari nama, mis. 'RPJMN 2025-2029')",
              "akhir": "Tahun terakhir periode dokumen, mis. 2029. Target untuk kabupaten sendiri (mis. dari Bappenas "
                       "atau provinsi): isi kode_wilayah 63.10; dokumen itu dipakai untuk kabupaten",
              "catatan": "Dasar hukum atau keterangan; tulis 'periksa ...' bila angka perlu dicek ke aslinya"})),
    Kind("batas", contracts.BATAS, "geo", bundled=paths.BATAS_KECAMATAN, fields=(BOUNDARY_CODE, BOUNDARY_NAME)),
    Kind("biaya", contracts.BIAYA, "rows", bundled=paths.BIAYA_CSV, pages=("kebutuhan",),
         context_pages=("program_ssk",),
         fields=(COST_CODE, INDICATOR, COST_STEP, COST_VALUE, COST_SHARE, COST_SOURCE, NOTE),
         template=Template(
             {"kode": "jamban_septik_individu", "indikator": "layak",
              "langkah": "Jamban sehat + tangki septik individual", "biaya_per_kk": None, "porsi": 1.0,
              "sumber": None, "catatan": None},
             {"kode": "Kode singkat langkah, mis. jamban_septik_individu",
              "indikator": "Indikator yang dinaikkan langkah ini: layak, aman, babs_terbuka",
              "langkah": "Uraian langkah",
              "biaya_per_kk": "Biaya per KK dalam rupiah, mis. 6500000",
              "porsi": "Bagian KK sasaran yang memerlukan langkah ini, 0 sampai 1",
              "sumber": "Sumber harga (SSH, RAB, …)",
              "catatan": "Keterangan"})),
    # STBM per kecamatan is not imported: Dinkes reports per desa, and the village table is summed into this one
    Kind("stbm", contracts.STBM, "json", bundled=paths.STBM_CSV, importable=False,
         pages=("ringkasan", "paparan", "stbm")),
    Kind("stbm_desa", contracts.STBM_DESA, "json", bundled=paths.STBM_DESA_CSV, limits=VILLAGES,
         fields=(DESA_CODE, DESA_NAME, DESA_KEC_CODE, DESA_KEC_NAME, DESA_YEAR, HOUSEHOLDS, *DESA_COUNTS,
                 ODF_STATUS_FIELD, *DESA_DATES, SOURCE),
         template=Template(  # the villages are the official's to list: one row per kecamatan to start from
             {"kode_desa": None, "desa": None, "kode_wilayah": KECAMATAN_CODE, "kecamatan": KECAMATAN_NAME,
              "tahun": 2025, "jumlah_kk": None, "kk_jsp": None, "kk_jssp": None, "kk_sharing": None, "kk_od": None,
              "status_odf": "belum", "tanggal_odf": None},
             {"kode_desa": "Kode Kemendagri desa/kelurahan, mis. 63.10.01.2005 (boleh tanpa titik: 6310012005)",
              "desa": "Nama desa/kelurahan",
              "kode_wilayah": "Kode kecamatan, mis. 63.10.01 (boleh kosong bila kolom 'kecamatan' diisi; harus "
                              "cocok dengan awal kode desa)",
              "kecamatan": "Nama kecamatan (boleh kosong: diambil dari kode desa)",
              "tahun": "Tahun laporan, mis. 2025 (periode seperti 'Semester II 2025' dibaca tahunnya); satu baris "
                       "per desa per tahun",
              "jumlah_kk": "Jumlah KK di desa",
              "kk_jsp": "KK dengan jamban sehat permanen (JSP)",
              "kk_jssp": "KK dengan jamban sehat semi permanen (JSSP)",
              "kk_sharing": "KK yang menumpang (sharing) jamban sehat keluarga lain",
              "kk_od": "KK yang masih BAB sembarangan (BABS/OD)",
              "status_odf": "Status desa: belum, deklarasi, atau terverifikasi (ODF/SBS)",
              "tanggal_odf": "Tanggal status: tanggal verifikasi bila terverifikasi, tanggal deklarasi bila "
                             "deklarasi (boleh kosong), mis. 17-05-2024",
              "catatan": "JSP + JSSP + sharing + BABS tidak boleh melebihi jumlah KK; sisanya dihitung sebagai "
                         "'lainnya' (jamban belum sehat, bukan BABS)."})),
    Kind("batas_desa", contracts.BATAS_DESA, "geo", bundled=paths.BATAS_DESA,
         fields=(VILLAGE_CODE, VILLAGE_NAME, VILLAGE_KECAMATAN)),
    Kind("sampah", contracts.SAMPAH, "json", bundled=paths.SAMPAH_CSV, pages=("ringkasan", "paparan", "sampah"),
         fields=(YEAR, *WASTE, SOURCE),
         template=Template(
             {"tahun": 2025, "timbulan_ton": None, "pengurangan_ton": None, "penanganan_ton": None, "sumber": None},
             {"tahun": "Tahun data, mis. 2025; satu baris per tahun (tingkat kabupaten)",
              "timbulan_ton": "Timbulan sampah dalam ton per tahun",
              "pengurangan_ton": "Sampah yang dikurangi (dibatasi, didaur ulang, dimanfaatkan kembali), ton per "
                                 "tahun",
              "penanganan_ton": "Sampah yang ditangani (dipilah, dikumpulkan, diangkut, diolah, diproses akhir), ton "
                                "per tahun",
              "sumber": "Sumber data (mis. SIPSN, DLH)",
              "catatan": "Pengurangan + penanganan tidak boleh melebihi timbulan."})),
    Kind("drainase", contracts.DRAINASE, "json", bundled=paths.DRAINASE_CSV, pages=("ringkasan", "paparan", "sampah"),
         fields=(AREA_CODE, AREA_NAME, YEAR, WATERLOGGING, SOURCE),
         template=Template(
             {"kode_wilayah": KECAMATAN_CODE, "kecamatan": KECAMATAN_NAME, "tahun": 2025, "genangan_ha": None,
              "sumber": None},
             {"kode_wilayah": "Kode Kemendagri kecamatan, mis. 63.10.01 (boleh juga nama kecamatan di kolom "
                              "'kecamatan')",
              "kecamatan": "Nama kecamatan (dipakai bila kode kosong)",
              "tahun": "Tahun data, mis. 2025",
              "genangan_ha": "Luas genangan dalam hektare (ha); makin kecil makin baik",
              "sumber": "Sumber data (mis. Dinas PUPR)"})),
    Kind("kegiatan", contracts.KEGIATAN, "json", bundled=paths.KEGIATAN_CSV, pages=("opd",),
         context_pages=("program_ssk",),
         fields=(YEAR, *ACTIVITY, INDICATOR, SOURCE), key=("tahun", "opd", "kegiatan"),
         template=Template(
             {"tahun": 2025, "opd": "Dinas Kesehatan", "program": None, "kode": None,
              "kegiatan": "Pemicuan STBM dan verifikasi desa ODF", "indikator": "desa_odf", "target_output": None,
              "realisasi_output": None, "satuan": "desa", "kk_per_satuan": 0, "pagu": None,
              "realisasi_anggaran": None, "sumber": None},
             {"tahun": "Tahun anggaran, mis. 2025",
              "opd": "Perangkat daerah pelaksana, mis. Dinas Kesehatan",
              "program": "Nama program (boleh kosong)",
              "kode": "Kode kegiatan atau sub kegiatan menurut nomenklatur (mis. 1.02.02.2.02.0017; boleh kosong): "
                      "matriks program SSK dicocokkan dengan kode ini, bila tidak ada dengan nama kegiatan dan OPD",
              "kegiatan": "Nama kegiatan atau sub kegiatan",
              "indikator": "Indikator yang didukung: layak, aman, babs_terbuka, desa_odf, stbm_jamban_sehat, "
                           "stbm_od, sampah_pengurangan, sampah_penanganan, genangan (kode dari daftar indikator)",
              "target_output": "Target keluaran (volume), mis. 650",
              "realisasi_output": "Realisasi keluaran (volume)",
              "satuan": "Satuan keluaran, mis. unit, desa, KK",
              "kk_per_satuan": "Jumlah KK yang terlayani per satuan keluaran (0 bila keluaran bukan layanan KK)",
              "pagu": "Pagu anggaran dalam rupiah",
              "realisasi_anggaran": "Realisasi anggaran (belanja) dalam rupiah",
              "sumber": "Sumber data (mis. DPA, laporan realisasi)"})),
    Kind("komitmen", contracts.KOMITMEN, "json", bundled=paths.KOMITMEN_CSV, pages=("paparan", "komitmen"),
         fields=(*COMMITMENT, *optional([INDICATOR]), NOTE, AREA_CODE, AREA_NAME), key=("klinik", "pihak", "komitmen"),
         template=Template(
             {"klinik": "2026-11-20", "pihak": "Dinas Kesehatan", "kode_wilayah": None, "komitmen": "isi komitmen",
              "indikator": "desa_odf", "tenggat": "2027-06-30", "status": "belum", "catatan": None},
             {"klinik": "Tanggal atau nama coaching clinic, mis. 2026-11-20",
              "pihak": "OPD atau kecamatan yang berkomitmen",
              "kode_wilayah": "Kode kecamatan (kosong = tingkat kabupaten)",
              "komitmen": "Isi komitmen: apa yang akan dilakukan",
              "indikator": "Indikator yang didukung (boleh kosong), mis. desa_odf",
              "tenggat": "Batas waktu, mis. 30-06-2027",
              "status": "belum, berjalan, selesai, terlambat, atau batal",
              "catatan": "Keterangan"})),
    Kind("peran", contracts.PERAN_OPD, "json", bundled=paths.PERAN_CSV, pages=("opd",), context_pages=("program_ssk",),
         fields=(INDICATOR, ROLE, AGENCY, NOTE, SOURCE),
         template=Template(
             {"indikator": "layak", "peran": "pemimpin", "opd": "Dinas Perumahan, Kawasan Permukiman dan Pertanahan",
              "catatan": "Jamban sehat dan tangki septik individual", "sumber": None},
             {"indikator": "Indikator target: layak, aman, babs_terbuka, desa_odf, sampah_pengurangan, "
                           "sampah_penanganan, genangan (kode dari daftar indikator)",
              "peran": "pemimpin (satu OPD per indikator), pendukung, atau pemilik_data (penghasil angkanya, "
                       "mis. BPS untuk Susenas, Dinas Kesehatan untuk STBM)",
              "opd": "Nama OPD atau instansi, ditulis sama dengan di tabel kegiatan",
              "catatan": "Apa yang dikerjakan OPD untuk indikator ini, atau data apa yang dimilikinya",
              "sumber": "Dasar penetapan (mis. SK Pokja PPSP, SSK)"})),
    # the SSK programme matrix: read from the Instrumen SSK layout (years as columns) or one row per year, exported
    # back in the Instrumen layout (`sanitasi.instrumen`)
    Kind("ssk", contracts.PROGRAM_SSK, "json", bundled=paths.SSK_CSV, pages=("program_ssk", "paparan"),
         fields=(*PROGRAMME, NOMENCLATURE_CODE, AGENCY, INDICATOR, PROGRAMME_AREA_CODE, AREA_NAME, *PROGRAMME_DESA,
                 Field("tahun", YEAR.synonyms, False, YEAR.label), *PROGRAMME_AMOUNTS, SOURCE),
         layout="instrumen",
         template=Template(
             {"kode_program": "1.03.05", "program": "Program Pengelolaan dan Pengembangan Sistem Air Limbah",
              "kode_kegiatan": "1.03.05.2.01",
              "kegiatan": "Pengelolaan dan Pengembangan Sistem Air Limbah Domestik dalam Daerah Kabupaten/Kota",
              "kode_sub_kegiatan": None, "sub_kegiatan": "Pembangunan IPAL komunal / MCK++",
              "opd": "Dinas Pekerjaan Umum dan Penataan Ruang", "indikator": "layak", "kode_wilayah": "63.10.04",
              "kode_desa": None, "tahun": 2026, "volume": None, "satuan": "unit", "kk_per_satuan": 45,
              "biaya_satuan": None, "biaya": None, "sumber_dana": "APBN/DAK", "sumber": None},
             {"kode_program": "Kode program (nomenklatur Permendagri 90/2019), mis. 1.03.05; boleh kosong",
              "program": "Nama program",
              "kode_kegiatan": "Kode kegiatan, mis. 1.03.05.2.01; boleh kosong",
              "kegiatan": "Nama kegiatan",
              "kode_sub_kegiatan": "Kode sub kegiatan, mis. 1.02.02.2.02.0017; boleh kosong",
              "sub_kegiatan": "Nama sub kegiatan atau rincian kegiatan SSK (dipakai untuk mencocokkan tabel kegiatan "
                              "OPD)",
              "opd": "OPD pelaksana, ditulis sama dengan di tabel kegiatan dan peran OPD",
              "indikator": "Indikator yang dilayani: layak, aman, babs_terbuka, desa_odf, sampah_pengurangan, "
                           "sampah_penanganan, genangan; kosong untuk kegiatan penunjang",
              "kode_wilayah": "Kode kecamatan, mis. 63.10.04 (atau nama di kolom 'kecamatan'); 63.10 atau kosong = "
                              "seluruh kabupaten (tidak dibagi ke kecamatan)",
              "kode_desa": "Kode desa bila kegiatan di satu desa, mis. 63.10.08.2003 (dijumlah ke kecamatannya)",
              "tahun": "Tahun rencana; satu baris per tahun. Tata letak Instrumen SSK (tahun sebagai kolom di bawah "
                       "judul 'Volume' dan 'Indikasi biaya (Rp)') juga dibaca, dan itulah yang ditulis ekspor",
              "volume": "Volume keluaran tahun itu, mis. 4",
              "satuan": "Satuan volume: unit, sambungan rumah, KK, desa, m³/hari (kapasitas IPLT), truk, ha, ton",
              "kk_per_satuan": "KK yang terlayani per satuan (kegiatan akses); 0 untuk yang bukan layanan KK",
              "biaya_satuan": "Biaya per satuan (Rp) pada harga tahun pertama rencana; dipakai untuk memeriksa biaya",
              "biaya": "Indikasi biaya (Rp) yang direncanakan tahun itu",
              "sumber_dana": "APBD Kabupaten, APBD Provinsi, APBN/DAK, Dana Desa, CSR/BAZNAS, atau Swadaya "
                             "masyarakat",
              "sumber": "Asal data (mis. dokumen SSK 2025-2029)",
              "catatan": "Volume x biaya satuan adalah pemeriksaan: biaya yang direncanakan tidak diubah bila "
                         "berbeda, hanya ditandai."})),
)}


def get(code: str) -> Kind:
    """The registered kind, or ValueError in the readers' own words."""
    try:
        return REGISTRY[code]
    except KeyError:
        raise ValueError(f"jenis data tidak dikenal: {code}") from None


def held() -> tuple[str, ...]:
    """The tables of a data set, as the store keeps them and the Data page lists them: bundled ones first."""
    return tuple(k.code for k in sorted(REGISTRY.values(), key=lambda k: k.bundled is None))


def importable() -> tuple[str, ...]:
    """The kinds officials can load (the Data page's choices, `python -m sanitasi.cli import --kind`)."""
    return tuple(k.code for k in REGISTRY.values() if k.importable)


def geo() -> tuple[str, ...]:
    """The boundary layers: read from shapefiles, GeoJSON or GeoPackage; GeoDataFrames in a data set."""
    return tuple(k.code for k in REGISTRY.values() if k.storage == "geo")


def with_template() -> tuple[str, ...]:
    """The kinds with a template to download (every importable table; boundaries are files of their own)."""
    return tuple(k.code for k in REGISTRY.values() if k.template is not None)


def kinds_for_page(page: str) -> tuple[str, ...]:
    """The tables a page shows numbers from, its own first: its ILLUSTRATIVE banner names those still bundled."""
    own = tuple(k.code for k in REGISTRY.values() if page in k.pages)
    return own + tuple(k.code for k in REGISTRY.values() if page in k.context_pages)


def page_kinds() -> dict[str, tuple[str, ...]]:
    """Every page some table names, with `kinds_for_page` of it."""
    pages = dict.fromkeys(p for k in REGISTRY.values() for p in (*k.pages, *k.context_pages))
    return {p: kinds_for_page(p) for p in pages}


def bundled_files() -> list[tuple[str, str]]:
    """(key, path) of every file in data/ the dashboard reads, the kecamatan list first (the Metodologi page)."""
    return [("wilayah", _shown(paths.WILAYAH_CSV)),
            *((k.code, _shown(k.bundled)) for k in REGISTRY.values() if k.bundled is not None)]


def _shown(path: Path) -> str:
    """'data/akses_sanitasi.csv'; a shapefile is its folder ('data/batas_kecamatan/'), since it is several files."""
    if path.suffix == ".shp":
        return path.parent.relative_to(paths.ROOT).as_posix() + "/"
    return path.relative_to(paths.ROOT).as_posix()
