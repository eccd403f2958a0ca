"""Village-level STBM: the Dinkes desa table and desa boundaries, read, rolled up and stored (the village map
and table the STBM page draws from them are tested in tests/views/test_stbm.py).

No desa data is bundled: every table and boundary file here is made by the test. Bad files go through
the same path as the Data page (read, then save to a store), so a bad file that slipped through would
show up as a new version; each must report exactly the problems listed, found in one pass.
"""

from __future__ import annotations

import io as _io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
from shapely.geometry import box

from sanitasi import analysis, desa, errors, exports, history, i18n, indicators, readers, store
from sanitasi.load import ODF_STATUS, STBM, Dataset
from sanitasi.tables import Source

HEADER = "kode_desa;desa;kecamatan;tahun;jumlah_kk;kk_jsp;kk_jssp;kk_sharing;kk_od;status_odf;tanggal_odf"
# Two kecamatan in 2024 and one village in 2023. Per village, lainnya = jumlah_kk - JSP - JSSP - sharing - OD.
GOOD = [
    "63.10.01.2001;Sungai Satu;Batulicin;2024;120;70;30;10;0;terverifikasi;17-05-2023",  # lainnya 10
    "63.10.01.2002;Sungai Dua;Batulicin;2024;200;100;40;20;10;deklarasi;2024-02-01",  # lainnya 30
    "63.10.01.2003;Sungai Tiga;Batulicin;2024;80;30;10;5;25;belum;",  # lainnya 10
    "63.10.02.2001;Pantai Satu;Kusan Hilir;2024;150;90;30;10;5;terverifikasi;01-08-2022",  # lainnya 15
    "63.10.02.2002;Pantai Dua;Kusan Hilir;2024;60;20;10;0;20;belum;",  # lainnya 10
    "63.10.01.2001;Sungai Satu;Batulicin;2023;118;60;30;10;8;deklarasi;30-11-2022",  # lainnya 10
]
# The roll-up, by hand:
#   Batulicin 2024: 3 desa (1 verified, 1 declared); KK 120+200+80 = 400; JSP 70+100+30 = 200; JSSP 30+40+10 = 80;
#     sharing 10+20+5 = 35; OD 0+10+25 = 35; lainnya 400-200-80-35-35 = 50 (= 10+30+10)
#   Kusan Hilir 2024: 2 desa (1 verified); KK 210; JSP 110; JSSP 40; sharing 10; OD 25; lainnya 25 (= 15+10)
#   Batulicin 2023: 1 desa (declared); KK 118; JSP 60; JSSP 30; sharing 10; OD 8; lainnya 10
ROLLED = pd.DataFrame({
    "kode_wilayah": ["63.10.01", "63.10.01", "63.10.02"], "tahun": [2023, 2024, 2024], "jumlah_desa": [1, 3, 2],
    "desa_odf_terverifikasi": [0, 1, 1], "desa_odf_deklarasi": [1, 1, 0], "jumlah_kk": [118, 400, 210],
    "kk_jsp": [60, 200, 110], "kk_jssp": [30, 80, 40], "kk_sharing": [10, 35, 10], "kk_od": [8, 35, 25],
    "kk_lainnya": [10, 50, 25]})
UNK = errors.UNKNOWN_AREA


