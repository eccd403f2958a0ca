"""sanitasi.store: versions that are never overwritten, one active, every write one transaction.

Every test runs on SQLite, and on PostgreSQL too when SANITASI_TEST_PG_URL names a server
(e.g. postgresql+psycopg://postgres@127.0.0.1:55432/postgres); each test starts from empty tables.
"""

from __future__ import annotations

import os
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import make_url

from sanitasi import contracts, documents, exports, history, readers, store
from sanitasi.errors import DataError
from sanitasi.indicators import RUNG_COLUMNS
from sanitasi.load import Dataset
from sanitasi.tables import Source

PG_ENV = "SANITASI_TEST_PG_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def s(request: pytest.FixtureRequest, tmp_path: Path) -> store.Store:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'versi.db'}"
    else:
        url = os.environ.get(PG_ENV, "").strip()
        if not url:
            pytest.skip(f"{PG_ENV} not set: PostgreSQL tests skipped")
        engine = create_engine(url)
        old = MetaData()
        old.reflect(engine)
        old.drop_all(engine)  # fresh tables for every test, an older release's too
        engine.dispose()
    st = store.Store(url)
    yield st
    st.engine.dispose()


def meta(name: str = "berkas.csv", oleh: str = "Ani (Bappeda)") -> store.Meta:
    return store.Meta(berkas=name, checksum=store.checksum(name.encode()), oleh=oleh, catatan="uji")


def akses_2025(dataset: Dataset, bump: int = 0) -> pd.DataFrame:
    """The bundled 2025 rows as if an official had loaded them (optionally with `bump` more safe households)."""
    a = dataset.akses.loc[dataset.akses["tahun"] == 2025].reset_index(drop=True)
    return a.assign(kk_aman=a["kk_aman"] + bump, kk_belum_layak=a["kk_belum_layak"] - bump,
                    sumber=pd.array(["resmi.csv"] * len(a), dtype=a["sumber"].dtype))


def target_doc(dataset: Dataset, doc: str, value: float) -> pd.DataFrame:
    return pd.DataFrame({"dokumen": [doc], "indikator": ["layak"], "kode_wilayah": [None], "tahun": [2029],
                         "nilai": [value], "tahun_dasar": [2024], "keluarga": [None], "mulai": [None],
                         "akhir": [None], "catatan": ["Perpres"]}).astype(
        dataset.target.dtypes.to_dict())


def count_versions(st: store.Store) -> int:
    with st.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(store.versi)).scalar_one())


# ------------------------------------------------------------------------------------- versions
def test_a_new_store_has_only_the_bundled_version(s: store.Store) -> None:
    v = s.versions()
    assert v["id"].tolist() == [0]
    assert v["aktif"].tolist() == [True]
    assert s.active_id() == store.BUNDLED


def test_versions_are_newest_first_with_version_0_last(s: store.Store, dataset: Dataset) -> None:
    ids = [s.save("akses", akses_2025(dataset, i), meta(f"akses_{i}.csv"), bundled=dataset) for i in range(3)]
    v = s.versions()
    assert v["id"].tolist() == [*reversed(ids), 0]
    assert v["aktif"].tolist() == [True, False, False, False]
    assert v.iloc[0][["oleh", "berkas", "jenis", "jumlah_baris", "catatan"]].tolist() == \
        ["Ani (Bappeda)", "akses_2.csv", "akses", 12, "uji"]
    assert v.iloc[0]["checksum"] == store.checksum(b"akses_2.csv")


