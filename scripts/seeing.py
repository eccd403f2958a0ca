"""What a person in the room sees, measured in the browser: the checks the browser tests run on every page and slide.

Each check is one look at the page as it stands (JavaScript run in Chromium) and returns a list of findings, each a
short text saying what is wrong and where; an empty list means the check passes. The checks read only what is drawn:
boxes, SVG text, fills. They need the charts as SVG (Altair's renderer on pages), not canvas.

- `overflow`: a control, label, metric, table header, chart title or the page itself whose content is wider than its
  box (scroll width beyond client width) where the box hides it, chart texts cut with '…' or drawn outside their
  chart, a chart wider than its column;
- `overlap`: two texts of one chart whose boxes overlap (axis labels, bar labels, legends, titles);
- `size`: a chart smaller than 200 x 120 px, or a plot cell squeezed below a readable size;
- `fit`: content hidden under the header, or (on a slide) below the bottom of the screen;
- `contrast`: text on a filled mark (bar, tile, map shape, badge) below 4.5:1 against its fill (WCAG AA).
"""

from __future__ import annotations

from typing import Any

MIN_CHART = (200, 120)  # px: a chart (its SVG) at least this large
MIN_CELL = (120, 70)  # px: each plot of a chart (one of small multiples too) at least this large
MIN_CONTRAST = 4.5

# Elements whose text must read whole: controls and their labels, metrics, static table headers, expander and tab
# titles, the house's figures. Chart titles are SVG text and are checked in the chart part below.
OVERFLOW_SELECTORS = ", ".join([
    '[data-testid="stWidgetLabel"]', '[data-testid="stWidgetLabel"] *',
    '[data-testid="stSelectbox"] [data-baseweb="select"] div',
    '[data-testid="stButtonGroup"] button', '[data-testid="stButtonGroup"] button *',
    '[data-testid="stRadio"] label', '[data-testid="stRadio"] label *',
    '[data-testid="stButton"] button', '[data-testid="stButton"] button *',
    '[data-testid="stDownloadButton"] button', '[data-testid="stDownloadButton"] button *',
    '[data-testid="stPopover"] button', '[data-testid="stPopover"] button *',
    '.kartu-judul', '.kartu-nilai', '.kartu-delta', '.rincian-nama',
    '[data-testid="stTable"] th', '[data-testid="stTable"] th *', '.tabel th', '.tabel th *',
    '.tabel',  # a static table wider than its place scrolls sideways out of sight: the room does not see the rest
    '[data-testid="stExpander"] summary', '[data-testid="stExpander"] summary *',
    '[data-baseweb="tab"]', '[data-baseweb="tab"] *',
    '[data-testid="stSliderThumbValue"]', '[data-testid="stNumberInput"] input',
    '.stat-label', '.stat-value', '[data-testid="stPageLink"] *',
    # the places that hold them: a column or element box that hides part of a control (Peta's choices once)
    '[data-testid="stColumn"]', '[data-testid="stElementContainer"]', '[data-testid="stButtonGroup"] *',
    '[data-testid="stHorizontalBlock"]',
])

_OVERFLOW_JS = """(sel) => {
  const out = [];
  const shown = e => {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
      && r.right > 0 && r.left < window.innerWidth;  // a closed sidebar is moved off the screen
  };
  // cut: the box hides what does not fit (overflow other than visible, or an ellipsis); text that spills out of a
  // box with visible overflow is still read whole
  const clips = e => {
    const s = getComputedStyle(e);
    return s.overflowX !== 'visible' || s.textOverflow === 'ellipsis';
  };
  const name = e => (e.innerText || e.value || e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
  const root = document.querySelector('[data-testid="stAppViewContainer"]') || document.body;
  const seen = new Set();
  for (const e of root.querySelectorAll(sel)) {
    if (!shown(e) || !e.clientWidth) continue;
    if (e.scrollWidth > e.clientWidth + 1 && clips(e)) {
      const t = name(e);
      if (t && !seen.has(t)) { seen.add(t); out.push('cut: ' + t); }
    }
  }
  // the page itself: nothing to scroll sideways
  const main = document.querySelector('[data-testid="stMain"]');
  if (main && main.scrollWidth > main.clientWidth + 1)
    out.push(`page wider than the screen: ${main.scrollWidth} > ${main.clientWidth}`);
  // (a data grid wider than its box scrolls sideways, as a spreadsheet does: its columns are not cut; the tables
  // lead with the columns that matter, tested on the views)
  // charts: text cut with an ellipsis, drawn outside the chart, or a chart wider than its column
  for (const c of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    if (!shown(c)) continue;
    const box = c.getBoundingClientRect();
    const col = (c.closest('[data-testid="stColumn"]') || c.parentElement).getBoundingClientRect();
    const svg = c.querySelector('svg');
    if (!svg) continue;
    const s = svg.getBoundingClientRect();
    if (s.right > Math.min(col.right, window.innerWidth) + 2)
      out.push(`chart wider than its place (${Math.round(s.width)} px): `
               + name(c.querySelector('.role-title-text') || c));
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect(), text = t.textContent.trim();
      if (!text || !r.width) continue;
      if (text.includes('\\u2026')) out.push('cut in a chart: ' + text);
      else if (r.right > box.right + 1 || r.left < box.left - 1) out.push('outside its chart: ' + text);
    }
  }
  // any other text that CSS cut with an ellipsis
  for (const e of document.querySelectorAll('[data-testid="stMain"] *')) {
    if (getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1 && shown(e)) {
      const t = name(e);
      if (t && !seen.has(t)) { seen.add(t); out.push('cut: ' + t); }
    }
  }
  return out;
}"""

