"""Promised decision dates ("we will get back to you by Friday") and deadlines set for the user
("please send them by Thursday"), sentence by sentence.

A sentence is a promise when it names what the employer will deliver (a decision, feedback, an
answer, news, next steps; "get back to you", "let you know", "hear from us", "Rückmeldung",
"reviendrons") and is not a request to the user ("please let us know by Friday" is the user's
deadline) unless the employer is also the subject of a future verb. Its date is the latest of the
days it names after "by", "within", "bis", "d'ici"... (else the latest day it names at all), never
one after "instead of" / "statt", never one before the sent day. Across sentences the last dated
promise wins (a pushed-back date is stated after the old one); a vague promise ("in the coming
days", "as soon as we know", "shortly") counts only when no dated one is made. A sentence with a
promise verb but no time at all ("we'll be in touch") is not reported: that is for the classifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from followup.domain.dates_days import find_days
from followup.domain.dates_spans import find_spans
from followup.domain.dates_words import MONTHS

_ABBREV = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|ca|bzw|z\.B|u\.a|Nr|approx|vs|etc)|\d\.\d{1,2}|\b[A-Z])$")
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*\s+(?=[A-ZÄÖÜÉÈÀ\"'(\d])|\n\s*\n|\n(?=\s*[-*•>])")

_PROMISE = re.compile(
    r"\b(?:hear (?:back )?from (?:us|me|the team|them|him|her)|get back to (?:you|everyone|all)|come back to you"
    r"|circle back|be in touch|get in touch|reach out|let you know|update you|give you an? (?:update|answer|decision)"
    r"|(?:an?|our|the|final|some) (?:answer|update|decision|outcome|news|feedback|response)|decisions?|decide|deciding"
    r"|feedback|next steps|wrap (?:things |it )?up|finali[sz]e|conclude|respond to you|reply to you|revert"
    r"|come to a decision|make (?:a|our|the) (?:final )?(?:call|choice)|share (?:an update|news|our decision)"
    r"|follow up with you|touch base|inform you|notify you|contact you"
    r"|rückmeldung|melden uns|melde mich|meldet sich|bei (?:ihnen|dir|euch) (?:zu )?melden|bescheid|entscheidung|entscheiden|antwort|von uns hören"
    r"|informieren sie|reviendr\w*|retour|réponse|décision|nouvelles|au courant|recontacter"
    r"|respuesta|decisión|noticias|te (?:diremos|daremos|contactaremos|escribiremos)|nos pondremos en contacto"
    r"|laten (?:het )?(?:je|jou|u) .{0,30}weten|nemen .{0,20}contact|beslissing|besluit|uitsluitsel|terugkoppeling|uitslag"
    r"|(?:je|u) hoort|riscontro|risposta|esito|faremo sapere|ricontatter\w*|resposta|decisão|notícias"
    r"|entraremos em contacto|daremos (?:uma )?(?:resposta|feedback|notícias)|decisione|decidere|recontacter\w*"
    r"|vender tilbage|vende tilbage|tilbagemelding|tilbakemelding|besked|beskjed|beslutning|beslut|återkomm\w*"
    r"|återkoppling|svar|odezw\w+|odpowied\w+|decyzj\w+|informacj\w* zwrotn\w*|damy znać|skontaktujemy)\b",
    re.I,
)
_FUTURE_SUBJECT = re.compile(
    r"\b(?:we|I|the team|the hiring team|the panel|they|he|she|[A-Z][a-z]+)\s*(?:'ll|’ll|will|'d|’d|would|should"
    r"|expects?|hopes?|aims?|plans?|intends?|are (?:aiming|planning|hoping|expecting|looking)|'re (?:aiming|planning|hoping"
    r"|expecting|looking)|’re (?:aiming|planning|hoping|expecting)|am (?:aiming|planning|hoping)|can|shall"
    r"|anticipates?|wants? to)\b"
    r"|\byou(?:'ll|’ll| will| can| should| may)(?: expect to)? (?:hear|receive|get|have)\b"
    r"|\b(?:wir|ich)\s+(?:melden|werden|möchten|hoffen|geben|planen|rechnen|informieren|entscheiden|wollen)\b"
    r"|\b(?:melden|informieren|geben|entscheiden|werden|erhalten|hören|teilen|sagen|schicken|senden)\s+(?:wir|Sie)\b"
    r"|\bSie\s+(?:hören|erhalten|bekommen)\b|\berhalten Sie\b|\b(?:nous|je)\s+(?:\w+\s+)?(?:reviendr|vous|pensons|comptons)"
    r"|\b(?:melden uns|melde mich|geben (?:Ihnen|dir) Bescheid)\b|\b(?:werden|würden) (?:Ihnen|dir|euch)\b"  # German present tense with its subject built in
    r"|\b(?:te|le|les|os) (?:diremos|daremos|contactaremos|escribiremos|informaremos)\b|\bnos pondremos\b|\btendrás\b"
    r"|\b(?:we|ik|wij)\s+(?:laten|nemen|hopen|verwachten|zullen|gaan|beslissen|koppelen)\b"
    r"|\b(?:verwachten|streven|hopen) (?:we |wij )?(?:binnen|voor|uiterlijk|om|een|het|de)\b|\b(?:je|u) hoort\b"
    r"|\b(?:ti|le|vi|la)\s+(?:daremo|darò|faremo|farò|ricontatteremo|comunicheremo|contatteremo)\b"
    r"|\b(?:daremos|entraremos|iremos|vamos (?:dar|entrar))\b"
    # Romance futures of the first person ("tendremos", "comunicaremos", "daremo", "farò", "recontacterai")
    r"|\b\w{2,}r(?:emos|emo|ò|ei|ons|ai)\b"
    r"|\b(?:vi|jeg|jag|me)\s+(?:vender|vil|kommer|giver|gir|ger|melder|regner|forventer|håber|återkommer"
    r"|hör|meddelar|räknar|ska|skal|tar|tager|kontakter)\b"
    r"|\b(?:aplaz|pospon|postpon|delay|verschieb|verschoben|report|décal|decal|rinvi|posticip|adia|przesun)\w*"
    r"|\bpush\w* back\b"  # a decision put off to a later day is a new promise
    r"|\b\w{3,}(?:iemy|ujemy|żemy|imy|amy)\b"  # Polish first person plural, future of perfective verbs ("odezwiemy", "przekażemy")
    r"|\b(?:you can |you may |please )?expect (?:to hear|an? |our |the |some )"
    r"|\b(?:rechnen|können) Sie (?:bitte )?(?:\w+ ){0,2}mit\b|\bSie (?:können|dürfen) (?:\w+ ){0,5}rechnen\b",
    re.I,
)
_REQUEST = re.compile(
    r"\b(?:please|kindly|could you|can you|would you|let (?:us|me) know|bitte|merci de|veuillez|make sure|"
    r"we need|we'd need|need (?:it|them|your)|send (?:us|me|them|it|your|over)|submit|return|complete|upload|"
    r"reply by|respond by|confirm|sign|due|deadline|no later than|senden Sie|schicken Sie|reichen Sie)\b",
    re.I,
)
_ANCHOR = re.compile(
    r"(?:\bby|\bbefore|\buntil|\btill|\bwithin|\bin|\bon or before|\bno later than|\bbis(?:\s+(?:zum|spätestens|"
    r"Ende))?|\bspätestens|\bvor|\bd'ici|\bavant|\bsous|\binnerhalb|\bat the latest|\bantes del?|\bpara el|\buiterlijk"
    r"|\bvóór|\bvoor|\bentro(?: e non oltre)?|\baté(?: ao| à| a)?(?: dia)?|\bhasta|\bsenest|\bsenast|\binden|\binnen"
    r"|\bau plus tard|\bfino a|\bnon oltre|\bno más tarde del?|\b(?-i:do)|\bnajpóźniej(?: do)?|\bikke senere end"
    r"|\binom)(?:\s+(?:the|this|next|end of|il|am|zum|le|la|el|den|dem))?\s*$",
    re.I,
)
_DAY_NUMBER = re.compile(r"(?<![\d.])\d{1,2}$")
_MONTH_NEXT = re.compile(
    r"(?:" + "|".join(sorted((re.escape(m) for m in MONTHS if len(m) > 2), key=len, reverse=True)) + r")\b"
    r"|(?:dieses|diesen|des|nächsten) Monats\b",
    re.I,
)
_WEEK_OF = re.compile(
    r"\b(?:the )?week (?:of|commencing|beginning|starting)(?: the| on)?\s*$|\bsemaine du\s*$|\bWoche vom\s*$"
    r"|\bsemana del\s*$|\bsettimana del\s*$|\bweek van\s*$",
    re.I,
)
_APPOSITIVE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*\s*,\s*$")
_DISCARD = re.compile(
    r"(?:instead of|rather than|statt|anstatt|au lieu de|originally|previously|planned|last|letzten|dernier)\s*"
    r"(?:the\s+|am\s+|le\s+)?$",
    re.I,
)
_SCHEDULING = re.compile(
    r"\b(?:to (?:find|schedule|arrange|set up|book|organi[sz]e|lock in|line up) (?:a |an |the |your )?(?:time|slot|call|interview|chat"
    r"|meeting|conversation)|(?:zoom|teams|webex|meet|calendar) (?:link|invite|invitation)|einen termin)",
    re.I,
)
_VAGUE = re.compile(
    r"\b(?:in the (?:coming|next|following) (?:few |couple of )?(?:days|weeks)|shortly|soon|as soon as|in due course"
    r"|in (?:a|the next) few days|within (?:a|the next) few days|in the near future|once (?:we|I) (?:have|know|hear)"
    r"|when (?:we|I) (?:have|know)|at the earliest|in kürze|in den (?:kommenden|nächsten) tagen|zeitnah|baldmöglichst"
    r"|so bald wie möglich|sobald|bald|prochainement|dans les prochains jours|rapidement|dès que|au plus vite"
    # timed by a break, not a day ("after the Easter break", "nach den Osterferien", "après les vacances")
    r"|after (?:the )?(?:easter|christmas|new year|diwali|eid|passover|summer|bank holiday|long weekend|holidays"
    r"|festive|break|half[- ]term)|nach (?:den |der |dem )?(?:oster|weihnacht|sommer|feiertag)\w*|après les (?:vacances|fêtes))\b",
    re.I,
)


@dataclass(frozen=True)
class DatedSentence:
    text: str
    day: date | None
    vague: bool
    promise: bool
    request: bool


def sentences(text: str) -> list[str]:
    """Sentences, with hard-wrapped lines joined and abbreviations ("Dr.", "20.03.") not splitting."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        head = text[start : m.start()]
        if m.group()[0] in ".!?" and _ABBREV.search(head):
            continue
        if m.group()[0] == "." and _DAY_NUMBER.search(head) and _MONTH_NEXT.match(text, m.end()):
            continue  # "bis zum 27. März", "den 20. marts": a day's ordinal dot, not a sentence's end
        out.append(" ".join(text[start : m.end()].split()))
        start = m.end()
    tail = " ".join(text[start:].split())
    if tail:
        out.append(tail)
    return [s for s in out if s]


