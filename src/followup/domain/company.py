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
    r"S\.?A\.?S?|SARL|S\.L\.|B\.V\.|N\.V\.|N\.A\.|Corp\.?|Corporation|Co\.|AB|Oy|A/S|ApS|Pty\.? Ltd\.?|S\.p\.A\.|GbR|UG"
    r"|Pvt\.?(?:\s*Ltd\.?)?|Private Limited)"
)
_LEGAL_TAIL = re.compile(rf"[\s,]+{LEGAL}$")
_WORD = r"(?:[A-Z0-9][\w'’.-]*[\w]|[A-Z])"
# A name stays on one line: a signature's next line (a city, a street) is never part of it.
_PHRASE = re.compile(
    rf"(?<![\w@./-]){_WORD}(?:(?:[ \t]+|[ \t]*&[ \t]*|[ \t]+(?:and|of|de|für|du|la|y)[ \t]+){_WORD}){{0,4}}"
    rf"(?:,?[ \t]+{LEGAL})?(?![\w@])"
)
_POSSESSIVE = re.compile(r"['’]s\b.*$")
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
    r"|Interview|Application|Confirmed|Confirmation|Invitation|Update|Updated|Rescheduled|Canceled|Cancelled|Re|Fwd|Your"
    r"|The|We|I|Please|Next|Senior|Hallo"
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
        r"\b(?:interest in|Greetings from|welcome to|joining|Team at|here at|team at|(?:employment|a career|a job) with)\s+(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})",
        r"\bsent to\s+(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})",
        r"(?m)^\s*(?:[^\n|]{0,60}\|\s*)?(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3}\s+"
        + LEGAL
        + r")\b",
        r"(?m)^\s*(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})\s+(?:Talent|Recruiting|Careers|People Team|HR)\b",
    )
]


_FOLD = str.maketrans("àáâäãåçèéêëìíîïñòóôöõùúûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy")


def strip_legal(name: str) -> str:
    return _LEGAL_TAIL.sub("", name.strip()).strip(" ,.")


def company_key(name: str) -> str:
    """Loose comparison key: 'Stellwerk Mobility GmbH' and 'stellwerk mobility' give the same key."""
    base = strip_legal(name).lower().replace("&", "").replace(" and ", "").translate(_FOLD)
    return re.sub(r"[^0-9a-z]", "", base)


def domain_label(domain: str) -> str:
    """'saltbush.com.au' -> 'saltbush'; 'mail.corvidsec.com' -> 'corvidsec'; 'halden-energie.de' -> 'halden-energie'."""
    parts = [p for p in domain.lower().split(".") if p]
    if len(parts) > 1:
        parts.pop()  # the top-level domain, whatever it is (.com, .de, .design, .finance)
    while len(parts) > 1 and parts[-1] in _SECOND_LEVEL:
        parts.pop()
    return parts[-1] if parts else ""


def _phrases(texts: Iterable[str], lab: str = "") -> list[str]:
    """Capitalised phrases and their contiguous sub-spans; with ``lab``, only spans whose first word
    could begin a name spelling that domain label (the rest can never match it)."""
    out: list[str] = []
    head = lab[:2]
    for t in texts:
        if head and head not in t.lower().translate(_FOLD):
            continue
        for m in _PHRASE.finditer(t):
            words = _POSSESSIVE.sub("", m.group(0)).split()  # "Pinegate's SEs" names Pinegate
            # every contiguous sub-span, so 'Thanks Brightmoor Analytics' still offers 'Brightmoor Analytics'
            for i in range(len(words)):
                if head and not re.sub(r"[^0-9a-z]", "", words[i].lower().translate(_FOLD)).startswith(head):
                    continue
                for j in range(i + 1, min(len(words), i + 6) + 1):
                    out.append(" ".join(words[i:j]).strip(" ,"))
    return out


_REGISTERED = re.compile(r"\b(?:Company|Corporation|Incorporated)$")


