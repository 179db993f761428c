"""SARIF 2.1.0, as code-scanning services read it: rules with help, results, related places."""

from __future__ import annotations

import hashlib
import inspect
import json
from pathlib import PurePath

from safeguard_lint import __version__
from safeguard_lint.ast import Span
from safeguard_lint.findings import Finding
from safeguard_lint.report import TOOL_NAME, FileResult, Report
from safeguard_lint.rules.registry import all_rules

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/safeguard-lint/"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else pure.as_posix()


def _region(result: FileResult, span: Span) -> dict[str, int]:
    start, end = result.position(span.start), result.position(span.end)
    return {
        "startLine": start["line"],
        "startColumn": start["column"],
        "endLine": end["line"],
        "endColumn": end["column"],
        "charOffset": span.start,
        "charLength": span.end - span.start,
    }


def _location(result: FileResult, span: Span) -> dict[str, object]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(result.path)},
            "region": _region(result, span),
        }
    }


def _rule(code: str, name: str) -> dict[str, object]:
    cls = all_rules().get(code)
    if cls is None:
        return {"id": code, "name": name, "shortDescription": {"text": name}}
    doc = inspect.cleandoc(cls.__doc__ or "")
    return {
        "id": code,
        "name": cls.name,
        "shortDescription": {"text": cls.summary()},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVEL[cls.severity]},
        "properties": {"tags": [cls.group], "references": list(cls.references)},
    }


def _result(result: FileResult, finding: Finding, rule_index: int) -> dict[str, object]:
    location = _location(result, finding.span)
    if finding.provision.eid:
        location["logicalLocations"] = [
            {
                "name": finding.provision.label or finding.provision.eid,
                "fullyQualifiedName": finding.provision.eid,
                "kind": "member",
            }
        ]
    key = "\x1f".join(result.key(finding))
    out: dict[str, object] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {"safeguardLint/v1": hashlib.sha256(key.encode()).hexdigest()[:32]},
    }
    if finding.related:
        out["relatedLocations"] = [
            {"id": i, "message": {"text": r.message}, **_location(result, r.span)}
            for i, r in enumerate(finding.related, start=1)
        ]
    if finding.fix is not None:
        out["fixes"] = [
            {
                "description": {"text": finding.fix.message},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(result.path)},
                        "replacements": [
                            {
                                "deletedRegion": _region(result, e.span),
                                "insertedContent": {"text": e.replacement},
                            }
                            for e in finding.fix.edits
                        ],
                    }
                ],
            }
        ]
    return out


def report_sarif(report: Report) -> dict[str, object]:
    """The report as a SARIF 2.1.0 log with one run."""
    codes = sorted({(f.code, f.name) for _, f in report.findings()})
    index = {code: i for i, (code, _) in enumerate(codes)}
    notifications = [
        {
            "descriptor": {"id": d.code},
            "level": LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [_location(result, d.span)],
        }
        for result in report.files
        for d in result.diagnostics
    ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(code, name) for code, name in codes],
                    }
                },
                "invocations": [
                    {"executionSuccessful": True, "toolExecutionNotifications": notifications}
                ],
                "columnKind": "unicodeCodePoints",
                "results": [_result(r, f, index[f.code]) for r, f in report.findings()],
            }
        ],
    }


def render(report: Report) -> str:
    """Render the SARIF log as indented JSON."""
    return json.dumps(report_sarif(report), indent=2, ensure_ascii=False) + "\n"
