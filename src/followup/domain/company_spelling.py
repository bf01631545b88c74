"""The name a mail domain abbreviates, found where the mail writes it.

A domain is a clue, not a name: 'stbrendans.org' squashes "St. Brendan's Medical Center", 'northfielduniv.edu'
cuts "Northfield University" short, 'eastbrookny.gov' adds a state to "City of Eastbrook",
'halvorsenbrands.com' leaves out a word of "Halvorsen Consumer Brands". ``abbreviated_name`` finds the written
name whose words the label spells: each word whole or by a prefix of three letters or more, apostrophes and
dots dropped, joiners ('of', '&') and one inner word optional, a US state code allowed at the end; the name
then runs on through the capitalised words that follow it ('... Medical Center') and takes a public body's
head before it ('City of', 'University of').
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

US_STATES = frozenset(
    """al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok
    or pa ri sc sd tn tx ut vt va wa wv wi wy dc""".split()
)
_JOINERS = frozenset("of and the de du des la le y et und di da van von der den for".split())
# words that follow a name in a signature or a letterhead without being part of it
_STOP = frozenset(
    """human resources hr talent acquisition recruiting recruitment careers career jobs job team department dept
    office people operations interview application applicant portal notifications hiring inc llc ltd senior
    junior manager director recruiter analyst coordinator specialist partner monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september october november
    december street st ave avenue road rd suite floor fl""".split()
)
_PUBLIC_HEAD = re.compile(
    r"(?:\b(?:the\s+)?(?P<h>(?:City|County|Town|Village|Borough|Township|State|Commonwealth|Port|District|Province"
    r"|Municipality|Parish|University|College|Republic|Ville|Comune|Gemeente|Stadt|Ayuntamiento)\s+(?:of|de|di|du)"
    r"\s+(?:the\s+)?))$",
    re.I,
)
_HEAD_START = re.compile(r"(?:the\s+)?[A-Z]\w+\s+(?:of|de|di|du)\s", re.I)
_NON_ALNUM = re.compile(r"[^0-9a-z]")
_TOK = re.compile(r"[^\W_][\w'’]*\.?|&")
_GAP = re.compile(r"[ \t]+|[ \t]*&[ \t]*|-")  # ' - ' between two words separates them


@lru_cache(maxsize=4096)
def fold(word: str) -> str:
    """'Brendan's' -> 'brendans', 'Alcázar' -> 'alcazar', '&' -> 'and'."""
    if word == "&":
        return "and"
    low = word.lower()
    if low.isascii():
        return _NON_ALNUM.sub("", low)
    low = unicodedata.normalize("NFKD", low.replace("ß", "ss"))
    return re.sub(r"[^0-9a-z]", "", "".join(c for c in low if not unicodedata.combining(c)))


def _consume(
    lab: str, words: list[str], caps: list[bool], k: int, p: int, skipped: bool, state_ok: bool
) -> int:
    """Token index after the last word used when ``lab[p:]`` is spelled from ``words[k:]``, else -1."""
    rest = len(lab) - p
    if rest == 0:
        return k
    if state_ok and rest == 2 and p >= 5 and lab[p:] in US_STATES:
        return k  # 'eastbrookny': the name, then the state
    if k >= len(words):
        return -1
    w = words[k]
    if w and (caps[k] or w in _JOINERS):
        for n in range(min(len(w), rest), 0, -1):
            if n < len(w) and n < 3:
                break  # a word is cut to three letters or more ('univ', 'med'), never to one or two
            if lab.startswith(w[:n], p):
                end = _consume(lab, words, caps, k + 1, p + n, skipped, state_ok)
                if end >= 0:
                    return end
    if w in _JOINERS:
        return _consume(lab, words, caps, k + 1, p, skipped, state_ok)
    nxt = words[k + 1] if k + 1 < len(words) else ""
    if not skipped and p and caps[k] and len(nxt) >= 4 and lab.startswith(nxt, p):
        # one inner word left out ('halvorsenbrands' for Halvorsen Consumer Brands) when a whole word follows
        return _consume(lab, words, caps, k + 1, p, True, state_ok)
    return -1


