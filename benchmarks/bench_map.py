"""Map payload: the bytes of the map's Vega-Lite spec and the time Chromium takes to draw it.

Three maps, each built the way the Peta page builds it (`geo.to_features` with the map's properties,
`charts.choropleth` with names on the map): Tanah Bumbu with a detailed boundary of about 12,000 vertices
(the bundled shapes made dense and wiggly), a synthetic province of 150 kecamatan (about 800 vertices
each, as surveyed files have) and the synthetic country of 7,300 kecamatan. Each is checked to stay a
gap-free coverage after simplification, then drawn in headless Chromium through Streamlit.
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape

from benchmarks import synthetic
from benchmarks.report import Row
from sanitasi import analysis, charts, fmt, geo, maps
from sanitasi.load import load_bundled
from scripts import browser

PAYLOAD_GOALS = {"Tanah Bumbu": 150 * 1024, "province": 1024 * 1024}
DRAW_GOAL = 1.0  # seconds: the country-scale map too (issue 16)
PROVINCE_BOX = (114.0, -4.5, 117.0, -1.5)


@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    batas: gpd.GeoDataFrame  # the detailed boundaries, EPSG:4326
    spec: dict
    features: list[dict]
    seconds: float  # features + labels + chart + to_dict


def synthetic_values(codes: list[str], indikator: str = "layak", seed: int = 11) -> pd.DataFrame:
    """Map values for synthetic areas with the columns `maps.map_values` gives (texts formatted as on screen)."""
    rng = np.random.default_rng(seed)
    value = rng.uniform(45, 98, len(codes)).round(1)
    gap = value - 90.0
    kk = rng.integers(100, 5000, len(codes))
    return pd.DataFrame({
        "kode": codes, "nama": [f"Kecamatan {c}" for c in codes], "nilai": value,
        "kelas": [maps._class_label(v, indikator, "id") for v in value], "selisih": gap,
        "status_teks": (status := rng.choice(["Sesuai jalur", "Perlu percepatan", "Lambat", "Tercapai"], len(codes))),
        "status_lengkap": status, "dinilai_teks": "Dinilai pada 2029 (akhir RPJMN 2025-2029)",
        "nilai_teks": [fmt.pct(v) for v in value], "target_teks": fmt.pct(90.0, 0),
        "selisih_teks": [fmt.delta(g) for g in gap], "kk_teks": [fmt.kk(int(k)) for k in kk], "catatan": ""})


def build(name: str, batas: gpd.GeoDataFrame, values: pd.DataFrame, names: pd.Series) -> Case:
    """Features, labels and the choropleth spec, as the Peta page makes them; timed."""
    t = time.perf_counter()
    features = geo.to_features(batas, values, key="kode", properties=maps.MAP_PROPERTIES)
    labels = geo.label_points(batas).assign(nama=lambda d: d["kode"].map(names).str.replace(" ", "\n", n=1))
    chart = charts.choropleth(features, labels, mode="nilai", indikator="layak",
                              class_labels=maps.class_labels("layak", "id"), selected=str(values["kode"].iloc[0]),
                              title="Akses layak per kecamatan", source="Sumber: data sintetis", lang="id")
    spec = chart.to_dict()
    return Case(name, batas, spec, features, time.perf_counter() - t)


def cases() -> list[Case]:
    data = load_bundled()
    an = analysis.analyse(data)
    detailed = synthetic.detailed(data.batas, 12_000)
    values = maps.map_values(an, "layak", data.target["dokumen"].iloc[0], "id")
    names = data.wilayah.set_index("kode")["nama"]
    out = [build("Tanah Bumbu", detailed, values, names)]
    prov = synthetic.areas("kecamatan", seed=5)
    x0, y0, x1, y1 = PROVINCE_BOX
    rng = np.random.default_rng(5)
    prov = prov.head(150).assign(lon=rng.uniform(x0, x1, 150), lat=rng.uniform(y0, y1, 150))
    prov_b = synthetic.detailed(synthetic.boundaries(prov, PROVINCE_BOX), 150 * 800)
    out.append(build("province", prov_b, synthetic_values(prov["kode"].tolist()), prov.set_index("kode")["nama"]))
    country = synthetic.areas("kecamatan")
    country_b = synthetic.detailed(synthetic.boundaries(country), len(country) * 60)
    out.append(build("country", country_b, synthetic_values(country["kode"].tolist()),
                     country.set_index("kode")["nama"]))
    return out


def gap_free(case: Case) -> tuple[bool, str]:
    """The shapes as drawn (simplified, rounded) still tile the area: a valid coverage, no hole opened."""
    drawn = np.array([shape(f["geometry"]) for f in case.features], dtype=object)
    valid = bool(shapely.coverage_is_valid(drawn))
    holes = lambda g: sum(len(p.interiors) for p in getattr(g, "geoms", [g]))  # noqa: E731
    before, after = shapely.union_all(case.batas.geometry.to_numpy()), shapely.union_all(drawn)
    same_holes = holes(before) == holes(after)
    area = abs(after.area - before.area) / before.area
    return valid and same_holes, f"valid coverage {valid}, holes {holes(after)} (was {holes(before)}), " \
                                 f"area {area:.2%} off"


# Record when the chart element appears and when its shapes are all drawn (performance.now(), ms). The element's
# arrival is seen by a mutation observer: looked for once a frame, it was sometimes first seen with the map already
# drawn (the browser busy from before it arrived until after), and that visit counted a draw of 0 s. An SVG map is
# drawn when its largest shape mark has a path per area; a canvas map (`charts.LARGE_MAP_RENDERER`) when the canvas is
# inked over a fifth of its area (Vega draws a canvas's whole scene in one pass: title and legend alone ink a few %).
DRAW_JS = """() => {
  window.__map = {};
  const want = Number(new URLSearchParams(location.search).get('n'));
  const chart = () => document.querySelector('[data-testid="stVegaLiteChart"]');
  new MutationObserver((_, seen) => {
    if (chart()) { window.__map.mounted = window.__map.mounted || performance.now(); seen.disconnect(); }
  }).observe(document, {childList: true, subtree: true});
  const inked = cv => {
    const px = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
    let ink = 0, all = 0;
    for (let i = 0; i < px.length; i += 4 * 97, all++)
      if (px[i + 3] && (px[i] < 240 || px[i + 1] < 240 || px[i + 2] < 240)) ink++;
    return ink / Math.max(all, 1);
  };
  const tick = () => {
    const c = chart();
    if (c) {
      let most = 0;
      for (const g of c.querySelectorAll('g.mark-shape')) most = Math.max(most, g.childElementCount);
      const cv = c.querySelector('canvas');
      if (most >= want || (cv && cv.width > 0 && inked(cv) > 0.2)) { window.__map.drawn = performance.now(); return; }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""


def draw_times(specs: list[Case], visits: int = 5) -> dict[str, tuple[list[float], float, int]]:
    """Per case: (seconds from the chart element to every shape drawn, per visit; median seconds from
    opening the page; bytes received over the websocket). Each visit is a fresh browser context."""
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="sanitasi-bench-map-"))
    for c in specs:
        (folder / f"{c.name.replace(' ', '_')}.json").write_text(json.dumps(c.spec), encoding="utf-8")
    out = {}
    with browser.Server(browser.ROOT / "benchmarks" / "map_app.py", log=folder / "server.log",
                        env={"SANITASI_BENCH_SPECS": str(folder)}) as server, sync_playwright() as pw:
        chromium = browser.launch(pw)
        def visit(c: Case) -> tuple[float, float, int]:
            context, page = browser.open_page(chromium, (1366, 768))
            page.add_init_script(f"({DRAW_JS})()")
            received: list[int] = []
            page.on("websocket", lambda ws: ws.on("framereceived", lambda p: received.append(len(p))))
            page.goto(f"{server.url}/?case={c.name.replace(' ', '_')}&n={len(c.features)}")
            page.wait_for_function("() => window.__map && window.__map.drawn", timeout=120_000)
            t = page.evaluate("() => window.__map")
            context.close()
            return (t["drawn"] - t["mounted"]) / 1000, t["drawn"] / 1000, sum(received)

        visit(specs[0])  # the server's first session loads Python modules: not part of any map's time
        for c in specs:
            seen = [visit(c) for _ in range(visits)]
            out[c.name] = ([s[0] for s in seen], statistics.median(s[1] for s in seen), seen[-1][2])
        chromium.close()
    return out


def run() -> list[Row]:
    rows: list[Row] = []
    built = cases()
    for c in built:
        size = len(json.dumps(c.spec).encode("utf-8"))
        goal = PAYLOAD_GOALS.get(c.name)
        ok, note = gap_free(c)
        vertices = synthetic.vertex_count(c.batas.geometry)
        drawn_vertices = sum(synthetic.vertex_count([shape(f["geometry"])]) for f in c.features)
        rows.append(Row("3 map", f"{c.name}: {len(c.features):,} areas, {vertices:,} vertices -> spec bytes",
                        f"{size / 1024:,.0f} KB", f"< {goal // 1024:,} KB" if goal else "",
                        size < goal if goal else None,
                        f"{drawn_vertices:,} vertices drawn; built in {c.seconds:.2f} s"))
        rows.append(Row("3 map", f"{c.name}: neighbours gap-free after simplification", "yes" if ok else "NO",
                        "gap-free", ok, note))
    reason = browser.unavailable()
    if reason:
        rows.append(Row("3 map", "draw time in Chromium", "not measured", f"< {DRAW_GOAL:.0f} s", None, reason))
        return rows
    for name, (draws, opened, ws) in draw_times(built).items():
        draw = statistics.median(draws)
        rows.append(Row("3 map", f"{name}: Chromium draws the map (median of {len(draws)} fresh tabs)",
                        f"{draw:.2f} s", f"< {DRAW_GOAL:.0f} s", draw < DRAW_GOAL,
                        f"worst {max(draws):.2f} s; {opened:.2f} s from opening the page; {ws / 1024:,.0f} KB over "
                        "the websocket"))
    return rows
