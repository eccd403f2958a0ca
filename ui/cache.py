"""Caches at the edge: the store, the active version's data set, the analysis of a reference year, and page view
results, each shared by every session and keyed by the data in use (store and active version), so an editor's
activation reaches every session within a second and nothing is computed twice."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from sanitasi import documents as docs
from sanitasi import load, sources, store
from sanitasi.analysis import Analysis, analyse
from sanitasi.load import Dataset
from sanitasi.views import display

log = logging.getLogger("sanitasi")


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


RETRY_SECONDS = 5.0  # a database that did not answer is asked again after this long, by the next page run


@st.cache_resource(show_spinner=False)
def _link() -> dict[str, Any]:
    """The one store of the process and what is known of the database: opened or not, answering or not, the
    last active version it gave. Never "absent forever": a store that failed to open is tried again."""
    return {"store": None, "tried": -RETRY_SECONDS, "down": False, "known": None, "lock": threading.Lock()}


def data_store() -> store.Store | None:
    """The versioned store (SANITASI_DB_URL, secrets, or instance/sanitasi.db); None while it cannot be opened
    (tried again every few seconds, so the dashboard recovers without a restart when the database returns)."""
    link = _link()
    if link["store"] is None and time.monotonic() - link["tried"] >= RETRY_SECONDS:
        with link["lock"]:
            if link["store"] is None and time.monotonic() - link["tried"] >= RETRY_SECONDS:
                link["tried"] = time.monotonic()
                try:
                    link["store"] = store.Store(_secret("SANITASI_DB_URL") if not os.environ.get(store.ENV_URL)
                                                else None)
                    link["down"] = False
                except Exception:  # noqa: BLE001 - a broken database must not take the dashboard down
                    log.warning("penyimpanan data tidak bisa dibuka", exc_info=True)
                    link["down"] = True
    return link["store"]


def database_down() -> bool:
    """Did the database fail to answer at the last look (the banner says so on every page)?"""
    return bool(_link()["down"])


def lost() -> None:
    """The database stopped answering in the middle of a page run (inside the second the active version is
    cached): from the next run every page says so, until it answers again."""
    _link()["down"] = True
    _active.clear()
    _per_run.clear()


def known_version() -> int | None:
    """The last active version the database gave (shown while it does not answer)."""
    return _link()["known"]


@st.cache_data(ttl=1.0, show_spinner=False)
def _active(url: str) -> int | None:
    """The active version, read from the store at most once a second (a page asks for it many times per run;
    an editor's activation reaches every session within a second); None when the database does not answer."""
    s = data_store()
    if s is None:
        return None
    try:
        return s.active_id()
    except Exception:  # noqa: BLE001 - down, or a table it cannot read: the last known version stays in use
        log.warning("basis data tidak terjangkau", exc_info=True)
        return None


def _vk() -> str:
    """The key of the data in use: the store and its active version (caches below are keyed by it). While the
    database does not answer, the last version it gave (its data set is still in the cache), else the bundled."""
    s = data_store()
    url = s.url if s is not None else "-"
    link = _link()
    version = _active(url) if s is not None else None
    if version is None:
        link["down"] = True
        version = link["known"] if link["known"] is not None and s is not None else store.BUNDLED
    else:
        link["down"], link["known"] = False, version
    return f"{url}|{version}"


def version_changed() -> None:
    """After a save or an activation: this session sees the new active version at once (others within 1 s)."""
    _active.clear()
    _per_run.clear()


@st.cache_resource(show_spinner=False, max_entries=20)
def _dataset(vk: str) -> Dataset:
    s = data_store()
    version = int(vk.rsplit("|", 1)[1])
    return bundled() if s is None or version == store.BUNDLED else s.dataset(version, bundled())


def _usable(vk: str) -> str:
    """`vk` when its data set can be had (cached, or read now); the bundled data's key when the database stopped
    answering before this version was ever read."""
    try:
        _dataset(vk)
        return vk
    except store.UNREACHABLE:
        log.warning("basis data tidak terjangkau saat membaca versi %s", vk, exc_info=True)
        _link()["down"] = True
        return f"{vk.rsplit('|', 1)[0]}|{store.BUNDLED}"


_per_run: dict[str, tuple[Any, str]] = {}  # session -> (its page run's cursor dict, the data key of that run)
_PER_RUN_MAX = 2000


def _run_vk() -> str:
    """The data key of this page run, looked up once per run: a page asks for the data set 20-30 times per run,
    and each look-up through the caches cost about 0,6 ms (16 ms a click). One run also sees one version
    throughout. Streamlit gives every run a new cursor dict; holding the last one, its identity marks the run."""
    ctx = get_script_run_ctx()
    if ctx is None:  # outside a page run (a background build)
        return _usable(_vk())
    seen = _per_run.get(ctx.session_id)
    if seen is not None and seen[0] is ctx.cursors:
        return seen[1]
    vk = _usable(_vk())
    if len(_per_run) >= _PER_RUN_MAX:
        _per_run.pop(next(iter(_per_run)))
    _per_run[ctx.session_id] = (ctx.cursors, vk)
    return vk


def dataset() -> Dataset:
    """The active version's data set (the bundled one when nothing was imported)."""
    return _dataset(_run_vk())


@st.cache_resource(show_spinner=False, max_entries=64)
def _analysis(vk: str, tahun: int) -> Analysis:
    return analyse(_dataset(vk), tahun)


def _current() -> tuple[str, int]:
    """(data key, reference year) of this session now: the chosen year, or the latest the data have."""
    vk = _run_vk()
    return vk, _chosen_year(_dataset(vk).tahun)


def _chosen_year(ys: list[int]) -> int:
    """The year in the session's state if the data have it, else the latest year."""
    v = st.session_state.get("tahun")
    try:
        v = int(v)
    except (TypeError, ValueError):
        return ys[-1]
    return v if v in ys else ys[-1]


def analysis() -> Analysis:
    return _analysis(*_current())


def _key(fn: Callable) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


@st.cache_resource(show_spinner=False, max_entries=20)
def _texts(vk: str) -> tuple[str, ...]:
    return display.imported_texts(_dataset(vk))


def imported_texts() -> tuple[str, ...]:
    """The texts of the data in use that markdown could read as markup: escaped wherever a page shows them."""
    return _texts(_run_vk())


@st.cache_resource(max_entries=1024, show_spinner=False)
def _view(key: str, _fn: Callable, vk: str, tahun: int, args: tuple) -> Any:
    # imported text is data, never markup: the names in the result's texts are escaped once, here (`fmt.inert`)
    return display.inert_result(_fn(_analysis(vk, tahun), *args), _texts(vk))


def view(fn: Callable[[Any, Any], Any], settings: Any) -> Any:
    """`fn(analysis, settings)`: a page's view result, built once per data version, reference year and settings
    (a frozen dataclass) and shared by every session. Pages read the result and never change it, so a rerun (a
    click) costs little more than drawing."""
    vk, year = _current()  # each cached look-up costs hashing; one per page run
    return _view(_key(fn), fn, vk, year, (settings,))


def derived(fn: Callable[..., Any], *args: Any, at: tuple[str, int] | None = None) -> Any:
    """`fn(analysis, *args)`: what a page asks before its view (the choices it offers, a default year), built once
    per data version, reference year and arguments and shared like a view: 5-30 ms a rerun saved on the pages
    that ask (Kebutuhan's indicator choices and options cost 30 ms on every click). `at`: the data version and year
    (those of this page run when not given; a background build has no page run)."""
    vk, year = at if at is not None else _current()
    return _view(_key(fn), fn, vk, year, args)


def current() -> tuple[str, int]:
    """The data version's key and the reference year of this page run (`at` for a background build)."""
    return _current()


def analysis_at(at: tuple[str, int]) -> Analysis:
    return _analysis(*at)


def dataset_at(at: tuple[str, int]) -> Dataset:
    return _dataset(at[0])


@st.cache_resource(max_entries=64, show_spinner=False)
def _document_labels(vk: str, language: str) -> dict[str, str]:
    d = _dataset(vk)
    year = max(d.tahun)
    return {doc.nama: docs.chooser_label(doc, year, language) for doc in docs.catalogue(d.target)}


def document_labels(language: str) -> dict[str, str]:
    """The target chooser's text for each document ('berakhir 2024' on ended ones), made once per data version and
    language: the chooser asks for each of its nine labels on every run (12 ms a click)."""
    return _document_labels(_run_vk(), language)


_ahead: set[tuple] = set()  # views already prepared, or queued to be
_ahead_lock = threading.Lock()
_ahead_queue: list[Callable[[], Any]] = []
_ahead_working = [False]  # one worker at a time
_AHEAD_MAX = 1024  # as many as the view cache keeps


def prepare(fn: Callable[[Any, Any], Any], choices: list[Any], at: tuple[str, int] | None = None,
            later: bool = False) -> None:
    """Build `fn`'s view for each of `choices` (settings a person is likely to pick next, such as the other
    indicators on Lintasan) in one background thread, into the same shared cache `view` reads: the first choice of
    an indicator then costs a look-up, not its build (0,3-0,5 s each). Each is built once per data version and year
    (`at`: those of this page run when not given); a failure is logged and left to the page to meet, as it would
    have. What a page asks for goes before what is queued `later` (the other pages' first views, `ui.warm`): the
    next choice on the page in front of the person comes first."""
    vk, year = at if at is not None else _current()
    todo = []
    with _ahead_lock:
        if len(_ahead) > _AHEAD_MAX:  # forget what was prepared long ago (the view cache may have let it go too)
            _ahead.clear()
        for settings in choices:
            key = (_key(fn), vk, year, settings)
            if key not in _ahead:
                _ahead.add(key)
                todo.append(lambda s=settings: _view(_key(fn), fn, vk, year, (s,)))
    _queue(todo, first=not later)


def in_background(job: Callable[[], Any]) -> None:
    """Run `job` in the background builder's thread, after what is queued before it (see `prepare`)."""
    _queue([job])


def _queue(jobs: list[Callable[[], Any]], first: bool = False) -> None:
    with _ahead_lock:
        if first:
            _ahead_queue[:0] = jobs
        else:
            _ahead_queue.extend(jobs)
        start = bool(_ahead_queue) and not _ahead_working[0]
        _ahead_working[0] = _ahead_working[0] or start
    if start:
        threading.Thread(target=_work_ahead, name="sanitasi-prepare", daemon=True).start()


def _work_ahead() -> None:
    # a lower priority than the pages' own runs where the system allows it (Linux: per thread): the builds are ahead
    # of time, the page being clicked is now
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    while True:
        with _ahead_lock:
            if not _ahead_queue:
                _ahead_working[0] = False
                return
            job = _ahead_queue.pop(0)
        try:
            job()
        except Exception:  # the page builds it again when asked, and shows its own message then
            log.exception("preparing a view ahead failed")


@st.cache_resource(show_spinner=False, max_entries=20)
def _district_choices(vk: str) -> tuple[tuple[str, ...], str]:
    series = sources.district_series(_dataset(vk).akses)
    return tuple(sources.names(series)), sources.lead(series)


def district_choices() -> tuple[tuple[str, ...], str]:
    """The district series the data offer (the kabupaten sources, then the roll-up) and the one that leads by
    default (the official one when loaded)."""
    return _district_choices(_run_vk())
