"""python -m sanitasi.cli: the Data page's import path from a terminal, with exit codes and no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import box

from sanitasi import cli as cli_module
from sanitasi import exports, kinds, readers, store
from sanitasi.indicators import RUNG_COLUMNS
from sanitasi.tables import Source

ROOT = Path(__file__).resolve().parent.parent
HEADER = ";".join(["kode_wilayah", "kecamatan", "tahun", "jumlah_kk", *RUNG_COLUMNS])
GOOD = "\n".join([HEADER, "63.10.01;Batulicin;2025;100;10;50;10;20;10",
                  "63.10.02;Kusan Hilir;2025;200;20;100;20;40;20"])
BAD = "\n".join([HEADER,
                 "63.10.01;Batulicin;2025;100;sepuluh;50;10;20;10",  # row 2: text in a number column
                 ";Batu Lincin;2025;100;10;50;10;20;10",  # row 3: unknown kecamatan
                 "63.10.02;Kusan Hilir;2025;200;20;100;20;40;15"])  # row 4: rungs 5 short of jumlah_kk


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, store.ENV_URL: f"sqlite:///{tmp_path / 'cli.db'}", "PYTHONPATH": str(ROOT)}


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sanitasi.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def versions(env: dict[str, str]) -> list[int]:
    return [int(v) for v in store.Store(env[store.ENV_URL]).versions()["id"]]


def test_dry_run_of_a_good_file(env: dict[str, str], tmp_path: Path) -> None:
    r = cli(env, "import", "--kind", "akses", write(tmp_path, "akses.csv", GOOD), "--dry-run")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "siap dimuat: 2 baris akses dari akses.csv (uji coba, tidak disimpan)" in r.stdout
    assert versions(env) == [0]  # a dry run saves nothing


def test_a_bad_file_exits_2_with_every_problem_in_indonesian(env: dict[str, str], tmp_path: Path) -> None:
    r = cli(env, "import", "--kind", "akses", write(tmp_path, "akses_salah.csv", BAD))
    out = r.stdout + r.stderr
    assert r.returncode == 2, out
    assert "Traceback" not in out
    problems = [line for line in r.stdout.splitlines() if line.startswith("masalah: ")]
    assert len(problems) == 3, out  # one line each, all found in one pass
    assert any("baris 2" in p and "kk_aman" in p and "harus berupa angka" in p for p in problems)
    assert any("baris 3" in p and "kecamatan tidak dikenal" in p and "Batulicin (63.10.01)" in p for p in problems)
    assert any("baris 4" in p and "selisih 5" in p for p in problems)
    assert r.stdout.splitlines()[-1] == "3 masalah; tidak ada yang disimpan."
    assert versions(env) == [0]


def test_import_creates_an_active_version_listed_by_versions(env: dict[str, str], tmp_path: Path) -> None:
    r = cli(env, "import", "--kind", "akses", write(tmp_path, "akses_2025.csv", GOOD), "--oleh", "Budi",
            "--catatan", "data Dinkes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "dimuat sebagai versi 1 (2 baris akses); versi ini sekarang aktif" in r.stdout
    s = store.Store(env[store.ENV_URL])
    assert s.active_id() == 1
    row = s.versions().set_index("id").loc[1]
    assert (row["oleh"], row["berkas"], row["catatan"], row["jumlah_baris"]) == ("Budi", "akses_2025.csv",
                                                                                 "data Dinkes", 2)
    listing = cli(env, "versions")
    assert listing.returncode == 0
    lines = listing.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("*    1") and "akses_2025.csv" in lines[0] and "Budi" in lines[0]
    assert lines[1].startswith("     0") and "bawaan" in lines[1]
    assert " 1805 baris" in lines[1]  # the bundled tables' rows (tests/views/test_data.py), not 0


# The same contract in-process (no interpreter start-up per case): exit code and what is printed.
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, env: dict[str, str], *args: str):
    monkeypatch.setenv(store.ENV_URL, env[store.ENV_URL])
    code = cli_module.main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize(("name", "content", "fragment"), [
    ("foto.csv", b"\x89PNG\r\n\x1a\n" + bytes(64), "bukan tabel teks"),
    ("kosong.csv", b"", "berkas kosong"),
    ("lama.xls", b"\xd0\xcf\x11\xe0" + bytes(64), "format .xls lama tidak didukung"),
], ids=["png", "empty", "xls"])
def test_files_that_are_not_tables_exit_2(monkeypatch, capsys, env, tmp_path: Path, name: str, content: bytes,
                                          fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "akses", str(path))
    assert code == 2 and out.startswith("masalah: ") and fragment in out


def test_a_missing_file_exits_2(monkeypatch, capsys, env, tmp_path: Path) -> None:
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "target", str(tmp_path / "tidak_ada.csv"))
    assert code == 2 and "berkas tidak ditemukan" in out


def test_boundaries_from_a_shapefile_path(monkeypatch, capsys, env, tmp_path: Path) -> None:
    shp = tmp_path / "batas_kecamatan.shp"  # the bundled kecamatan layer, saved as officials get BIG's
    gpd.read_file(ROOT / "data" / "batas_kecamatan.geojson").to_file(shp, driver="ESRI Shapefile")
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "batas", str(shp), "--dry-run")
    assert code == 0, out
    assert "siap dimuat: 12 baris batas" in out


def test_activate(monkeypatch, capsys, env, tmp_path: Path) -> None:
    code, out = run(monkeypatch, capsys, env, "activate", "7")
    assert code == 2 and "versi tidak ada" in out
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "akses", write(tmp_path, "a.csv", GOOD))
    assert code == 0 and store.Store(env[store.ENV_URL]).active_id() == 1
    code, out = run(monkeypatch, capsys, env, "activate", "0")
    assert (code, out.strip()) == (0, "versi 0 sekarang aktif")
    assert store.Store(env[store.ENV_URL]).active_id() == 0


def test_unexpected_errors_exit_1_without_a_traceback(monkeypatch, capsys, env, tmp_path: Path) -> None:
    def broken(*_a, **_k):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(store.Store, "save", broken)
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "akses", write(tmp_path, "a.csv", GOOD))
    assert code == 1 and out.strip().splitlines()[-1] == "kesalahan tak terduga: RuntimeError: disk penuh"
    assert "Traceback" not in out


DESA = "\n".join(["kode_desa;desa;kecamatan;tahun;jumlah_kk;kk_jsp;kk_jssp;kk_sharing;kk_od;status_odf",
                  "63.10.01.2001;Sungai Satu;Batulicin;2024;120;70;30;10;0;terverifikasi",
                  "63.10.01.2002;Sungai Dua;Batulicin;2024;100;60;30;10;5;belum"])  # row 3: 105 KK > 100


@pytest.mark.parametrize(("kind", "text", "rows"), [
    ("stbm_desa", DESA.rsplit("\n", 1)[0], 1),
    ("sampah", "tahun;timbulan_ton;pengurangan_ton;penanganan_ton\n2025;62700;5500;30000", 1),
    ("drainase", "kecamatan;tahun;genangan_ha\nSatui;2025;3,5\nMantewe;2025;0", 2),
    ("kegiatan", "tahun;opd;kegiatan;indikator;target_output;realisasi_output;satuan;kk_per_satuan;pagu;"
                 "realisasi_anggaran\n2025;Dinas Kesehatan;Pemicuan;desa_odf;18;12;desa;0;810000000;600000000", 1),
    ("komitmen", "klinik;pihak;komitmen;tenggat;status\n2026-11-20;Dinkes;Pemicuan;2027-06-30;belum", 1),
])
def test_the_new_kinds_load_from_the_command_line(monkeypatch, capsys, env, tmp_path: Path, kind: str, text: str,
                                                  rows: int) -> None:
    code, out = run(monkeypatch, capsys, env, "import", "--kind", kind, write(tmp_path, f"{kind}.csv", text))
    assert code == 0, out
    assert f"dimuat sebagai versi 1 ({rows} baris {kind}); versi ini sekarang aktif" in out
    assert store.Store(env[store.ENV_URL]).versions().set_index("id").loc[1, "jenis"] == kind


def test_a_bad_desa_table_exits_2_and_saves_nothing(monkeypatch, capsys, env, tmp_path: Path) -> None:
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "stbm_desa", write(tmp_path, "desa.csv", DESA))
    assert code == 2, out
    assert "baris 3" in out and "melebihi jumlah KK; lebih 5" in out
    assert out.splitlines()[-1] == "1 masalah; tidak ada yang disimpan."
    assert versions(env) == [0]


def test_desa_boundaries_from_a_shapefile_path(monkeypatch, capsys, env, tmp_path: Path, dataset) -> None:
    gdf = gpd.GeoDataFrame({"KDEPUM": ["63.10.01.2001", "63.10.01.2002"], "WADMKD": ["Satu", "Dua"]},
                           geometry=[box(115.90, -3.46, 115.93, -3.43), box(115.93, -3.46, 115.96, -3.43)],
                           crs="EPSG:4326")
    gdf.to_file(tmp_path / "desa.shp")
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "batas_desa", str(tmp_path / "desa.shp"))
    assert code == 0, out
    assert "dimuat sebagai versi 1 (2 baris batas_desa)" in out
    assert "perubahan: 2 baris baru, 0 berubah, 149 tetap; tabel menjadi 151 baris." in out
    stored = store.Store(env[store.ENV_URL]).table("batas_desa", 1, dataset)
    assert stored["kode"].tolist()[-2:] == ["63.10.01.2001", "63.10.01.2002"]  # beside the 149 villages kept
    assert stored["kode"].tolist()[:-2] == dataset.batas_desa["kode"].tolist()


# ------------------------------------------------------------------------------------- history kept, export
def export(monkeypatch, capsys, env, kind: str, path: Path) -> None:
    code, out = run(monkeypatch, capsys, env, "export", "--kind", kind, "--out", str(path))
    assert code == 0, out


def stored(env: dict[str, str], kind: str, dataset):
    s = store.Store(env[store.ENV_URL])
    return s.table(kind, s.active_id(), dataset)


def test_a_2025_file_keeps_2018_to_2024(monkeypatch, capsys, env, tmp_path: Path, dataset) -> None:
    """This year's kecamatan file over the bundled table: its rows are added, every earlier year stays."""
    rows = dataset.akses.loc[dataset.akses["tahun"] == 2025]
    lines = [HEADER] + [";".join(str(v) for v in (r.kode_wilayah, "", 2025, r.jumlah_kk, r.kk_aman + 1,
                                                  r.kk_layak_sendiri, r.kk_layak_bersama, r.kk_belum_layak - 1,
                                                  r.kk_babs_terbuka)) for r in rows.itertuples()]
    path = write(tmp_path, "stbm_2025.csv", "\n".join(lines))
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "akses", path, "--dry-run")
    assert code == 0 and "perubahan: 12 baris baru, 0 berubah, 90 tetap; tabel menjadi 102 baris." in out
    assert versions(env) == [0]
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "akses", path, "--sumber", "Dinkes STBM 2025")
    assert code == 0, out
    assert "sumber: Dinkes STBM 2025 (dari --sumber atau bawaan); satuan: kk" in out
    export(monkeypatch, capsys, env, "akses", tmp_path / "aktif.csv")
    back = readers.read_akses(tmp_path / "aktif.csv", dataset.wilayah)
    assert sorted(back["tahun"].unique()) == list(range(2018, 2026))
    old = back.loc[back["sumber"] == "ilustratif"].reset_index(drop=True)
    pd.testing.assert_frame_equal(old, dataset.akses)  # every bundled row, as it was
    new = back.loc[back["sumber"] == "Dinkes STBM 2025"]
    assert len(new) == 12 and (new["kk_aman"].to_numpy() == rows["kk_aman"].to_numpy() + 1).all()
    # the same rows again, one household moved: 12 changed, listed old -> new, none new
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "akses", path, "--sumber", "Dinkes STBM 2025",
                    "--dry-run")
    assert "perubahan: Tidak ada yang berubah" in out


