"""Which year a status speaks of: for an area, an indicator and a chosen document, the target that applies, the
judged year and value, the status, and the latest value beside them, decided once for every card, map, ranking,
table, slide and export.

The assessment (`sanitasi.progress`) judges a target whose year has passed on the value of that year (a 2024
target on 2024, even when 2025 is known) and a target still ahead on the latest value. A page that shows the latest
value beside a status judged on an earlier year must say so: "2024 (target year): 14,2%, 0,8 points short; 2025:
15,5%". When a target was missed in its year but is met now, `sejak` is the first year of the run of years that
meet it up to the latest ("meets the target since 2025").

The document that applies is `documents.applicable`: the chosen one, or the kabupaten's own document of the same
family and period when it sets the indicator; a document without a target for the indicator gives `tanpa_target`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sanitasi import fmt, i18n, indicators
from sanitasi.analysis import KABUPATEN, Analysis, series_of
from sanitasi.documents import applicable
from sanitasi.progress import Status, status_label
from sanitasi.sources import REKAP

NO_TARGET = "tanpa_target"
COLUMNS = ["kode_wilayah", "indikator", "dokumen", "target", "target_year", "status", "judged_year", "judged_value",
           "latest_year", "latest_value", "sejak"]


@dataclass(frozen=True)
class Judgement:
    """One area's standing on one indicator against the chosen document (see the module docstring)."""

    kode: str
    indikator: str
    dipilih: str  # the document chosen
    dokumen: str | None  # the document whose target applies; None: the chosen one sets none for this indicator
    target: float | None
    target_year: int | None
    status: str  # a progress.Status value, or "tanpa_target"
    judged_year: int | None
    judged_value: float | None
    latest_year: int | None
    latest_value: float | None
    sejak: int | None = None  # a target missed in its year, met again since this year (through the latest)

    @property
    def lewat(self) -> bool:
        """The target year has passed: the status speaks of the judged year, not of the latest."""
        return (self.target_year is not None and self.latest_year is not None and self.judged_year is not None
                and self.judged_year != self.latest_year)

    def selisih(self, value: float | None = None) -> float | None:
        """The gap to the target in the indicator's direction (>= 0: met) of `value` (default: the judged one)."""
        v = self.judged_value if value is None else value
        if self.target is None or v is None or pd.isna(v):
            return None
        return indicators.get(self.indikator).arah * (float(v) - self.target)


def _value(v: object) -> float | None:
    return None if v is None or pd.isna(v) else float(v)


def _year(v: object) -> int | None:
    return None if v is None or pd.isna(v) else int(v)


def _in_series(an: Analysis, frame: pd.DataFrame, indikator: str, seri: str | None) -> pd.DataFrame:
    """Each area's rows in the series it is judged in: the kabupaten's in the chosen district series (sources),
    every other area's in the roll-up; never two series of one area at once."""
    if "seri" not in frame.columns:
        return frame
    district = series_of(an, KABUPATEN, indikator, seri)
    wanted = np.where(frame["kode_wilayah"] == KABUPATEN, district, REKAP)
    return frame.loc[frame["seri"].to_numpy() == wanted]


