"""The Program SSK page's view: the SSK matrix against the need (the Kebutuhan page's numbers), the funding gap per
year and source for the district and each kecamatan, the year the target is reached if the plan is carried out
(checked by hand for two kecamatan), and the Paparan slides that show the same."""

from __future__ import annotations

import pandas as pd
import pytest

from sanitasi import KODE_KABUPATEN, fmt, i18n
from sanitasi.analysis import KABUPATEN, Analysis
from sanitasi.contracts import SUMBER_DANA
from sanitasi.coverage import WIDE, coverage, funding
from sanitasi.deck import plain
from sanitasi.views import kebutuhan, paparan, program_ssk

RPJMN = "RPJMN 2025-2029"  # sets no layak target: the plan is held to the running SSK's (92% by 2029)
SSK = "SSK 2025-2029 (ilustratif)"
KEC = [f"63.10.{i:02d}" for i in range(1, 13)]
MARK = " (ILUSTRATIF)"  # after every money heading while the matrix or the unit costs are the bundled ones


def t(key: str, **kw: object) -> str:
    return i18n.t(key, "id", **kw)


@pytest.fixture(scope="module")
def r(an: Analysis) -> program_ssk.ProgramSsk:
    return program_ssk.view(an, program_ssk.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2029))


@pytest.fixture(scope="module")
def need(an: Analysis) -> kebutuhan.Kebutuhan:
    return kebutuhan.view(an, kebutuhan.Settings(dokumen=SSK, indikator="layak", tahun_capai=2029))


def by_name(table: pd.DataFrame, column: str) -> dict[str, str]:
    return dict(zip(table[t("tabel.kecamatan")], table[column], strict=True))


# ------------------------------------------------------------------------------------- the target it is held to
def test_the_plan_is_held_to_the_running_ssk_target_when_the_chosen_document_sets_none(an: Analysis, r) -> None:
    cov = coverage(an, "layak", RPJMN, 2029)
    assert (cov.dokumen, cov.target, cov.tahun) == (SSK, 92.0, (2026, 2027, 2028, 2029))
    assert r.target == (f"Target: akses layak 92% pada 2029 ({SSK}). RPJMN 2025-2029 tidak menetapkan target akses "
                        "layak; dipakai dokumen yang berjalan yang menetapkannya.")
    # RPJMN 2025-2029 sets aman itself (30% by 2029): held to its own target
    assert coverage(an, "aman", RPJMN, 2029).dokumen == RPJMN


# ------------------------------------------------------------------------------------- plan against need
def test_the_need_is_the_kebutuhan_pages_for_the_district_and_every_kecamatan(an: Analysis, r, need) -> None:
    """Households and money needed a year, as both pages print them, kecamatan by kecamatan and for the district."""
    years = 4  # 2026-2029
    kk_page = by_name(need.tabel.frame, t("kebutuhan.k_per_tahun"))
    kk_plan = by_name(r.tabel, t("program.k_perlu"))
    names = [an.nama(k) for k in KEC]
    assert {n: kk_plan[n] for n in names} == {n: kk_page[n] for n in names}
    every = next(v for k, v in kk_page.items() if k.startswith("Jumlah kecamatan"))
    assert kk_plan[an.nama(KABUPATEN)] == every == "2.145"
    # the numbers behind them: over the four years, the gap's households and money exactly
    cov = coverage(an, "layak", RPJMN, 2029)
    table = need.kebutuhan.table.set_index("kode_wilayah")
    w = cov.wilayah.set_index("kode")
    for kode in KEC:
        assert w.at[kode, "kk_perlu"] * years == pytest.approx(table.at[kode, "kesenjangan_kk"])
        assert w.at[kode, "biaya_perlu"] * years == pytest.approx(table.at[kode, "biaya_total"])
    assert w.at[KABUPATEN, "kk_perlu"] * years == need.kebutuhan.total_kk == 8581
    # the money a year: the Kebutuhan card, and the district row of the plan
    cost = dict(need.metrik)[t("kebutuhan.m_biaya_tahun") + " (ILUSTRATIF)"]
    assert by_name(r.tabel_dana, t("program.k_perlu_rp") + MARK)[an.nama(KABUPATEN)] == cost == "Rp13,1 miliar"
    # year by year: the bars 'needed' are the Kebutuhan page's yearly plan
    yearly = kebutuhan.yearly(need.kebutuhan).drop_duplicates("tahun")
    bars = max(r.rumah_tangga.spec["datasets"].values(), key=len)
    needed = {b["tahun"]: b["kk"] for b in bars if b["bagian"] == "perlu"}
    assert needed == dict(zip(yearly["tahun"], yearly["tambah"].astype(float), strict=True))


