"""The page's frame: house CSS, the shared sidebar (language, document, year, presentation mode, data in use) and
the illustrative-data banner. Every page calls `setup()` first, so each page also runs on its own."""

from __future__ import annotations

import logging
import uuid

import streamlit as st

from sanitasi import charts, fmt, sources, store
from sanitasi.analysis import Analysis
from sanitasi.kinds import page_kinds
from sanitasi.load import Dataset
from sanitasi.views import data as data_view
from ui.cache import analysis, database_down, dataset, district_choices, known_version
from ui.render import layout_css
from ui.state import (
    LANGS,
    _relabel,
    _use,
    _valid,
    default_document,
    document_label,
    document_note,
    documents,
    lang,
    presenting,
    restore_from_url,
    t,
    years,
)

log = logging.getLogger("sanitasi")

# Less empty space around the content: at 1024x768 on a projector every line counts. Streamlit's wide layout keeps
# 5rem on each side, a quarter of the width at 1024 with the sidebar open. The header is cut to the height of its one
# button (the sidebar's), and the content starts below it: the banner's top once hid under it.
_CSS = """<style>
[data-testid="stHeader"] {height: 2.4rem; min-height: 2.4rem;}
.block-container {padding-top: 2.7rem; padding-bottom: 2rem; padding-left: clamp(1rem, 2.5vw, 5rem);
                  padding-right: clamp(1rem, 2.5vw, 5rem);}
h1 {font-size: 2.0rem !important; padding-top: 0.2rem !important;}
/* text written as one block (ui.prose), in Streamlit's own type: title, subheader, markdown, caption, info */
.teks {color: #31333f;}
.teks > :last-child {margin-bottom: 0;}
.teks h1 {font-weight: 700; line-height: 1.2; margin: 0; padding-bottom: 1rem;}
.teks h3 {font-size: 1.75rem; font-weight: 600; line-height: 1.2; margin: 0; padding: 0.75rem 0 0.75rem;}
.teks p {margin: 0 0 1rem; font-size: 1rem; line-height: 1.6;}
.teks ul {margin: 0 0 1rem; padding-left: 1.5rem;}
.teks li {font-size: 1rem; line-height: 1.6; margin: 0.2rem 0;}
.teks p.kecil {font-size: 0.875rem; line-height: 1.5; color: #5c606a; margin-bottom: 0.5rem;}
.teks .stats, .teks .kartu-baris, .teks .tabel-kaki {margin-bottom: 1rem;}
.teks > .kartu-status {margin: 0 0 0.75rem;}
.kotak {display: flex; gap: 0.75rem; padding: 1rem; border-radius: 0.5rem; margin: 0 0 1rem; line-height: 1.6;}
.kotak::before {content: attr(data-ikon); font-family: "Material Symbols Rounded"; font-size: 1.25rem;
                line-height: 1.6rem; font-feature-settings: "liga"; flex: none;}
.kotak p, .kotak ul {margin: 0 0 0.5rem;}
.kotak > div > :last-child {margin-bottom: 0;}
.kotak-info {background: #e6f0fb; color: #0b4a87;}
.kotak-warning {background: #fff4d9; color: #6e5200;}
.kotak-success {background: #e4f6e9; color: #17622f;}
.kotak-error {background: #fde8e8; color: #8a1c1c;}
/* status cards (textblock.Cards) and Peta's box on one kecamatan (ui.area_detail), one HTML block each: at most
   --per-baris cards a row, fewer where a card would get under 12rem; a row's cards as tall as the tallest */
.kartu-baris {display: grid; gap: 1rem; margin-bottom: 0.5rem; grid-template-columns: repeat(auto-fill,
  minmax(max(12rem, calc((100% - (var(--per-baris) - 1) * 1rem) / var(--per-baris))), 1fr));}
.kartu {border: 1px solid #d5d8de; border-radius: 0.5rem; padding: 1rem; min-width: 0;
        display: flex; flex-direction: column; align-items: flex-start; gap: 0.3rem; color: #31333f;}
.kartu-judul {font-size: 0.875rem; line-height: 1.4;}
.kartu-nilai {font-size: 2.0rem; line-height: 1.15;}
.kartu-delta {font-size: 0.875rem; line-height: 1.4; padding: 0.05rem 0.5rem; border-radius: 0.75rem;}
.kartu-delta-blue {color: #0b5394; background: #e7f0fa;}
.kartu-delta-orange {color: #8f4400; background: #fdefe1;}
.kartu-delta-gray {color: #4a4f57; background: #eef0f3;}
.kartu-status {margin: 0.5rem 0 0.3rem;}
.kartu-teks {font-size: 1rem; line-height: 1.6;}
.kartu-catatan {font-size: 0.875rem; line-height: 1.5; color: #5c606a; margin-top: 0.3rem;}
.kartu > .kartu-catatan:last-child {margin-top: auto; padding-top: 0.3rem;}
.rincian {color: #31333f;}
.rincian .rincian-nama {font-size: 1.5rem; font-weight: 600; line-height: 1.3; margin: 0 0 0.3rem; padding: 0;}
.rincian-angka {display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; margin-top: 0.5rem;}
.rincian-angka > div {flex: 1 1 12rem; min-width: 0;}
.stat-label {font-size: 0.9rem; color: #4a4f57;}
.stat-value {font-size: 1.65rem; font-weight: 600; line-height: 1.2;}
.stats {display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; margin-bottom: 0.25rem;}
.stats > div {flex: 1 1 9rem; min-width: 0; display: flex; flex-direction: column; justify-content: space-between;}
.slide-msg {font-size: 1.3rem; line-height: 1.45; margin: 0.2rem 0 0.8rem;}
.st-key-slide_pgup, .st-key-slide_pgdn {display: none;}
.tabel {overflow-x: auto; margin: 0 0 0.5rem;}
.tabel-judul {font-size: 1rem; font-weight: 600; line-height: 1.3; color: #262730;}
.tabel-pengantar {font-size: 0.8rem; line-height: 1.35; color: #4a4f57; margin-bottom: 0.35rem;}
.tabel-kaki {font-size: 0.875rem; line-height: 1.5; color: #5c606a; margin: -0.1rem 0 0.5rem;}
.tabel-kaki > div + div {margin-top: 0.4rem;}
.tabel table {border-collapse: collapse; width: 100%; font-size: 0.875rem; line-height: 1.4; color: #262730;}
.tabel th, .tabel td {padding: 0.3rem 0.5rem; border-bottom: 1px solid #e6e8ec; text-align: left; vertical-align: top;
                      overflow-wrap: break-word;}
.tabel thead th {font-weight: 600; color: #4a4f57; border-bottom: 2px solid #d5d8de; vertical-align: bottom;}
.tabel tbody th {font-weight: 600;}
/* figures wrap only at their spaces ("Rp2,9 / miliar"): seven money columns fit 1024 px with the sidebar open */
.tabel .n {text-align: right; font-variant-numeric: tabular-nums;}
/* a data bar behind a figure (html_table's `bar`): light enough that the figure over it keeps its contrast */
.tabel td.batang {background: linear-gradient(to right, #c9dcee var(--batang), transparent var(--batang));}
/* bars in their own colours (a ranking in the map's colours, `Bars.warna`): bars alone in a wide column, inset from
   the rows' lines; the target (`Bars.garis`) a dark line down the column, broken by the rows as a dashed rule */
.tabel td.lajur {width: 45%; min-width: 7rem; background-repeat: no-repeat; background-position: left center;
                 background-image: linear-gradient(to right, var(--warna, transparent) var(--batang, 0%),
                                                   transparent var(--batang, 0%));
                 background-size: 100% 68%;}
.tabel td.lajur.garis {background-image: repeating-linear-gradient(to bottom, #31333f 0 5px, transparent 5px 9px),
                                         linear-gradient(to right, var(--warna, transparent) var(--batang, 0%),
                                                         transparent var(--batang, 0%));
                       background-size: 2px 100%, 100% 68%; background-position: var(--garis) 0, left center;}
/* the row chosen (the kecamatan in the sidebar): outlined and bold, as its bar is on the map's chart */
.tabel tr.pilih {outline: 2px solid #31333f; outline-offset: -2px;}
.tabel tr.pilih > * {font-weight: 700;}
.tabel tbody tr:hover {background: #f5f6f8;}
/* seven columns and more (money by source and year): headings may break inside a word rather than push the table
   past its place at 1024 px with the sidebar open ("(ILUSTRATIF)" under each source) */
.tabel table:has(thead th:nth-child(7)) {font-size: 0.8125rem;}
.tabel table:has(thead th:nth-child(7)) thead th:not(:first-child) {overflow-wrap: anywhere;}
.tabel table:has(thead th:nth-child(7)) :is(th, td) {padding-left: 0.35rem; padding-right: 0.35rem;}
/* ... and the names' column takes no more than its share: a long total row ("Kabupaten sebagai satu wilayah ...")
   wraps instead of squeezing the figures into broken headings */
.tabel table:has(thead th:nth-child(7)) th:first-child {width: 10rem;}
/* the Data page's version list has eight columns of short words and figures: none of that squeeze ("Aktif" broke
   into "Akt if", the version's number took 10rem) */
.daftar-versi .tabel table:has(thead th:nth-child(7)) th:first-child {width: auto;}
.daftar-versi .tabel table:has(thead th:nth-child(7)) thead th:not(:first-child) {overflow-wrap: normal;}
</style>"""


