"""More shapes of published surveillance and content laws that the rules must read as courts and
expert bodies did: compelled disclosure of traffic data, blocking of "information", orders issued
by administrative authorities, gags on the person concerned, and retention duties with a term."""

from __future__ import annotations

import pytest

from safeguard_lint import parse
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.semantics.model import safeguard_model
from tests.rules.safeguard_helpers import findings, fired_on


def test_compelled_disclosure_of_traffic_data_is_access_to_stored_data() -> None:
    text = (
        "Section 1. Disclosure\nA police officer may require a provider to disclose stored "
        "traffic data.\n"
    )
    # The officer who requires the disclosure authorises it: an executive authoriser.
    assert fired_on("JR03", text) == ["police officer"]
    unauthorised = (
        "Section 1. Disclosure\nA provider shall disclose stored traffic data on request.\n"
    )
    assert fired_on("JR02", unauthorised) == ["disclose stored traffic data"]
    waived = text.replace("may require", "may, without a warrant, require")
    assert fired_on("JR02", waived) == ["without a warrant"]
    ordered = text.replace("A police officer may", "On an order of a judge, a police officer may")
    assert findings("JR02", ordered) == []
    subscriber = text.replace("stored traffic data", "the name and address of a subscriber")
    assert findings("JR02", subscriber) == []


def test_blocking_a_platform_or_named_content_by_a_non_judicial_body_is_executive_blocking() -> (
    None
):
    platform = (
        "Section 4. Blocking\nThe Authority may direct a service provider to block access to "
        "a platform.\n"
    )
    assert fired_on("CO08", platform) == ["block access to a platform"]
    by_court = platform.replace("The Authority may direct", "The High Court may order")
    assert findings("CO08", by_court) == []


def test_removal_orders_of_a_judicial_or_administrative_authority_need_no_court() -> None:
    text = (
        "Article 3\nRemoval orders\n1. The competent authority of each Member State may issue a "
        "removal order requiring a hosting service provider to remove terrorist content.\n"
        "2. Each Member State shall designate the competent authority, which may be a judicial "
        "or an administrative authority.\n"
    )
    assert fired_on("CO08", text) == ["remove terrorist content"]
    judicial = text.replace("The competent authority of each Member State", "A court")
    assert findings("CO08", judicial) == []


def test_a_gag_on_the_holder_of_disclosed_data_makes_the_production_covert() -> None:
    text = (
        "Section 4. Law enforcement\n(1) A competent authority may require any controller to "
        "disclose personal data held by it.\n(2) The controller shall not inform the data "
        "subject of the requirement.\n"
    )
    assert fired_on("RM02", text) == ["shall not inform the data subject"]
    told = text.replace(
        "(2) The controller shall not inform the data subject of the requirement.",
        "(2) The data subject shall be informed of the requirement within 30 days.",
    )
    assert findings("RM02", told) == []
    open_ = text.replace(
        "(2) The controller shall not inform the data subject of the requirement.\n", ""
    )
    assert findings("RM02", open_) == []


def test_an_order_to_obtain_the_disclosure_of_stored_data_is_a_production_order() -> None:
    text = (
        "Article 1\nDirect orders\n1. Each Party shall empower its competent authorities to issue "
        "an order directly to a service provider to obtain the disclosure of stored subscriber "
        "information.\n2. The service provider shall not disclose the existence of the order to "
        "the subscriber.\n"
    )
    assert fired_on("RM02", text) == ["shall not disclose the existence"]
    assert fired_on("PL02", text) == ["obtain the disclosure of stored subscriber information"]


def test_a_prohibition_made_an_offence_by_a_later_sanction_is_the_offences_conduct() -> None:
    text = (
        "5. Offensive communication.\n(1) A person shall not send any message through a "
        "computer which is likely to ridicule another person.\n(2) A person who contravenes "
        "subsection (1) commits an offence and is liable on conviction to imprisonment for "
        "seven years.\n"
    )
    assert fired_on("CO05", text) == ["ridicule"]
    assert fired_on("CO01", text) == ["commits an offence"]
    intended = text.replace("A person shall not send", "A person shall not intentionally send")
    assert findings("CO01", intended) == []


def test_a_duty_whose_breach_is_punished_lends_the_offence_no_conduct() -> None:
    text = (
        "29. Paid content.\n(1) An internet intermediary must take reasonable steps to ensure "
        "that it does not communicate paid content that promotes a declared online location.\n"
        "(2) A person who fails to comply with subsection (1) commits an offence.\n"
    )
    assert findings("CO03", text) == []


_POWER = (
    "Section 12. Real-time collection\nA police officer may, on a warrant issued by a judge, "
    "collect or record traffic data in real time.\n"
)


@pytest.mark.parametrize(
    ("code", "safeguard"),
    [
        (
            "PL04",
            "Data not relevant to the offence shall be deleted immediately, and communications "
            "between a lawyer and client and the sources of journalists shall not be collected.",
        ),
        (
            "OV01",
            "The Data Privacy Commission, which is independent of the executive, shall inspect "
            "the records of every warrant.",
        ),
        (
            "RM02",
            "The person whose traffic data were collected shall be notified in writing within "
            "ninety days after the warrant expires.",
        ),
    ],
)
def test_safeguards_in_the_words_of_other_jurisdictions_are_credited(
    code: str, safeguard: str
) -> None:
    assert findings(code, _POWER) != []
    assert findings(code, _POWER + safeguard + "\n") == []


def test_a_purpose_clause_for_an_offence_is_a_mental_element() -> None:
    text = (
        "Article 17\nWhoever publishes false news on a website with the aim of disturbing "
        "public order shall be punished by imprisonment.\n"
    )
    assert findings("CO01", text) == []
    assert findings("CO01", text.replace(" with the aim of disturbing public order", "")) != []


@pytest.mark.parametrize(
    "forbidden",
    [
        "Material obtained under section 1 shall not be transferred to a foreign authority.",
        "No material obtained under section 1 may be handed over to a foreign authority.",
    ],
)
def test_a_forbidden_transfer_sends_nothing_abroad(forbidden: str) -> None:
    text = "Section 2. Transfers\n" + forbidden + "\n"
    assert findings("DP04", text) == []
    allowed = forbidden.replace("shall not be", "may be").replace("No material", "Material")
    assert findings("DP04", "Section 2. Transfers\n" + allowed + "\n") != []


def test_a_state_named_as_a_ground_for_restriction_receives_nothing() -> None:
    text = (
        "Section 69. Blocking\nThe Government may, in the interest of friendly relations with "
        "foreign States, direct any intermediary to block access to any information transmitted "
        "in any computer resource.\n"
    )
    assert findings("DP04", text) == []


def test_a_use_for_no_purpose_other_than_the_request_is_a_purpose_limitation() -> None:
    text = (
        "Article 17\nUse of information\n1. The requested Party may transmit the information to "
        "the requesting Party.\n2. The requesting Party shall not use the information for any "
        "purpose other than the proceedings stated in the request.\n"
    )
    assert findings("DP08", text) == []


