"""Rules CO01-CO09: content offences and content orders."""

from __future__ import annotations

import pytest
from sc_co_dp_ic_helpers import EXAMPLES, corpus, labels, run

CASES: dict[str, tuple[list[str], list[str]]] = {
    "CO01": (
        [
            "Section 4. Messages\n\nA person who publishes a message that causes alarm commits "
            "an offence.\n",
            "Article 15. Images\n\nEach Party shall establish as criminal offences the "
            "distribution of intimate images. A Party may require intent to cause harm.\n",
            "Section 6. Access\n\nA person who accesses a computer system without authority "
            "commits an offence.\n",
        ],
        [
            "Section 4. Messages\n\nA person who intentionally publishes a threat of violence "
            "commits an offence.\n",
            "Article 7. Forgery\n\nEach Party shall establish as criminal offences, when "
            "committed intentionally, the input of computer data resulting in inauthentic "
            "data. A Party may require an intent to defraud.\n",
            "Section 9. Returns\n\nA company that fails to file a return commits an offence.\n",
        ],
    ),
    "CO02": (
        [
            "Section 5. Images\n\nA person who intentionally distributes indecent images of "
            "another person commits an offence.\n",
            "Section 5. Images\n\n(1) A person who knowingly shares a private image of another "
            "person commits an offence.\n(2) It is a defence that the person shown consented.\n",
            "Article 15. Intimate images\n\nEach Party shall establish as criminal offences, "
            "when committed intentionally, the publication of intimate images of a person.\n",
        ],
        [
            "Section 5. Images\n\nA person who intentionally shares an intimate image of another "
            "person without the consent of the person shown commits an offence.\n",
            "Section 5. Abuse material\n\nA person who knowingly distributes child sexual abuse "
            "material commits an offence.\n",
            "Section 5. Messages\n\nA person who intentionally sends threats commits an offence.\n",
        ],
    ),
    "CO03": (
        [
            "Section 6. Access\n\nA person who intentionally accesses a computer system without "
            "authority commits an offence.\n",
            "Section 7. Leaks\n\nA person who knowingly publishes classified information "
            "commits an offence.\n",
            "Article 3. Interception\n\nEach Party shall establish as criminal offences, when "
            "committed intentionally, the interception without right of computer data.\n",
        ],
        [
            "Section 6. Access\n\n(1) A person who intentionally accesses a computer system "
            "without authority commits an offence.\n(2) No offence is committed by good faith "
            "security research or by journalism in the public interest.\n",
            "Article 6. Devices\n\n1. Each Party shall establish as criminal offences, when "
            "committed intentionally, the sale of devices for committing offences.\n2. This "
            "article shall not be interpreted as imposing criminal liability for the authorised "
            "testing or protection of a computer system.\n",
            "Section 9. Returns\n\nA company that fails to file a return commits an offence.\n",
        ],
    ),
    "CO04": (
        [
            "Section 8. Material\n\n(1) A person who knowingly distributes child sexual abuse "
            "material commits an offence.\n(2) Material includes any written or audio "
            "material.\n",
            "Article 9. Child pornography\n\n1. Each Party shall establish as criminal offences "
            "the intentional distribution of child pornography.\n2. The term includes realistic "
            "images representing a minor.\n",
            "Section 8. Material\n\nA person who knowingly possesses child pornography commits "
            "an offence.\n",
        ],
        [
            "Section 8. Material\n\n(1) A person who knowingly distributes child sexual abuse "
            "material, being a visual depiction of a real child, commits an offence.\n(2) No "
            "offence is committed for material of genuine artistic, educational or scientific "
            "value.\n",
            "Section 8. Images\n\nA person who intentionally shares an intimate image without "
            "consent commits an offence.\n",
            "Section 8. Material\n\nThe Minister shall publish guidance on child sexual abuse "
            "material.\n",
        ],
    ),
    "CO05": (
        [
            "Section 4. False news\n\nA person who publishes false news commits an offence.\n",
            "Section 4. Messages\n\nA person who sends an annoying or insulting message commits "
            "an offence.\n",
            "Section 4. Morals\n\nA person who posts content against public morals commits an "
            "offence.\n",
            "Section 4. Rumours\n\nA person who knowingly publishes rumors that may make a "
            "person lose their credibility commits an offence.\n",
            "Section 4. Indecency\n\nA person who publishes any indecent message using a "
            "computer system commits an offence.\n",
        ],
        [
            "Section 4. Threats\n\nA person who intentionally sends a message intended to cause, "
            "and causing, fear of violence commits an offence.\n",
            "Section 4. Instructions\n\nA person who issues false electronic instructions "
            "commits an offence.\n",
            "Section 4. Guidance\n\nThe Authority shall publish guidance on false news.\n",
            "Section 4. Images\n\nA person who intentionally produces indecent images of a "
            "real child commits an offence.\n",
        ],
    ),
    "CO06": (
        [
            "Section 6. Defamation\n\nA person who publishes defamatory matter commits an "
            "offence and is liable to imprisonment for two years.\n",
            "Section 6. Reputation\n\nA person who publishes a statement that harms the "
            "reputation of an official commits an offence and is liable to imprisonment.\n",
            "Section 6. Libel\n\nA person who commits libel online commits an offence and is "
            "liable to a fine.\n",
        ],
        [
            "Section 6. Defamation\n\nA person who commits libel online commits an offence and "
            "is liable to a fine; truth is a defence.\n",
            "Section 6. Threats\n\nA person who intentionally threatens violence commits an "
            "offence and is liable to imprisonment.\n",
            "Section 6. Damages\n\nA person defamed online may claim damages in a civil court.\n",
        ],
    ),
    "CO07": (
        [
            "Section 5. Feelings\n\nA person who posts content that stirs up sectarian feelings "
            "commits an offence.\n",
            "Section 5. Religion\n\nA person who deliberately outrages religious feelings "
            "commits an offence.\n",
            "Section 5. Incitement\n\nA person who publishes content inciting others commits an "
            "offence.\n",
        ],
        [
            "Section 5. Incitement\n\nA person who intentionally advocates hatred that "
            "constitutes incitement to violence commits an offence.\n",
            "Section 5. Access\n\nA person who intentionally accesses a computer system commits "
            "an offence.\n",
            "Section 5. Guidance\n\nThe Authority shall study hate speech.\n",
        ],
    ),
    "CO08": (
        [
            "Section 11. Removal\n\nThe Minister may order a service provider to remove any "
            "content he considers unlawful.\n",
            "Section 11. Notices\n\nThe Commission shall issue a notice to the intermediary to "
            "disable access to the prohibited statement.\n",
            "Section 11. Blocking\n\nThe Authority may block any website it finds prima facie "
            "unlawful.\n",
        ],
        [
            "Section 11. Removal\n\nThe court may order the person to remove the content from "
            "the website.\n",
            "Section 11. Applications\n\nAn authorised officer may apply to court for an order "
            "for removal of the content.\n",
            "Section 11. Seizure\n\nThe officer may seize the computer.\n",
        ],
    ),
    "CO09": (
        [
            "Section 4. False news\n\nA person who publishes false news commits an offence.\n\n"
            "Section 9. Abetment\n\nA person who aids or abets the commission of any offence "
            "under this Act commits an offence.\n",
            "Section 4. Insults\n\nA person who sends insulting messages commits an offence.\n\n"
            "Section 9. Attempts\n\nA person who attempts to commit an offence under this Act "
            "commits an offence.\n",
            (EXAMPLES / "content-offences-bill.txt").read_text(encoding="utf-8"),
        ],
        [
            "Section 4. Access\n\nA person who intentionally accesses a computer commits an "
            "offence.\n\nSection 9. Abetment\n\nA person who aids or abets the commission of "
            "any offence under this Act commits an offence.\n",
            "Section 4. False news\n\nA person who publishes false news commits an offence.\n\n"
            "Section 9. Abetment\n\nAiding or abetting any offence under this Act, other than "
            "section 4, is an offence.\n",
            "Section 4. False news\n\nA person who publishes false news commits an offence.\n\n"
            "Section 9. Abetment\n\nA person who aids or abets any offence under this Act with "
            "intent that it be committed commits an offence.\n",
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


def test_budapest_misuse_of_devices_has_exemption() -> None:
    text = corpus("coe-budapest-convention-ets-185")
    assert not any(lbl.startswith("Article 6") for lbl in labels("CO03", text))


def test_sri_lanka() -> None:
    text = corpus("lk-online-safety-act-2024")
    co05 = labels("CO05", text)
    assert {"Section 12", "Section 15"} <= co05
    found = run("CO08", text)
    assert any("prohibited statement" in text[f.span.start : f.span.end] for f in found)


def test_kenya() -> None:
    text = corpus("ke-computer-misuse-cybercrimes-act-2018")
    co05 = labels("CO05", text)
    assert any(lbl.startswith("Section 22") for lbl in co05)
    assert "Section 23" in co05
    assert not run("CO08", text)


ACCESS = (
    "Part 2\nOffences\n\n6. Unauthorised access\nA person who intentionally accesses a computer "
    "system without authority commits an offence.\n\n7. Interception\nA person who "
    "intentionally intercepts a transmission of computer data without right commits an "
    "offence.\n\n"
)
LIST_EXEMPTION = (
    "8. Exemptions\nNo offence is committed under {scope} by a person who acts—\n(a) in the "
    "course of journalism in the public interest; or\n(b) in good-faith security research.\n"
)


@pytest.mark.parametrize(
    ("exemptions", "fires"),
    [
        # A separate exemptions section naming the offences, its purposes listed as items.
        (LIST_EXEMPTION.format(scope="section 6 or 7"), False),
        # The same, naming no section: it stands in the Part of the offences.
        (LIST_EXEMPTION.format(scope="this Part"), False),
        # Naming another offence only.
        (
            "8. Exemptions\nNo offence is committed under section 9 by a person acting in the "
            "course of journalism.\n\nPart 3\nOther\n\n9. Returns\nA company that fails to file "
            "a return commits an offence.\n",
            True,
        ),
        # Mentioning the purposes without exempting anyone.
        ("8. Research\nThe Minister shall promote security research and journalism.\n", True),
    ],
)
def test_co03_exemption_sections_reach_the_offences_they_name_or_sit_with(
    exemptions: str, fires: bool
) -> None:
    found = labels("CO03", ACCESS + exemptions)
    assert bool(found & {"Section 6", "Section 7"}) is fires


def test_co03_a_definition_mentioning_the_public_interest_exempts_nothing() -> None:
    text = (
        'Part 1\nPreliminary\n\n5. Interpretation\n"public-interest reporting" means '
        "journalism that is not an offence under Part 2.\n\n" + ACCESS
    )
    assert "Section 6" in labels("CO03", text)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # Enforcing the text's own measures: no journalist needs an exemption from these.
        (
            "A service provider who declines, fails or interferes in any manner in the execution "
            "of a warrant commits an offence and is liable to a fine.",
            False,
        ),
        (
            "A police officer who misuses the powers granted under this section commits an "
            "offence and is liable to imprisonment.",
            False,
        ),
        # An offence against computer systems still needs its exemption.
        (
            "A person who interferes with a computer system commits an offence and is liable to "
            "imprisonment.",
            True,
        ),
    ],
)
def test_co01_co03_leave_offences_enforcing_the_powers_alone(text: str, fires: bool) -> None:
    source = f"Section 20. Offence\n\n{text}\n"
    assert bool(run("CO03", source)) is fires
    assert bool(run("CO01", source)) is fires


@pytest.mark.parametrize(
    ("conduct", "fires"),
    [
        # A purpose the offender must pursue is an element of intent.
        ("uses a computer system for the purposes of trafficking in human beings", False),
        ("accesses a computer system in order to know the data it records", False),
        # A purpose that excuses the conduct, or one that only names this Act, is not intent.
        (
            "publishes a revoked certificate, unless such publication is for the purpose of "
            "verifying a signature",
            True,
        ),
        ("accesses a computer system without right for the purposes of this section", True),
        # A purpose that qualifies an act or a need described inside the conduct is not the
        # offender's: it says what the audit or the information is for.
        (
            "fails to cooperate with an audit of a computer system to be carried out by the "
            "Authority in order to evaluate compliance",
            True,
        ),
        (
            "fails to provide such information on a computer system as may be necessary in order "
            "to assess the risk",
            True,
        ),
        # Causing something to be done for a purpose is still the offender's purpose.
        ("causes a computer system to be accessed in order to obtain the data it holds", False),
    ],
)
def test_co01_a_required_purpose_is_a_mental_element(conduct: str, fires: bool) -> None:
    source = f"Section 12. Offence\n\nA person who {conduct} commits an offence.\n"
    assert bool(run("CO01", source)) is fires


def test_co06_harm_to_honour_or_dignity_is_criminal_defamation() -> None:
    text = (
        "Section 1. Honour\nWhoever publishes on the internet information that harms the "
        "honour or reputation of a person shall be punished with imprisonment of one to three "
        "years.\n"
    )
    assert labels("CO06", text) == {"Section 1"}
    dignity = text.replace("harms the honour or reputation of", "offends the dignity of")
    assert labels("CO06", dignity) == {"Section 1"}
    civil = text.replace(
        "shall be punished with imprisonment of one to three years",
        "may claim damages in a civil court",
    )
    assert labels("CO06", civil) == set()


def test_an_offence_punished_by_suffering_a_penalty_is_an_offence() -> None:
    text = (
        "Section 9. Any person who incites others to commit terrorism by means of speeches or "
        "banners shall suffer the penalty of imprisonment of twelve years.\n"
    )
    assert labels("CO07", text) == {"Section 9"}
    assert labels("CO01", text) == {"Section 9"}
    permitted = text.replace(
        "shall suffer the penalty of imprisonment of twelve years", "may speak"
    )
    assert labels("CO01", permitted) == set()


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            "Article 11\nWhoever spreads false news online will be punished by imprisonment of "
            "up to three years.\n",
            "false news",
        ),
        (
            "Section 14. Any person who publishes false computer data likely to cause panic in "
            "the public shall be punished with imprisonment for not more than five years.\n",
            "false computer data",
        ),
        (
            "Section 14. Any person who publishes any statement which is false or misleading "
            "shall be guilty of an offence.\n",
            "statement which is false or misleading",
        ),
        (
            "Section 14. Any person who knowingly publishes obscene computer data shall be "
            "punished with imprisonment for not more than five years.\n",
            "obscene computer data",
        ),
    ],
)
def test_co05_vague_content_in_published_wordings(text: str, term: str) -> None:
    found = run("CO05", text)
    assert found and term in found[0].message


