"""Checks of the lossless-span invariants every parsed Document must satisfy.

`violations(document, source)` lists every broken invariant (empty when the tree is sound):
the document covers the whole input and holds it as `source`; each node's children lie within
it, in order and without overlap; and a parent is rebuilt exactly from its children and the gaps
between them. Slicing `source[node.span.start:node.span.end]` is what a node's text means, so
the spans must be in range and never inverted.
"""

from __future__ import annotations

from safeguard_lint.ast import Document, Node


def violations(document: Document, source: str) -> list[str]:
    """Return a description of every span invariant the document breaks (empty if none)."""
    problems: list[str] = []
    if document.source != source:
        problems.append("document.source is not the input text")
    if (document.span.start, document.span.end) != (0, len(source)):
        problems.append(
            f"document span {document.span.start}..{document.span.end} is not 0..{len(source)}"
        )
    stack: list[tuple[Node, str]] = [(document, "document")]
    while stack:
        node, path = stack.pop()
        start, end = node.span.start, node.span.end
        if not 0 <= start <= end <= len(source):
            problems.append(f"{path}: span {start}..{end} outside 0..{len(source)}")
            continue
        cursor = start
        rebuilt: list[str] = []
        for i, child in enumerate(node.children):
            where = f"{path}/{i}:{child.kind}"
            if child.span.start < cursor:
                problems.append(
                    f"{where}: starts at {child.span.start}, before {cursor} (overlap or order)"
                )
            if child.span.end > end:
                problems.append(f"{where}: ends at {child.span.end}, after its parent ({end})")
            rebuilt.append(source[cursor : child.span.start])
            rebuilt.append(child.text(source))
            cursor = max(cursor, child.span.end)
            stack.append((child, where))
        rebuilt.append(source[cursor:end])
        if "".join(rebuilt) != node.text(source):
            problems.append(f"{path}: children and gaps do not rebuild the node's text")
    return problems


def assert_lossless(document: Document, source: str) -> None:
    """Fail with the first few broken invariants, if any."""
    problems = violations(document, source)
    assert not problems, "\n".join(problems[:10])
