"""Running one safeguard rule (JR, RM, PL, HR, OV) on a text written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguard_lint.findings import Finding
from safeguard_lint.parsing import parse
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.rules.registry import all_rules

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"


def findings(code: str, text: str) -> list[Finding]:
    """The findings of rule `code` on `text`."""
    return list(all_rules()[code]().check(RuleContext(parse(text))))


def fired_on(code: str, text: str) -> list[str]:
    """The words at fault of each finding of `code` on `text`."""
    return [text[f.span.start : f.span.end] for f in findings(code, text)]


def corpus(slug: str) -> str:
    """The source of one corpus text; the test is skipped when the corpus is absent."""
    path = CORPUS / slug / "source.txt"
    if not path.exists():
        pytest.skip("corpus not available")
    return path.read_text(encoding="utf-8")