@pytest.mark.parametrize(
    "lead",
    [
        "The police may use the following special means:",
        "The police shall have the right to:",
        "A police officer is entitled to\u2014",
        "A police officer may secretly\u2014",
        "The police may, under the conditions laid down in Sections 53 to 60 of the National "
        "Security Act, and for the purposes of that Act,\u2014",
    ],
)
def test_powers_listed_after_lead_ins_of_civil_law_translations_are_granted(lead: str) -> None:
    text = (
        f"Section 1. Secret information gathering\n{lead}\n(a) intercept communications;\n"
        "(b) search premises.\n"
    )
    assert fired_on("JR02", text) == ["intercept"]


@pytest.mark.parametrize(
    "safeguard",
    [
        "Data not relevant to the interception shall be destroyed immediately.",
        "The permission for the interception of communications shall be given by a judge.",
    ],
)
def test_a_rule_on_a_powers_product_or_permission_grants_no_second_power(safeguard: str) -> None:
    text = (
        "Article 1\nThe police may intercept communications on a warrant of a judge valid for no "
        "longer than 30 days.\n\nArticle 2\n" + safeguard + "\n"
    )
    assert [f.provision.label for f in findings("RM01", text)] == ["Article 1"]


def test_a_judge_with_a_prosecutor_as_alternative_gives_no_judicial_guarantee() -> None:
    text = (
        "Article 1\nIssuing authority\n1. An order for the production of content data may be "
        "issued by a judge or a public prosecutor.\n"
    )
    assert fired_on("JR03", text) == ["prosecutor"]
    assert findings("JR03", text.replace(" or a public prosecutor", "")) == []


def test_an_authorisation_after_a_non_binding_opinion_is_the_executives() -> None:
    text = (
        "Article 1\nThe intelligence services may collect traffic data with the authorisation "
        "of the Prime Minister issued after the opinion of an independent commission.\n"
    )
    assert fired_on("JR03", text) == ["Minister"]
    council = (
        "Article 1\nThe intelligence services may collect traffic data only on the "
        "authorisation of the Council of State.\n"
    )
    assert findings("JR03", council) == []
    assert findings("JR02", council) == []


def test_reason_to_believe_that_an_offence_was_committed_is_a_ground() -> None:
    text = (
        "7. Powers of Inspectors\nAn Inspector may, if he has reason to believe that an offence "
        "under this Act has been committed, search any computer system on a warrant issued by "
        "a magistrate.\n"
    )
    assert findings("JR04", text) == []
    assert findings("JR04", text.replace("has reason to believe", "thinks")) != []


@pytest.mark.parametrize(
    "duty",
    [
        "Providers shall retain the traffic data of all users for two years.",
        "The traffic data of all subscribers are kept by service providers for two years.",
        "Service providers shall retain and store the traffic data of all users for 180 days.",
        "The traffic data relating to services provided by a service provider shall be "
        "preserved for a minimum period of six months from the date of the transaction.",
        "Operators shall retain for six months the data necessary to trace and identify the "
        "source of a communication.",
    ],
)
def test_general_retention_in_the_words_of_many_laws(duty: str) -> None:
    assert [f.provision.label for f in findings("DP01", f"Article 1\n{duty}\n")] == ["Article 1"]


@pytest.mark.parametrize(
    "order",
    [
        "A judge may make an order requiring a service provider to retain the traffic data of "
        "users located in a geographical area specified in the order.",
        "A judge may make an order requiring a service provider to retain the traffic data of "
        "the subscribers named in the order.",
    ],
)
def test_retention_targeted_by_an_order_is_not_general(order: str) -> None:
    assert findings("DP01", f"Section 3\n{order}\n") == []


def test_data_retained_under_another_section_is_no_second_duty() -> None:
    text = (
        "Section 1\nService providers shall retain the traffic data of all subscribers for six "
        "months.\nSection 2\nService providers shall protect data retained under section 1 "
        "against unlawful access.\n"
    )
    assert [f.provision.label for f in findings("DP01", text)] == ["Section 1"]


def test_access_to_the_data_retained_needs_prior_review() -> None:
    text = (
        "Section 9\nService providers shall retain the traffic data of all subscribers for six "
        "months.\nSection 10\nThe police may obtain access to the data retained under section 9 "
        "in specific cases.\n"
    )
    assert fired_on("JR02", text)[-1] == "access to the data retained under"


def test_a_period_written_in_compound_words_is_one_period() -> None:
    text = (
        "Article 3\nService providers shall retain the traffic data of all users for a period "
        "of one hundred and eighty days.\n"
    )
    assert fired_on("DP02", text) == ["one hundred and eighty days"]
    assert findings("PL01", text) == []


def test_compelled_key_disclosure_by_notice_is_authorised_by_the_executive() -> None:
    text = (
        "1 Notices requiring disclosure\nA chief officer of police may, by notice, require any "
        "person whom he believes to possess a key to protected information to disclose the "
        "key.\n"
    )
    assert fired_on("JR03", text) == ["police"]
    assert findings("JR03", text.replace("A chief officer of police", "A judge")) == []


def test_an_appeal_against_a_direction_under_the_section_is_its_remedy() -> None:
    text = (
        "6. Directions.\n(1) The Minister may direct an internet service provider to disable "
        "access to any online content.\n7. Appeal.\n(1) Any person aggrieved by a direction "
        "under section 6 may appeal to the High Court, which may set the direction aside.\n"
    )
    assert findings("RM01", text) == []
    assert findings("RM01", text.split("7. Appeal.")[0]) != []


@pytest.mark.parametrize(
    ("order", "words"),
    [
        (
            "The Government may direct any intermediary to block for access by the public any "
            "information hosted in any computer resource.",
            "block for access by the public any information",
        ),
        (
            "The Minister may order an internet access service provider to disable access by "
            "end-users to an online location.",
            "disable access by end-users to an online location",
        ),
        ("The Public Prosecutor may order the blocking of the website.", "blocking of the website"),
    ],
)
def test_blocking_in_the_words_of_many_laws_is_blocking_and_a_restriction(
    order: str, words: str
) -> None:
    text = f"Section 6. Blocking\n(1) {order}\n"
    assert fired_on("CO08", text) == [words]
    assert findings("HR05", text) != []


@pytest.mark.parametrize(
    ("offence", "code", "words"),
    [
        (
            "Whoever intentionally publishes online any content that insults a state institution "
            "or the armed forces shall be punished by imprisonment for one year.",
            "CO06",
            "insults a state institution",
        ),
        (
            "Whoever uses the information network to violate the family principles or values of "
            "society shall be punished by imprisonment.",
            "CO05",
            "family principles",
        ),
        (
            "A person who intentionally shares through a computer any information which is "
            "likely to create divisions among tribes commits an offence.",
            "CO05",
            "create divisions",
        ),
    ],
)
def test_speech_offences_in_the_words_of_many_laws(offence: str, code: str, words: str) -> None:
    assert fired_on(code, f"Article 16\n{offence}\n")[0].startswith(words)