def test_households_planned_are_the_matrix_rows_of_the_indicator_in_each_place(an: Analysis) -> None:
    """Volume x households per unit of the layak rows, a desa's in its kecamatan, kabupaten-wide rows only in the
    district total; 2025 (the data year) is in the data already."""
    ssk = an.data.ssk
    rows = ssk.loc[(ssk["indikator"] == "layak") & ssk["tahun"].between(2026, 2029)]
    cov = coverage(an, "layak", RPJMN, 2029)
    plan = cov.per_tahun.set_index(["kode", "tahun"])["kk_rencana"]
    for kode in KEC:
        mine = rows.loc[rows["kode_wilayah"] == kode]
        for year in range(2026, 2030):
            one = mine.loc[mine["tahun"] == year]
            assert plan[(kode, year)] == (one["volume"] * one["kk_per_satuan"]).sum(), (kode, year)
    assert plan.xs(KABUPATEN, level="kode").sum() == (rows["volume"] * rows["kk_per_satuan"]).sum()
    # by hand for Kuranji: 53 + 56 + 56 + 61 households of latrine-and-tank grants (four sources), 226 in all
    assert plan.xs("63.10.10", level="kode").tolist() == [53, 56, 56, 61]


@pytest.mark.parametrize("kode", [KODE_KABUPATEN, *KEC])
def test_the_funding_gap_per_year_and_source(an: Analysis, kode: str) -> None:
    """Each year: what each source plans for the indicator there (the matrix's rows), their sum, the money needed
    and the gap between them."""
    ssk = an.data.ssk
    cov = coverage(an, "layak", RPJMN, 2029)
    f = funding(cov, kode).set_index("tahun")
    rows = ssk.loc[ssk["indikator"] == "layak"]
    if kode != KODE_KABUPATEN:
        rows = rows.loc[rows["kode_wilayah"] == kode]
    need = cov.per_tahun.loc[cov.per_tahun["kode"] == kode].set_index("tahun")["biaya_perlu"]
    for year in range(2026, 2030):
        for source in SUMBER_DANA:
            expected = rows.loc[(rows["tahun"] == year) & (rows["sumber_dana"] == source), "biaya"].sum()
            assert f.at[year, source] == expected, (year, source)
        assert f.at[year, "rencana"] == rows.loc[rows["tahun"] == year, "biaya"].sum()
        assert f.at[year, "kurang"] == pytest.approx(need[year] - f.at[year, "rencana"])


def test_a_kecamatan_chosen_shows_its_own_money_per_year_and_source(an: Analysis) -> None:
    r = program_ssk.view(an, program_ssk.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2029,
                                                  kode="63.10.04"))
    cov = coverage(an, "layak", RPJMN, 2029)
    f = funding(cov, "63.10.04")
    table = r.dana_tabel.frame
    assert r.dana_tabel.sumber == r.sumber
    assert table[t("grafik.tahun")].tolist() == ["2026", "2027", "2028", "2029"]
    # Satui 2026: APBD 910 juta, APBN/DAK 546 + 520 (the communal IPAL) juta, Dana Desa and swadaya 182 juta each
    assert table[t("dana.apbd_kab") + MARK].iloc[0] == "Rp910 juta"
    assert table[t("dana.apbn_dak") + MARK].iloc[0] == "Rp1,1 miliar"
    assert table[t("program.k_rencana_rp") + MARK].tolist() == [fmt.rupiah(v) for v in f["rencana"]]
    assert table[t("program.k_kurang_rp") + MARK].tolist() == [fmt.rupiah(v) for v in f["kurang"]]
    # the stacked bars carry the same money, the gap on top of the sources
    bars = max(r.dana.spec["datasets"].values(), key=len)
    for year, planned, short in zip(f["tahun"], f["rencana"], f["kurang"], strict=True):
        mine = [b for b in bars if b["tahun"] == year]
        assert sum(b["biaya"] for b in mine if b["sumber_dana"] != "kurang") == pytest.approx(planned)
        assert sum(b["biaya"] for b in mine if b["sumber_dana"] == "kurang") == pytest.approx(max(short, 0.0))
    assert r.ringkasan.startswith("**ILUSTRATIF** · Rencana SSK menjangkau **334 KK per tahun** (2026–2029) di Satui")


