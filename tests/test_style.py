"""House rules that a reviewer would otherwise have to remember (shared/style.md)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_sanitasi_never_imports_streamlit() -> None:
    """Rule 1: the calculation package works in a notebook or a script."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "sanitasi").rglob("*.py")
                 if re.search(r"^\s*(import streamlit|from streamlit)", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def test_pages_hold_no_calculations() -> None:
    """Rule 5: pages read widgets, call sanitasi, render; no groupby, merge, pivot or aggregation."""
    pattern = re.compile(r"\.(groupby|agg|merge|pivot|pivot_table|resample|apply)\(")
    offenders = [f"{p.name}:{i}" for p in (ROOT / "app_pages").glob("*.py")
                 for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert offenders == []


def test_every_page_is_in_the_navigation() -> None:
    """Rule 20: a page file that the navigation does not list is unreachable."""
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    for page in (ROOT / "app_pages").glob("*.py"):
        assert f'"app_pages/{page.name}"' in app, page.name


@pytest.mark.skipif(shutil.which("ruff") is None and not (Path(sys.executable).parent / "ruff").exists(),
                    reason="ruff is not installed (requirements-dev.txt installs it)")
def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    result = subprocess.run([ruff, "check", str(ROOT)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-2000:]
