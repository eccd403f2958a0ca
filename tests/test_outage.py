"""The dashboard over a database that stops answering (ui/cache.py) and a page that fails (app.py's wrapper).

Driven with AppTest, as a viewer sees it: a store that could not be opened at the first start is opened once the
database answers again, with no restart; while it does not answer every page says so in a banner and the Data page
says so plainly, never with a database driver's traceback. On PostgreSQL the outage is real: a fresh database on
the test server (SANITASI_TEST_PG_URL), reached through a small TCP relay that the test closes and opens again,
so the server itself is never stopped.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from streamlit.testing.v1 import AppTest

import ui.cache
import ui.chrome
from sanitasi import i18n, store
from sanitasi.load import load_bundled

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
# what a viewer must never read on a page: a driver's or Python's own words
LEAKS = ("Traceback", "psycopg", "OperationalError", "sqlalchemy", "sqlite3", "connection refused", "File \"")


def page_texts(at: AppTest) -> str:
    """Every text element the run drew (markdown, captions, alerts, exceptions), sidebar included."""
    kinds = ("markdown", "caption", "error", "warning", "info", "success", "exception", "title", "subheader")
    return "\n".join(str(e.value) for k in kinds for e in at.get(k))


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page(f"app_pages/{page}.py")
    return at.run()


def versions_offered(at: AppTest) -> int:
    """How many versions the Data page lets one look at (0 when it could not list them)."""
    return sum(len(b.options) for b in at.selectbox if b.key == "data_versi")


def outage_banner(at: AppTest) -> str | None:
    """The text of the outage banner on this run, if any."""
    words = (i18n.t("db.tak_terjangkau", "id", versi="").split("**")[1],
             i18n.t("db.tak_terjangkau_bawaan", "id").split("**")[1])
    hits = [e.value for e in at.error if any(w in e.value for w in words)]
    return hits[0] if hits else None


@pytest.fixture
def fresh_caches(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Empty Streamlit caches (the store of the process lives in one) and a short retry period."""
    monkeypatch.setattr(ui.cache, "RETRY_SECONDS", 0.2)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


def wait_for_retry() -> None:
    """Past the retry period and the one-second cache of the active version."""
    time.sleep(1.1)
    ui.cache._active.clear()


