"""Column contracts: every problem found in one pass, with spreadsheet row numbers, in Bahasa Indonesia."""

from __future__ import annotations

import pandas as pd
import pytest

from sanitasi.errors import DataError, Problem
from sanitasi.schema import Column, Contract, validate

CONTOH = Contract("contoh", (
    Column("kode", "kode"),
    Column("tahun", "int", min=2000, max=2100),
    Column("nilai", "float", min=0, max=100),
    Column("jenis", "str", choices=("a", "b")),
    Column("catatan", "str", nullable=True),
), key=("kode", "tahun"))


def good_rows() -> list[dict[str, str]]:
    return [
        {"kode": "63.10.01", "tahun": "2020", "nilai": "82.5", "jenis": "a", "catatan": "x"},
        {"kode": "63.10.02", "tahun": "2021", "nilai": "0", "jenis": "b", "catatan": ""},
        {"kode": "63.10.03", "tahun": "2022", "nilai": "100", "jenis": "a", "catatan": None},
    ]


def frame(rows: list[dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, dtype="object")


def problems_of(df: pd.DataFrame, contract: Contract = CONTOH) -> list[Problem]:
    with pytest.raises(DataError) as err:
        validate(df, contract)
    return err.value.problems


def test_valid_frame_is_typed_and_limited_to_the_contract():
    df = frame(good_rows()).assign(lain="dibuang")
    out = validate(df, CONTOH)
    assert list(out.columns) == ["kode", "tahun", "nilai", "jenis", "catatan"]
    assert out["kode"].dtype == "string"
    assert out["tahun"].dtype == "Int64"
    assert out["nilai"].dtype == "float64"
    assert out["tahun"].tolist() == [2020, 2021, 2022]
    assert out["nilai"].tolist() == [82.5, 0.0, 100.0]
    # blank and None both become missing in a nullable text column
    assert out["catatan"].isna().tolist() == [False, True, True]


def test_validate_does_not_change_its_argument():
    df = frame(good_rows())
    before = df.copy()
    validate(df, CONTOH)
    pd.testing.assert_frame_equal(df, before)


def test_surrounding_spaces_are_trimmed():
    rows = good_rows()
    rows[0] = {**rows[0], "kode": " 63.10.01 ", "jenis": " a"}
    out = validate(frame(rows), CONTOH)
    assert out["kode"].iloc[0] == "63.10.01"
    assert out["jenis"].iloc[0] == "a"


# One bad cell per case, always in the second data row, i.e. spreadsheet row 3 (header = row 1).
@pytest.mark.parametrize(("kolom", "nilai", "pesan"), [
    ("kode", "6310.01", "kode wilayah harus berbentuk seperti 63.10.01"),
    ("kode", "63.10.1", "kode wilayah harus berbentuk seperti 63.10.01"),
    ("kode", "", "nilai wajib diisi, tetapi kosong"),
    ("tahun", "dua ribu", "harus berupa angka"),
    ("tahun", "2020.5", "harus bilangan bulat"),
    ("tahun", "1999", "tidak boleh kurang dari 2000"),
    ("tahun", "2101", "tidak boleh lebih dari 2100"),
    ("tahun", "inf", "harus berupa angka"),  # pandas reads "inf" as a number; an integer column must not crash on it
    ("nilai", "-inf", "harus berupa angka"),
    ("nilai", "82,5", "harus berupa angka"),  # decimal comma is not a number until the importer converts it
    ("nilai", "-0.1", "tidak boleh kurang dari 0"),
    ("nilai", "100.5", "tidak boleh lebih dari 100"),
    ("nilai", None, "nilai wajib diisi, tetapi kosong"),
    ("jenis", "c", "nilai harus salah satu dari: a, b"),
])
def test_one_bad_cell(kolom, nilai, pesan):
    rows = good_rows()
    rows[1] = {**rows[1], kolom: nilai}
    problems = problems_of(frame(rows))
    assert len(problems) == 1
    p = problems[0]
    assert (p.tabel, p.baris, p.kolom, p.pesan) == ("contoh", 3, kolom, pesan)


def test_all_problems_are_collected_in_one_pass():
    rows = good_rows()
    rows[0] = {**rows[0], "tahun": "abc"}                   # row 2
    rows[1] = {**rows[1], "kode": "63.1O.02", "nilai": "101"}  # row 3: letter O, and above max
    rows[2] = {**rows[2], "jenis": "z", "tahun": "1.5"}     # row 4: choice, and not an integer
    found = {(p.baris, p.kolom, p.pesan) for p in problems_of(frame(rows))}
    assert found == {
        (2, "tahun", "harus berupa angka"),
        (3, "kode", "kode wilayah harus berbentuk seperti 63.10.01"),
        (3, "nilai", "tidak boleh lebih dari 100"),
        (4, "jenis", "nilai harus salah satu dari: a, b"),
        (4, "tahun", "harus bilangan bulat"),
        # 1.5 is also below the minimum 2000
        (4, "tahun", "tidak boleh kurang dari 2000"),
    }


def test_every_missing_column_is_named():
    df = frame(good_rows()).drop(columns=["nilai", "jenis"])
    problems = problems_of(df)
    assert [(p.kolom, p.pesan, p.baris) for p in problems] == [
        ("nilai", "kolom wajib tidak ada", None),
        ("jenis", "kolom wajib tidak ada", None),
    ]


def test_duplicate_key_points_at_the_repeated_row():
    rows = good_rows()
    rows[2] = {**rows[2], "kode": "63.10.01", "tahun": "2020"}  # same key as row 2
    problems = problems_of(frame(rows))
    assert [(p.baris, p.pesan) for p in problems] == [(4, "baris ganda untuk kunci yang sama")]
    assert problems[0].nilai == "kode=63.10.01, tahun=2020"


def test_row_checks_run_on_typed_data():
    def nilai_for_a_is_positive(df: pd.DataFrame, table: str) -> list[Problem]:
        bad = (df["jenis"] == "a") & (df["nilai"] <= 0)
        return [Problem(table, int(i) + 2, "nilai", str(df["nilai"].iloc[i]), "jenis a harus positif")
                for i in bad[bad].index]

    contract = Contract(CONTOH.name, CONTOH.columns, CONTOH.key, row_checks=(nilai_for_a_is_positive,))
    rows = good_rows()
    rows[2] = {**rows[2], "nilai": "0"}  # row 4: jenis a with 0
    problems = problems_of(frame(rows), contract)
    assert [(p.baris, p.pesan) for p in problems] == [(4, "jenis a harus positif")]


def test_message_is_in_bahasa_indonesia_with_row_and_column():
    rows = good_rows()
    rows[1] = {**rows[1], "tahun": "dua ribu"}
    with pytest.raises(DataError) as err:
        validate(frame(rows), CONTOH)
    text = str(err.value)
    assert text.startswith("1 masalah pada data:")
    assert "tabel contoh, baris 3, kolom 'tahun': harus berupa angka (ditemukan: 'dua ribu')" in text


@pytest.mark.parametrize(("problem", "text"), [
    (Problem("t", 5, "k", "x", "salah"), "tabel t, baris 5, kolom 'k': salah (ditemukan: 'x')"),
    (Problem("t", None, "k", None, "kolom wajib tidak ada"), "tabel t, kolom 'k': kolom wajib tidak ada"),
    (Problem("t", 2, None, "", "baris ganda"), "tabel t, baris 2: baris ganda"),
])
def test_problem_text(problem, text):
    assert str(problem) == text


def test_empty_frame_gives_empty_typed_frame_with_the_contract_columns():
    empty = pd.DataFrame(columns=["kode", "tahun", "nilai", "jenis", "catatan", "lain"])
    out = validate(empty, CONTOH)
    assert out.empty
    assert list(out.columns) == CONTOH.names
    assert out.dtypes.astype(str).tolist() == ["string", "Int64", "float64", "string", "string"]


def test_empty_frame_without_columns_still_reports_the_required_ones_missing():
    problems = problems_of(pd.DataFrame())
    assert [p.kolom for p in problems] == [c.name for c in CONTOH.columns if not c.nullable]


def test_a_column_that_may_be_empty_may_be_left_out():
    optional = [c.name for c in CONTOH.columns if c.nullable]
    assert optional  # the contract has some, or this test says nothing
    out = validate(frame(good_rows()).drop(columns=optional), CONTOH)
    assert list(out.columns) == CONTOH.names and out[optional].isna().all().all()


@pytest.mark.parametrize("cells", [
    ["12", " 7 ", "1e3", "+5", "-0", "0012", None],   # clean: the fast cast
    ["12", "1_000", "3"],                              # float() reads "1_000"; a count must not
    ["12", "１２", "٣"],                                 # non-Latin digits, likewise
    ["12", "1,5", "abc", "inf", ""],                    # bad cells: the slow path finds them
], ids=["clean", "underscore", "non-latin-digits", "bad"])
def test_numbers_read_as_to_numeric_reads_them(cells):
    """The fast cast used for large files reads exactly what `pd.to_numeric` reads."""
    from sanitasi.schema import _numbers

    for dtype in ("str", object):
        raw = pd.Series(cells, dtype=dtype)
        pd.testing.assert_series_equal(_numbers(raw), pd.to_numeric(raw, errors="coerce"), check_dtype=False)
