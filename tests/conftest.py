"""Shared fixtures: the bundled data set, loaded and validated once per test session.

Every test session gets its own empty store (SANITASI_DB_URL pointing at a temporary SQLite file),
so what a developer imported into instance/ never leaks into a test, and no test writes there.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from sanitasi.analysis import analyse
from sanitasi.load import Dataset, load_bundled

_STORE_DIR = tempfile.mkdtemp(prefix="sanitasi-test-")
os.environ["SANITASI_DB_URL"] = f"sqlite:///{Path(_STORE_DIR) / 'tes.db'}"
# no background builds of every page's first view after each page a test opens (ui.warm; tests/test_warm.py turns
# them on where it checks them): hundreds of pages opened would each queue seconds of work
os.environ["SANITASI_TANPA_PEMANASAN"] = "1"


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_bundled()


@pytest.fixture(scope="session")
def data(dataset: Dataset) -> Dataset:
    return dataset


@pytest.fixture(scope="session")
def an(dataset: Dataset):
    return analyse(dataset)


@pytest.fixture(scope="session")
def an2021(dataset: Dataset):
    return analyse(dataset, 2021)
