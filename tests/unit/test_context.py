"""Reading a message in its thread's context (domain/context.py and its hook in classify.read)."""

from __future__ import annotations

import pickle
from pathlib import Path

from followup.domain.classify import read
from followup.domain.context import NO_CONTEXT, Context, Heads, ThreadIndex, heads_of, heads_of_message
from followup.domain.model import Identity, Kind, Reading
from followup.domain.parse import parse
from followup.domain.pregate import no_hiring_cue

USER = Identity("Nadia Farrow", ("nadia@example.net",), "America/New_York")
OWEN = "Owen Tallis <owen@quillfern.co>"
THREAD = Context(True, "Quillfern", "Founding Operations Lead", "thread")
SENDER = Context(True, "Quillfern", "", "sender")


def _mail(
    body: str,
    subject: str = "Re: catching up",
    sender: str = OWEN,
    *,
    msgid: str = "m1@quillfern.co",
    reply_to_id: str = "p1@quillfern.co",
    references: str = "",
    extra: str = "",
) -> bytes:
    head = (
        f"From: {sender}\r\nTo: Nadia <nadia@example.net>\r\nSubject: {subject}\r\n"
        f"Date: Tue, 23 Feb 2027 10:00:00 -0500\r\nMessage-ID: <{msgid}>\r\n"
    )
    if reply_to_id:
        head += f"In-Reply-To: <{reply_to_id}>\r\n"
    if references:
        head += f"References: {references}\r\n"
    return (head + extra + "\r\n" + body + "\r\n").encode()


_INVITE = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:ws-1@google.com\r\n"
    "DTSTART:20270309T180000Z\r\nDTEND:20270309T220000Z\r\nSUMMARY:Quillfern working session w/ Nadia\r\n"
    "ORGANIZER;CN=Owen Tallis:mailto:owen@quillfern.co\r\n"
    "ATTENDEE;CN=Nadia:mailto:nadia@example.net\r\nSEQUENCE:0\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def _calendar_invite() -> bytes:
    return (
        f"From: {OWEN}\r\nTo: nadia@example.net\r\n"
        "Subject: Invitation: Quillfern working session w/ Nadia @ Tue Mar 9, 2027 1pm - 5pm (EST)\r\n"
        "Date: Thu, 04 Mar 2027 13:55:19 +0000\r\nMessage-ID: <calendar-1@google.com>\r\n"
        'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: text/plain\r\n\r\nworking session w/ Nadia\r\n"
        '--b\r\nContent-Type: text/calendar; method=REQUEST; charset="UTF-8"\r\n\r\n'
        f"{_INVITE}--b--\r\n"
    ).encode()


# --- the classifier's hook ---------------------------------------------------------------------------


def test_a_reply_fixing_a_time_is_other_alone_and_a_confirmed_interview_in_a_hiring_thread() -> None:
    message = parse(_mail("sounds good \u2014 see you Thursday at 2"))
    assert read(message, USER).kind is Kind.OTHER
    r = read(message, USER, THREAD)
    assert r.kind is Kind.INTERVIEW_CONFIRMED
    assert r.interview_start is not None and (r.interview_start.day, r.interview_start.hour) == (25, 14)
    assert (r.company, r.role) == ("Quillfern", "Founding Operations Lead")  # the process's names
    assert any("thread of a hiring process" in e for e in r.evidence)


def test_a_calendar_invite_without_hiring_words_from_an_employer_person_is_a_confirmed_interview() -> None:
    message = parse(_calendar_invite())
    assert read(message, USER).kind is Kind.OTHER
    r = read(message, USER, SENDER)
    assert r.kind is Kind.INTERVIEW_CONFIRMED
    assert r.company == "Quillfern"


def test_a_lower_case_decision_in_a_hiring_thread_is_a_rejection() -> None:
    message = parse(_mail("hey nadia, we're going with someone else. wishing you the best", "quillfern"))
    assert read(message, USER).kind is Kind.OTHER
    assert read(message, USER, THREAD).kind is Kind.REJECTION


def test_context_lets_only_the_kind_cues_speak_a_plain_thanks_stays_other() -> None:
    for body in ("thanks, see you then!", "Happy birthday!", "ok"):
        r = read(parse(_mail(body)), USER, THREAD)
        assert r.kind is Kind.OTHER, body


def test_a_look_alike_in_a_hiring_thread_stays_a_look_alike() -> None:
    webinar = _mail("Join our webinar on Thursday at 2pm ET about logistics trends. Register now.", "Webinar")
    assert read(parse(webinar), USER, THREAD).kind is Kind.OTHER


def test_a_newsletter_is_never_given_context_by_its_sender_alone() -> None:
    news = _mail(
        "Our March update: we shipped the new planner. See you at our meetup Thursday at 6pm!",
        "Quillfern update",
        reply_to_id="",
        extra="List-Id: <news.quillfern.co>\r\n",
    )
    message = parse(news)
    assert read(message, USER, SENDER).kind is Kind.OTHER
    assert read(message, USER, SENDER).evidence == read(message, USER).evidence
    index = ThreadIndex()
    index.learn(Heads("p1@quillfern.co", sender="owen@quillfern.co"), _hiring(), ["owen@quillfern.co"])
    assert index.context(heads_of(news)) == NO_CONTEXT


