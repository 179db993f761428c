"""JUnit XML: a test suite per file, a failing test case per finding (for CI dashboards)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from safeguard_lint.report import TOOL_NAME, Report


def render(report: Report) -> str:
    """Render the report as a JUnit `<testsuites>` document."""
    root = ET.Element("testsuites", name=TOOL_NAME, failures=str(report.total))
    tests = 0
    for result in report.files:
        findings = result.sorted_findings()
        suite = ET.SubElement(
            root,
            "testsuite",
            name=result.path,
            tests=str(max(len(findings), 1)),
            failures=str(len(findings)),
            errors="0",
        )
        if not findings:
            ET.SubElement(suite, "testcase", name=result.path, classname=TOOL_NAME)
            tests += 1
        for f in findings:
            pos = result.position(f.span.start)
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{f.code} {f.name} at {pos['line']}:{pos['column']}",
                classname=result.path,
            )
            failure = ET.SubElement(case, "failure", message=f.message, type=f.severity)
            label = f" [{f.provision.label}]" if f.provision.label else ""
            where = f"{result.path}:{pos['line']}:{pos['column']}"
            failure.text = f"{where}: {f.code}{label} {f.message}"
            tests += 1
    root.set("tests", str(tests))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
