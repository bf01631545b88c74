"""Who wrote a message: the user, a robot (ATS, scheduler, no-reply), or a person; the human behind a robot.

Pure functions over ``Message`` headers. Each judgement returns the evidence that decided it, so the
classifier can quote it ("Auto-Submitted: auto-replied", "sender no-reply@greenhouse.io is an ATS").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from followup.domain.model import Address, Identity, Message

# Applicant-tracking systems, schedulers, e-signature and job boards: they relay many employers' mail
# from one domain, so their domain never names the employer.
ATS_DOMAINS: frozenset[str] = frozenset(
    {
        "greenhouse.io",
        "greenhouse-mail.io",
        "lever.co",
        "hire.lever.co",
        "myworkday.com",
        "myworkdayjobs.com",
        "workday.com",
        "ashbyhq.com",
        "smartrecruiters.com",
        "icims.com",
        "jobvite.com",
        "taleo.net",
        "successfactors.com",
        "successfactors.eu",
        "bamboohr.com",
        "recruitee.com",
        "personio.de",
        "personio.com",
        "workable.com",
        "workablemail.com",
        "teamtailor.com",
        "teamtailor-mail.com",
        "breezy.hr",
        "breezy-mail.com",
        "breezyhr.com",
        "homerun.co",
        "recruiteemail.com",
        "oraclecloud.com",
        "sapsf.com",
        "sapsf.eu",
        "zohorecruit.com",
        "manatal.com",
        "jobylon.com",
        "comeet.co",
        "freshteam.com",
        "hireology.com",
        "ultipro.com",
        "paylocity.com",
        "paycomonline.net",
        "dayforcehcm.com",
        "jobscore.com",
        "jazzhr.com",
        "applytojob.com",
        "pinpointhq.com",
        "rippling.com",
        "dover.com",
        "gem.com",
        "beamery.com",
        "avature.net",
        "phenom.com",
        "softgarden.de",
        "softgarden.io",
        "join.com",
        "welcometothejungle.com",
        "calendly.com",
        "goodtime.io",
        "modernloop.io",
        "prelude.co",
        "yello.co",
        "hirevue.com",
        "codility.com",
        "hackerrank.com",
        "codesignal.com",
        "testgorilla.com",
        "docusign.net",
        "docusign.com",
        "hellosign.com",
        "dropboxsign.com",
        "adobesign.com",
        "echosign.com",
        "linkedin.com",
        "indeed.com",
        "glassdoor.com",
        "ziprecruiter.com",
        "stepstone.de",
        "xing.com",
        "wellfound.com",
        "otta.com",
        "hired.com",
        "monster.com",
    }
)

ATS_NAMES = (
    "greenhouse|lever|workday|ashby|smartrecruiters|icims|jobvite|taleo|successfactors|bamboohr|recruitee"
    "|personio|workable|teamtailor|calendly|goodtime|modernloop|docusign|linkedin|indeed|hirevue|softgarden"
)

FREEMAIL_DOMAINS: frozenset[str] = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.co.uk",
        "live.com",
        "msn.com",
        "yahoo.com",
        "yahoo.co.uk",
        "ymail.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.de",
        "gmx.net",
        "gmx.com",
        "web.de",
        "t-online.de",
        "mail.com",
        "fastmail.com",
        "hey.com",
        "zoho.com",
        "yandex.com",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "example.com",
        "example.net",
        "example.org",
    }
)

_ROBOT_LOCAL = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|noreply|notifications?|notify|mailer[-_.]daemon|postmaster"
    r"|bounces?|alerts?|jobalerts?|jobs[-_.]?noreply|jobs[-_.]?listings|inmail[-_.]hit[-_.]reply|dse"
    r"|automated|system|auto|news(?:letter)?|updates?|messages?|reminders?|receipts?|invitations?)"
    r"(?:[-_.+].*)?$"
    r"|(?:^|[-_.])no[-_.]?reply(?:[-_.]|$)",
    re.I,
)
_VIA = re.compile(rf"^(?P<name>.+?)\s+(?:via|through|über|par|at)\s+(?P<via>{ATS_NAMES}|[\w .&'-]+)$", re.I)
_AUTO_SUBJECT = re.compile(
    r"^(?:automatic reply|auto(?:matic)?[- ]?(?:reply|response)|out of (?:the )?office|ooo\b|abwesenheitsnotiz"
    r"|automatische antwort|abwesend|réponse automatique|absence du bureau|respuesta automática"
    r"|fuera de la oficina|risposta automatica|away from (?:my|the) (?:desk|office)|on (?:annual )?leave)",
    re.I,
)


@dataclass(frozen=True)
class SenderFacts:
    from_user: bool
    automated: bool  # robot sender (ATS, scheduler, no-reply, auto-reply, bulk)
    auto_reply: bool  # an out-of-office / auto-response
    bulk: bool  # list / newsletter / bulk precedence
    ats: bool  # relayed by an ATS / scheduler / job board
    human: Address | None  # the real person: Reply-To behind a robot, or the sender when human
    employer_domain: str  # the employer's own domain when known ("" for ATS / freemail)
    evidence: tuple[str, ...]


_ATS_SET = frozenset(a.lower() for a in ATS_DOMAINS)


def domain_of(email: str) -> str:
    return email.rpartition("@")[2].lower().strip()


def is_ats_domain(domain: str) -> bool:
    """The domain or one of its parents is an ATS / scheduler domain (set look-ups, no scan)."""
    parts = domain.lower().split(".")
    return any(".".join(parts[i:]) in _ATS_SET for i in range(len(parts) - 1))


def is_freemail(domain: str) -> bool:
    d = domain.lower()
    return d in FREEMAIL_DOMAINS or d.endswith(".example.edu") or d.startswith("alumni.")


def is_robot_address(email: str) -> bool:
    local, _, domain = email.lower().partition("@")
    return bool(_ROBOT_LOCAL.search(local)) or is_ats_domain(domain)


def employer_domain(email: str) -> str:
    """The address's domain when it can name an employer (not an ATS, not freemail), else ""."""
    d = domain_of(email)
    if not d or is_ats_domain(d) or is_freemail(d):
        return ""
    return d


