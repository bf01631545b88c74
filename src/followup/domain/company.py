"""The employer's name as a human would write it, from display names, subjects, signatures and domains.

``company_key`` is the loose comparison key (case, spacing, punctuation and legal suffixes ignored):
two names with the same key are the same employer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from followup.domain.senders import ATS_NAMES, domain_of, is_ats_domain, is_freemail

LEGAL = (
    r"(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|SE|Inc\.?|Incorporated|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|PLC|plc|"
    r"S\.?A\.?S?|SARL|S\.L\.|B\.V\.|N\.V\.|N\.A\.|Corp\.?|Corporation|Co\.|AB|Oy|A/S|ApS|Pty\.? Ltd\.?|S\.p\.A\.|GbR|UG)"
)
_LEGAL_TAIL = re.compile(rf"[\s,]+{LEGAL}$")
_WORD = r"(?:[A-Z0-9][\w'’.-]*[\w]|[A-Z])"
_PHRASE = re.compile(
    rf"(?<![\w@./-]){_WORD}(?:(?:\s+|\s*&\s*|\s+(?:and|of|de|für|du|la|y)\s+){_WORD}){{0,4}}(?:,?\s+{LEGAL})?(?![\w@])"
)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc", "or", "ne", "gv"})
_GENERIC_TLD = frozenset(
    {
        "com",
        "org",
        "net",
        "io",
        "co",
        "de",
        "uk",
        "au",
        "fr",
        "es",
        "eu",
        "ai",
        "app",
        "dev",
        "tech",
        "us",
        "ca",
        "nl",
        "ch",
        "at",
        "se",
        "fm",
        "ly",
        "me",
        "hr",
        "jobs",
        "careers",
        "xyz",
        "biz",
        "info",
        "in",
        "jp",
        "kr",
        "sg",
        "nz",
    }
)
_DISPLAY_NOISE = re.compile(
    r"\s*(?:[-|,]\s*)?\b(?:careers?|jobs|recruiting|recruitment|talent(?:\s+(?:team|acquisition|partners?))?|hiring(?:\s+team)?"
    r"|hr|people(?:\s+(?:team|ops))?|notifications?|team|no-?reply|karriere|personalabteilung|recrutement)\b\s*$",
    re.I,
)
_STOP_NAMES = re.compile(
    rf"^(?:{ATS_NAMES}|Calendly|Google|Microsoft|Teams|Zoom|Outlook|Gmail|Mail|Hi|Hello|Dear|Thanks|Thank|Best|Regards"
    r"|Interview|Application|Confirmed|Confirmation|Invitation|Update|Re|Fwd|Your|The|We|I|Please|Next|Senior|Hallo"
    r"|Liebe|Sehr|Vielen|Ihre|Ihr|Viele|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December)$",
    re.I,
)
_SUBJECT_PATTERNS = [
    re.compile(p, re.I)
    for p in (
        r"\b(?:at|to|with|from|bei|chez|en|für)\s+(?P<c>[A-Z][\w&'’. -]{1,60}?)(?:\s*[!:.,(|–-]|\s+on\s|\s+-\s|$)",
        r"^(?:re:\s*|fwd?:\s*|aw:\s*|wg:\s*)*(?P<c>[A-Z][\w&'’. ]{1,50}?)\s*(?:[:|–]|\s-\s)",
    )
]
_BODY_PATTERNS = [
    re.compile(p)
    for p in (
        r"\b(?:applying|applied|application)\s+(?:to|at|with|bei)\s+(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})",
        r"\b(?:interest in|Greetings from|welcome to|joining|Team at|here at|team at)\s+(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})",
        r"\bsent to\s+(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})",
        r"(?m)^\s*(?:[^\n|]{0,60}\|\s*)?(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3}\s+"
        + LEGAL
        + r")\b",
        r"(?m)^\s*(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})\s+(?:Talent|Recruiting|Careers|People Team|HR)\b",
    )
]


def strip_legal(name: str) -> str:
    return _LEGAL_TAIL.sub("", name.strip()).strip(" ,.")


def company_key(name: str) -> str:
    """Loose comparison key: 'Stellwerk Mobility GmbH' and 'stellwerk mobility' give the same key."""
    base = strip_legal(name).lower().replace("&", "").replace(" and ", "")
    return re.sub(r"[^0-9a-zà-ÿ]", "", base)


def domain_label(domain: str) -> str:
    """'saltbush.com.au' -> 'saltbush'; 'mail.corvidsec.com' -> 'corvidsec'; 'halden-energie.de' -> 'halden-energie'."""
    parts = [p for p in domain.lower().split(".") if p]
    if len(parts) > 1:
        parts.pop()  # the top-level domain, whatever it is (.com, .de, .design, .finance)
    while len(parts) > 1 and parts[-1] in _SECOND_LEVEL:
        parts.pop()
    return parts[-1] if parts else ""


def _phrases(texts: Iterable[str]) -> list[str]:
    out: list[str] = []
    for t in texts:
        for m in _PHRASE.finditer(t):
            words = m.group(0).split()
            # every contiguous sub-span, so 'Thanks Brightmoor Analytics' still offers 'Brightmoor Analytics'
            for i in range(len(words)):
                for j in range(i + 1, min(len(words), i + 6) + 1):
                    out.append(" ".join(words[i:j]).strip(" ,"))
    return out


def match_domain(domain: str, texts: Iterable[str]) -> str:
    """The phrase in the texts that spells the domain's name ('corvidsec.com' -> 'Corvid Security'), or ""."""
    label = domain_label(domain)
    lab = re.sub(r"[^0-9a-z]", "", label)
    if len(lab) < 3:
        return ""
    best: tuple[int, int, str] | None = None
    for ph in _phrases(texts):
        if _STOP_NAMES.match(ph.split()[0]) and len(ph.split()) == 1:
            continue
        ph = re.sub(r"['’]s$", "", ph)
        ph = _DISPLAY_NOISE.sub("", ph).strip(" -|,") or ph
        key = company_key(ph)
        if not key:
            continue
        if key == lab:
            rank = 3
        elif key.startswith(lab) and len(lab) >= 4:
            rank = 2
        elif lab.startswith(key) and len(key) >= 5 and len(key) >= 0.6 * len(lab):
            rank = 1
        else:
            continue
        # the domain is often a shortening of the name ('saltbush' for Saltbush Analytics): prefer the
        # fuller phrase that starts with it, then the one carrying its legal suffix
        rank = min(rank, 2)
        has_legal = 1 if _LEGAL_TAIL.search(ph) else 0
        cand = (rank, len(key) * 2 + has_legal, ph)
        if best is None or cand[:2] > best[:2]:
            best = cand
    return best[2] if best else ""


