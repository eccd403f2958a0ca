"""STBM per desa: Dinkes' village report, its own reader (a village table differs from every kecamatan one).

Villages are keyed by their Kemendagri code (63.10.01.2005, or 6310012005 as Excel keeps it); the kecamatan
comes from its column or from the code, and must agree with it. The year may be written as a period
('Semester II 2024'); an ODF status must say which of belum, deklarasi or terverifikasi it is, with the
date that goes with it. `sanitasi.desa.rollup` turns the result into the kecamatan STBM table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from sanitasi import KODE_KABUPATEN, desa, kinds, matching
from sanitasi.contracts import check_codes
from sanitasi.errors import DataError, Problem
from sanitasi.headers import DESA_COUNTS
from sanitasi.load import names_of
from sanitasi.matching import AreaIndex
from sanitasi.readers.reading import (
    FIRST_YEAR,
    Reading,
    area,
    blank,
    duplicates,
    num_text,
    numbers,
    row,
    sources,
    years,
)
from sanitasi.schema import validate, whole_numbers
from sanitasi.tables import ROW_COLUMN, parse_date, parse_number

# the date of a village's status: its verification date when verified, its declaration date when declared
_DATE_FOR = {"terverifikasi": ("tanggal_verifikasi", "tanggal_odf"), "deklarasi": ("tanggal_deklarasi", "tanggal_odf")}
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_LOOKS_LIKE_CODE = re.compile(r"^[\d.]+$")


def read(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
         column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Dinkes' STBM report per village: households by latrine kind and the village's ODF status with its date.

    Returns the `stbm_desa` contract, one row per desa and year, with kk_lainnya = jumlah_kk minus the four
    reported kinds. The kecamatan comes from its column (code or name, matched like every reader) and must
    agree with the desa code; where the cell is empty (merged cells in Excel) it is read from the desa code.
    `sanitasi.desa.rollup` turns the result into the kecamatan table the indicators read.
    """
    kind = kinds.get("stbm_desa")
    # a kecamatan may come from a desa code
    reading = Reading.open(file, kind.fields, column_map, sheet, need_area=False, limits=kind.limits)
    name, table, found, dec = reading.name, reading.table, reading.found, reading.decimal_comma
    notes, problems = reading.notes, reading.problems
    table = _drop_desa_totals(table, found, notes)
    if table.empty:
        raise DataError([Problem(name, None, None, None, "tidak ada baris desa")])
    index = AreaIndex.of(wilayah)

    def cells(f: str) -> list:
        return table[found[f]].tolist() if f in found else [None] * len(table)

    kec_column = found.get("nama_wilayah") or found.get("kode_wilayah")
    codes, kecs, derived = [], [], 0
    for i, (dc, kc, kn, dn) in enumerate(zip(cells("kode_desa"), cells("kode_wilayah"), cells("nama_wilayah"),
                                             cells("nama_desa"), strict=True)):
        r = row(table, i)
        d = desa.parse_code(dc)
        if d == "":
            problems.append(Problem(name, r, found["kode_desa"], None, "kode desa wajib diisi"))
        elif d is None:
            problems.append(Problem(name, r, found["kode_desa"], desa.code_text(dc),
                                    "kode desa harus berbentuk seperti 63.10.01.2005 (atau 6310012005)"))
        if not str(dn if dn is not None else "").strip():
            problems.append(Problem(name, r, found["nama_desa"], None, "nama desa wajib diisi"))
        kc, kn = desa.code_text(kc), desa.code_text(kn)
        if not kc and _LOOKS_LIKE_CODE.match(kn):
            kc, kn = kn, ""  # a kecamatan column holding codes
        k = None
        if kc or kn:
            k = area(kc or None, kn or None, index, name_map, False, (name, r, kec_column), problems)
            if k is not None and d and desa.kecamatan_of(d) != k:
                bps = index.by_code.get(matching.digits(d)[:7]) == k
                problems.append(Problem(name, r, found["kode_desa"], d,
                                        f"kode desa tidak termasuk kecamatan {index.names[k]} ({k}); kode desa di "
                                        f"kecamatan itu berawal {k}"
                                        + ("; ini tampaknya kode BPS, yang diperlukan kode Kemendagri" if bps else "")))
        elif d:
            k = index.by_code.get(desa.kecamatan_of(d))
            if k is None:
                problems.append(Problem(name, r, found["kode_desa"], d,
                                        "kode desa tidak termasuk kecamatan mana pun di Kabupaten Tanah Bumbu"))
            else:
                derived += 1
        codes.append(d or None)
        kecs.append(k)
    if derived:
        notes.append(f"Kecamatan diambil dari kode desa pada {derived} baris (mis. 63.10.01.2005 → 63.10.01)."
                     if kec_column else "Tidak ada kolom kecamatan: kecamatan diambil dari kode desa "
                                        "(mis. 63.10.01.2005 → 63.10.01).")
    tahun = years(_periods(table, found["tahun"], name, notes, problems), table, name, problems)
    kk = numbers(table, found["jumlah_kk"], name, "jumlah_kk", dec, problems)
    counts = {f.name: numbers(table, found[f.name], name, found[f.name], dec, problems) for f in DESA_COUNTS}
    statuses, dates = [], []
    today = date.today()
    for i in range(len(table)):
        r = row(table, i)
        for c, values in (("jumlah_kk", kk), *counts.items()):
            header = "jumlah_kk" if c == "jumlah_kk" else found[c]
            v = values.iloc[i]
            if np.isnan(v):
                if blank(table[found[c]].iloc[i]):
                    problems.append(Problem(name, r, header, None, "nilai wajib diisi"))
            elif v < 0 or v != round(v):
                problems.append(Problem(name, r, header, num_text(v),
                                        "jumlah KK harus bilangan bulat tidak negatif"))
        parts = [counts[f.name].iloc[i] for f in DESA_COUNTS]
        if not np.isnan(kk.iloc[i]) and not any(np.isnan(p) for p in parts) and sum(parts) > kk.iloc[i]:
            problems.append(Problem(name, r, "jumlah_kk", num_text(kk.iloc[i]),
                                    f"JSP + JSSP + sharing + BABS ({num_text(sum(parts))}) melebihi jumlah KK; "
                                    f"lebih {num_text(sum(parts) - kk.iloc[i])}"))
        raw_status = table[found["status_odf"]].iloc[i]
        s = desa.parse_status(raw_status)
        if not str(raw_status if raw_status is not None else "").strip():
            problems.append(Problem(name, r, found["status_odf"], None,
                                    "status ODF wajib diisi: belum, deklarasi, atau terverifikasi"))
        elif s is None and desa.is_ambiguous_status(raw_status):
            problems.append(Problem(name, r, found["status_odf"], str(raw_status),
                                    "status ini bisa berarti deklarasi atau terverifikasi; tulis salah satunya "
                                    "(atau belum)"))
        elif s is None:
            problems.append(Problem(name, r, found["status_odf"], str(raw_status),
                                    "status ODF tidak dikenal; tulis belum, deklarasi, atau terverifikasi"))
        statuses.append(s)
        when = None
        for f in (*_DATE_FOR.get(s, ()), "tanggal_odf"):
            cell = table[found[f]].iloc[i] if f in found else None
            if not str(cell if cell is not None else "").strip():
                continue
            when = parse_date(cell)
            if when is None:
                problems.append(Problem(name, r, found[f], str(cell),
                                        "tanggal tidak terbaca; tulis seperti 17-05-2024 atau 2024-05-17"))
            elif when > today:
                problems.append(Problem(name, r, found[f], str(cell), "tanggal ini belum lewat"))
                when = None
            break
        dates.append(when.isoformat() if when is not None else None)
    problems += _desa_key_problems(table, codes, kecs, cells("nama_desa"), tahun, wilayah, name)
    if problems:
        raise DataError(sorted(problems, key=lambda p: p.baris or 0))
    out = pd.DataFrame({"kode_desa": codes, "nama_desa": [str(v).strip() for v in cells("nama_desa")],
                        "kode_wilayah": kecs, "tahun": tahun.astype("int64").to_numpy(),
                        "jumlah_kk": kk.astype("int64").to_numpy(),
                        **{f.name: counts[f.name].astype("int64").to_numpy() for f in DESA_COUNTS}})
    out = out.assign(kk_lainnya=out["jumlah_kk"] - out[[f.name for f in DESA_COUNTS]].sum(axis=1),
                     status_odf=statuses, tanggal_odf=dates, sumber=sources(table, found, name))
    result = whole_numbers(validate(out, kind.contract))
    result = result.sort_values(["tahun", "kode_wilayah", "kode_desa"]).reset_index(drop=True)
    result.attrs["catatan"] = notes + _desa_coverage(result, wilayah)
    return result


