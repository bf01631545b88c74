"""Raw RFC 822 bytes -> ``Message``. Pure, and it never raises: what cannot be read becomes a defect.

Built on the standard library's ``email`` package with the compat32 policy (the fastest, and the most
lenient) plus our own careful decoding: RFC 2047 words and raw 8-bit headers, unknown or misspelt
charsets (UTF-8, then Windows-1252 as fallbacks), broken transfer encodings. Bodies: text/plain is
preferred; HTML is turned into text when there is no plain part or the plain part is an empty stub.
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import re
from datetime import UTC, datetime
from email.header import decode_header
from email.message import Message as EmailMessage
from email.parser import BytesParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime

from followup.domain.ical import read_calendar_with_notes
from followup.domain.model import Address, Attachment, CalendarEvent, Forwarded, Message
from followup.domain.text import FIELD_CAP, Split, html_to_text, normalise_text, split_body

TEXT_CAP = 200_000  # characters of body text kept
_HEADER_CAP = 2_000  # characters kept of any one header value
SUBJECT_CAP = FIELD_CAP  # characters kept of the subject
_MAX_PARTS = 300
_MAX_NESTED_MESSAGES = 3  # a forward of a forward of a forward; deeper ones are not read
# No interview is held before 1970 or after 2199. Calendar times outside this span are forged or broken,
# and arithmetic near datetime's limits (year 1 or 9999 plus a zone or a delay) overflows downstream.
_EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
_LATEST = datetime(2200, 1, 1, tzinfo=UTC)

KEPT_HEADERS = (
    "x-followup-kind",  # followup's own drafts and digests
    "auto-submitted",
    "x-autoreply",
    "x-autorespond",
    "x-auto-response-suppress",
    "precedence",
    "list-id",
    "list-unsubscribe",
    "list-post",
    "return-path",
    "x-mailer",
    "user-agent",
    "sender",
    "delivered-to",
    "x-gm-thrid",
    "x-original-to",
    "x-ms-exchange-generated-message-source",
    "x-failed-recipients",
    "x-campaign",
    "x-mailgun-tag",
    "x-sg-eid",
    "feedback-id",
    "x-linkedin-class",
    "thread-topic",
    "importance",
    "content-language",
    "organization",
)

_CHARSET_ALIASES = {"utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "latin1": "latin-1", "ascii": "us-ascii"}
_STUB = re.compile(
    r"view (?:this|it|the) (?:e-?mail|message|newsletter)? ?(?:in|on) (?:a |your )?(?:web )?browser"
    r"|(?:your|this) (?:e-?mail )?(?:client|program|reader) (?:does not|doesn't|can't|cannot) (?:support|display)"
    r"|this (?:is an|e-?mail is an|message is in) html|(?:enable|switch to) html"
    r"|to view this (?:e-?mail|message)",
    re.IGNORECASE,
)


def parse(raw: bytes, *, truncated: bool = False) -> Message:
    """Parse raw RFC 822 bytes. Never raises: problems are recorded in ``Message.defects``."""
    return _parse_guarded(raw, truncated, 0)


def _parse_guarded(raw: bytes, truncated: bool, nest: int) -> Message:
    defects: list[str] = []
    try:
        return _parse(raw, truncated, defects, nest=nest)
    except Exception as exc:  # the body defeated the parser (e.g. 1,000 nested multiparts): keep the headers
        defects.append(f"body unreadable ({type(exc).__name__}); headers only")
    try:
        return _parse(raw, truncated, defects, headers_only=True, nest=nest)
    except Exception as exc:  # last resort: a Message with what we know
        defects.append(f"parse failed: {type(exc).__name__}")
        return _empty(raw, truncated, defects)


def _empty(raw: bytes, truncated: bool, defects: list[str]) -> Message:
    return Message(
        message_id=_synthetic_id(raw),
        date=None,
        sender=None,
        reply_to=(),
        to=(),
        cc=(),
        subject="",
        in_reply_to="",
        references=(),
        headers={},
        text="",
        new_text="",
        quoted_text="",
        signature="",
        forwarded=(),
        calendar=(),
        attachments=(),
        size=len(raw) if isinstance(raw, bytes | bytearray) else 0,
        defects=tuple(defects),
        truncated=truncated,
    )


def parse_unsplit(raw: bytes) -> tuple[Message, EmailMessage]:
    """The message as ``parse`` reads it, but with its body not split: ``new_text`` is the whole text,
    nothing is quoted or forwarded in the text (attached messages are still in ``forwarded``); and the
    standard library's tree it was read from. For a cheap look before the full parse
    (``domain.pregate``). Raises on mail the standard parser cannot read."""
    msg = BytesParser(policy=compat32).parsebytes(bytes(raw))
    return _message(msg, raw, False, [], split=False), msg


def _parse(
    raw: bytes, truncated: bool, defects: list[str], *, headers_only: bool = False, nest: int = 0
) -> Message:
    msg = BytesParser(policy=compat32).parsebytes(bytes(raw), headersonly=headers_only)
    return _message(msg, raw, truncated, defects, headers_only=headers_only, nest=nest)


def _message(
    msg: EmailMessage,
    raw: bytes,
    truncated: bool,
    defects: list[str],
    *,
    headers_only: bool = False,
    nest: int = 0,
    split: bool = True,
) -> Message:
    heads: dict[str, str] = {}
    for name, value in msg.raw_items():
        key = name.strip().lower()
        if key not in heads:
            heads[key] = value if isinstance(value, str) else str(value)

    def h(name: str) -> str:
        return decode_header_value(heads.get(name, ""), defects)

    date = _date(heads.get("date", ""), defects)
    body = _Body(defects, nest)
    if not truncated and not headers_only:
        body.walk(msg)
    text = body.text()
    parts = (
        split_body(text, subject=h("subject"), default_tz=date.tzinfo if date else None)
        if split
        else Split(new_text=text, quoted_text="", signature="", forwarded=())
    )
    defects.extend(parts.notes)
    for d in msg.defects:
        defects.append(f"mime: {type(d).__name__}")
    sender = _addresses(heads.get("from", ""), defects)
    message_id = _msgid(heads.get("message-id", "")) or _synthetic_id(raw)
    if "message-id" not in heads:
        defects.append("no Message-ID; synthesised from content")
    references = tuple(_ids(heads.get("references", "")))
    kept = {k: " ".join(h(k).split())[:_HEADER_CAP] for k in KEPT_HEADERS if k in heads}
    return Message(
        message_id=message_id,
        date=date,
        sender=sender[0] if sender else None,
        reply_to=tuple(_addresses(heads.get("reply-to", ""), defects)),
        to=tuple(_addresses(heads.get("to", ""), defects)),
        cc=tuple(_addresses(heads.get("cc", ""), defects)),
        subject=_subject(h("subject"), defects),
        in_reply_to=next(iter(_ids(heads.get("in-reply-to", ""))), ""),
        references=references,
        headers=kept,
        text=text,
        new_text=parts.new_text,
        quoted_text=parts.quoted_text,
        signature=parts.signature,
        forwarded=parts.forwarded + tuple(body.attached_messages),
        calendar=_unique(body.calendar),
        attachments=tuple(body.attachments),
        size=len(raw),
        defects=tuple(dict.fromkeys(defects)),
        truncated=truncated,
    )


# --- headers ---------------------------------------------------------------------------------------


def _subject(value: str, defects: list[str]) -> str:
    """The subject on one line, cut at ``SUBJECT_CAP`` characters: no real subject is longer, and
    pattern matching over a 100,000-character subject can take minutes."""
    subject = " ".join(value.split())
    if len(subject) > SUBJECT_CAP:
        defects.append(f"subject cut to {SUBJECT_CAP} characters")
        subject = subject[:SUBJECT_CAP]
    return subject


def _unfold(value: str) -> str:
    return re.sub(r"\r?\n[ \t]*", " ", value).strip()


def _raw_text(value: str) -> str:
    """A header value as read by compat32: undecodable bytes are surrogate escapes. Make them text."""
    if any("\udc80" <= ch <= "\udcff" for ch in value):
        data = value.encode("ascii", "surrogateescape")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", "replace")
    return value


def decode_bytes(data: bytes, charset: str | None, defects: list[str] | None = None) -> str:
    """Bytes in a declared charset; unknown charsets and bad bytes degrade to UTF-8, then cp1252."""
    name = (charset or "").strip().strip('"').lower()
    name = _CHARSET_ALIASES.get(name, name)
    if name:
        try:
            codecs.lookup(name)
        except LookupError:
            if defects is not None:
                defects.append(f"unknown charset {name[:40]!r}")
            name = ""
    if name and name not in ("us-ascii", "utf-8"):
        try:
            return data.decode("cp1252" if name in ("iso-8859-1", "latin-1") else name)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if name in ("utf-8", "us-ascii") and defects is not None:
            defects.append(f"bytes not valid {name}; read as windows-1252")
        return data.decode("cp1252", "replace")


def decode_header_value(value: str, defects: list[str] | None = None) -> str:
    """An RFC 2047 (or raw 8-bit) header value as text."""
    value = _raw_text(_unfold(value))
    if "=?" not in value:
        return value
    try:
        parts = decode_header(value)
    except Exception:
        if defects is not None:
            defects.append("malformed encoded word in header")
        return value
    out = []
    for chunk, charset in parts:
        out.append(decode_bytes(chunk, charset, defects) if isinstance(chunk, bytes) else chunk)
    return "".join(out)


def _addresses(value: str, defects: list[str]) -> list[Address]:
    value = _raw_text(_unfold(value))
    if not value:
        return []
    out = []
    try:
        pairs = getaddresses([value])
    except Exception:
        defects.append("unreadable address header")
        return []
    for name, email in pairs:
        email = email.strip().strip("<>").lower()
        name = " ".join(decode_header_value(name, defects).split()).strip('"').strip()
        if not email and not name:
            continue
        if "@" not in email:
            if not name:  # "undisclosed-recipients:;" and friends
                continue
            email = ""
        out.append(Address(name=name, email=email))
    return out


def _date(value: str, defects: list[str]) -> datetime | None:
    value = _raw_text(_unfold(value))
    if not value:
        defects.append("no Date header")
        return None
    try:
        dt = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append("unparsable Date header")
        return None
    if dt.tzinfo is None:
        defects.append("Date header without a zone; read as UTC")
        return dt.replace(tzinfo=UTC)
    return dt


_ID = re.compile(r"<([^<>]+)>")


def _ids(value: str) -> list[str]:
    value = _raw_text(_unfold(value))
    found = ["".join(f.split()) for f in _ID.findall(value)]
    if not found:
        found = [t.strip("<>,;") for t in value.split() if "@" in t]
    return list(dict.fromkeys(f for f in found if f))[:200]


def _msgid(value: str) -> str:
    ids = _ids(value)
    if ids:
        return ids[0]
    token = _raw_text(_unfold(value)).strip("<> \t")
    return token.split()[0] if token else ""


def _synthetic_id(raw: bytes) -> str:
    try:
        digest = hashlib.sha1(bytes(raw), usedforsecurity=False).hexdigest()
    except Exception:
        digest = hashlib.sha1(b"", usedforsecurity=False).hexdigest()
    return f"sha1-{digest}@followup.invalid"


def _sane_times(event: CalendarEvent, defects: list[str]) -> CalendarEvent:
    """The event with start and end dropped when either lies outside 1970-2199 (noted as a defect)."""

    def sane(when: datetime | None) -> bool:
        try:
            return when is None or _EARLIEST <= when <= _LATEST
        except (OverflowError, ValueError):
            return False

    if sane(event.start) and sane(event.end):
        return event
    defects.append("calendar time outside 1970-2199; ignored")
    return dataclasses.replace(event, start=None, end=None)


def _unique(events: list[CalendarEvent]) -> tuple[CalendarEvent, ...]:
    """Drop repeats: an inline invitation and its .ics attachment often carry the same event."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for ev in events:
        key = (ev.uid, ev.sequence, ev.method, ev.start, ev.end, ev.summary)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return tuple(out)


