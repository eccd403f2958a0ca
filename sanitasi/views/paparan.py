"""Paparan: the coaching-clinic sequence, one message per slide, built from the pages' own views so a slide and
its page can never disagree; the same slides make the .pptx deck, and the A3 map comes with them.

overview -> map -> trajectory of the district -> the document's yearly targets judged -> kecamatan behind target
-> needs -> the SSK programme against the need (households and money per year and source) -> the rest of the
strategy (ODF villages, waste, standing water) -> next steps -> open commitments (-> methods and sources, in the deck).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

import pandas as pd

from sanitasi import deck, fmt, i18n, indicators, kinerja, programme, progress
from sanitasi.analysis import KABUPATEN, Analysis
from sanitasi.cards import headline
from sanitasi.documents import default_reach_year, final_target, note_of
from sanitasi.kinds import page_kinds
from sanitasi.maps import map_values, ranked
from sanitasi.progress import Status
from sanitasi.trajectories import trajectory
from sanitasi.views import kebutuhan, komitmen, lintasan_target, peta, program_ssk, ringkasan
from sanitasi.views.display import Figure, imported_texts, source_line

# px, before presentation mode scales the chart with its type (ui: charts.PRESENTATION_SCALE): with the banner, the
# title, the message and the chart's own title and legend, a slide fits a 1024x768 projector without scrolling
CHART_HEIGHT = 150
BEHIND = (Status.PERLU_PERCEPATAN, Status.LAMBAT, Status.MEMBURUK, Status.TIDAK_TERCAPAI)


@dataclass(frozen=True)
class Settings:
    """What the presenter chose: target document, indicator, the year to reach the target by; and the day (the
    commitments slide says which are late)."""

    dokumen: str
    indikator: str
    tahun_capai: int
    today: str  # ISO date
    lang: str = "id"
    seri: str | None = None  # the district series (sanitasi.sources); None: the official one when loaded
    porsi_baru: float | None = None  # the growth assumption set on Kebutuhan (% of new households); None = default


@dataclass(frozen=True)
class Slide:
    kunci: str
    judul: str
    pesan: str
    poin: tuple[str, ...] = ()
    grafik: Figure | None = None
    tabel: pd.DataFrame | None = None
    sumber: str = ""
    catatan: str = ""  # a note under the chart

    @property
    def ada_tabel(self) -> bool:
        return self.tabel is not None and len(self.tabel) > 0

    @property
    def sisi(self) -> bool:
        """Does the slide have points or a table to show beside (or instead of) its chart?"""
        return bool(self.poin) or self.ada_tabel


@dataclass(frozen=True)
class Options:
    indikator: list[str]  # the indicators the document sets headline targets for (or all headline ones)
    tahun: list[int]  # the years a plan may aim at


@dataclass(frozen=True, eq=False)
class Paparan:
    slides: tuple[Slide, ...]
    pptx: Any  # () -> bytes: the deck, made when the download is clicked
    pptx_nama: str
    a3: Any  # () -> bytes: the A3 map as PDF, made when clicked
    a3_nama: str


def today() -> str:
    """Today's date (ISO) for the settings: the commitments slide's "late" is counted from it."""
    return komitmen.today()


def options(an: Analysis, dokumen: str) -> Options:
    return Options(kebutuhan.indicator_choices(an, dokumen), kebutuhan.reach_years(an))


def default_year(an: Analysis, dokumen: str, indikator: str) -> int:
    """The year the needs slides plan for until the presenter picks one: the document's target year while it is
    ahead, else five years on."""
    return default_reach_year(an, dokumen, indikator)


def view(an: Analysis, s: Settings) -> Paparan:
    source = source_line(an.data, *page_kinds()["paparan"], lang=s.lang)
    slides = build(an, s, source)
    cover = deck.Cover(
        dokumen=s.dokumen, tahun=an.tahun, versi=an.data.versi, ilustratif=an.data.ilustratif, lang=s.lang)
    pages = [deck.Page(sl.judul, sl.pesan, sl.poin, sl.grafik.chart if sl.grafik else None, sl.tabel, sl.sumber,
                       sl.catatan) for sl in slides]
    return Paparan(
        slides=tuple(slides),
        pptx=partial(deck.build_deck, pages, cover),
        pptx_nama=f"paparan_sanitasi_{an.tahun}.pptx",
        a3=partial(deck.map_a3, an, s.indikator, s.dokumen, s.lang, source),
        a3_nama=f"peta_{s.indikator}_{an.tahun}_A3.pdf",
    )


def _target_text(an: Analysis, s: Settings) -> str:
    f = final_target(an, s.dokumen, s.indikator)
    if f is None:
        return i18n.t("status.tanpa_target", s.lang)
    return f"{fmt.pct(f[1], 0 if f[1] == int(f[1]) else 1, s.lang)} ({f[0]})"


def lagging(vals: pd.DataFrame) -> pd.Series:
    """Which map rows are behind: not on track for the target, or a passed target missed and still unmet (a
    kecamatan that missed the 2024 target but meets it since 2025 is not behind)."""
    return vals["status"].isin([b.value for b in BEHIND]) & vals["sejak"].isna()


def met(vals: pd.DataFrame) -> pd.Series:
    """Which map rows meet the target now: achieved (and not fallen back since), or met again since a year."""
    return ((vals["status"] == Status.TERCAPAI.value) & (vals["selisih"] >= 0)) | vals["sejak"].notna()


def behind(an: Analysis, s: Settings, needs: kebutuhan.Needs) -> pd.DataFrame:
    """Kecamatan not on track for the document's target, worst first, with what they need a year."""
    t = i18n.t
    ind = indicators.get(s.indikator)
    vals = map_values(an, s.indikator, s.dokumen, s.lang)
    vals = vals.loc[lagging(vals)].copy()
    per_year = dict(zip(needs.table["kode_wilayah"], needs.table["per_tahun"], strict=True))
    vals["rank"] = vals["status"].map(progress.rank)
    vals["per_tahun"] = vals["kode"].map(per_year)
    vals = vals.sort_values(["rank", "selisih"], kind="stable")
    return pd.DataFrame({
        t("tabel.kecamatan", s.lang): vals["nama"].to_numpy(),
        ind.label(s.lang): vals["nilai_teks"].to_numpy(),
        t("grafik.selisih", s.lang): vals["selisih_teks"].to_numpy(),
        t("tabel.status", s.lang): vals["status_lengkap"].to_numpy(),
        t("paparan.kk_per_tahun", s.lang, tahun=s.tahun_capai): [fmt.number(v, 0, s.lang) for v in vals["per_tahun"]],
    })


