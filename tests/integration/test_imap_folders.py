"""Folder discovery (pure, from LIST answers) and building the backend from an account config."""

from __future__ import annotations

import pytest

from followup.backends.imap import ImapMailbox, discover_folders, is_loopback, parse_ref
from followup.config import AccountConfig
from followup.errors import AuthError, FolderError, MailboxError


def listing(*entries: tuple[str, tuple[bytes, ...]]):
    return [((b"\\HasNoChildren", *flags), b"/", name) for name, flags in entries]


def test_special_use_flags_win_over_names():
    found = discover_folders(
        listing(("INBOX", ()), ("Sent", ()), ("Gesendet", (b"\\Sent",)), ("Entwurf", (b"\\Drafts",))), {}
    )
    assert found == {"inbox": "INBOX", "sent": "Gesendet", "drafts": "Entwurf"}


@pytest.mark.parametrize(
    ("names", "sent", "drafts"),
    [
        (("[Gmail]/Sent Mail", "[Gmail]/Drafts"), "[Gmail]/Sent Mail", "[Gmail]/Drafts"),
        (("Sent Items", "Drafts"), "Sent Items", "Drafts"),
        (("INBOX.Sent Messages", "INBOX.Drafts"), "INBOX.Sent Messages", "INBOX.Drafts"),
        (("Gesendete Elemente", "Entwürfe"), "Gesendete Elemente", "Entwürfe"),
        (("sent", "DRAFTS"), "sent", "DRAFTS"),
    ],
)
def test_without_special_use_folders_are_found_by_common_names(names, sent, drafts):
    found = discover_folders(listing(("INBOX", ()), *((n, ()) for n in names)), {})
    assert (found["sent"], found["drafts"]) == (sent, drafts)


def test_missing_folders_are_none_and_overrides_must_exist():
    assert discover_folders(listing(("INBOX", ())), {})["sent"] is None
    assert discover_folders(listing(("INBOX", ()), ("Out", ())), {"sent": "Out"})["sent"] == "Out"
    with pytest.raises(FolderError, match="'Nope'.*does not exist"):
        discover_folders(listing(("INBOX", ())), {"drafts": "Nope"})


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("::1", True), ("[::1]", True), ("localhost", True), ("127.8.8.8", True),
     ("10.0.0.1", False), ("imap.example.net", False), ("localhost.example.net", False)],
)  # fmt: skip
def test_only_loopback_hosts_count_as_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_refs_with_colons_in_the_folder_name_parse_back():
    assert parse_ref("Archive:2024:5:17") == ("Archive:2024", 5, 17)
    with pytest.raises(MailboxError):
        parse_ref("gmail-123")


def test_from_account_reads_the_account_config():
    account = AccountConfig(
        name="main", backend="imap", host="imap.example.net", port=1993, security="starttls",
        username="lena", ca_file="/etc/ca.pem", folders={"sent": "Out"}, timeout_seconds=5.0,
        max_message_bytes=1000, batch_size=7,
    )  # fmt: skip
    mb = ImapMailbox.from_account(account, lambda: "pw")
    assert (mb.name, mb.host, mb.port, mb.security, mb.username, mb.ca_file) == (
        "main", "imap.example.net", 1993, "starttls", "lena", "/etc/ca.pem",
    )  # fmt: skip
    assert (mb.timeout, mb.max_message_bytes, mb.batch_size) == (5.0, 1000, 7)


@pytest.mark.dovecot
def test_xoauth2_against_a_server_without_it_is_an_auth_error(dovecot, mailbox_for):
    with pytest.raises(AuthError, match="check the access token"), mailbox_for(dovecot, auth="xoauth2"):
        pass
