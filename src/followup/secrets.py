"""Account secrets: the system keyring (service ``followup``), or the account's ``password_command``.

Secrets never reach logs or exception messages. A plaintext keyring (keyrings.alt's file backends) is
never used silently: it counts as "no usable keyring", and the user is told how to fix that.
"""

from __future__ import annotations

import logging
import subprocess
from typing import Any

import keyring
import keyring.backends.chainer
import keyring.errors

from followup.config import AccountConfig
from followup.errors import SecretError

SERVICE = "followup"
COMMAND_TIMEOUT = 30.0

log = logging.getLogger("followup.secrets")

FIX = (
    "use password_command in the account's config (a command printing the secret, e.g. "
    '`password_command = "pass show mail/imap"`), or install and unlock a Secret Service '
    "(GNOME Keyring or KWallet, with a D-Bus session) and run `followup auth ACCOUNT` again"
)


def _name(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _judge(backend: Any) -> tuple[bool, str]:
    """Whether a keyring backend keeps secrets properly, and what it is, in words."""
    name = _name(backend)
    module = type(backend).__module__
    if module == "keyring.backends.fail":
        return False, "no keyring backend is available (no Secret Service on this host)"
    if module == "keyring.backends.null":
        return False, "the keyring is disabled (null backend)"
    if module.startswith("keyrings.alt") and (
        "Plaintext" in type(backend).__name__ or module == "keyrings.alt.file"
    ):
        return False, f"the only keyring is a plaintext file ({name}), which followup does not use"
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        members = list(backend.backends)
        if not members:
            return False, "no keyring backend is available (no Secret Service on this host)"
        judged = [_judge(m) for m in members]
        bad = [d for ok, d in judged if not ok]
        if bad:
            return False, bad[0]
        return True, "keyring backends: " + ", ".join(_name(m) for m in members)
    return True, f"keyring backend {name}"


def keyring_status() -> tuple[bool, str]:
    """(usable?, a description for `followup doctor`). Reads no secret, so it never prompts."""
    try:
        backend = keyring.get_keyring()
    except Exception as e:  # a broken keyring configuration must not crash doctor
        return False, f"the keyring could not be loaded ({type(e).__name__})"
    ok, text = _judge(backend)
    return ok, text if ok else f"{text}: {FIX}"


def _usable_or_raise(purpose: str) -> None:
    ok, text = keyring_status()
    if not ok:
        raise SecretError(f"cannot {purpose}: no usable keyring. {text[0].upper()}{text[1:]}")


def store_secret(account_name: str, secret: str) -> None:
    """Keep ``secret`` for an account in the system keyring."""
    if not secret:
        raise SecretError(f"account {account_name!r}: the secret is empty; nothing stored")
    _usable_or_raise(f"store the secret of account {account_name!r}")
    try:
        keyring.set_password(SERVICE, account_name, secret)
    except keyring.errors.KeyringLocked:
        raise SecretError(
            f"cannot store the secret of account {account_name!r}: the keyring is locked; unlock it and retry"
        ) from None
    except keyring.errors.NoKeyringError:
        raise SecretError(
            f"cannot store the secret of account {account_name!r}: no usable keyring. {FIX}"
        ) from None
    except keyring.errors.KeyringError as e:
        raise SecretError(
            f"cannot store the secret of account {account_name!r}: the keyring refused ({type(e).__name__}). {FIX}"
        ) from None
    log.info("secret of account %s stored in the keyring", account_name)


def get_secret(account: AccountConfig) -> str:
    """The account's secret: from ``password_command`` when set, else the keyring."""
    if account.password_command:
        return _from_command(account)
    _usable_or_raise(f"read the secret of account {account.name!r}")
    try:
        secret = keyring.get_password(SERVICE, account.name)
    except keyring.errors.KeyringLocked:
        raise SecretError(
            f"cannot read the secret of account {account.name!r}: the keyring is locked"
        ) from None
    except keyring.errors.KeyringError as e:
        raise SecretError(
            f"cannot read the secret of account {account.name!r} from the keyring ({type(e).__name__}). {FIX}"
        ) from None
    if not secret:
        raise SecretError(
            f"no secret stored for account {account.name!r}: run `followup auth {account.name}`, "
            "or set password_command in its config"
        )
    return secret


def _from_command(account: AccountConfig) -> str:
    what = f"password_command of account {account.name!r}"
    log.debug("running the password_command of account %s", account.name)
    try:
        done = subprocess.run(  # noqa: S602 - the user's own command line, as mbsync's PassCmd
            account.password_command,
            shell=True,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise SecretError(f"{what} did not finish within {COMMAND_TIMEOUT:g} s") from None
    except OSError as e:
        raise SecretError(f"{what} could not be run ({e.strerror})") from None
    if done.returncode != 0:
        raise SecretError(f"{what} failed with exit status {done.returncode} (its output is not shown)")
    try:
        secret = done.stdout.decode("utf-8")
    except UnicodeDecodeError:
        raise SecretError(f"{what} printed something that is not UTF-8 text") from None
    if secret.endswith("\r\n"):
        secret = secret[:-2]
    elif secret.endswith("\n"):
        secret = secret[:-1]
    if not secret:
        raise SecretError(f"{what} printed nothing")
    return secret
