"""The import API: officials' files in, validated tables matched to kecamatan codes out, or every problem.

`read_akses`, `read_target`, `read_biaya` and `read_boundaries` all raise `DataError`, whose
`problems` lists every problem found in one pass (row as Excel shows it, column, value, message in
Bahasa Indonesia). No other exception escapes for a bad file. What a reader had to decide on its
own (a totals row dropped, percentages turned into households) is listed in the result's
`attrs["catatan"]`, so the user sees it before saving.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from sanitasi import KODE_KABUPATEN, desa, indicators, matching
from sanitasi.contracts import (
    AKSES,
    BIAYA,
    DRAINASE,
    KEGIATAN,
    KOMITMEN,
    KOMITMEN_STATUS,
    SAMPAH,
    STBM_DESA,
    TARGET,
    check_codes,
)
from sanitasi.errors import UNKNOWN_AREA, DataError, Problem
from sanitasi.headers import (
    ACTIVITY,
    AREA_CODE,
    AREA_NAME,
    BASE_YEAR,
    COMMITMENT,
    COST_CODE,
    COST_SHARE,
    COST_SOURCE,
    COST_STEP,
    COST_VALUE,
    DESA_CODE,
    DESA_COUNTS,
    DESA_DATES,
    DESA_KEC_CODE,
    DESA_KEC_NAME,
    DESA_NAME,
    DESA_YEAR,
    DOC,
    HOUSEHOLDS,
    INDICATOR,
    NOTE,
    ODF_STATUS_FIELD,
    RUNG_COUNTS,
    RUNG_SHARES,
    SOURCE,
    TARGET_VALUE,
    TARGET_YEAR,
    WASTE,
    WATERLOGGING,
    YEAR,
    Field,
    optional,
)
from sanitasi.indicators import RUNG_COLUMNS, apportion
from sanitasi.matching import AreaIndex
from sanitasi.schema import validate, whole_numbers
from sanitasi.tables import ROW_COLUMN, parse_date, parse_number, read_table, sheet_names, source

__all__ = ["DataError", "Problem", "ColumnError", "read_table", "read_akses", "read_target", "read_biaya",
           "read_boundaries", "read_boundaries_desa", "read_stbm_desa", "read_sampah", "read_drainase",
           "read_kegiatan", "read_komitmen", "read_kind", "IMPORT_KINDS", "GEO_KINDS", "sheet_names",
           "problems_frame", "FIRST_YEAR"]

FIRST_YEAR = 2000  # oldest plausible year of sanitation access data for the district
SHARE_TOLERANCE = 0.5  # percentage points the five shares may miss 100 by (rounding in the source)


class ColumnError(DataError):
    """Columns the reader needs but could not find; the UI asks the user to point at them.

    `missing` lists the fields (name, label), `unmatched` the file's headers nobody claimed.
    """

    def __init__(self, problems: list[Problem], missing: list[Field], unmatched: list[str]):
        super().__init__(problems)
        self.missing = missing
        self.unmatched = unmatched


def _row(frame: pd.DataFrame, i: int) -> int:
    return int(frame[ROW_COLUMN].iloc[i]) if ROW_COLUMN in frame else i + 2


def _find(table: pd.DataFrame, fields: list[Field], column_map: Mapping[str, str] | None, name: str,
          need_area: bool = True) -> dict[str, str]:
    found, unmatched = matching.match_columns(table.columns, fields, column_map)
    missing = [f for f in fields if f.required and f.name not in found]
    if need_area and "kode_wilayah" not in found and "nama_wilayah" not in found:
        missing.insert(0, AREA_NAME)
    if missing:
        problems = [Problem(name, 1, f.label or f.name, None,
                            "kolom ini tidak ditemukan; judul kolom yang tidak dikenali: "
                            + (", ".join(unmatched) or "(tidak ada)")) for f in missing]
        raise ColumnError(problems, missing, unmatched)
    return found


def _numbers(table: pd.DataFrame, column: str, name: str, label: str, decimal_comma: bool,
             problems: list[Problem]) -> pd.Series:
    """Cells of one column as floats (NaN when empty); unreadable cells become problems."""
    values = []
    for i, v in enumerate(table[column]):
        x = parse_number(v, decimal_comma)
        if x is None:
            problems.append(Problem(name, _row(table, i), label, str(v), "harus berupa angka"))
            x = float("nan")
        values.append(x)
    return pd.Series(values, index=table.index, dtype="float64")


def _areas(table: pd.DataFrame, found: dict[str, str], index: AreaIndex, name_map: Mapping[str, str] | None,
           name: str, problems: list[Problem], allow_empty: bool = False) -> pd.Series:
    """Kemendagri code per row; unmatched names become problems that carry suggestions."""
    codes = table[found["kode_wilayah"]] if "kode_wilayah" in found else pd.Series([None] * len(table))
    names = table[found["nama_wilayah"]] if "nama_wilayah" in found else pd.Series([None] * len(table))
    column = found.get("nama_wilayah") or found.get("kode_wilayah")
    out = [_area(c, n, index, name_map, allow_empty, (name, _row(table, i), column), problems)
           for i, (c, n) in enumerate(zip(codes, names, strict=True))]
    return pd.Series(out, index=table.index, dtype="object")


def _area(c: Any, n: Any, index: AreaIndex, name_map: Mapping[str, str] | None, allow_empty: bool,
          where: tuple[str, int, str | None], problems: list[Problem]) -> str | None:
    """One row's kecamatan code from its code and name cells; an unmatched one is a problem with suggestions."""
    blank = not str(c or "").strip() and not str(n or "").strip()
    if blank and allow_empty:
        return None
    hit = index.code_for(c, n, name_map)
    if hit is None:
        shown = str(n if str(n or "").strip() else c)
        near = index.suggestions(n if n is not None else c)
        hint = ("; mungkin: " + ", ".join(f"{nama} ({kode})" for kode, nama in near)) if near else ""
        problems.append(Problem(where[0], where[1], where[2], shown, "kecamatan tidak dikenal" + hint, UNKNOWN_AREA,
                                tuple(near)))
    return hit


