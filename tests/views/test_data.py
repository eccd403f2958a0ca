"""sanitasi.views.data: what the Data page says about a file before saving it and about two versions."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from sanitasi import history, readers
from sanitasi.analysis import Analysis
from sanitasi.load import Dataset
from sanitasi.tables import Source
from sanitasi.views import data


def susenas(dataset: Dataset, resmi: str = "tidak") -> pd.DataFrame:
    text = "kode;tahun;% layak;% aman\n63.10;2023;85,35;\n63.10;2024;86,9;9,15\n"
    return readers.read_akses(Source("s.csv", text.encode()), dataset.wilayah, pilihan={"resmi": resmi})


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "Siap dimuat: 2 baris tingkat kabupaten, tahun 2023–2024 (Akses layak, Akses aman); sumber: BPS Susenas "
           "2024 (% rumah tangga, resmi)."),
    ("en", "Ready to load: 2 kabupaten-level rows, years 2023–2024 (Adequate access, Safely managed); source: "
           "BPS Susenas 2024 (% of households (rumah tangga), official)."),
])
def test_a_kabupaten_file_is_summed_up_with_its_source(dataset: Dataset, lang: str, expected: str) -> None:
    names = data.names_with_kabupaten(dataset.wilayah)
    assert data.summary("akses", susenas(dataset, "ya"), names, lang) == expected


def test_a_file_of_both_levels_names_both(dataset: Dataset) -> None:
    both = pd.concat([dataset.akses.loc[dataset.akses["tahun"] == 2025], susenas(dataset)], ignore_index=True)
    text = data.summary("akses", both, {}, "id")
    assert text.startswith("Siap dimuat: 12 baris, 12 kecamatan, tahun 2025;")
    assert text.endswith("2 baris tingkat kabupaten, tahun 2023–2024 (Akses layak, Akses aman); sumber: BPS Susenas "
                         "2024 (% rumah tangga, tidak resmi).")


def test_the_preview_lists_changed_values_the_indonesian_way(dataset: Dataset) -> None:
    new = dataset.akses.iloc[[0]].assign(kk_aman=1588, kk_belum_layak=16)
    ch = history.changes("akses", dataset.akses, new)
    p = data.preview(ch, data.names_with_kabupaten(dataset.wilayah), "id")
    assert p.text == "0 baris baru, 1 berubah, 89 tetap; tabel menjadi 90 baris."
    assert p.table.values.tolist() == [["Batulicin · 2018 · ilustratif", "kk_aman", "588", "1.588"],
                                       ["Batulicin · 2018 · ilustratif", "kk_belum_layak", "1.016", "16"]]
    assert p.more is None and p.warning is None
    whole = data.preview(history.changes("akses", dataset.akses, new, history.GANTI), {}, "en")
    assert whole.warning.startswith("The whole table is replaced by the file: 89 rows")


def test_two_versions_of_any_kind_are_compared_row_by_row(dataset: Dataset) -> None:
    chosen = dataset.sampah.assign(sumber=["SIPSN"] * 2 + ["ilustratif"] * (len(dataset.sampah) - 2)).iloc[1:]
    p = data.compare("sampah", dataset.sampah, chosen, {}, 3, 1, "id")
    assert p.text == ("Versi 3 dibanding versi aktif (1): 0 baris hanya di versi 3, 1 baris hanya di versi aktif, "
                      "1 baris berbeda, 6 baris sama.")
    assert p.table.columns.tolist() == ["Baris", "Kolom", "Versi aktif", "Versi dipilih"]
    assert p.table.values.tolist() == [["2019", "sumber", "ilustratif", "SIPSN"]]


def test_the_access_templates_are_one_per_level(an: Analysis) -> None:
    r = data.view(an, data.Settings("id"))
    access = [(tpl.label, tpl.file) for tpl in r.templat if tpl.kind == "akses"]
    assert access == [("Akses — kecamatan (jumlah KK)", "templat_akses_kecamatan"),
                      ("Akses — kabupaten (BPS Susenas, persen)", "templat_akses_kabupaten")]
    assert [tpl.file for tpl in r.templat if tpl.kind == "target"] == ["templat_target"]
    assert r.templat[1].csv().startswith("\ufeffkode_wilayah;wilayah;tahun;sumber;satuan;resmi;pct_layak".encode())


def test_the_preview_leaves_out_columns_no_row_fills(dataset: Dataset) -> None:
    shown = data.shown("akses", susenas(dataset))
    assert shown.columns.tolist() == ["kode_wilayah", "tahun", "sumber", "satuan", "resmi", "pct_layak", "pct_aman"]


def test_stored_tables_read_the_indonesian_way_and_years_stay_years() -> None:
    import pandas as pd

    from sanitasi.views import data as data_view

    frame = pd.DataFrame({"kode_wilayah": ["63.10.01"], "tahun": [2018], "jumlah_kk": [13344], "persen": [82.55]})
    html = data_view.readable(frame, "id").to_html()
    assert "13.344" in html and "82,55" in html and ">2018<" in html
    assert "13,344" in data_view.readable(frame, "en").to_html()


@pytest.mark.parametrize(("lang", "rows", "by"), [("id", "1.805", "bawaan dasbor"),
                                                   ("en", "1,805", "shipped with the dashboard")])
def test_the_versions_table_counts_the_bundled_rows(tmp_path, dataset: Dataset, lang: str, rows: str, by: str) -> None:
    """Version 0 said 'Baris 0': the store never read the bundled files. The rows are those of its tables, counted by
    hand from data/: akses 90, target 61, batas 12, biaya 6, stbm 100, stbm_desa 753, batas_desa 149, sampah 8,
    drainase 90, kegiatan 30, komitmen 5, peran 38, ssk 463 = 1.805. A loaded version keeps its file's count."""
    from sanitasi import store

    s = store.Store(f"sqlite:///{tmp_path / 'v.db'}")
    s.save("sampah", dataset.sampah.iloc[:3], store.Meta("sampah.csv", "x", "Ani"), bundled=dataset)
    shown = data.table(s.versions(), dataset, lang).set_index(data.i18n.t("data.k_versi", lang))
    rows_col, by_col = data.i18n.t("data.k_baris", lang), data.i18n.t("data.k_oleh", lang)
    assert shown.loc[0, rows_col] == rows and shown.loc[0, by_col] == by
    assert "13" in shown.loc[0, data.i18n.t("data.k_catatan", lang)]
    assert (shown.loc[1, rows_col], shown.loc[1, by_col]) == ("3", "Ani")
    assert data.row_count(dataset) == 1805


