"""Files to hand back to officials: templates for every table and downloads that are safe to open in Excel.

The templates (headers, example rows, what each column means) are the registry's, `sanitasi.kinds`. A stored
table is exported as its import reads it (`table_file`), so an official can fix it in Excel and load it back.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is taken by Excel as a
formula (CSV/formula injection): text cells like that get a leading apostrophe. Numbers are left
alone. CSV goes out the way Indonesian Excel reads it: `;` separators, decimal comma, UTF-8 with BOM.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Mapping

import pandas as pd

from sanitasi import KODE_KABUPATEN, NAMA_KABUPATEN, instrumen, kinds, paths
from sanitasi.errors import DataError, Problem

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_THEN_FORMULA = re.compile(r"([\r\n]+)([=+\-@\t])")


def _safe(v: object) -> object:
    """A text cell that cannot run as a formula: control characters dropped (they break XLSX), a formula start
    guarded at the cell's start and after every line break (a CR then '=cmd|...' starts a new line in a CSV)."""
    if not isinstance(v, str):
        return v
    v = _LINE_THEN_FORMULA.sub(lambda m: m.group(1) + "'" + m.group(2), _CONTROL.sub("", v))
    return "'" + v if v.startswith(DANGEROUS) else v


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as formulas in Excel, nor carry control characters."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_safe)
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
TEMPLATES = tuple((k, t.name) for k in TEMPLATE_KINDS for t in kinds.get(k).templates)  # (kind, name), each level


def _template_spec(kind: str, name: str = "") -> kinds.Template:
    spec = kinds.REGISTRY[kind].templates if kind in kinds.REGISTRY else ()
    found = [t for t in spec if not name or t.name == name]
    if not found:
        raise ValueError(f"tidak ada templat untuk {kind}")
    return found[0]


def template(kind: str, wilayah: pd.DataFrame, name: str = "") -> pd.DataFrame:
    """An empty table with the right headers and an example row, or one row per kecamatan to start from.

    `name` picks one of a kind's templates (access: "kecamatan", "kabupaten"); empty, its main one."""
    spec = _template_spec(kind, name)
    if not spec.per_kecamatan:
        return pd.DataFrame([dict(spec.row)])
    filled = {kinds.KECAMATAN_CODE: wilayah["kode"], kinds.KECAMATAN_NAME: wilayah["nama"]}
    return pd.DataFrame({c: filled.get(v, v) for c, v in spec.row.items()})


def explanation(kind: str, name: str = "") -> pd.DataFrame:
    """What each column of the template means (the template's second sheet)."""
    explain = _template_spec(kind, name).explain
    return pd.DataFrame({"kolom": list(explain), "arti": list(explain.values())})


def template_xlsx(kind: str, wilayah: pd.DataFrame, name: str = "") -> bytes:
    return to_xlsx({"data": template(kind, wilayah, name), "penjelasan": explanation(kind, name)})


# ------------------------------------------------------------------------------------- a table to load back
EXPORT_SUFFIXES = (".csv", ".xlsx")  # a table's file; a boundary layer's is GeoJSON
GEO_SUFFIXES = (".geojson", ".json")


def for_import(kind: str, frame: pd.DataFrame, wilayah: pd.DataFrame) -> pd.DataFrame:
    """A stored table as its import reads it back: the contract's columns under their own names, with each area's
    name beside its code so an official can find a row in Excel (the reader goes by the code)."""
    out = frame[[c for c in kinds.get(kind).contract.names if c in frame.columns]].copy()
    if "kode_wilayah" in out.columns:
        names = {**dict(zip(wilayah["kode"], wilayah["nama"], strict=True)), KODE_KABUPATEN: NAMA_KABUPATEN}
        where = list(out.columns).index("kode_wilayah") + 1
        out.insert(where, "wilayah" if kind == "akses" else "kecamatan", out["kode_wilayah"].map(names))
    return out


def table_file(kind: str, frame: pd.DataFrame, wilayah: pd.DataFrame, suffix: str) -> bytes:
    """The file `python -m sanitasi.cli export` writes and the Data page downloads: CSV or XLSX for a table (with
    the template's explanation sheet), GeoJSON for a boundary layer. Loading it back gives the same table."""
    suffix = suffix.lower()
    if kind in kinds.geo():
        if suffix not in GEO_SUFFIXES:
            raise DataError([Problem(kind, None, None, suffix, "lapisan batas diekspor sebagai .geojson")])
        return frame.to_crs("EPSG:4326").to_json(drop_id=True).encode("utf-8")
    if kinds.get(kind).layout == "instrumen" and suffix in EXPORT_SUFFIXES:
        return layout_file(kind, frame, wilayah, suffix)
    table = for_import(kind, frame, wilayah)
    if suffix == ".csv":
        return to_csv(table)
    if suffix == ".xlsx":
        spec = kinds.get(kind).template
        return to_xlsx({"data": table, **({"penjelasan": explanation(kind)} if spec is not None else {})})
    raise DataError([Problem(kind, None, None, suffix, "berkas ekspor harus .csv atau .xlsx")])


def layout_file(kind: str, frame: pd.DataFrame, wilayah: pd.DataFrame, suffix: str) -> bytes:
    """A kind kept in a sheet layout of its own (the SSK matrix in the Instrumen SSK layout: years as columns,
    merged programme cells in a workbook), with the names of its kecamatan and desa beside their codes."""
    names = {**dict(zip(wilayah["kode"], wilayah["nama"], strict=True)), **_desa_names()}
    table = neutralise(frame[kinds.get(kind).contract.names])
    if suffix == ".csv":
        return instrumen.csv_bytes(table, names)
    return instrumen.workbook(table, names, explanation(kind))


@functools.cache
def _desa_names() -> dict[str, str]:
    """Desa code -> name, from the Kepmendagri 2025 code list shipped in data/batas/ (real reference data)."""
    codes = pd.read_csv(paths.KODE_DESA_CSV, dtype=str)
    villages = codes.loc[codes["tingkat"] != "kecamatan"]
    return dict(zip(villages["kode"], villages["nama"], strict=True))
