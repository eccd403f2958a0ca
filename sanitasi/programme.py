"""The SSK programme matrix as a plan: what it reaches, what it costs and from which source, who carries it, and
what in it does not add up.

The matrix (`ssk` table) lists, per activity, place, funding source and year, a volume, its unit, the households one
unit reaches and the money budgeted. Read as a plan:
- **Households reached** = volume x households per unit, counted toward the activity's own indicator only. A desa's
  rows count in its kecamatan; district-wide rows stay at the kabupaten (they are never shared out among kecamatan).
- **Money** is what is budgeted, per year and funding source. Volume x unit cost is a check: with unit costs rising
  by a yearly rate from the matrix's first year, a line off by more than 1% is shown, never corrected.
- **Who carries it**: each agency's share of the money and of the households reached, the indicators it leads (the
  owners table, `sanitasi.owners`), and its realisation in the years the activity table (`kegiatan`) covers,
  matched by nomenclature code where the activity table gives one, else by activity name and agency.
- **Scheduled desludging and the sludge plant**: households desludged a year (the safely-managed rows with
  households) need room at the IPLT: existing capacity (the published design figure) plus the capacity the matrix
  adds (rows in m³/hari), at an assumed sludge volume per tank and working days a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sanitasi import KODE_KABUPATEN, facts, indicators, owners

ACCESS = indicators.HEADLINE  # the indicators with a household need (`sanitasi.needs`): layak, aman, babs_terbuka
TOLERANCE = 0.01  # a budget line off volume x unit cost by more than this share is shown
SLUDGE_M3 = 2.0  # m³ of sludge from one septic tank emptied (assumption, ILUSTRATIF)
PLANT_DAYS = 300  # days a year the sludge plant takes deliveries (assumption, ILUSTRATIF)
_CAPACITY_UNIT = re.compile(r"^m(3|³|\^3|kubik)/?(per)?(hari|hr|h|day)$")


def is_capacity(satuan: object) -> bool:
    """Is a unit a treatment capacity ('m³/hari', 'm3/hari', 'm3 per hari')?"""
    return bool(_CAPACITY_UNIT.match(re.sub(r"\s+", "", str(satuan or "").lower())))


def reached(ssk: pd.DataFrame) -> pd.DataFrame:
    """The matrix with `kk` (households reached: volume x households per unit; 0 for an activity serving no
    indicator) and `kode` (its kecamatan, or KODE_KABUPATEN for district-wide rows)."""
    kk = ssk["volume"].astype("float64") * ssk["kk_per_satuan"].astype("float64")
    return ssk.assign(kk=kk.where(ssk["indikator"].notna(), 0.0),
                      kode=ssk["kode_wilayah"].astype(object).where(ssk["kode_wilayah"].notna(), KODE_KABUPATEN))


def years(ssk: pd.DataFrame) -> list[int]:
    return sorted(int(y) for y in ssk["tahun"].dropna().unique())


def households(ssk: pd.DataFrame, indikator: str) -> pd.DataFrame:
    """Households the matrix reaches for one indicator: `kode` (kecamatan or KODE_KABUPATEN), `tahun`, `kk`."""
    rows = reached(ssk)
    rows = rows.loc[rows["indikator"].eq(indikator).fillna(False)]
    return (rows.groupby(["kode", "tahun"], as_index=False)["kk"].sum()
            .astype({"tahun": "int64", "kk": "float64"}))


def money(ssk: pd.DataFrame, indikator: str | None = None) -> pd.DataFrame:
    """Money budgeted: `kode`, `tahun`, `sumber_dana`, `biaya`, for one indicator's rows (None: every row)."""
    rows = reached(ssk)
    if indikator is not None:
        rows = rows.loc[rows["indikator"].eq(indikator).fillna(False)]
    return (rows.groupby(["kode", "tahun", "sumber_dana"], as_index=False)["biaya"].sum()
            .astype({"tahun": "int64", "biaya": "float64"}))


# ------------------------------------------------------------------------------------- checks
def price_check(ssk: pd.DataFrame, rate: float = 0.0) -> pd.DataFrame:
    """Budget lines whose money is not volume x unit cost (rising by `rate` a year from the matrix's first year) to
    within TOLERANCE: the rows with `harga` (what volume x cost gives) and `selisih` (money - that)."""
    priced = ssk.loc[ssk["biaya_satuan"].notna()]
    if priced.empty:
        return priced.assign(harga=pd.Series(dtype="float64"), selisih=pd.Series(dtype="float64"))
    first = min(years(ssk))
    expected = (priced["volume"].astype("float64") * priced["biaya_satuan"].astype("float64")
                * (1.0 + rate) ** (priced["tahun"].astype("float64") - first))
    off = (priced["biaya"] - expected).abs() > TOLERANCE * expected.clip(lower=1.0)
    return priced.assign(harga=expected, selisih=priced["biaya"] - expected).loc[off]


