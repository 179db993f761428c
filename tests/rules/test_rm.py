"""RM01-RM03 on bills written for these tests."""

from __future__ import annotations

import pytest

from tests.rules.safeguard_helpers import findings, fired_on

POWER = "Section 5. Interception\nA judge may order the interception of communications.\n"

RM01_FIRE = [
    "Section 4. Safeguards\nSuch safeguards shall, as appropriate, include the right to an "
    "effective remedy.\n",
    "Section 4. Safeguards\nSuch safeguards shall include, inter alia, an effective remedy.\n",
    "Part 2\nPowers\n\nSection 4. Safeguards\n(1) The powers provided for in this Part are "
    "subject to conditions and safeguards.\n(2) Such conditions and safeguards shall include "
    "judicial review and limits on the duration of each power.\n\n" + POWER,
    POWER,
]
RM01_PASS = [
    POWER + "\nSection 6. Remedies\nAny person aggrieved by an order under this Act may appeal "
    "to the High Court, which may quash the order and award damages.\n",
    "Section 4. Remedies\nEvery person shall have the right to an effective remedy before a "
    "tribunal.\n",
    # The remedy applies to the power by cross-reference.
    "Section 5. Remedies\nA person whose communications were intercepted may bring a civil "
    "action for damages.\n\nSection 6. Interception\nSubject to section 5, a judge may order "
    "the interception of communications.\n",
]


@pytest.mark.parametrize("text", RM01_FIRE)
def test_rm01_fires(text: str) -> None:
    assert findings("RM01", text)


@pytest.mark.parametrize("text", RM01_PASS)
def test_rm01_quiet(text: str) -> None:
    assert findings("RM01", text) == []


def test_rm01_reports_a_chapter_wide_list_once_with_the_powers_related() -> None:
    text = RM01_FIRE[2]
    (f,) = findings("RM01", text)
    assert "Such conditions" in text[f.span.start : f.span.end]
    assert [text[r.span.start : r.span.end] for r in f.related] == ["interception"]


RM02_FIRE = [
    POWER,
    "Section 5. Secrecy\nA service provider shall collect traffic data in real time on a court "
    "order and shall keep confidential the fact of the execution of the order.\n",
    "Section 5. Retention\nThe Minister may require providers to retain traffic data.\n",
]
RM02_PASS = [
    POWER + "(2) Within ninety days after the interception ends, the judge shall cause the "
    "persons named in the order to be served with an inventory.\n",
    "Section 5. Search\nA judge may issue a warrant to search and seize a computer system.\n",
    POWER + "(2) The person concerned shall be notified of the interception once notice no "
    "longer endangers the investigation.\n",
]


@pytest.mark.parametrize("text", RM02_FIRE)
def test_rm02_fires(text: str) -> None:
    assert findings("RM02", text)


@pytest.mark.parametrize("text", RM02_PASS)
def test_rm02_quiet(text: str) -> None:
    assert findings("RM02", text) == []


def test_rm02_points_at_the_secrecy_duty() -> None:
    assert fired_on("RM02", RM02_FIRE[1]) == ["keep confidential"]


RM03_FIRE = [
    POWER + "(2) Material obtained may be used in evidence in any proceedings.\n",
    POWER,
    "Section 5. Search\nA police officer may search and seize any computer system.\n",
]
RM03_PASS = [
    POWER + "(2) Material obtained in breach of this section is inadmissible.\n",
    POWER + "(2) A person whose communications are intercepted unlawfully may recover damages.\n",
    "Section 5. Records\nThe registrar shall keep records of all licences.\n",
]


@pytest.mark.parametrize("text", RM03_FIRE)
def test_rm03_fires(text: str) -> None:
    assert len(findings("RM03", text)) == 1


@pytest.mark.parametrize("text", RM03_PASS)
def test_rm03_quiet(text: str) -> None:
    assert findings("RM03", text) == []


PART_POWER = (
    "Part 2\nPowers\n\nSection 4. Interception\nA judge may order the interception of "
    "communications.\n\n"
)
TRIBUNAL = (
    "Part 3\nRemedies\n\nSection 9. Tribunal\nAny person who believes that a power under "
    "{scope} has been exercised unlawfully {hedge}may apply to the Tribunal.\n"
)


