"""Drawing what a view returns: charts in the house theme (larger when presenting) with their picture downloads,
status badges, figures that wrap, static tables, a slide's message."""

from __future__ import annotations

import html
import weakref
from collections.abc import Sequence
from contextlib import suppress
from typing import Any

import streamlit as st
from streamlit import dataframe_util
from streamlit.errors import StreamlitAPIException

from sanitasi import charts, deck, exports, fmt
from sanitasi.cards import Card
from sanitasi.progress import WARNA, Status, status_label
from sanitasi.views.display import Figure, Table, html_table
from sanitasi.views.peta import Detail
from ui.cache import imported_texts
from ui.state import lang, presenting, t, use_tab


def figure(fig: Figure, **kw: Any) -> Any:
    """Draw a view's chart (its spec made once, see `Figure.spec`); keyword arguments go to
    `st.vega_lite_chart` (a map's click selection, a height)."""
    return _draw(fig.chart, with_arrow_data(fig), fig.name, kw)


def small_multiples(fig: Figure, key: str) -> None:
    """Small multiples drawn once, in four columns (three on the projector, where the type is larger), shrunk to
    their place where it is narrower (the picture is SVG with a view box, so it scales whole: `layout_css`). Drawing
    the same chart in several column counts and hiding all but one, as before, cost the browser three charts' work."""
    columns = 3 if presenting() else 4
    with st.container(key=f"kecil_{key}"):
        _draw(fig.chart, {**with_arrow_data(fig), "columns": columns}, fig.name, {})


# A figure's data sets in Arrow, as Streamlit sends them, by figure (a figure is hashed by identity): converted once,
# not on every click. Streamlit turns each table among a spec's data sets (rows, as Altair writes them) into Arrow
# bytes when the chart is drawn, about 60% of the server's time for a chart (py-spy), and passes bytes on as they
# are; GeoJSON features stay in the spec for Vega-Lite to read.
_ARROW: weakref.WeakKeyDictionary[Figure, dict[str, Any]] = weakref.WeakKeyDictionary()


def _is_table(rows: Any) -> bool:
    """Rows Streamlit sends as Arrow: a list of records, not of GeoJSON features (the map's shapes)."""
    return isinstance(rows, list) and not (rows and isinstance(rows[0], dict) and rows[0].get("type") == "Feature"
                                           and "geometry" in rows[0])


def with_arrow_data(fig: Figure) -> dict:
    """`fig.spec` with its tables as the Arrow bytes Streamlit would make of them (its own function makes them),
    converted the first time the figure is drawn. The figure's spec is not changed: the picture exports read it."""
    datasets = fig.spec.get("datasets")
    if not datasets:
        return fig.spec
    arrow = _ARROW.get(fig)
    if arrow is None:
        arrow = _ARROW[fig] = {name: dataframe_util.convert_anything_to_arrow_bytes(rows) if _is_table(rows)
                               else rows for name, rows in datasets.items()}
    return {**fig.spec, "datasets": arrow}


# Places side by side that move below each other where the page is too narrow for them: for each row (by its key),
# each place's share of the row and the least width (px) its content reads at (a ranking of bars squeezed to 75 px
# does not read). Their rules are in the page's CSS (`layout_css`, written once by ui.chrome): a <style> of their own
# in front of the row on every click cost the browser 20 ms a page (Program SSK, paired runs).
ROWS: dict[str, tuple[tuple[int, int], ...]] = {
    "peta_isi": ((3, 380), (2, 340)),  # Peta: the map, its ranking
    "lintasan_isi": ((5, 380), (2, 200)),  # Lintasan: the trajectory, its status and facts
    "kecamatan_isi": ((1, 380), (1, 400)),  # Kecamatan: the ladder, the comparison with the district
    "ssk_isi": ((1, 380), (1, 420)),  # Program SSK: the households, the money
    "skenario": ((2, 240), (3, 420)),  # Kebutuhan: the what-if's number and answer, its table
}


# Tabs of `tabs_on_demand`, by key (also their URL parameter). Their content is drawn under the tab bar, not in the
# tab's panel: react-aria's tab panel watches every change inside it and walks its content for something to focus,
# so a chart drawn in a panel set off a walk, with a style check of each node, at every step of its drawing (15 ms of
# visibility checks a click on Lintasan in a Chromium profile; paired run, 20 rounds: 468 -> 434 ms). The empty
# panels are hidden by `layout_css`.
TABS = ("kebutuhan_tab", "lintasan_tab", "ssk_tab", "sampah_tab", "sampah_jalur", "stbm_tab")


