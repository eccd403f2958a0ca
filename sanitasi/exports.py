"""Files to hand back to officials: templates for every table and downloads that are safe to open in Excel.

The templates (headers, example rows, what each column means) are the registry's, `sanitasi.kinds`.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is taken by Excel as a
formula (CSV/formula injection): text cells like that get a leading apostrophe. Numbers are left
alone. CSV goes out the way Indonesian Excel reads it: `;` separators, decimal comma, UTF-8 with BOM.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import pandas as pd

from sanitasi import kinds

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as formulas in Excel."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(DANGEROUS) else v)
    if any(isinstance(c, str) and c.startswith(DANGEROUS) for c in out.columns):
        out.columns = ["'" + c if isinstance(c, str) and c.startswith(DANGEROUS) else c for c in out.columns]
    return out


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV as Indonesian Excel opens it: `;`, decimal comma, UTF-8 with BOM."""
    return neutralise(frame).to_csv(sep=";", decimal=",", index=False).encode("utf-8-sig")


def to_xlsx(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per frame (names cut to Excel's 31 characters)."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            neutralise(frame).to_excel(writer, sheet_name=name[:31], index=False)
    return buf.getvalue()


TEMPLATE_KINDS = kinds.with_template()  # the Data page's template buttons, in the registry's order


def template(kind: str, wilayah: pd.DataFrame) -> pd.DataFrame:
    """An empty table with the right headers and an example row, or one row per kecamatan to start from."""
    spec = kinds.REGISTRY[kind].template if kind in kinds.REGISTRY else None
    if spec is None:
        raise ValueError(f"tidak ada templat untuk {kind}")
    if not spec.per_kecamatan:
        return pd.DataFrame([dict(spec.row)])
    filled = {kinds.KECAMATAN_CODE: wilayah["kode"], kinds.KECAMATAN_NAME: wilayah["nama"]}
    return pd.DataFrame({c: filled.get(v, v) for c, v in spec.row.items()})


def explanation(kind: str) -> pd.DataFrame:
    """What each column of the template means (the template's second sheet)."""
    explain = kinds.get(kind).template.explain
    return pd.DataFrame({"kolom": list(explain), "arti": list(explain.values())})


def template_xlsx(kind: str, wilayah: pd.DataFrame) -> bytes:
    return to_xlsx({"data": template(kind, wilayah), "penjelasan": explanation(kind)})
