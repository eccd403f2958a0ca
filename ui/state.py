"""Session state shared by the pages: language, target document, reference year, and the controls that keep their
value across pages and live in the URL.

The URL carries codes (`indikator=aman`, `kecamatan=63.10.08`, `lang=en`), never translated labels, so a link
works in either language: Streamlit's own `bind="query-params"` stores the formatted label, hence the small sync
here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from sanitasi import documents as docs
from sanitasi import fmt, i18n, indicators
from sanitasi.analysis import KABUPATEN
from ui.cache import _secret, dataset, district_choices, document_labels, imported_texts

LANGS = ("id", "en")


def seri() -> str | None:
    """The district series chosen in the sidebar (None: the default lead, or when the data offer no choice)."""
    choices, _ = district_choices()
    v = st.session_state.get("seri")
    return v if v in choices and len(choices) > 1 else None


def lang() -> str:
    v = st.session_state.get("lang", "id")
    return v if v in LANGS else "id"


def t(key: str, **kw: Any) -> str:
    return i18n.t(key, lang(), **kw)


def catalogue() -> list[docs.Document]:
    """The target documents as the chooser lists them: running ones first, ended ones last (`documents.in_order`)."""
    d = dataset()
    return docs.in_order(docs.catalogue(d.target), max(d.tahun))


def documents() -> list[str]:
    return [d.nama for d in catalogue()]


def default_document() -> str:
    """What a fresh start judges against: the setting (`SANITASI_DOKUMEN`, or `[dasbor] dokumen_bawaan` in
    secrets) when the table has it, else the running national plan (`documents.default_document`)."""
    d = dataset()
    chosen = docs.default_document(docs.catalogue(d.target), max(d.tahun),
                                   docs.preferred(_secret("dasbor", "dokumen_bawaan")))
    return chosen or documents()[0]


def dokumen() -> str:
    v = st.session_state.get("target")
    return v if v in documents() else default_document()


def document_label(nama: str) -> str:
    """The chooser's text for a document: its name, marked when it has ended ('berakhir 2024')."""
    return document_labels(lang()).get(nama, nama)


def document_note(nama: str) -> str:
    """The line under the chooser: family, period, illustrative, the source and what to check."""
    return fmt.inert(docs.note_of(dataset().target, nama, max(dataset().tahun), lang()), imported_texts())


def years() -> list[int]:
    return dataset().tahun


# URL parameter -> how to read it. The widget with the same key shows it.
URL_PARAMS: dict[str, Callable[[str], Any]] = {
    "lang": str, "target": str, "tahun": int, "indikator": str, "kecamatan": str, "peta_warna": str,
    "peta_tampilan": str, "basis": str, "capai": int, "mode": str, "slide": int, "opd_tahun": int, "seri": str,
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
              and st.session_state[k] is not None and not (k == "mode" and st.session_state[k] == "biasa")}
    # tabs bound to the URL (`ui.tabs_on_demand`) own their parameter: Streamlit writes it, and st.query_params may
    # neither set nor delete it while the binding lasts, which is until the end of the run after the tabs were last
    # drawn (a tab inside another tab, a page's tabs just left). So while a tab's parameter is in the URL the others
    # are changed around it, and a bound one that cannot be touched yet stays until a later run.
    bound = set(st.session_state.get("_url_tabs", ()))
    st.session_state["_url_tabs"] = []
    shown = {k: v for k, v in st.query_params.items() if k not in bound}
    if shown != params and not set(st.query_params) & set(st.session_state.get("_url_tab_keys", ())):
        # no tab's parameter in the URL: all of it in one message, so one history entry a view (the Back button
        # steps back over views, not over each parameter) and one URL change for the browser to handle, not seven
        st.query_params.from_dict(params)
    elif shown != params:
        for k in [k for k in shown if k not in params]:
            with suppress(StreamlitAPIException):
                del st.query_params[k]
        changed = {k: v for k, v in params.items() if shown.get(k) != v}
        try:
            st.query_params.update(changed)  # one message for all the changed ones
        except StreamlitAPIException:
            for k, v in changed.items():
                with suppress(StreamlitAPIException):
                    st.query_params[k] = v
    st.session_state["_url_used"] = []


