"""Issue 14's resource cases: each hostile file read in a fresh process, its time and peak memory measured.

Goal per case: under 5 s and under 500 MB peak (the whole process: Python, pandas and the dashboard's modules are
about half of it, shown as the baseline of a small good file). The figures hold on a noisy machine because the
goal is far from them; the tests (`tests/test_io_corpus.py`) say what each file must do, this says what it costs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import hostile
from benchmarks.report import Row

ROOT = Path(__file__).resolve().parent.parent
GOAL_S, GOAL_MB = 5.0, 500
CASES = {  # name -> (kind, file name, builder)
    "baseline: a good 1-row CSV": ("akses", "akses.csv", hostile.access_csv),
    "XLSX, one value at XFD1048576 (5 KB)": ("akses", "akses.xlsx", lambda: hostile.xlsx_with_cell_at("XFD1048576")),
    "XLSX, stray value at Z1048576": ("akses", "akses.xlsx", lambda: hostile.xlsx_with_cell_at("Z1048576", value=0)),
    "XLSX, formatted empty cell at XFD1048576": (
        "akses", "akses.xlsx", lambda: hostile.xlsx_with_cell_at("XFD1048576", styled_only=True)),
    "CSV, 50,000 trailing empty columns": ("akses", "akses.csv",
                                           lambda: hostile.csv_empty_columns(50_000, trailing=True)),
    "CSV, 50,000 empty columns inside": ("akses", "akses.csv",
                                         lambda: hostile.csv_empty_columns(50_000, trailing=False)),
    "CSV, 1,000,000 columns": ("akses", "akses.csv", lambda: hostile.csv_columns(1_000_000)),
    "CSV, 3,000 copies of one header": ("akses", "akses.csv", lambda: hostile.csv_duplicate_headers(3000)),
    "CSV, 1,000,000 rows (34 MB)": ("akses", "akses.csv", lambda: hostile.csv_rows(1_000_000)),
    "CSV, 10,000 rows each with a bad cell": ("akses", "akses.csv", lambda: hostile.csv_bad_rows(10_000)),
}
CHILD = """
import sys, time
from sanitasi import readers
from sanitasi.load import load_bundled
from sanitasi.tables import Source
w = load_bundled().wilayah
data = open(sys.argv[2], "rb").read()
t = time.perf_counter()
try:
    out = readers.read_kind(sys.argv[1], Source(sys.argv[3], data), w)
    said = f"{len(out)} rows read"
except readers.DataError as err:
    said = f"refused: {err.total} problem(s): {err.problems[0].pesan[:70]}"
print(f"{time.perf_counter() - t:.3f}|{said}")
"""


def _measure(kind: str, name: str, data: bytes) -> tuple[float, float, str]:
    """(seconds to read, peak MB of the process, what the reader said)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        p = subprocess.Popen([sys.executable, "-c", CHILD, kind, str(path), name], cwd=ROOT, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        out = p.stdout.read()
        _, _, usage = os.wait4(p.pid, 0)
    seconds, said = out.strip().rsplit("\n", 1)[-1].split("|", 1)
    return float(seconds), usage.ru_maxrss / 1024, said


def run() -> list[Row]:
    rows = []
    for label, (kind, name, build) in CASES.items():
        data = build()
        seconds, mb, said = _measure(kind, name, data)
        ok = seconds < GOAL_S and mb < GOAL_MB
        rows.append(Row("hostile", f"{label} [{len(data) / 1024:,.0f} KB]", f"{seconds:.2f} s, {mb:.0f} MB peak",
                        f"< {GOAL_S:.0f} s, < {GOAL_MB} MB", ok, said.replace("|", "/")))
    return rows


if __name__ == "__main__":
    from benchmarks.report import markdown

    print(markdown(run()))
