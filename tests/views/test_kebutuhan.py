"""The Kebutuhan page's view: households and money to reach a target, the cost editor, the what-if."""

from __future__ import annotations

import io
import math

import openpyxl
import pandas as pd
import pytest

from sanitasi import fmt, i18n, needs
from sanitasi.analysis import KABUPATEN, Analysis
from sanitasi.views import kebutuhan

RPJMN = "RPJMN 2020-2024"
SDG = "SDG 6.2 (2030)"
JAKSTRANAS = "Jakstranas 2025 (Perpres 97/2017)"  # sets waste targets only


def values(fig) -> list[dict]:
    """The rows of a chart's one data set (the what-if also carries a one-row target line)."""
    return max(fig.spec["datasets"].values(), key=len)


@pytest.fixture(scope="module")
def r(an: Analysis) -> kebutuhan.Kebutuhan:
    return kebutuhan.view(an, kebutuhan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2030))


# ------------------------------------------------------------------------------------- the controls
@pytest.mark.parametrize(("dokumen", "indikator", "choices", "goal", "late"), [
    # RPJMN sets layak 90% for 2024: the target year has passed in the 2025 data
    (RPJMN, "layak", ["layak", "aman", "babs_terbuka"], 90.0, 2024),
    (SDG, "aman", ["aman", "babs_terbuka"], 100.0, None),
    # no target in the document: every headline indicator, 90% for a rising share, 0% open defecation
    (JAKSTRANAS, "aman", ["layak", "aman", "babs_terbuka"], 90.0, None),
    (JAKSTRANAS, "babs_terbuka", ["layak", "aman", "babs_terbuka"], 0.0, None),
])
def test_options_give_the_choices_the_goal_and_the_passed_target_year(an: Analysis, dokumen: str, indikator: str,
                                                                      choices: list[str], goal: float,
                                                                      late: int | None) -> None:
    assert kebutuhan.indicator_choices(an, dokumen) == choices
    o = kebutuhan.options(an, dokumen, indikator)
    assert o.target == goal == kebutuhan.goal(an, dokumen, indikator)
    assert o.target_teks == f"{fmt.number(goal, 1)}% · {dokumen}"
    if late is None:
        assert o.target_lewat is None
    else:
        assert o.target_lewat == i18n.t("kebutuhan.target_lewat", "id", tahun=late, dokumen=dokumen)
    assert o.biaya.frame["kode"].tolist() == an.data.biaya.loc[an.data.biaya["indikator"] == indikator,
                                                                "kode"].tolist()


def test_years_run_from_next_year_to_the_horizon(an: Analysis) -> None:
    o = kebutuhan.options(an, RPJMN, "layak")
    assert o.tahun == list(range(an.tahun + 1, needs.HORIZON_YEAR + 1))
    assert o.tahun[-1] == 2045
    assert o.tahun_awal == an.tahun + 5  # RPJMN's 2024 has passed: five years on
    assert kebutuhan.options(an, SDG, "aman").tahun_awal == 2030  # the document's year while it is ahead


# ------------------------------------------------------------------------------------- the plan
def test_needs_table_totals(an: Analysis) -> None:
    result = kebutuhan.needs_table(an, "layak", 90.0, 2030, an.data.biaya)
    kec = result.table.loc[result.table["kode_wilayah"] != KABUPATEN]
    total = result.table.loc[result.table["kode_wilayah"] == KABUPATEN].iloc[0]
    assert len(kec) == 12
    for col in ("backlog", "pertumbuhan", "kesenjangan_kk"):
        assert total[col] == kec[col].sum()
    assert (total["backlog"], total["kesenjangan_kk"]) == (result.gap.backlog_kecamatan, result.total_kk)
    assert (kec["kesenjangan_kk"] == kec["backlog"] + kec["pertumbuhan"]).all()
    # layak cost per household: 0.8 x 6.5 million + 0.2 x 4.5 million = 6.1 million
    assert result.biaya_per_kk == pytest.approx(6_100_000)
    assert result.total_biaya == pytest.approx(result.total_kk * 6_100_000)
    assert result.total_per_tahun == pytest.approx(result.total_kk / 5)
    assert fmt.kk(result.total_kk) in result.ringkasan
    # 12 kecamatan, their sum, and the district as one area, each backlog named
    shown = result.display
    assert list(shown.columns)[0] == "Kecamatan" and len(shown) == 14
    assert shown.iloc[12, 0] == i18n.t("kebutuhan.semua_kecamatan", "id")
    assert shown.iloc[13, 0] == i18n.t("kebutuhan.satu_wilayah", "id")
    assert shown.iloc[12]["Backlog hari ini"] == "6.622" and shown.iloc[13]["Backlog hari ini"] == "5.722"


