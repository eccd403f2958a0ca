"""Command line for the same import path as the Data page: `python -m sanitasi.cli import --kind akses FILE`.

Every importable kind in the registry (`sanitasi.kinds`): akses, target, batas, biaya, stbm_desa, batas_desa,
sampah, drainase, kegiatan, komitmen.

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

from sanitasi import auth, kinds, load, readers, store
from sanitasi.errors import DataError


def _read(kind: str, path: Path, bundled: load.Dataset, sheet: str | None):
    return readers.read_kind(kind, path, bundled.wilayah, sheet=sheet)


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    bundled = load.load_bundled()
    frame = _read(args.kind, path, bundled, args.sheet)
    for note in frame.attrs.get("catatan", []):
        print(f"catatan: {note}")
    if args.dry_run:
        print(f"siap dimuat: {len(frame)} baris {args.kind} dari {path.name} (uji coba, tidak disimpan)")
        return 0
    s = store.Store()
    data = path.read_bytes()
    meta = store.Meta(berkas=path.name, checksum=store.checksum(data), oleh=args.oleh, catatan=args.catatan)
    version = s.save(args.kind, frame, meta, bundled=bundled)
    print(f"dimuat sebagai versi {version} ({len(frame)} baris {args.kind}); versi ini sekarang aktif")
    return 0


def cmd_versions(_args: argparse.Namespace) -> int:
    table = store.Store().versions()
    for _, r in table.iterrows():
        mark = "*" if r["aktif"] else " "
        when = store.local_time(r["dibuat"])
        print(f"{mark} {int(r['id']):>4}  {when:<16}  {r['jenis']:<7} {r['berkas']:<30} {int(r['jumlah_baris']):>6} "
              f"baris  {r['oleh']}")
    return 0


def cmd_activate(args: argparse.Namespace) -> int:
    store.Store().activate(args.version)
    print(f"versi {args.version} sekarang aktif")
    return 0


def cmd_hash(_args: argparse.Namespace) -> int:
    first = getpass.getpass("Kata sandi editor: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    if sys.stdin.isatty() and getpass.getpass("Ulangi: ") != first:
        print("kata sandi tidak sama", file=sys.stderr)
        return 2
    print(auth.hash_password(first))
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
    imp.set_defaults(run=cmd_import)
    ver = sub.add_parser("versions", help="daftar versi tersimpan")
    ver.set_defaults(run=cmd_versions)
    act = sub.add_parser("activate", help="aktifkan versi")
    act.add_argument("version", type=int)
    act.set_defaults(run=cmd_activate)
    hp = sub.add_parser("hash-password", help="buat hash kata sandi editor untuk secrets.toml")
    hp.set_defaults(run=cmd_hash)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except DataError as err:
        for problem in err.problems:
            print(f"masalah: {problem}")
        print(f"{len(err.problems)} masalah; tidak ada yang disimpan.")
        return 2
    except Exception as exc:  # noqa: BLE001 - the contract is "never a traceback"
        print(f"kesalahan tak terduga: {type(exc).__name__}: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