def build(an: Analysis, s: Settings, source: str) -> list[Slide]:
    """The whole sequence for one setting."""
    t, lang = i18n.t, s.lang
    plain = partial(deck.plain, keep=imported_texts(an.data))  # imported names keep their asterisks
    ind = indicators.get(s.indikator)
    label = ind.label(lang)
    overview = ringkasan.view(an, ringkasan.Settings(dokumen=s.dokumen, lang=lang, seri=s.seri))
    plan = kebutuhan.view(an, kebutuhan.Settings(dokumen=s.dokumen, indikator=s.indikator,
                                                 tahun_capai=s.tahun_capai, porsi_baru=s.porsi_baru, lang=lang))
    needs = plan.kebutuhan
    out: list[Slide] = []

    # 1. overview
    out.append(Slide(
        "ringkasan", t("paparan.s1_judul", lang, tahun=an.tahun, dokumen=s.dokumen),
        headline(an, s.dokumen, s.indikator, lang, seri=s.seri),
        tuple(f"{c.judul}: {c.nilai} · {c.status_label} · {plain(c.target)}" for c in overview.kartu),
        Figure(overview.tangga.chart.properties(height=CHART_HEIGHT), "paparan_ringkasan"), sumber=source))

    # 1b. the regency's figure by source: the clinic's first sentence
    if overview.banding:
        out.append(Slide("banding", t("paparan.sb_judul", lang), " ".join(overview.banding), (), None,
                         overview.banding_tabel, source))
    else:
        out.append(Slide("banding", t("paparan.sb_judul", lang), overview.banding_catatan, overview.rujukan, None, None,
                         source))

    # 2. map
    vals = map_values(an, s.indikator, s.dokumen, lang)
    short = vals.loc[vals["selisih"] < 0]
    worst = ranked(vals, s.indikator).iloc[::-1].head(2)  # furthest from the target in its direction
    lowest = ", ".join(f"{r.nama} ({r.nilai_teks})" for r in worst.itertuples())
    message = t("paparan.s2_pesan", lang, n=len(short), dari=len(vals), indikator=ind.kata(lang),
                target=_target_text(an, s), terendah=lowest)
    area = peta.area_map(an, vals, s.indikator, mode="nilai", layout="wilayah", selected=None,
                         title=t("peta.judul_grafik", lang, indikator=label, tahun=an.tahun), source=source,
                         lang=lang, height=CHART_HEIGHT + 60)
    out.append(Slide("peta", t("paparan.s2_judul", lang, indikator=label, tahun=an.tahun), message, (),
                     Figure(area, "paparan_peta"), sumber=source))

    # 3. district trajectory
    path = lintasan_target.view(an, lintasan_target.Settings(indikator=s.indikator, dokumen=s.dokumen, lang=lang,
                                                             seri=s.seri))
    tr = trajectory(an, KABUPATEN, s.indikator, s.dokumen, lang, seri=s.seri)
    chart = lintasan_target.trajectory_chart(
        tr, title=t("lintasan.judul_grafik", lang, indikator=label, wilayah=tr.nama),
        source=lintasan_target.trajectory_sources(an, tr, lang), lang=lang, height=CHART_HEIGHT)
    out.append(Slide("lintasan", t("paparan.s3_judul", lang, indikator=label), path.kalimat,
                     tuple(f"{k}: {v}" for k, v in path.fakta if v != fmt.MISSING),
                     Figure(chart, "paparan_lintasan"), sumber=source))

    # 3b. the document's yearly targets judged (SAKIP/e-Monev): what the agencies report against
    perf = kinerja.judged_rows(kinerja.performance_all(an, s.dokumen, KABUPATEN), an.tahun)
    if len(perf):
        # the document's note (its source, what to check) goes with its targets
        message = " ".join([t("kinerja.s_pesan", lang, dokumen=s.dokumen),
                            note_of(an.data.target, s.dokumen, max(an.data.tahun), lang)]).strip()
        out.append(Slide("kinerja", t("kinerja.s_judul", lang, dokumen=s.dokumen), message, (), None,
                         kinerja.display(perf, lang), source))

    # 4. kecamatan behind target: the table is the message (who, how far, how many households a year)
    table = behind(an, s, needs)
    message = (t("paparan.s4_pesan", lang, n=len(table), dari=len(vals), dokumen=s.dokumen) if len(table)
               else t("paparan.s4_semua", lang, dokumen=s.dokumen))
    again = vals.loc[vals["sejak"].notna()]
    if len(again):
        message += " " + t("paparan.s4_sejak", lang, kecamatan=", ".join(
            f"{r.nama} ({r.status_lengkap})" for r in again.itertuples()))
    out.append(Slide("tertinggal", t("paparan.s4_judul", lang), message, (), None, table, source))

    # 5. needs and cost
    yearly = kebutuhan.yearly(needs, lang=lang)
    out.append(Slide(
        # the page's whole summary is a paragraph: on the projector its one sentence, the figures beside the chart
        "kebutuhan", t("paparan.s5_judul", lang, tahun=s.tahun_capai),
        needs_sentence(s, needs) or plain(needs.ringkasan),
        tuple(f"{k}: {v}" for k, v in needs.metrics),
        Figure(plan.tahunan.chart.properties(height=CHART_HEIGHT), "paparan_kebutuhan") if len(yearly) else None,
        sumber=source_line(an.data, "akses", "biaya", lang=lang)))  # households and money: what it draws on

    # 5b. the SSK programme against the need: what the plan reaches, the money missing per year and source
    if an.data.ssk is not None and len(an.data.ssk) and s.indikator in programme.ACCESS:
        out.extend(programme_slides(an, s))

    # 6. the rest of the strategy: ODF villages, waste, standing water, each against its own target
    others = overview.lainnya
    if others:
        tb = pd.DataFrame({t("tabel.indikator", lang): [c.judul for c in others],
                           t("fakta.terakhir", lang): [c.nilai for c in others],
                           t("tabel.target", lang): [plain(c.target) for c in others],
                           t("tabel.status", lang): [c.status_label for c in others]})
        out.append(Slide("lainnya", t("paparan.s7_judul", lang), t("paparan.s7_pesan", lang), (), None, tb, source))

    # 7. next steps
    out.append(Slide("langkah", t("paparan.s6_judul", lang), t("paparan.s6_pesan", lang),
                     tuple(next_steps(an, s, needs, vals)), sumber=source))

    # 8. open commitments: the next clinic starts from them
    com = komitmen.commitments(an, lang, s.today)
    if len(com):
        n = komitmen.counts(com)
        message = (t("paparan.s8_pesan", lang, n=n.terbuka, terlambat=n.terlambat) if n.terbuka
                   else t("paparan.s8_kosong", lang))
        out.append(Slide("komitmen", t("paparan.s8_judul", lang), message, (), None,
                         komitmen.display(com, lang, open_only=True), source))
    return out


