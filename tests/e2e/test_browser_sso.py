"""Editor sign-in through the office's single sign-on, the whole way round in a browser.

A small OpenID Connect provider runs on loopback (discovery, keys, an authorize endpoint that signs the
person straight in, a token endpoint that issues a signed ID token), and the dashboard is started with an
`[auth]` secrets file pointing at it. What is checked is what the AppTests cannot reach: Streamlit's
/auth/login and /oauth2callback routes, the cookie, and the Data page reading the signed-in account.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from sanitasi.i18n import t
from scripts import browser

pytest.importorskip("authlib", reason="st.login needs Authlib (requirements.txt)")
pytest.importorskip("httpx", reason="Streamlit's auth routes need httpx (requirements.txt)")

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CLIENT = "dasbor-tanah-bumbu"
EDITOR = "ani@tanahbumbukab.go.id"
UPLOADER = '[data-testid="stFileUploader"]'


class FakeIdP:
    """An OIDC provider on a free loopback port; whoever asks to sign in is signed in as `email`."""

    def __init__(self) -> None:
        from joserfc.jwk import RSAKey  # Authlib's JOSE library, installed with it

        self.key = RSAKey.generate_key(2048, parameters={"kid": "uji", "use": "sig", "alg": "RS256"})
        self.email, self.name = EDITOR, "Ani Rahmawati"
        self.nonces: dict[str, str | None] = {}
        self.http = ThreadingHTTPServer(("127.0.0.1", browser.free_port()), self._handler())
        self.issuer = f"http://127.0.0.1:{self.http.server_port}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _json(self, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                url = urllib.parse.urlparse(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                if url.path == "/.well-known/openid-configuration":
                    return self._json({
                        "issuer": idp.issuer, "authorization_endpoint": idp.issuer + "/authorize",
                        "token_endpoint": idp.issuer + "/token", "jwks_uri": idp.issuer + "/jwks",
                        "response_types_supported": ["code"], "subject_types_supported": ["public"],
                        "id_token_signing_alg_values_supported": ["RS256"]})
                if url.path == "/jwks":
                    return self._json({"keys": [idp.key.as_dict(private=False)]})
                if url.path == "/authorize" and query.get("client_id") == CLIENT:
                    code = f"kode{len(idp.nonces)}"
                    idp.nonces[code] = query.get("nonce")
                    back = query["redirect_uri"] + "?" + urllib.parse.urlencode({"code": code, "state": query["state"]})
                    self.send_response(302)
                    self.send_header("Location", back)
                    self.end_headers()
                    return None
                self.send_response(404)
                self.end_headers()
                return None

            def do_POST(self) -> None:
                from joserfc import jwt

                size = int(self.headers.get("Content-Length", 0))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(size).decode()))
                if form.get("code") not in idp.nonces:
                    self.send_response(400)
                    self.end_headers()
                    return
                now = int(time.time())
                claims = {"iss": idp.issuer, "aud": CLIENT, "sub": idp.email, "iat": now, "exp": now + 600,
                          "email": idp.email, "email_verified": True, "name": idp.name,
                          "nonce": idp.nonces[form["code"]]}
                token = jwt.encode({"alg": "RS256", "kid": "uji"}, claims, idp.key)
                self._json({"access_token": "akses", "token_type": "Bearer", "expires_in": 600, "id_token": token})

        return Handler

    def __enter__(self) -> FakeIdP:
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.shutdown()
        self.http.server_close()


@pytest.fixture(scope="module")
def idp() -> Iterator[FakeIdP]:
    with FakeIdP() as provider:
        yield provider


@pytest.fixture(scope="module")
def sso_url(chromium: Any, idp: FakeIdP, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard with single sign-on configured (and no editor password), on its own data store."""
    folder = tmp_path_factory.mktemp("sso")
    secrets = folder / "secrets.toml"
    srv = browser.Server("app.py", log=ARTIFACTS / "server-sso.log", options=["--secrets.files", str(secrets)],
                         env={"SANITASI_DB_URL": f"sqlite:///{folder / 'sanitasi.db'}",
                              "SANITASI_EDITOR_HASH": "", "SANITASI_EDITOR_EMAILS": ""})
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "{srv.url}/oauth2callback"\n'
        f'cookie_secret = "{"uji-rahasia-cookie-" * 3}"\n'
        f'client_id = "{CLIENT}"\n'
        'client_secret = "rahasia-klien"\n'
        f'server_metadata_url = "{idp.issuer}/.well-known/openid-configuration"\n'
        "[editor]\n"
        f'emails = ["{EDITOR}"]\n', encoding="utf-8")
    with srv:
        yield srv.url