def test_replacing_the_whole_table_is_asked_for(monkeypatch, capsys, env, tmp_path: Path, dataset) -> None:
    path = write(tmp_path, "akses.csv", GOOD)
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "akses", path, "--ganti-semua")
    assert code == 0, out
    assert "perubahan: 2 baris baru, 0 berubah, 0 tetap; tabel menjadi 2 baris." in out
    assert "peringatan: Seluruh tabel diganti dengan isi berkas: 90 baris yang tidak ada di berkas" in out
    assert len(stored(env, "akses", dataset)) == 2


def test_a_kabupaten_series_from_the_command_line(monkeypatch, capsys, env, tmp_path: Path, dataset) -> None:
    path = write(tmp_path, "susenas.csv", "Kabupaten/Kota;Tahun;% layak;% aman;RSE layak\n"
                 "Kabupaten Tanah Bumbu;2023;85,35;8,00;1,2\nKabupaten Tanah Bumbu;2024;86,90;9,15;1,1")
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "akses", path, "--resmi", "ya",
                    "--sumber", "BPS Susenas Maret 2024")
    assert code == 0, out
    assert "tingkat: kabupaten; sumber: BPS Susenas Maret 2024" in out and "satuan: rumah_tangga" in out
    a = stored(env, "akses", dataset)
    kab = a.loc[a["kode_wilayah"] == "63.10"]
    assert kab[["tahun", "pct_layak", "pct_aman", "rse_layak"]].values.tolist() == [[2023, 85.35, 8.0, 1.2],
                                                                                  [2024, 86.9, 9.15, 1.1]]
    assert set(kab["sumber"]) == {"BPS Susenas Maret 2024"} and set(kab["resmi"]) == {"ya"}
    assert set(kab["satuan"]) == {"rumah_tangga"} and len(a) == len(dataset.akses) + 2