def use_tab(key: str) -> None:
    """A set of tabs bound to the URL under `key` is on this page (`publish_to_url` keeps its parameter)."""
    tabs = st.session_state.setdefault("_url_tabs", [])
    if key not in tabs:
        tabs.append(key)
    st.session_state.setdefault("_url_tab_keys", set()).add(key)  # every key tabs were bound under, this session


def _use(key: str) -> None:
    used = st.session_state.setdefault("_url_used", [])
    if key not in used:
        used.append(key)


def _valid(key: str, options: Sequence[Any]) -> None:
    """Drop a stored value that is not an option (an old link, another data version)."""
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]


def select(key: str, options: Sequence[Any], label: str, *, format_func: Callable[[Any], str] = str,
           container: Any = None, horizontal: bool = False, **kw: Any) -> Any:
    """A control whose value persists across pages and lives in the URL under `key`."""
    place = container if container is not None else st
    widget = place.segmented_control if horizontal else place.selectbox
    _valid(key, options)
    st.session_state.setdefault(key, options[0])
    _relabel(key)
    if horizontal:
        kw.setdefault("required", True)
    _use(key)
    return widget(label, list(options), key=key, format_func=format_func, persist_state="session", **kw)


def _relabel(key: str) -> None:
    """After a language switch, send the chosen option again so the box shows it in the new language.

    A keyed select box keeps the text of its choice in the browser when only the labels change
    (Streamlit 1.67): after switching to English the indicator box still read "Akses layak". Setting
    the value anew makes Streamlit send the choice with its new label.
    """
    drawn = st.session_state.setdefault("_label_lang", {})
    if key in st.session_state and drawn.get(key, lang()) != lang():
        st.session_state[key] = st.session_state[key]
    drawn[key] = lang()


def indicator(container: Any = None, options: Sequence[str] | None = None, **kw: Any) -> str:
    opts = list(options or indicators.HEADLINE)
    v = select("indikator", opts, t("kontrol.indikator"), container=container,
               format_func=lambda k: indicators.get(k).label(lang()), **kw)
    return v or opts[0]


def kecamatan(container: Any = None, with_district: bool = False, **kw: Any) -> str:
    d = dataset()
    names = d.names
    opts = ([KABUPATEN] if with_district else []) + sorted(names, key=names.get)
    v = select("kecamatan", opts, t("kontrol.kecamatan"), container=container,
               format_func=lambda k: t("umum.kabupaten") if k == KABUPATEN else names[k], **kw)
    return v or opts[0]


def map_pick(base: str, param: str, kode: str) -> tuple[str, Callable[[], None]]:
    """The key for a map whose click chooses the kecamatan (`kode`: the one chosen now; `param`: the map's click
    selection), and the callback that copies a click into the kecamatan box.

    A click stays selected in the drawn map. When the kecamatan is then changed in the box (or on another page),
    clicking that first kecamatan again is no change to the map's selection, so Streamlit calls nothing and the
    click was lost (seen in the browser: Batulicin clicked, Mantewe chosen in the box, Batulicin clicked again, the
    outline stayed on Mantewe). So once the kecamatan is no longer the one last clicked, the map is drawn under a new
    key, without a selection. Year steps and clicks keep the key: the map's data are replaced, not the map."""
    turn_key, clicked_key = f"_{base}_giliran", f"_{base}_diklik"
    turn = st.session_state.get(turn_key, 0)
    if st.session_state.get(clicked_key) not in (None, kode):
        turn += 1
        st.session_state[turn_key], st.session_state[clicked_key] = turn, None
    key = f"{base}_{turn}"

    def picked() -> None:
        chosen = st.session_state[key]["selection"].get(param) or []
        if chosen and chosen[0].get("kode"):
            st.session_state["kecamatan"] = st.session_state[clicked_key] = chosen[0]["kode"]

    return key, picked


