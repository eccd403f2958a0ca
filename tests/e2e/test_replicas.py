"""Two dashboard servers over one PostgreSQL, as a province deployment runs them behind a load balancer.

An import on the command line (or on either replica) must show on every replica at its next rerun: each server
reads the active version with a 1 s lifetime and keys every cache by it (`ui.cache`). A replica that restarts
loses its sessions, but the browser reconnects and the URL brings the same view back.

Runs where the PostgreSQL store tests run (`SANITASI_TEST_PG_URL`, started by `.ci/run`) and Chromium is
available; each run uses a database of its own, dropped at the end.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sanitasi import analysis, store
from sanitasi.load import Dataset
from scripts import browser
from tests.e2e.conftest import ARTIFACTS, Tab
from tests.e2e.test_browser_controls import map_figures

PG_URL = os.environ.get("SANITASI_TEST_PG_URL", "")
KODE, TAHUN = "63.10.08", 2021  # Mantewe
LINK = f"/peta?indikator=aman&kecamatan={KODE}&tahun={TAHUN}"
# Mantewe 2021 as a new survey would report it: more safely managed than the bundled row (merged by key)
NEW_ROW = ("kode_wilayah,tahun,sumber,satuan,resmi,jumlah_kk,kk_aman,kk_layak_sendiri,kk_layak_bersama,"
           f"kk_belum_layak,kk_babs_terbuka\n{KODE},{TAHUN},Survei Pokja 2021,kk,tidak,9000,4500,3000,500,700,300\n")

pytestmark = pytest.mark.skipif(not PG_URL, reason="SANITASI_TEST_PG_URL not set: the two-replica test needs "
                                                   "PostgreSQL")


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    """A fresh database on the test server; its URL."""
    import sqlalchemy as sa

    name = f"replika_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as c:
        c.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def tab_on(chromium: Any, srv: browser.Server) -> Tab:
    watch = browser.Watch()
    _context, page = browser.open_page(chromium, browser.SIZES[0], watch)
    tab = Tab(page, watch, srv.url, browser.SIZES[0])
    tab.goto(LINK)
    return tab


def rerun(tab: Tab, indikator_label: str) -> None:
    """What a viewer does next: another indicator in the sidebar (a rerun of the same session)."""
    browser.choose(tab.page, "Indikator", indikator_label)


def test_an_import_shows_on_both_replicas_and_a_restart_keeps_the_view(chromium: Any, database: str,
                                                                        dataset: Dataset, tmp_path: Path) -> None:
    from sanitasi import indicators

    env = {"SANITASI_DB_URL": database}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    before = analysis.analyse(dataset, TAHUN)
    with browser.Server("app.py", log=ARTIFACTS / "replika-a.log", env=env) as a, \
            browser.Server("app.py", log=ARTIFACTS / "replika-b.log", env=env) as b:
        tabs = [tab_on(chromium, a), tab_on(chromium, b)]
        for tab in tabs:
            browser.wait_for(lambda tab=tab: tab.metrics() == map_figures(before, "aman", KODE))

        # a new survey row for Mantewe, imported on the command line against the same database
        path = tmp_path / "mantewe_2021.csv"
        path.write_text(NEW_ROW, encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "sanitasi.cli", "import", "--kind", "akses", str(path)],
                              cwd=browser.ROOT, env={**os.environ, **env}, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
        s = store.Store(database)
        after = analysis.analyse(s.dataset(s.active_id(), dataset), TAHUN)
        s.engine.dispose()
        babs = indicators.get("babs_terbuka").label("id")
        assert map_figures(after, "babs_terbuka", KODE) != map_figures(before, "babs_terbuka", KODE)

        time.sleep(1.2)  # past the 1 s lifetime of the active-version read
        for tab in tabs:
            rerun(tab, babs)
            browser.wait_for(lambda tab=tab: tab.metrics() == map_figures(after, "babs_terbuka", KODE))

        # replica A restarts on its port; the open tab reconnects and the URL brings the view back
        a.stop()
        a.start()
        tab = tabs[0]
        browser.wait_for(lambda: tab.query().get("indikator") == "babs_terbuka", timeout=60)
        browser.wait_for(lambda: tab.metrics() == map_figures(after, "babs_terbuka", KODE), timeout=60)
        assert tab.page.locator("h3").first.inner_text().strip() == "Mantewe"
        assert tab.slider() == str(TAHUN)
        for t in tabs:
            t.page.context.close()
