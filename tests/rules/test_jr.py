"""JR01-JR04 on bills written for these tests: texts that must fire and texts that must not."""

from __future__ import annotations

import pytest

from tests.rules.safeguard_helpers import findings, fired_on

HEDGED_CHAPTER = """Part 3
Investigatory powers

Section 10. Safeguards
(1) The powers and procedures provided for in this Part are subject to conditions and safeguards.
(2) Such conditions and safeguards shall, {hedge}, include judicial or other independent review.

Section 11. Interception
(1) A police officer may intercept the content of communications of a suspect.
"""

FIRM_CHAPTER = """Part 3
Investigatory powers

Section 10. Safeguards
(1) Every exercise of the powers provided for in this Part requires the prior authorisation
of a judge.

Section 11. Interception
(1) A police officer may intercept the content of communications of a suspect.
"""

JR01_FIRE = [
    HEDGED_CHAPTER.format(hedge="as appropriate in view of the nature of the power concerned"),
    HEDGED_CHAPTER.format(hedge="inter alia"),
    "Section 4. Review\nThe Authority may, where it deems fit, provide for judicial review of "
    "orders.\n",
    "Section 4. Review\nIn accordance with domestic law, orders shall be subject to independent "
    "review.\n",
]
JR01_PASS = [
    FIRM_CHAPTER,
    "Section 4. Review\nEvery order shall be subject to judicial review; the Authority may, as "
    "appropriate, publish guidance.\n",
    "Section 4. Review\nThe court may, as it deems appropriate, hear the applicant before "
    "granting a court order.\n",
    "Section 4. Records\nThe Authority shall, as appropriate, keep records of its meetings.\n",
]


@pytest.mark.parametrize("text", JR01_FIRE)
def test_jr01_fires_on_hedged_review(text: str) -> None:
    assert len(findings("JR01", text)) == 1


def test_jr01_points_at_the_hedge_and_relates_the_review() -> None:
    text = JR01_FIRE[0]
    (f,) = findings("JR01", text)
    assert text[f.span.start : f.span.end].startswith("as appropriate")
    assert any("review" in text[r.span.start : r.span.end] for r in f.related)


@pytest.mark.parametrize("text", JR01_PASS)
def test_jr01_quiet_on_firm_review(text: str) -> None:
    assert findings("JR01", text) == []


JR02_FIRE = [
    "Section 5. Traffic data\nA police officer may collect traffic data in real time where "
    "there is due cause.\n",
    HEDGED_CHAPTER.format(hedge="as appropriate"),
    "Section 6. Search\nAn investigating officer may search and seize any computer system.\n",
    "Section 7. Emergency\n(1) A judge may authorise interception of the content of "
    "communications.\n(2) In an emergency, an officer may intercept communications without an "
    "order.\n",
    # Validated afterwards, but nothing stops the measure or destroys its product if refused.
    "Section 7. Emergency\n(1) A judge may authorise the interception of communications.\n"
    "(2) In an emergency, an officer may intercept communications if an application for an order "
    "approving the interception is made within forty-eight hours after the interception began.\n",
]
JR02_PASS = [
    FIRM_CHAPTER,
    "Section 5. Traffic data\nA police officer may collect traffic data in real time only on "
    "the order of a judge.\n",
    # The safeguard applies only by cross-reference.
    "Section 5. Procedure\n(1) An application for an order shall be made to a judge.\n\n"
    "Section 6. Interception\n(1) Subject to section 5, an officer may intercept the content of "
    "communications.\n",
    # An urgent branch validated by a judge afterwards, and stopped if validation is refused.
    "Section 7. Emergency\n(1) A judge may authorise the interception of communications.\n"
    "(2) In an emergency, an officer may intercept communications if an application for an order "
    "approving the interception is made within forty-eight hours after the interception began.\n"
    "(3) Where the application is refused, the interception shall stop and its product shall be "
    "destroyed.\n",
]


@pytest.mark.parametrize("text", JR02_FIRE)
def test_jr02_fires_without_prior_independent_authorisation(text: str) -> None:
    assert findings("JR02", text)


@pytest.mark.parametrize("text", JR02_PASS)
def test_jr02_quiet_when_a_judge_authorises(text: str) -> None:
    assert findings("JR02", text) == []


def test_jr02_relates_the_hedged_general_clause() -> None:
    text = HEDGED_CHAPTER.format(hedge="as appropriate")
    (f,) = findings("JR02", text)
    assert text[f.span.start : f.span.end] == "intercept"
    assert [text[r.span.start : r.span.end] for r in f.related] == ["as appropriate"]


JR03_FIRE = [
    "Section 5. Interception\nThe Minister may, by order in writing, direct that any message be "
    "intercepted.\n",
    "Section 5. Disclosure\nThe prosecution authority may issue an order compelling a person to "
    "disclose stored computer data.\n",
    "Section 5. Interception\nThe Inspector-General of Police may authorise the interception of "
    "the communications of a suspect.\n",
]
JR03_PASS = [
    "Section 5. Interception\nThe Minister may apply to a judge, who may by order authorise the "
    "interception of the communications of a suspect.\n",
    "Section 5. Interception\nA judge may, on the application of the police, issue a warrant "
    "authorising the interception of communications.\n",
    "Section 5. Preservation\nThe prosecution authority may order the expeditious preservation "
    "of specified computer data.\n",
]


