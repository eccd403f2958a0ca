"""The OPD page's view: each agency's realisation and signal, the budget grid, households reached by its output."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
import pytest

from sanitasi import charts, fmt, i18n, owners
from sanitasi.analysis import Analysis, analyse
from sanitasi.load import Dataset
from sanitasi.views import kebutuhan, opd
from sanitasi.views.display import html_table


@pytest.fixture(scope="module")
def r(an: Analysis) -> opd.Opd:
    return opd.view(an, opd.Settings(tahun=2025))


def activity(**kw) -> dict:
    row = {"tahun": 2030, "opd": "Dinas Uji", "program": None, "kegiatan": "k", "indikator": "layak",
           "target_output": 100.0, "realisasi_output": 100.0, "satuan": "unit", "kk_per_satuan": 1.0,
           "pagu": 1_000_000.0, "realisasi_anggaran": 1_000_000.0, "sumber": None}
    return {**row, **kw}


def with_activities(data: Dataset, *rows: dict) -> Analysis:
    return analyse(replace(data, kegiatan=pd.DataFrame(list(rows))))


def test_options_are_the_budget_years(an: Analysis, data: Dataset) -> None:
    o = opd.options(an)
    assert o.tahun == sorted(int(y) for y in an.data.kegiatan["tahun"].unique()) == [2023, 2024, 2025]
    assert o.tahun_awal == 2025
    # without an activity table the page has nothing to show and says so by offering no year
    empty = opd.options(analyse(replace(data, kegiatan=data.kegiatan.iloc[0:0])))
    assert (empty.tahun, empty.tahun_awal) == ([], None)


@pytest.mark.parametrize(("fisik", "keuangan", "signal"), [
    # output 60 of 100 planned, 95% of the budget spent: spending 35 points ahead of output
    (60, 95, "mendahului"),
    # 70% and 75%: neither 15 points apart, but both below 80%
    (70, 75, "tertinggal"),
    # 95% and 90%
    (95, 90, "sesuai"),
    # 100% physical (capped from 120%), 80% spent: exactly at the threshold is not below it
    (120, 80, "sesuai"),
])
def test_agency_signals(data: Dataset, fisik: float, keuangan: float, signal: str) -> None:
    an = with_activities(data, activity(realisasi_output=float(fisik), realisasi_anggaran=10_000.0 * keuangan))
    perf = opd.opd_performance(an, 2030).iloc[0]
    assert perf["sinyal"] == signal
    assert perf["fisik"] == pytest.approx(min(fisik, 100))
    assert perf["keuangan"] == pytest.approx(keuangan)
    shown = opd.view(an, opd.Settings(tahun=2030)).kinerja.iloc[0]
    assert shown["Tanda"] == i18n.t(f"opd.sinyal_{signal}", "id")
    assert shown["Fisik"] == fmt.pct(min(fisik, 100), 0) and shown["Keuangan"] == fmt.pct(keuangan, 0)


def test_physical_realisation_is_weighted_by_budget(data: Dataset) -> None:
    # activity A: 50% done, budget 3; activity B: 100% done, budget 1 -> (0.5*3 + 1*1) / 4 = 62.5%
    an = with_activities(data,
                         activity(opd="X", kegiatan="A", target_output=10.0, realisasi_output=5.0, kk_per_satuan=0.0,
                                  pagu=3.0, realisasi_anggaran=3.0),
                         activity(opd="X", kegiatan="B", indikator="aman", target_output=4.0, realisasi_output=4.0,
                                  satuan="KK", pagu=1.0, realisasi_anggaran=1.0))
    perf = opd.opd_performance(an, 2030).iloc[0]
    assert perf["fisik"] == pytest.approx(62.5)
    assert perf["keuangan"] == pytest.approx(100.0)


def test_realisation_chart_and_table_follow_the_agencies(an: Analysis, r: opd.Opd) -> None:
    perf = opd.opd_performance(an, 2025)
    assert r.realisasi.name == "realisasi_opd_2025"
    spec = r.realisasi.spec
    assert spec["usermeta"]["judul"] == ["Realisasi fisik dan keuangan per OPD, 2025"]
    assert spec["usermeta"]["sumber"][0] == i18n.t("opd.legenda_tik", "id", batas="80")
    bars = max(spec["datasets"].values(), key=len)
    assert [v["opd"] for v in bars] == perf["opd"].tolist()  # signals first (ahead, lagging), then by output
    assert [v["fisik"] for v in bars] == pytest.approx(perf["fisik"].tolist())
    lag = next(layer for layer in spec["layer"] if layer.get("name") == "batas_tertinggal")
    assert spec["datasets"][lag["data"]["name"]] == [{"x": opd.LAG}]
    assert r.aturan == i18n.t("opd.aturan", "id", ahead="15", lag="80")
    assert r.kinerja.columns.tolist() == ["OPD", "Fisik", "Keuangan", "Pagu", "Belanja", "Tanda"]
    assert r.kinerja["OPD"].tolist() == perf["opd"].tolist()
    assert r.kinerja["Pagu"].tolist() == [fmt.rupiah(v) for v in perf["pagu"]]


def test_matrix_sums_the_budget(an: Analysis, r: opd.Opd) -> None:
    m = opd.opd_matrix(an, 2025)
    assert m["pagu"].sum() == pytest.approx(an.data.kegiatan.query("tahun == 2025")["pagu"].sum())
    # school sanitation and the SSK update serve no indicator: their budget stands in a column of its own, last
    assert list(dict.fromkeys(m["label"]))[-1] == "Penunjang"
    assert sorted(m.loc[m["indikator"] == opd.PENUNJANG, "opd"]) == ["Badan Perencanaan Pembangunan Daerah",
                                                                      "Dinas Pendidikan dan Kebudayaan"]
    assert "Dinas Pendidikan dan Kebudayaan" not in m.loc[m["indikator"] == "layak", "opd"].tolist()
    assert r.matriks_judul == "Pagu per OPD dan indikator, 2025 (miliar rupiah)"


def test_the_budget_matrix_is_a_shaded_table(an: Analysis, r: opd.Opd) -> None:
    """An indicator a row (supporting activities last, then the agencies' totals), an agency a column by its short
    name (the biggest budget first, then each row's total); each amount in billions of rupiah, its cell darker as
    the amount grows, its text readable on it; the short names spelled out and the source under it."""
    m = opd.opd_matrix(an, 2025)
    table, frame = r.matriks, r.matriks.frame
    agencies = m.groupby("opd")["pagu"].sum().sort_values(ascending=False)
    assert frame.columns.tolist() == ["Indikator", *(owners.short(o) for o in agencies.index), "Jumlah"]
    assert frame.columns[1:3].tolist() == ["PUPR", "Perkimtan"]  # Rp5,2 miliar in three rows, Rp4,9 miliar in one
    assert frame["Indikator"].tolist() == [*dict.fromkeys(m["label"]), "Jumlah"]
    by = frame.set_index("Indikator")
    assert by.loc["Akses layak", "PUPR"] == "2,60" and by.loc["Akses layak", "Perkimtan"] == "4,90"
    assert by.loc["Akses layak", "Jumlah"] == "7,50" and by.loc["Akses layak", "DLH"] == ""
    assert by.loc["Jumlah"].iloc[:-1].tolist() == [fmt.number(v / 1e9, 2) for v in agencies]
    assert by.loc["Jumlah", "Jumlah"] == fmt.number(m["pagu"].sum() / 1e9, 2)
    assert all(f is None for f in table.warna[-1])  # the totals stay plain
    for row, fills in zip(frame.iloc[:-1].itertuples(index=False), table.warna[:-1], strict=True):
        assert (fills[0], fills[-1]) == (None, None)
        for text, fill in zip(row[1:-1], fills[1:-1], strict=True):
            assert (text == "") == (fill is None)  # an agency with no activity there: an empty, plain cell
    amounts = {(lab, owners.short(o)): v for o, lab, v in zip(m["opd"], m["label"], m["pagu"], strict=True)}
    shades = sorted((amounts[(row[0], col)], fills[j])
                    for row, fills in zip(frame.itertuples(index=False), table.warna, strict=True)
                    for j, col in enumerate(frame.columns) if fills[j] is not None)
    assert len(shades) == len(m) and shades[-1][1] == opd.MATRIX_SHADES[-1][1]  # the largest: the darkest shade
    lightness = [charts.contrast("#ffffff", fill) for _, fill in shades]
    assert lightness == sorted(lightness)  # and the shade darkens as the amount grows
    assert "Perkimtan = Dinas Perumahan, Kawasan Permukiman dan Pertanahan" in table.sumber
    assert "Disdikbud = Dinas Pendidikan dan Kebudayaan" in table.sumber and "ILUSTRATIF" in table.sumber
    out = html_table(frame, fills=table.warna)
    assert all(charts.contrast(ink, fill) >= 4.5
               for fill, ink in re.findall(r"background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})", out))
    assert out.count("background:") == len(m)


@pytest.mark.parametrize("dokumen", ["RPJMN 2020-2024", "SSK 2025-2029 (ilustratif)"])
def test_output_to_households_against_the_chosen_documents_plan(an: Analysis, dokumen: str) -> None:
    """The households a year needed are the Kebutuhan plan's for the document chosen in the sidebar (its target,
    its default reach year, backlog and growth), not the first document that sets the indicator."""
    r = opd.view(an, opd.Settings(tahun=2025, dokumen=dokumen))
    reached = opd.opd_households(an, 2025, "id", dokumen)
    k = an.data.kegiatan
    k = k.loc[(k["tahun"] == 2025) & (k["kk_per_satuan"] > 0) & k["indikator"].eq("layak").fillna(False)]
    expected = (k["realisasi_output"] * k["kk_per_satuan"]).sum()
    assert reached.loc[reached["indikator"] == "layak", "kk"].sum() == pytest.approx(expected)
    need = reached.loc[reached["indikator"] == "layak", "perlu"].iloc[0]
    # RPJMN 2020-2024 aims at 90% by 2024, passed: five years on, as on Kebutuhan; the SSK at 92% by 2029
    year = {"RPJMN 2020-2024": 2030, "SSK 2025-2029 (ilustratif)": 2029}[dokumen]
    goal = {"RPJMN 2020-2024": 90.0, "SSK 2025-2029 (ilustratif)": 92.0}[dokumen]
    plan = kebutuhan.needs_table(an, "layak", goal, year, an.data.biaya)
    assert need == pytest.approx(plan.total_per_tahun)
    assert len(r.kk_kalimat) == reached["indikator"].nunique() == 3
    layak = next(s for s in r.kk_kalimat if "akses layak" in s)
    assert layak == i18n.t("opd.kalimat_kk", "id", indikator="akses layak", kk=fmt.kk(expected), perlu=fmt.kk(need),
                           persen=fmt.pct(100.0 * expected / need, 0), backlog=fmt.kk(plan.gap.backlog_kecamatan),
                           pertumbuhan=fmt.kk(plan.gap.pertumbuhan_kecamatan), tahun=year, dokumen=dokumen)
    assert r.kk_judul == "Dari keluaran ke rumah tangga, 2025"
    assert r.kk_tabel.frame.columns.tolist() == ["Indikator", "OPD", "KK dijangkau", "KK perlu per tahun", "Bagian"]
    assert len(r.kk_tabel.frame) == len(reached)


def test_a_document_without_the_indicator_is_not_compared(an: Analysis) -> None:
    """RPJMN 2025-2029 sets only aman: the layak output is counted but not set against another document's need."""
    r = opd.view(an, opd.Settings(tahun=2025, dokumen="RPJMN 2025-2029"))
    layak = next(s for s in r.kk_kalimat if "akses layak" in s)
    assert "RPJMN 2025-2029 tidak menetapkan target akses layak" in layak
    aman = next(s for s in r.kk_kalimat if "akses aman" in s)
    plan = kebutuhan.needs_table(an, "aman", 30.0, 2029, an.data.biaya)
    assert fmt.kk(plan.total_per_tahun) in aman


def test_output_that_reaches_no_household_gives_no_sentence_and_no_table(data: Dataset) -> None:
    an = with_activities(data, activity(kk_per_satuan=0.0))
    out = opd.view(an, opd.Settings(tahun=2030, lang="en"))
    assert out.kk_kalimat == () and out.kk_tabel is None
    assert out.kinerja.columns.tolist() == ["OPD", "Physical", "Financial", "Budget", "Spent", "Signal"]


def test_the_owners_of_the_chosen_documents_targets(an: Analysis) -> None:
    p = opd.view(an, opd.Settings(tahun=2025, dokumen="RPJMN 2020-2024")).peran
    assert p.tabel.columns.tolist() == ["Indikator", "Target RPJMN 2020-2024", "Pemimpin", "Pendukung",
                                        "Pemilik data", "Kegiatan 2025"]
    layak = p.tabel.set_index("Indikator").loc["Akses layak"]
    assert layak["Target RPJMN 2020-2024"] == "90,0% (2024)"
    # short names as officials write them, spelled out under the table
    assert (layak["Pemimpin"], layak["Pendukung"]) == ("Perkimtan", "PUPR, Dinkes, Bappeda")
    assert layak["Pemilik data"] == "BPS (Susenas, kabupaten); Dinkes (STBM, kecamatan dan desa)"
    assert p.singkatan.startswith("Singkatan: BPS = Badan Pusat Statistik; Bappeda = Badan Perencanaan")
    k = an.data.kegiatan
    k = k.loc[(k["tahun"] == 2025) & k["indikator"].eq("layak").fillna(False)]
    assert layak["Kegiatan 2025"] == f"2 · {fmt.rupiah(k['pagu'].sum())}"
    # an indicator the document does not set shows no target, never another document's, and says so (not a bare dash)
    assert p.tabel.set_index("Indikator").loc["Luas genangan", "Target RPJMN 2020-2024"] == "Tanpa target"
    assert p.catatan == (i18n.t("peran.penunjang", "id", tahun=2025, kegiatan=(
        "Sanitasi sekolah dan CTPS (Dinas Pendidikan dan Kebudayaan, Rp900 juta); "
        "Pemutakhiran SSK dan coaching clinic PPSP (Badan Perencanaan Pembangunan Daerah, Rp250 juta)")),)
    assert p.sumber.startswith("Sumber: data ILUSTRATIF")