def test_all_crimes_of_the_penal_code_committed_through_technology_are_incorporated() -> None:
    text = (
        "SEC. 6. All crimes defined and penalized by the Penal Code, if committed by, through "
        "and with the use of information and communications technologies, shall be covered by "
        "this Act.\n"
    )
    assert [f.code for f in findings("SC03", text)] == ["SC03"]
    listed = text.replace("All crimes defined and penalized by the Penal Code", "Murder")
    assert findings("SC03", listed) == []


def test_alternatives_listed_before_the_words_that_create_the_offence_are_offences_each() -> None:
    text = (
        "66A. Offensive messages.\nAny person who sends, by means of a computer resource,\u2014\n"
        "(a) any information that is grossly offensive; or\n(b) any information which he knows "
        "to be false, for the purpose of causing annoyance,\nshall be punishable with "
        "imprisonment for three years.\n"
    )
    assert fired_on("CO01", text) == ["any information that is grossly offensive; or"]
    assert sorted(fired_on("CO05", text)) == ["grossly offensive", "knows to be false"]


@pytest.mark.parametrize(
    "mention",
    [
        "and the material obtained shall be admissible in any court",
        "or in relation to contempt of court",
    ],
)
def test_a_court_named_for_another_purpose_authorises_nothing(mention: str) -> None:
    text = (
        "Section 5. A police officer may intercept any communication where necessary for the "
        f"investigation of an offence, {mention}.\n"
    )
    assert fired_on("JR02", text) == ["intercept"]


def test_liability_to_imprisonment_for_conduct_creates_an_offence() -> None:
    text = (
        "Section 14. Any person who imports into a computer system false computer data likely "
        "to cause panic in the public shall be liable to imprisonment for five years.\n"
    )
    assert fired_on("CO01", text) == ["shall be liable to imprisonment"]


def test_an_urgent_measure_the_authority_must_then_ask_a_judge_to_approve_is_validated() -> None:
    text = (
        "5. A judge may issue a warrant for the interception of the communications of a named "
        "person suspected of murder, for no more than thirty days.\n"
        "6. (1) In a case of urgency, the head of the agency may authorise interception for no "
        "more than forty-eight hours, and shall within that period apply to a judge for "
        "approval.\n(2) Where approval is refused, the interception shall stop at once and all "
        "material obtained shall be destroyed.\n"
    )
    assert findings("JR02", text) == []


@pytest.mark.parametrize(
    ("duty", "words"),
    [
        (
            "Enterprises shall provide subscriber information to the police upon a written "
            "request of a police officer.",
            "provide subscriber information to the police",
        ),
        (
            "A competent official may require a service provider to submit the traffic data "
            "related to communications through a computer system.",
            "require a service provider to submit the traffic data",
        ),
    ],
)
def test_demands_for_user_or_traffic_data_are_production_powers(duty: str, words: str) -> None:
    assert fired_on("PL02", f"Article 26\n{duty}\n") == [words]


def test_a_duty_to_notify_of_the_interception_is_its_safeguard_not_a_new_power() -> None:
    text = (
        "1. Warrants\nA judge may issue a warrant requiring a provider to intercept the "
        "communications of a named person.\n\n2. Notification\nWithin ninety days after an "
        "interception ends, the officer shall notify the person concerned in writing of the "
        "interception.\n"
    )
    assert findings("JR02", text) == []
    assert findings("RM02", text) == []
    assert findings("RM02", text.split("2. Notification")[0]) != []


def test_a_national_security_letter_is_the_executives_production_on_mere_relevance() -> None:
    text = (
        "Sec. 1. A communication service provider shall comply with a request by the Director "
        "of the Federal Bureau of Investigation for the subscriber information and toll billing "
        "records of any person, where the Director certifies that they are relevant to an "
        "authorized investigation.\n"
    )
    assert fired_on("JR03", text) == ["Director of the Federal Bureau of Investigation"]
    assert fired_on("JR04", text) == ["relevant to an authorized investigation"]


@pytest.mark.parametrize(
    "power",
    [
        "The Director may apply to a judge for an order requiring the production of any tangible "
        "things.",
        "The Director may acquire the contents of communications of any person.",
        "A judge may order a provider to produce, on an ongoing daily basis, all call detail "
        "records of all its subscribers.",
        "The Attorney General may authorize the targeting of persons reasonably believed to be "
        "located outside the country to acquire foreign intelligence information.",
    ],
)
def test_united_states_wording_of_powers_grants_them(power: str) -> None:
    assert findings("HR03", f"Sec. 1. {power}\n") != []


def test_serving_a_copy_of_the_warrant_on_the_customer_is_notice() -> None:
    text = (
        "Sec. 1. (a) A judge may authorize the interception of communications of a named person "
        "for 30 days.\n(b) Within 90 days after the interception ends, the government entity "
        "shall serve a copy of the warrant on the customer whose communications were "
        "intercepted.\n"
    )
    assert findings("RM02", text) == []
    assert findings("RM02", text.split("(b)")[0]) != []


_EXEMPTED = (
    "Section 1\nA data subject may complain to the Data Protection Commissioner, who may order "
    "the erasure of data and award compensation.\nSection 2\nPersonal data shall be used only "
    "for the purpose for which they were collected.\nSection 3\n(1) Sections 1 and 2 do not "
    "apply to processing by a security agency.\n(2) A security agency may share personal data "
    "with a foreign intelligence service.\n"
)


@pytest.mark.parametrize("code", ["RM01", "DP08"])
def test_safeguards_the_power_s_own_provision_switches_off_do_not_reach_it(code: str) -> None:
    assert [f.provision.label for f in findings(code, _EXEMPTED)] == ["Section 3(2)"]
    kept = _EXEMPTED.replace(
        "(1) Sections 1 and 2 do not apply to processing by a security agency.\n", ""
    )
    assert findings(code, kept) == []


def test_a_section_disapplying_part_of_itself_keeps_its_other_safeguards() -> None:
    text = (
        "Section 5\n(1) A judge may issue a warrant authorising the interception of the "
        "communications of a named person suspected of murder.\n(2) Any person whose "
        "communications were intercepted may apply to the High Court, which may quash the "
        "warrant and award damages.\n(3) The requirement of subsection (1) to name the person "
        "does not apply to the requirements of this section where the person is unknown.\n"
    )
    assert findings("RM01", text) == []


