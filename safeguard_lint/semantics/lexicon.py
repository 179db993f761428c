"""Lexicons: the legal vocabulary rules look for, kept as data in `safeguard_lint/lexicons/`.

Each TOML file is one lexicon (its stem is the lexicon's name); each top-level table in it is a
category with a `patterns` list of case-insensitive regular-expression fragments, matched on word
boundaries, and an optional `description`:

    [judicial]
    description = "A judge or court"
    patterns = ["judge", "court", "judicial authorit(?:y|ies)"]

Users extend a lexicon from configuration (`[tool.safeguard-lint.lexicons.authorisers]
judicial = ["magistrate"]`) without code. Each category compiles once, on first use, for fast
matching on lower-cased text (`semantics.matcher`).
"""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.semantics.lexicon_cache import LexiconCache, stored_categories
from safeguard_lint.semantics.matcher import CategoryMatcher, category_pattern, fold
from safeguard_lint.semantics.requirements import Requirement

#: Marks a category whose matcher is not built yet (None marks one with no patterns).
_UNBUILT = CategoryMatcher(None, lambda: re.compile(""))
#: The matches of a category in a text that holds none (shared, never changed).
_NONE: list[tuple[int, int]] = []


@dataclass(frozen=True, slots=True)
class LexMatch:
    """One occurrence of a lexicon category in a text, with absolute offsets."""

    lexicon: str
    category: str
    start: int
    end: int
    text: str


class Lexicon:
    """One lexicon: named categories, each matched fast on lower-cased text."""

    def __init__(self, name: str, categories: Mapping[str, Sequence[str]]) -> None:
        self.name = name
        self.patterns: dict[str, tuple[str, ...]] = {
            cat: tuple(pats) for cat, pats in categories.items()
        }
        # Built on first use: a run asks for a fraction of the categories, and compiling every
        # one up front dominated start-up.
        self._matchers: dict[str, CategoryMatcher | None] = {}
        self._cache: LexiconCache | None = None
        self._anchors: dict[str, frozenset[str] | None] = {}
        self._requirements: dict[str, Requirement] = {}
        self._compiled: dict[str, re.Pattern[str] | None] = {}
        # Matchers are built on the lexicon itself; a view for one document shares them.
        self._base = self
        self._seen: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self._present: dict[tuple[str, str], bool] = {}

    def for_document(self) -> Lexicon:
        """A view of this lexicon for one document: it remembers the matches of each category
        in each text, since rules ask the same category of the same sentence again and
        again, and forgets them with the document."""
        view = copy.copy(self)
        view._seen = {}
        view._present = {}
        return view

    @property
    def categories(self) -> tuple[str, ...]:
        """The category names, in file order."""
        return tuple(self.patterns)

    def regex(self, category: str) -> re.Pattern[str] | None:
        """One category as a case-insensitive regex on word boundaries, or None when empty."""
        if category not in self._compiled:
            pats = self.patterns.get(category)
            self._compiled[category] = (
                compile_regex(category_pattern(pats), re.IGNORECASE) if pats else None
            )
        return self._compiled[category]

    def _matcher(self, category: str) -> CategoryMatcher | None:
        base = self._base
        matcher = base._matchers.get(category, _UNBUILT)
        if matcher is not _UNBUILT:
            return matcher
        if base._cache is None:
            base._cache = LexiconCache(base.patterns)
            base._anchors = base._cache.anchors()
            base._requirements = base._cache.requirements()
        cache = base._cache
        matcher = (
            CategoryMatcher(
                base._anchors.get(category),
                lambda: cache.regex(category),
                base._requirements.get(category),
            )
            if base.patterns.get(category)
            else None
        )
        base._matchers[category] = matcher
        return matcher

    def _spans(self, category: str, folded: str) -> list[tuple[int, int]]:
        """The (start, end) of every match of one category in `folded` (not to be changed)."""
        key = (category, folded)
        found = self._seen.get(key)
        if found is None:
            matcher = self._matcher(category)
            if matcher is None or self._present.get(key) is False:
                found = _NONE
            else:
                found = matcher.spans(folded)
            self._seen[key] = found
        return found

    def _occurs(self, category: str, folded: str) -> bool:
        """Whether one category matches in `folded` (stopping at the first match)."""
        key = (category, folded)
        found = self._seen.get(key)
        if found is not None:
            return bool(found)
        present = self._present.get(key)
        if present is None:
            matcher = self._matcher(category)
            present = matcher is not None and matcher.search(folded) is not None
            self._present[key] = present
        return present

    def _matches(self, category: str, text: str, offset: int, folded: str | None) -> list[LexMatch]:
        """The matches of one category in `text`, in order, shifted by `offset`."""
        spans = self._spans(category, fold(text) if folded is None else folded)
        if not spans:
            return []
        name = self.name
        return [
            LexMatch(name, category, start + offset, end + offset, text[start:end])
            for start, end in spans
        ]

    def finditer(
        self,
        text: str,
        offset: int = 0,
        categories: Sequence[str] | None = None,
        *,
        folded: str | None = None,
    ) -> Iterator[LexMatch]:
        """Yield every match of the given categories (all by default) in `text`, category by
        category.

        Offsets are shifted by `offset`, so matches on a slice point into the whole source.
        A caller that already holds `fold(text)` passes it as `folded`.
        """
        low = fold(text) if folded is None else folded
        for cat in categories or self.patterns:
            yield from self._matches(cat, text, offset, low)

    def search(self, text: str, category: str | None = None, offset: int = 0) -> LexMatch | None:
        """Return the first match in `text` (of one category, or of any), else None."""
        best: LexMatch | None = None
        for cat in [category] if category else self.patterns:
            found = self._matches(cat, text, offset, None)
            if found and (best is None or found[0].start < best.start):
                best = found[0]
        return best

    def has(self, text: str, category: str | None = None) -> bool:
        """Whether any pattern (of one category, or of any) occurs in `text`."""
        low = fold(text)
        return any(self._occurs(cat, low) for cat in ([category] if category else self.patterns))

    def extended(self, extra: Mapping[str, Sequence[str]]) -> Lexicon:
        """Return a copy with extra patterns added (new categories allowed).

        Extensions are literal phrases unless they start with `re:`.
        """
        merged = {cat: list(pats) for cat, pats in self.patterns.items()}
        for cat, pats in extra.items():
            merged.setdefault(cat, []).extend(
                p[3:] if p.startswith("re:") else _phrase(p) for p in pats
            )
        return Lexicon(self.name, merged)