def _drop_desa_totals(table: pd.DataFrame, found: dict[str, str], notes: list[str]) -> pd.DataFrame:
    """Subtotal lines per kecamatan and the district total ('Jumlah Kec. Batulicin', 'Total', code 63.10)."""
    def col(f: str) -> list:
        return table[found[f]].tolist() if f in found else [None] * len(table)

    total = [matching.is_total_row(kc, kn) or matching.digits(dc) == matching.digits(KODE_KABUPATEN)
             or matching.normalise_name(dn).startswith(("jumlah", "total", "subtotal"))
             for dc, kc, kn, dn in zip(col("kode_desa"), col("kode_wilayah"), col("nama_wilayah"), col("nama_desa"),
                                       strict=True)]
    if any(total):
        rows = ", ".join(str(r) for r in table.loc[total, ROW_COLUMN])
        notes.append(f"Baris jumlah/total diabaikan (baris {rows}); kecamatan dan kabupaten dihitung dari desa.")
    return table.loc[[not t for t in total]].reset_index(drop=True)


def _periods(table: pd.DataFrame, column: str, name: str, notes: list[str], problems: list[Problem]) -> pd.Series:
    """The year of each row: a number, or the one year inside a period ('Semester II 2024', 'Des 2024')."""
    out, periods = [], 0
    for i, v in enumerate(table[column]):
        x = parse_number(v)
        if x is not None and not np.isnan(x):
            out.append(x)
            continue
        years = set(_YEAR_IN_TEXT.findall(str(v))) if x is None else set()
        if len(years) == 1:
            out.append(float(years.pop()))
            periods += 1
            continue
        blank = x is not None
        message = "tahun wajib diisi" if blank else "tahun atau periode tidak terbaca; tulis tahunnya, mis. 2025"
        problems.append(Problem(name, row(table, i), column, None if blank else str(v), message))
        out.append(float("nan"))
    if periods:
        notes.append(f"Periode dibaca sebagai tahunnya pada {periods} baris (mis. 'Semester II 2024' → 2024).")
    return pd.Series(out, index=table.index, dtype="float64")


