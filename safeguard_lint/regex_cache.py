"""Compiled regular expressions kept between runs, so that start-up does not recompile them.

Python compiles a regular expression by parsing it and generating the engine's program, in
Python code; for the project's hundred-odd patterns that is about a tenth of a second, paid by a
pre-commit hook on every commit. `compile_regex` behaves as `re.compile` but stores each
program in the user's cache directory and later rebuilds the regex from it, many times faster.
The store is named by the Python version and the regex engine's version and keyed by the exact
pattern and flags, so a changed pattern is compiled afresh; a store that cannot be read, does
not fit the engine, or cannot be written is not used, and matching never depends on it.
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
from collections.abc import Callable
from pathlib import Path
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre_c
from re import _parser as sre_parse

#: A compiled regex as the engine takes it: pattern, flags, code, number of groups, group names.
Program = tuple[str, int, list[int], int, dict[str, int]]

#: A store holding more programs than this (patterns edited over many versions) starts afresh.
MAX_STORED = 4096


def cache_dir() -> Path:
    """Where derived data is kept between runs: the user's cache directory.

    `$XDG_CACHE_HOME` if it is an absolute path (the XDG rule), else `~/.cache`; without a
    home directory, the system's temporary directory, never a path relative to where the
    command runs (a lint must not write into the repository it checks)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        base = os.path.join(home, ".cache") if os.path.isabs(home) else tempfile.gettempdir()
    return Path(base) / "safeguard-lint"


def engine_key() -> str:
    """A short hash naming this Python and regex engine: programs of another never fit."""
    return hashlib.sha256(f"{sys.version}|{sre_c.MAGIC}".encode()).hexdigest()[:16]


def program_of(pattern: str, flags: int = 0) -> Program | None:
    """Parse and compile `pattern` into the engine's program, or None if the engine differs."""
    try:
        parsed = sre_parse.parse(pattern, flags)
        code = [int(op) for op in sre_compile._code(parsed, flags)]
        groups = parsed.state.groups - 1
        return pattern, int(flags | parsed.state.flags), code, groups, dict(parsed.state.groupdict)
    except (AttributeError, TypeError):
        return None


def build(program: Program) -> re.Pattern[str] | None:
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


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file renamed over `path`; any error leaves `path` as it was."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def rebuilt_or_compiled(
    stored: Program | None, pattern: Callable[[], str], flags: int = 0
) -> tuple[re.Pattern[str], Program | None]:
    """The regex of a stored program; else the pattern compiled, with its program to store
    (None when there is nothing to store: the engine's internals differ from ours)."""
    if stored is not None and (rx := build(stored)) is not None:
        return rx, None
    text = pattern()
    program = program_of(text, flags)
    rx = build(program) if program is not None else None
    if program is None or rx is None:
        return re.compile(text, flags), None
    return rx, program


class ProgramStore:
    """Regex programs by (pattern, flags), read from one file and written back when it grew."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._programs: dict[tuple[str, int], Program] = {}
        self._dirty = False
        try:
            stored = marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return
        if isinstance(stored, dict) and len(stored) <= MAX_STORED:
            self._programs = stored

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(pattern, flags)`, rebuilt from the stored program when there is one."""
        key = (pattern, int(flags))  # a plain int: marshal does not take `re.RegexFlag`
        rx, new = rebuilt_or_compiled(self._programs.get(key), lambda: pattern, flags)
        if new is not None:
            self._programs[key] = new
            if not self._dirty:
                self._dirty = True
                atexit.register(self.save)
        return rx

    def save(self) -> None:
        """Write the store if it holds programs compiled in this run; errors are ignored."""
        if self._dirty:
            self._dirty = False
            with contextlib.suppress(ValueError):
                write_atomically(self.path, marshal.dumps(self._programs))


_store: ProgramStore | None = None


def compile_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a regular expression as `re.compile` does, through the store kept between runs."""
    global _store
    if _store is None:
        _store = ProgramStore(cache_dir() / f"regex-{engine_key()}.marshal")
    return _store.compile(pattern, flags)
