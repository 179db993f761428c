"""The fix engine: ordered non-overlapping edits, the re-check loop, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from safeguard_lint.ast import Span
from safeguard_lint.errors import InputError
from safeguard_lint.findings import Edit, Finding, Fix
from safeguard_lint.fixes import MAX_PASSES, apply_edits, choose, fix_text, write_atomic


def _edit(start: int, end: int, text: str) -> Edit:
    return Edit(span=Span(start=start, end=end), replacement=text)


def _finding(start: int, end: int, text: str, applicability: str = "safe") -> Finding:
    return Finding.model_validate(
        {
            "code": "ZZ01",
            "name": "n",
            "severity": "warning",
            "message": "m",
            "span": Span(start=start, end=end),
            "fix": Fix(message="f", edits=[_edit(start, end, text)], applicability=applicability),
        }
    )


def test_edits_apply_in_order_and_keep_the_rest() -> None:
    text = "a\r\nbb\r\nccc"
    assert apply_edits(text, [_edit(7, 10, "C"), _edit(0, 1, "A"), _edit(3, 3, ">")]) == (
        "A\r\n>bb\r\nC"
    )
    with pytest.raises(ValueError, match="overlaps"):
        apply_edits(text, [_edit(0, 4, ""), _edit(3, 5, "")])
    with pytest.raises(ValueError):
        apply_edits(text, [_edit(9, 20, "")])


def test_choose_skips_overlapping_and_unsafe_fixes() -> None:
    first, clash, later = _finding(0, 4, "x"), _finding(2, 6, "y"), _finding(8, 9, "z")
    unsafe = _finding(10, 11, "u", "unsafe")
    assert choose([later, clash, first, unsafe], unsafe=False) == [first, later]
    assert choose([later, clash, first, unsafe], unsafe=True) == [first, later, unsafe]


def test_fix_loop_rechecks_until_clean_and_stops_at_the_cap() -> None:
    def lint(text: str) -> list[Finding]:
        at = text.find("  ")
        return [] if at == -1 else [_finding(at, at + 2, " ")]

    result = fix_text("a    b  c", lint)
    assert result.source == "a b c" and not result.remaining and len(result.fixed) == 4

    def endless(text: str) -> list[Finding]:
        return [_finding(0, 0, "+")]

    assert fix_text("x", endless).source == "+" * MAX_PASSES + "x"


def test_atomic_write_replaces_or_leaves_untouched(tmp_path: Path) -> None:
    target = tmp_path / "bill.txt"
    target.write_bytes(b"old\r\n")
    os.chmod(target, 0o640)
    write_atomic(target, "new\r\n", "utf-8")
    assert target.read_bytes() == b"new\r\n" and target.stat().st_mode & 0o777 == 0o640
    with pytest.raises(InputError, match="latin-1"):
        write_atomic(target, "caf\u00e9 \u2014 \u4e2d", "latin-1")
    assert target.read_bytes() == b"new\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bill.txt"]
