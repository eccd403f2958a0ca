"""Shared fixtures: the bundled data set, loaded and validated once per test session."""

from __future__ import annotations

import pytest

from sanitasi.load import Dataset, load_bundled


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_bundled()
