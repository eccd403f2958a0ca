"""Lintasan target: an area's observed values, the trend and its projection, the target path, the facts a presenter
reads out; below, every kecamatan's series ordered by status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sanitasi import charts, i18n, indicators, targets
from sanitasi.analysis import KABUPATEN, Analysis
from sanitasi.documents import final_target, trajectory_indicators
from sanitasi.trajectories import Trajectory, small_multiples, trajectory
from sanitasi.views.display import Figure, source_line

BASES = ("kini", "2020")  # today's 12 kecamatan, or the 10 of before the 2021 split


@dataclass(frozen=True)
class Settings:
    indikator: str
    dokumen: str
    kode: str | None = None  # a kecamatan or the district (KABUPATEN); None: the district
    basis: str = "kini"  # one of BASES
    lang: str = "id"


@dataclass(frozen=True)
class Lintasan:
    catatan: str  # "on 2020 boundaries X is part of Y: Y is shown" ('' otherwise)
    lintasan: Figure
    catatan_lama: str  # the hollow points explained, when the series has years before the split ('' otherwise)
    status: str  # status code, for the badge
    kalimat: str  # the sentence a presenter reads out ('' on old boundaries for a kecamatan)
    fakta: tuple[tuple[str, str], ...]  # (label, value): latest, target, pace now and needed, ...
    semua_judul: str
    semua_bantuan: str
    semua: Figure | None  # every kecamatan's series; None for an indicator measured for the district only


def options(an: Analysis, dokumen: str) -> list[str]:
    """The indicators the document sets targets for (headline first), or the headline ones when it sets none."""
    return trajectory_indicators(an, dokumen)


def district_only(indikator: str) -> bool:
    """An indicator measured for the district as a whole (waste): no kecamatan to choose, no small multiples."""
    return indicators.get(indikator).tingkat == "kabupaten"


def view(an: Analysis, s: Settings) -> Lintasan:
    t, lang = i18n.t, s.lang
    ind = indicators.get(s.indikator)
    kode = KABUPATEN if s.kode is None or district_only(s.indikator) else s.kode
    tr = trajectory(an, kode, s.indikator, s.dokumen, lang, basis=s.basis)
    src = source_line(an.data, ind.tabel, lang=lang)  # ILLUSTRATIVE as long as this indicator's table is
    chart = trajectory_chart(tr, title=t("lintasan.judul_grafik", lang, indikator=ind.label(lang), wilayah=tr.nama),
                             source=src, lang=lang)
    semua = None
    if not district_only(s.indikator):
        semua = Figure(all_kecamatan(an, s.indikator, s.dokumen, s.basis, lang=lang, source=src,
                                     title=t("lintasan.semua_grafik", lang, indikator=ind.label(lang))),
                       f"lintasan_semua_{s.indikator}")
    return Lintasan(
        catatan=tr.catatan,
        lintasan=Figure(chart, f"lintasan_{s.indikator}_{tr.kode}"),
        catatan_lama="" if tr.observed["sebanding"].all() else t("lintasan.catatan_lama", lang),
        status=tr.status,
        kalimat=tr.kalimat,
        fakta=tuple(tr.facts),
        semua_judul=t("lintasan.semua_judul", lang, indikator=ind.label(lang)),
        semua_bantuan=t("lintasan.semua_bantuan", lang, dokumen=s.dokumen),
        semua=semua,
    )


def trajectory_chart(tr: Trajectory, *, title: str, source: str, lang: str, height: int = 360) -> Any:
    """Observed values, the trend and its projection, the target path and the target of one trajectory."""
    return charts.trajectory(tr.observed, tr.trend, tr.path, tr.target, title=title, source=source, lang=lang,
                             height=height, indikator=tr.indikator)


def all_kecamatan(an: Analysis, indikator: str, dokumen: str, basis: str, *, title: str, source: str,
                  lang: str) -> Any:
    """Every kecamatan's series, worst status first; the district's final target as a dashed rule when the
    target holds for each kecamatan too."""
    frame, order = small_multiples(an, indikator, dokumen, lang, basis=basis)
    tgt = final_target(an, dokumen, indikator)
    return charts.small_multiples(frame, order, tgt[1] if tgt and targets.shared_down(indikator) else None,
                                  title=title, source=source, lang=lang, indikator=indikator)
