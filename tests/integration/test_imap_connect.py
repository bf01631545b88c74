"""Connecting and logging in: TLS verification, STARTTLS, plaintext rules, clear errors."""

from __future__ import annotations

import socket

import pytest

from followup.errors import AuthError, ConnectError

pytestmark = pytest.mark.dovecot


def test_wrong_password_gives_auth_error_naming_the_user_but_not_the_password(dovecot, mailbox_for):
    mailbox = mailbox_for(dovecot, secret=lambda: "hunter2-wrong")

    with pytest.raises(AuthError) as caught, mailbox:
        pass

    message = str(caught.value)
    assert "refused the login" in message and dovecot.user in message
    assert "hunter2" not in message
    assert caught.value.__cause__ is not None


def test_right_password_connects_and_finds_the_special_use_folders(dovecot, mailbox_for):
    with mailbox_for(dovecot) as mb:
        assert mb.folders == {"inbox": "INBOX", "sent": "Sent", "drafts": "Drafts"}


def test_unreachable_host_gives_connect_error():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    from followup.backends.imap import ImapMailbox

    mailbox = ImapMailbox(
        "t", host="127.0.0.1", port=port, security="plain", username="u", secret=lambda: "p"
    )
    with pytest.raises(ConnectError, match="connection failed"), mailbox:
        pass


def test_plaintext_to_a_remote_host_is_refused_before_connecting(mailbox_for, dovecot):
    mailbox = mailbox_for(dovecot, host="imap.example.net", secret=lambda: pytest.fail("secret was read"))

    with pytest.raises(ConnectError, match="only allowed to this machine"), mailbox:
        pass


def test_tls_to_a_self_signed_server_is_refused_without_ca_file(dovecot_tls, mailbox_for):
    mailbox = mailbox_for(dovecot_tls, port=dovecot_tls.tls_port, security="tls")

    with pytest.raises(ConnectError, match="certificate verify failed.*set ca_file"), mailbox:
        pass


def test_tls_to_a_self_signed_server_is_accepted_with_its_ca_file(dovecot_tls, mailbox_for):
    mailbox = mailbox_for(
        dovecot_tls, port=dovecot_tls.tls_port, security="tls", ca_file=str(dovecot_tls.ca_file)
    )

    with mailbox as mb:
        assert mb.probe().folders["inbox"] == "INBOX"


def test_tls_to_localhost_by_name_matches_the_certificate(dovecot_tls, mailbox_for):
    mailbox = mailbox_for(
        dovecot_tls,
        host="localhost",
        port=dovecot_tls.tls_port,
        security="tls",
        ca_file=str(dovecot_tls.ca_file),
    )

    with mailbox as mb:
        assert "IMAP4REV1" in mb.capabilities


def test_starttls_upgrades_and_verifies_the_certificate(dovecot_tls, mailbox_for):
    with mailbox_for(dovecot_tls, security="starttls", ca_file=str(dovecot_tls.ca_file)) as mb:
        assert mb.client._imap.sock.version().startswith("TLS")  # the session runs over TLS

    refused = mailbox_for(dovecot_tls, security="starttls")
    with pytest.raises(ConnectError, match="certificate verify failed"), refused:
        pass


def test_starttls_against_a_server_without_it_is_refused(dovecot, mailbox_for):
    with (
        pytest.raises(ConnectError, match="does not offer STARTTLS"),
        mailbox_for(dovecot, security="starttls"),
    ):
        pass


def test_tls_against_a_plaintext_port_gives_connect_error(dovecot, mailbox_for):
    mailbox = mailbox_for(dovecot, security="tls", timeout=3.0)

    with pytest.raises(ConnectError), mailbox:
        pass


def test_probe_reports_capabilities_folders_and_counts(dovecot, make_message, mailbox_for):
    dovecot.deliver("INBOX", make_message(1))
    dovecot.deliver("Sent", make_message(2))
    dovecot.deliver("Sent", make_message(3))

    with mailbox_for(dovecot) as mb:
        probe = mb.probe()

    assert {"UIDPLUS", "SPECIAL-USE"} <= set(probe.capabilities)
    assert probe.counts == {"inbox": 1, "sent": 2, "drafts": 0}
    assert probe.gmail is False


def test_folder_override_wins_over_special_use(dovecot, mailbox_for):
    client = dovecot.client()
    client.create_folder("Archive/Sent 2024")
    client.logout()

    with mailbox_for(dovecot, folders={"sent": "Archive/Sent 2024"}) as mb:
        assert mb.folders["sent"] == "Archive/Sent 2024"

    with pytest.raises(Exception, match="does not exist"), mailbox_for(dovecot, folders={"sent": "Nope"}):
        pass
