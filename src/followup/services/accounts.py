"""Opening the right Mailbox for a configured account."""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup.errors import ConfigError

if TYPE_CHECKING:
    from followup.backends.base import Mailbox
    from followup.config import AccountConfig


def open_mailbox(account: AccountConfig) -> Mailbox:
    """Build (not yet connect) the backend for one account; connect with ``with``."""
    if account.backend == "imap":
        from followup.backends.imap import ImapMailbox
        from followup.secrets import get_secret

        if account.auth == "xoauth2":
            from followup.gmail_auth import access_token

            return ImapMailbox.from_account(account, lambda: access_token(account))
        return ImapMailbox.from_account(account, lambda: get_secret(account))
    if account.backend == "gmail":
        from followup.backends.gmail import GmailMailbox

        return GmailMailbox.from_account(account)
    raise ConfigError(
        f"account {account.name!r}: unknown backend {account.backend!r} (expected imap or gmail)"
    )
