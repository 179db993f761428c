"""What a lexicon derives from its patterns, kept between runs: anchors and compiled regexes.

Reading the anchors of every category and compiling the regexes a text needs take a few hundred
milliseconds, which a pre-commit hook would pay on every commit. A `LexiconCache` stores, per
lexicon, the anchors and requirements of its categories and the compiled program of each
category regex once built; later runs rebuild a regex from its program, about eighty times
faster than compiling it. The file is named by a hash of the patterns, the Python version and
the regex engine's version, so any change to a lexicon or to its configured extensions starts
afresh. A cache that cannot be read, does not fit, or cannot be written is not used: matching
never depends on it. `stored_categories` keeps, the same way, the categories read from a
lexicon file's TOML text (parsing TOML is pure Python and cost a hook some twenty
milliseconds).
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import re
from collections.abc import Callable, Mapping, Sequence

from safeguard_lint.regex_cache import (
    Program,
    cache_dir,
    engine_key,
    rebuilt_or_compiled,
    write_atomically,
)
from safeguard_lint.semantics.matcher import category_anchors, lower_pattern, scan_pattern
from safeguard_lint.semantics.requirements import Requirement, category_requirement

Anchors = frozenset[str] | None

#: Changes whenever what the file holds changes, so that an older file is never read as this one.
_FORMAT = 6


class LexiconCache:
    """The stored anchors and regex programs of one lexicon (its categories' patterns)."""

    def __init__(self, categories: Mapping[str, Sequence[str]]) -> None:
        key = repr((_FORMAT, engine_key(), sorted((c, list(p)) for c, p in categories.items())))
        digest = hashlib.sha256(key.encode()).hexdigest()[:24]
        self.path = cache_dir() / f"lexicon-{digest}.marshal"
        self._categories = categories
        self._anchors: dict[str, list[str] | None] = {}
        self._requirements: dict[str, Requirement] = {}
        self._programs: dict[str, Program] = {}
        self._dirty = False
        self._load()

    def _load(self) -> None:
        try:
            data = marshal.loads(self.path.read_bytes())
            anchors, programs = data["anchors"], data["programs"]
            requirements = data["requirements"]
            if not all(isinstance(d, dict) for d in (anchors, programs, requirements)):
                return
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            return
        if anchors.keys() == self._categories.keys():
            self._anchors = anchors
            if requirements.keys() == anchors.keys():
                self._requirements = requirements
            self._programs = {c: p for c, p in programs.items() if c in self._categories}

    def anchors(self) -> dict[str, Anchors]:
        """The anchors of every category: the stored ones, else computed from the patterns."""
        if self._anchors:
            return {c: None if a is None else frozenset(a) for c, a in self._anchors.items()}
        found = {
            cat: category_anchors([lower_pattern(p) for p in pats]) if pats else None
            for cat, pats in self._categories.items()
        }
        self._anchors = {c: None if a is None else sorted(a) for c, a in found.items()}
        self._mark_dirty()
        return found

    def requirements(self) -> dict[str, Requirement]:
        """The requirement (`semantics.requirements`) of every category: the stored ones, else
        computed from the patterns."""
        if not self._requirements:
            self._requirements = {
                cat: category_requirement([lower_pattern(p) for p in pats]) if pats else None
                for cat, pats in self._categories.items()
            }
            self._mark_dirty()
        return self._requirements

    def regex(self, category: str) -> re.Pattern[str]:
        """The regex of one category (`matcher.scan_pattern`), rebuilt from its stored program if
        any, so that a run with a warm cache neither builds nor compiles the pattern."""
        rx, new = rebuilt_or_compiled(
            self._programs.get(category), lambda: scan_pattern(self._categories[category])
        )
        if new is not None:
            self._programs[category] = new
            self._mark_dirty()
        return rx

    def _mark_dirty(self) -> None:
        if not self._dirty:
            self._dirty = True
            atexit.register(self.save)

    def save(self) -> None:
        """Write the cache atomically (a temporary file renamed over it); errors are ignored."""
        if not self._dirty:
            return
        self._dirty = False
        data = marshal.dumps(
            {
                "anchors": self._anchors,
                "programs": self._programs,
                "requirements": self._requirements,
            }
        )
        write_atomically(self.path, data)


def stored_categories(
    toml_text: str, parse: Callable[[], dict[str, list[str]]]
) -> dict[str, list[str]]:
    """The categories that `parse()` reads from a lexicon file's TOML text, kept between runs
    in a file named by a hash of that text."""
    digest = hashlib.sha256(f"{_FORMAT}|{toml_text}".encode()).hexdigest()[:24]
    path = cache_dir() / f"lexicon-source-{digest}.marshal"
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        stored = None
    if isinstance(stored, dict) and all(
        isinstance(c, str) and isinstance(p, list) and all(isinstance(x, str) for x in p)
        for c, p in stored.items()
    ):
        return stored
    categories = parse()
    write_atomically(path, marshal.dumps(categories))
    return categories