def needs_sentence(s: Settings, needs: kebutuhan.Needs) -> str | None:
    """The needs in one sentence (households and money a year, backlog and growth), or None when nothing is needed:
    the needs slide's message and the first next step."""
    g = needs.gap
    if not (needs.total_kk > 0 and needs.total_per_tahun == needs.total_per_tahun):
        return None
    return i18n.t("paparan.l_kabupaten", s.lang, kk=fmt.kk(needs.total_per_tahun, s.lang), tahun=s.tahun_capai,
                  biaya=fmt.rupiah(needs.total_per_tahun * needs.biaya_per_kk, s.lang),
                  tanda=kebutuhan.cost_mark(needs.biaya_ilustratif, s.lang),
                  backlog=fmt.kk(g.backlog_kecamatan, s.lang),
                  pertumbuhan=fmt.kk(g.pertumbuhan_kecamatan, s.lang),
                  backlog_kabupaten=fmt.kk(g.backlog_kabupaten, s.lang))


def programme_slides(an: Analysis, s: Settings) -> list[Slide]:
    """The Program SSK page's numbers on two slides: the district (its sentence, the money per year by source with
    the gap, the year the target is reached if the plan is carried out), then each kecamatan (households and money
    a year needed, planned and short, and its year), as the page's table shows them."""
    t, lang = i18n.t, s.lang
    r = program_ssk.view(an, program_ssk.Settings(dokumen=s.dokumen, indikator=s.indikator, tahun_capai=s.tahun_capai,
                                                  porsi_baru=s.porsi_baru, lang=lang))
    label = indicators.get(s.indikator).label(lang)
    plain = partial(deck.plain, keep=imported_texts(an.data))  # imported names keep their asterisks
    points = [*r.dana_ringkas, plain(r.capai_ringkas)]
    return [Slide("program", t("paparan.sp_judul", lang, indikator=label), plain(r.ringkasan), tuple(points),
                  Figure(r.dana.chart.properties(height=CHART_HEIGHT), "paparan_program"), sumber=r.sumber),
            Slide("program_kecamatan", t("paparan.sp_kecamatan_judul", lang, indikator=label),
                  plain(r.ringkasan_kecamatan), (), None, r.tabel_ringkas, r.sumber)]