@pytest.mark.parametrize("text", JR03_FIRE)
def test_jr03_fires_on_executive_authoriser(text: str) -> None:
    assert len(findings("JR03", text)) == 1


@pytest.mark.parametrize("text", JR03_PASS)
def test_jr03_quiet_with_judicial_authorisation(text: str) -> None:
    assert findings("JR03", text) == []


JR04_FIRE = [
    "Section 5. Orders\nA judge may issue an order for the interception of communications "
    "relevant to any inquiry.\n",
    "Section 5. Orders\nThe Minister may, if satisfied that it is necessary or expedient, by "
    "order direct the interception of messages.\n",
    "Section 5. Orders\nA judge may order the interception of communications.\n",
]
JR04_PASS = [
    "Section 5. Orders\nA judge may order the interception of the communications of the person "
    "named in the application if there is probable cause to believe that the person is "
    "committing an offence listed in Schedule 1.\n",
    "Section 5. Orders\nA judge may issue a warrant for the interception of a specified "
    "communications facility where there are reasonable grounds to suspect a serious offence.\n",
    "Section 5. Traffic data\nA police officer may collect traffic data in real time.\n",
]


@pytest.mark.parametrize("text", JR04_FIRE)
def test_jr04_fires_without_grounds(text: str) -> None:
    assert findings("JR04", text)


@pytest.mark.parametrize("text", JR04_PASS)
def test_jr04_quiet_with_grounds_and_target(text: str) -> None:
    assert findings("JR04", text) == []


def test_jr04_points_at_the_vague_standard() -> None:
    assert fired_on("JR04", JR04_FIRE[0]) == ["relevant to any inquiry"]


SEARCH = (
    "Section 6. Search\n(1) A police officer who has reasonable grounds to suspect an offence "
    "may{waiver} search and seize any computer system.\n"
)


@pytest.mark.parametrize(
    ("waiver", "fires"),
    [
        (", without warrant,", True),
        (", without a court order,", True),
        (" on a warrant issued by a judge and not otherwise, and", False),
    ],
)
def test_jr02_fires_on_an_explicit_dispensation_from_a_warrant(waiver: str, fires: bool) -> None:
    text = SEARCH.format(waiver=waiver)
    found = findings("JR02", text)
    assert bool(found) is fires
    if fires:
        assert "without" in text[found[0].span.start : found[0].span.end]


def test_jr02_dispensation_outweighs_a_general_clause_requiring_a_judge() -> None:
    text = FIRM_CHAPTER + "\nSection 12. Search\n(1) A police officer may, without warrant, "
    text += "search and seize any computer system.\n"
    assert [f.provision.label for f in findings("JR02", text)] == ["Section 12(1)"]


def test_jr02_leaves_an_urgent_branch_without_warrant_to_the_urgency_check() -> None:
    text = (
        "Section 7. Emergency\n(1) A judge may authorise the interception of communications.\n"
        "(2) In an emergency, an officer may intercept communications without a warrant if an "
        "application for an order approving the interception is made within forty-eight hours "
        "after the interception began, and what it obtained shall be destroyed if it is "
        "refused.\n"
    )
    assert findings("JR02", text) == []


@pytest.mark.parametrize(
    ("consequence", "fires"),
    [
        ("", True),
        # stopping is not enough: what was obtained must be destroyed or unusable
        (" If the judge does not confirm the order, it shall cease to have effect.", True),
        (" Where confirmation is refused, all material obtained shall be destroyed.", False),
        (" Material obtained before a refusal may not be used in evidence.", False),
    ],
)
def test_jr02_an_urgent_measure_must_stop_if_its_validation_is_refused(
    consequence: str, fires: bool
) -> None:
    text = (
        "Article 10. Interception\n1. Interception may be ordered only by the investigating "
        "judge.\n2. In case of urgency, the public prosecutor may order the interception, and "
        "the order shall be submitted to the judge for confirmation within forty-eight hours."
        f"{consequence}\n"
    )
    refused = [f for f in findings("JR02", text) if "if validation is refused" in f.message]
    assert bool(refused) is fires


def test_jr03_leaves_an_officer_acting_without_warrant_to_jr02() -> None:
    text = "Section 6. Search\nA police officer may, without warrant, order the seizure of any "
    text += "computer system.\n"
    assert findings("JR03", text) == []
    assert findings("JR02", text)


PRODUCTION = (
    "Section 17. Production orders\n(1) The relevant authority may, where it has reasonable "
    "grounds to believe that {object}, order—\n(a) any person to produce any specified data in "
    "that person's possession; and\n(b) any service provider to produce subscriber "
    "information relating to a user.\n"
)


@pytest.mark.parametrize(
    ("belief", "fires"),
    [
        # Belief in relevance only: a relevance standard, not suspicion.
        ("the information is relevant to any inquiry", True),
        ("the data is required for the purposes of an investigation", True),
        # Belief in an offence, with relevance as a second limb.
        (
            "the named person has committed an offence listed in the Schedule, and that the "
            "data is relevant to the investigation",
            False,
        ),
    ],
)
def test_jr04_a_belief_in_relevance_is_not_suspicion(belief: str, fires: bool) -> None:
    assert bool(findings("JR04", PRODUCTION.format(object=belief))) is fires