def _sentence_day(s: str, sent: date, american: bool) -> tuple[date | None, bool]:
    """The day a sentence names (see the module's doc) and whether a "by"-like word anchors it."""
    days = find_days(s, sent, american)
    mentions: list[tuple[int, date]] = []
    for i, d in enumerate(days):
        nxt = days[i + 1] if i + 1 < len(days) else None
        if (
            d.kind == "weekday"
            and nxt
            and nxt.kind == "explicit"
            and re.fullmatch(r"\s*[(,]?\s*", s[d.end : nxt.start])
        ):
            continue  # "Friday (3/13)": the explicit date says which Friday; it inherits the "by"
        if i and d.kind == "explicit" and days[i - 1].kind == "weekday":
            if re.fullmatch(r"\s*[(,]?\s*", s[days[i - 1].end : d.start]):
                mentions.append((days[i - 1].start, d.day))
                continue
        mentions.append((d.start, d.day))
    mentions += [(sp.start, sp.day) for sp in find_spans(s, sent)]
    anchored: list[date] = []
    loose: list[date] = []
    for pos, day in mentions:
        head = s[max(0, pos - 30) : pos]
        if _WEEK_OF.search(head):
            day += timedelta(days=max(0, 4 - day.weekday()))  # "by the week of 23 March": that week's Friday
            head = head[: _WEEK_OF.search(head).start()]  # type: ignore[union-attr]
        if day < sent or _DISCARD.search(head):
            continue
        # "by Memorial Day, Monday May 25": a name set before the date keeps the date anchored
        bare = _APPOSITIVE.sub("", head)
        (anchored if _ANCHOR.search(bare) else loose).append(day)
    if anchored:
        return max(anchored), True
    return (max(loose), False) if loose else (None, False)


