"""Who the interviewers are: from a calendar event's attendees, or from the words of a message.

Calendar: attendees minus the user, rooms and resources (CUTYPE ROOM/RESOURCE/GROUP, room-like
names, resource.calendar.google.com), NON-PARTICIPANTs and robot or team addresses. The organizer
counts when they attend too, or when nobody else but the user is invited (a one-to-one set up by
the interviewer); a recruiter who only organizes is left out.

Text: "Interviewer: Devin Osei, Director…", "you'll meet Priya Nair (priya.nair@x.com) and Tom
Lee", "Ihre Gesprächspartner sind Łukasz Nowak (…) und ich", "Noor's email is noor@…". Names are
joined to addresses written beside them, to "X's email is …", or to known addresses (To/Cc) whose
local part fits the name. "and me" / "und ich" / "I'll call you" add the sender. People the text says are only copied ("I've copied
Hollis") are not interviewers; neither is a writer who only collects the candidate at reception.

``interviewers_for_invite(event, user, text, writer)`` joins both for a calendar invitation and its covering
text (copied attendees out, an organizer who writes that they take part in).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from followup.domain.dates_words import fold
from followup.domain.model import Address, CalendarEvent, Identity, Person
from followup.domain.people_text import (
    copied_people,
    fetchers,
    mentioned_people,
    named_in,
    writer_joins,
)

_ROOM_NAME = re.compile(
    r"\b(?:room|rooms|conf(?:erence)?|meeting ?room|boardroom|huddle|auditorium|raum|besprechungsraum"
    r"|salle|sala|floor|etage|stock|lobby|kitchen|phone booth)\b|\(\d{1,3}\)\s*$",
    re.I,
)
_ROBOT_LOCAL = re.compile(
    r"^(?:no-?reply|do-?not-?reply|donotreply|notifications?|notify|calendar|scheduling|scheduler|invites?"
    r"|recruiting|recruitment|talent|careers?|jobs|hiring|hr|people|interviews?|mailer|bounce|bot|robot"
    r"|team|info|hello|support|admin|office|bewerbung(?:en)?|karriere|personal|rh|recrutement)(?:[+._-].*)?$",
    re.I,
)
_ROBOT_DOMAINS = (
    "resource.calendar.google.com", "group.calendar.google.com", "greenhouse.io", "lever.co", "hire.lever.co",
    "ashbyhq.com", "myworkday.com", "workday.com", "smartrecruiters.com", "icims.com", "jobvite.com",
    "calendly.com", "goodtime.io", "modernloop.io", "docusign.net", "gem.com", "workable.com",
    "recruitee.com", "personio.de", "teamtailor.com", "bamboohr.com", "rippling.com", "linkedin.com",
    "paradox.ai", "hirevue.com", "modernhire.com", "calendar.app.google", "zoom.us", "indeed.com",
    "ziprecruiter.com", "wellfound.com", "join.com", "gupy.io", "breezy.hr", "pinpointhq.com",
)  # fmt: skip


def is_robot_or_team(email: str) -> bool:
    """A no-reply, ATS, scheduler, calendar-resource or team mailbox: never one person."""
    local, _, domain = email.lower().partition("@")
    if any(domain == d or domain.endswith("." + d) for d in _ROBOT_DOMAINS):
        return True
    return bool(_ROBOT_LOCAL.match(local)) or "resource" in local or local.startswith("room")


def clean_name(name: str, email: str = "") -> str:
    """'Nwosu, Priscilla' -> 'Priscilla Nwosu'; '박선희 (Sun-hee Park)' -> 'Sun-hee Park'; an address as
    a name -> ''."""
    name = " ".join(name.replace('"', "").split())
    if not name or "@" in name or (email and name.lower() == email.lower()):
        return ""
    if m := re.fullmatch(r"[^()]*\(([A-Za-zÀ-ɏ' .-]+)\)", name):
        if not name.isascii():
            name = m.group(1).strip()
    if m := re.fullmatch(r"([^,]+),\s*([^,]+)", name):
        if len(m.group(1).split()) <= 2 and len(m.group(2).split()) <= 2:
            name = f"{m.group(2)} {m.group(1)}"
    return name


def _is_room(name: str, email: str, cutype: str) -> bool:
    if cutype.upper() in ("ROOM", "RESOURCE", "GROUP", "UNKNOWN"):
        return True
    return bool(_ROOM_NAME.search(name)) or "resource.calendar" in email


def _copied_outsider(role: str, email: str, organizer: str) -> bool:
    """An optional guest from another organisation than the organizer's (an agency recruiter kept in the
    loop) is copied on the slot, not across the table."""
    if role.upper() != "OPT-PARTICIPANT" or "@" not in organizer:
        return False
    return email.rpartition("@")[2] != organizer.rpartition("@")[2]


def interviewers_from_calendar(event: CalendarEvent, user: Identity) -> tuple[Person, ...]:
    """The people an invitation puts across the table from the user."""
    people: list[Person] = []
    seen: set[str] = set()
    organizer = event.organizer.email.lower() if event.organizer else ""
    for a in event.attendees:
        email = a.email.lower()
        if not email or user.is_user(email) or email in seen:
            continue
        if (
            a.role.upper() == "NON-PARTICIPANT"
            or _is_room(a.name, email, a.cutype)
            or is_robot_or_team(email)
            or _copied_outsider(a.role, email, organizer)
        ):
            continue
        seen.add(email)
        people.append(Person(clean_name(a.name, email), email))
    # calendars list the organizer among the guests: beside other people, the one who arranged the
    # slot only schedules it (``classify`` adds them back when their own text says they take part), unless
    # the event's own description names them among the people met ("Interview with Hannah Okafor and
    # Oliver Pryce")
    if organizer and len(people) > 1 and not _described_as_met(event, organizer):
        people = [p for p in people if p.email != organizer]
    if not people and organizer and not user.is_user(organizer) and not is_robot_or_team(organizer):
        assert event.organizer is not None
        people.append(Person(clean_name(event.organizer.name, organizer), organizer))
    return tuple(people)


def _described_as_met(event: CalendarEvent, organizer: str) -> bool:
    text = event.description or ""
    if not text.strip() or event.organizer is None:
        return False
    names, _ = mentioned_people(text)
    org_name = fold(clean_name(event.organizer.name, organizer))
    return any((e and e.lower() == organizer) or (org_name and fold(n) == org_name) for n, e in names)


def organizer_takes_part(text: str) -> bool:
    """The invitation's covering text, written by its organizer, says they sit across the table: "Raj and I",
    "you'll meet Dana and me", "looking forward to talking through the role with you", "you'll be speaking with
    me", "parteciperemo io e…", "oraz ja" — and not only that they collect the candidate at reception."""
    return writer_joins(text)


