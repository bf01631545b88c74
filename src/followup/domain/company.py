"""The employer's name as a human would write it, from display names, subjects, signatures and domains.

``company_key`` is the loose comparison key (case, spacing, punctuation and legal suffixes ignored):
two names with the same key are the same employer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from followup.domain.company_platforms import (
    PLATFORM_NAMES,
    domain_label,
    hosted_tenant,
    is_platform,
    is_platform_domain,
    names_itself,
    platform_notice,
)
from followup.domain.company_spelling import abbreviated_name, humble_label, public_body
from followup.domain.senders import ATS_NAMES, domain_of, is_ats_domain, is_freemail

__all__ = ["PLATFORM_NAMES", "domain_label", "is_platform", "is_platform_domain"]

LEGAL = (
    r"(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|SE|[Ii]nc\.?|Incorporated|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|PLC|plc|"
    r"S\.\s?A\.?\s+de\s+C\.\s?V\.?|S\.?A\.?S?|SARL|S\.L\.?|S\.r\.l\.?|Srl|B\.V\.?|BV|N\.V\.?|N\.A\.|Corp\.?|Corporation"
    r"|Co\.|AB|Oy|Oyj|A/S|ApS|AS|ASA|Pty\.? Ltd\.?|S\.p\.A\.?|SpA|GbR|UG|Ltda\.?|[Ss]p\.\s?z\s?o\.\s?o\.?"
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
_DISPLAY_NOISE = re.compile(
    r"\s*(?:[-|,]\s*)?\b(?:careers?|jobs|recruiting|recruitment|talent(?:\s+(?:team|acquisition|partners?))?|hiring(?:\s+team)?"
    r"|hr|people(?:\s+(?:team|ops))?|notifications?|team|no-?reply|karriere|personalabteilung|recrutement"
    r"|(?:department\s+of\s+)?human\s+resources|ressources\s+humaines|recursos\s+humanos)\b\s*$",
    re.I,
)
# A staffing agency's own domain ('greyhavenstaffing.com', 'northpeak-recruiting.co.uk'): its mail is about
# a client, and the client is the employer when the text names one.
_AGENCY_LABEL = re.compile(
    r"staffing|recruit|personnel|resourcing|headhunt|executivesearch|talentpartners|placements?$"
)
_CLIENT = re.compile(
    r"(?m)^[ \t*•-]*(?:Client|Company|Employer|Hiring company|Kunde|Unternehmen|Cliente|Entreprise)\s*:\s*(?P<c>[^\n(|·–,]{2,60})"
    r"|\b(?:submitted|sent|forwarded|presented|introduced)\s+(?:your|you)\s+(?:(?:resume|résumé|cv|CV|profile|application|details)\s+)?"
    r"(?:over\s+)?to\s+(?P<d>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,4})"
)


def is_agency_domain(domain: str) -> bool:
    return bool(domain) and bool(_AGENCY_LABEL.search(re.sub(r"[^a-z]", "", domain_label(domain))))


def named_client(texts: Iterable[str]) -> str:
    """The client an agency's mail names ('Client: Bramhall Precision', 'submitted your CV to Orrin Foods')."""
    for t in texts:
        for m in _CLIENT.finditer(t[:6000]):
            c = _clean(m.group("c") or m.group("d") or "")
            if c:
                return c
    return ""