def test_a_one_indicator_table_needs_its_indicator(monkeypatch, capsys, env, tmp_path: Path) -> None:
    path = write(tmp_path, "nilai.csv", "Tahun;Nilai\n2024;86,9")
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "akses", path)
    assert code == 2 and "--indikator" in out
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "akses", path, "--indikator", "layak", "--dry-run")
    assert code == 0, out


def test_access_options_on_another_kind_are_refused(monkeypatch, capsys, env, tmp_path: Path) -> None:
    path = write(tmp_path, "sampah.csv", "tahun;timbulan_ton;pengurangan_ton;penanganan_ton\n2025;62700;5500;30000")
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "sampah", path, "--sumber", "DLH")
    assert code == 2 and "pilihan ini hanya untuk --kind akses" in out and versions(env) == [0]


def same_table(kind: str, a, b) -> None:
    """Two stored tables hold the same rows (in the order of their key), shapes compared point by point."""
    key, columns = list(kinds.get(kind).key), kinds.get(kind).contract.names
    a = a.sort_values(key).reset_index(drop=True)
    b = b.sort_values(key).reset_index(drop=True)
    if kind in kinds.geo():  # the bundled layers carry more attributes than the contract's (their source, area)
        assert a[columns].equals(b[columns])
        assert shapely.equals_exact(a.geometry.to_numpy(), b.geometry.to_numpy(), tolerance=1e-9).all()
        return
    pd.testing.assert_frame_equal(a, b)


