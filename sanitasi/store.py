"""Versioned storage of imported data: every import is a new version, nothing is ever overwritten.

SQLAlchemy Core over SQLite (a file under `instance/`, the default) or PostgreSQL
(`SANITASI_DB_URL=postgresql+psycopg://…`). A version is a complete data set: it records which
version supplies each table (access, targets, boundaries, unit costs, the PPSP tables, village STBM
and village boundaries), so importing one table reuses the others without copying them. Importing a
file never loses history: the new version's table is the active one with the file's rows added or
replacing the rows with the same key (`sanitasi.history`); replacing a whole table is asked for
explicitly. A version whose latest STBM import is a village table reads its kecamatan STBM table as
that table rolled up.
Version 0 is the bundled data set, read-only and never in the database. Exactly one version is
active; activating another is one row update. Every write is one transaction, serialised on the
single `aktif` row, so two editors saving at the same moment leave the store as it was before or
after each save, never between.

A kind's storage may change between releases (the access table was kept as rows in `akses_baris` until its
rows could be kabupaten percentages; it is JSON now): versions saved the old way are still read from the old
table, with the columns that release did not have filled in as it meant them (`LEGACY`).
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import geopandas as gpd
import pandas as pd
import shapely
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import InterfaceError, OperationalError

from sanitasi import desa, fmt, history, kinds, paths
from sanitasi.errors import DataError, Problem
from sanitasi.load import BUNDLED_DATE, Dataset
from sanitasi.schema import Contract, validate, whole_numbers

BUNDLED = 0
ENV_URL = "SANITASI_DB_URL"
# SQL types from the contract's, whose lengths and ranges are checked before saving (one answer on both backends)
_SQL_TYPES = {"kode": lambda c: String(c.max_chars), "int": lambda c: Integer(), "float": lambda c: Float(),
              "str": lambda c: String(c.max_chars)}
# What a version saved by an older release means in the columns that release did not have: it read kecamatan
# counts of KK only, and nothing it loaded was marked official (its `sumber` was the file name; empty: the file's).
LEGACY = {"akses": {"satuan": "kk", "resmi": "tidak"}}


@dataclass(frozen=True)
class Schema:
    """The store's tables for a registry of kinds: `versi` has a `sumber_<kind>` column per kind, and every kind
    kept as rows has a `<kind>_baris` table whose columns are its contract's (plus `wkb` for boundaries)."""

    metadata: MetaData
    versi: Table
    aktif: Table
    tabel_json: Table  # the "json" kinds, each version's table whole (their contract restores the types)
    percobaan_masuk: Table
    rows: dict[str, Table]
    kinds: tuple[str, ...]  # the kinds a version records a supplier for, in `kinds.held()` order


def schema() -> Schema:
    """The tables for the registry as it is now (the same object while the registry does not change)."""
    return _schema(tuple(kinds.REGISTRY[k] for k in kinds.held()))


@functools.cache
def _schema(held: tuple[kinds.Kind, ...]) -> Schema:
    md = MetaData()
    versi = Table(
        "versi", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("dibuat", DateTime(timezone=True), nullable=False),
        Column("oleh", String(200), nullable=False),
        Column("jenis", String(20), nullable=False),
        Column("berkas", String(300), nullable=False),
        Column("checksum", String(64), nullable=False),
        Column("jumlah_baris", Integer, nullable=False),
        Column("catatan", Text, nullable=False, default=""),
        *(Column(f"sumber_{k.code}", Integer, nullable=False, default=0, server_default="0") for k in held),
        Column("dihapus", Boolean, nullable=False, default=False),
    )
    aktif = Table("aktif", md, Column("kunci", Integer, primary_key=True), Column("versi_id", Integer, nullable=False))
    percobaan_masuk = Table(  # every sign-in attempt (`sanitasi.signin`): when, whether it worked, from where
        "percobaan_masuk", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("waktu", DateTime(timezone=True), nullable=False),
        Column("berhasil", Boolean, nullable=False),
    )
    # failed sign-ins per client address, counted atomically (`sanitasi.signin`), and the named editors' hashes
    Table("masuk_klien", md, Column("klien", String(100), primary_key=True),
          Column("gagal", Integer, nullable=False), Column("terakhir", DateTime(timezone=True), nullable=False))
    Table("editor", md, Column("nama", String(100), primary_key=True), Column("hash", String(300), nullable=False),
          Column("dibuat", DateTime(timezone=True), nullable=False))
    tabel_json = Table(
        "tabel_json", md,
        Column("versi_id", Integer, ForeignKey("versi.id"), nullable=False, index=True),
        Column("jenis", String(20), nullable=False),
        Column("isi", Text, nullable=False),
    )
    rows = {k.code: Table(
        f"{k.code}_baris", md,
        Column("versi_id", Integer, ForeignKey("versi.id"), nullable=False, index=True),
        *(Column(c.name, _SQL_TYPES[c.kind](c), nullable=c.nullable) for c in k.contract.columns),
        *((Column("wkb", LargeBinary, nullable=False),) if k.storage == "geo" else ()),
    ) for k in held if k.storage in ("rows", "geo")}
    return Schema(md, versi, aktif, tabel_json, percobaan_masuk, rows, tuple(k.code for k in held))


