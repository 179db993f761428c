"""`convert --to akn` gives schema-valid Akoma Ntoso 3.0 that reads back to the same bill."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from safeguard_lint.ast import Document, Provision, Text, Unit, Unparsed
from safeguard_lint.parsing import parse
from safeguard_lint.readers.akn import read_akn
from safeguard_lint.writers import convert
from tests.readers.conftest import DEV_TEXTS

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "akomantoso30.xsd"

BILL = """\
CHAPTER I — General provisions

Article 1. Interception
1. The competent authority may order the interception of communications.
2. An order under paragraph 1 shall:
(a) be issued by a judge;
(b) state its duration.

Article 2. Remedies
Any person affected may apply to a court & seek redress.
"""


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def _provisions(document: Document) -> list[tuple[object, ...]]:
    """Each provision: kind, number, heading, numbers of its sub-units, and its characters.

    Whitespace is left out of the comparison: read back from XML, inline markup such as
    `<ref>` leaves blanks where its tags stood (offsets stay those of the file)."""
    out = []
    for unit, _ in document.units_with_path():
        if isinstance(unit, Provision):
            nums = tuple(u.num for u in unit.walk() if isinstance(u, Unit) and u is not unit)
            words = "".join(
                "".join(n.text(document.source).split())
                for n in unit.walk()
                if isinstance(n, (Text, Unparsed))
            )
            out.append((unit.kind, unit.num, unit.heading, nums, words))
    return out


def _round_trip(text: str, schema: etree.XMLSchema) -> None:
    document = parse(text)
    xml = convert(document, "akn")
    assert schema.validate(etree.fromstring(xml.encode("utf-8"))), schema.error_log
    assert _provisions(read_akn(xml)) == _provisions(document)


def test_small_bill_round_trips(schema: etree.XMLSchema) -> None:
    _round_trip(BILL, schema)
    provisions = _provisions(parse(BILL))
    assert [p[1] for p in provisions] == ["1", "2"]
    assert provisions[0][3] == ("1", "2", "a", "b")


def test_references_and_defined_terms_are_marked_inline(schema: etree.XMLSchema) -> None:
    bill = (
        'Article 1. Definitions\n"interception" means listening to a call.\n\n'
        "Article 2. Powers\n1. A judge may order an interception.\n"
        "2. An order under paragraph 1 of this article, or under article 9 of the Budapest "
        "Convention, lasts thirty days.\n"
    )
    xml = convert(parse(bill), "akn")
    assert schema.validate(etree.fromstring(xml.encode("utf-8"))), schema.error_log
    assert "<def>interception</def>" in xml
    assert (
        '<ref href="#art_2__para_1">paragraph 1</ref> of <ref href="#art_2">this article</ref>'
        in xml
    )
    # A reference to another instrument is not a link into this one.
    assert "under article 9 of the Budapest Convention, lasts" in xml


def test_schema_rejects_what_it_should(schema: etree.XMLSchema) -> None:
    xml = convert(parse(BILL), "akn").replace("<body>", "<body><bogus/>", 1)
    assert not schema.validate(etree.fromstring(xml.encode("utf-8")))


@pytest.mark.skipif(not DEV_TEXTS, reason="corpus not available")
@pytest.mark.parametrize("path", DEV_TEXTS, ids=lambda p: p.parent.name)
def test_corpus_text_converts_to_valid_akn_and_back(path: Path, schema: etree.XMLSchema) -> None:
    _round_trip(path.read_text("utf-8"), schema)


def test_text_rendering_keeps_the_structure() -> None:
    document = parse(BILL)
    rendered = convert(document, "text")
    assert "Article 1. Interception" in rendered
    assert _provisions(parse(rendered))[0][:4] == _provisions(document)[0][:4]
