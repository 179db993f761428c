"""References that resolve into this text, and DF04 on the ones that miss."""

from __future__ import annotations

from safeguard_lint.ast import Reference
from safeguard_lint.config import Config
from safeguard_lint.engine import check
from safeguard_lint.parsing import parse


def targets(text: str, phrase: str) -> list[str]:
    """The eIds the reference printed as `phrase` resolves to."""
    document = parse(text)
    for node in document.walk():
        if isinstance(node, Reference) and node.text(text) == phrase:
            return node.targets
    raise AssertionError(f"no reference {phrase!r}")


def broken(text: str) -> list[str]:
    """The texts of the references DF04 reports."""
    return [text[f.span.start : f.span.end] for f in check(text, Config(select=["DF04"]))]


def test_a_range_of_hyphenated_articles_covers_every_article_in_it() -> None:
    text = (
        "Article 20-1\nThe order is written.\n\n"
        "Article 20-2\nThe order names the person.\n\n"
        "Article 20-3\nThe order is kept on file.\n\n"
        "Article 21\nThe judge applies articles 20-1 to 20-3.\n"
    )
    assert targets(text, "articles 20-1 to 20-3") == ["art_201", "art_202", "art_203"]


def test_an_article_of_a_french_code_keeps_its_book_letter() -> None:
    text = (
        "Article R. 12-1\nThe register is kept by the authority.\n\n"
        "Article R. 12-2\nThe data listed in article R. 12-1 are erased after a year.\n"
    )
    assert targets(text, "article R. 12-1") == ["art_R121"]


def test_a_point_its_paragraph_lacks_is_broken() -> None:
    text = (
        "Article 1\n"
        "1. The authority may:\n"
        "(a) request the records;\n"
        "(b) inspect the premises.\n"
        "2. The powers in point (c) of paragraph 1 are used only with a warrant.\n"
    )
    assert broken(text) == ["point (c) of paragraph 1"]
    (finding,) = check(text, Config(select=["DF04"]))
    assert "Article 1(1) has no point (c)" in finding.message


def test_a_range_running_past_the_last_paragraph_is_broken() -> None:
    text = (
        "Article 1\n"
        "1. The authority may request the records.\n"
        "2. The request is in writing.\n"
        "3. Paragraphs 1 to 4 apply to every authority.\n"
    )
    assert broken(text) == ["Paragraphs 1 to 4"]


def test_a_range_within_the_article_is_not_broken() -> None:
    text = (
        "Article 1\n"
        "1. The authority may:\n"
        "(a) request the records;\n"
        "(b) inspect the premises.\n"
        "2. The request is in writing.\n"
        "3. Paragraphs 1 to 2 apply to every authority, as does point (a) of paragraph 1.\n"
    )
    assert broken(text) == []