def test_save_builds_on_the_active_version(s: store.Store, dataset: Dataset) -> None:
    v1 = s.save("akses", akses_2025(dataset), meta("akses.csv"), bundled=dataset)
    v2 = s.save("biaya", dataset.biaya.assign(biaya_per_kk=dataset.biaya["biaya_per_kk"] * 2), meta("biaya.csv"),
                bundled=dataset)
    assert s.active_id() == v2
    row = s.versions().set_index("id").loc[v2]
    # v2 supplies the unit costs itself and inherits access from v1, targets and boundaries from version 0
    assert (row["sumber_biaya"], row["sumber_akses"], row["sumber_target"], row["sumber_batas"]) == (v2, v1, 0, 0)
    d = s.dataset(v2, dataset)
    # the loaded rows (a source of their own) come after the bundled ones, which stay
    pd.testing.assert_frame_equal(d.akses.tail(12).reset_index(drop=True), akses_2025(dataset))
    pd.testing.assert_frame_equal(d.akses.head(len(dataset.akses)), dataset.akses)
    assert d.biaya["biaya_per_kk"].tolist() == (dataset.biaya["biaya_per_kk"] * 2).tolist()
    pd.testing.assert_frame_equal(d.target, dataset.target)
    # v1 itself is unchanged: the bundled unit costs
    pd.testing.assert_frame_equal(s.table("biaya", v1, dataset), dataset.biaya)


def test_save_without_activating(s: store.Store, dataset: Dataset) -> None:
    v = s.save("akses", akses_2025(dataset), meta(), bundled=dataset, activate=False)
    assert s.active_id() == 0 and v in s.versions()["id"].tolist()


def test_targets_merge_by_key(s: store.Store, dataset: Dataset) -> None:
    # a document the bundled table does not have (RPJMN 2025-2029 is bundled since the current-period issue)
    s.save("target", target_doc(dataset, "RPJMD Tanah Bumbu 2025-2029", 95.0), meta("rpjmd.csv"), bundled=dataset)
    docs = s.dataset(s.active_id(), dataset).target["dokumen"]
    assert "RPJMN 2020-2024" in set(docs) and "RPJMD Tanah Bumbu 2025-2029" in set(docs)
    # bundled rows + 1 new document row
    assert len(docs) == len(dataset.target) + 1
    # the same target again (document, indicator, area, year) replaces that row, and only that one
    s.save("target", target_doc(dataset, "RPJMD Tanah Bumbu 2025-2029", 97.5), meta("rpjmd_revisi.csv"),
           bundled=dataset)
    t = s.dataset(s.active_id(), dataset).target
    assert t.loc[t["dokumen"] == "RPJMD Tanah Bumbu 2025-2029", "nilai"].tolist() == [97.5]
    assert len(t) == len(dataset.target) + 1
    assert (t.loc[t["dokumen"] == "RPJMN 2020-2024"].reset_index(drop=True)
            .equals(dataset.target.loc[dataset.target["dokumen"] == "RPJMN 2020-2024"].reset_index(drop=True)))
    # another indicator of the same document is added beside it (the old per-document rule dropped the first)
    aman = target_doc(dataset, "RPJMD Tanah Bumbu 2025-2029", 30.0).assign(indikator="aman")
    s.save("target", aman, meta("rpjmd_aman.csv"), bundled=dataset)
    t = s.dataset(s.active_id(), dataset).target
    assert t.loc[t["dokumen"] == "RPJMD Tanah Bumbu 2025-2029", ["indikator", "nilai"]].values.tolist() == [
        ["layak", 97.5], ["aman", 30.0]]


def test_an_import_keeps_what_the_file_does_not_mention(s: store.Store, dataset: Dataset) -> None:
    """A 2025-only file over the bundled 2018-2025 rows: its own source added, every other row kept."""
    bundled = len(dataset.akses)
    s.save("akses", akses_2025(dataset), meta(), bundled=dataset)
    a = s.dataset(s.active_id(), dataset).akses
    assert len(a) == bundled + 12 and sorted(a["tahun"].unique()) == list(range(2018, 2026))
    # the same key (area, year, source) again: those rows are replaced, in place of nothing else
    s.save("akses", akses_2025(dataset, 3).iloc[:2], meta("dua.csv"), bundled=dataset)
    b = s.dataset(s.active_id(), dataset).akses
    assert len(b) == bundled + 12
    loaded = b.loc[b["sumber"] == "resmi.csv"].set_index("kode_wilayah")
    assert loaded.loc["63.10.01", "kk_aman"] == akses_2025(dataset, 3)["kk_aman"].iloc[0]
    assert loaded.loc["63.10.03", "kk_aman"] == akses_2025(dataset)["kk_aman"].iloc[2]
    assert s.versions().set_index("id").loc[s.active_id(), "jumlah_baris"] == 2  # what the file held


