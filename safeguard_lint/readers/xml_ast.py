"""Building the project's AST from a positioned XML tree of legislation.

Akoma Ntoso and USLM mark up the same things under different names, so one builder serves both,
driven by a `Vocabulary` that says which elements are divisions, provisions, subdivisions,
blocks, quotations and metadata. Spans are offsets into the XML text; the document's `source`
is the XML text with markup blanked (see `xml_safety`), so rules read plain words at the XML's
own lines and columns.

- An element with direct text (a `p`, a USLM `content`, a `listIntroduction`) is one `Text`
  node; its `def` and `ref` elements become `Definition` and `Reference` children.
- A numbered or headed subdivision is a `Paragraph` (first level below a provision) or a
  `Subparagraph` (deeper); an unnumbered one (a wrapper such as AKN's numberless paragraph or
  `list`) is flattened into its parent, as the text grammar would see it.
- Quoted structures (amendments quoting another Act's sections) are text, never provisions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from safeguard_lint.ast import (
    DIVISION_KINDS,
    Block,
    Definition,
    DefinitionEntry,
    Division,
    Document,
    Heading,
    Node,
    Paragraph,
    Provision,
    Reference,
    Span,
    Subparagraph,
    Text,
    Unit,
)
from safeguard_lint.parsing.build import own_eid, unique_eid
from safeguard_lint.parsing.definitions import term_key
from safeguard_lint.parsing.enrich import enrich
from safeguard_lint.parsing.headings import split_head
from safeguard_lint.parsing.numbering import parse_label
from safeguard_lint.readers.xml_safety import XElement, XmlTree
from safeguard_lint.regex_cache import compile_regex

_HEADING_TRAIL = compile_regex(r"[\s.:\u2014\u2013-]+$")
_NUM_PUNCT = compile_regex(r"^[\s(\[]+|[\s.):\]\u2014\u2013-]+$")
_SPACES = compile_regex(r"\s+")


@dataclass(frozen=True)
class Vocabulary:
    """What the elements of one XML family mean."""

    divisions: frozenset[str]
    provisions: frozenset[str]
    #: Provision elements only at the top (AKN `clause` in a bill), subdivisions below one.
    contextual_provisions: frozenset[str]
    subdivisions: frozenset[str]
    #: Subdivision element → node kind (elements not listed keep their own name).
    subdivision_kinds: Mapping[str, str]
    #: Subdivisions that are units even without a number (dashed or bulleted list items).
    list_items: frozenset[str]
    #: Unnumbered blocks of the document, element → Block kind.
    blocks: Mapping[str, str]
    #: Schedules and annexes, element → Division kind.
    components: Mapping[str, str]
    #: Metadata and apparatus that carry no legislative text.
    skip: frozenset[str]
    #: Text quoted from or into another instrument: read as text, never as structure.
    quoted: frozenset[str]
    definitions: frozenset[str]
    references: frozenset[str]
    #: Attributes holding an element's eId, in order of preference.
    id_attributes: tuple[str, ...]


def clean_num(printed: str) -> str:
    """The number as printed without keyword, brackets or trailing punctuation.

    "Article 24" → "24", "SEC. 2." → "2", "(1A)" → "1A", "§ 2518." → "2518", "4." → "4".
    """
    stripped = printed.strip()
    label = parse_label(stripped)
    if label.form != "?" and label.num:
        return label.num
    head = split_head(stripped)
    if head is not None and not stripped[:1].isdigit():
        return head.num
    return _NUM_PUNCT.sub("", stripped)


def build_document(tree: XmlTree, vocabulary: Vocabulary, style: str) -> Document:
    """Build the AST of a parsed XML document; `style` is the document's numbering family."""
    builder = _Builder(tree, vocabulary, style)
    text = tree.readable_text
    document = Document(span=Span(start=0, end=len(text)), source=text, style=style)
    document.children = builder.contents(tree.root, _Context(level=0, in_provision=False))
    _name_units(document)
    marked = {id(t): list(t.children) for t in document.walk() if isinstance(t, Text)}
    enrich(document)
    _keep_marked(document, marked)
    return document


