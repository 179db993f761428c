"""Finding rules: the built-in rule modules, third-party packs, and selection by code."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from importlib.metadata import entry_points

import safeguard_lint.rules as rules_pkg
from safeguard_lint.config import Config
from safeguard_lint.rules.base import REGISTRY, Rule

#: Entry-point group under which third-party packages register rule modules.
ENTRY_POINT_GROUP = "safeguard_lint.rules"


@cache
def all_rules() -> dict[str, type[Rule]]:
    """Import every built-in rule module and every installed rule pack; return code → class."""
    for info in pkgutil.iter_modules(rules_pkg.__path__):
        if info.name not in {"base", "registry"}:
            importlib.import_module(f"{rules_pkg.__name__}.{info.name}")
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        ep.load()
    return dict(sorted(REGISTRY.items()))


def _matches(code: str, selectors: list[str]) -> bool:
    return any(s == "ALL" or code.startswith(s.upper()) for s in selectors)


def selected_rules(config: Config) -> list[type[Rule]]:
    """The rules a configuration enables: (select + extend-select) minus ignore, by prefix."""
    chosen = [*config.select, *config.extend_select]
    return [
        cls
        for code, cls in all_rules().items()
        if _matches(code, chosen) and not _matches(code, config.ignore)
    ]


def unmatched(selectors: list[str]) -> list[str]:
    """The selectors that match no rule (for error messages), by the rule of selection."""
    codes = list(all_rules())
    return [s for s in selectors if not any(_matches(c, [s]) for c in codes)]
