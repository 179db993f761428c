"""Baselines: record today's findings so a repository fails only on new ones.

A finding is known by its file, rule code, provision eId and offending words (whitespace
collapsed), never by line number, so edits elsewhere in a bill do not disturb the baseline.
Each identity carries a count: two identical findings in a provision need two entries.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from safeguard_lint.errors import InputError
from safeguard_lint.report import FileResult

FORMAT_VERSION = 1

Key = tuple[str, str, str, str]


def _relative(path: str, base: Path) -> str:
    if path == "-":
        return path
    return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()


def keys(results: list[FileResult], base: Path) -> Counter[Key]:
    """The identities of every finding in `results`, with paths relative to `base`."""
    counter: Counter[Key] = Counter()
    for result in results:
        rel = _relative(result.path, base)
        for finding in result.findings:
            counter[(rel, *result.key(finding))] += 1
    return counter


def write(path: Path, results: list[FileResult]) -> int:
    """Write the baseline of `results` to `path`; return the number of findings recorded."""
    counter = keys(results, path.parent)
    entries = [
        {"path": p, "code": c, "eid": e, "text": t, "count": n}
        for (p, c, e, t), n in sorted(counter.items())
    ]
    body = {"version": FORMAT_VERSION, "tool": "safeguard-lint", "findings": entries}
    try:
        path.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write baseline: {exc.strerror or exc}") from None
    return sum(counter.values())


def read(path: Path) -> Counter[Key]:
    """Read a baseline file; raise InputError when it is missing or malformed."""
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        if body.get("version") != FORMAT_VERSION:
            raise InputError(f"unsupported baseline version {body.get('version')!r}")
        return Counter(
            {(e["path"], e["code"], e["eid"], e["text"]): int(e["count"]) for e in body["findings"]}
        )
    except OSError as exc:
        raise InputError(f"cannot read baseline: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"not a safeguard-lint baseline ({type(exc).__name__}: {exc})") from None


def subtract(results: list[FileResult], known: Counter[Key], base: Path) -> int:
    """Drop findings the baseline knows (each entry absorbs its count); return how many."""
    remaining = Counter(known)
    dropped = 0
    for result in results:
        rel = _relative(result.path, base)
        kept = []
        for finding in result.sorted_findings():
            key = (rel, *result.key(finding))
            if remaining[key] > 0:
                remaining[key] -= 1
                dropped += 1
            else:
                kept.append(finding)
        result.findings = kept
    return dropped