def _keep_marked(document: Document, marked: dict[int, list[Node]]) -> None:
    """Put back the definitions and references the markup states (`def`, `ref`) where the
    shared text analysis did not find them itself."""
    for unit, _ in document.units_with_path():
        for text in unit.children:
            if not isinstance(text, Text):
                continue
            found = list(text.children)
            for node in marked.get(id(text), []):
                if any(_overlaps(_key(node), _key(f)) for f in found if type(f) is type(node)):
                    continue
                text.children.append(node)
                if isinstance(node, Definition):
                    document.definitions.setdefault(term_key(node.term), []).append(
                        DefinitionEntry(
                            term=node.term, eid=unit.eid, term_span=node.term_span, span=node.span
                        )
                    )
            text.children.sort(key=lambda n: n.span.start)


def _key(node: Node) -> Span:
    return node.term_span if isinstance(node, Definition) else node.span


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _name_units(document: Document) -> None:
    """Give every unit a label, and an eId where the document did not supply one (made unique
    where the document repeats one), following the text parser's conventions (`art_24__para_2`,
    "Article 24(2)")."""
    seen: set[str] = set()
    for unit, ancestors in document.units_with_path():
        parent = ancestors[-1] if ancestors else None
        own = f"{unit.kind.title()} {unit.num}" if unit.num else unit.kind.title()
        if isinstance(unit, (Paragraph, Subparagraph)) and parent is not None:
            unit.label = f"{parent.label}({unit.num})" if unit.num else parent.label
        else:
            unit.label = own
        eid = unit.eid or own_eid(unit.kind, unit.num)
        if not unit.eid and parent and parent.eid and not isinstance(parent, (Division, Block)):
            eid = f"{parent.eid}__{eid}"
        unit.eid = unique_eid(seen, eid)


@dataclass(frozen=True)
class _Context:
    level: int  # numbered subdivision levels already open below the nearest provision/division
    in_provision: bool


