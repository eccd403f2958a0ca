"""Status cards and the sentence a presenter reads out: where an area stands on an indicator against a target.

Used by the overview, the kecamatan profile, the STBM and waste pages and the clinic slides, so a card reads the
same wherever it appears.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from sanitasi import fmt, i18n, indicators, judging, lineage, progress, sources, targets
from sanitasi.analysis import KABUPATEN, Analysis, assessment, gap
from sanitasi.documents import elsewhere, target_documents
from sanitasi.progress import Status, status_label


@dataclass(frozen=True)
class Card:
    indikator: str
    judul: str
    nilai: str  # the latest value
    perubahan: str | None
    target: str
    selisih: str  # the gap; both years when the status speaks of a passed target year
    selisih_kk: str  # the households (villages, tonnes) short today
    status: str
    status_label: str  # with the judged year when that is not the latest ("Tidak tercapai pada 2024 (14,2%)")
    metode: str
    warna: str
    delta_panah: str = "off"  # "up" / "down" / "off": the direction of the change on the year before
    # the change's colour, decided here from the indicator's direction: "blue" good news (up where higher is better,
    # down where lower is), "orange" bad news, "gray" no change. Streamlit would read the sign from the text, and
    # our minus sign (U+2212) is no "-" to it: a fall in open defecation came out red.
    delta_warna: str = "gray"
    tahun: int | None = None  # the year of `nilai`
    sumber: str = ""  # where the value comes from ("Sumber: BPS Susenas 2024 (resmi)")


def change_look(diff: float, arah: int) -> tuple[str, str]:
    """(arrow, colour) of a change on the year before: the arrow shows where the value went, the colour whether
    that is good news for the indicator (down is good news for open defecation and standing water)."""
    step = round(diff, 1)
    if step == 0:
        return "off", "gray"
    return ("up" if step > 0 else "down"), ("blue" if arah * step > 0 else "orange")


def _gap_units(row: pd.Series, indikator: str, target: float) -> int:
    """Villages (or tonnes) short of the target in the row's own year (0 when met), for the indicators outside the
    household ladder; households come from `needs.gap`."""
    ind = indicators.get(indikator)
    have = indicators.households_with(row, indikator)
    n = float(row[ind.penyebut])
    if ind.arah > 0:
        return int(max(math.ceil(round(target / 100.0 * n, 6)) - have, 0))
    return int(max(have - math.floor(round(target / 100.0 * n, 6)), 0))


def short_text(an: Analysis, kode: str, j: judging.Judgement, last: pd.Series, lang: str = "id") -> str:
    """What the gap is in households today (villages, tonnes for the other PPSP indicators): for the kabupaten both
    backlogs, named (for the district to reach the target; for every kecamatan to reach it)."""
    ind = indicators.get(j.indikator)
    if not ind.persen or j.target is None:
        return ""
    if ind.tabel == "akses":
        g = gap(an, j.indikator, j.target, an.tahun)
        if kode == KABUPATEN:
            if g.backlog_kecamatan == 0:
                return i18n.t("kartu.kk_cukup", lang)
            return i18n.t("kartu.backlog_kabupaten", lang, kk=fmt.kk(g.backlog_kabupaten, lang),
                          kk_kecamatan=fmt.kk(g.backlog_kecamatan, lang))
        row = g.table.loc[g.table["kode_wilayah"] == kode]
        short = int(row["backlog"].iloc[0]) if len(row) else 0
        return (i18n.t("kartu.backlog_kecamatan", lang, kk=fmt.kk(short, lang)) if short > 0
                else i18n.t("kartu.kk_cukup", lang))
    short = _gap_units(last, j.indikator, j.target)
    if short <= 0:
        return i18n.t("kartu.kk_cukup", lang)
    key = "kartu.ton_kurang" if ind.penyebut == "timbulan_ton" else "kartu.kk_kurang"
    return i18n.t(key, lang, kk=count_text(ind, short, lang))


def cards(an: Analysis, dokumen: str, lang: str = "id", kode: str = KABUPATEN,
          codes: tuple[str, ...] = indicators.HEADLINE, docs: dict[str, str] | tuple | None = None,
          seri: str | None = None) -> list[Card]:
    """Metric cards for some indicators of one area against one target document (or one per indicator:
    `docs` maps indicator -> document, as a dict or as (indicator, document) pairs); the kabupaten in the chosen
    district series (`seri`, see sanitasi.sources). Every card names the source of its value."""
    docs = dict(docs) if docs else None
    out = []
    for k in codes:
        ind = indicators.get(k)
        doc = (docs or {}).get(k, dokumen)
        kec_rows = an.frames(k)[0]
        frame = an.district_rows(k, seri) if kode == KABUPATEN else lineage.comparable_only(
            kec_rows.loc[kec_rows["kode_wilayah"] == kode])
        frame = frame.sort_values("tahun")
        if frame.empty:
            continue
        last = frame.iloc[-1]
        prev = frame.iloc[-2] if len(frame) > 1 else None
        value = float(last[ind.kolom])
        change, arrow, colour = None, "off", "gray"
        if prev is not None and int(prev["tahun"]) == int(last["tahun"]) - 1:
            diff = value - float(prev[ind.kolom])
            change = ind.selisih_teks(diff, lang) + " " + i18n.t("kartu.dari_tahun", lang, tahun=int(prev["tahun"]))
            arrow, colour = change_look(diff, ind.arah)
        source = i18n.t("kartu.sumber", lang, sumber=value_source(an, last, kode, k, seri, lang))
        j = judging.judge(an, kode, k, doc, seri)
        if j.dokumen is None:
            other = elsewhere(an.data.target, doc, k, max(an.data.tahun))
            where = (i18n.t("kartu.target_di", lang, dokumen=other.nama, target=_final_text(an, other.nama, k, lang))
                     if other is not None else i18n.t("kartu.target_tidak_ada", lang))
            out.append(Card(k, ind.label(lang), ind.teks(value, lang), change,
                            i18n.t("kartu.tanpa_target_dokumen", lang, dokumen=doc, indikator=ind.kata(lang)),
                            where, "", "tanpa_target", status_label(None, lang), "",
                            progress.WARNA[Status.DATA_KURANG], arrow, colour, int(last["tahun"]), source))
            continue
        tgt = float(j.target)
        if j.lewat:
            selisih = judging.judged_text(j, lang) + "."
        elif ind.arah * (value - tgt) >= 0:
            selisih = i18n.t("kartu.sudah_capai", lang)
        elif ind.persen:  # short of a rising target, or above a falling one (open defecation)
            selisih = i18n.t("kartu.kurang_poin" if ind.arah > 0 else "kartu.lebih_poin", lang,
                             poin=fmt.number(abs(value - tgt), 1, lang))
        else:
            selisih = i18n.t("kartu.kurang_satuan", lang, nilai=ind.teks(abs(value - tgt), lang))
        target_text = i18n.t("kartu.target", lang, nilai=ind.teks(tgt, lang, 0 if tgt == int(tgt) else 1),
                             tahun=j.target_year)
        if j.dokumen != dokumen or (docs and k in docs):
            target_text += f" ({j.dokumen})"
        out.append(Card(
            indikator=k, judul=ind.label(lang), nilai=ind.teks(value, lang), perubahan=change, target=target_text,
            selisih=selisih, selisih_kk=short_text(an, kode, j, last, lang) + _counted_note(an, last, kode, k, lang),
            status=j.status, status_label=judging.status_text(j, lang),
            metode=i18n.t("metode.singkat", lang), warna=progress.WARNA[Status(j.status)],
            delta_panah=arrow, delta_warna=colour, tahun=int(last["tahun"]), sumber=source,
        ))
    return out


def value_source(an: Analysis, row: pd.Series, kode: str, indikator: str, seri: str | None, lang: str) -> str:
    """The source of a card's value: the kabupaten series shown, or the row's own source (a kecamatan row, an
    STBM, waste or drainage row)."""
    if kode == KABUPATEN and indicators.get(indikator).tabel == "akses":
        chosen = an.district(seri)
        if chosen == sources.REKAP:
            return sources.label(chosen, lang, sources.rekap_sources(an.akses_kec, int(row["tahun"])))
        official = " " + i18n.t("sumber.resmi", lang) if str(row.get("resmi")) == "ya" else ""
        return sources.label(chosen, lang) + official
    given = row.get("sumber")
    if isinstance(given, str) and given:
        return sources.label(given, lang)
    # a roll-up row (STBM, drainage) names the sources of the rows it adds up in its year
    rows = an.rows(indicators.get(indikator).tabel)
    rows = rows.loc[rows["tahun"] == int(row["tahun"])] if "tahun" in rows.columns else rows
    if kode != KABUPATEN and "kode_wilayah" in rows.columns:
        rows = rows.loc[rows["kode_wilayah"] == kode]
    names = [sources.label(str(s), lang) for s in dict.fromkeys(rows.get("sumber", pd.Series(dtype=str)).dropna())]
    return ", ".join(names) or i18n.t("sumber.tidak_disebut", lang)


def _counted_note(an: Analysis, row: pd.Series, kode: str, indikator: str, lang: str) -> str:
    """Households always come from the kecamatan counts: beside a published kabupaten share (a row without
    counts), the card says so and names the year of the counts."""
    ind = indicators.get(indikator)
    if kode != KABUPATEN or ind.tabel != "akses" or not ind.persen or pd.notna(row.get(ind.penyebut)):
        return ""
    return " " + i18n.t("kartu.kk_dari_rekap", lang, tahun=int(an.kab["tahun"].max()))


def _final_text(an: Analysis, dokumen: str, indikator: str, lang: str) -> str:
    f = targets.final(an.data.target, dokumen, indikator)
    ind = indicators.get(indikator)
    return fmt.MISSING if f is None else i18n.t("kartu.target_pada", lang, nilai=ind.teks(f[1], lang,
                                                                                           0 if f[1] == int(f[1])
                                                                                           else 1), tahun=f[0])


OTHER_PPSP = ("desa_odf", "sampah_pengurangan", "sampah_penanganan", "genangan")


def other_cards(an: Analysis, dokumen: str, lang: str = "id") -> list[Card]:
    """Cards for the rest of PPSP (ODF villages, waste, standing water), each against the document that sets
    its target, so the overview shows the whole strategy and not only household access."""
    present = [k for k in OTHER_PPSP if not an.frames(k)[1].empty]
    docs = target_documents(an, tuple(present), dokumen)
    return cards(an, dokumen, lang, codes=tuple(present), docs=docs)


def headline(an: Analysis, dokumen: str, indikator: str, lang: str = "id", kode: str = KABUPATEN,
             seri: str | None = None) -> str:
    """One sentence a presenter can read out: where we are, the target, and when we get there (for a passed target
    year: what that year's value was, and where the latest stands)."""
    ind = indicators.get(indikator)
    j = judging.judge(an, kode, indikator, dokumen, seri)
    a = assessment(an, kode, indikator, j.dokumen, seri) if j.dokumen is not None else None
    place = an.nama(kode, lang)
    if a is None or pd.isna(a["latest_value"]):
        return i18n.t("kalimat.tanpa_target", lang, indikator=ind.kata(lang), wilayah=place,
                      dokumen=dokumen)
    value, tgt = float(a["latest_value"]), float(a["target"])
    args = dict(indikator=ind.kata(lang), wilayah=place, tahun=int(a["latest_year"]),
                nilai=ind.teks(value, lang), target=ind.teks(tgt, lang, 0 if tgt == int(tgt) else 1),
                dokumen=j.dokumen, tahun_target=int(a["target_year"]),
                laju=rate_text(ind, a["current_rate"], lang), perlu=rate_text(ind, a["required_rate"], lang),
                proyeksi=ind.teks(a["projected_value"], lang), status=status_label(a["status"], lang).lower())
    status = Status(a["status"])
    if j.lewat:
        return i18n.t(f"kalimat.lewat_{status.value}", lang, **args, nilai_target=ind.teks(j.judged_value, lang),
                      tahun_dinilai=j.judged_year, kini=judging.latest_text(j, lang))
    text = i18n.t(f"kalimat.{status.value}", lang, **args)
    est = a["estimated_year"]
    if status not in (Status.TERCAPAI, Status.DATA_KURANG):
        if pd.notna(est):
            text += " " + i18n.t("kalimat.perkiraan", lang, tahun=year_text(int(est), lang))
        else:
            text += " " + i18n.t("kalimat.tidak_pernah", lang)
    return text


def rate_text(ind: indicators.Indicator, value, lang: str = "id") -> str:
    """A pace in the indicator's unit: '+1,60 poin/tahun' for a share, '−12,3 ha/tahun' for hectares."""
    if ind.persen:
        return fmt.rate(value, lang)
    per_year = "/year" if lang == "en" else "/tahun"
    return fmt.delta(value, ind.satuan(lang) + per_year, 1, lang)


def pace_text(ind: indicators.Indicator, value, lang: str = "id") -> str:
    """A pace with what it means for this indicator: '−0,50 poin/tahun · membaik' for open defecation (down is
    good news), '+1,52 poin/tahun · membaik' for access."""
    text = rate_text(ind, value, lang)
    if value is None or fmt.is_missing(value) or round(float(value), 2) == 0:
        return text
    return text + " · " + i18n.t("laju.membaik" if ind.arah * float(value) > 0 else "laju.memburuk", lang)


def year_text(y: int, lang: str) -> str:
    return i18n.t("umum.setelah_2100", lang) if y > 2100 else str(y)


def count_text(ind: indicators.Indicator, n, lang: str = "id") -> str:
    """'1.234 KK' for household indicators, '5 desa' for villages, '–' for a quantity."""
    if n is None or fmt.is_missing(n):
        return fmt.MISSING
    if ind.penyebut == "jumlah_desa":
        return f"{fmt.number(n, 0, lang)} {'villages' if lang == 'en' else 'desa'}"
    if ind.penyebut == "timbulan_ton":
        return f"{fmt.number(n, 0, lang)} ton"
    return fmt.kk(n, lang)

