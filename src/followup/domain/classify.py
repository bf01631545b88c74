"""Read one message: its kind, the facts it carries, and the evidence that decided it.

``read(message, user) -> Reading`` is pure, fast and never raises. Rules decide, in this order:

1. Who wrote it (``senders``): the user's own mail is a thank-you, a follow-up inquiry, a withdrawal
   or ``other``; auto-replies and bulk mail are ``other``.
2. Is it about a job at all: hiring cues (application, role, interview, candidate, ...) against
   look-alike cues (job alerts, agencies, visa / research / podcast "interviews", card or rental
   "applications", webinars, receipts, ...). Without hiring context the message is ``other``.
3. Which hiring kind: each kind's cue table is scored on the new text (never quoted history) and the
   subject; decisive kinds (offer, rejection, withdrawal) outrank scheduling, which outranks acks
   and promises. A calendar invitation is an interview only with hiring context.
4. Facts: company, role, interview slot, interviewers, decision date, request deadline (dates and
   people come from ``followup.domain.dates`` / ``people`` when present).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from followup.domain import rules as R
from followup.domain.classify_facts import (
    _CLOCK,
    _DAY,
    _company,
    _decision_date,
    _employer_domain,
    _facts,
    _fixed_time,
    _recipient_domain,
    _View,
)
from followup.domain.context import Context
from followup.domain.model import Identity, Kind, Message, Reading
from followup.domain.role import find_role
from followup.domain.senders import SenderFacts, analyse, is_freemail

_FWD_SUBJECT = re.compile(r"^(?:\s*(?:fwd?|wg|tr|rv)\s*:\s*)+", re.I)
_RE_SUBJECT = re.compile(r"^(?:\s*(?:re|aw|sv|antw|réf|rif)\s*:\s*)+", re.I)
_CONDITIONAL = re.compile(
    r"(?:^|(?<=[.!?\n]))[^.!?\n]*\b(?:if|should (?:your|you|there|we)|in case|whether)\b[^.!?\n]*"
    r"\b(?:we|i|someone|a recruiter|our|they|s?he|(?:a member of )?the (?:\w+ )?team|one of (?:our|the|us))\b[^.!?\n]*"
    r"(?:will|'ll|would)\b[^.!?\n]*[.!?]?",
    re.I,
)
# a deliverable the sender recalls, already sent or already judged ("the team liked your take-home",
# "your references came back glowing"): what they ASK is read without it
_RECALLED = re.compile(
    r"\b(?:reviewed|liked|loved|enjoyed|scored|graded|received|read|went through|looked (?:at|over|through)"
    r"|impressed (?:by|with)|(?:nice|great|good|strong|excellent) (?:work|job) on|thanks? (?:you )?(?:so much )?for"
    r" (?:completing|submitting|sending|doing|finishing)|completed|submitted|finished)\s+(?:\w+\s+){0,3}?"
    r"(?:assessments?|take[- ]homes?|exercises?|assignments?|work samples?|case stud(?:y|ies)|submissions?|references"
    r"|referees|portfolio|tests?|challenges?|projects?)\b"
    r"|\b(?:your|the) (?:\w+ ){0,2}?(?:references|referees|assessment|take[- ]home|exercise|assignment|test|challenge"
    r"|portfolio|submission)s?\s+(?:came back|have come back|were|was|looked|went|(?:is|are) (?:complete|in)|checked out)\b"
    # the same thanks in German, French, Spanish ("Dank für die Zusendung Ihrer Arbeitsprobe")
    r"|\b(?:dank\w*|danke) für (?:die |das |den )?(?:einreichung|zusendung|abgabe|bearbeitung|übermittlung|erledigung)"
    r" (?:ihrer|ihres|deiner|deines|der|des) (?:\w+ )?(?:fallstudie|aufgabe|probearbeit|übung|arbeitsprobe|präsentation"
    r"|test|case)\w*|\bmerci (?:pour|de) (?:l'envoi de |la remise de |avoir (?:réalisé|rendu|envoyé) )?(?:votre|ton) "
    r"(?:étude de cas|exercice|test|cas pratique|devoir)\b|\bgracias por (?:enviar|entregar|completar|realizar|el envío de)"
    r" (?:tu|su|la|el) (?:caso|prueba|ejercicio|test)\b",
    re.I,
)


def read(message: Message, user: Identity, context: Context | None = None) -> Reading:
    """What the product reads from one message. Pure; never raises (a failure reads as ``other``).

    ``context`` (``followup.domain.context``): the message's thread is a hiring process; it stands in
    for missing hiring vocabulary so the kind cues can decide, and names the company and role when the
    message names none."""
    try:
        return _read(message, user, context)
    except Exception as exc:  # noqa: BLE001 - the contract is: never raise on any mail
        return Reading(
            kind=Kind.OTHER,
            confidence=0.0,
            evidence=(),
            notes=(f"classifier failed: {type(exc).__name__}",),
        )


_BODY_CAP = 6000  # characters of new text the classifier reads


def _view(message: Message, facts: SenderFacts, user: Identity) -> _View:
    subject = message.subject or ""
    # what a person writes about a hiring step fits in the first few KB; reading no further keeps long
    # newsletters and pasted documents from costing more than the mail that matters
    body = (message.new_text or ("" if message.quoted_text else message.text))[:_BODY_CAP]
    sender = message.sender
    s_email, s_name = (sender.email, sender.name) if sender else ("", "")
    forwarded = False
    if message.forwarded:
        fw = message.forwarded[0]
        personal = not sender or facts.from_user or is_freemail(sender.email.rpartition("@")[2])
        # the user writing to an employer about the mail they forward ("is this about the other role?"):
        # their own words are the message, the forwarded mail is history like a quote
        own_note = facts.from_user and len(body.strip()) >= 80 and bool(_recipient_domain(message, user))
        if fw.sender is not None and (personal or len(body.strip()) < 200) and not own_note:
            forwarded = True
            subject = fw.subject or _FWD_SUBJECT.sub("", subject)
            body = body + "\n" + fw.text[:_BODY_CAP]
            s_email, s_name = fw.sender.email, fw.sender.name
    cal = " ".join(f"{e.summary}\n{e.description}" for e in message.calendar)
    bare = _RE_SUBJECT.sub("", _FWD_SUBJECT.sub("", subject))
    text = f"{bare}\n{body}\n{cal}"
    own_subject = "" if _RE_SUBJECT.match(subject) else bare
    kind_text = f"{own_subject}\n{body}\n{cal}"
    return _View(subject, text, kind_text, body, s_email, s_name, forwarded)


# Word stems without which no message is hiring mail, in the languages the rules read. A gate, not a
# judgement: a message that has one of them is read in full; one that has none (receipts, chats,
# shipping notices) is `other` at once. Deliberately broad: a false "maybe" costs time, a false "no"
# would cost a draft. Words are checked by prefix (a large case-insensitive regex alternation was slower
# than the whole rest of the classifier).
_CUE_STEMS = tuple(
    """interv applica apply applie candida position role job career recruit hiring hire offer talent vacan
    opening opportunit onsite screen panel referee reference assessment assignment decisi feedback
    schedul calendar availab slot zoom teams call thank regret unfortunately compensation salary contract
    resume résumé cv portfolio hr bewerb stelle gespräch gesprach termin vorstell angebot zusage absage
    vertrag einladung leider kandidat lebenslauf personal poste entretien offre recrut rendez puesto
    entrevista oferta vacante proceso selecci sollicit vacature gesprek functie aanbod kandidaat
    helaas gesollicit kennismak round book invit shortlist select progress stage process step congrat welcome docusign
    reject declin withdr hold filled onboard background headcount requisition proces prozess zeugnis arbeitszeug
    gehalt eintritt unterlagen revert besluit beslis uitnodig bewor postul
    colloqu selezion posizion referen candidat vaga riscontr entrevist contrata assunz
    entrevue revien répons malheureus lamentabl purtroppo infelizm propost contrat rückmeld
    intervju rekry rekru tjänst stilling samtal ansök ansøg søknad tyvärr desværre dessverre
    stanowisk rozmow aplikac kandyd ofert niestety""".split()
)
_CUE_HEADS = frozenset(stem[:2] for stem in _CUE_STEMS)
_CUE_PHRASES = (
    "next step",
    "time slot",
    "moving forward",
    "start date",
    "first day",
    "i-9",
    "paperwork",
    "meet with",
    "meet the",
    "google meet",
    "people team",
    "take-home",
    "take home",
    "on-site",
    "back to you",  # a promise to answer ("we'll get back to you after the break") names no hiring word
    "be in touch",
    "hear back",
)
_WORD = re.compile(r"\w+")


def _no_hiring_cue(message: Message, facts: SenderFacts) -> bool:
    if facts.from_user or facts.ats or facts.auto_reply or message.calendar or message.forwarded:
        return False
    names = " ".join(a.filename for a in message.attachments)
    text = f"{message.subject}\n{names}\n{(message.new_text or message.text)[:_BODY_CAP]}".lower()
    if any(p in text for p in _CUE_PHRASES):
        return False
    return not any(w[:2] in _CUE_HEADS and w.startswith(_CUE_STEMS) for w in _WORD.findall(text))


def _read(message: Message, user: Identity, context: Context | None = None) -> Reading:
    facts = analyse(message, user)
    # a newsletter is never given context by its sender alone (only a reply into the thread counts)
    in_thread = context is not None and context.hiring_thread and not (facts.bulk and context.via != "thread")
    if not in_thread and _no_hiring_cue(message, facts):
        return Reading(
            kind=Kind.OTHER, confidence=0.95, evidence=("no hiring word at all",), automated=facts.automated
        )
    view = _view(message, facts, user)
    from_user = facts.from_user and not view.forwarded
    ev: list[str] = list(facts.evidence)
    if view.forwarded:
        ev.append(f"forward of mail from {view.sender_email}")
    text = R.Text.of(view.text)
    hiring, _ = R.score(text, R.HIRING)
    quoted = R.score(R.Text.of(message.quoted_text[:1200]), R.HIRING)[0] if message.quoted_text else 0.0
    hiring += min(quoted, 2.0) / 2
    if facts.ats:
        hiring += 1.0
    named_role = find_role(view.subject, view.body)
    if named_role:
        hiring += 1.5
    if facts.bulk and not (
        hiring or in_thread or from_user or message.calendar or facts.auto_reply or view.forwarded
    ):
        # list mail with no hiring word, role, ATS or calendar anywhere: most mail ends here, cheaply
        ev.append("no hiring vocabulary")
        return Reading(
            kind=Kind.OTHER, confidence=0.9, evidence=tuple(dict.fromkeys(ev)), automated=facts.automated
        )
    looks = board = 0.0  # look-alike and job-board scores weigh only on the employer's side
    if not from_user and _colleague_meeting(message, user):
        # the user is invited at an address of the organiser's own organisation: their current job's
        # meeting (a hiring-panel prep, an interview debrief), where the user sits on the employer's side
        ev.append("the user is invited as a colleague (an address at the organiser's organisation)")
        return Reading(
            kind=Kind.OTHER, confidence=0.85, evidence=tuple(dict.fromkeys(ev)), automated=facts.automated
        )
    if from_user:
        kind, conf, k_ev = _user_kind(view, hiring, message, user, in_thread)
    elif facts.auto_reply and not _receipt(view):
        kind, conf, k_ev = Kind.OTHER, 0.95, ("auto-reply",)
    else:
        looks, l_ev = R.score(text, R.LOOKALIKE)
        if looks >= 3.0 and any("new event" in p.lower() for p in l_ev) and _user_invited(view.text, user):
            looks -= 3.0  # a booking page's notice is a look-alike for its host, not for the user who booked
        board, b_ev = R.score(text, R.JOBBOARD)
        if facts.bulk:
            board += 1.0
            if not facts.ats and ('"' in view.kind_text or "“" in view.kind_text):
                # a newsletter quotes the sentences it writes about ("we regret to inform you ..."): they are
                # its subject matter, not the sender's own decision (a job platform quoting an employer's
                # message to the user relays it: that one is read)
                view = replace(view, kind_text=_SPEECH.sub(" ", view.kind_text))
        kind, conf, k_ev = _employer_kind(
            view, message, hiring, looks, l_ev, board, b_ev, user.timezone, in_thread
        )
    if in_thread and context is not None and kind is not Kind.OTHER:
        ev.append(context.evidence)
    ev.extend(k_ev)

    after_interview = bool(k_ev) and k_ev[0].startswith("note after an interview")
    related = (
        kind is not Kind.OTHER
        or after_interview
        or (hiring >= 2.0 and max(looks, board) < 3.0)
        or (facts.auto_reply and hiring >= 1.0)
    )
    if from_user and kind is Kind.OTHER:
        related = hiring >= 1.0 or bool(_recipient_domain(message, user))
    if facts.bulk and kind is Kind.OTHER and not facts.ats and not view.forwarded:
        # a newsletter or blog digest, even the employer's own ("we're hiring!"), names no process
        related = False
    reading = Reading(
        kind=kind,
        confidence=round(conf, 2),
        evidence=tuple(dict.fromkeys(ev)),
        from_user=from_user,
        automated=facts.automated and not view.forwarded,
    )
    if not related:
        return reading
    dom = _employer_domain(message, user, facts, view)
    name = _company(message, facts, view, dom, from_user)
    role = find_role(view.subject, view.body, name) if named_role else ""
    if in_thread and context is not None:  # the process's names when the message gives none
        name, role = name or context.company, role or context.role
    reading = replace(reading, company=name, company_domain=dom, role=role)
    return _facts(reading, message, user, view, dom)


# --- kinds ------------------------------------------------------------------------------------------


def _user_kind(
    view: _View, hiring: float, message: Message, user: Identity, in_thread: bool = False
) -> tuple[Kind, float, tuple[str, ...]]:
    # a reply's subject is the employer's words ("Re: Thanks for interviewing"), not the user's
    own_subject = "" if _RE_SUBJECT.match(view.subject) else view.subject
    body = R.Text.of(f"{own_subject}\n{view.body}")
    wd, wd_ev = R.score(body, R.USER_WITHDRAW)
    if wd >= 4 and (hiring >= 1 or _recipient_domain(message, user)):
        return Kind.WITHDRAWN, 0.85, wd_ev
    ty, ty_ev = R.score(body, R.USER_THANKS)
    fu, fu_ev = R.score(body, R.USER_FOLLOW_UP)
    context = hiring >= 1 or in_thread or bool(_recipient_domain(message, user))
    if not context:
        return Kind.OTHER, 0.7, ("no hiring context in the user's mail",)
    if fu >= 3 and fu >= ty:
        return Kind.USER_FOLLOW_UP, 0.6 + min(fu, 6) / 15, fu_ev
    if ty >= 3:
        return Kind.USER_THANK_YOU, 0.55 + min(ty, 6) / 15, ty_ev
    if fu >= 3:
        return Kind.USER_FOLLOW_UP, 0.6, fu_ev
    return Kind.OTHER, 0.75 if ty < 1.5 else 0.55, ("the user's mail is neither a thank-you nor an inquiry",)


def _employer_kind(
    view: _View,
    message: Message,
    hiring: float,
    looks: float,
    l_ev: tuple[str, ...],
    board: float,
    b_ev: tuple[str, ...],
    user_tz: str = "",
    in_thread: bool = False,
) -> tuple[Kind, float, tuple[str, ...]]:
    text = R.Text.of(view.kind_text)
    bare = _CONDITIONAL.sub(" ", view.kind_text)
    firm = text if bare == view.kind_text else R.Text.of(bare)
    asked: list[R.Text] = []  # built on first use: the text without recalled deliverables
    tables = {
        "offer": R.OFFER,
        "rejection": R.REJECTION,
        "withdrawn": R.WITHDRAWN,
        "reschedule": R.RESCHEDULE,
        "confirm": R.CONFIRM,
        "proposal": R.PROPOSAL,
        "invite": R.INVITE,
        "next": R.NEXT_ROUND,
        "action": R.ACTION,
        "ack": R.ACK,
        "promise": R.PROMISE,
        "coming": R.COMING_IN,
        "moved": R.DECISION_MOVED,
    }
    sc: dict[str, tuple[float, tuple[str, ...]]] = {}  # scored on first use: most mail decides early

    def get(name: str) -> tuple[float, tuple[str, ...]]:
        if name not in sc:
            # "if there's a fit, we will contact you to arrange a call" asks nothing yet
            source = firm if name in ("invite", "next", "proposal") else text
            if name == "rejection" and _NO_NEWS.search(text.low):
                # "without news from us in six weeks, consider that we could not take it further": an ack's
                # standing disclaimer, not a decision made
                source = R.Text.of(_without_no_news(view.kind_text))
            sc[name] = R.score(source, tables[name])
            if name == "action" and sc[name][0] >= 2 and _RECALLED.search(view.kind_text):
                if not asked:
                    asked.append(R.Text.of(_RECALLED.sub(" ", view.kind_text)))
                sc[name] = R.score(asked[0], tables[name])
        return sc[name]

    def s(name: str) -> float:
        return get(name)[0]

    def e(name: str) -> tuple[str, ...]:
        return get(name)[1]

    strongest = max(s("offer"), s("rejection"), s("withdrawn"))
    if strongest >= 3.5 or s("ack") >= 3 or s("action") >= 3.5:
        hiring += 1.0
    elif hiring < 1.0 and _AFTER_TALK.search(text.low[:1500]) and s("promise") >= 3:
        # "great chatting tonight, we'll get back to you after the break": a promise to answer after a
        # conversation with the user is the shape of a process, whatever words it leaves out
        hiring += 1.0
    if hiring < 1.0 and not in_thread:
        return Kind.OTHER, 0.8, ("no hiring context",)
    if looks >= 3.0 and R.score(text, R.AGENCY_SUBMIT, limit=0)[0] and hiring >= 2:
        # an agency that has put the user's application in front of a named client is arranging a real
        # application, whatever its rate and contract vocabulary
        looks = 0.0
    if looks >= 3.0 and not (strongest >= 4 and hiring >= 3 and looks < 4):
        return Kind.OTHER, min(0.95, 0.6 + looks / 20), ("look-alike: " + "; ".join(l_ev),)
    if board >= 3.0 and not ((strongest >= 4 or s("ack") >= 3) and hiring >= 3):
        return Kind.OTHER, min(0.95, 0.6 + board / 20), ("job board / bulk mail: " + "; ".join(b_ev),)
    looks = max(looks, board)

    margin = hiring - looks
    base = 0.55 + min(max(margin, 0.0), 4.0) / 10  # 0.55 .. 0.95

    def conf(score: float, threshold: float) -> float:
        return min(0.98, base + min(score - threshold, 4.0) / 20)

    if s("withdrawn") >= 4 and s("withdrawn") > s("rejection"):
        return Kind.WITHDRAWN, conf(s("withdrawn"), 4), e("withdrawn")
    if s("rejection") >= 4 and s("rejection") >= s("offer"):
        return Kind.REJECTION, conf(s("rejection"), 4), e("rejection")
    if s("offer") >= 3.5:
        return Kind.OFFER, conf(s("offer"), 3.5), e("offer")
    if s("withdrawn") >= 4:
        return Kind.WITHDRAWN, conf(s("withdrawn"), 4), e("withdrawn")
    if not message.calendar and s("moved") >= 3.5:
        # "we've had to push the decision back to the 15th": a new promise, not an interview moved
        return Kind.DECISION_TIMELINE, conf(max(s("promise"), s("moved")), 3), e("moved") + e("promise")

    events = [c for c in message.calendar if c.start is not None or c.cancelled]
    if events:
        ev = events[0]
        cal_fact = (
            f"calendar {ev.method or 'event'} {ev.start:%Y-%m-%d %H:%M}" if ev.start else "calendar CANCEL"
        )
        if ev.cancelled:
            return Kind.RESCHEDULE, conf(3, 3), (cal_fact, "event cancelled")
        if s("reschedule") >= 3 or ev.sequence > 0 and s("reschedule") >= 2:
            return Kind.RESCHEDULE, conf(s("reschedule"), 3), (cal_fact, *e("reschedule"))
        return Kind.INTERVIEW_CONFIRMED, conf(3 + min(hiring, 4) / 2, 3), (cal_fact, *h_short(text))

    slot = _fixed_time(view.body, message, user_tz)
    if slot and (_STAMP.search(view.body) or _ATTRIBUTION.search(view.body)):
        # "your application was received on 02/27 at 9:10 PM": when the user applied, not a meeting; the
        # same for the moment a quoted mail was written
        slot = _fixed_time(_ATTRIBUTION.sub(" ", _STAMP.sub(" ", view.body)), message, user_tz)
    if s("reschedule") >= 3:
        return Kind.RESCHEDULE, conf(s("reschedule"), 3), e("reschedule")
    options = sum(1 for line in view.body.splitlines() if _CLOCK.search(line) and _DAY.search(line))
    proposing = (
        s("proposal") >= 3
        or (s("invite") >= 2.5 and (options >= 2 or _WINDOW.search(view.body) is not None))
        or (options >= 3 and s("confirm") < 2.5)  # a list of slots to choose from fixes none of them
        or _asked_time(view.body)
        and s("confirm") < 2.5
    )
    if (
        s("action") >= 3.5
        and s("promise") >= 3
        and all("refer" in p.lower() for p in e("action"))
        and not _references_asked(view.body)
    ):
        # "she'd like to speak with two of your references; I'll be in touch about which": nothing asked yet
        sc["action"] = (0.0, ())
    # a time beside a test or a document request is its deadline ("complete it by April 15, 23:59"), not a meeting
    deadline = s("action") >= 3.5 and s("confirm") < 2.5 and s("action") > s("invite")
    if slot and not proposing and not deadline:
        return Kind.INTERVIEW_CONFIRMED, conf(2.5 + s("confirm") / 2, 2.5), (*e("confirm"), slot)
    if s("action") >= 3.5 and s("action") >= s("invite"):
        return Kind.ACTION_REQUEST, conf(s("action"), 3.5), e("action")
    if s("next") >= 3 and not (s("promise") >= 3 and s("invite") + s("proposal") < 2 and s("next") < 6):
        if _first_step(firm, f"{view.text}\n{message.quoted_text[:1500]}"):
            return Kind.INTERVIEW_INVITE, conf(s("next"), 3), ("a first interview to schedule", *e("next"))
        return Kind.NEXT_ROUND, conf(s("next"), 3), e("next")
    if s("invite") + s("proposal") >= 2.5:
        return Kind.INTERVIEW_INVITE, conf(s("invite") + s("proposal"), 2.5), e("invite") + e("proposal")
    if options >= 3 and s("confirm") < 2.5:
        return Kind.INTERVIEW_INVITE, conf(2.5, 2.5), (f"{options} day-and-time options to choose from",)
    if s("ack") >= 3:
        return Kind.APPLICATION_ACK, conf(s("ack"), 3), e("ack")
    promise = s("promise")
    if promise >= 3 or (promise >= 1.5 and _decision_date(view.body, message, user_tz) is not None):
        return Kind.DECISION_TIMELINE, conf(promise, 3), e("promise")
    if s("coming"):
        return Kind.OTHER, 0.75, ("note after an interview without a promise", *e("coming"))
    return Kind.OTHER, 0.6, ("no kind's cues were strong enough",)


# the user's conversation with the sender, just had ("great chatting tonight", "thanks for your time today")
_AFTER_TALK = re.compile(
    r"\b(?:great|good|lovely|nice|really enjoyed|enjoyed|thanks? (?:you )?(?:so much )?for) (?:\w+ )?(?:chatting|talking"
    r"|speaking|meeting you|our (?:chat|call|conversation)|the (?:chat|call|conversation)|your time)\b"
)
# a reply's attribution line ("On Fri, 27 Feb 2026 13:12, Ann <a@b> wrote:", "---- On ... wrote ---"): when
# the quoted mail was sent, not a meeting
_ATTRIBUTION = re.compile(
    r"^[-\s>]*(?:on|am|le|el|op|il) [^\n]{6,200}\b(?:wrote|schrieb|a écrit|escribió|schreef|ha scritto)\b.*$",
    re.I | re.M,
)
# a span offered to choose in ("the week of the 16th", "between 9 and 5"): availability asked for, nothing fixed
_WINDOW = re.compile(
    r"\b(?:the )?week (?:of|starting|commencing|beginning)\b|\bsemaine du\b|\bwoche (?:vom|ab)\b|\bsemana del\b"
    r"|\bsettimana del\b|\bweek van\b|\bbetween \d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|h)? and \d"
    r"|\bentre (?:las? )?\d{1,2}(?:[:.h]\d\d)?\s*h? et \d|\bzwischen \d{1,2}(?:[:.]\d\d)?(?: uhr)? und \d",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]|$)", re.M)


def _asked_time(body: str) -> bool:
    """A day and a clock time inside a question ("Would Tuesday at 10am or Wednesday at 3pm work?"): proposed."""
    for m in _SENTENCE.finditer(body[:3000]):
        sent = m.group(0)
        if sent.endswith("?") and _CLOCK.search(sent) and _DAY.search(sent):
            return True
    return False


# "received on 02/27/2027 at 9:10 PM", "submitted on March 3 at 14:02": the moment the user applied
_STAMP = re.compile(
    r"\b(?:received|submitted|applied|sent|created|completed|filed|registered|recorded|logged|reçue?|envoyée?"
    r"|eingegangen|übermittelt|recibida|enviada|ontvangen|verzonden)\b[^.!?\n]{0,12}\b(?:on|at|le|am|el|op|il)\b"
    r"[^!?\n]{0,40}?\d{1,2}[:.h]\d\d(?:\s*[ap]\.?m\.?)?",
    re.I,
)
# quoted speech of a sentence or more ("We regret to inform you that ..."), as a newsletter quotes it
_SPEECH = re.compile(
    r'"[^"\n]{0,400}?(?:\s[^"\s]+){5}[^"\n]{0,400}?"|“[^”]{0,400}?(?:\s[^”\s]+){5}[^”]{0,400}?”'
)
# an out-of-office's own words: an auto-reply that says them is one, whatever hiring words it quotes
_AWAY = re.compile(
    r"\b(?:out of (?:the )?office|on (?:annual |parental |maternity |paternity |sick |medical )?leave|away from (?:my|the)"
    r"|limited access to|not be checking|(?:back|returning|return) (?:in the office )?on|vacation|holiday"
    r"|abwesend|abwesenheit|urlaub|absente?\b|en congés?|ausente|vacaciones|afwezig|vakantie)",
    re.I,
)
# a rejection said only for the case that no news comes, in an acknowledgement (matched on lower-cased text)
_NO_NEWS = re.compile(
    r"\b(?:sans (?:nouvelles|réponse|retour)|si vous n'(?:avez|recevez)|if you (?:don't|do not|haven't|have not)"
    r" (?:hear|receive)|should you not (?:hear|receive)|(?:sollten|falls|wenn) (?:sie|du) (?:bis|innerhalb|in den|nach)\b"
    r"|si no (?:recibes|recibe|has recibido|ha recibido|tienes noticias|tiene noticias)|(?:mocht|als|indien) (?:je|u) "
    r"(?:binnen|na|voor) |in (?:the )?absence of (?:a )?(?:response|reply|news))"
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _without_no_news(text: str) -> str:
    """The text without the sentences that say what silence would mean."""
    low = text.lower().replace("’", "'")
    if len(low) != len(text):
        return text
    out, at = [], 0
    for m in _NO_NEWS.finditer(low):
        if m.start() < at:
            continue
        start = max(at - 1, *(text.rfind(c, at, m.start()) for c in ".!?\n")) + 1
        end = _SENTENCE_END.search(text, m.end())
        out.append(text[at:start])
        at = end.end() if end else len(text)
    return "".join(out) + text[at:]


_RECEIPT_SUBJECT = re.compile(
    r"\b(?:application|candidature|candidatura|bewerbung|sollicitatie|solicitud|postulaci[óo]n|received|receipt|réception"
    r"|eingang|eingangsbestätigung|recibida|ontvangen|ontvangstbevestiging|thank you for applying)",
    re.I,
)
_INVITEE = re.compile(r"\binvitee(?: email| name)?\s*:?\s*\n?\s*([^\n]{1,120})", re.I)
_REF_WORD = re.compile(r"referen|referee", re.I)
_GENERIC_NEXT = re.compile(r"(?:the |our )?next step.*|mov(?:e|ing) you forward.*", re.I | re.S)


def _receipt(view: _View) -> bool:
    """An auto-reply that is an ATS's receipt of the application ("nous accusons bonne réception de votre
    candidature"), not an out-of-office: its own subject names the application or its receipt (an
    out-of-office answers whatever the user wrote), and it says nothing of being away."""
    if (
        not _RECEIPT_SUBJECT.search(view.subject)
        or _RE_SUBJECT.match(view.subject)
        or _AWAY.search(view.kind_text[:2000])
    ):
        return False
    return R.score(R.Text.of(view.kind_text), R.ACK, limit=0)[0] >= 3


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _colleague_meeting(message: Message, user: Identity) -> bool:
    """A calendar invitation that also invites the user at the organiser's own organisation (same local
    part as one of the user's addresses, or the user's full name): a meeting of the user's own employer."""
    locals_ = {a.partition("@")[0] for a in user.addresses}
    name = _fold(user.name).strip()
    for event in message.calendar[:3]:
        org = event.organizer.email.lower() if event.organizer else ""
        dom = org.rpartition("@")[2]
        if not dom or is_freemail(dom) or user.is_user(org):
            continue
        for att in event.attendees:
            email = att.email.lower()
            if user.is_user(email) or email.rpartition("@")[2] != dom:
                continue
            if email.partition("@")[0] in locals_ or (len(name) > 5 and name in _fold(att.name)):
                return True
    return False