class _Builder:
    def __init__(self, tree: XmlTree, vocabulary: Vocabulary, style: str) -> None:
        self.text = tree.readable_text
        self.vocab = vocabulary
        self.style = style
        v = vocabulary
        self._units = v.divisions | v.provisions | v.contextual_provisions | v.subdivisions
        self._units |= set(v.components)

    # -- dispatch ---------------------------------------------------------------------------

    def contents(
        self, element: XElement, ctx: _Context, exclude: tuple[XElement, ...] = ()
    ) -> list[Node]:
        """The nodes for what an element contains (its num and heading excluded)."""
        if self._has_direct_text(element):
            return self._runs(element, exclude, ctx)
        nodes: list[Node] = []
        for child in element.children:
            if child not in exclude:
                nodes.extend(self._node(child, ctx))
        return nodes

    def _node(self, element: XElement, ctx: _Context) -> list[Node]:
        name = element.name
        v = self.vocab
        if name in v.skip:
            return []
        if name in v.quoted:
            return self._text(element.inner_start, element.inner_end, [element])
        if name in v.provisions or (name in v.contextual_provisions and not ctx.in_provision):
            return [self._unit(element, Provision, name, _Context(0, in_provision=True))]
        if name in v.divisions:
            kind = name if name in DIVISION_KINDS else "division"
            return [self._unit(element, Division, kind, _Context(0, ctx.in_provision))]
        if name in v.components:
            return [self._unit(element, Division, v.components[name], _Context(0, False))]
        if name in v.blocks:
            return [self._unit(element, Block, v.blocks[name], ctx)]
        if name in v.subdivisions or name in v.contextual_provisions:
            numbered = element.find("num") is not None or element.find("heading") is not None
            if not numbered and name not in v.list_items:
                return self.contents(element, ctx)
            cls = Paragraph if ctx.level == 0 else Subparagraph
            kind = v.subdivision_kinds.get(name) or self._ladder_kind(element, ctx.level)
            return [self._unit(element, cls, kind, _Context(ctx.level + 1, ctx.in_provision))]
        if self._has_direct_text(element):
            return self._text(element.inner_start, element.inner_end, element.children)
        return self.contents(element, ctx)

    def _ladder_kind(self, element: XElement, level: int) -> str:
        """The kind of a generically named subdivision (`item`, `point`, `level`…), from its
        depth and numbering as the text parser would name it."""
        if self.style == "article":
            return ("paragraph", "subparagraph", "item")[min(level, 2)]
        if level == 0:
            return "subsection"
        num = element.find("num")
        kind = parse_label(self.text[num.inner_start : num.inner_end]).kind if num else ""
        if kind.startswith("lower-letter") or kind == "lower-ambiguous":
            return "paragraph"
        return "subparagraph" if kind.endswith("roman") else "item"

    # -- units ------------------------------------------------------------------------------

    def _unit(self, element: XElement, cls: type[Unit], kind: str, inner: _Context) -> Unit:
        num_el = element.find("num")
        heading_el = element.find("heading")
        unit = cls(kind=kind, span=Span(start=element.start, end=element.end))
        unit.eid = next(
            (element.attrs[a] for a in self.vocab.id_attributes if element.attrs.get(a)), ""
        )
        if num_el is not None:
            span = self._trim(num_el.inner_start, num_el.inner_end)
            if span is not None:
                unit.num = clean_num(span.slice(self.text))
                unit.num_span = span
        if heading_el is not None:
            span = self._trim(heading_el.inner_start, heading_el.inner_end)
            if span is not None:
                trail = _HEADING_TRAIL.search(span.slice(self.text))
                end = span.start + trail.start() if trail and trail.start() > 0 else span.end
                unit.heading_span = Span(start=span.start, end=end)
                unit.heading = _SPACES.sub(" ", self.text[span.start : end])
                unit.children.append(Heading(span=unit.heading_span))
        exclude = tuple(e for e in (num_el, heading_el) if e is not None)
        unit.children.extend(self.contents(element, inner, exclude))
        return unit

    # -- text -------------------------------------------------------------------------------

    def _has_direct_text(self, element: XElement) -> bool:
        pos = element.inner_start
        for child in element.children:
            if not self.text[pos : child.start].isspace() and pos < child.start:
                return True
            pos = child.end
        return pos < element.inner_end and not self.text[pos : element.inner_end].isspace()

    def _runs(self, element: XElement, exclude: tuple[XElement, ...], ctx: _Context) -> list[Node]:
        """Split mixed content into text runs and the structural children between them."""
        nodes: list[Node] = []
        run_start = element.inner_start
        run: list[XElement] = []
        for child in element.children:
            if child in exclude or child.name in self._units or child.name in self.vocab.skip:
                nodes.extend(self._text(run_start, child.start, run))
                if child not in exclude:
                    nodes.extend(self._node(child, ctx))
                run_start, run = child.end, []
            else:
                run.append(child)
        nodes.extend(self._text(run_start, element.inner_end, run))
        return nodes

    def _text(self, start: int, end: int, inline: list[XElement]) -> list[Node]:
        span = self._trim(start, end)
        if span is None:
            return []
        node = Text(span=span)
        for element in inline:
            for inner in element.iter():
                node.children.extend(self._inline(inner, span))
        node.children.sort(key=lambda n: n.span.start)
        return [node]

    def _inline(self, element: XElement, block: Span) -> list[Node]:
        span = self._trim(element.inner_start, element.inner_end)
        if span is None:
            return []
        if element.name in self.vocab.definitions:
            term = _SPACES.sub(" ", span.slice(self.text)).strip("\"'\u201c\u201d\u2018\u2019 ")
            return [Definition(span=block, term=term, term_span=span)]
        if element.name in self.vocab.references:
            href = element.attrs.get("href", "")
            local = href.startswith("#")
            return [
                Reference(
                    span=span,
                    target=href[1:] if local else None,
                    targets=[href[1:]] if local else [],
                    external=bool(href) and not local,
                )
            ]
        return []

    def _trim(self, start: int, end: int) -> Span | None:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start=start, end=end) if start < end else None