def above_target(ssk: pd.DataFrame, indikator: str, done: set[str]) -> pd.DataFrame:
    """Access work (households reached) planned in kecamatan that need none for the indicator (`done`: at or above
    the target, nothing to reach): a question for the clinic, not an error."""
    rows = reached(ssk)
    rows = rows.loc[rows["indikator"].eq(indikator).fillna(False) & (rows["kk"] > 0) & rows["kode"].isin(done)]
    return rows.groupby(["kode", "sub_kegiatan", "opd"], dropna=False, as_index=False).agg(
        kk=("kk", "sum"), biaya=("biaya", "sum"), tahun=("tahun", "min"))


def elsewhere(ssk: pd.DataFrame) -> pd.DataFrame:
    """Households on rows of an indicator without a household need (ODF villages, waste): not counted toward any
    access plan (an activity's households count toward its own indicator only)."""
    rows = reached(ssk)
    return rows.loc[(rows["kk"] > 0) & ~rows["indikator"].isin(ACCESS)]


def existing_plant(fakta: pd.DataFrame | None) -> float | None:
    """The sludge plant's design capacity (m³/hari) as published: the lower figure of a range ('8-10' -> 8)."""
    if fakta is None:
        return None
    rows = facts.topic(fakta, "iplt_kapasitas_desain", KODE_KABUPATEN)
    if rows.empty:
        return None
    found = re.findall(r"\d+(?:[.,]\d+)?", str(rows.sort_values("tahun")["nilai"].iloc[-1]))
    return float(found[0].replace(",", ".")) if found else None


def sludge_check(ssk: pd.DataFrame, existing: float | None) -> pd.DataFrame:
    """Per year: households desludged on schedule (`kk`), the plant's capacity (`kapasitas`, m³/hari: existing plus
    what the matrix has added by then), the households that capacity can take (`kk_muat`) and whether the plan
    exceeds it (`lebih`). Empty when the matrix has no scheduled desludging."""
    rows = reached(ssk).loc[lambda d: d["indikator"].eq("aman").fillna(False)]
    lltt = rows.loc[rows["kk"] > 0].groupby("tahun")["kk"].sum()
    if lltt.empty:
        return pd.DataFrame(columns=["tahun", "kk", "kapasitas", "kk_muat", "lebih"])
    added = rows.loc[rows["satuan"].map(is_capacity)].groupby("tahun")["volume"].sum()
    ys = years(ssk)
    capacity = (existing or 0.0) + added.reindex(ys, fill_value=0.0).cumsum()
    out = pd.DataFrame({"tahun": ys, "kk": lltt.reindex(ys, fill_value=0.0).to_numpy(),
                        "kapasitas": capacity.to_numpy()})
    out["kk_muat"] = np.floor(out["kapasitas"] * PLANT_DAYS / SLUDGE_M3)
    return out.assign(lebih=out["kk"] > out["kk_muat"])


# ------------------------------------------------------------------------------------- who carries it
@dataclass(frozen=True)
class Match:
    """The matrix against the activity table in the years both cover."""

    tahun: tuple[int, ...]
    cocok: pd.DataFrame  # per matched activity: tahun, opd, kegiatan, rencana (matrix money), pagu, belanja, fisik
    tanpa_kegiatan: pd.DataFrame  # matrix activities the activity table lacks: tahun, opd, kegiatan, rencana
    tanpa_rencana: pd.DataFrame  # activity-table rows the matrix lacks: tahun, opd, kegiatan, pagu


def _norm(text: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text or "").lower())


def activities(ssk: pd.DataFrame) -> pd.DataFrame:
    """The matrix per year, agency and activity (its sub-activity, else its activity): name, code, money."""
    name = ssk["sub_kegiatan"].astype(object).where(ssk["sub_kegiatan"].notna(), ssk["kegiatan"])
    code = ssk["kode_sub_kegiatan"].astype(object).where(ssk["kode_sub_kegiatan"].notna(), ssk["kode_kegiatan"])
    frame = ssk.assign(nama=name, kode_nama=code.where(code.notna(), ""), induk=ssk["kegiatan"])
    return (frame.groupby(["tahun", "opd", "nama", "kode_nama", "induk"], as_index=False, sort=False)["biaya"].sum()
            .rename(columns={"biaya": "rencana"}).astype({"tahun": "int64"}))


