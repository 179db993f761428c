"""Running the rules over a document: parse if needed, build the context, collect findings."""

from __future__ import annotations

from safeguard_lint.ast import Document
from safeguard_lint.config import Config
from safeguard_lint.findings import Finding
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.rules.registry import selected_rules


def check(source: str | Document, config: Config | None = None) -> list[Finding]:
    """Lint legislation given as text or as a parsed Document; return findings in order.

    Severity overrides from the configuration are applied; suppressions in the text and
    per-provision ignores are applied by `safeguard_lint.suppress` on top of this list.
    """
    from safeguard_lint.parsing import parse

    config = config or Config()
    document = parse(source) if isinstance(source, str) else source
    ctx = RuleContext(document, config)
    findings: list[Finding] = []
    for rule_cls in selected_rules(config):
        for finding in rule_cls().check(ctx):
            override = config.severity.get(finding.code)
            findings.append(
                finding.model_copy(update={"severity": override}) if override else finding
            )
    findings.sort(key=Finding.sort_key)
    return findings
