"""sanitasi.readers.akses: the file's level, source, unit and official flag, its totals, and BPS's layouts.

The corpus (tests/test_io_corpus.py) holds one file per shape with what it must load as or report; these tests
cover what a corpus row cannot say: what the preview is told to ask, merged cells, and whole BPS tables.
"""

from __future__ import annotations

import pandas as pd
import pytest

from sanitasi import errors, readers
from sanitasi.indicators import RUNG_COLUMNS
from sanitasi.load import Dataset
from sanitasi.readers import akses
from sanitasi.tables import Source

HEADER = ";".join(["kode_wilayah", "kecamatan", "tahun", "jumlah_kk", *RUNG_COLUMNS])
ROW1 = "63.10.01;Batulicin;2025;100;10;50;10;20;10"
ROW2 = "63.10.02;Kusan Hilir;2025;200;20;100;20;40;20"


def read(dataset: Dataset, *lines: str, name: str = "berkas.csv", **kw) -> pd.DataFrame:
    return readers.read_kind("akses", Source(name, ("\n".join(lines) + "\n").encode()), dataset.wilayah, **kw)


def test_a_kecamatan_file_of_counts_asks_for_its_source_unit_and_flag(dataset: Dataset) -> None:
    out = read(dataset, HEADER, ROW1, ROW2, name="stbm_2025.csv")
    assert out.attrs["tingkat"] == "kecamatan" and not out.attrs["persen"]
    assert out.attrs["tanya"] == ("sumber", "satuan", "resmi")
    assert out.attrs["pilihan"] == {"sumber": "stbm_2025.csv", "satuan": "kk", "resmi": "tidak", "indikator": None}
    chosen = read(dataset, HEADER, ROW1, name="stbm_2025.csv",
                  pilihan=readers.Pilihan(sumber="Dinkes STBM 2025", resmi="ya"))
    assert chosen[["sumber", "satuan", "resmi"]].values.tolist() == [["Dinkes STBM 2025", "kk", "ya"]]


def test_a_kabupaten_file_of_shares_defaults_to_susenas_households_not_official(dataset: Dataset) -> None:
    out = read(dataset, "kode;tahun;% layak;% aman", "63.10;2023;85,35;8", "63.10;2024;86,9;9,15")
    assert out.attrs["tingkat"] == "kabupaten" and out.attrs["persen"]
    assert out.attrs["pilihan"]["sumber"] == "BPS Susenas 2024"  # the latest year of the file
    assert set(out["satuan"]) == {"rumah_tangga"} and set(out["resmi"]) == {"tidak"}
    # columns of its own for all three: nothing to ask
    full = read(dataset, "kode;tahun;% layak;sumber;satuan;resmi", "63.10;2024;86,9;BPS;rumah tangga;ya")
    assert full.attrs["tanya"] == ()
    # an empty cell in a column: that row takes the choice, so the preview still asks
    part = read(dataset, "kode;tahun;% layak;sumber", "63.10;2024;86,9;BPS", "63.10;2023;85,1;")
    assert part.attrs["tanya"] == ("sumber", "satuan", "resmi")


def test_a_merged_area_cell_covers_the_rows_below(dataset: Dataset) -> None:
    out = read(dataset, "Kabupaten/Kota;Tahun;Layak (%)", "Kabupaten Tanah Bumbu;2022;84,1", ";2023;85,35",
               ";2024;86,9")
    assert out["kode_wilayah"].tolist() == ["63.10"] * 3 and out["tahun"].tolist() == [2022, 2023, 2024]


def test_a_bps_table_without_tanah_bumbu_says_so_row_by_row(dataset: Dataset) -> None:
    with pytest.raises(errors.DataError) as caught:
        read(dataset, "Kabupaten/Kota;2023;2024", "Tanah Laut;80,1;81", "Kotabaru;78,4;79,9", name="kalsel_layak.csv",
             pilihan={"indikator": "layak"})
    assert [(p.baris, p.nilai, p.jenis) for p in caught.value.problems] == [
        (2, "Tanah Laut", errors.UNKNOWN_AREA), (3, "Kotabaru", errors.UNKNOWN_AREA)]