@pytest.mark.parametrize(("lang", "klinik", "tenggat"), [("id", "20 November 2026", "30 Juni 2027"),
                                                         ("en", "20 November 2026", "30 June 2027")])
def test_stored_tables_show_their_dates_as_words(dataset: Dataset, lang: str, klinik: str, tenggat: str) -> None:
    """The Data page's view of a stored table wrote the commitments' and villages' dates as stored ('2026-11-20');
    it writes them as every other page does, while the cells keep the stored text (so the grid sorts by date)."""
    styled = data.readable(data.shown("komitmen", dataset.komitmen), lang)
    first = dataset.komitmen.iloc[0]
    assert (first["klinik"], first["tenggat"]) == ("2026-11-20", "2027-06-30")
    html = styled.to_html()
    assert klinik in html and tenggat in html and "2026-11-20" not in html
    assert styled.data["klinik"].tolist() == dataset.komitmen["klinik"].tolist()
    villages = data.readable(data.shown("stbm_desa", dataset.stbm_desa), lang).to_html()
    assert not re.search(r"\d{4}-\d{2}-\d{2}", villages)


def test_a_comparison_of_commitments_writes_dates_as_words_and_says_a_cell_was_emptied(dataset: Dataset) -> None:
    new = dataset.komitmen.copy()
    new.loc[0, "tenggat"], new.loc[0, "catatan"] = "2027-09-30", None
    p = data.compare("komitmen", dataset.komitmen, new, data.names_with_kabupaten(dataset.wilayah), 3, 1, "id")
    row = "20 November 2026 · Dinas Kesehatan · Pemicuan STBM di 5 desa Mantewe yang belum ODF"  # klinik is in the key
    assert p.table.values.tolist() == [[row, "tenggat", "30 Juni 2027", "30 September 2027"],
                                       [row, "catatan", "ILUSTRATIF: contoh komitmen", "– (kosong)"]]
