"""Real Akoma Ntoso and USLM files: all read, every top-level provision found, where it is."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from defusedxml.ElementTree import parse as safe_parse  # type: ignore[import-untyped]

from safeguard_lint.ast import Document, Provision, Text
from safeguard_lint.readers import read_document
from safeguard_lint.source import LineIndex
from tests.readers.conftest import AKN_FILES

# Quoted or amending matter: sections of another instrument, not of this one.
QUOTED = {
    "mod", "quotedStructure", "quotedText", "embeddedStructure", "quotedContent",
    "amendmentContent",
}  # fmt: skip
PROVISIONS = {"article", "section"}


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _xml_count(path: Path) -> int:
    """Top-level section/article elements outside quotations, counted by a plain parse."""
    count = 0
    stack: list[tuple[ET.Element, bool]] = [(safe_parse(path).getroot(), False)]
    while stack:
        element, covered = stack.pop()
        name = _local(element.tag)
        if name in QUOTED:
            continue
        if name in PROVISIONS and not covered:
            count += 1
        inner = covered or name in PROVISIONS
        stack.extend((child, inner) for child in element)
    return count


def _ast_count(document: Document) -> int:
    count = 0
    stack: list[tuple[object, bool]] = [(document, False)]
    while stack:
        node, covered = stack.pop()
        top = isinstance(node, Provision) and node.kind in PROVISIONS
        if top and not covered:
            count += 1
        stack.extend((c, covered or top) for c in getattr(node, "children", []))
    return count


@pytest.mark.skipif(not AKN_FILES, reason="corpus not available")
@pytest.mark.parametrize("path", AKN_FILES, ids=lambda p: p.name)
def test_every_corpus_file_reads_with_all_its_provisions(path: Path) -> None:
    document = read_document(path)
    assert _ast_count(document) == _xml_count(path)
    # Spans point into the XML as read: a provision starts at its own tag, text is words.
    raw = path.read_bytes().decode("utf-8-sig")
    for unit, _ in document.units_with_path():
        assert raw[unit.span.start] == "<"
    # Markup is blanked in the source rules read, keeping every offset and line of the file.
    assert len(document.source) == len(raw)
    assert document.source.count("\n") == raw.count("\n")
    for node in document.walk():
        if isinstance(node, Text):
            start, end = node.span.start, node.span.end
            assert all(
                document.source[i] == " " for i in range(start, end) if raw[i] == "<"
            ) or "&lt;" in raw[start:end]


@pytest.mark.skipif(not AKN_FILES, reason="corpus not available")
def test_akn2_section_carries_the_document_eid_and_xml_position() -> None:
    path = next(p for p in AKN_FILES if p.name == "the-indian-telegraph-act-1885.xml")
    document = read_document(path)
    units = document.by_eid()
    section = units["section-5"]
    assert (section.kind, section.num, section.label) == ("section", "5", "Section 5")
    sub = units["section-5.2"]
    assert sub.label == "Section 5(2)"
    line, column = LineIndex(document.source).position(sub.span.start)
    raw_lines = path.read_text("utf-8").splitlines()
    assert raw_lines[line - 1][column - 1 :].startswith('<subsection id="section-5.2"')


@pytest.mark.skipif(not AKN_FILES, reason="corpus not available")
def test_uslm_bill_gets_project_eids_and_us_code_ladder() -> None:
    path = next(p for p in AKN_FILES if p.name == "H1000_IH.XML")
    document = read_document(path)
    kinds = {u.kind for u, _ in document.units_with_path()}
    assert {"section", "subsection", "paragraph"} <= kinds
    eids = [u.eid for u, _ in document.units_with_path() if u.kind == "subsection"]
    assert eids and all(e.startswith("sec_") and "__subsec_" in e for e in eids)
