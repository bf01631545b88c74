"""A real Dovecot full of broken and hostile mail next to good hiring mail: the right drafts, safe headers."""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path

from followup.config import parse_config
from followup.demo import sample_messages
from tests.reliability import hostile
from tests.reliability.conftest import EXPECTED, Env, config_text, kinds, require_dovecot, seeded_server


def test_scan_of_a_mailbox_with_the_broken_corpus_and_monsters_drafts_exactly_the_right_drafts(
    sample_env: Env,
) -> None:
    client = sample_env.server.client()
    delivered = 0
    try:
        for _name, raw in hostile.stored():
            client.append("INBOX", raw)
            delivered += 1
        for build, _limit in hostile.GENERATED.values():
            client.append("INBOX", build())
            delivered += 1
        client.append("INBOX", hostile.huge(50))  # over max_message_bytes: fetched as headers only
        delivered += 1
    finally:
        client.logout()
    result = sample_env.scan()
    assert result.ok, result.errors
    assert result.syncs[0].fetched == delivered + len(sample_messages())
    assert kinds(sample_env.drafts()) == EXPECTED


# the sample's Harbor recruiter, renamed by a hostile encoded word that decodes to CR/LF + Bcc, with a
# subject that tries the same and carries HTML; the decision follow-up answers this very message
_EVIL_FROM = b"From: =?utf-8?q?Dana=0D=0ABcc=3A_evil=40x=2Ecom?= <dana.whitfield@harborfreight-logistics.com>"
_EVIL_SUBJECT = (
    b"Subject: =?utf-8?q?Thank_you_for_coming_in_-_Embedded_Engineer=0D=0ABcc=3A_evil2=40x=2Ecom"
    b"=0D=0A=0D=0A<script>alert(1)</script>?="
)


def _hostile_sample() -> list[tuple[str, str, bytes]]:
    out = []
    for box, name, raw in sample_messages():
        if name.startswith("05-"):
            raw = re.sub(rb"(?m)^From: .*\r?$", _EVIL_FROM, raw, count=1)
            raw = re.sub(rb"(?m)^Subject: .*\r?$", _EVIL_SUBJECT, raw, count=1)
        out.append((box, name, raw))
    return out


def test_crlf_and_html_in_the_employers_name_and_subject_never_reach_draft_headers(tmp_path: Path) -> None:
    require_dovecot()
    server = seeded_server(_hostile_sample())
    try:
        path = tmp_path / "config.toml"
        path.write_text(config_text(port=server.port, store=tmp_path / "s.sqlite"), "utf-8")
        env = Env(server, path, parse_config(path.read_text("utf-8"), path))
        assert env.scan().ok
        drafts = env.drafts()
        assert kinds(drafts) == EXPECTED
        for raw in drafts:
            head = raw.split(b"\r\n\r\n", 1)[0]
            names = [line.split(b":", 1)[0].lower() for line in head.split(b"\r\n") if line[:1] not in b" \t"]
            assert b"bcc" not in names and b"cc" not in names
            assert sorted(set(names)) == sorted(names), "no header appears twice"
            msg = email.message_from_bytes(raw, policy=policy.default)
            assert len(msg["To"].addresses) == 1
            # the hostile text may stay as a quoted display name, on one line, never as an address
            assert "evil" not in msg["To"].addresses[0].addr_spec
            assert "\n" not in str(msg["To"]) and "\n" not in str(msg["Subject"])
            assert b"evil@x.com" not in raw.split(b"\r\n\r\n", 1)[1]  # nor in the body
    finally:
        server.cleanup()