@pytest.mark.parametrize(
    ("scope", "hedge", "fires"),
    [
        ("this Act", "", False),  # a general clause reaches every power of the Act
        ("Part 2", "", False),
        ("this Part", "", True),  # Part 3 holds no power
        ("this Act", "where appropriate, ", True),  # a hedged remedy is no remedy
    ],
)
def test_rm01_a_general_remedy_clause_covers_the_powers_it_reaches(
    scope: str, hedge: str, fires: bool
) -> None:
    text = PART_POWER + TRIBUNAL.format(scope=scope, hedge=hedge)
    assert bool(findings("RM01", text)) is fires


@pytest.mark.parametrize(
    ("exclusion", "excluded"),
    [
        ("Data obtained in breach of this Act is inadmissible in any proceedings.", True),
        # A double negation admits the material: it is no exclusion.
        ("Data obtained under this Act shall not be inadmissible in any proceedings.", False),
    ],
)
def test_exclusion_reaches_powers_through_the_material_they_obtain(
    exclusion: str, excluded: bool
) -> None:
    # The heading ends in a noun the scope phrase may begin with ("…of evidence\nData…").
    text = PART_POWER + f"Section 9. Exclusion of evidence\n{exclusion}\n"
    assert (findings("RM03", text) == []) is excluded
    # Exclusion is no remedy for those never charged: RM01 asks for a challenge or damages.
    assert findings("RM01", text)


RM03_DOUBLE_NEGATION = [
    POWER + "(2) Evidence obtained under this section shall not be inadmissible in any "
    "proceedings by reason only of an irregularity in the manner in which it was obtained.\n",
    POWER + "(2) Material so obtained is not rendered inadmissible by any defect in the order.\n",
    POWER + "(2) Material so obtained shall be admissible notwithstanding any irregularity.\n",
]


@pytest.mark.parametrize("text", RM03_DOUBLE_NEGATION)
def test_rm03_fires_when_unlawful_material_is_admitted(text: str) -> None:
    (f,) = findings("RM03", text)
    assert "admitted" in f.message
    assert "admissible" in text[f.span.start : f.span.end]


def test_rm03_an_exclusion_elsewhere_outweighs_an_admission_rule() -> None:
    text = RM03_DOUBLE_NEGATION[0] + "(3) Material obtained in breach of this Act is "
    text += "inadmissible.\n"
    assert findings("RM03", text) == []


SECRECY = (
    "Section 21. Confidentiality\nA service provider who receives an order under this Part "
    "shall keep confidential the fact of the order, including from the subscriber.\n"
)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (POWER + "\n" + SECRECY, True),
        # The secrecy ends with notice to the person concerned.
        (POWER + "\n" + SECRECY + "\nSection 22. Notice\nThe person concerned shall be notified "
         "of the interception within ninety days after it ends.\n", False),
        # Confidentiality between States is no provider's silence.
        (POWER + "\nSection 21. Requests\nThe requesting State may ask that the request be kept "
         "confidential.\n", False),
        # No covert power in the text.
        ("Section 5. Search\nA judge may issue a warrant to search a computer system.\n\n"
         + SECRECY, False),
    ],
)
def test_rm02_a_provider_secrecy_duty_of_its_own(text: str, fires: bool) -> None:
    found = [f for f in findings("RM02", text) if "Section 21" in (f.provision.label or "")]
    assert bool(found) is fires


@pytest.mark.parametrize(
    ("clause", "fires"),
    [
        ("Any person affected by any warrant issued under this Act may apply to the Tribunal, "
         "which may quash it.", False),
        ("Any person affected by any warrant issued under section 12 may apply to the Tribunal, "
         "which may quash it.", True),
    ],
)
def test_rm01_a_clause_on_any_warrant_under_the_act_reaches_every_power(
    clause: str, fires: bool
) -> None:
    text = PART_POWER + f"Part 3\nRemedies\n\nSection 9. Tribunal\n{clause}\n\n"
    text += "Section 12. Search\nA judge may issue a warrant to search a computer system.\n"
    labels = {f.provision.label for f in findings("RM01", text)}
    assert ("Section 4" in labels) is fires


