"""Findings: what a rule reports, and the fixes it may offer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from safeguard_lint.ast import Severity, Span


class PathStep(BaseModel):
    """One enclosing unit of a provision: its kind and number as printed."""

    kind: str
    num: str


class ProvisionRef(BaseModel):
    """Where a finding stands: the provision's eId, human label and path of enclosing units."""

    eid: str = ""
    label: str = ""
    path: list[PathStep] = Field(default_factory=list)


class Related(BaseModel):
    """Another place that explains a finding, e.g. the hedged general safeguard clause."""

    span: Span
    message: str
    eid: str = ""
    label: str = ""


class Edit(BaseModel):
    """Replace the text of `span` with `replacement` (an insertion when the span is empty)."""

    span: Span
    replacement: str


class Fix(BaseModel):
    """A set of edits that resolves a finding; `unsafe` when it may change meaning."""

    message: str
    edits: list[Edit]
    applicability: Literal["safe", "unsafe"] = "unsafe"


class Finding(BaseModel):
    """One lint finding: a rule code, where it stands, why, on what authority, and a fix."""

    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    provision: ProvisionRef = Field(default_factory=ProvisionRef)
    related: list[Related] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)
    fix: Fix | None = None

    def sort_key(self) -> tuple[int, int, str]:
        """Order by position, then code (the stable order of the JSON output)."""
        return (self.span.start, self.span.end, self.code)