def test_replacing_a_whole_table_is_explicit(s: store.Store, dataset: Dataset) -> None:
    s.save("akses", akses_2025(dataset), meta(), bundled=dataset)
    one = akses_2025(dataset).iloc[:1]
    changes = s.preview("akses", one, dataset, mode=history.GANTI)
    assert (changes.new, changes.changed, changes.unchanged, changes.removed, changes.total) == \
        (0, 0, 1, len(dataset.akses) + 11, 1)
    s.save("akses", one, meta("satu.csv"), bundled=dataset, mode=history.GANTI)
    a = s.dataset(s.active_id(), dataset).akses
    assert a["kode_wilayah"].tolist() == ["63.10.01"] and a["tahun"].tolist() == [2025]
    with pytest.raises(ValueError, match="cara menyimpan tidak dikenal"):
        s.save("akses", one, meta(), bundled=dataset, mode="timpa")


def test_the_preview_counts_against_the_active_version(s: store.Store, dataset: Dataset) -> None:
    first = s.preview("akses", akses_2025(dataset), dataset)
    assert (first.new, first.changed, first.unchanged, first.removed) == (12, 0, len(dataset.akses), 0)
    s.save("akses", akses_2025(dataset), meta(), bundled=dataset)
    again = s.preview("akses", akses_2025(dataset, 2), dataset)
    # 12 rows change (two more safe households, two fewer unimproved), nothing is new, the rest stay
    assert (again.new, again.changed, again.unchanged, again.total) == (0, 12, len(dataset.akses), 102)
    assert {c.column for c in again.details} == {"kk_aman", "kk_belum_layak"}
    assert len(again.details) == history.LIMIT and again.more == 24 - history.LIMIT
    assert s.active_id() == 1  # a preview saves nothing


def test_dataset_flags(s: store.Store, dataset: Dataset) -> None:
    # the boundaries' supplier (0 = the bundled real boundaries) is what the maps' source line names
    d0 = s.dataset(0, dataset)
    assert (d0.ilustratif, d0.sumber["batas"], d0.versi) == (True, 0, "0")
    v1 = s.save("target", target_doc(dataset, "SSK 2025-2029", 90.0), meta(), bundled=dataset)
    assert (s.dataset(v1, dataset).ilustratif, s.dataset(v1, dataset).sumber["batas"]) == (True, 0)
    # a loaded 2025 keeps the illustrative 2018-2024: still marked; loaded over every year, no longer
    v2 = s.save("akses", akses_2025(dataset), meta(), bundled=dataset)
    assert (s.dataset(v2, dataset).ilustratif, s.dataset(v2, dataset).sumber["batas"]) == (True, 0)
    every_year = dataset.akses.assign(sumber=pd.array(["resmi.csv"] * len(dataset.akses), dtype=object))
    v2 = s.save("akses", every_year, meta(), bundled=dataset)
    assert (s.dataset(v2, dataset).ilustratif, s.dataset(v2, dataset).sumber["batas"]) == (False, 0)
    v3 = s.save("batas", dataset.batas[["kode", "nama", "geometry"]], meta("batas.zip"), bundled=dataset)
    d3 = s.dataset(v3, dataset)
    assert (d3.ilustratif, d3.sumber["batas"], d3.versi) == (False, v3, str(v3))
    assert d3.tanggal == store.local_date(s.versions().set_index("id").loc[v3, "dibuat"])


