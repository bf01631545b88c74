"""A cheap test, before the full parse, that a fetched message cannot be hiring mail. Pure.

The classifier reads a message as ``other`` at once when its subject, attachment names and new text
hold no hiring word at all (``classify._no_hiring_cue``), unless the mail is the user's own, relayed by
an applicant-tracking or scheduling service, an auto-reply, or carries a calendar or a forwarded
message. ``no_hiring_cue`` asks the same question more generously and at a fraction of the cost:

- the MIME tree is walked and the body text built exactly as ``parse`` builds it (same decoding, same
  HTML reading), but the costly split into new text, quotes, forwards and signature is skipped: the
  WHOLE text is searched, quotes included, so every word the classifier's gate sees is searched here;
- the sender facts come from the classifier's own ``senders.analyse``;
- a forward is assumed whenever one could be found (a forward subject, or a forward marker line
  anywhere), and any attached message, calendar part, truncated or unreadable message is kept.

The user's own mail gets past the classifier's gate: it is read for a thank-you or a follow-up whenever it
has hiring context, which is a hiring word, a hiring phrase or a job title, an address of the employer's
among its recipients, or a known hiring thread. Without any of these the classifier reads it as
``other`` with no company ("no hiring context in the user's mail"), so it too can skip the parse: a
note to a friend about dinner. It is never skipped when it goes to an address that can name an
employer or to an applicant-tracking / scheduling service, when any word of it starts like a cue stem,
or when a ``rules.HIRING`` phrase or a job-title head word (``role._HEAD``) appears anywhere in it. A
note to a known employer person at a freemail address is re-read by ingest, as mail from them is.

True means: the full reading is ``other`` with no company, so the message is not worth keeping (see
``tests/unit/test_pregate_corpus.py``, which proves that on every labelled message).

A message in a known hiring thread (a ``Context`` with ``hiring_thread``) is never skipped: the
classifier reads it without the no-hiring-word gate ("sounds good - see you Thursday at 2").
"""

from __future__ import annotations

import re
from email.message import Message as EmailMessage

from followup.domain import rules as R
from followup.domain.classify import _CUE_PHRASES, _CUE_STEMS
from followup.domain.classify_facts import _recipient_domain
from followup.domain.context import Context
from followup.domain.model import Identity, Message
from followup.domain.parse import parse_unsplit
from followup.domain.pregate_words import WordStarts, requirement
from followup.domain.role import _HEAD
from followup.domain.senders import analyse, domain_of, is_ats_domain
from followup.domain.text import _FWD_MARK, _FWD_SUBJECT

_GAPS = re.compile(r"[\s>]+")  # phrases are matched with any run of blanks and quote marks as one space
_WORD = re.compile(r"\w+")
_PHRASE_WORDS = tuple((p, _WORD.findall(p)[0], _WORD.findall(p)[-1]) for p in _CUE_PHRASES)
_PREFIXES = _CUE_STEMS + tuple(last for _, _, last in _PHRASE_WORDS)
_HEADS = frozenset(p[:2] for p in _PREFIXES)
_FWD_ANYWHERE = re.compile(_FWD_MARK.pattern, _FWD_MARK.flags | re.MULTILINE)
_HIRING = tuple((cue, requirement(cue.pattern)) for cue in R.HIRING)
_HEAD_WORD = re.compile(_HEAD.pattern, _HEAD.flags)  # fullmatch on one word: a title's head word


def no_hiring_cue(
    raw: bytes, user: Identity, *, truncated: bool = False, context: Context | None = None
) -> bool:
    """True when the message certainly reads as ``other`` (no hiring word anywhere, none of the
    exceptions above): its full parse and reading can be skipped. Never raises (a problem -> False).
    Always False for a message in a known hiring thread (``context.hiring_thread``)."""
    if truncated or (context is not None and context.hiring_thread):
        return False
    try:
        return _no_cue(raw, user)
    except Exception:  # anything odd: let the full parse and the classifier decide
        return False