def test_co05_false_information_given_to_a_regulator_is_no_speech_offence() -> None:
    text = (
        "61. Obstruction\nA person who gives to the Commissioner any information which is false "
        "or misleading in any material aspect commits an offence.\n"
    )
    assert run("CO05", text) == []


@pytest.mark.parametrize(
    "punishment",
    [
        "is punished by imprisonment of one to three years.",
        "incurs a penalty of imprisonment of one to three years.",
        "shall suffer the penalty of imprisonment of one to three years.",
        ".\nPenalty: imprisonment of one to three years.",
    ],
)
def test_civil_law_and_commonwealth_penalty_wordings_create_offences(punishment: str) -> None:
    text = (
        "Article 60\nWhoever publishes false news likely to undermine the morale of the "
        f"population {punishment}\n"
    ).replace("population .", "population.")
    assert labels("CO05", text) == {"Article 60"}


def test_an_offence_defined_by_its_penalty_is_no_offence_created() -> None:
    text = (
        'Section 1\n"serious offence" means an offence which is punishable by imprisonment for '
        "a period of five years or more.\n"
    )
    assert run("CO01", text) == []


@pytest.mark.parametrize(
    "denial",
    [
        "The Minister shall not direct any service provider to",
        "It shall be unlawful for any public authority to require a service provider to",
        "Neither the Minister nor the regulator may direct a service provider to",
        "The Minister has no power to direct a service provider to",
    ],
)
def test_co08_a_law_that_denies_the_executive_blocking_is_silent(denial: str) -> None:
    text = f"2. Limits.\n{denial} block access to any website.\n"
    assert run("CO08", text) == []
    assert run("HR05", text) == []
    granted = (
        "2. Limits.\nThe Minister may direct any service provider to block access to any "
        "website.\n"
    )
    assert labels("CO08", granted) == {"Section 2"}


