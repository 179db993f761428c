"""Rules SC01-SC05: scope of powers and cooperation."""

from __future__ import annotations

import pytest
from sc_co_dp_ic_helpers import EXAMPLES, corpus, labels, run

SERIOUS = (
    'Article 1. Use of terms\n\n(a) "Serious crime" means an offence punishable by '
    "imprisonment of at least four years or a more serious penalty;\n\n"
)


@pytest.mark.parametrize(
    "text",
    [
        SERIOUS + "Article 5. Sharing\n\nParties shall share evidence of any serious crime "
        "with another Party.\n",
        SERIOUS + "Article 6. Interception\n\nAuthorities may intercept communications to "
        "investigate a serious crime.\n",
        '1. Interpretation\n\n"serious offence" means an offence punishable by imprisonment for '
        "a term of not less than two years;\n\n5. Production\n\nA police officer may issue a "
        "production order for data relevant to a serious offence.\n",
    ],
)
def test_sc01_fires(text: str) -> None:
    assert run("SC01", text)


@pytest.mark.parametrize(
    "text",
    [
        SERIOUS + "Article 5. Reporting\n\nParties shall publish statistics on serious crime.\n",
        'Article 1. Use of terms\n\n(a) "Serious crime" means an offence listed in Annex I;\n\n'
        "Article 5. Sharing\n\nParties shall share evidence of any serious crime with another "
        "Party.\n",
        "Article 5. Sharing\n\nParties shall share evidence of offences in Annex I with another "
        "Party.\n",
    ],
)
def test_sc01_silent(text: str) -> None:
    assert not run("SC01", text)


def test_sc01_is_error_when_it_triggers_sharing() -> None:
    found = run(
        "SC01",
        SERIOUS + "Article 5. Sharing\n\nParties shall share evidence of any "
        "serious crime with another Party.\n",
    )
    assert {f.severity for f in found} == {"error"}


@pytest.mark.parametrize(
    "text",
    [
        "Article 3. Interception\n\nEach Party shall empower its authorities to intercept "
        "content data in relation to serious offences to be determined by domestic law.\n",
        "Section 4. Orders\n\nA judge may issue a production order for crimes as defined by "
        "their national law.\n",
        "Article 7. Sharing\n\nParties shall transmit information to another Party concerning "
        "offences as each Party defines them.\n",
    ],
)
def test_sc02_fires(text: str) -> None:
    assert run("SC02", text)


@pytest.mark.parametrize(
    "text",
    [
        "Article 3. Interception\n\nEach Party shall empower its authorities to intercept "
        "content data in relation to the offences listed in Annex I.\n",
        "Article 10. Copyright\n\nThe infringement of copyright, as defined under the law of "
        "that Party, is an offence.\n",
        "Article 4. Reporting\n\nParties shall report on offences to be determined by domestic "
        "law.\n",
    ],
)
def test_sc02_silent(text: str) -> None:
    assert not run("SC02", text)


@pytest.mark.parametrize(
    "text",
    [
        "Article 9. Other offences\n\nParties shall ensure that offences established in "
        "accordance with other conventions are also considered criminal offences when "
        "committed online.\n",
        "Section 3. Scope\n\nThe powers in this Part may be used for any offence committed "
        "through a computer system.\n",
        "Article 4. Cooperation\n\nParties shall provide mutual assistance for crimes under any "
        "other treaty.\n",
        # "information system" is the term of many texts for a computer system.
        "Article 4. Scope\n\nThe police may intercept communications to investigate any other "
        "offence committed by means of an information system.\n",
    ],
)
def test_sc03_fires(text: str) -> None:
    assert run("SC03", text)