def test_jr04_conviction_is_a_factual_basis() -> None:
    text = (
        "Section 9. Orders\nWhere a named person has been convicted of an offence under section "
        "4, the court may order the person to produce any specified data for any purpose.\n"
    )
    assert findings("JR04", text) == []


def test_jr04_leaves_blocking_orders_to_co08() -> None:
    text = "Section 20. Orders\nA judge may order a service provider to restrict access to any "
    text += "content relevant to any inquiry.\n"
    assert findings("JR04", text) == []
    assert findings("JR04", text.replace("restrict access to any content", "produce any data"))


def test_jr02_a_warrantless_seizure_validated_by_a_judge_within_hours() -> None:
    text = (
        "Section 6. Seizure\n(1) A police officer may, without warrant, seize a computer system "
        "where there are reasonable grounds to suspect an offence, if an application for an "
        "order approving the seizure is made to a judge within forty-eight hours after the "
        "seizure.\n"
    )
    assert findings("JR02", text) == []
    assert findings("JR02", text.split(", if an application")[0] + ".\n")


def test_jr03_leaves_an_executive_blocking_order_to_co08() -> None:
    # One defect, one finding: blocking on the Minister's word is CO08's ("blocking without
    # court"); an executive interception order in the same text is still JR03's.
    blocking = (
        "Section 26. Blocking\nWhere the Minister is satisfied that any content is prohibited "
        "content, the Minister may direct any service provider to block, remove or restrict "
        "access to that content.\n"
    )
    assert findings("JR03", blocking) == []
    both = blocking + "\n" + JR03_FIRE[0].replace("Section 5", "Section 27")
    assert [f.provision.label for f in findings("JR03", both)] == ["Section 27"]
    assert findings("CO08", blocking)


@pytest.mark.parametrize(
    ("clause", "fires"),
    [
        # An order already issued, mentioned in the object of the authority's own view.
        (
            "An agency may require a backup copy if in its sole discretion it determines that "
            "notice of the existence of the subpoena or court order may result in destruction of "
            "evidence.",
            False,
        ),
        # Whether to seek a court order at all is left to the agency.
        (
            "An agency may, in its sole discretion, seek a court order before requiring "
            "disclosure.",
            True,
        ),
    ],
)
def test_jr01_a_court_order_mentioned_is_not_a_review_required(clause: str, fires: bool) -> None:
    assert bool(findings("JR01", f"Section 4. Backup\n{clause}\n")) is fires


@pytest.mark.parametrize(
    ("standard", "fires"),
    [
        # A certification of relevance, however solemn, is no suspicion.
        (
            "the applicant has certified on oath that the information likely to be obtained is "
            "relevant to an ongoing criminal investigation",
            True,
        ),
        (
            "the applicant offers specific and articulable facts showing reasonable grounds to "
            "believe that the records are relevant and material to an ongoing criminal "
            "investigation",
            False,
        ),
    ],
)
def test_jr04_relevance_to_an_ongoing_investigation_is_not_suspicion(
    standard: str, fires: bool
) -> None:
    text = (
        "Section 7. Orders\nThe court shall enter an order authorizing the installation and use "
        f"of a pen register if the court finds that {standard}.\n"
    )
    assert bool(findings("JR04", text)) is fires


def test_jr04_a_reasonable_ground_in_the_singular_is_a_ground() -> None:
    text = (
        "Section 66. Preservation\nThe Commissioner may apply to a court for a preservation order "
        "for the expeditious preservation of personal data, where there is {} to believe that "
        "the data is vulnerable to loss.\n"
    )
    assert findings("JR04", text.format("reasonable ground")) == []
    assert findings("JR04", text.format("a wish"))


@pytest.mark.parametrize(
    "power",
    [
        # "information system" is the term of many texts for what others call a computer system.
        "search or otherwise access an information system and the data stored in it",
        "seize or otherwise secure the electronic data accessed under this article",
        # An interposed phrase between the verb and the content collected.
        "collect or record, by technical means in its territory, the content of specified "
        "communications",
        "collect or record that traffic data itself",
    ],
)
def test_jr02_powers_worded_with_other_vocabulary(power: str) -> None:
    text = f"Article 7. Powers\nEach Party shall empower its authorities to {power}.\n"
    assert findings("JR02", text)
    judged = text.replace(".\n", ", on a warrant issued by a judge.\n")
    assert findings("JR02", judged) == []


def test_pl02_production_and_preservation_worded_with_other_vocabulary() -> None:
    for power in (
        "order any person in its territory to hand over specified electronic data",
        "order the rapid preservation of specified electronic data",
    ):
        text = f"Article 7. Orders\nEach Party shall enable its authorities to {power}.\n"
        assert findings("PL02", text), power


def test_handing_over_to_another_party_is_no_production_power() -> None:
    text = (
        "Article 7. Execution of requests\nThe requested Party shall hand over to the "
        "requesting Party the evidence it has obtained, and shall cooperate with the "
        "requesting Party.\n"
    )
    assert findings("PL02", text) == []
    assert findings("JR02", text) == []


_MINISTERIAL = (
    "Section 1. Warrants\nThe Secretary of State may issue a warrant for the interception of "
    "communications{}.\n"
)