def _drop_totals(table: pd.DataFrame, found: dict[str, str], notes: list[str]) -> pd.DataFrame:
    codes = table[found["kode_wilayah"]] if "kode_wilayah" in found else pd.Series([None] * len(table),
                                                                                    index=table.index)
    names = table[found["nama_wilayah"]] if "nama_wilayah" in found else pd.Series([None] * len(table),
                                                                                    index=table.index)
    total = [matching.is_total_row(c, n) for c, n in zip(codes, names, strict=True)]
    if any(total):
        rows = ", ".join(str(r) for r in table.loc[total, ROW_COLUMN])
        notes.append(f"Baris jumlah/total diabaikan (baris {rows}); kabupaten dihitung dari kecamatan.")
    return table.loc[[not t for t in total]].reset_index(drop=True)


def _years(values: pd.Series, table: pd.DataFrame, name: str, problems: list[Problem]) -> pd.Series:
    last = date.today().year
    for i, y in enumerate(values):
        if np.isnan(y):
            continue
        if y != round(y) or not FIRST_YEAR <= y <= last:
            problems.append(Problem(name, _row(table, i), "tahun", _num_text(y),
                                    f"tahun harus bilangan bulat antara {FIRST_YEAR} dan {last}"))
    return values


def _num_text(v: float) -> str:
    return str(int(v)) if v == round(v) else str(v)


def problems_frame(error: DataError) -> pd.DataFrame:
    """The problems as a table to show and to download (Bahasa Indonesia headers)."""
    return pd.DataFrame([{"Berkas": p.tabel, "Baris": p.baris, "Kolom": p.kolom, "Nilai ditemukan": p.nilai,
                          "Masalah": p.pesan} for p in error.problems])