_STOP_NAMES = re.compile(
    rf"^(?:{ATS_NAMES}|Calendly|Google|Microsoft|Teams|Zoom|Outlook|Gmail|Mail|Hi|Hello|Dear|Thanks|Thank|Best|Regards"
    r"|Interview|Application|Confirmed|Confirmation|Invitation|Update|Updated|Rescheduled|Canceled|Cancelled|Re|Fwd|Your"
    r"|The|We|I|Please|Next|Senior|Sr|Jr|Mr|Mrs|Ms|Dr|Hallo|Action|Reminder|Important|New|Welcome|Congratulations"
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
# '<Name> has sent you an offer letter', '<Name> wants to interview you', '<Name> has requested a background
# check': a platform's mail says who acts, and the one acting is the employer.
_ACTOR = re.compile(
    r"(?:^|[.!?:]\s+|\n\s*)(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})\s+(?:has\s+|have\s+)?"
    r"(?:sent you|requested|invited you|wants? to (?:interview|meet|talk)|would like to (?:interview|meet|talk|schedule)"
    r"|viewed your|is (?:inviting|interested))"
)
_BODY_PATTERNS = [
    re.compile(p)
    for p in (
        r"\b(?:position|role|opening|job|vacancy|vaga|puesto|poste|posizione|Stelle)\b[^.\n]{0,80}?\s(?:at|with|bei|chez"
        r"|presso|na|no|en)\s+(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})",
        r"\b(?:applying|applied|application)\s+(?:to|at|with|bei)\s+(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})",
        r"\b(?:interest in|Greetings from|welcome to|joining|Team at|here at|team at|(?:employment|a career|a job) with)\s+(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})",
        r"\bsent to\s+(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})",
        r"(?m)^[ \t]*(?:[^\n|]{0,60}\|[ \t]*)?(?P<c>[A-Z][\w&'’.-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’.-]*){0,3}[ \t]+"
        + LEGAL
        + r")\b",
        r"(?m)^\s*(?P<c>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})\s+(?:Talent|Recruiting|Careers|People Team|HR)\b",
    )
]


_FOLD = str.maketrans("àáâäãåçèéêëìíîïñòóôöõùúûüýÿłø", "aaaaaaceeeeiiiinooooouuuuyylo")


def _fold_all(text: str) -> str:
    """Lower-case without accents ('Wisła' -> 'wisla', 'Fjällgren' -> 'fjallgren', 'Straße' -> 'strasse')."""
    low = (
        text.lower()
        .translate(_FOLD)
        .replace("ß", "ss")
        .replace("æ", "ae")
        .replace("đ", "d")
        .replace("ı", "i")
    )
    if low.isascii():
        return low
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


def strip_legal(name: str) -> str:
    return _LEGAL_TAIL.sub("", name.strip()).strip(" ,.")


# Legal forms as folded word sequences (what is left of 'S.A. de C.V.' or 'sp. z o.o.' once punctuation goes).
_LEGAL_WORDS = tuple(
    tuple(f.split())
    for f in """s a de c v|s a p i de c v|sp z o o|s p a|s r l|s l u|s a u|s l|s a s|s a|slu|sau|b v|n v|n a|a s|pty ltd|pvt ltd
    |private limited|gmbh and co kg|gmbh co kg|l l c|gmbh|ag|kg|se|inc|incorporated|ltd|limited|llc|llp|plc|sas|sarl
    |srl|spa|sa|bv|nv|pty|corp|corporation|co|ab|oy|oyj|aps|as|asa|gbr|ug|ltda|pvt|kk|kft|sro|ev""".split("|")
)
# Words a name is often shortened by ('Tidewinch' for Tidewinch Robotics, 'Groupe Vandersmissen' for
# Vandersmissen): the key drops them at the end (or a group word at the front) while a distinctive stem
# of at least five letters remains, so 'Orchid' and 'Orchid Analytics' compare equal but 'Orchid' and
# 'Orchard' never do.
_KEY_TAILS = frozenset(
    """ai group groupe grupo gruppe gruppo holdings holding labs lab systems system analytics data digital software
    technologies technology tech robotics insurance mutual solutions services cloud studios studio games health
    energy works networks partners ventures international global company""".split()
)
_GLUED_TAILS = tuple(sorted((t for t in _KEY_TAILS if len(t) >= 4), key=len, reverse=True))
_KEY_HEADS = frozenset("group groupe grupo gruppe gruppo".split())


def _key_words(name: str) -> list[str]:
    text = _fold_all(name).replace("&", " and ")
    words = re.findall(r"[0-9a-z]+", text)
    changed = True
    while changed and len(words) > 1:
        changed = False
        for form in _LEGAL_WORDS:
            if len(words) > len(form) and tuple(words[-len(form) :]) == form:
                del words[-len(form) :]
                changed = True
                break
    return words


def company_key(name: str) -> str:
    """Loose comparison key: 'Stellwerk Mobility GmbH' and 'stellwerk mobility' give the same key, so do
    'Sorrel & Pike' and 'sorrelandpike', 'Plata Digital S.A. de C.V.' and 'Plata Digital', and a name and its
    clear short form ('Kiteframe AI' / 'Kiteframe'). Grouping uses track_people's own matcher."""
    words = _key_words(name)
    while len(words) > 1 and words[0] in _KEY_HEADS:
        words.pop(0)
    glued = re.match(r"(?:groupe|grupo|gruppe|gruppo|group)(?=[a-z]{5})", words[0]) if words else None
    if glued:  # a domain glues the group word on ('grupoalmendra')
        words[0] = words[0][glued.end() :]
    while len(words) > 1 and words[-1] in _KEY_TAILS and len("".join(words[:-1])) >= 5:
        words.pop()
    if len(words) == 1:  # a glued ending is the same name ('Parcelworks' / 'Parcel Works')
        tail = next((t for t in _GLUED_TAILS if words[0].endswith(t) and len(words[0]) - len(t) >= 5), "")
        if tail:
            words[0] = words[0][: -len(tail)]
    while len(words) > 1 and words[-1] == "and":
        words.pop()
    # '&', 'and' and a domain that glues them ('tamsinoak', 'sorrelandpike') all compare alike
    return "".join(w for w in words if w != "and").replace("and", "")


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


def _loose_keys(phrase: str) -> set[str]:
    """The phrase's letters without legal form, with and without its 'and' ('Sorrel & Pike' spells both
    'sorrelandpike' and 'sorrelpike')."""
    keys: set[str] = set()
    for form in (phrase, _umlauts_spelled_out(phrase)) if _UMLAUT.search(phrase) else (phrase,):
        words = _key_words(form)
        keys |= {k for k in ("".join(words), "".join(w for w in words if w != "and")) if k}
    return keys


# German umlauts as an address spells them ('Brückner' -> brueckner-automation.de)
_UMLAUT = re.compile("[äöüÄÖÜ]")
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _umlauts_spelled_out(text: str) -> str:
    return text.translate(_SPELLED_OUT)


def _spell_rank(key: str, lab: str) -> int:
    if key == lab:
        return 3
    if key.startswith(lab) and len(lab) >= 4:
        return 2
    if lab.startswith(key) and len(key) >= 5 and len(key) >= 0.6 * len(lab):
        return 1
    return 0


_REGISTERED = re.compile(r"\b(?:Company|Corporation|Incorporated)$")


def match_domain(domain: str, texts: Iterable[str]) -> str:
    """The name written in the texts that the domain spells or abbreviates ('corvidsec.com' -> 'Corvid
    Security', 'stbrendans.org' -> "St. Brendan's Medical Center"), or ""."""
    texts = list(texts)
    if platform_notice(domain, texts):
        # a platform's name is never the employer's; the employer whose page it hosts may be written
        tenant = hosted_tenant(domain, texts)
        return _finish(abbreviated_name(tenant, texts), texts) if tenant else ""
    name = _spelled_name(domain, texts)
    if not name and domain.count(".") >= 2:
        tenant = hosted_tenant(domain, texts)  # 'acme.hrsuite.com': a tenant's mail on someone's platform
        name = abbreviated_name(tenant, texts) if tenant else ""
    return _finish(name, texts)


def _spelled_name(domain: str, texts: list[str]) -> str:
    if is_agency_domain(domain):
        client = named_client(texts)
        if client:
            return client
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
        last = ph.split()[-1]
        if is_platform(ph) or last == "I" or (last[:1].islower() and not _LEGAL_TAIL.search(ph)):
            continue  # 'Acme Health and I', 'Wisła Systems sp. z' (a legal form cut short)
        ranked = [(_spell_rank(k, lab), k) for k in _loose_keys(ph)]
        rank, key = max(ranked) if ranked else (0, "")
        if not rank:
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
    if exact and (registered or (best is not None and _LEGAL_TAIL.search(best[2]))):
        # 'Oakhurst Mutual' or 'Thistle & Finch' (the address spells it word for word), not the registered
        # 'Oakhurst Mutual Insurance Company' or 'Thistle & Finch Design Ltd'
        return exact
    if best is None or best[0] < 2:
        # no phrase spells the label or starts with it: the name whose words it abbreviates
        # ('northfielduniv' for Northfield University), which outweighs a bare stem ('Northfield')
        return abbreviated_name(label, texts, state_ok=True) or (best[2] if best else "")
    return best[2]


# Legal forms people leave out when they say the name ('Arenal Software', not 'Arenal Software S.L.'), and
# dotted forms whose last dot a sentence's end took ('B.V', 'S.p.A').
_SPOKEN_WITHOUT = re.compile(
    r"[\s,]+(?:S\.\s?L\.?(?:\s?U\.?)?|S\.\s?A\.\s?U\.?|SLU|SAU|SARL|S\.?A\.?R\.?L\.?|SAS|S\.A\.S\.?|S\.p\.A\.?|SpA"
    r"|S\.r\.l\.?|Srl|S\.A\.?|Ltda\.?|Lda\.?)$"
)
_CUT_DOT = re.compile(r"(?<=\b[A-Z]\.[A-Za-z])$|(?<=\b[A-Z]\.[a-z]\.[A-Z])$")


def _finish(name: str, texts: Iterable[str] = ()) -> str:
    """The name as people say it: a public body's full form ('City of Eastbrook'), Romance legal forms left
    out, a dotted form's cut last dot restored ('Kanaalzicht Data B.V.')."""
    if not name:
        return ""
    name = public_body(name, texts)
    bare = _SPOKEN_WITHOUT.sub("", name).strip(" ,")
    if bare and bare != name and len(bare) >= 3:
        return bare
    return name + "." if _CUT_DOT.search(name) else name


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
    texts spell the label as words ("interview at Tidewell Foods", "tidewell foods"), else the label with a
    common name ending split off ('Tidewell Foods'), a US public body's state code left out ('Eastbrook')."""
    texts = list(texts)
    notice = platform_notice(domain, texts)
    if notice == "digest":
        return ""  # a job alert or a newsletter names many employers or none
    if notice:
        # a relay's domain names no employer: the one the subject or text names, else none
        return _finish(from_patterns(texts[0] if texts else "", "\n".join(texts[1:3])), texts)
    label = domain_label(domain)
    parts = [w for w in re.split(r"[-_]", label) if w]
    spelled = [spelled_label("".join(parts), t) for t in texts]
    found = next((w for w in spelled if w), "")
    if found:
        return found
    if len(parts) == 1:
        humble = humble_label(parts[0], domain)
        return humble if " " in humble else split_glued(humble)
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
    if re.search(rf"^(?:{ATS_NAMES})\b", name, re.I) or is_platform(
        _DISPLAY_NOISE.sub("", name).strip(" -|,")
    ):
        return ""
    if names_itself(name, (body,)):
        return ""  # the mail says this sender is the board or host it came through
    if human_name and name.lower() == human_name.lower():
        return ""
    if signed_by(name, body) and _person_like(name):
        return ""  # a person's name relayed by an ATS ("Priya Raman <no-reply@greenhouse.io>")
    cleaned = name
    for _ in range(2):
        cleaned = _DISPLAY_NOISE.sub("", cleaned).strip(" -|,")
    return _finish(cleaned)


def _person_like_word(name: str) -> bool:
    """'We', 'She', 'Dana' (a first name acting) is not an employer: one short word that is a pronoun."""
    return name.lower() in {"we", "she", "he", "they", "you", "i", "it", "who", "everyone", "our team"}


def _person_like(name: str) -> bool:
    """'Priya Raman' may be a person; 'Tallow & Pine', 'Corvid Systems' or 'Acme GmbH' is not."""
    words = name.split()
    if "&" in name or re.search(rf"[\s,]{LEGAL}$", name) or not 2 <= len(words) <= 4:
        return False
    return words[-1].lower() not in _NAME_TAILS


def from_patterns(subject: str, body: str) -> str:
    for text in (subject, body[:3000]):
        for m in _ACTOR.finditer(text):
            c = _clean(m.group("c"))
            if c and not _person_like_word(c):
                return c
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


# Lower-case words that may sit inside a name ('Bank of Ireland', 'Casa de Papel', 'Wattle and Gum').
_NAME_JOINERS = frozenset("and of de du des la le y für del di da do van von der den et e the".split())


def _clean(c: str) -> str:
    c = c.strip(" .,!-–|")
    # a sentence ends the name ('... sent to Acme Health. Good luck!'), an initial or a legal form does not
    c = re.sub(r"(?<=[a-z]{3})\.\s+[A-Z].*$", "", c, flags=re.S)
    c = re.sub(r"\s+(?:on|for|about|re|the)$", "", c, flags=re.I)
    # "your interview with Corvid Systems is tomorrow": the name ends where the sentence's verb begins
    c = re.sub(r"\s+(?:is|are|was|were|has|have|will|would|tomorrow|today|tonight|this|next)\b.*$", "", c)
    # ...in any language: the first lower-case word that is neither a joiner nor a legal form ends it
    # ('Maison Ferrand a bien été envoyée', 'Action required')
    words = c.split()
    for i, w in enumerate(words[1:], 1):
        if w[:1].islower() and w not in _NAME_JOINERS and not _LEGAL_TAIL.search(" " + " ".join(words[i:])):
            c = " ".join(words[:i])
            break
    c = re.sub(r"\s+(?:and|of|de|du|des|la|le|y|et|e|the|&)$", "", c)
    if not c or _STOP_NAMES.match(c) or _TITLE_WORDS.search(c) or len(c) > 50 or is_platform(c):
        return ""
    if not re.match(r"[A-Z0-9]", c):
        return ""
    return _finish(c)


def employer_from_addresses(addresses: Iterable[str]) -> str:
    for a in addresses:
        d = domain_of(a)
        if d and not is_ats_domain(d) and not is_freemail(d):
            return d
    return ""
