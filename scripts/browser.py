"""Drive the dashboard in headless Chromium with the network cut off: the browser tests, the screenshots and
the benchmarks all start the app, open pages and wait for charts the same way, through this module.

Chromium comes from the system (Debian's `chromium` at /usr/bin/chromium, or `SANITASI_CHROMIUM`); nothing
is downloaded (`playwright install` is never needed). Every request that is not to the local server is
blocked and recorded, because at a coaching clinic there may be no internet at all.
"""

from __future__ import annotations

import ast
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
SIZES = [(1366, 768), (1024, 768)]
CHART = '[data-testid="stVegaLiteChart"]'


def app_pages() -> list[tuple[str, str, str]]:
    """`(page, url path, navigation text key)` for every page app.py navigates, in its order.

    Read from app.py's `PAGES` so a new page is driven without editing this list. Streamlit derives the
    URL path from the file name; the default (first) page is the root.
    """
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    listed = next(ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                  and any(isinstance(t, ast.Name) and t.id == "PAGES" for t in node.targets))
    return [(Path(path).stem, "/" if i == 0 else "/" + Path(path).stem, key)
            for i, (path, key, _icon) in enumerate(listed)]


def chromium() -> str | None:
    """The Chromium executable to use, or None. `SANITASI_CHROMIUM`, when set, is the only one tried."""
    chosen = os.environ.get("SANITASI_CHROMIUM")
    candidates = [chosen] if chosen else ["/usr/bin/chromium", shutil.which("chromium"),
                                          shutil.which("chromium-browser")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def unavailable() -> str | None:
    """Why a browser cannot be driven here (shown as the skip reason), or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (python -m pip install -r requirements-dev.txt)"
    if chromium() is None:
        if os.environ.get("SANITASI_CHROMIUM"):
            return f"SANITASI_CHROMIUM={os.environ['SANITASI_CHROMIUM']} is not an executable file"
        return "no Chromium at /usr/bin/chromium (Debian: apt-get install chromium; or set SANITASI_CHROMIUM)"
    return None


def required() -> bool:
    """Must the browser tests run here? In CI (`CI=true`, as CI services set it) a missing browser is a failure."""
    return os.environ.get("CI", "").lower() == "true"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`python -m streamlit run <app>` on a free loopback port, stopped on exit; `options` are passed on to
    streamlit (e.g. `["--secrets.files", path]`)."""

    def __init__(self, app: str | Path = "app.py", *, log: Path | None = None, cwd: Path = ROOT,
                 env: dict[str, str] | None = None, options: list[str] | None = None) -> None:
        self.app, self.cwd, self.log_path, self.options = str(app), cwd, log, list(options or [])
        self.env = {**os.environ, **(env or {})}
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self._log: Any = None

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self, timeout: float = 90) -> Server:
        log = open(self.log_path, "w") if self.log_path else subprocess.DEVNULL  # noqa: SIM115 - closed in stop()
        self._log = log
        self.process = subprocess.Popen(
            # no file watcher: the app under test is the code as it was at the start, even if files change
            [sys.executable, "-m", "streamlit", "run", self.app, "--server.headless", "true",
             "--server.port", str(self.port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
             *self.options],
            cwd=self.cwd, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit stopped with code {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise TimeoutError(f"streamlit did not answer on {self.url} within {timeout:.0f} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self._log is not None and self._log is not subprocess.DEVNULL and not self._log.closed:
            self._log.close()

    def rss_mb(self) -> float:
        """Resident memory of the server process (MB), from psutil when installed, else /proc."""
        assert self.process is not None
        try:
            import psutil

            return psutil.Process(self.process.pid).memory_info().rss / 2**20
        except ImportError:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server process has used so far, from /proc (Linux) or psutil."""
        assert self.process is not None
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            import psutil

            t = psutil.Process(self.process.pid).cpu_times()
            return t.user + t.system


def launch(playwright: Any) -> Any:
    """Headless system Chromium with background networking off."""
    return playwright.chromium.launch(executable_path=chromium(), headless=True, args=FLAGS)


def is_local(url: str) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    return (urlparse(url).hostname or "") in LOOPBACK


def is_noise(message: str, url: str) -> bool:
    """Streamlit's own noise: 404s of its /<page>/_stcore/ probes and a failed 'metrics config' fetch."""
    return "/_stcore/" in url or "metrics config" in message.lower()


@dataclass
class Watch:
    """What a browser context tried and reported: requests leaving the machine, console and page errors."""

    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, context: Any) -> None:
        def guard(route: Any) -> None:
            if is_local(route.request.url):
                route.continue_()
            else:
                self.external.append(route.request.url)
                route.abort()

        context.route("**/*", guard)

    def page(self, page: Any) -> Any:
        def console(msg: Any) -> None:
            if msg.type == "error" and not is_noise(msg.text, (msg.location or {}).get("url", "")):
                self.errors.append(f"console: {msg.text[:300]}")

        def response(r: Any) -> None:
            if r.status >= 400 and not is_noise("", r.url):
                self.errors.append(f"HTTP {r.status} {r.url}")

        page.on("console", console)
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"[:300]))
        page.on("response", response)
        return page

    def problems(self) -> list[str]:
        return [f"request leaving the machine (blocked): {u}" for u in self.external] + self.errors


def open_page(browser: Any, size: tuple[int, int] = SIZES[0], watch: Watch | None = None) -> tuple[Any, Any]:
    """A new context (fresh session) with the guard on, and a page in it."""
    watch = watch if watch is not None else Watch()
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, service_workers="block")
    watch.attach(context)
    return context, watch.page(context.new_page())


# One look at the page: script state, stale elements, exceptions, charts and whether each has drawn marks.
STATE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const charts = Array.from(document.querySelectorAll('[data-testid="stVegaLiteChart"]'));
  const drawn = charts.map(c => {
    const svg = c.querySelector('svg');
    if (svg) return svg.querySelectorAll('.role-mark > *').length;
    const cv = c.querySelector('canvas');
    if (!cv || !cv.width || !cv.height) return 0;
    const px = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
    let ink = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] && (px[i] < 250 || px[i + 1] < 250 || px[i + 2] < 250)) ink++;
    return ink;
  });
  return {script: app ? app.getAttribute('data-test-script-state') : null,
          connection: app ? app.getAttribute('data-test-connection-state') : null,
          stale: document.querySelectorAll('[data-stale="true"]').length,
          loading: document.querySelectorAll('[data-testid="stSkeleton"], [data-testid="stSkeletonElement"]').length,
          running: document.querySelectorAll('[data-testid="stStatusWidget"]').length,
          exceptions: document.querySelectorAll('[data-testid="stException"]').length,
          charts: charts.length, marks: drawn};
}"""


def state(page: Any) -> dict:
    return page.evaluate(STATE_JS)


def settle(page: Any, timeout: float = 40, polls: int = 3, every: float = 0.2) -> dict:
    """Wait until Streamlit has finished the run and the charts stop changing; return the last look.

    Done means: the script is not running, no element is stale or still a loading placeholder (Streamlit
    fetches each element's code on first use, so a chart can appear a second after the run ended), every
    chart has drawn marks, and the number of charts and marks was the same for `polls` looks in a row.
    """
    end, last, same, s = time.monotonic() + timeout, None, 0, {}
    while time.monotonic() < end:
        s = state(page)
        done = (s["script"] == "notRunning" and not s["stale"] and not s["running"] and not s["loading"]
                and all(n > 0 for n in s["marks"]))
        key = (s["charts"], tuple(s["marks"]))
        same = same + 1 if done and key == last else 0
        if same >= polls:
            return s
        last = key
        time.sleep(every)
    raise TimeoutError(f"the page did not settle within {timeout:.0f} s: {s}")


def wait_for(check: Any, timeout: float = 30, every: float = 0.2) -> Any:
    """Poll `check()` until it returns something truthy; return it (or raise with the last value)."""
    end, value = time.monotonic() + timeout, None
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise TimeoutError(f"condition not met within {timeout:.0f} s (last value: {value!r})")


# The map's shapes: one <path> per kecamatan in the largest geoshape mark; a polygon wound the wrong
# way is drawn as "the globe minus the polygon", so its box covers the whole map (BRIEF.md).
MAP_JS = """() => {
  const out = [];
  for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    const svg = chart.querySelector('svg'); if (!svg) continue;
    const groups = Array.from(svg.querySelectorAll('g.mark-shape'));
    if (!groups.length) continue;
    const g = groups.reduce((a, b) => (b.querySelectorAll('path').length > a.querySelectorAll('path').length ? b : a));
    const paths = Array.from(g.querySelectorAll('path'));
    const boxes = paths.map(p => p.getBoundingClientRect());
    const union = bs => ({x0: Math.min(...bs.map(b => b.left)), x1: Math.max(...bs.map(b => b.right)),
                          y0: Math.min(...bs.map(b => b.top)), y1: Math.max(...bs.map(b => b.bottom))});
    const shapes = paths.map((p, i) => {
      const others = union(boxes.filter((_, j) => j !== i));
      const b = boxes[i];
      const covers = b.left <= others.x0 + 1 && b.right >= others.x1 - 1
                     && b.top <= others.y0 + 1 && b.bottom >= others.y1 - 1;
      return {fill: p.getAttribute('fill'), d: (p.getAttribute('d') || '').length,
              share: (b.width * b.height) / ((others.x1 - others.x0) * (others.y1 - others.y0)), covers};
    });
    const s = svg.getBoundingClientRect();
    out.push({n: paths.length, svg: [s.width, s.height], shapes});
  }
  return out;
}"""


# Text a viewer cannot read whole: chart texts Vega cut with '…', chart texts drawn outside their chart's box,
# and page texts CSS cut with an ellipsis (metric labels and values in narrow columns).
CUT_JS = """() => {
  const out = [];
  for (const c of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    const box = c.getBoundingClientRect();
    for (const t of c.querySelectorAll('svg text')) {
      const r = t.getBoundingClientRect(), text = t.textContent;
      if (text.includes('\u2026')) out.push('cut: ' + text);
      else if (r.width && (r.right > box.right + 1 || r.left < box.left - 1)) out.push('outside its chart: ' + text);
    }
  }
  // an element drawn zero wide shows nothing to cut (the file uploader's hidden <input type=file>)
  for (const e of document.querySelectorAll('[data-testid="stMain"] *'))
    if (e.clientWidth > 0 && getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1)
      out.push('cut: ' + e.textContent.trim().slice(0, 60));
  return out;
}"""


def cut_texts(page: Any) -> list[str]:
    return page.evaluate(CUT_JS)


def map_shapes(page: Any) -> list[dict]:
    return page.evaluate(MAP_JS)


def goto(page: Any, url: str, timeout: float = 60) -> dict:
    page.goto(url, wait_until="domcontentloaded", timeout=timeout * 1000)
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=timeout * 1000)
    return settle(page, timeout)


def texts(page: Any, selector: str) -> list[str]:
    return [t.strip() for t in page.locator(selector).all_inner_texts()]


def choose(page: Any, label: str, option: str, timeout: float = 15) -> None:
    """Pick `option` in the select box labelled `label`, as a person does: open it, click the option."""
    box = page.locator('[data-testid="stSelectbox"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]', has_text=label)).first
    box.click(timeout=timeout * 1000)
    page.get_by_role("option", name=option, exact=True).first.click(timeout=timeout * 1000)
