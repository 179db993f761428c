"""Reading USLM, the US Congress's markup of bills, resolutions and public laws.

USLM ids are opaque GUIDs, so eIds and labels are the project's own, filled in by the shared
post-processing; structure, numbers, headings, text, defined terms and references come from
the markup through `xml_ast`.
"""

from __future__ import annotations

from safeguard_lint.ast import Document
from safeguard_lint.errors import InputError
from safeguard_lint.readers.xml_ast import Vocabulary, build_document
from safeguard_lint.readers.xml_safety import XmlTree, parse_xml

#: The USLM namespace (USLM 1.x and 2.x share it).
NAMESPACE = "http://schemas.gpo.gov/xml/uslm"

VOCABULARY = Vocabulary(
    divisions=frozenset(
        {"title", "subtitle", "part", "subpart", "chapter", "subchapter", "division", "subdivision"}
    ),
    provisions=frozenset({"section"}),
    contextual_provisions=frozenset(),
    subdivisions=frozenset(
        {
            "subsection",
            "paragraph",
            "subparagraph",
            "clause",
            "subclause",
            "item",
            "subitem",
            "subsubitem",
            "level",
        }
    ),
    subdivision_kinds={
        "subsubitem": "subitem",
        "level": "item",
        "subsection": "subsection",
        "paragraph": "paragraph",
        "subparagraph": "subparagraph",
        "clause": "clause",
        "subclause": "subclause",
        "item": "item",
        "subitem": "subitem",
    },
    list_items=frozenset(),
    blocks={"preamble": "preamble"},
    components={},
    skip=frozenset(
        {
            "meta",
            "preface",
            "toc",
            "endMarker",
            "notes",
            "note",
            "sidenote",
            "page",
            "signatures",
            "attestation",
            "endorsement",
            "legislativeHistory",
        }
    ),
    quoted=frozenset({"quotedContent", "quotedText", "amendmentContent"}),
    definitions=frozenset({"term"}),
    references=frozenset({"ref"}),
    id_attributes=(),
)


def is_uslm(tree: XmlTree) -> bool:
    """Whether a parsed XML document is USLM."""
    return tree.root.namespace == NAMESPACE


def read_uslm(text: str) -> Document:
    """Read decoded USLM XML into a Document whose spans point into `text`."""
    tree = parse_xml(text)
    if not is_uslm(tree):
        raise InputError(f"not USLM: the root element is <{tree.root.name}>")
    return read_uslm_tree(tree)


def read_uslm_tree(tree: XmlTree) -> Document:
    """Build the Document of an already parsed USLM tree."""
    return build_document(tree, VOCABULARY, "us-code")
