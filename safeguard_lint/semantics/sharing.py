"""Sharing provisions: who sends what to whom, on request or spontaneously, on what conditions.

A transfer is a passage where information, data or evidence is sent (transfer, transmit,
forward, disclose, supply, exchange…) to a foreign recipient (another State or Party, a third
country, an international organisation). Its conditions — purpose limitation, onward-transfer
control, adequacy or binding safeguards, retention limits, refusal — are read from the passage
itself, its provision, its division, and text-wide transfer regimes ("Any transfer … shall take
place only if … the conditions laid down in this Chapter are complied with"). Vocabulary comes
from the `sharing` lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from safeguard_lint.ast import Span
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.semantics.lexicon import Lexicon, LexMatch
from safeguard_lint.semantics.passages import Passage, passages
from safeguard_lint.semantics.scopes import unit_index

#: Condition categories of the `sharing` lexicon that a transfer may carry.
CONDITIONS = ("purpose_limitation", "onward", "adequacy", "retention_limit", "refusal")
#: How close (in characters) a send verb must be to what is sent ("disclose … the data").
_NEAR = 120
#: How close a foreign recipient must be to the send verb for the two to belong together
#: ("forward to another Party", "the requested Party may make the supply of information"): a
#: foreign government named in the lead-in of a long list is not the recipient of a "share"
#: in one of its items.
_REACH = 250
#: A send that the text says nobody is obliged to make ("nor shall the foreign government be
#: required to share…"): a limit on cooperation, not a transfer.
_NOT_REQUIRED = compile_regex(
    r"\b(?:not|nor|never)\b(?:\s+\w+){0,4}\s+(?:be\s+)?(?:required|obliged|compelled)\s+to\s+$",
    re.IGNORECASE,
)
#: A send the text forbids ("Material shall not be transferred to a foreign authority", "No
#: material may be handed over…"), unless it then allows it on a condition (`_UNLESS`).
_FORBIDDEN = compile_regex(
    r"(?:\b(?:shall|may|must)\s+not|\bno\s+(?:[\w-]+\s+){1,6}(?:shall|may|must))"
    r"(?:\s+(?:be|have\s+been))?\s+$",
    re.IGNORECASE,
)
_UNLESS = compile_regex(
    r"[^.;]*?\b(?:unless|except|save|other\s+than|without|only|until|before)\b", re.IGNORECASE
)
#: A send verb naming what someone may do, to identify them ("the person who has the lawful
#: authority to disclose the data"), not a transfer the text makes.
_AUTHORITY_TO = compile_regex(r"\b(?:authority|entitled|power|right)\s+to\s+$", re.IGNORECASE)


@dataclass(slots=True)
class Transfer:
    """One passage that sends information abroad, with what it says about it."""

    passage: Passage
    send: LexMatch
    recipient: LexMatch
    spontaneous: LexMatch | None = None
    discretion: LexMatch | None = None
    specific_case: LexMatch | None = None
    domestic_only: LexMatch | None = None
    open_purpose: LexMatch | None = None
    generalised: LexMatch | None = None
    personal_data: bool = False
    #: Conditions stated in the passage itself, by category.
    conditions: dict[str, list[LexMatch]] = field(default_factory=dict)
    #: Provisions the transfer's own provision switches off for it ("Section 2 does not
    #: apply to processing by the police"): their conditions do not reach it.
    excluded: list[Span] = field(default_factory=list)

    def reached_by(self, matches: list[LexMatch]) -> list[LexMatch]:
        """The matches that are not in a provision switched off for this transfer."""
        return [m for m in matches if not any(m.start in s for s in self.excluded)]


@dataclass(slots=True)
class SharingIndex:
    """Every transfer, and the conditions stated per provision, per division and text-wide."""

    transfers: list[Transfer]
    by_provision: dict[int, dict[str, list[LexMatch]]]
    by_division: dict[int, dict[str, list[LexMatch]]]
    #: Conditions anywhere in the text (a purpose-limitation principle, an onward clause…).
    anywhere: dict[str, list[LexMatch]]
    #: Passages that set a general transfer regime (adequacy or binding safeguards for all).
    regimes: list[Passage]

    def conditions_for(self, transfer: Transfer, category: str) -> list[LexMatch]:
        """Matches of a condition that reach `transfer`: its provision, then its division."""
        p = transfer.passage
        own = transfer.reached_by(self.by_provision.get(p.provision_key, {}).get(category, []))
        if own:
            return own
        if p.division is not None:
            return transfer.reached_by(self.by_division.get(p.division_key, {}).get(category, []))
        return []

    def unreached(self, category: str) -> list[Transfer]:
        """The transfers that no condition of `category` anywhere in the text reaches."""
        found = self.anywhere.get(category, [])
        return [t for t in self.transfers if not t.reached_by(found)]


#: Words by which a transfer rule governs every transfer of the text, not one ("Any transfer
#: of personal data…", "Personal data received under this Protocol shall be transferred only…").
_FOR_EVERY_TRANSFER = compile_regex(
    r"\b(?:any|all|every|each|no)\s+(?:such\s+)?(?:transfers?|transmissions?|disclosures?)\b"
    r"|\b(?:received|transferred|transmitted|supplied|exchanged|shared)\s+(?:\w+\s+){0,2}under\s+"
    r"this\s+(?:Protocol|Agreement|Convention|Treaty|Act|Law|Regulation|Directive|Chapter|Part)\b"
    r"|\b(?:transfers?\s+of|(?:shall|may|must)\s+not\s+(?:be\s+)?transfer(?:red)?)\s+personal\s+data\s+"
    r"to\s+(?:a\s+|any\s+)?(?:third|foreign)\s+(?:countr(?:y|ies)|States?)",
    re.IGNORECASE,
)
#: The end of a clause or list item.
_CLAUSE_BREAK = compile_regex(r";|\.\s")
#: Handling operations listed before a send verb ("collect, retain, use, and share").
_HANDLING_LIST = compile_regex(
    r"\b(?:collect|retain|use|store|process|access|obtain)(?:s|es|ed|ing)?,\s+"
    r"(?:(?:collect|retain|use|store|process|access|obtain)(?:s|es|ed|ing)?,?\s+)+"
    r"(?:and\s+|or\s+|and/or\s+)?$",
    re.IGNORECASE,
)


def _first(lex_matches: list[LexMatch]) -> LexMatch | None:
    return min(lex_matches, key=lambda m: m.start) if lex_matches else None


def _linked(
    passage: Passage, sends: list[LexMatch], recipients: list[LexMatch]
) -> tuple[LexMatch, LexMatch] | None:
    """The first send verb that makes a transfer, with a foreign recipient close enough to be
    its own."""
    for send in sorted(sends, key=lambda m: m.start):
        if not_a_transfer(passage, send):
            continue
        near = [
            r
            for r in recipients
            if abs(r.start - send.start) <= _REACH
            and not _apart(passage, send, r)
            and not _WHERE_STORED.search(passage.text, 0, r.start - passage.span.start)
        ]
        if near:
            return send, min(near, key=lambda r: abs(r.start - send.start))
    return None


#: A foreign State named as where data lies ("stored computer data located in another
#: State"), or as a ground for restricting ("in the interest of friendly relations with foreign
#: States"), not as who receives it.
_WHERE_STORED = compile_regex(
    r"\b(?:(?:located|stored|held|situated|kept|residing)\s+(?:\w+\s+)?"
    r"(?:in|within|on\s+the\s+territory\s+of)|relations\s+with)\s+$",
    re.IGNORECASE,
)


def _apart(passage: Passage, a: LexMatch, b: LexMatch) -> bool:
    """Whether two matches stand in different clauses or items (a semicolon or a full stop
    between them): "…prohibit providers from disclosing the data; (J) the foreign government
    shall agree…" names no recipient of the disclosure."""
    lo, hi = sorted((a, b), key=lambda m: m.start)
    between = passage.text[lo.end - passage.span.start : hi.start - passage.span.start]
    return bool(_CLAUSE_BREAK.search(between))