@pytest.mark.parametrize(
    "weak",
    [
        "The person concerned may be notified of the interception.",
        "The warrant shall be served on the provider and the officer shall notify the person to "
        "whom it is directed.",
    ],
)
def test_notice_only_permitted_or_given_to_the_addressee_is_no_notice(weak: str) -> None:
    text = (
        "Section 1\nA judge may issue a warrant authorising the interception of the "
        f"communications of a named person.\n{weak}\n"
    )
    assert findings("RM02", text) != []
    told = text.replace(weak, "The person concerned shall be notified of the interception.")
    assert findings("RM02", told) == []


def test_a_destruction_duty_with_an_open_exception_is_no_handling_rule() -> None:
    text = (
        "Article 1\nThe police may intercept communications on a judge's warrant.\nMaterials "
        "obtained by interception shall be destroyed after six months, unless they are needed "
        "in the interests of the service.\n"
    )
    assert findings("PL03", text) != []
    assert findings("PL03", text.split(", unless")[0] + ".\n") == []


def test_publishing_the_number_of_authorisations_each_year_is_reporting() -> None:
    text = (
        "Article 1\nThe police may intercept communications on a judge's warrant.\n"
        "The Commission shall publish each year the number of authorisations granted and "
        "refused.\n"
    )
    assert findings("OV03", text) == []


def test_a_challenge_open_only_to_the_provider_is_no_remedy_for_the_person() -> None:
    text = (
        "1 Disclosure\nA provider may disclose the contents of communications to a foreign "
        "government in response to an order of that government.\n\n2 Motion to quash\nThe "
        "provider may file a motion to quash the order where compliance would breach foreign "
        "law.\n"
    )
    assert [f.provision.label for f in findings("RM01", text)] == ["Section 1"]
    person = text.replace("The provider may file", "The customer may file")
    assert findings("RM01", person) == []


def test_the_measure_another_article_speaks_of_is_a_power_of_its_division() -> None:
    text = (
        "Article 1\nThe police may intercept communications on a warrant of a judge valid for no "
        "longer than 30 days.\n\nArticle 2\nThe person concerned shall be informed of the "
        "measure within 30 days after it ends. Data not relevant to the measure shall be "
        "destroyed immediately.\n"
    )
    assert findings("RM02", text) == []
    assert findings("PL03", text) == []
    # Two grants of interception: "the measure" is either of them.
    two = text + "\nArticle 3\nThe judge may also order the interception of e-mail.\n"
    assert findings("RM02", two) == []
    # A measure of another Part is not the one this Part speaks of.
    parts = (
        "PART 1\nINTERCEPTION\n\n"
        + text
        + "\nPART 2\nRETENTION\n\nArticle 3\nProviders shall retain the traffic data of "
        "all subscribers for one year.\n"
    )
    assert [f.provision.label for f in findings("RM02", parts)] == ["Article 3"]
    assert findings("RM02", parts.replace("PART 2\nRETENTION\n\n", "")) == []


def test_a_judge_who_issues_the_warrant_of_another_section_states_its_grounds() -> None:
    text = (
        "1. A police officer may apply to a judge for a warrant authorising the interception "
        "of communications.\n"
        "2. A judge may issue the warrant only if satisfied that there are reasonable grounds "
        "to suspect that a named person has committed an offence listed in the Schedule.\n"
    )
    assert findings("JR04", text) == []
    assert findings("PL02", text) == []
    assert findings("JR04", text.split("2. ")[0])


def test_a_person_who_was_the_subject_of_a_warrant_being_notified_is_notice() -> None:
    text = (
        "4 Application for a warrant\nA law enforcement officer may apply to an eligible Judge "
        "for a warrant authorising the use of a surveillance device.\n"
        "6 Notification\nEach person who was the subject of a warrant must be notified within "
        "6 months after the warrant ceases to be in force.\n"
    )
    assert findings("RM02", text) == []
    assert findings("RM02", text.replace("must be notified", "must be recorded"))


@pytest.mark.parametrize(
    ("numbers", "reference"),
    [(("7", "8"), "paragraph (2) of Section 7"), (("7/E", "7/F"), "Section 7/E")],
)
def test_a_rule_on_the_measure_under_a_cited_unit_reaches_it(
    numbers: tuple[str, str], reference: str
) -> None:
    power, rule = numbers
    text = (
        f"Section {power}\n(1) The Centre has the task of protecting national security.\n"
        "(2) The Centre may intercept communications.\n\n"
        f"Section {rule}\nThe measure under {reference} shall be authorised by the Minister of "
        "Justice.\n"
    )
    assert fired_on("JR03", text) == ["Minister"]
    assert findings("JR02", text) == []


def test_judicial_approval_of_renewals_only_leaves_the_first_warrant_to_the_executive() -> None:
    text = (
        "Section 1\nThe Secretary of State may issue a warrant authorising interception.\n"
        "A warrant may be renewed only with the approval of a Judicial Commissioner.\n"
    )
    assert fired_on("JR03", text) == ["Secretary of State"]
    both = text.replace("may be renewed only", "may be issued or renewed only")
    assert findings("JR03", both) == []


def test_an_urgent_order_a_judge_must_confirm_within_hours_is_validated() -> None:
    text = (
        "Section 1\nThe police may intercept communications on a warrant of a judge. In urgent "
        "cases the head of the police may order the interception, and a judge shall confirm "
        "the order within 48 hours, failing which the interception shall stop and the "
        "material shall be destroyed.\n"
    )
    assert findings("JR02", text) == []


@pytest.mark.parametrize(
    ("code", "clause"),
    [
        (
            "DP04",
            "The Establishment may share intelligence with foreign partners only under a binding "
            "agreement that secures purpose limitation, retention limits and redress.",
        ),
        (
            "DP05",
            "The Establishment may share intelligence with foreign partners. The recipient shall "
            "not pass the intelligence on to third parties without the prior consent of the "
            "Establishment.",
        ),
    ],
)
def test_transfer_safeguards_in_other_words_are_credited(code: str, clause: str) -> None:
    assert findings(code, f"Section 2\n{clause}\n") == []


def test_a_blocking_power_the_text_confers_on_a_test_it_states_needs_no_other_law() -> None:
    text = (
        "Section 6. Blocking orders\n(1) The court may order a provider to disable access to "
        "specified online content where strictly necessary and proportionate to prevent "
        "imminent violence.\n"
    )
    assert findings("HR05", text) == []
    bare = text.replace(
        " where strictly necessary and proportionate to prevent imminent violence", ""
    )
    assert fired_on("HR05", bare) == ["disable access to specified online content"]


@pytest.mark.parametrize(
    "gag",
    [
        "Sec. 2. A provider shall not disclose the existence of an order under section 1.",
        "Sec. 2. No person shall disclose to any other person that the Bureau has sought or "
        "obtained records under section 1.",
    ],
)
def test_a_gag_in_another_section_makes_the_production_order_covert(gag: str) -> None:
    text = (
        f"Sec. 1. A judge may order a provider to produce any records of a named person.\n{gag}\n"
    )
    (finding,) = findings("RM02", text)
    assert "imposes secrecy" in finding.message


