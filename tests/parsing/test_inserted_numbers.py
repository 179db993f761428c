"""Numbers of inserted provisions: Latin suffixes printed with or without a space ("39 bis",
"39bis", "Art. 90ter"), as Belgian, French, Italian and Luxembourg codes print them."""

from __future__ import annotations

import pytest

from safeguard_lint import parse
from safeguard_lint.ast import Document, Provision, Reference


def _articles(document: Document) -> list[tuple[str | None, str, str]]:
    return [
        (unit.num, unit.eid, unit.label)
        for unit, _ in document.units_with_path()
        if isinstance(unit, Provision)
    ]


def _references(document: Document) -> dict[str, list[str]]:
    source = document.source
    return {
        source[r.span.start : r.span.end]: r.targets
        for node in document.walk()
        for r in node.children
        if isinstance(r, Reference)
    }


_CODE = (
    "Article 39. Search\n"
    "(1) The officer may search a computer system.\n"
    "(2) The search is recorded.\n"
    "\n"
    "Article 39{gap}bis. Extended search\n"
    "(1) The investigating officer may extend a search under article 39.\n"
    "(2) The extension ends with the search.\n"
    "\n"
    "Art. 40. Records\n"
    "(1) A record is kept of every search under article 39{gap}bis and of every measure "
    "under articles 90{gap}ter to 90{gap}sexies.\n"
    "\n"
    "Article 90{gap}ter. Interception\n"
    "(1) The investigating judge may authorise interception.\n"
    "\n"
    "Art. 90{gap}quater\n"
    "The order states its grounds.\n"
    "\n"
    "Article 90{gap}quinquies. Duration\n"
    "(1) The order lasts one month.\n"
    "\n"
    "Article 90{gap}sexies. Report\n"
    "(1) A report is made to the judge named in Article 90{gap}ter(1).\n"
)


@pytest.mark.parametrize("gap", ["", " "])
def test_latin_suffixes_head_articles_with_or_without_a_space(gap: str) -> None:
    document = parse(_CODE.format(gap=gap))
    assert [(eid, label) for _, eid, label in _articles(document)] == [
        ("art_39", "Article 39"),
        ("art_39bis", f"Article 39{gap}bis"),
        ("art_40", "Article 40"),
        ("art_90ter", f"Article 90{gap}ter"),
        ("art_90quater", f"Article 90{gap}quater"),
        ("art_90quinquies", f"Article 90{gap}quinquies"),
        ("art_90sexies", f"Article 90{gap}sexies"),
    ]
    assert [num for num, _, _ in _articles(document)][1] == f"39{gap}bis"


@pytest.mark.parametrize("gap", ["", " "])
def test_references_keep_the_latin_suffix_of_the_number(gap: str) -> None:
    document = parse(_CODE.format(gap=gap))
    assert _references(document) == {
        "article 39": ["art_39"],
        f"article 39{gap}bis": ["art_39bis"],
        f"articles 90{gap}ter to 90{gap}sexies": [
            "art_90ter",
            "art_90quater",
            "art_90quinquies",
            "art_90sexies",
        ],
        f"Article 90{gap}ter(1)": ["art_90ter__para_1"],
    }


def test_a_suffix_glued_to_a_treaty_reference_names_the_same_article() -> None:
    document = parse(
        "Article 39bis. Extended search\n(1) The officer may extend a search.\n"
        "(2) The extension ends with the search.\n\n"
        "Article 40. Records\n(1) A record is kept under Article 39bis, paragraph 2.\n"
    )
    assert _references(document) == {"Article 39bis, paragraph 2": ["art_39bis__para_2"]}


def test_letters_that_are_no_latin_suffix_stay_out_of_the_number() -> None:
    # A number with an inserted letter ("12A") keeps reading as before the suffixes were added.
    document = parse(
        "Section 12A. Notice\n(1) Notice is given.\n\n"
        "Section 13. Review\n(1) A review under section 12A is heard by a judge.\n"
    )
    assert _references(document) == {"section 12A": ["sec_12A"]}


def test_a_paragraph_named_after_its_article_and_a_comma_is_that_articles() -> None:
    # Treaties name a paragraph after its article ("Article 24, paragraph 1"), and Indian Acts
    # a clause after its section: the part of that unit, not of the one the reference is in.
    document = parse(
        "Article 24. Extradition\n1. Extradition applies to the offences of this Convention.\n"
        "2. Extradition may be refused.\n\n"
        "Article 25. Assistance\n1. Parties shall assist each other.\n"
        "2. A request under Article 24, paragraph 1 is made in writing. So are those under "
        "Articles 24, 25, paragraph 2, and 26.\n\n"
        "Article 26. Information\n1. A Party may send information.\n"
    )
    assert _references(document) == {
        "Article 24, paragraph 1": ["art_24__para_1"],
        "Articles 24, 25, paragraph 2, and 26": ["art_24", "art_25__para_2", "art_26"],
    }
