"""The UI layer shared by app.py and the pages: cached loaders, shared controls, banners.

Calculations stay in `sanitasi`; this module only caches its results at the edge and renders
widgets. Shared controls keep their value across pages (`persist_state="session"`) and live in the
URL, so a presenter's link opens the same view. The URL carries codes (`indikator=aman`,
`kecamatan=63.10.08`, `lang=en`), never translated labels, so a link works in either language:
Streamlit's own `bind="query-params"` stores the formatted label, hence the small sync here.
Every page calls `setup()` first, so each page also runs on its own (as the page smoke tests do).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

import altair as alt
import streamlit as st

from sanitasi import charts, fmt, i18n, indicators, load, targets, views
from sanitasi.load import Dataset

LANGS = ("id", "en")


# ------------------------------------------------------------------ cached loaders (shared by sessions)
@st.cache_resource(show_spinner=False)
def dataset() -> Dataset:
    return load.load_bundled()


@st.cache_resource(show_spinner=False)
def _analysis(versi: str, tahun: int) -> views.Analysis:
    return views.analyse(dataset(), tahun)


def analysis() -> views.Analysis:
    return _analysis(dataset().versi, tahun())


# ------------------------------------------------------------------ shared state
def lang() -> str:
    v = st.session_state.get("lang", "id")
    return v if v in LANGS else "id"


def t(key: str, **kw: Any) -> str:
    return i18n.t(key, lang(), **kw)


def documents() -> list[str]:
    return targets.documents(dataset().target)


def dokumen() -> str:
    docs = documents()
    v = st.session_state.get("target")
    return v if v in docs else docs[0]


def years() -> list[int]:
    return dataset().tahun


def tahun() -> int:
    v = st.session_state.get("tahun")
    ys = years()
    try:
        v = int(v)
    except (TypeError, ValueError):
        return ys[-1]
    return v if v in ys else ys[-1]


# Less empty space above the content: at 1024x768 on a projector every line counts.
_CSS = """<style>
.block-container {padding-top: 2.2rem; padding-bottom: 2rem;}
h1 {font-size: 2.0rem !important; padding-top: 0.2rem !important;}
[data-testid="stMetricValue"] {font-size: 2.0rem;}
.stat-label {font-size: 0.9rem; color: #4a4f57;}
.stat-value {font-size: 1.65rem; font-weight: 600; line-height: 1.2;}
</style>"""


# URL parameter -> how to read it. The widget with the same key shows it.
URL_PARAMS: dict[str, Callable[[str], Any]] = {
    "lang": str, "target": str, "tahun": int, "indikator": str, "kecamatan": str, "peta_warna": str,
    "peta_tampilan": str, "basis": str, "capai": int,
}


def restore_from_url() -> None:
    """Once per browser session, before any widget: put the URL's values into the widgets' state."""
    if st.session_state.get("_url_restored"):
        return
    st.session_state["_url_restored"] = True
    for key, parse in URL_PARAMS.items():
        raw = st.query_params.get(key)
        if raw is None or key in st.session_state:
            continue
        try:
            st.session_state[key] = parse(raw)
        except ValueError:
            continue  # a malformed parameter is ignored; the widget shows its default


def publish_to_url() -> None:
    """After the page: the URL shows the controls this page used, so the link reopens this view."""
    used = st.session_state.get("_url_used", [])
    params = {k: str(st.session_state[k]) for k in URL_PARAMS if k in used and k in st.session_state
              and st.session_state[k] is not None}
    if dict(st.query_params) != params:
        st.query_params.from_dict(params)
    st.session_state["_url_used"] = []


def _use(key: str) -> None:
    used = st.session_state.setdefault("_url_used", [])
    if key not in used:
        used.append(key)


def _valid(key: str, options: Sequence[Any]) -> None:
    """Drop a stored value that is not an option (an old link, another data version)."""
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]


def setup(page_key: str) -> views.Analysis:
    """Start of every page: theme, the shared sidebar when the page runs alone, the banner."""
    charts.register_theme()
    st.html(_CSS)
    if not st.session_state.get("_frame_drawn"):
        sidebar()
    st.session_state["_frame_drawn"] = False
    an = analysis()
    banner(an.data)
    return an


def sidebar() -> None:
    """Language, target document, reference year and the data in use: the same on every page."""
    d = dataset()
    restore_from_url()
    with st.sidebar:
        _valid("lang", LANGS)
        st.session_state.setdefault("lang", "id")
        st.radio("Bahasa / Language", LANGS, key="lang", horizontal=True,
                 format_func=lambda v: {"id": "Bahasa Indonesia", "en": "English"}[v])
        docs = documents()
        _valid("target", docs)
        st.session_state.setdefault("target", docs[0])
        st.selectbox(t("sidebar.dokumen"), docs, key="target",
                     help=t("sidebar.dokumen_bantuan"))
        ys = years()
        _valid("tahun", ys)
        st.session_state.setdefault("tahun", ys[-1])
        st.select_slider(t("sidebar.tahun"), options=ys, key="tahun", help=t("sidebar.tahun_bantuan"))
        for key in ("lang", "target", "tahun"):
            _use(key)
        st.markdown(f"**{t('sidebar.data')}**")
        st.caption(data_label(d))
        if d.batas_skematis:
            st.caption(t("sidebar.batas_skematis"))


def data_label(d: Dataset) -> str:
    state = t("umum.ilustratif") if d.ilustratif else t("umum.resmi")
    return t("sidebar.data_isi", versi=d.versi, tanggal=d.tanggal.strftime("%d-%m-%Y"), status=state)


def source(d: Dataset | None = None) -> str:
    """The source line every chart carries."""
    d = d or dataset()
    key = "grafik.sumber_ilustratif" if d.ilustratif else "grafik.sumber"
    return t(key, versi=d.versi, tanggal=d.tanggal.strftime("%d-%m-%Y"))


def banner(d: Dataset) -> None:
    if d.ilustratif:
        st.warning(t("banner.ilustratif"), icon=":material/science:")


def schematic_note(d: Dataset) -> None:
    if d.batas_skematis:
        st.caption(":material/map: " + t("peta.catatan_skematis"))


# ------------------------------------------------------------------ shared page controls
def select(key: str, options: Sequence[Any], label: str, *, format_func: Callable[[Any], str] = str,
           container: Any = None, horizontal: bool = False, **kw: Any) -> Any:
    """A control whose value persists across pages and lives in the URL under `key`."""
    place = container or st
    widget = place.segmented_control if horizontal else place.selectbox
    _valid(key, options)
    st.session_state.setdefault(key, options[0])
    if horizontal:
        kw.setdefault("required", True)
    _use(key)
    return widget(label, list(options), key=key, format_func=format_func, persist_state="session", **kw)


def indicator(container: Any = None, options: Sequence[str] | None = None) -> str:
    opts = list(options or indicators.HEADLINE)
    v = select("indikator", opts, t("kontrol.indikator"), container=container,
               format_func=lambda k: indicators.get(k).label(lang()))
    return v or opts[0]


def kecamatan(container: Any = None, with_district: bool = False) -> str:
    d = dataset()
    names = dict(zip(d.wilayah["kode"], d.wilayah["nama"], strict=True))
    opts = ([views.KABUPATEN] if with_district else []) + sorted(names, key=names.get)
    v = select("kecamatan", opts, t("kontrol.kecamatan"), container=container,
               format_func=lambda k: t("umum.kabupaten") if k == views.KABUPATEN else names[k])
    return v or opts[0]


# ------------------------------------------------------------------ rendering helpers
def year_slider(key: str, label: str, options: list[int], default: int, container: Any = None, **kw: Any) -> int:
    """A year chooser that persists and lives in the URL like the other shared controls."""
    _valid(key, options)
    _use(key)
    st.session_state.setdefault(key, default)
    return (container or st).select_slider(label, options=options, key=key, persist_state="session", **kw)


def chart(c: alt.TopLevelMixin, **kw: Any) -> Any:
    """Draw a finished chart with our theme (not Streamlit's), full width."""
    return st.altair_chart(c, theme=None, width="stretch", **kw)


def badge(status: str) -> str:
    """HTML for a status badge in the status colour used on every page (text is from our catalogue)."""
    from sanitasi.progress import WARNA, Status

    colour = WARNA.get(Status(status)) if status in Status._value2member_map_ else charts.NO_DATA
    dark = status in ("tercapai", "memburuk", "tidak_tercapai", "lambat")
    label = html.escape(views.status_label(status, lang()))
    return (f"<span style='background:{colour};color:{'#fff' if dark else '#1b1b1b'};padding:2px 10px;"
            f"border-radius:10px;font-weight:600;font-size:0.95rem;white-space:nowrap'>{label}</span>")


def number(x: float, decimals: int = 0) -> str:
    return fmt.number(x, decimals, lang())


def page_link(path: str, label: str, icon: str | None = None) -> None:
    """A link to another page; skipped when the page runs outside the navigation (a page test)."""
    from contextlib import suppress

    from streamlit.errors import StreamlitAPIException

    with suppress(StreamlitAPIException):
        st.page_link(path, label=label, icon=icon)


def stat(label: str, value: str, container: Any = None) -> None:
    """A figure with its label that wraps instead of being cut off (long rupiah amounts)."""
    (container or st).html(f"<div class='stat-label'>{html.escape(label)}</div>"
                           f"<div class='stat-value'>{html.escape(value)}</div>")


def table(frame: Any) -> None:
    """A static table whose long texts wrap (definitions, notes): for reading, not sorting."""
    st.table(frame.set_index(frame.columns[0]))
