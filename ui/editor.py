"""Editor sign-in: the office's single sign-on (OIDC, listed addresses only) and the editor password."""

from __future__ import annotations

import math

import streamlit as st

from sanitasi import auth, signin, store
from ui.cache import _secret, _secret_value
from ui.state import t


def editor_hash() -> str | None:
    return auth.configured_hash(_secret("editor", "password_hash"))


def client() -> str:
    """This session's address: the connection's, or the one a trusted proxy forwarded (`sanitasi.signin`)."""
    try:
        remote, forwarded = st.context.ip_address, st.context.headers.get("X-Forwarded-For")
    except Exception:  # noqa: BLE001 - no request context (a test harness): one shared address
        remote = forwarded = None
    return signin.client_address(remote if isinstance(remote, str) else None,
                                 forwarded if isinstance(forwarded, str) else None)


def editor_name() -> str:
    return st.session_state.get("_editor_nama") or "editor"


def oidc_setup() -> tuple[list[str | None], frozenset[str]]:
    """The OIDC providers to offer and the editors' addresses; nothing unless both are configured."""
    providers = auth.oidc_providers(_secret_value("auth"))
    emails = auth.editor_emails(_secret_value("editor", "emails"))
    return (providers, emails) if providers and emails else ([], frozenset())


def _signed_in(via_sso: bool) -> bool:
    a, b = st.columns([4, 1])
    a.success(t("data.editor_masuk", nama=editor_name()), icon=":material/edit:")
    if b.button(t("data.keluar"), key="data_keluar"):
        st.session_state["_editor"] = False
        if via_sso:
            # ends the identity cookie; the browser is sent to /auth/logout and back to the first page. No
            # st.rerun() after it: a rerun drops the not-yet-sent redirect, and the sign-out silently fails
            st.logout()
            st.stop()
        st.rerun()
    return True


def _sso_panel(providers: list[str | None], emails: frozenset[str]) -> bool | None:
    """Single sign-on: True when the signed-in account is a listed editor, False when signed in but not listed,
    None when nobody is signed in (the login buttons are shown)."""
    user = st.user.to_dict()
    if user.get("is_logged_in"):
        if auth.may_edit(user, emails):
            email = str(user.get("email"))
            st.session_state["_editor_nama"] = f"{user.get('name')} ({email})" if user.get("name") else email
            return _signed_in(via_sso=True)
        a, b = st.columns([4, 1])
        a.warning(t("data.sso_bukan_editor", email=user.get("email") or "?"), icon=":material/no_accounts:")
        if b.button(t("data.keluar"), key="data_keluar_sso"):
            st.logout()
        return False
    for provider in providers:
        label = t("data.masuk_sso") + (f" · {provider}" if provider else "")
        if st.button(label, key=f"data_sso_{provider or 'utama'}", icon=":material/badge:"):
            st.login(provider) if provider else st.login()
    st.caption(t("data.sso_kembali"))  # Streamlit returns to the app's root after the provider's callback
    return None


def editor_panel(s: store.Store) -> bool:
    """Sign-in for editors; True when this session may change data. Read-only when nothing is configured.

    Two ways in, each optional: the office's single sign-on (OIDC, for listed e-mail addresses) and the
    editors' own passwords (named editors added with the CLI, or the older shared hash), each failure slowing the
    client it came from (`sanitasi.signin`)."""
    hashed = editor_hash()
    providers, emails = oidc_setup()
    named = signin.any_editor(s)
    if hashed is None and not named and not providers:
        st.info(t("data.editor_belum"), icon=":material/lock:")
        return False
    if providers:
        sso = _sso_panel(providers, emails)
        if sso is not None:
            return sso
    if st.session_state.get("_editor"):
        return _signed_in(via_sso=False)
    if hashed is None and not named:
        return False
    address = client()
    left = signin.wait(s, address)
    if left.total_seconds() > 0:
        st.warning(t("data.terkunci", detik=math.ceil(left.total_seconds())), icon=":material/lock_clock:")
        return False
    with st.form("data_masuk"):
        st.markdown(f"**{t('data.masuk_judul')}**")
        name = st.text_input(t("data.nama_editor"), key="data_nama_editor")
        password = st.text_input(t("data.sandi"), type="password", key="data_sandi")
        if st.form_submit_button(t("data.masuk")):
            who, _ = signin.attempt(s, address, name, password, hashed)
            if who is not None:
                st.session_state["_editor"] = True
                st.session_state["_editor_nama"] = who
                st.rerun()
            st.error(t("data.sandi_salah"))
    return False
