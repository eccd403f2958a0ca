"""The server's settings that keep the dashboard offline and quiet (.streamlit/config.toml)."""

from __future__ import annotations

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