def _desa_key_problems(table: pd.DataFrame, codes: list, kecs: list, names: list, tahun: pd.Series,
                       wilayah: pd.DataFrame, name: str) -> list[Problem]:
    """Duplicate villages in a year (by code, and by name within a kecamatan) and kecamatan not yet in existence."""
    last = date.today().year
    keys = pd.DataFrame({ROW_COLUMN: table[ROW_COLUMN].to_numpy(), "kode_desa": codes, "kode_wilayah": kecs,
                         "nama": [matching.normalise_name(v) for v in names], "tahun": tahun.to_numpy()})
    keys = keys.loc[keys["kode_desa"].notna() & keys["kode_wilayah"].notna() & keys["tahun"].between(FIRST_YEAR, last)
                    & (keys["tahun"] % 1 == 0)].reset_index(drop=True).astype({"tahun": "int64"})
    problems = duplicates(keys, ["kode_desa", "tahun"], name, "desa dan tahun")
    same_code = keys.duplicated(["kode_desa", "tahun"], keep="first")
    named = keys.loc[~same_code & keys["nama"].ne("")].reset_index(drop=True)
    for i in np.flatnonzero(named.duplicated(["kode_wilayah", "nama", "tahun"], keep="first").to_numpy()):
        problems.append(Problem(name, int(named[ROW_COLUMN].iloc[i]), None, str(named["kode_desa"].iloc[i]),
                                "nama desa ini sudah ada di kecamatan yang sama pada tahun ini dengan kode lain; "
                                "periksa kode desanya"))
    return problems + [Problem(name, int(keys[ROW_COLUMN].iloc[p.baris - 2]), p.kolom, p.nilai, p.pesan)
                       for p in check_codes(keys, wilayah, name)]


def _desa_coverage(desa_rows: pd.DataFrame, wilayah: pd.DataFrame) -> list[str]:
    """What the file leaves out in its latest year: kecamatan without villages, village counts off the official list."""
    year = int(desa_rows["tahun"].max())
    rows = desa_rows.loc[desa_rows["tahun"] == year]
    existing = wilayah.loc[wilayah["berlaku_sejak"] <= year]
    names = names_of(wilayah)
    have = rows["kode_wilayah"].value_counts()
    notes = []
    absent = [names[k] for k in existing["kode"] if k not in have.index]
    if absent:
        notes.append(f"Tahun {year}: tidak ada desa dari kecamatan {', '.join(absent)}; angka STBM kabupaten tahun "
                     "itu hanya mencakup kecamatan yang ada di berkas.")
    if year >= 2021:  # the official list is today's; before the 2021 split the parents held more villages
        official = (existing["desa"] + existing["kelurahan"]).set_axis(existing["kode"])
        off = [f"{names[k]} {int(have[k])} dari {int(official[k])}" for k in existing["kode"]
               if k in have.index and int(have[k]) != int(official[k])]
        if off:
            notes.append(f"Tahun {year}: jumlah desa di berkas berbeda dari daftar Kemendagri (desa + kelurahan): "
                         + "; ".join(off) + ". Persentase desa ODF dihitung dari desa yang ada di berkas.")
    return notes