def from_domain(domain: str) -> str:
    """Last resort: 'halden-energie.de' -> 'Halden Energie'."""
    label = domain_label(domain)
    return " ".join(w.capitalize() for w in re.split(r"[-_]", label) if w)


def from_display_name(display: str, human_name: str = "") -> str:
    """'Altamira Bio Careers' -> 'Altamira Bio'; 'Jules Moreau at Pellucid Labs' -> 'Pellucid Labs'; '' for a person."""
    name = display.strip().strip('"')
    if not name:
        return ""
    m = re.match(r"^(?P<p>.+?)\s+(?:at|@|from|bei|chez)\s+(?P<c>.+)$", name)
    if m and not re.search(rf"\b(?:{ATS_NAMES})\b", m.group("c"), re.I):
        return _DISPLAY_NOISE.sub("", m.group("c")).strip()
    if re.search(r"\s+via\s+", name, re.I) or re.search(rf"^(?:{ATS_NAMES})\b", name, re.I):
        return ""
    if human_name and name.lower() == human_name.lower():
        return ""
    cleaned = name
    for _ in range(2):
        cleaned = _DISPLAY_NOISE.sub("", cleaned).strip(" -|,")
    return cleaned


def from_patterns(subject: str, body: str) -> str:
    for pat in _SUBJECT_PATTERNS:
        for m in pat.finditer(subject):
            c = _clean(m.group("c"))
            if c:
                return c
    for pat in _BODY_PATTERNS:
        for m in pat.finditer(body):
            c = _clean(m.group("c"))
            if c:
                return c
    return ""


_TITLE_WORDS = re.compile(
    r"\b(?:engineer|developer|manager|analyst|designer|scientist|director|producer|researcher|specialist|coordinator"
    r"|interview|application|position|role|call|chat|screen|round|update|confirmed|next|steps?|thank|your|you)\b",
    re.I,
)


def _clean(c: str) -> str:
    c = c.strip(" .,!-–|")
    c = re.sub(r"\s+(?:on|for|about|re|the)$", "", c, flags=re.I)
    if not c or _STOP_NAMES.match(c) or _TITLE_WORDS.search(c) or len(c) > 50:
        return ""
    if not re.match(r"[A-Z0-9]", c):
        return ""
    return c


def employer_from_addresses(addresses: Iterable[str]) -> str:
    for a in addresses:
        d = domain_of(a)
        if d and not is_ats_domain(d) and not is_freemail(d):
            return d
    return ""
