"""The shipped example bills show what examples/README.md says they show."""

from __future__ import annotations

from pathlib import Path

import safeguard_lint as sl

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_strong_surveillance_bill_draws_no_finding() -> None:
    findings = sl.check((EXAMPLES / "strong-surveillance-bill.txt").read_text("utf-8"))
    assert findings == [], [(f.code, f.message) for f in findings]


def test_weak_surveillance_bill_draws_findings_in_every_group() -> None:
    findings = sl.check((EXAMPLES / "weak-surveillance-bill.txt").read_text("utf-8"))
    groups = {f.code[:2] for f in findings}
    assert groups == {"HR", "JR", "RM", "PL", "SC", "CO", "DP", "OV", "IC", "DF"}
