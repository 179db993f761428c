"""In-text directives and configured ignores."""

from __future__ import annotations

from safeguard_lint.ast import Document, Span
from safeguard_lint.config import Config
from safeguard_lint.findings import Finding, ProvisionRef
from safeguard_lint.parsing import parse
from safeguard_lint.suppress import add_ignores, filter_findings, scan

BILL = """1. Interception
(1) The Minister may order interception.
(2) The police may record traffic data.

2. Retention
Providers shall retain all traffic data.
"""


def _finding(text: str, phrase: str, code: str = "JR02", eid: str = "") -> Finding:
    start = text.index(phrase)
    return Finding(
        code=code,
        name="x",
        severity="error",
        message="m",
        span=Span(start=start, end=start + len(phrase)),
        provision=ProvisionRef(eid=eid),
    )


def _run(
    text: str, findings: list[Finding], config: Config | None = None
) -> tuple[list[str], list[str]]:
    doc = parse(text)
    codes = ["JR02", "PL01", "RM01"]
    out = filter_findings(findings, doc, config or Config(), active=codes, known=codes)
    return [f.message + "@" + f.code for f in out.findings], [d.message for d in out.diagnostics]


def test_ignore_covers_the_next_whole_provision_only() -> None:
    text = BILL.replace(
        "1. Interception", "# safeguard-lint: ignore[JR02] -- reviewed\n1. Interception"
    )
    findings = [
        _finding(text, "order interception"),
        _finding(text, "record traffic data"),
        _finding(text, "retain all traffic data"),
    ]
    kept, diags = _run(text, findings)
    assert kept == ["m@JR02"]  # only the finding in section 2 remains
    assert diags == []


def test_ignore_before_a_paragraph_covers_only_that_paragraph() -> None:
    text = BILL.replace("(2) The police", "# safeguard-lint: ignore[JR02]\n(2) The police")
    findings = [_finding(text, "order interception"), _finding(text, "record traffic data")]
    kept, _ = _run(text, findings)
    assert len(kept) == 1
    assert findings[0].message + "@JR02" in kept


def test_ignore_is_code_specific() -> None:
    text = "# safeguard-lint: ignore[PL01]\n" + BILL
    kept, diags = _run(text, [_finding(text, "order interception")])
    assert kept == ["m@JR02"]
    assert any("unused suppression" in d and "PL01" in d for d in diags)


def test_markdown_comment_and_disable_enable_range() -> None:
    text = "<!-- safeguard-lint: disable[JR02] -->\n" + BILL.replace(
        "2. Retention", "<!-- safeguard-lint: enable[JR02] -->\n2. Retention"
    )
    findings = [_finding(text, "order interception"), _finding(text, "retain all traffic data")]
    kept, diags = _run(text, findings)
    assert kept == ["m@JR02"] and diags == []
    assert text.index("retain") > text.index("enable[JR02]")


def test_file_ignore_and_unknown_code() -> None:
    text = "# safeguard-lint: file-ignore[JR02, XX99]\n" + BILL
    kept, diags = _run(text, [_finding(text, "retain all traffic data")])
    assert kept == []
    assert any("unknown rule code XX99" in d for d in diags)


def test_codes_are_required() -> None:
    directives, problems = scan(
        "# safeguard-lint: ignore[] -- no codes\n# safeguard-lint: ignore\n"
    )
    assert directives == []
    assert len(problems) == 2


def test_per_provision_ignores_cover_sub_units() -> None:
    text = BILL
    config = Config(per_provision_ignores={"sec_1": ["JR"]})
    findings = [
        _finding(text, "order interception", eid="sec_1__subsec_1"),
        _finding(text, "retain all traffic data", eid="sec_2"),
        _finding(text, "record traffic data", code="RM01", eid="sec_1__subsec_2"),
    ]
    kept, _ = _run(text, findings, config)
    assert kept == ["m@JR02", "m@RM01"]


def test_per_file_ignores_match_by_glob() -> None:
    doc = parse(BILL)
    config = Config(per_file_ignores={"*/enacted/*.txt": ["JR02"]})
    finding = _finding(BILL, "retain all traffic data")
    hit = filter_findings([finding], doc, config, path="/repo/enacted/act.txt")
    miss = filter_findings([finding], doc, config, path="/repo/bills/act.txt")
    assert hit.findings == [] and miss.findings == [finding]


def test_add_ignores_writes_directives_that_then_suppress() -> None:
    text = BILL.replace("\n", "\r\n")
    findings = [_finding(text, "record traffic data"), _finding(text, "retain all traffic data")]
    updated = add_ignores(text, parse(text), findings)
    assert updated.count("# safeguard-lint: ignore[JR02]") == 2
    assert "\r\n# safeguard-lint: ignore[JR02] -- added by --add-ignore\r\n(2)" in updated
    assert (
        updated.replace("# safeguard-lint: ignore[JR02] -- added by --add-ignore\r\n", "") == text
    )
    moved = [
        _finding(updated, "record traffic data"),
        _finding(updated, "retain all traffic data"),
        _finding(updated, "order interception"),
    ]
    kept, diags = _run(updated, moved)
    assert kept == ["m@JR02"] and diags == []


def test_directive_without_any_unit_covers_the_block() -> None:
    text = (
        "Preamble text here.\n\n# safeguard-lint: ignore[JR02]\n"
        "Loose words that say intercept.\nMore.\n\nOther words intercept.\n"
    )
    findings = [_finding(text, "say intercept"), _finding(text, "Other words")]
    doc = Document(span=Span(start=0, end=len(text)), source=text, children=[])
    out = filter_findings(findings, doc, Config(), active=["JR02"], known=["JR02"])
    assert [f.span.start for f in out.findings] == [text.index("Other words")]