@pytest.mark.parametrize(
    "order",
    [
        "The Minister may order the suspension of internet and mobile services in any area.",
        "The Minister may direct operators to shut down mobile data services in any district.",
        "The Ministry shall block access to any internet resource.",
    ],
)
def test_co08_network_shutdowns_by_the_executive_are_blocking_without_a_court(order: str) -> None:
    assert labels("CO08", f"5. Powers.\n{order}\n") == {"Section 5"}
    judged = order.replace("The Minister", "A judge").replace("The Ministry", "A court")
    assert run("CO08", f"5. Powers.\n{judged}\n") == []


def test_co02_lack_of_the_victims_consent_in_the_possessive_is_an_element() -> None:
    text = (
        "1. (1) A person commits an offence if the person intentionally distributes an intimate "
        "image of another person without that person's consent, intending to cause distress.\n"
    )
    assert run("CO02", text) == []


def test_co09_complicity_in_the_offences_of_this_law_reaches_speech_offences() -> None:
    text = (
        "Article 63\nWhoever publishes false news shall be punished by imprisonment of one "
        "year.\n\nArticle 64\nComplicity in and attempt to commit the offences provided for in "
        "this Law shall be punished by the same penalties.\n"
    )
    assert labels("CO09", text) == {"Article 64"}