def test_activate_and_delete(s: store.Store, dataset: Dataset) -> None:
    v1 = s.save("akses", akses_2025(dataset, 1), meta("a1.csv"), bundled=dataset)
    v2 = s.save("biaya", dataset.biaya, meta("b.csv"), bundled=dataset)  # inherits access rows from v1
    s.activate(0)
    assert s.active_id() == 0
    s.activate(v1)
    assert s.active_id() == v1
    with pytest.raises(DataError, match="versi aktif tidak bisa dihapus"):
        s.delete(v1)
    with pytest.raises(DataError, match="data bawaan tidak bisa dihapus"):
        s.delete(0)
    with pytest.raises(DataError, match="versi tidak ada"):
        s.delete(99)
    s.activate(v2)
    s.delete(v1)
    v = s.versions().set_index("id")
    assert bool(v.loc[v1, "dihapus"]) and not bool(v.loc[v2, "dihapus"])
    # the hidden version's rows still serve the version built on it
    pd.testing.assert_frame_equal(s.dataset(v2, dataset).akses.tail(12).reset_index(drop=True),
                                  akses_2025(dataset, 1))
    with pytest.raises(DataError, match="sudah dihapus"):
        s.activate(v1)
    assert s.active_id() == v2


def test_unknown_kind_and_version(s: store.Store, dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="jenis data tidak dikenal"):
        s.save("air", akses_2025(dataset), meta(), bundled=dataset)
    with pytest.raises(DataError, match="versi tidak ada"):
        s.dataset(42, dataset)
    with pytest.raises(DataError, match="versi tidak ada"):
        s.activate(42)
    assert count_versions(s) == 0 and s.active_id() == 0


# ------------------------------------------------------------------------------------- transactions
def test_a_failing_save_leaves_nothing_behind(s: store.Store, dataset: Dataset) -> None:
    v1 = s.save("target", dataset.target, meta(), bundled=dataset)
    bad = dataset.target.astype({"nilai": object})
    bad.loc[5, "nilai"] = None  # nilai is NOT NULL: the row insert fails after the version row was written
    with pytest.raises(Exception):  # noqa: B017 - the driver's own IntegrityError; what matters is what is left
        s.save("target", bad, meta("rusak.csv"), bundled=dataset, mode=history.GANTI)
    assert count_versions(s) == 1 and s.active_id() == v1
    assert "rusak.csv" not in s.versions()["berkas"].tolist()
    with s.engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(store.ROWS["target"])).scalar_one()
    assert rows == len(dataset.target)  # only v1's rows: the good rows of the failed save were rolled back too


def test_two_editors_saving_at_the_same_moment(s: store.Store, dataset: Dataset) -> None:
    start = threading.Barrier(2)
    results: dict[str, int] = {}
    failures: list[BaseException] = []

    def save(kind: str, frame: pd.DataFrame) -> None:
        try:
            start.wait()
            results[kind] = s.save(kind, frame, meta(f"{kind}.csv"), bundled=dataset)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=save, args=("akses", akses_2025(dataset))),
               threading.Thread(target=save, args=("biaya", dataset.biaya.assign(porsi=1.0)))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not failures, failures
    assert len(results) == 2 and results["akses"] != results["biaya"]
    v = s.versions()
    assert int(v["aktif"].sum()) == 1
    active = s.active_id()
    assert active == max(results.values())
    # the second save ran after the first, on top of it: the active version has both tables, none lost
    row = v.set_index("id").loc[active]
    assert (row["sumber_akses"], row["sumber_biaya"]) == (results["akses"], results["biaya"])


# ------------------------------------------------------------------------------------- round trips
def reread(kind: str, data: bytes, name: str, dataset: Dataset) -> pd.DataFrame:
    src = Source(name, data)
    if kind == "akses":
        return readers.read_akses(src, dataset.wilayah)
    if kind == "target":
        return readers.read_target(src, dataset.wilayah)
    return readers.read_biaya(src)


