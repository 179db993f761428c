"""Fast matching of one lexicon category on lower-cased text.

Python's regex engine scans a case-insensitive alternation with a look-behind slowly, and rules
ask for many categories on many short texts where most categories never occur. A
`CategoryMatcher` therefore compiles a category's patterns once in lower case, to run on text the
caller lower-cases once (`fold`, which keeps offsets), and reads from the parsed patterns the
literal words every match must contain (its *anchors*). The regex is compiled, and runs, only
where an anchor occurs: not at all when none is in the text (one `str.find` each), and on a long
text only in windows around the anchors (`semantics.lexicon_cache` keeps anchors and compiled
regexes between runs).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from re import _constants as sre_c
from re import _parser as sre_parse

from safeguard_lint.semantics.requirements import (
    Requirement,
    anchor_set,
    compile_requirement,
    pattern_requirement,
)


@lru_cache(maxsize=1024)
def fold(text: str) -> str:
    """Lower-case `text` without changing its length (characters that would grow are kept).

    Memoised: rules ask about the same passages and sentences category after category."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def lower_pattern(pattern: str) -> str:
    """Lower-case the literal letters of a regex, leaving escapes such as `\\S` intact."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        out.append(c.lower())
        i += 1
    return "".join(out)


#: Texts longer than this are scanned in windows around anchors instead of whole.
_LONG = 4096
#: How far on each side of an anchor a match may extend.
_WINDOW = 200
#: Anchors shorter than this are too common to help.
_MIN_ANCHOR = 3


def category_anchors(patterns: Sequence[str]) -> frozenset[str] | None:
    """Anchors of a whole category (lower-cased patterns), or None when one pattern has none."""
    found: set[str] = set()
    for p in patterns:
        a = anchor_set(pattern_requirement(p))
        if not a or min(map(len, a)) < _MIN_ANCHOR:
            return None
        found |= a
    return frozenset(found)


def _windows(folded: str, anchors: frozenset[str]) -> list[tuple[int, int]]:
    """Merged windows of `folded` around every occurrence of the anchors.

    A whole document holds thousands of occurrences of a common anchor: the loops keep to
    local names and merge on plain integers."""
    find = folded.find
    spots: list[int] = []
    add = spots.append
    for a in anchors:
        i = find(a)
        while i >= 0:
            add(i)
            i = find(a, i + 1)
    if not spots:
        return []
    spots.sort()
    n = len(folded)
    merged: list[tuple[int, int]] = []
    lo, hi = spots[0] - _WINDOW, spots[0] + _WINDOW
    for i in spots:
        if i - _WINDOW <= hi:
            hi = max(hi, i + _WINDOW)
        else:
            merged.append((max(0, lo), min(n, hi)))
            lo, hi = i - _WINDOW, i + _WINDOW
    merged.append((max(0, lo), min(n, hi)))
    return merged


def category_pattern(patterns: Sequence[str]) -> str:
    """One regex for a category's patterns, for lower-cased text, on word boundaries."""
    lowered = sorted((lower_pattern(p) for p in patterns), key=len, reverse=True)
    body = "|".join(f"(?:{p})" for p in lowered)
    return rf"(?<![\w-])(?:{body})(?![\w-])"


_ZERO_WIDTH = (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT)
#: Character ranges wider than this are not spelt out as first characters.
_MAX_RANGE = 64