FORMATS = [(k, s) for k in kinds.importable() for s in ((".geojson",) if k in kinds.geo() else (".csv", ".xlsx"))]


@pytest.mark.parametrize(("kind", "suffix"), FORMATS, ids=[f"{k}{s}" for k, s in FORMATS])
def test_export_then_import_is_lossless(monkeypatch, capsys, env, tmp_path: Path, dataset, kind: str,
                                        suffix: str) -> None:
    """The active table exported, then loaded back as the whole table: the same table."""
    path = tmp_path / f"{kind}{suffix}"
    export(monkeypatch, capsys, env, kind, path)
    code, out = run(monkeypatch, capsys, env, "import", "--kind", kind, str(path), "--ganti-semua")
    assert code == 0, out
    assert "perubahan: Tidak ada yang berubah" in out  # every row read back as it was stored
    same_table(kind, stored(env, kind, dataset), getattr(dataset, kind))


# One row of each kind's bundled table, with one value changed (a column outside the key, valid either way).
CHANGE = {"akses": ("resmi", "ya"), "target": ("catatan", "dikoreksi"), "batas": ("geometry", None),
          "biaya": ("sumber", "SSH 2026"), "stbm_desa": ("sumber", "Dinkes"), "batas_desa": ("nama", "Desa Baru"),
          "sampah": ("sumber", "SIPSN"), "drainase": ("sumber", "PUPR"), "kegiatan": ("sumber", "DPA 2025"),
          "komitmen": ("catatan", "dicek ulang"), "peran": ("catatan", "ditetapkan SK Pokja PPSP"),
          "ssk": ("sumber", "SSK Tanah Bumbu 2025-2029")}


