"""Cue tables: precompiled phrase patterns per signal, in English, German, French and Spanish.

Each cue has a weight; ``score(text, CUES)`` returns the summed weight and the phrases quoted from the
text that matched (the evidence). Patterns describe *meaning* (a rejection, a promise, a request to
schedule) in several phrasings rather than any one mail's sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_FLAGS = re.S  # texts are lower-cased once by ``prepare``: case-folded matching is several times slower


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    weight: float
    needs: tuple[str, ...] = ()  # the pattern cannot match unless one of these substrings is present


# Words most hiring mail (English above all) carries: a prefilter substring found in them rarely skips a regex.
_COMMON = (
    "interview application applicant position candidate confirm conversation consideration contact continue reviewing"
    " thanks the and for you your with this that team role offer schedule meeting time would like great process"
    " next step decision feedback opportunity recruiter hiring manager regards best please let know about"
)


def _cost(needs: set[str]) -> int:
    """Each substring scan costs; a short or common one seldom saves the regex behind it."""
    return len(needs) + sum((len(n) < 5) + 3 * (n in _COMMON) for n in needs)


def _runs(items: list[tuple[Any, Any]], head: str = "") -> set[str] | None:
    """The cheapest set of literal runs (3+ characters) one of which every match contains, or None.
    It looks past a short first word ("vi", "go") and past the groups to
    a run every branch shares ("... con otr[oa]s"), and follows a short literal into the group after it
    (the regex parser hoists a common first letter out of an alternation: "p" + "asar|osponer")."""
    from re import _constants as c  # type: ignore[attr-defined]

    found: list[set[str]] = []
    lit, i = head, 0
    while i < len(items):
        op, av = items[i]
        if op is c.LITERAL:
            lit += chr(av)
            i += 1
            continue
        if len(lit) >= 3:
            found.append({lit})
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: the literals either side stay one run
            i += 1
        elif op is c.SUBPATTERN:
            items, i = list(av[-1]) + items[i + 1 :], 0
        elif op is c.BRANCH:
            union: set[str] | None = set()
            for branch in av[1]:
                got = _runs(list(branch) + items[i + 1 :], lit)
                if got is None or union is None:
                    union = None
                    break
                union |= got
            if union:
                found.append(union)
            lit, i = "", i + 1  # what follows the group is required too: a fresh run
        else:  # a repeat, a class, anything else: what follows is still required, as a fresh run
            lit, i = "", i + 1
    if len(lit) >= 3:
        found.append({lit})
    return min(found, key=_cost) if found else None


def _needs(pattern: str) -> tuple[str, ...]:
    try:
        from re import _parser  # type: ignore[attr-defined]

        got = _runs(list(_parser.parse(pattern, _FLAGS)))
    except Exception:  # noqa: BLE001 - a prefilter is an optimisation only
        return ()
    if not got or len(got) > 64:
        return ()
    # a run that contains another is implied by it: scanning for the shorter one is enough
    return tuple(sorted(n for n in got if not any(o != n and o in n for o in got)))


MAX_CHARS = 3000  # cues are read from the head of a message: disclaimers and footers add nothing


def prepare(text: str) -> str:
    """The form every table is matched against: lower case, curly apostrophes straightened, capped."""
    return text[:MAX_CHARS].lower().replace("’", "'")


def cues(*pairs: tuple[str, float] | tuple[str, float, tuple[str, ...]]) -> tuple[Cue, ...]:
    """Cues from (pattern, weight) pairs; a third element names the substrings one of which every match
    contains, for patterns whose first literal the parser cannot see (a character class, a lookbehind)."""
    out = []
    for item in pairs:
        p, w = item[0], item[1]
        needs = item[2] if len(item) > 2 else _needs(p)  # type: ignore[misc]
        out.append(Cue(re.compile(p, _FLAGS), w, needs))
    return tuple(out)


@dataclass(frozen=True)
class Text:
    """A text prepared once for every table: ``low`` is matched, ``raw`` is quoted as evidence."""

    raw: str
    low: str

    @classmethod
    def of(cls, text: str) -> Text:
        raw = unwrap(text[:MAX_CHARS])
        return cls(raw, prepare(raw))


# A line break a mail client inserted inside a sentence ("...for three\nprofessional references"): a
# long line followed by one that goes on in lower case. Replaced by a space (same length, so evidence
# is still quoted from the raw text); short lines, lists and paragraph breaks stay as they are.
_WRAPPED = re.compile(r"\n(?=[a-z(])")


def _join(m: re.Match[str]) -> str:
    text, at = m.string, m.start()
    line = at - text.rfind("\n", 0, at) - 1
    return " " if line >= 30 and text[at - 1] not in ".!?:;" else "\n"


def unwrap(text: str) -> str:
    return _WRAPPED.sub(_join, text) if "\n" in text else text


def score(text: Text, table: tuple[Cue, ...], limit: int = 3) -> tuple[float, tuple[str, ...]]:
    """Summed weight of the cues found in ``text`` and the phrases that matched (as written)."""
    total = 0.0
    found: list[str] = []
    same = len(text.raw) == len(text.low)
    low = text.low
    for cue in table:
        if cue.needs:
            for n in cue.needs:  # a plain loop: several times cheaper than any() over a generator here
                if n in low:
                    break
            else:
                continue
        m = cue.pattern.search(low)
        if m:
            total += cue.weight
            if len(found) < limit:
                phrase = text.raw[m.start() : m.end()] if same else m.group(0)
                found.append(" ".join(phrase.split())[:80])
    return total, tuple(found)


JOB = (
    r"(?:position|role|job|vacancy|opening|opportunity|requisition|req\b|post\b|candidacy|stelle|position"
    r"|poste|puesto|vacante|candidature|candidatura|bewerbung)"
)

# --- context -----------------------------------------------------------------------------------
HIRING = cues(
    (
        r"\b(?:your|the|this|our|an?)\s+(?:job\s+)?application\b(?!\s+(?:fee|for (?:a|the|your) (?:card|loan|account)))",
        1.0,
        ("application",),
    ),
    (r"\b(?:the|this|our|your|an?)\s+(?:[\w&,-]+\s+){0,6}?" + JOB + r"\b", 1.0),
    (r"\bcandidates?\b|\bapplicants?\b|\bshortlist", 1.0),
    (
        r"\b(?:recruit(?:er|ing|ment)|talent (?:acquisition|team|partner)|hiring (?:manager|team|process))\b",
        1.5,
    ),
    (r"\binterview\w*", 1.0),
    (r"\b(?:next|final|second) (?:round|step|stage)s?\b|\bonsite\b", 1.0),
    (
        r"\b(?:finalists?|shortlisted|resume|résumé|cv|lebenslauf|hiring|references?|take-home|offer letter)\b",
        1.0,
        (
            "finalist",
            "shortlisted",
            "resume",
            "résumé",
            "cv",
            "lebenslauf",
            "hiring",
            "reference",
            "take-home",
            "offer letter",
        ),
    ),
    (
        r"\b(?:phone|technical|video|intro|screening) (?:screen|call|round|interview)\b|\bonsite\b|\bpanel\b",
        1.0,
    ),
    (r"\b(?:bewerbung|vorstellungsgespr[äa]ch|bewerber|stelle|personalabteilung|kennenlernen)\b", 1.5),
    (
        r"\b(?:candidatures?|entretiens? d'embauche|recrutement|poste)\b|\b(?:candidaturas?|entrevistas?|vacante|puesto)\b",
        1.5,
    ),
    (r"\(m/w/d\)|\(w/m/d\)|\(f/m/d\)|\(m/f/d\)|\(h/f\)", 2.0),
    (r"\b(?:offer letter|start date|compensation|salary|base pay|equity)\b", 0.5),
    (  # the same nouns in German, French, Spanish and Dutch
        r"\b(?:kandidat\w*|candidat(?:e|o|a)?s?|entretiens?|entrevistas?|(?:ge)?sollicit\w*|vacature|functie|kandida(?:at|ten)"
        r"|gespräch|gesprek|kennenlerngespräch|selección|proceso de selección|processus de recrutement)\b",
        1.5,
    ),
    (
        r"\b(?:meet|met|meeting) (?:the|our) (?:\w+ )?team\b|\b(?:make|made|reach|reached|have|had) (?:a|our|the) (?:final |hiring )?decision\b"
        r"|\b(?:one|two|three|a few|a couple of|some) (?:more|other|further|final) (?:conversations?|interviews?|candidates?)\b"
        r"|\bwrap(?:ping)? up (?:the|our) (?:process|search|interviews)\b|\bwhere we land\b"
        r"|\b(?:gehaltsvorstellung|arbeitszeugnis\w*|eintrittstermin|weiteren (?:prozess|verlauf)|sollicitatieprocedure"
        r"|arbeidsvoorwaarden\w*|besluit|selectieprocedure|tweede (?:gesprek|ronde)|proceso de selección)\b"
        r"|\b(?:the|our) (?:last|other|remaining) (?:conversations|interviews|candidates)\b"
        r"|\b(?:have|give you|get you) (?:an|our|the) (?:answer|decision|verdict)\b|\bbackground check\b"
        r"|\b(?:your|the) portfolio\b|\bco-?founder\b|\bhiring\b|\bmeet (?:the )?rest of (?:the|our|my) (?:\w+ )?(?:team|crew|folks|group)\b"
        r"|\bthanks? (?:\w+ ){0,2}for (?:coming in|making the trip|visiting us)\b|\bshow(?:ing)? you around (?:the|our) office",
        1.0,
    ),
)

# Contexts that use hiring words but are not hiring: each is strong on its own.
JOBBOARD = cues(
    (
        "\\bjobs? you (?:may|might) (?:be interested in|like)\\b|\\btop (?:job )?matches\\b|\\b(?:update|manage) your job (?:preferences|alerts)\\b|\\bapply now\\b|\\bjobs? (?:based on|matching) your\\b",
        4.0,
        ("job", "top ", "apply now"),
    ),
    (
        r"\bjob alert|\bnew jobs?\b|\bjobs? (?:for you|picked|recommended|similar|matching|you might)\b|"
        r"\brecommended jobs|\bjobs in\b|\bsimilar jobs|\bjobs? that match|\bappeared in \d+ searches|"
        r"\bstellenangebote\b|\bneue jobs\b|\boffres d'emploi\b|\bofertas de empleo\b",
        4.0,
        ("job", "appeared in", "stellenangebote", "offres d'emploi", "ofertas de empleo"),
    ),
    (
        r"\b(?:unsubscribe|manage (?:your )?(?:alerts?|preferences|subscriptions?)|email preferences|"
        r"view (?:it )?in (?:your )?browser|abmelden|se désabonner|darse de baja)\b",
        1.5,
    ),
    (
        r"\b(?:interview tips|interview questions|interview prep|salary (?:insights|snapshot)"
        r"|are you paid fairly|community digest)\b",
        3.5,
    ),
)
LOOKALIKE = cues(
    (
        "\\b(?:openings|roles|positions|opportunities|requirements) (?:with|at|for) (?:\\w+ ){0,3}clients?\\b|\\bimmediate joiners?\\b|\\b\\d+\\+ (?:\\w+ )?(?:open |urgent )?(?:roles|openings|positions|requirements)\\b|\\b(?:that |which )?match(?:es)? your (?:skills|profile|background|experience)\\b",
        3.5,
        ("client", "joiner", "+ ", "match"),
    ),
    (  # a visa or passport appointment; the bare words are weak (a form asking about visa sponsorship, an
        # office park named "Embassy ..." in a signature, a passport among identity documents)
        r"\bvisa (?:appointment|application|interview|officer|category|stamp|renewal|extension)\b"
        r"|\b(?:embassy|consulate) (?:appointment|interview)\b|\b(?:at|to|from|with|by) the (?:[\w.]+ ){0,2}(?:embassy|consulate)\b"
        r"|\bconsular\b|\bbiometrics?\b|\bpassport (?:renewal|application|appointment|collection|pick-?up|office|photo)\b"
        r"|\bds-160\b|\b(?:passport|citizenship|naturali[sz]ation|immigration|green card|asylum|residence permit) interview"
        # a government office's receipt: "your application for a student visa", a visa subclass, a lodgement date
        r"|\b(?:application|applying) for an? (?:(?!at |with |to |in )[\w-]+ ){0,2}(?:visa|(?:work|residence|study) permit)\b"
        r"(?! (?:team|role|position|inc|card))|\bvisa \(?subclass\b|\bdate of lodg(?:e)?ment\b",
        3.0,
        (
            "lodg",
            "permit",
            "visa",
            "embassy",
            "consul",
            "biometric",
            "passport",
            "ds-160",
            "citizenship",
            "naturali",
            "immigration",
            "green card",
            "asylum",
            "residence permit",
        ),
    ),
    (r"\b(?:visa|embassy|consulate|passport)\b(?! sponsor)", 1.0),
    (  # a payment card named by its network ("Cash Rewards Visa card")
        r"\b(?:visa|mastercard|amex|american express|discover|rewards|cashback|store|charge) (?:\w+ )?card\b",
        3.5,
        ("card",),
    ),
    (r"\bnewsletter\b", 1.5),
    # said of a survey and of an assessment's personality section alike: a hint, not a look-alike on its own
    (r"\bno right or wrong answers\b", 1.5),
    (
        r"\b(?:podcast|episode|journalist|our (?:piece|story|article)|for (?:an?|our) (?:piece|story|article)"
        r"|read the (?:full )?interview|this week's interview|we sat down with|an interview with the)\b",
        3.0,
    ),
    (
        r"\b(?:user|customer|market|ux) research\b|\bresearch (?:study|session|participant)|\bparticipants?\b"
        r"|\bgift card\b|\bvoucher\b|\bas a thank[- ]you\b"
        r"|[$€£]\d+ (?:credit|gift|amazon|reward)|\b(?:customers|users|shoppers)\b.{0,60}\binterview"
        r"|\binterview about (?:your (?:experience|use|habits|needs)|how you (?:use|shop|work with|found))",
        3.0,
        (
            "research",
            "participant",
            "gift card",
            "voucher",
            "as a thank",
            "credit",
            "gift",
            "amazon",
            "reward",
            "interview",
        ),
    ),
    (
        r"\b(?:credit card|card application|(?:gold|platinum|green|rewards|debit|business|cashback) card|loan|mortgage|tenan(?:cy|t)|rental application|lease|landlord|leasing"
        r"|apartment|flat \d|decision in principle|kreditkarte|antrag auf|darlehen|mietvertrag|hypoth)\b",
        3.5,
    ),
    (
        r"\b(?:webinar|workshop|masterclass|save your seat|register (?:now|here|today)|live this|join us live"
        r"|careers service|coaches)\b",
        3.0,
    ),
    (
        r"\b(?:volunteer(?:ing)?|admissions?|admission decisions?|graduate program|degree programme?"
        r"|(?:next|incoming|new|upcoming|fall|spring|autumn|summer|winter|january|september|\d{4}) cohort|cohort (?:starts|begins)"
        r"|nursery|school place|hoa\b|architectural (?:review|committee))\b",
        3.5,
        (
            "volunteer",
            "admission",
            "graduate program",
            "degree program",
            "cohort",
            "nursery",
            "school place",
            "hoa",
            "architectural",
        ),
    ),
    (
        r"\b(?:talk proposal|proposals?|call for (?:papers|proposals|speakers)|cfp\b|speaking slot|programme committee"
        r"|program committee|abstract)\b",
        3.5,
    ),
    (  # scholarly publishing: a manuscript "rejected", a paper "under review"
        r"\b(?:manuscripts?|peer[- ]review\w*|reviewers?'? comments|for publication"
        r"|camera-ready|submission id|resubmi\w+|your (?:paper|article|submission) (?:entitled|titled))\b",
        4.0,
        (
            "manuscript",
            "peer",
            "reviewer",
            "for publication",
            "camera-ready",
            "submission id",
            "resubmi",
            "titled",
        ),
    ),
    (  # housing in the other languages the rules read: a flat and its viewing, rent, landlord
        r"\b(?:wohnung\w*|\w*wohnung|besichtigung\w*|mieterselbstauskunft|kaltmiete|warmmiete|hausverwaltung|vermietung"
        r"|vermieter\w*|schufa|logement|visite de l'appartement|loyer|alquiler|inquilin\w*|huurwoning|bezichtiging)\b",
        3.5,
        (
            "wohnung",
            "besichtig",
            "mieter",
            "miete",
            "hausverwalt",
            "vermiet",
            "schufa",
            "logement",
            "appartement",
            "loyer",
            "alquiler",
            "inquilin",
            "huurwoning",
            "bezichtiging",
        ),
    ),
    (  # a journalist introducing themselves, a piece to appear (a newsroom's job title alone is no look-alike)
        r"\b(?:je suis|soy|ich bin|sono|ik ben) (?:\w+ )?(?:journaliste|periodista|journalist(?:in)?|giornalista)\b"
        r"|\b(?:avant|après) (?:sa )?parution\b|\bnotre rubrique\b|\bpara nuestra (?:sección|revista)\b",
        3.5,
        ("je suis", "soy ", "ich bin", "sono ", "ik ben", "parution", "rubrique", "para nuestra"),
    ),
    (  # housing: a unit, its fee and deposit (with the rental words above, a declined "application" is no job)
        r"\b(?:unit \d\w{0,3}|unit [a-z]\d\w{0,2}|application fee|screening fee|move-in|security deposit|\w+-bedroom"
        r"|leasing office|property manag\w+)\b",
        1.5,
        ("unit ", "fee", "move-in", "deposit", "bedroom", "leasing office", "property manag"),
    ),
    (
        # an account's security mail (a password to reset or changed, a code); a password handed over with a
        # test platform's or a shared folder's link is part of a task, and the bare word says nothing
        r"\b(?:reset (?:your|the) password|password (?:reset|change|has been changed|was changed|expires|expiring)"
        r"|verify your (?:email|account)|sign-in code|security code)\b",
        3.0,
        ("password", "verify your", "sign-in code", "security code"),
    ),
    (
        r"\b(?:receipt(?! of your (?:application|cv|résumé|resume|documents))|order #|your order|has shipped|tracking number"
        r"|booking reference|e-ticket|invoice|total paid)\b",
        3.0,
    ),
    (r"\b(?:mock interview|ace your|behavioral[- ]interview workshop)\b", 3.5),
    (  # the user sits on the hiring side at their current job: a debrief, scorecards, a hire/no-hire call
        r"\b(?:interview|candidate|panel) debrief\b|\bscorecards?\b|\bhire ?/ ?no[- ]hire\b|\bno[- ]hire\b",
        3.5,
        ("debrief", "scorecard", "hire"),
    ),
    (
        r"\b(?:i|i've|i have) (?:got |have )?(?:a|my) (?:final round|second round|interview|panel|onsite)\b"
        r"|\b(?:they(?:'ve| have)? asked me back|they said they'd|my (?:panel|interview) (?:went|is))\b",
        3.5,
    ),
    (  # cold outreach: a profile "match", several roles, a rate; an agency arranging a real interview is not this
        r"\b(?:our clients|one of our (?:direct )?clients|my clients|exciting (?:opportunit|roles?)|came across your profile"
        r"|i'?m partnering with|might (?:interest|be of interest to) you|open to (?:a )?(?:quick )?(?:\d+-minute )?chat"
        r"|would you be open to|i have a (?:role|position|job)|rate:|per hour|/hr\b|\bw2\b|contract role"
        r"|immediate interviews|exclusive .{0,30}role|open to new opportunities|several (?:exciting )?(?:roles|positions|openings)"
        r"|salar(?:y|ies) range)\b",
        3.5,
        (
            "client",
            "exciting",
            "came across",
            "partnering",
            "interest",
            "chat",
            "open to",
            "i have a",
            "rate:",
            "per hour",
            "/hr",
            "w2",
            "contract role",
            "immediate interviews",
            "exclusive",
            "opportunities",
            "several",
            "salar",
        ),
    ),
    (r"\bmy client\b", 1.5),
    (r"\b(?:a new event has been scheduled|booked a new event with you)", 3.0),
    (
        r"\b(?:rsvp|mixer|meet-?ups?(?![-\w/])|networking (?:event|night|evening|reception)|career fair|job fair|hackathon"
        r"|you'?re invited to (?:our|the) (?:\w+ )?(?:party|event|gala|launch))\b",
        3.0,
        ("rsvp", "mixer", "meet", "networking", "career fair", "job fair", "hackathon", "invited"),
    ),
    (r"\b(?:sprint|retro|standup|stand-up|book club|birthday|dinner|climbing|tacos|drinks|party)\b", 1.5),
)

# The kind tables live in their own module; they are re-exported here so callers read ``rules.OFFER``.
from followup.domain.rules_kinds import (  # noqa: E402 - needs ``cues`` defined above
    ACK,
    ACTION,
    AGENCY_SUBMIT,
    COMING_IN,
    CONFIRM,
    DECISION_MOVED,
    INVITE,
    NEXT_ROUND,
    OFFER,
    PAST_CONTACT,
    PROMISE,
    PROPOSAL,
    REFERENCE_ASK,
    REJECTION,
    RESCHEDULE,
    USER_FOLLOW_UP,
    USER_THANKS,
    USER_WITHDRAW,
    WITHDRAWN,
    _more,  # noqa: E402
)

# the hiring nouns and look-alikes of the other languages, as every kind table gathers them
HIRING = HIRING + _more("HIRING")
LOOKALIKE = LOOKALIKE + _more("LOOKALIKE")

__all__ = [
    "Cue",
    "Text",
    "cues",
    "prepare",
    "score",
    "HIRING",
    "JOBBOARD",
    "LOOKALIKE",
    "JOB",
    "OFFER",
    "REJECTION",
    "WITHDRAWN",
    "RESCHEDULE",
    "CONFIRM",
    "PROPOSAL",
    "INVITE",
    "NEXT_ROUND",
    "ACTION",
    "ACK",
    "AGENCY_SUBMIT",
    "DECISION_MOVED",
    "PAST_CONTACT",
    "REFERENCE_ASK",
    "PROMISE",
    "COMING_IN",
    "USER_THANKS",
    "USER_FOLLOW_UP",
    "USER_WITHDRAW",
]
