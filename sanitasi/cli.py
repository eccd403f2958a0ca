"""Command line for the same import path as the Data page: `python -m sanitasi.cli import --kind akses FILE`.

Every importable kind in the registry (`sanitasi.kinds`): akses, target, batas, biaya, stbm_desa, batas_desa,
sampah, drainase, kegiatan, komitmen. An import adds the file's rows to the active table or replaces the rows with
the same key; what the file does not mention stays (`--ganti-semua` replaces the whole table instead). Before
saving (and with --dry-run instead of saving) it prints what changes: rows new, changed (old -> new) and kept.
`export --kind KIND --out FILE` writes the active table as its import reads it (CSV or XLSX; GeoJSON for
boundaries), so an official can fix it in Excel and load it back.

For the access table, `--sumber`, `--satuan` and `--resmi` say the source, unit and official flag of the rows
whose file does not (defaults: a kabupaten file of percentages is "BPS Susenas <last year>" in rumah tangga, any
other its own name in KK; official only when told), and `--indikator` names the indicator of a one-indicator table.

This is the server administrator's tool: it needs no sign-in, because whoever can run it on the server can already
change the database. Editors load data on the Data page; `editor add NAMA` gives each of them a password.

Exit 0 when loaded (or, with --dry-run, when it would load), 2 when the file has problems (printed
one per line in Bahasa Indonesia), 1 for anything unexpected; never a traceback. The store is
chosen by SANITASI_DB_URL (default: a SQLite file under instance/).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from sanitasi import KODE_KABUPATEN, NAMA_KABUPATEN, auth, exports, history, kinds, load, readers, signin, store
from sanitasi.contracts import PERCENT_INDICATORS, SATUAN, YA_TIDAK
from sanitasi.errors import DataError, Problem

ASKED = ("sumber", "satuan", "resmi", "indikator")  # the access reader's choices, as options


def _read(args: argparse.Namespace, path: Path, bundled: load.Dataset):
    chosen = {k: getattr(args, k) for k in ASKED if getattr(args, k) is not None}
    if chosen and args.kind != "akses":
        options = ", ".join(f"--{k}" for k in chosen)
        raise DataError([Problem(path.name, None, None, options, "pilihan ini hanya untuk --kind akses")])
    if args.kind == "akses":
        return readers.read_kind("akses", path, bundled.wilayah, sheet=args.sheet, pilihan=chosen)
    return readers.read_kind(args.kind, path, bundled.wilayah, sheet=args.sheet)


def _said(frame) -> list[str]:
    """What the access reader decided about the file: its level, and the source, unit and flag it used."""
    if "tingkat" not in frame.attrs:
        return []
    used, asked = frame.attrs["pilihan"], frame.attrs["tanya"]
    parts = [f"{k}: {used[k]}" + (" (dari --" + k + " atau bawaan)" if k in asked else " (dari berkas)")
             for k in ("sumber", "satuan", "resmi")]
    return [f"tingkat: {frame.attrs['tingkat']}; " + "; ".join(parts)]


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    bundled = load.load_bundled()
    frame = _read(args, path, bundled)
    for note in frame.attrs.get("catatan", []):
        print(f"catatan: {note}")
    for line in _said(frame):
        print(line)
    mode = history.GANTI if args.ganti_semua else history.GABUNG
    s = store.Store()
    changes = s.preview(args.kind, frame, bundled, mode)
    print(f"perubahan: {history.summary(changes)}")
    names = {**bundled.names, KODE_KABUPATEN: NAMA_KABUPATEN}
    for line in history.lines(changes, names):
        print(f"  {line}")
    if (warn := history.warning(changes)) is not None:
        print(f"peringatan: {warn}")
    if args.dry_run:
        print(f"siap dimuat: {len(frame)} baris {args.kind} dari {path.name} (uji coba, tidak disimpan)")
        return 0
    data = path.read_bytes() if path.is_file() else b""
    meta = store.Meta(berkas=path.name, checksum=store.checksum(data), oleh=args.oleh, catatan=args.catatan)
    version = s.save(args.kind, frame, meta, bundled=bundled, mode=mode)
    print(f"dimuat sebagai versi {version} ({len(frame)} baris {args.kind}); versi ini sekarang aktif")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    bundled = load.load_bundled()
    s = store.Store()
    version = s.active_id() if args.versi is None else args.versi
    frame = s.table(args.kind, version, bundled)
    if frame is None:
        raise DataError([Problem(args.kind, None, None, str(version), "versi ini belum punya tabel ini")])
    data = exports.table_file(args.kind, frame, bundled.wilayah, out.suffix)
    out.write_bytes(data)
    print(f"{len(frame)} baris {args.kind} dari versi {version} ditulis ke {out}")
    return 0


def cmd_versions(_args: argparse.Namespace) -> int:
    table = store.Store().versions()
    for _, r in table.iterrows():
        mark = "*" if r["aktif"] else " "
        when = store.local_time(r["dibuat"])
        # version 0 is the bundled files, which the store never reads: their rows are counted here
        rows = load.row_count(load.load_bundled()) if r["id"] == store.BUNDLED else int(r["jumlah_baris"])
        print(f"{mark} {int(r['id']):>4}  {when:<16}  {r['jenis']:<7} {r['berkas']:<30} {rows:>6} "
              f"baris  {r['oleh']}")
    return 0


def cmd_activate(args: argparse.Namespace) -> int:
    store.Store().activate(args.version)
    print(f"versi {args.version} sekarang aktif")
    return 0


def _password() -> str:
    """A password typed twice at a terminal, or one line from a pipe without its line ending (CRLF too: a
    password file saved on Windows); a blank one is refused."""
    if sys.stdin.isatty():
        first = getpass.getpass("Kata sandi editor: ")
        if getpass.getpass("Ulangi: ") != first:
            raise DataError([Problem("kata sandi", None, None, None, "kata sandi tidak sama")])
    else:
        first = sys.stdin.readline().rstrip("\r\n")
    if not first.strip():
        raise DataError([Problem("kata sandi", None, None, None, "kata sandi tidak boleh kosong")])
    return first


def cmd_hash(_args: argparse.Namespace) -> int:
    print(auth.hash_password(_password()))
    return 0


def cmd_editor(args: argparse.Namespace) -> int:
    """Named editors, each with a password of their own: the audit trail names who signed in."""
    s = store.Store()
    if args.aksi == "list":
        for _, r in signin.editors(s).iterrows():
            print(f"{r['nama']}  (sejak {store.local_time(r['dibuat'])})")
        return 0
    if not args.nama:
        raise DataError([Problem("editor", None, None, None, "nama editor wajib diisi")])
    if args.aksi == "add":
        signin.add_editor(s, args.nama, _password())
        print(f"editor {args.nama.strip()} ditambahkan (atau kata sandinya diganti)")
        return 0
    if not signin.remove_editor(s, args.nama):
        raise DataError([Problem("editor", None, None, args.nama, "editor ini tidak ada")])
    print(f"editor {args.nama.strip()} dihapus")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m sanitasi.cli", description="Impor dan versi data dasbor sanitasi")
    sub = p.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="muat berkas sebagai versi baru")
    imp.add_argument("--kind", required=True, choices=list(kinds.importable()))
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="periksa saja, jangan simpan")
    imp.add_argument("--sheet", help="nama lembar untuk berkas XLSX dengan beberapa lembar")
    imp.add_argument("--oleh", default=os.environ.get("USER") or getpass.getuser() or "cli")
    imp.add_argument("--catatan", default="")
    imp.add_argument("--ganti-semua", action="store_true",
                     help="ganti seluruh tabel dengan isi berkas (bawaan: tambahkan/perbarui baris, sisanya tetap)")
    imp.add_argument("--sumber", help="akses: sumber baris yang tidak menyebutnya, mis. 'BPS Susenas Maret 2024'")
    imp.add_argument("--satuan", choices=list(SATUAN), help="akses: satuan hitung baris yang tidak menyebutnya")
    imp.add_argument("--resmi", choices=list(YA_TIDAK), help="akses: apakah angka ini resmi (bawaan: tidak)")
    imp.add_argument("--indikator", choices=list(PERCENT_INDICATORS),
                     help="akses: indikator tabel yang hanya berisi satu nilai per tahun")
    imp.set_defaults(run=cmd_import)
    exp = sub.add_parser("export", help="tulis tabel versi aktif sebagai berkas yang bisa dimuat lagi")
    exp.add_argument("--kind", required=True, choices=list(kinds.held()))
    exp.add_argument("--out", required=True, help="berkas .csv atau .xlsx (.geojson untuk batas)")
    exp.add_argument("--versi", type=int, help="versi lain dari yang aktif")
    exp.set_defaults(run=cmd_export)
    ver = sub.add_parser("versions", help="daftar versi tersimpan")
    ver.set_defaults(run=cmd_versions)
    act = sub.add_parser("activate", help="aktifkan versi")
    act.add_argument("version", type=int)
    act.set_defaults(run=cmd_activate)
    hp = sub.add_parser("hash-password", help="buat hash kata sandi editor untuk secrets.toml")
    hp.set_defaults(run=cmd_hash)
    ed = sub.add_parser("editor", help="tambah, hapus atau daftar editor bernama (masing-masing dengan kata sandi)")
    ed.add_argument("aksi", choices=["add", "remove", "list"])
    ed.add_argument("nama", nargs="?")
    ed.set_defaults(run=cmd_editor)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except DataError as err:
        for problem in err.problems:
            print(f"masalah: {problem}")
        if err.more:
            print(f"masalah: dan {err.more} masalah lain (tidak dicantumkan)")
        print(f"{err.total} masalah; tidak ada yang disimpan.")
        return 2
    except Exception as exc:  # noqa: BLE001 - the contract is "never a traceback"
        print(f"kesalahan tak terduga: {type(exc).__name__}: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
