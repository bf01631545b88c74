"""The role a hiring message is about ("Senior Data Engineer", "UX Researcher (m/w/d)"), or "".

A role is read only where the mail frames it as one ("for the X position", "Bewerbung als X",
"Interview Confirmation: X at Y", a subject segment that is a job title) and only when the phrase
contains a job-title head word, so a company or a meeting name is not taken for a role.
"""

from __future__ import annotations

import re

_HEAD = re.compile(
    r"\b(?:engineer|engineering|developer|manager|analyst|designer|scientist|lead|director|producer|researcher"
    r"|specialist|coordinator|consultant|architect|administrator|associate|officer|planner|accountant|animator"
    r"|head|vp|vice president|president|intern|internship|assistant|executive|representative|advis[oe]r|strategist"
    r"|writer|editor|marketer|recruiter|technician|nurse|teacher|programmer|owner|tester|controller|auditor|actuary"
    r"|economist|counsel|lawyer|attorney|paralegal|chef|operator|buyer|fellow|trainee|apprentice|partner|sre|tpm"
    r"|pm|swe|sde|qa|devops|werkstudent\w*|\w*ingenieur\w*|\w*entwickler\w*|\w*leiter\w*|\w*referent\w*|\w*berater\w*"
    r"|sachbearbeiter\w*|\w*manager\w*|\w*spezialist\w*|\w*techniker\w*|ingénieur|développeur|chargée?|responsable"
    r"|ingeniero|desarrollador|gerente|jefe|analista|analist|adviseur|medewerker|ontwikkelaar|beheerder|chef"
    r"|directeur|responsable|técnico|consultor|asesor)\b",
    re.I,
)
# 'Chargé(e)', 'Analyste principal(e)', 'Chargé·e': a gender-inclusive ending belongs to the word
_INCL = r"(?:\((?:e|es|ne|le|x)\)|·e)?"
_TOKEN = (
    r"(?:[A-Z][\w+#/.’'-]*" + _INCL + r"|[ie]-?[A-Z][\w-]*|[A-Z]{2,}|II|III|IV"
    r"|\((?:m/w/d|w/m/d|f/m/d|m/f/d|h/f|[A-Z][\w+#]{0,10})\))"
)
_TITLE = rf"{_TOKEN}(?:(?:\s+|\s*&\s*|\s+(?:of|and|for|de|des|du)\s+|\s*/\s*){_TOKEN}){{0,6}}(?:,\s+{_TOKEN}(?:\s*&\s*{_TOKEN}|\s+{_TOKEN}){{0,2}})?"
_T = rf"(?P<r>{_TITLE})"
_CONTEXTS = [
    re.compile(p)
    for p in (
        rf"\b(?:role|position|post|Position|Stelle) (?:of|als|as)\s+(?:an?\s+)?{_T}",
        rf"\b(?:Bewerbung|bewerben|Position|Stelle)\s+(?:als|zum|zur)\s+{_T}",
        rf"\b(?:for|as|to|about|on|in|with|fill)\s+(?:the|our|a|an|this|your)\s+{_T}\s+(?:position|role|opening|job|vacancy|post|req|contract)\b",
        rf"\b(?:for|as|to|about)\s+{_T}\s+(?:position|role|opening|job|vacancy)\b",
        rf"\b(?:[Tt]he|[Oo]ur)\s+{_T}\s+(?:position|role|opening|vacancy|requisition)\b",
        rf"\bjoin\s+(?:[\w&]+\s+){{0,3}}?as\s+(?:an?|our)\s+{_T}",
        rf"\b[Aa]pplication\s+(?:for|to)\s+(?:the\s+)?(?:position\s+of\s+)?{_T}",
        rf"\b(?:applying|applied)\s+(?:for|to)\s+(?:the\s+|be\s+an?\s+)?{_T}\s*(?:at|with|\(|-|–|!|\.|,)",
        rf"\b(?:interest in|interviewing for|interview for|considered for|offer you the)\s+(?:the\s+)?{_T}",
        rf"\b(?:candidature au poste de|postuler pour|candidatura (?:al puesto de|para))\s+{_T}",
        rf"\b(?:sollicitatie|solliciteren|functie)\s+(?:voor|als|naar)\s+(?:de\s+(?:functie|vacature)\s+(?:van\s+)?)?{_T}",
        rf"\bde functie\s+{_T}",
        rf"\b(?:vacature|functie)\s+(?:van\s+)?{_T}",
        rf"\b(?:posición|puesto|vacante|poste|plaza)\s+(?:de|d')\s*{_T}",
    )
]
# French and Spanish titles are written in sentence case ("Chef de projet digital", "Analista de datos"):
# after an explicit "poste de" / "puesto de", lower-case words continue the title up to a function word
_LOWER_TITLE = re.compile(
    r"\b(?:(?:le |au )?poste d[e']|(?:la |al )?(?:posición|puesto|vacante) de|candidature (?:au poste de|pour))\s*"
    r"(?P<r>[A-ZÉ][\w'-]*"
    + _INCL
    + r"(?:\s+(?!(?:chez|et|à|au|en|y|para|con|que|qui|dans|pour|avec|at|bei|sur)\b)[\w'-]+"
    + _INCL
    + r"){0,5})"
)
_TRAILING = re.compile(
    r"\s+(?:chez|et|à|au|en|y|para|con|que|qui|dans|pour|avec|at|bei|sur|nous|we|est|sont|me|vous|a|es|está)\b.*$"
)
_SUBJECT_NOISE = re.compile(
    r"^(?:(?:re|fwd?|aw|wg|tr)\s*:\s*)+|\b(?:interview confirmation|interview|confirmed|confirmation|invitation|einladung zum"
    r" (?:interview|vorstellungsgespräch)|einladung|vorstellungsgespräch|application (?:received|submitted)|thank you for"
    r" applying|your application(?: to| for)?|update|next steps?|quick chat|intro call|phone screen|final panel|onsite"
    r"|round \d|aktualisiert|offer|aanbod|angebot|offre|oferta|bevestiging|uitnodiging|terminbestätigung"
    r"|confirmación|entrevista|entretien|updated invitation|canceled event|cancelled)\b\s*:?",
    re.I,
)
_PERSON = re.compile(r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}")
_NOT_PERSON = re.compile(
    r"\b(?:Interview|Technical|Screen|Panel|Onsite|Round|Final|Intro|Call|Stage|Review|Chat)\b"
)
# a parenthesis carrying a number (requisition, exam or posting number, '12-mo contract') is not the title
_CODE = re.compile(r"\s*\((?:R-|JR|Req|Job ID|ID)[^)]*\)|\s*\([^()\n]{0,30}\d[^()\n]{0,30}\)")
# 'Data Analyst II, Department of Transportation': a comma then the unit the post sits in ends the title
_UNIT = re.compile(
    r",\s+(?:the\s+)?(?:Department|Dept\.?|Division|Office|Bureau|School|Faculty|Directorate|Ministry|Agency"
    r"|Service|Unit|Section|Program(?:me)?|Département|Abteilung|Referat)\b.*$",
    re.S,
)
_BAD = re.compile(
    r"\b(?:Interview|Confirmed|Application|Thank|Thanks|Hi|Dear|Team|Office(?! (?:Manager|Administrator|Assistant|Coordinator))|Call|Calendar|Meeting|Zoom|Teams|Update|Re"
    r"|Updated|Invitation|Hiring Manager|Recrutement|Recruiting|Talent Acquisition)\b"
)


