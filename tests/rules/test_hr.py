"""HR01-HR05 on bills written for these tests."""

from __future__ import annotations

import pytest

from tests.rules.safeguard_helpers import findings, fired_on

POWER = "Section 5. Interception\nA judge may order the interception of communications.\n"

HR01_FIRE = [
    "Section 2. Human rights\nThe authorities shall apply this Act consistently with their "
    "obligations under international human rights law.\n",
    "Section 2. Human rights\nThe powers in this Act shall be exercised in accordance with "
    "applicable human rights obligations.\n",
    "Section 2. Human rights\nThis Act shall be implemented having regard to human rights "
    "standards.\n",
]
HR01_PASS = [
    "Section 2. Human rights\nEvery authority exercising a power under this Act shall comply "
    "with the International Covenant on Civil and Political Rights.\n",
    "Section 2. Human rights\nThe powers in this Act shall be exercised in accordance with the "
    "European Convention on Human Rights.\n",
    "Section 2. Procedure\nApplications shall be made in accordance with the rules of court.\n",
]


@pytest.mark.parametrize("text", HR01_FIRE)
def test_hr01_fires(text: str) -> None:
    assert len(findings("HR01", text)) == 1


@pytest.mark.parametrize("text", HR01_PASS)
def test_hr01_quiet(text: str) -> None:
    assert findings("HR01", text) == []


def test_hr01_points_at_the_soft_verb() -> None:
    assert fired_on("HR01", HR01_FIRE[0]) == ["consistently with"]


HR02_FIRE = [
    "Section 3. Savings\nNothing in this Act shall be interpreted as permitting unlawful "
    "restrictions on human rights.\n",
    "Section 3. Savings\nNothing in this Act shall be construed as permitting the violation of "
    "fundamental rights.\n",
    "Section 3. Savings\nNothing in this Act shall be interpreted as facilitating restrictions "
    "on human rights and fundamental freedoms, in accordance with applicable law.\n",
]
HR02_PASS = [
    "Section 3. Savings\nNothing in this Act shall be interpreted as permitting the repression "
    "of expression, conscience, belief, peaceful assembly or association, or other human "
    "rights.\n",
    "Section 3. Savings\nNothing in this Act shall be interpreted as affecting the rights of "
    "the Parties under other treaties.\n",
    "Section 3. Savings\nNothing in this Act shall be construed as limiting freedom of "
    "expression or human rights.\n",
]


@pytest.mark.parametrize("text", HR02_FIRE)
def test_hr02_fires(text: str) -> None:
    assert len(findings("HR02", text)) == 1


@pytest.mark.parametrize("text", HR02_PASS)
def test_hr02_quiet(text: str) -> None:
    assert findings("HR02", text) == []


HR03_FIRE = [
    POWER,
    "Section 5. Search\nA police officer may search and seize any computer system.\n",
    POWER + "\nSection 6. Rights\nThe powers in this Act shall respect human rights.\n",
]
HR03_PASS = [
    POWER + "\nSection 6. Non-discrimination\nNo power under this Act may be used to persecute "
    "anyone for their beliefs.\n",
    POWER + "\nSection 6. Equality\nThe powers in this Act shall be exercised without "
    "discrimination on any ground.\n",
    "Section 5. Records\nThe registrar shall keep records of all licences.\n",
]


@pytest.mark.parametrize("text", HR03_FIRE)
def test_hr03_fires_once(text: str) -> None:
    assert len(findings("HR03", text)) == 1


@pytest.mark.parametrize("text", HR03_PASS)
def test_hr03_quiet(text: str) -> None:
    assert findings("HR03", text) == []


HR04_FIRE = [
    "Section 8. Trial\nEvery accused person shall be guaranteed a fair trial in accordance with "
    "domestic law.\n",
    "Section 8. Trial\nPersons prosecuted shall enjoy fair treatment and all rights of the "
    "defence.\n",
    "Section 8. Trial\nThe court shall ensure a fair hearing consistent with international "
    "obligations.\n",
]
HR04_PASS = [
    "Section 8. Trial\nEvery accused person shall be guaranteed a fair trial and shall be "
    "presumed innocent until proved guilty.\n",
    "Section 8. Trial\nEvery accused shall have a fair trial.\n\nSection 9. Legality\nNo one "
    "shall be tried again for an offence of which they have been finally acquitted.\n",
    "Section 8. Records\nThe registrar shall keep records of all licences.\n",
]


@pytest.mark.parametrize("text", HR04_FIRE)
def test_hr04_fires(text: str) -> None:
    assert len(findings("HR04", text)) == 1


@pytest.mark.parametrize("text", HR04_PASS)
def test_hr04_quiet(text: str) -> None:
    assert findings("HR04", text) == []


