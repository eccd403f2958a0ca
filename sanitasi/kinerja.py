"""Yearly targets judged the way performance reports ask (SAKIP, e-Monev): for each target year of a document
(interim and final), the target, the realisation, the capaian and its band.

- Capaian where higher is better: realisation / target x 100.
- Where lower is better (open defecation, standing water) the distance covered from the baseline:
  (baseline - realisation) / (baseline - target) x 100, which also holds for a target of 0. The baseline is the
  area's value in the document's base year (`tahun_dasar`; `sanitasi.targets.baseline_year`). A baseline already
  at or below the target gives 100 while the realisation stays there, else no capaian.
- Bands (predikat) of Permendagri 86/2017: sangat tinggi >= 91, tinggi 76-90, sedang 66-75, rendah 51-65, sangat
  rendah <= 50; a capaian between two bands (90,5) takes the lower one: the thresholds are >= 91, >= 76, >= 66, >= 51.
- A target year after the data, or a year without an observation, has no realisation yet ("belum ada data").
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sanitasi import exports, fmt, i18n, indicators, targets
from sanitasi.analysis import Analysis, series
from sanitasi.documents import applicable, note_of

# (lowest capaian of the band, band code), best first: Permendagri 86/2017
BANDS: tuple[tuple[float, str], ...] = ((91.0, "sangat_tinggi"), (76.0, "tinggi"), (66.0, "sedang"),
                                        (51.0, "rendah"), (-math.inf, "sangat_rendah"))
# band colours for a table: blue (good) to brown (poor), as the status colours
WARNA: dict[str, str] = {"sangat_tinggi": "#1a5e8a", "tinggi": "#4f9bd0", "sedang": "#f2b233", "rendah": "#e0762b",
                         "sangat_rendah": "#a63a14"}
COLUMNS = ["indikator", "tahun", "jenis", "target", "realisasi", "capaian", "predikat", "dasar_tahun", "dasar_nilai"]


def capaian(realisasi: float, target: float, arah: int, baseline: float | None = None) -> float:
    """Capaian in percent (NaN when it cannot be said: no realisation, a target of 0 where higher is better, or no
    baseline where lower is better). See the module docstring."""
    if realisasi is None or pd.isna(realisasi):
        return float("nan")
    if arah > 0:
        return float("nan") if target == 0 else 100.0 * realisasi / target
    if baseline is None or pd.isna(baseline):
        return float("nan")
    if baseline - target <= 0:
        return 100.0 if realisasi <= target else float("nan")
    return 100.0 * (baseline - realisasi) / (baseline - target)


def band(value: float) -> str | None:
    """The Permendagri 86/2017 band of a capaian, or None without one."""
    if value is None or pd.isna(value):
        return None
    return next(code for low, code in BANDS if value >= low)


def performance(an: Analysis, dokumen: str, indikator: str, kode: str) -> pd.DataFrame:
    """One row per target year the chosen document (or the kabupaten's own twin) sets for the area: `COLUMNS`."""
    doc = applicable(an.data.target, dokumen, indikator)
    if doc is None:
        return pd.DataFrame(columns=COLUMNS)
    rows = targets.rows_for(an.data.target, doc, indikator, kode)
    if rows.empty:
        return pd.DataFrame(columns=COLUMNS)
    obs = series(an, kode, indikator)
    obs = obs.loc[obs["sebanding"]].set_index("tahun")["nilai"]
    ind = indicators.get(indikator)
    b_year = targets.baseline_year(rows, obs.index.tolist()) if len(obs) else None
    b_value = float(obs.loc[b_year]) if b_year is not None else np.nan
    last = rows["tahun"].max()
    out = []
    for _, r in rows.iterrows():
        year, tgt = int(r["tahun"]), float(r["nilai"])
        real = float(obs.loc[year]) if year in obs.index else np.nan
        c = capaian(real, tgt, ind.arah, b_value)
        out.append({"indikator": indikator, "tahun": year, "jenis": "akhir" if year == last else "antara",
                    "target": tgt, "realisasi": real, "capaian": c, "predikat": band(c), "dasar_tahun": b_year,
                    "dasar_nilai": b_value})
    return pd.DataFrame(out, columns=COLUMNS)


def performance_all(an: Analysis, dokumen: str, kode: str) -> pd.DataFrame:
    """`performance` for every indicator the document sets for the area, headline indicators first."""
    order = [*indicators.HEADLINE, *(k for k in indicators.REGISTRY if k not in indicators.HEADLINE)]
    parts = [performance(an, dokumen, k, kode) for k in order if applicable(an.data.target, dokumen, k)]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS)


