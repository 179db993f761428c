"""PL01-PL05 on bills written for these tests."""

from __future__ import annotations

import pytest

from tests.rules.safeguard_helpers import findings, fired_on

INTERCEPT = "Section 5. Interception\n(1) A judge may order the interception of communications.\n"

PL01_FIRE = [
    INTERCEPT,
    INTERCEPT + "(2) The order remains in force until the investigation is concluded.\n",
    "Section 5. Preservation\nThe prosecutor may order the expeditious preservation of "
    "specified computer data.\n",
]
PL01_PASS = [
    INTERCEPT + "(2) No order may authorise interception for longer than thirty days; "
    "an extension requires a new order of the judge.\n",
    "Section 5. Preservation\nThe prosecutor may order the expeditious preservation of "
    "specified computer data for a period not exceeding ninety days.\n",
    "Section 5. Search\nA judge may issue a warrant to search and seize a computer system.\n",
]


@pytest.mark.parametrize("text", PL01_FIRE)
def test_pl01_fires(text: str) -> None:
    assert findings("PL01", text)


@pytest.mark.parametrize("text", PL01_PASS)
def test_pl01_quiet(text: str) -> None:
    assert findings("PL01", text) == []


def test_pl01_is_an_error_for_interception_and_a_warning_for_preservation() -> None:
    assert [f.severity for f in findings("PL01", PL01_FIRE[0])] == ["error"]
    assert [f.severity for f in findings("PL01", PL01_FIRE[2])] == ["warning"]


def test_pl01_points_at_the_open_ended_period() -> None:
    assert fired_on("PL01", PL01_FIRE[1]) == ["until the investigation is concluded"]


PL02_FIRE = [
    "Section 5. Disclosure\nThe officer may order any person in possession of data to disclose "
    "all data required.\n",
    "Section 5. Interception\nThe Minister may direct that any message or class of messages be "
    "intercepted.\n",
    INTERCEPT,
]
PL02_PASS = [
    INTERCEPT + "(2) An order may be made only in relation to an offence listed in Schedule 2.\n",
    "Section 5. Interception\nA judge may order the interception of communications of a person "
    "suspected of a serious offence.\n",
    "Section 5. Records\nThe registrar shall keep records of all licences.\n",
]


@pytest.mark.parametrize("text", PL02_FIRE)
def test_pl02_fires(text: str) -> None:
    assert findings("PL02", text)


@pytest.mark.parametrize("text", PL02_PASS)
def test_pl02_quiet(text: str) -> None:
    assert findings("PL02", text) == []


PL03_FIRE = [
    INTERCEPT,
    "Section 5. Retention\nThe Minister may require providers to retain traffic data.\n",
    "Section 5. Search\nA judge may issue a warrant to search and seize a computer system.\n",
]
PL03_PASS = [
    INTERCEPT + "(2) Recordings shall be sealed and kept in the custody of the court.\n",
    INTERCEPT + "(2) Material that is not relevant shall be destroyed at once.\n",
    "Section 5. Records\nThe registrar shall keep records of all licences.\n",
]


@pytest.mark.parametrize("text", PL03_FIRE)
def test_pl03_fires(text: str) -> None:
    assert findings("PL03", text)


@pytest.mark.parametrize("text", PL03_PASS)
def test_pl03_quiet(text: str) -> None:
    assert findings("PL03", text) == []


def test_pl03_is_an_error_for_retention() -> None:
    assert [f.severity for f in findings("PL03", PL03_FIRE[1])] == ["error"]


PL04_FIRE = [
    INTERCEPT,
    "Section 5. Search\nA judge may issue a warrant to search and seize a computer system.\n",
    "Section 5. Traffic data\nA judge may order the collection of traffic data in real time.\n",
]
PL04_PASS = [
    INTERCEPT + "(2) Every order shall require the interception to minimise the interception of "
    "communications not otherwise subject to interception.\n",
    INTERCEPT + "(2) Privileged communications between a lawyer and client shall not be "
    "intercepted.\n",
    "Section 5. Preservation\nA judge may order the expeditious preservation of specified "
    "computer data.\n",
]


@pytest.mark.parametrize("text", PL04_FIRE)
def test_pl04_fires(text: str) -> None:
    assert findings("PL04", text)


@pytest.mark.parametrize("text", PL04_PASS)
def test_pl04_quiet(text: str) -> None:
    assert findings("PL04", text) == []


