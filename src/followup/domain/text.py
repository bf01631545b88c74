"""Readable text from mail bodies: HTML to text, and the new text split from quotes, forwards, signatures.

``html_to_text`` turns an HTML body into lines a person (and a regex) can read: block elements and
``<br>`` break lines, list items become "- " lines, table rows become lines with cells side by side,
script/style/hidden elements vanish, ``<blockquote>`` content is prefixed with "> " so that it is
recognised as quoted by ``split_body``.

``split_body`` separates what the author wrote now from quoted replies ("> " lines, "On ... wrote:",
Outlook "From:/Sent:" history), forwarded blocks (which become ``Forwarded`` values) and the signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser

from followup.domain.model import Address, Forwarded

_MAX_HTML = 1_000_000  # characters of HTML read; the rest is dropped
FIELD_CAP = 400  # characters kept of a subject or of a forwarded header field (From:, Subject:, Date:)

_BLOCK = frozenset(
    "address article aside center dd div dl dt fieldset figcaption figure footer form "
    "header li main nav section tbody thead tfoot tr".split()
)
_PARA = frozenset("blockquote h1 h2 h3 h4 h5 h6 hr ol p pre table ul".split())  # a blank line around
_SKIP = frozenset("script style head title template noscript svg object iframe".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.IGNORECASE)

# Markers in the intermediate stream: line end, hard break (<br>), paragraph break, blockquote depth.
_LINE, _BR, _PAR, _Q_OPEN, _Q_CLOSE = "\n", "\x06", "\x04", "\x01", "\x02"
_TOKENS = re.compile("(\n|\x06|\x04|\x01|\x02)")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip: list[str] = []  # stack of tags whose content is dropped
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            if tag == self.skip[-1] and tag not in _VOID:
                self.skip.append(tag)
            return
        if tag in _SKIP:
            self.skip.append(tag)
            return
        style = next((v or "" for k, v in attrs if k == "style"), "")
        if tag not in _VOID and (_HIDDEN.search(style) or any(k == "hidden" for k, _ in attrs)):
            self.skip.append(tag)
            return
        if tag == "br":
            self.out.append(_BR)
        elif tag == "li":
            self.out.append(_LINE + "- ")
        elif tag in ("td", "th"):
            self.out.append(" ")
        elif tag == "img":
            alt = next((v or "" for k, v in attrs if k == "alt"), "")
            if alt.strip() and len(alt) < 80:
                self.out.append(f" {alt.strip()} ")
        elif tag in _PARA:
            self.out.append(_PAR)
        elif tag in _BLOCK:
            self.out.append(_LINE)
        if tag == "blockquote":
            self.out.append(_Q_OPEN)
        elif tag == "pre":
            self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag == "blockquote":
            self.out.append(_PAR + _Q_CLOSE)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _PARA:
            self.out.append(_PAR)
        elif tag in _BLOCK and tag != "li":
            self.out.append(_LINE)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.pre:
            self.out.append(data.replace("\r", "").replace("\n", _BR))
        else:
            self.out.append(data.replace("\r", " ").replace("\n", " "))


_WS = re.compile(r"[ \t\r\f\v\u00a0\u200b\u200c\u200d\u2007\u202f\ufeff\u034f\u00ad]+")


def html_to_text(html: str) -> str:
    """Readable text of an HTML body. Never raises; on hopeless input returns what was read so far."""
    parser = _Text()
    try:
        parser.feed(html[:_MAX_HTML])
        parser.close()
    except Exception:  # HTMLParser is lenient, but be safe: keep what was read
        pass
    lines: list[str] = []
    depth = 0
    current: list[str] = []
    blank = False

    def flush() -> None:
        nonlocal blank
        line = _WS.sub(" ", "".join(current)).strip()
        current.clear()
        if not line:
            return
        if blank and lines:
            lines.append("")
        blank = False
        lines.append(("> " * depth) + line if depth else line)

    for token in _TOKENS.split("".join(parser.out)):
        if token in (_LINE, _BR, _PAR, _Q_OPEN, _Q_CLOSE):
            had_text = bool("".join(current).strip())
            flush()
            if token == _PAR or (token == _BR and not had_text):
                blank = True
            elif token == _Q_OPEN:
                depth += 1
            elif token == _Q_CLOSE:
                depth = max(0, depth - 1)
        else:
            current.append(token)
    flush()
    return normalise_text("\n".join(lines))


_BLANKS = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Unix newlines, no trailing spaces, at most one blank line in a row, no leading/trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip("\n")


# ---------------------------------------------------------------------------------------------------
# Splitting a body into new text, quoted history, forwarded blocks and signature


@dataclass(frozen=True)
class Split:
    new_text: str
    quoted_text: str
    signature: str
    forwarded: tuple[Forwarded, ...]
    notes: tuple[str, ...] = ()  # e.g. a forwarded date read without a zone


_FWD_MARK = re.compile(
    r"^\s*(?:-{2,}|_{2,})?\s*(?:forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]"
    r"|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|original message \(forwarded\))"
    r"\s*(?:-{2,}|_{2,})?\s*$"
    r"|^\s*(?:begin forwarded message|anfang der weitergeleiteten nachricht|d[ée]but du message r[ée]exp[ée]di[ée]"
    r"|inicio del mensaje reenviado)\s*:\s*$",
    re.IGNORECASE,
)
_ORIG_MARK = re.compile(
    r"^\s*-{2,}\s*(?:original message|urspr[üu]ngliche nachricht|message d'origine|mensaje original"
    r"|messaggio originale|oorspronkelijk bericht)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_ATTR = re.compile(
    r"^\s*(?:on|am|le|el|il|op|den|em|w dniu)\b.{4,400}?"
    r"(?:wrote|schrieb|a [ée]crit|escribi[óo]|ha scritto|schreef|skrev|napisa[łl]|escreveu)\s*:\s*$"
    r"|^.{0,200}<[^<>\s]+@[^<>\s]+>\s*(?:wrote|schrieb|a [ée]crit|escribi[óo])\s*:\s*$"
    r"|^\s*(?:am|op)\b.{4,300}?\b(?:schrieb|schreef)\b.{1,200}:\s*$",
    re.IGNORECASE | re.DOTALL,
)
_HDR = re.compile(r"^\s*\*?\s*([A-Za-zÀ-ÿ][\w\-À-ÿ ]{0,14}?)\s*\*?\s*:\s*\*?\s*(.*?)\s*$")
_KEYS = {
    **dict.fromkeys(("from", "von", "de", "van", "da", "från", "fra"), "from"),
    **dict.fromkeys(
        ("date", "sent", "datum", "gesendet", "envoyé", "enviado", "fecha", "data", "skickat"), "date"
    ),
    **dict.fromkeys(
        ("subject", "betreff", "objet", "asunto", "oggetto", "onderwerp", "ämne", "assunto"), "subject"
    ),
    **dict.fromkeys(("to", "an", "à", "a", "para", "aan", "till", "til", "per"), "to"),
    **dict.fromkeys(("cc", "kopie", "copie", "cc.", "bcc"), "cc"),
    **dict.fromkeys(("reply-to", "antwort an"), "reply-to"),
}
_ONE_LINE_HISTORY = re.compile(
    r"^\s*\*?(?:from|von|de)\s*:.{1,300}\b(?:sent|gesendet|envoy[ée]|enviado|date|datum)\s*:.{1,200}"
    r"\b(?:subject|betreff|objet|asunto)\s*:",
    re.IGNORECASE,
)
_FWD_SUBJECT = re.compile(r"^\s*(?:re:\s*)*(?:fwd?|wg|tr|rv|i|doorst|vs)\s*:", re.IGNORECASE)
_SIG_DASH = re.compile(r"^(?:-- ?|—|--\s*)$")
_MOBILE = re.compile(
    r"^\s*(?:sent from my \w+|sent from (?:outlook|mail) for \w+|get outlook for \w+|von meinem \w+ gesendet"
    r"|envoy[ée] de mon \w+|enviado desde mi \w+)\b.{0,60}$",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"^\s*(?:\**\s*(?:confidentiality|privileged|legal)\b.{0,30}(?:notice|disclaimer)|disclaimer\s*:"
    r"|this (?:e-?mail|message|communication)(?: and any (?:files|attachments)[^.]{0,60})?"
    r" (?:is|are|may be|contains?|may contain|is intended)\b.{0,80}(?:confidential|privileged|intended)"
    r"|the information (?:contained )?in this (?:e-?mail|message)\b.{0,80}(?:confidential|privileged)"
    r"|vertraulichkeitshinweis|diese (?:e-mail|nachricht) (?:enth[äa]lt|ist|kann)\b.{0,60}vertraulich"
    r"|ce (?:message|courriel|e-mail)\b.{0,80}confidenti)",
    re.IGNORECASE,
)
_RULE = re.compile(r"\s*[_\-=]{8,}\s*")  # Outlook's line above a quoted header block
_MAX_DEPTH = 4


def split_body(text: str, *, subject: str = "", default_tz: tzinfo | None = None) -> Split:
    """Separate what the author wrote now from quotes, forwarded blocks and the signature.

    ``subject`` helps tell an Outlook forward ("From:/Sent:" block under "FW:") from reply history;
    ``default_tz`` is the zone given to forwarded "Date:" lines that carry none (else UTC). Never raises.
    """
    try:
        return _split(normalise_text(text), subject, default_tz or UTC, 0)
    except Exception as exc:  # last resort: keep everything as new text rather than fail
        return Split(text, "", "", (), (f"body split failed: {type(exc).__name__}",))


def _split(text: str, subject: str, tz: tzinfo, depth: int) -> Split:
    lines = text.split("\n")
    head: list[str] = []
    quoted: list[str] = []
    forwarded: list[Forwarded] = []
    notes: list[str] = []
    i = 0
    while True:
        kind, at, end = _boundary(lines, subject, i)
        head.extend(lines[i:at])
        if kind != "attribution":  # an "On ... wrote:" above "> " lines: text may follow the quote
            break
        quoted.extend(lines[at:end])
        i = end
    if kind == "reply":
        quoted.extend(lines[at:])
    elif kind in ("forward", "forward-headers"):
        start = at + 1 if kind == "forward" else at
        fwd, inner = _forwarded(lines[start:], subject, tz, depth, notes)
        forwarded.append(fwd)
        if inner is not None:
            forwarded.extend(inner.forwarded)
            if inner.quoted_text:
                quoted.extend(inner.quoted_text.split("\n"))
            notes.extend(inner.notes)
    new_lines: list[str] = []
    for line in head:
        (quoted if line.lstrip().startswith(">") else new_lines).append(line)
    new_lines, signature = _signature(new_lines)
    return Split(
        new_text=normalise_text("\n".join(new_lines)),
        quoted_text=normalise_text("\n".join(quoted)),
        signature=normalise_text("\n".join(signature)),
        forwarded=tuple(forwarded),
        notes=tuple(notes),
    )


def _boundary(lines: list[str], subject: str, begin: int) -> tuple[str, int, int]:
    """Where history starts, from line ``begin``: (kind, first line, end of the marker).

    kind: "reply" (the rest is history), "attribution" (an "On ... wrote:" followed by "> " lines),
    "forward" (a forward marker line), "forward-headers" (a From:/Sent: block under a forward subject),
    or "" (no history).
    """
    forward_subject = bool(_FWD_SUBJECT.match(subject))
    for i in range(begin, len(lines)):
        stripped = lines[i].strip()
        if not stripped or stripped.startswith(">"):
            continue
        if _FWD_MARK.match(stripped):
            return "forward", i, i + 1
        if _ORIG_MARK.match(stripped):
            return ("forward" if forward_subject else "reply"), i, i + 1
        n = _attribution_lines(lines, i) if len(stripped) < 500 else 0
        if n:
            nxt = next((line.strip() for line in lines[i + n :] if line.strip()), "")
            return ("attribution" if nxt.startswith(">") else "reply"), i, i + n
        if _is_header_block(lines, i) or _ONE_LINE_HISTORY.match(stripped):
            j = i - 1 if i > begin and _RULE.fullmatch(lines[i - 1]) else i
            return ("forward-headers" if forward_subject else "reply"), j, i
    return "", len(lines), len(lines)


def _attribution_lines(lines: list[str], i: int) -> int:
    """How many lines (1-3) the "On <date>, <name> wrote:" line starting at ``i`` spans; 0 if none."""
    first = lines[i].strip()
    if not re.match(r"(?i)(on|am|le|el|il|op|den|em|w dniu)\b|.*@", first):
        return 0
    joined = first
    for k in range(3):
        if k:
            if i + k >= len(lines) or not lines[i + k].strip():
                return 0
            joined += " " + lines[i + k].strip()
        if _ATTR.match(joined):
            return k + 1
    return 0


def _header(line: str) -> tuple[str, str] | None:
    m = _HDR.match(line)
    if not m:
        return None
    key = _KEYS.get(m.group(1).strip().lower())
    return (key, m.group(2)) if key else None


def _is_header_block(lines: list[str], i: int) -> bool:
    first = _header(lines[i])
    if not first or first[0] != "from" or not first[1]:
        return False
    seen = {"from"}
    for line in lines[i + 1 : i + 9]:
        if not line.strip():
            break
        h = _header(line)
        if h:
            seen.add(h[0])
    return "subject" in seen and ("date" in seen or "to" in seen)


def _forwarded(
    lines: list[str], subject: str, tz: tzinfo, depth: int, notes: list[str]
) -> tuple[Forwarded, Split | None]:
    filled = [line for line in lines if line.strip()]
    if filled and sum(line.lstrip().startswith(">") for line in filled) * 2 > len(filled):
        lines = [_unquote(line) for line in lines]  # Apple Mail quotes a plain-text forward
    fields: dict[str, str] = {}
    j = 0
    while j < len(lines) and j < 3 and (not lines[j].strip() or _RULE.fullmatch(lines[j])):
        j += 1
    last = ""
    while j < len(lines):
        line = lines[j]
        if not line.strip():
            if fields:
                break
            j += 1
            continue
        h = _header(line)
        if h and h[0] not in fields:
            last = h[0]
            fields[last] = h[1][:FIELD_CAP]
        elif last in ("to", "cc") and "@" in line and ":" not in line:
            fields[last] = (fields[last] + " " + line.strip())[: FIELD_CAP * 4]
        else:
            break
        j += 1
    body = "\n".join(lines[j:])
    inner = _split(body, fields.get("subject", ""), tz, depth + 1) if depth < _MAX_DEPTH else None
    if inner is None:
        own = normalise_text(body)
    else:
        own = inner.new_text + ("\n\n" + inner.signature if inner.signature else "")
    senders = _addresses(fields.get("from", ""))
    when = None
    if fields.get("date"):
        when, zoned = parse_loose_date(fields["date"], tz)
        if when is None:
            notes.append("forwarded date unreadable")
        elif not zoned:
            notes.append("forwarded date without a zone; the outer message's offset assumed")
    fwd = Forwarded(
        sender=senders[0] if senders else None,
        date=when,
        subject=" ".join(fields.get("subject", "").split()),
        to=tuple(_addresses(fields.get("to", ""))),
        text=normalise_text(own),
    )
    return fwd, inner


def _unquote(line: str) -> str:
    stripped = line.lstrip()
    if stripped.startswith(">"):
        stripped = stripped[1:]
        return stripped[1:] if stripped.startswith(" ") else stripped
    return line


def _addresses(value: str) -> list[Address]:
    if not value.strip():
        return []
    value = re.sub(r"\[mailto:([^\]\s]+)\]", r"<\1>", value)
    out = []
    for name, email in getaddresses([value]):
        name = name.strip().strip('"').strip()
        email = email.strip().lower()
        if "@" not in email:
            name, email = (name or email).strip(), ""
        if name or email:
            out.append(Address(name=name, email=email))
    return out


def _signature(lines: list[str]) -> tuple[list[str], list[str]]:
    cut = None
    for i in range(len(lines) - 1, -1, -1):
        if _SIG_DASH.match(lines[i]):
            cut = i
            break
    if cut is None:
        tail = [i for i, line in enumerate(lines) if line.strip()][-3:]
        cut = next((i for i in tail if _MOBILE.match(lines[i])), None)
    if cut is None:
        cut = _disclaimer_start(lines)
    if cut is None:
        return lines, []
    body, sig = lines[:cut], lines[cut:]
    if sig and _SIG_DASH.match(sig[0]):
        sig = sig[1:]
    return body, sig


_LEGAL = re.compile(
    r"confidential|privileged|intended (?:solely |only )?for|intended recipient|if you (?:are not|have received)"
    r"|in error|registered in (?:england|scotland|ireland)|registered office|company (?:no|number)|member fdic"
    r"|equal housing lender|regulated by|amtsgericht|handelsregister|vertraulich|disseminat|unauthori[sz]ed"
    r"|not (?:use|copy|disclose)|notify the sender|delete (?:it|this|the)",
    re.IGNORECASE,
)


def _disclaimer_start(lines: list[str]) -> int | None:
    """Start of the legal paragraphs at the end of the text (never its first paragraph), or None."""
    cut = None
    end = len(lines)
    while end > 0:
        start = end
        while start > 0 and lines[start - 1].strip():
            start -= 1
        para = " ".join(line.strip() for line in lines[start:end])
        if not para:
            end = start - 1 if start > 0 else 0
            continue
        hits = {m.group(0).lower() for m in _LEGAL.finditer(para)}
        if start == 0 or not (len(hits) >= 2 or _DISCLAIMER.match(lines[start])):
            break
        cut = start
        end = start
    return cut


_LOOSE_CLEAN = re.compile(r"\s+(?:at|um|à|a las|alle|om)\s+|,", re.IGNORECASE)


def parse_loose_date(value: str, tz: tzinfo) -> tuple[datetime | None, bool]:
    """An absolute date from a forwarded header line; (datetime with ``tz`` if none written, zoned?).

    Only absolute dates (with a year) are read: nothing is resolved against a clock.
    """
    value = " ".join(value.split())[:200]
    if not re.search(r"\b(?:19|20)\d\d\b", value):
        return None, False
    try:
        dt = parsedate_to_datetime(value)
        if dt.tzinfo is not None and "-0000" not in value:
            return dt, True
    except (TypeError, ValueError, IndexError):
        pass
    cleaned = " ".join(_LOOSE_CLEAN.sub(" ", value).split())
    cleaned = re.sub(r"^[A-Za-z]{2,9}\.?\s+(?=\d|[A-Za-z]{3,9}\s+\d)", "", cleaned)  # weekday
    for fmt in _FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).replace(tzinfo=tz), False
        except ValueError:
            continue
    return _dateparser(value, tz)


_FORMATS = (
    "%d %b %Y %H:%M",
    "%d %B %Y %H:%M",
    "%b %d %Y %H:%M",
    "%B %d %Y %H:%M",
    "%b %d %Y %I:%M %p",
    "%B %d %Y %I:%M %p",
    "%B %d %Y %I:%M:%S %p",
    "%d %b %Y %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%d/%m/%Y %H:%M",
)


def _dateparser(value: str, tz: tzinfo) -> tuple[datetime | None, bool]:
    try:
        import dateparser  # slow to import: only for the rare forwarded date the fast path misses

        dt = dateparser.parse(
            value,
            settings={"RELATIVE_BASE": datetime(2000, 1, 1), "PREFER_DAY_OF_MONTH": "first"},  # noqa: DTZ001
        )
    except Exception:
        return None, False
    if dt is None:
        return None, False
    if dt.tzinfo is None:
        return dt.replace(tzinfo=tz), False
    return dt, True
