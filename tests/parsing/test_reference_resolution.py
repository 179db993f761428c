"""Resolving cross-references to the units they name, in the numbering styles of different
legal traditions."""

from __future__ import annotations

from safeguard_lint import parse
from safeguard_lint.ast import Document, Reference


def _targets(document: Document) -> dict[str, str | None]:
    return {
        document.source[r.span.start : r.span.end]: r.target
        for node in document.walk()
        for r in node.children
        if isinstance(r, Reference)
    }


def test_a_bare_number_before_brackets_names_the_section_of_a_subsection() -> None:
    document = parse(
        "3 Warrants\n(1) A judge may issue a warrant.\n(2) A warrant must name:\n"
        "(a) the person; and\n(b) the offence.\n\n4 Urgent cases\n"
        "(1) An application under subsection 3(1) may be made by telephone, and paragraph "
        "3(2)(b) applies.\n"
    )
    assert _targets(document) == {
        "subsection 3(1)": "sec_3__subsec_1",
        "paragraph 3(2)(b)": "sec_3__subsec_2__para_b",
    }


def test_a_paragraph_with_its_point_stays_in_its_article() -> None:
    document = parse(
        "Article 5\n1. Member States shall provide for:\n(a) notice; and\n(b) review.\n"
        "2. The notice under paragraph 1(a) shall be in writing.\n"
    )
    assert _targets(document) == {"paragraph 1(a)": "art_5__para_1__subpara_a"}


def test_articles_singled_out_of_an_instrument_named_before_them_are_external() -> None:
    document = parse(
        "Article 14. Text.\nArticle 17. Text.\nArticle 20. Every person shall comply with the "
        "International Covenant on Civil and Political Rights, in particular articles 14 and 17, "
        "and with this Convention, in particular articles 14 and 17.\n"
    )
    refs = [r for node in document.walk() for r in node.children if isinstance(r, Reference)]
    assert [(document.source[r.span.start : r.span.end], r.external) for r in refs] == [
        ("articles 14 and 17", True),
        ("articles 14 and 17", False),
    ]