def layout_css() -> str:
    """The rules of `ROWS` (the flex item is the wrapper Streamlit puts around each child of a horizontal container),
    the empty panels of `TABS`, and small multiples' pictures shrunk to their place."""
    rows = [f".st-key-{key} > div:has(> .st-key-{key}_{i}) {{flex: {share} 1 0 !important; "
            f"min-width: min({least}px, 100%) !important;}}"
            for key, parts in ROWS.items() for i, (share, least) in enumerate(parts)]
    panels = ", ".join(f".st-key-{key} [role='tabpanel']" for key in TABS) + " {display: none;}"
    return "\n".join([*rows, panels, "[class*='st-key-kecil_'] [data-testid='stVegaLiteChart'] svg {max-width: 100%; "
                                          "height: auto;}"])


def columns_that_wrap(key: str) -> list[Any]:
    """The places of the row `key` of `ROWS`, side by side where there is room, one under the other where not."""
    row = st.container(horizontal=True, wrap=True, gap="medium", key=key)
    return [row.container(key=f"{key}_{i}") for i in range(len(ROWS[key]))]


def card_html(items: Sequence[Card], per_row: int, brief: bool = False) -> str:
    """Status cards (`textblock.Cards`), at most `per_row` in a row and fewer where the page is narrow: each the
    figure with its change on the year before, the status badge, then either the target, the gap and the households
    short (and the source and method), or, `brief`, the target line and the source. Drawn as Streamlit elements, a
    card cost the browser five (a box, a metric, two markdown blocks, a caption), 35 on Ringkasan. Cards in a row are
    as tall as the tallest, their sources at the foot."""
    return (f"<div class='kartu-baris' style='--per-baris:{int(per_row)}'>"
            + "".join(_card_html(c, brief) for c in items) + "</div>")


def _card_html(c: Card, brief: bool) -> str:
    md = fmt.markdown_html
    parts = [f"<div class='kartu-judul'>{md(c.judul)}</div>", f"<div class='kartu-nilai'>{md(c.nilai)}</div>"]
    if c.perubahan:
        arrow = {"up": "\u2191 ", "down": "\u2193 "}.get(c.delta_panah, "")
        look = html.escape(c.delta_warna)
        parts.append(f"<div class='kartu-delta kartu-delta-{look}'>{arrow}{md(c.perubahan)}</div>")
    parts.append(f"<div class='kartu-status'>{badge(c.status)}</div>")
    if brief:
        notes = [c.target.replace("**", ""), c.sumber]
    else:
        lines = "<br>".join(md(x) for x in (c.target, c.selisih, c.selisih_kk) if x)
        parts.append(f"<div class='kartu-teks'>{lines}</div>")
        notes = [c.sumber, c.metode]
    if any(notes):
        parts.append(f"<div class='kartu-catatan'>{'<br>'.join(md(x) for x in notes if x)}</div>")
    return "<div class='kartu'>" + "".join(parts) + "</div>"


def area_detail(d: Detail) -> None:
    """Peta's box on the kecamatan chosen: its name and status, the figure and the households short side by side with
    their target lines, the notes, then the link to its Kecamatan page. One HTML block and the link, where Streamlit's
    headings, metrics, columns and captions cost the browser a dozen elements."""
    md = fmt.markdown_html

    def figure_html(label: str, value: str, lines: Sequence[str]) -> str:
        notes = "<br>".join(md(x) for x in lines if x)
        return (f"<div><div class='kartu-judul'>{md(label)}</div><div class='kartu-nilai'>{md(value)}</div>"
                + (f"<div class='kartu-catatan'>{notes}</div>" if notes else "") + "</div>")

    with st.container(border=True):
        st.html("<div class='rincian'>"
                f"<h3 class='rincian-nama'>{md(d.nama)}</h3><div class='kartu-status'>{badge(d.status)}</div>"
                + (f"<div class='kartu-catatan'>{md(d.status_teks)}</div>" if d.dinilai else "")
                # the figures get the room: "1,109 households" is cut in a third of the width
                + "<div class='rincian-angka'>"
                + figure_html(d.label, d.nilai, [d.target_selisih, d.dinilai]) + figure_html(d.label_kk, d.kk, [])
                + "</div>" + (f"<div class='kartu-catatan'>{md(d.catatan)}</div>" if d.catatan else "") + "</div>")
        page_link("app_pages/kecamatan.py", d.ke_profil, icon=":material/arrow_forward:")


