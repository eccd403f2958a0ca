"""sanitasi.kinds: the registry of table kinds is complete, and everything that lists kinds reads it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sanitasi import cli, errors, exports, i18n, kinds, paths, readers, store
from sanitasi.headers import AREA_CODE, AREA_NAME, SOURCE, YEAR, Field, spellings
from sanitasi.load import Dataset
from sanitasi.schema import Column, Contract
from sanitasi.tables import Source
from sanitasi.views import data as data_view

KINDS = list(kinds.REGISTRY.values())
IDS = list(kinds.REGISTRY)


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_every_kind_has_a_label_in_both_languages(kind: kinds.Kind) -> None:
    assert kind.label_key in i18n.ID and kind.label_key in i18n.EN
    assert data_view.kind_label(kind.code, "id") == i18n.ID[kind.label_key]
    assert data_view.kind_label(kind.code, "en") == i18n.EN[kind.label_key]


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_every_kind_has_a_contract_a_storage_and_fields(kind: kinds.Kind) -> None:
    assert kind.code.isidentifier() and len(kind.code) <= 20  # the store's versi.jenis and sumber_<kind> column
    assert kind.contract.columns and kind.storage in ("rows", "json", "geo")
    assert set(kind.key) <= set(kind.contract.names), kind.key
    if kind.importable:
        assert kind.fields, "an importable kind needs the headers its reader accepts"
        assert f"data.bantuan_{kind.code}" in i18n.ID and f"data.bantuan_{kind.code}" in i18n.EN


@pytest.mark.parametrize("kind", [k for k in KINDS if k.importable and k.storage != "geo"],
                         ids=[k.code for k in KINDS if k.importable and k.storage != "geo"])
def test_every_importable_table_has_a_template_explaining_every_column(kind: kinds.Kind) -> None:
    assert kind.template is not None
    for template in kind.templates:
        assert [c for c in template.row if not template.explain.get(c)] == []
    names = [t.name for t in kind.templates]
    assert len(set(names)) == len(names) and (len(names) == 1 or all(names))  # several: each named, once
    for name in names if len(names) > 1 else ():
        assert f"templat.{kind.code}_{name}" in i18n.ID and f"templat.{kind.code}_{name}" in i18n.EN


@pytest.mark.parametrize("kind", [k for k in KINDS if k.bundled is not None],
                         ids=[k.code for k in KINDS if k.bundled is not None])
def test_every_bundled_file_exists_and_is_described_on_the_methods_page(kind: kinds.Kind) -> None:
    assert kind.bundled.exists()
    for part in ("isi", "sumber", "status"):
        assert f"berkas.{kind.code}.{part}" in i18n.ID and f"berkas.{kind.code}.{part}" in i18n.EN


# What a reader takes from a file without it being a column of the table, and what it fills in itself: the
# access reader reads rungs given as percentages (turned into households), and the one value of a one-indicator
# table with its error columns (filed under its indicator's columns).
READER_ONLY = {"nama_wilayah", "nama_desa", "kode_nomenklatur", "tanggal_verifikasi", "tanggal_deklarasi",
               "indikator", "nilai", "rse", "ci_bawah", "ci_atas",
               *(f"pst_{r}" for r in ("aman", "layak_sendiri", "layak_bersama", "belum_layak", "babs_terbuka"))}
FILLED_BY_READER = {"stbm_desa": {"kk_lainnya"}}


@pytest.mark.parametrize("kind", [k for k in KINDS if k.fields and k.storage != "geo"],
                         ids=[k.code for k in KINDS if k.fields and k.storage != "geo"])
def test_reader_fields_and_contract_columns_name_the_same_table(kind: kinds.Kind) -> None:
    """The header spellings and the contract describe one table: no column read that the contract lacks, none
    in the contract that nothing reads or fills."""
    read = {f.name for f in kind.fields}
    assert read - set(kind.contract.names) <= READER_ONLY
    assert set(kind.contract.names) - read == FILLED_BY_READER.get(kind.code, set())


@pytest.mark.parametrize(("kind", "key"), [("kegiatan", ("tahun", "opd", "kegiatan")),
                                           ("komitmen", ("klinik", "pihak", "komitmen"))])
def test_tables_without_a_contract_key_name_the_columns_that_identify_a_row(kind: str, key: tuple,
                                                                           dataset: Dataset) -> None:
    assert kinds.get(kind).contract.key == () and kinds.get(kind).key == key
    assert not getattr(dataset, kind).duplicated(list(key)).any()  # true of the bundled rows


# ------------------------------------------------------------------------------------- the lists read from it
def test_the_lists_of_kinds_keep_the_order_officials_see() -> None:
    assert kinds.importable() == ("akses", "target", "batas", "biaya", "stbm_desa", "batas_desa", "sampah",
                                  "drainase", "kegiatan", "komitmen", "peran", "ssk")
    # every kind is bundled now (the village tables since the real boundaries): the registry's order
    assert kinds.held() == ("akses", "target", "batas", "biaya", "stbm", "stbm_desa", "batas_desa", "sampah",
                            "drainase", "kegiatan", "komitmen", "peran", "ssk")
    assert kinds.geo() == ("batas", "batas_desa")
    assert kinds.with_template() == ("akses", "target", "biaya", "stbm_desa", "sampah", "drainase", "kegiatan",
                                     "komitmen", "peran", "ssk")
    assert kinds.with_template() == exports.TEMPLATE_KINDS and kinds.held() == store.KINDS


def test_the_bundled_files_listed_on_the_methods_page() -> None:
    assert kinds.bundled_files() == [
        ("wilayah", "data/wilayah.csv"), ("akses", "data/akses_sanitasi.csv"), ("target", "data/target.csv"),
        ("batas", "data/batas_kecamatan.geojson"), ("biaya", "data/biaya_satuan.csv"),
        ("stbm", "data/stbm_kecamatan.csv"), ("stbm_desa", "data/stbm_desa.csv"),
        ("batas_desa", "data/batas_desa.geojson"),
        ("sampah", "data/sampah.csv"), ("drainase", "data/drainase.csv"), ("kegiatan", "data/kegiatan_opd.csv"),
        ("komitmen", "data/komitmen.csv"), ("peran", "data/peran_opd.csv"), ("ssk", "data/program_ssk.csv")]
    assert all((paths.ROOT / name).exists() for _, name in kinds.bundled_files())


@pytest.mark.parametrize(("page", "expected"), [
    ("ringkasan", ("akses", "stbm", "sampah", "drainase")),
    ("paparan", ("akses", "stbm", "sampah", "drainase", "komitmen", "ssk")),
    ("stbm", ("stbm", "akses")),  # the page's own table first, the access figures it compares with after
    ("sampah", ("sampah", "drainase")),
    ("opd", ("kegiatan", "peran", "akses")),
    ("kebutuhan", ("akses", "biaya")),  # households from the access table, money from the unit costs
    ("komitmen", ("komitmen",)),
    # the plan against the need: the matrix first, then what the need and the realisation are drawn from
    ("program_ssk", ("ssk", "akses", "biaya", "kegiatan", "peran")),
    ("peta", ()),  # the banner's default (the access table) covers every page no table names
])
def test_the_tables_each_page_banner_names(page: str, expected: tuple[str, ...]) -> None:
    assert kinds.kinds_for_page(page) == expected
    assert kinds.page_kinds().get(page, ()) == expected


def test_an_unknown_kind_is_refused_in_indonesian() -> None:
    with pytest.raises(ValueError, match="jenis data tidak dikenal: semua"):
        kinds.get("semua")
    assert data_view.kind_label("semua") == i18n.ID["data.jenis_semua"]


# ------------------------------------------------------------------------------------- adding a kind
# A kind the dashboard does not have: desludging trips (LLTT) per kecamatan and year. Adding it takes its
# contract, one registry entry and its texts; nothing else is edited (the test patches only those three).
SEDOT = Contract("sedot_tinja", (
    Column("kode_wilayah", "kode"),
    Column("tahun", "int", min=1990, max=2100),
    Column("rit", "int", min=0),
    Column("sumber", "str", nullable=True),
), key=("kode_wilayah", "tahun"))
TRIPS = Field("rit", spellings("rit", "jumlah rit", "rit sedot tinja"), label="rit sedot tinja")
FILE = "kecamatan;tahun;jumlah rit\nBatulicin;2025;40\nKusan Hilir;2025;12\nJumlah;2025;52\n"


@pytest.fixture(params=["rows", "json"])
def sedot(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> kinds.Kind:
    kind = kinds.Kind("sedot", SEDOT, request.param, fields=(AREA_CODE, AREA_NAME, YEAR, TRIPS, SOURCE),
                      pages=("ringkasan",), template=kinds.Template(
                          {"kode_wilayah": kinds.KECAMATAN_CODE, "kecamatan": kinds.KECAMATAN_NAME, "tahun": 2025,
                           "rit": None, "sumber": None},
                          {"kode_wilayah": "Kode kecamatan", "kecamatan": "Nama kecamatan", "tahun": "Tahun",
                           "rit": "Rit truk tinja", "sumber": "Sumber data"}))
    monkeypatch.setitem(kinds.REGISTRY, "sedot", kind)
    for lang, catalogue in (("id", i18n.ID), ("en", i18n.EN)):
        monkeypatch.setitem(catalogue, "data.jenis_sedot", {"id": "Sedot tinja", "en": "Desludging"}[lang])
        monkeypatch.setitem(catalogue, "data.bantuan_sedot", "rit per kecamatan dan tahun")
    return kind


def test_a_new_kind_is_read_stored_offered_and_templated(sedot: kinds.Kind, dataset: Dataset, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture) -> None:
    # the generic reader reads it from the entry alone: names to codes, the totals line dropped, counts as int64
    frame = readers.read_kind("sedot", Source("sedot.csv", FILE.encode()), dataset.wilayah)
    assert frame[["kode_wilayah", "tahun", "rit"]].values.tolist() == [["63.10.01", 2025, 40], ["63.10.02", 2025, 12]]
    assert frame["sumber"].tolist() == ["sedot.csv"] * 2 and "Baris jumlah/total diabaikan" in frame.attrs["catatan"][0]
    assert data_view.summary("sedot", frame, {}, "id") == "Siap dimuat: 2 baris Sedot tinja."  # the import step's line
    with pytest.raises(errors.DataError, match="harus berupa angka"):
        readers.read_kind("sedot", Source("x.csv", b"kecamatan;tahun;rit\nBatulicin;2025;banyak\n"), dataset.wilayah)
    # the store keeps it, alongside every other kind, and a data set exposes it as an attribute
    s = store.Store(f"sqlite:///{tmp_path / 'baru.db'}")
    v = s.save("sedot", frame, store.Meta("sedot.csv", "x", "uji"), bundled=dataset)
    d = s.dataset(v, dataset)
    pd.testing.assert_frame_equal(d.sedot, frame, check_dtype=False)
    pd.testing.assert_frame_equal(s.table("sedot", v, dataset), frame, check_dtype=False)
    assert not d.illustrative("sedot") and d.illustrative("akses") and d.akses.equals(dataset.akses)
    assert dataset.sedot is None and Dataset(dataset.wilayah, "0", dataset.tanggal).sedot is None
    assert data_view.table(s.versions(), dataset)["Jenis"].tolist()[0] == "Sedot tinja"
    # the command line offers it and loads it
    assert "sedot" in [a for a in cli.parser()._subparsers._group_actions[0].choices["import"]._actions
                       if a.dest == "kind"][0].choices
    path = tmp_path / "sedot.csv"
    path.write_text(FILE, encoding="utf-8")
    monkeypatch.setenv(store.ENV_URL, f"sqlite:///{tmp_path / 'cli.db'}")
    assert cli.main(["import", "--kind", "sedot", str(path)]) == 0
    assert "dimuat sebagai versi 1 (2 baris sedot)" in capsys.readouterr().out
    # a template with every kecamatan, whose headers its reader recognises, explained column by column
    template = exports.template("sedot", dataset.wilayah)
    assert template["kode_wilayah"].tolist() == dataset.wilayah["kode"].tolist()
    with pytest.raises(errors.DataError) as empty:  # an empty template's only problems are its empty cells
        readers.read_kind("sedot", Source("t.csv", exports.to_csv(template)), dataset.wilayah)
    assert not isinstance(empty.value, readers.ColumnError)
    assert exports.explanation("sedot")["kolom"].tolist() == list(template.columns)
    # and the lists of kinds name it: the Data page's choices, its tables, the overview banner
    assert "sedot" in kinds.importable() and "sedot" in kinds.with_template() and "sedot" in kinds.held()
    assert kinds.kinds_for_page("ringkasan")[-1] == "sedot"


def test_a_store_made_before_the_kind_existed_gets_its_column(dataset: Dataset, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'lama.db'}"
    old = store.Store(url)
    v1 = old.save("komitmen", dataset.komitmen, store.Meta("k.csv", "x", "uji"), bundled=dataset)
    old.engine.dispose()
    monkeypatch.setitem(kinds.REGISTRY, "sedot", kinds.Kind("sedot", SEDOT, "rows",
                                                            fields=(AREA_CODE, AREA_NAME, YEAR, TRIPS, SOURCE)))
    s = store.Store(url)
    frame = readers.read_kind("sedot", Source("sedot.csv", FILE.encode()), dataset.wilayah)
    v2 = s.save("sedot", frame, store.Meta("sedot.csv", "x", "uji"), bundled=dataset)
    d = s.dataset(v2, dataset)
    assert d.sumber["komitmen"] == v1 and d.sumber["sedot"] == v2  # built on the version before
    assert s.dataset(v1, dataset).sedot is None  # a version from before the kind has none of it
