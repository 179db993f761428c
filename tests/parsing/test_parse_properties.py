"""Property tests: any text, and any damage done to real legislation, parses without an exception
into a tree whose spans are lossless."""

from __future__ import annotations

from functools import cache

from corpus_paths import corpus_texts, example_texts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from span_invariants import assert_lossless

from safeguard_lint.ast import Document
from safeguard_lint.parsing import parse

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Line openings that steer the post-lexer: headings, divisions, labels, formulas, noise.
OPENINGS = [
    "Article 24", "Article 24. Conditions", "Art. 5", "ARTICLE 1 \u2013", "Article 60 bis",
    "Section 12. Title. — ", "SEC. 12.", "§ 2518. Procedure", "12. Title.—", "10A.", "2A. ",
    "CHAPTER IV", "CHAPTER 119—WIRE", "Part 2", "PART II — OFFENCES", "Title 1 \u2013",
    "Division 3",
    "Book One", "SCHEDULE", "Schedule 2", "ANNEX I", "FORM", "# ", "## Chapter I", "### Article 3",
    "1.", "1. ", "(1)", "(a)", "a)", "(i)", "(ii)", "(v)", "(x)", "(h)", "(A)", "(aa)", "1)",
    "(e)(i)", "4. (1)", "- ", "* ", "• ", "— ", "1°", "Provided that", "Explanation.—",
    "Whereas", "Having regard to", "HAVE ADOPTED THIS REGULATION:", "ENACTED by", "Done at",
    "IN WITNESS WHEREOF", '"term" means', "“term” includes", "12", "- 3 -", "Page 4 of 9",
    "[...]", "***", "|---|---|", "**Bold**", "_x_", "",
]  # fmt: skip
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", " \n", "\t\n"]


def _lines(draw: st.DrawFn) -> str:
    count = draw(st.integers(0, 25))
    out: list[str] = []
    for _ in range(count):
        opening = draw(st.sampled_from(OPENINGS))
        rest = draw(st.text(max_size=40))
        out.append(opening + draw(st.sampled_from(["", " ", "\t"])) + rest)
        out.append(draw(st.sampled_from(BREAKS)))
    return "".join(out)


legislation_like = st.composite(_lines)()


@cache
def _real_lines() -> tuple[str, ...]:
    """Lines of the corpus and the examples, with their line breaks (empty without them)."""
    lines: list[str] = []
    for path in [*corpus_texts(), *example_texts()]:
        lines.extend(path.read_bytes().decode("utf-8").splitlines(keepends=True))
    return tuple(lines)


@st.composite
def mutated_legislation(draw: st.DrawFn) -> str:
    """A window of real text with lines shuffled, deleted, duplicated and characters inserted."""
    lines = _real_lines() or tuple(OPENINGS)
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    window = list(lines[start : start + draw(st.integers(1, 60))])
    for _ in range(draw(st.integers(0, 12))):
        op = draw(st.sampled_from(["shuffle", "delete", "duplicate", "insert", "break"]))
        i = draw(st.integers(0, max(0, len(window) - 1)))
        if not window:
            window.append(draw(st.text(max_size=20)))
        elif op == "shuffle":
            j = draw(st.integers(0, len(window) - 1))
            window[i], window[j] = window[j], window[i]
        elif op == "delete":
            del window[i]
        elif op == "duplicate":
            window.insert(i, window[i])
        else:
            line = window[i]
            at = draw(st.integers(0, len(line)))
            extra = draw(st.text(max_size=8)) if op == "insert" else draw(st.sampled_from(BREAKS))
            window[i] = line[:at] + extra + line[at:]
    return "".join(window)


#: Characters that make up headings and labels, dense enough to collide in every way.
dense_text = st.text(alphabet=st.sampled_from(list('()1aiv.:\n\r\t -—§ArtcleSECHP#*"\x1c\x85')))


def _check(source: str) -> Document:
    document = parse(source)
    assert_lossless(document, source)
    failed = [d.message for d in document.diagnostics if d.severity != "info"]
    assert not failed, "the structure was given up on instead of parsed"
    return document


@SETTINGS
@given(st.text())
def test_arbitrary_text_parses_losslessly(source: str) -> None:
    _check(source)


@SETTINGS
@given(dense_text)
def test_dense_label_text_parses_losslessly(source: str) -> None:
    _check(source)


@SETTINGS
@given(legislation_like)
def test_legislation_shaped_text_parses_losslessly(source: str) -> None:
    _check(source)


@SETTINGS
@given(mutated_legislation())
def test_mutated_legislation_parses_losslessly(source: str) -> None:
    _check(source)


def test_control_characters_and_unicode_separators_start_text() -> None:
    source = "Article 1\n\x1cstray\n\u2028\n(1)\x1f text\n\x85\n"
    document = _check(source)
    assert [u.eid for u, _ in document.units_with_path()] == ["art_1", "art_1__para_1"]


def test_a_title_line_after_noise_is_text_not_a_misplaced_heading() -> None:
    source = "Schedule 2\n12\nENACTED by the Assembly\n1. Item one\n"
    document = _check(source)
    schedule = next(document.units())
    assert schedule.heading is None
    assert [u.label for u in schedule.units()] == ["Schedule 2, item 1"]