# Two texts of one chart overlap when their boxes intersect after trimming the empty space above and below the
# letters (a text's box is its line height; stacked axis labels may touch there without the letters meeting).
_OVERLAP_JS = """() => {
  const out = [];
  // each text as the quadrilateral it covers on screen: its own box, turned with it (rotated axis labels are
  // parallel strips; their upright bounding boxes overlap where the letters do not)
  const quad = t => {
    const b = t.getBBox(), m = t.getScreenCTM();
    if (!m || !b.width || !b.height) return null;
    const trim = b.height * 0.18;
    return [[b.x, b.y + trim], [b.x + b.width, b.y + trim], [b.x + b.width, b.y + b.height - trim],
            [b.x, b.y + b.height - trim]].map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
  };
  const apart = (p, q) => {
    for (const poly of [p, q]) for (let i = 0; i < 4; i++) {
      const [x1, y1] = poly[i], [x2, y2] = poly[(i + 1) % 4];
      const nx = y2 - y1, ny = x1 - x2, len = Math.hypot(nx, ny) || 1;
      const proj = r => r.map(([x, y]) => (x * nx + y * ny) / len);
      const a = proj(p), b = proj(q);
      if (Math.min(Math.max(...a), Math.max(...b)) - Math.max(Math.min(...a), Math.min(...b)) <= 0.5) return true;
    }
    return false;
  };
  for (const c of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    const svg = c.querySelector('svg');
    if (!svg || !c.getBoundingClientRect().width) continue;
    const items = [];
    for (const t of svg.querySelectorAll('text')) {
      const text = t.textContent.trim();
      const s = getComputedStyle(t);
      if (!text || s.display === 'none' || s.visibility === 'hidden') continue;
      if (+s.opacity === 0 || +s.fillOpacity === 0) continue;
      let hidden = false;
      for (let p = t.parentElement; p && p !== svg; p = p.parentElement) {
        const ps = getComputedStyle(p);
        if (ps.display === 'none' || +ps.opacity === 0) { hidden = true; break; }
      }
      if (hidden) continue;
      const q = quad(t);
      if (q) items.push({text, q});
    }
    const title = (c.querySelector('.role-title-text') || {}).textContent || '';
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
      const a = items[i], b = items[j];
      // a halo: the same text drawn twice at one place, the first with a wide stroke, is one label
      const halo = a.text === b.text && Math.abs(a.q[0][0] - b.q[0][0]) < 2 && Math.abs(a.q[0][1] - b.q[0][1]) < 2;
      if (!halo && !apart(a.q, b.q))
        out.push(`"${a.text.slice(0, 30)}" over "${b.text.slice(0, 30)}" in ${title.slice(0, 40) || 'a chart'}`);
    }
  }
  return out;
}"""

_SIZE_JS = """([minW, minH, cellW, cellH]) => {
  const out = [];
  for (const c of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    if (!c.getBoundingClientRect().width) continue;
    const title = ((c.querySelector('.role-title-text') || {}).textContent || 'a chart').slice(0, 50);
    const svg = c.querySelector('svg, canvas');
    if (!svg) { out.push('not drawn: ' + title); continue; }
    const s = svg.getBoundingClientRect();
    if (s.width < minW || s.height < minH)
      out.push(`chart ${Math.round(s.width)}x${Math.round(s.height)} px: ${title}`);
    // the plots: the root view's background, or each cell of small multiples / concatenations
    const cells = Array.from(svg.querySelectorAll('g.role-scope > g > path.background'))
      .filter(p => !p.closest('.role-legend') && p.parentElement.querySelector('.role-axis'));
    const plots = cells.length ? cells : Array.from(svg.querySelectorAll('g.role-frame.root > g > path.background'));
    for (const p of plots) {
      const r = p.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      if (r.width < cellW || r.height < cellH)
        out.push(`plot ${Math.round(r.width)}x${Math.round(r.height)} px in: ${title}`);
    }
  }
  return out;
}"""

# Hidden under the header (the banner's top once was), or on a slide below the screen's bottom.
_FIT_JS = """(slide) => {
  const out = [];
  const head = document.querySelector('[data-testid="stHeader"]');
  const main = document.querySelector('[data-testid="stMain"]');
  const top = head ? head.getBoundingClientRect().bottom : 0;
  const blocks = document.querySelectorAll('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]');
  for (const e of blocks) {
    const r = e.getBoundingClientRect();
    if (!r.height || !r.width) continue;
    if (main && main.scrollTop === 0 && r.top < top - 1)
      out.push(`under the header (${Math.round(r.top)} < ${Math.round(top)}): `
               + (e.innerText || '').trim().slice(0, 50));
    break;
  }
  if (slide && main) {
    if (main.scrollHeight > main.clientHeight + 1)
      out.push(`slide taller than the screen: ${main.scrollHeight} > ${main.clientHeight} px`);
  }
  return out;
}"""

