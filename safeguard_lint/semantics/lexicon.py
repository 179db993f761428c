"""Lexicons: the legal vocabulary rules look for, kept as data in `safeguard_lint/lexicons/`.

Each TOML file is one lexicon (its stem is the lexicon's name); each top-level table in it is a
category with a `patterns` list of case-insensitive regular-expression fragments, matched on word
boundaries, and an optional `description`:

    [judicial]
    description = "A judge or court"
    patterns = ["judge", "court", "judicial authorit(?:y|ies)"]

Users extend a lexicon from configuration (`[tool.safeguard-lint.lexicons.authorisers]
judicial = ["magistrate"]`) without code. Each category compiles once to one regex.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class LexMatch:
    """One occurrence of a lexicon category in a text, with absolute offsets."""

    lexicon: str
    category: str
    start: int
    end: int
    text: str


class Lexicon:
    """One lexicon: named categories, each compiled to a single case-insensitive regex."""

    def __init__(self, name: str, categories: Mapping[str, Sequence[str]]) -> None:
        self.name = name
        self.patterns: dict[str, tuple[str, ...]] = {
            cat: tuple(pats) for cat, pats in categories.items()
        }
        # Compiled on first use: many categories are only ever matched through the lower-case
        # `semantics.matcher`, and compiling every category up front dominated start-up.
        self._compiled: dict[str, re.Pattern[str] | None] = {}

    @property
    def categories(self) -> tuple[str, ...]:
        """The category names, in file order."""
        return tuple(self.patterns)

    def regex(self, category: str) -> re.Pattern[str] | None:
        """The compiled regex of one category, or None when it has no patterns."""
        if category not in self._compiled:
            pats = self.patterns.get(category)
            self._compiled[category] = _compile(pats) if pats else None
        return self._compiled[category]

    def finditer(
        self, text: str, offset: int = 0, categories: Sequence[str] | None = None
    ) -> Iterator[LexMatch]:
        """Yield every match of the given categories (all by default) in `text`.

        Offsets are shifted by `offset`, so matches on a slice point into the whole source.
        """
        for cat in categories or self.categories:
            rx = self.regex(cat)
            if rx is None:
                continue
            for m in rx.finditer(text):
                yield LexMatch(self.name, cat, m.start() + offset, m.end() + offset, m.group())

    def search(self, text: str, category: str | None = None) -> LexMatch | None:
        """Return the first match in `text` (of one category, or of any), else None."""
        best: LexMatch | None = None
        for m in self.finditer(text, 0, [category] if category else None):
            if best is None or m.start < best.start:
                best = m
        return best

    def has(self, text: str, category: str | None = None) -> bool:
        """Whether any pattern (of one category, or of any) occurs in `text`."""
        cats = [category] if category else self.categories
        return any((rx := self.regex(c)) is not None and rx.search(text) for c in cats)

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


def _compile(patterns: Sequence[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@cache
def builtin(name: str) -> Lexicon:
    """Load a lexicon shipped with the package by name (the file stem), cached."""
    data = resources.files("safeguard_lint.lexicons").joinpath(f"{name}.toml").read_text("utf-8")
    return parse_lexicon(name, data)


def parse_lexicon(name: str, toml_text: str) -> Lexicon:
    """Parse the TOML text of a lexicon file into a Lexicon."""
    table = tomllib.loads(toml_text)
    cats: dict[str, list[str]] = {}
    for cat, body in table.items():
        if not isinstance(body, dict) or not isinstance(body.get("patterns"), list):
            raise ValueError(f"lexicon {name}: category {cat!r} needs a 'patterns' list")
        cats[cat] = [str(p) for p in body["patterns"]]
    return Lexicon(name, cats)

