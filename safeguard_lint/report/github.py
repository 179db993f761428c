"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request."""

from __future__ import annotations

from safeguard_lint.report import Report

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    """One `::error file=…,line=…::message` line per finding."""
    lines = []
    for result, f in report.findings():
        start, end = result.position(f.span.start), result.position(f.span.end)
        where = f" [{f.provision.label}]" if f.provision.label else ""
        props = ",".join(
            [
                f"file={_prop(result.path)}",
                f"line={start['line']}",
                f"col={start['column']}",
                f"endLine={end['line']}",
                f"endColumn={end['column']}",
                f"title={_prop(f'{f.code} {f.name}')}",
            ]
        )
        lines.append(f"::{LEVEL[f.severity]} {props}::{_data(f.message + where)}\n")
    return "".join(lines)