def _phrase(literal: str) -> str:
    """A literal phrase as a pattern: escaped, with any run of spaces matching any whitespace."""
    return r"\s+".join(re.escape(w) for w in literal.split())


@cache
def builtin(name: str) -> Lexicon:
    """Load a lexicon shipped with the package by name (the file stem), cached."""
    data = resources.files("safeguard_lint.lexicons").joinpath(f"{name}.toml").read_text("utf-8")
    return parse_lexicon(name, data)


@lru_cache(maxsize=64)
def configured(name: str, extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Lexicon:
    """A shipped lexicon with configured extensions (category, phrases), built once per process
    for each setting so that its categories compile once."""
    base = builtin(name)
    return base.extended(dict(extra)) if extra else base


def parse_lexicon(name: str, toml_text: str) -> Lexicon:
    """Parse the TOML text of a lexicon file into a Lexicon (read back from the cache when the
    same text was parsed before)."""
    return Lexicon(name, stored_categories(toml_text, lambda: _categories(name, toml_text)))


def _categories(name: str, toml_text: str) -> dict[str, list[str]]:
    table = tomllib.loads(toml_text)
    cats: dict[str, list[str]] = {}
    for cat, body in table.items():
        if not isinstance(body, dict) or not isinstance(body.get("patterns"), list):
            raise ValueError(f"lexicon {name}: category {cat!r} needs a 'patterns' list")
        cats[cat] = [str(p) for p in body["patterns"]]
    return cats
