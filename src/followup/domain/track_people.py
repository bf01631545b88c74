"""Who is who in a hiring process: robot senders, the employer's humans, company names.

Pure helpers for ``track`` and ``policy``. A *robot* address is one nobody reads: no-reply mailboxes,
applicant-tracking systems (ATS), schedulers, e-signature services, job boards. Such an address is never
a recipient and never joins two messages by itself (an ATS relays many companies' mail from one domain).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence

from followup.domain.model import Address, Identity, Person, Signal
from followup.domain.senders import is_freemail

# Domains that relay mail for many employers (ATS, schedulers, e-signature, job boards).
RELAY_DOMAINS: frozenset[str] = frozenset(
    {
        "greenhouse.io",
        "greenhouse-mail.io",
        "lever.co",
        "hire.lever.co",
        "myworkday.com",
        "workday.com",
        "ashbyhq.com",
        "smartrecruiters.com",
        "icims.com",
        "jobvite.com",
        "bamboohr.com",
        "breezy.hr",
        "recruitee.com",
        "teamtailor.com",
        "workable.com",
        "personio.de",
        "successfactors.com",
        "taleo.net",
        "calendly.com",
        "goodtime.io",
        "modernloop.io",
        "docusign.net",
        "docusign.com",
        "hellosign.com",
        "linkedin.com",
        "indeed.com",
        "glassdoor.com",
        "ziprecruiter.com",
    }
)

_ROBOT_LOCAL = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|notifications?|notify|mailer[-_.]?daemon|"
    r"postmaster|bounce[s]?|alerts?|automated|auto[-_.]?confirm|system|dse|.*[-_.]no[-_.]?reply)"
    r"([-_.+].*)?$"
)

_LEGAL_SUFFIXES = frozenset(
    {
        "gmbh",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "ag",
        "plc",
        "corp",
        "corporation",
        "co",
        "company",
        "sa",
        "sas",
        "sarl",
        "bv",
        "nv",
        "se",
        "kg",
        "ohg",
        "ug",
        "oy",
        "ab",
        "as",
        "pty",
        "srl",
        "spa",
        "kft",
    }
)


def domain_of(email: str) -> str:
    return email.rpartition("@")[2].lower()


def is_relay_domain(domain: str) -> bool:
    domain = domain.lower()
    return any(domain == d or domain.endswith("." + d) for d in RELAY_DOMAINS)


def is_robot_address(email: str) -> bool:
    """True for a mailbox no person reads (no-reply, ATS, scheduler, DocuSign, job board)."""
    email = email.lower()
    if not email or "@" not in email:
        return True
    local, _, domain = email.rpartition("@")
    return bool(_ROBOT_LOCAL.match(local)) or is_relay_domain(domain)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def normalise_company(name: str) -> str:
    """A comparison key: case, accents, punctuation, '&'/'and' and legal suffixes do not matter."""
    text = _fold(name).replace("&", " and ")
    words = re.findall(r"[a-z0-9]+", text)
    while words and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    words = [w for w in words if w != "and"]
    return " ".join(words)


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", _fold(text))
    return "-".join(words)[:40] or "process"


def normalise_role(role: str) -> str:
    text = _fold(role)
    text = re.sub(r"\((m|w|f|d|x|h)(\s*/\s*(m|w|f|d|x|h))+\)", " ", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w)


def roles_match(a: str, b: str, company: str = "") -> bool:
    """Loose equality of two role titles (case, '(m/w/d)', word order, abbreviations, company words)."""
    drop = set(normalise_company(company).split()) if company else set()
    wa = [w for w in normalise_role(a).split() if w not in drop]
    wb = [w for w in normalise_role(b).split() if w not in drop]
    if not wa or not wb:
        return False
    na, nb = " ".join(wa), " ".join(wb)
    if na == nb or na in nb or nb in na:
        return True
    # "TPM, Payments" vs "Technical Program Manager, Payments"; "SRE" vs "Site Reliability Engineer"
    for short, long_ in ((wa, wb), (wb, wa)):
        for i, w in enumerate(short):
            for n in range(2, 5):
                for j in range(len(long_) - n + 1):
                    if _acronym(long_[j : j + n]) == w:
                        rest_short = short[:i] + short[i + 1 :]
                        rest_long = long_[:j] + long_[j + n :]
                        if set(rest_short) == set(rest_long):
                            return True
    sa, sb = set(wa), set(wb)
    return len(sa & sb) / len(sa | sb) >= 0.75


def is_users(addr: Address | Person, user: Identity) -> bool:
    """The user's own address, or an address carrying the user's own name (a forward from an old account)."""
    if user.is_user(addr.email):
        return True
    return bool(user.name) and _fold(addr.name).strip() == _fold(user.name).strip()


def human_senders(sig: Signal, user: Identity, gone: Collection[str] = ()) -> tuple[Address, ...]:
    """The employer's human(s) behind one message: the sender, or the Reply-To behind a robot sender.

    Empty for the user's own mail, for auto-replies from a person's mailbox (out of office), and for
    robot mail without a human Reply-To. People in ``gone`` (who have left the employer: ``departed``)
    are not among them.
    """
    if sig.reading.from_user or is_users(sig.sender, user):
        return ()
    sender_robot = is_robot_address(sig.sender.email)
    if sig.reading.automated and not sender_robot:
        return ()  # an auto-reply from a person's own mailbox: no word, no recipient
    out: list[Address] = []
    if not sender_robot:
        out.append(sig.sender)
    out.extend(a for a in sig.reply_to if not is_robot_address(a.email) and not is_users(a, user))
    seen: set[str] = set()
    uniq = []
    for a in out:
        if a.email not in seen and a.email not in gone:
            seen.add(a.email)
            uniq.append(a)
    return tuple(uniq)


def _corporate(domain: str) -> bool:
    """A company's domain: not a mailbox provider anyone may use (a person writing from one has not moved
    to another company), not a relay."""
    return bool(domain) and not is_freemail(domain) and not is_relay_domain(domain)


def _same_org(a: str, b: str) -> bool:
    return a == b or a.endswith("." + b) or b.endswith("." + a)


def departed(signals: Sequence[Signal], user: Identity) -> frozenset[str]:
    """Addresses of people who wrote for the employer and later write from another company's domain.

    A recruiter who changes jobs mid-process ("writing from my new address at Otterbrook") is no longer a
    person at the employer: her new address is neither word from the employer nor a recipient. A person
    is known by their full name (two words or more); free-mail and relay domains say nothing.
    """
    first: dict[str, str] = {}  # folded full name -> the first company domain it wrote from
    gone: set[str] = set()
    for sig in sorted(signals, key=lambda s: s.date):
        for a in human_senders(sig, user):
            name = " ".join(_fold(a.name).split())
            dom = domain_of(a.email)
            if len(name.split()) < 2 or not _corporate(dom):
                continue
            if not _same_org(dom, first.setdefault(name, dom)):
                gone.add(a.email)
    return frozenset(gone)


def prefer_employer_domain(addrs: tuple[Address, ...], company_domain: str) -> tuple[Address, ...]:
    """Addresses at the employer's own domain first (a stable sort)."""
    if not company_domain:
        return addrs
    d = company_domain.lower()
    return tuple(sorted(addrs, key=lambda a: 0 if domain_of(a.email).endswith(d) else 1))


