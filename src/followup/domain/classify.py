"""Read one message: its kind, the facts it carries, and the evidence that decided it.

``read(message, user) -> Reading`` is pure, fast and never raises. Rules decide, in this order:

1. Who wrote it (``senders``): the user's own mail is a thank-you, a follow-up inquiry, a withdrawal
   or ``other``; auto-replies and bulk mail are ``other``.
2. Is it about a job at all: hiring cues (application, role, interview, candidate, ...) against
   look-alike cues (job alerts, agencies, visa / research / podcast "interviews", card or rental
   "applications", webinars, receipts, ...). Without hiring context the message is ``other``.
3. Which hiring kind: each kind's cue table is scored on the new text (never quoted history) and the
   subject; decisive kinds (offer, rejection, withdrawal) outrank scheduling, which outranks acks
   and promises. A calendar invitation is an interview only with hiring context.
4. Facts: company, role, interview slot, interviewers, decision date, request deadline (dates and
   people come from ``followup.domain.dates`` / ``people`` when present).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache

from followup.domain import company as co
from followup.domain import rules as R
from followup.domain.model import Address, CalendarEvent, Identity, Kind, Message, Person, Reading
from followup.domain.role import find_role
from followup.domain.senders import SenderFacts, analyse, employer_domain, human_name_of, is_freemail

try:  # C2's extractors; the classifier still decides kinds without them
    from followup.domain import dates as _dates
except Exception:  # pragma: no cover - absent while the module is being written
    _dates = None  # type: ignore[assignment]
try:
    from followup.domain import people as _people
except Exception:  # pragma: no cover
    _people = None  # type: ignore[assignment]

_FWD_SUBJECT = re.compile(r"^(?:\s*(?:fwd?|wg|tr|rv)\s*:\s*)+", re.I)
_RE_SUBJECT = re.compile(r"^(?:\s*(?:re|aw|sv|antw|réf|rif)\s*:\s*)+", re.I)
# A clock time next to a day: enough to tell "a fixed time" from "let's find a time" when the date
# extractor is absent or declines; the slot itself always comes from ``dates``.
_CLOCK = re.compile(
    r"\b(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\b(?:[01]?\d|2[0-3]):[0-5]\d\b"
    r"|\b(?:[01]?\d|2[0-3])\s*(?:uhr|h)\b|\bnoon\b",
    re.I,
)
_AT_HOUR = re.compile(r"\b(?:at|um|à|a las|om|by|from|ab)\s+\d{1,2}\b|\b\d{1,2}h\d{2}\b", re.I)
_CONDITIONAL = re.compile(
    r"(?:^|(?<=[.!?\n]))[^.!?\n]*\b(?:if|should (?:your|you|there|we)|in case|whether)\b[^.!?\n]*"
    r"\b(?:we|i|someone|a recruiter)\b[^.!?\n]*(?:will|'ll|would)\b[^.!?\n]*[.!?]?",
    re.I,
)
_DAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:montag|dienstag|mittwoch|donnerstag|freitag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|lunes|martes|miércoles|jueves|viernes)\b|\btomorrow\b|\bmorgen\b"
    r"|\b\d{1,2}[./]\d{1,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\.? (?:jan|feb|m[äa]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])",
    re.I,
)


@dataclass(frozen=True)
class _View:
    """The content the kind is read from: the message itself, or the hiring mail it forwards."""

    subject: str
    text: str  # subject + new text (+ forwarded text) + calendar summary: for hiring context
    kind_text: str  # the same without a reply's inherited subject: for the kind
    body: str  # new text (+ forwarded text), no subject
    sender_email: str
    sender_name: str
    forwarded: bool


def read(message: Message, user: Identity) -> Reading:
    """What the product reads from one message. Pure; never raises (a failure reads as ``other``)."""
    try:
        return _read(message, user)
    except Exception as exc:  # noqa: BLE001 - the contract is: never raise on any mail
        return Reading(
            kind=Kind.OTHER,
            confidence=0.0,
            evidence=(),
            notes=(f"classifier failed: {type(exc).__name__}",),
        )


_BODY_CAP = 6000  # characters of new text the classifier reads


def _view(message: Message, facts: SenderFacts) -> _View:
    subject = message.subject or ""
    # what a person writes about a hiring step fits in the first few KB; reading no further keeps long
    # newsletters and pasted documents from costing more than the mail that matters
    body = (message.new_text or ("" if message.quoted_text else message.text))[:_BODY_CAP]
    sender = message.sender
    s_email, s_name = (sender.email, sender.name) if sender else ("", "")
    forwarded = False
    if message.forwarded:
        fw = message.forwarded[0]
        personal = not sender or facts.from_user or is_freemail(sender.email.rpartition("@")[2])
        if fw.sender is not None and (personal or len(body.strip()) < 200):
            forwarded = True
            subject = fw.subject or _FWD_SUBJECT.sub("", subject)
            body = body + "\n" + fw.text[:_BODY_CAP]
            s_email, s_name = fw.sender.email, fw.sender.name
    cal = " ".join(f"{e.summary}\n{e.description}" for e in message.calendar)
    bare = _RE_SUBJECT.sub("", _FWD_SUBJECT.sub("", subject))
    text = f"{bare}\n{body}\n{cal}"
    own_subject = "" if _RE_SUBJECT.match(subject) else bare
    kind_text = f"{own_subject}\n{body}\n{cal}"
    return _View(subject, text, kind_text, body, s_email, s_name, forwarded)


# Word stems without which no message is hiring mail, in the languages the rules read. A gate, not a
# judgement: a message that has one of them is read in full; one that has none (receipts, chats,
# shipping notices) is `other` at once. Deliberately broad: a false "maybe" costs time, a false "no"
# would cost a draft. Words are checked by prefix (a large case-insensitive regex alternation was slower
# than the whole rest of the classifier).
_CUE_STEMS = tuple(
    """interv applica apply applie candida position role job career recruit hiring hire offer talent vacan
    opening opportunit onsite screen panel referee reference assessment assignment decision feedback
    schedul calendar availab slot zoom teams call thank regret unfortunately compensation salary contract
    resume résumé cv portfolio hr bewerb stelle gespräch gesprach termin vorstell angebot zusage absage
    vertrag einladung leider kandidat lebenslauf personal poste entretien offre recrut rendez puesto
    entrevista oferta vacante proceso selecci sollicit vacature gesprek functie aanbod kandidaat
    helaas round book invit shortlist select progress stage process step congrat welcome docusign
    reject declin withdr hold filled onboard background headcount requisition proces prozess zeugnis arbeitszeug
    gehalt eintritt unterlagen besluit beslis uitnodig bewor postul
    colloqu selezion posizion referen candidat vaga riscontr entrevist contrata assunz""".split()
)
_CUE_HEADS = frozenset(stem[:2] for stem in _CUE_STEMS)
_CUE_PHRASES = (
    "next step",
    "time slot",
    "moving forward",
    "start date",
    "meet with",
    "meet the",
    "google meet",
    "people team",
    "take-home",
    "take home",
    "on-site",
)
_WORD = re.compile(r"\w+")


def _no_hiring_cue(message: Message, facts: SenderFacts) -> bool:
    if facts.from_user or facts.ats or facts.auto_reply or message.calendar or message.forwarded:
        return False
    names = " ".join(a.filename for a in message.attachments)
    text = f"{message.subject}\n{names}\n{(message.new_text or message.text)[:_BODY_CAP]}".lower()
    if any(p in text for p in _CUE_PHRASES):
        return False
    return not any(w[:2] in _CUE_HEADS and w.startswith(_CUE_STEMS) for w in _WORD.findall(text))


def _read(message: Message, user: Identity) -> Reading:
    facts = analyse(message, user)
    if _no_hiring_cue(message, facts):
        return Reading(
            kind=Kind.OTHER, confidence=0.95, evidence=("no hiring word at all",), automated=facts.automated
        )
    view = _view(message, facts)
    from_user = facts.from_user and not view.forwarded
    ev: list[str] = list(facts.evidence)
    if view.forwarded:
        ev.append(f"forward of mail from {view.sender_email}")
    text = R.Text.of(view.text)
    hiring, _ = R.score(text, R.HIRING)
    quoted, _ = R.score(R.Text.of(message.quoted_text[:1200]), R.HIRING)
    hiring += min(quoted, 2.0) / 2
    if facts.ats:
        hiring += 1.0
    named_role = find_role(view.subject, view.body)
    if named_role:
        hiring += 1.5
    if facts.bulk and not (hiring or from_user or message.calendar or facts.auto_reply or view.forwarded):
        # list mail with no hiring word, role, ATS or calendar anywhere: most mail ends here, cheaply
        ev.append("no hiring vocabulary")
        return Reading(
            kind=Kind.OTHER, confidence=0.9, evidence=tuple(dict.fromkeys(ev)), automated=facts.automated
        )
    looks, l_ev = R.score(text, R.LOOKALIKE)
    board, b_ev = R.score(text, R.JOBBOARD)
    if facts.bulk:
        board += 1.0

    if from_user:
        kind, conf, k_ev = _user_kind(view, hiring, message, user)
    elif facts.auto_reply:
        kind, conf, k_ev = Kind.OTHER, 0.95, ("auto-reply",)
    else:
        kind, conf, k_ev = _employer_kind(view, message, hiring, looks, l_ev, board, b_ev, user.timezone)
    ev.extend(k_ev)

    after_interview = bool(k_ev) and k_ev[0].startswith("note after an interview")
    related = (
        kind is not Kind.OTHER
        or after_interview
        or (hiring >= 2.0 and max(looks, board) < 3.0)
        or (facts.auto_reply and hiring >= 1.0)
    )
    if from_user and kind is Kind.OTHER:
        related = hiring >= 1.0 or bool(_recipient_domain(message, user))
    reading = Reading(
        kind=kind,
        confidence=round(conf, 2),
        evidence=tuple(dict.fromkeys(ev)),
        from_user=from_user,
        automated=facts.automated and not view.forwarded,
    )
    if not related:
        return reading
    dom = _employer_domain(message, user, facts, view)
    name = _company(message, facts, view, dom, from_user)
    role = find_role(view.subject, view.body, name) if named_role else ""
    reading = replace(reading, company=name, company_domain=dom, role=role)
    return _facts(reading, message, user, view, dom)


# --- kinds ------------------------------------------------------------------------------------------


def _user_kind(
    view: _View, hiring: float, message: Message, user: Identity
) -> tuple[Kind, float, tuple[str, ...]]:
    # a reply's subject is the employer's words ("Re: Thanks for interviewing"), not the user's
    own_subject = "" if _RE_SUBJECT.match(view.subject) else view.subject
    body = R.Text.of(f"{own_subject}\n{view.body}")
    wd, wd_ev = R.score(body, R.USER_WITHDRAW)
    if wd >= 4 and (hiring >= 1 or _recipient_domain(message, user)):
        return Kind.WITHDRAWN, 0.85, wd_ev
    ty, ty_ev = R.score(body, R.USER_THANKS)
    fu, fu_ev = R.score(body, R.USER_FOLLOW_UP)
    context = hiring >= 1 or bool(_recipient_domain(message, user))
    if not context:
        return Kind.OTHER, 0.7, ("no hiring context in the user's mail",)
    if fu >= 3 and fu >= ty:
        return Kind.USER_FOLLOW_UP, 0.6 + min(fu, 6) / 15, fu_ev
    if ty >= 3:
        return Kind.USER_THANK_YOU, 0.55 + min(ty, 6) / 15, ty_ev
    if fu >= 3:
        return Kind.USER_FOLLOW_UP, 0.6, fu_ev
    return Kind.OTHER, 0.75 if ty < 1.5 else 0.55, ("the user's mail is neither a thank-you nor an inquiry",)


def _employer_kind(
    view: _View,
    message: Message,
    hiring: float,
    looks: float,
    l_ev: tuple[str, ...],
    board: float,
    b_ev: tuple[str, ...],
    user_tz: str = "",
) -> tuple[Kind, float, tuple[str, ...]]:
    text = R.Text.of(view.kind_text)
    firm = R.Text.of(_CONDITIONAL.sub(" ", view.kind_text))
    tables = {
        "offer": R.OFFER,
        "rejection": R.REJECTION,
        "withdrawn": R.WITHDRAWN,
        "reschedule": R.RESCHEDULE,
        "confirm": R.CONFIRM,
        "proposal": R.PROPOSAL,
        "invite": R.INVITE,
        "next": R.NEXT_ROUND,
        "action": R.ACTION,
        "ack": R.ACK,
        "promise": R.PROMISE,
        "coming": R.COMING_IN,
    }
    sc: dict[str, tuple[float, tuple[str, ...]]] = {}  # scored on first use: most mail decides early

    def get(name: str) -> tuple[float, tuple[str, ...]]:
        if name not in sc:
            # "if there's a fit, we will contact you to arrange a call" asks nothing yet
            source = firm if name in ("invite", "next", "proposal") else text
            sc[name] = R.score(source, tables[name])
        return sc[name]

    def s(name: str) -> float:
        return get(name)[0]

    def e(name: str) -> tuple[str, ...]:
        return get(name)[1]

    strongest = max(s("offer"), s("rejection"), s("withdrawn"))
    if strongest >= 3.5 or s("ack") >= 3 or s("action") >= 3.5:
        hiring += 1.0
    if hiring < 1.0:
        return Kind.OTHER, 0.8, ("no hiring context",)
    if looks >= 3.0 and not (strongest >= 4 and hiring >= 3 and looks < 4):
        return Kind.OTHER, min(0.95, 0.6 + looks / 20), ("look-alike: " + "; ".join(l_ev),)
    if board >= 3.0 and not ((strongest >= 4 or s("ack") >= 3) and hiring >= 3):
        return Kind.OTHER, min(0.95, 0.6 + board / 20), ("job board / bulk mail: " + "; ".join(b_ev),)
    looks = max(looks, board)

    margin = hiring - looks
    base = 0.55 + min(max(margin, 0.0), 4.0) / 10  # 0.55 .. 0.95

    def conf(score: float, threshold: float) -> float:
        return min(0.98, base + min(score - threshold, 4.0) / 20)

    if s("withdrawn") >= 4 and s("withdrawn") > s("rejection"):
        return Kind.WITHDRAWN, conf(s("withdrawn"), 4), e("withdrawn")
    if s("rejection") >= 4 and s("rejection") >= s("offer"):
        return Kind.REJECTION, conf(s("rejection"), 4), e("rejection")
    if s("offer") >= 3.5:
        return Kind.OFFER, conf(s("offer"), 3.5), e("offer")
    if s("withdrawn") >= 4:
        return Kind.WITHDRAWN, conf(s("withdrawn"), 4), e("withdrawn")

    events = [c for c in message.calendar if c.start is not None or c.cancelled]
    if events:
        ev = events[0]
        cal_fact = (
            f"calendar {ev.method or 'event'} {ev.start:%Y-%m-%d %H:%M}" if ev.start else "calendar CANCEL"
        )
        if ev.cancelled:
            return Kind.RESCHEDULE, conf(3, 3), (cal_fact, "event cancelled")
        if s("reschedule") >= 3 or ev.sequence > 0 and s("reschedule") >= 2:
            return Kind.RESCHEDULE, conf(s("reschedule"), 3), (cal_fact, *e("reschedule"))
        return Kind.INTERVIEW_CONFIRMED, conf(3 + min(hiring, 4) / 2, 3), (cal_fact, *h_short(text))

    slot = _fixed_time(view.body, message, user_tz)
    if s("reschedule") >= 3:
        return Kind.RESCHEDULE, conf(s("reschedule"), 3), e("reschedule")
    options = sum(1 for line in view.body.splitlines() if _CLOCK.search(line) and _DAY.search(line))
    proposing = (
        s("proposal") >= 3
        or (s("invite") >= 2.5 and options >= 2)
        or _asked_time(view.body)
        and s("confirm") < 2.5
    )
    # a time beside a test or a document request is its deadline ("complete it by April 15, 23:59"), not a meeting
    deadline = s("action") >= 3.5 and s("confirm") < 2.5 and s("action") > s("invite")
    if slot and not proposing and not deadline:
        return Kind.INTERVIEW_CONFIRMED, conf(2.5 + s("confirm") / 2, 2.5), (*e("confirm"), slot)
    if s("action") >= 3.5 and s("action") >= s("invite"):
        return Kind.ACTION_REQUEST, conf(s("action"), 3.5), e("action")
    if s("next") >= 3 and not (s("promise") >= 3 and s("invite") + s("proposal") < 2 and s("next") < 6):
        return Kind.NEXT_ROUND, conf(s("next"), 3), e("next")
    if s("invite") + s("proposal") >= 2.5:
        return Kind.INTERVIEW_INVITE, conf(s("invite") + s("proposal"), 2.5), e("invite") + e("proposal")
    if s("ack") >= 3:
        return Kind.APPLICATION_ACK, conf(s("ack"), 3), e("ack")
    promise = s("promise")
    if promise >= 3 or (promise >= 1.5 and _decision_date(view.body, message, user_tz) is not None):
        return Kind.DECISION_TIMELINE, conf(promise, 3), e("promise")
    if s("coming"):
        return Kind.OTHER, 0.75, ("note after an interview without a promise", *e("coming"))
    return Kind.OTHER, 0.6, ("no kind's cues were strong enough",)


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]|$)", re.M)
# a reschedule notice's line for the slot it replaces ("Former: Thursday, May 14, 3:00pm")
_OLD_SLOT = re.compile(
    r"(?im)^[ \t]*(?:former|previous|old|original(?:ly)?|was|alter termin|bisher|ancien(?:ne)?|anterior|oud)\b[^\n]*$"
)


def _asked_time(body: str) -> bool:
    """A day and a clock time inside a question ("Would Tuesday at 10am or Wednesday at 3pm work?"): proposed."""
    for m in _SENTENCE.finditer(body[:3000]):
        sent = m.group(0)
        if sent.endswith("?") and _CLOCK.search(sent) and _DAY.search(sent):
            return True
    return False


def h_short(text: R.Text) -> tuple[str, ...]:
    return R.score(text, R.HIRING, limit=2)[1]


# --- facts --------------------------------------------------------------------------------------


def _fixed_time(text: str, message: Message, user_tz: str = "") -> str:
    """Evidence of a fixed interview time in the text ("" when none): the extractor's, else day + clock."""
    if not (_CLOCK.search(text) or _AT_HOUR.search(text)):
        return ""  # no time of day written: the slot extractor (the costly part) has nothing to find
    found = _interview_time(text, message, user_tz)
    if found is not None:
        return f"time: {getattr(found, 'evidence', '') or getattr(found, 'start', '')}"
    for line in text.splitlines():
        clock = _CLOCK.search(line)
        if clock and _DAY.search(line):
            return f'time: "{line.strip()[:60]}"'
    clock = _CLOCK.search(text)
    if clock and _DAY.search(text[max(0, clock.start() - 120) : clock.end() + 60]):
        return f'time: "{clock.group(0)}"'
    return ""


