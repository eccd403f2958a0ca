"""The analysis every page starts from: the data up to a reference year, on today's boundaries, every target judged.

Built once per data version and reference year (`analyse`) and shared by every view; the per-area look-ups the
views need (an assessment, an area's latest comparable rows, an observed series) live here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from sanitasi import KODE_KABUPATEN, i18n, indicators, lineage, needs, progress, sources, targets
from sanitasi.contracts import PERCENT_COLUMNS
from sanitasi.load import Dataset

KABUPATEN = KODE_KABUPATEN
REKAP = sources.REKAP
_SEP = "@"  # inside `analyse` only: a kabupaten series is judged as the area "63.10@<source>"


@dataclass(frozen=True)
class Analysis:
    """The data up to a reference year, on today's boundaries, with every target judged."""

    data: Dataset
    tahun: int  # reference year: the last year of data used
    kec: pd.DataFrame  # kecamatan count rows (one source per kecamatan and year) with rates, `sebanding`, `nama`
    kab: pd.DataFrame  # the kabupaten as the sum of those counts (the roll-up, sources.REKAP), with rates
    obs: pd.DataFrame  # long, comparable observations of kecamatan and kabupaten (`seri`: REKAP or a source)
    nilai: pd.DataFrame  # assess_all over every document x indicator x area x district series (`seri`)
    growth: pd.Series  # household growth per area (and the kabupaten)
    # the other PPSP tables with their rates: {"stbm": (kecamatan, kabupaten), "drainase": ..., "sampah": ...}
    ppsp: dict = field(default_factory=dict)
    seri: dict = field(default_factory=dict)  # kabupaten-level access series by source (sources.district_series)
    akses_kec: pd.DataFrame | None = None  # the kecamatan count rows of every year up to `tahun`, as stored

    def frames(self, indikator: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(kecamatan rows, kabupaten rows) of the table an indicator lives in, with rates."""
        ind = indicators.get(indikator)
        if ind.tabel == "akses":
            return self.kec, self.kab
        empty = self.kab.iloc[0:0]
        return self.ppsp.get(ind.tabel, (empty, empty))

    def rows(self, tabel: str) -> pd.DataFrame:
        """A table's kecamatan rows up to the reference year as stored (for access: one source per kecamatan and
        year), for series on other boundaries."""
        if tabel == "akses":
            return self.akses_kec
        table = getattr(self.data, tabel)
        return table.loc[table["tahun"] <= self.tahun]

    def district(self, seri: str | None = None) -> str:
        """The district series a page shows: the chosen one, else the official kabupaten series when one is
        loaded, else the roll-up of the kecamatan (sources.lead)."""
        return sources.lead(self.seri, seri)

    def district_rows(self, indikator: str, seri: str | None = None) -> pd.DataFrame:
        """The kabupaten's rows of an indicator in the chosen district series (the roll-up for the tables that
        have no kabupaten sources, and for indicators a published series does not give)."""
        chosen = series_of(self, KABUPATEN, indikator, seri)
        if chosen != REKAP:
            return self.seri[chosen].loc[self.seri[chosen][indicators.get(indikator).kolom].notna()]
        return self.frames(indikator)[1]

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
    counts = sources.kecamatan_counts(akses)
    kec = lineage.on_current_boundaries(counts, data.wilayah)
    kec = kec.assign(nama=kec["kode_wilayah"].map(names))
    units = sources.rekap_units(counts)
    kab = indicators.aggregate(counts.loc[counts["tahun"].map(units).notna()], kode=KABUPATEN)  # one unit a year
    district = sources.district_series(akses)
    comparable = lineage.comparable_only(kec)
    ppsp = _tables(data, tahun, names)
    long = [indicators.to_long(comparable), indicators.to_long(kab)]
    for source, frame in district.items():
        long.append(indicators.to_long(frame[["kode_wilayah", "tahun", *PERCENT_COLUMNS]]
                                       .assign(kode_wilayah=f"{KABUPATEN}{_SEP}{source}")))
    for k_rows, kab_rows in ppsp.values():
        if len(k_rows):
            long.append(indicators.to_long(lineage.comparable_only(k_rows)))
        if len(kab_rows):
            long.append(indicators.to_long(kab_rows))
    obs = pd.concat(long, ignore_index=True)
    areas = [*data.wilayah["kode"].tolist(), KABUPATEN]
    goals = pd.concat([targets.goals_for(data.target, d, areas) for d in targets.documents(data.target)],
                      ignore_index=True)
    # each kabupaten series is judged against the kabupaten's own targets
    district_goals = goals.loc[goals["kode_wilayah"] == KABUPATEN]
    goals = pd.concat([goals, *(district_goals.assign(kode_wilayah=f"{KABUPATEN}{_SEP}{s}") for s in district)],
                      ignore_index=True)
    nilai = _split_series(progress.assess_all(obs, goals))
    obs = _split_series(obs)
    growth = pd.concat([needs.growth_rates(comparable), needs.growth_rates(kab)])
    return Analysis(data, tahun, kec, kab, obs, nilai, growth, ppsp, district, counts)


def _split_series(frame: pd.DataFrame) -> pd.DataFrame:
    """'63.10@BPS Susenas' back into the kabupaten's code and a `seri` column (REKAP for everything else)."""
    code = frame["kode_wilayah"].astype(str)
    parts = code.str.split(_SEP, n=1, expand=True)
    seri = parts[1].fillna(REKAP) if parts.shape[1] > 1 else pd.Series(REKAP, index=frame.index)
    return frame.assign(kode_wilayah=parts[0], seri=seri)