def test_kecamatan_above_the_target_have_no_backlog(an: Analysis) -> None:
    """Batulicin (93,6% layak) and Simpang Empat (92,8%) are above 90%: backlog 0, and with the default assumption
    their surplus covers their new households too (the issue's Batulicin 'still needing 127 KK a year' is gone)."""
    t = kebutuhan.needs_table(an, "layak", 90.0, 2030, an.data.biaya).table.set_index("kode_wilayah")
    for kode in ("63.10.01", "63.10.06"):
        assert (t.loc[kode, "backlog"], t.loc[kode, "kesenjangan_kk"], t.loc[kode, "per_tahun"]) == (0, 0, 0.0)


@pytest.mark.parametrize(("porsi", "growth"), [
    (None, 518),  # default: 90 - 84,18 = 5,82 -> 6% of 12.688 new households, after the two above the target
    (0.0, 0),     # growth 0: the total is the backlog
])
def test_backlog_and_growth_in_the_plan(an: Analysis, porsi, growth) -> None:
    result = kebutuhan.needs_table(an, "layak", 90.0, 2030, an.data.biaya, porsi_baru=porsi)
    g = result.gap
    assert (g.backlog_kecamatan, g.pertumbuhan_kecamatan, g.total_kecamatan) == (6622, growth, 6622 + growth)
    assert g.backlog_kabupaten == 5722
    assert result.metrics[0] == ("Backlog hari ini (setiap kecamatan)", "6.622 KK")
    assert result.metrics[1] == ("Pertumbuhan sampai 2030", fmt.kk(growth))
    # the money follows the split: 6.1 million a household
    assert "backlog " + fmt.rupiah(6622 * 6_100_000) in result.ringkasan
    assert "pertumbuhan " + fmt.rupiah(growth * 6_100_000) in result.ringkasan


def test_view_shows_the_plan_for_the_document_goal(an: Analysis, r: kebutuhan.Kebutuhan) -> None:
    plan = kebutuhan.needs_table(an, "layak", 90.0, 2030, an.data.biaya)
    assert r.ringkasan == plan.ringkasan and r.kebutuhan.total_kk == plan.total_kk
    assert r.metrik == plan.metrics == (
        ("Backlog hari ini (setiap kecamatan)", fmt.kk(plan.gap.backlog_kecamatan)),
        ("Pertumbuhan sampai 2030", fmt.kk(plan.gap.pertumbuhan_kecamatan)),
        ("Per tahun sampai 2030", fmt.kk(plan.total_per_tahun)),
        ("Biaya per tahun (ILUSTRATIF)", fmt.rupiah(plan.total_per_tahun * 6_100_000)))
    pd.testing.assert_frame_equal(r.tabel.frame, plan.display)
    assert r.tabel.sumber == r.sumber_biaya  # the table carries costs: its source names the unit costs too
    assert r.asumsi == i18n.t("kebutuhan.asumsi_bawaan", "id", porsi="6", kini="84,2", indikator="akses layak")


def test_the_table_draws_households_a_year_as_bars_against_the_largest(r: kebutuhan.Kebutuhan) -> None:
    heading, lengths = r.tabel.batang.kolom, r.tabel.batang.panjang
    assert heading == i18n.t("kebutuhan.k_per_tahun", "id") == r.tabel.frame.columns[7]
    kec = r.kebutuhan.table.loc[r.kebutuhan.table["kode_wilayah"] != KABUPATEN]
    assert len(lengths) == len(r.tabel.frame) == len(kec) + 2
    assert lengths[-2:] == (None, None)  # the sum of the kecamatan and the district as one area: no bar
    top = kec["per_tahun"].max()
    assert list(lengths[:-2]) == pytest.approx([v / top for v in kec["per_tahun"]])
    assert max(lengths[:-2]) == 1.0 and min(lengths[:-2]) == 0.0  # Batulicin and Simpang Empat need nothing
    # the bars follow the figures written in the column: the longest bar is the largest figure
    shown = r.tabel.frame[heading].iloc[:-2].tolist()
    assert shown[lengths.index(1.0)] == fmt.number(top, 0)


