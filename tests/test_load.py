"""Loading the bundled data: contracts at the door, the 2021 split, and the calibration of the illustrative data."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from sanitasi import paths
from sanitasi.errors import DataError
from sanitasi.indicators import RUNG_COLUMNS, aggregate, compute_rates
from sanitasi.load import AKSES, WILAYAH, check_codes, read_csv_plain
from sanitasi.schema import validate

KUSAN_HILIR, KUSAN_HULU, KUSAN_TENGAH, TELUK_KEPAYANG = "63.10.02", "63.10.05", "63.10.11", "63.10.12"
BATULICIN, SIMPANG_EMPAT, MANTEWE = "63.10.01", "63.10.06", "63.10.08"

WILAYAH_KECIL = pd.DataFrame({
    "kode": ["63.10.02", "63.10.11"],
    "berlaku_sejak": [2003, 2021],
})


# ---------------------------------------------------------------- checks on codes and contracts

@pytest.mark.parametrize(("kode", "tahun", "kolom", "nilai", "pesan"), [
    ("63.10.99", 2022, "kode_wilayah", "63.10.99", "kode kecamatan tidak dikenal"),
    ("63.10.11", 2020, "tahun", "2020",
     "kecamatan 63.10.11 baru ada sejak 2021; sebelum itu datanya termasuk kecamatan induk"),
])
def test_check_codes_flags_a_bad_row(kode, tahun, kolom, nilai, pesan):
    akses = pd.DataFrame({"kode_wilayah": ["63.10.02", "63.10.11", kode],
                          "tahun": [2020, 2021, tahun]})
    problems = check_codes(akses, WILAYAH_KECIL)
    # the bad row is the third data row: spreadsheet row 4
    assert [(p.baris, p.kolom, p.nilai, p.pesan) for p in problems] == [(4, kolom, nilai, pesan)]


def test_check_codes_reports_every_bad_row():
    akses = pd.DataFrame({"kode_wilayah": ["63.10.99", "63.10.11", "63.10.02", "63.10.11"],
                          "tahun": [2021, 2019, 2019, 2021]})
    assert [p.baris for p in check_codes(akses, WILAYAH_KECIL)] == [2, 3]


def test_check_codes_accepts_the_bundled_data(dataset):
    assert check_codes(dataset.akses, dataset.wilayah) == []


def akses_row(**over) -> dict[str, str]:
    # 100 = 10 + 60 + 10 + 15 + 5
    row = {"kode_wilayah": "63.10.01", "tahun": "2020", "jumlah_kk": "100", "kk_aman": "10",
           "kk_layak_sendiri": "60", "kk_layak_bersama": "10", "kk_belum_layak": "15", "kk_babs_terbuka": "5",
           "sumber": "ilustratif", "satuan": "kk", "resmi": "tidak"}
    return {**row, **over}


def test_akses_contract_checks_that_rungs_add_up():
    rows = [akses_row(), akses_row(tahun="2021", kk_babs_terbuka="6")]  # 10+60+10+15+6 = 101 != 100
    with pytest.raises(DataError) as err:
        validate(pd.DataFrame(rows), AKSES)
    [p] = err.value.problems
    assert (p.baris, p.kolom, p.nilai) == (3, "jumlah_kk", "100")
    assert "(101)" in p.pesan


def test_akses_contract_rejects_negative_counts():
    with pytest.raises(DataError) as err:
        validate(pd.DataFrame([akses_row(kk_aman="-1", kk_layak_sendiri="71")]), AKSES)
    assert [(p.baris, p.kolom) for p in err.value.problems] == [(2, "kk_aman")]


def test_wilayah_contract_checks_that_parents_exist():
    raw = read_csv_plain(paths.WILAYAH_CSV)
    raw.loc[raw["kode"] == KUSAN_TENGAH, "pemekaran_dari"] = "63.10.77"
    with pytest.raises(DataError) as err:
        validate(raw, WILAYAH)
    [p] = err.value.problems
    assert (p.kolom, p.nilai, p.pesan) == ("pemekaran_dari", "63.10.77", "kode induk tidak ada di tabel wilayah")
    assert p.baris == int(raw.index[raw["kode"] == KUSAN_TENGAH][0]) + 2


# ---------------------------------------------------------------- the data set object

def test_dataset_is_frozen(dataset):
    with pytest.raises(dataclasses.FrozenInstanceError):
        dataset.akses = pd.DataFrame()


def test_dataset_says_it_is_illustrative(dataset):
    assert dataset.ilustratif is True
    assert all(dataset.illustrative(k) for k in ("akses", "stbm", "stbm_desa"))


def test_dataset_tables_follow_their_contracts(dataset):
    assert list(dataset.wilayah.columns) == WILAYAH.names
    assert list(dataset.akses.columns) == AKSES.names
    assert dataset.batas.crs.to_epsg() == 4326
    assert dataset.tahun == list(range(2018, 2026))


@pytest.mark.parametrize(("kode", "nama"), [
    (BATULICIN, "Batulicin"), (TELUK_KEPAYANG, "Teluk Kepayang"), ("63.10.99", "63.10.99"),
])
def test_dataset_nama(dataset, kode, nama):
    assert dataset.nama(kode) == nama


# ---------------------------------------------------------------- the bundled data

def test_wilayah_has_the_twelve_kecamatan_and_the_2021_split(dataset):
    w = dataset.wilayah.set_index("kode")
    assert len(w) == 12
    assert w.loc[KUSAN_TENGAH, "pemekaran_dari"] == KUSAN_HILIR
    assert w.loc[TELUK_KEPAYANG, "pemekaran_dari"] == KUSAN_HULU
    assert w.loc[[KUSAN_TENGAH, TELUK_KEPAYANG], "berlaku_sejak"].tolist() == [2021, 2021]
    assert w["pemekaran_dari"].notna().sum() == 2


def test_rungs_sum_to_jumlah_kk(dataset):
    a = dataset.akses
    assert (a[list(RUNG_COLUMNS)].sum(axis=1) == a["jumlah_kk"]).all()
    assert (a[list(RUNG_COLUMNS)] >= 0).all().all()


@pytest.mark.parametrize(("kode", "first_year"), [(KUSAN_TENGAH, 2021), (TELUK_KEPAYANG, 2021),
                                                  (KUSAN_HILIR, 2018), (KUSAN_HULU, 2018)])
def test_split_kecamatan_rows(dataset, kode, first_year):
    years = sorted(dataset.akses.loc[dataset.akses["kode_wilayah"] == kode, "tahun"])
    assert years == list(range(first_year, 2026))


def test_ten_units_before_the_split_and_twelve_after(dataset):
    per_year = dataset.akses.groupby("tahun")["kode_wilayah"].nunique()
    assert per_year.to_dict() == {**{y: 10 for y in range(2018, 2021)}, **{y: 12 for y in range(2021, 2026)}}


@pytest.fixture(scope="module")
def district(dataset) -> pd.DataFrame:
    return aggregate(dataset.akses).set_index("tahun")


@pytest.fixture(scope="module")
def kec2025(dataset) -> pd.DataFrame:
    r = compute_rates(dataset.akses)
    return r.loc[r["tahun"] == 2025].set_index("kode_wilayah")


def test_district_household_totals(district):
    kk = district["jumlah_kk"]
    # domain.md: about 80,800 KK in 2017 growing to about 99,000 in 2025
    assert 80_800 < kk[2018] < 86_000
    assert 95_000 <= kk[2025] <= 102_000
    assert kk.is_monotonic_increasing


@pytest.mark.parametrize(("kolom", "tahun", "low", "high"), [
    ("pct_layak", 2018, 74.0, 76.0),
    ("pct_layak", 2025, 83.0, 87.0),
    ("pct_aman", 2018, 0.0, 5.0),
    ("pct_aman", 2025, 8.0, 14.0),
    ("pct_babs_terbuka", 2018, 8.0, 10.0),  # "about 9%"
])
def test_district_rates_are_calibrated(district, kolom, tahun, low, high):
    assert low <= district.loc[tahun, kolom] <= high


def test_district_open_defecation_falls(district):
    babs = district["pct_babs_terbuka"]
    assert babs[2025] < babs[2021] < babs[2018]


@pytest.mark.parametrize("kode", [BATULICIN, SIMPANG_EMPAT])
def test_urban_kecamatan_past_90_layak_in_2025(kec2025, kode):
    assert kec2025.loc[kode, "pct_layak"] > 90.0


def test_remote_kecamatan_are_among_the_three_lowest_in_2025(kec2025):
    lowest = set(kec2025["pct_layak"].nsmallest(3).index)
    assert {MANTEWE, TELUK_KEPAYANG} <= lowest


def test_some_kecamatan_worse_in_2025_than_2021(dataset):
    r = compute_rates(dataset.akses).set_index(["kode_wilayah", "tahun"])
    worse = []
    for kode in dataset.wilayah["kode"]:
        for ind, arah in (("layak", 1), ("aman", 1), ("babs_terbuka", -1)):
            change = r.loc[(kode, 2025), f"pct_{ind}"] - r.loc[(kode, 2021), f"pct_{ind}"]
            if arah * change < 0:
                worse.append((kode, ind))
    assert worse


def test_every_source_says_ilustratif(dataset):
    assert dataset.akses["sumber"].eq("ilustratif").all()
    assert dataset.biaya["sumber"].eq("ilustratif").all()


# ---------------------------------------------------------------- targets

def target_value(target: pd.DataFrame, dokumen: str, indikator: str, tahun: int) -> float:
    hit = target.loc[(target["dokumen"] == dokumen) & (target["indikator"] == indikator)
                     & (target["tahun"] == tahun) & target["kode_wilayah"].isna(), "nilai"]
    assert len(hit) == 1, (dokumen, indikator, tahun)
    return float(hit.iloc[0])


@pytest.mark.parametrize(("dokumen", "indikator", "tahun", "nilai"), [
    ("RPJMN 2020-2024", "layak", 2024, 90.0),
    ("RPJMN 2020-2024", "aman", 2024, 15.0),
    ("RPJMN 2020-2024", "babs_terbuka", 2024, 0.0),
    ("SDG 6.2 (2030)", "aman", 2030, 100.0),
    ("SDG 6.2 (2030)", "babs_terbuka", 2030, 0.0),
    ("Visi Indonesia 2045", "aman", 2045, 70.0),
])
def test_real_targets(dataset, dokumen, indikator, tahun, nilai):
    assert target_value(dataset.target, dokumen, indikator, tahun) == nilai


def test_ssk_targets_are_marked_illustrative(dataset):
    t = dataset.target
    ssk = t.loc[t["dokumen"].str.startswith("SSK")]
    assert len(ssk) > 0
    assert ssk["dokumen"].str.contains("ilustratif").all()
    assert ssk["catatan"].str.startswith("ILUSTRATIF").all()
    assert set(ssk["tahun"]) == {2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029}


def test_rpjmn_2025_2029_holds_only_what_was_found(dataset):
    """The plan's safe-sanitation targets as ../shared/data/fakta_publik.csv gives them (12,5% in 2025, 30% in 2029,
    baseline year 2023), with the check the source asks for; no layak or BABS target was found, so none is bundled."""
    t = dataset.target.loc[dataset.target["dokumen"] == "RPJMN 2025-2029"]
    assert t["indikator"].tolist() == ["aman", "aman"]
    assert t[["tahun", "nilai", "tahun_dasar"]].values.tolist() == [[2025, 12.5, 2023], [2029, 30.0, 2023]]
    assert t["catatan"].str.contains("periksa Lampiran Perpres 12/2025").all()
    assert not t["catatan"].str.contains("ILUSTRATIF").any()


def test_the_illustrative_ssk_2025_2029_follows_the_rule_in_the_data_readme(dataset):
    """data/README.md: the interim targets are the straight line from the district's 2024 value (its base year) to
    the final 2029 target, rounded to 0,5 point (standing water: to 1 ha)."""
    from sanitasi.analysis import analyse

    an = analyse(dataset)
    t = dataset.target.loc[dataset.target["dokumen"] == "SSK 2025-2029 (ilustratif)"]
    assert set(t["tahun_dasar"]) == {2024}
    assert set(t["indikator"]) == {"layak", "aman", "babs_terbuka", "desa_odf", "sampah_pengurangan",
                                   "sampah_penanganan", "genangan"}
    for k, rows in t.groupby("indikator"):
        kab = an.frames(k)[1]
        start = float(kab.loc[kab["tahun"] == 2024, f"pct_{k}"].iloc[0])
        rows = rows.sort_values("tahun")
        assert rows["tahun"].tolist() == [2025, 2026, 2027, 2028, 2029], k
        final = float(rows["nilai"].iloc[-1])
        step = 1.0 if k == "genangan" else 0.5
        line = [round((start + (final - start) * i / 5) / step) * step for i in range(1, 6)]
        assert rows["nilai"].tolist() == pytest.approx(line), k
    # e.g. layak: 82,66% in 2024 to 92% in 2029 -> 84,53 86,39 88,26 90,13 92 -> 84,5 86,5 88,5 90 92
    assert t.loc[t["indikator"] == "layak", "nilai"].tolist() == [84.5, 86.5, 88.5, 90.0, 92.0]