def test_beside_the_households_the_money_a_year_needed_planned_and_short_with_the_totals(an: Analysis) -> None:
    r = program_ssk.view(an, program_ssk.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2029,
                                                  kode="63.10.04"))
    f = funding(coverage(an, "layak", RPJMN, 2029), "63.10.04")
    table = r.dana_ringkas_tabel.frame
    assert r.dana_judul == "Akses layak, Satui: dana per tahun" and r.dana_ringkas_tabel.sumber == r.sumber
    assert table.columns.tolist() == [t("grafik.tahun"), *(t(k) + MARK for k in ("program.k_perlu_rp",
                                                                                 "program.k_rencana_rp",
                                                                                 "program.k_kurang_rp"))]
    assert table[t("grafik.tahun")].tolist() == ["2026", "2027", "2028", "2029", "Jumlah"]
    for key, part in (("program.k_perlu_rp", "perlu"), ("program.k_rencana_rp", "rencana"),
                      ("program.k_kurang_rp", "kurang")):
        assert table[t(key) + MARK].tolist() == [*(fmt.rupiah(v) for v in f[part]), fmt.rupiah(f[part].sum())]
    # the total row is the sum of the years, and what is short is what is needed less what is planned
    assert f["kurang"].sum() == pytest.approx(f["perlu"].sum() - f["rencana"].sum())


def test_the_sentence_says_planned_needed_short_and_where_most(r) -> None:
    assert r.ringkasan == (
        "**ILUSTRATIF** · Rencana SSK menjangkau **1.471 KK per tahun** (2026–2029) di Kabupaten Tanah Bumbu; yang "
        "dibutuhkan 2.145 KK per tahun untuk akses layak 92% pada 2029: kurang **675 KK** dan **Rp2,9 miliar per "
        "tahun**. Kekurangan terbesar di **Satui** (230 KK per tahun).")
    assert dict(r.metrik) == {"KK dijangkau rencana per tahun": "1.471 KK", "KK dibutuhkan per tahun": "2.145 KK",
                              "Kurang per tahun": "675 KK", "Kekurangan dana per tahun (ILUSTRATIF)": "Rp2,9 miliar"}


def test_planned_access_work_where_none_is_needed_is_a_question(r) -> None:
    """Batulicin is above 92% today: its latrine grants and communal IPAL are asked about, not refused."""
    questions = [p for p in r.periksa if p.startswith("Pertanyaan:") and "Batulicin" in p]
    assert len(questions) == 2 and all("sudah mencapai akses layak 92%" in p for p in questions)


# ------------------------------------------------------------------------------------- the year under the plan
def by_hand(an: Analysis, kode: str, plan: list[int]) -> tuple[int, float]:
    """The year a kecamatan reaches 92% layak and stays there if the plan is carried out, worked out as a person
    would: today's households and those with access (2025), the households' growth a year over 2021-2025, new
    households arriving with access at 84% (92% less the 8 points the programme must reach among them: the district
    is at 84,18% today), the plan's households added year by year from 2026 and, after 2029, its average."""
    rows = an.data.akses.loc[an.data.akses["kode_wilayah"] == kode].set_index("tahun")
    n0 = rows.at[2025, "jumlah_kk"]
    a0 = rows.at[2025, "kk_aman"] + rows.at[2025, "kk_layak_sendiri"] + rows.at[2025, "kk_layak_bersama"]
    growth = (n0 / rows.at[2021, "jumlah_kk"]) ** (1 / 4) - 1
    new_a_year = n0 * ((1 + growth) ** 4 - 1) / 4  # the new households until 2029, the same number each year
    pace = sum(plan) / 4
    reached, share_2029 = None, None
    for k in range(1, 2045 - 2025 + 1):
        done = sum(plan[:k]) if k <= 4 else sum(plan) + pace * (k - 4)
        share = 100 * (a0 + 0.84 * new_a_year * k + done) / (n0 + new_a_year * k)
        if k == 4:
            share_2029 = share
        if share >= 92 and reached is None:
            reached = 2025 + k
        elif share < 92:
            reached = None
    return reached, share_2029