#: An instrument of the European Union, whose Member States share data under Union law: an
#: exchange among them is no transfer to a third country.
_UNION = compile_regex(r"\b(?:European\s+Union|\(EU\)|the\s+Union|Union\s+law)\b")
_MEMBER_STATES = compile_regex(r"\bMember\s+States?\b")
_AMONG_MEMBERS = compile_regex(r"(?i:each\s+other'?s?|one\s+another|other\s+Member\s+States?)")


def not_a_transfer(passage: Passage, send: LexMatch) -> bool:
    """Whether a send verb describes no transfer by the text: one nobody is required to make
    ("nor shall the foreign government be required to share…"), or one of a list of handling
    operations that rules must govern ("procedures through which those authorities collect,
    retain, use, and share data"), or one someone is said to be able to make ("the lawful
    authority to disclose the data")."""
    rel = send.start - passage.span.start
    before = passage.text[max(0, rel - 80) : rel]
    forbidden = _FORBIDDEN.search(before) is not None and not _UNLESS.match(passage.text, rel)
    return bool(
        forbidden
        or _NOT_REQUIRED.search(before)
        or _HANDLING_LIST.search(before)
        or _AUTHORITY_TO.search(before)
    )


class _PassageHits:
    """The matches of each `sharing` category in one passage, found when first asked for."""

    def __init__(self, lexicon: Lexicon, passage: Passage) -> None:
        self._lexicon = lexicon
        self._passage = passage
        self._found: dict[str, list[LexMatch]] = {}

    def __getitem__(self, category: str) -> list[LexMatch]:
        if category not in self._found:
            p = self._passage
            self._found[category] = list(self._lexicon.finditer(p.text, p.span.start, (category,)))
        return self._found[category]


