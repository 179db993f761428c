"""The JR, RM, PL, HR and OV rules on real texts of the development corpus (skipped without it)."""

from __future__ import annotations

from safeguard_lint.config import Config
from safeguard_lint.engine import check
from safeguard_lint.findings import Finding
from tests.rules.safeguard_helpers import corpus


def _at(findings: list[Finding], code: str) -> set[str]:
    return {f.provision.label for f in findings if f.code == code}


def test_un_draft_hedged_safeguards_and_soft_rights_clauses() -> None:
    found = check(corpus("un-cybercrime-draft-2024-excerpts"))
    assert "Article 24(2)" in _at(found, "JR01")
    assert "Article 24(2)" in _at(found, "RM01")
    assert {"Article 5", "Article 24(1)"} <= _at(found, "HR01")
    assert "Article 59(3)" in _at(found, "HR02")
    (ov02,) = [f for f in found if f.code == "OV02"]
    text = corpus("un-cybercrime-draft-2024-excerpts")
    assert "does not imply any international supervision" in text[ov02.span.start : ov02.span.end]


def test_budapest_article_15_and_the_powers_it_leaves_unguarded() -> None:
    found = check(corpus("coe-budapest-convention-ets-185"), Config(select=["JR", "RM", "HR"]))
    assert "Article 15(2)" in _at(found, "JR01")
    assert "Article 15(2)" in _at(found, "RM01")
    assert not any(label.startswith("Article 15") for label in _at(found, "HR01"))
    jr02 = {label.split("(")[0] for label in _at(found, "JR02")}
    assert {"Article 20", "Article 21"} <= jr02
    for f in found:
        if f.code == "JR02" and f.provision.label.startswith(("Article 20", "Article 21")):
            assert any(r.label.startswith("Article 15") for r in f.related)


def test_wiretap_act_core_sections_are_clean() -> None:
    text = corpus("us-18usc-ch119-wiretap-act")
    found = check(text, Config(select=["JR", "PL", "RM", "OV"]))
    core = ("§ 2516", "§ 2518", "§ 2519", "§ 2520")
    assert [f for f in found if f.provision.label.startswith(core)] == []


def test_weak_texts_get_more_findings_than_strong_ones() -> None:
    select = Config(select=["JR", "RM", "PL", "HR", "OV"])
    weak = len(check(corpus("in-indian-telegraph-act-1885"), select))
    weak += len(check(corpus("rw-law-60-2018-cybercrimes"), select))
    strong = len(check(corpus("eu-gdpr-2016-679"), select))
    strong += len(check(corpus("eu-directive-2016-680-led"), select))
    assert weak > 2 * strong
