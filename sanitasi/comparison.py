"""'Our data differ from Bappenas'': the district's figure from each source, side by side, with the difference.

Where a kabupaten series (BPS Susenas, published as percentages) and the roll-up of the kecamatan counts (Dinkes,
the Pokja) cover the same year, each is shown with its source and the difference in points is said in one plain
sentence ("Susenas 2024: 83,1%; rekap kecamatan (Dinkes): 88,4%; selisih 5,3 poin"). Nothing is averaged or
added: they measure different things (rumah tangga against KK, a survey against a registry). A comparison that
involves an illustrative series says so. Without a kabupaten series the national and provincial figures
(sanitasi.facts) are given as context, with their sources.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sanitasi import facts, fmt, i18n, indicators, sources
from sanitasi.analysis import Analysis


@dataclass(frozen=True)
class Pair:
    indikator: str
    tahun: int
    seri: str  # the kabupaten source compared with the roll-up
    nilai_seri: float
    nilai_rekap: float
    selisih: float  # the source minus the roll-up, in points
    kalimat: str
    ilustratif: bool


def pairs(an: Analysis, lang: str = "id", codes: tuple[str, ...] = indicators.HEADLINE) -> list[Pair]:
    """Each kabupaten source against the roll-up, per indicator, in their latest common year."""
    out = []
    for source, frame in an.seri.items():
        for k in codes:
            ind = indicators.get(k)
            if ind.kolom not in frame.columns or ind.kolom not in an.kab.columns:
                continue
            common = sources.comparable_years(frame, an.kab, ind.kolom)
            if not common:
                continue
            year = common[-1]
            a = float(frame.loc[frame["tahun"] == year, ind.kolom].iloc[0])
            b = float(an.kab.loc[an.kab["tahun"] == year, ind.kolom].iloc[0])
            used = sources.rekap_sources(an.akses_kec, year)
            illustrative = source == sources.ILLUSTRATIVE or sources.ILLUSTRATIVE in used
            text = i18n.t("banding.kalimat", lang, indikator=ind.label(lang), sumber=sources.label(source, lang),
                          tahun=year, nilai=ind.teks(a, lang), rekap=sources.label(sources.REKAP, lang, used),
                          nilai_rekap=ind.teks(b, lang), selisih=fmt.number(abs(a - b), 1, lang))
            if illustrative:
                text += " " + i18n.t("banding.ilustratif", lang)
            out.append(Pair(k, year, source, a, b, a - b, text, illustrative))
    return out


def table(items: list[Pair], lang: str = "id") -> pd.DataFrame:
    """The pairs as a table: indicator, year, each source's value, the difference in points."""
    t = i18n.t
    return pd.DataFrame({
        t("tabel.indikator", lang): [indicators.get(p.indikator).label(lang) for p in items],
        t("grafik.tahun", lang): [str(p.tahun) for p in items],
        t("banding.k_sumber", lang): [sources.label(p.seri, lang) for p in items],
        t("banding.k_nilai", lang): [indicators.get(p.indikator).teks(p.nilai_seri, lang) for p in items],
        t("banding.k_rekap", lang): [indicators.get(p.indikator).teks(p.nilai_rekap, lang) for p in items],
        t("banding.k_selisih", lang): [fmt.delta(p.selisih, None, 1, lang) for p in items],
    })


def context(an: Analysis, indikator: str, lang: str = "id") -> str:
    """Indonesia's and Kalimantan Selatan's latest published figure of an indicator, with their sources, for a
    district that has no kabupaten series loaded: 'Akses layak: Indonesia 2024 83,6% (BPS ...); ...' ('' when
    none is published)."""
    if an.data.fakta is None:
        return ""
    ref = facts.reference(an.data.fakta, indikator, lang)
    ref = ref.loc[ref["tahun"] <= an.tahun]
    if ref.empty:
        return ""
    ind = indicators.get(indikator)
    parts = []
    for where, g in ref.groupby("wilayah", sort=False):
        last = g.sort_values("tahun").iloc[-1]
        parts.append(i18n.t("banding.rujukan", lang, wilayah=i18n.t(f"fakta_publik.{where}_singkat", lang),
                            nilai=ind.teks(last["nilai"], lang), tahun=int(last["tahun"]), sumber=last["sumber"]))
    return i18n.t("banding.rujukan_indikator", lang, indikator=ind.label(lang), rujukan="; ".join(parts))
