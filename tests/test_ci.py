"""CI runs the browser tests: with CI=true a missing browser fails instead of skipping (tests/e2e/conftest.py)."""

from __future__ import annotations

import pytest

from scripts import browser


@pytest.mark.parametrize(("ci", "required"), [("true", True), ("TRUE", True), ("", False), ("false", False)])
def test_ci_requires_the_browser(monkeypatch, ci: str, required: bool) -> None:
    monkeypatch.setenv("CI", ci)
    assert browser.required() is required


def test_a_missing_browser_is_named(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("SANITASI_CHROMIUM", str(tmp_path / "no-chromium"))
    assert "is not an executable file" in (browser.unavailable() or "")


def test_with_ci_true_a_missing_browser_fails_the_browser_tests(tmp_path) -> None:
    """The real thing, in a pytest of its own: CI=true and no Chromium make a browser test fail, not skip."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "CI": "true", "SANITASI_CHROMIUM": str(tmp_path / "no-chromium")}
    test = "tests/e2e/test_browser_pages.py::test_map_check_catches_a_wrongly_wound_polygon"
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test], cwd=browser.ROOT,
                         env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stdout[-2000:]
    assert "browser tests must run in CI" in run.stdout
    assert "1 error" in run.stdout or "1 failed" in run.stdout
