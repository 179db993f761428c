"""Writing a document as Akoma Ntoso 3.0 XML (an `act`, valid against the OASIS schema).

Units become the AKN hierarchy (`chapter`, `article`, `paragraph`, `point`…) with `eId`, `num`
and `heading`; text before a unit's first subdivision is its `intro`, text after its last its
`wrapUp`, and text between two subdivisions a numberless `hcontainer`. The preamble and the
conclusions keep their text as paragraphs. Metadata is the minimum the schema requires.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from safeguard_lint.ast import (
    Block,
    Division,
    Document,
    Node,
    Paragraph,
    Provision,
    Text,
    Unit,
    Unparsed,
)

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
     "book", "paragraph", "subsection", "subparagraph", "subclause", "point", "indent",
     "hcontainer"}
)  # fmt: skip
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
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
    return _XML_INVALID.sub("", " ".join(text.split()))


def _texts(node: Node, source: str) -> list[str]:
    """The text lines of a node and its descendants, numbers of inner units prefixed."""
    if isinstance(node, (Text, Unparsed)):
        return [_clean(node.text(source))]
    lines: list[str] = []
    for child in node.children:
        inner = _texts(child, source)
        if isinstance(child, Unit) and child.num and inner:
            inner[0] = f"({child.num}) {inner[0]}"
        lines.extend(inner)
    return lines


def _paragraphs(parent: ET.Element, nodes: list[Block], source: str) -> None:
    lines = [line for node in nodes for line in _texts(node, source) if line]
    for line in lines or [""]:
        _sub(parent, "p", line)


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
        content = _sub(element, "content")
        for line in [t for c in children for t in _texts(c, source)] or [""]:
            _sub(content, "p", line)
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
    block = _sub(parent, tag)
    for line in [t for n in nodes for t in _texts(n, source)] or [""]:
        _sub(block, "p", line)


def _text_container(parent: ET.Element, nodes: Sequence[Node], source: str) -> None:
    container = _sub(parent, "hcontainer", name="text")
    _text_block(container, "content", nodes, source)
