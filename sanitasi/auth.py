"""Who may change data: one editor password, stored only as a salted hash, never a default in the repo.

The hash comes from the environment (`SANITASI_EDITOR_HASH`) or `.streamlit/secrets.toml`
(`[editor] password_hash = "..."`). Make one with `python -m sanitasi.cli hash-password`.
PBKDF2-SHA256 from the standard library: nothing to install, and slow enough to make guessing
expensive; repeated failures also lock editing for a while (`sanitasi.store.locked_until`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

ENV_HASH = "SANITASI_EDITOR_HASH"
ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 310_000


def hash_password(password: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """'pbkdf2_sha256$<iterations>$<salt>$<hash>' (base64), ready for the environment or secrets."""
    if not password:
        raise ValueError("kata sandi tidak boleh kosong")
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return "$".join([ALGORITHM, str(iterations), base64.b64encode(salt).decode(), base64.b64encode(digest).decode()])


def verify(password: str, stored: str | None) -> bool:
    """True when `password` matches `stored`; False for anything malformed (never raises)."""
    if not password or not stored:
        return False
    try:
        algorithm, iterations, salt, digest = stored.strip().split("$")
        if algorithm != ALGORITHM:
            return False
        expected = base64.b64decode(digest)
        got = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), base64.b64decode(salt), int(iterations))
    except (ValueError, TypeError, OverflowError):  # OverflowError: an iteration count beyond a C long
        return False
    return hmac.compare_digest(got, expected)


def configured_hash(secrets_hash: str | None = None) -> str | None:
    """The editor hash from the environment, else from Streamlit secrets (passed in by the UI)."""
    value = os.environ.get(ENV_HASH, "").strip() or (secrets_hash or "").strip()
    return value or None