def _squash(key: str) -> str:
    return key.replace(" ", "")


def _prefix_match(short: str, long_: str, long_words: list[str]) -> bool:
    """``short`` (squashed) starts ``long_`` (squashed) and is no accidental stem ("apple"/"applebees")."""
    if not short or not long_.startswith(short) or short == long_:
        return bool(short) and short == long_
    nxt = long_[len(short)]
    if len(short) >= 6 and short[-1].isalpha() and nxt.isalpha():
        return True  # a clipped spelling: "redtail aero" / "redtail aerospace"
    # a shorter name must end on one of the longer name's word boundaries
    acc = ""
    for w in long_words:
        acc += w
        if acc == short:
            return True
    return False


def companies_match(a: str, b: str) -> bool:
    """Two normalised company keys name one employer ("saltbush" / "saltbush analytics")."""
    if not a or not b:
        return False
    if a == b:
        return True
    sa, sb = _squash(a), _squash(b)
    if len(sa) > len(sb):
        a, b, sa, sb = b, a, sb, sa
    return _prefix_match(sa, sb, b.split())


def domain_names_company(domain: str, key: str) -> bool:
    """The employer's mail domain spells its name ("redtail-aero.com" / "redtail aerospace")."""
    if not domain or not key or is_relay_domain(domain):
        return False
    labels = [x for x in domain.lower().split(".") if x]
    if len(labels) < 2:
        return False
    # the registrable label: skip public-suffix-like tails ("co.uk", "com.au")
    core = labels[-2]
    if (
        len(labels) >= 3
        and labels[-2] in {"co", "com", "org", "net", "ac", "gov", "edu"}
        and len(labels[-1]) == 2
    ):
        core = labels[-3]
    core = re.sub(r"[^a-z0-9]", "", core)
    name = _squash(key)
    if len(core) < 4:
        return False
    return core == name or _prefix_match(core, name, key.split()) or _prefix_match(name, core, [core])
