"""Kecamatan: one kecamatan on one screen: who it is, its cards against one document, its ladder over the years,
how it compares with the district, the households still without access, its rank, and every target's status."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd

from sanitasi import charts, fmt, i18n, indicators, judging, lineage
from sanitasi.analysis import KABUPATEN, Analysis, kecamatan_rows, latest_rows
from sanitasi.cards import Card, cards, pace_text, year_text
from sanitasi.views.display import Figure, Table, source_line


@dataclass(frozen=True)
class Settings:
    kode: str
    dokumen: str
    lang: str = "id"


@dataclass(frozen=True)
class Kecamatan:
    judul: str  # "Kecamatan <nama>"
    keterangan: str  # capital, villages, households
    catatan: str  # the 2021 split, when it concerns this kecamatan ("" otherwise)
    kartu: tuple[Card, ...]  # the headline indicators against the document (no method line: the page has one)
    tangga: Figure  # the kecamatan's ladder over its comparable years
    catatan_tangga: str  # why the ladder starts later than the data ("" otherwise)
    banding_judul: str  # with the year the comparison is of
    banding: Table | None  # per headline indicator: the kecamatan and the district, the gap, its rank; None: no data
    tanpa_judul: str  # heading of the households still below each rung, with the year
    tanpa: tuple[tuple[str, str], ...]  # (label, households as text) per rung
    tabel: pd.DataFrame  # every target document x indicator, formatted
    sumber: str = ""  # the source line of the figures in the lists and the table


def view(an: Analysis, s: Settings) -> Kecamatan:
    t, lang, kode = i18n.t, s.lang, s.kode
    info = profile_info(an, kode, lang)
    source = source_line(an.data, lang=lang)
    ladder = charts.ladder(indicators.ladder(kecamatan_rows(an, kode), lang),
                           title=t("profil.tangga_judul", lang, nama=info.nama), source=source, lang=lang)
    return Kecamatan(
        judul=t("profil.judul", lang, nama=info.nama),
        keterangan=info.keterangan,
        catatan=info.catatan,
        # the page writes the method once under the table, so the cards leave it out
        kartu=tuple(dataclasses.replace(c, metode="") for c in cards(an, s.dokumen, lang, kode=kode)),
        tangga=Figure(ladder, f"tangga_{kode}"),
        catatan_tangga=info.catatan_tangga,
        banding_judul=f"{t('profil.banding_judul', lang)} ({info.tahun})",
        banding=comparison_table(an, kode, lang),
        tanpa_judul=t("profil.tanpa_judul", lang, tahun=info.tahun),
        tanpa=tuple((label, text) for label, _, text in without_access(an, kode, lang)),
        tabel=profile_table(an, kode, lang),
        sumber=source,
    )


@dataclass(frozen=True)
class ProfileInfo:
    kode: str
    nama: str
    keterangan: str  # capital, villages, households
    catatan: str  # the 2021 split, when it concerns this kecamatan
    catatan_tangga: str  # why the ladder starts later than the data
    tahun: int  # the latest comparable year (the reference year when there is none)


def profile_info(an: Analysis, kode: str, lang: str = "id") -> ProfileInfo:
    w = an.data.wilayah.set_index("kode").loc[kode]
    rows = kecamatan_rows(an, kode)
    last = rows.iloc[-1] if len(rows) else None
    t = i18n.t
    parts = []
    if pd.notna(w["ibukota"]):
        parts.append(t("profil.ibukota", lang, ibukota=w["ibukota"]))
    parts.append(t("profil.desa", lang, desa=int(w["desa"]), kelurahan=int(w["kelurahan"])))
    if last is not None:
        parts.append(t("profil.kk", lang, kk=fmt.kk(last["jumlah_kk"], lang), tahun=int(last["tahun"])))
    catatan = ""
    if pd.notna(w["pemekaran_dari"]):
        catatan = t("profil.pemekaran_anak", lang, nama=w["nama"], induk=an.data.nama(w["pemekaran_dari"]),
                    tahun=int(w["berlaku_sejak"]))
    kids = an.data.wilayah.loc[an.data.wilayah["pemekaran_dari"] == kode]
    if len(kids):
        catatan = t("profil.pemekaran_induk", lang, nama=w["nama"], anak=", ".join(kids["nama"]),
                    tahun=int(kids["berlaku_sejak"].min()))
    all_rows = an.kec.loc[an.kec["kode_wilayah"] == kode]
    catatan_tangga = ""
    if len(all_rows) > len(rows) and len(rows):
        catatan_tangga = t("profil.tangga_sejak", lang, tahun=int(rows["tahun"].min()))
    return ProfileInfo(kode, str(w["nama"]), " · ".join(parts), catatan, catatan_tangga,
                       int(last["tahun"]) if last is not None else an.tahun)


def profile_table(an: Analysis, kode: str, lang: str = "id") -> pd.DataFrame:
    """Every target document x indicator for one kecamatan, formatted, with translated headers."""
    p = profile_status(an, kode, lang)
    t = i18n.t
    return pd.DataFrame({
        t("tabel.dokumen", lang): p["dokumen"],
        t("tabel.indikator", lang): p["label"],
        t("tabel.target", lang): p["target_teks"],
        t("tabel.nilai_terakhir", lang): p["nilai_teks"],
        t("tabel.laju", lang): p["laju_teks"],
        t("tabel.status", lang): p["status_teks"],
        t("tabel.perkiraan", lang): p["perkiraan_teks"],
    })


def profile_status(an: Analysis, kode: str, lang: str = "id") -> pd.DataFrame:
    """Every document x indicator judged for one kecamatan: `dokumen, indikator, label, target, ...`."""
    a = an.nilai.loc[an.nilai["kode_wilayah"] == kode]
    out = a.assign(
        label=[indicators.get(k).label(lang) for k in a["indikator"]],
        target_teks=[f"{indicators.get(k).teks(v, lang, 0)} ({y})"
                     for k, v, y in zip(a["indikator"], a["target"], a["target_year"], strict=True)],
        nilai_teks=[indicators.get(k).teks(v, lang) for k, v in zip(a["indikator"], a["latest_value"], strict=True)],
        laju_teks=[pace_text(indicators.get(k), v, lang) for k, v in zip(a["indikator"], a["current_rate"],
                                                                          strict=True)],
        # the status with the year it speaks of (sanitasi.judging), as on the cards and the map
        status_teks=[judging.status_text(judging.judge(an, kode, k, d), lang)
                     for k, d in zip(a["indikator"], a["dokumen"], strict=True)],
        perkiraan_teks=[fmt.MISSING if pd.isna(y) else year_text(int(y), lang) for y in a["estimated_year"]],
    )
    return out.reset_index(drop=True)


def without_access(an: Analysis, kode: str, lang: str = "id") -> list[tuple[str, int, str]]:
    """Households still below each headline rung in the latest comparable year: (label, count, text)."""
    f = kecamatan_rows(an, kode)
    if f.empty:
        return []
    r = f.iloc[-1]
    n = int(r["jumlah_kk"])
    items = [
        (i18n.t("profil.tanpa_layak", lang), n - int(indicators.households_with(r, "layak"))),
        (i18n.t("profil.tanpa_aman", lang), n - int(indicators.households_with(r, "aman"))),
        (i18n.t("profil.babs", lang), int(indicators.households_with(r, "babs_terbuka"))),
    ]
    return [(label, count, fmt.kk(count, lang)) for label, count in items]


def ranks(an: Analysis, kode: str, lang: str = "id") -> list[tuple[str, int, int, str]]:
    """Rank of the kecamatan among all (1 = best) per headline indicator in the reference year:
    (label, position, of how many, text)."""
    latest = latest_rows(lineage.comparable_only(an.kec))
    out = []
    for k in indicators.HEADLINE:
        ind = indicators.get(k)
        order = latest.sort_values(ind.kolom, ascending=ind.arah < 0, kind="stable")["kode_wilayah"].tolist()
        if kode in order:
            pos = order.index(kode) + 1
            out.append((ind.label(lang), pos, len(order),
                        i18n.t("profil.peringkat", lang, posisi=pos, dari=len(order))))
    return out


def comparison_table(an: Analysis, kode: str, lang: str = "id") -> Table | None:
    """The kecamatan beside the district on each headline indicator in the same (latest comparable) year, as a
    table of an indicator a column: the kecamatan's figure, the district's, the gap in points with whether it is
    the better side (by the indicator's direction: less open defecation is better), and the kecamatan's rank among
    all. A table where a chart of six bars stood: the same reading in half a page's width, at a fraction of a
    chart's cost to the browser. None when the kecamatan has no comparable year."""
    t = i18n.t
    f = compare_with_district(an, kode, lang)
    if f.empty:
        return None
    place = {label: text for label, _, _, text in ranks(an, kode, lang)}
    columns: dict[str, list[str]] = {}
    for k, pair in f.groupby("indikator", sort=False):
        here, district = pair.iloc[0], pair.iloc[1]
        gap = here["nilai"] - district["nilai"]
        side = "" if round(gap, 1) == 0 else t("profil.lebih_baik" if gap * indicators.get(k).arah > 0
                                                else "profil.lebih_buruk", lang)
        # each part kept whole (no-break spaces): a narrow column breaks at the dot, not inside "lebih buruk"
        said = " · ".join(x.replace(" ", "\u00a0") for x in (fmt.delta(gap, lang=lang), side) if x)
        columns[here["label"]] = [here["nilai_teks"], district["nilai_teks"], said, place.get(here["label"], "")]
    rows = [an.data.nama(kode), an.nama(KABUPATEN, lang), t("profil.selisih_baris", lang),
            t("profil.peringkat_baris", lang)]
    return Table(pd.DataFrame({"": rows, **columns}), None)


def compare_with_district(an: Analysis, kode: str, lang: str = "id") -> pd.DataFrame:
    """Headline rates of the kecamatan and the kabupaten in the same (latest comparable) year."""
    f = kecamatan_rows(an, kode)
    if f.empty:
        return pd.DataFrame(columns=["wilayah", "indikator", "label", "nilai", "nilai_teks"])
    r = f.iloc[-1]
    d = an.kab.loc[an.kab["tahun"] == int(r["tahun"])].iloc[0]
    rows = []
    for k in indicators.HEADLINE:
        ind = indicators.get(k)
        for who, src in ((an.data.nama(kode), r), (an.nama(KABUPATEN, lang), d)):
            rows.append({"wilayah": who, "indikator": k, "label": ind.label(lang), "nilai": float(src[ind.kolom]),
                         "nilai_teks": fmt.pct(src[ind.kolom], lang=lang)})
    return pd.DataFrame(rows)
