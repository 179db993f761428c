"""The fix engine: apply the edits findings offer, re-check, repeat; write files atomically.

Edits are replacements of half-open offset spans in the decoded text. A pass takes the fixes
whose edits do not overlap any fix already taken (in document order), applies them from the
untouched source, then re-parses and re-checks, up to `MAX_PASSES`. A file is written through a
temporary file in its own directory and an atomic rename, so it is either fully rewritten or
left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from safeguard_lint.errors import InputError
from safeguard_lint.findings import Edit, Finding

#: Passes of fix, re-parse and re-check before giving up (fixes that keep firing stop here).
MAX_PASSES = 10

#: A lint function: text in, its remaining (unsuppressed) findings out.
Linter = Callable[[str], list[Finding]]


def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    """Apply edits to `source`, copying the text between them untouched.

    Raises ValueError when two edits overlap or an edit lies outside the text.
    """
    ordered = sorted(edits, key=lambda e: (e.span.start, e.span.end))
    out: list[str] = []
    cursor = 0
    for edit in ordered:
        start, end = edit.span.start, edit.span.end
        if start < cursor or end < start or end > len(source):
            raise ValueError(f"edit {start}:{end} overlaps another edit or leaves the text")
        out.append(source[cursor:start])
        out.append(edit.replacement)
        cursor = end
    out.append(source[cursor:])
    return "".join(out)


def fixable(finding: Finding, unsafe: bool) -> bool:
    """Whether a finding's fix may be applied (unsafe fixes only when asked for)."""
    fix = finding.fix
    return fix is not None and bool(fix.edits) and (unsafe or fix.applicability == "safe")


def choose(findings: Iterable[Finding], unsafe: bool) -> list[Finding]:
    """The findings whose fixes can be applied together in one pass, in document order."""
    taken: list[Finding] = []
    spans: list[tuple[int, int]] = []
    candidates = [f for f in findings if fixable(f, unsafe)]
    for finding in sorted(candidates, key=lambda f: f.sort_key()):
        assert finding.fix is not None
        mine = [(e.span.start, e.span.end) for e in finding.fix.edits]
        if any((a < d and c < b) or a == b == c == d for a, b in mine for c, d in spans):
            continue
        taken.append(finding)
        spans.extend(mine)
    return taken


@dataclass
class FixResult:
    """The text after fixing, the findings fixed, and the findings that remain."""

    source: str
    fixed: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether any fix was applied."""
        return bool(self.fixed)


def fix_text(source: str, lint: Linter, *, unsafe: bool = False) -> FixResult:
    """Fix `source` with the findings `lint` reports, re-linting after each pass."""
    findings = lint(source)
    fixed: list[Finding] = []
    for _ in range(MAX_PASSES):
        chosen = choose(findings, unsafe)
        if not chosen:
            break
        updated = apply_edits(source, [e for f in chosen if f.fix for e in f.fix.edits])
        if updated == source:
            break
        fixed.extend(chosen)
        source = updated
        findings = lint(source)
    return FixResult(source, fixed, findings)


def write_atomic(path: Path, text: str, encoding: str) -> None:
    """Replace the file at `path` with `text`, or leave it untouched and raise InputError."""
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise InputError(f"fixed text cannot be written as {encoding}: {exc.reason}") from None
    directory = path.resolve().parent
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"cannot write fixes: {exc.strerror or exc}") from None