@pytest.mark.parametrize(
    "tail",
    [
        " without the approval of a Judicial Commissioner",
        ", having regard to any observations made by a Judicial Commissioner",
        "; a Judicial Commissioner may afterwards review the decision",
        " if a Judicial Commissioner does not object within five days",
    ],
)
def test_jr03_a_commissioner_who_neither_approves_nor_can_refuse_is_no_double_lock(
    tail: str,
) -> None:
    assert fired_on("JR03", _MINISTERIAL.format(tail)) == ["Secretary of State"]


def test_jr03_a_real_double_lock_passes() -> None:
    locked = _MINISTERIAL.format(
        ", and the warrant takes effect only once approved by a Judicial Commissioner"
    )
    assert findings("JR03", locked) == []


def test_jr03_an_executive_alternative_to_the_judge_is_no_judicial_control() -> None:
    text = (
        "Section 1. Interception\nInterception may be carried out on an order of a judge or of "
        "the Minister.\n"
    )
    assert fired_on("JR03", text) == ["Minister"]
    fallback = text.replace("or of", "or, where no judge is available, of")
    # The Minister may order instead of the judge whenever none is available.
    assert fired_on("JR03", fallback) == ["Minister"]


def test_jr03_the_president_of_a_court_is_a_judge() -> None:
    text = (
        "Article 1\nThe permission to intercept communications shall be given by the president "
        "of the regional court or by a deputy president designated by him.\n"
    )
    assert findings("JR03", text) == []
    assert findings("JR02", text) == []


def test_jr02_a_periodic_report_to_a_court_is_no_prior_authorisation() -> None:
    text = (
        "Section 1. Access\n(1) The Police may obtain communications data of any person.\n"
        "(2) The commander shall submit to the regional court, every six months, a report on "
        "the cases in which data were obtained.\n"
    )
    assert fired_on("JR02", text) == ["obtain communications data"]
    applied = text.replace(
        "every six months, a report on the cases in which data were obtained",
        "an application for an order authorising each access",
    )
    assert findings("JR02", applied) == []


def test_jr02_a_court_that_would_punish_the_offence_authorises_nothing() -> None:
    text = (
        "Section 5. A police officer may intercept any communication for the investigation of "
        "an offence punishable by a court with imprisonment of three years.\n"
    )
    assert fired_on("JR02", text) == ["intercept"]


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("The Minister orders the interception of communications for four months.", "Minister"),
        (
            "The interception of telecommunications is authorised by the Public Prosecutor for "
            "fifteen days.",
            "Prosecutor",
        ),
        (
            "Interception of communications is carried out on the decision of the Minister of "
            "the Interior for four months.",
            "Minister",
        ),
    ],
)
def test_jr03_present_tense_grants_of_civil_law_translations(sentence: str, who: str) -> None:
    assert fired_on("JR03", f"Article 5\n{sentence}\n") == [who]


def test_an_offence_of_intercepting_without_authorisation_grants_no_power() -> None:
    text = (
        "Art. 10. It constitutes a crime to carry out the interception of communications "
        "without judicial authorisation.\n\nPenalty: imprisonment from two to four years.\n"
    )
    assert findings("JR02", text) == []


@pytest.mark.parametrize(
    "prosecutor",
    ["The magistrate of the Public Prosecutor's Office", "The prosecuting magistrate"],
)
def test_jr03_a_magistrate_of_the_prosecution_is_no_judge(prosecutor: str) -> None:
    text = (
        f"Article 1\n{prosecutor} may order the interception of telecommunications for a period "
        "not exceeding fifteen days.\n"
    )
    assert len(findings("JR03", text)) == 1
    judge = text.replace(prosecutor, "The investigating magistrate")
    assert findings("JR03", judge) == []


def test_a_rule_on_the_instrument_of_a_named_section_reaches_it() -> None:
    text = (
        "5. Interception.\nThe Minister may issue a warrant for the interception of "
        "communications.\n6. Approval.\nNo warrant shall be issued under section 5 unless a "
        "Judicial Commissioner has approved it.\n"
    )
    assert findings("JR03", text) == []
    assert fired_on("JR03", text.split("6. Approval.")[0]) == ["Minister"]
    ruled = (
        "Rule 1. Orders.\nThe Secretary may order the interception of any message.\nRule 2. "
        "Duration.\nAn order under rule 1 shall remain in force for a period not exceeding sixty "
        "days.\n"
    )
    assert findings("PL01", ruled) == []


@pytest.mark.parametrize(
    "power",
    [
        "Where a police officer has reasonable grounds to believe that an offence has been "
        "committed, the officer may intercept any communication.",
        "Where an officer believes that evidence is stored in a computer system, the officer may "
        "search that computer system and seize any data in it.",
    ],
)
def test_jr02_a_power_granted_on_the_actors_own_belief_is_granted(power: str) -> None:
    assert fired_on("JR02", f"Section 5. Powers\n{power}\n") != []


def test_jr02_a_power_named_in_what_a_complainant_claims_is_not_granted() -> None:
    text = (
        "Section 5. Complaints\nThe Tribunal shall hear a complaint from any person who claims "
        "that an agency has intercepted his communications unlawfully.\n"
    )
    assert findings("HR03", text) == []


def test_jr02_a_penalty_threshold_in_a_condition_creates_no_offence() -> None:
    text = (
        "Article 3. The prosecutor may order the interception of communications of a suspect, "
        "where the offence under investigation is punishable by imprisonment of more than four "
        "years.\n"
    )
    assert fired_on("JR03", text) != []
    assert findings("CO01", text) == []


