"""Lintasan target: an area's observed values, the trend and its projection, the target path, the facts a presenter
reads out; below, every kecamatan's series ordered by status."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from sanitasi import charts, i18n, indicators, kinerja, targets
from sanitasi.analysis import KABUPATEN, Analysis
from sanitasi.documents import final_target, note_of, trajectory_indicators
from sanitasi.trajectories import Trajectory, small_multiples, trajectory
from sanitasi.views.display import Figure, Table, source_line

BASES = ("kini", "2020")  # today's 12 kecamatan, or the 10 of before the 2021 split


@dataclass(frozen=True)
class Settings:
    indikator: str
    dokumen: str
    kode: str | None = None  # a kecamatan or the district (KABUPATEN); None: the district
    basis: str = "kini"  # one of BASES
    lang: str = "id"
    seri: str | None = None  # the district series (sanitasi.sources); None: the official one when loaded


@dataclass(frozen=True)
class Lintasan:
    catatan: str  # "on 2020 boundaries X is part of Y: Y is shown" ('' otherwise)
    lintasan: Figure
    catatan_lama: str  # the hollow points explained, when the series has years before the split ('' otherwise)
    status: str  # status code, for the badge
    kalimat: str  # the sentence a presenter reads out ('' on old boundaries for a kecamatan)
    fakta: tuple[tuple[str, str], ...]  # (label, value): latest, target, pace now and needed, ...
    wilayah: str  # the area shown ("Kabupaten Tanah Bumbu", "Satui"): its tab's name beside every kecamatan's
    semua_judul: str
    semua_bantuan: str
    semua: Figure | None  # every kecamatan's series; None for an indicator measured for the district only
    kinerja_judul: str = ""
    kinerja_bantuan: str = ""
    kinerja: Table | None = None  # the yearly targets judged (SAKIP shape); None: the document sets none
    kinerja_catatan: str = ""  # the document's note (source, what to check) and the rules
    kinerja_xlsx: Any = None  # () -> bytes: every indicator the document sets for this area, as XLSX
    kinerja_nama: str = ""
    sumber: str = ""  # the observed series' source line, under the facts


def options(an: Analysis, dokumen: str) -> list[str]:
    """The indicators the document sets targets for (headline first), or the headline ones when it sets none."""
    return trajectory_indicators(an, dokumen)


def district_only(indikator: str) -> bool:
    """An indicator measured for the district as a whole (waste): no kecamatan to choose, no small multiples."""
    return indicators.get(indikator).tingkat == "kabupaten"


def other_indicators(s: Settings, choices: list[str]) -> list[Settings]:
    """The same view for each other indicator on offer, as choosing it would ask for it (an indicator of the district
    alone drops the kecamatan): what the page builds ahead, so a change of indicator finds it ready."""
    return [replace(s, indikator=i, kode=None if district_only(i) else s.kode) for i in choices if i != s.indikator]


def view(an: Analysis, s: Settings) -> Lintasan:
    t, lang = i18n.t, s.lang
    ind = indicators.get(s.indikator)
    kode = KABUPATEN if s.kode is None or district_only(s.indikator) else s.kode
    tr = trajectory(an, kode, s.indikator, s.dokumen, lang, basis=s.basis, seri=s.seri)
    src = source_line(an.data, ind.tabel, lang=lang)  # ILLUSTRATIVE as long as this indicator's table is
    lines = trajectory_sources(an, tr, lang)
    chart = trajectory_chart(tr, title=t("lintasan.judul_grafik", lang, indikator=ind.label(lang), wilayah=tr.nama),
                             source=lines, lang=lang)
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
        wilayah=t("lintasan.tab_wilayah", lang, wilayah=tr.nama),
        semua_judul=t("lintasan.semua_judul", lang, indikator=ind.label(lang)),
        semua_bantuan=t("lintasan.semua_bantuan", lang, dokumen=s.dokumen),
        semua=semua,
        sumber=lines[0],  # the observed series' source: under the facts beside the chart
        **yearly_targets(an, s.dokumen, s.indikator, kode, lang, lines[0]),
    )


PERFORMANCE_TABLES = ("akses", "stbm", "sampah", "drainase")  # what the workbook's indicators are read from


def yearly_targets(an: Analysis, dokumen: str, indikator: str, kode: str, lang: str = "id", source: str = ""
                   ) -> dict:
    """The performance table of one indicator for one area (`sanitasi.kinerja`), and the workbook of all the
    document's indicators for it."""
    t = i18n.t
    perf = kinerja.performance(an, dokumen, indikator, kode)
    note = " ".join(x for x in (note_of(an.data.target, dokumen, max(an.data.tahun), lang),
                                *kinerja.method_rows(lang).iloc[:, 0]) if x)
    return dict(
        kinerja_judul=t("kinerja.judul", lang, dokumen=dokumen),
        kinerja_bantuan=(t("kinerja.bantuan", lang, wilayah=an.nama(kode, lang)) if len(perf) else
                         t("kinerja.kosong", lang, dokumen=dokumen, indikator=indicators.get(indikator).kata(lang))),
        kinerja=Table(kinerja.display(perf, lang, with_indicator=False), None, source) if len(perf) else None,
        kinerja_catatan=note,
        kinerja_xlsx=partial(kinerja.xlsx, an, dokumen, kode, lang, source_line(an.data, *PERFORMANCE_TABLES,
                                                                                  lang=lang)),
        kinerja_nama=f"kinerja_{kode}_{an.tahun}.xlsx",
    )


def trajectory_chart(tr: Trajectory, *, title: str, source: str | list[str], lang: str, height: int = 360) -> Any:
    """Observed values, the trend and its projection, the target path and the target of one trajectory, and the
    series it is compared with (the kabupaten's: other district series, Indonesia, Kalimantan Selatan)."""
    return charts.trajectory(tr.observed, tr.trend, tr.path, tr.target, title=title, source=source, lang=lang,
                             height=height, indikator=tr.indikator, pembanding=tr.pembanding)


def trajectory_sources(an: Analysis, tr: Trajectory, lang: str) -> list[str]:
    """The chart's source lines: the observed series named (ILLUSTRATIVE when it is), then what it is compared
    with, named too."""
    ind = indicators.get(tr.indikator)
    lines = [source_line(an.data, ind.tabel, lang=lang, names=tr.sumber, illustrative=tr.ilustratif)]
    if len(tr.pembanding):
        names = ", ".join(dict.fromkeys(tr.pembanding["label"]))
        lines.append(i18n.t("lintasan.pembanding", lang, sumber=names))
    return lines


def all_kecamatan(an: Analysis, indikator: str, dokumen: str, basis: str, *, title: str, source: str,
                  lang: str, columns: int = 4) -> Any:
    """Every kecamatan's series, worst status first; the district's final target as a dashed rule when the
    target holds for each kecamatan too."""
    frame, order = small_multiples(an, indikator, dokumen, lang, basis=basis)
    tgt = final_target(an, dokumen, indikator)
    return charts.small_multiples(frame, order, tgt[1] if tgt and targets.shared_down(indikator) else None,
                                  title=title, source=source, lang=lang, indikator=indikator, columns=columns)
