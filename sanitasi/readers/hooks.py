"""The table kinds that differ from the generic reader, each in the part where it differs.

Targets: indicator
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
from sanitasi.contracts import KOMITMEN_STATUS, PERAN
from sanitasi.errors import UNKNOWN_AREA, Problem
from sanitasi.readers.generic import open_kind
from sanitasi.readers.generic import read as read_generic
from sanitasi.readers.reading import (
    Reading,
    duplicates,
    indicator_index,
    indicators_of,
    num_text,
    optional_areas,
    row,
    texts,
    validated,
)
from sanitasi.tables import ROW_COLUMN, parse_date


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
    # a share is a fraction (0 to 1): a cell that shows "80%" (a CSV's text, Excel's percent format) means 0.8
    shown = r.file.get("persen", set())
    as_percent = [(at, r.found["porsi"]) in shown for at in r.table[ROW_COLUMN]]
    share = share.where(~pd.Series(as_percent, index=share.index), share / 100)
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


# ------------------------------------------------------------------------------------- owners of a target
_ROLE = {
    "pemimpin": "pemimpin", "leadingsector": "pemimpin", "leading": "pemimpin",
    "koordinator": "pemimpin", "penanggungjawab": "pemimpin", "pj": "pemimpin", "lead": "pemimpin",
    "pendukung": "pendukung", "anggota": "pendukung", "support": "pendukung", "supporting": "pendukung",
    "pemilikdata": "pemilik_data", "walidata": "pemilik_data", "produsendata": "pemilik_data",
    "sumberdata": "pemilik_data", "dataowner": "pemilik_data",
}


def read_peran(file: Any, wilayah: pd.DataFrame | None = None, *, name_map: Mapping[str, str] | None = None,
               column_map: Mapping[str, str] | None = None, sheet: str | None = None) -> pd.DataFrame:
    """Who owns each target (the generic reader, with the role words officials write: 'Leading sector',
    'Wali data', ...)."""
    return read_generic(kinds.get("peran"), file, wilayah, column_map=column_map, sheet=sheet, check=roles)


def roles(r: Reading, cells: dict[str, Any]) -> None:
    """Each row's role as the contract names it; a word that names none is a problem listing the three."""
    out = []
    for i, cell in enumerate(cells["peran"]):
        word = _ROLE.get(matching.normalise_name(cell)) if cell is not None and not pd.isna(cell) else None
        if word is None and cell is not None and not pd.isna(cell) and str(cell).strip():
            r.problems.append(Problem(r.name, row(r.table, i), r.found["peran"], str(cell),
                                      "peran harus salah satu dari: " + ", ".join(PERAN)))
        out.append(word)
    cells["peran"] = pd.Series(out, dtype=object)


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
