"""The page's frame: house CSS, the shared sidebar (language, document, year, presentation mode, data in use) and
the illustrative-data banner. Every page calls `setup()` first, so each page also runs on its own."""

from __future__ import annotations

from typing import Any

import streamlit as st

from sanitasi import charts, store, versions, views
from sanitasi.load import Dataset
from ui.cache import _analysis, _current, _village_view, _vk, analysis, dataset
from ui.state import LANGS, _use, _valid, documents, lang, presenting, restore_from_url, t, years

# Less empty space above the content: at 1024x768 on a projector every line counts.
_CSS = """<style>
.block-container {padding-top: 2.2rem; padding-bottom: 2rem;}
h1 {font-size: 2.0rem !important; padding-top: 0.2rem !important;}
[data-testid="stMetricValue"] {font-size: 2.0rem;}
.stat-label {font-size: 0.9rem; color: #4a4f57;}
.stat-value {font-size: 1.65rem; font-weight: 600; line-height: 1.2;}
</style>"""


# Presentation mode: everything larger for the back of a room, and less chrome.
_CSS_PAPARAN = """<style>
html {font-size: 20px;}
.block-container {padding-top: 3rem; max-width: 100%;}
[data-testid="stMetricValue"] {font-size: 2.6rem;}
h1 {font-size: 1.9rem !important; padding-bottom: 0.2rem !important;}
</style>"""


def setup(page_key: str) -> views.Analysis:
    """Start of every page: theme, the shared sidebar when the page runs alone, the banner."""
    charts.register_theme()
    st.html(_CSS)
    if not st.session_state.get("_frame_drawn"):
        sidebar()
    st.session_state["_frame_drawn"] = False
    if presenting():
        st.html(_CSS_PAPARAN)
    an = analysis()
    banner(an.data, page_key)
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
        _valid("mode", ("biasa", "paparan"))
        st.session_state.setdefault("mode", "biasa")
        st.session_state["_mode_toggle"] = presenting()
        st.toggle(t("sidebar.paparan"), key="_mode_toggle", help=t("sidebar.paparan_bantuan"), on_change=_flip_mode)
        for key in ("lang", "target", "tahun", "mode"):
            _use(key)
        st.markdown(f"**{t('sidebar.data')}**")
        st.caption(data_label(d))


def _flip_mode() -> None:
    st.session_state["mode"] = "paparan" if st.session_state.get("_mode_toggle") else "biasa"


def data_label(d: Dataset) -> str:
    if d.versi == str(store.BUNDLED):
        return t("sidebar.data_isi", versi=d.versi, tanggal=d.tanggal.strftime("%d-%m-%Y"),
                 status=t("umum.ilustratif"))
    state = t("umum.ilustratif") if d.ilustratif else t("umum.resmi")
    return t("sidebar.data_versi", versi=d.versi, tanggal=d.tanggal.strftime("%d-%m-%Y"), status=state)


def source(*kinds: str, d: Dataset | None = None) -> str:
    """The source line every chart carries; ILLUSTRATIVE when any table the chart draws on (default: the
    access table) is still the bundled illustrative one."""
    d = d or dataset()
    illustrative = any(d.illustrative(k) for k in (kinds or ("akses",)))
    key = "grafik.sumber_ilustratif" if illustrative else "grafik.sumber"
    return t(key, versi=d.versi, tanggal=d.tanggal.strftime("%d-%m-%Y"))


# The tables each page shows numbers from: its banner names the illustrative ones among them.
PAGE_KINDS = {
    "ringkasan": ("akses", "stbm", "sampah", "drainase"), "paparan": ("akses", "stbm", "sampah", "drainase",
                                                                      "komitmen"),
    "stbm": ("stbm", "akses"), "sampah": ("sampah", "drainase"), "opd": ("kegiatan", "akses"),
    "komitmen": ("komitmen",),
}


def banner(d: Dataset, page_key: str = "") -> None:
    kinds = PAGE_KINDS.get(page_key, ("akses",))
    shown = [k for k in kinds if d.illustrative(k)]
    if not shown:
        return
    if len(shown) == len(kinds) or kinds == ("akses",):
        st.warning(t("banner.ilustratif"), icon=":material/science:")
    else:
        st.warning(t("banner.ilustratif_sebagian", tabel=", ".join(versions.kind_label(k, lang()) for k in shown)),
                   icon=":material/science:")


@st.cache_resource(show_spinner=False, max_entries=64)
def _slides(vk: str, tahun_data: int, dokumen: str, indikator: str, capai: int, lang: str, source: str) -> list:
    from sanitasi import presentation

    an = _analysis(vk, tahun_data)
    built = presentation.slides(an, presentation.Setting(dokumen, indikator, capai, lang), source)
    return [(s, s.chart.to_dict(validate=False) if s.chart is not None else None) for s in built]


def _slide_pairs(setting: Any) -> list:
    return _slides(*_current(), setting.dokumen, setting.indikator, setting.tahun_capai, setting.lang,
                   source(*PAGE_KINDS["paparan"]))


def slides(setting: Any) -> list:
    """The Paparan sequence for the current data, cached per setting (charts are built once)."""
    return [s for s, _ in _slide_pairs(setting)]


def slide_spec(setting: Any, index: int) -> dict | None:
    """The cached spec of a slide's chart."""
    return _slide_pairs(setting)[index][1]


def village_view(an: views.Analysis) -> Any:
    """The STBM village view (table and map) for the reference year, cached per version, year and language."""
    return _village_view(_vk(), an.tahun, lang())
