"""sanitasi.auth: one editor password, kept only as a salted hash that comes from outside the repository."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from sanitasi import auth

ROOT = Path(__file__).resolve().parent.parent
FAST = 1000  # iterations: enough to test the format, fast enough for a test suite


def test_hash_and_verify() -> None:
    h = auth.hash_password("Sanitasi-Aman-2029", iterations=FAST)
    algorithm, iterations, salt, digest = h.split("$")
    assert (algorithm, iterations) == ("pbkdf2_sha256", "1000")
    assert salt and digest and "Sanitasi" not in h
    assert auth.verify("Sanitasi-Aman-2029", h)
    assert auth.verify("Sanitasi-Aman-2029", f"  {h}\n")  # pasted into a secrets file with stray spaces


def test_wrong_password() -> None:
    h = auth.hash_password("rahasia", iterations=FAST)
    for wrong in ("Rahasia", "rahasia ", "rahasi", "", "x" * 200):
        assert not auth.verify(wrong, h), wrong


def test_each_hash_has_its_own_salt() -> None:
    a, b = (auth.hash_password("rahasia", iterations=FAST) for _ in range(2))
    assert a != b and auth.verify("rahasia", a) and auth.verify("rahasia", b)
    # with the salt fixed the hash is reproducible
    assert auth.hash_password("rahasia", salt=b"0" * 16, iterations=FAST) == \
        auth.hash_password("rahasia", salt=b"0" * 16, iterations=FAST)


def test_the_default_iterations_are_slow_enough() -> None:
    assert auth.ITERATIONS >= 310_000  # OWASP's figure for PBKDF2-HMAC-SHA256
    assert auth.hash_password("x", salt=b"s" * 16).split("$")[1] == str(auth.ITERATIONS)


def test_empty_password_cannot_be_hashed() -> None:
    with pytest.raises(ValueError, match="tidak boleh kosong"):
        auth.hash_password("")


GOOD = auth.hash_password("rahasia", salt=b"garam-garam-garam", iterations=FAST)


def stored(*parts: str) -> str:
    """A stored hash built from its parts, so that this file holds no hash-like text for the repo scan below."""
    return "$".join(parts)


@pytest.mark.parametrize("stored", [
    None, "", "   ", "rahasia", "a$b$c$d", stored(auth.ALGORITHM, "1000", "AAAA"), GOOD + "$lagi",
    GOOD.replace(auth.ALGORITHM, "md5"),
    stored(auth.ALGORITHM, "seribu", "AAAA", "AAAA"),
    stored(auth.ALGORITHM, "1000", "!!!", "###"),  # not base64
    stored(auth.ALGORITHM, "0", "AAAA", "AAAA"),  # zero iterations: hashlib refuses
    stored(auth.ALGORITHM, "-5", "AAAA", "AAAA"),
    stored(auth.ALGORITHM, "9" * 20, "AAAA", "AAAA"),  # beyond a C long: hashlib raises OverflowError
    stored(auth.ALGORITHM, "1000", "", ""),
])
def test_malformed_hash_never_raises(stored: str | None) -> None:
    assert auth.verify("rahasia", stored) is False


def test_a_password_that_cannot_be_encoded_never_raises() -> None:
    assert auth.verify("rahasia\ud800", GOOD) is False  # a lone surrogate from a broken clipboard


def test_configured_hash_comes_from_environment_then_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(auth.ENV_HASH, raising=False)
    assert auth.configured_hash() is None
    assert auth.configured_hash("  ") is None
    assert auth.configured_hash("dari-secrets") == "dari-secrets"
    monkeypatch.setenv(auth.ENV_HASH, " dari-env ")
    assert auth.configured_hash("dari-secrets") == "dari-env"


HASH_VALUE = re.compile(r"pbkdf2_sha256\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+")
# a value given to password_hash, other than a documentation placeholder ("...", "pbkdf2_sha256$310000$...")
ASSIGNED = re.compile(r"""password_hash\s*[=:]\s*["'](?![^"']*\.\.\.)[^"'\s]+["']""")


def test_no_password_or_hash_in_the_repository() -> None:
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    files = [ROOT / f for f in tracked.decode().split("\0") if f]
    assert len(files) > 20  # the listing worked
    offending = []
    for path in files:
        if not path.is_file():
            continue
        try:
            content = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # shapefiles, images
        if HASH_VALUE.search(content) or ASSIGNED.search(content):
            offending.append(str(path.relative_to(ROOT)))
    assert not offending, offending
    assert ".streamlit/secrets.toml" not in tracked.decode().split("\0")
    # the patterns do find what they are meant to find
    # (written in pieces, so that this file itself passes the scan once it is committed)
    key = "password" + "_hash"
    assert HASH_VALUE.search(GOOD) and ASSIGNED.search(f'[editor]\n{key} = "{GOOD}"')
    assert ASSIGNED.search(key + ' = "admin123"')
    assert not ASSIGNED.search(key + ' = "' + stored(auth.ALGORITHM, "310000", '..."'))


# ------------------------------------------------------------------ OIDC sign-in (Streamlit st.login)

SHARED = {"redirect_uri": "https://sanitasi.example/oauth2callback", "cookie_secret": "s" * 32}
PROVIDER = {"client_id": "id", "client_secret": "rahasia", "server_metadata_url": "https://sso.example/.well-known"}


def test_editor_emails_from_environment_or_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(auth.ENV_EMAILS, raising=False)
    assert auth.editor_emails(None) == frozenset()
    assert auth.editor_emails(["Ani@TanahBumbuKab.go.id", " budi@x.id ", "bukan-alamat"]) == \
        {"ani@tanahbumbukab.go.id", "budi@x.id"}
    assert auth.editor_emails("a@x.id, b@x.id") == {"a@x.id", "b@x.id"}
    monkeypatch.setenv(auth.ENV_EMAILS, "c@x.id")
    assert auth.editor_emails(["a@x.id"]) == {"c@x.id"}  # the environment wins, as for the password hash


def test_only_complete_oidc_sections_count() -> None:
    assert auth.oidc_providers(None) == []
    assert auth.oidc_providers({}) == []
    assert auth.oidc_providers(PROVIDER) == []  # no redirect_uri / cookie_secret: a login could not work
    assert auth.oidc_providers({**SHARED, **PROVIDER}) == [None]
    assert auth.oidc_providers({**SHARED, "microsoft": PROVIDER, "google": {"client_id": "x"}}) == ["microsoft"]
    assert auth.oidc_providers({**SHARED, "client_id": "id"}) == []


def test_only_listed_signed_in_users_may_edit() -> None:
    allowed = frozenset({"ani@tanahbumbukab.go.id"})
    ani = {"is_logged_in": True, "email": "Ani@TanahBumbuKab.go.id", "name": "Ani", "email_verified": True}
    assert auth.may_edit(ani, allowed)
    # only a true boolean proves the address: a string "false" (some providers send it), "true", a missing claim
    for claim in ("false", "true", 1, None):
        assert not auth.may_edit({**ani, "email_verified": claim}, allowed), claim
    assert not auth.may_edit({k: v for k, v in ani.items() if k != "email_verified"}, allowed)
    assert not auth.may_edit({**ani, "is_logged_in": False}, allowed)
    assert not auth.may_edit({**ani, "email": "budi@x.id"}, allowed)
    assert not auth.may_edit({**ani, "email_verified": False}, allowed)
    assert not auth.may_edit({"is_logged_in": True}, allowed)
    assert not auth.may_edit(ani, frozenset())
    assert not auth.may_edit(None, allowed)