def test_co03_an_act_that_does_not_apply_to_journalism_exempts_it() -> None:
    offence = (
        "Section 1. A person who intentionally sends a message threatening to kill another "
        "person, intending that person to fear that the threat will be carried out, commits an "
        "offence.\n"
    )
    assert labels("CO03", offence) == {"Section 1"}
    exempt = offence + (
        "Section 2. This Act does not apply to content published for purposes of journalism, "
        "academic research, art or public-interest reporting.\n"
    )
    assert labels("CO03", exempt) == set()


@pytest.mark.parametrize(
    ("offence", "fires"),
    [
        ("A person who sends a message intended to cause fear of violence", False),
        ("A person who sends a threatening message which he knows to be untrue", False),
        ("A person who, being aware that it is private, publishes an image of another", False),
        # knowledge offered beside negligence is no mental element of its own
        (
            "A person who publishes information which he knows or ought reasonably to know is "
            "false",
            True,
        ),
        (
            "A person who publishes a message knowing or having reason to believe that it is false",
            True,
        ),
    ],
)
def test_co01_knowledge_and_intended_results_are_a_mental_element(
    offence: str, fires: bool
) -> None:
    assert bool(run("CO01", f"Section 26. Messages\n{offence} commits an offence.\n")) is fires


def test_co01_negligence_is_named_in_the_finding() -> None:
    text = (
        "Section 26. Messages\nA person who publishes information which he knows or ought "
        "reasonably to know is false commits an offence.\n"
    )
    assert "'ought reasonably to know'" in run("CO01", text)[0].message