# ------------------------------------------------------------------------------------- SQLite: a failed first start
def test_a_store_that_failed_to_open_at_start_opens_when_it_can(fresh_caches: None, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "belum_ada"  # SQLite cannot open a file in a folder that does not exist
    monkeypatch.setenv(store.ENV_URL, f"sqlite:///{folder / 'sanitasi.db'}")
    at = open_page("ringkasan")
    assert not at.exception, [e.value for e in at.exception]
    assert ui.cache.data_store() is None
    assert outage_banner(at) == i18n.t("db.tak_terjangkau_bawaan", "id")
    data_page = open_page("data")
    assert any(e.value == i18n.t("data.store_gagal", "id") for e in data_page.error)
    assert not versions_offered(data_page)
    assert not any(w in page_texts(data_page) for w in LEAKS), page_texts(data_page)

    folder.mkdir()  # the database is there now: no restart, the next page run after the retry period opens it
    wait_for_retry()
    at = open_page("ringkasan")
    assert ui.cache.data_store() is not None
    assert outage_banner(at) is None
    data_page = open_page("data")
    assert not data_page.exception
    assert versions_offered(data_page) == 1


# ------------------------------------------------------------------------------------- PostgreSQL through a relay
class Relay:
    """A TCP relay to the test's PostgreSQL server that can be cut (connections refused, open ones dropped) and
    restored on the same port: an outage of the database as the dashboard sees it, the server untouched."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.listener: socket.socket | None = None
        self.open: list[socket.socket] = []
        self.lock = threading.Lock()

    def up(self) -> None:
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(32)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def down(self) -> None:
        if self.listener is not None:
            with contextlib.suppress(OSError):  # wakes the blocked accept(): close() alone leaves it listening
                self.listener.shutdown(socket.SHUT_RDWR)
            self.listener.close()
            self.listener = None
        with self.lock:
            for s in self.open:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
            self.open.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            with self.lock:
                self.open += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        try:
            while chunk := a.recv(65536):
                b.sendall(chunk)
        except OSError:
            pass
        finally:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A fresh, empty database on the test server (dropped at the end): its URL."""
    base = os.environ.get("SANITASI_TEST_PG_URL", "").strip()
    if not base:
        pytest.skip("SANITASI_TEST_PG_URL not set: PostgreSQL tests skipped")
    name = f"sanitasi_tes_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(base).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_postgresql_down_at_start_then_back_then_down_while_running(fresh_caches: None, pg_database: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    real = make_url(pg_database)
    relay = Relay(real.host or "127.0.0.1", real.port or 5432)
    monkeypatch.setenv(store.ENV_URL, real.set(host="127.0.0.1", port=relay.port).render_as_string(False))
    try:
        # 1. the database does not answer when the server starts: bundled data, said in a banner
        at = open_page("ringkasan")
        assert not at.exception, [e.value for e in at.exception]
        assert ui.cache.data_store() is None
        assert outage_banner(at) == i18n.t("db.tak_terjangkau_bawaan", "id")
        data_page = open_page("data")
        assert any(e.value == i18n.t("data.store_gagal", "id") for e in data_page.error)
        assert not any(w in page_texts(data_page) for w in LEAKS), page_texts(data_page)

        # 2. it answers again: the store opens (tables made in the empty database), no restart, no banner
        relay.up()
        wait_for_retry()
        at = open_page("ringkasan")
        assert outage_banner(at) is None
        assert ui.cache.data_store() is not None
        bundled = load_bundled()
        direct = store.Store(pg_database)
        version = direct.save("biaya", bundled.biaya.assign(porsi=1.0),
                              store.Meta(berkas="biaya.csv", checksum="x", oleh="tes"), bundled=bundled)
        direct.engine.dispose()
        wait_for_retry()
        data_page = open_page("data")
        assert not data_page.exception
        assert versions_offered(data_page) == 2  # the saved version and the bundled one
        assert ui.cache.known_version() == version

        # 3. it stops while the dashboard runs: the last known version stays in use, and every page says so
        relay.down()
        wait_for_retry()
        at = open_page("ringkasan")
        assert not at.exception, [e.value for e in at.exception]
        banner = outage_banner(at)
        expected = i18n.t("db.tak_terjangkau", "id", versi=i18n.t("db.versi", "id", versi=version))
        assert banner == expected and "menampilkan versi terakhir yang diketahui" in banner
        assert ui.cache.dataset().versi == str(version)
        data_page = open_page("data")
        assert not data_page.exception, [e.value for e in data_page.exception]
        assert any(e.value == i18n.t("data.store_gagal", "id") for e in data_page.error)
        assert not any(w in page_texts(data_page) for w in LEAKS), page_texts(data_page)

        # 4. and back again
        relay.up()
        wait_for_retry()
        at = open_page("ringkasan")
        assert outage_banner(at) is None
    finally:
        relay.down()
        s = ui.cache._link()["store"]
        if s is not None:
            s.engine.dispose()


def test_the_data_page_says_the_database_is_down_even_within_the_active_versions_second(
        fresh_caches: None, pg_database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The active version is cached for a second: a database that stops inside that second must not reach the
    Data page's version list as a driver error."""
    real = make_url(pg_database)
    relay = Relay(real.host or "127.0.0.1", real.port or 5432)
    monkeypatch.setenv(store.ENV_URL, real.set(host="127.0.0.1", port=relay.port).render_as_string(False))
    relay.up()
    try:
        at = open_page("data")
        assert versions_offered(at) == 1
        relay.down()
        at.run()  # within the second: the active version comes from the cache, the version list from the database
        assert not at.exception, [e.value for e in at.exception]
        assert any(e.value == i18n.t("data.store_gagal", "id") for e in at.error), page_texts(at)
        assert not any(w in page_texts(at) for w in LEAKS), page_texts(at)
    finally:
        relay.down()
        s = ui.cache._link()["store"]
        if s is not None:
            s.engine.dispose()


# ------------------------------------------------------------------------------------- a page that fails
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_page_that_fails_shows_a_short_message_and_logs_the_detail(lang: str, fresh_caches: None,
                                                                     monkeypatch: pytest.MonkeyPatch,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    secret = "/srv/rahasia/sanitasi.db"

    def broken(*_args, **_kwargs):
        raise RuntimeError(f"tidak bisa membaca {secret}")

    monkeypatch.setattr(ui.chrome, "banner", broken)  # every page calls it through ui.setup
    with caplog.at_level(logging.ERROR, logger="sanitasi"):
        at = AppTest.from_file(APP, default_timeout=90)
        at.switch_page("app_pages/peta.py")
        at.query_params["lang"] = lang
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    (message,) = [e.value for e in at.error]
    code = message.rsplit(" ", 1)[-1].strip(").")
    assert message == i18n.t("halaman.gagal", lang, kode=code) and len(code) == 8
    shown = page_texts(at)
    assert secret not in shown and "RuntimeError" not in shown and "Traceback" not in shown
    # the detail is in the server's log, under the same code
    logged = [r for r in caplog.records if code in r.getMessage()]
    assert logged and logged[0].exc_info is not None and secret in str(logged[0].exc_info[1])
    # the shared sidebar still works: the viewer can go elsewhere
    assert at.radio(key="lang").value == lang
