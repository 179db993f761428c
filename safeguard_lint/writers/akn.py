"""Writing a document as Akoma Ntoso 3.0 XML (an `act`, valid against the OASIS schema).

Units become the AKN hierarchy (`chapter`, `article`, `paragraph`, `point`…) with `eId`, `num`
and `heading`; text before a unit's first subdivision is its `intro`, text after its last its
`wrapUp`, and text between two subdivisions a numberless `hcontainer`. The preamble and the
conclusions keep their text as paragraphs. Inside a paragraph, a cross-reference resolved in the
document becomes `<ref href="#eId">` and a defined term `<def>`. Metadata is the minimum the
schema requires.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from safeguard_lint.ast import (
    Block,
    Definition,
    Division,
    Document,
    Node,
    Paragraph,
    Provision,
    Reference,
    Text,
    Unit,
    Unparsed,
)
from safeguard_lint.regex_cache import compile_regex

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

#: Unit kind → AKN element (kinds not listed are written as their own name if AKN has it).
_ELEMENT = {
    "regulation": "rule",
    "schedule": "hcontainer",
    "annex": "hcontainer",
    "item": "point",
    "recital": "point",
    "indent": "indent",
}
_HIER = frozenset(
    {"article", "section", "rule", "clause", "part", "subpart", "chapter", "title", "division",
     "subdivision", "book", "paragraph", "subsection", "subparagraph", "subclause", "point",
     "indent", "hcontainer"}
)  # fmt: skip
_XML_INVALID = compile_regex("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACES = compile_regex(r"\s+")
_WORK = "/akn/un/act/safeguard-lint/main"


def to_akn(document: Document) -> str:
    """Serialise a document as an Akoma Ntoso 3.0 act."""
    ET.register_namespace("", NAMESPACE)
    root = _el("akomaNtoso")
    act = _sub(root, "act", name="act")
    act.append(_meta())
    source = document.source
    body_nodes: list[Node] = []
    blocks: dict[str, list[Block]] = {"preamble": [], "conclusions": []}
    for child in document.children:
        if isinstance(child, Block) and child.kind in blocks:
            blocks[child.kind].append(child)
        else:
            body_nodes.append(child)
    if blocks["preamble"]:
        _paragraphs(_sub(act, "preamble"), blocks["preamble"], source)
    body = _sub(act, "body")
    _hierarchy_children(body, body_nodes, source, top=True)
    if not len(body):
        _text_container(body, [], source)
    if blocks["conclusions"]:
        _paragraphs(_sub(act, "conclusions"), blocks["conclusions"], source)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _el(tag: str, **attrs: str) -> ET.Element:
    return ET.Element(f"{{{NAMESPACE}}}{tag}", attrs)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _meta() -> ET.Element:
    meta = _el("meta")
    ident = _sub(meta, "identification", source="#source")
    for level, suffix in (
        ("FRBRWork", ""),
        ("FRBRExpression", "/eng"),
        ("FRBRManifestation", "/eng"),
    ):
        frbr = _sub(ident, level)
        _sub(frbr, "FRBRthis", value=f"{_WORK}{suffix}")
        _sub(frbr, "FRBRuri", value=f"{_WORK.removesuffix('/main')}{suffix}")
        _sub(frbr, "FRBRdate", date="1970-01-01", name="conversion")
        _sub(frbr, "FRBRauthor", href="#source")
        if level == "FRBRWork":
            _sub(frbr, "FRBRcountry", value="un")
        if level == "FRBRExpression":
            _sub(frbr, "FRBRlanguage", language="eng")
    refs = _sub(meta, "references", source="#source")
    _sub(refs, "TLCOrganization", eId="source", href="/ontology/organization/source",
         showAs="source")  # fmt: skip
    return meta


def _clean(text: str) -> str:
    return _collapse(text).strip()


def _collapse(text: str) -> str:
    """Runs of whitespace as one space; characters XML cannot hold removed."""
    return _XML_INVALID.sub("", _SPACES.sub(" ", text))


#: One output paragraph: a number prefix ("(a) ") and the text node it renders.
_Line = tuple[str, Node]


def _lines(node: Node) -> list[_Line]:
    """The text nodes of a node and its descendants, numbers of inner units prefixed."""
    if isinstance(node, (Text, Unparsed)):
        return [("", node)]
    lines: list[_Line] = []
    for child in node.children:
        inner = _lines(child)
        if isinstance(child, Unit) and child.num and inner:
            inner[0] = (f"({_clean(child.num)}) {inner[0][0]}", inner[0][1])
        lines.extend(inner)
    return lines


def _marks(node: Node) -> list[tuple[int, int, str, dict[str, str]]]:
    """Resolved references and defined terms in a text node: (start, end, element, attributes),
    in order and not overlapping."""
    found: list[tuple[int, int, str, dict[str, str]]] = []
    for inner in node.walk():
        if isinstance(inner, Reference) and inner.target:
            found.append((inner.span.start, inner.span.end, "ref", {"href": f"#{inner.target}"}))
        elif isinstance(inner, Definition) and inner.term:
            found.append((inner.term_span.start, inner.term_span.end, "def", {}))
    found.sort(key=lambda m: (m[0], -m[1]))
    kept: list[tuple[int, int, str, dict[str, str]]] = []
    for mark in found:
        if not kept or mark[0] >= kept[-1][1]:
            kept.append(mark)
    return kept


def _p(parent: ET.Element, line: _Line | None, source: str) -> None:
    """One `<p>`: a line's text, whitespace collapsed, with its references and terms marked."""
    p = _sub(parent, "p", "")
    if line is None:
        return
    prefix, node = line
    text = source[node.span.start : node.span.end]
    lead = len(text) - len(text.lstrip())
    start, end = node.span.start + lead, node.span.start + len(text.rstrip())
    at, last = start, None
    for mark_start, mark_end, tag, attrs in _marks(node):
        if not start <= mark_start < mark_end <= end:
            continue
        before = _collapse(source[at:mark_start])
        if last is None:
            p.text = prefix + before
        else:
            last.tail = before
        last = _sub(p, tag, _collapse(source[mark_start:mark_end]), **attrs)
        at = mark_end
    rest = _collapse(source[at:end])
    if last is None:
        p.text = prefix + rest
    else:
        last.tail = rest