def test_acts_listed_as_prohibited_and_sanctioned_are_offences() -> None:
    listed = (
        "Article 8. Prohibited acts\nThe following acts are strictly prohibited:\na) Posting or "
        "spreading information that undermines national unity;\nb) Posting or spreading false "
        "information that causes confusion among the people.\n"
    )
    assert fired_on("CO05", listed) != []
    named = (
        "Article 8. Prohibited acts\n1. Posting or spreading false information that causes "
        "confusion among the people.\n2. Any person who commits an act prohibited under clause "
        "1 shall be examined for penal liability.\n"
    )
    assert fired_on("CO05", named) == ["false information"]


def test_retaining_its_traffic_data_for_a_year_is_general_whoever_may_then_obtain_it() -> None:
    text = (
        "Section 32\nA service provider shall retain its traffic data for a minimum period of "
        "one year and, subject to production of a warrant issued by the Court, provide that "
        "data to the investigation agency whenever so required.\n"
    )
    assert [f.provision.label for f in findings("DP01", text)] == ["Section 32"]


@pytest.mark.parametrize(
    "power",
    [
        "The police may use automated facial recognition on images from public cameras.",
        "The intelligence services may carry out automated processing of traffic data to "
        "detect connections.",
        "Communications operators shall install equipment giving the security service direct "
        "and continuous access to all communications.",
        "The Establishment may collect signals in electronic form that cross the border in cables.",
        "The collection of connection data may be authorised by the Prime Minister.",
    ],
)
def test_modern_surveillance_powers_are_powers(power: str) -> None:
    assert findings("HR03", f"Article 1\n{power}\n") != []


def test_assistance_that_may_include_interception_grants_it() -> None:
    text = (
        "Article 1\nScope of assistance\n1. The Parties may afford each other mutual legal "
        "assistance in criminal matters.\n2. Assistance may include:\n(a) taking evidence from "
        "persons;\n(b) intercepting content data in real time.\n"
    )
    assert fired_on("JR02", text) == ["intercepting"]


def test_intelligence_exchange_on_all_aspects_of_threats_is_generalised() -> None:
    text = (
        "2. Exchange.\u2014The Service may exchange with foreign intelligence services "
        "information concerning all aspects of threats to national security, including the "
        "identity, whereabouts and activities of persons.\n"
    )
    assert [f.code for f in findings("DP07", text)] == ["DP07"]


@pytest.mark.parametrize(
    "compulsion",
    [
        "Every organisation and citizen shall support, assist and cooperate with national "
        "intelligence efforts.",
        "A police officer may, by notice, require any person whom he believes to possess a key "
        "to disclose it.",
    ],
)
def test_compulsion_of_everyone_or_of_anyone_believed_to_hold_a_key_is_open(
    compulsion: str,
) -> None:
    assert [f.code for f in findings("PL05", f"Article 7\n{compulsion}\n")] == ["PL05"]


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        (
            "Article 17. Intelligence agencies may intercept communications. Such interception "
            "shall not require judicial authorisation.\n",
            "JR02",
            "intercept",
        ),
        (
            "Article 190. The Public Prosecutor may require the real-time geographic location of "
            "mobile devices without a court order.\n",
            "JR02",
            "without a court order",
        ),
        (
            "Article 5. The investigating authority may collect or record in real time the traffic "
            "data of specific communications.\n",
            "JR02",
            "collect or record in real time the traffic data",
        ),
    ],
)
def test_treaty_and_translated_wording_of_warrantless_powers(
    text: str, code: str, words: str
) -> None:
    assert fired_on(code, text) == [words]


def test_an_urgent_measure_that_ceases_if_the_judge_does_not_validate_it_is_validated() -> None:
    text = (
        "Art. 191. In a case of urgency, the Public Prosecutor may require the real-time "
        "collection of location data without prior order, provided that an application is "
        "submitted to the control judge within six hours; if the judge does not validate the "
        "measure within twelve hours, it shall cease and all data obtained shall be destroyed.\n"
    )
    assert not any("urgent" in f.message for f in findings("JR02", text))


@pytest.mark.parametrize(
    "offence",
    [
        "Each State Party shall take the necessary legislative measures to make it a criminal "
        "offence to insult, through a computer system, persons for the reason that they belong "
        "to a group distinguished by religion.",
        "Member States shall ensure that insulting persons on grounds of religion through a "
        "computer system is punishable as a criminal offence.",
    ],
)
def test_treaty_duties_to_criminalise_create_offences(offence: str) -> None:
    assert findings("CO01", f"Article 3\n{offence}\n") != []


def test_onward_transfer_only_with_the_original_senders_authorisation_is_controlled() -> None:
    text = (
        "Article 14\n1. The requested Party shall transmit the data to the requesting Party, "
        "which shall use it only for the purposes stated in the request.\n2. The requesting "
        "Party may transfer the data to another State only with the prior authorisation of the "
        "transferring authority.\n"
    )
    assert findings("DP05", text) == []


_PRESERVE = (
    "Section 3\nA judge may, on reasonable suspicion that a named person committed murder, order "
    "a provider to preserve specified data for no more than 90 days.\n"
)


@pytest.mark.parametrize(
    "mention",
    [
        "In April of each year the Director shall transmit to Parliament a report concerning the "
        "number of applications for orders authorizing the preservation of data.",
        "The authorised officer shall discontinue the preservation of data as soon as the "
        "grounds for the order cease to exist.",
        "When the order ends, the provider shall delete the data within 7 days, unless a "
        "production order has been made.",
    ],
)
def test_a_report_a_duty_to_stop_or_a_condition_naming_a_power_grants_none(mention: str) -> None:
    text = _PRESERVE + "\nSection 5\n" + mention + "\n"
    for code in ("PL02", "RM01", "JR02"):
        assert "Section 5" not in [f.provision.label for f in findings(code, text)]


def test_a_duration_clause_that_names_the_renewal_section_still_bounds_the_warrant() -> None:
    text = (
        "16 Power to issue warrants\nThe Secretary of State may issue an interception warrant if a "
        "Judicial Commissioner approves it.\n19 Duration of warrants\nA warrant ceases to have "
        "effect at the end of the period of 6 months beginning with the day on which it was "
        "issued, unless it is renewed under section 20.\n20 Renewal\nA Judicial Commissioner "
        "must approve any renewal.\n"
    )
    assert findings("PL01", text) == []


def test_an_order_that_ceases_to_have_effect_days_after_it_is_made_is_bounded() -> None:
    text = _PRESERVE.replace(
        " for no more than 90 days.", "; the order ceases to have effect 90 days after it is made."
    )
    assert findings("PL01", text) == []


def test_a_hedge_on_an_included_item_does_not_make_the_remedy_optional() -> None:
    text = (
        "Article 14\n1 A Party may transfer personal data to another State only where there is "
        "an adequate level of protection.\n2 Each Party shall have in place effective judicial "
        "remedies to provide redress for violations of this article, including compensation "
        "where appropriate.\n"
    )
    assert findings("RM01", text) == []


