"""Write a PNG of every page of the dashboard, at 1366x768 and 1024x768, for the README and for reviewing changes.

Starts `streamlit run app.py` on a free loopback port, opens each page in headless Chromium with the network
cut off, waits until every chart has drawn, and saves `<page>-<width>x<height>.png` (Indonesian, default
controls; `--lang en` for English). The pictures show the bundled data: the server gets an empty temporary
store unless SANITASI_DB_URL is set. Run from anywhere:

    python scripts/screenshots.py [FOLDER] [--pages ringkasan,peta] [--sizes 1366x768] [--lang en]

FOLDER defaults to docs/img/. Needs playwright (requirements-dev.txt) and Chromium (/usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import browser  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    pages = browser.app_pages()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(browser.ROOT / "docs" / "img"))
    parser.add_argument("--pages", default=",".join(p for p, _, _ in pages),
                        help="comma-separated page names (default: every page)")
    parser.add_argument("--sizes", default=",".join(f"{w}x{h}" for w, h in browser.SIZES))
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = parser.parse_args(argv)

    reason = browser.unavailable()
    if reason:
        print(f"screenshots: cannot drive a browser: {reason}", file=sys.stderr)
        return 2
    wanted = args.pages.split(",")
    unknown = sorted(set(wanted) - {p for p, _, _ in pages})
    if unknown:
        print(f"screenshots: unknown page(s) {', '.join(unknown)}; known: {', '.join(p for p, _, _ in pages)}",
              file=sys.stderr)
        return 2
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    out = Path(args.folder)
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    tmp = Path(tempfile.mkdtemp(prefix="sanitasi-screenshots-"))
    env = {} if os.environ.get("SANITASI_DB_URL") else {"SANITASI_DB_URL": f"sqlite:///{tmp / 'kosong.db'}"}
    with browser.Server("app.py", log=tmp / "server.log", env=env) as server, sync_playwright() as pw:
        chromium = browser.launch(pw)
        for size in sizes:
            watch = browser.Watch()
            context, page = browser.open_page(chromium, size, watch)
            for name, path, _ in pages:
                if name not in wanted:
                    continue
                seen = browser.goto(page, f"{server.url}{path}?lang={args.lang}")
                target = out / f"{name}-{size[0]}x{size[1]}.png"
                page.screenshot(path=str(target))
                note = f"{seen['charts']} charts"
                if seen["exceptions"]:
                    note += f", {seen['exceptions']} EXCEPTION(S)"
                print(f"{target}  ({note})")
                if seen["exceptions"]:
                    problems.append(f"{name} {size}: exception on the page")
            problems += watch.problems()
            context.close()
        chromium.close()
    for p in problems:
        print(f"screenshots: problem: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
