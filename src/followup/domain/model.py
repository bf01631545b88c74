"""The domain vocabulary: frozen values that flow parse -> classify -> track -> policy -> compose.

Everything here is pure data. The strings of the enums are the stable vocabulary of design.md and
the CLI's JSON output: never rename them.

Flow of values:

    raw bytes --parse--> Message --classify--> Reading
    (Message headers + Reading) --> Signal   (what the store keeps: no bodies)
    [Signal] --track--> [Process] --policy(now)--> [Action] --compose--> draft bytes
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Kind(StrEnum):
    """What one message is, as far as a hiring process goes."""

    APPLICATION_ACK = "application_ack"
    INTERVIEW_INVITE = "interview_invite"  # asks to schedule; no fixed time yet
    INTERVIEW_CONFIRMED = "interview_confirmed"  # a fixed time (text or calendar)
    RESCHEDULE = "reschedule"
    DECISION_TIMELINE = "decision_timeline"  # a promise, dated or not
    ACTION_REQUEST = "action_request"  # references, work sample, assessment
    REJECTION = "rejection"
    OFFER = "offer"
    NEXT_ROUND = "next_round"
    WITHDRAWN = "withdrawn"  # position cancelled / on hold, or the user withdrew
    USER_THANK_YOU = "user_thank_you"
    USER_FOLLOW_UP = "user_follow_up"
    OTHER = "other"


class Stage(StrEnum):
    APPLIED = "applied"
    SCHEDULING = "scheduling"
    SCHEDULED = "scheduled"
    INTERVIEWED = "interviewed"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    STALE = "stale"


class ActionKind(StrEnum):
    THANK_YOU = "thank_you"
    DECISION_FOLLOW_UP = "decision_follow_up"
    CHECK_IN = "check_in"
    FEEDBACK_REQUEST = "feedback_request"
    OFFER_REPLY = "offer_reply"


FOLLOW_UP_KINDS = frozenset({ActionKind.DECISION_FOLLOW_UP, ActionKind.CHECK_IN})


@dataclass(frozen=True, order=True)
class Address:
    """A mailbox address. ``email`` is lower-cased; ``name`` is the decoded display name or ""."""

    name: str
    email: str

    def formatted(self) -> str:
        from email.utils import formataddr

        return formataddr((self.name, self.email)) if self.name else self.email


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str
    role: str = ""  # REQ-PARTICIPANT, OPT-PARTICIPANT, CHAIR, NON-PARTICIPANT
    cutype: str = ""  # INDIVIDUAL, ROOM, RESOURCE, GROUP
    partstat: str = ""


@dataclass(frozen=True)
class CalendarEvent:
    """One VEVENT of a text/calendar part (or .ics attachment)."""

    method: str  # REQUEST, CANCEL, PUBLISH, REPLY, "" when absent
    uid: str
    sequence: int
    start: datetime | None  # always timezone-aware
    end: datetime | None
    tzid: str  # the TZID the event was written in, "" for UTC/floating
    summary: str
    description: str
    location: str
    organizer: Address | None
    attendees: tuple[Attendee, ...]
    status: str  # CONFIRMED, TENTATIVE, CANCELLED, ""

    @property
    def cancelled(self) -> bool:
        return self.method == "CANCEL" or self.status == "CANCELLED"


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class Forwarded:
    """A message forwarded inside another one (inline '---------- Forwarded message' block)."""

    sender: Address | None
    date: datetime | None
    subject: str
    to: tuple[Address, ...]
    text: str  # the forwarded message's own text


@dataclass(frozen=True)
class Message:
    """A parsed RFC 822 message. Built by ``domain.parse.parse``; never raises on bad mail."""

    message_id: str  # without angle brackets; synthesised from a content hash when missing
    date: datetime | None  # timezone-aware, None when missing or unparsable
    sender: Address | None  # From
    reply_to: tuple[Address, ...]
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    subject: str  # decoded (RFC 2047), whitespace-normalised
    in_reply_to: str  # message id without brackets, "" when absent
    references: tuple[str, ...]
    headers: Mapping[str, str]  # selected headers, names lower-case (auto-submitted, list-id, ...)
    text: str  # the whole readable body (text/plain preferred, else HTML turned into text)
    new_text: str  # what the author wrote in this message: no quotes, no signature, no forwarded blocks
    quoted_text: str  # quoted replies ("> ...", "On ... wrote:", Outlook "From:/Sent:" history)
    signature: str
    forwarded: tuple[Forwarded, ...]
    calendar: tuple[CalendarEvent, ...]
    attachments: tuple[Attachment, ...]
    size: int
    defects: tuple[str, ...] = ()  # what could not be read, in words
    truncated: bool = False  # only headers were fetched (over the size cap)


@dataclass(frozen=True)
class Person:
    name: str
    email: str  # lower-case, "" when unknown


@dataclass(frozen=True)
class Reading:
    """What the product reads from one message: its kind and the facts it carries."""

    kind: Kind
    confidence: float  # 0..1: how sure the classifier is of ``kind``
    evidence: tuple[str, ...]  # phrases / headers / calendar facts that decided it
    company: str = ""
    role: str = ""
    interview_start: datetime | None = None
    interview_end: datetime | None = None
    interview_tz: str = ""
    interviewers: tuple[Person, ...] = ()
    decision_expected_by: date | None = None
    promise: bool = False  # a decision promise was made (with or without a date)
    request_deadline: date | None = None  # for action_request
    calendar_uid: str = ""
    calendar_sequence: int = 0
    from_user: bool = False  # written by the mailbox owner
    automated: bool = False  # robot sender: no-reply, ATS, scheduler, auto-reply, survey
    company_domain: str = ""  # the employer's own mail domain when known (never an ATS's)
    notes: tuple[str, ...] = ()  # degradations, uncertainties


@dataclass(frozen=True)
class Signal:
    """One message as the tracker sees it: its headers and its reading. This is what the store keeps."""

    ref: str  # backend-stable id of the message, e.g. "imap:INBOX:17:42" or "gmail:18c..."
    account: str
    folder: str  # "inbox" | "sent"
    message_id: str
    thread_id: str  # backend thread id ("" on IMAP without X-GM-EXT-1)
    in_reply_to: str
    references: tuple[str, ...]
    date: datetime  # aware; falls back to the internal date when the header is missing
    sender: Address
    reply_to: tuple[Address, ...]
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    subject: str
    reading: Reading
    keywords: frozenset[str] = field(default_factory=frozenset)  # IMAP keywords / Gmail labels

    @property
    def kind(self) -> Kind:
        return self.reading.kind


@dataclass(frozen=True)
class Identity:
    name: str
    addresses: tuple[str, ...]  # lower-case
    timezone: str  # IANA name

    def is_user(self, email: str) -> bool:
        return email.lower() in self.addresses


@dataclass(frozen=True)
class Interview:
    start: datetime
    end: datetime
    interviewers: tuple[Person, ...]  # with or without address
    arranger: Address | None  # the human who arranged it (recruiter), when known
    calendar_uid: str
    source_message_id: str  # the message that fixed (or last moved) this slot


@dataclass(frozen=True)
class Process:
    """One hiring process (a company and a role), derived from its signals. Pure value."""

    id: str  # stable: slug of company + short hash of the first message's id
    company: str
    role: str
    stage: Stage
    signals: tuple[Signal, ...]  # in date order
    interviews: tuple[Interview, ...]  # in start order, cancelled/moved slots removed
    contacts: tuple[Person, ...]  # human employer correspondents and interviewers
    decision_expected_by: date | None
    decision_promised: bool  # a promise is awaited (dated or not)
    thank_you_sent: bool
    follow_ups_sent: int
    last_employer_human: Signal | None  # the employer's latest human message (Reply-To behind robots)
    last_employer: Signal | None  # the employer's latest message of any sort
    muted: bool = False
    confidence: float = 1.0  # the weakest judgement behind it
    review: tuple[str, ...] = ()  # what the user should check


@dataclass(frozen=True)
class Action:
    """Something followup will do (or is waiting to do) for a process."""

    kind: ActionKind
    process_id: str
    key: str  # stable idempotency key: same key never drafted twice
    due_at: datetime
    to: tuple[Address, ...]  # empty when no human recipient is known
    reason: str  # why it is due, in words
    reply_to: Signal | None = None  # the employer message the draft answers (threading)
    interview: Interview | None = None
    interviewer: Person | None = None  # thank-you addressee
    blocked: str = ""  # why it cannot be drafted (e.g. "no human address known"), "" when it can
    closes_at: datetime | None = None  # after this the action is pointless (thank-you window)
