"""sanitasi.programme: the SSK matrix read as a plan (households reached, money, checks, who carries it), on small
matrices whose answers are worked out in the comments, and on the bundled one's planted findings."""

from __future__ import annotations

import pandas as pd
import pytest

from sanitasi import KODE_KABUPATEN, programme
from sanitasi.contracts import PROGRAM_SSK
from sanitasi.load import Dataset


def matrix(*rows: dict) -> pd.DataFrame:
    """A matrix with the contract's columns; each row gives what differs from a latrine grant in Satui, 2026."""
    base = {"kode_program": "1.04.02", "program": "Program Kawasan Permukiman", "kode_kegiatan": None,
            "kegiatan": "Sanitasi", "kode_sub_kegiatan": None, "sub_kegiatan": "Jamban sehat", "opd": "Perkimtan",
            "indikator": "layak", "kode_wilayah": "63.10.04", "kode_desa": None, "tahun": 2026, "volume": 10.0,
            "satuan": "unit", "kk_per_satuan": 1.0, "biaya_satuan": 6.5e6, "biaya": 65e6, "sumber_dana": "apbd_kab",
            "sumber": "uji"}
    return pd.DataFrame([{**base, **r} for r in rows], columns=PROGRAM_SSK.names)


def test_households_count_toward_their_own_indicator_in_their_place() -> None:
    m = matrix({},  # 10 KK in Satui
               {"kode_desa": "63.10.04.2001", "volume": 5.0},  # a Satui desa: 5 more in Satui
               {"sub_kegiatan": "IPAL komunal", "volume": 2.0, "kk_per_satuan": 45.0, "kode_wilayah": None},  # 90
               {"indikator": "aman", "volume": 300.0, "sub_kegiatan": "LLTT"},  # aman, not layak
               {"indikator": None, "kk_per_satuan": 0.0, "sub_kegiatan": "Pemutakhiran SSK"})  # serves none
    got = programme.households(m, "layak").set_index("kode")["kk"].to_dict()
    assert got == {"63.10.04": 15.0, KODE_KABUPATEN: 90.0}  # district-wide work stays at the kabupaten
    assert programme.households(m, "aman")["kk"].tolist() == [300.0]
    money = programme.money(m).groupby("kode")["biaya"].sum().to_dict()
    assert money == {"63.10.04": 4 * 65e6, KODE_KABUPATEN: 65e6}  # every row's money, its place kept


@pytest.mark.parametrize(("rate", "flagged"), [
    (0.0, ["IPAL 2026"]),  # 1 x 520 juta budgeted at 600 juta: 15% off
    # prices rising 5% a year from 2025: the 2026 latrines should cost 10 x 6,5 juta x 1,05 = 68,25 juta, so the
    # constant-price 65 juta line is off by 4,8%; the IPAL at 546 juta is off by 9,9%
    (0.05, ["Jamban sehat 2026", "IPAL 2026"]),
])
def test_a_budget_line_off_volume_times_unit_cost_is_shown_not_corrected(rate: float, flagged: list[str]) -> None:
    m = matrix({"tahun": 2025},  # the first year: prices as written
               {},
               {"sub_kegiatan": "IPAL", "volume": 1.0, "kk_per_satuan": 45.0, "biaya_satuan": 520e6, "biaya": 600e6},
               {"sub_kegiatan": "Tanpa harga", "biaya_satuan": None, "biaya": 1.0})  # no unit cost: not checked
    off = programme.price_check(m, rate)
    assert [f"{s} {y}" for s, y in zip(off["sub_kegiatan"], off["tahun"], strict=True)] == flagged
    assert off["biaya"].tolist() == m.loc[off.index, "biaya"].tolist()  # the money stays as budgeted


def test_access_work_where_the_target_is_met_is_a_question() -> None:
    m = matrix({}, {"kode_wilayah": "63.10.01", "volume": 3.0}, {"kode_wilayah": "63.10.01", "tahun": 2027})
    q = programme.above_target(m, "layak", {"63.10.01"})
    assert q[["kode", "kk", "tahun"]].values.tolist() == [["63.10.01", 13.0, 2026]]  # 3 + 10 KK, from 2026


def test_the_bundled_matrix_has_what_was_planted_for_the_checks(dataset: Dataset) -> None:
    """scripts/build_ssk.py plants two rounded budget lines and desludging that outgrows the sludge plant until its
    2028 extension; the checks find exactly those."""
    off = programme.price_check(dataset.ssk)
    assert sorted(zip(off["sub_kegiatan"], off["tahun"], strict=True)) == [
        ("Pembangunan IPAL komunal / MCK++", 2029), ("Pembangunan TPS3R dan bank sampah", 2028)]
    plant = programme.existing_plant(dataset.fakta)
    assert plant == 8.0  # the published '8-10 m³/hari': the lower figure
    s = programme.sludge_check(dataset.ssk, plant).set_index("tahun")
    # 8 m³/day x 300 days / 2 m³ a tank = 1.200 households a year; 28 m³/day after the 2028 extension: 4.200
    assert s["kk_muat"].tolist() == [1200, 1200, 1200, 4200, 4200]
    assert s.index[s["lebih"]].tolist() == [2027]  # 1.400 households desludged in 2027


def test_the_matrix_is_matched_to_the_activity_table_by_code_else_by_name_and_agency() -> None:
    m = matrix({"kode_sub_kegiatan": "1.04.02.2.01.0001", "sub_kegiatan": "Jamban (nama lain)"},
               {"sub_kegiatan": "IPAL", "opd": "PUPR", "biaya": 500e6},
               {"sub_kegiatan": "Tidak dianggarkan", "biaya": 7e6})
    kegiatan = pd.DataFrame({
        "tahun": [2026, 2026, 2026, 2027], "opd": ["Perkimtan", "PUPR", "Dinkes", "PUPR"],
        "kode": ["1.04.02.2.01.0001", None, None, None], "kegiatan": ["Jamban sehat", "IPAL", "Pemicuan", "IPAL"],
        "target_output": [10, 1, 5, 1], "realisasi_output": [8, 1, 5, 0], "pagu": [60e6, 480e6, 20e6, 1e6],
        "realisasi_anggaran": [50e6, 470e6, 20e6, 0.0]})
    got = programme.match(m, kegiatan)
    assert got.tahun == (2026,)  # the years both cover
    assert got.cocok[["nama", "rencana", "pagu", "belanja"]].values.tolist() == [
        ["Jamban (nama lain)", 65e6, 60e6, 50e6],  # by its code, whatever the names
        ["IPAL", 500e6, 480e6, 470e6]]  # by name and agency
    assert got.cocok["fisik"].tolist() == [80.0, 100.0]
    assert got.tanpa_kegiatan["nama"].tolist() == ["Tidak dianggarkan"]
    assert got.tanpa_rencana["nama"].tolist() == ["Pemicuan"]