def test_the_tables_workbook_holds_the_figures_as_numbers_and_what_they_rest_on(an: Analysis,
                                                                               r: kebutuhan.Kebutuhan) -> None:
    assert r.tabel_nama == f"kebutuhan_layak_2030_versi_{an.data.versi}.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(r.tabel_xlsx()))
    sheet = book[i18n.t("kebutuhan.x_lembar", "id")]
    rows = list(sheet.values)
    assert list(rows[0])[:8] == list(r.tabel.frame.columns)[:8]
    assert rows[0][8] == "Biaya (Rp) (ILUSTRATIF)"  # the cost heading keeps its mark
    assert len(rows) == 1 + len(r.tabel.frame)
    g = r.kebutuhan.gap
    by_name = {row[0]: row for row in rows[1:]}
    everyone = by_name[i18n.t("kebutuhan.semua_kecamatan", "id")]
    assert (everyone[3], everyone[6]) == (g.backlog_kecamatan, g.total_kecamatan)
    assert everyone[8] == pytest.approx(g.total_kecamatan * 6_100_000)
    district = by_name[i18n.t("kebutuhan.satu_wilayah", "id")]
    assert (district[3], district[6]) == (g.backlog_kabupaten, g.total_kabupaten)
    # each kecamatan's figures are the table's, as numbers
    for name, shown in zip(r.tabel.frame.iloc[:-2, 0], r.tabel.frame.iloc[:-2, 6], strict=True):
        assert fmt.number(by_name[name][6], 0) == shown
    notes = [row[0] for row in book[i18n.t("kebutuhan.x_lembar_catatan", "id")].values][1:]
    assert notes[0] == "Target: akses layak 90% pada 2030 (RPJMN 2020-2024)."
    assert notes[1] == r.asumsi
    assert notes[2] == i18n.t("kebutuhan.x_biaya_berkas", "id")
    assert notes[3:5] == [f"{step}: Rp{cost} per KK × porsi {share}" for step, cost, share in
                          kebutuhan.cost_editor(an.data.biaya, "layak").frame[["langkah", "biaya_per_kk",
                                                                                 "porsi"]].itertuples(index=False)]
    assert notes[-1] == r.sumber_biaya and "ILUSTRATIF" in notes[-1]


def test_the_workbook_says_when_the_unit_costs_were_changed_on_screen(an: Analysis) -> None:
    grid = kebutuhan.cost_editor(an.data.biaya, "layak").frame
    rows = kebutuhan.read_costs(grid.assign(biaya_per_kk=["10.000.000", grid["biaya_per_kk"].iloc[1]])).rows
    out = kebutuhan.view(an, kebutuhan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2030, biaya=rows))
    notes = [row[0] for row in openpyxl.load_workbook(io.BytesIO(out.tabel_xlsx()))[
        i18n.t("kebutuhan.x_lembar_catatan", "id")].values]
    assert i18n.t("kebutuhan.x_biaya_diubah", "id") in notes
    assert f"{grid['langkah'].iloc[0]}: Rp10.000.000 per KK × porsi 0,80" in notes


def test_chart_of_households_a_year_per_kecamatan(an: Analysis, r: kebutuhan.Kebutuhan) -> None:
    assert r.per_kecamatan.name == "kebutuhan_kecamatan_layak_2030"
    spec = r.per_kecamatan.spec
    assert spec["usermeta"]["judul"] == [i18n.t("kebutuhan.grafik_kecamatan", "id", tahun=2030)]
    assert spec["usermeta"]["sumber"][0].startswith("Sumber: data ILUSTRATIF")
    rows = values(r.per_kecamatan)
    kec = r.kebutuhan.table.loc[r.kebutuhan.table["kode_wilayah"] != KABUPATEN]
    assert [v["nama"] for v in rows] == kec["nama"].tolist()  # largest need first, no total row
    assert sum(v["per_tahun"] for v in rows) == pytest.approx(r.kebutuhan.total_per_tahun)
    assert spec["layer"][0]["encoding"]["x"]["field"] == "per_tahun"