@pytest.mark.parametrize(
    ("offence", "fires"),
    [
        ("incites another person to commit an offence under this Act", False),
        ("incites a child to engage in sexual activity", False),
        ("incites another person to commit violence against a group on grounds of religion", True),
        ("incites hatred against any group", True),
    ],
)
def test_co07_incitement_to_a_crime_or_of_a_child_is_no_speech_offence(
    offence: str, fires: bool
) -> None:
    text = f"Section 10. Incitement\nA person who {offence} commits an offence.\n"
    assert bool(run("CO07", text)) is fires


@pytest.mark.parametrize(
    ("offence", "fires"),
    [
        ("sends a message that he knows to be false, to cause a breakdown of law and order", True),
        ("publishes news that is fake", True),
        (
            "incites violence against a person because of the religious beliefs of that person",
            False,
        ),
        ("publishes material that offends the religious beliefs of any group", True),
        ("gives to the Commissioner any information which he knows to be false", False),
        ("supplies particulars or answers in an application knowing it to be false", False),
    ],
)
def test_co05_falsity_in_other_words_and_beliefs_named_as_a_ground(
    offence: str, fires: bool
) -> None:
    text = f"Section 24. Offence\nA person who intentionally {offence} commits an offence.\n"
    assert bool(run("CO05", text)) is fires