PL05_FIRE = [
    "Section 5. Assistance\nThe officer may order any person who has knowledge about the "
    "functioning of the computer system to provide the necessary information.\n",
    "Section 5. Assistance\nThe officer may order any person who has knowledge about the "
    "functioning of the computer system to provide, as is reasonable, the necessary "
    "information.\n",
    "Section 5. Assistance\nAny person familiar with the system shall give the police any "
    "help they require.\n",
    # Knowing how a system works is the same open class as knowledge of its functioning.
    "Section 5. Assistance\nThe police may compel any person who knows how the information "
    "system works to supply the information needed to search it.\n",
]
PL05_PASS = [
    "Section 5. Assistance\nA judge may order any person who has knowledge about the functioning "
    "of the computer system to provide reasonable technical assistance; no one shall be "
    "required to incriminate themselves, and the privilege against self-incrimination applies.\n",
    "Section 5. Assistance\nA judge may direct the named service provider to furnish technical "
    "assistance with a minimum of interference.\n",
    "Section 5. Records\nThe registrar shall keep records of all licences.\n",
    # Knowing of an offence is no knowledge of a system.
    "Section 5. Reports\nAny person who knows that an offence has been committed shall "
    "report it to the police.\n",
]


@pytest.mark.parametrize("text", PL05_FIRE)
def test_pl05_fires(text: str) -> None:
    assert findings("PL05", text)


@pytest.mark.parametrize("text", PL05_PASS)
def test_pl05_quiet(text: str) -> None:
    assert findings("PL05", text) == []


PART_POWERS = (
    "Part 2\nPowers\n\nSection 4. Interception\nA judge may order the interception of "
    "communications.\n\nSection 5. Search\nA judge may issue a warrant to search a computer "
    "system.\n\n"
)


@pytest.mark.parametrize(
    ("handling_clause", "fires"),
    [
        ("Data obtained under this Part shall be stored securely and destroyed at expiry.", False),
        ("Material collected under sections 4 and 5 shall be destroyed at expiry.", False),
        ("Material obtained by a warrant under this Part shall be erased at expiry.", False),
        # Hedged: only where practicable.
        ("Data obtained under this Part shall, where practicable, be destroyed.", True),
        # Reaches another Part.
        ("Data obtained under Part 3 shall be destroyed at expiry.", True),
    ],
)
def test_pl03_a_clause_on_material_obtained_under_a_part_covers_its_powers(
    handling_clause: str, fires: bool
) -> None:
    text = PART_POWERS + "Section 6. Handling\n" + handling_clause + "\n\nPart 3\nOther\n\n"
    text += "Section 7. Records\nThe registrar shall keep a register of licences.\n"
    assert bool(findings("PL03", text)) is fires


WARRANT_ACT = (
    "Part 2\nWarrants\n\n4. Interception\n(1) The warrant issued by the Judge may authorise the "
    "interception of the communications of a suspect of a scheduled offence.\n\n{rule}\n\n"
    "6. Reports\nThe Minister shall receive reports about the warrants of interception "
    "obtained.\n"
)


@pytest.mark.parametrize(
    ("rule", "fires"),
    [
        # A rule on the instrument itself reaches every power exercised by it.
        ("5. Duration of warrants\nWarrant shall be issued for a period of not longer than six "
         "days.", False),
        ("5. Duration\nA warrant for interception shall not remain in force for more than "
         "thirty days.", False),
        # Hedged.
        ("5. Duration of warrants\nWarrant shall, where possible, be issued for a period of not "
         "longer than six days.", True),
        # Another instrument, or another power.
        ("5. Duration of orders\nAn order shall be made for a period of not longer than six "
         "days.", True),
        ("5. Duration\nA warrant for the preservation of data shall not remain in force for more "
         "than ninety days.", True),
        # "The warrant" of a sentence just before: that provision's own instrument.
        ("5. Forensic tools\nThe court may, on request, allow a forensic tool to be used under a "
         "warrant. The warrant is valid for six days.", True),
    ],
)
def test_pl01_rules_on_the_instrument_reach_the_powers_it_authorises(
    rule: str, fires: bool
) -> None:
    found = findings("PL01", WARRANT_ACT.format(rule=rule))
    assert bool(found) is fires
    # A provision that only mentions the warrants is no power of its own.
    assert not any("Section 6" in (f.provision.label or "") for f in found)


def test_pl02_the_items_of_a_lead_in_on_issuing_warrants_reach_the_power() -> None:
    power = (
        "Part 2\nWarrants\n\n4. Interception\n(1) The warrant issued by the Judge may authorise "
        "the interception of communications.\n\n"
    )
    considerations = (
        "5. Considerations\nThe Judge, before the issuance of a warrant, shall consider—\n"
        "(a) whether the person concerned is suspected of a scheduled offence; and\n"
        "(b) whether the warrant will enable evidence to be collected.\n"
    )
    assert findings("PL02", power)
    assert findings("PL02", power + considerations) == []