def light_message(raw: bytes) -> tuple[Message, bool]:
    """The message as ``parse`` reads it, minus the body split (new text = the whole text, no quotes);
    and whether it holds an attached message or a calendar part (even an empty one). Raises on mail the
    standard parser cannot read."""
    message, tree = parse_unsplit(raw)
    return message, bool(message.forwarded) or _has_calendar_part(tree)


def _has_calendar_part(msg: EmailMessage) -> bool:
    for part in msg.walk():
        if part.get_content_type() in ("text/calendar", "application/ics"):
            return True
        name = part.get_param("name") or part.get_param("filename", header="content-disposition")
        if isinstance(name, str) and name.lower().endswith((".ics", ".vcs")):
            return True
    return False


def _no_cue(raw: bytes, user: Identity) -> bool:
    message, attached = light_message(raw)
    if (
        attached
        or message.calendar
        or any(a.filename.lower().endswith((".ics", ".vcs")) for a in message.attachments)
    ):
        return False  # the classifier always reads a calendar or a forward
    facts = analyse(message, user)
    if facts.ats or facts.auto_reply:
        return False
    if facts.from_user and _to_counterpart(message, user):
        return False  # the user writing to an employer or a hiring service: always read
    if _FWD_SUBJECT.match(message.subject) or _FWD_ANYWHERE.search(message.text):
        return False  # it may hold a forwarded message, which the classifier always reads
    names = " ".join(a.filename for a in message.attachments)
    text = f"{message.subject}\n{names}\n{message.text}".lower()
    words = set(_WORD.findall(text))
    if _has_cue(text, words):
        return False
    return not (facts.from_user and _hiring_context(text, words))


def _to_counterpart(message: Message, user: Identity) -> bool:
    """The user's mail goes to an address that can name an employer (the classifier then reads it in
    that employer's context and names the company), or to an applicant-tracking / scheduling service."""
    if _recipient_domain(message, user):
        return True
    return any(is_ats_domain(domain_of(a.email)) for a in (*message.to, *message.cc))


def _hiring_context(text: str, words: set[str]) -> bool:
    """What gives the user's own mail hiring context in the classifier besides a cue word: a job title
    (``role.find_role`` only returns a title in which ``role._HEAD`` finds a word; each of its words is
    one whole word, 'vice president' holds 'president', so one of the distinct words matches it) or a hiring phrase of ``rules.HIRING`` (some need no cue
    stem: 'co-founder', 'where we land'). The phrases are searched over the whole text, quotes
    included, with every run of blanks and quote marks read as one space (no HIRING pattern needs a
    line break, an anchor or a '>', ``tests/unit/test_pregate_user.py``), so anything the classifier
    finds in the new text, the quoted text or the subject is found here; a phrase is searched only when
    the words it cannot match without are there (``pregate_words``)."""
    head = _HEAD_WORD.fullmatch
    if any(head(w) for w in words):
        return True
    starts = WordStarts(words)
    low = ""
    for cue, need in _HIRING:
        if not starts.satisfies(need):
            continue
        low = low or _blanks_as_one(text.replace("\u2019", "'"))
        if cue.pattern.search(low):
            return True
    return False


def _blanks_as_one(text: str) -> str:
    """Every run of blanks and quote marks as one space (a blank kept at both ends)."""
    if ">" in text:
        return _GAPS.sub(" ", text)
    return f" {' '.join(text.split())} "


def _has_cue(text: str, words: set[str]) -> bool:
    """A word that starts with a cue stem (the classifier's test, on every distinct word of the whole
    text), or a cue phrase with any run of blanks and quote marks between its words."""
    tails: list[str] = []
    for word in words:
        if word[:2] in _HEADS and word.startswith(_PREFIXES):
            if word.startswith(_CUE_STEMS):
                return True
            tails.append(word)
    for phrase, first, last in _PHRASE_WORDS:
        # only when its last word starts a word of the text: then at each place its first word is
        if any(t.startswith(last) for t in tails):
            at = text.find(first)
            while at >= 0:
                if _GAPS.sub(" ", text[at : at + 4 * len(phrase)]).startswith(phrase):
                    return True
                at = text.find(first, at + 1)
    return False