# The store's tables as the registry defines them at import (a Store made later asks `schema()` again).
KINDS = schema().kinds
metadata, versi, ROWS = schema().metadata, schema().versi, schema().rows


def contract_of(kind: str) -> Contract:
    """The column contract of a table kind (for the JSON-stored ones and for editors' grids)."""
    return kinds.get(kind).contract


def validate_kind(kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    """A frame checked against its kind's contract (raises DataError with every problem)."""
    data = frame[[c for c in contract_of(kind).names if c in frame.columns]]
    return validate(data.astype(object).where(data.notna(), None), contract_of(kind))


def default_url() -> str:
    """`SANITASI_DB_URL` when set, else a SQLite file under `instance/` (git-ignored)."""
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    folder = paths.ROOT / "instance"
    folder.mkdir(exist_ok=True)
    return f"sqlite:///{folder / 'sanitasi.db'}"


# What a database that stopped answering raises (refused, timed out, dropped): the pages keep the last version
UNREACHABLE = (OperationalError, InterfaceError)
CONNECT_TIMEOUT = 5  # seconds: a server that does not answer is reported, not waited on for minutes


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        args = {"connect_timeout": CONNECT_TIMEOUT} if url.startswith("postgresql") else {}
        return create_engine(url, pool_pre_ping=True, connect_args=args)
    engine = create_engine(url, connect_args={"timeout": 30})

    # SQLite: take the write lock when a transaction starts (BEGIN IMMEDIATE), so two saves at the same
    # moment run one after the other instead of one failing half-way (SQLAlchemy's documented recipe).
    @event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection, _record):  # noqa: ANN001
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Meta:
    """Who imported what: stored with every version."""

    berkas: str
    checksum: str
    oleh: str
    catatan: str = ""


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    """The versions of the district's data. Safe to share between sessions (one engine, short transactions)."""

    def __init__(self, url: str | None = None, engine: Engine | None = None):
        self.url = url or default_url()
        self.engine = engine or _engine(self.url)
        self.schema = schema()
        aktif = self.schema.aktif
        # one transaction, one at a time: six first starts on an empty PostgreSQL each ran CREATE TABLE and one
        # failed; an advisory lock serialises them there (SQLite's BEGIN IMMEDIATE does the same), and DDL in
        # PostgreSQL is transactional, so a start that dies half-way leaves nothing half-made
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(631001)")
            self.schema.metadata.create_all(conn)
            self._add_missing_columns(conn)
            if conn.execute(select(aktif.c.kunci)).first() is None:
                conn.execute(insert(aktif).values(kunci=1, versi_id=BUNDLED))

    def _add_missing_columns(self, conn: Connection) -> None:
        """A store made by an older version of the dashboard lacks the newer table kinds' columns (in `versi`) and
        the newer optional columns of a kind's rows (the target table's `keluarga`, `mulai`, `akhir`): add them.
        Rows saved before read those as empty."""
        look = inspect(conn)
        have = {c["name"] for c in look.get_columns("versi")}
        missing = [f"sumber_{k}" for k in self.schema.kinds if f"sumber_{k}" not in have]
        added = [(table.name, column) for table in self.schema.rows.values()
                 for column in table.columns if column.nullable
                 and column.name not in {c["name"] for c in look.get_columns(table.name)}]
        for col in missing:
            conn.exec_driver_sql(f"ALTER TABLE versi ADD COLUMN {col} INTEGER NOT NULL DEFAULT 0")
        for name, column in added:
            kind = column.type.compile(dialect=self.engine.dialect)
            conn.exec_driver_sql(f"ALTER TABLE {name} ADD COLUMN {column.name} {kind}")

    # ---------------------------------------------------------------- reading
    def active_id(self) -> int:
        aktif = self.schema.aktif
        with self.engine.connect() as conn:
            return int(conn.execute(select(aktif.c.versi_id).where(aktif.c.kunci == 1)).scalar_one())

    def versions(self) -> pd.DataFrame:
        """Every version, newest first, with version 0 (the bundled data) last."""
        versi = self.schema.versi
        with self.engine.connect() as conn:
            rows = pd.DataFrame(conn.execute(select(versi).order_by(versi.c.id.desc())).mappings().all(),
                                columns=[c.name for c in versi.columns])
        active = self.active_id()
        bundled = pd.DataFrame([{"id": BUNDLED, "dibuat": datetime.combine(BUNDLED_DATE, datetime.min.time(), UTC),
                                 "oleh": "bawaan", "jenis": "semua", "berkas": "data/", "checksum": "",
                                 "jumlah_baris": 0,
                                 "catatan": "Data bawaan dasbor (angka ilustratif, batas wilayah nyata)",
                                 **{f"sumber_{k}": BUNDLED for k in self.schema.kinds}, "dihapus": False}])
        out = pd.concat([rows, bundled], ignore_index=True) if len(rows) else bundled
        return out.assign(aktif=out["id"] == active)

    def _row(self, conn: Connection, version: int) -> dict:
        if version == BUNDLED:
            return {f"sumber_{k}": BUNDLED for k in self.schema.kinds} | {"id": BUNDLED, "dibuat": None,
                                                                         "dihapus": False}
        versi = self.schema.versi
        row = conn.execute(select(versi).where(versi.c.id == version)).mappings().first()
        if row is None:
            raise DataError([Problem("versi", None, None, str(version), "versi tidak ada")])
        return dict(row)

    def table(self, kind: str, version: int, bundled: Dataset) -> pd.DataFrame | None:
        """The `kind` table as version `version` sees it (from whichever version supplies it).

        None for a kind the version does not have (village tables before any was loaded). The STBM
        kecamatan table of a version whose latest STBM import was a village table is that table rolled up.
        """
        with self.engine.connect() as conn:
            return self._table(conn, kind, self._row(conn, version), bundled)

    def _rows(self, conn: Connection, kind: str, source: int, bundled: Dataset) -> pd.DataFrame | None:
        if source == BUNDLED:
            frame = getattr(bundled, kind)
            return None if frame is None else frame.copy()
        storage = kinds.get(kind).storage
        if storage == "json":
            t = self.schema.tabel_json
            text = conn.execute(select(t.c.isi).where(t.c.versi_id == source).where(t.c.jenis == kind)
                                ).scalar_one_or_none()
            raw = self._legacy_rows(conn, kind, source) if text is None else \
                pd.read_json(io.StringIO(text), orient="split", dtype=False)
            return _typed(kind, validate_kind(kind, raw), bundled)
        t = self.schema.rows[kind]
        cols = [c for c in t.columns if c.name != "versi_id"]
        frame = pd.DataFrame(conn.execute(select(*cols).where(t.c.versi_id == source)).mappings().all(),
                             columns=[c.name for c in cols])
        if storage == "geo":
            geoms = shapely.from_wkb(frame["wkb"].map(bytes).to_numpy()) if len(frame) else []
            return gpd.GeoDataFrame(frame.drop(columns="wkb"), geometry=list(geoms), crs="EPSG:4326")
        return _typed(kind, frame, bundled)

    def _legacy_rows(self, conn: Connection, kind: str, source: int) -> pd.DataFrame:
        """A version an older release saved as rows in `<kind>_baris`, read whatever columns that table has."""
        name = f"{kind}_baris"
        if not inspect(conn).has_table(name):
            raise DataError([Problem(kind, None, None, str(source), "tabel versi ini tidak ditemukan di penyimpanan")])
        t = Table(name, MetaData(), autoload_with=conn)
        cols = [c for c in t.columns if c.name != "versi_id"]
        frame = pd.DataFrame(conn.execute(select(*cols).where(t.c.versi_id == source)).mappings().all(),
                             columns=[c.name for c in cols])
        for column, value in LEGACY.get(kind, {}).items():
            frame[column] = frame[column].fillna(value) if column in frame.columns else value
        if "sumber" in contract_of(kind).names:
            berkas = conn.execute(select(self.schema.versi.c.berkas).where(self.schema.versi.c.id == source)
                                  ).scalar_one_or_none()
            frame["sumber"] = frame["sumber"].fillna(berkas) if "sumber" in frame.columns else berkas
        return frame

    def _table(self, conn: Connection, kind: str, row: dict, bundled: Dataset) -> pd.DataFrame | None:
        """The `kind` table of the version whose `versi` row is `row` (see `table`)."""
        if kind == "stbm" and _from_villages(row):
            return desa.rollup(self._rows(conn, "stbm_desa", int(row["sumber_stbm_desa"]), bundled))
        if kind == "stbm_desa" and _villages_contradict(row):
            return None
        return self._rows(conn, kind, int(row[f"sumber_{kind}"]), bundled)

    def dataset(self, version: int, bundled: Dataset) -> Dataset:
        """A complete data set for a version: the bundled `wilayah` plus each table from its supplier."""
        with self.engine.connect() as conn:
            row = self._row(conn, version)
            tables = {k: self._rows(conn, k, int(row[f"sumber_{k}"]), bundled) for k in self.schema.kinds}
        created = row["dibuat"]
        sumber = {k: int(row[f"sumber_{k}"]) for k in self.schema.kinds}
        if _from_villages(row):  # the STBM indicators read the village table, summed per kecamatan
            tables["stbm"] = desa.rollup(tables["stbm_desa"])
            sumber["stbm"] = sumber["stbm_desa"]
        if _villages_contradict(row):
            tables["stbm_desa"] = None
        return Dataset(
            wilayah=bundled.wilayah, versi=str(version),
            tanggal=local_date(created) if created is not None else bundled.tanggal,
            sumber=sumber, tables=tables, daftar_desa=bundled.daftar_desa, fakta=bundled.fakta,
        )

    # ---------------------------------------------------------------- writing
    def save(self, kind: str, frame: pd.DataFrame, meta: Meta, *, bundled: Dataset, activate: bool = True,
             mode: str = history.GABUNG) -> int:
        """Store `frame` as a new version built on the active one, in one transaction. Returns its id.

        By default (`history.GABUNG`) the version's table is the active table with the rows of `frame` added or
        replacing those with the same key; every row `frame` does not mention stays. `history.GANTI` makes
        `frame` the whole table. The version records the number of rows in `frame` (what was loaded).
        """
        if kind not in self.schema.kinds:
            raise ValueError(f"jenis data tidak dikenal: {kind}")
        if mode not in history.MODES:
            raise ValueError(f"cara menyimpan tidak dikenal: {mode}")
        versi, aktif = self.schema.versi, self.schema.aktif
        loaded = len(frame)
        with self.engine.begin() as conn:
            current = int(conn.execute(select(aktif.c.versi_id).where(aktif.c.kunci == 1)
                                       .with_for_update()).scalar_one())
            base = self._row(conn, current)
            if mode == history.GABUNG:
                frame = history.merge(kind, self._table(conn, kind, base, bundled), frame)
            new_id = conn.execute(insert(versi).values(
                dibuat=_now(), oleh=meta.oleh[:200] or "tanpa nama", jenis=kind, berkas=meta.berkas[:300],
                checksum=meta.checksum, jumlah_baris=loaded, catatan=meta.catatan or "",
                **{f"sumber_{k}": int(base[f"sumber_{k}"]) for k in self.schema.kinds if k != kind},
                **{f"sumber_{kind}": 0}, dihapus=False,
            ).returning(versi.c.id)).scalar_one()
            conn.execute(update(versi).where(versi.c.id == new_id).values(**{f"sumber_{kind}": new_id}))
            if kinds.get(kind).storage == "json":
                text = frame.astype(object).where(frame.notna(), None).to_json(orient="split", index=False)
                conn.execute(insert(self.schema.tabel_json).values(versi_id=new_id, jenis=kind, isi=text))
            else:
                records = _records(self.schema.rows[kind], frame, new_id)
                if records:
                    conn.execute(insert(self.schema.rows[kind]), records)
            if activate:
                conn.execute(update(aktif).where(aktif.c.kunci == 1).values(versi_id=new_id))
        return int(new_id)

    def preview(self, kind: str, frame: pd.DataFrame, bundled: Dataset,
                mode: str = history.GABUNG) -> history.Changes:
        """What saving `frame` now would do to the active version's table: rows new, changed, unchanged, removed."""
        aktif = self.schema.aktif
        with self.engine.connect() as conn:
            current = int(conn.execute(select(aktif.c.versi_id).where(aktif.c.kunci == 1)).scalar_one())
            old = self._table(conn, kind, self._row(conn, current), bundled)
        return history.changes(kind, old, frame, mode)

    def activate(self, version: int) -> None:
        aktif = self.schema.aktif
        with self.engine.begin() as conn:
            row = self._row(conn, version)
            if row.get("dihapus"):
                raise DataError([Problem("versi", None, None, str(version), "versi ini sudah dihapus")])
            conn.execute(update(aktif).where(aktif.c.kunci == 1).values(versi_id=version))

    def delete(self, version: int) -> None:
        """Hide a version (its rows stay: later versions may still use them). Not the active one, not 0."""
        if version == BUNDLED:
            raise DataError([Problem("versi", None, None, "0", "data bawaan tidak bisa dihapus")])
        versi, aktif = self.schema.versi, self.schema.aktif
        with self.engine.begin() as conn:
            self._row(conn, version)
            current = conn.execute(select(aktif.c.versi_id).with_for_update()).scalar_one()
            if int(current) == version:
                raise DataError([Problem("versi", None, None, str(version),
                                         "versi aktif tidak bisa dihapus; aktifkan versi lain dulu")])
            conn.execute(update(versi).where(versi.c.id == version).values(dihapus=True))


