"""DF rules on the real texts of the corpus (skipped when the corpus is absent)."""

from __future__ import annotations

import pytest
from sc_co_dp_ic_helpers import corpus, run

CORRECT_REFERENCES = [
    "eu-gdpr-2016-679",
    "eu-directive-2016-680-led",
    "coe-budapest-convention-ets-185",
    "us-18usc-ch119-wiretap-act",
]
ALL = [
    *CORRECT_REFERENCES,
    "ke-computer-misuse-cybercrimes-act-2018",
    "ke-data-protection-act-2019",
    "in-indian-telegraph-act-1885",
    "pk-investigation-for-fair-trial-act-2013",
    "rw-law-60-2018-cybercrimes",
    "un-cybercrime-draft-2024-excerpts",
    "us-18usc-ch121-stored-communications-act",
    "us-18usc-ch206-pen-registers",
]


@pytest.mark.parametrize("slug", CORRECT_REFERENCES)
def test_df04_silent_on_correct_references(slug: str) -> None:
    assert run("DF04", corpus(slug)) == []


def test_df04_kenya_only_the_schedule_headnote_to_the_missing_section() -> None:
    findings = run("DF04", corpus("ke-computer-misuse-cybercrimes-act-2018"))
    assert [f.message for f in findings] == [
        "Broken cross-reference 's. 69': this text has no section 69."
    ]


def test_df05_kenya_gap_at_section_69() -> None:
    findings = run("DF05", corpus("ke-computer-misuse-cybercrimes-act-2018"))
    assert any("section 69 missing" in f.message for f in findings)
    assert all(f.severity == "info" or "69" in f.message for f in findings)


def test_df05_un_excerpts_elisions_and_markers() -> None:
    findings = run("DF05", corpus("un-cybercrime-draft-2024-excerpts"))
    elisions = [f for f in findings if "elided" in f.message]
    assert len(elisions) >= 8
    assert any("60 bis" in f.message for f in findings)
    assert {f.severity for f in findings} == {"info"}


@pytest.mark.parametrize("slug", ["eu-gdpr-2016-679", "coe-budapest-convention-ets-185"])
def test_df05_silent_on_clean_numbering(slug: str) -> None:
    assert run("DF05", corpus(slug)) == []


@pytest.mark.parametrize("slug", ALL)
def test_df01_at_most_a_handful(slug: str) -> None:
    assert len(run("DF01", corpus(slug))) <= 5


@pytest.mark.parametrize("slug", ["eu-gdpr-2016-679", "coe-budapest-convention-ets-185"])
def test_df01_to_df03_quiet_on_well_drafted_texts(slug: str) -> None:
    text = corpus(slug)
    assert run("DF01", text) == []
    assert run("DF03", text) == []


def test_df06_finds_information_system_beside_computer_system() -> None:
    findings = run("DF06", corpus("rw-law-60-2018-cybercrimes"))
    assert any("'information system'" in f.message for f in findings)