def test_co04_an_indecent_photograph_of_a_child_is_abuse_material_not_an_intimate_image() -> None:
    text = (
        "Section 12. Indecent photographs of children\nA person who intentionally takes or "
        "distributes an indecent photograph of a child commits an offence.\n"
    )
    assert run("CO02", text) == []
    assert labels("CO04", text) == {"Section 12"}


def test_co06_an_offence_created_with_an_adverb_before_its_verb() -> None:
    text = (
        "Section 4. Cyber libel\nIt is an offence intentionally to publish a defamatory "
        "statement through a computer system, and the offender is liable to imprisonment for "
        "two years.\n"
    )
    assert labels("CO06", text) == {"Section 4"}


def test_co09_ancillary_liability_excepting_the_speech_offence_by_its_section() -> None:
    text = (
        "Section 4. Libel\nA person who publishes a defamatory statement online commits an "
        "offence.\nSection 5. Attempt\nAny person who wilfully attempts to commit any offence "
        "under this Act, except the offence in section 4, commits an offence.\n"
    )
    assert run("CO09", text) == []
    assert run("CO09", text.replace(", except the offence in section 4,", "")) != []


def test_co01_intent_left_optional_in_a_paragraph_of_its_own() -> None:
    text = (
        "Article 16\n1. Each State Party shall establish as a criminal offence, when committed "
        "intentionally and without right, the distributing of an intimate image of a person by "
        "means of a computer system, without the consent of the person depicted.\n2. A State "
        "Party may require the intent to cause harm before criminal liability attaches.\n"
    )
    assert "optional" in run("CO01", text)[0].message
    assert run("CO01", text.split("2. A State")[0]) == []


def test_a_section_that_punishes_an_offence_made_in_another_is_no_second_offence() -> None:
    text = (
        "SEC. 4. Offenses.\n(a) Libel. — The acts of libel defined in the Penal Code, when "
        "committed through a computer system, shall constitute the offense of cyber libel.\n"
        "SEC. 5. Penalties. — Any person found guilty of libel under Section 4(a) shall be "
        "punished with imprisonment of up to six years.\n"
    )
    assert not any(f.provision.label.startswith("Section 5") for f in run("CO06", text))


@pytest.mark.parametrize(
    ("defence", "fires"),
    [
        ("a defamatory statement that is not true", True),
        ("a defamatory statement, unless the statement is true", False),
        ("a defamatory statement contrary to the public interest", True),
    ],
)
def test_co06_falsity_or_public_interest_in_the_offence_is_no_defence(
    defence: str, fires: bool
) -> None:
    text = (
        f"10. Online defamation\nA person who intentionally publishes online {defence} commits "
        "an offence and is liable to a fine.\n"
    )
    assert bool(run("CO06", text)) is fires


def test_co05_vague_terms_reach_the_offence_through_the_defined_term_it_uses() -> None:
    text = (
        '2. Interpretation\nIn this Act, "prohibited content" means content that insults '
        "religion or offends public morality.\n\n21. Publishing prohibited content\nA person "
        "who intentionally publishes prohibited content on the internet commits an offence and "
        "is liable on conviction to imprisonment for three years.\n"
    )
    found = run("CO05", text)
    assert [f.provision.label for f in found] == ["Section 21"]
    assert "'prohibited content'" in found[0].message


def test_co05_a_defined_term_of_conduct_that_spreads_nothing_is_left_alone() -> None:
    text = (
        '2. Interpretation\nIn this By-law, "public nuisance" means any act that is offensive '
        "to the residents of the area.\n\n21. Offences\nA person who causes a public nuisance "
        "shall be guilty of an offence.\n"
    )
    assert run("CO05", text) == []


