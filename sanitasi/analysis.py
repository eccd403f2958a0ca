"""The analysis every page starts from: the data up to a reference year, on today's boundaries, every target judged.

Built once per data version and reference year (`analyse`) and shared by every view; the per-area look-ups the
views need (an assessment, an area's latest comparable rows, an observed series) live here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from sanitasi import KODE_KABUPATEN, i18n, indicators, lineage, needs, progress, targets
from sanitasi.load import Dataset

KABUPATEN = KODE_KABUPATEN


@dataclass(frozen=True)
class Analysis:
    """The data up to a reference year, on today's boundaries, with every target judged."""

    data: Dataset
    tahun: int  # reference year: the last year of data used
    kec: pd.DataFrame  # kecamatan rows with rates, `sebanding`, `nama`
    kab: pd.DataFrame  # kabupaten rows with rates
    obs: pd.DataFrame  # long, comparable observations of kecamatan and kabupaten
    nilai: pd.DataFrame  # assess_all over every document x indicator x area
    growth: pd.Series  # household growth per area (and the kabupaten)
    # the other PPSP tables with their rates: {"stbm": (kecamatan, kabupaten), "drainase": ..., "sampah": ...}
    ppsp: dict = field(default_factory=dict)

    def frames(self, indikator: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(kecamatan rows, kabupaten rows) of the table an indicator lives in, with rates."""
        ind = indicators.get(indikator)
        if ind.tabel == "akses":
            return self.kec, self.kab
        empty = self.kab.iloc[0:0]
        return self.ppsp.get(ind.tabel, (empty, empty))

    @property
    def kode_kecamatan(self) -> list[str]:
        return self.data.wilayah["kode"].tolist()

    def nama(self, kode: str, lang: str = "id") -> str:
        if kode == KABUPATEN:
            return i18n.t("umum.kabupaten", lang)
        return self.data.nama(kode)


def _tables(data: Dataset, tahun: int, names: dict[str, str]) -> dict[str, tuple[pd.DataFrame, pd.DataFrame]]:
    """Each PPSP table beyond access, cut at `tahun`: (kecamatan rows on today's boundaries, kabupaten rows)."""
    out = {}
    for name in ("stbm", "drainase"):
        frame = getattr(data, name)
        frame = frame.loc[frame["tahun"] <= tahun]
        kec = lineage.on_current_boundaries(frame, data.wilayah)
        out[name] = (kec.assign(nama=kec["kode_wilayah"].map(names)), indicators.aggregate(frame, kode=KABUPATEN))
    waste = data.sampah.loc[data.sampah["tahun"] <= tahun]
    out["sampah"] = (waste.iloc[0:0], indicators.compute_rates(waste.assign(kode_wilayah=KABUPATEN)))
    return out


def analyse(data: Dataset, tahun: int | None = None) -> Analysis:
    """Judge every target on data up to `tahun` (default: the latest year)."""
    tahun = int(tahun if tahun is not None else max(data.tahun))
    akses = data.akses.loc[data.akses["tahun"] <= tahun]
    names = data.names
    kec = lineage.on_current_boundaries(akses, data.wilayah)
    kec = kec.assign(nama=kec["kode_wilayah"].map(names))
    kab = indicators.aggregate(akses, kode=KABUPATEN)
    comparable = lineage.comparable_only(kec)
    ppsp = _tables(data, tahun, names)
    long = [indicators.to_long(comparable), indicators.to_long(kab)]
    for k_rows, kab_rows in ppsp.values():
        if len(k_rows):
            long.append(indicators.to_long(lineage.comparable_only(k_rows)))
        if len(kab_rows):
            long.append(indicators.to_long(kab_rows))
    obs = pd.concat(long, ignore_index=True)
    areas = [*data.wilayah["kode"].tolist(), KABUPATEN]
    goals = pd.concat([targets.goals_for(data.target, d, areas) for d in targets.documents(data.target)],
                      ignore_index=True)
    nilai = progress.assess_all(obs, goals)
    growth = pd.concat([needs.growth_rates(comparable), needs.growth_rates(kab)])
    return Analysis(data, tahun, kec, kab, obs, nilai, growth, ppsp)


def gap(an: Analysis, indikator: str, target: float, target_year: int, porsi_baru: float | None = None,
        biaya: pd.DataFrame | None = None) -> needs.Gap:
    """The households to reach `target` by `target_year`, backlog and growth, per kecamatan and for the district:
    `needs.gap` (the one calculation every page shows) on each kecamatan's latest comparable row."""
    latest = latest_rows(lineage.comparable_only(an.kec))
    return needs.gap(latest, indikator, target=target, target_year=target_year, growth=an.growth,
                     porsi_baru=porsi_baru, biaya=biaya)


def assessment(an: Analysis, kode: str, indikator: str, dokumen: str) -> pd.Series | None:
    hit = an.nilai.loc[(an.nilai["kode_wilayah"] == kode) & (an.nilai["indikator"] == indikator)
                       & (an.nilai["dokumen"] == dokumen)]
    return None if hit.empty else hit.iloc[0]


def latest_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Each area's row in its latest year."""
    return frame.sort_values("tahun").groupby("kode_wilayah", sort=False).tail(1).reset_index(drop=True)


def kecamatan_rows(an: Analysis, kode: str) -> pd.DataFrame:
    """The kecamatan's comparable rows (same area as today), with rates."""
    return lineage.comparable_only(an.kec.loc[an.kec["kode_wilayah"] == kode]).sort_values("tahun")


def series(an: Analysis, kode: str, indikator: str, basis: str = "kini") -> pd.DataFrame:
    """Observed `tahun, nilai, sebanding` for an area (kabupaten or kecamatan) on the chosen basis."""
    ind = indicators.get(indikator)
    if kode == KABUPATEN:
        f = an.frames(indikator)[1].assign(sebanding=True)
    else:
        table = getattr(an.data, ind.tabel)
        f = lineage.on_basis(table.loc[table["tahun"] <= an.tahun], an.data.wilayah, basis)
        f = f.loc[f["kode_wilayah"] == kode]
    return (f[["tahun", ind.kolom, "sebanding"]].rename(columns={ind.kolom: "nilai"})
            .sort_values("tahun").reset_index(drop=True))

