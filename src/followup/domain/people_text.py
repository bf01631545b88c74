"""Names of interviewers written in a message's text, and whether the writer joins them.

Looked for in labelled lines ("Interviewer: …", "Panel: …", "With: …", an "Interviewers" heading
over "Name - Title" lines) and after meeting words ("you'll meet", "interview with", "booked in
with", "Gesprächspartner sind"). A list item is a name when its words are capitalised and none is
a job-title word ("Devin Osei, Director of Data Platform" gives Devin Osei only).
"""

from __future__ import annotations

import re

_UP = "A-ZÀ-ÖØ-ÞĀ-ſŁŚŻŹĆŃ"
_WORD = rf"[{_UP}][\w'’-]*"
NAME = rf"(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?{_WORD}(?:[ \t]+(?:(?:van|von|de|der|da|di|del|la|le|al|bin)[ \t]+)?{_WORD}){{0,3}}"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"

_TITLE_WORDS = {
    "director", "manager", "lead", "head", "engineer", "recruiter", "vp", "partner", "senior", "staff",
    "principal", "chief", "officer", "president", "coordinator", "specialist", "analyst", "designer",
    "scientist", "architect", "cto", "ceo", "cfo", "coo", "qa", "sre", "team", "leiter", "leiterin",
    "geschäftsführer", "teamleiter", "product", "engineering", "hiring", "talent", "people", "hr",
    "founder", "co-founder", "owner", "associate", "intern", "developer", "consultant", "advisor",
    "executive", "administrator", "assistant", "operations", "sales", "marketing", "data", "design",
    "research", "researcher", "professor", "dean", "chair", "member", "break", "lunch", "welcome",
    "introduction", "intro", "wrap-up", "q&a", "tour", "the", "our", "your", "us", "me", "zoom",
    "teams", "microsoft", "google", "meet", "webex", "calendly", "phone", "video", "onsite", "panel",
    "interview", "call", "join", "location", "when", "where", "date", "time", "agenda", "inc", "ltd",
    "gmbh", "llc", "llp", "plc", "corp", "company", "group", "recruiting", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "i", "we", "he",
    "she", "they", "it", "please", "thanks", "thank", "hi", "hello", "dear", "a", "an", "ich", "sie",
    "wir", "uns", "mir", "herr", "frau", "und", "and", "or", "technical", "final", "first", "second",
}  # fmt: skip