def _user_invited(text: str, user: Identity) -> bool:
    """A booking notice whose invitee is the user (the employer is the host)."""
    name = user.name.lower().strip()
    for m in _INVITEE.finditer(text[:3000]):
        who = m.group(1).lower()
        if any(a in who for a in user.addresses) or (len(name) > 3 and name in who):
            return True
    return False


def _references_asked(body: str) -> bool:
    """A sentence about references that asks the user for them (names, contact details, "could you")."""
    for m in _SENTENCE.finditer(body[:3000]):
        sent = m.group(0)
        if _REF_WORD.search(sent) and R.score(R.Text.of(sent), R.REFERENCE_ASK, limit=0)[0]:
            return True
    return False


def _first_step(firm: R.Text, thread: str) -> bool:
    """The "next step" is the first conversation: only generic next-step words ("we'd like to move you
    forward; the next step is a video interview"), and no sign in the subject, the text or the quoted thread that
    the candidate has already talked to anyone."""
    _, phrases = R.score(firm, R.NEXT_ROUND, limit=12)
    if not all(_GENERIC_NEXT.fullmatch(p) for p in phrases):
        return False
    return not R.score(R.Text.of(thread), R.PAST_CONTACT, limit=0)[0]


def h_short(text: R.Text) -> tuple[str, ...]:
    return R.score(text, R.HIRING, limit=2)[1]
