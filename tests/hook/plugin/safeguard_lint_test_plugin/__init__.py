"""A rule pack for the tests: a third-party rule with a safe fix, loaded by entry point."""

from __future__ import annotations

import re
from collections.abc import Iterator

from safeguard_lint.ast import Span
from safeguard_lint.findings import Edit, Finding, Fix
from safeguard_lint.rules.base import Rule, RuleContext

_REPEAT = re.compile(r"\b(\w+)([ \t]+)\1\b", re.IGNORECASE)


class RepeatedWord(Rule):
    """A word written twice in a row ("the the").

    What it does:
        Reports a word immediately repeated, and offers to delete the repetition.
    Why it matters:
        A stray duplicate is a typing slip that a printed Act keeps forever.
    Example:
        The the Minister shall publish the report.
    Use instead:
        The Minister shall publish the report.
    References:
        Plain drafting practice.
    """

    code = "ZZ01"
    name = "repeated-word"
    severity = "warning"
    group = "ZZ"
    references = ("Plain drafting practice",)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Yield one finding per repeated word, with a safe fix deleting the second copy."""
        for m in _REPEAT.finditer(ctx.source):
            span = Span(start=m.start(), end=m.end())
            duplicate = Span(start=m.end(1), end=m.end())
            fix = Fix(
                message="delete the repeated word",
                edits=[Edit(span=duplicate, replacement="")],
                applicability="safe",
            )
            yield self.finding(ctx, span, f"'{m.group(1)}' is repeated", fix=fix)
