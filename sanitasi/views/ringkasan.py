"""Ringkasan: where the district stands on each headline indicator against one target document, the rest of the
strategy beside it, the ladder over the years, and every kecamatan's status."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sanitasi import charts, comparison, fmt, i18n, indicators, judging, lineage, progress, sources
from sanitasi.analysis import Analysis, latest_rows
from sanitasi.cards import Card, cards, headline, other_cards
from sanitasi.documents import indicators_of, note_of
from sanitasi.views.display import Figure, Table, source_line


@dataclass(frozen=True)
class Settings:
    dokumen: str
    lang: str = "id"
    seri: str | None = None  # the district series (sanitasi.sources); None: the official one when loaded


@dataclass(frozen=True)
class Ringkasan:
    pengantar: str  # the reference year and the document judged
    kalimat: str | None  # the sentence a presenter reads out (None when the document sets no headline target)
    kartu: tuple[Card, ...]  # the headline indicators
    lainnya: tuple[Card, ...]  # ODF villages, waste, standing water, each against the document that sets it
    tangga: Figure  # the district's ladder over the years
    tabel_bantuan: str
    tabel: Table  # every kecamatan's latest value and status
    banding: tuple[str, ...] = ()  # each kabupaten source against the roll-up, one sentence each
    banding_tabel: pd.DataFrame | None = None
    banding_catatan: str = ""  # without a kabupaten series: which series the headline is, and where to load one
    rujukan: tuple[str, ...] = ()  # then, per indicator, Indonesia's and the province's published figures

    @property
    def banding_kotak(self) -> str:
        """The note with the published figures listed under it (markdown), for the page's info box."""
        return "\n".join([self.banding_catatan, "", *(f"- {line}" for line in self.rujukan)])


def view(an: Analysis, s: Settings) -> Ringkasan:
    t, lang = i18n.t, s.lang
    first = indicators_of(an, s.dokumen)[:1]
    ladder = charts.ladder(indicators.ladder(an.kab, lang), title=t("ringkasan.tangga_judul", lang),
                           source=source_line(an.data, lang=lang), lang=lang)
    both = comparison.pairs(an, lang)
    note, context = "", ()
    if not an.seri:
        rekap = sources.label(sources.REKAP, lang, sources.rekap_sources(an.akses_kec))
        note = t("ringkasan.banding_belum", lang, rekap=rekap)
        context = tuple(x for k in indicators.HEADLINE if (x := comparison.context(an, k, lang)))
        if context:
            note += " " + t("ringkasan.banding_rujukan", lang)
    return Ringkasan(
        pengantar=t("ringkasan.pengantar", lang, tahun=an.tahun, dokumen=s.dokumen) + " "
        + note_of(an.data.target, s.dokumen, max(an.data.tahun), lang),
        kalimat=headline(an, s.dokumen, first[0], lang, seri=s.seri) if first else None,
        kartu=tuple(cards(an, s.dokumen, lang, seri=s.seri)),
        lainnya=tuple(other_cards(an, s.dokumen, lang)),
        tangga=Figure(ladder, "tangga_kabupaten"),
        tabel_bantuan=t("ringkasan.tabel_bantuan", lang, dokumen=s.dokumen),
        tabel=status_display(an, s.dokumen, lang),
        banding=tuple(p.kalimat for p in both),
        banding_tabel=comparison.table(both, lang) if both else None,
        banding_catatan=note,
        rujukan=context,
    )


def status_display(an: Analysis, dokumen: str, lang: str = "id") -> Table:
    """The kecamatan status table with translated headers and Indonesian number formats."""
    s = status_table(an, dokumen, lang)
    t = i18n.t
    cols = {"nama": t("tabel.kecamatan", lang)}
    formats = {}
    for k in indicators.HEADLINE:
        ind = indicators.get(k)
        head = f"{ind.label(lang)} {an.tahun} (%)"
        cols[k] = head
        cols[f"status_{k}_teks"] = t("tabel.status_dari", lang, indikator=ind.label(lang))
        formats[head] = lambda v: fmt.number(v, 1, lang)
    cols["jumlah_kk"] = t("tabel.jumlah_kk", lang)
    formats[cols["jumlah_kk"]] = lambda v: fmt.number(v, 0, lang)
    frame = s[list(cols)].rename(columns=cols)
    return Table(frame, frame.style.format(formats), source_line(an.data, lang=lang))


def status_table(an: Analysis, dokumen: str, lang: str = "id") -> pd.DataFrame:
    """One row per kecamatan: latest value and status of each headline indicator for the document.

    Numeric columns stay numeric (so the table sorts), with `_teks` twins for display.
    """
    latest = latest_rows(lineage.comparable_only(an.kec))
    judged = {k: judging.judge_all(an, k, dokumen, latest["kode_wilayah"].tolist()).set_index("kode_wilayah",
                                                                                              drop=False)
              for k in indicators.HEADLINE}
    rows = []
    for _, r in latest.iterrows():
        row = {"kode_wilayah": r["kode_wilayah"], "nama": r["nama"], "tahun": int(r["tahun"]),
               "jumlah_kk": int(r["jumlah_kk"])}
        for k in indicators.HEADLINE:
            j = judging.from_row(judged[k].loc[r["kode_wilayah"]], dokumen)
            st = None if j.status == judging.NO_TARGET else j.status
            row[k] = float(r[indicators.get(k).kolom])
            row[f"status_{k}"] = st
            # the status with the year it speaks of when that is not the value's year (sanitasi.judging)
            row[f"status_{k}_teks"] = judging.status_text(j, lang)
            row[f"rank_{k}"] = progress.rank(st) if st else -1
        rows.append(row)
    return pd.DataFrame(rows)
