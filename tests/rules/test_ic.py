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


@pytest.mark.parametrize(
    "text",
    [
        "Article 2\nThe requested Party shall transmit the data produced to the requesting "
        "Party.\n",
        "1. The issuing authority may order a service provider established in the executing "
        "State to produce content data.\n",
    ],
)
def test_ic01_cooperation_in_words_only_criminal_matters_use_needs_no_other_context(
    text: str,
) -> None:
    assert run("IC01", text) != []


def test_ic01_an_instrument_named_in_passing_is_no_cooperation() -> None:
    text = (
        "Article 48\nA judgment of a court of a third country requiring a controller to disclose "
        "personal data may only be recognised if based on an international agreement, such as a "
        "mutual legal assistance treaty.\n"
    )
    assert run("IC01", text) == []


def test_ic01_a_refusal_the_convention_only_permits_is_discretionary() -> None:
    text = (
        "1. States Parties shall afford one another mutual legal assistance in criminal "
        "investigations.\n2. Nothing in this Convention shall be interpreted as imposing an "
        "obligation to afford assistance, and assistance may be refused, if the requested State "
        "Party has grounds for believing that the request is made to persecute a person for "
        "political opinions.\n"
    )
    assert "discretionary" in run("IC01", text)[0].message


def test_ic02_notice_to_the_party_in_whose_territory_the_data_are_stored() -> None:
    text = (
        "Article 32\nA Party may access stored computer data located in another Party with the "
        "lawful and voluntary consent of the person who has the lawful authority to disclose the "
        "data, and shall notify the Party in whose territory the data are stored beforehand.\n"
    )
    assert run("IC02", text) == []
    assert run("IC02", text.split(", and shall notify")[0] + ".\n") != []
