"""The line lexer gives exactly the tokens Lark's own lexer gives with the same grammar."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark, Token
from lark.lark import PostLex

from safeguard_lint.parsing import grammar_path
from safeguard_lint.parsing.lines import LineLexer


class KeepLineBreaks(PostLex):
    """Passes tokens through, keeping NL (which no rule uses) in Lark's lexer."""

    always_accept = ("NL",)

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        return stream


GRAMMAR = grammar_path("legislation.lark").read_text("utf-8")
LARK = Lark(GRAMMAR, parser="lalr", lexer="basic", postlex=KeepLineBreaks())
LEXER = LineLexer(LARK)

PIECES = st.sampled_from(
    [
        *("Article 5", "ARTICLE 12 bis", "Section 3.", "SEC. 4.", "\u00a7 2518.", "Rule 7"),
        *("CHAPTER IV", "Part 2", "TITLE One", "SCHEDULE", "Annex", "## Chapter 3"),
        *("(a)", "(iv)", "1.", "12A.", "2)", "1\u00b0", "\u2014 ", "- ", "(1)(b)", "2510."),
        *("Definitions", "text", "of this Act", " ", "  ", "\t", "\u00a0", "\u3000", "\ufeff"),
        *("\n", "\n\n", "\r\n", "\r", "\x0c", "\u2028", ".", "x"),
    ]
)


def lark_lines(text: str) -> list[tuple[list[tuple[str, str, int, int]], bool]]:
    """Lark's tokens grouped into lines as the post-lexer once grouped them."""
    lines: list[tuple[list[tuple[str, str, int, int]], bool]] = []
    current: list[tuple[str, str, int, int]] = []
    newlines = 0
    for tok in LARK.lex(text):
        if tok.type == "NL":
            if current:
                lines.append((current, newlines > 1 or (not lines and newlines > 0)))
                current, newlines = [], 1
            else:
                newlines += 1
            continue
        current.append((tok.type, tok.value, tok.start_pos or 0, tok.end_pos or 0))
    if current:
        lines.append((current, newlines > 1))
    return lines


def line_lexer_lines(text: str) -> list[tuple[list[tuple[str, str, int, int]], bool]]:
    return [
        ([(t.type, t.value, t.start_pos, t.end_pos) for t in line.tokens], line.blank_before)
        for line in LEXER.lines(text)
    ]


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=16).map("".join))
def test_same_tokens_as_lark(text: str) -> None:
    assert line_lexer_lines(text) == lark_lines(text)


def test_example() -> None:
    text = "\nCHAPTER I\n\nArticle 1\r\n(a) first;\r  (b)(i) second\n\n\n 12. twelve"
    assert line_lexer_lines(text) == lark_lines(text)
    assert [t for line in LEXER.lines(text) for t in (line.tokens[0].type,)] == [
        "DIVISION",
        "PROVISION",
        "LABEL",
        "LABEL",
        "LABEL",
    ]
