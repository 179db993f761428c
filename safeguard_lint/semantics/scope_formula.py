"""The scope formula of a text, tracked across the document, and its "serious crime" term.

- Formulas: "offences established in accordance with this Convention", "offences under this
  Act", "covered by this Convention", "established pursuant to" — every occurrence with its
  category (lexicon `scope_formula`), and whether it stands in a disclaimer ("Nothing in this
  article shall be interpreted as establishing offences under this Convention").
- Serious crime: a defined term for serious offences whose definition measures seriousness by
  the maximum penalty, and every passage where that term is used, with the power (lexicon
  `powers`) or transfer (lexicon `sharing`) it triggers there.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from safeguard_lint.ast import Span
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.semantics.lexicon import LexMatch
from safeguard_lint.semantics.passages import Passage, passages

#: The self-referential scope formula categories of the `scope_formula` lexicon.
FORMULAS = ("in_accordance", "under", "covered", "pursuant")
#: Power categories (lexicon `powers`) whose use makes a threshold trigger an error.
GRAVE_POWERS = ("interception", "real_time", "surveillance")


@dataclass(slots=True)
class FormulaUse:
    """One occurrence of a scope formula."""

    match: LexMatch
    passage: Passage
    in_disclaimer: bool


@dataclass(slots=True)
class Trigger:
    """A use of the serious-crime term in a passage that grants a power or sends data."""

    use: Span
    passage: Passage
    power: LexMatch | None
    transfer: LexMatch | None

    @property
    def grave(self) -> bool:
        """Whether the trigger is interception, real-time collection or cross-border sharing."""
        return self.transfer is not None or (
            self.power is not None and self.power.category in GRAVE_POWERS
        )


@dataclass(slots=True)
class SeriousTerm:
    """A "serious crime" term defined by a penalty threshold, and where it triggers powers."""

    term: str
    definition: Span
    threshold: Span
    triggers: list[Trigger] = field(default_factory=list)


@dataclass(slots=True)
class ScopeIndex:
    """The formulas of the text and its penalty-threshold serious-crime terms."""

    formulas: list[FormulaUse]
    serious: list[SeriousTerm]

    def by_category(self) -> dict[str, list[FormulaUse]]:
        """Formula uses grouped by category, in document order."""
        groups: dict[str, list[FormulaUse]] = {}
        for use in self.formulas:
            groups.setdefault(use.match.category, []).append(use)
        return groups


def _definitions(ctx: RuleContext) -> list[tuple[str, Span, list[Span]]]:
    """Defined serious-crime terms from the parser's definitions table: each definition's span
    and the term's uses (the table records them on the first entry)."""
    lex = ctx.lexicon("scope_formula")
    return [
        (term, entry.span, sorted(entries[0].uses, key=lambda u: u.start))
        for term, entries in ctx.document.definitions.items()
        if lex.search(term, "serious_term") is not None
        for entry in entries
    ]


def _build(ctx: RuleContext) -> ScopeIndex:
    lex = ctx.lexicon("scope_formula")
    powers = ctx.lexicon("powers")
    share = ctx.lexicon("sharing")
    coop = ctx.lexicon("cooperation")
    all_passages = passages(ctx)
    formulas: list[FormulaUse] = []
    for p in all_passages:
        found = list(lex.finditer(p.text, p.span.start, FORMULAS))
        if found:  # the disclaimer only matters where a formula stands
            disclaimer = lex.has(p.text, "disclaimer")
            formulas.extend(FormulaUse(m, p, disclaimer) for m in found)

    serious: list[SeriousTerm] = []
    for term, span, uses in _definitions(ctx):
        use_starts = [u.start for u in uses]
        text = ctx.source[span.start : span.end]
        threshold = lex.search(text, "penalty_threshold")
        if threshold is None or lex.has(text, "closed_list"):
            continue
        entry = SeriousTerm(
            term, span, Span(start=span.start + threshold.start, end=span.start + threshold.end)
        )
        for p in all_passages:
            if p.span.start <= span.start < p.span.end:
                continue
            i = bisect.bisect_left(use_starts, p.span.start)
            if i == len(uses) or uses[i].start >= p.span.end:
                continue
            use = uses[i]
            at = p.span.start
            power = powers.search(p.text, None, at)
            transfer = None
            if share.has(p.text, "send") and (
                share.has(p.text, "foreign")
                or coop.has(f"{p.text}\n{p.headings}", "assistance")
                or coop.has(f"{p.text}\n{p.headings}", "legal_assistance")
            ):
                transfer = share.search(p.text, "send", at)
            if power is None and transfer is None:
                # "afford one another mutual legal assistance … of any serious crime"
                transfer = coop.search(p.text, "legal_assistance", at)
            if power is None and transfer is None:
                continue
            entry.triggers.append(Trigger(use, p, power, transfer))
        serious.append(entry)
    return ScopeIndex(formulas, serious)


def scope(ctx: RuleContext) -> ScopeIndex:
    """The scope analysis of the document in `ctx` (computed once)."""
    return ctx.cached(_build)