@pytest.mark.parametrize(
    ("clause", "fires"),
    [
        (
            "The Authority shall disclose identity data to the police on request, and no warrant "
            "or court order is required.",
            True,
        ),
        (
            "A police officer may, without a warrant, require a service provider to disclose the "
            "subscriber information of any user.",
            True,
        ),
        # production with no waiver is left to JR03 and the other rules
        ("The Authority shall disclose identity data to the police on request.", False),
    ],
)
def test_jr02_a_production_order_the_text_frees_from_any_warrant(clause: str, fires: bool) -> None:
    assert bool(findings("JR02", f"Section 1. Disclosure\n{clause}\n")) is fires


@pytest.mark.parametrize(
    ("clause", "fires"),
    [
        (
            "A service provider shall, on request, release to any law enforcement agency any "
            "traffic data retained by it.",
            True,
        ),
        (
            "The competent authority may order a service provider to produce the location data "
            "and call records of a subscriber.",
            True,
        ),
        (
            "The competent authority may order a service provider to produce stored content data.",
            True,
        ),
        # subscriber identity alone is not data revealing private life
        (
            "The competent authority may order a service provider to produce the subscriber "
            "information of a user.",
            False,
        ),
        (
            "A judge may order a service provider to produce the traffic data of a named suspect.",
            False,
        ),
        (
            "A service provider shall release traffic data retained by it only on the order of "
            "a court.",
            False,
        ),
    ],
)
def test_jr02_handing_over_traffic_location_or_content_data_needs_prior_review(
    clause: str, fires: bool
) -> None:
    assert bool(findings("JR02", f"Section 1. Disclosure\n{clause}\n")) is fires


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Article 4\n1. A production order to obtain traffic data may be issued by a judge, a "
            "court or a public prosecutor.\n",
            ["prosecutor"],
        ),
        (
            "1. A warrant for the interception of the communications of a named person may be "
            "issued by a Judicial Commissioner or, where the Commissioner is not available, by "
            "the Secretary of State.\n",
            ["Secretary of State"],
        ),
        (
            "Article 2. The public prosecutor, who is a judicial authority within the meaning of "
            "this Code, may order the interception of communications.\n",
            ["prosecutor"],
        ),
        (
            "Article 1. For the purposes of this Law, 'judicial authority' means the public "
            "prosecutor or the investigating judge.\n\nArticle 2. The judicial authority may "
            "order the interception of communications.\n",
            ["judicial authority"],
        ),
        (
            "1. Interception of communications is subject to the prior authorisation of the Prime "
            "Minister.\n",
            ["Minister"],
        ),
        (
            "Article 5. The Minister of the Interior prescribes the interception of "
            "communications for a period not exceeding four months.\n",
            ["Minister"],
        ),
    ],
)
def test_jr03_the_executive_authorises_in_the_words_of_other_traditions(
    text: str, words: list[str]
) -> None:
    assert fired_on("JR03", text) == words


@pytest.mark.parametrize(
    "text",
    [
        "Article 1. In this Law, 'independent authority' means the Surveillance Commission, which "
        "is independent of the executive and of the Minister.\n\nArticle 2. Interception may be "
        "ordered only with the prior approval of the independent authority.\n",
        "Article 2. The investigating judge, who is a judicial authority within the meaning of "
        "this Code, may order the interception of communications.\n",
        "1. A warrant for interception may be issued by a judge or a court.\n",
    ],
)
def test_jr03_quiet_when_only_judges_or_independent_bodies_authorise(text: str) -> None:
    assert findings("JR03", text) == []


def test_an_order_a_judge_may_enter_grants_the_power_it_authorises() -> None:
    text = (
        "§ 1. A judge may enter an order authorizing interception of the communications of any "
        "person.\n§ 2. The order remains in force until the investigation ends.\n"
    )
    assert fired_on("PL01", text) != []


def test_jr_a_body_described_as_independent_where_first_named_stays_independent() -> None:
    text = (
        "1. Interception may be authorised only with the assent of the Commission, an "
        "independent authority, for thirty days against a person suspected of an offence in "
        "Schedule 1.\n2. In urgent cases the Minister may authorise interception for 48 hours; "
        "the Commission must decide within 48 hours whether to approve it, and if it refuses "
        "the material is destroyed.\n"
    )
    assert findings("JR03", text) == []
    assert findings("JR02", text) == []
    assert findings("JR03", text.replace(", an independent authority,", "")) != []


@pytest.mark.parametrize(
    "after",
    [
        "and the order shall be reported to a judge within seven days",
        "and the order shall be reviewed by a committee which includes a judge, within two months",
        "with the prior approval of an independent Review Committee consisting of the Cabinet "
        "Secretary and the Law Secretary",
    ],
)
def test_jr03_a_judge_told_or_reviewing_afterwards_or_a_committee_of_officials_approves_nothing(
    after: str,
) -> None:
    text = f"5. Interception.\nThe Secretary may order the interception of any message {after}.\n"
    assert fired_on("JR03", text) == ["Secretary"]


def test_jr03_a_judge_who_approves_beforehand_is_credited() -> None:
    text = (
        "5. Interception.\nThe Secretary may order the interception of any message with the "
        "prior approval of a judge, which shall be given within seven days of the application.\n"
    )
    assert findings("JR03", text) == []


