"""python -m sanitasi.cli: the Data page's import path from a terminal, with exit codes and no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import box

from sanitasi import cli as cli_module
from sanitasi import store
from sanitasi.indicators import RUNG_COLUMNS

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
    assert code == 1 and out.strip() == "kesalahan tak terduga: RuntimeError: disk penuh"


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
    stored = store.Store(env[store.ENV_URL]).table("batas_desa", 1, dataset)
    assert stored["kode"].tolist() == ["63.10.01.2001", "63.10.01.2002"]
