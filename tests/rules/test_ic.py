"""Rules IC01-IC03: international cooperation."""

from __future__ import annotations

import pytest
from sc_co_dp_ic_helpers import EXAMPLES, corpus, run

MLA = (
    "Article 20. Mutual assistance\n\nThe Parties shall afford one another mutual assistance "
    "in criminal investigations.\n"
)
CONSENT = (
    "Article 32. Trans-border access\n\nA Party may access stored computer data located in "
    "another Party if it obtains the lawful and voluntary consent of the person who has lawful "
    "authority to disclose the data.\n"
)
SAFEGUARDS = (
    "Chapter II\nProcedure\n\nArticle 8. Conditions and safeguards\n\nEach Party shall ensure "
    "that the powers and procedures provided for in this Chapter are subject to conditions "
    "and safeguards.\n\nChapter III\nCooperation\n\n"
)
CHAPTER = (EXAMPLES / "cooperation-chapter.txt").read_text(encoding="utf-8")

CASES: dict[str, tuple[list[str], list[str]]] = {
    "IC01": (
        [
            MLA,
            MLA + "\nArticle 21. Refusal\n\nThe requested Party may refuse assistance for a "
            "political offence.\n",
            "Section 40. Extradition\n\nA person may be extradited to a requesting State for "
            "any offence.\n",
        ],
        [
            MLA + "\nArticle 21. Refusal\n\nThe requested Party shall refuse assistance where "
            "the request seeks to persecute a person on account of political opinion.\n",
            "Section 4. Objects\n\nThe Commission shall promote international cooperation on "
            "data protection.\n",
            "Section 40. Extradition\n\nNo person shall be extradited to a requesting State "
            "where the person risks torture or the death penalty for the offence.\n",
        ],
    ),
    "IC02": (
        [
            CONSENT,
            CHAPTER,
            "Section 62. Access abroad\n\nAn officer may access data stored abroad with the "
            "consent of the account holder.\n",
        ],
        [
            CONSENT.replace("data.\n", "data, after notice to the other State.\n"),
            "Article 32. Open data\n\nA Party may access publicly available data regardless "
            "of where the data is located.\n",
            "Section 9. Consent\n\nProcessing requires the lawful and voluntary consent of the "
            "data subject.\n",
        ],
    ),
    "IC03": (
        [
            SAFEGUARDS + MLA.replace("Article 20", "Article 20"),
            CHAPTER,
            "Part 2\nPowers\n\nSection 8. Safeguards\n\nThe powers and procedures provided for "
            "in this Part are subject to conditions and safeguards.\n\nPart 3\nCooperation\n\n"
            "Section 20. Requests\n\nThe Attorney-General may execute a request for mutual legal "
            "assistance in a criminal matter.\n",
        ],
        [
            SAFEGUARDS + MLA + "\nArticle 22. Safeguards\n\nArticle 8 shall apply to the "
            "execution of requests for mutual assistance.\n",
            SAFEGUARDS.replace("Chapter III\nCooperation\n\n", ""),
            MLA,
        ],
    ),
}

FIRE = [(code, text) for code, (fire, _) in CASES.items() for text in fire]
SILENT = [(code, text) for code, (_, silent) in CASES.items() for text in silent]


@pytest.mark.parametrize(("code", "text"), FIRE)
def test_fires(code: str, text: str) -> None:
    assert run(code, text)


@pytest.mark.parametrize(("code", "text"), SILENT)
def test_silent(code: str, text: str) -> None:
    assert not run(code, text)


def test_budapest_consent_access() -> None:
    text = corpus("coe-budapest-convention-ets-185")
    assert any(f.provision.label.startswith("Article 32") for f in run("IC02", text))
