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
import os
from collections.abc import Callable, Sequence
from typing import Any

import altair as alt
import streamlit as st

from sanitasi import auth, charts, deck, exports, fmt, i18n, indicators, load, readers, store, targets, versions, views
from sanitasi.kinds import page_kinds
from sanitasi.load import Dataset

LANGS = ("id", "en")


# ------------------------------------------------------------------ cached loaders (shared by sessions)
@st.cache_resource(show_spinner=False)
def bundled() -> Dataset:
    return load.load_bundled()


def _secret_value(*keys: str) -> Any:
    """A value (string, list or section) from .streamlit/secrets.toml; None when there is no file or key."""
    try:
        value: Any = st.secrets
        for k in keys:
            value = value[k]
        return value
    except Exception:  # noqa: BLE001 - no secrets file raises its own error type; absent means "not set"
        return None


def _secret(*keys: str) -> str | None:
    value = _secret_value(*keys)
    return None if value is None else str(value)


@st.cache_resource(show_spinner=False)
def data_store() -> store.Store | None:
    """The versioned store (SANITASI_DB_URL, secrets, or instance/sanitasi.db); None if it cannot open."""
    try:
        return store.Store(_secret("SANITASI_DB_URL") if not os.environ.get(store.ENV_URL) else None)
    except Exception:  # noqa: BLE001 - a broken database must not take the dashboard down
        return None


@st.cache_data(ttl=1.0, show_spinner=False)
def _active(url: str) -> int:
    """The active version, read from the store at most once a second (a page asks for it many times per run;
    an editor's activation reaches every session within a second)."""
    s = data_store()
    if s is None:
        return store.BUNDLED
    try:
        return s.active_id()
    except Exception:  # noqa: BLE001
        return store.BUNDLED


def _vk() -> str:
    """The key of the data in use: the store and its active version (caches below are keyed by it)."""
    s = data_store()
    url = s.url if s is not None else "-"
    return f"{url}|{_active(url)}"


def active_version() -> int:
    return int(_vk().rsplit("|", 1)[1])


def version_changed() -> None:
    """After a save or an activation: this session sees the new active version at once (others within 1 s)."""
    _active.clear()


@st.cache_resource(show_spinner=False, max_entries=20)
def _dataset(vk: str) -> Dataset:
    s = data_store()
    version = int(vk.rsplit("|", 1)[1])
    return bundled() if s is None or version == store.BUNDLED else s.dataset(version, bundled())


def dataset() -> Dataset:
    """The active version's data set (the bundled one when nothing was imported)."""
    return _dataset(_vk())


@st.cache_resource(show_spinner=False, max_entries=64)
def _analysis(vk: str, tahun: int) -> views.Analysis:
    return views.analyse(_dataset(vk), tahun)


def _current() -> tuple[str, int]:
    """(data key, reference year) of this session now: the chosen year, or the latest the data have."""
    vk = _vk()
    return vk, _chosen_year(_dataset(vk).tahun)


def analysis() -> views.Analysis:
    return _analysis(*_current())


@st.cache_resource(show_spinner=False, max_entries=32)
def _village_view(vk: str, tahun: int, lang: str) -> Any:
    from sanitasi import desa

    return desa.view(_dataset(vk), tahun, lang)


def village_view(an: views.Analysis) -> Any:
    """The STBM village view (table and map) for the reference year, cached per version, year and language."""
    return _village_view(_vk(), an.tahun, lang())


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
    return _chosen_year(years())


def _chosen_year(ys: list[int]) -> int:
    """The year in the session's state if the data have it, else the latest year."""
    v = st.session_state.get("tahun")
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

# Presentation mode: everything larger for the back of a room, and less chrome.
_CSS_PAPARAN = """<style>
html {font-size: 20px;}
.block-container {padding-top: 3rem; max-width: 100%;}
[data-testid="stMetricValue"] {font-size: 2.6rem;}
h1 {font-size: 1.9rem !important; padding-bottom: 0.2rem !important;}
</style>"""