def _interview_time(text: str, message: Message, user_tz: str = "") -> object | None:
    if _dates is None or message.date is None:
        return None
    return _slot_cached(text, message.date, user_tz)


def _decision_date(text: str, message: Message, user_tz: str = "") -> object | None:
    if _dates is None or message.date is None:
        return None
    return _promise_cached(text, message.date, user_tz)


# The kind rules and the fact extraction ask the same question of the same text: answer it once.
@lru_cache(maxsize=32)
def _slot_cached(text: str, sent: datetime, user_tz: str) -> object | None:
    try:
        return _dates.find_interview_time(text, sent, user_tz)
    except Exception:  # noqa: BLE001 - a date bug must not break classification
        return None


@lru_cache(maxsize=32)
def _promise_cached(text: str, sent: datetime, user_tz: str) -> object | None:
    try:
        return _dates.find_decision_date(text, sent, user_tz)
    except Exception:  # noqa: BLE001
        return None


def _recipient_domain(message: Message, user: Identity) -> str:
    for a in (*message.to, *message.cc):
        if user.is_user(a.email):
            continue
        d = employer_domain(a.email)
        if d:
            return d
    return ""


def _employer_domain(message: Message, user: Identity, facts: SenderFacts, view: _View) -> str:
    if view.forwarded:
        return employer_domain(view.sender_email)
    if facts.from_user:
        return _recipient_domain(message, user)
    return facts.employer_domain


