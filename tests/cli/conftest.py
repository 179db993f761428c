"""Fixtures of the command-line tests: a rule with a safe fix, registered only while needed."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from safeguard_lint.rules.base import REGISTRY
from safeguard_lint.rules.registry import all_rules

PLUGIN = Path(__file__).resolve().parents[1] / "hook" / "plugin"


@pytest.fixture
def repeated_word_rule() -> Iterator[str]:
    """Register the test pack's ZZ01 (repeated word, safe fix) for one test; yield its code."""
    sys.path.insert(0, str(PLUGIN))
    try:
        import safeguard_lint_test_plugin as plugin
    finally:
        sys.path.remove(str(PLUGIN))
    REGISTRY["ZZ01"] = plugin.RepeatedWord
    all_rules.cache_clear()
    yield "ZZ01"
    REGISTRY.pop("ZZ01", None)
    all_rules.cache_clear()
