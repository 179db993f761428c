"""Reports: the results of a run, and one module per output format.

Every format module exposes `render(report: Report) -> str`. Modules are imported only when
their format is asked for, so a plain `check` never pays for SARIF or JUnit.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from safeguard_lint.ast import Diagnostic, Span
from safeguard_lint.findings import Finding
from safeguard_lint.source import LineIndex

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

FORMATS = ("text", "json", "sarif", "github", "junit")
SEVERITIES = ("error", "warning", "info")
TOOL_NAME = "safeguard-lint"


@dataclass
class FileResult:
    """What a run found in one file: findings, reading diagnostics, and fixes applied."""

    path: str
    source: str
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Findings that --fix resolved (reported so the user sees what changed).
    fixed: list[Finding] = field(default_factory=list)
    #: The text after fixes, when fixes changed it (for --diff and for writing).
    fixed_source: str | None = None

    @cached_property
    def index(self) -> LineIndex:
        """The line index of the source text."""
        return LineIndex(self.source)

    def position(self, offset: int) -> dict[str, int]:
        """The contract's position object: 1-based line and column, 0-based offset."""
        line, column = self.index.position(offset)
        return {"line": line, "column": column, "offset": offset}

    def range(self, span: Span) -> dict[str, dict[str, int]]:
        """The contract's range object of a span."""
        return {"start": self.position(span.start), "end": self.position(span.end)}

    def key(self, finding: Finding) -> tuple[str, str, str]:
        """A finding's identity that survives edits elsewhere: code, eId and offending text."""
        words = " ".join(finding.span.slice(self.source).split())
        return (finding.code, finding.provision.eid, words)

    def sorted_findings(self) -> list[Finding]:
        """Findings in the stable order of every report: position, then code."""
        return sorted(self.findings, key=lambda f: (*f.sort_key(), f.message))


@dataclass
class Report:
    """Results of a whole run, in the order the files are reported (sorted by path)."""

    files: list[FileResult]
    statistics: bool = False
    color: bool = False

    def __post_init__(self) -> None:
        self.files.sort(key=lambda r: r.path)

    def findings(self) -> Iterator[tuple[FileResult, Finding]]:
        """Every finding with the file it is in, in report order."""
        for result in self.files:
            for finding in result.sorted_findings():
                yield result, finding

    def by_severity(self) -> dict[str, int]:
        """How many findings of each severity."""
        counts = dict.fromkeys(SEVERITIES, 0)
        for _, finding in self.findings():
            counts[finding.severity] += 1
        return counts

    def by_code(self) -> list[tuple[str, str, int]]:
        """(code, name, count) for every code found, most frequent first."""
        counts: dict[tuple[str, str], int] = {}
        for _, f in self.findings():
            counts[(f.code, f.name)] = counts.get((f.code, f.name), 0) + 1
        return sorted(((c, n, k) for (c, n), k in counts.items()), key=lambda t: (-t[2], t[0]))

    @property
    def total(self) -> int:
        """The number of findings."""
        return sum(len(r.findings) for r in self.files)


def render(fmt: str, report: Report) -> str:
    """Render a report in one of FORMATS."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"safeguard_lint.report.{fmt}")
    renderer: Callable[[Report], str] = module.render
    return renderer(report)