def human_name_of(display: str) -> str:
    """'Ana Ruiz via Greenhouse' -> 'Ana Ruiz'; 'Jules Moreau at Pellucid Labs' -> 'Jules Moreau'."""
    m = _VIA.match(display.strip())
    return m.group("name").strip() if m else ""


def is_auto_reply(message: Message) -> tuple[bool, str]:
    h = message.headers
    auto = h.get("auto-submitted", "").strip().lower()
    # RFC 3834: "auto-replied" answers a message (out-of-office); "auto-generated" is any robot's notice,
    # an ATS's acknowledgement included, which still says something
    if auto.startswith("auto-replied"):
        return True, f"Auto-Submitted: {auto}"
    for name in ("x-autoreply", "x-autorespond", "x-auto-response"):
        if h.get(name):
            return True, f"{name}: {h[name][:30]}"
    if _AUTO_SUBJECT.match(message.subject):
        return True, f'subject "{message.subject[:40]}" is an auto-reply'
    return False, ""


def is_bulk(message: Message) -> tuple[bool, str]:
    h = message.headers
    if h.get("list-id"):
        return True, "List-Id header (mailing list)"
    prec = h.get("precedence", "").strip().lower()
    if prec in {"bulk", "list", "junk"}:
        return True, f"Precedence: {prec}"
    if h.get("list-unsubscribe"):
        return True, "List-Unsubscribe header (bulk mail)"
    return False, ""


def analyse(message: Message, user: Identity) -> SenderFacts:
    ev: list[str] = []
    sender = message.sender
    email = sender.email if sender else ""
    from_user = bool(email) and user.is_user(email)
    if from_user:
        ev.append("From is the user's own address")
    auto_reply, why = is_auto_reply(message)
    if auto_reply:
        ev.append(why)
    bulk, why_bulk = is_bulk(message)
    if bulk:
        ev.append(why_bulk)
    ats = bool(email) and is_ats_domain(domain_of(email))
    robot = bool(email) and is_robot_address(email)
    submitted = message.headers.get("auto-submitted", "").strip().lower()
    generated = bool(submitted) and submitted != "no" and not auto_reply
    if generated:
        ev.append(f"Auto-Submitted: {submitted}")
    if ats:
        ev.append(f"sender {email} is an ATS/scheduler")
    elif robot:
        ev.append(f"sender {email} is a robot address")
    human: Address | None = None
    for rt in message.reply_to:
        if rt.email and not is_robot_address(rt.email) and not user.is_user(rt.email):
            human = rt
            break
    if human is None and sender is not None and not robot and not from_user:
        human = sender
    dom = ""
    if not from_user:
        for cand in ([human.email] if human else []) + [email]:
            dom = employer_domain(cand)
            if dom:
                break
    return SenderFacts(
        from_user=from_user,
        automated=(robot or ats or auto_reply or bulk or generated) and not from_user,
        auto_reply=auto_reply,
        bulk=bulk,
        ats=ats,
        human=human,
        employer_domain=dom,
        evidence=tuple(ev),
    )