_LABEL_LINE = re.compile(
    r"^[ \t]*(?:your\s+)?(?:interviewers?|panel(?:ists)?|with|hosts?|gesprächspartner(?:in|innen)?"
    r"|interviewer(?:in|innen)?|meeting with|you(?:'ll| will) (?:meet|be meeting|speak) with)[ \t]*[:\-–][ \t]*(?P<rest>.+)$",
    re.I | re.M,
)
_HEADING = re.compile(
    r"^[ \t]*(?:your\s+)?(?:interviewers?|panel(?:ists)?|gesprächspartner(?:innen)?|you(?:'ll|’ll| will) (?:meet|be meeting"
    r"|be speaking with|speak with)(?: with)?|who you(?:'ll|’ll| will) meet|vous rencontrerez|sie treffen|Ihre Gesprächspartner"
    r"|conocerás a|incontrerai|você vai conhecer)[ \t]*:?[ \t]*$",
    re.I | re.M,
)
_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+")
_TRIGGER = re.compile(
    r"\b(?:[Mm]eet(?:ing)?|[Ss]peak(?:ing)?|[Tt]alk(?:ing)?|[Cc]hat(?:ting)?|[Ii]nterview(?:ing)?|[Cc]onversation|[Cc]all"
    r"|[Bb]ooked(?: in)?|[Cc]onfirmed|[Ss]ession|sit down|catch up|Gespräch|Gesprächspartner(?:in)? (?:sind|ist)|Gesprächspartner:|treffen"
    r"|kennenlernen|[Mm]it dabei (?:sind|ist)|dabei sind|rencontrer\w*|entretien|entrevue|entrevista|colloquio"
    r"|[Rr]ozmow\w*|samtal\w*|samtale\w*|gesprek|intervju\w*|wezmą udział|weźmie udział|parteciper\w*"
    r"|participar\w*|it(?:'ll|’ll| will) be(?: me and)?|present(?:ing)?(?: \w+){0,3} to|présenter\w*(?: \w+){0,3} à"
    r"|präsentier\w*(?: \w+){0,3} (?:vor|für)|presentar\w*(?: \w+){0,3} a)"
    # up to 40 characters to the with-word (not across "about"/"your": see _TOPIC_GAP)
    r"(?:[^.\n]{0,40}?\s(?:with|mit|avec|con|com(?: [oa])?|met|med|z|ze))?"
    r"\s+(?=[A-ZÀ-ÞŁŚŻ]|Dr\.)",
)
# "with Owen Park (owen.park@…)", "avec Jean Roy, notre…", "com o Tiago Reis (tiago@…)": a with-word, a name and
# the person's own address or title; not after "contact" / "get in touch" (someone to write to, not to meet)
# "talk about your experience with Go": a topic, not a person met
_TOPIC_GAP = re.compile(r"\b(?:about|regarding|your|über|sobre|experience|erfahrung)\b", re.I)
_WITH_TITLED = re.compile(
    rf"\b(?:with|avec|mit|con|com(?: [oa])?|med|met)\s+(?:(?:me|moi|mir|mig|mij)\s+(?:and|et|und|og|och|en)\s+)?"
    rf"(?P<name>{NAME})(?=\s*,\s*(?:our|the|a|an|who|unser\w*|notre|nuestr[oa]|il nostro|la nostra|o nosso|a nossa"
    r"|vores|vår|onze|nasz\w*)\b|\s*\([^)]*@|\s*<[^>]*@)"
)
_CONTACT_ONLY = re.compile(
    r"\b(?:touch|contact|questions?|reach out|write|e-?mail|reply|kontakt\w*|contacter|contactar|contattare"
    r"|wenden)\b[^.\n]{0,20}$",
    re.I,
)
_AND_I = re.compile(
    rf"(?P<name>{NAME})\s*(?:\([^)]*\))?\s+(?:and I|und ich|et moi|e io|oraz ja|og jeg|och jag|y yo|en ik|e eu)\b"
    rf"|\b(?:[Mm]e and|[Mm]oi et|[Ii]o e|[Ii]ch und|[Jj]a i|[Ee]u e)\s+(?:l'|la |il )?(?:Ing\.\s+|Dott\.\s+)?"
    rf"(?P<name2>{NAME})"
)
_SENTENCE_END = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)[.!?](?:\s|$)|\n\s*\n")
_WILL_DO = re.compile(
    rf"(?P<name>{NAME})\s+(?:will|'ll|’ll|can|is going to|would like to)\s+(?:be\s+)?(?:call|ring|phone|interview"
    r"|meet|host|lead|run|do|join|speak|talk|interviewing|joining|hosting)\b"
)
_EMAIL_IS = re.compile(rf"(?P<who>{_WORD})[’']s (?:e-?mail|address|e-mail address) is\s+(?P<email>{_EMAIL})")
_SENDER_JOINS = re.compile(
    # one word boundary, then literal alternatives: cheap at every position of a long text
    r"\b(?:(?<=[\w),]\s)and me\b|(?<=[\w)]\s)en ik\b|und ich\b|und mir\b|et moi\b|mit mir\b"
    r"|ainsi que moi\b|(?:en|met) mij\b|y yo\b|conmigo\b"
    r"|(?:will |to )?join(?:s|ing)? me\b"
    r"|(?:meet|meeting|interview|speak|speaking|talk) with me\b(?! (?:earlier|yesterday|last|this morning|on the phone))"
    r"|it(?:'ll|’ll| will) be me\b|I(?:'ll|’ll| will) (?:call|ring|phone) (?:you|your)\b"
    r"|I(?:'ll|’ll| will) give you a (?:call|ring)|unser(?:em|en)? (?:Gespräch|Telefonat|Interview)\b"
    r"|(?:oraz|i) ja\b|(?:io e|e io)\b|parteciperemo io\b|insieme a me\b|con me\b|comigo\b"
    r"|(?:eu e|e eu)\b|(?:og|och) (?:mig|meg|jeg|jag)\b|med mig\b|me and (?-i:[A-Z])"
    r"|you(?:'ll|’ll| will) be (?:speaking|talking|meeting) (?:with|to) me\b"
    r"|I(?:'ll|’ll| will) be (?:interviewing|meeting|speaking with|talking with|joining) you\b"
    r")",
    re.I,
)
# the writer's own "looking forward to talking with you" (not "Jane is looking forward…")
_LOOKING_FORWARD = re.compile(
    r"(?:^|[.!?,;:–-]\s+|\bI(?:'m|’m| am) (?:really |very )?)(?:(?:I|We)(?:'m|’m| am| are|'re|’re) )?[Ll]ooking forward to "
    r"(?:talking|speaking|meeting|chatting)(?: \w+){0,5} (?:with|to) you\b",
)
_COPY_HINT = re.compile(r"\bcc|cop(?:ied|ying|ie|ia)|kopi|loop", re.I)
_PLACE_HINT = re.compile(
    r"reception|lobby|front desk|entrance|security desk|main door|empfang|accueil|recepción", re.I
)

