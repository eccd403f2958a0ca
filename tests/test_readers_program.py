"""sanitasi.readers.program: the SSK programme matrix from an Instrumen-SSK-like workbook (merged programme cells,
years as columns, Indonesian number text) or a table with one row per year; problems said in Bahasa Indonesia."""

from __future__ import annotations

import pandas as pd
import pytest
from helpers import INSTRUMEN_BODY, INSTRUMEN_ROWS, instrumen_xlsx

from sanitasi import errors, exports, history, readers
from sanitasi.load import Dataset
from sanitasi.tables import Source


def read(dataset: Dataset, data: bytes, name: str = "matriks.xlsx") -> pd.DataFrame:
    return readers.read_kind("ssk", Source(name, data), dataset.wilayah)


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Empty cells as None, so rows compare with what a person writes."""
    return frame.astype(object).where(frame.notna(), None)


def test_an_instrumen_workbook_is_read_one_row_per_place_source_and_year(dataset: Dataset) -> None:
    out = plain(read(dataset, instrumen_xlsx()))
    got = list(zip(out["sub_kegiatan"], out["tahun"], out["volume"], out["biaya"], strict=True))
    assert got == [(s, y, v, b) for _, s, y, v, b in INSTRUMEN_ROWS]
    first = out.iloc[0]
    # merged cells: the programme and activity of rows 7-8 come from row 6
    assert (first["kode_program"], first["kegiatan"], first["opd"]) == ("1.03.05", "Pengelolaan SPALD", "Dinas PUPR")
    lltt = out.loc[out["sub_kegiatan"].str.startswith("Layanan")].iloc[0]
    assert (lltt["program"], lltt["kegiatan"]) == (first["program"], "Pengelolaan SPALD")
    iplt = out.loc[out["sub_kegiatan"] == "Perluasan kapasitas IPLT"].iloc[0]
    assert (iplt["kode_program"], iplt["kegiatan"], iplt["satuan"]) == ("1.03.05", "Penyediaan IPLT", "m3/hari")
    # the heading row names the programme of the rows below it; the empty activity cell takes the one above
    babs = out.loc[out["sub_kegiatan"].str.startswith("Pendampingan")].iloc[0]
    assert (babs["kode_program"], babs["kegiatan"]) == ("1.02.02", "Penyediaan Layanan Kesehatan untuk UKM dan UKP")
    # places: a kecamatan by name or alias, a desa by its code (its kecamatan from it), the whole kabupaten
    place = {s: (k, d) for s, k, d in zip(out["sub_kegiatan"], out["kode_wilayah"], out["kode_desa"], strict=True)}
    assert place["Pembangunan IPAL komunal / MCK++"] == ("63.10.04", None)
    assert place["Pendampingan perubahan perilaku BABS"] == ("63.10.03", None)  # "Sei Loban"
    assert place["Pemicuan STBM dan verifikasi desa ODF"] == ("63.10.08", "63.10.08.2002")
    assert place["Layanan lumpur tinja terjadwal (LLTT)"] == (None, None)
    assert place["Perluasan kapasitas IPLT"] == (None, None)  # "Kabupaten Tanah Bumbu"
    # indicators, funding sources and unit costs as officials write them
    assert out.groupby("sub_kegiatan", sort=False)["indikator"].first().tolist() == [
        "layak", "aman", "aman", "desa_odf", "babs_terbuka"]
    assert out.groupby("sub_kegiatan", sort=False)["sumber_dana"].first().tolist() == [
        "apbn_dak", "apbd_kab", "apbn_dak", "dana_desa", "swadaya"]
    assert out["biaya_satuan"].tolist()[:2] == [520e6, 520e6] and out["kk_per_satuan"].tolist()[0] == 45
    assert set(out["sumber"]) == {"matriks.xlsx"}
    notes = " ".join(out.attrs["catatan"])
    assert "Tata letak Instrumen SSK: tahun 2026–2028" in notes
    assert "Baris judul program/kegiatan tanpa angka" in notes and "(baris 9)" in notes
    assert "Baris jumlah/total diabaikan (baris 12)" in notes


def test_problems_name_the_row_the_column_and_what_was_expected(dataset: Dataset) -> None:
    body = [list(r) for r in INSTRUMEN_BODY]
    body[0][7] = "Satuy"  # row 6: no such kecamatan
    body[1][13] = "dua"  # row 7: text for the 2027 volume
    body[4][8] = "6310012001"  # row 10: a Batulicin desa written beside Mantewe
    body[5][19] = "Pinjaman daerah"  # row 11: no such funding source
    with pytest.raises(errors.DataError) as caught:
        read(dataset, instrumen_xlsx(body))
    found = {(p.baris, p.kolom): p for p in caught.value.problems}
    assert found[(6, "Kecamatan")].pesan.startswith("kecamatan tidak dikenal; mungkin: Satui (63.10.04)")
    assert found[(7, "Target Volume 2027")].nilai == "dua" and found[(7, "Target Volume 2027")].pesan == \
        "harus berupa angka"
    assert found[(10, "Kode Desa")].pesan == "kode desa tidak termasuk kecamatan Mantewe (63.10.08)"
    assert found[(11, "Sumber Dana")].pesan == ("sumber dana harus salah satu dari: APBD Kabupaten, APBD Provinsi, "
                                                "APBN/DAK, Dana Desa, CSR/BAZNAS, Swadaya masyarakat")
    assert len(caught.value.problems) == 4  # every problem in one pass, none twice


def test_households_belong_to_an_indicator(dataset: Dataset) -> None:
    body = [list(r) for r in INSTRUMEN_BODY]
    body[0][6] = None  # row 6: 45 households per unit, but no indicator served
    with pytest.raises(errors.DataError) as caught:
        read(dataset, instrumen_xlsx(body))
    [p] = caught.value.problems
    assert (p.baris, p.kolom) == (6, "kk_per_satuan") and "isi indikatornya atau tulis 0" in p.pesan


def test_a_table_with_one_row_per_year_is_read_too(dataset: Dataset) -> None:
    text = ("program;kegiatan;sub kegiatan;opd;indikator;kecamatan;tahun;volume;satuan;kk per satuan;biaya;"
            "sumber dana\n"
            "Program Kawasan Permukiman;Sanitasi;Jamban sehat;Perkimtan;layak;Mantewe;2026;100;unit;1;650.000.000;"
            "APBD Kabupaten\n"
            ";;Jamban sehat;Perkimtan;layak;Mantewe;2027;120;unit;1;780.000.000;APBD Kabupaten\n")
    out = read(dataset, text.encode(), "matriks.csv")
    assert out[["program", "tahun", "volume", "biaya"]].values.tolist() == [
        ["Program Kawasan Permukiman", 2026, 100.0, 650e6], ["Program Kawasan Permukiman", 2027, 120.0, 780e6]]
    with pytest.raises(readers.ColumnError) as caught:
        read(dataset, b"program;kegiatan;opd;indikator;satuan;sumber dana\nP;K;O;layak;unit;APBD\n", "x.csv")
    assert [f.name for f in caught.value.missing] == ["tahun", "volume", "biaya"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_bundled_matrix_goes_out_in_the_instrumen_layout_and_comes_back_unchanged(dataset: Dataset,
                                                                                    suffix: str) -> None:
    data = exports.table_file("ssk", dataset.ssk, dataset.wilayah, suffix)
    back = read(dataset, data, f"matriks{suffix}")
    assert history.changes("ssk", dataset.ssk, back, history.GANTI).nothing
    assert len(back) == len(dataset.ssk)
    pd.testing.assert_frame_equal(back.reset_index(drop=True), dataset.ssk.reset_index(drop=True),
                                  check_dtype=False)
