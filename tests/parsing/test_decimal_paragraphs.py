"""Paragraphs numbered by decimals after their provision's number ("4.1 An officer may…"), as
directives, codes of practice and some Acts print them."""

from __future__ import annotations

from span_invariants import violations

from safeguard_lint import parse
from safeguard_lint.ast import Document, Reference, Text
from safeguard_lint.parsing.numbering import decimal_follows


def _units(document: Document) -> list[tuple[int, str, str | None, str, str]]:
    return [
        (len(path), unit.kind, unit.num, unit.eid, unit.label)
        for unit, path in document.units_with_path()
        if unit.kind not in ("preamble", "conclusions")
    ]


def _references(document: Document) -> dict[str, str | None]:
    source = document.source
    return {
        source[r.span.start : r.span.end]: r.target
        for node in document.walk()
        for r in node.children
        if isinstance(r, Reference)
    }


_DIRECTIVE = (
    "1. Purpose\n"
    "This Directive governs searches of electronic devices.\n"
    "\n"
    "2. Basic searches\n"
    "2.1 Any officer may perform a basic search of an electronic device.\n"
    "2.2 An officer may not use the device to access remote data.\n"
    "\n"
    "3. Advanced searches\n"
    "3.1 An officer may perform an advanced search only with approval.\n"
    "3.1.1 The approval is given in writing.\n"
    "3.1.2 The approval names:\n"
    "(a) the device; and\n"
    "(b) the traveller.\n"
    "3.2 An officer may detain the device for five days under section 3.1.\n"
    "The detention is recorded.\n"
    "3.3 Paragraph 3.2 does not apply to evidence.\n"
)


def test_decimal_paragraphs_nest_in_their_numbered_section() -> None:
    document = parse(_DIRECTIVE)
    assert not violations(document, _DIRECTIVE)
    assert _units(document) == [
        (0, "section", "1", "sec_1", "Section 1"),
        (0, "section", "2", "sec_2", "Section 2"),
        (1, "subsection", "2.1", "sec_2__subsec_2-1", "Section 2.1"),
        (1, "subsection", "2.2", "sec_2__subsec_2-2", "Section 2.2"),
        (0, "section", "3", "sec_3", "Section 3"),
        (1, "subsection", "3.1", "sec_3__subsec_3-1", "Section 3.1"),
        (2, "subsection", "3.1.1", "sec_3__subsec_3-1__subsec_3-1-1", "Section 3.1.1"),
        (2, "subsection", "3.1.2", "sec_3__subsec_3-1__subsec_3-1-2", "Section 3.1.2"),
        (3, "paragraph", "a", "sec_3__subsec_3-1__subsec_3-1-2__para_a", "Section 3.1.2(a)"),
        (3, "paragraph", "b", "sec_3__subsec_3-1__subsec_3-1-2__para_b", "Section 3.1.2(b)"),
        (1, "subsection", "3.2", "sec_3__subsec_3-2", "Section 3.2"),
        (1, "subsection", "3.3", "sec_3__subsec_3-3", "Section 3.3"),
    ]
    # the number's span is the number alone, and the text after it is the paragraph's
    units = document.by_eid()
    first = units["sec_2__subsec_2-1"]
    assert first.num_span is not None
    assert _DIRECTIVE[first.num_span.start : first.num_span.end] == "2.1"
    texts = [c.text(_DIRECTIVE) for c in first.children if isinstance(c, Text)]
    assert texts == ["Any officer may perform a basic search of an electronic device."]
    # an unnumbered block after a decimal paragraph stays in it
    second = units["sec_3__subsec_3-2"]
    assert [c.text(_DIRECTIVE) for c in second.children if isinstance(c, Text)][-1] == (
        "The detention is recorded."
    )


def test_references_name_decimal_paragraphs() -> None:
    assert _references(parse(_DIRECTIVE)) == {
        "section 3.1": "sec_3__subsec_3-1",
        "Paragraph 3.2": "sec_3__subsec_3-2",
    }


def test_decimal_paragraphs_of_an_article() -> None:
    text = (
        "Article 4. Interception\n"
        "4.1 A judge may order the interception of communications.\n"
        "4.2 The order lasts one month.\n"
        "\n"
        "Article 5. Remedies\n"
        "5.1 Any person may challenge an order under Article 4.2.\n"
    )
    document = parse(text)
    assert _units(document) == [
        (0, "article", "4", "art_4", "Article 4"),
        (1, "paragraph", "4.1", "art_4__para_4-1", "Article 4.1"),
        (1, "paragraph", "4.2", "art_4__para_4-2", "Article 4.2"),
        (0, "article", "5", "art_5", "Article 5"),
        (1, "paragraph", "5.1", "art_5__para_5-1", "Article 5.1"),
    ]
    assert _references(document) == {"Article 4.2": "art_4__para_4-2"}


def test_numbers_that_break_the_outline_stay_text() -> None:
    text = (
        "Section 4. Fees\n"
        "4.1 The fee is fixed by the Minister at a sum of\n"
        "4.2 Million dollars a year.\n"  # a wrapped sentence, not a paragraph
        "5.1 The fee is paid yearly.\n"  # another section's number
        "4.4 The fee may be waived.\n"  # 4.2 and 4.3 are missing
    )
    document = parse(text)
    assert [u.num for u, _ in document.units_with_path()] == ["4", "4.1"]
    assert not violations(document, text)


def test_sections_numbered_by_decimals_in_a_flat_list_stay_sections() -> None:
    # Sections numbered "1.1", "1.2" with no section "1" above them are no paragraphs.
    text = (
        "Section 1.1. Scope\nThis Part applies to searches.\n\n"
        "Section 1.2. Warrants\nA judge may issue a warrant.\n"
    )
    document = parse(text)
    assert [(u.kind, u.num) for u, _ in document.units_with_path()] == [
        ("section", "1.1"),
        ("section", "1.2"),
    ]


def test_decimal_follows_the_outline() -> None:
    assert decimal_follows((4,), (4, 1))
    assert decimal_follows((4, 1), (4, 2))
    assert decimal_follows((4, 1), (4, 1, 1))
    assert decimal_follows((4, 2, 5), (4, 3))
    assert decimal_follows((4, 2, 5, 1), (4, 2, 6))
    assert not decimal_follows((4,), (4, 2))
    assert not decimal_follows((4, 1), (5, 1))
    assert not decimal_follows((4, 1), (4, 1, 2))
    assert not decimal_follows((4, 1), (4, 3))
    assert not decimal_follows((4,), (5,))