def test_pl03_blocking_obtains_no_material_to_handle() -> None:
    text = (
        "Section 20. Orders\nA judge may order a service provider to restrict access to "
        "specified content.\n"
    )
    assert findings("PL03", text) == []
    assert findings("PL03", text.replace("restrict access to specified content", "intercept "
                                         "specified communications"))


def test_an_empowering_lead_in_keeps_its_items_beside_a_failure_to_comply_offence() -> None:
    # Item (a) names its addressee by a relative clause ("who may hold"); the offence in
    # subsection (2) only enforces the order.
    text = (
        "Section 17. Production orders\n(1) The authority may, where it considers it useful, "
        "order—\n(a) any person who may hold information to produce any specified data;\n"
        "(2) A person who fails to comply with an order under subsection (1) commits an "
        "offence.\n"
    )
    assert findings("PL02", text)


@pytest.mark.parametrize(
    ("duty", "fires"),
    [
        # The State helping the owner of an attacked system compels no one.
        ("The Council shall provide technical assistance to the owner of a critical "
         "infrastructure to mitigate the threat.", False),
        ("A service provider shall provide the applicant technical assistance in executing "
         "an order.", True),
    ],
)
def test_technical_assistance_given_to_a_victim_is_no_power(duty: str, fires: bool) -> None:
    assert bool(findings("PL02", f"Section 11. Assistance\n{duty}\n")) is fires


_JUDGE_WARRANT = (
    "5. Warrant.\nA Judge may, on reasonable grounds to believe that the person named has "
    "committed a scheduled offence, issue a warrant for the interception of that person's "
    "communications for not more than sixty days.\n"
)


@pytest.mark.parametrize(
    "rule",
    [
        "7. Handling.\nIntercepted material which is not relevant to the scheduled offence shall "
        "be destroyed immediately.\n",
        "8. Privileged communications.\nNo warrant under section 5 shall authorise the "
        "interception of communications between a person and that person's legal practitioner "
        "made for the purpose of obtaining legal advice.\n",
    ],
)
def test_pl04_minimisation_or_privilege_in_commonwealth_wording(rule: str) -> None:
    assert findings("PL04", _JUDGE_WARRANT) != []
    assert findings("PL04", _JUDGE_WARRANT + rule) == []


def test_pl02_a_defined_term_for_listed_offences_ties_the_power_to_them() -> None:
    text = (
        "1. In this Act, relevant offence means an offence listed in Schedule 1.\n"
        "2. A judge may issue a warrant authorising interception of the communications of a "
        "named person only on reasonable grounds to suspect that the person committed a "
        "relevant offence.\n"
    )
    assert findings("PL02", text) == []
    undefined = text.replace("relevant offence means an offence listed in Schedule 1", "")
    assert findings("PL02", undefined) != []


def test_pl02_a_civil_law_penalty_threshold_ties_the_power_to_grave_offences() -> None:
    text = (
        "Article 3. The judge may order the interception of communications of a suspect for a "
        "period not exceeding fifteen days, where the offence under investigation is punished "
        "with a custodial sentence greater than four years.\n"
    )
    assert findings("PL02", text) == []
    assert findings("PL02", text.split(", where")[0] + ".\n") != []


def test_pl02_offences_under_a_part_and_definitions_left_to_a_minister() -> None:
    text = (
        "Section 5. Orders\nThe High Court may order a provider to disable access to content "
        "where satisfied that its publication constitutes an offence under Part 2.\n"
    )
    assert findings("PL02", text) == []
    open_class = (
        '1. In this Act, "prohibited content" means content the publication of which is an '
        "offence under Part 2 or which the Minister considers contrary to the public interest.\n"
        "2. The Minister may direct a provider to block access to prohibited content.\n"
    )
    assert findings("PL02", open_class) != []


def test_pl01_the_period_set_for_the_addressee_of_an_order_limits_the_order() -> None:
    text = (
        "Article 3\nA preservation order may be issued only by a judge.\n"
        "Article 5\nThe addressee of a preservation order shall preserve the data for a period "
        "not exceeding sixty days, which may be renewed only by a fresh judicial order.\n"
    )
    assert findings("PL01", text) == []
    limit = (
        "for a period not exceeding sixty days, which may be renewed only by a fresh judicial order"
    )
    unlimited = text.replace(limit, "until the investigation is concluded")
    assert findings("PL01", unlimited) != []


@pytest.mark.parametrize(
    ("renewal", "fires"),
    [
        ("which may be renewed only by a fresh judicial order", False),
        ("which the Minister may renew", True),
    ],
)
def test_pl01_a_renewal_a_judge_must_grant_is_no_unlimited_renewal(
    renewal: str, fires: bool
) -> None:
    text = (
        "Article 4\nThe Minister may order a service provider to preserve specified stored "
        f"computer data for a period not exceeding sixty days, {renewal}.\n"
    )
    assert bool(findings("PL01", text)) is fires


