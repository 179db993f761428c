"""Golden parse trees: hand-written inputs of every shape the parser must handle, and the examples.

Each expected tree in golden/ was reviewed by eye against the legislative structure of its input.
After an intended parser change, regenerate with `python tests/parsing/golden_trees.py` and review
the diff before committing it.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from golden_trees import CASES, inputs, read_source, render

PAIRS = inputs()


def _id(pair: tuple[Path, Path]) -> str:
    return pair[0].name


@pytest.mark.parametrize("pair", PAIRS, ids=[_id(p) for p in PAIRS])
def test_parse_tree_matches_golden(pair: tuple[Path, Path]) -> None:
    source_path, expected_path = pair
    assert expected_path.exists(), (
        f"no golden tree for {source_path.name}: run python tests/parsing/golden_trees.py "
        "and review the new file"
    )
    expected = expected_path.read_text("utf-8")
    actual = render(read_source(source_path))
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                "expected",
                "actual",
                n=2,
            )
        )
        pytest.fail(f"parse tree of {source_path.name} changed:\n{diff[:4000]}")


def test_every_golden_tree_has_its_input() -> None:
    orphans = [p.name for p in CASES.glob("*.json") if not p.with_suffix(".txt").exists()]
    assert not orphans


def test_line_ending_cases_are_stored_byte_exact() -> None:
    assert b"\r\n" in (CASES / "line_endings_crlf.txt").read_bytes()
    cr = (CASES / "line_endings_cr.txt").read_bytes()
    assert b"\r" in cr and b"\n" not in cr
