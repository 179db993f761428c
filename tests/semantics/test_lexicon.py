"""Lexicon matching: case, word boundaries, anchors, and the anchor cache between runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguard_lint.semantics.lexicon import Lexicon
from safeguard_lint.semantics.matcher import category_anchors, fold, lexicon_anchors

CATEGORIES = {
    "interception": ["intercept(?:s|ing|ion)?", "wire-?tap(?:s|ping)?"],
    "court": ["(?:high|supreme)\\s+court", "judge"],
}


@pytest.fixture(autouse=True)
def _cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def test_matches_any_case_on_word_boundaries_with_original_text() -> None:
    lex = Lexicon("t", CATEGORIES)
    text = "The Police may INTERCEPT calls; interceptor devices and re-intercept are not words."
    found = [(m.category, m.text, m.start) for m in lex.finditer(text, 100)]
    assert found == [("interception", "INTERCEPT", 100 + text.index("INTERCEPT"))]


def test_search_returns_the_earliest_match_of_any_category() -> None:
    lex = Lexicon("t", CATEGORIES)
    m = lex.search("A judge of the High Court may order a wiretap.")
    assert m is not None and (m.category, m.text) == ("court", "judge")
    assert lex.has("wiretapping", "interception")
    assert not lex.has("the judge", "interception")


def test_anchors_are_literals_every_match_contains() -> None:
    assert category_anchors(["(?:high|supreme)\\s+court", "judge"]) == {"court", "judge"}
    # A pattern without a literal of three characters cannot be pre-filtered.
    assert category_anchors(["a\\s+b", "judge"]) is None


def test_long_texts_are_scanned_around_anchors_only() -> None:
    lex = Lexicon("t", CATEGORIES)
    text = "Nothing here. " * 800 + "An order to intercept. " + "Filler text. " * 800
    assert [m.text for m in lex.finditer(text)] == ["intercept"]


def test_anchor_cache_is_written_once_and_read_back(_cache_home: Path) -> None:
    assert lexicon_anchors(CATEGORIES) == {
        "interception": frozenset({"intercept", "wire"}),
        "court": frozenset({"court", "judge"}),
    }
    files = list((_cache_home / "safeguard-lint").glob("anchors-*.json"))
    assert len(files) == 1
    files[0].write_text('{"interception": ["zzz"], "court": null}', encoding="utf-8")
    # The cache is trusted when its shape fits: what was stored is what is read.
    assert lexicon_anchors(CATEGORIES) == {"interception": frozenset({"zzz"}), "court": None}


def test_a_corrupt_or_foreign_cache_is_recomputed(_cache_home: Path) -> None:
    expected = lexicon_anchors(CATEGORIES)
    (cache,) = (_cache_home / "safeguard-lint").glob("anchors-*.json")
    for junk in ("not json", "[1, 2]", '{"other": null}'):
        cache.write_text(junk, encoding="utf-8")
        assert lexicon_anchors(CATEGORIES) == expected


def test_changed_patterns_use_another_cache_entry(_cache_home: Path) -> None:
    lexicon_anchors(CATEGORIES)
    lexicon_anchors({**CATEGORIES, "court": ["magistrate"]})
    assert len(list((_cache_home / "safeguard-lint").glob("anchors-*.json"))) == 2


def test_an_unwritable_cache_still_matches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # a file, so no directory can be made
    lex = Lexicon("t", CATEGORIES)
    assert lex.has("they shall intercept", "interception")


def test_fold_keeps_offsets() -> None:
    text = "İstanbul Court"  # "İ".lower() is two characters
    assert len(fold(text)) == len(text)
    assert fold(text).endswith("court")