@pytest.mark.parametrize(
    ("clause", "fires"),
    [
        ("No action or other proceeding shall lie against the Minister or any police officer "
         "for anything done in good faith under this Act.", True),
        ("An order under section 5 shall be final and shall not be questioned in any court.",
         True),
        # A provider complying with an order may be shielded; the State remains answerable.
        ("No action shall lie against a service provider for assistance given under an order.",
         False),
        # An arbitral award's finality reaches no power.
        ("The award of the arbitrator shall be conclusive and shall not be questioned in any "
         "court.", False),
        # Barring those the measures prejudice from any challenge, under any law.
        ("Access granted by a provider in accordance with this law shall not be called in "
         "question under any law by any person who may have been prejudiced by such access.",
         True),
        ("A certification made by the Minister under section 5 shall not be subject to "
         "judicial or administrative review.", True),
        # A decision that binds no one affected by the powers, and review merely described.
        ("A decision of the arbitrator shall not be called in question under any law.", False),
        ("The Minister's report shall be subject to judicial review.", False),
    ],
)
def test_rm01_ousters_and_immunities_of_the_authorities(clause: str, fires: bool) -> None:
    text = POWER + "(2) Any person aggrieved may apply to the High Court to quash the order.\n"
    text += f"\nSection 9. Immunity\n{clause}\n"
    found = [f for f in findings("RM01", text) if "Section 9" in (f.provision.label or "")]
    assert bool(found) is fires


@pytest.mark.parametrize(
    ("clause", "fires"),
    [
        # Paying a provider's costs, or shielding the provider, is no remedy for the target.
        ("A provider who furnishes facilities under this section shall be reasonably "
         "compensated for such reasonable expenses incurred in providing such facilities.",
         True),
        ("No cause of action shall lie in any court against any provider for assistance given "
         "under an order.", True),
        # A remedy for the person concerned.
        ("A person whose communications were intercepted in breach of this Act may bring a "
         "civil action for damages.", False),
    ],
)
def test_rm01_reimbursing_or_shielding_a_provider_is_no_remedy(clause: str, fires: bool) -> None:
    text = POWER + f"(2) {clause}\n"
    found = [f for f in findings("RM01", text) if "Section 5" in (f.provision.label or "")]
    assert bool(found) is fires


FORM = (
    "\nSchedule\nForm of warrant\n\nName of the officer: __________\n\nDate: __________\n\n"
    "It is further affirmed that the said warrant authorizes the lawful interception of:\n\n"
    "1. ______________\n\n2. ______________\n"
)


def test_a_form_to_be_filled_in_confers_no_power() -> None:
    labels = [f.provision.label for f in findings("RM02", POWER + FORM)]
    assert labels == ["Section 5"]
    # The same words filled in as operative text do confer the power.
    filled = FORM.replace("_" * 14, "the named suspect").replace("_" * 10, "the officer")
    assert [f.provision.label for f in findings("RM02", POWER + filled)] == [
        "Section 5",
        "Schedule",
    ]


@pytest.mark.parametrize(
    "challenge",
    [
        "Any person aggrieved by an order under subsection (1) may apply to the Minister for "
        "review.",
        "A person aggrieved by an order under subsection (1) may appeal to the Minister, whose "
        "decision shall be final.",
    ],
)
def test_rm01_a_review_by_the_executive_that_ordered_the_measure_is_no_remedy(
    challenge: str,
) -> None:
    text = (
        "5. Interception.\n(1) The Minister may order the interception of communications.\n"
        f"(2) {challenge}\n"
    )
    assert fired_on("RM01", text) == ["interception"]
    to_court = text.replace("to the Minister", "to the High Court")
    assert findings("RM01", to_court) == []


_JUDGE_WARRANT = (
    "1. A judge may issue a warrant authorising a police officer to intercept the "
    "communications of a named person suspected of an offence listed in the Schedule, for "
    "thirty days.\n"
)


@pytest.mark.parametrize(
    "notice",
    [
        "The Chief Constable shall notify each person who was the subject of a warrant within 90 "
        "days after the warrant expires.",
        "The police shall give written notice of the warrant to the person named in it within "
        "90 days after it expires.",
        "The police shall inform the person concerned of the warrant within 90 days after it "
        "expires.",
    ],
)
def test_rm02_notice_of_the_warrant_in_another_section_reaches_the_power(notice: str) -> None:
    assert fired_on("RM02", _JUDGE_WARRANT) == ["intercept"]
    assert findings("RM02", f"{_JUDGE_WARRANT}2. {notice}\n") == []


@pytest.mark.parametrize(
    "notice",
    [
        "The subject of the interception shall be informed in writing within thirty days after "
        "the measure ends.",
        "The persons whose communications were intercepted shall be given knowledge of the "
        "recordings within thirty days after the end of the measure.",
    ],
)
def test_rm02_notice_in_civil_law_translations(notice: str) -> None:
    text = (
        "Art. 1º The judge may order the interception of communications for a period not "
        "exceeding fifteen days.\n"
    )
    assert fired_on("RM02", text) == ["interception"]
    assert findings("RM02", f"{text}\nArt. 2º {notice}\n") == []


