"""Who signs in, from where, and how often they may try: named editors, and a growing delay per client.

Each editor has a name and a password hash of their own, kept in the store (`python -m sanitasi.cli editor
add NAMA` / `remove` / `list`), so a version's `oleh` names the person who signed in, not what a visitor typed. A
failed attempt slows the client it came from (its address; behind a proxy named in `SANITASI_TRUSTED_PROXY`, the
address that proxy forwarded), with a delay that doubles after `FREE` failures up to `MAX_DELAY`: counted and
checked in one transaction, so twenty simultaneous guesses get `FREE` tries, not twenty; and counted per client,
so no anonymous visitor can lock the editors out. Every attempt is recorded in `percobaan_masuk`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

import pandas as pd
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from sanitasi import auth
from sanitasi.store import Store

FREE = 3  # failures before the first delay
MAX_DELAY = timedelta(minutes=15)
ENV_TRUSTED = "SANITASI_TRUSTED_PROXY"  # comma-separated addresses of the reverse proxies in front of the app


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def delay(failures: int) -> timedelta:
    """How long a client waits after `failures` failed attempts in a row: nothing for the first `FREE`, then 1 s,
    2 s, 4 s ... doubling, never more than `MAX_DELAY`."""
    if failures < FREE:
        return timedelta(0)
    return min(timedelta(seconds=2 ** min(failures - FREE, 20)), MAX_DELAY)


def client_address(remote: str | None, forwarded: str | None, trusted: Iterable[str] | None = None) -> str:
    """The address a sign-in came from: the connection's, or, when that is a trusted proxy, the last address in
    `X-Forwarded-For` that is not one of the trusted proxies (a client can write anything at the left of it)."""
    trusted = {t.strip() for t in (trusted if trusted is not None else os.environ.get(ENV_TRUSTED, "").split(","))
               if t.strip()}
    remote = (remote or "").strip() or "tak-dikenal"
    if remote in trusted and forwarded:
        for hop in reversed([h.strip() for h in forwarded.split(",") if h.strip()]):
            if hop not in trusted:
                return hop[:100]
    return remote[:100]


def wait(s: Store, client: str, now: datetime | None = None) -> timedelta:
    """How long this client must still wait before its next attempt (zero: it may try now)."""
    now = now or _now()
    t = s.schema.metadata.tables["masuk_klien"]
    with s.engine.connect() as conn:
        row = conn.execute(select(t.c.gagal, t.c.terakhir).where(t.c.klien == client)).first()
    if row is None:
        return timedelta(0)
    return max(timedelta(0), _aware(row.terakhir) + delay(int(row.gagal)) - now)


def attempt(s: Store, client: str, name: str, password: str, legacy_hash: str | None = None,
            now: datetime | None = None) -> tuple[str | None, timedelta]:
    """One sign-in: (the editor's name, 0) when it worked; (None, wait) when it did not, or when the client must
    wait first (its password is then not even checked). The attempt is counted before the password is checked,
    in the same transaction as the check of the delay, so simultaneous attempts cannot all pass the check."""
    now = now or _now()
    t = s.schema.metadata.tables["masuk_klien"]
    for _ in range(2):  # a first attempt of two clients at once: one inserts, the other updates
        try:
            with s.engine.begin() as conn:
                row = conn.execute(select(t.c.gagal, t.c.terakhir).where(t.c.klien == client)
                                   .with_for_update()).first()
                if row is not None:
                    left = _aware(row.terakhir) + delay(int(row.gagal)) - now
                    if left > timedelta(0):
                        return None, left
                    conn.execute(update(t).where(t.c.klien == client).values(gagal=t.c.gagal + 1, terakhir=now))
                else:
                    conn.execute(insert(t).values(klien=client, gagal=1, terakhir=now))
            break
        except IntegrityError:
            continue
    who = _verify(s, name, password, legacy_hash)
    with s.engine.begin() as conn:
        tries = s.schema.percobaan_masuk
        conn.execute(insert(tries).values(waktu=now, berhasil=who is not None))
        if who is not None:
            conn.execute(delete(t).where(t.c.klien == client))
    return who, (timedelta(0) if who is not None else wait(s, client, now))


def _verify(s: Store, name: str, password: str, legacy_hash: str | None) -> str | None:
    """The signed-in editor's name: a named editor whose own hash matches; else, with the older shared password
    (`SANITASI_EDITOR_HASH`), the name typed, marked as unproven."""
    name = (name or "").strip()
    stored = editor_hash(s, name) if name else None
    if stored is not None:
        return name if auth.verify(password, stored) else None
    if legacy_hash and auth.verify(password, legacy_hash):
        return f"{name or 'editor'} (kata sandi bersama)"
    return None


# ------------------------------------------------------------------------------------- named editors
def editor_hash(s: Store, name: str) -> str | None:
    t = s.schema.metadata.tables["editor"]
    with s.engine.connect() as conn:
        return conn.execute(select(t.c.hash).where(t.c.nama == name.strip())).scalar()


def editors(s: Store) -> pd.DataFrame:
    t = s.schema.metadata.tables["editor"]
    with s.engine.connect() as conn:
        rows = conn.execute(select(t.c.nama, t.c.dibuat).order_by(t.c.nama)).all()
    return pd.DataFrame(rows, columns=["nama", "dibuat"])


def add_editor(s: Store, name: str, password: str) -> None:
    """Add an editor, or give an existing one a new password."""
    name = name.strip()
    if not name or len(name) > 100:
        raise ValueError("nama editor wajib diisi, paling panjang 100 karakter")
    hashed = auth.hash_password(password)
    t = s.schema.metadata.tables["editor"]
    with s.engine.begin() as conn:
        if conn.execute(update(t).where(t.c.nama == name).values(hash=hashed)).rowcount == 0:
            conn.execute(insert(t).values(nama=name, hash=hashed, dibuat=_now()))


def remove_editor(s: Store, name: str) -> bool:
    t = s.schema.metadata.tables["editor"]
    with s.engine.begin() as conn:
        return conn.execute(delete(t).where(t.c.nama == name.strip())).rowcount > 0


def any_editor(s: Store) -> bool:
    t = s.schema.metadata.tables["editor"]
    with s.engine.connect() as conn:
        return conn.execute(select(t.c.nama).limit(1)).first() is not None