# --- body ------------------------------------------------------------------------------------------


class _Body:
    """Walks the MIME tree once and collects text, HTML, calendars and attachments."""

    def __init__(self, defects: list[str], nest: int = 0) -> None:
        self.defects = defects
        self.nest = nest  # how many attached messages deep this body sits
        self.plain: list[str] = []
        self.html: list[str] = []
        self.calendar: list[CalendarEvent] = []
        self.attachments: list[Attachment] = []
        self.attached_messages: list[Forwarded] = []
        self.parts = 0

    def walk(self, part: EmailMessage, depth: int = 0) -> None:
        self.parts += 1
        if self.parts > _MAX_PARTS or depth > 20:
            if self.parts == _MAX_PARTS + 1:
                self.defects.append("too many MIME parts; rest ignored")
            return
        for d in part.defects if depth else ():
            self.defects.append(f"mime: {type(d).__name__}")
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            self._attached_message(part)
            return
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                for sub in payload:
                    if isinstance(sub, EmailMessage):
                        self.walk(sub, depth + 1)
            return
        self._leaf(part, ctype)

    def _leaf(self, part: EmailMessage, ctype: str) -> None:
        disposition = (part.get("content-disposition") or "").split(";")[0].strip().lower()
        filename = self._filename(part)
        is_ics = ctype in ("text/calendar", "application/ics") or filename.lower().endswith((".ics", ".vcs"))
        data = self._payload(part)
        if is_ics:
            events, notes = read_calendar_with_notes(data, method=str(part.get_param("method") or ""))
            self.calendar.extend(_sane_times(ev, self.defects) for ev in events)
            self.defects.extend(notes)
        attached = disposition == "attachment" or (
            bool(filename) and ctype not in ("text/plain", "text/html")
        )
        if attached or (is_ics and filename):
            self.attachments.append(Attachment(filename=filename, content_type=ctype, size=len(data)))
            return
        if is_ics:
            return
        if ctype == "text/plain":
            self.plain.append(decode_bytes(data, part.get_content_charset(), self.defects))
        elif ctype == "text/html":
            self.html.append(decode_bytes(data, part.get_content_charset(), self.defects))
        elif ctype.startswith(("image/", "application/", "audio/", "video/")) or disposition == "inline":
            self.attachments.append(Attachment(filename=filename, content_type=ctype, size=len(data)))

    def _payload(self, part: EmailMessage) -> bytes:
        try:
            data = part.get_payload(decode=True)
        except Exception:
            self.defects.append("undecodable part payload")
            return b""
        if isinstance(data, bytes):
            return data
        return b""

    def _filename(self, part: EmailMessage) -> str:
        try:
            name = part.get_filename() or ""
        except Exception:
            self.defects.append("unreadable attachment filename")
            return ""
        return " ".join(decode_header_value(str(name), self.defects).split())[:300]

    def _attached_message(self, part: EmailMessage) -> None:
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        size = len(inner.as_bytes()) if isinstance(inner, EmailMessage) else 0
        self.attachments.append(Attachment(self._filename(part), "message/rfc822", size))
        if isinstance(inner, EmailMessage) and len(self.attached_messages) < 10:
            if self.nest >= _MAX_NESTED_MESSAGES:
                self.defects.append("attached messages nested too deep; inner ones ignored")
                return
            sub = _parse_guarded(inner.as_bytes(), False, self.nest + 1)
            self.attached_messages.append(
                Forwarded(sender=sub.sender, date=sub.date, subject=sub.subject, to=sub.to, text=sub.new_text)
            )
            self.calendar.extend(sub.calendar)

    def text(self) -> str:
        plain = normalise_text("\n\n".join(p for p in self.plain if p.strip()))
        if self.html and (not plain or _is_stub(plain)):
            html = "\n\n".join(self.html)
            text = html_to_text(html)
            if text.strip():
                plain = text
        if len(plain) > TEXT_CAP:
            self.defects.append(f"body text cut to {TEXT_CAP} characters")
            plain = plain[:TEXT_CAP]
        return plain


def _is_stub(plain: str) -> bool:
    stripped = plain.strip()
    return len(stripped) < 20 or (len(stripped) < 600 and bool(_STUB.search(stripped)))