def test_chart_of_the_yearly_plan_adds_up_to_the_table(an: Analysis, r: kebutuhan.Kebutuhan) -> None:
    """The yearly chart is the table's plan, in its two parts: no third answer (the issue's 17.077 beside 17.147)."""
    assert r.tahunan.name == "kebutuhan_tahunan_layak_2030"
    assert r.tahunan.spec["usermeta"]["judul"] == [i18n.t("kebutuhan.grafik_tahunan", "id", tahun=2030)]
    rows = pd.DataFrame(values(r.tahunan))
    assert sorted(set(rows["tahun"])) == [2026, 2027, 2028, 2029, 2030]
    g = r.kebutuhan.gap
    assert rows.loc[rows["bagian"] == "backlog", "kk"].sum() == g.backlog_kecamatan
    assert rows.loc[rows["bagian"] == "pertumbuhan", "kk"].sum() == g.pertumbuhan_kecamatan
    assert rows.drop_duplicates("tahun")["tambah"].sum() == r.kebutuhan.total_kk
    # 7.140 over 5 years: 1.428 each year
    assert rows.drop_duplicates("tahun")["tambah"].tolist() == [1428] * 5


# ------------------------------------------------------------------------------------- unit costs
def test_cost_editor_keeps_the_file_and_rejects_negative(an: Analysis) -> None:
    editor = kebutuhan.cost_editor(an.data.biaya, "aman")
    edited = editor.frame.assign(biaya_per_kk=[-5.0, 2_000_000.0], porsi=[1.0, 2.0])
    out = kebutuhan.costs_from_editor(an.data.biaya, "aman", edited).set_index("kode")
    base = an.data.biaya.set_index("kode")
    assert out.loc["penyedotan_terjadwal", "biaya_per_kk"] == base.loc["penyedotan_terjadwal", "biaya_per_kk"]
    assert out.loc["peningkatan_tangki_septik", "biaya_per_kk"] == 2_000_000.0
    assert out.loc["peningkatan_tangki_septik", "porsi"] == base.loc["peningkatan_tangki_septik", "porsi"]
    assert an.data.biaya.set_index("kode").equals(base)  # the loaded table is untouched


@pytest.mark.parametrize(("lang", "cost", "share"), [("id", "6.500.000", "0,80"), ("en", "6,500,000", "0.80")])
def test_the_cost_editor_writes_and_reads_numbers_the_way_of_the_language(an: Analysis, lang: str, cost: str,
                                                                          share: str) -> None:
    grid = kebutuhan.cost_editor(an.data.biaya, "layak", lang).frame
    base = an.data.biaya.loc[an.data.biaya["indikator"] == "layak"].reset_index(drop=True)
    assert grid["biaya_per_kk"].tolist()[0] == cost and grid["porsi"].tolist()[0] == share  # the file's own values
    edited = grid.assign(biaya_per_kk=[cost, grid["biaya_per_kk"].iloc[1]], porsi=[share, grid["porsi"].iloc[1]])
    read = kebutuhan.read_costs(edited, lang)
    assert read.pesan is None
    assert read.rows == ((base["kode"].iloc[0], 6_500_000.0, 0.8), (base["kode"].iloc[1], 4_500_000.0, 0.2))


# one wrong cell per case, in the second row (Layak bersama/MCK, 4.500.000 and 0,20 in the file)
@pytest.mark.parametrize(("lang", "column", "typed", "says"), [
    ("id", "biaya_per_kk", "empat juta", "Baris 2 ({langkah}), kolom **Biaya per KK (Rp)**: “empat juta” bukan angka; "
                                         "tulis misalnya 6.500.000."),
    ("id", "biaya_per_kk", "-5", "Baris 2 ({langkah}), kolom **Biaya per KK (Rp)**: “-5” kurang dari 0; biaya tidak "
                                 "boleh negatif."),
    ("id", "biaya_per_kk", "", "Baris 2 ({langkah}), kolom **Biaya per KK (Rp)**: kosong; isi angka, misalnya "
                               "6.500.000."),
    ("id", "porsi", "80", "Baris 2 ({langkah}), kolom **Porsi KK (0–1)**: “80” di luar 0–1; porsi ditulis sebagai "
                          "bagian KK, misalnya 0,80 untuk 80%."),
    ("id", "porsi", "-0,1", "Baris 2 ({langkah}), kolom **Porsi KK (0–1)**: “-0,1” di luar 0–1; porsi ditulis sebagai "
                            "bagian KK, misalnya 0,80 untuk 80%."),
    ("en", "porsi", "1.5", "Row 2 ({langkah}), column **Share of households (0–1)**: “1.5” is outside 0–1; a share is "
                           "a part of households, e.g. 0.80 for 80%."),
    ("id", "porsi", None, "Baris 2 ({langkah}), kolom **Porsi KK (0–1)**: kosong; isi angka, misalnya 0,80."),
])
def test_a_wrong_cell_is_named_by_row_and_column_and_nothing_is_applied(an: Analysis, lang: str, column: str,
                                                                        typed: str | None, says: str) -> None:
    grid = kebutuhan.cost_editor(an.data.biaya, "layak", lang).frame
    edited = grid.copy()
    edited.loc[0, "biaya_per_kk"] = fmt.number(10_000_000, 0, lang)  # a right edit in the first row ...
    edited.loc[1, column] = typed
    read = kebutuhan.read_costs(edited, lang)
    assert read.rows == ()  # ... is not applied either: the file's unit costs stay
    lines = read.pesan.splitlines()
    assert lines[0] == i18n.t("kebutuhan.biaya_salah", lang)
    assert lines[1:] == ["- " + says.format(langkah=grid["langkah"].iloc[1])]