# Presentation mode: everything larger for the back of a room, and less chrome. (The clicker's Page Up/Down
# buttons on Paparan are there for the keys only: hidden in _CSS, in and out of presentation mode.)
_CSS_PAPARAN = """<style>
html {font-size: 18px;}
.block-container {padding-top: 2.7rem; padding-bottom: 0.5rem; max-width: 100%;}
.kartu-nilai {font-size: 2.6rem;}
h1 {font-size: 1.75rem !important; padding: 0 !important;}
[data-testid="stAlert"] > div, .kotak {padding: 0.3rem 0.8rem; min-height: 0;}
[data-testid="stAlert"] p, .kotak {font-size: 0.85rem;}
.slide-msg {font-size: 1.15rem; line-height: 1.4; margin: 0 0 0.3rem;}
.st-key-slide_sisi p, .st-key-slide_sisi li {font-size: 0.9rem; line-height: 1.35;}
.st-key-slide_sisi table {font-size: 0.8rem;}
.st-key-slide_sisi td, .st-key-slide_sisi th {padding: 0.2rem 0.4rem !important;}
</style>"""


# the rows that wrap and the small multiples (ui.render), in the one <style> written at the top of every page
_CSS = _CSS.replace("</style>", layout_css() + "\n</style>")


def setup(page_key: str) -> Analysis:
    """Start of every page: theme, the shared sidebar when the page runs alone, the banner."""
    charts.register_theme()
    st.html(_CSS)
    if not st.session_state.get("_frame_drawn"):
        sidebar()
    st.session_state["_frame_drawn"] = False
    if presenting():
        st.html(_CSS_PAPARAN)
    an = analysis()
    outage_banner()
    banner(an.data, page_key)
    return an