def judge_all(an: Analysis, indikator: str, dokumen: str, codes: list[str] | None = None,
              seri: str | None = None) -> pd.DataFrame:
    """`COLUMNS` for every area in `codes` (default: every kecamatan, then the kabupaten), in that order; the
    kabupaten in the district series `seri` (default: the official one when loaded, see `sanitasi.sources`)."""
    codes = list(codes) if codes is not None else [*an.kode_kecamatan, KABUPATEN]
    doc = applicable(an.data.target, dokumen, indikator)
    base = pd.DataFrame({"kode_wilayah": codes})
    n = _in_series(an, an.nilai.loc[an.nilai["indikator"] == indikator], indikator, seri)
    hit = n.loc[n["dokumen"] == doc] if doc is not None else n.iloc[0:0]
    out = base.merge(hit.drop(columns=["indikator", "dokumen", "seri"], errors="ignore"), on="kode_wilayah",
                     how="left")
    out = out.assign(indikator=indikator, dokumen=doc if doc is not None else None,
                     status=out["status"].where(out["status"].notna(), NO_TARGET) if "status" in out else NO_TARGET)
    for col in ("target", "target_year", "judged_year", "judged_value", "latest_year", "latest_value"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64") if col in out else np.nan
    obs = _in_series(an, an.obs.loc[an.obs["indikator"] == indikator], indikator, seri)
    out["sejak"] = _since(obs, out, indikator)
    # an area without a target row keeps its latest observation, so the page can still show it
    missing = out["latest_year"].isna()
    if missing.any():
        latest = obs.sort_values("tahun").groupby("kode_wilayah").tail(1)
        by_area = latest.set_index("kode_wilayah")
        areas = out.loc[missing, "kode_wilayah"]
        out.loc[missing, "latest_year"] = areas.map(by_area["tahun"]).to_numpy(dtype="float64", na_value=np.nan)
        out.loc[missing, "latest_value"] = areas.map(by_area["nilai"]).to_numpy(dtype="float64", na_value=np.nan)
        out.loc[missing, "judged_year"] = out.loc[missing, "latest_year"]
        out.loc[missing, "judged_value"] = out.loc[missing, "latest_value"]
    return out[COLUMNS]


def _since(obs: pd.DataFrame, frame: pd.DataFrame, indikator: str) -> pd.Series:
    """For a target missed in its year but met at the latest value: the first year of the run that meets it
    (`obs`: the indicator's observations, one series per area)."""
    arah = indicators.get(indikator).arah
    out = pd.Series([None] * len(frame), index=frame.index, dtype="object")
    if "target" not in frame or frame.empty:
        return out
    missed = (frame["status"] == Status.TIDAK_TERCAPAI.value) & (arah * (frame["latest_value"] - frame["target"]) >= 0)
    for i in frame.index[missed.fillna(False).to_numpy(dtype=bool)]:
        s = obs.loc[obs["kode_wilayah"] == frame.at[i, "kode_wilayah"]].sort_values("tahun")
        meets = (arah * (s["nilai"].to_numpy() - float(frame.at[i, "target"])) >= 0)
        years = s["tahun"].to_numpy()
        k = len(meets)
        while k > 0 and meets[k - 1] and years[k - 1] > frame.at[i, "target_year"]:
            k -= 1
        out.at[i] = int(years[k]) if k < len(meets) else None
    return out


def judge(an: Analysis, kode: str, indikator: str, dokumen: str, seri: str | None = None) -> Judgement:
    """The standing of one area (a kecamatan or the kabupaten, in the district series `seri`)."""
    r = judge_all(an, indikator, dokumen, [kode], seri).iloc[0]
    return from_row(r, dokumen)


def from_row(r: pd.Series, dipilih: str) -> Judgement:
    return Judgement(str(r["kode_wilayah"]), str(r["indikator"]), dipilih,
                     None if r["dokumen"] is None or pd.isna(r["dokumen"]) else str(r["dokumen"]),
                     _value(r["target"]), _year(r["target_year"]), str(r["status"]), _year(r["judged_year"]),
                     _value(r["judged_value"]), _year(r["latest_year"]), _value(r["latest_value"]), _year(r["sejak"]))


# ------------------------------------------------------------------------------------- words
def gap_text(j: Judgement, value: float | None, lang: str = "id") -> str:
    """'kurang 0,8 poin', '3,1 poin di atas batas target' (lower is better), 'memenuhi target'."""
    ind = indicators.get(j.indikator)
    gap = j.selisih(value)
    if gap is None:
        return fmt.MISSING
    if gap >= 0:
        return i18n.t("nilai.memenuhi", lang)
    amount = fmt.number(abs(gap), ind.desimal, lang) + (" " + i18n.t("nilai.poin", lang) if ind.persen
                                                         else " " + ind.satuan(lang))
    return i18n.t("nilai.kurang_naik" if ind.arah > 0 else "nilai.kurang_turun", lang, selisih=amount)


def latest_text(j: Judgement, lang: str = "id") -> str:
    """The latest value and where it stands: '15,5%, memenuhi target sejak 2025' or '84,2%, kurang 5,8 poin'."""
    ind = indicators.get(j.indikator)
    state = (i18n.t("nilai.sejak", lang, tahun=j.sejak) if j.sejak is not None
             else gap_text(j, j.latest_value, lang))
    return f"{ind.teks(j.latest_value, lang)}, {state}"


def judged_text(j: Judgement, lang: str = "id") -> str:
    """Both years when the judged one is not the latest: '2024 (tahun target): 14,2%, kurang 0,8 poin; 2025: 15,5%,
    memenuhi target sejak 2025'; '' when they are the same year (the page shows the latest value alone)."""
    if not j.lewat:
        return ""
    ind = indicators.get(j.indikator)
    return i18n.t("nilai.dua_tahun", lang, tahun=j.judged_year, nilai=ind.teks(j.judged_value, lang),
                  selisih=gap_text(j, j.judged_value, lang), tahun_kini=j.latest_year, kini=latest_text(j, lang))


def status_text(j: Judgement, lang: str = "id") -> str:
    """The status with the year it speaks of when that is not the latest: 'Tidak tercapai pada 2024 (14,2%);
    memenuhi target sejak 2025'; else the plain label ('Perlu percepatan')."""
    label = status_label(None if j.status == NO_TARGET else j.status, lang)
    if not j.lewat:
        return label
    text = i18n.t("nilai.status_pada", lang, status=label, tahun=j.judged_year,
                  nilai=indicators.get(j.indikator).teks(j.judged_value, lang))
    if j.sejak is not None:
        text += "; " + i18n.t("nilai.sejak", lang, tahun=j.sejak)
    return text


def status_texts(frame: pd.DataFrame, dipilih: str, lang: str = "id") -> list[str]:
    """`status_text` for every row of a `judge_all` frame."""
    return [status_text(from_row(r, dipilih), lang) for _, r in frame.iterrows()]


def gap_now(j: Judgement) -> float:
    """The latest value's gap to the target (NaN without one): what a map's 'gap' colour shows."""
    g = j.selisih(j.latest_value)
    return np.nan if g is None else g