@pytest.mark.parametrize(
    "text",
    [
        "Section 3. Scope\n\nThe powers in this Part may be used for the offences in sections "
        "4 to 8.\n",
        "Article 9. Relationship\n\nThis Convention is without prejudice to other conventions.\n",
        "Article 4. Scope\n\nThe police may intercept communications to investigate the "
        "offences in Articles 5 to 9 committed by means of an information system.\n",
        "Section 3. Compensation\n\nA court may order compensation for loss from an offence "
        "under any other law committed through a computer system.\n",
    ],
)
def test_sc03_silent(text: str) -> None:
    assert not run("SC03", text)


@pytest.mark.parametrize(
    "text",
    [
        "Article 14. Scope\n\nEach Party shall apply these powers to the collection of "
        "evidence in electronic form of a criminal offence.\n",
        "Section 8. Search\n\nA police officer may search and seize a computer for any offence.\n",
        "Article 30. Assistance\n\nParties shall afford mutual assistance concerning any crime.\n",
    ],
)
def test_sc04_fires(text: str) -> None:
    assert run("SC04", text)


@pytest.mark.parametrize(
    "text",
    [
        "Section 8. Search\n\nA judge may order a search and seizure for any offence listed in "
        "Schedule 1.\n",
        "Article 14. Scope\n\nEach Party shall apply these powers to the collection of "
        "evidence of any offence established in accordance with Articles 2 to 5.\n",
        "Section 2. Purpose\n\nThis Act protects the public against any offence.\n",
    ],
)
def test_sc04_silent(text: str) -> None:
    assert not run("SC04", text)


@pytest.mark.parametrize(
    "text",
    [
        "Article 3. Scope\n\nThis Convention applies to offences established in accordance "
        "with this Convention.\n\nArticle 9. Saving\n\nNothing in this article shall be "
        "interpreted as establishing offences under this Convention.\n",
        "Section 2. Powers\n\nThe powers apply to offences under this Act.\n\nSection 3. "
        "Sharing\n\nData on offences covered by this Act may be shared.\n",
        (EXAMPLES / "cooperation-chapter.txt").read_text(encoding="utf-8"),
    ],
)
def test_sc05_fires(text: str) -> None:
    assert run("SC05", text)


@pytest.mark.parametrize(
    "text",
    [
        "Article 3. Scope\n\nThis Convention applies to offences established in accordance "
        "with this Convention.\n\nArticle 9. Powers\n\nThe powers apply to offences "
        "established in accordance with this Convention.\n",
        "Section 2. Powers\n\nThe powers apply to offences under this Act.\n\nSection 3. "
        "Sharing\n\nData on offences under this Act may be shared.\n",
        "Section 2. Powers\n\nThe powers apply to covered offences.\n",
    ],
)
def test_sc05_silent(text: str) -> None:
    assert not run("SC05", text)


def test_un_draft() -> None:
    text = corpus("un-cybercrime-draft-2024-excerpts")
    assert {"Article 2(h)", "Article 35(1)(c)"} <= labels("SC01", text)
    assert {"Article 35(1)(c)", "Article 60 bis(1)"} <= labels("SC03", text)
    assert "Article 60 bis(2)" in labels("SC05", text)


def test_budapest() -> None:
    text = corpus("coe-budapest-convention-ets-185")
    assert any(lbl.startswith("Article 21") for lbl in labels("SC02", text))
    assert any(lbl.startswith("Article 14") for lbl in labels("SC04", text))


def test_sc03_other_written_laws_and_future_treaties_one_finding_per_passage() -> None:
    text = (
        "Section 12. Offences under other written laws\n\nAny offence under any other written "
        "law, or established in accordance with any treaty to which the Republic is or may "
        "become a party, which is committed through the use of a computer system shall be an "
        "offence under this Act and shall be punishable as provided in that other law.\n"
    )
    (finding,) = run("SC03", text)
    assert len(finding.related) >= 1
    # Naming a treaty the Republic has already joined, statically, is a closed reference.
    static = (
        "Section 12. Offences\n\nAn offence under section 4 of the Extradition Act committed "
        "through a computer system shall be an offence under this Act and shall be punishable "
        "as provided in that Act.\n"
    )
    assert not run("SC03", static)