HR05_FIRE = [
    "Section 9. Restrictions\nThe Minister may impose restrictions on freedom of expression "
    "where necessary for public order.\n",
    "Section 9. Blocking\nThe Authority may order the blocking of access to websites.\n",
    "Section 9. Limits\nThe regulator may impose limits on the right to assembly.\n",
]
HR05_PASS = [
    "Section 9. Restrictions\nA law may impose restrictions on freedom of expression only as "
    "provided by law, for the protection of national security or public order, and where "
    "necessary and proportionate.\n",
    "Section 9. Privacy\nEveryone has the right to protection from arbitrary interference with "
    "privacy.\n",
    "Section 9. Records\nThe registrar shall keep records of all licences.\n",
]


@pytest.mark.parametrize("text", HR05_FIRE)
def test_hr05_fires(text: str) -> None:
    assert len(findings("HR05", text)) == 1


@pytest.mark.parametrize("text", HR05_PASS)
def test_hr05_quiet(text: str) -> None:
    assert findings("HR05", text) == []


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "Proceedings under this Act shall be subject to the guarantees provided for under "
            "domestic law.",
            True,
        ),
        (
            "Persons prosecuted shall enjoy procedural guarantees consistent with national law.",
            True,
        ),
        (
            "Proceedings under this Act shall be subject to the guarantees provided for under "
            "domestic law, and the accused shall be presumed innocent until proved guilty.",
            False,
        ),
        ("The Minister shall give guarantees to the lender.", False),
    ],
)
def test_hr04_guarantees_left_to_domestic_law(text: str, fires: bool) -> None:
    assert bool(findings("HR04", f"Section 32. Proceedings\n{text}\n")) is fires


BLOCKING = (
    "Part 4\nContent\n\nSection 20. Orders\nThe Minister may direct any service provider to "
    "restrict access to that content.\n"
)


def test_hr05_blocking_worded_as_restricting_access() -> None:
    assert fired_on("HR05", BLOCKING) == ["restrict access to that content"]


def test_hr05_the_test_may_come_from_a_general_clause_reaching_the_power() -> None:
    general = (
        "Part 1\nGeneral\n\nSection 3. Limits\nA power under this Act may be exercised only "
        "where it is provided for by this Act, pursues a legitimate aim and is necessary and "
        "proportionate to that aim.\n\n"
    )
    assert findings("HR05", general + BLOCKING) == []
    hedged = general.replace("is necessary and proportionate", "is, where necessary, useful")
    assert findings("HR05", hedged + BLOCKING)


def test_hr05_leaves_a_speech_offence_to_the_content_offence_rules() -> None:
    # The vague term is CO05's finding at the same words: HR05 would say it twice.
    text = (
        "Section 8. Offensive messages\nA person who sends a message that is grossly offensive "
        "commits an offence and is liable on conviction to imprisonment for three years.\n"
    )
    assert findings("HR05", text) == []
    assert findings("CO05", text)
    # A restriction that no content-offence rule reads is still HR05's.
    regulation = (
        "Section 27. Content\nThe Minister may make regulations restricting the publication of "
        "content online in the interests of public order.\n"
    )
    assert findings("HR05", text + "\n" + regulation)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "The Minister may make regulations restricting the publication of content online in "
            "the interests of public order.",
            True,
        ),
        (
            "A court may restrict the publication of a specified item only where provided by law, "
            "for the protection of the rights of others, and where strictly necessary and "
            "proportionate.",
            False,
        ),
    ],
)
def test_hr05_restricting_publication(text: str, fires: bool) -> None:
    assert bool(findings("HR05", f"Section 27. Content\n{text}\n")) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("The Authority may order the removal of data from a website.", True),
        # Removing an office holder restricts no one's expression.
        (
            "A person desiring the removal of Data Commissioner on any ground may present a "
            "petition to the Commission.",
            False,
        ),
    ],
)
def test_hr05_removal_of_content_not_of_an_office_holder(text: str, fires: bool) -> None:
    assert bool(findings("HR05", f"Section 12. Removal\n{text}\n")) is fires


def test_hr01_fires_when_a_soft_verb_governs_even_a_named_instrument() -> None:
    text = (
        POWER + "Section 2. Human rights\nThis Act shall be applied consistently with the "
        "Charter of Fundamental Rights.\n"
    )
    assert fired_on("HR01", text) == ["consistently with"]


def test_hr03_a_ban_on_the_basis_of_the_race_is_non_discrimination() -> None:
    text = (
        "1. A police officer may intercept communications under a judicial warrant.\n"
        "2. No warrant shall be sought on the basis of the race, religion or political opinion "
        "of any person.\n"
    )
    assert findings("HR03", text) == []
    assert findings("HR03", text.split("2. ")[0]) != []


