"""sanitasi.signin: named editors, a growing delay per client counted atomically, the proxy's forwarded address;
and the command line's editor and hash-password commands. On SQLite, and on PostgreSQL when SANITASI_TEST_PG_URL
names a server (the store fixture of tests/test_store.py)."""

from __future__ import annotations

import io
import threading
from datetime import UTC, datetime, timedelta

import pytest

from sanitasi import auth, cli, signin, store
from tests.test_store import s  # noqa: F401 - the store fixture (SQLite, and PostgreSQL when configured)

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(("failures", "seconds"), [(0, 0), (2, 0), (3, 1), (4, 2), (6, 8), (13, 900), (99, 900)])
def test_the_delay_doubles_after_three_failures_up_to_fifteen_minutes(failures: int, seconds: int) -> None:
    assert signin.delay(failures) == timedelta(seconds=seconds)


def test_named_editors_sign_in_as_themselves(s: store.Store) -> None:  # noqa: F811
    signin.add_editor(s, "Ani (Bappeda)", "Sungai-Loban-2029")
    signin.add_editor(s, "Budi", "Kusan-Hulu-2030")
    assert signin.editors(s)["nama"].tolist() == ["Ani (Bappeda)", "Budi"]
    assert signin.attempt(s, "10.0.0.1", "Ani (Bappeda)", "Sungai-Loban-2029", now=NOW)[0] == "Ani (Bappeda)"
    # Budi's password does not sign in Ani, and a name nobody has gets nowhere, even with a shared hash that
    # does not match
    assert signin.attempt(s, "10.0.0.2", "Ani (Bappeda)", "Kusan-Hulu-2030", now=NOW)[0] is None
    assert signin.attempt(s, "10.0.0.2", "Siapa", "Kusan-Hulu-2030", now=NOW)[0] is None
    # the older shared password still works, and says the name was typed, not proven
    shared = auth.hash_password("bersama", iterations=1000)
    assert signin.attempt(s, "10.0.0.3", "Cici", "bersama", shared, now=NOW)[0] == "Cici (kata sandi bersama)"
    assert signin.remove_editor(s, "Budi") and not signin.remove_editor(s, "Budi")
    assert signin.attempt(s, "10.0.0.4", "Budi", "Kusan-Hulu-2030", now=NOW)[0] is None


def test_failures_slow_that_client_only_and_a_success_resets_it(s: store.Store) -> None:  # noqa: F811
    signin.add_editor(s, "Ani", "benar")
    for i in range(3):  # three free tries
        assert signin.attempt(s, "203.0.113.9", "Ani", "salah", now=NOW + timedelta(seconds=i))[0] is None
    assert signin.wait(s, "203.0.113.9", NOW + timedelta(seconds=2)) == timedelta(seconds=1)
    # while it waits, even the right password is not checked
    who, left = signin.attempt(s, "203.0.113.9", "Ani", "benar", now=NOW + timedelta(seconds=2, milliseconds=500))
    assert who is None and left == timedelta(milliseconds=500)
    # the editor at another address is not locked out by the guesser
    assert signin.attempt(s, "10.1.1.1", "Ani", "benar", now=NOW + timedelta(seconds=2))[0] == "Ani"
    assert signin.attempt(s, "203.0.113.9", "Ani", "benar", now=NOW + timedelta(seconds=4))[0] == "Ani"
    assert signin.wait(s, "203.0.113.9", NOW + timedelta(seconds=4)) == timedelta(0)


def test_simultaneous_guesses_are_counted_atomically(s: store.Store) -> None:  # noqa: F811
    signin.add_editor(s, "Ani", "benar")
    checked = []
    real = signin._verify

    def counting(*args):  # noqa: ANN002, ANN202
        checked.append(1)
        return real(*args)

    signin._verify, results = counting, []
    try:
        threads = [threading.Thread(target=lambda: results.append(signin.attempt(s, "198.51.100.7", "Ani", "salah",
                                                                                 now=NOW)))
                   for _ in range(20)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    finally:
        signin._verify = real
    # twenty guesses at the same moment: only the free ones reached the password check
    assert len(results) == 20 and all(who is None for who, _ in results)
    assert len(checked) == signin.FREE, len(checked)


@pytest.mark.parametrize(("remote", "forwarded", "trusted", "client"), [
    ("203.0.113.9", None, [], "203.0.113.9"),
    ("203.0.113.9", "1.2.3.4", [], "203.0.113.9"),  # no trusted proxy: the header is anyone's to write
    ("10.0.0.2", "198.51.100.7", ["10.0.0.2"], "198.51.100.7"),
    ("10.0.0.2", "6.6.6.6, 198.51.100.7", ["10.0.0.2"], "198.51.100.7"),  # the client wrote the left part
    ("10.0.0.2", "198.51.100.7, 10.0.0.3", ["10.0.0.2", "10.0.0.3"], "198.51.100.7"),
    (None, None, [], "tak-dikenal"),
])
def test_the_client_address_honours_only_a_trusted_proxy(remote, forwarded, trusted, client) -> None:  # noqa: ANN001
    assert signin.client_address(remote, forwarded, trusted) == client


def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, stdin: str, *argv: str) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli.main(list(argv))
    return code, capsys.readouterr().out


def test_hash_password_strips_the_line_ending_and_refuses_a_blank(monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture) -> None:
    code, out = _cli(monkeypatch, capsys, "Rahasia-2029\r\n", "hash-password")
    assert code == 0 and auth.verify("Rahasia-2029", out.strip()) and not auth.verify("Rahasia-2029\r", out.strip())
    for blank in ("\n", "   \r\n", ""):
        code, out = _cli(monkeypatch, capsys, blank, "hash-password")
        assert code == 2 and "kata sandi tidak boleh kosong" in out, (blank, out)
    with pytest.raises(ValueError):
        auth.hash_password("   ")


def test_the_cli_adds_lists_and_removes_editors(tmp_path, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
                                                capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv(store.ENV_URL, f"sqlite:///{tmp_path / 'ed.db'}")
    assert _cli(monkeypatch, capsys, "Sandi-Ani\r\n", "editor", "add", "Ani")[0] == 0
    code, out = _cli(monkeypatch, capsys, "", "editor", "list")
    assert code == 0 and out.startswith("Ani  (sejak ")
    assert signin.attempt(store.Store(), "x", "Ani", "Sandi-Ani")[0] == "Ani"
    assert _cli(monkeypatch, capsys, "", "editor", "remove", "Ani")[0] == 0
    code, out = _cli(monkeypatch, capsys, "", "editor", "remove", "Ani")
    assert code == 2 and "editor ini tidak ada" in out