def _met_with(name: str, text: str) -> bool:
    """The text names ``name`` in full among the people the candidate meets ("with Hannah Okafor and
    Oliver Pryce"): someone who also collects the candidate at reception still interviews."""
    if " " not in name.strip():
        return False
    pattern = r"\b(?:with|mit|avec|con|met|com|med)\b[^.\n]{0,160}?" + re.escape(name.strip())
    return re.search(pattern, " ".join(text.split()), re.IGNORECASE) is not None


def interviewers_for_invite(
    event: CalendarEvent, user: Identity, text: str = "", writer: str = ""
) -> tuple[Person, ...]:
    """The interviewers of a calendar invitation read with the text that carries it (``text``: the mail's new
    text; ``writer``: its From address). Attendees the text says are only copied ("I've copied Hollis in case
    anything changes", "cc'ing Sam") are left out; the organizer counts when they wrote the mail and say they
    take part (``organizer_takes_part``), even when the calendar lists only someone else. For the caller
    reading a calendar REQUEST (classify's facts); plain inputs, no message object."""
    people = list(interviewers_from_calendar(event, user))
    organizer = event.organizer.email.lower() if event.organizer and event.organizer.email else ""
    if not text:
        return tuple(people)
    copied, fetch = copied_people(text), fetchers(text)
    kept = [
        p
        for p in people
        if not named_in(p.name, p.email, copied)
        and not (named_in(p.name, p.email, fetch) and not _met_with(p.name, text))
    ]
    writer = writer.lower()
    if (
        organizer
        and organizer == writer
        and not user.is_user(organizer)
        and not is_robot_or_team(organizer)
        and organizer_takes_part(text)
        and not any(p.email == organizer for p in kept)
        and event.organizer is not None
    ):
        kept.append(Person(clean_name(event.organizer.name, organizer), organizer))
    return tuple(kept) if kept else tuple(people)


