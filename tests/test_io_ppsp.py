"""The rest of PPSP through the import path: waste, drainage, agency activities and clinic commitments.

Same rules as the access table: files as officials make them, every problem in one pass with the row as
Excel shows it, nothing saved from a file with problems, and what is exported imports as the same data.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sanitasi import errors, exports, readers, store
from sanitasi.load import Dataset
from sanitasi.tables import Source
from sanitasi.views import data as data_view

KINDS = ("sampah", "drainase", "kegiatan", "komitmen")


def csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def read(kind: str, data: bytes, dataset: Dataset, name: str = "berkas.csv", **kw) -> pd.DataFrame:
    return readers.read_kind(kind, Source(name, data), dataset.wilayah, **kw)


@pytest.fixture
def fresh_store(tmp_path: Path) -> store.Store:
    s = store.Store(f"sqlite:///{tmp_path / 'ppsp.db'}")
    yield s
    s.engine.dispose()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", KINDS)
def test_the_bundled_tables_exported_import_as_the_same_data_and_become_real(kind: str, fmt: str, dataset: Dataset,
                                                                             fresh_store: store.Store) -> None:
    bundled = getattr(dataset, kind)
    data = exports.to_csv(bundled) if fmt == "csv" else exports.to_xlsx({kind: bundled})
    back = read(kind, data, dataset, name=f"{kind}.{fmt}")
    pd.testing.assert_frame_equal(back.reset_index(drop=True), bundled.reset_index(drop=True))
    v = fresh_store.save(kind, back, store.Meta(f"{kind}.{fmt}", "x", "uji"), bundled=dataset)
    d = fresh_store.dataset(v, dataset)
    pd.testing.assert_frame_equal(getattr(d, kind).reset_index(drop=True), bundled.reset_index(drop=True))
    # its rows still say they are illustrative, so the table still is; rows from a named source are not
    assert d.illustrative(kind) == ("sumber" in bundled.columns) and d.illustrative("akses")
    real = back.assign(sumber="Dinkes 2025") if "sumber" in back.columns else back
    w = fresh_store.save(kind, real, store.Meta(f"{kind}.{fmt}", "x", "uji"), bundled=dataset)
    assert not fresh_store.dataset(w, dataset).illustrative(kind)


def test_waste_with_indonesian_headers(dataset: Dataset) -> None:
    out = read("sampah", csv("Tahun;Timbulan Sampah (ton/tahun);Pengurangan (ton);Penanganan (ton);Sumber",
                             "2024;61.500;4.920,5;27.675;SIPSN", "2025;62.700;5.500;30.000;"), dataset)
    assert out["timbulan_ton"].tolist() == [61500.0, 62700.0]
    assert out["pengurangan_ton"].tolist() == [4920.5, 5500.0]
    assert out["sumber"].tolist() == ["SIPSN", "berkas.csv"]  # an empty source cell names the file
    assert data_view.summary("sampah", out, {}, "id") == "Siap dimuat: persampahan kabupaten, tahun 2024–2025."


def test_drainage_by_name_with_a_totals_row(dataset: Dataset) -> None:
    out = read("drainase", csv("Kecamatan;Tahun;Luas Genangan (ha)", "Kec. Mentewe;2025;12,5", "Batu Licin;2025;30",
                               "Jumlah;2025;42,5"), dataset)
    assert out["kode_wilayah"].tolist() == ["63.10.01", "63.10.08"] and out["genangan_ha"].tolist() == [30.0, 12.5]
    assert any("Baris jumlah/total diabaikan (baris 4)" in n for n in out.attrs["catatan"])


def test_activities_with_rupiah_and_indicator_labels(dataset: Dataset) -> None:
    header = "Tahun;OPD;Program;Sub Kegiatan;Indikator;Target;Realisasi;Satuan;KK per satuan;Pagu (Rp);Serapan"
    out = read("kegiatan", csv(header, "2025;Dinas Kesehatan;;Pemicuan STBM;Desa/kelurahan ODF;18;12;desa;0;"
                                       "Rp 810.000.000;Rp 600.000.000"), dataset)
    row = out.iloc[0]
    assert (row["indikator"], row["pagu"], row["realisasi_anggaran"], row["target_output"]) == \
        ("desa_odf", 810_000_000.0, 600_000_000.0, 18.0)
    assert pd.isna(row["program"])


def test_commitments_with_dates_as_officials_write_them(dataset: Dataset) -> None:
    out = read("komitmen", csv("Tanggal Klinik;Pihak;Kecamatan;Komitmen;Indikator;Batas Waktu;Status",
                               "20/11/2026;Dinas Kesehatan;Mantewe;Pemicuan 5 desa;desa_odf;30/06/2027;Sedang berjalan",
                               "Klinik November;Bappeda;;Perbup SSK;;31 Desember 2027;Belum"), dataset)
    assert out["klinik"].tolist() == ["2026-11-20", "Klinik November"]  # a date, or the clinic's name as written
    assert out["tenggat"].tolist() == ["2027-06-30", "2027-12-31"]
    assert out["status"].tolist() == ["berjalan", "belum"]
    assert out["kode_wilayah"].tolist()[0] == "63.10.08" and pd.isna(out["kode_wilayah"].iloc[1])  # kabupaten
    assert pd.isna(out["indikator"].iloc[1])


BAD = [
    ("sampah", "handled-and-reduced-exceed-generation",
     csv("tahun;timbulan_ton;pengurangan_ton;penanganan_ton", "2024;1000;400;700", "2025;1000;300;700"),
     [(2, "timbulan_ton", "pengurangan + penanganan (1100 ton) melebihi timbulan", "1000")]),
    ("sampah", "duplicate-year-negative-text",
     csv("tahun;timbulan_ton;pengurangan_ton;penanganan_ton", "2024;1000;100;700", "2024;1000;-5;700",
         "2025;seribu;100;700"),
     [(3, None, "baris ganda: tahun ini sudah ada", "2024"), (3, "pengurangan_ton", "tidak boleh kurang dari 0", "-5"),
      (4, "timbulan_ton", "harus berupa angka", "seribu")]),
    ("drainase", "unknown-kecamatan-child-before-split-duplicate",
     csv("kecamatan;tahun;genangan_ha", "Batu Lincin;2025;10", "Kusan Tengah;2019;5", "Satui;2025;3", "Satui;2025;4"),
     [(2, "kecamatan", "kecamatan tidak dikenal; mungkin: Batulicin", "Batu Lincin"),
      (3, "tahun", "baru ada sejak 2021", "2019"), (5, None, "baris ganda", "63.10.04, 2025")]),
    ("kegiatan", "unknown-indicator-text-in-budget-missing-agency",
     csv("tahun;opd;kegiatan;indikator;target_output;realisasi_output;satuan;kk_per_satuan;pagu;realisasi_anggaran",
         "2025;Dinas Kesehatan;Pemicuan;jamban;18;12;desa;0;810000000;600000000",
         "2025;;Pemicuan;desa_odf;18;12;desa;0;delapan ratus juta;600000000"),
     [(2, "indikator", "indikator tidak dikenal", "jamban"), (3, "opd", "wajib diisi", None),
      (3, "pagu", "harus berupa angka", "delapan ratus juta")]),
    ("komitmen", "bad-status-deadline-indicator",
     csv("klinik;pihak;komitmen;indikator;tenggat;status", "2026-11-20;Dinkes;Pemicuan;odf;2027-06-30;mungkin",
         "2026-11-20;Dinkes;Pemicuan;desa_odf;pertengahan 2027;belum", "2026-11-20;;Pemicuan;desa_odf;2027-06-30;"),
     [(2, "indikator", "indikator tidak dikenal", "odf"), (2, "status", "status harus salah satu dari", "mungkin"),
      (3, "tenggat", "tanggal tidak terbaca", "pertengahan 2027"), (4, "pihak", "wajib diisi", None),
      (4, "status", "wajib diisi", None)]),
]


@pytest.mark.parametrize(("kind", "case", "data", "expected"), BAD, ids=[b[1] for b in BAD])
def test_bad_files_report_every_problem_and_save_nothing(kind: str, case: str, data: bytes, expected: list,
                                                         dataset: Dataset, fresh_store: store.Store) -> None:
    with pytest.raises(errors.DataError) as caught:
        frame = read(kind, data, dataset)
        fresh_store.save(kind, frame, store.Meta("x.csv", "x", "uji"), bundled=dataset)
    found = [(p.baris, p.kolom, p.pesan, p.nilai) for p in caught.value.problems]
    assert len(found) == len(expected), found
    for baris, kolom, pesan, nilai in expected:
        assert any(b == baris and k == kolom and pesan in m and v == nilai for b, k, m, v in found), \
            ((baris, kolom, pesan, nilai), found)
    assert fresh_store.versions()["id"].tolist() == [0]


def test_a_missing_column_is_asked_for(dataset: Dataset) -> None:
    with pytest.raises(readers.ColumnError) as caught:
        read("drainase", csv("kecamatan;tahun;luas banjir", "Satui;2025;3"), dataset)
    assert [f.name for f in caught.value.missing] == ["genangan_ha"] and caught.value.unmatched == ["luas banjir"]
    out = read("drainase", csv("kecamatan;tahun;luas banjir", "Satui;2025;3"), dataset,
               column_map={"luas banjir": "genangan_ha"})
    assert out["genangan_ha"].tolist() == [3.0]


@pytest.mark.parametrize(("kind", "name"), exports.TEMPLATES)
def test_every_template_is_recognised_by_its_reader(kind: str, name: str, dataset: Dataset) -> None:
    """A template's headers are all understood: filling it in is enough (no column to point at)."""
    template = exports.template(kind, dataset.wilayah, name)
    try:
        read(kind, exports.to_csv(template), dataset, name=f"templat_{kind}.csv")
    except readers.ColumnError as err:  # pragma: no cover - the failure this test is for
        pytest.fail(f"{kind}: columns not recognised: {[f.name for f in err.missing]}")
    except errors.DataError as err:  # an empty template has empty cells: those problems are expected
        assert all(p.baris is not None and p.baris >= 2 for p in err.problems), [str(p) for p in err.problems]


def test_every_importable_kind_has_a_reader_a_label_and_help() -> None:
    from sanitasi import i18n

    for kind in readers.IMPORT_KINDS:
        assert f"data.bantuan_{kind}" in i18n.ID and f"data.bantuan_{kind}" in i18n.EN
        assert data_view.kind_label(kind, "id") != data_view.kind_label("semua", "id")
        assert kind in store.KINDS
    with pytest.raises(ValueError, match="jenis data tidak dikenal"):
        readers.read_kind("semua", b"", None)
