"""Status cards and the sentence a presenter reads out: where an area stands on an indicator against a target.

Used by the overview, the kecamatan profile, the STBM and waste pages and the clinic slides, so a card reads the
same wherever it appears.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from sanitasi import fmt, i18n, indicators, lineage, progress, sources
from sanitasi.analysis import KABUPATEN, Analysis, assessment
from sanitasi.documents import target_documents
from sanitasi.progress import Status, status_label


@dataclass(frozen=True)
class Card:
    indikator: str
    judul: str
    nilai: str
    perubahan: str | None
    target: str
    selisih: str
    selisih_kk: str
    status: str
    status_label: str
    metode: str
    warna: str
    delta_panah: str = "off"  # "up" / "down" / "off": the direction of the change on the year before
    delta_warna: str = "normal"  # "normal" when up is good, "inverse" when down is good
    sumber: str = ""  # where the value comes from ("Sumber: BPS Susenas 2024 (resmi)")


def _gap_households(row: pd.Series, indikator: str, target: float) -> int:
    """Households (or villages) short of the target in the row's own year (0 when met)."""
    ind = indicators.get(indikator)
    have = indicators.households_with(row, indikator)
    n = float(row[ind.penyebut])
    if ind.arah > 0:
        return int(max(math.ceil(round(target / 100.0 * n, 6)) - have, 0))
    return int(max(have - math.floor(round(target / 100.0 * n, 6)), 0))


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
        change, arrow = None, "off"
        if prev is not None and int(prev["tahun"]) == int(last["tahun"]) - 1:
            diff = value - float(prev[ind.kolom])
            change = ind.selisih_teks(diff, lang) + " " + i18n.t("kartu.dari_tahun", lang, tahun=int(prev["tahun"]))
            arrow = "up" if round(diff, 1) > 0 else "down" if round(diff, 1) < 0 else "off"
        colour = "normal" if ind.arah > 0 else "inverse"
        source = i18n.t("kartu.sumber", lang, sumber=value_source(an, last, kode, k, seri, lang))
        a = assessment(an, kode, k, doc, seri)
        if a is None:
            out.append(Card(k, ind.label(lang), ind.teks(value, lang), change,
                            i18n.t("kartu.tanpa_target", lang), fmt.MISSING, fmt.MISSING, "tanpa_target",
                            status_label(None, lang), "", progress.WARNA[Status.DATA_KURANG], arrow, colour, source))
            continue
        tgt, tyear = float(a["target"]), int(a["target_year"])
        ahead = ind.arah * (value - tgt)
        if ahead >= 0:
            selisih = i18n.t("kartu.sudah_capai", lang)
        elif ind.persen:
            selisih = i18n.t("kartu.kurang_poin", lang, poin=fmt.number(abs(value - tgt), 1, lang))
        else:
            selisih = i18n.t("kartu.kurang_satuan", lang, nilai=ind.teks(abs(value - tgt), lang))
        counted = _counted_row(an, last, kode, k)  # a published share has no households: the roll-up's
        short = _gap_households(counted, k, tgt) if ind.persen and counted is not None else None
        if short is None:
            short_text = ""
        elif short > 0:
            key = "kartu.ton_kurang" if ind.penyebut == "timbulan_ton" else "kartu.kk_kurang"
            short_text = i18n.t(key, lang, kk=count_text(ind, short, lang))
        else:
            short_text = i18n.t("kartu.kk_cukup", lang)
        if short is not None and counted is not last:
            short_text += " " + i18n.t("kartu.kk_dari_rekap", lang, tahun=int(counted["tahun"]))
        target_text = i18n.t("kartu.target", lang, nilai=ind.teks(tgt, lang, 0 if tgt == int(tgt) else 1),
                             tahun=tyear)
        if docs and k in docs:
            target_text += f" ({doc})"
        out.append(Card(
            indikator=k, judul=ind.label(lang), nilai=ind.teks(value, lang), perubahan=change, target=target_text,
            selisih=selisih, selisih_kk=short_text,
            status=str(a["status"]), status_label=status_label(a["status"], lang),
            metode=i18n.t("metode.singkat", lang), warna=progress.WARNA[Status(a["status"])],
            delta_panah=arrow, delta_warna=colour, sumber=source,
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


def _counted_row(an: Analysis, row: pd.Series, kode: str, indikator: str) -> pd.Series | None:
    """The row households are counted from: the row itself when it holds counts, else (a published kabupaten
    share) the roll-up's row of the same year, else None."""
    ind = indicators.get(indikator)
    if ind.penyebut is None or (ind.penyebut in row.index and pd.notna(row[ind.penyebut])):
        return row
    if kode == KABUPATEN and ind.tabel == "akses":
        same = an.kab.loc[an.kab["tahun"] == int(row["tahun"])]
        return same.iloc[0] if len(same) else None
    return None


OTHER_PPSP = ("desa_odf", "sampah_pengurangan", "sampah_penanganan", "genangan")


def other_cards(an: Analysis, dokumen: str, lang: str = "id") -> list[Card]:
    """Cards for the rest of PPSP (ODF villages, waste, standing water), each against the document that sets
    its target, so the overview shows the whole strategy and not only household access."""
    present = [k for k in OTHER_PPSP if not an.frames(k)[1].empty]
    docs = target_documents(an, tuple(present), dokumen)
    return cards(an, dokumen, lang, codes=tuple(present), docs=docs)


def headline(an: Analysis, dokumen: str, indikator: str, lang: str = "id", kode: str = KABUPATEN,
             seri: str | None = None) -> str:
    """One sentence a presenter can read out: where we are, the target, and when we get there."""
    ind = indicators.get(indikator)
    a = assessment(an, kode, indikator, dokumen, seri)
    place = an.nama(kode, lang)
    if a is None or pd.isna(a["latest_value"]):
        return i18n.t("kalimat.tanpa_target", lang, indikator=ind.label(lang).lower(), wilayah=place,
                      dokumen=dokumen)
    value, tgt = float(a["latest_value"]), float(a["target"])
    args = dict(indikator=ind.label(lang).lower(), wilayah=place, tahun=int(a["latest_year"]),
                nilai=ind.teks(value, lang), target=ind.teks(tgt, lang, 0 if tgt == int(tgt) else 1),
                dokumen=dokumen, tahun_target=int(a["target_year"]),
                laju=rate_text(ind, a["current_rate"], lang), perlu=rate_text(ind, a["required_rate"], lang),
                proyeksi=ind.teks(a["projected_value"], lang), status=status_label(a["status"], lang).lower())
    status = Status(a["status"])
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