def test_a_tribunal_that_may_quash_warrants_authorises_none() -> None:
    text = (
        "16 Warrants\nThe Secretary of State may issue a warrant for the interception of the "
        "communications of a person suspected of a Schedule 1 offence, for at most 6 months.\n"
        "32 Tribunal\nThe Investigatory Powers Tribunal may quash any warrant and order the "
        "destruction of any material.\n"
    )
    assert fired_on("JR03", text) == ["Secretary of State"]


def test_an_inventory_served_on_parties_the_judge_determines_is_notice() -> None:
    text = (
        "\u00a7 2518. Orders\n(1) A judge may, on probable cause that a named person committed "
        "murder, authorize the interception of that person's communications for thirty days.\n"
        "(2) Not later than ninety days after the order ends, the judge shall cause to be served "
        "on the persons named in the order, and on such other parties as the judge may "
        "determine, an inventory which shall include notice of the fact of the entry of the "
        "order.\n"
    )
    assert findings("RM02", text) == []


def test_keeping_preserved_specified_data_secure_is_no_general_retention() -> None:
    text = _PRESERVE + "\nSection 4\nThe service provider shall keep the specified data secure.\n"
    assert findings("DP01", text) == []


_PROSECUTOR = (
    "Section 100e\n(1) Interception of the telecommunications of a person suspected on certain "
    "facts of an offence listed in the Annex may be ordered by the public prosecution office for "
    "at most three months.\n"
)


@pytest.mark.parametrize(
    "court",
    [
        "(2) The court shall be informed of the results of the measure.",
        "(2) Notification of the person concerned may be deferred with the consent of the court.",
    ],
)
def test_a_court_told_of_the_measure_or_asked_to_defer_notice_authorises_nothing(
    court: str,
) -> None:
    assert fired_on("JR03", _PROSECUTOR + court + "\n") == ["public prosecution office"]


def test_refusal_grounds_listed_under_a_mandatory_lead_in_are_mandatory() -> None:
    text = (
        "Article 5\n1. The Parties shall afford each other mutual legal assistance in criminal "
        "proceedings.\n2. The Requested Party shall refuse assistance where:\n(a) the request "
        "concerns a political offence;\n(b) the request has been made for the purpose of "
        "punishing a person on account of race, religion or political opinions;\n(c) the person "
        "would face a real risk of torture or the death penalty.\n"
    )
    assert findings("IC01", text) == []
    assert findings("IC01", text.replace("shall refuse", "may refuse")) != []


def test_instructing_a_provider_not_to_disclose_grants_no_power() -> None:
    text = (
        "Article 7\nThe authorities notified may instruct the service provider not to disclose "
        "the subscriber information if disclosure may prejudice proceedings in that Party.\n"
    )
    assert findings("RM01", text) == []


def test_due_regard_to_a_named_right_imposes_no_duty_to_respect_it() -> None:
    text = (
        "38. Retention\n(1) A judge may order a service provider to retain the traffic data of a "
        "named suspect for 90 days.\n(2) Any person exercising a function under this section "
        "shall have due regard to the right to privacy.\n"
    )
    assert fired_on("HR01", text) == ["have due regard to"]
    binding = text.replace("shall have due regard to", "shall act in accordance with")
    assert findings("HR01", binding) == []


def test_a_savings_clause_that_nothing_permits_a_restriction_restricts_nothing() -> None:
    text = (
        "Article 6\nNothing in this Convention permits any State Party to restrict freedom of "
        "expression, opinion, religion, peaceful assembly or association.\n"
    )
    assert findings("HR05", text) == []


def test_an_institute_that_is_an_autonomous_body_independent_of_the_executive_oversees() -> None:
    text = (
        "Art. 190. A judge may order the real-time collection of location data of a named "
        "person.\nArt. 195. The National Institute for Data Protection, an autonomous body "
        "independent of the executive, shall supervise the application of this Law.\n"
    )
    assert findings("OV01", text) == []


def test_provisions_that_do_not_imply_international_supervision_disclaim_it() -> None:
    text = (
        "Article 57\n1. The Parties shall cooperate.\n2. The provisions of this Chapter do not "
        "imply any international supervision of the powers of the Parties.\n"
    )
    assert fired_on("OV02", text) == ["do not imply any international supervision"]


def test_exciting_disaffection_against_the_government_is_a_vague_term() -> None:
    text = (
        "Section 18.\u2014(1) Any person who, with intent to excite disaffection against the "
        "Government, publishes any statement by means of a computer system commits an offence.\n"
    )
    assert fired_on("CO05", text) == ["disaffection"]


@pytest.mark.parametrize(
    ("sentence", "power"),
    [
        ("The Police may obtain traffic data relating to any person.", "obtain traffic data"),
        (
            "An officer may access the telecommunications data of any subscriber.",
            "access the telecommunications data",
        ),
        (
            "A service provider shall disclose to that officer data retained under section 2.",
            "disclose to that officer data retained under",
        ),
        (
            "A carrier shall give the officer any stored communication it holds.",
            "give the officer any stored communication",
        ),
    ],
)
def test_obtaining_communications_data_without_a_judge_is_unauthorised_access(
    sentence: str, power: str
) -> None:
    text = f"Section 1. Access\n{sentence}\n"
    assert fired_on("JR02", text) == [power]
    judged = (
        f"Section 1. Access\nOn a warrant issued by a judge, {sentence[0].lower()}{sentence[1:]}\n"
    )
    assert findings("JR02", judged) == []


def test_subscriber_information_is_production_which_only_the_executive_may_not_order() -> None:
    obtained = (
        "Section 1. Access\nThe Minister may obtain subscriber information from a provider.\n"
    )
    assert findings("JR02", obtained) == []  # identity data: no prior review required
    required = (
        "Section 1. Access\nThe Minister may require a service provider to disclose subscriber "
        "information.\n"
    )
    assert fired_on("JR03", required) == ["Minister"]
    by_judge = required.replace("The Minister", "A judge")
    assert findings("JR03", by_judge) == []


@pytest.mark.parametrize("officer", ["peace officer", "constable", "Procurator"])
def test_officers_who_require_disclosure_are_the_executive(officer: str) -> None:
    text = (
        f"Section 1. Orders\nA {officer} may order a person to prepare and produce a document "
        "containing traffic data.\n"
    )
    assert fired_on("JR03", text) == [officer]


def test_a_hyphenated_prosecutor_general_is_not_a_court() -> None:
    text = (
        "Section 1. Blocking\nThe Prosecutor-General may order an operator to block access to "
        "a website.\n"
    )
    assert fired_on("CO08", text) == ["block access to a website"]