def year_slider(key: str, label: str, options: list[int], default: int, container: Any = None, **kw: Any) -> int:
    """A year chooser that persists and lives in the URL like the other shared controls."""
    _valid(key, options)
    _use(key)
    st.session_state.setdefault(key, default)
    # set again as the session's own value before the slider is made: a select slider drawn on another page than
    # the one that set it started on its first option (Paparan's 2029, then Kebutuhan at 2026; Streamlit 1.67)
    st.session_state[key] = st.session_state[key]
    return (container if container is not None else st).select_slider(label, options=options, key=key,
                                                                        persist_state="session", **kw)


def new_share(indikator: str) -> float | None:
    """The growth assumption set on the Kebutuhan page for an indicator (% of new households the programme must
    reach), or None while it is the default: every page that shows the plan's numbers passes it on."""
    v = st.session_state.get("_porsi_diubah", {}).get(indikator)
    return None if v is None else float(v)  # whole percent


def new_shares() -> tuple[tuple[str, float], ...]:
    """Every growth assumption changed on the Kebutuhan page, as (indicator, %) pairs (a view's settings)."""
    return tuple((k, v) for k in indicators.HEADLINE if (v := new_share(k)) is not None)


def share_input(container: Any, indikator: str, label: str, default: float, maximum: float, help: str) -> float | None:
    """The growth assumption's box: it shows the default for the chosen target until someone changes it (then
    the change holds for the session, on every page). Returns `new_share`."""
    key = f"porsi_baru_{indikator}"
    # what was set lives outside the widget's key: Streamlit forgets a widget's value on a page that does not draw it
    changed = st.session_state.setdefault("_porsi_diubah", {})
    value = changed.get(indikator, default)
    st.session_state[key] = min(int(round(value)), int(maximum))  # whole percent: no decimal mark to misread

    def _mark() -> None:
        st.session_state["_porsi_diubah"][indikator] = int(st.session_state[key])

    (container if container is not None else st).number_input(
        label, min_value=0, max_value=int(maximum), step=1, key=key, on_change=_mark, help=help)
    return new_share(indikator)


def saved_costs(indikator: str) -> tuple:
    """The unit costs of an indicator as last edited (and found right) in the Kebutuhan editor this session, for this
    data version; () while none were changed. Kept outside the editor's key: Streamlit forgets a widget's edits once a
    run does not draw it (the editor's box closed, another page), and the plan would silently go back to the file's."""
    return st.session_state.get("_biaya_diubah", {}).get((dataset().versi, indikator), ())


def keep_costs(indikator: str, rows: tuple) -> None:
    """Remember the editor's rows (every cell checked) for `saved_costs`."""
    st.session_state.setdefault("_biaya_diubah", {})[(dataset().versi, indikator)] = rows


def presenting() -> bool:
    """Presentation mode: the sidebar switch or ?mode=paparan in the address."""
    return st.session_state.get("mode") == "paparan"


@dataclass(frozen=True)
class SlideNav:
    """Where the presenter is in the sequence: slide `nomor` of `jumlah` (kept in the URL, ?slide=3)."""

    nomor: int
    jumlah: int

    @property
    def indeks(self) -> int:
        return self.nomor - 1

    @property
    def pertama(self) -> bool:
        return self.nomor <= 1

    @property
    def terakhir(self) -> bool:
        return self.nomor >= self.jumlah


def slide_nav(count: int) -> SlideNav:
    """The slide shown, kept in the URL (?slide=3) so a link opens that slide; out of range goes to the edge."""
    _use("slide")
    try:
        n = int(st.session_state.get("slide", 1))
    except (TypeError, ValueError):
        n = 1
    n = min(max(1, n), count)
    st.session_state["slide"] = n
    return SlideNav(n, count)


def step_slide(step: int, count: int) -> None:
    """A button's callback: one slide back or on, never past the first or the last."""
    n = st.session_state.get("slide", 1)
    st.session_state["slide"] = min(max(1, int(n) + step), count)