def outage_banner() -> None:
    """Said on every page while the database does not answer: which data are shown instead (never a silent
    switch to the bundled data)."""
    if not database_down():
        return
    known = known_version()
    if known is None or known == store.BUNDLED:
        st.error(t("db.tak_terjangkau_bawaan"), icon=":material/cloud_off:")
    else:
        st.error(t("db.tak_terjangkau", versi=t("db.versi", versi=known)), icon=":material/cloud_off:")


def page_failed() -> None:
    """A page that raised: a short message with a code to quote, the detail in the server's log only."""
    code = uuid.uuid4().hex[:8]
    log.exception("halaman gagal [%s]", code)
    st.error(t("halaman.gagal", kode=code), icon=":material/error:")


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
        st.session_state.setdefault("target", default_document())
        _relabel("target")
        chosen = st.selectbox(t("sidebar.dokumen"), docs, key="target", format_func=document_label,
                              help=t("sidebar.dokumen_bantuan"))
        st.caption(document_note(chosen))
        ys = years()
        _valid("tahun", ys)
        st.session_state.setdefault("tahun", ys[-1])
        st.select_slider(t("sidebar.tahun"), options=ys, key="tahun", help=t("sidebar.tahun_bantuan"))
        choices, lead = district_choices()
        if len(choices) > 1:  # a kabupaten series is loaded beside the roll-up: which one the headline uses
            _valid("seri", choices)
            st.session_state.setdefault("seri", lead)
            st.selectbox(t("sidebar.seri"), choices, key="seri", help=t("sidebar.seri_bantuan"),
                         format_func=lambda s: sources.label(s, lang()))
            _use("seri")
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
        return t("sidebar.data_isi", versi=d.versi, tanggal=fmt.date(d.tanggal, lang()),
                 status=t("umum.ilustratif"))
    state = t("umum.ilustratif") if d.ilustratif else t("umum.resmi")
    return t("sidebar.data_versi", versi=d.versi, tanggal=fmt.date(d.tanggal, lang()), status=state)


# The tables each page shows numbers from: its banner names the illustrative ones among them.
PAGE_KINDS = page_kinds()


def banner(d: Dataset, page_key: str = "") -> None:
    kinds = PAGE_KINDS.get(page_key, ("akses",))
    shown = [k for k in kinds if d.illustrative(k)]
    if not shown:
        return
    if len(shown) == len(kinds) or kinds == ("akses",):
        st.warning(t("banner.ilustratif"), icon=":material/science:")
    else:
        st.warning(t("banner.ilustratif_sebagian", tabel=", ".join(data_view.kind_label(k, lang()) for k in shown)),
                   icon=":material/science:")