# "I've copied Hollis", "cc'ing Dana Lee", "Sam (cc'd)", "en copie", "in Kopie": copied on the mail, not met
_COPIED = re.compile(
    rf"\b(?i:I(?:'ve|’ve| have) (?:also )?(?:copied|cc'?e?d|looped)(?: in)?|(?:I'm |I am )?(?:copying|cc'?ing|looping in)"
    rf"|(?:also )?(?:cc|copied)\s*:|en copie\s*:?|in Kopie\s*:?|in copia\s*:?|en copia\s*:?|i kopi\s*:?"
    rf"|w kopii\s*:?|je mets en copie|ich setze)\s+(?P<name>{NAME})"
    rf"|(?P<name2>{NAME})\s*\((?:cc'?d|cc|copied|en copie|in Kopie|in copia)\)",
)
# someone who only collects the candidate: "Ask for Dana at reception", "Sam will meet you in the lobby and bring
# you up", and the writer's own "ask for me at the front desk"
_PLACE = r"(?:the\s+)?(?:reception|lobby|front desk|entrance|security desk|main door|Empfang|accueil|recepción|reception desk)"
_FETCHES = re.compile(
    rf"\b(?:[Aa]sk for|[Ff]rag(?:en Sie)? nach|[Dd]emandez)\s+(?P<name>{NAME})\s+(?:at|in|am|à l'|à la|an der)\s+{_PLACE}"
    rf"|(?P<name2>{NAME})\s+(?:will|'ll|’ll|can)\s+(?:meet|collect|greet|pick) you(?:\s+up)?\s+(?:at|in|from)\s+{_PLACE}"
)
_AND_I_JOINS = re.compile(r"(?P<before>[\w'’-]+|\))\s+and I\b(?!['’]d\b)")


def _and_i(text: str) -> bool:
    """ "Priya and I will…" (a name or a parenthesis before it), not "…by Friday and I'll send the link"."""
    for m in _AND_I_JOINS.finditer(text):
        before = m.group("before")
        if before == ")" or (before[0].isupper() and before.lower().strip("'’") not in _TITLE_WORDS):
            return True
    return False


_LEAD_WITH = re.compile(r"^\s*(?:à|a|to|with|avec|mit|con|com [oa]|med|met|z)\s+(?=[A-ZÀ-ÞŁŚŻ])")
_SEPARATOR = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\+)\s*")


def _is_name(candidate: str) -> bool:
    words = [w for w in candidate.split() if w.rstrip(".") not in ("Dr", "Prof", "Mr", "Ms", "Mrs")]
    if not words or len(words) > 4:
        return False
    return not any(w.lower().strip("'’") in _TITLE_WORDS for w in words)


def _items(chunk: str) -> list[tuple[str, str]]:
    """Names (with an address when one is written in their parentheses) in a list such as
    'Nadia Fofanah (Design Lead), Chris Oyelaran (Product Manager)'."""
    out: list[tuple[str, str]] = []
    chunk = " ".join(chunk.split())  # a hard-wrapped line goes on
    depth_free = re.sub(r"\(([^)]*)\)", lambda m: " {" + m.group(1).replace(",", "¸") + "}", chunk)
    for piece in _SEPARATOR.split(depth_free):
        piece = _LEAD_WITH.sub("", piece)  # "… et à Hélène Vasseur", "and with Sam Roy"
        m = re.match(rf"\s*(?P<name>{NAME})\s*(?P<tail>.*)$", piece)
        if not m:
            email_m = re.search(_EMAIL, piece)
            if email_m and out and not out[-1][1]:
                # "Fenja Lorenz, unsere Lead Engineer (fenja@…)": the address after a title is the name's
                out[-1] = (out[-1][0], email_m.group().lower())
                continue
            if out or piece.strip():
                # a title ("Director of Data Platform") ends nothing; a sentence word ends the list
                if re.match(r"\s*[a-z]", piece) and not re.search(r"\b(?:of|for|at)\b", piece):
                    break
            continue
        name = m.group("name").strip()
        email_m = re.search(_EMAIL, m.group("tail"))
        if len(name.split()) == 1 and out and not email_m:
            continue  # a lone word later in a list is a title's tail ("… Knowledge & Innovation")
        if _is_name(name):
            out.append((name, email_m.group().lower() if email_m else ""))
        elif email_m and out and not out[-1][1]:
            out[-1] = (out[-1][0], email_m.group().lower())
    return out