def at_root(url: str, base: str) -> bool:
    """On the dashboard's first page; the app may already have written the sidebar's choices into the query."""
    parts = urllib.parse.urlparse(url)
    return f"{parts.scheme}://{parts.netloc}" == base and parts.path in ("", "/")


def sign_in(chromium: Any, base: str, watch: browser.Watch) -> Any:
    """Open the Data page in a fresh browser, press the SSO button, and come back to the Data page."""
    _, page = browser.open_page(chromium, browser.SIZES[1], watch)
    browser.goto(page, base + "/data")
    assert page.get_by_role("button", name=t("data.masuk_sso")).count() == 1
    # nobody signed in: a file may be checked (the dry run), not saved
    assert page.get_by_text(t("data.uji_tanpa_masuk"), exact=True).count() == 1
    page.get_by_role("button", name=t("data.masuk_sso")).click()
    # /auth/login -> the provider -> /oauth2callback -> back to the dashboard's first page
    page.wait_for_url(lambda url: at_root(url, base), timeout=60_000)
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=60_000)
    browser.settle(page)
    browser.goto(page, base + "/data")
    return page


def clean(page: Any, watch: browser.Watch) -> None:
    assert watch.problems() == []
    assert page.locator('[data-testid="stException"]').count() == 0


def test_a_listed_editor_signs_in_with_the_office_account(chromium: Any, idp: FakeIdP, sso_url: str) -> None:
    idp.email, idp.name = EDITOR, "Ani Rahmawati"
    watch = browser.Watch()
    page = sign_in(chromium, sso_url, watch)
    try:
        banner = t("data.editor_masuk", nama=f"Ani Rahmawati ({EDITOR})")
        assert page.get_by_text(banner, exact=True).count() == 1
        assert page.locator(UPLOADER).count() == 1
        assert page.get_by_text(t("data.uji_tanpa_masuk"), exact=True).count() == 0  # an editor: saving too
        assert page.get_by_role("button", name=t("data.masuk_sso")).count() == 0
        page.screenshot(path=str(ARTIFACTS / "sso-editor.png"))

        # sign out: /auth/logout ends the identity cookie and returns to the first page; Data is read-only again
        page.get_by_role("button", name=t("data.keluar")).first.click()
        page.wait_for_url(lambda url: at_root(url, sso_url), timeout=60_000)
        assert not any(c["name"] == "_streamlit_user" for c in page.context.cookies())
        browser.goto(page, sso_url + "/data")
        assert page.get_by_role("button", name=t("data.masuk_sso")).count() == 1
        # a visitor may still check a file (the dry run), but is told only an editor saves
        assert page.get_by_text(t("data.uji_tanpa_masuk"), exact=True).count() == 1
        clean(page, watch)
    finally:
        page.context.close()


def test_an_unlisted_account_is_told_and_stays_read_only(chromium: Any, idp: FakeIdP, sso_url: str) -> None:
    idp.email, idp.name = "tamu@gmail.com", "Tamu"
    watch = browser.Watch()
    page = sign_in(chromium, sso_url, watch)
    try:
        assert page.get_by_text(t("data.sso_bukan_editor", email="tamu@gmail.com"), exact=True).count() == 1
        assert page.get_by_text(t("data.uji_tanpa_masuk"), exact=True).count() == 1  # a dry run only
        assert page.get_by_text(t("data.editor_masuk", nama="Tamu (tamu@gmail.com)")).count() == 0
        page.screenshot(path=str(ARTIFACTS / "sso-tamu.png"))
        clean(page, watch)
    finally:
        page.context.close()
        idp.email, idp.name = EDITOR, "Ani Rahmawati"