@pytest.mark.parametrize(
    "remedy",
    [
        "Any person whose data has been transferred shall have effective legal remedies before a "
        "court of the requesting Party.",
        "Each Party shall ensure that any person whose data has been transferred has effective "
        "administrative and judicial remedies.",
    ],
)
def test_rm01_remedies_in_treaty_wording_are_credited(remedy: str) -> None:
    text = (
        "Article 5\n1. The requested Party shall transmit the data to the requesting Party.\n"
        f"2. {remedy}\n"
    )
    assert findings("RM01", text) == []


def test_rm01_where_appropriate_safeguards_is_a_condition_not_a_hedge() -> None:
    text = (
        "Article 5\n1. The requested Party shall transmit the data to the requesting Party.\n"
        "2. A transfer may take place only where appropriate safeguards are provided in a binding "
        "instrument which gives data subjects effective legal remedies.\n"
    )
    assert findings("RM01", text) == []
    hedged = text.replace("only where appropriate safeguards", "where appropriate, if safeguards")
    assert findings("RM01", hedged) != []


@pytest.mark.parametrize(
    "notice",
    [
        "A person whose data was obtained under this Agreement shall be informed within ninety "
        "days after the order lapses, unless a judge defers notice.",
        "A person whose communications were intercepted must be notified in writing within 90 "
        "days after the warrant ends.",
    ],
)
def test_rm02_a_notice_article_for_everyone_whose_data_was_obtained_reaches_the_power(
    notice: str,
) -> None:
    text = (
        "Article 2\nA judge may order the interception of the communications of a named person "
        f"for thirty days.\nArticle 4\n{notice}\n"
    )
    assert findings("RM02", text) == []


def test_rm02_a_notice_no_one_is_required_to_give_is_no_notice() -> None:
    text = (
        "Article 2\nA judge may order the interception of the communications of a named person "
        "for thirty days.\nArticle 4\nThe Party shall not be required to notify the person whose "
        "data has been obtained.\n"
    )
    assert fired_on("RM02", text) != []



def test_rm02_notice_in_writing_of_the_order_is_notice() -> None:
    text = (
        "Section 1. Tracking\n(1) A judge may order the real-time collection of the location "
        "data of a named patient for seven days.\n"
        "(2) The patient shall be notified in writing of the order within 24 hours.\n"
    )
    assert findings("RM02", text) == []
    assert findings("RM02", text.replace("notified in writing of", "reminded in writing of"))


def test_rm02_secrecy_towards_any_subscriber_is_secrecy() -> None:
    text = (
        "Section 1. Orders\n(1) The Minister may order any operator to hand over the location "
        "data of a subscriber.\n(2) The operator shall not inform any subscriber of the order.\n"
    )
    assert any("secrecy" in f.message for f in findings("RM02", text))


@pytest.mark.parametrize(
    "notice",
    [
        "(2) Within 90 days after the warrant expires, the judge shall cause an inventory to be "
        "served on the person named in the warrant.",
        "(2) The person named shall receive written notification of the warrant no later than "
        "30 days after it ceases to have effect.",
        "(2) Notice of the interception shall be given to the subject after its conclusion, save "
        "where a judge orders a delay.",
    ],
)
def test_rm02_inventories_and_notifications_in_the_words_of_published_laws(notice: str) -> None:
    text = (
        "2 Warrants\n(1) A judge of the High Court may issue a warrant authorising the "
        "interception of the communications of a named person suspected on reasonable grounds "
        f"of murder, for not more than 30 days.\n{notice}\n"
    )
    assert findings("RM02", text) == []
    assert findings("RM02", text.split("(2)")[0])
    assert [f.provision.label for f in findings("JR04", text)] == []


def test_rm01_a_tribunal_quashing_warrants_of_the_intercepted_covers_urgent_interception() -> None:
    text = (
        "5. Warrants.—A Judicial Commissioner may issue a warrant authorising the interception of "
        "the communications of a named suspect.\n"
        "6. Urgent cases.—In a case of urgency, the head of the agency may authorise interception "
        "for no more than forty-eight hours, pending approval by a Judicial Commissioner.\n"
        "10. Remedies.—Any person who believes that his communications have been intercepted may "
        "complain to the Surveillance Tribunal, which may quash any warrant, order the "
        "destruction of material and award compensation.\n"
    )
    assert findings("RM01", text) == []