def match_domain(domain: str, texts: Iterable[str]) -> str:
    """The phrase in the texts that spells the domain's name ('corvidsec.com' -> 'Corvid Security'), or ""."""
    label = domain_label(domain)
    lab = re.sub(r"[^0-9a-z]", "", label)
    if len(lab) < 3:
        return ""
    best: tuple[int, int, str] | None = None
    exact, registered = "", False
    for ph in _phrases(texts, lab):
        if _STOP_NAMES.match(ph.split()[0]) and len(ph.split()) == 1:
            continue
        ph = re.sub(r"['’]s$", "", ph)
        ph = _DISPLAY_NOISE.sub("", ph).strip(" -|,") or ph
        ph = _trim_tail(ph)
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
        # ...but a longer phrase that is only the registered form ('Oakhurst Mutual Insurance Company' for
        # 'oakhurstmutual') loses to the brand the address spells exactly
        rank = min(rank, 2)
        if key == lab and len(ph.split()) >= 2:
            exact = ph
        elif _REGISTERED.search(ph):
            registered = True
        has_legal = 1 if _LEGAL_TAIL.search(ph) else 0
        cand = (rank, len(key) * 2 + has_legal, ph)
        if best is None or cand[:2] > best[:2]:
            best = cand
    if exact and registered:
        return exact  # 'Oakhurst Mutual' (the address spells it), not 'Oakhurst Mutual Insurance Company'
    return best[2] if best else ""


# Words after a name that describe the mail, not the employer: "Nimbusline SRE - intro call",
# "Orbitwise Technical deep-dive", "Kelpworks Interview".
_NOT_TAIL = re.compile(
    r"^(?:[A-Z]{2,4}|Technical|Interview\w*|Intro|Introductory|Call|Screen|Screening|Onsite|On-site|Panel|Final"
    r"|Round|Deep|Deep-dive|Update|Offer|Role|Position|Job|Team|Hiring|Recruiting|Careers|Talent|Candidate|Application"
    r"|Virtual|Video|Phone|Chat|Meeting|Invitation|Invite|Confirmed|Confirmation|Reminder|Next|Steps?)$"
)


def _trim_tail(phrase: str) -> str:
    words = phrase.split()
    while len(words) > 1 and _NOT_TAIL.match(words[-1]) and not re.fullmatch(LEGAL, words[-1]):
        words.pop()
    return " ".join(words)


def from_domain(domain: str, texts: Iterable[str] = ()) -> str:
    """Last resort: 'halden-energie.de' -> 'Halden Energie'; 'tidewellfoods.com' -> 'Tidewell Foods' when the
    texts spell the label as words ("interview at Tidewell Foods", "tidewell foods"), else 'Tidewellfoods'."""
    label = domain_label(domain)
    parts = [w for w in re.split(r"[-_]", label) if w]
    spelled = [spelled_label("".join(parts), t) for t in texts]
    found = next((w for w in spelled if w), "")
    if found:
        return found
    if len(parts) == 1:
        return split_glued(parts[0])
    return " ".join(w.capitalize() for w in parts)


# Words company names commonly end with; a domain label that glues one on ("tidewellfoods") is split
# before it ("Tidewell Foods"). Only trailing words, and only when a real stem (>= 4 letters) remains.
_NAME_TAILS = tuple(
    sorted(
        """foods food health healthcare labs lab systems analytics energy energie media studios studio
        group games bank capital partners solutions software technologies technology tech robotics
        logistics freight networks network security insurance mutual pharma therapeutics biosciences bio
        motors mobility consulting ventures works industries holdings digital data cloud financial finance
        payments pay home homes goods apparel brands retail markets foundation institute university college
        hospital clinic care medical dental legal law advisors advisory aerospace aero automation devices
        design designs creative agency marketing interactive entertainment music records publishing press
        hotels hotel resorts travel airlines air transit rail shipping marine ocean farms farm kitchen coffee
        beverages brewing wines fitness sports learning education academy school schools""".split(),
        key=len,
        reverse=True,
    )
)


def split_glued(label: str) -> str:
    """'tidewellfoods' -> 'Tidewell Foods', 'copperleafstudios' -> 'Copperleaf Studios'; else capitalised."""
    low = label.lower()
    m = re.fullmatch(r"([a-z]{3,})and(co|sons|partners|company|friends)", low)
    if m:  # 'wattleandco' -> 'Wattle & Co'
        return f"{m.group(1).capitalize()} & {m.group(2).capitalize()}"
    for tail in _NAME_TAILS:
        stem = low[: -len(tail)]
        if low.endswith(tail) and len(stem) >= 4 and stem.isalpha():
            return f"{stem.capitalize()} {tail.capitalize()}"
    return label.capitalize()