# Words that frame a title without being part of it: the process ('Kennenlerngespräch', 'Candidatura',
# 'Position') before it, the step ('Assessment', 'Take-home') after it; a requisition number before it.
_FRAME_HEAD = re.compile(
    r"^(?:(?:[A-Z]{1,4}-?\d[\w-]*|Req(?:uisition)?\s*#?\s*\d[\w-]*)\s+[-–:|]?\s*"
    r"|(?:\w*gespräch|Bewerbung|Stelle|Position|Candidatura|Candidature|Poste|Puesto|Vaga|Vacature|Sollicitatie"
    r"|Colloquio|Rozmowa|Job|Role|Opening|Vacancy)\s+(?:(?:als|as|for|für|de|di|do|da|per|na|voor)\s+)?)"
)
_FRAME_TAIL = re.compile(
    r"(?:\s+(?:Coding|Technical|Online|Skills?|Home))?\s+(?:Assessment|Test|Challenge|Exercise|Take-?home|Case Study|Interview|Screen|Screening|Onsite|Panel"
    r"|Gespräch|Entretien|Entrevista|Colloquio|Intervju|Samtale)$",
    re.I,
)
# 'Dana Ruiz, Principal Scientist' is a person and their title (an interviewer, a signature), not the role;
# 'Dana Ruiz / Operations Manager' in a subject is the candidate and the role applied for.
_NAMED_TITLE = re.compile(r"^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}\s*(?P<sep>[,/])\s*")