# ------------------------------------------------------------------------------------- access table
def read_akses(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
               column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """The access table: household counts on the five rungs, or percentages with `jumlah_kk`.

    Percentages are turned into whole households per rung that add up exactly to `jumlah_kk`
    (largest remainder); the largest rounding is reported in `attrs["catatan"]`.
    Returns the `akses_sanitasi` contract columns with `sumber` = the file name.
    """
    src = source(file)
    fields = [AREA_CODE, AREA_NAME, YEAR, HOUSEHOLDS, *optional(RUNG_COUNTS), *optional(RUNG_SHARES)]
    table = read_table(src, sheet=sheet, score=matching.header_score(fields))
    dec = table.attrs.get("desimal_koma", True)
    found = _find(table, [AREA_CODE, AREA_NAME, YEAR, HOUSEHOLDS, *optional(RUNG_COUNTS), *optional(RUNG_SHARES)],
                  column_map, src.name)
    counts = [f.name for f in RUNG_COUNTS if f.name in found]
    shares = [f.name for f in RUNG_SHARES if f.name in found]
    if len(counts) < 5 and len(shares) < 5:
        have = counts if len(counts) >= len(shares) else shares
        need = RUNG_COUNTS if len(counts) >= len(shares) else RUNG_SHARES
        missing = [f for f in need if f.name not in have]
        _, unmatched = matching.match_columns(table.columns, fields, column_map)
        raise ColumnError([Problem(src.name, 1, f.label, None,
                                   "kolom anak tangga ini tidak ditemukan; perlu kelima anak tangga (jumlah KK "
                                   "atau persen)") for f in missing], missing, unmatched)
    as_shares = len(counts) < 5
    notes: list[str] = []
    problems: list[Problem] = []
    table = _drop_totals(table, found, notes)
    if table.empty:
        raise DataError([Problem(src.name, None, None, None, "tidak ada baris kecamatan")])
    index = AreaIndex.of(wilayah)
    kode = _areas(table, found, index, name_map, src.name, problems)
    tahun = _years(_numbers(table, found["tahun"], src.name, "tahun", dec, problems), table, src.name, problems)
    kk = _numbers(table, found["jumlah_kk"], src.name, "jumlah_kk", dec, problems)
    cols = shares if as_shares else counts
    rungs = {c: _numbers(table, found[c], src.name, found[c], dec, problems) for c in cols}
    for i in range(len(table)):
        r = _row(table, i)
        # an unreadable cell is NaN too, but it already has its "harus berupa angka" problem
        if np.isnan(kk.iloc[i]):
            if _empty(table[found["jumlah_kk"]].iloc[i]):
                problems.append(Problem(src.name, r, "jumlah_kk", None, "jumlah KK wajib diisi"))
        elif kk.iloc[i] < 0 or kk.iloc[i] != round(kk.iloc[i]):
            problems.append(Problem(src.name, r, "jumlah_kk", _num_text(kk.iloc[i]),
                                    "jumlah KK harus bilangan bulat tidak negatif"))
        vals = [rungs[c].iloc[i] for c in cols]
        if any(np.isnan(v) for v in vals):
            for c, v in zip(cols, vals, strict=True):
                if np.isnan(v) and _empty(table[found[c]].iloc[i]):
                    problems.append(Problem(src.name, r, found[c], None, "nilai wajib diisi"))
            continue
        if as_shares:
            for c, v in zip(cols, vals, strict=True):
                if not 0 <= v <= 100:
                    problems.append(Problem(src.name, r, found[c], _num_text(v), "persentase harus antara 0 dan 100"))
            total = sum(vals)
            if abs(total - 100) > SHARE_TOLERANCE:
                problems.append(Problem(src.name, r, None, f"{total:.2f}".replace(".", ","),
                                        "kelima persentase harus berjumlah 100"))
        else:
            for c, v in zip(cols, vals, strict=True):
                if v < 0 or v != round(v):
                    problems.append(Problem(src.name, r, found[c], _num_text(v),
                                            "jumlah KK harus bilangan bulat tidak negatif"))
            total = sum(vals)
            if not np.isnan(kk.iloc[i]) and total != kk.iloc[i]:
                gap = kk.iloc[i] - total
                problems.append(Problem(src.name, r, "jumlah_kk", _num_text(kk.iloc[i]),
                                        f"jumlah lima anak tangga ({_num_text(total)}) tidak sama dengan jumlah KK; "
                                        f"selisih {_num_text(gap)}"))
    problems += _key_problems(table, kode, tahun, wilayah, src.name)  # same pass: every problem at once
    if problems:
        raise DataError(problems)
    out = pd.DataFrame({"kode_wilayah": kode.to_numpy(), "tahun": tahun.astype("int64").to_numpy(),
                        "jumlah_kk": kk.astype("int64").to_numpy()})
    if as_shares:
        pct = np.column_stack([rungs[f"pct_{r}"].to_numpy() for r in indicators.RUNGS])
        whole = apportion(out["jumlah_kk"].to_numpy(), pct)
        exact = pct / pct.sum(axis=1, keepdims=True) * out["jumlah_kk"].to_numpy()[:, None]
        worst = float(np.abs(whole - exact).max()) if len(out) else 0.0
        notes.append("Persentase diubah menjadi jumlah KK per anak tangga dengan pembulatan sisa terbesar, sehingga "
                     f"jumlahnya tetap sama dengan jumlah KK; pembulatan terbesar {_comma(worst)} KK.")
        for j, c in enumerate(RUNG_COLUMNS):
            out[c] = whole[:, j]
    else:
        for c in RUNG_COLUMNS:
            out[c] = rungs[c].astype("int64").to_numpy()
    out["sumber"] = src.name
    result = validate(out, AKSES)
    result = result.astype({c: "int64" for c in ("tahun", "jumlah_kk", *RUNG_COLUMNS)})
    result = result.sort_values(["tahun", "kode_wilayah"]).reset_index(drop=True)
    result.attrs["catatan"] = notes
    return result


def _key_problems(table: pd.DataFrame, kode: pd.Series, tahun: pd.Series, wilayah: pd.DataFrame,
                  name: str) -> list[Problem]:
    """Duplicate rows and kecamatan used before they existed, among the rows whose kecamatan and year were read."""
    ok = (kode.notna() & tahun.between(FIRST_YEAR, date.today().year) & (tahun % 1 == 0)).to_numpy()
    keys = pd.DataFrame({ROW_COLUMN: table[ROW_COLUMN].to_numpy()[ok], "kode_wilayah": kode.to_numpy()[ok],
                         "tahun": tahun.to_numpy()[ok].astype("int64")})
    problems = _duplicates(keys, ["kode_wilayah", "tahun"], name)
    return problems + [Problem(name, int(keys[ROW_COLUMN].iloc[p.baris - 2]), p.kolom, p.nilai, p.pesan)
                       for p in check_codes(keys, wilayah, name)]


def _empty(cell: Any) -> bool:
    """A blank cell (or '-'), as opposed to one that holds something that is not a number."""
    x = parse_number(cell)
    return x is not None and bool(np.isnan(x))


def _comma(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def _duplicates(frame: pd.DataFrame, key: list[str], name: str, what: str = "kecamatan dan tahun") -> list[Problem]:
    dup = frame.duplicated(key, keep="first")
    return [Problem(name, int(frame[ROW_COLUMN].iloc[i]), None, ", ".join(str(frame[k].iloc[i]) for k in key),
                    f"baris ganda: {what} ini sudah ada di baris sebelumnya")
            for i in np.flatnonzero(dup.to_numpy())]


# ------------------------------------------------------------------------------------- targets
def _indicator_index() -> dict[str, str]:
    out: dict[str, str] = {}
    for k, ind in indicators.REGISTRY.items():
        for text in (k, ind.label_id, ind.label_en, k.replace("_", " ")):
            out[matching.normalise_name(text)] = k
    out[matching.normalise_name("babs")] = "babs_terbuka"
    out[matching.normalise_name("akses sanitasi layak")] = "layak"
    out[matching.normalise_name("akses sanitasi aman")] = "aman"
    return out


def read_target(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
                column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Targets of any document (RPJMN 2025-2029, SSK, RPJMD …), for the kabupaten (empty area) or a kecamatan."""
    src = source(file)
    fields = [DOC, INDICATOR, TARGET_YEAR, TARGET_VALUE, BASE_YEAR, NOTE, AREA_CODE, AREA_NAME]
    table = read_table(src, sheet=sheet, score=matching.header_score(fields))
    dec = table.attrs.get("desimal_koma", True)
    found = _find(table, fields, column_map, src.name, need_area=False)
    problems: list[Problem] = []
    notes: list[str] = []
    index = AreaIndex.of(wilayah)
    if "kode_wilayah" in found or "nama_wilayah" in found:
        kode = _areas(table, found, index, name_map, src.name, problems, allow_empty=True)
    else:
        kode = pd.Series([None] * len(table), dtype="object")
        notes.append("Tidak ada kolom kecamatan: semua target dianggap target kabupaten.")
    ind_index = _indicator_index()
    inds = []
    for i, v in enumerate(table[found["indikator"]]):
        k = ind_index.get(matching.normalise_name(v))
        if k is None:
            problems.append(Problem(src.name, _row(table, i), found["indikator"], str(v),
                                    "indikator tidak dikenal; yang dikenal: " + ", ".join(indicators.REGISTRY)))
        inds.append(k)
    tahun = _numbers(table, found["tahun"], src.name, "tahun", dec, problems)
    nilai = _numbers(table, found["nilai"], src.name, "nilai", dec, problems)
    dasar = (_numbers(table, found["tahun_dasar"], src.name, "tahun_dasar", dec, problems)
             if "tahun_dasar" in found else pd.Series([np.nan] * len(table)))
    docs = table[found["dokumen"]].map(lambda v: str(v).strip() if v is not None else "")
    for i in range(len(table)):
        if not docs.iloc[i]:
            problems.append(Problem(src.name, _row(table, i), found["dokumen"], None, "nama dokumen wajib diisi"))
        # a share (%) cannot pass 100; a quantity in hectares can
        if inds[i] is not None and indicators.get(inds[i]).persen and nilai.iloc[i] > 100:
            problems.append(Problem(src.name, _row(table, i), "nilai", _num_text(nilai.iloc[i]),
                                    "tidak boleh lebih dari 100 untuk indikator persentase"))
    raw = pd.DataFrame({
        "dokumen": docs.to_numpy(), "indikator": inds, "kode_wilayah": kode.to_numpy(),
        "tahun": tahun.to_numpy(), "nilai": nilai.to_numpy(), "tahun_dasar": dasar.to_numpy(),
        "catatan": table[found["catatan"]].to_numpy() if "catatan" in found else [None] * len(table),
    })
    # duplicates among the rows whose key was read (an unknown kecamatan is not the kabupaten's empty cell)
    unknown = {p.baris for p in problems if p.jenis == UNKNOWN_AREA}
    keyed = raw.assign(**{ROW_COLUMN: table[ROW_COLUMN].to_numpy()})
    keyed = keyed.loc[keyed["indikator"].notna() & keyed["tahun"].notna() & keyed["dokumen"].ne("")
                      & ~keyed[ROW_COLUMN].isin(unknown)].reset_index(drop=True)
    return _validated(raw, TARGET, table, src.name, notes,
                      extra=_duplicates(keyed.fillna({"kode_wilayah": ""}),
                                        ["dokumen", "indikator", "kode_wilayah", "tahun"], src.name),
                      earlier=problems, found=found)


def _validated(raw: pd.DataFrame, contract, table: pd.DataFrame, name: str, notes: list[str],
               extra: list[Problem] | None = None, earlier: list[Problem] | None = None,
               found: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The contract check with problems pointing at the file's own rows and name, in the same pass as the
    reader's own problems (`earlier`, which win where both speak of one cell; `found` maps fields to headers)."""
    earlier = earlier or []
    field = {header: "kode_wilayah" if f == "nama_wilayah" else f for f, header in (found or {}).items()}
    said = {(p.baris, field.get(p.kolom, p.kolom)) for p in earlier}
    try:
        out = validate(raw.astype(object).where(raw.notna(), None), contract)
        fixed: list[Problem] = []
    except DataError as err:
        rows = table[ROW_COLUMN].to_numpy()
        fixed = [Problem(name, int(rows[p.baris - 2]) if p.baris else None, p.kolom, p.nilai, p.pesan)
                 for p in err.problems]
        # with `extra` the reader found the duplicate keys itself (said for the file's rows): the contract's go
        fixed = [p for p in fixed if not (p.kolom is None and extra is not None) and (p.baris, p.kolom) not in said]
    problems = earlier + fixed + (extra or [])
    if problems:
        raise DataError(problems)
    out.attrs["catatan"] = notes
    return out


# ------------------------------------------------------------------------------------- unit costs
def read_biaya(file: Any, *, column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Unit costs per household for each step up the ladder (`porsi` = share of gap households needing it)."""
    src = source(file)
    fields = [COST_CODE, INDICATOR, COST_STEP, COST_VALUE, COST_SHARE, COST_SOURCE, NOTE]
    table = read_table(src, sheet=sheet, score=matching.header_score(fields))
    dec = table.attrs.get("desimal_koma", True)
    found = _find(table, fields, column_map, src.name, need_area=False)
    problems: list[Problem] = []
    ind_index = _indicator_index()
    inds = []
    for i, v in enumerate(table[found["indikator"]]):
        k = ind_index.get(matching.normalise_name(v))
        if k is None:
            problems.append(Problem(src.name, _row(table, i), found["indikator"], str(v), "indikator tidak dikenal"))
        inds.append(k)
    cost = _numbers(table, found["biaya_per_kk"], src.name, "biaya_per_kk", dec, problems)
    share = _numbers(table, found["porsi"], src.name, "porsi", dec, problems)
    raw = pd.DataFrame({
        "kode": table[found["kode"]].to_numpy(), "indikator": inds, "langkah": table[found["langkah"]].to_numpy(),
        "biaya_per_kk": cost.to_numpy(), "porsi": share.to_numpy(),
        "sumber": table[found["sumber"]].to_numpy() if "sumber" in found else src.name,
        "catatan": table[found["catatan"]].to_numpy() if "catatan" in found else None,
    })
    return _validated(raw, BIAYA, table, src.name, [], earlier=problems, found=found)


def read_boundaries(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
                    column_map: Mapping[str, str] | None = None):
    """Kecamatan boundaries (zipped shapefile, GeoJSON, GeoPackage) -> GeoDataFrame `kode, nama, geometry`."""
    from sanitasi import boundaries

    return boundaries.read(file, wilayah, name_map=name_map, column_map=column_map)


def read_boundaries_desa(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
                         column_map: Mapping[str, str] | None = None):
    """Village boundaries -> GeoDataFrame `kode, nama, kode_wilayah, geometry` (desa code, name, its kecamatan).

    `name_map` is accepted for the same call as the other readers; villages are matched by code only.
    """
    from sanitasi import boundaries

    return boundaries.read_desa(file, wilayah, column_map=column_map)


# ------------------------------------------------------------------------------------- STBM per desa
# the date of a village's status: its verification date when verified, its declaration date when declared
_DATE_FOR = {"terverifikasi": ("tanggal_verifikasi", "tanggal_odf"), "deklarasi": ("tanggal_deklarasi", "tanggal_odf")}
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_LOOKS_LIKE_CODE = re.compile(r"^[\d.]+$")


def read_stbm_desa(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
                   column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Dinkes' STBM report per village: households by latrine kind and the village's ODF status with its date.

    Returns the `stbm_desa` contract, one row per desa and year, with kk_lainnya = jumlah_kk minus the four
    reported kinds. The kecamatan comes from its column (code or name, matched like every reader) and must
    agree with the desa code; where the cell is empty (merged cells in Excel) it is read from the desa code.
    `sanitasi.desa.rollup` turns the result into the kecamatan table the indicators read.
    """
    src = source(file)
    fields = [DESA_CODE, DESA_NAME, DESA_KEC_CODE, DESA_KEC_NAME, DESA_YEAR, HOUSEHOLDS, *DESA_COUNTS,
              ODF_STATUS_FIELD, *DESA_DATES]
    table = read_table(src, sheet=sheet, score=matching.header_score(fields))
    dec = table.attrs.get("desimal_koma", True)
    found = _find(table, fields, column_map, src.name, need_area=False)
    notes: list[str] = []
    problems: list[Problem] = []
    table = _drop_desa_totals(table, found, notes)
    if table.empty:
        raise DataError([Problem(src.name, None, None, None, "tidak ada baris desa")])
    index = AreaIndex.of(wilayah)

    def cells(f: str) -> list:
        return table[found[f]].tolist() if f in found else [None] * len(table)

    kec_column = found.get("nama_wilayah") or found.get("kode_wilayah")
    codes, kecs, derived = [], [], 0
    for i, (dc, kc, kn, dn) in enumerate(zip(cells("kode_desa"), cells("kode_wilayah"), cells("nama_wilayah"),
                                             cells("nama_desa"), strict=True)):
        r = _row(table, i)
        d = desa.parse_code(dc)
        if d == "":
            problems.append(Problem(src.name, r, found["kode_desa"], None, "kode desa wajib diisi"))
        elif d is None:
            problems.append(Problem(src.name, r, found["kode_desa"], desa.code_text(dc),
                                    "kode desa harus berbentuk seperti 63.10.01.2005 (atau 6310012005)"))
        if not str(dn if dn is not None else "").strip():
            problems.append(Problem(src.name, r, found["nama_desa"], None, "nama desa wajib diisi"))
        kc, kn = desa.code_text(kc), desa.code_text(kn)
        if not kc and _LOOKS_LIKE_CODE.match(kn):
            kc, kn = kn, ""  # a kecamatan column holding codes
        k = None
        if kc or kn:
            k = _area(kc or None, kn or None, index, name_map, False, (src.name, r, kec_column), problems)
            if k is not None and d and desa.kecamatan_of(d) != k:
                bps = index.by_code.get(matching.digits(d)[:7]) == k
                problems.append(Problem(src.name, r, found["kode_desa"], d,
                                        f"kode desa tidak termasuk kecamatan {index.names[k]} ({k}); kode desa di "
                                        f"kecamatan itu berawal {k}"
                                        + ("; ini tampaknya kode BPS, yang diperlukan kode Kemendagri" if bps else "")))
        elif d:
            k = index.by_code.get(desa.kecamatan_of(d))
            if k is None:
                problems.append(Problem(src.name, r, found["kode_desa"], d,
                                        "kode desa tidak termasuk kecamatan mana pun di Kabupaten Tanah Bumbu"))
            else:
                derived += 1
        codes.append(d or None)
        kecs.append(k)
    if derived:
        notes.append(f"Kecamatan diambil dari kode desa pada {derived} baris (mis. 63.10.01.2005 → 63.10.01)."
                     if kec_column else "Tidak ada kolom kecamatan: kecamatan diambil dari kode desa "
                                        "(mis. 63.10.01.2005 → 63.10.01).")
    tahun = _years(_periods(table, found["tahun"], src.name, notes, problems), table, src.name, problems)
    kk = _numbers(table, found["jumlah_kk"], src.name, "jumlah_kk", dec, problems)
    counts = {f.name: _numbers(table, found[f.name], src.name, found[f.name], dec, problems) for f in DESA_COUNTS}
    statuses, dates = [], []
    today = date.today()
    for i in range(len(table)):
        r = _row(table, i)
        for c, values in (("jumlah_kk", kk), *counts.items()):
            header = "jumlah_kk" if c == "jumlah_kk" else found[c]
            v = values.iloc[i]
            if np.isnan(v):
                if _empty(table[found[c]].iloc[i]):
                    problems.append(Problem(src.name, r, header, None, "nilai wajib diisi"))
            elif v < 0 or v != round(v):
                problems.append(Problem(src.name, r, header, _num_text(v),
                                        "jumlah KK harus bilangan bulat tidak negatif"))
        parts = [counts[f.name].iloc[i] for f in DESA_COUNTS]
        if not np.isnan(kk.iloc[i]) and not any(np.isnan(p) for p in parts) and sum(parts) > kk.iloc[i]:
            problems.append(Problem(src.name, r, "jumlah_kk", _num_text(kk.iloc[i]),
                                    f"JSP + JSSP + sharing + BABS ({_num_text(sum(parts))}) melebihi jumlah KK; "
                                    f"lebih {_num_text(sum(parts) - kk.iloc[i])}"))
        raw_status = table[found["status_odf"]].iloc[i]
        s = desa.parse_status(raw_status)
        if not str(raw_status if raw_status is not None else "").strip():
            problems.append(Problem(src.name, r, found["status_odf"], None,
                                    "status ODF wajib diisi: belum, deklarasi, atau terverifikasi"))
        elif s is None and desa.is_ambiguous_status(raw_status):
            problems.append(Problem(src.name, r, found["status_odf"], str(raw_status),
                                    "status ini bisa berarti deklarasi atau terverifikasi; tulis salah satunya "
                                    "(atau belum)"))
        elif s is None:
            problems.append(Problem(src.name, r, found["status_odf"], str(raw_status),
                                    "status ODF tidak dikenal; tulis belum, deklarasi, atau terverifikasi"))
        statuses.append(s)
        when = None
        for f in (*_DATE_FOR.get(s, ()), "tanggal_odf"):
            cell = table[found[f]].iloc[i] if f in found else None
            if not str(cell if cell is not None else "").strip():
                continue
            when = parse_date(cell)
            if when is None:
                problems.append(Problem(src.name, r, found[f], str(cell),
                                        "tanggal tidak terbaca; tulis seperti 17-05-2024 atau 2024-05-17"))
            elif when > today:
                problems.append(Problem(src.name, r, found[f], str(cell), "tanggal ini belum lewat"))
                when = None
            break
        dates.append(when.isoformat() if when is not None else None)
    problems += _desa_key_problems(table, codes, kecs, cells("nama_desa"), tahun, wilayah, src.name)
    if problems:
        raise DataError(sorted(problems, key=lambda p: p.baris or 0))
    out = pd.DataFrame({"kode_desa": codes, "nama_desa": [str(v).strip() for v in cells("nama_desa")],
                        "kode_wilayah": kecs, "tahun": tahun.astype("int64").to_numpy(),
                        "jumlah_kk": kk.astype("int64").to_numpy(),
                        **{f.name: counts[f.name].astype("int64").to_numpy() for f in DESA_COUNTS}})
    out = out.assign(kk_lainnya=out["jumlah_kk"] - out[[f.name for f in DESA_COUNTS]].sum(axis=1),
                     status_odf=statuses, tanggal_odf=dates, sumber=src.name)
    result = whole_numbers(validate(out, STBM_DESA))
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
        problems.append(Problem(name, _row(table, i), column, None if blank else str(v), message))
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
    problems = _duplicates(keys, ["kode_desa", "tahun"], name, "desa dan tahun")
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
    names = dict(zip(wilayah["kode"], wilayah["nama"], strict=True))
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


# ------------------------------------------------------------------------------------- waste, drainage
def _sources(table: pd.DataFrame, found: Mapping[str, str], name: str) -> np.ndarray:
    """The file's own `sumber` column, else the file name."""
    if "sumber" in found:
        return np.array([name if v is None or not str(v).strip() else str(v).strip() for v in table[found["sumber"]]],
                        dtype=object)
    return np.array([name] * len(table), dtype=object)


def read_sampah(file: Any, *, column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """District waste per year: generation, reduction and handling in tonnes (the `sampah` contract).

    Reduction and handling are disjoint parts of what is generated (Perpres 97/2017: 30% + 70%), so together
    they cannot pass the generation.
    """
    src = source(file)
    fields = [YEAR, *WASTE, SOURCE]
    table = read_table(src, sheet=sheet, score=matching.header_score(fields))
    dec = table.attrs.get("desimal_koma", True)
    found = _find(table, fields, column_map, src.name, need_area=False)
    problems: list[Problem] = []
    tahun = _years(_numbers(table, found["tahun"], src.name, "tahun", dec, problems), table, src.name, problems)
    tons = {f.name: _numbers(table, found[f.name], src.name, found[f.name], dec, problems) for f in WASTE}
    for i in range(len(table)):
        made, cut, handled = (tons[f.name].iloc[i] for f in WASTE)
        if not np.isnan(made + cut + handled) and cut + handled > made:
            problems.append(Problem(src.name, _row(table, i), found["timbulan_ton"], _num_text(made),
                                    f"pengurangan + penanganan ({_num_text(cut + handled)} ton) melebihi timbulan"))
    raw = _as_written(pd.DataFrame({"tahun": tahun.to_numpy(), **{k: v.to_numpy() for k, v in tons.items()},
                                    "sumber": _sources(table, found, src.name)}))
    keyed = raw.assign(**{ROW_COLUMN: table[ROW_COLUMN].to_numpy()}).dropna(subset=["tahun"]).reset_index(drop=True)
    return _validated(raw, SAMPAH, table, src.name, [], extra=_duplicates(keyed, ["tahun"], src.name, "tahun"),
                      earlier=problems, found=found)


def _as_written(raw: pd.DataFrame) -> pd.DataFrame:
    """Whole numbers as ints, so a problem shows the cell as the official typed it ('-5', not '-5.0')."""
    out = raw.astype(object)
    for c in raw.columns:
        if pd.api.types.is_float_dtype(raw[c]):
            out[c] = [None if np.isnan(v) else int(v) if float(v).is_integer() else float(v) for v in raw[c]]
    return out


def read_drainase(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
                  column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Standing water (genangan, ha) per kecamatan and year (the `drainase` contract)."""
    src = source(file)
    fields = [AREA_CODE, AREA_NAME, YEAR, WATERLOGGING, SOURCE]
    table = read_table(src, sheet=sheet, score=matching.header_score(fields))
    dec = table.attrs.get("desimal_koma", True)
    found = _find(table, fields, column_map, src.name)
    notes: list[str] = []
    problems: list[Problem] = []
    table = _drop_totals(table, found, notes)
    if table.empty:
        raise DataError([Problem(src.name, None, None, None, "tidak ada baris kecamatan")])
    kode = _areas(table, found, AreaIndex.of(wilayah), name_map, src.name, problems)
    tahun = _years(_numbers(table, found["tahun"], src.name, "tahun", dec, problems), table, src.name, problems)
    ha = _numbers(table, found["genangan_ha"], src.name, found["genangan_ha"], dec, problems)
    raw = _as_written(pd.DataFrame({"kode_wilayah": kode.to_numpy(), "tahun": tahun.to_numpy(),
                                    "genangan_ha": ha.to_numpy(), "sumber": _sources(table, found, src.name)}))
    out = _validated(raw, DRAINASE, table, src.name, notes, extra=_key_problems(table, kode, tahun, wilayah, src.name),
                     earlier=problems, found=found)
    result = whole_numbers(out).sort_values(["tahun", "kode_wilayah"]).reset_index(drop=True)
    result.attrs["catatan"] = notes
    return result


# ------------------------------------------------------------------------------------- agencies, commitments
_ACTIVITY_NUMBERS = ("target_output", "realisasi_output", "kk_per_satuan", "pagu", "realisasi_anggaran")


def _indicators_of(table: pd.DataFrame, found: Mapping[str, str], name: str, problems: list[Problem],
                   optional: bool = False) -> list[str | None]:
    ind_index = _indicator_index()
    out: list[str | None] = []
    for i, v in enumerate(table[found["indikator"]] if "indikator" in found else [None] * len(table)):
        if optional and not str(v if v is not None else "").strip():
            out.append(None)
            continue
        k = ind_index.get(matching.normalise_name(v))
        if k is None:
            problems.append(Problem(name, _row(table, i), found["indikator"], None if v is None else str(v),
                                    "indikator tidak dikenal; yang dikenal: " + ", ".join(indicators.REGISTRY)))
        out.append(k)
    return out


def _texts(table: pd.DataFrame, found: Mapping[str, str], field: str) -> list[str | None]:
    if field not in found:
        return [None] * len(table)
    return [None if v is None or not str(v).strip() else str(v).strip() for v in table[found[field]]]


def read_kegiatan(file: Any, *, column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Agencies' programme activities: output target and realisation, budget and spending (the `kegiatan` contract)."""
    src = source(file)
    fields = [YEAR, *ACTIVITY, INDICATOR, SOURCE]
    table = read_table(src, sheet=sheet, score=matching.header_score(fields))
    dec = table.attrs.get("desimal_koma", True)
    found = _find(table, fields, column_map, src.name, need_area=False)
    problems: list[Problem] = []
    tahun = _years(_numbers(table, found["tahun"], src.name, "tahun", dec, problems), table, src.name, problems)
    inds = _indicators_of(table, found, src.name, problems)
    numbers = {c: _numbers(table, found[c], src.name, found[c], dec, problems).to_numpy() for c in _ACTIVITY_NUMBERS}
    raw = _as_written(pd.DataFrame({"tahun": tahun.to_numpy(), "opd": _texts(table, found, "opd"),
                        "program": _texts(table, found, "program"), "kegiatan": _texts(table, found, "kegiatan"),
                        "indikator": inds, "target_output": numbers["target_output"],
                        "realisasi_output": numbers["realisasi_output"], "satuan": _texts(table, found, "satuan"),
                        "kk_per_satuan": numbers["kk_per_satuan"], "pagu": numbers["pagu"],
                        "realisasi_anggaran": numbers["realisasi_anggaran"],
                        "sumber": _sources(table, found, src.name)}))
    return _validated(raw, KEGIATAN, table, src.name, [], earlier=problems, found=found)


_COMMITMENT_STATUS = {
    **{s: s for s in KOMITMEN_STATUS}, "belummulai": "belum", "belumdimulai": "belum", "sedangberjalan": "berjalan",
    "proses": "berjalan", "dalamproses": "berjalan", "onprogress": "berjalan", "tuntas": "selesai",
    "sudahselesai": "selesai", "dibatalkan": "batal",
}


def read_komitmen(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
                  column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """A clinic's commitments: who commits to what, for which kecamatan (empty = kabupaten) and indicator, by when.

    Dates are stored as ISO text (2027-06-30); a deadline must be a date, the clinic may be a date or a name.
    """
    src = source(file)
    fields = [*COMMITMENT, optional([INDICATOR])[0], NOTE, AREA_CODE, AREA_NAME]
    table = read_table(src, sheet=sheet, score=matching.header_score(fields))
    found = _find(table, fields, column_map, src.name, need_area=False)
    problems: list[Problem] = []
    notes: list[str] = []
    if "kode_wilayah" in found or "nama_wilayah" in found:
        kode = _areas(table, found, AreaIndex.of(wilayah), name_map, src.name, problems, allow_empty=True)
    else:
        kode = pd.Series([None] * len(table), dtype="object")
        notes.append("Tidak ada kolom kecamatan: semua komitmen dianggap komitmen tingkat kabupaten.")
    clinics, deadlines, statuses = [], [], []
    for i in range(len(table)):
        r = _row(table, i)
        cell = table[found["klinik"]].iloc[i]
        when = parse_date(cell)
        clinics.append(when.isoformat() if when else (None if cell is None else str(cell).strip() or None))
        cell = table[found["tenggat"]].iloc[i]
        when = parse_date(cell)
        if when is None and cell is not None and str(cell).strip():
            problems.append(Problem(src.name, r, found["tenggat"], str(cell),
                                    "tanggal tidak terbaca; tulis seperti 30-06-2027 atau 2027-06-30"))
        deadlines.append(when.isoformat() if when else None)
        cell = table[found["status"]].iloc[i]
        s = _COMMITMENT_STATUS.get(matching.normalise_name(cell))
        if s is None and cell is not None and str(cell).strip():
            problems.append(Problem(src.name, r, found["status"], str(cell),
                                    "status harus salah satu dari: " + ", ".join(KOMITMEN_STATUS)))
        statuses.append(s)
    raw = pd.DataFrame({"klinik": clinics, "pihak": _texts(table, found, "pihak"), "kode_wilayah": kode.to_numpy(),
                        "komitmen": _texts(table, found, "komitmen"),
                        "indikator": _indicators_of(table, found, src.name, problems, optional=True),
                        "tenggat": deadlines, "status": statuses, "catatan": _texts(table, found, "catatan")})
    return _validated(raw, KOMITMEN, table, src.name, notes, earlier=problems, found=found)


# ------------------------------------------------------------------------------------- one entry for every kind
IMPORT_KINDS = ("akses", "target", "batas", "biaya", "stbm_desa", "batas_desa", "sampah", "drainase", "kegiatan",
                "komitmen")
GEO_KINDS = ("batas", "batas_desa")


def read_kind(kind: str, file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
              column_map: Mapping[str, str] | None = None, sheet: str | None = None):
    """The reader of a table kind, called the same way for all (the Data page and the command line use this)."""
    areas = {"name_map": name_map, "column_map": column_map}
    plain = {"column_map": column_map, "sheet": sheet}
    if kind == "akses":
        return read_akses(file, wilayah, sheet=sheet, **areas)
    if kind == "target":
        return read_target(file, wilayah, sheet=sheet, **areas)
    if kind == "biaya":
        return read_biaya(file, **plain)
    if kind == "batas":
        return read_boundaries(file, wilayah, **areas)
    if kind == "batas_desa":
        return read_boundaries_desa(file, wilayah, **areas)
    if kind == "stbm_desa":
        return read_stbm_desa(file, wilayah, sheet=sheet, **areas)
    if kind == "sampah":
        return read_sampah(file, **plain)
    if kind == "drainase":
        return read_drainase(file, wilayah, sheet=sheet, **areas)
    if kind == "kegiatan":
        return read_kegiatan(file, **plain)
    if kind == "komitmen":
        return read_komitmen(file, wilayah, sheet=sheet, **areas)
    raise ValueError(f"jenis data tidak dikenal: {kind}")
