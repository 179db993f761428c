"""Wording shared by the safeguard rules: spans, quotations, and notes on hedged clauses.

Not a rule module: it defines no rules, only the phrasing every safeguard rule uses when it
points at the words at fault and at the hedged general clause that fails to cover a power.
"""

from __future__ import annotations

from safeguard_lint.ast import Span
from safeguard_lint.findings import Related
from safeguard_lint.rules.base import RuleContext, related_at
from safeguard_lint.semantics.model import Evidence, Hit, Located


def span_of(found: Located) -> Span:
    """The span of something found in the text."""
    return Span(start=found.start, end=found.end)


def quote(found: Located) -> str:
    """The words found, quoted on one line."""
    return "'" + " ".join(found.text.split()) + "'"


def hedge_related(ctx: RuleContext, evidence: Evidence, what: str) -> list[Related]:
    """Related spans for a safeguard that covers a power only under a hedge or deferral."""
    related: list[Related] = []
    seen: set[int] = set()
    for hit in evidence.qualified:
        if hit.qualifiers[0].start in seen or len(related) == 3:
            continue
        seen.add(hit.qualifiers[0].start)
        words = ", ".join(quote(q) for q in hit.qualifiers)
        where = hit.cover.site.provision.label or "the general clause"
        msg = f"{where} provides {what} ({quote(hit.found)}) only under {words}"
        related.append(related_at(ctx, span_of(hit.qualifiers[0]), msg))
    return related


def hedge_note(hit: Hit | None) -> str:
    """A message tail naming the hedged clause that fails to cover a power."""
    if hit is None:
        return ""
    words = ", ".join(quote(q) for q in hit.qualifiers)
    where = hit.cover.site.provision.label or "a general clause"
    return f"; {where} mentions it only under {words}, which makes it optional"
