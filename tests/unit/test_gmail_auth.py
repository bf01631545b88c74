"""The Gmail OAuth grant: keyring storage, refresh, revocation, export/import, the installed-app flow."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from followup import gmail_auth
from followup.errors import AuthError, ConfigError, SecretError
from tests.support.keyrings import MemoryKeyring


@dataclass(frozen=True)
class Account:
    name: str = "gmail"
    backend: str = "gmail"
    auth: str = "password"
    client_secrets: str = ""


GRANT = {
    "refresh_token": "1//refresh",
    "client_id": "cid.apps.googleusercontent.com",
    "client_secret": "csecret",
    "token_uri": "https://oauth2.googleapis.com/token",
    "scopes": list(gmail_auth.API_SCOPES),
}


@pytest.fixture
def ring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@dataclass
class FakeResponse:
    status: int
    data: bytes
    headers: dict[str, str]


class TokenEndpoint:
    """A google.auth transport Request answering the token endpoint with a fixed reply."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        self.status, self.body = status, body
        self.seen: list[dict[str, Any]] = []

    def __call__(
        self, url: str, method: str = "GET", body: Any = None, headers: Any = None, **kw: Any
    ) -> FakeResponse:
        self.seen.append({"url": url, "method": method, "body": body})
        return FakeResponse(self.status, json.dumps(self.body).encode(), {"content-type": "application/json"})


def test_grant_is_stored_under_the_documented_keyring_entry(ring: MemoryKeyring) -> None:
    gmail_auth.import_token(Account(), json.dumps(GRANT))
    stored = json.loads(ring.items[("followup", "gmail:gmail-token")])
    assert stored["refresh_token"] == "1//refresh" and stored["scopes"] == list(gmail_auth.API_SCOPES)


def test_credentials_are_refreshed_and_give_an_access_token(ring: MemoryKeyring) -> None:
    gmail_auth.import_token(Account(), json.dumps(GRANT))
    endpoint = TokenEndpoint(200, {"access_token": "ya29.fresh", "expires_in": 3599, "token_type": "Bearer"})
    assert gmail_auth.access_token(Account(), request=endpoint) == "ya29.fresh"
    (call,) = endpoint.seen
    assert call["url"] == "https://oauth2.googleapis.com/token" and call["method"] == "POST"
    assert "grant_type=refresh_token" in str(call["body"])


def test_revoked_or_expired_grant_is_an_auth_error_naming_the_fix(ring: MemoryKeyring) -> None:
    gmail_auth.import_token(Account(), json.dumps(GRANT))
    endpoint = TokenEndpoint(
        400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
    )
    with pytest.raises(AuthError) as info:
        gmail_auth.credentials(Account(), request=endpoint)
    assert "run `followup auth gmail`" in str(info.value) and "7 days" in str(info.value)
    assert info.value.__cause__ is not None


def test_no_stored_grant_is_a_secret_error(ring: MemoryKeyring) -> None:
    with pytest.raises(SecretError, match="followup auth gmail"):
        gmail_auth.credentials(Account(), request=TokenEndpoint(500, {}))


def test_grant_without_the_imap_scope_is_refused_for_xoauth2(ring: MemoryKeyring) -> None:
    imap = Account(backend="imap", auth="xoauth2")
    ring.items[("followup", "gmail:gmail-token")] = json.dumps(GRANT)
    with pytest.raises(AuthError, match="mail.google.com"):
        gmail_auth.access_token(imap, request=TokenEndpoint(200, {"access_token": "x"}))
    with pytest.raises(SecretError, match="lacks"):
        gmail_auth.import_token(imap, json.dumps(GRANT))


