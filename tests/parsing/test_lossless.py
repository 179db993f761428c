"""Lossless spans on every corpus text, example and golden input.

`source[node.span]` is each node's text, children lie within their parent in order without
overlap, a parent is rebuilt from its children and the gaps between them, and the document span
is the whole input.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_paths import corpus_texts, example_texts
from golden_trees import CASES
from span_invariants import assert_lossless, violations

from safeguard_lint.ast import Document, Span, Text
from safeguard_lint.parsing import parse

TEXTS = [*corpus_texts(), *example_texts(), *sorted(CASES.glob("*.txt"))]


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.mark.parametrize("path", TEXTS, ids=[_name(p) for p in TEXTS])
def test_spans_are_lossless(path: Path) -> None:
    source = path.read_bytes().decode("utf-8")
    assert_lossless(parse(source), source)


def test_empty_input_is_an_empty_document() -> None:
    document = parse("")
    assert document.children == []
    assert (document.span.start, document.span.end) == (0, 0)
    assert_lossless(document, "")


def test_the_checker_reports_overlapping_children() -> None:
    source = "one two"
    document = Document(
        span=Span(start=0, end=7),
        source=source,
        children=[Text(span=Span(start=0, end=4)), Text(span=Span(start=2, end=7))],
    )
    assert any("overlap" in p for p in violations(document, source))


def test_the_checker_reports_a_child_outside_its_parent() -> None:
    source = "one two"
    document = Document(
        span=Span(start=0, end=3),
        source=source,
        children=[Text(span=Span(start=0, end=7))],
    )
    problems = violations(document, source)
    assert any("after its parent" in p for p in problems)
    assert any("is not 0..7" in p for p in problems)


def test_the_checker_reports_a_wrong_source() -> None:
    document = parse("Article 1\nText.")
    assert violations(document, "Article 1\nText!")