def _line_tokens(line: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOK.finditer(line)]


def abbreviated_name(label: str, texts: Iterable[str], *, state_ok: bool = True) -> str:
    """The written name the domain label abbreviates ('stbrendans' -> "St. Brendan's Medical Center"), or ""."""
    lab = re.sub(r"[^0-9a-z]", "", label.lower())
    if len(lab) < 4:
        return ""
    best: tuple[int, int, str] | None = None
    seen: dict[str, int] = {}
    for text in texts:
        if not text:
            continue
        low = text[:20000]
        if lab[:2] not in low.lower():
            continue
        for line in low.splitlines():
            if len(line) > 300 or lab[:2] not in line.lower():
                continue
            spans = _line_tokens(line)
            words = [fold(line[a:b]) for a, b in spans]
            caps = [line[a].isupper() or line[a].isdigit() for a, _ in spans]
            for i, (a, _b) in enumerate(spans):
                if not caps[i] or not lab.startswith(words[i][:2]) or not words[i]:
                    continue
                # the words of a name follow each other with only spaces, dots, hyphens or '&' between
                group = [i]
                while group[-1] + 1 < len(spans):
                    last = spans[group[-1]]
                    if line[last[1] - 1] == "." and len(words[group[-1]]) > 3:
                        break  # a sentence's full stop, not an initial or 'St.'
                    gap = line[spans[group[-1]][1] : spans[group[-1] + 1][0]]
                    if not _GAP.fullmatch(gap):
                        break
                    group.append(group[-1] + 1)
                gw = [words[j] for j in group]
                gc = [caps[j] for j in group]
                end = _consume(lab, gw, gc, 0, 0, False, state_ok)
                if end <= 0:
                    continue
                # the name runs on through capitalised words that are not a letterhead's or a title's
                while end < len(gw) and gc[end] and gw[end] not in _STOP and end < 6:
                    if line[spans[group[end - 1]][1] - 1] == ".":
                        break  # 'Wattle & Co.' ends the name
                    end += 1
                while end > 1 and gw[end - 1] in _JOINERS:
                    end -= 1
                start = a
                head = _PUBLIC_HEAD.search(line[:a])
                if head:
                    start = head.start("h")
                name = line[start : spans[group[end - 1]][1]].strip(" .,-&")
                if sum(len(w) for w in gw[:end]) < 4:
                    continue
                seen[name] = seen.get(name, 0) + 1
                cand = (len(name.split()), seen[name], name)
                if best is None or cand[:2] > best[:2]:
                    best = cand
    return best[2] if best else ""


def public_body(name: str, texts: Iterable[str]) -> str:
    """'Eastbrook' -> 'City of Eastbrook' when the mail writes the public body's full form."""
    if not name or _HEAD_START.match(name):
        return name
    for text in texts:
        at = text.find(name, 0, 20000) if text else -1
        while at > 0:
            end = at + len(name)
            head = _PUBLIC_HEAD.search(text[max(0, at - 40) : at])
            if head and not (end < len(text) and text[end].isalnum()):
                return text[max(0, at - 40) + head.start("h") : end]
            at = text.find(name, end, 20000)
    return name


def humble_label(label: str, domain: str) -> str:
    """A domain label as a name when the mail writes none: capitalised as it stands ('Parcelworks'), a US
    public body's state code dropped ('eastbrookny.gov' -> 'Eastbrook')."""
    lab = label.lower()
    tld = domain.lower().rsplit(".", 1)[-1]
    if tld in ("gov", "us") and len(lab) >= 7 and lab[-2:] in US_STATES and lab[:-2].isalpha():
        lab = lab[:-2]
    univ = re.fullmatch(r"([a-z]{4,}?)(?:univ|university)", lab) if tld == "edu" else None
    if univ:  # 'northfielduniv.edu': the university's name cut short
        return f"{univ.group(1).capitalize()} University"
    return lab[:1].upper() + lab[1:]