def test_every_wrong_cell_is_listed_and_typed_text_stays_text(an: Analysis) -> None:
    grid = kebutuhan.cost_editor(an.data.biaya, "layak").frame
    edited = grid.assign(biaya_per_kk=["[klik](http://x)", "1.000"], porsi=["2", "0,5"])
    lines = kebutuhan.read_costs(edited).pesan.splitlines()[1:]
    first = grid["langkah"].iloc[0]
    assert [line.split(":")[0] for line in lines] == [f"- Baris 1 ({first}), kolom **Biaya per KK (Rp)**",
                                                      f"- Baris 1 ({first}), kolom **Porsi KK (0–1)**"]
    assert "“\\[klik\\](http://x)”" in lines[0]  # no link: what was typed is shown as typed


def test_edited_costs_reach_the_view_as_settings(an: Analysis, r: kebutuhan.Kebutuhan) -> None:
    grid = kebutuhan.options(an, RPJMN, "layak").biaya.frame
    # the first step at 10 million, the second as in the file (4.5 million)
    edited = grid.assign(biaya_per_kk=["10.000.000", grid["biaya_per_kk"].iloc[1]])
    rows = kebutuhan.read_costs(edited).rows
    assert rows == ((grid["kode"].iloc[0], 10_000_000.0, 0.8), (grid["kode"].iloc[1], 4_500_000.0, 0.2))
    s = kebutuhan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2030, biaya=rows)
    assert s == kebutuhan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2030,
                                   biaya=kebutuhan.read_costs(edited).rows)  # so the cached result is found again
    hash(s)
    out = kebutuhan.view(an, s)
    # 0.8 x 10 million + 0.2 x 4.5 million = 8.9 million a household
    assert out.kebutuhan.biaya_per_kk == pytest.approx(8_900_000)
    assert out.kebutuhan.total_biaya == pytest.approx(r.kebutuhan.total_kk * 8_900_000)
    assert out.metrik[0] == r.metrik[0]  # households do not depend on the price
    # the file's own rows give the file's plan
    same = kebutuhan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2030,
                              biaya=kebutuhan.read_costs(grid).rows)
    assert kebutuhan.view(an, same).metrik == r.metrik


def test_the_cost_editor_starts_from_the_costs_changed_earlier(an: Analysis) -> None:
    """Costs edited, the box closed (or another page seen) and opened again: the editor shows the edited costs, not
    the file's, and the file's table is untouched."""
    grid = kebutuhan.options(an, RPJMN, "layak").biaya.frame
    rows = kebutuhan.read_costs(grid.assign(porsi=["0,50", "0,50"])).rows
    again = kebutuhan.options(an, RPJMN, "layak", "id", rows).biaya.frame
    assert again["porsi"].tolist() == ["0,50", "0,50"]
    assert again["biaya_per_kk"].tolist() == grid["biaya_per_kk"].tolist()
    assert kebutuhan.read_costs(again).rows == rows  # read back unchanged: the plan keeps the same costs
    assert kebutuhan.options(an, RPJMN, "layak").biaya.frame.equals(grid)