def test_jr03_the_court_of_a_remedy_authorises_no_measure() -> None:
    text = (
        "1. The Minister may authorize a police officer to intercept a private communication.\n"
        "2. A person whose communication was intercepted in contravention of this Act may bring "
        "an action in the High Court for damages and for an order that the material be "
        "destroyed.\n"
    )
    assert fired_on("JR03", text) == ["Minister"]


def test_jr02_a_court_that_receives_reports_and_informs_of_its_review_authorises_nothing() -> None:
    text = (
        "1. (1) The Police may obtain communications data of any person without his knowledge.\n"
        "(2) The commander shall submit to the regional court, every six months, a report on the "
        "number of cases in which data were obtained, and the court may inform the commander of "
        "the result of its review.\n"
    )
    assert fired_on("JR02", text) == ["obtain communications data"]


def test_jr02_access_in_flagrante_delicto_validated_without_consequence() -> None:
    text = (
        "Article 3. The police may obtain the real-time location of mobile telephones in cases of "
        "flagrante delicto.\n\nArticle 4. Within seventy-two hours of the access, the judge shall "
        "decide on the judicial validation of the measure.\n"
    )
    assert any("if validation is refused" in f.message for f in findings("JR02", text))


def test_jr03_a_judge_who_issues_another_paragraphs_order_does_not_cover_the_prosecutors() -> None:
    text = (
        "Article 1\n1. An order for subscriber data may be issued by a judge.\n2. An order for "
        "the production of content data may be issued by a public prosecutor.\n"
    )
    assert fired_on("JR03", text) == ["prosecutor"]


def test_jr03_help_the_executive_directs_for_a_judges_interception_is_covered() -> None:
    text = (
        "Sec. 1. (a) A judge may authorize the interception of communications of a named "
        "person.\n(b) The Attorney General may direct a provider to provide the Government with "
        "all information, facilities, or assistance necessary to accomplish the interception.\n"
    )
    assert findings("JR03", text) == []


def test_jr02_a_warrantless_query_of_collected_data_names_the_query() -> None:
    text = (
        "Sec. 1. (a) A judge may authorize the interception of communications of a named "
        "person.\n(b) An officer may query information collected under this section using a "
        "United States person query term without an order of the Court.\n"
    )
    found = findings("JR02", text)
    assert [f.message.split("'")[1] for f in found] == ["query information collected"]



@pytest.mark.parametrize(
    "power",
    [
        "examine the contents of any mobile telephone found on an arrested person",
        "search a cell phone found on that person",
        "extract information stored on an electronic device used by a witness",
        "examine the documents stored on a personal digital device",
        "unlock any smartphone seized under this Act",
    ],
)
def test_jr02_searches_of_phones_and_devices_in_everyday_words(power: str) -> None:
    text = f"Section 32. Search of devices\nA constable may {power}.\n"
    assert findings("JR02", text)
    judged = text.replace(".\n", " only under a warrant issued by a judge.\n")
    assert findings("JR02", judged) == []


@pytest.mark.parametrize(
    "demand",
    [
        "require any person to provide access information for any electronic device",
        "require the person to disclose the password of any device",
        "require the suspect to give the PIN or passcode of the phone",
        "by notice, impose a disclosure requirement in respect of protected information",
    ],
)
def test_jr03_an_officer_who_demands_passwords_or_keys(demand: str) -> None:
    text = f"Section 183. Access information\nA customs officer may {demand}.\n"
    assert [f.code for f in findings("JR03", text)] == ["JR03"]
    judged = text.replace(
        "A customs officer may", "A customs officer may, with the leave of a judge,"
    )
    assert findings("JR03", judged) == []


@pytest.mark.parametrize(
    "officer",
    [
        "the Chief Executive of the Customs Service",
        "a senior customs officer",
        "an investigating officer",
        "a member of the Garda Síochána",
    ],
)
def test_jr03_officers_of_customs_and_police_are_executive(officer: str) -> None:
    text = (
        "Section 1. Device searches\nAn officer may search the data stored on an electronic "
        f"device only under an authorisation issued by {officer}.\n"
    )
    assert findings("JR03", text)


def test_jr03_a_warrant_granted_by_a_sheriff_is_judicial() -> None:
    text = (
        "Section 5. Devices\nA constable may search the data stored on an electronic device "
        "only under a warrant granted by a sheriff.\n"
    )
    assert findings("JR03", text) == []
    assert findings("JR02", text) == []
    assert findings("JR03", text.replace("a sheriff", "a chief constable"))


def test_jr02_a_body_hereby_authorised_is_granted_the_power() -> None:
    text = (
        "Section 1. Tracking\nThe Service is hereby authorised to collect location data of any "
        "patient.\n"
    )
    assert findings("JR02", text)
    judged = text.replace("patient.", "patient on the order of a judge.")
    assert findings("JR02", judged) == []


def test_jr03_the_identity_of_an_end_user_is_no_limit_on_the_power() -> None:
    text = (
        "Section 1. Identity\nThe Police may require a provider to disclose the identity of an "
        "end-user.\n"
    )
    assert findings("JR03", text)