def gap(an: Analysis, indikator: str, target: float, target_year: int, porsi_baru: float | None = None,
        biaya: pd.DataFrame | None = None) -> needs.Gap:
    """The households to reach `target` by `target_year`, backlog and growth, per kecamatan and for the district:
    `needs.gap` (the one calculation every page shows) on each kecamatan's latest comparable row."""
    latest = latest_rows(lineage.comparable_only(an.kec))
    return needs.gap(latest, indikator, target=target, target_year=target_year, growth=an.growth,
                     porsi_baru=porsi_baru, biaya=biaya)


def series_of(an: Analysis, kode: str, indikator: str, seri: str | None = None) -> str:
    """The series an area's indicator is judged in: for the kabupaten the chosen district series (an indicator
    that series does not give is judged on the roll-up); REKAP for a kecamatan and everything else."""
    if kode == KABUPATEN and indicators.get(indikator).tabel == "akses":
        chosen = an.district(seri)
        column = indicators.get(indikator).kolom
        if chosen != REKAP and column in an.seri[chosen].columns and an.seri[chosen][column].notna().any():
            return chosen
    return REKAP


def assessment(an: Analysis, kode: str, indikator: str, dokumen: str, seri: str | None = None) -> pd.Series | None:
    """The judgement of an area's indicator against a document; for the kabupaten, in the chosen district series."""
    which = series_of(an, kode, indikator, seri)
    hit = an.nilai.loc[(an.nilai["kode_wilayah"] == kode) & (an.nilai["indikator"] == indikator)
                       & (an.nilai["dokumen"] == dokumen) & (an.nilai["seri"] == which)]
    return None if hit.empty else hit.iloc[0]


def latest_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Each area's row in its latest year."""
    return frame.sort_values("tahun").groupby("kode_wilayah", sort=False).tail(1).reset_index(drop=True)


def kecamatan_rows(an: Analysis, kode: str) -> pd.DataFrame:
    """The kecamatan's comparable rows (same area as today), with rates."""
    return lineage.comparable_only(an.kec.loc[an.kec["kode_wilayah"] == kode]).sort_values("tahun")


def series(an: Analysis, kode: str, indikator: str, basis: str = "kini", seri: str | None = None) -> pd.DataFrame:
    """Observed `tahun, nilai, sebanding` for an area (kabupaten or kecamatan) on the chosen basis; the kabupaten
    in the chosen district series."""
    ind = indicators.get(indikator)
    if kode == KABUPATEN:
        f = an.district_rows(indikator, seri).assign(sebanding=True)
    else:
        f = lineage.on_basis(an.rows(ind.tabel), an.data.wilayah, basis)
        f = f.loc[f["kode_wilayah"] == kode]
    return (f[["tahun", ind.kolom, "sebanding"]].rename(columns={ind.kolom: "nilai"})
            .sort_values("tahun").reset_index(drop=True))

