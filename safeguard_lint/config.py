"""Settings of a lint run: rule selection, severities, rule options and lexicon extensions.

Loading from `pyproject.toml` / `safeguard-lint.toml` lives in `safeguard_lint.config_files`;
this module is the in-memory model every layer reads.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from safeguard_lint.ast import Severity


class Config(BaseModel):
    """The effective settings of a run. Every field has a sensible default."""

    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    fail_on: Severity = "warning"
    #: Severity overrides by rule code.
    severity: dict[str, Severity] = Field(default_factory=dict)
    #: Glob → codes ignored in files that match.
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    #: eId (or eId prefix ending in `*`) → codes ignored in that provision.
    per_provision_ignores: dict[str, list[str]] = Field(default_factory=dict)
    #: Options per rule code, e.g. {"DF01": {"min-uses": 2}}.
    rule_options: dict[str, dict[str, object]] = Field(default_factory=dict)
    #: Lexicon name → category → extra phrases.
    lexicons: dict[str, dict[str, list[str]]] = Field(default_factory=dict)
    extensions: list[str] = Field(default_factory=lambda: [".txt", ".md", ".xml", ".akn", ".docx"])
    exclude: list[str] = Field(default_factory=list)
    extend_exclude: list[str] = Field(default_factory=list)
