"""The table kinds that differ from the generic reader, each in the part where it differs.

Access: the five rungs as household counts or as percentages (turned into households). Targets: indicator
names, shares that cannot pass 100, duplicates per document. Unit costs: indicator names. Commitments:
dates and status words. Waste: reduction and handling within generation (otherwise generic). Each opens
the file the same way as the generic reader and reports through the same helpers, so messages agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from sanitasi import indicators, kinds, matching
from sanitasi.contracts import KOMITMEN_STATUS
from sanitasi.errors import UNKNOWN_AREA, DataError, Problem
from sanitasi.headers import RUNG_COUNTS, RUNG_SHARES
from sanitasi.indicators import RUNG_COLUMNS, apportion
from sanitasi.readers.generic import open_kind
from sanitasi.readers.generic import read as read_generic
from sanitasi.readers.reading import (
    ColumnError,
    Reading,
    blank,
    duplicates,
    indicator_index,
    indicators_of,
    kecamatan_rows,
    key_problems,
    num_text,
    optional_areas,
    row,
    texts,
    validated,
)
from sanitasi.schema import validate
from sanitasi.tables import ROW_COLUMN, parse_date

SHARE_TOLERANCE = 0.5  # percentage points the five shares may miss 100 by (rounding in the source)


# ------------------------------------------------------------------------------------- access table
def read_akses(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
               column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """The access table: household counts on the five rungs, or percentages with `jumlah_kk`.

    Percentages are turned into whole households per rung that add up exactly to `jumlah_kk`
    (largest remainder); the largest rounding is reported in `attrs["catatan"]`.
    Returns the `akses_sanitasi` contract columns with `sumber` = the file name.
    """
    kind = kinds.get("akses")
    r = open_kind(kind, file, column_map, sheet)
    counts = [f.name for f in RUNG_COUNTS if f.name in r.found]
    shares = [f.name for f in RUNG_SHARES if f.name in r.found]
    if len(counts) < 5 and len(shares) < 5:
        have = counts if len(counts) >= len(shares) else shares
        need = RUNG_COUNTS if len(counts) >= len(shares) else RUNG_SHARES
        missing = [f for f in need if f.name not in have]
        _, unmatched = matching.match_columns(r.table.columns, kind.fields, column_map)
        raise ColumnError([Problem(r.name, 1, f.label, None,
                                   "kolom anak tangga ini tidak ditemukan; perlu kelima anak tangga (jumlah KK "
                                   "atau persen)") for f in missing], missing, unmatched)
    as_shares = len(counts) < 5
    kode = kecamatan_rows(r, wilayah, name_map)
    tahun = r.years()
    kk = r.numbers("jumlah_kk", "jumlah_kk")
    cols = shares if as_shares else counts
    rungs = {c: r.numbers(c) for c in cols}
    for i in range(len(r.table)):
        _rung_problems(r, i, kk.iloc[i], cols, [rungs[c].iloc[i] for c in cols], as_shares)
    problems = r.problems + key_problems(r.table, kode, tahun, wilayah, r.name)  # same pass: every problem at once
    if problems:
        raise DataError(problems)
    out = pd.DataFrame({"kode_wilayah": kode.to_numpy(), "tahun": tahun.astype("int64").to_numpy(),
                        "jumlah_kk": kk.astype("int64").to_numpy()})
    if as_shares:
        pct = np.column_stack([rungs[f"pct_{rung}"].to_numpy() for rung in indicators.RUNGS])
        whole = apportion(out["jumlah_kk"].to_numpy(), pct)
        exact = pct / pct.sum(axis=1, keepdims=True) * out["jumlah_kk"].to_numpy()[:, None]
        worst = float(np.abs(whole - exact).max()) if len(out) else 0.0
        r.notes.append("Persentase diubah menjadi jumlah KK per anak tangga dengan pembulatan sisa terbesar, "
                       f"sehingga jumlahnya tetap sama dengan jumlah KK; pembulatan terbesar {_comma(worst)} KK.")
        for j, c in enumerate(RUNG_COLUMNS):
            out[c] = whole[:, j]
    else:
        for c in RUNG_COLUMNS:
            out[c] = rungs[c].astype("int64").to_numpy()
    out["sumber"] = r.name
    result = validate(out, kind.contract)
    result = result.astype({c: "int64" for c in ("tahun", "jumlah_kk", *RUNG_COLUMNS)})
    result = result.sort_values(["tahun", "kode_wilayah"]).reset_index(drop=True)
    result.attrs["catatan"] = r.notes
    return result


def _rung_problems(r: Reading, i: int, kk: float, cols: list[str], vals: list[float], as_shares: bool) -> None:
    """One row's households and rungs: whole counts adding up to the households, or shares adding up to 100."""
    at, found, problems = row(r.table, i), r.found, r.problems
    # an unreadable cell is NaN too, but it already has its "harus berupa angka" problem
    if np.isnan(kk):
        if blank(r.table[found["jumlah_kk"]].iloc[i]):
            problems.append(Problem(r.name, at, "jumlah_kk", None, "jumlah KK wajib diisi"))
    elif kk < 0 or kk != round(kk):
        problems.append(Problem(r.name, at, "jumlah_kk", num_text(kk), "jumlah KK harus bilangan bulat tidak negatif"))
    if any(np.isnan(v) for v in vals):
        for c, v in zip(cols, vals, strict=True):
            if np.isnan(v) and blank(r.table[found[c]].iloc[i]):
                problems.append(Problem(r.name, at, found[c], None, "nilai wajib diisi"))
        return
    if as_shares:
        for c, v in zip(cols, vals, strict=True):
            if not 0 <= v <= 100:
                problems.append(Problem(r.name, at, found[c], num_text(v), "persentase harus antara 0 dan 100"))
        total = sum(vals)
        if abs(total - 100) > SHARE_TOLERANCE:
            problems.append(Problem(r.name, at, None, f"{total:.2f}".replace(".", ","),
                                    "kelima persentase harus berjumlah 100"))
        return
    for c, v in zip(cols, vals, strict=True):
        if v < 0 or v != round(v):
            problems.append(Problem(r.name, at, found[c], num_text(v), "jumlah KK harus bilangan bulat tidak negatif"))
    total = sum(vals)
    if not np.isnan(kk) and total != kk:
        problems.append(Problem(r.name, at, "jumlah_kk", num_text(kk),
                                f"jumlah lima anak tangga ({num_text(total)}) tidak sama dengan jumlah KK; "
                                f"selisih {num_text(kk - total)}"))


