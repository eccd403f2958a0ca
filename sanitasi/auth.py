"""Who may change data: one editor password, stored only as a salted hash, never a default in the repo.

The hash comes from the environment (`SANITASI_EDITOR_HASH`) or `.streamlit/secrets.toml`
(`[editor] password_hash = "..."`). Make one with `python -m sanitasi.cli hash-password`.
PBKDF2-SHA256 from the standard library: nothing to install, and slow enough to make guessing
expensive; each failure slows the client it came from (`sanitasi.signin`), where the named editors' own hashes
are kept too (`python -m sanitasi.cli editor add NAMA`).

Alternatively, when the office has a single sign-on (Google Workspace, Microsoft Entra, Keycloak, ...),
Streamlit's OIDC login is used: an `[auth]` section in secrets (`redirect_uri`, `cookie_secret`, and
`client_id`, `client_secret`, `server_metadata_url` either there or in one provider subsection) plus the
editors' e-mail addresses (`SANITASI_EDITOR_EMAILS`, comma-separated, or `[editor] emails = [...]`).
Signing in proves who someone is; only a listed address may change data.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

ENV_HASH = "SANITASI_EDITOR_HASH"
ENV_EMAILS = "SANITASI_EDITOR_EMAILS"
OIDC_SHARED = ("redirect_uri", "cookie_secret")
OIDC_PROVIDER = ("client_id", "client_secret", "server_metadata_url")
ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 310_000


def hash_password(password: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """'pbkdf2_sha256$<iterations>$<salt>$<hash>' (base64), ready for the environment or secrets."""
    if not password or not password.strip():
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


def editor_emails(secrets_emails: object = None) -> frozenset[str]:
    """The e-mail addresses allowed to edit after an OIDC sign-in: the environment (comma-separated) first,
    else `[editor] emails` from secrets (a list or a comma-separated string); compared case-insensitively."""
    raw: object = os.environ.get(ENV_EMAILS, "").strip() or secrets_emails or ""
    items = raw.split(",") if isinstance(raw, str) else list(raw) if isinstance(raw, (list, tuple)) else []
    return frozenset(e for e in (str(i).strip().lower() for i in items) if "@" in e)


def oidc_providers(auth_section: object) -> list[str | None]:
    """The OIDC providers an `[auth]` secrets section configures completely: `None` for the default provider
    (settings directly under `[auth]`), else the names of complete `[auth.<name>]` subsections. Empty when the
    shared settings are missing, so a half-written section never shows a login button that cannot work."""
    if not hasattr(auth_section, "get") or not all(auth_section.get(k) for k in OIDC_SHARED):
        return []
    found: list[str | None] = []
    if all(auth_section.get(k) for k in OIDC_PROVIDER):
        found.append(None)
    for name in (auth_section.keys() if hasattr(auth_section, "keys") else []):
        sub = auth_section.get(name)
        if hasattr(sub, "get") and all(sub.get(k) for k in OIDC_PROVIDER):
            found.append(str(name))
    return found


def may_edit(user: object, allowed: frozenset[str]) -> bool:
    """Is this signed-in OIDC user (a mapping like `st.user`) one of the listed editors?"""
    if not hasattr(user, "get") or not user.get("is_logged_in"):
        return False
    email = str(user.get("email") or "").strip().lower()
    # only a true boolean proves the address: "false" (a string, as some providers send it) and a missing claim
    # do not
    return bool(email) and email in allowed and user.get("email_verified") is True