def _valid(title: str) -> str:
    # a title ends at a line break or a sentence's full stop ("Data Engineer. We read..."), not at "Sr."
    t = re.sub(r"(?<=\w{4})\.\s.*$|\s*\n.*$", "", title, flags=re.S)
    t = _UNIT.sub("", _CODE.sub("", t)).strip(" ,.-–:|")
    t = re.sub(r"\s+(?:at|with|bei|chez)\s+.*$", "", t)
    named = _NAMED_TITLE.match(t)
    if named and not _HEAD.search(t[: named.end()]):
        if named.group("sep") == ",":
            return ""
        t = t[named.end() :]
    for _ in range(2):
        t = _FRAME_HEAD.sub("", t).strip(" ,.-–:|")
        t = _FRAME_TAIL.sub("", t).strip(" ,.-–:|")
    if not t or len(t) > 70 or not _HEAD.search(t) or _BAD.search(t):
        return ""
    words = t.split()
    if len(words) == 1 and (words[0].isupper() or len(words[0]) <= 3):
        return ""  # a bare abbreviation ('SRE') is not a role as written
    return t


# Lower-case words after a title in a subject that name the step or the thread, not the post ("Data Analyst
# oral board", "Research Data Manager search", "SRE interview confirmed for Thursday")
_STEP_AFTER = re.compile(
    r"\s+(?:oral|board|panel|interview|phone|video|screen|call|chat|conversation|meeting|onsite|assessment"
    r"|exercise|case|take-home|follow-up|references?|search|process|application|confirmed|scheduled|update"
    r"|rescheduled|next|steps?|invite|invitation|debrief|for|on|at|this|tomorrow|today)\b.*$"
)


def role_from_subject(subject: str, company: str = "") -> str:
    s = subject
    m = re.search(rf"{_T}\s+(?:at|@|bei|chez|with)\s+", s)
    if m and _valid(m.group("r")):
        return _valid(m.group("r"))
    for ctx in _CONTEXTS:
        m = ctx.search(s)
        if m and _valid(m.group("r")):
            return _valid(m.group("r"))
    s = _SUBJECT_NOISE.sub(" ", re.sub(r"(?:^|\s+)\([a-z][^)]*\)", "", s))
    for seg in re.split(r"\s+[-–|@]\s+|:\s+|\s*\|\s*|\s+-\s*|\s*[–—]\s*", s):
        seg = _CODE.sub("", seg)
        seg = re.sub(
            r"\s+(?:role|position|vacancy|opening|application|contract|search)$", "", seg.strip(" -–—:|")
        )
        if company and seg.lower().startswith(company.lower()):
            seg = seg[len(company) :].strip()
        seg = _STEP_AFTER.sub("", seg)
        m = re.fullmatch(_T, seg)
        if m and _valid(m.group("r")):
            return _valid(m.group("r"))
        # "Chef de projet digital": a sentence-case title whose first word is the head (French, Spanish)
        plain = _FRAME_HEAD.sub("", seg)  # 'Candidature Chargé(e) de projet'
        m = re.fullmatch(r"(?P<r>[A-ZÉ][\w'-]*" + _INCL + r"(?:\s+[\w'-]+" + _INCL + r"){0,4})", plain)
        if m and _HEAD.fullmatch(re.sub(r"\(.*", "", plain.split()[0])) and _valid(m.group("r")):
            return _valid(m.group("r"))
        # "Bevestiging gesprek Data Engineer", "Proceso de selección Analista de Datos Senior": a title closing it
        m = re.search(rf"(?:^|\s)[a-zäöüéíóá][\w-]*\s+{_T}$", seg)  # after a lower-case word: a whole title
        if m and _valid(m.group("r")):
            return _valid(m.group("r"))
        m = re.search(rf"\(({_TITLE})\)", seg)
        if m and _valid(m.group(1)):
            return _valid(m.group(1))
    return ""


