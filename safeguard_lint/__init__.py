"""safeguard_lint: a linter for legislation.

import safeguard_lint as sl
doc = sl.parse(text)            # -> Document; never raises on bad structure
findings = sl.check(text)       # -> list[Finding]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Config", "Document", "Finding", "__version__", "check", "parse"]

if TYPE_CHECKING:
    from safeguard_lint.ast import Document
    from safeguard_lint.config import Config
    from safeguard_lint.engine import check
    from safeguard_lint.findings import Finding
    from safeguard_lint.parsing import parse

_LAZY = {
    "parse": "safeguard_lint.parsing",
    "check": "safeguard_lint.engine",
    "Document": "safeguard_lint.ast",
    "Finding": "safeguard_lint.findings",
    "Config": "safeguard_lint.config",
}


def __getattr__(name: str) -> Any:
    """Import the public API lazily, so `safeguard-lint --version` stays fast."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