# URL parameter -> how to read it. The widget with the same key shows it.
URL_PARAMS: dict[str, Callable[[str], Any]] = {
    "lang": str, "target": str, "tahun": int, "indikator": str, "kecamatan": str, "peta_warna": str,
    "peta_tampilan": str, "basis": str, "capai": int, "mode": str, "slide": int, "opd_tahun": int,
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
    if not st.session_state.get("_frame_drawn"):
        _leave_pages_folder_mode()
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


def _leave_pages_folder_mode() -> None:
    """Run the page again through app.py when Streamlit ran it on its own from `pages/`.

    Until app.py has called `st.navigation` once in the server process, Streamlit treats a `pages/`
    folder the old (v1) way: when the first visit after the server starts is a link to a page
    (`/peta?...`, a presenter's shared link), it runs `pages/peta.py` alone, without app.py: no wide
    layout, file names instead of page titles in the navigation. Turning that mode off and rerunning
    sends the run through app.py (Streamlit 1.67; streamlit/streamlit#10276 describes the mode).
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


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
        if d.batas_skematis:
            st.caption(t("sidebar.batas_skematis"))


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
PAGE_KINDS = page_kinds()


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


def schematic_note(d: Dataset) -> None:
    if d.batas_skematis:
        st.caption(":material/map: " + t("peta.catatan_skematis"))


# ------------------------------------------------------------------ shared page controls
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
    return (container if container is not None else st).select_slider(label, options=options, key=key,
                                                                        persist_state="session", **kw)


def presenting() -> bool:
    """Presentation mode: the sidebar switch or ?mode=paparan in the address."""
    return st.session_state.get("mode") == "paparan"


def _key(fn: Callable) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


@st.cache_resource(max_entries=1024, show_spinner=False)
def _figure(key: str, _builder: Callable, args: tuple, kwargs: tuple) -> tuple[Any, dict]:
    chart_ = _builder(*args, **dict(kwargs))
    # every builder's spec is validated in tests/test_charts.py; not again here
    return chart_, chart_.to_dict(validate=False)


@st.cache_resource(max_entries=2048, show_spinner=False)
def _memo(key: str, _fn: Callable, vk: str, tahun: int, args: tuple, kwargs: tuple) -> Any:
    return _fn(_analysis(vk, tahun), *args, **dict(kwargs))


def memo(fn: Callable, *args: Any, **kwargs: Any) -> Any:
    """`fn(analysis, *args)` computed once per data version, year and arguments, shared by every session.

    The result is shared: pages read it and never change it. A page rerun (a click) then costs little more
    than drawing.
    """
    vk, year = _current()  # each cached look-up costs hashing; a rerun makes dozens of these calls
    return _memo(_key(fn), fn, vk, year, args, tuple(sorted(kwargs.items())))


def _with_spec(fn: Callable) -> Callable:
    def build(an: Any, *args: Any, **kwargs: Any) -> tuple[Any, dict]:
        chart_ = fn(an, *args, **kwargs)
        return chart_, chart_.to_dict(validate=False)

    return build


def plot(fn: Callable, *args: Any, name: str | None = None, chart_kw: dict | None = None, **kwargs: Any) -> Any:
    """Draw `fn(analysis, *args, **kwargs)` (a `sanitasi.figures` function), built once per data version, year
    and arguments and shared by every session; a rerun only sends the cached spec."""
    vk, year = _current()
    chart_, spec = _memo(_key(fn) + "#spec", _with_spec(fn), vk, year, args,
                         tuple(sorted(kwargs.items())))
    return _draw(chart_, spec, name, chart_kw or {})


def figure(builder: Callable, *args: Any, name: str | None = None, chart_kw: dict | None = None,
           **kwargs: Any) -> Any:
    """Build a chart with `builder(*args, **kwargs)` once per arguments (cached, shared by sessions) and draw it.

    Building an Altair chart and turning it into a spec costs tens of milliseconds; a rerun with the same
    arguments reuses both. See `chart` for the drawing.
    """
    chart_, spec = _figure(_key(builder), builder, args, tuple(sorted(kwargs.items())))
    return _draw(chart_, spec, name, chart_kw or {})


def chart(c: alt.TopLevelMixin, name: str | None = None, spec: dict | None = None, **kw: Any) -> Any:
    """Draw a finished chart (built by the page) with our theme; prefer `figure`, which caches the build."""
    return _draw(c, spec if spec is not None else c.to_dict(validate=False), name, kw)


def _draw(c: Any, spec: dict, name: str | None, kw: dict) -> Any:
    """Our theme (not Streamlit's), full width, larger type when presenting. With `name`, a small menu below
    offers the chart as PNG (2x, for slides) and SVG, rendered on the server only when asked for."""
    scale = charts.PRESENTATION_SCALE if presenting() else 1.0
    if scale != 1.0:
        spec = charts.scale_fonts(spec, scale)
    # titles broken to the chart's width: Vega cuts them with '…' (two charts side by side at 1024x768)
    event = st.vega_lite_chart(charts.fit_title(spec, scale), theme=None, width="stretch", **kw)
    if name:
        with st.popover(t("ekspor.unduh_gambar"), icon=":material/download:"):
            st.download_button(t("ekspor.png"), lambda: deck.png(c), file_name=f"{name}.png", mime="image/png",
                               on_click="ignore", key=f"png_{name}")
            st.download_button(t("ekspor.svg"), lambda: deck.svg(c), file_name=f"{name}.svg", mime="image/svg+xml",
                               on_click="ignore", key=f"svg_{name}")
    return event


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


# ------------------------------------------------------------------ editors and imports
def editor_hash() -> str | None:
    return auth.configured_hash(_secret("editor", "password_hash"))


def editor_name() -> str:
    return st.session_state.get("_editor_nama") or "editor"


def oidc_setup() -> tuple[list[str | None], frozenset[str]]:
    """The OIDC providers to offer and the editors' addresses; nothing unless both are configured."""
    providers = auth.oidc_providers(_secret_value("auth"))
    emails = auth.editor_emails(_secret_value("editor", "emails"))
    return (providers, emails) if providers and emails else ([], frozenset())


def _signed_in(via_sso: bool) -> bool:
    a, b = st.columns([4, 1])
    a.success(t("data.editor_masuk", nama=editor_name()), icon=":material/edit:")
    if b.button(t("data.keluar"), key="data_keluar"):
        st.session_state["_editor"] = False
        if via_sso:
            # ends the identity cookie; the browser is sent to /auth/logout and back to the first page. No
            # st.rerun() after it: a rerun drops the not-yet-sent redirect, and the sign-out silently fails
            st.logout()
            st.stop()
        st.rerun()
    return True


def _sso_panel(providers: list[str | None], emails: frozenset[str]) -> bool | None:
    """Single sign-on: True when the signed-in account is a listed editor, False when signed in but not listed,
    None when nobody is signed in (the login buttons are shown)."""
    user = st.user.to_dict()
    if user.get("is_logged_in"):
        if auth.may_edit(user, emails):
            email = str(user.get("email"))
            st.session_state["_editor_nama"] = f"{user.get('name')} ({email})" if user.get("name") else email
            return _signed_in(via_sso=True)
        a, b = st.columns([4, 1])
        a.warning(t("data.sso_bukan_editor", email=user.get("email") or "?"), icon=":material/no_accounts:")
        if b.button(t("data.keluar"), key="data_keluar_sso"):
            st.logout()
        return False
    for provider in providers:
        label = t("data.masuk_sso") + (f" · {provider}" if provider else "")
        if st.button(label, key=f"data_sso_{provider or 'utama'}", icon=":material/badge:"):
            st.login(provider) if provider else st.login()
    st.caption(t("data.sso_kembali"))  # Streamlit returns to the app's root after the provider's callback
    return None


def editor_panel(s: store.Store) -> bool:
    """Sign-in for editors; True when this session may change data. Read-only when nothing is configured.

    Two ways in, each optional: the office's single sign-on (OIDC, for listed e-mail addresses) and the
    editor password (a salted hash, with a lock-out after repeated failures)."""
    hashed = editor_hash()
    providers, emails = oidc_setup()
    if hashed is None and not providers:
        st.info(t("data.editor_belum"), icon=":material/lock:")
        return False
    if providers:
        sso = _sso_panel(providers, emails)
        if sso is not None:
            return sso
    if st.session_state.get("_editor"):
        return _signed_in(via_sso=False)
    if hashed is None:
        return False
    until = store.locked_until(s)
    if until is not None:
        st.warning(t("data.terkunci", waktu=store.local_time(until)), icon=":material/lock_clock:")
        return False
    with st.form("data_masuk"):
        st.markdown(f"**{t('data.masuk_judul')}**")
        name = st.text_input(t("data.nama_editor"), key="data_nama_editor")
        password = st.text_input(t("data.sandi"), type="password", key="data_sandi")
        if st.form_submit_button(t("data.masuk")):
            ok = auth.verify(password, hashed)
            s.record_attempt(ok)
            if ok:
                st.session_state["_editor"] = True
                st.session_state["_editor_nama"] = name.strip() or "editor"
                st.rerun()
            st.error(t("data.sandi_salah"))
    return False


def _import_key(kind: str, data: bytes) -> str:
    return f"_impor_{kind}_{store.checksum(data)[:16]}"


def forget_import() -> None:
    for k in [k for k in st.session_state if str(k).startswith("_impor_")]:
        del st.session_state[k]


def try_import(kind: str, src: Any, wilayah: Any, sheet: str | None) -> Any:
    """Read an upload with the user's confirmed column and name choices; ask for what is still missing.

    Returns the validated frame, or the DataError whose problems the page shows.
    """
    key = _import_key(kind, src.data)
    column_map = st.session_state.get(key + "_kolom", {})
    name_map = st.session_state.get(key + "_nama", {})
    try:
        return readers.read_kind(kind, src, wilayah, name_map=name_map, column_map=column_map, sheet=sheet)
    except readers.ColumnError as err:
        if err.unmatched:
            with st.form(key + "_form_kolom"):
                st.markdown(f"**{t('data.kolom_tanya')}**")
                picks = {f.name: st.selectbox(f.label, ["—", *err.unmatched], key=f"{key}_k_{f.name}")
                         for f in err.missing}
                if st.form_submit_button(t("data.pakai")):
                    chosen = {h: f for f, h in picks.items() if h != "—"}
                    st.session_state[key + "_kolom"] = {**column_map, **chosen}
                    st.rerun()
        return err
    except readers.DataError as err:
        unknown = versions.unknown_areas(err)
        if unknown:
            names = dict(zip(wilayah["kode"], wilayah["nama"], strict=True))
            with st.form(key + "_form_nama"):
                st.markdown(f"**{t('data.nama_tanya')}**")
                picks = {}
                for raw, near in unknown:
                    options = ["", *[k for k, _ in near], *[k for k in names if k not in {k for k, _ in near}]]
                    picks[raw] = st.selectbox(t("data.nama_di_berkas", nama=raw), options, key=f"{key}_n_{raw}",
                                              format_func=lambda k: t("data.bukan_kecamatan") if not k
                                              else f"{names[k]} ({k})")
                if st.form_submit_button(t("data.pakai")):
                    st.session_state[key + "_nama"] = {**name_map, **{r: k for r, k in picks.items() if k}}
                    st.rerun()
        return err


def show_problems(err: Any, name: str) -> None:
    """Every problem, in a table, downloadable as CSV; nothing has been saved."""
    table = readers.problems_frame(err)
    st.error(t("data.masalah", n=len(table)), icon=":material/error:")
    st.dataframe(table, hide_index=True, width="stretch", key="data_masalah")
    st.download_button(t("data.unduh_masalah"), exports.to_csv(table), file_name=f"masalah_{name}.csv",
                       mime="text/csv", key="data_unduh_masalah")


# ------------------------------------------------------------------ presentation
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


def slide_number(count: int) -> int:
    """The slide shown, kept in the URL (?slide=3) so a link opens that slide."""
    _use("slide")
    try:
        n = int(st.session_state.get("slide", 1))
    except (TypeError, ValueError):
        n = 1
    n = min(max(1, n), count)
    st.session_state["slide"] = n
    return n


def message(markdown: str) -> None:
    """The one message of a slide: larger than body text, smaller than a heading."""
    st.markdown(f"<div style='font-size:1.3rem;line-height:1.45;margin:0.2rem 0 0.8rem'>\n\n{markdown}\n\n</div>",
                unsafe_allow_html=True)


def commitments_editor(s: store.Store, komitmen: Any) -> None:
    """Editors change or add commitments in a grid; saving makes a new version (nothing is overwritten)."""
    from sanitasi.load import KOMITMEN_STATUS

    edited = st.data_editor(
        komitmen, num_rows="dynamic", hide_index=True, width="stretch", key="komitmen_editor",
        column_config={"status": st.column_config.SelectboxColumn(options=list(KOMITMEN_STATUS), required=True),
                       "indikator": st.column_config.SelectboxColumn(options=list(indicators.REGISTRY))})
    if st.button(t("komitmen.simpan"), type="primary", key="komitmen_simpan"):
        try:
            frame = store.validate_kind("komitmen", edited)
        except readers.DataError as err:
            show_problems(err, "komitmen")
            return
        version = s.save("komitmen", frame, store.Meta(berkas="(disunting di dasbor)", checksum="", oleh=editor_name()),
                         bundled=bundled())
        version_changed()
        st.session_state["_komitmen_pesan"] = t("komitmen.tersimpan", versi=version)
        st.rerun()
