"""Running one rule on a text, for the rule tests of the SC, CO, DP and IC groups."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguard_lint.findings import Finding
from safeguard_lint.parsing import parse
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.rules.registry import all_rules

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(code: str, text: str) -> list[Finding]:
    """The findings of rule `code` on `text`."""
    return list(all_rules()[code]().check(RuleContext(parse(text))))


def corpus(slug: str) -> str:
    """The source of one corpus text, skipping the test when the corpus is absent."""
    path = CORPUS / slug / "source.txt"
    if not path.exists():
        pytest.skip("corpus not available")
    return path.read_text(encoding="utf-8")


def labels(code: str, text: str) -> set[str]:
    """The provision labels at which rule `code` fires on `text`."""
    return {f.provision.label for f in run(code, text)}
