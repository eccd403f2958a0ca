"""The SSK programme matrix (kind `ssk`), its own reader: the Instrumen SSK layout, or one row per year.

A sheet with year columns under a "Volume" and a "Biaya" heading (`sanitasi.instrumen`) is read one row per
sheet row and year; a table with `tahun`, `volume` and `biaya` columns is read as it is. Either way: cells left
empty under a merged programme, activity or agency take the value above them (that is how merged cells come out of
Excel), a row that names only a programme or an activity is a heading for the rows below it, totals lines are
dropped, the place is a kecamatan (code or name), a desa by its code (its kecamatan from the code), or the whole
kabupaten, and the funding source is one of the six the contract names, written as officials write it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from sanitasi import desa, instrumen, kinds, matching
from sanitasi.contracts import SUMBER_DANA, TAHUN_MAX, TAHUN_MIN
from sanitasi.errors import DataError, Problem
from sanitasi.matching import AreaIndex
from sanitasi.readers.reading import (
    ColumnError,
    area,
    find_columns,
    indicator_index,
    num_text,
    validated,
)
from sanitasi.tables import ROW_COLUMN, parse_number, read_grid, read_table, source

FILLED_DOWN = (("kode_program", "program"), ("kode_kegiatan", "kegiatan"), (None, "opd"))
WHOLE_DISTRICT = {"seluruhkabupaten", "kabupaten", "semuakecamatan", "lintaskecamatan", "tingkatkabupaten",
                  "kabupatentanahbumbu", "tanahbumbu"}
CODE_LEVELS = {3: "kode_program", 5: "kode_kegiatan", 6: "kode_sub_kegiatan"}  # parts of a nomenclature code


def read(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
         column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """The matrix as the `ssk` contract: one row per activity, place, funding source and year."""
    kind = kinds.get("ssk")
    src = source(file)
    grid, decimal_comma, name = read_grid(src, sheet=sheet)
    if not grid:
        raise DataError([Problem(name, None, None, None, "berkas kosong")])
    layout = instrumen.find_layout(grid)
    notes: list[str] = []
    if layout is not None:
        table, years = instrumen.rows_by_year(grid, layout)
        found = find_columns(table, kind.fields, column_map, name, need_area=False)
        valued = set(years[ROW_COLUMN])
        first, last = min(y for _, y, _ in layout.years.values()), max(y for _, y, _ in layout.years.values())
        notes.append(f"Tata letak Instrumen SSK: tahun {first}–{last} sebagai kolom volume dan biaya.")
    else:
        table = read_table(src, sheet=sheet, score=matching.header_score(kind.fields))
        decimal_comma = table.attrs.get("desimal_koma", decimal_comma)
        found = find_columns(table, kind.fields, column_map, name, need_area=False)
        missing = [f for f in kind.fields if f.name in ("tahun", "volume", "biaya") and f.name not in found]
        if missing:
            problems = [Problem(name, 1, f.label or f.name, None,
                                "kolom ini tidak ditemukan: tulis tahun sebagai kolom di bawah judul 'Volume' dan "
                                "'Indikasi biaya (Rp)', atau beri kolom tahun, volume dan biaya") for f in missing]
            raise ColumnError(problems, missing, [c for c in table.columns if c not in found.values()])
        valued = {int(r) for r, v, b in zip(table[ROW_COLUMN], table[found["volume"]], table[found["biaya"]],
                                            strict=True) if _filled(v) or _filled(b)}
        years = None
    table = _tidy(table, found, valued, notes)
    if table.empty:
        raise DataError([Problem(name, None, None, None, "tidak ada baris kegiatan di bawah judul kolom")])
    if years is not None:  # one row per sheet row and year, the sheet row's cells beside each
        table = years.merge(table, on=ROW_COLUMN, how="inner", validate="many_to_one")
    else:
        table = table.assign(tahun=table[found["tahun"]], volume=table[found["volume"]],
                             biaya=table[found["biaya"]], _kolom_volume=found["volume"], _kolom_biaya=found["biaya"])
    table = table.reset_index(drop=True)
    problems: list[Problem] = []
    cells = _cells(table, found, wilayah, name_map, name, decimal_comma, problems, notes)
    raw = pd.DataFrame(cells)
    try:
        out = validated(raw, kind.contract, table, name, notes, earlier=problems, found=found)
    except DataError as err:  # a sheet row read once per year would say its problems once per year: once is enough
        raise DataError(list(dict.fromkeys(err.problems))) from None
    out.attrs["catatan"] = notes
    return out


def _filled(v: Any) -> bool:
    return v is not None and not (isinstance(v, float) and np.isnan(v)) and str(v).strip() != ""


def _text(v: Any) -> str | None:
    t = desa.code_text(v)
    return _unquoted(t) or None


def _unquoted(text: str) -> str:
    """A text cell as written before the export guarded it against Excel formulas ("'- IPAL" -> "- IPAL")."""
    return text[1:] if text.startswith("'") and text[1:2] in ("=", "+", "-", "@") else text


def _tidy(table: pd.DataFrame, found: Mapping[str, str], valued: set[int], notes: list[str]) -> pd.DataFrame:
    """Nomenclature codes in one "Kode" column put at their level, merged cells filled from above, heading rows
    (a programme or activity alone, no figures) taken as headings, totals lines dropped."""
    table = table.copy()
    for f in ("kode_program", "program", "kode_kegiatan", "kegiatan", "kode_sub_kegiatan", "sub_kegiatan", "opd"):
        table[f] = table[found[f]] if f in found else None
    if "kode_nomenklatur" in found:
        for i, code in enumerate(table[found["kode_nomenklatur"]]):
            text = _text(code)
            level = CODE_LEVELS.get(len(text.split("."))) if text else None
            if level is not None and not _filled(table.at[i, level]):
                table.at[i, level] = text
    keep, filled, headings, totals = [], 0, [], []
    current: dict[str, Any] = {}
    for i in range(len(table)):
        r = table.iloc[i]
        label = next((str(r[c]) for c in ("sub_kegiatan", "kegiatan", "program") if _filled(r[c])), "")
        if label and matching.normalise_name(label).startswith(("jumlah", "total", "subtotal", "grandtotal")):
            totals.append(int(r[ROW_COLUMN]))
            continue
        data = int(r[ROW_COLUMN]) in valued
        for code, text in FILLED_DOWN:
            if _filled(r[text]):
                current[text] = r[text]
                if code is not None:
                    current[code] = r[code] if _filled(r[code]) else None
                if text == "program":  # a new programme starts its activities and agencies afresh
                    for k in ("kegiatan", "kode_kegiatan", "opd"):
                        current.pop(k, None)
            elif data and text in current:
                table.iat[i, table.columns.get_loc(text)] = current[text]
                if code is not None:
                    table.iat[i, table.columns.get_loc(code)] = current.get(code)
                filled += 1
        if not data and not _filled(r["opd"]) and not _filled(r["sub_kegiatan"]):
            if label:
                headings.append(int(r[ROW_COLUMN]))
            continue
        keep.append(i)
    if filled:
        notes.append(f"Sel program, kegiatan atau OPD yang kosong (sel gabungan di Excel) diisi dari baris di "
                     f"atasnya: {filled} sel.")
    if headings:
        notes.append("Baris judul program/kegiatan tanpa angka dipakai sebagai judul baris di bawahnya (baris "
                     + ", ".join(str(x) for x in headings[:8]) + (", …" if len(headings) > 8 else "") + ").")
    if totals:
        notes.append("Baris jumlah/total diabaikan (baris " + ", ".join(str(x) for x in totals) + ").")
    return table.iloc[keep].reset_index(drop=True)


def _cells(table: pd.DataFrame, found: Mapping[str, str], wilayah: pd.DataFrame,
           name_map: Mapping[str, str] | None, name: str, decimal_comma: bool, problems: list[Problem],
           notes: list[str]) -> dict[str, list]:
    """Every contract column of every row, read and checked (problems appended, never raised here)."""
    index = AreaIndex.of(wilayah)
    ind_index = indicator_index()

    def column(f: str) -> list:
        return table[found[f]].tolist() if f in found else [None] * len(table)

    out: dict[str, list] = {c: [] for c in kinds.get("ssk").contract.names}
    if "kk_per_satuan" not in found:
        notes.append("Tidak ada kolom KK per satuan: tidak ada KK yang dihitung terjangkau oleh rencana.")
    if not any(f in found for f in ("kode_wilayah", "nama_wilayah", "kode_desa")):
        notes.append("Tidak ada kolom lokasi: semua kegiatan dianggap kegiatan tingkat kabupaten.")
    kec_column = found.get("nama_wilayah") or found.get("kode_wilayah")
    for i, (kc, kn, dc, ind, unit, hh, cost, fund, src) in enumerate(zip(
            column("kode_wilayah"), column("nama_wilayah"), column("kode_desa"), column("indikator"),
            column("satuan"), column("kk_per_satuan"), column("biaya_satuan"), column("sumber_dana"),
            column("sumber"), strict=True)):
        r = int(table[ROW_COLUMN].iloc[i])
        for f in ("kode_program", "kode_kegiatan", "kode_sub_kegiatan"):
            out[f].append(_text(table[f].iloc[i]))
        for f in ("program", "kegiatan", "sub_kegiatan", "opd"):
            v = table[f].iloc[i]
            out[f].append(_unquoted(str(v).strip()) if _filled(v) else None)
        code = None
        if _filled(ind):
            code = ind_index.get(matching.normalise_name(ind))
            if code is None:
                problems.append(Problem(name, r, found.get("indikator"), str(ind),
                                        "indikator tidak dikenal; yang dikenal: " + ", ".join(sorted(set(
                                            ind_index.values())))))
        out["indikator"].append(code)
        kec, village = _place(kc, kn, dc, index, name_map, (name, r, kec_column, found.get("kode_desa")), problems)
        out["kode_wilayah"].append(kec)
        out["kode_desa"].append(village)
        year = parse_number(table["tahun"].iloc[i], decimal_comma)
        if year is None or np.isnan(year) or year != round(year) or not TAHUN_MIN <= year <= TAHUN_MAX:
            problems.append(Problem(name, r, found.get("tahun", "tahun"), str(table["tahun"].iloc[i]),
                                    f"tahun harus bilangan bulat antara {TAHUN_MIN} dan {TAHUN_MAX}"))
            year = TAHUN_MIN  # said above: the contract need not say it again
        out["tahun"].append(year)
        for f, label in (("volume", table["_kolom_volume"].iloc[i]), ("biaya", table["_kolom_biaya"].iloc[i])):
            # a figure of a year column: the problem names that column ('Volume 2027'), so it is said here only
            value = _number(table[f].iloc[i], decimal_comma, (name, r, str(label)), problems, required=True)
            out[f].append(0.0 if value is None else value)
        out["kk_per_satuan"].append(_number(hh, decimal_comma, (name, r, found.get("kk_per_satuan")), problems)
                                    if _filled(hh) else 0.0)
        out["biaya_satuan"].append(_number(cost, decimal_comma, (name, r, found.get("biaya_satuan")), problems))
        out["satuan"].append(_unquoted(str(unit).strip()) if _filled(unit) else None)
        fund_code = instrumen.source_code(fund)
        if fund_code is None and _filled(fund):
            problems.append(Problem(name, r, found.get("sumber_dana"), str(fund),
                                    "sumber dana harus salah satu dari: " + ", ".join(
                                        instrumen.SOURCE_LABELS[c] for c in SUMBER_DANA)))
        out["sumber_dana"].append(fund_code)
        out["sumber"].append(_unquoted(str(src).strip()) if _filled(src) else name)
    return out


def _number(cell: Any, decimal_comma: bool, where: tuple[str, int, str | None], problems: list[Problem],
            required: bool = False) -> float | None:
    """A figure as written ('1.250.000', 'Rp 6.500.000', '0,5'); None when empty (a problem when `required`)."""
    x = parse_number(cell, decimal_comma)
    if x is None:
        problems.append(Problem(where[0], where[1], where[2], str(cell), "harus berupa angka"))
        return None
    if np.isnan(x):
        if required:
            problems.append(Problem(where[0], where[1], where[2], None, "nilai wajib diisi, tetapi kosong"))
        return None
    if x < 0:
        problems.append(Problem(where[0], where[1], where[2], num_text(x), "tidak boleh kurang dari 0"))
    return float(x)


def _place(kc: Any, kn: Any, dc: Any, index: AreaIndex, name_map: Mapping[str, str] | None,
           where: tuple[str, int, str | None, str | None], problems: list[Problem]) -> tuple[str | None, str | None]:
    """(kecamatan, desa) of a row: a desa by its code (its kecamatan from the code, and the kecamatan cell must
    agree), a kecamatan by code or name, or (None, None) for the whole kabupaten."""
    name, r, kec_column, desa_column = where
    kc_text, kn_text = desa.code_text(kc), desa.code_text(kn)
    whole = (matching.is_kabupaten(kc_text, kn_text) or matching.normalise_name(kn_text) in WHOLE_DISTRICT
             or not (kc_text or kn_text))
    kec = None if whole else area(kc_text or None, kn_text or None, index, name_map, False,
                                  (name, r, kec_column), problems)
    village = None
    if _filled(dc):
        village = desa.parse_code(dc)
        if not village:
            problems.append(Problem(name, r, desa_column, desa.code_text(dc),
                                    "kode desa harus berbentuk seperti 63.10.01.2005 (atau 6310012005)"))
            return kec, None
        own = index.by_code.get(desa.kecamatan_of(village))
        if own is None:
            problems.append(Problem(name, r, desa_column, village,
                                    "kode desa tidak termasuk kecamatan mana pun di Kabupaten Tanah Bumbu"))
        elif not whole and kec is not None and kec != own:
            problems.append(Problem(name, r, desa_column, village,
                                    f"kode desa tidak termasuk kecamatan {index.names[kec]} ({kec})"))
        kec = own if kec is None else kec
    return kec, village