def test_a_note_is_not_the_law_it_annotates() -> None:
    text = (
        "3  Interception\n (1) An officer may intercept any communication if satisfied it is "
        "necessary.\n Note: An officer must first obtain a warrant from a judge.\n"
    )
    assert fired_on("JR02", text) == ["intercept"]
    enacted = text.replace(" Note: An officer", " (2) An officer")
    assert findings("JR02", enacted) == []


def test_an_example_describing_a_breach_adds_no_transfer() -> None:
    text = (
        "3  Sharing of material\n (1) Intercepted material must not leave the country.\n"
        " Example: A court may find that an officer who disclosed intercepted material to a "
        "foreign police service broke subsection (1).\n"
    )
    assert findings("DP04", text) == []
    enacted = text.replace(
        " Example: A court may find that an officer who disclosed", " (2) An officer may disclose"
    )
    assert findings("DP04", enacted) != []


def test_a_note_in_a_definitions_section_defines_nothing() -> None:
    document = parse(
        "2  Definitions\n (1) In this Act:\nofficer means a member of the police.\n"
        " Note: The expression officer is to be read broadly.\n"
    )
    assert list(document.definitions) == ["officer"]


_WARRANT = (
    "Section 1. Warrants\nA judge may order the interception of communications of a person "
    "suspected of an offence in the Schedule, for thirty days.\n"
)


def test_a_prohibition_after_another_duty_grants_nothing() -> None:
    text = (
        _WARRANT + "Section 2. Privilege\nIrrelevant material must be destroyed at once; "
        "communications between a lawyer and client must not be intercepted.\n"
    )
    assert findings("JR02", text) == []
    assert [f.provision.label for f in findings("PL01", text) if f.provision] == []


def test_a_power_restricted_over_privileged_material_protects_it() -> None:
    text = (
        _WARRANT + "Section 2. Privilege\nCommunications with a lawyer may be intercepted only "
        "with the prior approval of a judge.\n"
    )
    assert [f.provision.label for f in findings("RM02", text) if f.provision] == ["Section 1"]
    assert findings("PL04", text) == []  # the privileged material is protected
    unrestricted = text.replace("Communications with a lawyer", "Any communication")
    assert "Section 2" in [f.provision.label for f in findings("RM02", unrestricted) if f.provision]


_TWO_WARRANTS = (
    "1. A judge may order the interception of communications of a person suspected of an "
    "offence in Schedule 1, for thirty days.\n2. A judge may order the interception of letters "
    "of a person suspected of an offence in Schedule 1, for thirty days.\n"
)


def test_a_complaint_by_whoever_believes_they_were_intercepted_is_a_remedy_for_every_power() -> (
    None
):
    text = (
        _TWO_WARRANTS + "3. Any person who believes that their communications have been "
        "intercepted may complain to the Tribunal, which may order deletion and award "
        "compensation.\n"
    )
    assert findings("RM01", text) == []
    assert findings("JR02", text) == []  # the complaint grants no new power


def test_intercepted_material_and_notice_to_those_intercepted_grant_no_power() -> None:
    text = (
        _TWO_WARRANTS + "3. Intercepted material shall be destroyed after six months.\n"
        "4. A person whose communications have been subject to interception shall be notified "
        "within 30 days after it ends, and may ask the High Court to declare the interception "
        "unlawful.\n"
    )
    model = safeguard_model(RuleContext(parse(text)))
    assert [p.label for p, _ in model.power_provisions()] == ["Section 1", "Section 2"]


def test_a_power_word_in_the_title_of_a_cited_act_names_no_power() -> None:
    cited = (
        "1. Identification of originator\nA messaging service shall enable the identification "
        "of the first originator of information as required by an order of a court under the "
        "Interception of Communications Act 2001.\n"
    )
    assert findings("PL01", cited) == []
    instrument = "1. Orders\nA judge may issue an Interception Order against a named suspect.\n"
    assert fired_on("PL01", instrument) == ["Interception"]


def test_a_duty_worded_in_the_third_person_still_removes_content() -> None:
    text = (
        "1. Complaints\nThe operator of a social network shall ensure that it removes or blocks "
        "access to content that is manifestly unlawful within 24 hours of receiving a complaint.\n"
    )
    model = safeguard_model(RuleContext(parse(text)))
    assert [p.label for p, _ in model.power_provisions()] == ["Section 1"]


def test_a_sentence_narrowing_a_power_granted_elsewhere_is_its_condition() -> None:
    text = (
        "Section 1\nSignals intelligence may be carried out only with the permission of the "
        "Foreign Intelligence Court.\n\nSection 2\nSignals intelligence may be carried out only "
        "in order to monitor external military threats.\n"
    )
    model = safeguard_model(RuleContext(parse(text)))
    assert [p.label for p, _ in model.power_provisions()] == ["Section 1"]
    alone = text.split("\n\n")[1]
    model = safeguard_model(RuleContext(parse(alone)))
    assert [p.label for p, _ in model.power_provisions()] == ["Section 2"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Where the purpose of a warrant is to intercept items subject to legal privilege, the "
        "application must say so.",
        "This Regulation lays down the rules under which a judge may order a service provider "
        "to produce stored content data.",
        "Such assistance shall include the provision of technical advice and facilitating the "
        "preservation of stored electronic data.",
    ],
)
def test_conditions_subject_matter_and_help_to_another_grant_nothing(sentence: str) -> None:
    model = safeguard_model(RuleContext(parse(f"Article 1\n{sentence}\n")))
    assert model.power_provisions() == []


def test_biometrics_kept_without_limit_are_a_power_without_a_maximum_period() -> None:
    text = (
        "Section 4. Retention\nFingerprints, DNA profiles and samples taken from a person who "
        "is arrested but not convicted may be retained indefinitely.\n"
    )
    assert fired_on("PL01", text) == ["indefinitely"]
    limited = text.replace("indefinitely", "for six months and then destroyed")
    assert safeguard_model(RuleContext(parse(limited))).power_provisions() == []


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        (
            "Any police officer may search the national biometric database without a warrant.",
            "JR02",
        ),
        (
            "The data of the Citizen Base Register, including biometric data, shall be made "
            "available to the intelligence and public security bodies.",
            "RM01",
        ),
    ],
)
def test_police_and_intelligence_access_to_identity_databases_is_a_power(
    sentence: str, code: str
) -> None:
    assert findings(code, f"Section 5. Access\n{sentence}\n") != []


@pytest.mark.parametrize(
    "sentence",
    [
        "During a state of emergency, section 5 shall not apply and the Minister may order the "
        "interception of any communication.",
        "The Minister, who shall not delegate this power, may direct any licensee to intercept "
        "any communication.",
    ],
)
def test_the_modal_verb_nearest_the_power_decides_the_grant(sentence: str) -> None:
    assert fired_on("JR03", f"6. Emergency.\n{sentence}\n") == ["Minister"]


