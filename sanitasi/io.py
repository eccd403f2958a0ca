"""The import API: officials' files in, validated tables matched to kecamatan codes out, or every problem.

`read_akses`, `read_target`, `read_biaya` and `read_boundaries` all raise `DataError`, whose
`problems` lists every problem found in one pass (row as Excel shows it, column, value, message in
Bahasa Indonesia). No other exception escapes for a bad file. What a reader had to decide on its
own (a totals row dropped, percentages turned into households) is listed in the result's
`attrs["catatan"]`, so the user sees it before saving.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from sanitasi import indicators, matching
from sanitasi.errors import UNKNOWN_AREA, DataError, Problem
from sanitasi.indicators import RUNG_COLUMNS, apportion
from sanitasi.load import AKSES, BIAYA, TARGET, check_codes
from sanitasi.matching import AREA_CODE, AREA_NAME, HOUSEHOLDS, RUNG_COUNTS, RUNG_SHARES, YEAR, AreaIndex, Field
from sanitasi.schema import validate
from sanitasi.tables import ROW_COLUMN, parse_number, read_table, sheet_names, source

__all__ = ["DataError", "Problem", "ColumnError", "read_table", "read_akses", "read_target", "read_biaya",
           "read_boundaries", "sheet_names", "problems_frame", "FIRST_YEAR"]

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
    out = []
    for i, (c, n) in enumerate(zip(codes, names, strict=True)):
        blank = not str(c or "").strip() and not str(n or "").strip()
        if blank and allow_empty:
            out.append(None)
            continue
        hit = index.code_for(c, n, name_map)
        if hit is None:
            shown = str(n if str(n or "").strip() else c)
            near = index.suggestions(n if n is not None else c)
            hint = ("; mungkin: " + ", ".join(f"{nama} ({kode})" for kode, nama in near)) if near else ""
            problems.append(Problem(name, _row(table, i), found.get("nama_wilayah") or found.get("kode_wilayah"),
                                    shown, "kecamatan tidak dikenal" + hint, UNKNOWN_AREA, tuple(near)))
        out.append(hit)
    return pd.Series(out, index=table.index, dtype="object")


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
    fields = [AREA_CODE, AREA_NAME, YEAR, HOUSEHOLDS, *_optional(RUNG_COUNTS), *_optional(RUNG_SHARES)]
    table = read_table(src, sheet=sheet, score=matching.header_score(fields))
    dec = table.attrs.get("desimal_koma", True)
    found = _find(table, [AREA_CODE, AREA_NAME, YEAR, HOUSEHOLDS, *_optional(RUNG_COUNTS), *_optional(RUNG_SHARES)],
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


def _optional(fields: list[Field]) -> list[Field]:
    return [Field(f.name, f.synonyms, False, f.label) for f in fields]


def _duplicates(frame: pd.DataFrame, key: list[str], name: str) -> list[Problem]:
    dup = frame.duplicated(key, keep="first")
    return [Problem(name, int(frame[ROW_COLUMN].iloc[i]), None, ", ".join(str(frame[k].iloc[i]) for k in key),
                    "baris ganda: kecamatan dan tahun ini sudah ada di baris sebelumnya")
            for i in np.flatnonzero(dup.to_numpy())]


# ------------------------------------------------------------------------------------- targets
DOC = Field("dokumen", matching._syn("dokumen", "dokumen target", "sumber target", "document"), label="dokumen")
INDICATOR = Field("indikator", matching._syn("indikator", "indicator", "jenis akses"), label="indikator")
TARGET_YEAR = Field("tahun", matching._syn("tahun", "tahun target", "thn", "year"), label="tahun")
TARGET_VALUE = Field("nilai", matching._syn("nilai", "target", "nilai target", "target persen", "persen",
                                            "target (%)", "value"), label="nilai target (%)")
BASE_YEAR = Field("tahun_dasar", matching._syn("tahun dasar", "tahun_dasar", "baseline", "tahun baseline"),
                  required=False, label="tahun dasar")
NOTE = Field("catatan", matching._syn("catatan", "keterangan", "dasar hukum", "note"), required=False,
             label="catatan")


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
COST_CODE = Field("kode", matching._syn("kode", "kode langkah", "id"), label="kode langkah")
COST_STEP = Field("langkah", matching._syn("langkah", "kegiatan", "uraian", "uraian langkah"), label="langkah")
COST_VALUE = Field("biaya_per_kk", matching._syn("biaya_per_kk", "biaya per kk", "biaya", "harga satuan",
                                                 "biaya satuan", "biaya per kk rp", "biaya rp"), label="biaya per KK")
COST_SHARE = Field("porsi", matching._syn("porsi", "porsi kk", "bagian kk", "proporsi"), label="porsi KK")
COST_SOURCE = Field("sumber", matching._syn("sumber", "source"), required=False, label="sumber")


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