@pytest.mark.parametrize(("kode", "plan", "year", "share"), [
    # Kuranji: 3.417 KK, 2.938 with access (86,0%), growth (3.417/3.182)^(1/4) - 1 = 1,80% a year, so 63,1 new
    # households a year; the plan 53, 56, 56, 61. 2028: (2.938 + 0,84 x 189,3 + 165) / 3.606,3 = 90,45%;
    # 2029: (2.938 + 0,84 x 252,4 + 226) / 3.669,4 = 92,004%: reached in 2029, just
    ("63.10.10", [53, 56, 56, 61], 2029, 92.0),
    # Satui: 17.879 KK, 14.393 with access (80,5%), growth (17.879/15.704)^(1/4) - 1 = 3,30%, so 619,1 new a year;
    # the plan 280 latrine grants + 45 (one communal IPAL) a year, about 334 a year. 2029: (14.393 + 0,84 x 2.476,2
    # + 1.334) / 20.355,2 = 87,48%. After 2029 each year adds 0,84 x 619,1 + 333,5 = 853,5 with access to 619,1
    # households: 17.807 + 853,5 j >= 0,92 x (20.355,2 + 619,1 j) gives j >= 3,24, so four more years: 2033
    ("63.10.04", [325, 336, 335, 338], 2033, 87.5),
])
def test_the_year_the_target_is_reached_under_the_plan_by_hand(an: Analysis, r, kode: str, plan: list[int],
                                                               year: int, share: float) -> None:
    cov = coverage(an, "layak", RPJMN, 2029)
    assert cov.per_tahun.loc[cov.per_tahun["kode"] == kode, "kk_rencana"].tolist() == plan
    assert by_hand(an, kode, plan) == (year, pytest.approx(share, abs=0.05))
    assert cov.capai.set_index("kode_wilayah").at[kode, "tahun_capai"] == year
    got = cov.seri.loc[(cov.seri["kode_wilayah"] == kode) & (cov.seri["tahun"] == 2029), "persen"].iloc[0]
    assert got == pytest.approx(by_hand(an, kode, plan)[1])
    # the page's table says the same
    name = an.nama(kode)
    assert by_name(r.tabel, t("program.k_capai"))[name] == str(year)
    assert by_name(r.tabel, t("program.k_persen", tahun=2029))[name] == fmt.pct(got, 1)


def test_a_kecamatan_above_target_that_the_plan_leaves_alone_falls_below_it(an: Analysis, r) -> None:
    """Simpang Empat is at 92,8% today, the plan builds nothing there and its new households arrive at 84%: it is
    not counted as reached (it is below 92% from 2029 on), whereas Batulicin stays above."""
    cov = coverage(an, "layak", RPJMN, 2029)
    when = cov.capai.set_index("kode_wilayah")["tahun_capai"]
    assert pd.isna(when["63.10.06"]) and when["63.10.01"] == 2025
    table = by_name(r.tabel, t("program.k_capai"))
    assert table["Simpang Empat"] == "belum sampai 2045" and table["Batulicin"] == "sudah"
    assert r.capai_teks.startswith("Bila rencana SSK dijalankan, kabupaten mencapai akses layak 92% pada **2032**. "
                                   "3 dari 12 kecamatan mencapainya paling lambat 2029.")


