"""The server's settings that keep the dashboard offline and quiet (.streamlit/config.toml)."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

CONFIG = tomllib.loads((Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml").read_text("utf-8"))


def test_nothing_leaves_the_machine_at_start_or_while_running() -> None:
    # no usage statistics; and with the address set, a headless start does not look up the public IP outside
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert CONFIG["server"]["headless"] is True and CONFIG["browser"]["serverAddress"] == "localhost"


def test_viewers_never_see_a_traceback() -> None:
    assert CONFIG["client"]["showErrorDetails"] == "none"


def test_no_full_garbage_collection_after_every_run() -> None:
    # Streamlit's default collects every generation once a script ends: 60-100 ms of CPU a page view on this
    # server's objects, during which the page's last messages wait (docs/performance.md, section 5)
    assert CONFIG["runner"]["postScriptGC"] is False


def test_no_outside_page_may_drive_the_dashboard() -> None:
    # Streamlit reads the empty list as empty (not as "unset", which would bring back its sixteen default origins):
    # the page then neither obeys an embedding page's messages nor spends 10-17 ms a click checking its own notices
    # against those origins (docs/performance.md, section 5)
    from streamlit import config

    assert CONFIG["client"]["allowedOrigins"] == []
    root = Path(__file__).resolve().parent.parent
    here = Path.cwd()
    try:
        os.chdir(root)
        config.get_config_options(force_reparse=True)
        assert config.get_option("client.allowedOrigins") == []
        assert Path(config.get_where_defined("client.allowedOrigins")).resolve() == root / ".streamlit" / "config.toml"
    finally:
        os.chdir(here)
        config.get_config_options(force_reparse=True)
