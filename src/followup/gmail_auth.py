"""Gmail OAuth: the installed-app flow, the grant kept in the keyring, refresh, export and import.

The grant (google-auth's authorized-user JSON: refresh token, client id and secret, scopes) lives in
the system keyring under service ``followup``, username ``<account>:gmail-token``. It is refreshed
automatically; a refresh the server refuses (revoked grant, a "Testing" client's 7-day expiry, a
changed password) becomes ``AuthError`` telling the user to run ``followup auth ACCOUNT``.

Scopes (see docs/gmail.md for why each one):
- ``backend = "gmail"``: gmail.readonly (read mail, history, labels, drafts), gmail.compose (create
  and delete drafts), gmail.insert (put the digest into the inbox).
- ``backend = "imap"`` with ``auth = "xoauth2"``: ``https://mail.google.com/``, the only scope
  Gmail's IMAP server accepts.

``account`` arguments are read by attribute: ``name``, ``client_secrets`` (path to the client secrets
JSON from Google Cloud Console), ``backend`` and ``auth`` (optional).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from followup.errors import AuthError, ConfigError, SecretError

log = logging.getLogger("followup.gmail_auth")

SERVICE = "followup"
GMAIL = "https://www.googleapis.com/auth/gmail."
API_SCOPES = (GMAIL + "readonly", GMAIL + "compose", GMAIL + "insert")
IMAP_SCOPES = ("https://mail.google.com/",)
TOKEN_URI = "https://oauth2.googleapis.com/token"


def token_username(account_name: str) -> str:
    return f"{account_name}:gmail-token"


def scopes_for(account: Any) -> tuple[str, ...]:
    """The fewest scopes this account's backend needs."""
    if getattr(account, "backend", "gmail") == "imap":
        return IMAP_SCOPES
    return API_SCOPES


def _revoked(name: str) -> AuthError:
    return AuthError(
        f"account {name!r}: the Gmail grant was revoked or expired; run `followup auth {name}` "
        "(an OAuth client left in 'Testing' status gets refresh tokens that expire after 7 days)"
    )


# -- keyring ---------------------------------------------------------------------------------------


def _keyring_get(name: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, token_username(name))
    except KeyringError as e:
        raise SecretError(f"account {name!r}: the system keyring cannot be read: {e}") from e


def _keyring_set(name: str, text: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, token_username(name), text)
    except KeyringError as e:
        raise SecretError(
            f"account {name!r}: cannot store the Gmail grant in the system keyring ({e}). On a host with "
            "no Secret Service (headless Linux) install and unlock one, e.g. gnome-keyring; followup "
            "will not fall back to a plaintext file"
        ) from e


def forget(account: Any) -> None:
    """Remove the stored grant (it is not revoked at Google: do that at myaccount.google.com)."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, token_username(account.name))
    except PasswordDeleteError:
        return
    except KeyringError as e:
        raise SecretError(f"account {account.name!r}: the system keyring cannot be changed: {e}") from e


# -- the grant -------------------------------------------------------------------------------------


def _parse_grant(name: str, text: str) -> dict[str, Any]:
    try:
        info = json.loads(text)
    except ValueError as e:
        raise SecretError(
            f"account {name!r}: the stored Gmail grant is not JSON; run `followup auth {name}`"
        ) from e
    missing = [
        k
        for k in ("refresh_token", "client_id", "client_secret")
        if not (isinstance(info, dict) and info.get(k))
    ]
    if missing:
        raise SecretError(
            f"account {name!r}: the Gmail grant lacks {', '.join(missing)}; run `followup auth {name}`"
        )
    return dict(info)


def load_credentials(account: Any) -> Any:
    """The stored grant as google-auth Credentials (not refreshed). SecretError when there is none."""
    from google.oauth2.credentials import Credentials

    text = _keyring_get(account.name)
    if not text:
        raise SecretError(
            f"account {account.name!r}: no Gmail grant stored; run `followup auth {account.name}`"
        )
    info = _parse_grant(account.name, text)
    info.pop("expiry", None)  # always refresh once per process: a stale access token costs a 401
    return Credentials.from_authorized_user_info(info)


def _default_request() -> Any:
    import google_auth_httplib2
    import httplib2

    return google_auth_httplib2.Request(httplib2.Http(timeout=30))


def credentials(account: Any, *, request: Any = None) -> Any:
    """Valid credentials for the account, refreshed now; AuthError when Google refuses the grant."""
    from google.auth.exceptions import RefreshError, TransportError

    from followup.errors import ConnectError

    creds = load_credentials(account)
    wanted = set(scopes_for(account))
    granted = set(creds.scopes or ())
    if granted and not wanted <= granted:
        raise AuthError(
            f"account {account.name!r}: the stored Gmail grant lacks {', '.join(sorted(wanted - granted))}; "
            f"run `followup auth {account.name}`"
        )
    try:
        creds.refresh(request or _default_request())
    except RefreshError as e:
        raise _revoked(account.name) from e
    except (TransportError, OSError) as e:
        raise ConnectError(f"account {account.name!r}: cannot reach Google to refresh the grant: {e}") from e
    return creds


def access_token(account: Any, *, request: Any = None) -> str:
    """A fresh OAuth access token, for IMAP's ``AUTHENTICATE XOAUTH2`` (``auth = "xoauth2"``)."""
    return str(credentials(account, request=request).token)