def test_no_context_reads_exactly_as_before() -> None:
    message = parse(_mail("sounds good \u2014 see you Thursday at 2"))
    assert read(message, USER, None) == read(message, USER) == read(message, USER, NO_CONTEXT)


# --- the pre-parse gate --------------------------------------------------------------------------------


def test_the_pre_parse_gate_never_skips_a_message_in_a_known_hiring_thread() -> None:
    raw = _mail("sounds good \u2014 see you Thursday at 2")
    assert no_hiring_cue(raw, USER)  # alone: no hiring word, skipped
    assert not no_hiring_cue(raw, USER, context=THREAD)
    assert not no_hiring_cue(raw, USER, context=SENDER)
    assert no_hiring_cue(raw, USER, context=NO_CONTEXT)


# --- the index -------------------------------------------------------------------------------------------


def _hiring(company: str = "Quillfern", role: str = "", **kw: object) -> Reading:
    return Reading(Kind.INTERVIEW_INVITE, 0.9, ("x",), company=company, role=role, **kw)  # type: ignore[arg-type]


def test_a_reply_to_hiring_mail_gets_its_process_and_a_reply_to_other_mail_gets_nothing() -> None:
    index = ThreadIndex()
    index.learn(Heads("p1@x", sender="owen@quillfern.co"), _hiring(role="Ops Lead"), ["owen@quillfern.co"])
    index.learn(Heads("z1@x", sender="pal@mail.example"), Reading(Kind.OTHER, 0.9, ()), ["pal@mail.example"])
    assert index.context(Heads("r1@x", refs=("p1@x",), sender="x@y.example")) == Context(
        True, "Quillfern", "Ops Lead", "thread"
    )
    assert index.context(Heads("r2@x", refs=("z1@x",), sender="x@y.example")) == NO_CONTEXT
    assert index.context(Heads("r3@x", sender="owen@quillfern.co")).via == "sender"
    assert index.context(Heads("r4@x", sender="pal@mail.example")) == NO_CONTEXT


def test_a_plain_reply_in_a_hiring_thread_passes_the_thread_on() -> None:
    index = ThreadIndex()
    index.learn(Heads("p1@x"), _hiring(), [])
    index.learn(Heads("u1@x", refs=("p1@x",)), Reading(Kind.OTHER, 0.7, (), from_user=True), [])
    assert index.context(Heads("e2@x", refs=("u1@x",))).company == "Quillfern"


def test_robots_and_the_user_never_become_known_employer_people() -> None:
    index = ThreadIndex()
    index.learn(Heads("a@x"), _hiring(automated=True), ["no-reply@greenhouse.io"])
    index.learn(Heads("b@x"), _hiring(from_user=True), ["nadia@example.net"])
    assert index.context(Heads("c@x", sender="no-reply@greenhouse.io")) == NO_CONTEXT
    assert index.context(Heads("d@x", sender="nadia@example.net")) == NO_CONTEXT


def test_a_backend_thread_id_of_hiring_mail_gives_context() -> None:
    index = ThreadIndex(senders=False)
    index.learn(Heads("a@x", thread_id="t1", sender="owen@quillfern.co"), _hiring(), ["owen@quillfern.co"])
    assert index.context(Heads("b@x", thread_id="t1")).hiring_thread
    assert index.context(Heads("c@x", sender="owen@quillfern.co")) == NO_CONTEXT  # threads only


def test_heads_from_the_raw_header_match_the_parsed_message() -> None:
    raw = _mail(
        "hi",
        msgid="m9@x",
        reply_to_id="p2@x",
        references="<p0@x>\r\n <p1@x> <p2@x>",
        extra="List-Id: <l.x>\r\n",
    )
    assert heads_of(raw, "t9") == heads_of_message(parse(raw), "t9")
    assert heads_of(raw).refs == ("p2@x", "p1@x", "p0@x")
    assert heads_of(raw).bulk
    no_id = b"From: a@b.example\r\nSubject: x\r\n\r\nbody\r\n"
    assert heads_of(no_id).message_id == parse(no_id).message_id  # the synthesised id
    assert heads_of(b"\x00\xff not a message").refs == ()  # never raises


def test_a_context_pickles_for_the_worker_processes() -> None:
    assert pickle.loads(pickle.dumps(THREAD)) == THREAD
    assert pickle.loads(pickle.dumps(heads_of(_mail("hi")))) == heads_of(_mail("hi"))


def test_heads_from_the_raw_header_match_the_parse_on_every_fixture_message() -> None:
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    raws = [p.read_bytes() for p in sorted(fixtures.rglob("*.eml"))]
    assert len(raws) > 500
    differ = [i for i, raw in enumerate(raws) if heads_of(raw) != heads_of_message(parse(raw))]
    assert not differ, differ[:5]
