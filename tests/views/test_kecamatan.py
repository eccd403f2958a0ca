"""The Kecamatan page's view: one kecamatan's profile, cards, ladder, comparison, households short, rank, table."""

from __future__ import annotations

import pandas as pd
import pytest

from sanitasi import cards, fmt, i18n, indicators, judging
from sanitasi.analysis import Analysis, assessment, kecamatan_rows
from sanitasi.views import kecamatan

RPJMN = "RPJMN 2020-2024"
BATULICIN, KUSAN_HILIR, MANTEWE, KUSAN_TENGAH = "63.10.01", "63.10.02", "63.10.08", "63.10.11"


def view(an: Analysis, kode: str, dokumen: str = RPJMN, lang: str = "id") -> kecamatan.Kecamatan:
    return kecamatan.view(an, kecamatan.Settings(kode=kode, dokumen=dokumen, lang=lang))


def latest(an: Analysis, kode: str) -> pd.Series:
    return kecamatan_rows(an, kode).iloc[-1]


def test_title_and_the_2021_split_from_both_sides(an) -> None:
    child = view(an, KUSAN_TENGAH)
    assert child.judul == "Kecamatan Kusan Tengah"
    assert "2021" in child.catatan and "Kusan Hilir" in child.catatan
    parent = view(an, KUSAN_HILIR)
    assert "Kusan Tengah" in parent.catatan
    # the parent's ladder starts at the split: its older rows cover the larger area
    assert parent.catatan_tangga == i18n.t("profil.tangga_sejak", "id", tahun=2021)
    other = view(an, BATULICIN)
    assert other.catatan == "" and other.catatan_tangga == ""
    assert fmt.kk(latest(an, BATULICIN)["jumlah_kk"]) in other.keterangan
    assert view(an, BATULICIN, lang="en").judul == i18n.t("profil.judul", "en", nama="Batulicin")


def test_cards_are_the_kecamatan_against_the_document_without_the_method_line(an) -> None:
    r = view(an, MANTEWE)
    assert [c.indikator for c in r.kartu] == list(indicators.HEADLINE)
    row = latest(an, MANTEWE)
    for card in r.kartu:
        assert card.metode == ""  # the page writes the method once, under the table
        assert card.nilai == indicators.get(card.indikator).teks(row[indicators.get(card.indikator).kolom])
        assert card.status == assessment(an, MANTEWE, card.indikator, RPJMN)["status"]
    # everything else as the shared card builder makes it
    full = cards.cards(an, RPJMN, kode=MANTEWE)
    assert [c.target for c in r.kartu] == [c.target for c in full]
    assert [c.selisih_kk for c in r.kartu] == [c.selisih_kk for c in full]


def test_households_still_without_access(an) -> None:
    r = view(an, MANTEWE)
    row = an.kec.query(f"kode_wilayah == '{MANTEWE}' and tahun == 2025").iloc[0]
    assert r.tanpa_judul == i18n.t("profil.tanpa_judul", "id", tahun=2025)
    missing = dict(r.tanpa)
    assert missing["KK masih BABS di tempat terbuka"] == fmt.kk(row["kk_babs_terbuka"])
    assert missing["KK belum akses aman"] == fmt.kk(row["jumlah_kk"] - row["kk_aman"])
    layak = row["kk_aman"] + row["kk_layak_sendiri"] + row["kk_layak_bersama"]
    assert missing["KK tanpa akses layak"] == fmt.kk(row["jumlah_kk"] - layak)


def test_rank_among_all_kecamatan(an) -> None:
    r = view(an, BATULICIN)
    n = len(an.data.wilayah)
    ranks = r.banding.frame.set_index("").loc["Peringkat (1 = terbaik)"].to_dict()
    assert list(ranks) == [indicators.get(k).label("id") for k in indicators.HEADLINE]
    # Batulicin has the highest layak share in 2025
    assert ranks["Akses layak"] == i18n.t("profil.peringkat", "id", posisi=1, dari=n)
    # open defecation ranks the lowest share first: count the kecamatan with less than Batulicin
    col = indicators.get("babs_terbuka").kolom
    year = an.kec.loc[an.kec["tahun"] == an.tahun]
    below = int((year[col] < latest(an, BATULICIN)[col]).sum())
    assert ranks["BABS di tempat terbuka"] == i18n.t("profil.peringkat", "id", posisi=below + 1, dari=n)


