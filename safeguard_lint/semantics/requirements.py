"""The literal words a lexicon category's matches cannot do without, as a yes/no test on a text.

A category's anchors (`semantics.matcher`) are one literal per pattern, and common words make
poor anchors: "only", "court", "information" occur in most passages, and four in five regex
scans that an anchor lets through find nothing. A *requirement* keeps every literal a match
must contain: all the words of a pattern's sequence ("in accordance with" needs "accordance"
and "with"), any one of a set of alternatives, nothing for an optional part. A text that fails
it holds no match, so the regex need not run; the regex still decides where one passes.

A requirement is a literal string, `("all", parts)`, `("any", parts)`, or None (no literal
is required).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from re import _constants as sre_c
from re import _parser as sre_parse
from typing import TypeAlias

Requirement: TypeAlias = "str | tuple[str, tuple[Requirement, ...]] | None"

#: Literals shorter than this occur everywhere and are not worth a look.
_MIN_LITERAL = 3
_REPEATS = (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT)


def _all(parts: list[Requirement]) -> Requirement:
    kept = [p for p in parts if p is not None]
    if not kept:
        return None
    # The longest literals first: they are the rarest, so the test fails soonest.
    kept.sort(key=lambda p: -len(p) if isinstance(p, str) else 0)
    return kept[0] if len(kept) == 1 else ("all", tuple(kept))


def _any(parts: list[Requirement]) -> Requirement:
    if not parts or any(p is None for p in parts):
        return None
    return parts[0] if len(parts) == 1 else ("any", tuple(parts))


def _of(parsed: sre_parse.SubPattern) -> Requirement:
    """What every match of a parsed (case-sensitive) pattern consumes."""
    parts: list[Requirement] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= _MIN_LITERAL:
            parts.append("".join(run))
        run.clear()

    for op, av in parsed:
        if op is sre_c.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is sre_c.SUBPATTERN and not (av[1] or av[2]):
            parts.append(_of(av[3]))
        elif op is sre_c.BRANCH:
            parts.append(_any([_of(alt) for alt in av[1]]))
        elif op in _REPEATS and av[0] >= 1:
            parts.append(_of(av[2]))
        # Anything else (a class, a look-around, an optional part) requires no literal.
    flush()
    return _all(parts)


def pattern_requirement(pattern: str) -> Requirement:
    """The requirement of one lower-cased pattern (None under an inline case-insensitive flag,
    whose literals a case-sensitive test would not see)."""
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & sre_c.SRE_FLAG_IGNORECASE:
        return None
    return _of(parsed)


def category_requirement(patterns: Sequence[str]) -> Requirement:
    """The requirement of a category's lower-cased patterns (any one of them must match)."""
    found: list[Requirement] = []
    for p in patterns:
        requirement = pattern_requirement(p)
        if requirement is None:
            return None
        found.append(requirement)
    return _any(found)


def anchor_set(requirement: Requirement) -> frozenset[str] | None:
    """Literals one of which every match satisfying `requirement` contains, chosen so that the
    shortest is as long as possible (rare words make selective anchors), or None."""
    if requirement is None:
        return None
    if isinstance(requirement, str):
        return frozenset({requirement})
    kind, parts = requirement
    sets = [anchor_set(p) for p in parts]
    if kind == "any":
        return frozenset().union(*sets) if all(sets) else None  # type: ignore[arg-type]
    best: frozenset[str] | None = None
    for candidate in sets:
        if candidate and min(map(len, candidate)) > (min(map(len, best)) if best else 0):
            best = candidate
    return best


def _expression(requirement: Requirement) -> str:
    """`requirement` as a Python expression on the text `t` (literals written with repr())."""
    if requirement is None:
        return "True"
    if isinstance(requirement, str):
        return f"{requirement!r} in t"
    kind, parts = requirement
    joiner = " and " if kind == "all" else " or "
    return "(" + joiner.join(_expression(p) for p in parts) + ")"


@lru_cache(maxsize=1024)
def compile_requirement(requirement: Requirement) -> Callable[[str], bool]:
    """A function telling whether a folded text satisfies `requirement`.

    It is one compiled expression of `in` tests: it runs for every text an anchor lets
    through, where walking the nested requirement cost more than the scans it spares. The
    expression holds nothing but literals written with repr()."""
    test: Callable[[str], bool] = eval(f"lambda t: {_expression(requirement)}")
    return test