def mentioned_people(text: str) -> tuple[list[tuple[str, str]], bool]:
    """([(name, email or "")], whether the writer says they take part)."""
    found: list[tuple[str, str]] = []
    for m in _LABEL_LINE.finditer(text):
        found += _items(m.group("rest"))
    for m in _HEADING.finditer(text):
        for line in text[m.end() :].lstrip("\r\n").splitlines():
            if not line.strip():
                break
            line = _BULLET.sub("", line)
            head = re.split(r"\s+[-–—|]\s+|\s{2,}|,|\s*\(|\s*<", line.strip(), maxsplit=1)[0]
            if re.fullmatch(NAME, head) and _is_name(head):
                email_m = re.search(_EMAIL, line)
                found.append((head, email_m.group().lower().rstrip(".") if email_m else ""))
    for m in _TRIGGER.finditer(text):
        if _TOPIC_GAP.search(m.group()):
            continue
        sentence_end = _SENTENCE_END.search(text, m.end())
        chunk = text[m.end() : sentence_end.start() if sentence_end else m.end() + 200]
        found += _items(chunk[:300])
    for m in _WITH_TITLED.finditer(text):
        if _is_name(m.group("name")) and not _CONTACT_ONLY.search(text[max(0, m.start() - 40) : m.start()]):
            found += _items(text[m.start("name") : m.start("name") + 200].split("\n\n")[0].split(". ")[0])[:1]
    for m in _AND_I.finditer(text):
        name = m.group("name") or m.group("name2")
        if _is_name(name):
            found.append((name, ""))
    fetch_spans = [(m.start(), m.end()) for m in _FETCHES.finditer(text)] if _PLACE_HINT.search(text) else []
    for m in _WILL_DO.finditer(text):
        name = m.group("name")
        if _is_name(name) and not any(a <= m.start() < b for a, b in fetch_spans):
            found.append((name, ""))
    emails = {m.group("who"): m.group("email").lower().rstrip(".") for m in _EMAIL_IS.finditer(text)}
    out: list[tuple[str, str]] = []
    for name, email in found:
        if not email:
            email = next((e for who, e in emails.items() if who in name.split()), "")
        out.append((name, email))
    for who, email in emails.items():
        if not any(who in n.split() for n, _ in out):
            out.append((who, email))
    copied = copied_people(text)
    out = [(n, e) for n, e in out if not named_in(n, e, copied)]
    return out, writer_joins(text)


def writer_joins(text: str) -> bool:
    """The writer says they sit in the interview ("Raj and I", "you'll be speaking with me", "looking
    forward to talking ... with you"); collecting the candidate at reception is not that."""
    flat = " ".join(text.split())  # "ainsi que\nmoi-même": a hard wrap inside the words
    if "ooking forward" in flat and _LOOKING_FORWARD.search(flat):
        return True
    return bool(_SENDER_JOINS.search(flat) or (" and I" in flat and _and_i(flat)))


def copied_people(text: str) -> set[str]:
    """Names (and addresses) the text says are only copied on the mail, folded to lower case: "I've copied
    Hollis", "cc'ing Dana Lee", "Sam Roy (cc'd)", "en copie : Paul"."""
    out: set[str] = set()
    if not _COPY_HINT.search(text):
        return out
    for m in _COPIED.finditer(text):
        name = m.group("name") or m.group("name2")
        if name and _is_name(name):
            out.add(name.lower())
    for m in re.finditer(r"\b(?:cc|copied|in Kopie|en copie)\s*:?\s*(?P<email>" + _EMAIL + ")", text, re.I):
        out.add(m.group("email").lower())
    return out


def fetchers(text: str) -> set[str]:
    """Names the text says only collect the candidate at the door ("ask for Sam at reception")."""
    out: set[str] = set()
    if not _PLACE_HINT.search(text):
        return out
    for m in _FETCHES.finditer(text):
        name = m.group("name") or m.group("name2")
        if name and _is_name(name):
            out.add(name.lower())
    return out


def named_in(name: str, email: str, names: set[str]) -> bool:
    if not names:
        return False
    if email and email in names:
        return True
    low = name.lower()
    return any(low == n or low.split()[0] == n or n.split()[0] == low for n in names)