def test_sc01_a_threshold_of_the_sentence_a_person_may_receive_is_a_penalty_threshold() -> None:
    text = (
        'Section 1 Definitions\nIn this Act, "serious offence" means any offence for which a '
        "person may be sentenced to imprisonment for a period exceeding five years.\n"
        "Section 2 Interception\nA judge may issue an interception direction for 3 months where "
        "there are reasonable grounds to believe that a serious offence has been committed.\n"
    )
    assert "Section 1" in labels("SC01", text)
    listed = text.replace(
        "any offence for which a person may be sentenced to imprisonment for a period "
        "exceeding five years",
        "an offence listed in Schedule 1",
    )
    assert labels("SC01", listed) == set()


@pytest.mark.parametrize(
    "definition",
    [
        '"serious offence" means an offence which carries a penalty of imprisonment for a '
        "period of not less than five years",
        '"relevant offence" means any offence punishable by imprisonment for a term of three '
        "years or more",
        '"qualifying offence" means an offence attracting imprisonment for more than two years',
    ],
)
def test_sc01_any_class_of_offences_set_by_a_penalty_in_other_words(definition: str) -> None:
    term = definition.split('"')[1]
    text = (
        f"Section 2. Interpretation\nIn this Act, {definition}.\n\n"
        f"Section 14. Interception\nA judge may, for the investigation of a {term}, order a "
        "service provider to intercept any communication.\n"
    )
    assert "Section 14" in labels("SC01", text)


def test_sc01_a_class_defined_by_a_closed_list_is_not_set_by_penalty() -> None:
    text = (
        'Section 2. Interpretation\nIn this Act, "relevant offence" means an offence listed in '
        "Schedule 1.\n\nSection 14. Interception\nA judge may, for the investigation of a "
        "relevant offence, order a service provider to intercept any communication.\n"
    )
    assert labels("SC01", text) == set()


def test_sc03_all_crimes_of_other_laws_committed_through_technology() -> None:
    text = (
        "SEC. 6. All crimes defined and penalized by the Penal Code and special laws, if "
        "committed through information and communications technologies, shall be covered by "
        "this Act.\n"
    )
    assert labels("SC03", text) == {"Section 6"}


def test_sc01_mutual_legal_assistance_for_any_serious_crime_is_a_trigger() -> None:
    text = (
        SERIOUS + "Article 35\nStates Parties shall afford one another mutual legal assistance "
        "for the purpose of collecting evidence in electronic form of any serious crime.\n"
    )
    assert "Article 35" in labels("SC01", text)



@pytest.mark.parametrize(
    ("clause", "fires"),
    [
        (
            "Location data obtained under this Act shall not be used for the investigation or "
            "prosecution of any offence.",
            False,
        ),
        (
            "Data collected by the app must not be disclosed to the police for the investigation "
            "of any offence.",
            False,
        ),
        (
            "Location data obtained under this Act may be used for the investigation of any "
            "offence.",
            True,
        ),
    ],
)
def test_sc04_a_use_forbidden_for_any_offence_is_a_safeguard(clause: str, fires: bool) -> None:
    text = (
        "Section 1. Tracking\nA judge may order a provider to disclose the location data of a "
        f"named person.\n\nSection 2. Use\n{clause}\n"
    )
    assert bool(run("SC04", text)) is fires


def test_sc01_cooperation_in_collecting_evidence_of_any_serious_crime() -> None:
    text = (
        'Article 1\nFor the purposes of this Convention, "serious crime" shall mean conduct '
        "constituting an offence punishable by a maximum deprivation of liberty of at least four "
        "years.\nArticle 2\nStates Parties shall cooperate with each other for the collection of "
        "evidence in electronic form of any serious crime.\n"
    )
    assert labels("SC01", text) == {"Article 1", "Article 2"}
    unused = text.replace("of any serious crime", "of the offences listed in the Annex")
    assert run("SC01", unused) == []
