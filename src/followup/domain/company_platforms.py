"""Platforms: job boards, scheduling assistants, HR suites, screening vendors and newsletter hosts carry an
employer's mail (or none) but are never the employer.

A platform is known by its name, or by what its notice says about itself: the user has an account on it or
applied through it ("you received this email because you applied for a job on <X>"), it powers or sends the
mail for someone else, it hosts an employer's page ("<x>.com/careers/<employer>"), or its mail is a digest
of many employers' jobs (a job alert) or a newsletter issue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_FORM = r"(?:Inc\.?|LLC|Ltd\.?|Limited|GmbH|AG|SE|S\.?A\.?|B\.?V\.?|Corp\.?|Co\.)"
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc", "or", "ne", "gv"})


def domain_label(domain: str) -> str:
    """'saltbush.com.au' -> 'saltbush'; 'mail.corvidsec.com' -> 'corvidsec'; 'halden-energie.de' -> 'halden-energie'."""
    parts = [p for p in domain.lower().split(".") if p]
    if len(parts) > 1:
        parts.pop()  # the top-level domain, whatever it is (.com, .de, .design, .finance)
    while len(parts) > 1 and parts[-1] in _SECOND_LEVEL:
        parts.pop()
    return parts[-1] if parts else ""


# Platforms that carry an employer's mail but are never the employer: job boards, scheduling assistants,
# HR and payroll suites, background-check vendors. Their names and mail domains name no employer.
PLATFORM_NAMES = (
    r"ZipRecruiter|Indeed(?:\s+Apply)?|LinkedIn|Glassdoor|Wellfound|AngelList(?:\s+Talent)?|Welcome\s+to\s+the\s+Jungle"
    r"|Otta|Hired|Dice|Monster|CareerBuilder|SimplyHired|StepStone|XING|InfoJobs|Gupy|Computrabajo|Handshake"
    r"|Built\s*In|Jobindex|Jobteaser|Totaljobs|Reed|Seek|Naukri|Rippling|Gusto|BambooHR|Deel|Remote\.com|Paradox"
    r"|Oracle\s+(?:Cloud|Recruiting(?:\s+Cloud)?|Taleo)|HireRight|Checkr|Sterling|GoodHire|First\s+Advantage|Certn"
    r"|HackerRank|Codility|CodeSignal|TestGorilla|Karat|DocuSign|Adobe\s+Sign|Dropbox\s+Sign"
    r"|NEOGOV|GovernmentJobs(?:\.com)?|SchoolJobs|USAJOBS|PeopleAdmin|HigherEdJobs|Interfolio|Substack|Beehiiv"
)
_PLATFORM = re.compile(
    rf"^(?:{PLATFORM_NAMES})(?:[\s,]+(?:{_FORM}|Team|Jobs|Notifications?|Support|Talent))*$"
    r"|^(?:ZipRecruiter|Indeed|LinkedIn|Glassdoor|Wellfound|AngelList|Welcome\s+to\s+the\s+Jungle|StepStone|XING"
    r"|InfoJobs|Gupy|Rippling|Paradox|BambooHR|HireRight|Checkr|HackerRank|Codility|CodeSignal|DocuSign)\b"
    r"|\b(?:Screening|Background(?:\s+Checks?|\s+Screening)?|Verifications?)(?:[\s,]+" + _FORM + r")?$",
    re.I,
)
_PLATFORM_LABEL = re.compile(
    r"^(?:ziprecruiter|indeed|linkedin|glassdoor|wellfound|angellist|welcometothejungle|otta|hired|dice|monster"
    r"|careerbuilder|stepstone|xing|infojobs|gupy|computrabajo|joinhandshake|builtin|rippling|gusto|deel|paradox"
    r"|oraclecloud|hireright|checkr|sterlingcheck|goodhire|fadv|certn|hackerrank|codility|codesignal"
    r"|testgorilla|karat|docusign|docusign-mail|neogov|governmentjobs|schooljobs|usajobs|peopleadmin|higheredjobs"
    r"|interfolio|substack|beehiiv|buttondown|mailchimp|mailerlite)$"
    r"|screening|backgroundcheck|verif"
)


def is_platform(name: str) -> bool:
    """'ZipRecruiter', 'Welcome to the Jungle', 'Paradox, Inc.', 'Clearwell Screening': never the employer."""
    return bool(name) and bool(_PLATFORM.search(name.strip(" .,")))


def is_platform_domain(domain: str) -> bool:
    """A job board's, scheduler's, HR suite's or screening vendor's mail domain ('paradox.ai',
    'hi.wellfound.com', 'workflow.mail.us6.cloud.oracle.com', 'gupy.io')."""
    parts = [p for p in domain.lower().split(".") if p]
    if len(parts) < 2:
        return False
    if ".".join(parts[-3:]) == "cloud.oracle.com" or ".cloud.oracle.com" in domain.lower():
        return True  # Oracle Recruiting Cloud's workflow mail relays many employers
    return any(_PLATFORM_LABEL.search(label) for label in (domain_label(domain), *parts[-3:-1]))


# What a platform's notice says about itself; <n> is the platform's own name as the notice writes it.
_SELF = re.compile(
    r"\bbecause you(?:'ve| have)? (?:applied|created|signed up|subscribed|registered|saved|followed|opted in"
    r"|have an? (?:account|profile)|are (?:a member|subscribed|registered))\b[^.\n]{0,80}?\b(?:on|with|at|to|via"
    r"|through|from)\s+(?:www\.)?(?P<n>[A-Za-z][\w-]*(?:\.[a-z]{2,6})?)"
    r"|\b(?:powered by|sent (?:by|via|through)|delivered by|a service of)\s+(?:www\.)?(?P<m>[A-Za-z][\w-]*)",
    re.I,
)
# '<platform>.com/careers/<employer>': the platform hosts the employer's page; <t> is the employer's label
_HOSTED = re.compile(
    r"\b(?P<n>[a-z][\w-]*)\.(?:com|io|co|net|org|jobs)/(?:careers|jobs|apply|postings?|employers?|companies|company"
    r"|c|org|o)/(?P<t>[a-z][\w-]{3,})",
    re.I,
)
# a digest of many employers' jobs, or a newsletter's issue: no one employer
_DIGEST = re.compile(
    r"\bjob alerts?\b|\bnew jobs? (?:for|near|matching)\b|\bjobs you (?:might|may) (?:also )?like\b|\brecommended"
    r" jobs\b|\bsee all \d+ jobs\b|\bissue #\d+|\bthis week'?s newsletter\b|\bforward this to a friend\b",
    re.I,
)


# the notice is about one application of the user's, whatever else it recommends
_OWN_APPLICATION = re.compile(
    r"\byour application (?:was|has been) (?:sent|submitted|received|forwarded)|\bapplication (?:submitted|sent|received)"
    r"\b|\byou applied (?:to|for) (?!a similar|similar)",
    re.I,
)


def _spells(written: str, lab: str) -> bool:
    w = re.sub(r"[^0-9a-z]", "", written.lower().split(".")[0])
    return len(w) >= 3 and (w == lab or (len(lab) >= 5 and w.startswith(lab)))


def platform_notice(domain: str, texts: Iterable[str]) -> str:
    """'' when the mail does not say the domain is a platform; 'relay' when it does (the employer is named
    elsewhere in it); 'digest' when it is a job alert or a newsletter (no one employer)."""
    lab = re.sub(r"[^0-9a-z]", "", domain_label(domain))
    heads = [t[:20000] for t in texts if t]
    found = is_platform_domain(domain)
    if not found and len(lab) >= 3:
        for head in heads:
            low = head.lower()
            if lab not in low and lab not in low.replace(" ", ""):
                continue  # the notice never writes the platform's name
            if any(_spells(m.group("n") or m.group("m") or "", lab) for m in _SELF.finditer(head)) or any(
                _spells(m.group("n"), lab) for m in _HOSTED.finditer(head)
            ):
                found = True
                break
    if not found:
        return ""
    digest = any(_DIGEST.search(h) and not _OWN_APPLICATION.search(h) for h in heads)
    return "digest" if digest else "relay"


def hosted_tenant(domain: str, texts: Iterable[str]) -> str:
    """The employer label a platform's mail points at: 'northfielduniv' in 'northfielduniv.peopleadmin.com', or
    'eastbrookny' in 'www.governmentjobs.com/careers/eastbrookny'."""
    parts = [p for p in domain.lower().split(".") if p]
    lab = domain_label(domain)
    generic = {
        "www",
        "mail",
        "mailer",
        "email",
        "e",
        "em",
        "mg",
        "notify",
        "notifications",
        "no-reply",
        "noreply",
        "us",
        "eu",
        "uk",
        "app",
        "hire",
        "jobs",
        "careers",
        "talent",
        "apply",
        "workflow",
        "alerts",
        "news",
    }
    if lab in parts:
        for sub in parts[: parts.index(lab)]:
            if sub not in generic and len(sub) >= 4 and not sub.isdigit():
                return sub
    for text in texts:
        for m in _HOSTED.finditer(text[:20000] if text else ""):
            if _spells(m.group("n"), re.sub(r"[^0-9a-z]", "", lab)):
                return m.group("t")
    return ""


def names_itself(name: str, texts: Iterable[str]) -> bool:
    """The mail says this display name is the platform sending it ('Rolebird Job Alerts' in a mail 'you
    received because you created it on Rolebird')."""
    first = re.sub(r"[^0-9a-z]", "", name.lower().split()[0]) if name.split() else ""
    if len(first) < 3:
        return False
    for text in texts:
        if not text or first not in text.lower():
            continue
        for m in _SELF.finditer(text[:20000]):
            if _spells(m.group("n") or m.group("m") or "", first):
                return True
    return False