def test_pl01_stored_data_preserved_for_a_period_has_that_period() -> None:
    text = (
        "Article 4\nA judge may order a service provider to preserve specified stored computer "
        "data of a named suspect for sixty days.\n"
    )
    assert findings("PL01", text) == []


@pytest.mark.parametrize(
    "ground",
    [
        "where there are reasonable grounds to suspect that the person has committed kidnapping "
        "or extortion",
        "on probable cause that the person committed murder",
    ],
)
def test_pl02_grave_offences_named_where_the_power_is_given_tie_it(ground: str) -> None:
    text = (
        "Art. 190. A judge may order the real-time collection of location data of the mobile "
        f"device of a named person, {ground}.\n"
    )
    assert findings("PL02", text) == []
    assert findings("PL02", text.replace(ground, "where it is useful")) != []



def test_pl03_rules_on_data_disclosed_under_the_power_provision() -> None:
    text = (
        "1. Orders\nA judge may order a provider to disclose the stored communications of a "
        "named account holder.\n2. Protection of data\nData disclosed under section 1 shall be "
        "used only for the offence specified in the order, irrelevant data shall be deleted at "
        "once and all data shall be destroyed within 12 months after the proceedings end.\n"
    )
    assert findings("PL03", text) == []
    assert findings("PL03", text.split("2. Protection")[0])


@pytest.mark.parametrize(
    "limit",
    [
        "for a period of between 6 and 24 months",
        "until the expiry of 60 days from the date of the order",
    ],
)
def test_pl01_a_range_or_an_expiry_date_is_a_maximum(limit: str) -> None:
    text = (
        "Article 4\n1. A court may order a provider to retain the traffic data of a named "
        f"suspect of an offence listed in Annex I {limit}.\n"
    )
    assert findings("PL01", text) == []


def test_pl01_a_warrant_that_lapses_on_an_ordinal_day_is_limited() -> None:
    text = (
        "2 Warrants\n(1) A judge of the High Court may issue a warrant authorising the "
        "interception of the communications of a named person suspected on reasonable grounds "
        "of murder.\n(2) Every warrant shall lapse on the sixtieth day after it is issued.\n"
    )
    assert findings("PL01", text) == []
    reviewed = text.replace("lapse on the sixtieth day", "be reviewed on the sixtieth day")
    assert findings("PL01", reviewed)


def test_pl01_an_open_ended_warrant_in_a_section_of_its_own() -> None:
    text = (
        "3 Warrants\n(1) A judge may, on reasonable grounds to suspect a named person of murder, "
        "issue a warrant authorising the interception of that person's communications.\n"
        "6 Duration\n(1) A warrant shall have effect until the investigation is concluded.\n"
        "10 Notification\n(1) The person concerned shall be informed in writing of the "
        "interception.\n(2) Notification may be postponed only by order of a judge, for "
        "successive periods not exceeding 6 months.\n"
    )
    [found] = findings("PL01", text)
    assert "'interception' in Section 3 lasts 'until the investigation is concluded'" in (
        found.message
    )
    # How long a notice may be postponed is no maximum for the warrant.
    silent = text.replace(
        "6 Duration\n(1) A warrant shall have effect until the investigation is concluded.\n", ""
    )
    assert findings("PL01", silent)


def test_rules_on_intercepted_material_reach_a_surveillance_warrant() -> None:
    text = (
        "6 Issue\n(1) An issuing judge may issue a surveillance warrant for a named person "
        "suspected of a designated offence, in force for no more than 30 days.\n11 Handling\n"
        "(1) The agency shall keep intercepted material secure, log every access, and use it only "
        "for the offence specified in the warrant.\n(2) Material that is not relevant to that "
        "investigation shall be destroyed immediately after it is examined.\n(3) Privileged "
        "material shall not be examined without the prior approval of an issuing judge.\n"
    )
    assert findings("PL03", text) == []
    assert findings("PL04", text) == []
    assert findings("PL03", text.split("11 Handling")[0])


def test_pl05_whatever_help_the_minister_considers_necessary() -> None:
    text = (
        "1 Duties of operators\nThe Secretary of State may give a telecommunications operator a "
        "notice requiring it to provide such assistance as the Secretary of State considers "
        "necessary for giving effect to any warrant.\n"
    )
    [found] = findings("PL05", text)
    assert "a judge's order" in found.message
    assert "self-incrimination" not in found.message
    bounded = text.replace(
        "The Secretary of State may give", "A judge may, on application, give"
    ).replace("warrant.", "warrant, but not to weaken the security of its systems.")
    assert findings("PL05", bounded) == []