def match(ssk: pd.DataFrame, kegiatan: pd.DataFrame) -> Match:
    """Each matrix activity of a year the activity table covers, matched to that year's rows: by nomenclature code
    when both give one, else by the activity's name (its sub-activity's or its activity's) and agency."""
    both = tuple(sorted(set(years(ssk)) & {int(y) for y in kegiatan["tahun"].unique()}))
    acts = activities(ssk)
    acts = acts.loc[acts["tahun"].isin(both)].reset_index(drop=True)
    rows = kegiatan.loc[kegiatan["tahun"].isin(both)].reset_index(drop=True)
    codes = rows["kode"].fillna("") if "kode" in rows else pd.Series([""] * len(rows))
    taken: set[int] = set()
    pairs: list[tuple[int, list[int]]] = []
    for i, a in acts.iterrows():
        same_year = rows.index[rows["tahun"] == a["tahun"]]
        hit = [j for j in same_year if a["kode_nama"] and codes.iloc[j] == a["kode_nama"]]
        if not hit:
            names = {_norm(a["nama"]), _norm(a["induk"])}
            hit = [j for j in same_year if _norm(rows["kegiatan"].iloc[j]) in names
                   and _norm(rows["opd"].iloc[j]) == _norm(a["opd"])]
        pairs.append((i, hit))
        taken.update(hit)
    matched = []
    for i, hit in pairs:
        if not hit:
            continue
        part = rows.loc[hit]
        done = (part["realisasi_output"] / part["target_output"].where(part["target_output"] > 0)).clip(upper=1.0)
        weight = part["pagu"].where(part["pagu"] > 0)
        matched.append({**acts.loc[i, ["tahun", "opd", "nama", "rencana"]].to_dict(),
                        "pagu": float(part["pagu"].sum()), "belanja": float(part["realisasi_anggaran"].sum()),
                        "fisik": float(100.0 * (done * weight).sum() / weight.sum()) if weight.notna().any()
                        else float("nan")})
    cols = ["tahun", "opd", "nama", "rencana", "pagu", "belanja", "fisik"]
    return Match(both, pd.DataFrame(matched, columns=cols),
                 acts.loc[[i for i, hit in pairs if not hit], ["tahun", "opd", "nama", "rencana"]]
                 .reset_index(drop=True),
                 rows.loc[[j for j in rows.index if j not in taken], ["tahun", "opd", "kegiatan", "pagu"]]
                 .rename(columns={"kegiatan": "nama"}).reset_index(drop=True))


def carriers(ssk: pd.DataFrame, kegiatan: pd.DataFrame, peran: pd.DataFrame) -> pd.DataFrame:
    """Per agency, largest budget first: money planned over the whole matrix and its share (`biaya`, `porsi_biaya`),
    households reached for the access indicators and their share (`kk`, `porsi_kk`), the indicators it leads
    (`memimpin`, registry order), and in the years the activity table covers the matched activities' planned money,
    budget and spending (`rencana`, `pagu`, `belanja`)."""
    rows = reached(ssk)
    access = rows.loc[rows["indikator"].isin(ACCESS)]
    per = rows.groupby("opd")["biaya"].sum()
    kk = access.groupby("opd")["kk"].sum().reindex(per.index, fill_value=0.0)
    m = match(ssk, kegiatan).cocok.groupby("opd")[["rencana", "pagu", "belanja"]].sum()
    leads = peran.loc[peran["peran"] == owners.LEAD]
    out = pd.DataFrame({"opd": per.index, "biaya": per.to_numpy(),
                        "porsi_biaya": 100.0 * per.to_numpy() / per.sum() if per.sum() else np.nan,
                        "kk": kk.to_numpy(), "porsi_kk": 100.0 * kk.to_numpy() / kk.sum() if kk.sum() else np.nan})
    out["memimpin"] = [tuple(k for k in indicators.REGISTRY if k in set(leads.loc[leads["opd"] == o, "indikator"]))
                       for o in out["opd"]]
    for c in ("rencana", "pagu", "belanja"):
        out[c] = out["opd"].map(m[c]) if len(m) else np.nan
    return out.sort_values("biaya", ascending=False, kind="stable").reset_index(drop=True)
