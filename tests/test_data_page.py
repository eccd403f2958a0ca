"""The Data page as an editor drives it (streamlit.testing.v1.AppTest): sign in, upload, see, save, lock-out.

app_pages/data.py runs on its own (AppTest.from_file): going through app.py and switch_page loses widget
state between runs in AppTest. Every test has its own empty store and clears Streamlit's resource
cache, because ui.data_store() and the data sets it serves are cached for the whole process.
"""

from __future__ import annotations

import io as _io
import json
from datetime import timedelta
from pathlib import Path

import geopandas as gpd
import lxml.html
import openpyxl
import pandas as pd
import pytest
import streamlit as st
from helpers import prose, title
from shapely.geometry import box
from streamlit.testing.v1 import AppTest

from sanitasi import auth, charts, exports, history, i18n, limits, readers, signin, store
from sanitasi.indicators import RUNG_COLUMNS
from sanitasi.load import Dataset
from sanitasi.tables import Source
from ui import data as ui_data

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "app_pages" / "data.py")
TIMEOUT = 60
PASSWORD = "Sungai-Loban-2029"
HEADER = ";".join(["kode_wilayah", "kecamatan", "tahun", "jumlah_kk", *RUNG_COLUMNS])


def t(key: str, **kw: object) -> str:
    return i18n.t(key, "id", **kw)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'halaman.db'}"
    monkeypatch.setenv(store.ENV_URL, url)
    monkeypatch.delenv(auth.ENV_HASH, raising=False)
    st.cache_resource.clear()
    yield url
    st.cache_resource.clear()