def test_jr03_a_tribunal_that_hears_proceedings_afterwards_authorises_nothing() -> None:
    text = (
        "3 Warrants\n(1) The Secretary of State may issue a warrant authorising the interception "
        "of the communications of a named person suspected of murder, for not more than 3 "
        "months.\n11 Tribunal\n(1) Any person who believes that their communications have been "
        "intercepted in breach of this Act may bring proceedings before the Investigatory Powers "
        "Tribunal.\n"
    )
    assert [f.code for f in findings("JR03", text)] == ["JR03"]
    assert findings("RM01", text) == []


def test_jr03_a_sheriff_who_grants_the_warrant_is_judicial() -> None:
    text = (
        "Section 2. Warrants\nA sheriff may grant a warrant for the interception of the "
        "communications of a named person suspected of murder.\n"
    )
    assert findings("JR02", text) == []
    executive = text.replace("A sheriff may grant", "A chief constable may grant")
    assert findings("JR03", executive)


def test_jr03_a_governmental_entity_requiring_stored_content() -> None:
    text = (
        "§ 2802. Required disclosure\n(a) A governmental entity may require a provider to "
        "disclose the stored content of any customer.\n"
    )
    assert findings("JR03", text)
    assert findings("JR03", text.replace("customer.", "customer under a warrant of a court.")) == []


@pytest.mark.parametrize(
    ("clause", "code"),
    [
        ("The Police shall not intercept a communication unless the Minister has issued a "
         "warrant.", "JR03"),
        ("No person shall intercept a communication unless authorised by a warrant issued by "
         "the Minister.", "JR03"),
        ("The Service shall not obtain location data relating to a patient unless an order has "
         "been issued by the Director-General of the Ministry of Health.", "JR03"),
    ],
)
def test_jr03_a_ban_lifted_once_the_executive_has_issued_a_warrant(clause: str, code: str) -> None:
    text = f"Section 1. Interception\n{clause}\n"
    assert findings(code, text)
    judged = text.replace("the Minister", "a judge").replace(
        "the Director-General of the Ministry of Health", "a judge"
    )
    assert findings(code, judged) == []
    assert findings("JR04", judged)  # the power is still granted, on the judge's warrant


def test_a_duty_that_waits_for_an_order_grants_no_power_of_that_order() -> None:
    text = (
        "Section 5. Destruction\nWhen the preservation order ceases to have effect, the provider "
        "shall, unless a production order has been made, delete the preserved copy.\n"
    )
    assert findings("RM01", text) == []


def test_jr04_an_interception_direction_applied_for_is_a_granted_power() -> None:
    text = (
        "Section 2. Directions\nAn applicant may apply to a designated judge for a direction "
        "authorising the interception of any communication.\n"
    )
    assert findings("JR04", text)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            '1. Definitions\nIn this Act "technological data" means location data and traffic '
            "data.\n2. Tracking\nThe Government may authorise the Service to collect "
            "technological data relating to any patient.\n",
            True,
        ),
        (
            '1. Definitions\nIn this Act "technological data" means location data and traffic '
            "data.\n2. Tracking\nThe Service may collect technological data relating to a patient "
            "only on an order of a judge.\n",
            False,
        ),
        # a term that means no communications data grants nothing
        (
            '1. Definitions\nIn this Act "health data" means the results of a test.\n2. Tracking\n'
            "The Government may authorise the Service to collect health data.\n",
            False,
        ),
    ],
)
def test_jr03_collecting_a_defined_term_that_means_location_data(text: str, fires: bool) -> None:
    assert bool(findings("JR03", text)) is fires


def test_jr03_a_list_of_verbs_around_collect_location_data() -> None:
    text = (
        "Section 1. Tracking\nThe Government may authorise the Service to receive, collect and "
        "process location data relating to any patient.\n"
    )
    assert findings("JR03", text)


@pytest.mark.parametrize(
    "order",
    [
        "The Authority may issue a detection order requiring a provider to scan all messages "
        "transmitted by its users, including end-to-end encrypted messages.",
        "The Regulator may give a notice requiring the provider to use accredited technology to "
        "identify terrorist content communicated privately by means of the service.",
    ],
)
def test_jr02_scanning_private_messages_needs_prior_independent_authorisation(order: str) -> None:
    text = f"Section 1. Detection\n{order}\n"
    assert findings("JR02", text) or findings("JR03", text)  # a regulator is executive
    judged = text.replace("The Authority may", "A judge may").replace(
        "The Regulator may", "A judge may"
    )
    assert findings("JR02", judged) == findings("JR03", judged) == []


def test_a_provider_that_has_received_a_detection_order_executes_it_and_grants_nothing() -> None:
    text = (
        "Article 10\n1. Providers that have received a detection order shall execute it by "
        "installing technologies to detect the material.\n"
    )
    assert findings("JR02", text) == []


def test_jr02_an_urgent_order_that_merely_ceases_when_refused() -> None:
    text = (
        "Article 1\n(1) Interception of communications shall be ordered by the investigating "
        "judge.\n(2) Where delay would make it impossible to obtain the evidence, the public "
        "prosecutor may order the interception, and shall submit the order to the judge within "
        "12 hours.\n(3) Where the judge does not confirm the order, the interception shall cease "
        "immediately.\n"
    )
    assert any("destroyed" in f.message for f in findings("JR02", text))
    destroyed = text.replace("cease immediately.", "cease and its product be destroyed.")
    assert findings("JR02", destroyed) == []


