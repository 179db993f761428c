"""Passages: the paragraph-level pieces of a document that offence and sharing analyses read.

A passage is the body text of a first-level unit of a provision (a paragraph with all of its
lettered items and trailing words, or a definition item), of a provision that has no
numbered parts, or the words before a provision's first part or after its last one. Reading
whole paragraphs keeps a list item with the words that govern it ("… to a range of serious
offences to be determined by domestic law, to empower … (a) collect or record …"). A text
the parser could not structure falls back to blank-line blocks. Notes and examples printed in
a unit are not law and are left out of its passages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from safeguard_lint.ast import Division, Document, Note, Provision, Span, Unit
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.semantics.scopes import unit_index

_BLOCK = compile_regex(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*")
#: The punctuation that closes a unit's number or title ("(a)", "5.", "Title.\u2014").
_LABEL_TAIL = compile_regex(r"[.):\]]*(?:[ \t]*[\u2014\u2013][ \t]*)?")
#: How words that govern the list below them end ("A provider must\u2014", "as follows:").
LEAD_IN_MARKS = ("\u2014", ":", "-", "\u2013")


@dataclass(frozen=True, slots=True)
class Passage:
    """The text of one paragraph-level unit, with the provision and division that hold it."""

    index: int
    span: Span
    text: str
    provision: Unit | None
    division: Unit | None

    @property
    def headings(self) -> str:
        """The headings of the enclosing provision and division, for context vocabulary."""
        return "\n".join(u.heading for u in (self.division, self.provision) if u and u.heading)

    @property
    def provision_key(self) -> int:
        """An identity shared by every passage of the same provision (its start offset)."""
        return self.provision.span.start if self.provision is not None else -1 - self.index

    @property
    def division_key(self) -> int:
        """An identity shared by every passage of the same division (or of the whole text)."""
        return self.division.span.start if self.division is not None else -1


def _body_start(unit: Unit, source: str) -> int:
    """Where a unit's own words start: after its number, its title and the punctuation that
    closes them ("(a)", "66A. Title.")."""
    ends = [s.end for s in (unit.num_span, unit.heading_span) if s is not None]
    if not ends:
        return unit.span.start
    tail = _LABEL_TAIL.match(source, max(ends), unit.span.end)
    return tail.end() if tail else max(ends)


def _passages(document: Document, units: Iterable[tuple[Unit, tuple[Unit, ...]]]) -> list[Passage]:
    source = document.source
    found: list[tuple[int, int, Unit | None, Unit | None]] = []
    notes: list[Span] = []
    for unit, ancestors in units:
        notes.extend(c.span for c in unit.children if isinstance(c, Note))
        if not isinstance(unit, Provision):
            continue
        division: Unit | None = next(
            (a for a in reversed(ancestors) if isinstance(a, Division)), None
        )
        parts = list(unit.units())
        start = _body_start(unit, source)
        if not parts:
            found.append((start, unit.span.end, unit, division))
            continue
        if source[start : parts[0].span.start].strip():
            found.append((start, parts[0].span.start, unit, division))
        for part in parts:
            found.append((_body_start(part, source), part.span.end, unit, division))
        if source[parts[-1].span.end : unit.span.end].strip():
            # Words after the last part close its list ("…, shall be punishable with …").
            found.append((parts[-1].span.end, unit.span.end, unit, division))
    if not found:
        found = [(m.start(), m.end(), None, None) for m in _BLOCK.finditer(source)]
    if notes:
        found = [
            (lo, hi, provision, division)
            for start, end, provision, division in found
            for lo, hi in _around(start, end, notes)
        ]
    result: list[Passage] = []
    for start, end, provision, division in sorted(found, key=lambda f: f[0]):
        text = source[start:end]
        stripped = len(text) - len(text.lstrip())
        text = text.strip()
        if text:
            span = Span(start=start + stripped, end=start + stripped + len(text))
            result.append(Passage(len(result), span, text, provision, division))
    return result


def _around(start: int, end: int, notes: list[Span]) -> list[tuple[int, int]]:
    """The pieces of [start, end) outside every note."""
    pieces = []
    for note in sorted((n for n in notes if start <= n.start < end), key=lambda n: n.start):
        pieces.append((start, note.start))
        start = max(start, note.end)
    pieces.append((start, end))
    return pieces


def passages(ctx: RuleContext) -> list[Passage]:
    """Every passage of the document in `ctx`, in document order (computed once)."""
    return ctx.cached(_build)


def _build(ctx: RuleContext) -> list[Passage]:
    return _passages(ctx.document, ctx.units)


def lead_in(ctx: RuleContext, passage: Passage) -> Passage | None:
    """The first passage of `passage`'s provision when it comes before it and ends as a
    lead-in: the words that govern the provision's list ("A service provider must\u2014")."""
    every = passages(ctx)
    i = passage.index
    while i > 0 and every[i - 1].provision_key == passage.provision_key:
        i -= 1
    first = every[i]
    return first if first is not passage and first.text.endswith(LEAD_IN_MARKS) else None


def label_of(ctx: RuleContext, span: Span) -> str:
    """The human label of the unit at `span` ("Article 24(2)"), or a quoted snippet."""
    ref = ctx.provision_ref(span.start)
    if ref.label:
        return ref.label
    snippet = " ".join(ctx.source[span.start : span.end].split())
    return f"'{snippet[:40]}'"


def in_definitions(ctx: RuleContext, passage: Passage) -> bool:
    """Whether a passage stands in a definitions provision ("Interpretation")."""
    heading = passage.provision.heading if passage.provision is not None else None
    return bool(heading) and ctx.lexicon("markers").has(heading or "", "definitions")


def read_through(ctx: RuleContext, passage: Passage) -> str:
    """The passage's text, then the definitions of the terms it uses and the text of the
    provisions it refers to: what its words mean ("the categories of data specified in
    Article 5", where "data" is defined as traffic and location data)."""
    start, end = passage.span.start, passage.span.end
    parts = [passage.text]
    for entries in ctx.document.definitions.values():
        for entry in entries:
            if any(start <= use.start < end for use in entry.uses):
                parts.append(entry.span.slice(ctx.source))
    index = unit_index(ctx)
    for ref in index.references_in(start, end):
        for unit in index.targets_of(ref):
            if not (unit.span.start <= start and end <= unit.span.end):
                parts.append(unit.span.slice(ctx.source))
    return "\n".join(parts)
