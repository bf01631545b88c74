"""Shared pieces of the per-language cue modules (``rules_romance``, ``rules_germanic``, ``rules_nordic``,
``rules_pl``): ``wcues``, which lets a phrase written with plain spaces match across the line breaks of
hand-wrapped mail, and the families that belong to no one language (someone else chosen said without
"other candidates", referees, a pause that has ended). ``rules_kinds`` compiles and appends them all to its
tables.

The language modules hold plain ``(pattern, weight[, needs])`` pairs and import nothing from ``rules``:
``rules`` imports ``rules_kinds`` while it is itself being loaded, so compiling happens only there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup.domain.rules import Cue

Pair = tuple[str, float] | tuple[str, float, tuple[str, ...]]


def pairs(*items: Pair) -> tuple[Pair, ...]:
    """A cue family as written: compiled by ``wcues`` where the tables are assembled."""
    return items


def _spaces_to_breaks(pattern: str) -> str:
    """Each literal space outside a character class becomes ``\\s+`` (`` ?`` becomes ``\\s*``): a phrase may
    wrap onto the next line."""
    out: list[str] = []
    in_class = escaped = False
    for i, ch in enumerate(pattern):
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch == " ":
            out.append(r"\s*" if pattern[i + 1 : i + 2] == "?" else r"\s+")
        elif ch == "?" and pattern[i - 1 : i] == " " and not pattern[i - 2 : i - 1] == "\\":
            continue  # " ?" (an optional space) became "\s*" above
        else:
            out.append(ch)
    return "".join(out)


def wcues(*items: Pair) -> tuple[Cue, ...]:
    """``rules.cues`` for patterns written with plain spaces, any of which may be a line break in the mail."""
    from followup.domain.rules import cues  # here, not above: ``rules`` loads the modules that call this

    return cues(*((_spaces_to_breaks(p[0]), *p[1:]) for p in items))  # type: ignore[arg-type]


# --- families that are not one language's ------------------------------------------------------------
REJECTION = pairs(
    (  # someone else was chosen, said without "other candidates"
        r"\b(?:decided|chosen|elected|opted|going|plan) to (?:move|go|proceed|continue|progress) (?:ahead |forward )?with"
        r" (?:a|an|one|another|the other|a different) (?:\w+ ){0,2}?(?:candidate|applicant|person|finalist)\b"
        r"|\b(?:(?:we'?ve|we have|we) (?:gone|went|decided to go)|have gone) with (?:someone|somebody|another|a different|an internal)\b"
        r"|\byou (?:haven'?t|have not|weren'?t|were not|are not|aren'?t) (?:been )?successful\b",
        4.0,
    ),
    (
        r"\b(?:retenu|choisi|sélectionné|privilégié) (?:une autre candidature|un autre profil|une? autre candidat\w*"
        r"|d'autres (?:candidat|profil)\w*)",
        4.0,
    ),
)
NEXT_ROUND = pairs(
    (
        r"\b(?:progressed|advanced|moved (?:on|through|forward)|made it|(?:are|you'?re) through) (?:in)?to the (?:next|final|second|third)"
        r" (?:stage|round|step)\b",
        4.0,
    ),
)
ACTION = pairs(
    (  # referees / references asked for, in the languages the rules read
        r"\b(?:two|three|\d|your|some|of) (?:professional )?referees\b|\breferees?\b.{0,60}\b(?:send|names|contact|details)"
        r"|\breferenties\b|\breferenze\b|\brefer[êe]ncias\b|\breferenser\b|\breferencer\b|\breferanser\b|\breferencj\w+",
        3.5,
    ),
)
# a pause or hold that has ended is news of a process going on, not of one stopped
WITHDRAWN = pairs(
    (
        r"\b(?:it'?s|is|are|we'?re|we are|(?:has|have) been) (?:now )?(?:open|active|live|hiring|back on) again\b"
        r"|\b(?:has|have|was|were|been) (?:now |since )?(?:re-?opened|resumed|unpaused|un-paused|restarted|reactivated|unfrozen)\b"
        r"|\bback (?:open|on track|up and running)\b|\b(?:hold|freeze|pause) (?:has been|was|is) (?:now )?lifted\b"
        r"|\bwieder (?:offen|aktiv|aufgenommen)\b|\bà nouveau ouvert|\bde nuevo abiert|\bweer open\b",
        -4.0,
        (
            "again",
            "open",
            "resum",
            "unpaus",
            "un-paus",
            "restart",
            "reactiv",
            "unfroz",
            "back ",
            "lifted",
            "wieder",
            "nouveau",
            "nuevo",
            "weer",
        ),
    ),
)


# --- look-alikes that are not one language's -----------------------------------------------------------
LOOKALIKE = pairs(
    (  # a practice interview
        r"\b(?:mock|practice|rehearsal) (?:job )?interviews?\b|\b(?:oefensollicitatie|proefsollicitatie|sollicitatietraining"
        r"|oefengesprek|übungsgespräch|probe-?vorstellungsgespräch|entretien (?:blanc|fictif)|simulacro de entrevista"
        r"|simulazione di colloquio)\w*",
        3.5,
        (
            "mock",
            "practice",
            "rehearsal",
            "oefen",
            "proefsoll",
            "sollicitatietraining",
            "übungsgespräch",
            "probe",
            "entretien blanc",
            "entretien fictif",
            "simulacro",
            "simulazione",
        ),
    ),
    (  # one where the user sits on the asking side
        r"\b(?:you(?:'ll| will)?|jij|du|vous|tú|tu) (?:play|plays|speelt|spielst|jouez|jouerez|juegas|jugarás)"
        r" (?:the |de |den |die |le |el )?(?:interviewer|recruiter|hiring manager|interviewerin|recruteur|entrevistador\w*)\b",
        3.5,
        ("play", "speelt", "spielst", "jouez", "jouerez", "juegas", "jugarás"),
    ),
    (  # an agency's cold approach in the other languages: the profile found, "one of my clients", a quick call
        r"\b(?:kwam|kwamen) (?:je|jouw|uw) (?:profiel|cv) tegen\b|\b(?:je|jouw|uw) (?:profiel|cv) (?:op linkedin )?"
        r"(?:gezien|tegengekomen|gevonden)\b|\bbin (?:ich )?(?:auf )?(?:ihr|dein)(?:em)? profil gesto(?:ß|ss)en\b"
        r"|\b(?:j'ai|nous avons) (?:vu|découvert|remarqué) (?:votre|ton) profil\b|\b(?:he|hemos) (?:visto|encontrado) tu perfil\b",
        3.5,
        (
            "profiel",
            "cv tegen",
            "cv gezien",
            "cv gevonden",
            "profil gesto",
            "vu votre",
            "vu ton",
            "votre profil",
            "ton profil",
            "tu perfil",
        ),
    ),
    (
        r"\b(?:een van )?mijn opdrachtgevers?\b|\b(?:einer|eines) meiner kunden\b|\b(?:un de )?mes clients\b"
        r"|\buno de mis clientes\b",
        1.5,
        ("opdrachtgever", "meiner kunden", "mes clients", "mis clientes"),
    ),
    (  # a school writing to parents: conferences about their child, not a candidate's interview
        r"\bparents?[-–‑ ](?:teacher|teachers')\b|\bparents? (?:and|&) (?:carers|guardians)\b|\boudergesprek\w*"
        r"|\b(?:ouderavond|rapportgesprek|tienminutengesprek|10-minutengesprek)\w*|\belternsprechtag\w*|\belterngespräch\w*"
        r"|\bréunions? parents[- ]professeurs\b|\breuni[oó]n(?:es)? de (?:padres|familias)\b|\bcolloqui (?:con i )?genitori\b",
        3.5,
        ("parent", "ouder", "gesprek", "eltern", "reuni", "genitori"),
    ),
    (
        r"\byour (?:child|children|daughter)(?:'s)?\b|\b(?:je|uw) (?:kind|dochter)\b",
        2.0,
        ("child", "daughter", "je kind", "uw kind", "dochter"),
    ),
    (  # volunteering in the other languages; a neighbourhood paper writing about someone
        r"\bvrijwillig\w*|\behrenamt\w*|\bbénévol\w*|\bvoluntariado\b|\bvolontariato\b"
        r"|\b(?:buurtkrant|wijkkrant|stadsdeelkrant|dorpskrant|lokalzeitung|stadtteilzeitung)\b",
        3.5,
        ("vrijwillig", "ehrenamt", "bénévol", "volunta", "volonta", "krant", "zeitung"),
    ),
    (  # an issue of a newsletter, written to its readers
        r"\bissue (?:#|no\.?) ?\d+\b|\bforward this (?:email |newsletter |issue )?to a friend\b|\bnext (?:week|issue|month): ",
        2.0,
        ("issue #", "issue no", "forward this", "next week:", "next issue:", "next month:"),
    ),
    (
        r"\b(?:dear|our|my|fellow) readers\b|\breaders? (?:sent|asked|wrote|told|who)\b|\b(?:paid|free) subscribers?\b",
        2.0,
        ("readers", "reader ", "subscriber"),
    ),
)