def test_export_then_import_moves_the_grant_without_the_access_token(ring: MemoryKeyring) -> None:
    ring.items[("followup", "gmail:gmail-token")] = json.dumps(
        {**GRANT, "token": "ya29.old", "expiry": "2025-01-01T00:00:00Z"}
    )
    text = gmail_auth.export_token(Account())
    assert "ya29.old" not in text and json.loads(text)["refresh_token"] == "1//refresh"
    gmail_auth.import_token(Account(name="server"), text)
    assert json.loads(ring.items[("followup", "server:gmail-token")])["client_id"] == GRANT["client_id"]


def test_import_of_something_that_is_not_a_grant_is_refused(ring: MemoryKeyring) -> None:
    for text in ("not json", json.dumps({"client_id": "x"})):
        with pytest.raises(SecretError):
            gmail_auth.import_token(Account(), text)
    assert ring.items == {}


def test_unusable_keyring_is_a_secret_error_not_a_plaintext_fallback(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        with pytest.raises(SecretError, match="Secret Service"):
            gmail_auth.import_token(Account(), json.dumps(GRANT))
    finally:
        keyring.set_keyring(previous)


class FakeFlow:
    def __init__(self, creds: Any) -> None:
        self.creds = creds
        self.kwargs: dict[str, Any] = {}

    def run_local_server(self, **kwargs: Any) -> Any:
        self.kwargs = kwargs
        return self.creds


def test_authorize_runs_the_flow_with_the_fewest_scopes_and_stores_the_grant(
    ring: MemoryKeyring, tmp_path: Path
) -> None:
    from google.oauth2.credentials import Credentials

    secrets = tmp_path / "client_secret.json"
    secrets.write_text("{}")
    creds = Credentials(
        "ya29.a",
        refresh_token="1//r",
        client_id="c",
        client_secret="s",
        token_uri=gmail_auth.TOKEN_URI,
        scopes=list(gmail_auth.API_SCOPES),
    )
    asked: list[tuple[str, tuple[str, ...]]] = []
    flow = FakeFlow(creds)

    def factory(path: str, scopes: Any) -> FakeFlow:
        asked.append((path, tuple(scopes)))
        return flow

    gmail_auth.authorize(Account(client_secrets=str(secrets)), open_browser=False, flow_factory=factory)
    assert asked == [(str(secrets), gmail_auth.API_SCOPES)]
    assert flow.kwargs == {"open_browser": False, "port": 0}
    stored = json.loads(ring.items[("followup", "gmail:gmail-token")])
    assert stored["refresh_token"] == "1//r" and "token" not in stored


def test_authorize_without_a_refresh_token_says_how_to_get_one(ring: MemoryKeyring, tmp_path: Path) -> None:
    from google.oauth2.credentials import Credentials

    secrets = tmp_path / "cs.json"
    secrets.write_text("{}")
    flow = FakeFlow(Credentials("ya29.a"))
    with pytest.raises(AuthError, match="no refresh token"):
        gmail_auth.authorize(Account(client_secrets=str(secrets)), flow_factory=lambda p, s: flow)
    assert ring.items == {}


def test_authorize_with_a_missing_client_secrets_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="client_secrets"):
        gmail_auth.authorize(Account(client_secrets=str(tmp_path / "nope.json")))


def test_scopes_are_the_minimal_sets() -> None:
    assert gmail_auth.scopes_for(Account()) == (
        "https://www.googleapis.com/auth/gmail.readonly",
        "https://www.googleapis.com/auth/gmail.compose",
        "https://www.googleapis.com/auth/gmail.insert",
    )
    assert gmail_auth.scopes_for(Account(backend="imap", auth="xoauth2")) == ("https://mail.google.com/",)
    assert gmail_auth.xoauth2_string("a@b", "tok") == "user=a@b\x01auth=Bearer tok\x01\x01"


def test_forget_removes_the_grant_and_tolerates_absence(ring: MemoryKeyring) -> None:
    gmail_auth.import_token(Account(), json.dumps(GRANT))
    gmail_auth.forget(Account())
    gmail_auth.forget(Account())
    assert ring.items == {}
