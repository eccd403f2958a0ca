"""Small builders shared by several test modules (pytest puts tests/ on the import path)."""

from __future__ import annotations

import dataclasses

from sanitasi.load import Dataset


def loaded(data: Dataset, source: str = "Dinkes 2025", **versions: int) -> Dataset:
    """The data set as if these kinds had been imported (kind=version): their rows name a real source instead of
    the bundled 'ilustratif', and the version supplying them is not the bundled one."""
    tables = {k: getattr(data, k).assign(sumber=source) for k in versions
              if getattr(data, k) is not None and "sumber" in getattr(data, k).columns}
    return dataclasses.replace(data, sumber={**data.sumber, **versions}, **tables)
