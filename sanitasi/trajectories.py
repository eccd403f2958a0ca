"""An area's path toward a target: the observed series, the JMP trend and its projection, the target path from
the baseline, the facts a presenter reads out, and every kecamatan's series ordered by status."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sanitasi import facts, fmt, i18n, indicators, lineage, progress, sources, targets
from sanitasi.analysis import KABUPATEN, Analysis, series
from sanitasi.cards import headline, pace_text, rate_text, year_text
from sanitasi.documents import applicable
from sanitasi.progress import Status, status_label


@dataclass(frozen=True)
class Trajectory:
    kode: str
    nama: str
    indikator: str
    observed: pd.DataFrame  # tahun, nilai, sebanding
    trend: pd.DataFrame  # tahun, nilai (OLS over the window, then projected to the target year)
    path: pd.DataFrame  # tahun, nilai, jenis (target path from the baseline)
    target: tuple[int, float] | None
    assessment: progress.Assessment | None
    status: str
    facts: list[tuple[str, str]] = field(default_factory=list)  # (label, value) a presenter reads out
    kalimat: str = ""
    catatan: str = ""  # e.g. "on 2020 boundaries Kusan Tengah is part of Kusan Hilir"
    sumber: str = ""  # the source of the observed series
    ilustratif: bool = False  # does the observed series draw on illustrative rows?
    # other series of the same indicator drawn beside it for comparison (the kabupaten only): the other district
    # series, Indonesia and Kalimantan Selatan as published: `tahun, nilai, label, sumber`
    pembanding: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["tahun", "nilai", "label",
                                                                                   "sumber"]))


def trajectory(an: Analysis, kode: str, indikator: str, dokumen: str, lang: str = "id",
               basis: str = "kini", window: int = progress.DEFAULT_WINDOW, seri: str | None = None) -> Trajectory:
    ind = indicators.get(indikator)
    catatan = ""
    if basis != "kini" and kode != KABUPATEN:
        holder = lineage.ancestor_on(an.data.wilayah, int(basis))[kode]
        if holder != kode:
            catatan = i18n.t("lintasan.anak_lama", lang, nama=an.data.nama(kode), induk=an.data.nama(holder),
                             tahun=basis)
            kode = holder
    obs = series(an, kode, indikator, basis, seri)
    comp = obs.loc[obs["sebanding"]]
    doc = applicable(an.data.target, dokumen, indikator)  # the chosen document, or the kabupaten's own twin
    rows = targets.rows_for(an.data.target, doc, indikator, kode) if doc else an.data.target.iloc[0:0]
    tgt = None if rows.empty else (int(rows["tahun"].iloc[-1]), float(rows["nilai"].iloc[-1]))
    if tgt is None or comp.empty:
        a = None
        status = "tanpa_target" if tgt is None else Status.DATA_KURANG.value
    else:
        a = progress.assess(comp["tahun"], comp["nilai"], target=tgt[1], target_year=tgt[0],
                            direction=ind.arah, window=window, bounds=ind.batas)
        status = a.status.value
    until = an.tahun
    if tgt is not None and tgt[0] > an.tahun:
        until = tgt[0]
    elif a is not None and a.estimated_year is not None:
        until = min(a.estimated_year, an.tahun + 10)  # a passed target: show when the trend gets there
    trend = progress.trend_line(comp["tahun"], comp["nilai"], window=window, until=until, bounds=ind.batas)
    path = pd.DataFrame(columns=["tahun", "nilai", "jenis"])
    if tgt is not None and not comp.empty:
        b_year = targets.baseline_year(rows, comp["tahun"].tolist())
        b_value = float(comp.loc[comp["tahun"] == b_year, "nilai"].iloc[0])
        path = targets.target_path((b_year, b_value), rows)
    facts = _facts(a, tgt, ind, lang) if a is not None else []
    kalimat = headline(an, dokumen, indikator, lang, kode, seri) if basis == "kini" or kode == KABUPATEN else ""
    source, illustrative = observed_source(an, kode, indikator, seri, lang)
    others = comparisons(an, indikator, seri, lang) if kode == KABUPATEN else None
    return Trajectory(kode, an.nama(kode, lang), indikator, obs, trend, path, tgt, a, status, facts, kalimat, catatan,
                      source, illustrative, *([others] if others is not None else []))


def observed_source(an: Analysis, kode: str, indikator: str, seri: str | None, lang: str) -> tuple[str, bool]:
    """The source of an area's observed series (the district series shown, or the sources of its rows), and
    whether any of those rows is illustrative."""
    ind = indicators.get(indikator)
    if kode == KABUPATEN and ind.tabel == "akses" and an.district(seri) != sources.REKAP:
        chosen = an.district(seri)
        return sources.label(chosen, lang), chosen == sources.ILLUSTRATIVE
    rows = an.rows(ind.tabel)
    if kode != KABUPATEN and "kode_wilayah" in rows.columns:
        rows = rows.loc[rows["kode_wilayah"] == kode]
    given = list(dict.fromkeys(rows.get("sumber", pd.Series(dtype=str)).dropna().astype(str)))
    names = ", ".join(sources.label(g, lang) for g in given) or i18n.t("sumber.tidak_disebut", lang)
    if given == [sources.ILLUSTRATIVE]:
        return "", True  # illustrative data only: the plain illustrative source line says it all
    if kode == KABUPATEN and ind.tabel == "akses":
        names = sources.label(sources.REKAP, lang, tuple(given))
    return names, sources.ILLUSTRATIVE in given


def comparisons(an: Analysis, indikator: str, seri: str | None, lang: str) -> pd.DataFrame:
    """What the district series is drawn beside: the other district series of the indicator (the roll-up or a
    published one) and Indonesia and Kalimantan Selatan as published (sanitasi.facts), each labelled with its
    source. Never blended: separate lines."""
    ind = indicators.get(indikator)
    parts = []
    if ind.tabel == "akses":
        chosen = an.district(seri)
        for other in sources.names(an.seri):
            if other == chosen:
                continue
            frame = an.kab if other == sources.REKAP else an.seri[other]
            if ind.kolom not in frame.columns or frame[ind.kolom].isna().all():
                continue
            rows = frame.loc[frame[ind.kolom].notna()]
            name = sources.label(other, lang, sources.rekap_sources(an.akses_kec) if other == sources.REKAP else ())
            parts.append(pd.DataFrame({"tahun": rows["tahun"].astype(int).to_numpy(),
                                       "nilai": rows[ind.kolom].astype(float).to_numpy(),
                                       "label": i18n.t("lintasan.seri_kabupaten", lang, sumber=name),
                                       "sumber": name}))
    if an.data.fakta is not None:  # Indonesia and the province (access); Tanah Bumbu's own SIPSN points (waste)
        ref = pd.concat([facts.reference(an.data.fakta, indikator, lang), facts.waste(an.data.fakta, indikator, lang)])
        ref = ref.loc[ref["tahun"] <= an.tahun]
        if len(ref):
            parts.append(ref[["tahun", "nilai", "label", "sumber"]])
    if not parts:
        return pd.DataFrame(columns=["tahun", "nilai", "label", "sumber"])
    return pd.concat(parts, ignore_index=True)


def _facts(a: progress.Assessment, tgt: tuple[int, float], ind: indicators.Indicator,
           lang: str) -> list[tuple[str, str]]:
    t = i18n.t
    est = fmt.MISSING if a.estimated_year is None else year_text(a.estimated_year, lang)
    if a.estimated_year is None and a.status not in (Status.TERCAPAI, Status.DATA_KURANG):
        est = t("fakta.tidak_tercapai_laju", lang)
    judged = []
    if a.judged_year is not None and a.judged_year != a.latest_year:
        # the status speaks of the target year: its value, beside the latest
        judged = [(t("fakta.dinilai", lang), f"{ind.teks(a.judged_value, lang)} ({a.judged_year})")]
    # a dash says why it stands: the target year has passed (nothing left to pace or project), or too few years
    why = t("fakta.sudah_lewat" if a.latest_year is not None and tgt[0] <= a.latest_year else "fakta.data_kurang",
            lang)

    def said(text: str) -> str:
        return f"{fmt.MISSING} ({why})" if text == fmt.MISSING else text

    return [
        (t("fakta.terakhir", lang), f"{ind.teks(a.latest_value, lang)} ({fmt.year(a.latest_year)})"),
        *judged,
        (t("fakta.target", lang), f"{ind.teks(tgt[1], lang)} ({tgt[0]})"),
        (t("fakta.laju_kini", lang), said(pace_text(ind, a.current_rate, lang))),
        (t("fakta.laju_perlu", lang), said(rate_text(ind, a.required_rate, lang))),
        (t("fakta.rasio", lang), said(fmt.ratio(a.ratio, lang))),
        (t("fakta.proyeksi", lang, tahun=tgt[0]), said(ind.teks(a.projected_value, lang))),
        (t("fakta.perkiraan", lang), said(est)),
    ]


def small_multiples(an: Analysis, indikator: str, dokumen: str, lang: str = "id", basis: str = "kini"
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Observed series of every kecamatan, ordered by status (worst first) then by gap.

    Returns (series, order): `series` has `kode, nama, judul, tahun, nilai, sebanding`; `order` has
    `kode, judul, status, urutan`. Titles carry the status so the order reads without a legend.
    """
    ind = indicators.get(indikator)
    doc = applicable(an.data.target, dokumen, indikator)
    f = lineage.on_basis(an.rows(ind.tabel), an.data.wilayah, basis)
    names = an.data.names
    rows = []
    for kode, g in f.groupby("kode_wilayah", sort=True):
        comp = g.loc[g["sebanding"]]
        r = targets.rows_for(an.data.target, doc, indikator, kode) if doc else an.data.target.iloc[0:0]
        a = None
        if not r.empty and not comp.empty:
            a = progress.assess(comp["tahun"], comp[ind.kolom], target=float(r["nilai"].iloc[-1]),
                                target_year=int(r["tahun"].iloc[-1]), direction=ind.arah, bounds=ind.batas)
        st = a.status.value if a else "tanpa_target"
        gap = ind.arah * (float(comp[ind.kolom].iloc[-1]) - float(r["nilai"].iloc[-1])) if (
            a and not comp.empty) else 0.0
        rows.append({"kode": kode, "status": st, "rank": progress.rank(st) if a else -1, "gap": gap,
                     "judul": f"{names[kode]} · {status_label(st, lang)}"})
    order = pd.DataFrame(rows).sort_values(["rank", "gap"], kind="stable").reset_index(drop=True)
    order = order.assign(urutan=np.arange(len(order)))
    s = (f[["kode_wilayah", "tahun", ind.kolom, "sebanding"]]
         .rename(columns={"kode_wilayah": "kode", ind.kolom: "nilai"})
         .merge(order[["kode", "judul", "status"]], on="kode"))
    return s.assign(nama=s["kode"].map(names)), order

