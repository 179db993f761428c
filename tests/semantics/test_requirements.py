"""Requirements: the literals a category's matches cannot do without."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from safeguard_lint.semantics.lexicon import parse_lexicon
from safeguard_lint.semantics.matcher import category_pattern, fold, lower_pattern
from safeguard_lint.semantics.requirements import category_requirement, compile_requirement


def test_a_sequence_needs_all_its_words_and_an_alternation_one_of_them() -> None:
    req = category_requirement(["in\\s+accordance\\s+with", "(?:high|supreme)\\s+court"])
    assert req == (
        "any",
        (("all", ("accordance", "with")), ("all", ("court", ("any", ("high", "supreme"))))),
    )
    test = compile_requirement(req)
    assert test("in accordance with law")
    assert not test("in accordance to law")  # "with" is missing
    assert not test("the court")  # neither "high" nor "supreme"
    assert test("the supreme court")


def test_optional_parts_and_classes_require_nothing() -> None:
    assert category_requirement(["(?:un)?lawful"]) == "lawful"
    assert category_requirement(["[a-z]+ly"]) is None
    assert category_requirement(["(?i:court)"]) is None
    assert compile_requirement(None)("")
    assert compile_requirement("o'clock")("at five o'clock")  # literals are quoted safely


def test_no_shipped_category_matches_a_sentence_that_fails_its_requirement() -> None:
    corpus = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev"
    texts = sorted(corpus.glob("*/source.txt"))[:2]
    if not texts:
        pytest.skip("development corpus absent")
    lines = [fold(line) for t in texts for line in t.read_text("utf-8").splitlines() if line][:600]
    lexicons = Path(__file__).resolve().parents[2] / "safeguard_lint" / "lexicons"
    for path in sorted(lexicons.glob("*.toml")):
        lex = parse_lexicon(path.stem, path.read_text("utf-8"))
        for category, patterns in lex.patterns.items():
            test = compile_requirement(category_requirement([lower_pattern(p) for p in patterns]))
            rx = re.compile(category_pattern(patterns))
            for line in lines:
                if not test(line):
                    assert rx.search(line) is None, (path.stem, category, line)
