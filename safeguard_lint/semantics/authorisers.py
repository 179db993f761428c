"""Authoriser classification: who permits a power, and how independent of the executive they are.

Matches of the `authorisers` lexicon are classified as "judicial" (judge, court, magistrate),
"independent" (a body independent of the executive) or "executive" (minister, police,
prosecutor, regulator, "relevant authority"). An entity acts as an *authoriser* when an
authorising word ("order", "warrant", "authorise", "approve", "direct") stands near it in the
same clause segment; otherwise it is only an actor (the competent authority that executes a
power is not the one that authorises it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.semantics.lexicon import LexMatch

AuthoriserKind = Literal["judicial", "independent", "executive"]
INDEPENDENT_KINDS: frozenset[str] = frozenset({"judicial", "independent"})
#: How many characters may separate an entity from the authorising word that makes it one.
_SUBJECT_REACH = 250
_AGENT = compile_regex(r"\b(?:by|of|from|to)\b", re.IGNORECASE)
#: A passive verb before an authorising word ("in which measures were ordered"): what was
#: authorised is described, and the entity before it is not its subject.
_PASSIVE = compile_regex(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Authoriser:
    """An authority named in a clause: its class, whether it authorises, and where it stands."""

    kind: AuthoriserKind
    authorises: bool
    start: int
    end: int
    text: str

    @property
    def independent(self) -> bool:
        """Whether the authority is a judge, a court or a body independent of the executive."""
        return self.kind in INDEPENDENT_KINDS


def find_authorisers(
    matches: Sequence[LexMatch],
    segment_of: Callable[[int], tuple[int, int]],
    text: str,
    offset: int,
) -> tuple[Authoriser, ...]:
    """Classify the entity matches of a clause (`text` at `offset`).

    An entity authorises when it is the subject of an authorising word that follows it
    ("the Minister may issue an order") or the agent of one that precedes it ("an order of
    the Minister", "authorised by a judge"); `segment_of` bounds the clause segments.
    """
    acts = [m for m in matches if m.category == "authorising_act"]
    entities = [m for m in matches if m.category != "authorising_act"]

    def agent_of(m: LexMatch, a: LexMatch) -> bool:
        return 0 <= m.start - a.end <= 30 and bool(
            _AGENT.search(text[a.end - offset : m.start - offset])
        )

    # An act whose agent is named ("with the authorisation of the Prime Minister") is not
    # performed by the subject of the sentence ("The intelligence services may collect…").
    with_agent = {id(a) for a in acts if any(agent_of(m, a) for m in entities)}
    result: list[Authoriser] = []
    for m in entities:
        seg = segment_of(m.start)
        authorises = any(
            seg[0] <= a.start < seg[1]
            and (
                (
                    0 <= a.start - m.end <= _SUBJECT_REACH
                    and id(a) not in with_agent
                    and not _PASSIVE.search(text, max(0, a.start - offset - 30), a.start - offset)
                )
                or agent_of(m, a)
            )
            for a in acts
        )
        kind: AuthoriserKind = m.category  # type: ignore[assignment]
        result.append(Authoriser(kind, authorises, m.start, m.end, m.text))
    return tuple(result)