def test_hr05_a_test_for_every_restriction_under_the_act_reaches_each_restriction() -> None:
    text = (
        "3. Restrictions.—Every restriction under this Act shall be provided by law, pursue a "
        "legitimate aim, and be necessary and proportionate to that aim.\n"
        "5. Removal orders.—(1) The Authority may apply to the Court for an order requiring a "
        "service provider to disable access to specified content.\n"
    )
    assert findings("HR05", text) == []
    assert findings("HR05", text[text.index("5. Removal") :]) != []


@pytest.mark.parametrize(
    ("aim", "fires"),
    [
        ("necessary and proportionate to the risk of harm to individuals", False),
        ("necessary and proportionate to protecting the safety of children", False),
        ("necessary and proportionate", True),
    ],
)
def test_hr05_harm_to_individuals_is_a_legitimate_aim(aim: str, fires: bool) -> None:
    text = (
        "1. Access restriction orders\nThe court may make an order requiring internet access "
        f"providers to block access to the service only if the order is {aim}.\n"
    )
    assert bool(findings("HR05", text)) is fires


def test_hr03_the_covenant_words_without_distinction_as_to_race_ban_discrimination() -> None:
    text = (
        "Section 2. Interception\n(1) A judge may order the interception of the communications "
        "of a named suspect.\n(2) Powers under this Act shall be applied without distinction "
        "of any kind, such as to race, colour, sex, language, religion or political opinion.\n"
    )
    assert findings("HR03", text) == []
    assert findings("HR03", text.replace("without distinction", "with due care"))


@pytest.mark.parametrize(
    "element",
    [
        "No person shall be held guilty of an offence on account of any act which did not "
        "constitute an offence at the time when it was committed.",
        "No person shall be tried or punished again for an offence for which he has already "
        "been finally convicted or acquitted.",
        "Every person charged shall be treated as innocent until proven guilty.",
    ],
)
def test_hr04_the_elements_of_a_fair_trial_in_treaty_words(element: str) -> None:
    fair = "Section 6. Fair trial\n(1) Any person charged shall be guaranteed a fair trial.\n"
    assert findings("HR04", f"{POWER}{fair}(2) {element}\n") == []
    assert findings("HR04", POWER + fair)


@pytest.mark.parametrize(
    ("clause", "banned"),
    [
        ("No person may be targeted under this Act solely on the basis of his or her religious "
         "beliefs or ethnicity.", True),
        ("A warrant may be refused on grounds of national security.", False),
        ("No power may be used against a person because of their national origin.", True),
    ],
)
def test_hr03_grounds_named_as_adjectives_and_not_national_security(
    clause: str, banned: bool
) -> None:
    assert (findings("HR03", POWER + f"Section 6. Use\n{clause}\n") == []) is banned


@pytest.mark.parametrize(
    ("savings", "fires"),
    [
        ("Nothing in this Act shall be interpreted as permitting the suppression of political "
         "opinions, religious beliefs or peaceful assemblies.", False),
        ("Nothing in this Act shall be construed as permitting restrictions on human rights other "
         "than those approved by the National Assembly.", True),
    ],
)
def test_hr02_freedoms_in_the_plural_and_not_a_national_assembly(
    savings: str, fires: bool
) -> None:
    assert bool(findings("HR02", POWER + f"Section 6. Savings\n{savings}\n")) is fires


@pytest.mark.parametrize(
    "soft",
    [
        "The authorities shall endeavour to respect human rights when using these powers.",
        "These powers shall be exercised, as far as possible, with due respect for human rights.",
        "The authorities shall bear in mind the importance of human rights.",
    ],
)
def test_hr01_endeavours_and_respect_as_far_as_possible_are_soft(soft: str) -> None:
    assert findings("HR01", POWER + f"Section 6. Rights\n{soft}\n")


@pytest.mark.parametrize(
    ("restriction", "missing"),
    [
        ("Posts may be restricted for public order.", "necessity and proportionality"),
        (
            "The Commissioner of Police may prohibit any public assembly that he considers "
            "likely to cause disorder.",
            "a legitimate aim, necessity and proportionality",
        ),
        (
            "The Minister may suspend or dissolve any association that publishes false "
            "information online.",
            "a legitimate aim, necessity and proportionality",
        ),
    ],
)
def test_hr05_restrictions_of_posts_assemblies_and_associations(
    restriction: str, missing: str
) -> None:
    [found] = findings("HR05", f"Section 1. Restrictions\n{restriction}\n")
    # the text that lays the restriction down is its legal basis
    assert found.message.endswith(f"does not require {missing}")
    tested = restriction.rstrip(".") + (
        ", where necessary in a democratic society and proportionate to the aim of protecting "
        "public order.\n"
    )
    assert findings("HR05", f"Section 1. Restrictions\n{tested}") == []