def _draw(c: Any, spec: dict, name: str | None, kw: dict) -> Any:
    """Our theme (not Streamlit's), full width, larger type when presenting. With `name`, a small menu below
    offers the chart as PNG (2x, for slides) and SVG, rendered on the server only when asked for."""
    scale = charts.PRESENTATION_SCALE if presenting() else 1.0
    if not any(k in spec for k in ("facet", "hconcat", "vconcat", "concat")):
        # the height a builder gives is the plot's, as in the exported picture: Streamlit's default ("fit") makes it
        # the whole chart's, so a legend and a two-line title squeezed the ladder's bars to 25 px
        spec = {**spec, "autosize": {"type": "fit-x", "contains": "padding"}}
    if scale != 1.0:
        spec = charts.scale_spec(spec, scale)
    # titles broken to the chart's width: Vega cuts them with '…' (two charts side by side at 1024x768)
    event = st.vega_lite_chart(charts.fit_title(spec, scale), theme=None, width="stretch", **kw)
    if name and not presenting():  # on the projector the picture menu would push the slide past the screen
        with st.popover(t("ekspor.unduh_gambar"), icon=":material/download:"):
            st.download_button(t("ekspor.png"), lambda: deck.png(c), file_name=f"{name}.png", mime="image/png",
                               on_click="ignore", key=f"png_{name}")
            st.download_button(t("ekspor.svg"), lambda: deck.svg(c), file_name=f"{name}.svg", mime="image/svg+xml",
                               on_click="ignore", key=f"svg_{name}")
    return event


def badge(status: str) -> str:
    """HTML for a status badge in the status colour used on every page (text is from our catalogue)."""
    colour = WARNA.get(Status(status)) if status in Status._value2member_map_ else charts.NO_DATA
    ink = charts.ink_on(colour)  # chosen for contrast with the fill (white on orange was 3:1)
    label = html.escape(status_label(status, lang()))
    return (f"<span style='background:{colour};color:{ink};padding:2px 10px;"
            f"border-radius:10px;font-weight:600;font-size:0.95rem;white-space:nowrap'>{label}</span>")


def number(x: float, decimals: int = 0) -> str:
    return fmt.number(x, decimals, lang())


def page_link(path: str, label: str, icon: str | None = None) -> None:
    """A link to another page; skipped when the page runs outside the navigation (a page test)."""
    with suppress(StreamlitAPIException):
        st.page_link(path, label=label, icon=icon)


def stat(label: str, value: str, container: Any = None) -> None:
    """A figure with its label that wraps instead of being cut off (long rupiah amounts)."""
    (container or st).html(_stat_html(label, value))


def figures_html(pairs: Sequence[tuple[str, str]]) -> str:
    """A row of figures with their labels that wraps to the width (Streamlit columns cost the browser a layout block
    each), for `textblock.Figures`."""
    return ("<div class='stats'>" + "".join(f"<div>{_stat_html(label, value)}</div>" for label, value in pairs)
            + "</div>")


def _stat_html(label: str, value: str) -> str:
    return (f"<div class='stat-label'>{html.escape(fmt.uninert(label))}</div>"
            f"<div class='stat-value'>{html.escape(fmt.uninert(value))}</div>")


def table(frame: Any, title: str = "", lead: str | Sequence[str] = "", foot: Sequence[str] = ()) -> None:
    """A static table whose long texts wrap (definitions, notes): for reading, not sorting. `title` and `lead` (a
    line, or lines) head it, as a chart's title and subtitle head the chart (a ranking drawn as a table beside a
    map); a view's `Table` brings its source line, written under it with the `foot` lines (notes, the method) in
    small print. All of it one HTML block: a caption or a heading of its own costs the browser an element more."""
    st.html(table_html(frame, title, lead, foot))