def csv(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def xlsx(rows: list[list[object]]) -> bytes:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    buf = _io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def read(data: bytes, dataset: Dataset, name: str = "stbm_desa.csv", **kw) -> pd.DataFrame:
    return readers.read_stbm_desa(Source(name, data), dataset.wilayah, **kw)


@pytest.fixture
def fresh_store(tmp_path: Path) -> store.Store:
    s = store.Store(f"sqlite:///{tmp_path / 'desa.db'}")
    yield s
    s.engine.dispose()


# ------------------------------------------------------------------------------------- codes and statuses
@pytest.mark.parametrize(("cell", "expected"), [
    ("terverifikasi", "terverifikasi"), ("Terverifikasi", "terverifikasi"), ("ODF terverifikasi", "terverifikasi"),
    ("ODF Terverifikasi ", "terverifikasi"), ("SBS terverifikasi", "terverifikasi"), ("Verified ODF", "terverifikasi"),
    ("sudah verifikasi", "terverifikasi"), ("deklarasi", "deklarasi"), ("Sudah deklarasi", "deklarasi"),
    ("ODF deklarasi", "deklarasi"), ("Deklarasi, belum verifikasi", "deklarasi"),
    ("Declared, not verified", "deklarasi"),
    ("belum", "belum"), ("Belum ODF", "belum"), ("BELUM SBS", "belum"), ("Not yet ODF", "belum"),
    # said of both a declared and a verified village: asked about, not guessed
    ("ODF", None), ("Sudah ODF", None), ("SBS", None), ("terferivikasi", None), ("ya", None), ("", None), (None, None),
])
def test_status_spellings(cell: object, expected: str | None) -> None:
    assert desa.parse_status(cell) == expected


@pytest.mark.parametrize(("cell", "ambiguous"), [("ODF", True), ("Sudah ODF", True), ("SBS", True),
                                               ("terferivikasi", False), ("", False), ("-", False)])
def test_a_status_that_could_be_declared_or_verified_is_asked_about(cell: str, ambiguous: bool) -> None:
    assert desa.is_ambiguous_status(cell) is ambiguous


def test_the_dashboard_labels_read_back_as_their_status() -> None:
    for lang in ("id", "en"):
        assert [desa.parse_status(i18n.t(f"stbm.{s}", lang)) for s in ODF_STATUS] == list(ODF_STATUS)


@pytest.mark.parametrize(("cell", "expected"), [
    ("63.10.01.2005", "63.10.01.2005"), ("6310012005", "63.10.01.2005"), (6310012005, "63.10.01.2005"),
    (6310012005.0, "63.10.01.2005"), (" 63.10.01.2005 ", "63.10.01.2005"), ("", ""), (None, ""),
    ("63.10.01", None), ("63.10.1.2005", None), ("631001205", None), ("63-10-01-2005", None),
])
def test_desa_codes(cell: object, expected: str | None) -> None:
    assert desa.parse_code(cell) == expected


# ------------------------------------------------------------------------------------- a correct table
def test_a_correct_table_is_read_and_rolls_up_to_the_hand_computed_kecamatan_numbers(dataset: Dataset) -> None:
    out = read(csv(*GOOD), dataset)
    assert list(out.columns) == ["kode_desa", "nama_desa", "kode_wilayah", "tahun", "jumlah_kk", "kk_jsp", "kk_jssp",
                                 "kk_sharing", "kk_od", "kk_lainnya", "status_odf", "tanggal_odf", "sumber"]
    assert out["kk_lainnya"].tolist() == [10, 10, 30, 10, 15, 10]  # sorted by year, kecamatan, desa
    assert out["tanggal_odf"].tolist()[:3] == ["2022-11-30", "2023-05-17", "2024-02-01"]
    assert out["tanggal_odf"].isna().tolist() == [False, False, False, True, False, True]
    rolled = desa.rollup(out)
    assert list(rolled.columns) == STBM.names
    pd.testing.assert_frame_equal(rolled.drop(columns="sumber"), ROLLED, check_dtype=False)
    assert rolled.dtypes.to_dict() == dataset.stbm.dtypes.to_dict()  # the pages read it like the bundled table
    assert set(rolled["sumber"]) == {"stbm_desa.csv"}


def test_the_existing_indicators_read_the_rolled_up_table(dataset: Dataset, fresh_store: store.Store) -> None:
    # the whole village table replaced by the file (the default would add its villages to the bundled ones)
    v = fresh_store.save("stbm_desa", read(csv(*GOOD), dataset), store.Meta("d.csv", "x", "uji"), bundled=dataset,
                         mode=history.GANTI)
    an = analysis.analyse(fresh_store.dataset(v, dataset), 2024)
    kab = an.frames("desa_odf")[1].set_index("tahun")
    # 2024: 2 verified of 5 villages; healthy latrines (200+80+110+40) / 610 KK; open defecation (35+25) / 610
    assert kab.loc[2024, indicators.get("desa_odf").kolom] == pytest.approx(100 * 2 / 5)
    assert kab.loc[2024, indicators.get("stbm_jamban_sehat").kolom] == pytest.approx(100 * 430 / 610)
    assert kab.loc[2024, indicators.get("stbm_od").kolom] == pytest.approx(100 * 60 / 610)
    kec = an.frames("stbm_od")[0].set_index(["kode_wilayah", "tahun"])
    assert kec.loc[("63.10.02", 2024), indicators.get("stbm_od").kolom] == pytest.approx(100 * 25 / 210)
    assert set(kec.index.get_level_values(0)) == {"63.10.01", "63.10.02"}  # the bundled kecamatan rows are gone


@dataclass(frozen=True)
class Good:
    rows: bytes
    values: dict[str, list]
    note: str | None = None
    name: str = "stbm_desa.csv"


GOOD_FILES = {
    "indonesian-headers-and-spellings": Good(
        csv("63.10.01.2001;Sungai Satu;Kec. Batu Licin;2024;120;70;30;10;0;ODF Terverifikasi;17/05/2023",
            "63.10.01.2002;Sungai Dua;BATULICIN;2024;200;100;40;20;10;Sudah deklarasi;1 Februari 2024",
            "63.10.01.2003;Sungai Tiga;batulicin;2024;80;30;10;5;25;Belum ODF;",
            header="Kode Desa;Nama Desa;Kecamatan;Tahun;Jumlah KK;Jamban Sehat Permanen;JSSP;Numpang;BABS;"
                   "Status SBS;Tanggal verifikasi"),
        {"status_odf": ["terverifikasi", "deklarasi", "belum"], "kk_sharing": [10, 20, 5],
         "tanggal_odf": ["2023-05-17", None, None]}),  # a declared village has no verification date
    "undotted-codes-and-kecamatan-codes": Good(
        csv("6310012001;Sungai Satu;63.10.01;2024;120;70;30;10;0;terverifikasi;",
            "6310022001;Pantai Satu;631002;2024;150;90;30;10;5;belum;",
            header="kode desa;nama desa;kode kecamatan;tahun;jumlah kk;jsp;jssp;sharing;od;status odf;tanggal"),
        {"kode_desa": ["63.10.01.2001", "63.10.02.2001"], "kode_wilayah": ["63.10.01", "63.10.02"]}),
    "merged-kecamatan-cells": Good(
        csv("63.10.01.2001;Sungai Satu;Batulicin;2024;120;70;30;10;0;terverifikasi;",
            "63.10.01.2002;Sungai Dua;;2024;200;100;40;20;10;deklarasi;",
            "63.10.02.2001;Pantai Satu;Kusan Hilir;2024;150;90;30;10;5;belum;",
            "63.10.02.2002;Pantai Dua;;2024;60;20;10;0;20;belum;"),
        {"kode_wilayah": ["63.10.01", "63.10.01", "63.10.02", "63.10.02"]},
        note="Kecamatan diambil dari kode desa pada 2 baris"),
    "no-kecamatan-column": Good(
        csv("63.10.01.2001;Sungai Satu;2024;120;70;30;10;0;terverifikasi;",
            header=HEADER.replace("kecamatan;", "")),
        {"kode_wilayah": ["63.10.01"]}, note="Tidak ada kolom kecamatan: kecamatan diambil dari kode desa"),
    "subtotal-and-total-rows": Good(
        csv("63.10.01.2001;Sungai Satu;Batulicin;2024;120;70;30;10;0;terverifikasi;",
            ";Jumlah Kec. Batulicin;Batulicin;2024;120;70;30;10;0;;",
            ";TOTAL;;2024;120;70;30;10;0;;"),
        {"kode_desa": ["63.10.01.2001"]}, note="Baris jumlah/total diabaikan (baris 3, 4)"),
    "period-instead-of-year": Good(
        csv("63.10.01.2001;Sungai Satu;Batulicin;Semester II 2024;120;70;30;10;0;terverifikasi;",
            header=HEADER.replace("tahun", "periode")),
        {"tahun": [2024]}, note="Periode dibaca sebagai tahunnya pada 1 baris"),
    "two-date-columns": Good(
        csv("63.10.01.2001;Sungai Satu;Batulicin;2024;120;70;30;10;0;terverifikasi;01-02-2023;17-05-2023",
            "63.10.01.2002;Sungai Dua;Batulicin;2024;200;100;40;20;10;deklarasi;01-02-2024;",
            "63.10.01.2003;Sungai Tiga;Batulicin;2024;80;30;10;5;25;belum;;",
            header=HEADER.replace("tanggal_odf", "tanggal deklarasi;tanggal verifikasi")),
        {"tanggal_odf": ["2023-05-17", "2024-02-01", None]}),
    "excel-numbers-and-dates": Good(
        xlsx([["Rekap STBM per desa"], ["Kode Desa", "Desa", "Kecamatan", "Tahun", "Jumlah KK", "JSP", "JSSP",
                                        "Sharing", "BABS", "Status ODF", "Tanggal verifikasi"],
              [6310012001, "Sungai Satu", "Batulicin", 2024, 120, 70, 30, 10, 0, "Terverifikasi",
               datetime(2023, 5, 17)]]),
        {"kode_desa": ["63.10.01.2001"], "tanggal_odf": ["2023-05-17"], "jumlah_kk": [120]}, name="stbm.xlsx"),
}


@pytest.mark.parametrize("case", GOOD_FILES.values(), ids=GOOD_FILES.keys())
def test_awkward_files_that_load(case: Good, dataset: Dataset) -> None:
    out = read(case.rows, dataset, name=case.name)
    for column, expected in case.values.items():
        assert [None if pd.isna(v) else v for v in out[column]] == expected, column
    if case.note:
        assert any(case.note in n for n in out.attrs["catatan"]), out.attrs["catatan"]
    # every row adds up, whatever the file looked like
    parts = out[["kk_jsp", "kk_jssp", "kk_sharing", "kk_od", "kk_lainnya"]].sum(axis=1)
    assert (parts == out["jumlah_kk"]).all()


def test_notes_say_what_the_file_leaves_out(dataset: Dataset) -> None:
    notes = read(csv(*GOOD), dataset).attrs["catatan"]
    # 2024 has villages of Batulicin and Kusan Hilir only; Batulicin lists 3 of its 7 desa + 2 kelurahan
    assert any(n.startswith("Tahun 2024: tidak ada desa dari kecamatan Sungai Loban") for n in notes), notes
    assert any("Batulicin 3 dari 9; Kusan Hilir 2 dari 22" in n for n in notes), notes


# ------------------------------------------------------------------------------------- bad files
@dataclass(frozen=True)
class P:
    baris: int | None
    kolom: str | None
    pesan: str
    nilai: str | None | object = ...
    jenis: str = ""


@dataclass(frozen=True)
class Bad:
    rows: bytes
    problems: tuple[P, ...]
    missing: tuple[str, ...] | None = None  # for a ColumnError: the fields asked for
    extra: dict = field(default_factory=dict)


def row(code: str = "63.10.01.2001", name: str = "Sungai Satu", kec: str = "Batulicin", year: str = "2024",
        counts: str = "120;70;30;10;0", status: str = "terverifikasi", when: str = "17-05-2023") -> str:
    """One village line of the test file (a correct one unless told otherwise)."""
    return ";".join([code, name, kec, year, counts, status, when])


OK = row()
BAD_FILES = {
    "unknown-kecamatan": Bad(csv(row(kec="Batu Lincin")),
                             (P(2, "kecamatan", "kecamatan tidak dikenal; mungkin: Batulicin (63.10.01)", "Batu Lincin",
                                UNK),)),
    "desa-code-not-in-its-kecamatan": Bad(
        csv(OK, row("63.10.02.2001", "Pantai Satu")),
        (P(3, "kode_desa", "tidak termasuk kecamatan Batulicin (63.10.01); kode desa di kecamatan itu berawal 63.10.01",
           "63.10.02.2001"),)),
    "bps-desa-code": Bad(csv(row("6310050001")), (P(2, "kode_desa", "ini tampaknya kode BPS", "63.10.05.0001"),)),
    "desa-code-outside-every-kecamatan": Bad(
        csv(row("63.10.13.2001", kec="")), (P(2, "kode_desa", "tidak termasuk kecamatan mana pun", "63.10.13.2001"),)),
    "desa-code-malformed-or-missing": Bad(
        csv(row("63.10.1.2001"), row("", "Sungai Dua")),
        (P(2, "kode_desa", "harus berbentuk seperti 63.10.01.2005", "63.10.1.2001"),
         P(3, "kode_desa", "kode desa wajib diisi", None))),
    "status-spelled-badly": Bad(
        csv(row(status="terferivikasi"), row("63.10.01.2002", "Sungai Dua", status="ODF"),
            row("63.10.01.2003", "Sungai Tiga", status="")),
        (P(2, "status_odf", "status ODF tidak dikenal", "terferivikasi"),
         P(3, "status_odf", "bisa berarti deklarasi atau terverifikasi", "ODF"),
         P(4, "status_odf", "status ODF wajib diisi", None))),
    "counts-exceed-jumlah-kk": Bad(
        csv(OK, row("63.10.01.2002", "Sungai Dua", counts="100;60;30;10;5")),  # 60+30+10+5 = 105 > 100
        (P(3, "jumlah_kk", "JSP + JSSP + sharing + BABS (105) melebihi jumlah KK; lebih 5", "100"),)),
    "counts-not-whole-or-negative-or-text": Bad(
        csv(row(counts="120,5;70;-30;10;nol")),
        (P(2, "jumlah_kk", "bilangan bulat tidak negatif", "120.5"), P(2, "kk_jssp", "tidak negatif", "-30"),
         P(2, "kk_od", "harus berupa angka", "nol"))),
    "duplicate-desa": Bad(csv(OK, row(counts="121;71;30;10;0")),
                          (P(3, None, "baris ganda: desa dan tahun ini sudah ada", "63.10.01.2001, 2024"),)),
    "same-name-twice-in-a-kecamatan": Bad(
        csv(OK, row("63.10.01.2009")),
        (P(3, None, "nama desa ini sudah ada di kecamatan yang sama", "63.10.01.2009"),)),
    "kecamatan-before-it-existed": Bad(csv(row("63.10.11.2001", "Desa Baru", "Kusan Tengah", "2020")),
                                       (P(2, "tahun", "63.10.11 baru ada sejak 2021", "2020"),)),
    "dates-unreadable-or-in-the-future": Bad(
        csv(row(when="31-02-2023"), row("63.10.01.2002", "Sungai Dua", when="01-01-2099")),
        (P(2, "tanggal_odf", "tanggal tidak terbaca", "31-02-2023"), P(3, "tanggal_odf", "belum lewat", "01-01-2099"))),
    "period-with-two-years": Bad(csv(row(year="2023/2024")),
                                 (P(2, "tahun", "tahun atau periode tidak terbaca", "2023/2024"),)),
    "every-kind-of-problem-in-one-pass": Bad(
        csv(OK,
            row("63.10.02.2001", "Pantai Satu"),  # 3: code not in Batulicin
            row("63.10.01.2002", "Sungai Dua", kec="Batu Lincin"),  # 4: unknown kecamatan
            row("63.10.01.2003", "Sungai Tiga", status="hampir"),  # 5: status
            row("63.10.01.2004", "Sungai Empat", counts="50;30;10;5;25"),  # 6: 70 > 50
            OK),  # 7: duplicate of row 2
        (P(3, "kode_desa", "tidak termasuk kecamatan Batulicin"), P(4, "kecamatan", "kecamatan tidak dikenal"),
         P(5, "status_odf", "status ODF tidak dikenal", "hampir"), P(6, "jumlah_kk", "lebih 20", "50"),
         P(7, None, "baris ganda", "63.10.01.2001, 2024"))),
    "no-status-column": Bad(csv("63.10.01.2001;Sungai Satu;Batulicin;2024;120;70;30;10;0;",
                                header=HEADER.replace("status_odf", "keterangan")),
                            (P(1, "status ODF/SBS", "kolom ini tidak ditemukan"),), missing=("status_odf",)),
}


INDONESIAN = re.compile(r"\b(tidak|harus|wajib|ganda|melebihi|belum|sudah|kolom|baru|kecamatan|tanggal|tahun)\b")
ENGLISH = re.compile(r"\b(the|must|should|expected|invalid|not|found|error|missing|cannot|file|column|row)\b", re.I)


def matches(p: errors.Problem, e: P) -> bool:
    return (p.baris == e.baris and p.kolom == e.kolom and e.pesan in p.pesan and (e.nilai is ... or p.nilai == e.nilai)
            and (not e.jenis or p.jenis == e.jenis))


@pytest.mark.parametrize("case", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_files_report_every_problem_and_leave_the_store_unchanged(case: Bad, dataset: Dataset,
                                                                      fresh_store: store.Store) -> None:
    before = fresh_store.versions()["id"].tolist()
    with pytest.raises(errors.DataError) as caught:
        frame = read(case.rows, dataset)
        fresh_store.save("stbm_desa", frame, store.Meta("x.csv", "x", "uji"), bundled=dataset)
    found = list(caught.value.problems)
    assert len(found) == len(case.problems), [str(p) for p in found]
    for e in case.problems:
        hits = [p for p in found if matches(p, e)]
        assert hits, (e, [str(p) for p in found])
        found.remove(hits[0])
    for p in caught.value.problems:  # said in Bahasa Indonesia
        assert INDONESIAN.search(p.pesan) and not ENGLISH.search(p.pesan), p.pesan
    if case.missing is not None:
        assert isinstance(caught.value, readers.ColumnError)
        assert tuple(f.name for f in caught.value.missing) == case.missing
    assert fresh_store.versions()["id"].tolist() == before and fresh_store.active_id() == 0


def test_an_unknown_kecamatan_confirmed_by_the_editor_loads(dataset: Dataset) -> None:
    data = csv("63.10.01.2001;Sungai Satu;Batu Lincin;2024;120;70;30;10;0;belum;")
    out = read(data, dataset, name_map={"Batu Lincin": "63.10.01"})
    assert out["kode_wilayah"].tolist() == ["63.10.01"]


# ------------------------------------------------------------------------------------- the store
def test_a_desa_import_makes_the_stbm_table_real_and_is_versioned(dataset: Dataset, fresh_store: store.Store) -> None:
    table = read(csv(*GOOD), dataset)
    v = fresh_store.save("stbm_desa", table, store.Meta("stbm_desa.csv", "x", "uji"), bundled=dataset,
                         mode=history.GANTI)
    d = fresh_store.dataset(v, dataset)
    pd.testing.assert_frame_equal(d.stbm_desa, table)  # types too: stored as JSON, restored by the contract
    pd.testing.assert_frame_equal(d.stbm.drop(columns="sumber"), ROLLED, check_dtype=False)
    pd.testing.assert_frame_equal(fresh_store.table("stbm", v, dataset), d.stbm)
    assert not d.illustrative("stbm") and d.illustrative("akses") and d.illustrative("sampah")
    # the bundled (illustrative) village table stays where it was: in version 0
    pd.testing.assert_frame_equal(fresh_store.dataset(0, dataset).stbm_desa, dataset.stbm_desa)
    pd.testing.assert_frame_equal(fresh_store.table("stbm_desa", 0, dataset), dataset.stbm_desa)
    # a later kecamatan-level STBM table takes over the indicators; the village table stays for the village view
    w = fresh_store.save("stbm", dataset.stbm, store.Meta("stbm.csv", "x", "uji"), bundled=dataset)
    later = fresh_store.dataset(w, dataset)
    assert later.stbm.equals(dataset.stbm) and later.stbm_desa.equals(table)
    # and version v, activated again, reads its roll-up again
    assert fresh_store.dataset(v, dataset).stbm.equals(d.stbm)


def test_the_exported_village_table_imports_as_the_same_data(dataset: Dataset, fresh_store: store.Store) -> None:
    v = fresh_store.save("stbm_desa", read(csv(*GOOD), dataset), store.Meta("a.csv", "x", "uji"), bundled=dataset,
                         mode=history.GANTI)
    stored = fresh_store.table("stbm_desa", v, dataset)
    for data, name in ((exports.to_csv(stored), "unduhan.csv"), (exports.to_xlsx({"stbm_desa": stored}), "u.xlsx")):
        back = read(data, dataset, name=name)
        pd.testing.assert_frame_equal(back, stored)  # its source too: the file's column, not the new file's name


# ------------------------------------------------------------------------------------- desa boundaries
def villages(dataset: Dataset, kecamatan: tuple[str, ...] = ("63.10.01", "63.10.02"), n: int = 3) -> gpd.GeoDataFrame:
    """Each kecamatan of the bundled boundaries cut into `n` strips, one village each, in BIG's schema."""
    rows = []
    for kec in kecamatan:
        g = dataset.batas.loc[dataset.batas["kode"] == kec].geometry.iloc[0]
        x0, y0, x1, y1 = g.bounds
        w = (x1 - x0) / n
        for j in range(n):
            rows.append({"KDEPUM": f"{kec}.{2001 + j}", "WADMKD": f"Desa {kec[-2:]}-{j + 1}", "KDCPUM": kec,
                         "KDPKAB": "63.10", "WADMKK": "Tanah Bumbu",
                         "geometry": g.intersection(box(x0 + j * w, y0 - 1, x0 + (j + 1) * w, y1 + 1))})
    return gpd.GeoDataFrame(rows, crs="EPSG:4326")


def shapefile_zip(gdf: gpd.GeoDataFrame, tmp: Path, stem: str = "ADMINISTRASIDESA_AR_25K") -> bytes:
    folder = tmp / f"shp_{len(list(tmp.iterdir()))}"
    folder.mkdir()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gdf.to_file(folder / f"{stem}.shp")
    buf = _io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for p in sorted(folder.iterdir()):
            z.write(p, "BATAS DESA/" + p.name)
    return buf.getvalue()


def read_batas(data: bytes, dataset: Dataset, name: str = "batas_desa.zip", **kw) -> gpd.GeoDataFrame:
    return readers.read_boundaries_desa(Source(name, data), dataset.wilayah, **kw)


def test_a_big_desa_shapefile_keeps_every_village(dataset: Dataset, tmp_path: Path) -> None:
    gdf = villages(dataset)
    other = gpd.GeoDataFrame([{"KDEPUM": "63.02.01.2001", "WADMKD": "Desa Kotabaru", "KDCPUM": "63.02.01",
                               "KDPKAB": "63.02", "WADMKK": "Kotabaru", "geometry": box(116.1, -3.4, 116.2, -3.3)}],
                             crs="EPSG:4326")
    out = read_batas(shapefile_zip(pd.concat([gdf, other], ignore_index=True).to_crs("EPSG:32750"), tmp_path),
                     dataset)
    assert list(out.columns) == ["kode", "nama", "kode_wilayah", "geometry"]
    assert out["kode"].tolist() == [f"63.10.0{k}.{2001 + j}" for k in (1, 2) for j in range(3)]
    assert out["kode_wilayah"].tolist() == ["63.10.01"] * 3 + ["63.10.02"] * 3
    assert out["nama"].iloc[0] == "Desa 01-1"
    assert out.crs.to_epsg() == 4326 and out.geometry.is_valid.all()
    # the villages still cover their kecamatan (reprojected there and back: within a few square metres)
    kec = dataset.batas.set_index("kode").geometry
    assert out.loc[out["kode_wilayah"] == "63.10.01"].union_all().symmetric_difference(
        kec["63.10.01"]).area < 1e-8
    notes = out.attrs["catatan"]
    assert any("hanya 6 poligon" in n for n in notes) and any("6 desa/kelurahan di 2 kecamatan" in n for n in notes)


def test_plain_kode_nama_with_undotted_codes_and_split_villages(dataset: Dataset) -> None:
    gdf = villages(dataset, ("63.10.03",), n=2).rename(columns={"KDEPUM": "kode", "WADMKD": "nama"})
    gdf = gdf[["kode", "nama", "geometry"]].assign(kode=lambda g: g["kode"].str.replace(".", "", regex=False))
    # the second village comes as two features (an island), as some files give multi-part villages
    x0, y0, x1, y1 = gdf.geometry.iloc[1].bounds
    island = gpd.GeoDataFrame({"kode": [gdf["kode"].iloc[1]], "nama": [gdf["nama"].iloc[1]]},
                              geometry=[box(x1 + 0.01, y0, x1 + 0.02, y0 + 0.01)], crs="EPSG:4326")
    out = read_batas(pd.concat([gdf, island], ignore_index=True).to_json().encode(), dataset, name="desa.geojson")
    assert out["kode"].tolist() == ["63.10.03.2001", "63.10.03.2002"]
    assert out.geometry.iloc[1].geom_type == "MultiPolygon"
    assert any("digabung menjadi satu poligon desa" in n for n in out.attrs["catatan"])


@pytest.mark.parametrize(("change", "fragment", "value"), [
    ({"KDEPUM": "63.10.1.2001"}, "harus berbentuk seperti 63.10.01.2005", "63.10.1.2001"),
    ({"KDEPUM": "63.10.13.2001", "KDCPUM": "63.10.13"}, "tidak termasuk kecamatan mana pun", "63.10.13.2001"),
    ({"KDCPUM": "63.10.02"}, "tidak cocok dengan kode desa 63.10.01.2001", "63.10.02"),
])
def test_bad_desa_boundaries(change: dict, fragment: str, value: str, dataset: Dataset,
                             fresh_store: store.Store) -> None:
    gdf = villages(dataset)
    for column, v in change.items():
        gdf.loc[0, column] = v
    with pytest.raises(errors.DataError) as caught:
        frame = read_batas(gdf.to_json().encode(), dataset, name="desa.geojson")
        fresh_store.save("batas_desa", frame, store.Meta("b", "x", "uji"), bundled=dataset)
    (p,) = caught.value.problems
    assert (p.baris, fragment in p.pesan, p.nilai) == (1, True, value), str(p)
    assert fresh_store.versions()["id"].tolist() == [0]


def test_desa_boundaries_without_a_code_column_ask_for_it(dataset: Dataset) -> None:
    gdf = villages(dataset).drop(columns=["KDEPUM"]).rename(columns={"WADMKD": "LABEL"})
    data = gdf.assign(ID=[f"63.10.0{k}.{2001 + j}" for k in (1, 2) for j in range(3)]).to_json().encode()
    with pytest.raises(readers.ColumnError) as caught:
        read_batas(data, dataset, name="desa.geojson")
    assert [f.name for f in caught.value.missing] == ["kode_desa"] and "ID" in caught.value.unmatched
    out = read_batas(data, dataset, name="desa.geojson", column_map={"ID": "kode_desa"})
    assert len(out) == 6


def test_a_file_without_tanah_bumbu_villages_is_refused(dataset: Dataset) -> None:
    gdf = villages(dataset).drop(columns=["KDPKAB", "WADMKK"]).assign(
        KDEPUM=lambda g: g["KDEPUM"].str.replace("63.10.", "63.02.", regex=False))
    with pytest.raises(errors.DataError, match="tidak berisi desa Kabupaten Tanah Bumbu"):
        read_batas(gdf.to_json().encode(), dataset, name="desa.geojson")


def test_desa_boundaries_are_stored_and_come_back(dataset: Dataset, fresh_store: store.Store, tmp_path: Path) -> None:
    out = read_batas(shapefile_zip(villages(dataset), tmp_path), dataset)
    v = fresh_store.save("batas_desa", out, store.Meta("desa.zip", "x", "uji"), bundled=dataset, mode=history.GANTI)
    back = fresh_store.dataset(v, dataset).batas_desa
    pd.testing.assert_frame_equal(pd.DataFrame(back[["kode", "nama", "kode_wilayah"]]),
                                  pd.DataFrame(out[["kode", "nama", "kode_wilayah"]]), check_dtype=False)
    assert back.geometry.geom_equals_exact(out.geometry, tolerance=0).all()
    assert fresh_store.dataset(v, dataset).batas.equals(dataset.batas)  # the kecamatan boundaries are untouched
    assert fresh_store.dataset(0, dataset).batas_desa.equals(dataset.batas_desa)  # the bundled ones stay in v0


def test_without_a_desa_table_the_roll_up_is_an_empty_stbm_table() -> None:
    assert desa.rollup(None).columns.tolist() == STBM.names and desa.rollup(None).empty


def test_the_contract_checks_stored_village_rows_again(dataset: Dataset) -> None:
    """Rows that reach the store another way (an editor's grid, an old version) are checked by the contract."""
    good = read(csv(*GOOD), dataset)
    assert store.validate_kind("stbm_desa", good).shape == good.shape
    bad = good.assign(kode_wilayah=["63.10.01"] * 5 + ["63.10.03"], kk_lainnya=[10, 10, 30, 10, 15, 11])
    with pytest.raises(errors.DataError) as caught:
        store.validate_kind("stbm_desa", bad)
    assert sorted((p.baris, p.kolom) for p in caught.value.problems) == [(6, "kode_desa"), (7, "jumlah_kk"),
                                                                          (7, "kode_desa")]