def _class_chars(items: list[tuple[object, object]]) -> set[str] | None:
    """The characters of a parsed character class, or None when it is negated or not short."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre_c.LITERAL and isinstance(av, int):
            chars.add(chr(av))
        elif op is sre_c.RANGE and isinstance(av, tuple) and av[1] - av[0] < _MAX_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return chars


def _first_chars(parsed: sre_parse.SubPattern) -> set[str] | None:
    """The characters a match of `parsed` can begin with; None when unknown or when `parsed`
    may match the empty string."""
    found: set[str] = set()
    for op, av in parsed:
        if op in _ZERO_WIDTH:
            continue  # what follows decides (and what it allows includes what matches)
        if op is sre_c.LITERAL:
            return found | {chr(av)}
        if op is sre_c.IN:
            chars = _class_chars(av)
            return None if chars is None else found | chars
        if op is sre_c.SUBPATTERN and not (av[1] or av[2]):
            inner: list[sre_parse.SubPattern] = [av[3]]
            nullable = av[3].getwidth()[0] == 0
        elif op is sre_c.BRANCH:
            inner = av[1]
            nullable = any(alt.getwidth()[0] == 0 for alt in inner)
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
            inner = [av[2]]
            nullable = av[0] == 0 or av[2].getwidth()[0] == 0
        else:
            return None
        for sub in inner:
            first = _first_chars(sub)
            if first is None:
                return None
            found |= first
        if not nullable:
            return found
    return None


#: The group of a `scan_pattern` regex that holds the match.
MATCH_GROUP = "_lexicon_match"


def _refers_back(value: object) -> bool:
    """Whether a parsed pattern (or a part of one) holds a back-reference, which a group
    added around it would renumber."""
    if isinstance(value, sre_parse.SubPattern):
        return any(
            op in (sre_c.GROUPREF, sre_c.GROUPREF_EXISTS) or _refers_back(av) for op, av in value
        )
    if isinstance(value, (list, tuple)):
        return any(_refers_back(v) for v in value)
    return False


def scan_pattern(patterns: Sequence[str]) -> str:
    """The category regex (`category_pattern`) as the matcher runs it, with the match in
    the group `MATCH_GROUP` (or, when the patterns refer back to their own groups, as is).

    Python's engine tries a pattern that opens with a look-behind at every position of the
    text. When the characters a match can begin with are known, the pattern instead opens
    with that character class, which the engine skips to in one fast pass, and checks the
    boundary and the patterns from there in look-arounds: about a third faster on legislation.
    It then reports every position a match may start at, overlapping ones included, and
    `CategoryMatcher` keeps those the plain pattern would have found."""
    lowered = sorted((lower_pattern(p) for p in patterns), key=len, reverse=True)
    body = "|".join(f"(?:{p})" for p in lowered)
    try:
        parsed = sre_parse.parse(body)
    except re.error:
        return category_pattern(patterns)
    if _refers_back(parsed):
        return category_pattern(patterns)
    group = f"(?P<{MATCH_GROUP}>{body})"
    first = _first_chars(parsed)
    if not first:
        return rf"(?<![\w-]){group}(?![\w-])"
    cls = "[" + "".join(re.escape(c) for c in sorted(first)) + "]"
    return rf"{cls}(?<=(?<![\w-])(?={group}(?![\w-])){cls})"


class CategoryMatcher:
    """One category's patterns for lower-cased text: their anchors, and a regex compiled the
    first time a text holds one of them."""

    __slots__ = ("_anchors", "_build", "_required", "_rx")

    _required: Callable[[str], bool]

    def __init__(
        self,
        anchors: frozenset[str] | None,
        build: Callable[[], re.Pattern[str]],
        required: Requirement = None,
    ) -> None:
        self._anchors = anchors
        self._build = build
        self._required = compile_requirement(required)
        self._rx: re.Pattern[str] | None = None

    def _regex(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = self._build()
        return self._rx

    def _regions(self, folded: str) -> list[tuple[int, int]]:
        """The parts of `folded` where a match may be: none, a few windows, or all of it.

        None when the text lacks the anchors or, past them, the other literals a match needs
        (`semantics.requirements`)."""
        anchors = self._anchors
        if anchors is None:
            return [(0, len(folded))]
        required = self._required
        if len(folded) > _LONG:
            # A match in a window consumes only the window's text.
            windows = _windows(folded, anchors) if required(folded) else []
            return [(lo, hi) for lo, hi in windows if required(folded[lo:hi])]
        for anchor in anchors:
            if anchor in folded:
                return [(0, len(folded))] if required(folded) else []
        return []

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """The (start, end) of every match in `folded`, in order.

        The regex (`scan_pattern`) reports every start of a match, so a start inside the
        previous match is dropped, as a scan that resumes after each match would."""
        regions = self._regions(folded)
        if not regions:
            return []
        rx = self._regex()
        group = rx.groupindex.get(MATCH_GROUP, 0)
        found: list[tuple[int, int]] = []
        last = 0
        for lo, hi in regions:
            for m in rx.finditer(folded, lo, hi):
                start, end = m.span(group)
                if start >= last:
                    found.append((start, end))
                    last = end
        return found

    def search(self, folded: str) -> re.Match[str] | None:
        """The first match in `folded`, or None."""
        for lo, hi in self._regions(folded):
            m = self._regex().search(folded, lo, hi)
            if m is not None:
                return m
        return None