def _company(message: Message, facts: SenderFacts, view: _View, dom: str, from_user: bool) -> str:
    sig = message.signature
    texts = [view.subject, view.body, sig]
    if from_user:
        texts.append(message.quoted_text[:4000])
    if dom:
        named = co.match_domain(dom, texts)
        if named:
            return named
    candidates: list[str] = []
    if not from_user and not view.forwarded and message.sender is not None:
        human = facts.human.name if facts.human else human_name_of(message.sender.name)
        candidates.append(co.from_display_name(message.sender.name, human, f"{view.body}\n{sig}"))
    if not from_user:
        candidates.append(co.from_patterns(view.subject, f"{view.body}\n{sig}"))
    for named in candidates:
        if named and (not dom or _plausible(named, dom)):
            return named
    return co.from_domain(dom, texts) if dom else ""


def _plausible(name: str, dom: str) -> bool:
    key, lab = co.company_key(name), re.sub(r"[^0-9a-z]", "", co.domain_label(dom))
    return bool(key) and (key.startswith(lab[:4]) or lab.startswith(key[:4]))


def _facts(reading: Reading, message: Message, user: Identity, view: _View, dom: str) -> Reading:
    kind = reading.kind
    notes: list[str] = []
    if kind in (Kind.INTERVIEW_CONFIRMED, Kind.RESCHEDULE):
        event = next((c for c in message.calendar if c.start is not None and not c.cancelled), None)
        slot = None
        if event is not None and _all_day(event):
            # an all-day hold says the day, not the hour: the hour written in the text wins when there is one
            slot = _interview_time(view.body, message, user.timezone)
            if slot is not None and getattr(slot, "start", None) is not None:
                reading = replace(
                    reading,
                    interview_start=getattr(slot, "start", None),
                    interview_end=getattr(slot, "end", None),
                    interview_tz=getattr(slot, "tz", ""),
                    calendar_uid=event.uid,
                    calendar_sequence=event.sequence,
                    interviewers=_cal_people(event, user),
                    evidence=(*reading.evidence, "all-day calendar hold; time from the text")[:8],
                )
            else:
                slot = None
        if event is not None and slot is None:
            reading = replace(
                reading,
                interview_start=event.start,
                interview_end=event.end,
                interview_tz=event.tzid,
                calendar_uid=event.uid,
                calendar_sequence=event.sequence,
                interviewers=_cal_people(event, user, view),
            )
        elif event is None:
            body = _OLD_SLOT.sub("", view.body) if kind is Kind.RESCHEDULE else view.body
            slot = _interview_time(body, message, user.timezone)
            if slot is not None:
                reading = replace(
                    reading,
                    interview_start=getattr(slot, "start", None),
                    interview_end=getattr(slot, "end", None),
                    interview_tz=getattr(slot, "tz", ""),
                    evidence=(*reading.evidence, str(getattr(slot, "evidence", "")))[:8],
                )
            elif kind is Kind.INTERVIEW_CONFIRMED:
                notes.append("interview time not found in the text")
            reading = replace(reading, interviewers=_text_people(view, message, dom, user))
    cancelled = next((c for c in message.calendar if c.cancelled), None)
    if cancelled is not None:
        reading = replace(reading, calendar_uid=cancelled.uid, calendar_sequence=cancelled.sequence)
    if kind is Kind.DECISION_TIMELINE:
        found = _decision_date(view.body, message, user.timezone)
        when = getattr(found, "date", None) if found is not None else None
        reading = replace(
            reading, promise=True, decision_expected_by=when if isinstance(when, date) else None
        )
        said = str(getattr(found, "evidence", "") or "")
        if said:
            reading = replace(reading, evidence=(*reading.evidence, said))
    if kind is Kind.ACTION_REQUEST and _dates is not None and message.date is not None:
        try:
            reading = replace(reading, request_deadline=_dates.find_deadline(view.body, message.date))
        except Exception:  # noqa: BLE001
            notes.append("deadline unreadable")
    if notes:
        reading = replace(reading, notes=(*reading.notes, *notes))
    return reading


