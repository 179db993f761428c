"""The matcher's scanning regex finds exactly what the plain category regex finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from safeguard_lint.semantics.lexicon import Lexicon, parse_lexicon
from safeguard_lint.semantics.matcher import CategoryMatcher, category_pattern, fold, scan_pattern

CASES = [
    # Overlapping starts: "data" inside "personal data" must not be reported again.
    (["personal\\s+data", "data"], "personal data and data-sets; the data"),
    # A longer alternative that fails at the boundary gives way to a shorter one.
    (["court", "court\\s+order"], "a court orders; the court order"),
    # Optional leading words, so a match may begin with several letters.
    (["(?:it\\s+)?is\\s+not\\s+(?:an\\s+)?offen[cs]e", "shall\\s+not"], "it is not an offence"),
    # A back-reference keeps the plain regex (a group around it would renumber it).
    (["(a)x\\1"], "axa bxb axa"),
    # A pattern that may match nothing keeps the plain regex too.
    (["x?"], "x y -x"),
    # Punctuation and brackets at the start.
    (["\\[[^\\]\\n]{1,60}\\]"], "see [note 1][note 2] and [x]"),
]


def _plain(patterns: list[str], text: str) -> list[tuple[int, int]]:
    rx = re.compile(category_pattern(patterns))
    return [m.span() for m in rx.finditer(text)]


def _scanned(patterns: list[str], text: str) -> list[tuple[int, int]]:
    matcher = CategoryMatcher(None, lambda: re.compile(scan_pattern(patterns)))
    return matcher.spans(text)


@pytest.mark.parametrize(("patterns", "text"), CASES)
def test_scan_pattern_finds_what_the_plain_pattern_finds(patterns: list[str], text: str) -> None:
    assert _scanned(patterns, text) == _plain(patterns, text)


def test_scan_pattern_opens_with_the_first_characters() -> None:
    assert scan_pattern(["(?:high|supreme)\\s+court", "judge"]).startswith("[hjs]")
    assert scan_pattern(["(a)x\\1"]) == category_pattern(["(a)x\\1"])


def test_every_shipped_category_scans_as_its_plain_regex() -> None:
    corpus = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev"
    texts = sorted(corpus.glob("*/source.txt"))[:3]
    if not texts:
        pytest.skip("development corpus absent")
    lexicons = Path(__file__).resolve().parents[2] / "safeguard_lint" / "lexicons"
    for path in sorted(lexicons.glob("*.toml")):
        lex = parse_lexicon(path.stem, path.read_text("utf-8"))
        for text_path in texts:
            folded = fold(text_path.read_text("utf-8")[:20000])
            for category, patterns in lex.patterns.items():
                assert _scanned(list(patterns), folded) == _plain(list(patterns), folded), (
                    path.stem,
                    category,
                )


def test_a_document_view_remembers_only_its_own_answers() -> None:
    base = Lexicon("t", {"court": ["(?:high|supreme)\\s+court", "judge"]})
    first, second = base.for_document(), base.for_document()
    text = "The High Court or a judge."
    assert [m.text for m in first.finditer(text)] == ["High Court", "judge"]
    assert first.has(text, "court") and second.has(text, "court")
    assert not second.has("a magistrate", "court")
    # The views share the lexicon's matchers but not what they remember.
    assert first._matcher("court") is second._matcher("court") is base._matcher("court")
    assert first._seen and not second._seen
