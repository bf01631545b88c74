"""Draft composition: an ``Action`` on a ``Process`` becomes the RFC 822 bytes of a personal draft.

Pure: the clock comes in as ``now``; nothing is sent or stored here. One Jinja2 template per action
kind (``<kind>.txt.j2``), looked up in the user's override directory first, then in the templates
shipped with the package. Text templates are rendered with ``autoescape`` off and ``StrictUndefined``
(a typo in a template fails loudly instead of leaving a hole in a letter); ``*.html.j2`` templates
are autoescaped.

What goes into a draft is only what the mail said or the user wrote: a detail only the user knows is
a bracketed placeholder such as ``[something specific you discussed]``, never an invented fact. Every
string taken from mail is reduced to one safe line before it reaches a header (no header injection).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime
from email import policy
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2

from followup.domain.compose_text import day_phrase, first_name, msgid_token, oneline, reply_subject
from followup.domain.model import Action, ActionKind, Address, Identity, Interview, Process

KEY_HEADER = "X-Followup-Key"
KIND_HEADER = "X-Followup-Kind"
MAX_REFERENCES = 20  # keep the References header bounded on very long threads


class Templates:
    """A Jinja2 environment over the user's override dir first, then the package's own templates."""

    def __init__(self, override_dir: Path | None = None) -> None:
        loaders: list[jinja2.BaseLoader] = []
        if override_dir is not None:
            loaders.append(jinja2.FileSystemLoader(str(override_dir)))
        loaders.append(jinja2.PackageLoader("followup", "templates"))
        self.override_dir = override_dir
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2", "html"), default=False),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["oneline"] = oneline

    def render(self, name: str, **context: Any) -> str:
        return self.env.get_template(name).render(**context)


def compose_draft(
    action: Action,
    process: Process,
    user: Identity,
    *,
    notes: Sequence[str] = (),
    now: datetime,
    templates: Templates,
) -> bytes:
    """The draft for ``action`` as RFC 822 bytes (CRLF), ready for an IMAP APPEND to Drafts.

    Raises ValueError when the action has no recipient (a blocked action is reported, not drafted),
    when ``now`` is naive, or when the user has no address.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if not action.to:
        raise ValueError(f"action {action.key} has no recipient: {action.blocked or 'no address'}")
    if not user.addresses:
        raise ValueError("the user has no address to write from")
    zone = ZoneInfo(user.timezone)
    recipient = action.to[0]
    context = draft_context(action, process, user, notes=notes, now=now)
    body = _tidy(templates.render(f"{action.kind.value}.txt.j2", **context))

    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = _header_address(user.name, user.addresses[0])
    msg["To"] = _header_address(recipient.name, recipient.email)
    msg["Subject"] = _subject(action, context)
    msg["Date"] = format_datetime(now.astimezone(zone))
    msg["Message-ID"] = _message_id(action, recipient, now, user.addresses[0])
    if action.reply_to is not None and msgid_token(action.reply_to.message_id):
        parent = f"<{msgid_token(action.reply_to.message_id)}>"
        refs = [f"<{t}>" for t in map(msgid_token, action.reply_to.references) if t]
        chain = [r for i, r in enumerate(refs + [parent]) if r not in (refs + [parent])[:i]]
        msg["In-Reply-To"] = parent
        msg["References"] = " ".join(chain[-MAX_REFERENCES:])
    msg[KIND_HEADER] = action.kind.value
    msg[KEY_HEADER] = oneline(action.key)
    msg.set_content(body, charset="utf-8", cte=_transfer_encoding(body))
    return msg.as_bytes()


def draft_key(raw: bytes) -> str | None:
    """The ``X-Followup-Key`` of a draft's bytes, or None when absent or unreadable."""
    try:
        headers = BytesParser(policy=policy.default).parsebytes(raw, headersonly=True)
        value = headers.get(KEY_HEADER)
    except Exception:  # malformed mail: it simply carries no key we can trust
        return None
    key = oneline(value) if value is not None else ""
    return key or None


