"""House rules that a reviewer would otherwise have to remember (shared/style.md); the layers, what a page may do
and module sizes are checked in tests/test_layers.py."""

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


@pytest.mark.skipif(shutil.which("ruff") is None and not (Path(sys.executable).parent / "ruff").exists(),
                    reason="ruff is not installed (requirements-dev.txt installs it)")
def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    result = subprocess.run([ruff, "check", str(ROOT)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-2000:]
