"""Rendering any document as plain text in the project's canonical layout.

One unit per line block: `Chapter IV — Heading`, `Article 24. Heading`, `(2) text…`, nested
units indented two spaces a level, a blank line before each division and provision. The
layout is what the text grammar reads best, so rendering then parsing keeps the structure.
"""

from __future__ import annotations

from safeguard_lint.ast import Block, Division, Document, Node, Provision, Text, Unit, Unparsed


def to_text(document: Document) -> str:
    """Render a document as canonical plain text."""
    lines: list[str] = []
    for child in document.children:
        _render(child, document.source, 0, lines)
    return "\n".join(lines).strip("\n") + "\n"


def _render(node: Node, source: str, depth: int, lines: list[str]) -> None:
    if isinstance(node, (Text, Unparsed)):
        lines.append("  " * depth + " ".join(node.text(source).split()))
        return
    if not isinstance(node, Unit):
        return
    inner = depth
    if isinstance(node, (Division, Provision)):
        lines.append("")
        title = f"{node.kind.title()} {node.num}" if node.num else node.kind.upper()
        if isinstance(node, Division):
            lines.append(f"{title} \u2014 {node.heading}" if node.heading else title)
        else:
            lines.append(f"{title}. {node.heading}" if node.heading else title)
        inner = 0
    elif isinstance(node, Block):
        lines.append("")
    elif node.num:
        start = len(lines)
        for child in node.children:
            _render(child, source, depth + 1, lines)
        label = "  " * depth + f"({node.num})"
        first = next((c for c in node.children if isinstance(c, (Unit, Text, Unparsed))), None)
        if start < len(lines) and not isinstance(first, Unit):
            lines[start] = f"{label} {lines[start].strip()}"
        else:
            lines.insert(start, label)
        return
    for child in node.children:
        _render(child, source, inner, lines)