def _ps(parent: ET.Element, lines: list[_Line], source: str) -> None:
    """A `<p>` per line, or one empty `<p>` where there is none (the schema wants one)."""
    if not lines:
        _p(parent, None, source)
    for line in lines:
        _p(parent, line, source)


def _paragraphs(parent: ET.Element, nodes: list[Block], source: str) -> None:
    _ps(parent, [line for node in nodes for line in _lines(node)], source)


def _element_name(unit: Unit) -> str:
    name = _ELEMENT.get(unit.kind, unit.kind)
    if name in _HIER:
        return name
    if isinstance(unit, Division):
        return "division"
    if isinstance(unit, Provision):
        return "section"
    return "paragraph" if isinstance(unit, Paragraph) else "point"


def _unit(parent: ET.Element, unit: Unit, source: str) -> None:
    name = _element_name(unit)
    attrs = {"eId": unit.eid} if unit.eid else {}
    if name == "hcontainer":
        attrs["name"] = unit.kind
    element = _sub(parent, name, **attrs)
    if unit.num:
        _sub(element, "num", _num_text(unit))
    if unit.heading:
        _sub(element, "heading", _clean(unit.heading))
    children = [c for c in unit.children if isinstance(c, (Unit, Text, Unparsed))]
    if name == "hcontainer":
        _hierarchy_children(element, children, source, top=False, wrap_all=True)
        return
    if not any(isinstance(c, Unit) for c in children):
        _ps(_sub(element, "content"), [line for c in children for line in _lines(c)], source)
        return
    _hierarchy_children(element, children, source, top=False)


def _num_text(unit: Unit) -> str:
    num = _clean(unit.num or "")
    if isinstance(unit, (Provision, Division)):
        return f"{unit.kind.title()} {num}"
    return f"({num})"


def _hierarchy_children(
    parent: ET.Element, nodes: Sequence[Node], source: str, *, top: bool, wrap_all: bool = False
) -> None:
    """Units as hierarchy elements; loose text as intro / wrapUp / numberless hcontainers."""
    units = [i for i, n in enumerate(nodes) if isinstance(n, Unit)]
    first = units[0] if units else len(nodes)
    last = units[-1] if units else -1
    pending: list[Node] = []
    for i, node in enumerate(nodes):
        if isinstance(node, Unit):
            if pending:
                if i == first and not top and not wrap_all:
                    _text_block(parent, "intro", pending, source)
                else:
                    _text_container(parent, pending, source)
                pending = []
            _unit(parent, node, source)
        elif not isinstance(node, Block) or node.kind not in ("preamble", "conclusions"):
            pending.append(node)
        if i == len(nodes) - 1 and pending:
            if i > last >= 0 and not top and not wrap_all:
                _text_block(parent, "wrapUp", pending, source)
            else:
                _text_container(parent, pending, source)


def _text_block(parent: ET.Element, tag: str, nodes: Sequence[Node], source: str) -> None:
    _ps(_sub(parent, tag), [line for n in nodes for line in _lines(n)], source)


def _text_container(parent: ET.Element, nodes: Sequence[Node], source: str) -> None:
    container = _sub(parent, "hcontainer", name="text")
    _text_block(container, "content", nodes, source)