def test_the_province_total_line_is_not_tanah_bumbu(dataset: Dataset) -> None:
    out = read(dataset, "Kabupaten/Kota;Tahun;Layak (%)", "Tanah Bumbu;2024;86,9", "Jumlah;2024;85,1",
               "Kabupaten Tanah Laut;2024;82")
    assert out["pct_layak"].tolist() == [86.9]
    assert any("Baris wilayah lain diabaikan (baris 3, 4): Jumlah, Kabupaten Tanah Laut" in n
               for n in out.attrs["catatan"])


def test_a_one_indicator_table_asks_which_indicator(dataset: Dataset) -> None:
    with pytest.raises(readers.ChoiceError) as caught:
        read(dataset, "Tahun;Nilai", "2024;86,9")
    assert caught.value.field == "indikator" and caught.value.options == ("layak", "aman", "babs_terbuka")
    out = read(dataset, "Tahun;Nilai", "2024;86,9", pilihan={"indikator": "aman"})
    assert out["pct_aman"].tolist() == [86.9] and "indikator" in out.attrs["tanya"]
    # the table's title names it: taken from there, with a note the preview shows
    titled = read(dataset, "Persentase rumah tangga dengan akses sanitasi aman (persen);", "Tahun;Nilai", "2024;9,15")
    assert titled["pct_aman"].tolist() == [9.15] and "Indikator dibaca dari judul" in titled.attrs["catatan"][0]


def test_a_kabupaten_row_of_another_source_is_a_series_not_a_total(dataset: Dataset) -> None:
    lines = ["kode_wilayah;kecamatan;tahun;sumber;jumlah_kk;" + ";".join(RUNG_COLUMNS) + ";% layak",
             "63.10.01;Batulicin;2024;Dinkes;100;10;50;10;20;10;", "63.10;Tanah Bumbu;2024;BPS Susenas;;;;;;;86,9",
             "63.10;JUMLAH;2024;Dinkes;100;10;50;10;20;10;"]
    out = read(dataset, *lines)
    assert out[["kode_wilayah", "sumber"]].values.tolist() == [["63.10", "BPS Susenas"], ["63.10.01", "Dinkes"]]
    assert any("(baris 4) diperiksa" in n for n in out.attrs["catatan"])


def test_a_kabupaten_row_of_shares_in_a_count_file_is_not_stored(dataset: Dataset) -> None:
    lines = [HEADER + ";% layak", ROW1 + ";", "63.10;Kabupaten Tanah Bumbu;2025;;;;;;;86,9"]
    out = read(dataset, *lines)
    assert out["kode_wilayah"].tolist() == ["63.10.01"]
    assert any("Baris kabupaten (baris 3) tanpa jumlah KK tidak disimpan" in n for n in out.attrs["catatan"])


def test_a_total_line_without_a_year_is_the_total_of_the_only_year(dataset: Dataset) -> None:
    out = read(dataset, HEADER, ROW1, ROW2, ";Jumlah;;300;30;150;30;60;30")
    assert len(out) == 2
    with pytest.raises(errors.DataError, match="301 di baris ini, 300 dari kecamatan"):
        read(dataset, HEADER, ROW1, ROW2, ";Jumlah;;301;30;150;30;60;31")


def test_rung_percentages_keep_their_spellings_under_their_new_names(dataset: Dataset) -> None:
    """`pct_aman` in a file with all five rung shares is a rung share (`pst_aman`), not the published share."""
    header = "kecamatan;tahun;jumlah_kk;pct_aman;pct_layak_sendiri;% layak bersama;persen belum layak;% babs terbuka"
    out = read(dataset, header, "Batulicin;2025;1000;10;50;10;20;10")
    assert out[list(RUNG_COLUMNS)].values.tolist() == [[100, 500, 100, 200, 100]]
    assert out["pct_aman"].isna().all()
    assert {f.name for f in akses.kinds.get("akses").fields} >= {f"pst_{r}" for r in ("aman", "babs_terbuka")}