def _aware(t: datetime | None) -> datetime | None:
    """SQLite gives naive datetimes back; they were stored in UTC."""
    if t is None:
        return None
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def _from_villages(row: dict) -> bool:
    """Was the version's latest STBM import a village table (newer than any kecamatan STBM table)?"""
    return int(row["sumber_stbm_desa"]) != BUNDLED and int(row["sumber_stbm_desa"]) > int(row["sumber_stbm"])


def _villages_contradict(row: dict) -> bool:
    """Is the village table the bundled illustrative one while the kecamatan STBM table is loaded data?

    The bundled villages add up to the bundled kecamatan table only: beside an official kecamatan table they
    would show other numbers, so the version has no village table until one is loaded.
    """
    return int(row["sumber_stbm_desa"]) == BUNDLED and int(row["sumber_stbm"]) != BUNDLED


def _records(table: Table, frame: pd.DataFrame, version: int) -> list[dict]:
    """The frame's rows for `table`: text columns as str, numbers as Python numbers, shapes as WKB."""
    cols = [c.name for c in table.columns if c.name not in ("versi_id", "wkb")]
    texts = {c.name for c in table.columns if isinstance(c.type, String | Text)}
    out = frame[cols].astype(object).where(frame[cols].notna(), None)
    records = out.to_dict("records")
    shapes = shapely.to_wkb(frame.geometry.to_numpy()) if "wkb" in table.columns else None
    for i, r in enumerate(records):
        r["versi_id"] = version
        for k, v in r.items():
            if k in texts and v is not None:
                r[k] = str(v)
            elif hasattr(v, "item"):
                r[k] = v.item()
        if shapes is not None:
            r["wkb"] = shapes[i]
    return records