def test_ladder_chart_draws_the_comparable_years(an) -> None:
    r = view(an, KUSAN_HILIR)
    spec = r.tangga.spec
    assert r.tangga.name == f"tangga_{KUSAN_HILIR}"
    assert spec["usermeta"]["judul"] == [i18n.t("profil.tangga_judul", "id", nama="Kusan Hilir")]
    assert spec["usermeta"]["sumber"][0].startswith("Sumber: data ILUSTRATIF")
    values = next(iter(spec["datasets"].values()))
    years = sorted({v["tahun"] for v in values})
    assert years[0] == 2021 and years == sorted(int(y) for y in kecamatan_rows(an, KUSAN_HILIR)["tahun"])
    for y in years:
        assert sum(v["persen"] for v in values if v["tahun"] == y) == pytest.approx(100.0)


def test_comparison_puts_the_kecamatan_beside_the_district_in_the_same_year(an) -> None:
    """An indicator a column: both figures, the gap with the better side by the indicator's direction (less open
    defecation is better), the rank."""
    r = view(an, BATULICIN)
    frame = r.banding.frame
    row = latest(an, BATULICIN)
    kab = an.kab.loc[an.kab["tahun"] == int(row["tahun"])].iloc[0]
    district = i18n.t("umum.kabupaten", "id")
    assert r.banding_judul == f"{i18n.t('profil.banding_judul', 'id')} ({int(row['tahun'])})"
    assert frame.columns.tolist() == ["", *(indicators.get(k).label("id") for k in indicators.HEADLINE)]
    assert frame[""].tolist() == ["Batulicin", district, "Selisih", "Peringkat (1 = terbaik)"]
    for k in indicators.HEADLINE:
        col, ind = indicators.get(k).kolom, indicators.get(k)
        here, there, gap_text, _ = frame[ind.label("id")]
        assert (here, there) == (fmt.pct(row[col]), fmt.pct(kab[col]))
        gap = row[col] - kab[col]
        side = "lebih\u00a0baik" if gap * ind.arah > 0 else "lebih\u00a0buruk"
        assert gap_text == f"{fmt.delta(gap).replace(' ', chr(0xa0))} · {side}"
    # Batulicin has more layak access than the district: the better side
    layak = indicators.get("layak").kolom
    assert frame.loc[2, "Akses layak"].endswith("lebih\u00a0baik") and row[layak] > kab[layak]


def test_status_table_has_every_document_and_indicator_that_applies(an) -> None:
    r = view(an, BATULICIN)
    judged = an.nilai.loc[an.nilai["kode_wilayah"] == BATULICIN]
    # 16 kecamatan targets since the current-period documents are bundled (tests/test_analysis.py counts them)
    assert len(r.tabel) == len(judged) == 16
    assert list(r.tabel.columns) == [i18n.t(f"tabel.{k}", "id") for k in
                                     ("dokumen", "indikator", "target", "nilai_terakhir", "laju", "status",
                                      "perkiraan")]
    # the status with the year it speaks of, as the cards and the map say it (sanitasi.judging)
    assert r.tabel.iloc[:, 5].tolist() == [judging.status_text(judging.judge(an, BATULICIN, k, d))
                                           for k, d in zip(judged["indikator"], judged["dokumen"], strict=True)]
    assert "Tercapai pada 2024 (91,5%)" in r.tabel.iloc[:, 5].tolist()  # layak, RPJMN 2020-2024
    assert r.tabel.iloc[:, 0].tolist() == judged["dokumen"].tolist()


def test_a_kecamatan_without_figures_has_no_comparison_and_an_equal_one_no_side(an, monkeypatch) -> None:
    """No comparable year: no table (the page leaves it out). A figure equal to the district's: no side named."""
    from dataclasses import replace

    from sanitasi.analysis import analyse
    from sanitasi.views import kecamatan

    without = analyse(replace(an.data, akses=an.data.akses.loc[an.data.akses["kode_wilayah"] != BATULICIN]))
    assert kecamatan.comparison_table(without, BATULICIN) is None
    real = kecamatan.compare_with_district(an, BATULICIN)
    # the district's figures set to the kecamatan's: every gap ±0 points, neither side
    pairs = real.groupby("indikator", sort=False)
    equal = real.assign(nilai=pairs["nilai"].transform("first"), nilai_teks=pairs["nilai_teks"].transform("first"))
    monkeypatch.setattr(kecamatan, "compare_with_district", lambda *_a, **_k: equal)
    frame = kecamatan.comparison_table(an, BATULICIN).frame
    assert frame.iloc[2, 1:].tolist() == ["±0\u00a0poin"] * len(indicators.HEADLINE)
