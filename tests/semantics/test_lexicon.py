"""Lexicon matching: case, word boundaries, anchors, and the cache kept between runs."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from safeguard_lint.regex_cache import cache_dir
from safeguard_lint.semantics.lexicon import Lexicon, parse_lexicon
from safeguard_lint.semantics.lexicon_cache import LexiconCache, stored_categories
from safeguard_lint.semantics.matcher import category_anchors, category_pattern, fold

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


def _stored(home: Path) -> list[Path]:
    return sorted((home / "safeguard-lint").glob("lexicon-*.marshal"))


def test_cache_stores_anchors_and_programs_and_reuses_them(_cache_home: Path) -> None:
    first = LexiconCache(CATEGORIES)
    assert first.anchors() == {
        "interception": frozenset({"intercept", "wire"}),
        "court": frozenset({"court", "judge"}),
    }
    assert first.regex("court").findall("the high court or a judge") == [
        "high court",
        "judge",
    ]
    first.save()
    (path,) = _stored(_cache_home)
    stored = marshal.loads(path.read_bytes())
    assert set(stored["programs"]) == {"court"}  # only what was compiled
    # A second run reads both back; the rebuilt regex matches as the compiled one did.
    second = LexiconCache(CATEGORIES)
    assert second.anchors() == first.anchors()
    rebuilt = second.regex("court")
    assert rebuilt.findall("supreme  court; a judge's order") == ["supreme  court", "judge"]
    inode = path.stat().st_ino
    second.save()
    assert path.stat().st_ino == inode  # nothing new, so the file was not replaced


def test_a_corrupt_or_foreign_cache_is_not_used(_cache_home: Path) -> None:
    cache = LexiconCache(CATEGORIES)
    expected = cache.anchors()
    cache.save()
    (path,) = _stored(_cache_home)
    foreign = {"anchors": {"other": None}, "programs": {}}
    refused = (category_pattern(CATEGORIES["court"]), 32, [1, 2, 3], 0, {})
    bad_program = {"anchors": {"interception": None, "court": None}, "programs": {"court": refused}}
    for junk in (b"not marshal", marshal.dumps([1, 2]), marshal.dumps(foreign)):
        path.write_bytes(junk)
        assert LexiconCache(CATEGORIES).anchors() == expected
    path.write_bytes(marshal.dumps(bad_program))
    rx = LexiconCache(CATEGORIES).regex("court")
    assert rx.findall("a judge") == ["judge"]  # the engine refused the program: compiled anew


def test_changed_patterns_use_another_cache_file(_cache_home: Path) -> None:
    for categories in (CATEGORIES, {**CATEGORIES, "court": ["magistrate"]}):
        cache = LexiconCache(categories)
        cache.anchors()
        cache.save()
    assert len(_stored(_cache_home)) == 2


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


def test_cache_directory_is_never_relative_to_the_working_directory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # invalid by the XDG rule
    monkeypatch.setenv("HOME", "/home/drafter")
    assert cache_dir() == Path("/home/drafter/.cache/safeguard-lint")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "")  # no usable home: the temporary directory
    monkeypatch.setattr("os.path.expanduser", lambda path: path)
    assert cache_dir().is_absolute()


def test_parsed_lexicon_files_are_kept_and_read_back(_cache_home: Path) -> None:
    text = '[court]\npatterns = ["judge", "(?:high|supreme)\\\\s+court"]\n'
    calls: list[int] = []

    def parse() -> dict[str, list[str]]:
        calls.append(1)
        return {"court": ["judge", "(?:high|supreme)\\s+court"]}

    first = stored_categories(text, parse)
    second = stored_categories(text, parse)
    assert first == second == {"court": ["judge", "(?:high|supreme)\\s+court"]}
    assert len(calls) == 1  # the second came from the cache
    (path,) = (_cache_home / "safeguard-lint").glob("lexicon-source-*.marshal")
    path.write_bytes(marshal.dumps({"court": "not a list"}))
    assert stored_categories(text, parse) == first and len(calls) == 2
    assert parse_lexicon("t", text).has("the High Court", "court")


def test_a_bad_lexicon_file_is_refused_not_cached(_cache_home: Path) -> None:
    with pytest.raises(ValueError, match="needs a 'patterns' list"):
        parse_lexicon("t", "[court]\ndescription = 'no patterns'\n")
    assert not list((_cache_home / "safeguard-lint").glob("lexicon-source-*.marshal"))
