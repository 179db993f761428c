"""Layouts of numbering met in published legislation, each parsed into its units."""

from __future__ import annotations

from safeguard_lint.ast import Document, Reference, Text, Unit
from safeguard_lint.parsing import parse


def outline(document: Document) -> list[tuple[int, str, str | None]]:
    """Each unit of a document as (depth, kind, number), in document order."""
    out: list[tuple[int, str, str | None]] = []

    def walk(unit: Unit, depth: int) -> None:
        out.append((depth, unit.kind, unit.num))
        for child in unit.units():
            walk(child, depth + 1)

    for child in document.children:
        if isinstance(child, Unit):
            walk(child, 0)
    return out


def references(document: Document) -> dict[str, str | None]:
    """Each reference of a document by its text, with the eId it resolves to."""
    source = document.source
    return {n.text(source): n.target for n in document.walk() if isinstance(n, Reference)}


def test_a_bracketed_article_number_heads_an_article() -> None:
    text = (
        "Article (3)\n"
        "A- The competent court may order that the device used be confiscated.\n"
        "B- The order under paragraph (A) of this Article shall state its reasons.\n"
        "\n"
        "Article (4)\n"
        "Any person who is harmed by the order may appeal to the court of appeal.\n"
    )
    document = parse(text)
    assert outline(document) == [
        (0, "article", "3"),
        (1, "paragraph", "A"),
        (1, "paragraph", "B"),
        (0, "article", "4"),
    ]
    article = document.children[0]
    assert isinstance(article, Unit)
    assert article.label == "Article 3"
    assert article.num_span is not None
    assert text[article.num_span.start : article.num_span.end] == "3"
    assert references(document)["paragraph (A)"] == "art_3__para_A"


def test_section_signs_number_the_paragraphs_of_an_article() -> None:
    text = (
        "Art. 12. § 1er. Providers shall keep the records referred to in paragraph 3.\n"
        "§ 2. The authority may request the records kept under this article.\n"
        "§ 3. The records shall be erased after six months.\n"
        "\n"
        "Art. 13. Nobody may keep the records longer than the time set in Article 12.\n"
    )
    document = parse(text)
    assert outline(document) == [
        (0, "article", "12"),
        (1, "paragraph", "1"),
        (1, "paragraph", "2"),
        (1, "paragraph", "3"),
        (0, "article", "13"),
    ]
    assert references(document)["paragraph 3"] == "art_12__para_3"


def test_a_long_section_title_heads_its_section() -> None:
    text = (
        "7. Power of the Commission to order the suspension of the accounts of persons who"
        " spread unlawful material through any platform.\n"
        "(1) The Commission may order a platform to suspend an account.\n"
        "(2) The order shall be reviewed by a judge within two days.\n"
    )
    document = parse(text)
    assert outline(document) == [
        (0, "section", "7"),
        (1, "subsection", "1"),
        (1, "subsection", "2"),
    ]
    section = document.children[0]
    assert isinstance(section, Unit)
    assert section.heading is not None
    assert section.heading.endswith("through any platform")


def test_a_title_naming_a_means_is_no_definition() -> None:
    text = (
        "Article 4. Fraud committed by means of a computer system\n"
        "\n"
        "1. Each Party shall establish the offence of computer fraud.\n"
    )
    document = parse(text)
    article = document.children[0]
    assert isinstance(article, Unit)
    assert article.heading == "Fraud committed by means of a computer system"
    assert outline(document) == [(0, "article", "4"), (1, "paragraph", "1")]


def test_points_lettered_without_brackets_nest_in_their_paragraph() -> None:
    text = (
        "Article 8 - Use of data\n"
        "\n"
        "1 Purpose\n"
        "a A Party that receives data shall use them only for the stated purpose.\n"
        "b A Party may use them for another purpose with the consent of the sender.\n"
        "2 A refusal under paragraph 1.b shall be reasoned.\n"
        "3 The request shall name:\n"
        "a. the authority that asks;\n"
        "b. the offence under investigation.\n"
    )
    document = parse(text)
    assert outline(document) == [
        (0, "article", "8"),
        (1, "paragraph", "1"),
        (2, "subparagraph", "a"),
        (2, "subparagraph", "b"),
        (1, "paragraph", "2"),
        (1, "paragraph", "3"),
        (2, "subparagraph", "a"),
        (2, "subparagraph", "b"),
    ]
    assert document.by_eid()["art_8__para_1"].heading == "Purpose"
    assert references(document)["paragraph 1.b"] == "art_8__para_1__subpara_b"


def test_a_line_opening_with_the_article_a_is_no_point() -> None:
    text = (
        "Article 2\n"
        "The court may issue the order to:\n"
        "a person who holds the data, or to the provider.\n"
        "The order shall be in writing.\n"
    )
    assert outline(parse(text)) == [(0, "article", "2")]


def test_a_paragraph_inserted_as_1a_stands_between_1_and_2() -> None:
    text = (
        "Article 6\n"
        "1. Operators shall keep the logs for one year.\n"
        "1a. The logs shall be encrypted.\n"
        "2. Paragraph 1a does not apply to small operators.\n"
    )
    document = parse(text)
    assert outline(document) == [
        (0, "article", "6"),
        (1, "paragraph", "1"),
        (1, "paragraph", "1a"),
        (1, "paragraph", "2"),
    ]
    assert references(document)["Paragraph 1a"] == "art_6__para_1a"


def test_a_schedule_numbered_by_an_ordinal_before_its_keyword() -> None:
    text = (
        "1. Interpretation.\n"
        '"listed offence" means an offence listed in the Second Schedule.\n'
        "2. Warrants.\n"
        "A judge may issue a warrant for a listed offence.\n"
        "SECOND SCHEDULE\n"
        "1. Fraud.\n"
        "2. Extortion.\n"
    )
    document = parse(text)
    assert outline(document) == [
        (0, "section", "1"),
        (0, "section", "2"),
        (0, "schedule", "SECOND"),
        (1, "item", "1"),
        (1, "item", "2"),
    ]
    schedule = document.by_eid()["sched_2"]
    assert schedule.label == "Second Schedule"


def test_a_title_ending_its_line_in_a_dash_heads_the_subsection() -> None:
    text = (
        "§ 4. Records\n"
        "(a) Retention.\u2014\n"
        "(1) A provider shall keep the records for 90 days.\n"
        "(2) The records shall then be destroyed.\n"
        "(b) Access.\u2014A court may order access to the records.\n"
    )
    document = parse(text)
    subsection = document.by_eid()["sec_4__subsec_a"]
    assert subsection.heading == "Retention"
    assert [u.num for u in subsection.units()] == ["1", "2"]
    assert "Retention" not in "".join(
        n.text(text) for n in subsection.children if isinstance(n, Text)
    )