def spelled_label(label: str, text: str) -> str:
    """The words of ``text`` that spell ``label`` with the spaces removed ('olivarenergia' in '... Olivar
    Energía ...' -> 'Olivar Energía'), capitalised; "" when the text does not spell it as two or more words."""
    lab = re.sub(r"[^0-9a-z]", "", label.lower())
    if len(lab) < 4 or not text:
        return ""
    words = [(m.group(0), m.start()) for m in re.finditer(r"[^\W_]+|&", text[:20000])]
    folded = [("and" if w == "&" else w.lower().translate(_FOLD)) for w, _ in words]
    for i, first in enumerate(folded):
        if not lab.startswith(first) or first == lab:
            continue
        acc = first
        for j in range(i + 1, min(i + 5, len(words))):
            acc += folded[j]
            if acc == lab:
                # the words must be adjacent in the text (spaces, hyphens or '&' between), not across lines
                span = text[words[i][1] : words[j][1] + len(words[j][0])]
                if "\n" in span or re.search(r"[^\w\s&-]", span.replace("'", "")):
                    break
                return " ".join(w[:1].upper() + w[1:] for w, _ in words[i : j + 1])
            if not lab.startswith(acc):
                break
    return ""


def signed_by(name: str, body: str) -> bool:
    """The body is signed (a line of its own) with this name: the display name is a person's."""
    if not body or len(name.split()) < 2:
        return False
    text = body.lstrip()
    tail = text[-1500:]
    for m in re.finditer(rf"(?m)^[ \t]*{re.escape(name)}[ \t]*,?[ \t]*$", tail):
        if len(text) - len(tail) + m.start() > 0:
            return True  # a sign-off; a template's letterhead (the first line) is the company
    return False


def from_display_name(display: str, human_name: str = "", body: str = "") -> str:
    """'Altamira Bio Careers' -> 'Altamira Bio'; 'Jules Moreau at Pellucid Labs' -> 'Pellucid Labs'; '' for a person."""
    name = display.strip().strip('"')
    if not name:
        return ""
    m = re.match(r"^(?P<p>.+?)\s+(?:at|@|from|bei|chez)\s+(?P<c>.+)$", name)
    if m and not re.search(rf"\b(?:{ATS_NAMES})\b", m.group("c"), re.I):
        return _DISPLAY_NOISE.sub("", m.group("c")).strip()
    via = re.match(r"^(?P<c>.+?)\s+via\s+(?P<v>.+)$", name, re.I)
    if via:  # "Verdigris Bio via DocuSign" names the employer; "Dana Lee via Greenhouse" a person
        c = _DISPLAY_NOISE.sub("", via.group("c")).strip(" -|,")
        return "" if _person_like(c) or re.search(rf"^(?:{ATS_NAMES})\b", c, re.I) else c
    if re.search(rf"^(?:{ATS_NAMES})\b", name, re.I):
        return ""
    if human_name and name.lower() == human_name.lower():
        return ""
    if signed_by(name, body) and _person_like(name):
        return ""  # a person's name relayed by an ATS ("Priya Raman <no-reply@greenhouse.io>")
    cleaned = name
    for _ in range(2):
        cleaned = _DISPLAY_NOISE.sub("", cleaned).strip(" -|,")
    return cleaned


def _person_like(name: str) -> bool:
    """'Priya Raman' may be a person; 'Tallow & Pine', 'Corvid Systems' or 'Acme GmbH' is not."""
    words = name.split()
    if "&" in name or re.search(rf"[\s,]{LEGAL}$", name) or not 2 <= len(words) <= 4:
        return False
    return words[-1].lower() not in _NAME_TAILS


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
    # "your interview with Corvid Systems is tomorrow": the name ends where the sentence's verb begins
    c = re.sub(r"\s+(?:is|are|was|were|has|have|will|would|tomorrow|today|tonight|this|next)\b.*$", "", c)
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
