"""Post-processing shared by every reader: cross-references and the definitions table.

Readers (the text grammar, Akoma Ntoso, USLM, Word) build the unit tree; `enrich` then finds
the references and definitions in its Text nodes, so every reader gets them the same way.
"""

from __future__ import annotations

from bisect import bisect_left

from safeguard_lint.ast import DefinitionEntry, Document, Node, Text, Unit
from safeguard_lint.parsing.definitions import (
    collect_uses,
    find_definitions,
    is_definitions_unit,
    term_key,
)
from safeguard_lint.parsing.references import Resolver, starts_reference, trigger_positions


def enrich(document: Document) -> Document:
    """Attach Reference and Definition nodes to Text nodes and fill the definitions table."""
    source = document.source
    resolver = Resolver(list(document.units_with_path()))
    table: dict[str, list[DefinitionEntry]] = {}
    texts: list[Text] = []
    # Where references may start, found in one scan of the source. Inside a text they are
    # where a scan of the text alone finds them, except at its first character (a text's
    # scan cannot see what precedes it), which is checked on its own.
    triggers = trigger_positions(source)

    def visit(node: Node, chain: tuple[Unit, ...], in_definitions: bool) -> None:
        if isinstance(node, Unit) and node is not document:
            chain = (*chain, node)
            if not in_definitions:
                first = next((c for c in node.children if isinstance(c, Text)), None)
                lead = (
                    source[first.span.start : min(first.span.end, first.span.start + 80)]
                    if first
                    else ""
                )
                in_definitions = is_definitions_unit(node, lead)
        for child in node.children:
            if isinstance(child, Text):
                texts.append(child)
                _annotate(child, chain, in_definitions)
            elif isinstance(child, Unit):
                visit(child, chain, in_definitions)

    def _annotate(text: Text, chain: tuple[Unit, ...], in_definitions: bool) -> None:
        start, end = text.span.start, text.span.end
        body = source[start:end]
        lo, hi = bisect_left(triggers, start), bisect_left(triggers, end)
        starts = [p - start for p in triggers[lo:hi]]
        if (not starts or starts[0]) and starts_reference(body):
            starts.insert(0, 0)
        refs = resolver.find(body, start, chain, starts)
        defs = find_definitions(body, text.span.start, in_definitions=in_definitions)
        children: list[Node] = []
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
        children.extend(refs)
        children.extend(defs)
        if children:  # a text without any keeps its (empty) list
            text.children = sorted(children, key=lambda n: n.span.start)

    visit(document, (), False)
    collect_uses(table, texts, source)
    document.definitions = table
    return document