def draft_context(
    action: Action, process: Process, user: Identity, *, notes: Sequence[str] = (), now: datetime
) -> dict[str, Any]:
    """The variables a draft template sees (every one always present; ``None`` when unknown)."""
    zone = ZoneInfo(user.timezone)
    today = now.astimezone(zone).date()
    recipient = action.to[0] if action.to else Address("", "")
    interviewer = action.interviewer
    greet = first_name(recipient.name)
    if greet is None and interviewer is not None and interviewer.email == recipient.email:
        greet = first_name(interviewer.name)
    interview = action.interview or _last_interview(process, now)
    interview_day = day_phrase(interview.start.astimezone(zone).date(), today) if interview else None
    # A thank-you that goes to someone other than the interviewer (the recruiter who arranged it).
    interviewer_name = oneline(interviewer.name) if interviewer is not None else ""
    to_arranger = bool(
        action.kind is ActionKind.THANK_YOU
        and interviewer is not None
        and interviewer.email != recipient.email
        and interviewer_name
    )
    company = oneline(process.company)
    role = oneline(process.role)
    decision = process.decision_expected_by
    return {
        "kind": action.kind.value,
        "greeting_name": greet,
        "company": company,
        "company_ref": company or "your team",
        "role": role,
        "the_role": _the_role(role, company),
        "interview_day": interview_day,
        "interviewer_name": interviewer_name if to_arranger else None,
        "to_arranger": to_arranger,
        "decision_day": day_phrase(decision, today) if decision else None,
        "follow_ups_sent": process.follow_ups_sent,
        "notes": [n for n in (oneline(x) for x in notes) if n],
        "user_name": oneline(user.name),
    }


def _the_role(role: str, company: str) -> str:
    if role and company:
        return f"the {role} role at {company}"
    if role:
        return f"the {role} role"
    if company:
        return f"the role at {company}"
    return "the role"


def _last_interview(process: Process, now: datetime) -> Interview | None:
    held = [i for i in process.interviews if i.start <= now]
    return held[-1] if held else None


_FALLBACK_SUBJECTS = {
    ActionKind.THANK_YOU: "Thank you — {what} interview",
    ActionKind.DECISION_FOLLOW_UP: "Following up — {what}",
    ActionKind.CHECK_IN: "Checking in — {what}",
    ActionKind.FEEDBACK_REQUEST: "Thank you — {what}",
    ActionKind.OFFER_REPLY: "Your offer — {what}",
}


def _subject(action: Action, context: dict[str, Any]) -> str:
    if action.reply_to is not None:
        subject = reply_subject(action.reply_to.subject)
        if subject:
            return subject
    role, company = context["role"], context["company"]
    if action.kind is ActionKind.THANK_YOU:
        what = role or company
        return _FALLBACK_SUBJECTS[action.kind].format(what=what) if what else "Thank you for the interview"
    what = f"{role} at {company}" if role and company else (role or company or "my application")
    return _FALLBACK_SUBJECTS[action.kind].format(what=what)


def _header_address(name: str, email: str) -> HeaderAddress:
    addr = oneline(email).strip("<>")
    if "@" not in addr or any(ch in addr for ch in ' ,;<>"()'):
        raise ValueError(f"not a usable address: {addr!r}")
    local, _, domain = addr.rpartition("@")
    return HeaderAddress(display_name=oneline(name), username=local, domain=domain)


def draft_message_id(key: str, domain: str) -> str:
    """The Message-ID of a followup draft: derived from its idempotency key alone (with brackets).

    Gmail's search cannot match arbitrary headers but can match a Message-ID (``rfc822msgid:``), so a
    draft (even after the user sent it) is found by this id on every backend.
    """
    return f"<followup.{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@{domain}>"


def _message_id(action: Action, recipient: Address, now: datetime, user_address: str) -> str:
    """The key-derived id on the user's domain (no randomness, no clock)."""
    domain = re.sub(r"[^A-Za-z0-9.-]", "", user_address.rpartition("@")[2]) or "followup.invalid"
    return draft_message_id(action.key, domain)


def _transfer_encoding(body: str) -> str:
    """7bit for plain ASCII within RFC 5322's 998-octet lines (readable raw), else quoted-printable."""
    if body.isascii() and all(len(line) <= 990 for line in body.splitlines()):
        return "7bit"
    return "quoted-printable"


def _tidy(body: str) -> str:
    """Trailing spaces off, at most one blank line in a row, exactly one final newline."""
    lines = [line.rstrip() for line in body.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"