# Text on a filled mark: the fill under the text's centre is the last filled shape drawn before the text at that point.
_CONTRAST_JS = """(minimum) => {
  const out = [];
  const parse = s => {
    const m = (s || '').match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(',').map(x => parseFloat(x));
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const lum = c => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const blend = (c, a, under) => [0, 1, 2].map(i => c[i] * a + under[i] * (1 - a));
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const opacity = e => {
    let o = 1;
    for (let p = e; p && p.tagName !== 'svg'; p = p.parentElement) o *= +getComputedStyle(p).opacity;
    return o;
  };
  for (const c of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    const svg = c.querySelector('svg');
    if (!svg || !c.getBoundingClientRect().width) continue;
    const title = ((c.querySelector('.role-title-text') || {}).textContent || 'a chart').slice(0, 40);
    const shapes = Array.from(svg.querySelectorAll('g.role-mark path, g.role-mark rect'));
    const all = Array.from(svg.querySelectorAll('*'));
    const order = new Map(all.map((e, i) => [e, i]));
    for (const t of svg.querySelectorAll('text')) {
      const text = t.textContent.trim();
      if (!text) continue;
      const r = t.getBoundingClientRect();
      if (!r.width) continue;
      const ts = getComputedStyle(t), tc = parse(ts.fill);
      if (!tc || +ts.fillOpacity === 0 || opacity(t) === 0) continue;
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      let under = null;
      const halo = Array.from(svg.querySelectorAll('text')).find(h => order.get(h) <= order.get(t)
        && h.textContent.trim() === text && Math.abs(h.getBoundingClientRect().left - r.left) < 2
        && Math.abs(h.getBoundingClientRect().top - r.top) < 2 && parseFloat(getComputedStyle(h).strokeWidth) >= 2
        && parse(getComputedStyle(h).stroke));
      if (halo) under = blend(parse(getComputedStyle(halo).stroke), 1, [255, 255, 255]);  // read on the halo
      for (let i = halo ? -1 : shapes.length - 1; i >= 0; i--) {
        const s = shapes[i];
        if (order.get(s) > order.get(t)) continue;
        const ss = getComputedStyle(s), fc = parse(ss.fill);
        if (!fc || fc[3] === 0) continue;
        const a = fc[3] * (+ss.fillOpacity) * opacity(s);
        if (a < 0.25) continue;
        const m = s.getScreenCTM();
        if (!m) continue;
        const pt = svg.createSVGPoint(); pt.x = x; pt.y = y;
        const local = pt.matrixTransform(m.inverse());
        let inside = false;
        try { inside = s.isPointInFill(local); } catch (e) { inside = false; }
        if (inside) { under = blend(fc, a, [255, 255, 255]); break; }
      }
      if (!under) continue;
      const text_c = blend(tc, tc[3] * (+ts.fillOpacity), under);
      const q = ratio(text_c, under);
      if (q < minimum)
        out.push(`${q.toFixed(1)}:1 "${text.slice(0, 30)}" on rgb(${under.map(Math.round)}) in ${title}`);
    }
  }
  // badges and other filled labels on the page (an element with its own background and its own text)
  for (const e of document.querySelectorAll('[data-testid="stMain"] span[style*="background"]')) {
    const s = getComputedStyle(e), bg = parse(s.backgroundColor), fg = parse(s.color);
    if (!bg || !fg || bg[3] === 0 || !e.getBoundingClientRect().width) continue;
    const q = ratio(fg, bg);
    if (q < minimum) out.push(`${q.toFixed(1)}:1 "${e.textContent.trim().slice(0, 30)}" on ${s.backgroundColor}`);
  }
  return out;
}"""


def overflow(page: Any) -> list[str]:
    return page.evaluate(_OVERFLOW_JS, OVERFLOW_SELECTORS)


def overlap(page: Any) -> list[str]:
    return page.evaluate(_OVERLAP_JS)


def size(page: Any) -> list[str]:
    return page.evaluate(_SIZE_JS, [*MIN_CHART, *MIN_CELL])


def fit(page: Any, slide: bool = False) -> list[str]:
    return page.evaluate(_FIT_JS, slide)


def contrast(page: Any) -> list[str]:
    return page.evaluate(_CONTRAST_JS, MIN_CONTRAST)


CHECKS = {"overflow": overflow, "overlap": overlap, "size": size, "contrast": contrast}


def look(page: Any, *, slide: bool = False) -> dict[str, list[str]]:
    """Every check on the page as it stands now: check name -> findings."""
    found = {name: check(page) for name, check in CHECKS.items()}
    found["fit"] = fit(page, slide)
    return found