def test_rm01_an_application_to_the_court_that_ordered_the_measure_for_a_review() -> None:
    text = (
        "Section 100a\n(1) The court may order the interception of the telecommunications of a "
        "named suspect.\n(2) The persons concerned may, within two weeks of notification, apply "
        "to the court that ordered the measure for a review of the lawfulness of the measure.\n"
    )
    assert findings("RM01", text) == []
    assert findings("RM01", text.split("(2)")[0])


@pytest.mark.parametrize(
    "remedy",
    [
        "Every person whose data have been accessed shall have the right to an effective "
        "judicial remedy before a court against the access.",
        "Any person whose data have been requested under Article 5 may challenge the measure "
        "before a court.",
    ],
)
def test_rm01_a_remedy_for_those_whose_data_were_accessed_covers_the_access(remedy: str) -> None:
    text = (
        "Article 5\nAccess to retained data\n1. Access to retained data shall be granted only on "
        "a prior review by a court.\nArticle 8\nRemedies\n1. " + remedy + "\n"
    )
    assert findings("RM01", text) == []
    assert findings("RM01", text.split("Article 8")[0])


def test_rm02_notice_the_prosecutor_alone_may_postpone() -> None:
    text = (
        "Article 1\n(1) Interception of communications shall be ordered by the investigating "
        "judge for a maximum of one month.\n(2) After the interception has ended, the person "
        "concerned shall be informed in writing.\n(3) The public prosecutor may postpone the "
        "notification for as long as it may endanger the proceedings.\n"
    )
    [found] = findings("RM02", text)
    assert "postponed by 'prosecutor' alone" in found.message
    judged = text.replace("The public prosecutor may", "The judge may, on application,")
    assert findings("RM02", judged) == []


WARRANT_SECTION = (
    "2 Warrants\n(1) A judge of the High Court may issue a warrant authorising the interception "
    "of the communications of a named person suspected on reasonable grounds of murder, for not "
    "more than 30 days.\n"
)


@pytest.mark.parametrize(
    "remedy",
    [
        "Any person aggrieved by an interception may apply to the High Court, which may quash the "
        "warrant, order destruction of the material and award damages.",
        "A person injured by an unlawful interception is entitled to compensation from the State, "
        "recoverable in the High Court.",
    ],
)
def test_rm01_a_remedy_for_those_aggrieved_by_a_measure_is_no_power(remedy: str) -> None:
    text = WARRANT_SECTION + f"3 Remedy\n{remedy}\n"
    assert findings("RM01", text) == []
    assert [f.provision.label for f in findings("PL02", text)] == []
    assert findings("JR02", text) == []


def test_rm01_a_notice_stating_the_warrant_does_not_cut_off_the_remedy_after_it() -> None:
    text = (
        "Section 1. Search\n(1) A customs officer may search the data stored on an electronic "
        "device of a named person suspected of a listed offence only under a warrant issued by a "
        "judge.\nSection 2. Notice and remedies\n(1) Every person whose device has been searched "
        "must be given a written notice stating the warrant.\n(2) A person aggrieved by a search "
        "may apply to the High Court, which may quash the warrant, order the destruction of any "
        "copy and award damages.\n"
    )
    assert findings("RM01", text) == []


@pytest.mark.parametrize(
    "notice",
    [
        "Within 90 days after the warrant expires, the judge shall cause an inventory to be "
        "served on the person named in the warrant.",
        "The person named shall receive written notification of the warrant no later than 30 "
        "days after it ceases to have effect.",
    ],
)
def test_rm02_notice_in_a_section_of_its_own_reaches_the_warrant(notice: str) -> None:
    text = WARRANT_SECTION + f"3 Notice\n{notice}\n"
    assert findings("RM02", text) == []
    assert findings("RM02", WARRANT_SECTION)


def test_rm01_a_remedy_for_data_requested_obtained_or_transferred_under_the_chapter() -> None:
    text = (
        "Chapter III - Co-operation\nArticle 26 - Requests\nA Party may request another Party to "
        "search or otherwise access data stored in its territory, on the authorisation of a "
        "judge.\nArticle 29 - Remedies\nEach Party shall ensure that any person whose data have "
        "been requested, obtained or transferred under this Chapter may challenge the measure "
        "before a court.\n"
    )
    assert findings("RM01", text) == []