def _build(ctx: RuleContext) -> SharingIndex:
    lex = ctx.lexicon("sharing")
    offences_lex = ctx.lexicon("offences")
    markers = ctx.lexicon("markers")
    hedges = ctx.lexicon("hedges")
    transfers: list[Transfer] = []
    by_provision: dict[int, dict[str, list[LexMatch]]] = {}
    by_division: dict[int, dict[str, list[LexMatch]]] = {}
    anywhere: dict[str, list[LexMatch]] = {}
    regimes: list[Passage] = []
    union = _UNION.search(ctx.source) is not None and _MEMBER_STATES.search(ctx.source) is not None
    index = unit_index(ctx)
    for p in passages(ctx):
        found = _PassageHits(lex, p)
        conditions = {c: found[c] for c in CONDITIONS if found[c]}
        if "adequacy" in conditions and hedges.has(p.text):
            # "Each Party may, where it considers appropriate, require … an adequate level"
            del conditions["adequacy"]
        for category, matches in conditions.items():
            by_provision.setdefault(p.provision_key, {}).setdefault(category, []).extend(matches)
            by_division.setdefault(p.division_key, {}).setdefault(category, []).extend(matches)
            anywhere.setdefault(category, []).extend(matches)
        # Categories are matched only when the passage needs them: most passages send nothing.
        sends = [
            m
            for m in found["send"]
            if not any(c.start <= m.start < c.end for c in found["carried"])
            and any(abs(x.start - m.start) < _NEAR for x in found["payload"])
        ]
        pair = _linked(p, sends, found["foreign"]) if sends else None
        if pair is None or offences_lex.has(p.text, "creation"):
            continue
        if markers.has(p.text, "subject_matter"):
            continue  # "This Law governs the transfer of…": the transfers are in what follows
        send, recipient = pair
        if any(o.start <= x.start < o.end for o in found["onward"] for x in pair):
            continue  # the rule on onward transfer by a recipient (DP05), not a transfer
        if union and _AMONG_MEMBERS.fullmatch(recipient.text):
            continue  # Member States of the Union among themselves: Union law governs, no export
        if "adequacy" in conditions and _FOR_EVERY_TRANSFER.search(p.text):
            regimes.append(p)
        transfers.append(
            Transfer(
                passage=p,
                send=send,
                recipient=recipient,
                spontaneous=_first(found["spontaneous"]),
                discretion=_first(found["discretion"]),
                specific_case=_first(found["specific_case"]),
                domestic_only=_first(found["domestic_only"]),
                open_purpose=_first(found["open_purpose"]),
                generalised=_first(found["generalised"]),
                personal_data=bool(found["personal_data"]),
                conditions=conditions,
                excluded=index.switched_off(p.provision) if p.provision else [],
            )
        )
    return SharingIndex(transfers, by_provision, by_division, anywhere, regimes)


def sharing(ctx: RuleContext) -> SharingIndex:
    """The sharing analysis of the document in `ctx` (computed once)."""
    return ctx.cached(_build)