# ------------------------------------------------------------------------------------- who carries it, the export
def test_each_agency_carries_its_share_of_money_and_households(an: Analysis, r) -> None:
    c = r.pemikul.frame.set_index("OPD")
    assert r.pemikul.sumber.startswith("Sumber: data ILUSTRATIF")  # the matrix, the activity and role tables
    money = [float(s.split("(")[1].rstrip("%)").replace(",", ".")) for s in c[t("program.k_dana")]]
    assert sum(money) == pytest.approx(100, abs=len(money))  # whole percents, each rounded
    assert c.loc["Perkimtan", t("program.k_memimpin")] == "Akses layak"
    assert any("Pembangunan IPAL komunal / MCK++ (PUPR, 2025" in n for n in r.pemikul_catatan)  # not in the plan


def test_the_download_is_the_instrumen_layout_of_the_matrix(r) -> None:
    import io

    import openpyxl

    ws = openpyxl.load_workbook(io.BytesIO(r.xlsx()))["matriks_ssk"]
    assert ws["A1"].value.startswith("INDIKASI PROGRAM DAN KEGIATAN") and "ilustratif" in ws["A3"].value
    assert r.xlsx_nama == "matriks_program_ssk_versi_0.xlsx"


# ------------------------------------------------------------------------------------- the slides
def test_the_slides_show_the_pages_numbers_for_the_district_and_each_kecamatan(an: Analysis) -> None:
    s = paparan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2029, today="2026-12-01")
    slides = {sl.kunci: sl for sl in paparan.build(an, s, "Sumber: uji")}
    page = program_ssk.view(an, program_ssk.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2029))
    district, each = slides["program"], slides["program_kecamatan"]
    assert district.pesan == plain(page.ringkasan) and district.pesan.startswith("ILUSTRATIF")
    # money per year by source, the gap on top: the page's chart, shorter on the slide (it must fit 768 px)
    assert {**district.grafik.spec, "height": None} == {**page.dana.spec, "height": None}
    assert district.grafik.spec["height"] == paparan.CHART_HEIGHT
    assert district.poin[0] == ("Dana 2026–2029 (Kabupaten Tanah Bumbu): rencana Rp40,8 miliar, dibutuhkan "
                                "Rp52,3 miliar; kekurangan Rp11,5 miliar.")
    assert district.poin[-1] == "Bila rencana SSK dijalankan, kabupaten mencapai akses layak 92% pada 2032."
    pd.testing.assert_frame_equal(each.tabel, page.tabel_ringkas)
    assert len(each.tabel) == 13 and each.tabel[t("tabel.kecamatan")].iloc[-1] == an.nama(KABUPATEN)
    assert each.pesan == ("ILUSTRATIF · 9 dari 12 kecamatan mendapat kurang dari kebutuhannya (2026–2029); terbesar: "
                          "Satui (230 KK), Mantewe (187 KK), Teluk Kepayang (123 KK). Rencana melebihi kebutuhan di "
                          "Batulicin, Kusan Hilir.")
    assert "ILUSTRATIF" in district.sumber and district.sumber == each.sumber == page.sumber
    assert WIDE not in each.tabel[t("tabel.kecamatan")].tolist()


def test_district_wide_work_counts_for_the_district_only(an: Analysis) -> None:
    """Scheduled desludging (LLTT) is planned for the whole kabupaten: the district's safely managed plan holds it,
    no kecamatan does, and the slide's sentence says so instead of a row of its own."""
    cov = coverage(an, "aman", RPJMN, 2029)
    ssk = an.data.ssk
    wide = ssk.loc[(ssk["indikator"] == "aman") & ssk["kode_wilayah"].isna() & ssk["tahun"].between(2026, 2029)]
    w = cov.wilayah.set_index("kode")
    assert w.at[WIDE, "kk_rencana"] == pytest.approx((wide["volume"] * wide["kk_per_satuan"]).sum() / 4) == 1550
    assert (w.loc[KEC, "kk_rencana"] == 0).all() and w.at[KABUPATEN, "kk_rencana"] == 1550
    r = program_ssk.view(an, program_ssk.Settings(dokumen=RPJMN, indikator="aman", tahun_capai=2029))
    assert t("program.seluruh") in r.tabel[t("tabel.kecamatan")].tolist()
    assert t("program.seluruh") not in r.tabel_ringkas[t("tabel.kecamatan")].tolist()
    assert r.ringkasan_kecamatan.endswith(t("program.kec_seluruh", kk="1.550 KK"))
