"""The typed AST: pydantic node models with exact source spans.

Every node has a half-open `Span(start, end)` into the decoded text and never holds normalised
text: `source[node.span.start:node.span.end]` is the node's text, and a parent's children plus
the gaps between them rebuild the parent byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field, SerializeAsAny

Severity = Literal["error", "warning", "info"]

#: Kinds of numbered units that group provisions.
DIVISION_KINDS = frozenset(
    {
        "part",
        "chapter",
        "title",
        "division",
        "subdivision",
        "book",
        "subpart",
        "schedule",
        "annex",
    }
)
#: Kinds of the main numbered provisions of a text.
PROVISION_KINDS = frozenset({"article", "section", "regulation", "rule", "clause"})


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range [start, end) of character offsets into the decoded text.

    A frozen dataclass rather than a model: spans are the most numerous objects of a parse, a
    dataclass is built several times faster, and pydantic validates and serialises it the same
    way (`{"start": …, "end": …}`).
    """

    start: int
    end: int

    def slice(self, text: str) -> str:
        """Return the text this span covers."""
        return text[self.start : self.end]

    def __contains__(self, offset: object) -> bool:
        return isinstance(offset, int) and self.start <= offset < self.end


class Diagnostic(BaseModel):
    """A problem found while reading a document (not a lint finding)."""

    code: str
    severity: Severity
    message: str
    span: Span


class Node(BaseModel):
    """Base of every AST node: a kind, a span and ordered children."""

    kind: str
    span: Span
    children: list[SerializeAsAny[Node]] = Field(default_factory=list)

    def text(self, source: str) -> str:
        """Return the source text of this node."""
        return source[self.span.start : self.span.end]

    def walk(self) -> Iterator[Node]:
        """Yield this node and every descendant, depth first, in document order."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


class Text(Node):
    """A run of body text (one or more physical lines of one block)."""

    kind: str = "text"


class Note(Text):
    """A note or example printed inside a unit ("Note: …", "Example: …"): it explains the law
    and is not part of it, so rules do not read it as operative text."""

    kind: str = "note"


class Heading(Node):
    """The heading (title) of a numbered unit."""

    kind: str = "heading"


class Unparsed(Node):
    """Text the grammar could not place; carries the reason."""

    kind: str = "unparsed"
    message: str = ""


class Reference(Node):
    """A cross-reference phrase such as `article 24(2)` or `this Chapter`.

    `target` is the eId of the referenced node when it is in this document; `targets` lists
    every eId a range or list resolves to; `external` marks references to other instruments.
    """

    kind: str = "reference"
    target: str | None = None
    targets: list[str] = Field(default_factory=list)
    external: bool = False
    reason: str | None = None
    #: The reference as a normalised tuple of (kind, num) steps, e.g. article 24 para 2.
    steps: list[tuple[str, str]] = Field(default_factory=list)


class Definition(Node):
    """A definition: the defined term and the text that gives its meaning."""

    kind: str = "definition"
    term: str = ""
    term_span: Span = Span(start=0, end=0)


class Unit(Node):
    """A numbered or headed structural unit: division, provision, paragraph, item."""

    num: str | None = None
    num_span: Span | None = None
    eid: str = ""
    label: str = ""
    heading: str | None = None
    heading_span: Span | None = None

    def units(self) -> Iterator[Unit]:
        """Yield the units directly below this one."""
        for child in self.children:
            if isinstance(child, Unit):
                yield child


class Division(Unit):
    """A grouping of provisions: part, chapter, title, division, book, schedule, annex."""

    kind: str = "chapter"


class Provision(Unit):
    """A main provision: article, section, regulation, rule."""

    kind: str = "article"


class Paragraph(Unit):
    """A first-level numbered subdivision of a provision: paragraph or subsection."""

    kind: str = "paragraph"


class Subparagraph(Unit):
    """A deeper numbered subdivision: subparagraph, item, clause, subclause."""

    kind: str = "subparagraph"


class Block(Unit):
    """An unnumbered structural block: preamble, enacting formula, conclusions, long title."""

    kind: str = "preamble"


class DefinitionEntry(BaseModel):
    """One row of the definitions table: where a term is defined and where it is used."""

    term: str
    eid: str
    term_span: Span
    span: Span
    uses: list[Span] = Field(default_factory=list)


class Document(Unit):
    """The root node: the whole text, its diagnostics and its definitions table."""

    kind: str = "document"
    eid: str = ""
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    definitions: dict[str, list[DefinitionEntry]] = Field(default_factory=dict)
    source: str = Field(default="", exclude=True, repr=False)
    #: The numbering family of the document: "article", "section", "us-code"...
    style: str = Field(default="article", exclude=True)

    def units_with_path(self) -> Iterator[tuple[Unit, tuple[Unit, ...]]]:
        """Yield every unit below the root with the tuple of its ancestors (outermost first)."""
        stack: list[tuple[Unit, tuple[Unit, ...]]] = [(u, ()) for u in reversed(list(self.units()))]
        while stack:
            unit, ancestors = stack.pop()
            yield unit, ancestors
            inner = (*ancestors, unit)
            stack.extend((u, inner) for u in reversed(list(unit.units())))

    def by_eid(self) -> dict[str, Unit]:
        """Return a map from eId to unit for every unit of the document."""
        return {u.eid: u for u, _ in self.units_with_path() if u.eid}