def table_html(frame: Any, title: str = "", lead: str | Sequence[str] = "", foot: Sequence[str] = ()) -> str:
    said = "<br>".join(fmt.markdown_html(x) for x in ([lead] if isinstance(lead, str) else lead) if x)
    # the source, then each note a paragraph of its own, as captions one under the other were
    under = "".join(f"<div>{fmt.markdown_html(x)}</div>"
                    for x in ([frame.sumber, *foot] if isinstance(frame, Table) else foot) if x)
    body = (html_table(frame.frame, frame.batang, frame.warna, frame.pilih) if isinstance(frame, Table)
            else html_table(frame))  # every cell HTML-escaped: imported names show as typed
    return ((f"<div class='tabel-judul'>{fmt.markdown_html(title)}</div>" if title else "")
            + (f"<div class='tabel-pengantar'>{said}</div>" if said else "") + body
            + (f"<div class='tabel-kaki'>{under}</div>" if under else ""))


# Lines of text drawn as one element: each markdown element costs the browser its own render (a few ms a line).
def points(lines: Sequence[str]) -> None:
    """A bulleted list, one element."""
    if lines:
        st.markdown("\n".join(f"- {line}" for line in lines))


def notes(lines: Sequence[str]) -> None:
    """Small print (sources, notes, the method), one element, a paragraph a line (empty lines left out)."""
    if any(lines):
        st.caption("\n\n".join(x for x in lines if x))


def fact_lines(sentence: str, pairs: Sequence[tuple[str, str]]) -> list[str]:
    """The sentence a presenter reads, then each fact's label in bold over its value: `textblock.Para`'s lines."""
    return ([sentence] if sentence else []) + [f"**{label}**  \n{value}" for label, value in pairs]


def message(markdown: str) -> None:
    """The one message of a slide: larger than body text, smaller than a heading. The message carries imported
    names (the target document's): only the frame is HTML; the names in the message come escaped from the view
    result (`ui.view`, `fmt.inert`), and whatever imported text is in it is escaped again here if it came another
    way."""
    st.markdown(f"<div class='slide-msg'>\n\n{fmt.inert(markdown, imported_texts())}\n\n</div>",
                unsafe_allow_html=True)


def sorted_table(tab: Table, key: str) -> None:
    """A table whose numeric columns sort as numbers and read the Indonesian way, all rows shown without a
    scroll bar."""
    st.dataframe(tab.styler if tab.styler is not None else tab.frame, hide_index=True, width="stretch",
                 height=38 * (len(tab.frame) + 1), key=key)
    if tab.sumber:
        st.caption(tab.sumber)


def download_csv(label: str, frame: Any, file_name: str, key: str) -> None:
    """A download button for a table as Indonesian Excel opens it (`;`, decimal comma, formulas neutralised)."""
    st.download_button(label, exports.to_csv(frame), file_name=file_name, mime="text/csv", key=key)


def on_demand(label: str, key: str) -> Any | None:
    """A closed expander whose content is built only once it is opened (opening reruns the page): for reference
    tables read now and then, so the page's first draw stays light. The open container, or None while closed."""
    box = st.expander(label, key=key, on_change="rerun")
    return box if box.open else None


def tabs_on_demand(labels: list[str], key: str) -> list[Any | None]:
    """Tabs whose content is built only for the tab shown (choosing another reruns the page): the page's first draw
    carries one tab's charts instead of all of them. Each tab's container while it is shown, None otherwise. The tab
    shown is in the URL under `key`, by its label (Streamlit's binding), so a link or a replica restart reopens it.
    The content goes in one container under the tab bar, not in the tab's panel (see `TABS`); `key` is one of `TABS`."""
    if key not in TABS:
        raise ValueError(f"tabs_on_demand: key {key!r} is not in ui.render.TABS (its empty panels would show)")
    use_tab(key)
    tabs = st.tabs(labels, key=key, on_change="rerun", bind="query-params")
    place = st.container()
    return [place if tab.open else None for tab in tabs]


def download_xlsx(label: str, xlsx: Any, file_name: str, key: str) -> None:
    """A download button for a workbook a view makes when asked (`xlsx`: bytes, or a function that makes them)."""
    st.download_button(label, xlsx, file_name=file_name, on_click="ignore", icon=":material/table_view:", key=key,
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