def _organizer_joins(
    event: CalendarEvent, found: tuple[Person, ...], view: _View | None
) -> tuple[Person, ...]:
    """The organizer who wrote the invitation and says they take part ("Raj will join me") sits across the
    table too, not only the attendees they invited."""
    org = event.organizer
    if view is None or org is None or _people is None or not org.email:
        return ()
    email = org.email.lower()
    if email != view.sender_email.lower() or any(p.email == email for p in found):
        return ()
    if not _people.mentioned_people(view.body)[1]:
        return ()
    return (Person(_people.clean_name(org.name, email), email),)


def _all_day(event: CalendarEvent) -> bool:
    """A VALUE=DATE event (read as midnight UTC, no TZID, whole days long)."""
    start, end = event.start, event.end
    if start is None or event.tzid or start.utcoffset() or (start.hour, start.minute) != (0, 0):
        return False
    return end is None or ((end - start).total_seconds() % 86400 == 0 and end > start)


def _cal_people(event: CalendarEvent, user: Identity, view: _View | None = None) -> tuple[Person, ...]:
    if _people is not None:
        try:
            found = tuple(_people.interviewers_from_calendar(event, user))
            return found + _organizer_joins(event, found, view)
        except Exception:  # noqa: BLE001
            pass
    org = event.organizer.email if event.organizer else ""
    out = []
    for a in event.attendees:
        if (
            user.is_user(a.email)
            or a.cutype in ("ROOM", "RESOURCE")
            or a.email == org
            or "resource" in a.email
        ):
            continue
        out.append(Person(a.name if a.name != a.email else "", a.email.lower()))
    return tuple(out)


def _text_people(view: _View, message: Message, dom: str, user: Identity) -> tuple[Person, ...]:
    """Interviewers named in the text; the writer too when they say they take part ("und ich",
    "you'll meet Dana and me"), the writer of a forwarded invite being the one who speaks."""
    if _people is None:
        return ()
    sender = Address(view.sender_name, view.sender_email) if view.sender_email else None
    known: list[Address] = [*message.to, *message.cc]
    if view.forwarded and message.forwarded:
        known.extend(message.forwarded[0].to)
    if message.sender is not None:
        known.append(message.sender)
    try:
        return tuple(_people.interviewers_from_text(view.body, dom, user, sender=sender, known=tuple(known)))
    except Exception:  # noqa: BLE001
        return ()
