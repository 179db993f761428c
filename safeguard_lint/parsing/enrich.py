"""Post-processing shared by every reader: cross-references and the definitions table.

Readers (the text grammar, Akoma Ntoso, USLM, Word) build the unit tree; `enrich` then finds
the references and definitions in its Text nodes, so every reader gets them the same way.
"""

from __future__ import annotations

from bisect import bisect_left

from safeguard_lint.ast import DefinitionEntry, Document, Node, Note, Text, Unit
from safeguard_lint.parsing.definitions import (
    collect_uses,
    find_definitions,
    is_definitions_unit,
    term_key,
)
from safeguard_lint.parsing.references import Resolver, reference_starts, starts_reference


def enrich(document: Document) -> Document:
    """Attach Reference and Definition nodes to Text nodes and fill the definitions table."""
    source = document.source
    units, texts = _walk(document)
    resolver = Resolver(units)
    table: dict[str, list[DefinitionEntry]] = {}
    # Where references may start, found in one scan of the source. Inside a text they are
    # where a scan of the text alone finds them, except at its first character (a text's
    # scan cannot see what precedes it), which is checked on its own when the source's scan
    # may have missed it: when a letter, digit, "_" or "." precedes the text.
    triggers = reference_starts(source)
    for text, chain, in_definitions in texts:
        start, end = text.span.start, text.span.end
        body = source[start:end]
        lo, hi = bisect_left(triggers, start), bisect_left(triggers, end)
        starts = [p - start for p in triggers[lo:hi]]
        missed = (not starts or starts[0]) and start and _word_like(source[start - 1])
        if missed and starts_reference(body):
            starts.insert(0, 0)
        refs = resolver.find(body, start, chain, starts)
        # A note defines nothing ("Note: The expression officer…" is no term "Note").
        defs = (
            []
            if isinstance(text, Note)
            else find_definitions(body, start, in_definitions=in_definitions)
        )
        for definition in defs:
            definition.children = [r for r in refs if r.span.start >= definition.span.start]
            refs = [r for r in refs if r.span.start < definition.span.start]
            owner = chain[-1].eid if chain else ""
            table.setdefault(term_key(definition.term), []).append(
                DefinitionEntry(
                    term=definition.term,
                    eid=owner,
                    term_span=definition.term_span,
                    span=definition.span,
                )
            )
        found: list[Node] = [*refs, *defs]
        if defs:
            found.sort(key=lambda n: n.span.start)  # references alone are in order already
        if text.children:  # a text a reader gave children keeps them only if none are found
            if found:
                text.children = found
        else:  # the text's own (empty) list is filled: no model assignment
            text.children.extend(found)
    collect_uses(table, [t for t, _, _ in texts], source)
    document.definitions = table
    return document


_Chain = tuple[Unit, ...]


def _word_like(char: str) -> bool:
    """Whether a reference trigger right after `char` is rejected by `trigger_positions`."""
    return char.isalnum() or char in "_."


def _walk(document: Document) -> tuple[list[tuple[Unit, _Chain]], list[tuple[Text, _Chain, bool]]]:
    """In one walk of the tree: every unit with its ancestors (as `units_with_path`), and every
    text with the units enclosing it and whether it stands in a definitions provision."""
    source = document.source
    units: list[tuple[Unit, _Chain]] = []
    texts: list[tuple[Text, _Chain, bool]] = []

    def visit(node: Unit, chain: _Chain, in_definitions: bool) -> None:
        for child in node.children:
            if isinstance(child, Text):
                texts.append((child, chain, in_definitions))
            elif isinstance(child, Unit):
                units.append((child, chain))
                inner = in_definitions or is_definitions_unit(child, source)
                visit(child, (*chain, child), inner)

    visit(document, (), False)
    return units, texts