# ------------------------------------------------------------------------------------- the what-if
def test_scenario(an: Analysis) -> None:
    series, reached = kebutuhan.scenario(an, "layak", 90.0, 3000.0, tahun_capai=2030)
    kab = reached.loc[reached["kode_wilayah"] == KABUPATEN].iloc[0]
    assert kab["alokasi"] == 3000.0
    assert reached.loc[reached["kode_wilayah"] != KABUPATEN, "alokasi"].sum() == pytest.approx(3000.0)
    assert str(int(kab["tahun_capai"])) in kebutuhan.scenario_text(reached, 90.0, "layak", tahun_capai=2030)


@pytest.mark.parametrize(("dokumen", "indikator", "tahun"), [
    (RPJMN, "layak", 2030), ("SSK 2025-2029 (ilustratif)", "layak", 2029), ("RPJMN 2025-2029", "aman", 2029),
    ("SSK 2025-2029 (ilustratif)", "babs_terbuka", 2029), (RPJMN, "aman", 2027),
])
def test_the_what_if_starts_at_the_plans_yearly_need_and_reaches_the_target_in_its_year(
        an: Analysis, dokumen: str, indikator: str, tahun: int) -> None:
    """The issue's 3.400 KK a year reaching 90% in 2027 instead of 2030 is gone: the what-if starts at the plan's
    households a year (rounded up) and every kecamatan short of the target reaches it in the plan's year."""
    r = kebutuhan.view(an, kebutuhan.Settings(dokumen=dokumen, indikator=indikator, tahun_capai=tahun))
    assert r.skenario_awal == r.skenario_kk == math.ceil(r.kebutuhan.total_per_tahun)
    rows = pd.DataFrame(values(r.skenario))
    target = r.kebutuhan.target
    arah = 1 if indikator != "babs_terbuka" else -1
    for kode, backlog in zip(r.kebutuhan.table["kode_wilayah"], r.kebutuhan.table["backlog"], strict=True):
        if kode == KABUPATEN:
            continue
        line = rows.loc[rows["kode_wilayah"] == kode].set_index("tahun")["persen"]
        first = min(y for y, v in line.items() if arah * (v - target) >= -1e-9)
        assert first == (tahun if backlog > 0 else an.tahun), kode
    assert f"paling lambat {tahun}" in r.skenario_teks and "12 dari 12" in r.skenario_teks


def test_the_what_ifs_table_says_where_each_kecamatan_stands_in_the_target_year(an: Analysis) -> None:
    """The chart is drawn on request, so the table beside the answer carries its reading at the plan's year: each
    kecamatan's percentage then, under the number entered, as the chart's line has it; with the source under it."""
    r = kebutuhan.view(an, kebutuhan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2030, skenario_kk=500))
    table = r.skenario_tabel.frame
    column = i18n.t("kebutuhan.k_persen_pada", "id", tahun=2030)
    assert list(table.columns) == [i18n.t("tabel.kecamatan", "id"), i18n.t("kebutuhan.k_alokasi", "id"),
                                   i18n.t("kebutuhan.k_tahun_capai", "id"), column]
    series, _ = kebutuhan.scenario(an, "layak", r.kebutuhan.target, 500.0, "id", tahun_capai=2030)
    in_2030 = series.loc[series["tahun"] == 2030].set_index("nama")["persen"]
    assert table[column].tolist() == [fmt.pct(in_2030[n], 1, "id") for n in table[i18n.t("tabel.kecamatan", "id")]]
    assert len(table) == 12 and table[column].nunique() > 1  # 500 a year: the kecamatan stand apart in 2030
    assert r.skenario_tabel.sumber.startswith("Sumber:")


def test_the_workbook_writes_unit_costs_as_the_editor_shows_them(an: Analysis) -> None:
    # a share of 0,333 is costed as 0,333: the workbook's line says so, as the editor does, not "0,33"
    biaya = an.data.biaya.copy()
    step = biaya.index[biaya["indikator"] == "aman"][0]
    biaya.loc[step, ["biaya_per_kk", "porsi"]] = [6_500_000.5, 1 / 3]
    lines = kebutuhan.cost_lines(biaya, "aman", True, "id")
    editor = kebutuhan.cost_editor(biaya, "aman", "id")
    assert "0,333" in editor.frame.loc[0, "porsi"] and editor.frame.loc[0, "biaya_per_kk"] == "6.500.000,50"
    assert any("Rp6.500.000,50" in line and "0,333" in line for line in lines[1:]), lines
