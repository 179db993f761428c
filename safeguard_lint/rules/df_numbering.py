"""DF05: numbering anomalies and leftover negotiation markers.

Each sequence of sibling numbers is read once: the provisions of the text (per schedule or
annex, which number their own), the divisions of each kind under one parent, and the
paragraphs and points of each unit. A run that starts again at its first number ("(1)" after
"(8)") is a new list, not a duplicate. Gaps explained by an elision mark ("[...]") between the
two numbers are not gaps: the mark is reported instead, at info severity, as are negotiation
markers and, in a text that carries them, "bis" numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from safeguard_lint.ast import Division, Paragraph, Provision, Span, Subparagraph, Unit
from safeguard_lint.findings import Finding
from safeguard_lint.parsing.headings import WORD_NUMBERS
from safeguard_lint.parsing.numbering import letter_value, roman_value
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import Rule, RuleContext, related_at
from safeguard_lint.rules.df_labels import label_printed

_ARABIC = compile_regex(r"^(\d+)\s*([A-Za-z]{0,3})$")
#: Latin insertion suffixes in their order: "90 bis" is the second article 90, "90 ter" the third.
_LATIN_ORDER = (
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "nonies",
    "decies",
)
_LATIN = compile_regex(rf"^(\d+)\s*({'|'.join(_LATIN_ORDER)})$", re.IGNORECASE)
_OWN_NUMBERING = frozenset({"schedule", "annex"})
_LATIN_SUFFIXES = frozenset(_LATIN_ORDER)


@dataclass(frozen=True)
class _Num:
    """A number read for comparison: its value, an insertion suffix ("A", "bis") and style."""

    value: int
    suffix: str
    style: str


def _read(num: str, style: str | None, division: bool) -> _Num | None:
    """Read a number in the style of its list: the first number fixes the style ("i" opens a
    roman list, "aa" a list of doubled letters); chapters and parts read roman first."""
    text = num.strip().strip("()").strip().rstrip("\u00b0\u00ba")  # "3°", "5º"
    text = WORD_NUMBERS.get(text.lower(), text)  # "FIVE"
    if m := _LATIN.match(text):
        return _Num(int(m.group(1)), m.group(2).lower(), "arabic")
    if m := _ARABIC.match(text):
        return _Num(int(m.group(1)), m.group(2).lower(), "arabic")
    low = text.lower()
    roman = roman_value(text)
    letter = letter_value(text)
    if style == "double" or (style is None and low == "aa"):
        return _Num(ord(low[0]) - 96, "", "double") if letter and len(low) == 2 else None
    prefer_roman = style == "roman" or (
        style is None and roman is not None and (division or low == "i" or len(low) > 1)
    )
    if roman is not None and prefer_roman:
        return _Num(roman, "", "roman")
    if letter is not None:
        if len(low) == 2:  # (ee) after (e): an inserted item, like 46A after 46
            return _Num(ord(low[0]) - 96, low[0], "letter")
        return _Num(letter, "", "letter")
    return _Num(roman, "", "roman") if roman is not None else None


def _order(num: _Num) -> tuple[int, int, str]:
    """Where a number stands in its list: "90" < "90 bis" < "90 ter" < "90 quater" < "91"."""
    latin = _LATIN_ORDER.index(num.suffix) + 2 if num.suffix in _LATIN_SUFFIXES else 0
    return num.value, latin, "" if latin else num.suffix


def _name(value: int, style: str) -> str:
    """The label of a value in a list style."""
    if style == "letter":
        return chr(96 + value) if value <= 26 else ""
    if style == "double":
        return chr(96 + value) * 2
    if style == "roman":
        out = ""
        for n, r in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
            while value >= n:
                out, value = out + r, value - n
        return out
    return str(value)


def _sequences(ctx: RuleContext) -> Iterator[list[Unit]]:
    """Every sequence of sibling numbers in the text, in document order."""
    provisions: dict[str, list[Unit]] = {}
    for unit, ancestors in ctx.units:
        if isinstance(unit, Provision) and unit.num:
            owner = next((a.eid for a in ancestors if a.kind in _OWN_NUMBERING), "")
            provisions.setdefault(owner, []).append(unit)
    yield from provisions.values()
    parents: list[Unit] = [ctx.document, *(u for u, _ in ctx.units)]
    for parent in parents:
        groups: dict[str, list[Unit]] = {}
        for child in parent.units():
            if child.num and isinstance(child, Division | Paragraph | Subparagraph):
                groups.setdefault(child.kind, []).append(child)
        yield from groups.values()


def _elided(ctx: RuleContext, start: int, end: int) -> bool:
    rx = ctx.lexicon("drafting").regex("elisions")
    return rx is not None and rx.search(ctx.source, start, end) is not None


def _describe(unit: Unit) -> str:
    return unit.label or f"{unit.kind} {unit.num}"


class NumberingAnomaly(Rule):
    """Numbers that repeat, skip or run backwards, and negotiation leftovers.

    What it does:
        Reads every sequence of numbers in the text (articles or sections, chapters and
        parts, paragraphs, points and items within each unit) and reports a number used
        twice, a number skipped and a number out of order. At info severity it reports the
        leftovers of negotiation: "[agreed ad referendum]", "Option A", bracketed
        alternatives ("[shall/may]"), bracketed notes, "[...]" elisions and, in a text that
        carries such markers, "bis" numbers.

    Why it matters:
        Late renumbering breaks the references that count on the numbers, and a text that
        skips section 69 leaves the reader unsure whether a provision was lost. Brackets and
        options left in a text show that it was never settled.

    Example:
        "Article 12 … Article 13 … Article 13 … Article 15"; "[Option A: within 24 hours]".

    Use instead:
        Renumber the sequence (12, 13, 14, 15) and update the references; settle the
        bracketed text before adoption.

    References:
        Joint Practical Guide (2015), guideline 16; A19-2024 (draft art 60 bis).
    """

    code = "DF05"
    name = "numbering-anomaly"
    severity = "warning"
    group = "DF"
    references = ("Joint Practical Guide (2015), guideline 16", "A19-2024 (draft art 60 bis)")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for sequence in _sequences(ctx):
            yield from self._sequence(ctx, sequence)
        yield from self._markers(ctx)

    def _sequence(self, ctx: RuleContext, units: Sequence[Unit]) -> Iterator[Finding]:
        # A list may hold another flattened into it ("(v) employees employed by\u2014 (a) …
        # (c) … (vi) …"): each style keeps its own sequence, and a label is read in the
        # style of the label before it.
        style: str | None = None
        negotiating = ctx.lexicon("drafting").search(ctx.source, "negotiation_markers") is not None
        last_of: dict[str, tuple[Unit, _Num]] = {}
        first_of: dict[str, _Num] = {}
        src = ctx.source
        for unit in units:
            assert unit.num is not None
            num = _read(unit.num, style, isinstance(unit, Division))
            if num is None:
                continue
            opening = style is None
            style = num.style
            previous, first = last_of.get(num.style), first_of.get(num.style)
            span = unit.num_span or unit.span
            if num.suffix in _LATIN_SUFFIXES and negotiating:
                # In a negotiating draft; national codes number inserted articles so for good.
                yield self.finding(
                    ctx,
                    span,
                    f"{_describe(unit)} is numbered '{unit.num}': a negotiation number left "
                    "in the text; renumber before adoption.",
                    severity="info",
                )
            if previous is None or first is None:
                first_of[num.style], last_of[num.style] = num, (unit, num)
                if opening and self._missing_start(ctx, unit, num):
                    yield self.finding(
                        ctx,
                        span,
                        f"The list starts at ({unit.num}): the earlier items are missing.",
                    )
                continue
            before, last = previous
            inserted = num.style == "letter" and num.suffix not in ("", *_LATIN_SUFFIXES)
            if inserted and num.value != last.value:
                continue  # a doubled letter that inserts after nothing: not of this list
            last_of[num.style] = (unit, num)
            order, last_order = _order(num), _order(last)
            if order <= last_order:
                if _order(num) == _order(first) or label_printed(
                    src, before.span.start, unit.span.start, _name(num.value - 1, num.style)
                ):
                    continue  # a new list starts, its first label glued to the text before
                if order == last_order and isinstance(before, Division) and not any(before.units()):
                    continue  # an empty part of the same number: a page's running header
                if order == last_order:
                    message = f"{_describe(unit)} repeats the number of {_describe(before)}."
                    note = "first use"
                else:
                    message = f"{_describe(unit)} comes after {_describe(before)}: out of order."
                    note = "previous number"
                rel = related_at(ctx, before.num_span or before.span, note)
                yield self.finding(ctx, span, message, related=[rel])
                continue
            lost = [_name(v, num.style) for v in range(last.value + 1, num.value)]
            if not lost or _elided(ctx, before.span.start, span.start):
                continue
            if first.value > 1 and (len(lost) > 3 or isinstance(unit, Division)):
                continue  # an extract: the jump is its boundary, not a hole
            parent = ctx.unit_at(before.span.start - 1) if isinstance(unit, Provision) else None
            if not isinstance(unit, Provision):
                parent = ctx.unit_at(unit.span.start - 1)
            if all(
                label_printed(src, before.span.start, unit.span.start, name) for name in lost
            ) or (
                parent is not None
                and all(
                    label_printed(src, parent[0].span.start, parent[0].span.end, name)
                    for name in lost
                )
                and not isinstance(unit, Provision)
            ):
                continue  # the labels are printed: the layout hid them from the parser
            shown = ", ".join(lost[:5]) + (" …" if len(lost) > 5 else "")
            yield self.finding(
                ctx,
                span,
                f"Numbering skips from {_describe(before)} to {_describe(unit)}: "
                f"{unit.kind} {shown} missing.",
            )

    @staticmethod
    def _missing_start(ctx: RuleContext, unit: Unit, num: _Num) -> bool:
        """Whether a list of paragraphs or points starts past its first number with nothing
        to explain it (an elision, or the first label printed in the text before)."""
        if isinstance(unit, Provision | Division) or num.value <= 1:
            return False
        found = ctx.unit_at(unit.span.start - 1)
        start = found[0].span.start if found else 0
        if _elided(ctx, start, unit.span.start):
            return False
        return not label_printed(ctx.source, start, unit.span.start, _name(1, num.style))

    def _markers(self, ctx: RuleContext) -> Iterator[Finding]:
        lexicon = ctx.lexicon("drafting")
        for match in lexicon.finditer(ctx.source, 0, ["negotiation_markers", "elisions"]):
            what = "elided text" if match.category == "elisions" else "a negotiation marker"
            yield self.finding(
                ctx,
                Span(start=match.start, end=match.end),
                f"'{match.text[:60]}' is {what} left in the text.",
                severity="info",
            )