def _comma(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


# ------------------------------------------------------------------------------------- targets, unit costs
def _indicators(r: Reading, message: str) -> list[str | None]:
    """The indicator code of every row of a target or unit-cost file; an unknown one is a problem."""
    index = indicator_index()
    out = []
    for i, v in enumerate(r.table[r.found["indikator"]]):
        k = index.get(matching.normalise_name(v))
        if k is None:
            r.problems.append(Problem(r.name, row(r.table, i), r.found["indikator"], str(v), message))
        out.append(k)
    return out


def read_target(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
                column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Targets of any document (RPJMN 2025-2029, SSK, RPJMD …), for the kabupaten (empty area) or a kecamatan."""
    kind = kinds.get("target")
    r = open_kind(kind, file, column_map, sheet)
    kode = optional_areas(r, wilayah, name_map, "Tidak ada kolom kecamatan: semua target dianggap target kabupaten.")
    inds = _indicators(r, "indikator tidak dikenal; yang dikenal: " + ", ".join(indicators.REGISTRY))
    tahun = r.numbers("tahun", "tahun")
    nilai = r.numbers("nilai", "nilai")
    dasar = r.numbers("tahun_dasar", "tahun_dasar") if "tahun_dasar" in r.found else pd.Series([np.nan] * len(r.table))
    docs = r.table[r.found["dokumen"]].map(lambda v: str(v).strip() if v is not None else "")
    for i in range(len(r.table)):
        if not docs.iloc[i]:
            r.problems.append(Problem(r.name, row(r.table, i), r.found["dokumen"], None, "nama dokumen wajib diisi"))
        # a share (%) cannot pass 100; a quantity in hectares can
        if inds[i] is not None and indicators.get(inds[i]).persen and nilai.iloc[i] > 100:
            r.problems.append(Problem(r.name, row(r.table, i), "nilai", num_text(nilai.iloc[i]),
                                      "tidak boleh lebih dari 100 untuk indikator persentase"))
    def optional_number(name: str) -> np.ndarray:
        return (r.numbers(name, name) if name in r.found else pd.Series([np.nan] * len(r.table))).to_numpy()

    def optional_text(name: str) -> np.ndarray | list[None]:
        return r.table[r.found[name]].to_numpy() if name in r.found else [None] * len(r.table)

    raw = pd.DataFrame({
        "dokumen": docs.to_numpy(), "indikator": inds, "kode_wilayah": kode.to_numpy(),
        "tahun": tahun.to_numpy(), "nilai": nilai.to_numpy(), "tahun_dasar": dasar.to_numpy(),
        "keluarga": optional_text("keluarga"), "mulai": optional_number("mulai"), "akhir": optional_number("akhir"),
        "catatan": optional_text("catatan"),
    })
    # duplicates among the rows whose key was read (an unknown kecamatan is not the kabupaten's empty cell)
    unknown = {p.baris for p in r.problems if p.jenis == UNKNOWN_AREA}
    keyed = raw.assign(**{ROW_COLUMN: r.table[ROW_COLUMN].to_numpy()})
    keyed = keyed.loc[keyed["indikator"].notna() & keyed["tahun"].notna() & keyed["dokumen"].ne("")
                      & ~keyed[ROW_COLUMN].isin(unknown)].reset_index(drop=True)
    return validated(raw, kind.contract, r.table, r.name, r.notes,
                     extra=duplicates(keyed.fillna({"kode_wilayah": ""}), list(kind.key), r.name),
                     earlier=r.problems, found=r.found)


def read_biaya(file: Any, wilayah: pd.DataFrame | None = None, *, name_map: Mapping[str, str] | None = None,
               column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Unit costs per household for each step up the ladder (`porsi` = share of gap households needing it).

    A district-wide table: `wilayah` and `name_map` are accepted for the same call as every reader."""
    kind = kinds.get("biaya")
    r = open_kind(kind, file, column_map, sheet)
    inds = _indicators(r, "indikator tidak dikenal")
    cost = r.numbers("biaya_per_kk", "biaya_per_kk")
    share = r.numbers("porsi", "porsi")
    found, table = r.found, r.table
    raw = pd.DataFrame({
        "kode": table[found["kode"]].to_numpy(), "indikator": inds, "langkah": table[found["langkah"]].to_numpy(),
        "biaya_per_kk": cost.to_numpy(), "porsi": share.to_numpy(),
        "sumber": table[found["sumber"]].to_numpy() if "sumber" in found else r.name,
        "catatan": table[found["catatan"]].to_numpy() if "catatan" in found else None,
    })
    return validated(raw, kind.contract, table, r.name, [], earlier=r.problems, found=found)


# ------------------------------------------------------------------------------------- commitments, waste
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
    kind = kinds.get("komitmen")
    r = open_kind(kind, file, column_map, sheet)
    kode = optional_areas(r, wilayah, name_map,
                          "Tidak ada kolom kecamatan: semua komitmen dianggap komitmen tingkat kabupaten.")
    clinics, deadlines, statuses = [], [], []
    for i in range(len(r.table)):
        at = row(r.table, i)
        cell = r.table[r.found["klinik"]].iloc[i]
        when = parse_date(cell)
        clinics.append(when.isoformat() if when else (None if cell is None else str(cell).strip() or None))
        cell = r.table[r.found["tenggat"]].iloc[i]
        when = parse_date(cell)
        if when is None and cell is not None and str(cell).strip():
            r.problems.append(Problem(r.name, at, r.found["tenggat"], str(cell),
                                      "tanggal tidak terbaca; tulis seperti 30-06-2027 atau 2027-06-30"))
        deadlines.append(when.isoformat() if when else None)
        cell = r.table[r.found["status"]].iloc[i]
        s = _COMMITMENT_STATUS.get(matching.normalise_name(cell))
        if s is None and cell is not None and str(cell).strip():
            r.problems.append(Problem(r.name, at, r.found["status"], str(cell),
                                      "status harus salah satu dari: " + ", ".join(KOMITMEN_STATUS)))
        statuses.append(s)
    raw = pd.DataFrame({"klinik": clinics, "pihak": texts(r.table, r.found, "pihak"), "kode_wilayah": kode.to_numpy(),
                        "komitmen": texts(r.table, r.found, "komitmen"),
                        "indikator": indicators_of(r.table, r.found, r.name, r.problems, optional=True),
                        "tenggat": deadlines, "status": statuses, "catatan": texts(r.table, r.found, "catatan")})
    return validated(raw, kind.contract, r.table, r.name, r.notes, earlier=r.problems, found=r.found)


def read_sampah(file: Any, wilayah: pd.DataFrame | None = None, *, name_map: Mapping[str, str] | None = None,
                column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """District waste per year: generation, reduction and handling in tonnes (the generic reader, plus one check)."""
    return read_generic(kinds.get("sampah"), file, wilayah, column_map=column_map, sheet=sheet,
                        check=waste_within_generation)


def waste_within_generation(r: Reading, cells: Mapping[str, pd.Series]) -> None:
    """Reduction and handling are disjoint parts of what is generated (Perpres 97/2017: 30% + 70%), so together
    they cannot pass the generation."""
    for i, (made, cut, handled) in enumerate(zip(cells["timbulan_ton"], cells["pengurangan_ton"],
                                                 cells["penanganan_ton"], strict=True)):
        if not np.isnan(made + cut + handled) and cut + handled > made:
            r.problems.append(Problem(r.name, row(r.table, i), r.found["timbulan_ton"], num_text(made),
                                      f"pengurangan + penanganan ({num_text(cut + handled)} ton) melebihi timbulan"))
