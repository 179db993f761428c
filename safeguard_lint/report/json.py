"""The stable JSON report (contracts.md): files, findings with provision and range, summary."""

from __future__ import annotations

import json

from safeguard_lint import __version__
from safeguard_lint.findings import Finding
from safeguard_lint.report import TOOL_NAME, FileResult, Report

SCHEMA_VERSION = "1"


def finding_json(result: FileResult, finding: Finding) -> dict[str, object]:
    """One finding as the contract's JSON object."""
    fix = finding.fix
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity,
        "message": finding.message,
        "provision": {
            "eid": finding.provision.eid,
            "label": finding.provision.label,
            "path": [{"kind": p.kind, "num": p.num} for p in finding.provision.path],
        },
        "range": result.range(finding.span),
        "related": [
            {"message": r.message, "eid": r.eid, "label": r.label, "range": result.range(r.span)}
            for r in finding.related
        ],
        "references": list(finding.references),
        "fix": None
        if fix is None
        else {
            "message": fix.message,
            "applicability": fix.applicability,
            "edits": [
                {"range": result.range(e.span), "replacement": e.replacement} for e in fix.edits
            ],
        },
    }


def report_json(report: Report) -> dict[str, object]:
    """The whole report as the contract's JSON object."""
    files = [
        {
            "path": result.path,
            "findings": [finding_json(result, f) for f in result.sorted_findings()],
            "diagnostics": [
                {
                    "code": d.code,
                    "severity": d.severity,
                    "message": d.message,
                    "range": result.range(d.span),
                }
                for d in sorted(result.diagnostics, key=lambda d: (d.span.start, d.code))
            ],
        }
        for result in report.files
    ]
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": __version__},
        "files": files,
        "summary": {
            "files": len(report.files),
            "findings": report.total,
            "by_severity": report.by_severity(),
        },
    }


def render(report: Report) -> str:
    """Render the JSON report (indented, keys in contract order, a final newline)."""
    return json.dumps(report_json(report), indent=2, ensure_ascii=False) + "\n"
