"""ui.warm queues, once a session's first page is out, the very view each other page asks for when it is first
opened: a page whose controls start elsewhere than the list says makes these fail (its view would be built twice)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import ui
from ui import warm

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["paparan", "peta", "lintasan_target", "kecamatan", "kebutuhan", "program_ssk", "stbm", "sampah_drainase",
         "opd"]


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[tuple[Any, Any]]]:
    """What the warm-up queued (not built: no background work in the tests) and what the pages asked for."""
    monkeypatch.delenv(warm.ENV_OFF, raising=False)
    seen: dict[str, list[tuple[Any, Any]]] = {"queued": [], "asked": []}
    def queue(fn: Any, choices: list, at: tuple, later: bool) -> None:
        assert later, "the warm-up must queue after what the pages ask for"
        seen["queued"].extend((fn, s) for s in choices)

    monkeypatch.setattr(warm, "prepare", queue)
    monkeypatch.setattr(warm, "in_background", lambda job: job())  # at once, in the page run
    monkeypatch.setattr(warm, "PAUSE", 0.0)
    view = ui.view
    monkeypatch.setattr(ui, "view", lambda fn, s: seen["asked"].append((fn, s)) or view(fn, s))
    return seen


@pytest.mark.parametrize("page", PAGES)
def test_each_page_first_asks_for_the_view_warmed_for_it(recorded: dict, page: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()  # a new session lands on Ringkasan
    assert not at.exception, [e.value for e in at.exception]
    queued = list(recorded["queued"])
    assert {fn.__module__.rsplit(".", 1)[1] for fn, _ in queued} == {"ringkasan", *PAGES}
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    asked = [(fn, s) for fn, s in recorded["asked"] if fn.__module__.endswith(f".{page}")]
    assert asked, f"{page} asked for no view"
    assert asked[0] in queued


def test_the_warm_up_runs_once_a_session_and_again_for_another_language(recorded: dict) -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    first = len(recorded["queued"])
    assert first >= len(PAGES) + 1  # Ringkasan's own view too: a new session on another page needs it
    at.run()
    assert len(recorded["queued"]) == first  # the same session, the same choices: nothing queued again
    at.session_state["lang"] = "en"
    at.run()
    again = recorded["queued"][first:]
    assert len(again) == first and all(s.lang == "en" for _, s in again)


def test_no_warm_up_when_it_is_turned_off(recorded: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(warm.ENV_OFF, "1")
    AppTest.from_file(APP, default_timeout=60).run()
    assert recorded["queued"] == []


def walk_finds_each_built(recorded: dict, pages: list[str]) -> None:
    """A new session's first page, then `pages` one after the other: each asks first for a view the warm-up queued
    after the first page (each page passing its choices on to the next)."""
    recorded["queued"].clear()
    at = AppTest.from_file(APP, default_timeout=60).run()
    queued = list(recorded["queued"])
    for page in pages:
        recorded["asked"].clear()
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, [e.value for e in at.exception]
        [first, *_] = [(fn, s) for fn, s in recorded["asked"] if fn.__module__.endswith(f".{page}")]
        assert first in queued, (pages, page, first[1])


@pytest.mark.parametrize("order", [["paparan", "kebutuhan", "program_ssk"], ["program_ssk", "kebutuhan", "paparan"]])
def test_the_year_to_reach_set_by_the_first_of_its_pages_finds_the_others_built(recorded: dict,
                                                                                order: list[str]) -> None:
    """Paparan, Kebutuhan and Program SSK share the year to reach; whichever is opened first sets it for the
    others."""
    walk_finds_each_built(recorded, order)


def test_a_presenters_first_pass_through_the_pages_finds_each_view_built(recorded: dict) -> None:
    """The pages in the navigation's order, as at a clinic: each choice a page starts on (the indicator, the
    kecamatan, the year to reach) carries to the next."""
    walk_finds_each_built(recorded, PAGES)


def test_what_a_page_asks_for_is_built_before_the_warm_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lintasan's next indicators, asked while the warm-up's fifteen views wait, are built first (the benchmark's
    change of indicator went from 3x to 7x the bare app's when they queued behind)."""
    import threading

    from ui import cache

    done: list[str] = []
    gate = threading.Event()
    cache._queue([gate.wait])  # the builder busy with something
    cache._queue([lambda: done.append("warm 1"), lambda: done.append("warm 2")])
    cache._queue([lambda: done.append("page")], first=True)
    gate.set()
    finished = threading.Event()
    cache._queue([finished.set])
    assert finished.wait(10)
    assert done == ["page", "warm 1", "warm 2"]