def test_a_minimisation_rule_with_a_privilege_bar_grants_nothing() -> None:
    text = (
        "1. A judge may issue a warrant authorising a police officer to intercept the "
        "communications of a named person suspected of an offence listed in the Schedule.\n"
        "2. The interception shall be conducted so as to minimise the collection of "
        "communications not relevant to the offence, and communications between a lawyer and a "
        "client shall not be intercepted.\n"
    )
    model = safeguard_model(RuleContext(parse(text)))
    assert [p.label for p, _ in model.power_provisions()] == ["Section 1"]
    assert findings("PL04", text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Commissioner shall keep under review the interception of communications under this "
        "Act.",
        "The annual report shall state the number of interceptions carried out.",
        "Any person may ask the Tribunal to review whether an interception relating to him was "
        "lawful.",
        "Any data subject shall have the right to an effective remedy before a court against a "
        "production order.",
    ],
)
def test_oversight_statistics_and_remedies_naming_a_power_grant_nothing(sentence: str) -> None:
    model = safeguard_model(RuleContext(parse(f"Section 3\n{sentence}\n")))
    assert model.power_provisions() == []


def test_keeping_data_obtained_under_the_act_securely_is_handling_not_retention() -> None:
    text = (
        "1. Communications data obtained under this Part shall be kept in a secure system and "
        "destroyed 6 months after proceedings end.\n"
    )
    assert safeguard_model(RuleContext(parse(text))).power_provisions() == []
    duty = "1. Communications data shall be kept by every provider for two years.\n"
    assert safeguard_model(RuleContext(parse(duty))).power_provisions() != []


@pytest.mark.parametrize(
    ("sentence", "power"),
    [
        (
            "The police may obtain the real-time location of the mobile device of the suspect.",
            "real-time location of the mobile device",
        ),
        (
            "Concessionaires shall collaborate with the security bodies in the real-time "
            "geographic location of mobile communication devices.",
            "real-time geographic location of mobile communication devices",
        ),
        (
            "Operators shall provide to the intelligence services, upon request of the director, "
            "the traffic data of their subscribers.",
            "provide to the intelligence services, upon request of the director, the traffic data",
        ),
        (
            "The intelligence services may obtain, on simple request, the data retained under "
            "article 4.",
            "obtain, on simple request, the data retained under",
        ),
    ],
)
def test_location_and_retained_data_in_translated_word_order(sentence: str, power: str) -> None:
    assert fired_on("JR02", f"Article 3\n{sentence}\n") == [power]


@pytest.mark.parametrize(
    "power",
    [
        "The police may operate automatic number plate recognition cameras on any road.",
        "The head of an intelligence service may retain, or retain and examine, any bulk "
        "personal dataset.",
        "The Agency may obtain and use bulk personal datasets held by other public bodies.",
    ],
)
def test_number_plate_recognition_and_bulk_personal_datasets_are_surveillance(power: str) -> None:
    assert fired_on("JR02", f"Section 1. {power}\n") != []


@pytest.mark.parametrize(
    "mention",
    [
        'In this Act, "bulk personal dataset" means a set of information about many individuals.',
        "The Commissioner shall keep under review the retention and examination of bulk personal "
        "datasets by the intelligence services.",
    ],
)
def test_defining_or_overseeing_bulk_datasets_grants_no_power(mention: str) -> None:
    assert findings("HR03", f"Section 1. {mention}\n") == []


@pytest.mark.parametrize(
    ("power", "words"),
    [
        (
            "A search, seizure or production of stored computer data may be executed by the "
            "police.",
            "search, seizure or production of stored computer data",
        ),
        (
            "The police may search premises and seize stored computer data to execute a request.",
            "search premises and seize stored computer data",
        ),
    ],
)
def test_searches_and_seizures_of_data_listed_together_are_access_to_stored_data(
    power: str, words: str
) -> None:
    assert fired_on("JR02", f"Article 4\n{power}\n") == [words]


@pytest.mark.parametrize(
    "rule",
    [
        "The interception of communications shall take place in separate records, preserving "
        "the secrecy of the recordings.",
        "Not later than ninety days after the order ends, the judge shall cause to be served on "
        "the persons named in the order an inventory stating the period of interception.",
    ],
)
def test_a_rule_on_recording_a_measure_or_naming_its_period_grants_no_power(rule: str) -> None:
    text = (
        "Art. 1. The interception of communications shall depend on an order of the judge.\n\n"
        f"Art. 2. {rule}\n"
    )
    assert [f for f in findings("JR02", text) if "Article 2" in f.provision.label] == []


@pytest.mark.parametrize(
    "power",
    [
        "A controller shall, on the written request of the head of a security agency, disclose "
        "to that agency any personal data held by the controller.",
        "Information in the System may be accessed by any security agency without further "
        "authorisation.",
        "The Principal Registrar may share any information held in the System with any public "
        "body.",
        "A service provider shall, at the request of any law enforcement agency, preserve, hold "
        "or retain any traffic data.",
        "Public security organs may employ technical investigation measures against any person.",
        "The investigating officer may install such tool on a suspect's computer system.",
        "A magistrate may order a person to provide any assistance necessary to allow a constable "
        "to access data held in a computer.",
        "The police may retain the personal data of any person arrested, whether or not charged, "
        "indefinitely.",
        "Operators shall provide to the intelligence bodies, upon request, the history of "
        "communications of subscribers and the location of the cells of their terminals.",
        "Operators may be required, on the authorisation of the Prime Minister, to implement on "
        "their networks automated processing designed to detect threats.",
    ],
)
def test_powers_over_data_the_state_or_providers_hold_in_the_words_of_many_laws(
    power: str,
) -> None:
    assert findings("HR03", f"Section 1. Powers\n{power}\n") != []


def test_personal_data_kept_only_as_long_as_necessary_is_no_power_without_limit() -> None:
    text = (
        "Article 9\nThe receiving Party shall retain the personal data for as long as necessary "
        "for the purpose for which they were transferred and shall then delete them.\n"
    )
    assert findings("PL01", text) == []


@pytest.mark.parametrize(
    "takedown",
    [
        "The Minister may direct any provider of online services to remove any post.",
        "The Authority may order an online service provider to remove prohibited content within "
        "twelve hours.",
        "Enterprises shall delete information within 24 hours of a request of the Ministry.",
    ],
)
def test_takedowns_of_posts_or_prohibited_content_are_restrictions_needing_the_test(
    takedown: str,
) -> None:
    assert findings("HR05", f"3. Removal.\n{takedown}\n") != []


def test_a_marginal_title_ending_on_an_instrument_grants_nothing() -> None:
    text = (
        "Section 2. Interpretation\nIn this Act, \"data\" means communications data.\n"
        "Application for preservation order.\n"
        "Section 3. Preservation\nA judge may order a service provider to preserve the "
        "communications data of a specified person for 90 days.\n"
    )
    assert [f.provision.label for f in findings("PL03", text)] == ["Section 3"]