@pytest.mark.parametrize("kind", kinds.importable())
def test_a_file_of_one_row_changes_that_row_and_keeps_the_rest(monkeypatch, capsys, env, tmp_path: Path, dataset,
                                                               kind: str) -> None:
    assert set(CHANGE) == set(kinds.importable())
    table = getattr(dataset, kind)
    column, value = CHANGE[kind]
    one = table.iloc[[3]].copy()
    if column == "geometry":
        one = one.set_geometry(one.geometry.translate(0.001, 0.0))
    else:
        one[column] = value
    suffix = ".geojson" if kind in kinds.geo() else ".csv"
    path = tmp_path / f"satu{suffix}"
    path.write_bytes(exports.table_file(kind, one, dataset.wilayah, suffix))
    code, out = run(monkeypatch, capsys, env, "import", "--kind", kind, str(path))
    assert code == 0, out
    assert f"perubahan: 0 baris baru, 1 berubah, {len(table) - 1} tetap; tabel menjadi {len(table)} baris." in out
    assert f" — {column}: " in out  # the changed value, old -> new
    after = stored(env, kind, dataset)
    expected = table.drop(index=table.index[3])
    if kind in kinds.geo():
        expected = gpd.GeoDataFrame(pd.concat([expected, one]), crs=table.crs)
    else:
        expected = pd.concat([expected, one.astype(table.dtypes.to_dict())])
    same_table(kind, after, expected)
    # loading the whole table instead replaces it, and says how many rows go
    code, out = run(monkeypatch, capsys, env, "import", "--kind", kind, str(path), "--ganti-semua", "--dry-run")
    assert f"peringatan: Seluruh tabel diganti dengan isi berkas: {len(table) - 1} baris" in out


def test_an_instrumen_ssk_workbook_loads_exports_and_loads_back_unchanged(monkeypatch, capsys, env, tmp_path: Path,
                                                                         dataset) -> None:
    """The Instrumen-SSK-like workbook the tests make (merged programme rows, years as columns, Indonesian number
    text) loads as the whole matrix; `export --kind ssk` writes it back in that layout (.xlsx and .csv), and each
    file loads again without a single change."""
    import openpyxl
    from helpers import instrumen_xlsx

    path = tmp_path / "tabel_5_1.xlsx"
    path.write_bytes(instrumen_xlsx())
    code, out = run(monkeypatch, capsys, env, "import", "--kind", "ssk", str(path), "--ganti-semua")
    assert code == 0, out
    first = stored(env, "ssk", dataset)
    expected = readers.read_kind("ssk", Source(path.name, path.read_bytes()), dataset.wilayah)
    same_table("ssk", first, expected)
    assert len(first) == 10 and set(first["tahun"]) == {2026, 2027, 2028}
    for suffix in (".xlsx", ".csv"):
        out_path = tmp_path / f"matriks{suffix}"
        export(monkeypatch, capsys, env, "ssk", out_path)
        code, out = run(monkeypatch, capsys, env, "import", "--kind", "ssk", str(out_path), "--ganti-semua")
        assert code == 0, out
        assert "perubahan: Tidak ada yang berubah" in out, suffix
        same_table("ssk", stored(env, "ssk", dataset), first)
    # the export keeps the layout: the years as columns under a merged "Volume", programme cells merged down
    ws = openpyxl.load_workbook(tmp_path / "matriks.xlsx")["matriks_ssk"]
    head, years = [c.value for c in ws[5]], [c.value for c in ws[6]]
    v = head.index("Volume")
    assert years[v:v + 3] == [2026, 2027, 2028]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert "C7:C9" in merged  # the waste-water programme over its three rows, as in the workbook loaded