def next_steps(an: Analysis, s: Settings, needs: kebutuhan.Needs, vals: pd.DataFrame) -> list[str]:
    """The points the clinic should leave with, written from the numbers."""
    t, lang = i18n.t, s.lang
    kec = needs.table.loc[(needs.table["kode_wilayah"] != KABUPATEN) & (needs.table["kesenjangan_kk"] > 0)]
    points = []
    sentence = needs_sentence(s, needs)
    if sentence:
        points.append(sentence)
    done = vals.loc[met(vals), "nama"].tolist()
    # a priority is short of the target now: never one that meets it (the closing slide cannot list one as both)
    top = kec.loc[~kec["kode_wilayah"].isin(vals.loc[met(vals), "kode"])].sort_values(
        "kesenjangan_kk", ascending=False).head(3)
    if len(top) and needs.total_kk:
        share = 100.0 * top["kesenjangan_kk"].sum() / needs.total_kk
        points.append(t("paparan.l_prioritas", lang, kecamatan=", ".join(top["nama"]), persen=fmt.pct(share, 0, lang)))
    worse = vals.loc[vals["status"] == Status.MEMBURUK.value, "nama"].tolist()
    if worse:
        points.append(t("paparan.l_memburuk", lang, kecamatan=", ".join(worse)))
    if done:
        points.append(t("paparan.l_tercapai", lang, kecamatan=", ".join(done)))
    points.append(t("paparan.l_peran", lang))
    if an.data.ilustratif:
        points.append(t("paparan.l_ilustratif", lang))
    elif needs.biaya_ilustratif:  # official access data, the bundled unit costs
        points.append(t("kebutuhan.biaya_ilustratif", lang))
    return points
