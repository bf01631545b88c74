"""Which messages are worth fetching whole: a generous decision from the header alone. Pure.

A scan fetches every new message's header, and the body only where this module says it can matter.
It declines only mail that is clearly bulk (mailing lists, newsletters, marketing: ``List-Id``,
``List-Unsubscribe``, ``Precedence: bulk`` and the like) AND shows no hint of hiring anywhere in its
header. Everything else is kept:

- anything in the Sent folder, and anything from or sent by one of the user's own addresses;
- a reply into a thread followup already knows (``In-Reply-To`` / ``References``);
- any mail that is not clearly bulk: personal mail, automatic replies, receipts (the classifier decides);
- bulk mail whose subject, sender or reply address carries a hiring word (in English, German,
  Spanish, French, Italian, Dutch or Portuguese) or comes from an applicant-tracking, scheduling,
  assessment or e-signature service.

The corpus test (``tests/unit/test_prefilter_corpus.py``) checks that it keeps every labelled hiring
message and every message that belongs to a process.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container
from email.header import decode_header
from email.message import Message as EmailMessage
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses

SENT = "sent"  # the folder role (followup.backends.base.SENT; the domain does not import backends)

_PARSER = BytesHeaderParser(policy=compat32)
_ID = re.compile(r"<([^<>\s]+)>")
_END_OF_HEADER = re.compile(rb"\r?\n\r?\n")

# any one of these headers marks mail sent to a list or by a bulk/marketing sender
_BULK_HEADERS = (
    "list-id",
    "list-unsubscribe",
    "list-post",
    "list-help",
    "x-campaign",
    "x-campaignid",
    "x-mailgun-tag",
    "x-mc-user",
    "x-marketo-id",
    "x-newsletter",
)
_BULK_PRECEDENCE = {"bulk", "list", "junk"}

# word stems that hint at hiring, matched case-insensitively at a word start in subject and sender
_HIRING_WORDS = (
    # English
    "appli", "apply", "candida", "interview", "offer", "recruit", "hiring", "hire", "talent", "career",
    "job", "position", "role", "opening", "vacanc", "resume", "résumé", "cv", "assessment", "onsite",
    "on-site", "screen", "next step", "opportunit", "employ", "onboard", "reference", "take-home",
    "coding", "panel", "decision", "update on your", "your candidacy", "people team", "hr", "staffing",
    # German
    "bewerb", "vorstellung", "stelle", "karriere", "einladung", "gespräch", "absage", "zusage", "personal",
    "angebot",
    # Spanish, Portuguese
    "entrevista", "candidatura", "postula", "empleo", "vacante", "oferta", "selecci", "proceso", "vaga",
    # French
    "entretien", "poste", "recrutement", "offre", "emploi",
    # Italian, Dutch
    "colloquio", "lavoro", "sollicit", "vacature", "gesprek",
)  # fmt: skip
_HIRING = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(w) for w in _HIRING_WORDS) + ")", re.IGNORECASE)

# applicant-tracking systems, schedulers, assessment and e-signature services (domain suffixes)
_HIRING_SERVICES = (
    "greenhouse.io", "greenhouse-mail.io", "lever.co", "hire.lever.co", "myworkday.com", "workday.com",
    "ashbyhq.com", "smartrecruiters.com", "icims.com", "taleo.net", "oraclecloud.com", "jobvite.com",
    "bamboohr.com", "workable.com", "workablemail.com", "recruitee.com", "personio.de", "personio.com",
    "teamtailor.com", "teamtailor-mail.com", "successfactors.com", "successfactors.eu", "sapsf.com",
    "breezy.hr", "jazzhr.com", "applytojob.com", "pinpointhq.com", "rippling.com", "gem.com",
    "calendly.com", "goodtime.io", "modernloop.io", "prelude.co", "yello.co", "paradox.ai",
    "hirevue.com", "codility.com", "hackerrank.com", "coderpad.io", "karat.io", "codesignal.com",
    "testgorilla.com", "docusign.net", "docusign.com", "hellosign.com", "adobesign.com", "linkedin.com",
    "indeed.com", "glassdoor.com", "stepstone.de", "xing.com", "welcometothejungle.com", "wellfound.com",
)  # fmt: skip


def header_block(raw: bytes) -> bytes:
    """The header of a raw message (everything before the first empty line), with that line."""
    found = _END_OF_HEADER.search(raw)
    return raw[: found.end()] if found else raw


_MESSAGE_ID = re.compile(rb"^message-id:\s*<([^<>\s]+)>", re.IGNORECASE | re.MULTILINE)


def message_id(header: bytes) -> str:
    """The Message-ID of a raw header (without angle brackets), "" when there is none."""
    found = _MESSAGE_ID.search(header_block(bytes(header)))
    return found.group(1).decode("utf-8", "replace") if found else ""


def wants_body(
    folder: str,
    header: bytes,
    user_addresses: Collection[str],
    known_ids: Container[str] = frozenset(),
) -> bool:
    """True unless the message is clearly bulk mail with no hint of hiring (see the module docstring).

    ``header`` may be the whole raw message; ``user_addresses`` are lower-case; ``known_ids`` holds
    Message-IDs (without angle brackets) of messages followup already keeps.
    """
    return reason(folder, header, user_addresses, known_ids) != ""


def reason(
    folder: str,
    header: bytes,
    user_addresses: Collection[str],
    known_ids: Container[str] = frozenset(),
) -> str:
    """Why the body is wanted ("" when it is not): ``sent``, ``user``, ``thread``, ``not-bulk``, ``hiring``."""
    if folder == SENT:
        return "sent"
    head = _PARSER.parsebytes(header_block(bytes(header)))
    senders = _addresses(head, "from", "sender", "reply-to", "return-path")
    if any(email in user_addresses for _, email in senders):
        return "user"
    if not _bulk(head):
        return "not-bulk"
    if _hiring_hint(head, senders):
        return "hiring"
    # last, as ``known_ids`` may be costly to load: asked only for bulk replies
    for name in ("in-reply-to", "references"):
        if any(mid in known_ids for mid in _ID.findall(str(head.get_all(name, [""])))):
            return "thread"
    return ""


def _bulk(head: EmailMessage) -> bool:
    if any(head.get(name) is not None for name in _BULK_HEADERS):
        return True
    precedence = str(head.get("precedence", "")).strip().lower()
    return precedence in _BULK_PRECEDENCE


def _hiring_hint(head: EmailMessage, senders: list[tuple[str, str]]) -> bool:
    texts = [_decoded(str(head.get("subject", "")))]
    texts += [f"{name} {email}" for name, email in senders]
    if any(_HIRING.search(text) for text in texts):
        return True
    domains = {email.rpartition("@")[2] for _, email in senders}
    return any(d == s or d.endswith("." + s) for d in domains for s in _HIRING_SERVICES)


def _addresses(head: EmailMessage, *names: str) -> list[tuple[str, str]]:
    values = [str(v) for name in names for v in head.get_all(name, [])]
    return [(_decoded(n), e.strip().lower()) for n, e in getaddresses(values) if e or n]


def _decoded(value: str) -> str:
    """RFC 2047 words decoded leniently (never raises)."""
    if "=?" not in value:
        return value
    try:
        parts = decode_header(value)
    except Exception:  # a malformed encoded word: the raw text still carries plain words
        return value
    out = []
    for text, charset in parts:
        if isinstance(text, bytes):
            try:
                out.append(text.decode(charset or "utf-8", "replace"))
            except LookupError:
                out.append(text.decode("utf-8", "replace"))
        else:
            out.append(text)
    return " ".join(out)