def _typed(kind: str, frame: pd.DataFrame, bundled: Dataset) -> pd.DataFrame:
    """Stored rows with the dtypes of the bundled table, so every page reads them the same way.

    A kind the bundled set lacks (the village table) keeps its contract's types, counts as int64 (as its reader).
    """
    ref = getattr(bundled, kind)
    if ref is None:
        return whole_numbers(frame)
    out = frame.copy()
    for c in out.columns:
        if c in ref.columns:
            dtype = ref[c].dtype
            # counts the bundled table always has may be empty in loaded rows (a kabupaten row of percentages)
            whole = str(dtype) == "Int64" or (str(dtype) == "int64" and out[c].isna().any())
            out[c] = out[c].astype("Int64" if whole else dtype) if len(out) else out[c].astype(dtype)
    return out[[c for c in ref.columns if c in out.columns]]


def instance_path() -> Path:
    return paths.ROOT / "instance"


def local_date(t: datetime):
    """The calendar day in Kalimantan Selatan (WITA, UTC+8) of a stored UTC time."""
    return _aware(pd.Timestamp(t).to_pydatetime()).astimezone(ZoneInfo("Asia/Makassar")).date()


def local_time(t: datetime | None, lang: str = "id") -> str:
    """A stored UTC time as officials in Kalimantan Selatan read it: '28 November 2026 07:48 WITA' (the month in
    `lang`: '14 Mei 2025', '14 May 2025')."""
    if t is None or pd.isna(t):
        return ""
    when = _aware(pd.Timestamp(t).to_pydatetime()).astimezone(ZoneInfo("Asia/Makassar"))
    return f"{fmt.date(when.date(), lang)} {when.strftime('%H:%M')} WITA"
