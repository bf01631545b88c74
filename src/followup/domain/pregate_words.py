"""Which words a regex cannot match without: a cheap, exact-or-generous test before running it. Pure.

``requirement(pattern)`` reads a compiled pattern's syntax tree once and returns what every match
needs: at each place where a match must begin a word (after ``\\b``, after a required blank) and goes
on with letters written out, a word of the text starting with those letters. Alternatives become
"any of", sequences "all of"; whatever the reader does not understand requires nothing, so the test
can only say "maybe" more often than needed, never "impossible" for a text the pattern matches
(``tests/unit/test_pregate_user.py`` checks it on every labelled message and on random text).

``WordStarts(words)`` holds the distinct words of a text, sorted, so a requirement is answered with a
few bisections instead of a regex scan of the whole text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_WORD_CHAR = re.compile(r"\w")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Need:
    op: str  # "all" | "any" | "word"
    parts: tuple[Need, ...] = ()
    starts: str = ""  # for "word": a word of the text starts with this


ANYTHING = Need("all")


class WordStarts:
    """The distinct words of a text, sorted: whether one starts with given letters is a bisection."""

    def __init__(self, words: set[str] | frozenset[str]) -> None:
        self.words = sorted(words)

    def has_start(self, starts: str) -> bool:
        at = bisect_left(self.words, starts)
        return at < len(self.words) and self.words[at].startswith(starts)

    def satisfies(self, need: Need) -> bool:
        if need.op == "word":
            return self.has_start(need.starts)
        if need.op == "all":
            return all(self.satisfies(p) for p in need.parts)
        return any(self.satisfies(p) for p in need.parts)


def requirement(pattern: re.Pattern[str]) -> Need:
    """What every match of ``pattern`` needs (``ANYTHING`` when the tree is not understood)."""
    if pattern.flags & re.IGNORECASE:
        return ANYTHING  # the words are matched as written: a case-blind pattern is not read
    try:
        need, _ = _sequence(list(_parser.parse(pattern.pattern, pattern.flags)), False, [_SPLICE_BUDGET])
    except Exception:  # noqa: BLE001 - an optimisation only: requiring nothing is always exact
        return ANYTHING
    return _simplify(need)


def _simplify(need: Need) -> Need:
    if need.op == "word":
        return need
    parts = tuple(_simplify(p) for p in need.parts)
    if need.op == "all":
        parts = tuple(p for p in parts if p != ANYTHING)
        return parts[0] if len(parts) == 1 else Need("all", parts)
    if any(p == ANYTHING for p in parts) or not parts:
        return ANYTHING
    return parts[0] if len(parts) == 1 else Need("any", parts)


_SPLICE_BUDGET = 5000  # alternatives read as whole sequences per pattern, then each part alone
_REPEATS = tuple(
    getattr(C, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(C, name)
)


def _is_blank_class(av: Any) -> bool:
    return all(op is C.CATEGORY and a is C.CATEGORY_SPACE for op, a in av)


def _is_spliceable(item: tuple[Any, Any]) -> bool:
    op, av = item
    if op in (C.SUBPATTERN, C.BRANCH):
        return True
    return op in _REPEATS and av[0] == 0 and av[1] == 1  # x?


def _sequence(items: list[tuple[Any, Any]], at_start: bool, budget: list[int]) -> tuple[Need, bool]:
    """The needs of a sequence entered after a non-word character (``at_start``) or not, and whether
    it ends on one (so a letter that follows begins a word).

    A group, an alternative or an optional part is spliced into what follows it (each alternative its
    own sequence) while ``budget`` lasts, so a written-out word runs on across it ('(?:ge)?sollicit',
    'me(?:et|t)'); past the budget it is read on its own, which only asks for less."""
    needs: list[Need] = []
    i = 0
    while i < len(items):
        op, av = items[i]
        rest = items[i + 1 :]
        if op is C.LITERAL:
            ch = chr(av)
            if at_start and _WORD_CHAR.match(ch):
                run = ""
                while i < len(items) and items[i][0] is C.LITERAL and _WORD_CHAR.match(chr(items[i][1])):
                    run += chr(items[i][1])
                    i += 1
                if i < len(items) and _is_spliceable(items[i]) and budget[0] > 0:
                    # the word runs on into a group: each alternative read with these letters in front
                    letters = [(C.LITERAL, ord(c)) for c in run]
                    got = [
                        _sequence(letters + alt, True, budget)
                        for alt in _alternatives(items[i], items[i + 1 :], budget)
                    ]
                    needs.append(Need("any", tuple(n for n, _ in got)))
                    return Need("all", tuple(needs)), all(after for _, after in got)
                needs.append(Need("word", starts=run))
                at_start = False
                continue
            at_start = not _WORD_CHAR.match(ch)
        elif _is_spliceable(items[i]) and budget[0] > 0:
            alternatives = _alternatives(items[i], rest, budget)
            got = [_sequence(alt, at_start, budget) for alt in alternatives]
            needs.append(Need("any", tuple(n for n, _ in got)))
            return Need("all", tuple(needs)), all(after for _, after in got)
        elif op is C.AT:
            at_start = av is C.AT_BOUNDARY
        elif op in (C.ASSERT, C.ASSERT_NOT):
            pass  # consumes nothing
        elif op is C.BRANCH:
            got = [_sequence(list(b), at_start, budget) for b in av[1]]
            needs.append(Need("any", tuple(n for n, _ in got)))
            at_start = all(after for _, after in got)
        elif op is C.SUBPATTERN:
            need, at_start = _sequence(list(av[-1]), at_start, budget)
            needs.append(need)
        elif op in _REPEATS:
            low, high, content = av[0], av[1], list(av[2])
            need, after = _sequence(content, at_start, budget)
            if low >= 1:
                needs.append(need)
            # later rounds start where the one before ended: known only when the content ends on one
            again = _sequence(content, False, budget)[1]
            if low == 0:
                at_start = at_start and (after if high == 1 else after and again)
            else:
                at_start = after if high == 1 else again
        elif op is C.IN:
            at_start = _is_blank_class(av)
        else:  # any other node: nothing known about what follows
            at_start = False
        i += 1
    return Need("all", tuple(needs)), at_start


def _alternatives(
    item: tuple[Any, Any], rest: list[tuple[Any, Any]], budget: list[int]
) -> list[list[tuple[Any, Any]]]:
    op, av = item
    budget[0] -= 1
    if op is C.SUBPATTERN:
        return [[*av[-1], *rest]]
    if op is C.BRANCH:
        budget[0] -= len(av[1])
        return [[*b, *rest] for b in av[1]]
    # an optional part (``x?``): with it and without it
    return [[*av[2], *rest], list(rest)]


def words_of(text: str) -> set[str]:
    return set(_WORD.findall(text))
