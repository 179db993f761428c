"""Reading Akoma Ntoso 2.0 and 3.0 documents (acts, bills, by-laws, EU and national profiles).

Namespaced or not, any AKN namespace: elements are matched by local name. eIds come from the
document (`eId`, or AKN 2.0's `id`); the rest of the reading is `xml_ast`'s.
"""

from __future__ import annotations

from safeguard_lint.ast import Document
from safeguard_lint.errors import InputError
from safeguard_lint.readers.xml_ast import Vocabulary, build_document
from safeguard_lint.readers.xml_safety import XmlTree, parse_xml

VOCABULARY = Vocabulary(
    divisions=frozenset(
        {
            "book",
            "tome",
            "part",
            "subpart",
            "title",
            "subtitle",
            "chapter",
            "subchapter",
            "division",
            "subdivision",
        }
    ),
    provisions=frozenset({"article", "section", "rule"}),
    contextual_provisions=frozenset({"clause"}),
    subdivisions=frozenset(
        {
            "paragraph",
            "subsection",
            "subparagraph",
            "point",
            "indent",
            "alinea",
            "list",
            "sublist",
            "subrule",
            "subclause",
            "item",
            "proviso",
            "level",
            "transitional",
            "hcontainer",
        }
    ),
    subdivision_kinds={
        "paragraph": "paragraph",
        "subsection": "subsection",
        "subparagraph": "subparagraph",
        "clause": "clause",
        "subrule": "subparagraph",
        "subclause": "subclause",
    },
    list_items=frozenset({"indent"}),
    blocks={"preface": "preface", "preamble": "preamble", "conclusions": "conclusions"},
    components={"component": "schedule", "attachment": "annex"},
    skip=frozenset({"meta", "toc", "coverPage", "documentRef", "componentRef", "interstitial"}),
    quoted=frozenset({"mod", "quotedStructure", "quotedText", "embeddedStructure"}),
    definitions=frozenset({"def"}),
    references=frozenset({"ref"}),
    id_attributes=("eId", "id"),
)


def is_akn(tree: XmlTree) -> bool:
    """Whether a parsed XML document is Akoma Ntoso."""
    return tree.root.name == "akomaNtoso"


def read_akn(text: str) -> Document:
    """Read decoded Akoma Ntoso XML into a Document whose spans point into `text`."""
    tree = parse_xml(text)
    if not is_akn(tree):
        raise InputError(f"not Akoma Ntoso: the root element is <{tree.root.name}>")
    return read_akn_tree(tree)


def read_akn_tree(tree: XmlTree) -> Document:
    """Build the Document of an already parsed Akoma Ntoso tree."""
    first = next(
        (el.name for el in tree.root.iter() if el.name in VOCABULARY.provisions), "article"
    )
    return build_document(tree, VOCABULARY, "section" if first == "section" else "article")