def read_sentences(text: str, sent: date, american: bool) -> list[DatedSentence]:
    if not (_PROMISE.search(text) or _REQUEST.search(text)):
        return []
    out = []
    for s in sentences(text):
        promise = bool(_PROMISE.search(s))
        request = bool(_REQUEST.search(s))
        if not (promise or request):
            continue
        if promise and (not _FUTURE_SUBJECT.search(s) or _SCHEDULING.search(s)):
            promise = False
        day, anchored = _sentence_day(s, sent, american)
        vague = bool(_VAGUE.search(s))
        if vague and not anchored:
            day = None  # "we meet on Monday and I'll tell you as soon as I can": Monday is not the promise
        out.append(DatedSentence(s, day, vague, promise, request))
    return out


def promise_in(text: str, sent: date, american: bool) -> tuple[date | None, str] | None:
    """(date, evidence) of the last dated promise, else (None, evidence) of a vague one, else None."""
    found = read_sentences(text, sent, american)
    dated = [s for s in found if s.promise and s.day is not None]
    if dated:
        return dated[-1].day, dated[-1].text
    vague = [s for s in found if s.promise and s.vague]
    if vague:
        return None, vague[0].text
    return None


def deadline_in(text: str, sent: date, american: bool) -> date | None:
    """The earliest day the user is asked to act by."""
    days = [s.day for s in read_sentences(text, sent, american) if s.request and not s.promise and s.day]
    return min(days) if days else None