def interviewers_from_text(
    text: str,
    company_domain: str,
    user: Identity,
    sender: Address | None = None,
    known: Sequence[Address] = (),
) -> tuple[Person, ...]:
    """Interviewers the text names, with addresses where the text (or ``known`` To/Cc) gives them.

    ``company_domain`` ("" when unknown) restricts which addresses may belong to an interviewer;
    ``sender`` is returned too when the text says "and me" / "und ich" / "I'll call you".
    """
    names, sender_joins = mentioned_people(text)
    emails = _emails_in(text, company_domain, user)
    pool = list(emails) + [
        (a.name, a.email.lower())
        for a in known
        if a.email
        and not user.is_user(a.email)
        and not is_robot_or_team(a.email)
        and _domain_ok(a.email, company_domain)
    ]
    out: list[Person] = []
    seen: set[str] = set()
    for name, explicit in names:
        email = explicit.lower() if explicit else _match_email(name, pool)
        if email and (user.is_user(email) or is_robot_or_team(email)):
            email = ""
        key = email or fold(name)
        if key in seen or (user.name and fold(name) == fold(user.name)):
            continue
        seen.add(key)
        out.append(Person(name, email))
    if (
        sender_joins
        and sender is not None
        and not user.is_user(sender.email)
        and not is_robot_or_team(sender.email)
    ):
        key = sender.email.lower()
        if key not in seen and not any(p.email == "" and fold(p.name) == fold(sender.name) for p in out):
            out.append(Person(clean_name(sender.name, sender.email), key))
    return tuple(out)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _domain_ok(email: str, company_domain: str) -> bool:
    if not company_domain:
        return True
    domain = email.lower().rpartition("@")[2]
    cd = company_domain.lower()
    return domain == cd or domain.endswith("." + cd) or cd.endswith("." + domain)


def _emails_in(text: str, company_domain: str, user: Identity) -> list[tuple[str, str]]:
    out = []
    for m in _EMAIL.finditer(text):
        email = m.group().rstrip(".").lower()
        if user.is_user(email) or is_robot_or_team(email) or not _domain_ok(email, company_domain):
            continue
        out.append(("", email))
    return out


_HONORIFICS = ("dr", "prof", "mr", "ms", "mrs")


def _simplify(token: str) -> str:
    return fold(token).replace("ue", "u").replace("oe", "o").replace("ae", "a")


def _match_email(name: str, pool: list[tuple[str, str]]) -> str:
    """The address that belongs to ``name``: its display name, or a local part made of the name
    ("priya.nair", "r.ashdown", "lukasz.nowak" for "Łukasz Nowak", "noor.haddad" for "Noor")."""
    tokens = [_simplify(t) for t in re.split(r"[\s-]+", name) if t.rstrip(".").lower() not in _HONORIFICS]
    if not tokens:
        return ""
    for display, email in pool:
        if display and fold(clean_name(display)) == fold(name):
            return email
    for _, email in pool:
        local = _simplify(email.partition("@")[0])
        parts = [p for p in re.split(r"[._-]", local) if p]
        if not parts:
            continue
        if len(tokens) >= 2:
            if tokens[-1] in parts and (tokens[0] in parts or parts[0] == tokens[0][:1] or len(parts) == 1):
                return email
            if "".join(tokens) == "".join(parts):
                return email
        elif parts[0] == tokens[0]:
            return email
    return ""