@pytest.mark.parametrize(
    ("exclusion", "fires"),
    [
        (
            "A State may take steps to exclude the criminalization of children for "
            "self-generated material depicting them.",
            True,
        ),
        (
            "No child commits an offence under this section for self-generated material "
            "depicting that child.",
            False,
        ),
    ],
)
def test_co04_the_exclusion_of_childrens_own_images_must_be_mandatory(
    exclusion: str, fires: bool
) -> None:
    text = (
        "7. Child sexual abuse material\n(1) A person who intentionally distributes child sexual "
        'abuse material commits an offence.\n(2) "Child sexual abuse material" means a visual '
        "depiction of a real child; works of genuine artistic, educational or scientific value "
        f"are excluded.\n(3) {exclusion}\n"
    )
    assert bool(run("CO04", text)) is fires


def test_co07_and_co06_hostility_against_a_group_and_harm_to_dignity_in_other_words() -> None:
    hostility = (
        "26. Tribal hostility\nA person who publishes online any statement likely to promote "
        "hostility against a tribe commits an offence and is liable to imprisonment.\n"
    )
    dignity = (
        "27. Dignity\nA person who publishes any statement harming his dignity commits an "
        "offence and is liable to imprisonment for one year.\n"
    )
    assert labels("CO07", hostility) == {"Section 26"}
    assert labels("CO06", dignity) == {"Section 27"}


@pytest.mark.parametrize(
    ("offence", "fires"),
    [
        (
            "communicates any false information, knowing it to be false, with the intention of "
            "inducing a belief that a bomb is present in any place,",
            False,
        ),
        (
            "communicates any false information, knowing it to be false, with the intention of "
            "causing public alarm,",
            True,
        ),
    ],
)
def test_co05_a_hoax_about_a_concrete_danger_is_no_false_news(offence: str, fires: bool) -> None:
    text = f"10. Hoaxes\nA person who {offence} commits an offence.\n"
    assert bool(run("CO05", text)) is fires


def test_co05_items_of_a_prohibition_whose_breach_another_section_punishes() -> None:
    text = (
        "12. Prohibited content\nA person shall not publish online content that—\n(a) is "
        "indecent or obscene;\n(b) causes annoyance.\n\n21. General penalty\nA person who "
        "contravenes regulation 12 commits an offence and shall be liable, on conviction, to "
        "imprisonment for a term of not less than twelve months.\n"
    )
    found = run("CO05", text)
    assert found != []
    assert "annoyance" in found[0].message


@pytest.mark.parametrize(
    "effect",
    [
        "offends against national unity",
        "undermines the respect due to the religion of the State",
        "disseminates information expressing clear disrespect for the State",
    ],
)
def test_co05_an_effect_on_the_state_or_its_religion_as_the_whole_offence(effect: str) -> None:
    text = (
        f"Article 63\nWhoever, by means of an electronic communication, {effect} shall be "
        "punished by imprisonment of one to seven years.\n"
    )
    assert run("CO05", text) != []


def test_co03_a_person_who_shall_not_be_convicted_if_acting_as_a_journalist_is_exempt() -> None:
    text = (
        "Section 4. Unauthorised disclosure\n(1) A person who intentionally discloses computer "
        "data obtained without authority commits an offence.\n(2) A person shall not be convicted "
        "under subsection (1) if the act was done for the purpose of journalism in the public "
        "interest.\n"
    )
    assert run("CO03", text) == []
    assert run("CO03", text.split("(2)")[0])


@pytest.mark.parametrize(
    "applicant", ["seised by the public prosecutor", "acting on a complaint from the police"]
)
def test_co08_a_court_seised_by_the_prosecution_orders_the_removal(applicant: str) -> None:
    text = (
        f"Article 5\nThe president of the court, {applicant}, may order a hosting provider to "
        "remove specified content published online, after hearing the author.\n"
    )
    assert run("CO08", text) == []
    assert run("CO08", text.replace("The president of the court", "The Minister"))


def test_offences_of_other_laws_brought_in_to_punish_are_no_offence_of_the_text() -> None:
    text = (
        "1 Offences under other laws\nAny offence under any other written law which is committed "
        "by means of a computer system shall be punishable under this Act with a penalty one "
        "degree higher than that provided by that other law.\n"
    )
    assert run("CO01", text) == []
    assert run("CO03", text) == []
    assert run("SC03", text)