def display(frame: pd.DataFrame, lang: str = "id", with_indicator: bool = True) -> pd.DataFrame:
    """The table as performance reports lay it out, formatted: (indicator,) year, target, realisation, capaian,
    band."""
    t = i18n.t
    cols = {}
    if with_indicator:
        cols[t("tabel.indikator", lang)] = [indicators.get(k).label(lang) for k in frame["indikator"]]
    cols[t("kinerja.k_tahun", lang)] = [f"{y}" + ("" if j == "akhir" else f" ({t('kinerja.antara', lang)})")
                                        for y, j in zip(frame["tahun"], frame["jenis"], strict=True)]
    cols[t("kinerja.k_target", lang)] = [indicators.get(k).teks(v, lang) for k, v in
                                         zip(frame["indikator"], frame["target"], strict=True)]
    cols[t("kinerja.k_realisasi", lang)] = [t("kinerja.belum", lang) if pd.isna(v) else indicators.get(k).teks(v, lang)
                                            for k, v in zip(frame["indikator"], frame["realisasi"], strict=True)]
    # a capaian needs a realisation (and, for a falling indicator, a base year that differs from the target)
    why = [fmt.absent(t("kosong.tanpa_realisasi" if pd.isna(r) else "kosong.tak_terhitung", lang))
           for r in frame["realisasi"]]
    cols[t("kinerja.k_capaian", lang)] = [w if pd.isna(v) else fmt.pct(v, 1, lang)
                                          for v, w in zip(frame["capaian"], why, strict=True)]
    cols[t("kinerja.k_predikat", lang)] = [w if p is None or pd.isna(p) else t(f"kinerja.{p}", lang)
                                           for p, w in zip(frame["predikat"], why, strict=True)]
    return pd.DataFrame(cols)


def export_frame(frame: pd.DataFrame, dokumen: str, kode_nama: str, lang: str = "id") -> pd.DataFrame:
    """The table for the XLSX file: numbers stay numbers (Excel sums and charts them), bands as words."""
    t = i18n.t
    return pd.DataFrame({
        t("kinerja.x_wilayah", lang): kode_nama,
        t("tabel.dokumen", lang): dokumen,
        t("tabel.indikator", lang): [indicators.get(k).label(lang) for k in frame["indikator"]],
        t("kinerja.x_satuan", lang): [indicators.get(k).satuan(lang) for k in frame["indikator"]],
        t("kinerja.k_tahun", lang): frame["tahun"].astype("int64"),
        t("kinerja.x_jenis", lang): [t(f"kinerja.jenis_{j}", lang) for j in frame["jenis"]],
        t("kinerja.k_target", lang): frame["target"].astype("float64"),
        t("kinerja.k_realisasi", lang): frame["realisasi"].astype("float64"),
        t("kinerja.k_capaian", lang): frame["capaian"].astype("float64").round(1),
        t("kinerja.k_predikat", lang): [None if p is None or pd.isna(p) else t(f"kinerja.{p}", lang)
                                        for p in frame["predikat"]],
        t("kinerja.x_dasar", lang): [None if pd.isna(y) else f"{int(y)}: {fmt.number(v, 2, lang)}"
                                     for y, v in zip(frame["dasar_tahun"], frame["dasar_nilai"], strict=True)],
    })


def judged_rows(frame: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """The rows a slide shows: the target years up to the data year (they have a realisation to judge); when the
    document lies ahead, its first target year."""
    done = frame.loc[frame["tahun"] <= tahun]
    if len(done) or frame.empty:
        return done.reset_index(drop=True)
    return frame.loc[frame["tahun"] == frame["tahun"].min()].reset_index(drop=True)


def xlsx(an: Analysis, dokumen: str, kode: str, lang: str = "id", sumber: str = "") -> bytes:
    """The workbook an official files: every indicator the document sets for the area, and the rules with the
    data's source line and the document's (and what to check in it)."""
    t = i18n.t
    frame = export_frame(performance_all(an, dokumen, kode), dokumen, an.nama(kode, lang), lang)
    note = note_of(an.data.target, dokumen, max(an.data.tahun), lang)
    rules = pd.concat([method_rows(lang), pd.DataFrame({t("kinerja.x_aturan", lang): [x for x in (note, sumber)
                                                                                        if x]})],
                      ignore_index=True)
    return exports.to_xlsx({t("kinerja.lembar", lang): frame, t("kinerja.lembar_aturan", lang): rules})


def method_rows(lang: str = "id") -> pd.DataFrame:
    """How the table is computed, for the file's second sheet and the Metodologi page."""
    t = i18n.t
    return pd.DataFrame({t("kinerja.x_aturan", lang): [t("kinerja.rumus_naik", lang), t("kinerja.rumus_turun", lang),
                                                       t("kinerja.rumus_predikat", lang)]})
