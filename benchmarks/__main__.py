"""Run the benchmarks and print one table: `python -m benchmarks [--only pages,scale,map,room,hostile]`.

Every figure is a ratio or a size measured in the same run, so it holds on a noisy machine; the table
is Markdown, ready for docs/performance.md. Needs the dev requirements; the map drawing and the room
need Chromium (they say so and are skipped without it). Takes about five minutes on two cores.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SECTIONS = ("pages", "scale", "map", "room", "hostile")


def machine() -> str:
    """One line about where the figures were measured."""
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
        ram = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                       if line.startswith("MemTotal"))) / 2**20
    except (OSError, StopIteration):
        ram = float("nan")
    from scripts import browser

    chromium = browser.chromium()
    chromium_v = (subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
                  if chromium else "no Chromium")
    return (f"{cpu}, {os.cpu_count()} cores, {ram:.0f} GB RAM; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; streamlit {version('streamlit')}, altair {version('altair')}, "
            f"pandas {version('pandas')}, shapely {version('shapely')}; {chromium_v}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated, from {', '.join(SECTIONS)}")
    args = parser.parse_args(argv)
    wanted = [s for s in args.only.split(",") if s]
    unknown = set(wanted) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    # the dashboard under test reads an empty store of its own: the bundled data, nothing written to instance/
    os.environ.setdefault("SANITASI_DB_URL", f"sqlite:///{Path(tempfile.mkdtemp(prefix='sanitasi-bench-')) / 'b.db'}")
    logging.getLogger("streamlit").setLevel(logging.ERROR)

    from benchmarks import report

    rows: list[report.Row] = []
    started = time.perf_counter()
    for section in wanted:
        print(f"benchmarks: {section} ...", file=sys.stderr, flush=True)
        t = time.perf_counter()
        if section == "pages":
            from benchmarks import bench_pages as bench
        elif section == "scale":
            from benchmarks import bench_scale as bench
        elif section == "map":
            from benchmarks import bench_map as bench
        elif section == "hostile":
            from benchmarks import bench_hostile as bench
        else:
            from benchmarks import bench_room as bench
        rows += bench.run()
        print(f"benchmarks: {section} done in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    print(f"Machine: {machine()}")
    print(f"Command: python -m benchmarks{' --only ' + args.only if argv or args.only != ','.join(SECTIONS) else ''}"
          f" ({time.perf_counter() - started:.0f} s)\n")
    print(report.markdown(rows))
    missed = [r for r in rows if r.met is False]
    if missed:
        print(f"\n{len(missed)} goal(s) missed: " + "; ".join(r.measure for r in missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
