"""What a lexicon derives from its patterns, kept between runs: anchors and compiled regexes.

Reading the anchors of every category and compiling the regexes a text needs take a few hundred
milliseconds, which a pre-commit hook would pay on every commit. A `LexiconCache` stores, per
lexicon, the anchors of its categories and the compiled program of each category regex once
built; later runs rebuild a regex from its program, about eighty times faster than compiling
it. The file is named by a hash of the patterns, the Python version and the regex engine's
version, so any change to a lexicon or to its configured extensions starts afresh. A cache that
cannot be read, does not fit, or cannot be written is not used: matching never depends on it.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the regex engine, as re._compiler uses it
import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre_c
from re import _parser as sre_parse

from safeguard_lint.semantics.matcher import category_anchors, category_pattern, lower_pattern

#: A compiled regex as the engine takes it: pattern, flags, code, number of groups, group names.
Program = tuple[str, int, list[int], int, dict[str, int]]
Anchors = frozenset[str] | None


def cache_dir() -> Path:
    """Where derived lexicon data is kept between runs: the user's cache directory.

    `$XDG_CACHE_HOME` if it is an absolute path (the XDG rule), else `~/.cache`; without a
    home directory, the system's temporary directory, never a path relative to where the
    command runs (a lint must not write into the repository it checks)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        base = os.path.join(home, ".cache") if os.path.isabs(home) else tempfile.gettempdir()
    return Path(base) / "safeguard-lint"


class LexiconCache:
    """The stored anchors and regex programs of one lexicon (its categories' patterns)."""

    def __init__(self, categories: Mapping[str, Sequence[str]]) -> None:
        key = repr((sys.version, sre_c.MAGIC, sorted((c, list(p)) for c, p in categories.items())))
        digest = hashlib.sha256(key.encode()).hexdigest()[:24]
        self.path = cache_dir() / f"lexicon-{digest}.marshal"
        self._categories = categories
        self._anchors: dict[str, list[str] | None] = {}
        self._programs: dict[str, Program] = {}
        self._dirty = False
        self._load()

    def _load(self) -> None:
        try:
            data = marshal.loads(self.path.read_bytes())
            anchors, programs = data["anchors"], data["programs"]
            if not (isinstance(anchors, dict) and isinstance(programs, dict)):
                return
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            return
        if anchors.keys() == self._categories.keys():
            self._anchors = anchors
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

    def regex(self, category: str) -> re.Pattern[str]:
        """The regex of one category (`category_pattern`), rebuilt from its stored program if
        any, so that a run with a warm cache neither builds nor compiles the pattern."""
        stored = self._programs.get(category)
        if stored is not None and (rx := _build(stored)) is not None:
            return rx
        pattern = category_pattern(self._categories[category])
        program = _program(pattern)
        rx = _build(program) if program is not None else None
        if program is None or rx is None:
            return re.compile(pattern)  # an engine whose internals differ: nothing to store
        self._programs[category] = program
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
        data = marshal.dumps({"anchors": self._anchors, "programs": self._programs})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".lexicon-", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _program(pattern: str) -> Program | None:
    """Parse and compile `pattern` into the engine's program, or None if the engine differs."""
    try:
        parsed = sre_parse.parse(pattern, 0)
        code = [int(op) for op in sre_compile._code(parsed, 0)]
        flags, groups = int(parsed.state.flags), parsed.state.groups - 1
        return pattern, flags, code, groups, dict(parsed.state.groupdict)
    except (AttributeError, TypeError):
        return None


def _build(program: Program) -> re.Pattern[str] | None:
    """The regex object of a program, or None when the engine refuses it."""
    try:
        pattern, flags, code, groups, names = program
        index: list[str | None] = [None] * (groups + 1)
        for name, i in names.items():
            index[i] = name
        rx: re.Pattern[str] = _sre.compile(pattern, flags, code, groups, names, tuple(index))
    except (TypeError, ValueError, RuntimeError, IndexError):
        return None
    return rx
