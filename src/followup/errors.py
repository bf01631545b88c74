"""One exception root for everything followup reports to the user.

    FollowupError
    ├── ConfigError            the config file is missing, unreadable or invalid (names file and key)
    ├── SecretError            no secret for an account, keyring unusable, password_command failed
    ├── StoreError             the SQLite store cannot be opened, is corrupt, or the disk is full
    ├── MailboxError           anything the mail backend reports
    │   ├── ConnectError       host unreachable, TLS failure, certificate refused, connection dropped
    │   ├── AuthError          login refused, token expired or revoked (the account is paused)
    │   ├── FolderError        a needed folder is missing or cannot be selected
    │   └── RateLimitError     the provider asks us to slow down
    └── AlreadyRunning         another followup holds the store's lock

Library errors (imapclient, google, OSError, sqlite3) are translated into these inside the adapters,
with the original chained as ``__cause__``. The CLI prints ``str(error)`` and exits non-zero.
"""

from __future__ import annotations


class FollowupError(Exception):
    """Root of every error followup means to show a user."""

    exit_code = 1


class ConfigError(FollowupError):
    exit_code = 78  # EX_CONFIG


class SecretError(FollowupError):
    exit_code = 77  # EX_NOPERM


class StoreError(FollowupError):
    exit_code = 74  # EX_IOERR


class MailboxError(FollowupError):
    exit_code = 69  # EX_UNAVAILABLE


class ConnectError(MailboxError):
    """The server could not be reached or the connection broke; retrying later may help."""


class AuthError(MailboxError):
    """The server refused our credentials; retrying will not help until the user acts."""

    exit_code = 77


class FolderError(MailboxError):
    pass


class RateLimitError(MailboxError):
    pass


class AlreadyRunning(FollowupError):
    exit_code = 75  # EX_TEMPFAIL
