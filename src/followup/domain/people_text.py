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
    r"^[ \t]*(?:your\s+)?(?:interviewers?|panel(?:ists)?|gesprächspartner(?:innen)?)[ \t]*:?[ \t]*$",
    re.I | re.M,
)
_TRIGGER = re.compile(
    r"\b(?:meet(?:ing)?|speak(?:ing)?|talk(?:ing)?|chat(?:ting)?|interview(?:ing)?|conversation|call|booked(?: in)?"
    r"|confirmed|session|sit down|catch up|Gespräch|Gesprächspartner(?:in)? (?:sind|ist)|Gesprächspartner:|treffen"
    r"|kennenlernen|rencontrer|entretien)(?:[^.\n]{0,15}?\s(?:with|mit|avec))?\s+(?=[A-ZÀ-ÞŁ]|Dr\.)",
)
_WITH_TITLED = re.compile(
    rf"\bwith\s+(?P<name>{NAME})(?=\s*,\s*(?:our|the|a|an|who|unser\w*)\b|\s*\([^)]*@|\s*<[^>]*@)"
)
_AND_I = re.compile(rf"(?P<name>{NAME})\s*(?:\([^)]*\))?\s+(?:and I|und ich)\b")
_SENTENCE_END = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)[.!?](?:\s|$)|\n\s*\n")
_WILL_DO = re.compile(
    rf"(?P<name>{NAME})\s+(?:will|'ll|’ll|can|is going to|would like to)\s+(?:be\s+)?(?:call|ring|phone|interview"
    r"|meet|host|lead|run|do|join|speak|talk|interviewing|joining|hosting)\b"
)
_EMAIL_IS = re.compile(rf"(?P<who>{_WORD})[’']s (?:e-?mail|address|e-mail address) is\s+(?P<email>{_EMAIL})")
_SENDER_JOINS = re.compile(
    r"(?:[\w),]\s+and me\b|[\w)]\s+and I\b|\bund ich\b|\bund mir\b|\bet moi\b|\bmit mir\b"
    r"|\bainsi que moi\b|\bet moi-même\b|\b(?:en|met) mij\b|[\w)]\s+en ik\b|\by yo\b|\bconmigo\b"
    r"|\b(?:will |to )?join(?:s|ing)? me\b"
    r"|\b(?:meet|meeting|interview|speak|speaking|talk) with me\b(?! (?:earlier|yesterday|last|this morning|on the phone))"
    r"|\bit(?:'ll| will) be me\b|\bI(?:'ll|’ll| will) (?:call|ring|phone) (?:you|your)\b"
    r"|\bI(?:'ll|’ll| will) give you a (?:call|ring)|\bunser(?:em|en)? (?:Gespräch|Telefonat|Interview)\b)",
    re.I,
)
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
    depth_free = re.sub(r"\(([^)]*)\)", lambda m: " {" + m.group(1).replace(",", "¸") + "}", chunk)
    for piece in _SEPARATOR.split(depth_free):
        m = re.match(rf"\s*(?P<name>{NAME})\s*(?P<tail>.*)$", piece)
        if not m:
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
            head = re.split(r"\s+[-–—|]\s+|\s{2,}|,", line.strip(), maxsplit=1)[0]
            if re.fullmatch(NAME, head) and _is_name(head):
                found.append((head, ""))
    for m in _TRIGGER.finditer(text):
        sentence_end = _SENTENCE_END.search(text, m.end())
        chunk = text[m.end() : sentence_end.start() if sentence_end else m.end() + 200]
        found += _items(chunk[:300])
    for m in _WITH_TITLED.finditer(text):
        if _is_name(m.group("name")):
            found += _items(text[m.start("name") : m.start("name") + 200].split("\n\n")[0].split(". ")[0])[:1]
    for m in _AND_I.finditer(text):
        name = m.group("name")
        if _is_name(name):
            found.append((name, ""))
    for m in _WILL_DO.finditer(text):
        name = m.group("name")
        if _is_name(name):
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
    return out, bool(_SENDER_JOINS.search(text))