def role_from_text(text: str) -> str:
    for ctx in _CONTEXTS:
        for m in ctx.finditer(text):
            r = _valid(m.group("r"))
            if r:
                return _longer_lower(text, r)
    low = _LOWER_TITLE.search(text)
    if low:
        r = _valid(_sentence_case(_TRAILING.sub("", low.group("r"))))
        if r:
            return r
    # a template's headline line: "Senior Data Engineer - Hiring Manager Interview"
    previous = ""
    for raw_line in text.splitlines()[:40]:
        line, prev = raw_line.strip(), previous
        if line:
            previous = line
        if _PERSON.fullmatch(prev):
            continue  # "Claire Dumont / Responsable Recrutement – Maison Aubrac": a signature's title line
        if len(line) > 90 or not re.search(r"\s[-–]\s", line):
            continue
        segs = re.split(r"\s+[-–]\s+", line)
        if _PERSON.fullmatch(segs[0]) and not _HEAD.search(segs[0]) and not _NOT_PERSON.search(segs[0]):
            continue  # "Hana Ito - Head of Growth": a person and their title, not the role applied for
        for seg in segs:
            hit = re.fullmatch(_T, seg.strip())
            if hit and _valid(hit.group("r")):
                return _valid(hit.group("r"))
    return ""


def _sentence_case(title: str) -> str:
    """Lower-case words continue a title only when it is written in sentence case ('Chef de projet digital');
    after a title in title case ('Data Analyst correspond ...') they are the sentence going on."""
    words = title.split()
    if len(words) >= 2 and words[1][:1].isupper():
        for i, w in enumerate(words[2:], 2):
            if w[:1].islower() and w not in ("de", "des", "du", "of", "and", "y", "e", "di", "da"):
                return " ".join(words[:i])
    return title


_ROLE_TEXT = 4000  # a role is named near the top of a mail; signatures and footers add only noise


def _longer_lower(text: str, role: str) -> str:
    """'Chef' read from "poste de Chef de projet digital" grows to the sentence-case title."""
    m = _LOWER_TITLE.search(text)
    if m and m.group("r").startswith(role) and len(m.group("r")) > len(role):
        longer = _valid(_sentence_case(_TRAILING.sub("", m.group("r"))))
        return longer or role
    return role


def find_role(subject: str, text: str, company: str = "") -> str:
    return role_from_subject(subject, company) or role_from_text(text[:_ROLE_TEXT])


# Short forms people write for a whole title's words ('SRE' for Site Reliability Engineer, 'Sr.' for Senior)
_SHORT_FORMS = {
    "sre": "site reliability engineer",
    "swe": "software engineer",
    "sde": "software development engineer",
    "ml": "machine learning",
    "qa": "quality assurance",
    "ux": "user experience",
    "bi": "business intelligence",
    "sr": "senior",
    "jr": "junior",
    "mgr": "manager",
    "eng": "engineer",
}


def role_key(role: str) -> str:
    """Comparison key: case, spacing, gender markers ('(m/w/d)', 'H/F'), inclusive endings ('Chargé(e)') and
    common short forms ('SRE', 'Sr.') ignored."""
    r = re.sub(r"\(?\b(?:m/w/d|w/m/d|f/m/d|m/f/d|d/f/m|h/f|f/h|m/f|f/m)\b\)?", "", role, flags=re.I)
    r = re.sub(r"(?<=\w)(?:\((?:e|es|ne|le|x)\)|·e)", "", r.lower())
    words = re.findall(r"[^\W_]+", r)
    return re.sub(r"[^0-9a-z]", "", "".join(_SHORT_FORMS.get(w, w) for w in words))
