"""Secrets: password_command and the keyring; unusable keyrings say how to fix it; nothing leaks."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.errors
import pytest

from followup.config import AccountConfig
from followup.errors import SecretError
from followup.secrets import SERVICE, get_secret, keyring_status, store_secret
from tests.support.keyrings import MemoryKeyring


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


class PlaintextKeyring(MemoryKeyring):
    """Stands in for keyrings.alt.file.PlaintextKeyring (not installed here)."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


@pytest.fixture
def memory_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    previous = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(previous)


@pytest.fixture
def use_backend(memory_keyring: MemoryKeyring) -> Iterator[object]:
    def install(backend: keyring.backend.KeyringBackend) -> None:
        keyring.set_keyring(backend)

    yield install


def account(**kw: str) -> AccountConfig:
    return AccountConfig(name="main", backend="imap", host="h", username="u", **kw)  # type: ignore[arg-type]


def test_stored_secret_is_read_back_from_the_keyring(memory_keyring: MemoryKeyring) -> None:
    store_secret("main", "s3cret pass")
    assert memory_keyring.items == {(SERVICE, "main"): "s3cret pass"}
    assert get_secret(account()) == "s3cret pass"


def test_missing_keyring_secret_says_to_run_auth(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(SecretError, match=r"no secret stored for account 'main': run `followup auth main`"):
        get_secret(account())


def test_password_command_output_is_the_secret_minus_one_newline(memory_keyring: MemoryKeyring) -> None:
    assert get_secret(account(password_command="printf 'pa ss\\n\\n'")) == "pa ss\n"
    assert get_secret(account(password_command="printf 'pw\\r\\n'")) == "pw"
    assert get_secret(account(password_command="printf 'no-newline'")) == "no-newline"
    assert memory_keyring.items == {}  # the keyring is not consulted


def test_failing_password_command_names_account_but_not_output(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(SecretError) as info:
        get_secret(account(password_command="echo topsecret; echo alsosecret >&2; exit 3"))
    msg = str(info.value)
    assert "account 'main'" in msg and "exit status 3" in msg
    assert "topsecret" not in msg and "alsosecret" not in msg
    assert "topsecret" not in repr(info.value.__context__)


def test_empty_password_command_output_is_an_error(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(SecretError, match="printed nothing"):
        get_secret(account(password_command="printf '\\n'"))


def test_slow_password_command_times_out(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    monkeypatch.setattr("followup.secrets.COMMAND_TIMEOUT", 0.2)
    with pytest.raises(SecretError, match="did not finish"):
        get_secret(account(password_command="sleep 5"))


def test_fail_backend_gives_the_helpful_message(use_backend) -> None:  # type: ignore[no-untyped-def]
    use_backend(keyring.backends.fail.Keyring())
    with pytest.raises(SecretError) as info:
        store_secret("main", "pw")
    msg = str(info.value)
    assert "no usable keyring" in msg and "password_command" in msg and "pass show" in msg
    assert "Secret Service" in msg and "pw" not in msg.replace("password_command", "")
    ok, text = keyring_status()
    assert not ok and "no keyring backend" in text
    with pytest.raises(SecretError, match="no usable keyring"):
        get_secret(account())


def test_plaintext_backend_is_never_used(use_backend) -> None:  # type: ignore[no-untyped-def]
    plain = PlaintextKeyring()
    use_backend(plain)
    ok, text = keyring_status()
    assert not ok and "plaintext" in text
    with pytest.raises(SecretError, match="plaintext"):
        store_secret("main", "pw")
    assert plain.items == {}


def _chain(*members: keyring.backend.KeyringBackend) -> keyring.backends.chainer.ChainerBackend:
    class Chain(keyring.backends.chainer.ChainerBackend):
        backends = list(members)  # type: ignore[assignment]

    return Chain()


def test_chainer_with_a_plaintext_member_is_not_usable(use_backend) -> None:  # type: ignore[no-untyped-def]
    use_backend(_chain(MemoryKeyring(), PlaintextKeyring()))
    assert keyring_status()[0] is False
    use_backend(_chain())
    assert keyring_status()[0] is False
    use_backend(_chain(MemoryKeyring()))
    assert keyring_status()[0] is True


def test_locked_keyring_says_unlock(use_backend) -> None:  # type: ignore[no-untyped-def]
    use_backend(LockedKeyring())
    with pytest.raises(SecretError, match="locked; unlock it"):
        store_secret("main", "pw")


def test_memory_keyring_is_reported_usable(memory_keyring: MemoryKeyring) -> None:
    ok, text = keyring_status()
    assert ok and "MemoryKeyring" in text


def test_secrets_never_reach_the_log(memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    store_secret("main", "hunter2-secret")
    get_secret(account())
    get_secret(account(password_command="echo cmd-secret"))
    assert "hunter2-secret" not in caplog.text and "cmd-secret" not in caplog.text
    assert "main" in caplog.text


def test_empty_secret_is_not_stored(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(SecretError, match="empty"):
        store_secret("main", "")