@pytest.fixture
def editor(db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(auth.ENV_HASH, auth.hash_password(PASSWORD, iterations=1000))
    return db


def open_page() -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sign_in(at: AppTest, password: str = PASSWORD, name: str = "Ani") -> AppTest:
    at.text_input(key="data_nama_editor").input(name)
    at.text_input(key="data_sandi").input(password)
    submit = [b for b in at.button if b.proto.is_form_submitter]
    assert len(submit) == 1
    submit[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="unggah_akses_0").set_value((name, data, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def problems_table(at: AppTest) -> pd.DataFrame:
    tables = [d.value for d in at.dataframe if "Masalah" in d.value.columns]
    assert len(tables) == 1
    return tables[0]


def test_without_an_editor_hash_the_page_is_read_only(db: str) -> None:
    at = open_page()
    assert title(at) == t("data.judul")
    assert any(i.value == t("data.editor_belum") for i in at.info)  # says how to set it up
    assert "hash-password" in t("data.editor_belum") and "SANITASI_EDITOR_HASH" in t("data.editor_belum")
    assert len(at.file_uploader) == 1  # anyone may check a file (the dry run) ...
    assert len(at.text_input) == 0  # ... no sign-in form
    assert any(c.value == t("data.uji_tanpa_masuk") for c in at.caption)
    assert [b for b in at.button if b.key in ("data_aktifkan", "data_hapus", "data_simpan")] == []


def overview() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app_pages" / "ringkasan.py"), default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_editor_signs_in_uploads_sees_the_summary_and_saves(editor: str, dataset: Dataset) -> None:
    before = overview()
    assert any(w.value == t("banner.ilustratif") for w in before.warning)
    assert any(c.value.startswith("Bawaan dasbor, versi 0") for c in before.sidebar.caption)

    signin.add_editor(store.Store(editor), "Ani", PASSWORD)  # a named editor: the version names her
    at = open_page()
    assert len(at.file_uploader) == 1  # anyone may check a file; saving needs the editor
    sign_in(at)
    assert any(s.value == t("data.editor_masuk", nama="Ani") for s in at.success)
    assert len(at.file_uploader) == 1

    # the bundled access table, downloaded as officials get it, with one more safe household in every row
    # (named by its new source: rows still saying "ilustratif" would keep the dashboard marked ILUSTRATIF)
    akses = dataset.akses.assign(kk_aman=dataset.akses["kk_aman"] + 1,
                                 kk_belum_layak=dataset.akses["kk_belum_layak"] - 1, sumber="Dinkes (rekap STBM)")
    upload(at, "akses_dinkes.csv", exports.to_csv(akses))
    # 10 kecamatan x 3 years (2018-2020) + 12 x 5 (2021-2025, after the split) = 90 rows;
    # households in 2025 = the bundled 2025 total, written with a thousands dot
    kk_2025 = f"{int(dataset.akses.loc[dataset.akses['tahun'] == 2025, 'jumlah_kk'].sum()):,}".replace(",", ".")
    summary = [s.value for s in at.success if s.value.startswith("Siap dimuat")]
    assert summary == [f"Siap dimuat: 90 baris, 12 kecamatan, tahun 2018–2025; {kk_2025} KK pada 2025."]
    assert store.Store(editor).active_id() == 0  # nothing saved yet

    at.text_input(key="data_catatan").input("Data Dinkes 2025")
    at.button(key="data_simpan").click().run()
    assert not at.exception, [e.value for e in at.exception]
    s = store.Store(editor)
    assert s.active_id() == 1
    row = s.versions().set_index("id").loc[1]
    assert (row["oleh"], row["berkas"], row["jenis"], row["catatan"], row["jumlah_baris"]) == \
        ("Ani", "akses_dinkes.csv", "akses", "Data Dinkes 2025", 90)
    # the Dinkes rows stand beside the bundled ones (a new source is new rows), and the figures use them
    saved = s.table("akses", 1, dataset)
    assert saved["sumber"].value_counts().to_dict() == {"ilustratif": 90, "Dinkes (rekap STBM)": 90}
    assert int(saved.loc[saved["sumber"] != "ilustratif", "kk_aman"].sum()) == int(dataset.akses["kk_aman"].sum()) + 90
    assert any(x.value == t("data.tersimpan", versi=1) for x in at.success)

    # the whole dashboard switches: the overview shows version 1, loaded by an editor, no illustrative banner
    after = overview()
    captions = [c.value for c in after.sidebar.caption]
    assert any(c.startswith("Versi 1, dimuat ") and c.endswith(t("umum.resmi")) for c in captions), captions
    assert not any(w.value == t("banner.ilustratif") for w in after.warning)


def test_an_upload_with_problems_shows_them_and_saves_nothing(editor: str) -> None:
    at = sign_in(open_page())
    bad = "\n".join([HEADER, "63.10.01;Batulicin;2025;100;sepuluh;50;10;20;10",
                     "63.10.02;Kusan Hilir;2025;200;20;100;20;40;15"]).encode()
    upload(at, "akses_salah.csv", bad)
    assert any(e.value == t("data.masalah", n=2) for e in at.error)
    table = problems_table(at)
    assert table["Baris"].tolist() == [2, 3]
    assert table["Nilai ditemukan"].tolist() == ["sepuluh", "200"]
    assert "selisih 5" in table["Masalah"].iloc[1]
    assert [b for b in at.button if b.key == "data_simpan"] == []
    assert [b.key for b in at.get("download_button") if b.key == "data_unduh_masalah"] == ["data_unduh_masalah"]
    assert store.Store(editor).versions()["id"].tolist() == [0]


def test_unknown_kecamatan_is_confirmed_by_the_editor(editor: str, dataset: Dataset) -> None:
    at = sign_in(open_page())
    data = "\n".join([HEADER, ";Batu Lincin;2025;100;10;50;10;20;10"]).encode()
    upload(at, "akses.csv", data)
    assert problems_table(at)["Nilai ditemukan"].tolist() == ["Batu Lincin"]
    choice = at.selectbox(key=f"_impor_akses_{store.checksum(data)[:16]}_n_Batu Lincin")
    assert choice.options[1] == "Batulicin (63.10.01)"  # the closest name is offered first, not chosen
    assert choice.value == ""
    choice.set_value("63.10.01")
    [b for b in at.button if b.proto.is_form_submitter][0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(s.value.startswith("Siap dimuat: 1 baris, 1 kecamatan") for s in at.success)
    at.button(key="data_simpan").click().run()
    s = store.Store(editor)
    a = s.table("akses", 1, dataset)
    assert s.active_id() == 1 and a.loc[a["sumber"] == "akses.csv", "kode_wilayah"].tolist() == ["63.10.01"]
    assert len(a) == len(dataset.akses) + 1  # added beside the bundled rows, which stay


def test_unrecognised_column_is_pointed_at_by_the_editor(editor: str) -> None:
    at = sign_in(open_page())
    data = "\n".join(["kecamatan;tahun;banyaknya rumah tangga;" + ";".join(RUNG_COLUMNS),
                      "Batulicin;2025;100;10;50;10;20;10"]).encode()
    upload(at, "akses.csv", data)
    assert problems_table(at)["Kolom"].tolist() == ["jumlah KK"]
    pick = at.selectbox(key=f"_impor_akses_{store.checksum(data)[:16]}_k_jumlah_kk")
    assert pick.options == ["—", "banyaknya rumah tangga"]  # asked, with the unmatched headers, not guessed
    pick.set_value("banyaknya rumah tangga")
    [b for b in at.button if b.proto.is_form_submitter][0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(s.value.startswith("Siap dimuat: 1 baris, 1 kecamatan, tahun 2025; 100 KK") for s in at.success)


def test_workbook_sheet_is_chosen(editor: str) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Petunjuk"
    wb.active.append(["Isi lembar Data"])
    ws = wb.create_sheet("Data")
    ws.append(HEADER.split(";"))
    ws.append(["63.10.01", "Batulicin", 2025, 100, 10, 50, 10, 20, 10])
    buf = _io.BytesIO()
    wb.save(buf)
    at = sign_in(open_page())
    at.file_uploader(key="unggah_akses_0").set_value(("akses.xlsx", buf.getvalue(), "application/vnd.ms-excel")).run()
    sheet = at.selectbox(key="data_lembar")
    assert sheet.options == ["Petunjuk", "Data"] and sheet.value == "Petunjuk"
    assert any(e.value == t("data.masalah", n=1) for e in at.error)  # the first sheet holds no table
    sheet.set_value("Data").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(s.value.startswith("Siap dimuat: 1 baris") for s in at.success)


SUSENAS = "\n".join(["Kabupaten/Kota;Tahun;% layak;% aman;% BABS;RSE layak",
                     "Kabupaten Tanah Bumbu;2022;84,10;7,20;3,10;1,3",
                     "Kabupaten Tanah Bumbu;2023;85,35;8,00;2,80;1,2",
                     "Kabupaten Tanah Bumbu;2024;86,90;9,15;2,40;1,1"]).encode()


def test_a_kabupaten_series_is_imported_with_its_source_unit_and_flag(editor: str, dataset: Dataset) -> None:
    at = sign_in(open_page())
    assert any(e.label == t("data.tingkat_judul") for e in at.expander)  # which file comes from whom
    upload(at, "susenas_tanah_bumbu.csv", SUSENAS)
    summary = [s.value for s in at.success if s.value.startswith("Siap dimuat")]
    assert summary == ["Siap dimuat: 3 baris tingkat kabupaten, tahun 2022–2024 (Akses layak, Akses aman, BABS di "
                       "tempat terbuka); sumber: BPS Susenas 2024 (% rumah tangga, tidak resmi)."]
    key = f"_impor_akses_{store.checksum(SUSENAS)[:16]}"
    # the file names none of the three: the preview asks, with the kabupaten template's defaults
    assert at.text_input(key=f"{key}_sumber").value == "BPS Susenas 2024"
    assert at.selectbox(key=f"{key}_satuan").value == "rumah_tangga"
    assert at.radio(key=f"{key}_resmi").value == "tidak"  # official only when the editor says so
    at.text_input(key=f"{key}_sumber").input("BPS Susenas Maret 2024").run()
    at.radio(key=f"{key}_resmi").set_value("ya").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("sumber: BPS Susenas Maret 2024 (% rumah tangga, resmi)" in s.value for s in at.success)
    assert any(m.value == f"**{t('data.perubahan_judul')}** 3 baris baru, 0 berubah, 90 tetap; tabel menjadi 93 "
               "baris." for m in at.markdown)
    at.button(key="data_simpan").click().run()
    assert not at.exception, [e.value for e in at.exception]
    s = store.Store(editor)
    a = s.table("akses", s.active_id(), dataset)
    kab = a.loc[a["kode_wilayah"] == "63.10"]
    assert kab[["tahun", "sumber", "satuan", "resmi", "pct_layak", "rse_layak"]].values.tolist() == [
        [2022, "BPS Susenas Maret 2024", "rumah_tangga", "ya", 84.1, 1.3],
        [2023, "BPS Susenas Maret 2024", "rumah_tangga", "ya", 85.35, 1.2],
        [2024, "BPS Susenas Maret 2024", "rumah_tangga", "ya", 86.9, 1.1]]
    # history kept (the counts are nullable now that kabupaten rows of percentages sit beside them)
    pd.testing.assert_frame_equal(a.loc[a["kode_wilayah"] != "63.10"].reset_index(drop=True), dataset.akses,
                                  check_dtype=False)


def test_the_preview_counts_what_changes_and_replacing_is_a_choice(editor: str, dataset: Dataset) -> None:
    """A 2025 file with one more safe household per kecamatan: 12 rows change, 78 stay; replacing the table warns."""
    rows = dataset.akses.loc[dataset.akses["tahun"] == 2025]
    data = exports.to_csv(rows.assign(kk_aman=rows["kk_aman"] + 1, kk_belum_layak=rows["kk_belum_layak"] - 1))
    at = sign_in(open_page())
    upload(at, "akses_2025.csv", data)
    assert at.radio(key="data_cara").value == "gabung"
    assert any(m.value == f"**{t('data.perubahan_judul')}** 0 baris baru, 12 berubah, 78 tetap; tabel menjadi 90 "
               "baris." for m in at.markdown)
    changes = [d.value for d in at.dataframe if t("data.k_kolom") in d.value.columns][0]
    first = rows.iloc[0]
    assert changes.iloc[0].tolist() == ["Batulicin · 2025 · ilustratif", "kk_aman", f"{first['kk_aman']:,}".replace(
        ",", "."), f"{first['kk_aman'] + 1:,}".replace(",", ".")]
    assert len(changes) == history.LIMIT and any(c.value == t("riwayat.lainnya", n=4) for c in at.caption)
    assert not at.warning or not any(w.value.startswith("Seluruh tabel diganti") for w in at.warning)
    at.radio(key="data_cara").set_value("ganti").run()
    assert any(w.value.startswith("Seluruh tabel diganti dengan isi berkas: 78 baris") for w in at.warning)
    at.radio(key="data_cara").set_value("gabung").run()
    at.button(key="data_simpan").click().run()
    assert not at.exception, [e.value for e in at.exception]
    s = store.Store(editor)
    a = s.table("akses", s.active_id(), dataset)
    assert sorted(a["tahun"].unique()) == list(range(2018, 2026)) and len(a) == 90
    assert int(a["kk_aman"].sum()) == int(dataset.akses["kk_aman"].sum()) + 12
    # the versions' comparison says the same, for the access table or any other
    at.session_state["data_buka_banding"] = True  # the comparison is built once its box is opened
    at.selectbox(key="data_versi").set_value(0).run()
    assert any(c.value.startswith("Versi 0 dibanding versi aktif (1): 0 baris hanya di versi 0, 0 baris hanya di "
                                  "versi aktif, 12 baris berbeda, 78 baris sama.") for c in at.caption)


def test_a_one_indicator_table_asks_which_indicator(editor: str) -> None:
    data = b"Tahun;Nilai\n2023;85,35\n2024;86,9\n"
    at = sign_in(open_page())
    upload(at, "layak.csv", data)
    assert any(e.value == t("data.masalah", n=1) for e in at.error)
    at.selectbox(key=f"_impor_akses_{store.checksum(data)[:16]}_indikator").set_value("layak").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(s.value.startswith("Siap dimuat: 2 baris tingkat kabupaten, tahun 2023–2024 (Akses layak)")
               for s in at.success)


def test_wrong_password_then_this_client_waits(editor: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # a long delay after the free tries, so the page is surely still waiting when it is opened again
    monkeypatch.setattr(signin, "delay", lambda n: timedelta(minutes=15) if n >= signin.FREE else timedelta(0))
    at = sign_in(open_page(), password="salah")
    assert any(e.value == t("data.sandi_salah") for e in at.error)
    assert len(at.file_uploader) == 1  # anyone may check a file ...
    assert [b for b in at.button if b.key == "data_simpan"] == []  # ... but not save one
    for _ in range(signin.FREE - 1):
        sign_in(at, password="masih-salah")
    # this client now waits: the page says so and shows no sign-in form; the password was never checked again
    at = open_page()
    assert any(w.value.startswith("Terlalu banyak percobaan masuk yang gagal dari perangkat ini") for w in at.warning)
    assert not [x for x in at.text_input if x.key in ("data_nama_editor", "data_sandi")]
    assert signin.wait(store.Store(editor), "tak-dikenal") > timedelta(minutes=14)


# ------------------------------------------------------------------------------------- village STBM
DESA = "\n".join([
    "Kode Desa;Nama Desa;Kecamatan;Tahun;Jumlah KK;JSP;JSSP;Sharing;BABS;Status SBS;Tanggal verifikasi",
    "63.10.01.2001;Sungai Satu;Batulicin;2024;120;70;30;10;0;ODF terverifikasi;17-05-2023",
    "63.10.01.2002;Sungai Dua;Batulicin;2024;200;100;40;20;10;Sudah deklarasi;",
    "63.10.02.2001;Pantai Satu;Kusan Hilir;2024;150;90;30;10;5;Belum ODF;"]).encode()


def stbm_page() -> AppTest:
    """The STBM page on its village tab (the tabs build only the one shown)."""
    at = AppTest.from_file(str(ROOT / "app_pages" / "stbm.py"), default_timeout=TIMEOUT)
    at.session_state["stbm_tab"] = t("stbm.desa_judul")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def village_table(at: AppTest) -> pd.DataFrame | None:
    tables = [d.value for d in at.dataframe if t("stbm.k_desa") in d.value.columns]
    return tables[0] if tables else None


def test_a_desa_table_is_imported_and_the_stbm_page_shows_its_villages(editor: str, dataset: Dataset) -> None:
    before = stbm_page()  # the bundled illustrative village table: the 157 villages of the 2025 code list
    assert len(village_table(before)) == 157 and any(t("stbm.desa_ilustratif") in c.value for c in before.caption)

    at = sign_in(open_page())
    at.selectbox(key="data_jenis").set_value("stbm_desa").run()
    assert any(c.value == t("data.bantuan_stbm_desa") for c in at.caption)
    at.file_uploader(key="unggah_stbm_desa_0").set_value(("stbm_desa_2024.csv", DESA, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    summary = [s.value for s in at.success if s.value.startswith("Siap dimuat")]
    assert summary == ["Siap dimuat: 3 baris desa, tahun 2024; pada 2024: 3 desa/kelurahan di 2 kecamatan, "
                       "1 ODF terverifikasi."]
    assert store.Store(editor).active_id() == 0  # nothing saved before the editor says so
    # by default the three villages would join the 157 bundled ones; this report is meant to be the whole table
    assert any(m.value.startswith(f"**{t('data.perubahan_judul')}** 3 baris baru, 0 berubah, 753 tetap")
               for m in at.markdown)
    at.radio(key="data_cara").set_value("ganti").run()
    assert any(w.value.startswith("Seluruh tabel diganti dengan isi berkas: 753 baris") for w in at.warning)
    at.button(key="data_simpan").click().run()
    assert not at.exception, [e.value for e in at.exception]
    s = store.Store(editor)
    assert s.active_id() == 1 and s.versions().set_index("id").loc[1, "jenis"] == "stbm_desa"
    assert s.table("stbm_desa", 1, dataset)["status_odf"].tolist() == ["terverifikasi", "deklarasi", "belum"]

    after = stbm_page()
    table = village_table(after)
    assert table is not None
    assert table[t("stbm.k_desa")].tolist() == ["Sungai Satu", "Sungai Dua", "Pantai Satu"]
    assert table[t("stbm.k_status")].tolist() == [t("stbm.terverifikasi"), t("stbm.deklarasi"), t("stbm.belum")]
    # the bundled village boundaries draw the map; these made-up codes have no polygon, and the page says so
    assert not any(i.value == t("stbm.desa_perlu_batas") for i in after.info)
    assert not any(t("stbm.desa_ilustratif") in c.value for c in after.caption)
    assert table[t("stbm.k_peta")].tolist() == [t("stbm.peta_tidak")] * 3
    assert any(t("stbm.desa_tanpa_poligon", n=3, nama="Sungai Satu")[:12] in c.value for c in after.caption)
    # STBM now comes from the editor's table: the banner names only the access table as illustrative
    assert any(w.value == t("banner.ilustratif_sebagian", tabel=t("data.jenis_akses")) for w in after.warning)
    # the village line of the latest village year up to the reference year (2025, from the access data)
    assert t("stbm.desa_ringkas", tahun=2024, desa=3, terverifikasi=1, deklarasi=1, belum=1) in \
        [m.value for m in after.markdown]


def test_a_bad_desa_table_shows_its_problems_and_saves_nothing(editor: str) -> None:
    at = sign_in(open_page())
    at.selectbox(key="data_jenis").set_value("stbm_desa").run()
    bad = DESA.replace(b"Pantai Satu;Kusan Hilir;2024;150", b"Pantai Satu;Batulicin;2024;150").replace(
        b"Sudah deklarasi", b"hampir")
    at.file_uploader(key="unggah_stbm_desa_0").set_value(("stbm_desa.csv", bad, "text/csv")).run()
    assert any(e.value == t("data.masalah", n=2) for e in at.error)
    assert problems_table(at)["Baris"].tolist() == [3, 4]
    assert [b for b in at.button if b.key == "data_simpan"] == []
    assert store.Store(editor).versions()["id"].tolist() == [0]


def test_with_desa_boundaries_the_stbm_page_draws_the_village_map(db: str, dataset: Dataset) -> None:
    s = store.Store(db)
    s.save("stbm_desa", readers.read_stbm_desa(Source("d.csv", DESA), dataset.wilayah), store.Meta("d.csv", "x", "uji"),
           bundled=dataset, mode=history.GANTI)
    rows = []
    for kec, codes in (("63.10.01", ("2001", "2002")), ("63.10.02", ("2001",))):
        g = dataset.batas.loc[dataset.batas["kode"] == kec].geometry.iloc[0]
        x0, y0, x1, y1 = g.bounds
        w = (x1 - x0) / len(codes)
        rows += [{"kode": f"{kec}.{c}", "nama": f"Desa {c}",
                  "geometry": g.intersection(box(x0 + j * w, y0 - 1, x0 + (j + 1) * w, y1 + 1))}
                 for j, c in enumerate(codes)]
    villages = gpd.GeoDataFrame(rows, crs="EPSG:4326").to_json().encode()
    s.save("batas_desa", readers.read_boundaries_desa(Source("desa.geojson", villages), dataset.wilayah),
           store.Meta("desa.geojson", "x", "uji"), bundled=dataset, mode=history.GANTI)
    at = stbm_page()
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    maps = [sp for sp in specs if charts.plain_title(sp)[0] == [t("stbm.grafik_desa", tahun=2024)]]
    assert len(maps) == 1
    colour = maps[0]["layer"][0]["encoding"]["color"]
    assert colour["scale"]["domain"] == [t("stbm.terverifikasi"), t("stbm.deklarasi"), t("stbm.belum")]
    assert not any(i.value == t("stbm.desa_perlu_batas") for i in at.info)
    assert len(village_table(at)) == 3


# ------------------------------------------------------------------ single sign-on (Streamlit OIDC)

SSO = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "k" * 32, "client_id": "dasbor",
       "client_secret": "rahasia", "server_metadata_url": "https://sso.tanahbumbukab.go.id/.well-known/openid"}
ANI = {"is_logged_in": True, "email": "ani@tanahbumbukab.go.id", "name": "Ani", "email_verified": True}


def sso_page(user: dict, emails: list[str] | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.secrets["auth"] = SSO
    at.secrets["editor"] = {"emails": emails if emails is not None else ["Ani@TanahBumbuKab.go.id"]}
    at.user = user
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_sso_offers_the_office_login_and_nothing_else_before_sign_in(db: str) -> None:
    at = sso_page({"is_logged_in": False})
    assert [b.label for b in at.button if b.key == "data_sso_utama"] == [t("data.masuk_sso")]
    assert any(c.value == t("data.sso_kembali") for c in at.caption)  # where the sign-in comes back to
    assert len(at.file_uploader) == 1  # a dry run is anyone's; saving is not
    assert len(at.text_input) == 0  # no password configured: no password form
    assert not any(i.value == t("data.editor_belum") for i in at.info)


def test_a_listed_sso_account_may_load_data(db: str) -> None:
    at = sso_page(ANI)
    assert any(s.value == t("data.editor_masuk", nama="Ani (ani@tanahbumbukab.go.id)") for s in at.success)
    assert len(at.file_uploader) == 1
    assert [b for b in at.button if b.key == "data_sso_utama"] == []


def test_sso_sign_out_ends_the_identity_and_stops_the_page(db: str) -> None:
    """Sign-out must not be followed by a rerun: a rerun drops the redirect to /auth/logout before it is sent."""
    at = sso_page(ANI)
    next(b for b in at.button if b.key == "data_keluar").click().run()
    assert not at.exception
    assert not at.user.get("is_logged_in")  # st.logout() emptied the session's identity
    assert len(at.file_uploader) == 0  # the run stopped there: nothing editable drawn while leaving
    # no rerun either (a rerun would draw the sign-in button again, having dropped the redirect)
    assert [b for b in at.button if b.key == "data_sso_utama"] == []
    assert at.session_state["_editor"] is False


def test_an_unlisted_sso_account_stays_read_only(db: str) -> None:
    at = sso_page({**ANI, "email": "tamu@gmail.com"})
    assert any(w.value == t("data.sso_bukan_editor", email="tamu@gmail.com") for w in at.warning)
    assert any(c.value == t("data.uji_tanpa_masuk") for c in at.caption)  # may check a file, not save it
    assert [b for b in at.button if b.key in ("data_aktifkan", "data_hapus", "data_simpan")] == []


def test_sso_without_listed_editors_is_not_offered(db: str) -> None:
    at = sso_page({"is_logged_in": False}, emails=[])
    assert [b for b in at.button if str(b.key).startswith("data_sso")] == []
    assert any(i.value == t("data.editor_belum") for i in at.info)  # still says how to set it up


def test_password_and_sso_can_both_be_offered(editor: str) -> None:
    at = sso_page({"is_logged_in": False})
    assert any(b.key == "data_sso_utama" for b in at.button)
    sign_in(at)
    assert any(s.value == t("data.editor_masuk", nama="Ani (kata sandi bersama)") for s in at.success)
    assert len(at.file_uploader) == 1


def test_an_instrumen_ssk_workbook_is_imported_and_the_programme_page_uses_it(editor: str, dataset: Dataset) -> None:
    """The Instrumen-SSK-like workbook the tests make (title rows, merged programme cells, years as columns, figures
    as Indonesian text) is read on the Data page, replaces the bundled matrix, and the Program SSK page plans with it;
    the page's download of the stored matrix loads back unchanged."""
    from helpers import instrumen_xlsx

    at = sign_in(open_page())
    at.selectbox(key="data_jenis").set_value("ssk").run()
    assert any(c.value == t("data.bantuan_ssk") for c in at.caption)
    workbook = instrumen_xlsx()
    at.file_uploader(key="unggah_ssk_0").set_value(("tabel_5_1.xlsx", workbook, "application/vnd.ms-excel")).run()
    assert not at.exception, [e.value for e in at.exception]
    summary = [s.value for s in at.success if s.value.startswith("Siap dimuat")]
    assert summary == ["Siap dimuat: 10 baris matriks SSK, 5 kegiatan dari 2 OPD, tahun 2026–2028."]
    # how the sheet was read is said: its layout, the merged cells filled, the heading and totals rows
    notes = " ".join(i.value for i in at.info)
    assert "Tata letak Instrumen SSK: tahun 2026–2028" in notes and "Baris jumlah/total diabaikan (baris 12)" in notes
    at.radio(key="data_cara").set_value("ganti").run()
    at.button(key="data_simpan").click().run()
    assert not at.exception, [e.value for e in at.exception]
    s = store.Store(editor)
    assert s.active_id() == 1 and s.versions().set_index("id").loc[1, "jenis"] == "ssk"
    saved = s.table("ssk", 1, dataset)
    expected = readers.read_kind("ssk", Source("tabel_5_1.xlsx", workbook), dataset.wilayah)
    pd.testing.assert_frame_equal(saved.reset_index(drop=True), expected.reset_index(drop=True), check_dtype=False)
    # the download the page offers for this version (the Instrumen layout as CSV) reads back as the same rows
    back = readers.read_kind("ssk", Source("ssk_versi_1.csv", exports.table_file("ssk", saved, dataset.wilayah,
                                                                                ".csv")), dataset.wilayah)
    assert history.changes("ssk", saved, back, history.GANTI).nothing

    page = AppTest.from_file(str(ROOT / "app_pages" / "program_ssk.py"), default_timeout=TIMEOUT)
    page.query_params["indikator"] = "layak"
    page.query_params["capai"] = "2029"
    page.run()
    assert not page.exception, [e.value for e in page.exception]
    # layak in the workbook: one communal IPAL (45 KK) in Satui in 2026, two in 2027: 135 KK over 2026-2029
    assert any("Rencana SSK menjangkau **34 KK per tahun** (2026–2029)" in x for x in prose(page))


def test_a_visitors_file_over_the_viewer_limit_is_refused_before_it_is_read(db: str,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Visitors may check files up to 5 MB, editors up to 50 (Streamlit's own limit, one for everyone): a larger
    file is refused from its size, saying both limits, and nothing in it is copied or parsed."""
    calls: list[str] = []
    for name in ("source", "sheet_names", "read_kind"):
        original = getattr(readers, name)
        monkeypatch.setattr(readers, name, lambda *a, _f=original, _n=name, **k: (calls.append(_n), _f(*a, **k))[1])
    over = (HEADER + "\n").encode() + b"\n" * (limits.VIEWER_BYTES - len(HEADER))  # one byte over 5 MB
    assert len(over) == limits.VIEWER_BYTES + 1
    at = upload(open_page(), "besar.csv", over)
    assert [e.value for e in at.error] == [t("data.terlalu_besar", nama="besar.csv", ukuran="5,0", batas=5,
                                             batas_editor=50)]
    assert calls == []
    # a file at the limit is read (the refusal is the size, nothing else)
    at = upload(open_page(), "batas.csv", over[:-1])
    assert calls and t("data.terlalu_besar", nama="batas.csv", ukuran="5,0", batas=5, batas_editor=50) not in \
        [e.value for e in at.error]


def test_an_editor_may_check_a_file_over_the_viewer_limit(editor: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = readers.sheet_names
    monkeypatch.setattr(readers, "sheet_names", lambda *a, **k: (calls.append("sheet_names"), original(*a, **k))[1])
    over = (HEADER + "\n").encode() + b"\n" * (limits.VIEWER_BYTES - len(HEADER))
    at = upload(sign_in(open_page()), "besar.csv", over)
    assert calls == ["sheet_names"]
    assert not [e for e in at.error if "tanpa masuk sebagai editor" in e.value]


def version_list(at: AppTest) -> lxml.html.HtmlElement:
    """The version list: the static table whose first heading is the version's."""
    found = [table for h in at.get("html") if "<div class='tabel'>" in h.proto.body
             for table in lxml.html.fragment_fromstring(h.proto.body, create_parent="div").xpath("//table")
             if table.xpath(".//thead//th")[0].text_content() == t("data.k_versi")]
    assert len(found) == 1
    return found[0]


def test_the_version_list_is_a_static_table_newest_first_the_active_outlined(db: str, dataset: Dataset) -> None:
    """The versions as a table to read (a data grid cost the browser a fifth of the page's click): every version
    newest first, the active one's row outlined (not the newest: version 1 activated again), a file's name shown
    as typed, and no data grid for them."""
    s = store.Store(db)
    for name in ("sampah.csv", "<b>sampah</b> & co.csv"):
        s.save("sampah", dataset.sampah.iloc[:3], store.Meta(name, "x", "Ani"), bundled=dataset)
    s.activate(1)
    at = open_page()
    table = version_list(at)
    rows = table.xpath(".//tbody/tr")
    assert [r.xpath("./td|./th")[0].text_content() for r in rows] == ["2", "1", "0"]
    assert "<b>sampah</b> & co.csv" in rows[0].text_content()  # escaped, not markup
    assert [r.get("class") for r in rows] == [None, "pilih", None]
    assert not [d for d in at.dataframe if t("data.k_versi") in d.value.columns]


def test_a_long_version_list_scrolls_in_its_box(db: str, dataset: Dataset) -> None:
    s = store.Store(db)
    for i in range(ui_data.VERSIONS_ROWS):
        s.save("sampah", dataset.sampah.iloc[:3], store.Meta(f"sampah_{i}.csv", "x", "Ani"), bundled=dataset)
    at = open_page()
    assert len(version_list(at).xpath(".//tbody/tr")) == ui_data.VERSIONS_ROWS + 1
    [box] = [b for b in at.main.children.values() if getattr(b.proto, "id", "").endswith("-data_versi_gulir")]
    assert box.proto.height_config.pixel_height == ui_data.VERSIONS_HEIGHT
    assert [h for h in box.children.values() if t("data.k_versi") in h.proto.body]  # the list is what scrolls