def xoauth2_string(username: str, token: str) -> str:
    """The SASL XOAUTH2 initial response (imapclient's ``oauth2_login`` builds the same)."""
    return f"user={username}\x01auth=Bearer {token}\x01\x01"


def store_credentials(account: Any, creds: Any) -> None:
    text = creds.to_json(strip=["token", "expiry"])
    _parse_grant(account.name, text)
    _keyring_set(account.name, text)


def authorize(
    account: Any,
    *,
    open_browser: bool = True,
    port: int = 0,
    flow_factory: Callable[[str, Sequence[str]], Any] | None = None,
) -> Any:
    """Run Google's installed-app flow in a browser and store the grant; returns the credentials.

    ``port=0`` picks a free local port for the redirect. With ``open_browser=False`` the URL is printed
    for the user to open (the browser must run on this machine: on a headless host authorise on a
    laptop and ``import_token`` the result).
    """
    secrets = Path(str(getattr(account, "client_secrets", "") or "")).expanduser()
    if not secrets.is_file():
        raise ConfigError(
            f"account {account.name!r}: client_secrets file {str(secrets)!r} not found (download the OAuth "
            "client of type 'Desktop app' from Google Cloud Console > APIs & Services > Credentials)"
        )
    scopes = scopes_for(account)
    if flow_factory is None:
        from google_auth_oauthlib.flow import InstalledAppFlow

        def flow_factory(path: str, wanted: Sequence[str]) -> Any:
            return InstalledAppFlow.from_client_secrets_file(path, scopes=list(wanted))

    flow = flow_factory(str(secrets), scopes)
    try:
        creds = flow.run_local_server(open_browser=open_browser, port=port)
    except Exception as e:  # oauthlib raises several unrelated types (denied, state mismatch, scope)
        raise AuthError(f"account {account.name!r}: Google sign-in did not complete: {e}") from e
    if not getattr(creds, "refresh_token", None):
        raise AuthError(
            f"account {account.name!r}: Google returned no refresh token; remove followup's access at "
            "https://myaccount.google.com/permissions and run `followup auth` again"
        )
    store_credentials(account, creds)
    return creds


def export_token(account: Any) -> str:
    """The stored grant as JSON text, to carry to a headless host (it is a secret: treat it so)."""
    text = _keyring_get(account.name)
    if not text:
        raise SecretError(
            f"account {account.name!r}: no Gmail grant stored; run `followup auth {account.name}`"
        )
    info = _parse_grant(account.name, text)
    info.pop("token", None)
    info.pop("expiry", None)
    return json.dumps(info, indent=2, sort_keys=True)


def import_token(account: Any, text: str) -> None:
    """Store a grant exported on another machine (``export_token``'s output)."""
    info = _parse_grant(account.name, text)
    info.setdefault("token_uri", TOKEN_URI)
    scopes = info.get("scopes") or []
    if isinstance(scopes, str):
        scopes = scopes.split()
    wanted = set(scopes_for(account))
    if scopes and not wanted <= set(scopes):
        raise SecretError(
            f"account {account.name!r}: the imported grant lacks {', '.join(sorted(wanted - set(scopes)))}; "
            "authorise again with this account's backend"
        )
    info["scopes"] = list(scopes)
    info.pop("token", None)
    info.pop("expiry", None)
    _keyring_set(account.name, json.dumps(info, sort_keys=True))