@pytest.mark.parametrize("kind", ["akses", "target", "biaya"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_import_round_trip(kind: str, fmt: str, s: store.Store, dataset: Dataset) -> None:
    # stored version -> download (as the Data page offers it) -> upload -> the same table
    frame = {"akses": dataset.akses, "target": dataset.target, "biaya": dataset.biaya}[kind]
    v = s.save(kind, frame, meta(f"{kind}.csv"), bundled=dataset)
    stored = s.table(kind, v, dataset)
    data = exports.to_csv(stored) if fmt == "csv" else exports.to_xlsx({kind: stored})
    back = reread(kind, data, f"{kind}_versi_{v}.{fmt}", dataset)
    # the access rows keep their own source, unit and official flag (the file's columns), not the file's name
    pd.testing.assert_frame_equal(back.reset_index(drop=True), stored.reset_index(drop=True))
    # and saving what was read back stores the same table again: every row unchanged
    assert s.preview(kind, back, dataset).nothing
    v2 = s.save(kind, reread(kind, data, "lagi.csv", dataset), meta(), bundled=dataset)
    again = s.table(kind, v2, dataset)
    pd.testing.assert_frame_equal(again.reset_index(drop=True), stored.reset_index(drop=True))


def test_boundaries_round_trip(s: store.Store, dataset: Dataset, tmp_path: Path) -> None:
    # stored -> GeoJSON download -> upload -> stored again: same codes, names and shapes
    v = s.save("batas", dataset.batas[["kode", "nama", "geometry"]], meta("batas.zip"), bundled=dataset)
    stored = s.table("batas", v, dataset)
    assert stored.crs.to_epsg() == 4326
    back = readers.read_boundaries(Source("batas.geojson", stored.to_json().encode()), dataset.wilayah)
    assert back["kode"].tolist() == stored["kode"].tolist() == dataset.batas["kode"].tolist()
    assert back["nama"].tolist() == stored["nama"].tolist()
    assert shapely.equals_exact(back.geometry.to_numpy(), stored.geometry.to_numpy(), tolerance=1e-9).all()
    v2 = s.save("batas", back, meta("batas.geojson"), bundled=dataset)
    again = s.table("batas", v2, dataset)
    assert isinstance(again, gpd.GeoDataFrame)
    assert shapely.equals_exact(again.geometry.to_numpy(), dataset.batas.geometry.to_numpy(), tolerance=1e-9).all()


def test_default_url_is_under_instance_or_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(store.ENV_URL, "postgresql://u@h/db")
    assert store.default_url() == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv(store.ENV_URL)
    assert store.default_url() == f"sqlite:///{store.instance_path() / 'sanitasi.db'}"


@pytest.mark.parametrize(("stored", "expected"), [
    (datetime(2026, 11, 27, 23, 48, tzinfo=UTC), "28 November 2026 07:48 WITA"),  # UTC+8 crosses midnight
    (datetime(2026, 11, 27, 23, 48), "28 November 2026 07:48 WITA"),  # SQLite hands back naive UTC
    (None, ""),
])
def test_local_time(stored: datetime | None, expected: str) -> None:
    assert store.local_time(stored) == expected



def test_small_tables_are_versioned_too(tmp_path, dataset) -> None:
    """Commitments (and STBM, waste, drainage, agency tables) are stored whole and come back typed."""
    from sanitasi import store as st_

    s = st_.Store(f"sqlite:///{tmp_path / 'kecil.db'}")
    edited = dataset.komitmen.assign(status=["selesai"] * len(dataset.komitmen))
    v = s.save("komitmen", st_.validate_kind("komitmen", edited), st_.Meta("grid", "", "uji"), bundled=dataset)
    d = s.dataset(v, dataset)
    assert (d.komitmen["status"] == "selesai").all() and len(d.komitmen) == len(dataset.komitmen)
    assert d.komitmen.dtypes.to_dict() == dataset.komitmen.dtypes.to_dict()
    assert d.illustrative("akses") and not d.illustrative("komitmen")
    assert d.stbm.equals(dataset.stbm)  # the other tables are still the bundled ones
    w = s.save("stbm", dataset.stbm, st_.Meta("stbm.csv", "x", "uji"), bundled=dataset)
    assert s.dataset(w, dataset).stbm.equals(dataset.stbm)
    assert (s.dataset(w, dataset).komitmen["status"] == "selesai").all()  # inherited from the version before


def test_an_older_store_gets_the_new_columns(tmp_path, dataset) -> None:
    """A database made before the STBM/waste/agency kinds existed is upgraded, not broken."""
    import sqlite3

    from sanitasi import store as st_

    path = tmp_path / "lama.db"
    st_.Store(f"sqlite:///{path}")
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE versi DROP COLUMN sumber_komitmen")
    con.commit()
    con.close()
    s = st_.Store(f"sqlite:///{path}")
    v = s.save("komitmen", dataset.komitmen, st_.Meta("k", "", "uji"), bundled=dataset)
    assert s.dataset(v, dataset).komitmen.equals(dataset.komitmen)


# ------------------------------------------------------------------------------------- older releases' stores
def legacy_akses_table(st: store.Store, shape: str) -> Table:
    """`akses_baris` as an older release created it: "v1" the release before kabupaten series (counts NOT NULL,
    no unit, no official flag), "v2" the release that kept the access contract v2 as rows."""
    md = MetaData()
    Table("versi", md, autoload_with=st.engine)
    if shape == "v1":
        columns = [Column("kode_wilayah", String(20), nullable=False), Column("tahun", Integer, nullable=False),
                   Column("jumlah_kk", Integer, nullable=False),
                   *(Column(c, Integer, nullable=False) for c in RUNG_COLUMNS), Column("sumber", Text)]
    else:
        columns = [Column(c.name, {"kode": String(20), "int": Integer, "float": Float, "str": Text}[c.kind],
                          nullable=c.nullable) for c in contracts.AKSES.columns]
    t = Table("akses_baris", md, Column("versi_id", Integer, ForeignKey("versi.id"), nullable=False), *columns)
    md.create_all(st.engine, tables=[t])
    return t


def kabupaten_susenas() -> pd.DataFrame:
    return store.validate_kind("akses", pd.DataFrame({
        "kode_wilayah": ["63.10", "63.10"], "tahun": [2023, 2024], "sumber": ["BPS Susenas 2024"] * 2,
        "satuan": ["rumah_tangga"] * 2, "resmi": ["ya"] * 2, "pct_layak": [86.2, 87.9], "pct_aman": [None, 9.1]}))


@pytest.mark.parametrize("shape", ["v1", "v2"])
def test_a_store_made_by_an_older_release_keeps_its_access_versions(s: store.Store, dataset: Dataset,
                                                                    shape: str) -> None:
    """The access table used to be rows in `akses_baris`; a database from then is read as it is and takes
    kabupaten percentages (which its NOT NULL count columns could not hold) in the new storage."""
    t = legacy_akses_table(s, shape)
    rows = dataset.akses.loc[dataset.akses["tahun"] == 2024].reset_index(drop=True)
    with s.engine.begin() as conn:
        v = conn.execute(insert(s.schema.versi).values(
            dibuat=datetime(2026, 6, 1, tzinfo=UTC), oleh="Ani", jenis="akses", berkas="akses_dinkes_2024.csv",
            checksum="x", jumlah_baris=len(rows), catatan="", dihapus=False,
            **{f"sumber_{k}": 0 for k in s.schema.kinds}).returning(s.schema.versi.c.id)).scalar_one()
        conn.execute(update(s.schema.versi).where(s.schema.versi.c.id == v).values(sumber_akses=v))
        keep = [c.name for c in t.columns if c.name != "versi_id"]
        records = [{**{k: (None if pd.isna(x) else x.item() if hasattr(x, "item") else x)
                       for k, x in r.items() if k in keep}, "versi_id": v}
                   for r in rows.astype(object).to_dict("records")]
        if shape == "v1":
            records[0]["sumber"] = None  # that release's `sumber` could be empty: the file's name is the source
        conn.execute(insert(t), records)
        conn.execute(update(s.schema.aktif).values(versi_id=v))
    s.engine.dispose()

    again = store.Store(s.url)  # the new release opens the old database
    old = again.dataset(v, dataset).akses
    assert len(old) == 12 and set(old["satuan"]) == {"kk"} and set(old["resmi"]) == {"tidak"}
    assert old["sumber"].iloc[0] == ("akses_dinkes_2024.csv" if shape == "v1" else "ilustratif")
    assert old[["jumlah_kk", *RUNG_COLUMNS]].equals(rows[["jumlah_kk", *RUNG_COLUMNS]])
    # a kabupaten series of percentages only is added to it, in the new storage; the old version stays as it was
    v2 = again.save("akses", kabupaten_susenas(), meta("susenas.csv"), bundled=dataset)
    new = again.dataset(v2, dataset).akses
    assert len(new) == 14 and new["kode_wilayah"].tolist()[-2:] == ["63.10", "63.10"]
    assert new["pct_layak"].tolist()[-2:] == [86.2, 87.9] and new["jumlah_kk"].isna().sum() == 2
    assert new.head(12)[["kode_wilayah", "tahun", "jumlah_kk"]].values.tolist() == \
        old[["kode_wilayah", "tahun", "jumlah_kk"]].values.tolist()
    pd.testing.assert_frame_equal(again.dataset(v, dataset).akses, old)
    with again.engine.connect() as conn:  # nothing more was written to the old table
        assert conn.execute(select(func.count()).select_from(t)).scalar_one() == 12
    again.engine.dispose()


def test_an_older_store_gets_the_target_tables_family_and_period(tmp_path, dataset) -> None:
    """A target table saved before documents had a family and a period keeps its rows, read with those empty."""
    import sqlite3

    from sanitasi import store as st_

    path = tmp_path / "lama.db"
    s = st_.Store(f"sqlite:///{path}")
    v = s.save("target", target_doc(dataset, "RPJMD Tanah Bumbu 2025-2029", 95.0), meta("rpjmd.csv"), bundled=dataset)
    s.engine.dispose()
    con = sqlite3.connect(path)
    for col in ("keluarga", "mulai", "akhir"):
        con.execute(f"ALTER TABLE target_baris DROP COLUMN {col}")
    con.commit()
    con.close()
    s = st_.Store(f"sqlite:///{path}")
    t = s.dataset(v, dataset).target
    row = t.loc[t["dokumen"] == "RPJMD Tanah Bumbu 2025-2029"].iloc[0]
    assert row["nilai"] == 95.0 and pd.isna(row["keluarga"]) and pd.isna(row["mulai"])
    # the bundled rows that version took over lost theirs too, and the documents' names still give them
    docs = {d.nama: d for d in documents.catalogue(t)}
    assert (docs["RPJMN 2025-2029"].keluarga, docs["RPJMN 2025-2029"].mulai, docs["RPJMN 2025-2029"].akhir) == \
        ("rpjmn", 2025, 2029)


# ------------------------------------------------------------------------------------- first starts
@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path):
    """The URL of a database with nothing in it: a new SQLite file, or a new database on the PostgreSQL test
    server (created for the test, dropped after it)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kosong.db'}"
        return
    base = os.environ.get(PG_ENV, "").strip()
    if not base:
        pytest.skip(f"{PG_ENV} not set: PostgreSQL tests skipped")
    name = f"sanitasi_kosong_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield make_url(base).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def test_six_first_starts_at_once_on_an_empty_database(empty_url: str, dataset: Dataset) -> None:
    """Six dashboard processes starting together on an empty database each make the tables if missing: none fails
    (on PostgreSQL one used to fail on CREATE TABLE), and the store they made is one store with one active row."""
    start = threading.Barrier(6)
    opened: list[store.Store] = []
    failed: list[BaseException] = []

    def first_start() -> None:
        start.wait()
        try:
            opened.append(store.Store(empty_url))
        except BaseException as err:  # noqa: BLE001 - every failure is the finding
            failed.append(err)

    threads = [threading.Thread(target=first_start) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert failed == [] and len(opened) == 6
    with opened[0].engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(opened[0].schema.aktif)).scalar_one() == 1
    # every one of them works on the same store: a save through one is the active version of all
    version = opened[3].save("biaya", dataset.biaya.assign(porsi=1.0), meta("biaya.csv"), bundled=dataset)
    assert {s.active_id() for s in opened} == {version}
    for s in opened:
        s.engine.dispose()
