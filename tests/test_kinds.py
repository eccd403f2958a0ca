"""sanitasi.kinds: the registry of table kinds is complete, and everything that lists kinds reads it."""

from __future__ import annotations

import pytest

from sanitasi import exports, i18n, kinds, paths, store, versions
from sanitasi.load import Dataset

KINDS = list(kinds.REGISTRY.values())
IDS = list(kinds.REGISTRY)


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_every_kind_has_a_label_in_both_languages(kind: kinds.Kind) -> None:
    assert kind.label_key in i18n.ID and kind.label_key in i18n.EN
    assert versions.kind_label(kind.code, "id") == i18n.ID[kind.label_key]
    assert versions.kind_label(kind.code, "en") == i18n.EN[kind.label_key]


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_every_kind_has_a_contract_a_storage_and_fields(kind: kinds.Kind) -> None:
    assert kind.contract.columns and kind.storage in ("rows", "json", "geo")
    assert set(kind.key) <= set(kind.contract.names), kind.key
    if kind.importable:
        assert kind.fields, "an importable kind needs the headers its reader accepts"
        assert f"data.bantuan_{kind.code}" in i18n.ID and f"data.bantuan_{kind.code}" in i18n.EN


@pytest.mark.parametrize("kind", [k for k in KINDS if k.importable and k.storage != "geo"],
                         ids=[k.code for k in KINDS if k.importable and k.storage != "geo"])
def test_every_importable_table_has_a_template_explaining_every_column(kind: kinds.Kind) -> None:
    assert kind.template is not None
    assert [c for c in kind.template.row if not kind.template.explain.get(c)] == []


@pytest.mark.parametrize("kind", [k for k in KINDS if k.bundled is not None],
                         ids=[k.code for k in KINDS if k.bundled is not None])
def test_every_bundled_file_exists_and_is_described_on_the_methods_page(kind: kinds.Kind) -> None:
    assert kind.bundled.exists()
    for part in ("isi", "sumber", "status"):
        assert f"berkas.{kind.code}.{part}" in i18n.ID and f"berkas.{kind.code}.{part}" in i18n.EN


# What a reader takes from a file without it being a column of the table, and what it fills in itself.
READER_ONLY = {"nama_wilayah", "tanggal_verifikasi", "tanggal_deklarasi", *(f"pct_{r}" for r in
               ("aman", "layak_sendiri", "layak_bersama", "belum_layak", "babs_terbuka"))}
FILLED_BY_READER = {"akses": {"sumber"}, "stbm_desa": {"sumber", "kk_lainnya"}}


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
                                  "drainase", "kegiatan", "komitmen")
    assert kinds.held() == ("akses", "target", "batas", "biaya", "stbm", "sampah", "drainase", "kegiatan",
                            "komitmen", "stbm_desa", "batas_desa")
    assert kinds.geo() == ("batas", "batas_desa")
    assert kinds.with_template() == ("akses", "target", "biaya", "stbm_desa", "sampah", "drainase", "kegiatan",
                                     "komitmen")
    assert kinds.with_template() == exports.TEMPLATE_KINDS and kinds.held() == store.KINDS


def test_the_bundled_files_listed_on_the_methods_page() -> None:
    assert kinds.bundled_files() == [
        ("wilayah", "data/wilayah.csv"), ("akses", "data/akses_sanitasi.csv"), ("target", "data/target.csv"),
        ("batas", "data/batas_kecamatan/"), ("biaya", "data/biaya_satuan.csv"), ("stbm", "data/stbm_kecamatan.csv"),
        ("sampah", "data/sampah.csv"), ("drainase", "data/drainase.csv"), ("kegiatan", "data/kegiatan_opd.csv"),
        ("komitmen", "data/komitmen.csv")]
    assert all((paths.ROOT / name).exists() for _, name in kinds.bundled_files())


@pytest.mark.parametrize(("page", "expected"), [
    ("ringkasan", ("akses", "stbm", "sampah", "drainase")),
    ("paparan", ("akses", "stbm", "sampah", "drainase", "komitmen")),
    ("stbm", ("stbm", "akses")),  # the page's own table first, the access figures it compares with after
    ("sampah", ("sampah", "drainase")),
    ("opd", ("kegiatan", "akses")),
    ("komitmen", ("komitmen",)),
    ("peta", ()),  # the banner's default (the access table) covers every page no table names
])
def test_the_tables_each_page_banner_names(page: str, expected: tuple[str, ...]) -> None:
    assert kinds.kinds_for_page(page) == expected
    assert kinds.page_kinds().get(page, ()) == expected


def test_an_unknown_kind_is_refused_in_indonesian() -> None:
    with pytest.raises(ValueError, match="jenis data tidak dikenal: semua"):
        kinds.get("semua")
    assert versions.kind_label("semua") == i18n.ID["data.jenis_semua"]
