"""Every message of the sample corpus parses; calendar starts match the labels (skips without ../shared)."""

from __future__ import annotations

from datetime import datetime

from followup.domain.parse import parse
from tests.support.corpus import Scenario


def _files(corpus: list[Scenario]) -> list[tuple[Scenario, str]]:
    out = []
    for sc in corpus:
        for path in sorted(sc.path.glob("*/*.eml")):
            out.append((sc, str(path.relative_to(sc.path))))
    return out


def test_every_corpus_message_parses_with_date_id_sender_and_text(corpus: list[Scenario]) -> None:
    files = _files(corpus)
    assert len(files) >= 200
    for sc, rel in files:
        msg = parse(sc.raw(rel))
        where = f"{sc.name}/{rel}"
        assert msg.date is not None and msg.date.tzinfo is not None, where
        assert msg.message_id and "<" not in msg.message_id and not msg.message_id.startswith("sha1-"), where
        assert msg.sender is not None and "@" in msg.sender.email, where
        assert msg.new_text.strip(), where
        assert not [d for d in msg.defects if d.startswith(("parse failed", "calendar"))], (
            where,
            msg.defects,
        )


def test_corpus_calendar_invitations_start_where_the_labels_say(corpus: list[Scenario]) -> None:
    checked = 0
    for sc in corpus:
        for label in sc.labels:
            raw = sc.raw(label["file"])
            msg = parse(raw)
            has_ics = b"text/calendar" in raw.lower() or b".ics" in raw.lower()
            assert bool(msg.calendar) == has_ics, f"{sc.name}/{label['file']}"
            if not msg.calendar or not label.get("interview_start"):
                continue
            want = datetime.fromisoformat(label["interview_start"])
            starts = [ev.start for ev in msg.calendar if not ev.cancelled]
            assert want in starts, f"{sc.name}/{label['file']}: {starts} != {want}"
            assert all(s is not None and s.tzinfo is not None for s in starts)
            if label.get("interview_end"):
                assert datetime.fromisoformat(label["interview_end"]) in [ev.end for ev in msg.calendar]
            checked += 1
    assert checked >= 15


def test_corpus_quoted_history_is_kept_out_of_new_text(corpus: list[Scenario]) -> None:
    by_name = {sc.name: sc for sc in corpus}
    d23 = by_name["d23-quoted-old-promise-and-new-date"]
    msg = parse(d23.raw("INBOX/05-aiming-for-march-25.eml"))
    assert "March 25" in msg.new_text
    assert "3/6" not in msg.new_text and "3/6" in msg.quoted_text
    d13 = by_name["d13-decision-date-pushed-back"]
    msg = parse(d13.raw("INBOX/04-pushed-to-the-26th.eml"))
    assert "26th" in msg.new_text and "March 13" not in msg.new_text and "March 13" in msg.quoted_text


def test_corpus_forwarded_german_invite_becomes_a_forwarded_entry(corpus: list[Scenario]) -> None:
    d26 = next(sc for sc in corpus if sc.name.startswith("d26"))
    msg = parse(d26.raw("INBOX/01-fwd-einladung-zum-interview.eml"))
    assert len(msg.forwarded) == 1
    fwd = msg.forwarded[0]
    assert fwd.sender is not None and fwd.sender.email == "zoe.mueller@stellwerk-mobility.de"
    assert fwd.sender.name == "Zoë Müller"
    assert fwd.date is not None and fwd.date.isoformat() == "2026-03-06T16:40:00+01:00"
    assert "10.03.2026" in fwd.text and "10.03.2026" not in msg.new_text
