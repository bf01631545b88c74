"""Fixtures for tests against a real, throwaway Dovecot (see ``followup.devserver``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from followup.backends.imap import ImapMailbox
from followup.devserver import DevServer, dovecot_binary


def _require_dovecot() -> None:
    if dovecot_binary() is None:
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd): IMAP tests skipped")


@pytest.fixture
def dovecot() -> Iterator[DevServer]:
    """A fresh plaintext Dovecot on 127.0.0.1 (one per test: ~0.3 s to start, ~0.3 s to stop)."""
    _require_dovecot()
    with DevServer() as server:
        yield server


@pytest.fixture
def dovecot_tls() -> Iterator[DevServer]:
    """A fresh Dovecot with a self-signed certificate: implicit TLS on ``tls_port``, STARTTLS on ``port``."""
    _require_dovecot()
    with DevServer(tls=True) as server:
        yield server


NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)

MessageMaker = Callable[..., bytes]


@pytest.fixture
def make_message() -> MessageMaker:
    """Build an RFC 822 message: ``make_message(n, days_ago=1, body_bytes=0, headers={})``."""

    def make(
        n: int,
        *,
        days_ago: float = 1,
        body_bytes: int = 0,
        headers: dict[str, str] | None = None,
        sender: str = "Recruiter <jobs@acme.example>",
    ) -> bytes:
        when = NOW - timedelta(days=days_ago)
        lines = [
            f"From: {sender}",
            "To: user@example.net",
            f"Subject: message {n}",
            f"Date: {format_datetime(when)}",
            f"Message-ID: <m{n}@test.example>",
        ]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        body = f"Body of message {n}.\r\n"
        if body_bytes:
            body += ("x" * 76 + "\r\n") * (body_bytes // 78 + 1)
        return ("\r\n".join(lines) + "\r\n\r\n" + body).encode()

    return make


MailboxMaker = Callable[..., ImapMailbox]


@pytest.fixture
def mailbox_for() -> MailboxMaker:
    """``mailbox_for(server, **options)``: an unconnected ImapMailbox for the server's user."""

    def make(server: DevServer, **options: object) -> ImapMailbox:
        settings: dict[str, object] = {
            "host": server.host,
            "port": server.port,
            "security": "plain",
            "username": server.user,
            "secret": lambda: server.password,
            "timeout": 10.0,
        }
        settings.update(options)
        return ImapMailbox("test", **settings)  # type: ignore[arg-type]

    return make
