"""The coaching-clinic sequence: one message per slide, the same on the Paparan page and in the .pptx deck.

overview -> map -> trajectory of the district -> kecamatan behind target -> needs -> the rest of the
strategy (ODF villages, waste, standing water) -> next steps -> open commitments (-> methods and sources,
in the deck). Every slide is a finished value: a title, one message a
presenter reads out, a few points, and the chart or table that proves it, all computed by `views`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from sanitasi import charts, fmt, i18n, indicators, progress, targets, views
from sanitasi.progress import Status

CHART_HEIGHT = 340  # px: with the title and the message a slide fits a 1024x768 projector
BEHIND = (Status.PERLU_PERCEPATAN, Status.LAMBAT, Status.MEMBURUK, Status.TIDAK_TERCAPAI)


@dataclass(frozen=True)
class Slide:
    kunci: str
    judul: str
    pesan: str
    poin: list[str] = field(default_factory=list)
    chart: Any = None  # a finished alt chart, or None
    tabel: pd.DataFrame | None = None
    sumber: str = ""
    catatan: str = ""  # a note under the chart (e.g. schematic boundaries)


@dataclass(frozen=True)
class Setting:
    """What the presenter chose: target document, indicator, the year to reach the target by, language."""

    dokumen: str
    indikator: str
    tahun_capai: int
    lang: str = "id"


def _target_text(an: views.Analysis, s: Setting) -> str:
    f = targets.final(an.data.target, s.dokumen, s.indikator)
    if f is None:
        return i18n.t("status.tanpa_target", s.lang)
    return f"{fmt.pct(f[1], 0 if f[1] == int(f[1]) else 1, s.lang)} ({f[0]})"


def goal(an: views.Analysis, s: Setting) -> float:
    """The target value the needs slides plan for (the document's final one; 90/0 when it sets none)."""
    f = targets.final(an.data.target, s.dokumen, s.indikator)
    if f is not None:
        return f[1]
    return 90.0 if indicators.get(s.indikator).arah > 0 else 0.0


def behind(an: views.Analysis, s: Setting, needs: views.Needs) -> pd.DataFrame:
    """Kecamatan not on track for the document's target, worst first, with what they need a year."""
    t = i18n.t
    ind = indicators.get(s.indikator)
    vals = views.map_values(an, s.indikator, s.dokumen, s.lang)
    vals = vals.loc[vals["status"].isin([b.value for b in BEHIND])].copy()
    per_year = dict(zip(needs.table["kode_wilayah"], needs.table["per_tahun"], strict=True))
    vals["rank"] = vals["status"].map(progress.rank)
    vals["per_tahun"] = vals["kode"].map(per_year)
    vals = vals.sort_values(["rank", "selisih"], kind="stable")
    return pd.DataFrame({
        t("tabel.kecamatan", s.lang): vals["nama"].to_numpy(),
        ind.label(s.lang): vals["nilai_teks"].to_numpy(),
        t("grafik.selisih", s.lang): vals["selisih_teks"].to_numpy(),
        t("tabel.status", s.lang): vals["status_teks"].to_numpy(),
        t("paparan.kk_per_tahun", s.lang, tahun=s.tahun_capai): [fmt.number(v, 0, s.lang) for v in vals["per_tahun"]],
    })


def slides(an: views.Analysis, s: Setting, source: str) -> list[Slide]:
    """The whole sequence for one setting."""
    t = i18n.t
    lang = s.lang
    ind = indicators.get(s.indikator)
    label = ind.label(lang)
    target_value = goal(an, s)
    needs = views.needs_table(an, s.indikator, target_value, s.tahun_capai, an.data.biaya, lang)
    out: list[Slide] = []

    # 1. overview
    cards = views.cards(an, s.dokumen, lang)
    out.append(Slide(
        "ringkasan", t("paparan.s1_judul", lang, tahun=an.tahun, dokumen=s.dokumen),
        views.headline(an, s.dokumen, s.indikator, lang),
        [f"{c.judul}: {c.nilai} · {c.status_label} · {_plain(c.target)}" for c in cards],
        charts.ladder(views.ladder(an.kab, lang), title=t("ringkasan.tangga_judul", lang), source=source, lang=lang,
                      height=CHART_HEIGHT - 40),
        sumber=source))

    # 2. map
    vals = views.map_values(an, s.indikator, s.dokumen, lang)
    short = vals.loc[vals["selisih"] < 0]
    worst = views.ranked(vals, s.indikator).iloc[::-1].head(2)
    lowest = ", ".join(f"{r.nama} ({r.nilai_teks})" for r in worst.itertuples())
    message = t("paparan.s2_pesan", lang, n=len(short), dari=len(vals), indikator=label.lower(),
                target=_target_text(an, s), terendah=lowest)
    out.append(Slide(
        "peta", t("paparan.s2_judul", lang, indikator=label, tahun=an.tahun), message, [],
        charts.choropleth(views.map_features(an, vals), views.map_labels(an), mode="nilai", indikator=s.indikator,
                          class_labels=views.class_labels(s.indikator, lang), selected=None,
                          title=t("peta.judul_grafik", lang, indikator=label, tahun=an.tahun), source=source,
                          lang=lang, height=CHART_HEIGHT + 30),
        sumber=source))

    # 3. district trajectory
    tr = views.trajectory(an, views.KABUPATEN, s.indikator, s.dokumen, lang)
    out.append(Slide(
        "lintasan", t("paparan.s3_judul", lang, indikator=label), tr.kalimat,
        [f"{k}: {v}" for k, v in tr.facts if v != fmt.MISSING],
        charts.trajectory(tr.observed, tr.trend, tr.path, tr.target,
                          title=t("lintasan.judul_grafik", lang, indikator=label, wilayah=tr.nama), source=source,
                          lang=lang, height=CHART_HEIGHT - 40, indikator=s.indikator),
        sumber=source))

    # 4. kecamatan behind target: the table is the message (who, how far, how many households a year)
    table = behind(an, s, needs)
    out.append(Slide(
        "tertinggal", t("paparan.s4_judul", lang),
        t("paparan.s4_pesan", lang, n=len(table), dari=len(vals), dokumen=s.dokumen) if len(table)
        else t("paparan.s4_semua", lang, dokumen=s.dokumen),
        [], None, table, source))

    # 5. needs and cost
    plan = views.yearly(an, s.indikator, target_value, s.tahun_capai, lang=lang)
    out.append(Slide(
        "kebutuhan", t("paparan.s5_judul", lang, tahun=s.tahun_capai), _plain(needs.ringkasan),
        [f"{k}: {v}" for k, v in needs.metrics],
        charts.plan_bars(plan, title=t("kebutuhan.grafik_tahunan", lang, tahun=s.tahun_capai), source=source,
                         lang=lang) if len(plan) else None,
        sumber=source))

    # 6. the rest of the strategy: ODF villages, waste, standing water, each against its own target
    others = views.other_cards(an, s.dokumen, lang)
    if others:
        tb = pd.DataFrame({t("tabel.indikator", lang): [c.judul for c in others],
                           t("fakta.terakhir", lang): [c.nilai for c in others],
                           t("tabel.target", lang): [_plain(c.target) for c in others],
                           t("tabel.status", lang): [c.status_label for c in others]})
        out.append(Slide("lainnya", t("paparan.s7_judul", lang), t("paparan.s7_pesan", lang), [], None, tb, source))

    # 7. next steps
    out.append(Slide("langkah", t("paparan.s6_judul", lang), t("paparan.s6_pesan", lang),
                     next_steps(an, s, needs, table), sumber=source))

    # 8. open commitments: the next clinic starts from them
    from sanitasi import ppsp

    com = ppsp.commitments(an, lang=lang)
    if len(com):
        open_ = com.loc[com["status_efektif"].isin(ppsp.OPEN)]
        late = int((open_["status_efektif"] == "terlambat").sum())
        message = (t("paparan.s8_pesan", lang, n=len(open_), terlambat=late) if len(open_)
                   else t("paparan.s8_kosong", lang))
        out.append(Slide("komitmen", t("paparan.s8_judul", lang), message, [], None,
                         ppsp.commitments_display(com, lang, open_only=True), source))
    return out


def next_steps(an: views.Analysis, s: Setting, needs: views.Needs, behind_table: pd.DataFrame) -> list[str]:
    """The points the clinic should leave with, written from the numbers."""
    t = i18n.t
    lang = s.lang
    kec = needs.table.loc[(needs.table["kode_wilayah"] != views.KABUPATEN) & (needs.table["kesenjangan_kk"] > 0)]
    points = []
    if needs.total_kk > 0 and needs.total_per_tahun == needs.total_per_tahun:
        points.append(t("paparan.l_kabupaten", lang, kk=fmt.kk(needs.total_per_tahun, lang), tahun=s.tahun_capai,
                        biaya=fmt.rupiah(needs.total_biaya / max(1, int(needs.table["tahun_tersisa"].max())), lang)))
    top = kec.sort_values("kesenjangan_kk", ascending=False).head(3)
    if len(top) and needs.total_kk:
        share = 100.0 * top["kesenjangan_kk"].sum() / needs.total_kk
        points.append(t("paparan.l_prioritas", lang, kecamatan=", ".join(top["nama"]), persen=fmt.pct(share, 0, lang)))
    vals = views.map_values(an, s.indikator, s.dokumen, lang)
    worse = vals.loc[vals["status"] == Status.MEMBURUK.value, "nama"].tolist()
    if worse:
        points.append(t("paparan.l_memburuk", lang, kecamatan=", ".join(worse)))
    done = vals.loc[vals["status"] == Status.TERCAPAI.value, "nama"].tolist()
    if done:
        points.append(t("paparan.l_tercapai", lang, kecamatan=", ".join(done)))
    points.append(t("paparan.l_peran", lang))
    if an.data.ilustratif:
        points.append(t("paparan.l_ilustratif", lang))
    return points


def methods_points(lang: str = "id") -> list[str]:
    """The methods slide of the deck: definitions, formula, thresholds, sources."""
    t = i18n.t
    return [t("paparan.m_tangga", lang), t("paparan.m_status", lang), t("paparan.m_kebutuhan", lang),
            t("paparan.m_sumber", lang)]


def _plain(markdown: str) -> str:
    """Markdown emphasis removed, for slide text boxes."""
    return markdown.replace("**", "").replace("*", "")