def test_jr03_an_officer_who_authorises_the_obtaining_of_communications_data() -> None:
    text = (
        "1 Acquisition\nAn officer of the rank of superintendent may authorise the obtaining of "
        "communications data from any telecommunications operator.\n"
    )
    assert findings("JR03", text)


def test_jr02_the_judicial_body_of_a_council_that_finds_an_order_lawful_first() -> None:
    text = (
        "Section 19\n(1) The Service may intercept the communications of a named person suspected "
        "of terrorism on the basis of an interception order.\nSection 40\n(1) No interception "
        "order under section 19 may be executed before the judicial body of the Control Council "
        "has found it lawful; the finding is binding.\n"
    )
    assert findings("JR02", text) == []
    assert findings("JR02", text.split("Section 40")[0])


CODE_CHAPTER = (
    "Article 160\nPrinciples\nSpecial investigative measures may be ordered only where they are "
    "necessary and proportionate.\n\nArticle 162\nTypes of measures\nSpecial investigative "
    "measures are:\n1) covert interception of communications;\n2) covert monitoring of persons.\n"
    "\nArticle 164\nOrder of the judge\nA measure referred to in Article 162 shall be ordered by "
    "the judge, on a reasoned application of the public prosecutor, against a person suspected "
    "of an offence listed in Article 161, for no longer than one month.\n\nArticle 165\nUrgent "
    "procedure\n(1) Where there is a risk that delay would make it impossible to obtain the "
    "evidence, the public prosecutor may order the measure by a written order, which shall be "
    "submitted to the judge within 12 hours.\n(2) The judge shall decide within 48 hours of the "
    "submission whether to confirm the order.\n(3) Where the judge does not confirm the order, "
    "the measure shall cease immediately.\n"
)


def test_a_measure_referred_to_in_the_article_that_lists_it_is_the_one_granted() -> None:
    assert findings("PL01", CODE_CHAPTER) == []
    assert findings("JR04", CODE_CHAPTER) == []
    # the urgent branch of another article is checked: no deletion if confirmation is refused
    [urgent] = findings("JR02", CODE_CHAPTER)
    assert "nothing says that the measure stops and what it obtained is destroyed" in (
        urgent.message
    )
    deleted = CODE_CHAPTER.replace(
        "shall cease immediately.", "shall cease and the material shall be destroyed."
    )
    assert findings("JR02", deleted) == []


def test_jr03_a_minister_requiring_help_to_give_effect_to_warrants_authorises_none() -> None:
    text = (
        "1 Bulk personal datasets\nA Service may retain and examine a bulk personal dataset for "
        "such period as the head of that Service thinks fit.\n2 Duties of operators\nThe "
        "Secretary of State may give a telecommunications operator a notice requiring it to "
        "provide such assistance as is necessary for giving effect to any warrant or "
        "authorisation under this Act.\n"
    )
    assert findings("JR03", text) == []
    assert [f.provision.label for f in findings("JR02", text)] == ["Section 1"]


def test_a_signals_intelligence_agency_is_a_name_not_a_power() -> None:
    text = (
        "1 The Services\nThere shall continue to be a Signals Intelligence Agency under the "
        "authority of the Secretary of State.\n"
    )
    assert findings("JR02", text) == []
    assert findings("JR02", "1 Collection\nThe Agency may carry out signals intelligence.\n")


def test_jr02_urgent_authorisations_counted_in_a_report_are_no_urgent_procedure() -> None:
    text = (
        "3 Warrants\n(1) A judge may issue a warrant authorising the interception of the "
        "communications of a named person suspected of murder.\n13 Annual report\nThe report "
        "under this Act shall state the number of warrants issued and the number of urgent "
        "authorisations.\n"
    )
    assert findings("JR02", text) == []


def test_jr03_location_data_handed_over_to_the_ministry() -> None:
    text = (
        "1. Emergency\nThe Minister may order any operator to hand over to the Ministry the "
        "location data of all subscribers in a designated area.\n"
    )
    assert findings("JR03", text)


def test_jr02_an_advanced_tier_of_a_search_is_a_power_of_its_own() -> None:
    text = (
        "3. Basic searches\nAny officer may perform a basic search of an electronic device.\n"
        "4. Advanced searches\nAn officer may perform an advanced search of an electronic device "
        "only where there is reasonable suspicion.\n"
    )
    assert [f.provision.label for f in findings("JR02", text)] == ["Section 3", "Section 4"]
    # a restatement in the passive, with no one doing it, stays a condition of the first grant
    restated = text.replace(
        "An officer may perform an advanced search of an electronic device",
        "A search of an electronic device may be carried out",
    )
    assert [f.provision.label for f in findings("JR02", restated)] == ["Section 3"]


@pytest.mark.parametrize(
    ("clause", "who"),
    [
        ("The Police shall not intercept a communication unless the Minister has issued a "
         "warrant.", "Minister"),
        ("The Minister may, on the application of a police officer, issue an order authorising "
         "the interception of communications of any person.", "Minister"),
    ],
)
def test_jr03_names_the_official_who_issues_not_the_one_who_applies(clause: str, who: str) -> None:
    [found] = findings("JR03", f"Section 1. Interception\n{clause}\n")
    assert found.message.startswith(f"'{who}' authorises")
