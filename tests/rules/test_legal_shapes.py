"""Shapes of published legislation that the rules must read as the courts did: passive
retention duties, covert surveillance powers, lists of offences after a lead-in, executive
departments that block content, open-ended renewals, and clauses about "all other" matters."""

from __future__ import annotations

import pytest

from safeguard_lint.parsing import parse
from tests.rules.safeguard_helpers import findings

RETENTION = (
    "Article 2\nDefinitions\nFor the purposes of this Directive:\n"
    '(a) "data" means traffic data and location data and the related data necessary to '
    "identify the subscriber;\n\n"
    "Article 3\nObligation to retain data\n"
    "Member States shall ensure that the categories of data specified in Article 5 are retained "
    "by providers of publicly available electronic communications services.\n\n"
    "Article 5\nCategories of data\nThe following categories of data shall be retained: data "
    "necessary to trace the source of a communication.\n\n"
    "Article 6\nPeriods of retention\nMember States shall ensure that the data are retained for "
    "periods of not less than six months and not more than two years.\n"
)
TARGETED = (
    "Section 4. Retention orders\nA judge may order a service provider to retain the traffic "
    "data of a specified subscriber for ninety days.\n"
)


def test_a_passive_duty_on_providers_to_retain_defined_data_is_general_retention() -> None:
    assert [f.provision.label for f in findings("DP01", RETENTION)] == ["Article 3"]
    assert findings("DP01", TARGETED) == []


def test_a_range_of_periods_for_all_data_is_one_period() -> None:
    (uniform,) = findings("DP02", RETENTION)
    assert (
        RETENTION[uniform.span.start : uniform.span.end] == "six months and not more than two years"
    )
    per_category = RETENTION.replace(
        "the data are retained for periods of not less than six months and not more than two years",
        "location data are retained for three months and subscriber data for one year",
    )
    assert findings("DP02", per_category) == []


def test_offences_left_to_each_member_states_law_are_delegated() -> None:
    text = RETENTION.replace(
        "by providers of publicly available electronic communications services.",
        "by providers of publicly available electronic communications services for the "
        "prosecution of serious crime, as defined by each Member State in its national law.",
    )
    assert [f.provision.label for f in findings("SC02", text)] == ["Article 3"]
    assert findings("SC02", RETENTION) == []


SURVEILLANCE = (
    "Section 2. Secret surveillance\n(1) The Centre may carry out covert surveillance of any "
    "person.\n(2) Covert surveillance shall be authorised by the Minister.\n"
    "(3) The authorisation shall be valid for ninety days and may be extended by further "
    "periods of ninety days.\n"
)


def test_covert_surveillance_is_a_power_that_needs_independent_authorisation() -> None:
    assert findings("JR03", SURVEILLANCE)
    assert findings("RM02", SURVEILLANCE)
    judged = SURVEILLANCE.replace("by the Minister", "by a judge of the High Court")
    assert findings("JR03", judged) == []


def test_renewals_without_limit_and_without_a_judge_leave_the_duration_open() -> None:
    (open_ended,) = findings("PL01", SURVEILLANCE)
    assert "renewed without limit" in open_ended.message
    judged = SURVEILLANCE.replace("by the Minister", "by a judge of the High Court")
    assert findings("PL01", judged) == []
    capped = SURVEILLANCE.replace("by further periods of ninety days", "once")
    assert findings("PL01", capped) == []


OFFENCES = (
    "Section 4. Offences. — The following acts constitute the offense of cybercrime punishable "
    "under this Act:\n"
    "(a) Illegal Access. — The access to the whole or any part of a computer system without "
    "right.\n"
    "(b) Libel. — The unlawful acts of libel committed through a computer system.\n\n"
    "Section 5. Other Offenses. — Any person who wilfully abets or aids in the commission of any "
    "of the offenses enumerated in this Act shall be held liable.\n"
)


def test_each_item_after_an_offence_lead_in_is_an_offence() -> None:
    assert sorted(f.provision.label for f in findings("CO01", OFFENCES)) == [
        "Section 4(a)",
        "Section 4(b)",
    ]
    assert [f.provision.label for f in findings("CO06", OFFENCES)] == ["Section 4(b)"]
    intended = OFFENCES.replace(
        "The following acts", "The following acts, when committed intentionally,"
    )
    assert findings("CO01", intended) == []


def test_a_lead_in_listing_the_means_of_one_offence_keeps_them_together() -> None:
    fraud = (
        "Section 8. Fraud\nA person who intentionally causes a loss of property to another "
        "person by:\n(a) any input of computer data; or\n(b) any interference with a computer "
        "system,\ncommits an offence.\n"
    )
    assert findings("CO01", fraud) == []


def test_abetting_any_enumerated_offence_reaches_the_speech_offences() -> None:
    assert [f.provision.label for f in findings("CO09", OFFENCES)] == ["Section 5"]
    excluded = OFFENCES.replace("any of the offenses enumerated in this Act", "illegal access")
    assert findings("CO09", excluded) == []


BLOCKING = (
    "Section 19. Restricting or Blocking Access to Computer Data. — When a computer data is "
    "prima facie found to be in violation of the provisions of this Act, the Department of "
    "Justice shall issue an order to restrict or block access to such computer data.\n"
)


@pytest.mark.parametrize("code", ["JR02", "JR03", "JR04", "PL03", "PL04"])
def test_blocking_is_left_to_co08_even_when_the_heading_names_access_to_data(code: str) -> None:
    assert findings(code, BLOCKING) == []


def test_an_executive_department_blocking_on_a_prima_facie_view_needs_a_court() -> None:
    assert [f.provision.label for f in findings("CO08", BLOCKING)] == ["Section 19"]
    judged = BLOCKING.replace("the Department of Justice shall issue", "a court may issue")
    assert findings("CO08", judged) == []


REAL_TIME = (
    "Section 12. Real-Time Collection of Traffic Data. — Law enforcement authorities, with due "
    "cause, shall be authorized to collect or record traffic data in real-time associated with "
    "specified communications.\n"
)


def test_a_warrant_for_all_other_data_does_not_authorise_the_power_granted_before_it() -> None:
    others = REAL_TIME + "All other data to be collected or seized will require a court warrant.\n"
    assert findings("JR02", others)
    covered = REAL_TIME + "Such collection will require a court warrant.\n"
    assert findings("JR02", covered) == []


WARRANT = (
    "Section 5. Interception with a warrant\n(1) A judge may issue a warrant authorising the "
    "interception of communications for a period not exceeding three months.\n"
)


def test_a_commissioner_appointed_to_keep_the_powers_under_review_is_oversight() -> None:
    assert findings("OV01", WARRANT)
    reviewed = WARRANT + (
        "\nSection 57. Commissioner\nThe Prime Minister shall appoint a Commissioner to keep "
        "under review the exercise of the powers conferred by this Act.\n"
    )
    assert findings("OV01", reviewed) == []


def test_a_tribunal_hearing_complaints_about_the_measure_is_a_remedy() -> None:
    assert findings("RM01", WARRANT)
    heard = WARRANT + (
        "(2) A tribunal established for the purpose of hearing complaints about any "
        "interception under this section shall be established.\n"
    )
    assert findings("RM01", heard) == []


MESSAGES = (
    "TELECOMMUNICATIONS (AMENDMENT) ACT\n\n"
    "14B. Punishment for sending menacing messages, etc.\n"
    "Any person who sends, by means of a communication device,—\n"
    "(a) any message that is grossly offensive or menacing; or\n"
    "(b) any message which he knows to be false,\n"
    "shall be punishable with imprisonment for a term which may extend to two years.\n"
)


def test_words_after_a_list_that_make_it_an_offence_are_read_with_the_list() -> None:
    # Both items: a message "which he knows to be false" is false news with no harm required.
    assert [f.provision.label for f in findings("CO05", MESSAGES)] == [
        "Section 14B(a)",
        "Section 14B(b)",
    ]
    harm_based = MESSAGES.replace("grossly offensive or menacing", "a threat to kill a person")
    harm_based = harm_based.replace("which he knows to be false", "that threatens a bombing")
    assert findings("CO05", harm_based) == []


MEASURES = (
    "Article 6. Measures\nThe following measures may be carried out by the competent bodies:\n"
    "(1) questioning;\n(2) interception of telephone and other communications.\n\n"
)
STORAGE = (
    "Article 9. Storage of materials\nMaterials obtained by interception shall be stored for "
    "six months and then destroyed.\n\n"
)
SUPERVISION = (
    "Article 21. Supervision\nThe Prosecutor General shall supervise the observance of the law "
    "by the bodies carrying out interception.\n\n"
)
COMPLAINT = (
    "Article 5. Complaints\nA person who believes that the bodies carrying out interception "
    "have violated his rights may complain to a court.\n\n"
)


def test_items_of_a_lead_in_that_grants_measures_are_granted() -> None:
    assert [f.provision.label for f in findings("JR02", MEASURES)] == ["Article 6(2)"]


def test_a_provision_on_the_material_a_measure_yields_reaches_its_grants() -> None:
    assert findings("PL03", MEASURES)
    assert findings("PL03", MEASURES + STORAGE) == []
    # …and is no grant of its own.
    assert findings("JR02", STORAGE) == []


@pytest.mark.parametrize("text", [SUPERVISION, COMPLAINT])
def test_naming_a_power_to_describe_who_exercises_it_grants_nothing(text: str) -> None:
    assert findings("JR02", text) == []


def test_a_complaint_to_a_court_is_no_prior_authorisation() -> None:
    assert [f.provision.label for f in findings("JR02", MEASURES + COMPLAINT)] == ["Article 6(2)"]


@pytest.mark.parametrize(
    ("offence", "vague"),
    [
        (
            "Any person who wilfully and repeatedly uses electronic communication to disturb or "
            "attempts to disturb the peace of any person commits a misdemeanour.",
            True,
        ),
        (
            "Any person who intentionally sends a request which is obscene, lewd or lascivious "
            "commits an offence.",
            True,
        ),
        (
            "Any person who intentionally sends a message threatening to kill a person commits "
            "a misdemeanour.",
            False,
        ),
    ],
)
def test_misdemeanours_are_offences_and_disturbing_the_peace_is_vague(
    offence: str, vague: bool
) -> None:
    text = f"Section 25. Communications\n{offence}\n"
    assert bool(findings("CO05", text)) is vague
    assert findings("CO01", text) == []  # each states its mental element


SPONTANEOUS = (
    "Article 3. Spontaneous information\nA Party may, without prior request, transmit personal "
    "data to the other Party where it believes that the data may assist an investigation.\n"
)


def test_a_text_that_only_shares_data_still_needs_a_remedy_and_oversight() -> None:
    assert [f.provision.label for f in findings("RM01", SPONTANEOUS)] == ["Article 3"]
    assert [f.provision.label for f in findings("OV01", SPONTANEOUS)] == ["Article 3"]
    safeguarded = SPONTANEOUS + (
        "\nArticle 8. Redress\nAny person whose data has been transmitted may lodge a complaint "
        "with the independent supervisory authority, which may order the data erased.\n"
    )
    assert findings("RM01", safeguarded) == []
    assert findings("OV01", safeguarded) == []


def test_a_court_shut_out_is_no_independent_authorisation() -> None:
    text = (
        "1.—(1) The Secretary of State may by warrant authorise a police officer to intercept "
        "communications.\n\n2. No court shall question a warrant issued under section 1.\n"
    )
    assert [f.provision.label for f in findings("JR03", text)] == ["Section 1(1)"]
    judged = text.replace("The Secretary of State", "A judge of the High Court")
    assert findings("JR03", judged) == []


@pytest.mark.parametrize(
    "clause",
    [
        "The application shall state the type of communication proposed to be intercepted.",
        "The Attorney General shall notify the person who was the object of the interception.",
        "The Commissioner may review the use of interception and shall report annually.",
        "The authorization shall require that interception be minimised.",
    ],
)
def test_clauses_about_a_power_granted_elsewhere_grant_nothing(clause: str) -> None:
    assert findings("RM02", f"Section 9. Safeguards\n{clause}\n") == []


def test_a_power_may_still_be_granted_in_the_passive() -> None:
    text = "Section 9. Interception\nCommunications may be intercepted on the Minister's order.\n"
    assert findings("RM02", text)


NOTICE = (
    "317T. Technical capability notices\n(1) The Attorney-General may give a designated "
    "communications provider a notice requiring the provider to build a capability to decrypt "
    "communications for an interception agency.\n"
)


def test_a_minister_giving_a_notice_that_requires_decryption_is_an_executive_authoriser() -> None:
    (finding,) = findings("JR03", NOTICE)
    assert "'Attorney-General' authorises 'decrypt'" in finding.message
    judged = NOTICE.replace("The Attorney-General may give", "A judge may, on application, give")
    assert findings("JR03", judged) == []


@pytest.mark.parametrize("actor", ["an interception agency", "an intercepting authority"])
def test_an_interception_agency_is_an_actor_not_a_power(actor: str) -> None:
    assert findings("JR02", f"Section 3. Agencies\nThe Minister may designate {actor}.\n") == []


TAKEDOWN = (
    "3. Due diligence\n(1) An intermediary, upon receiving an order by a court or on being "
    "notified by the Appropriate Government, shall remove or disable access to that information "
    "within thirty-six hours.\n"
)


def test_a_government_notice_that_compels_takedown_needs_a_court_even_beside_one() -> None:
    assert [f.provision.label for f in findings("CO08", TAKEDOWN)] == ["Section 3(1)"]
    applied = (
        "3. Orders\n(1) A judge may, on the application of the Minister, order a provider to "
        "disable access to specified content.\n"
    )
    assert findings("CO08", applied) == []
    failure = (
        "3. Offences\n(1) A provider who does not remove or disable access to the information "
        "upon an order of the Minister commits an offence.\n"
    )
    assert findings("CO08", failure) == []


def test_information_under_a_providers_control_is_produced_on_order() -> None:
    text = (
        "3. Assistance\n(2) The intermediary shall, within seventy-two hours of the receipt of an "
        "order, provide information under its control or possession to the Government agency.\n"
    )
    assert findings("RM01", text)


SPECIAL = (
    '1. Interpretation\nIn this Act, "special measures" means the interception of '
    "communications and the covert entry into premises.\n\n"
    "2. Use of special measures\nThe Agency may use special measures against any person.\n\n"
    "3. Reports\nThe Director shall report to the Minister on the use of special measures.\n"
)


def test_a_defined_term_that_means_a_power_is_that_power() -> None:
    assert [f.provision.label for f in findings("JR02", SPECIAL)] == ["Section 2"]


def test_a_definition_that_only_mentions_a_power_does_not_make_its_term_one() -> None:
    text = SPECIAL.replace(
        '"special measures" means the interception of communications',
        '"special measures" means measures other than the interception of communications',
    )
    assert findings("JR02", text) == []


def test_the_rights_of_the_accused_under_domestic_law_name_no_guarantee() -> None:
    text = (
        "Article 12\nFair trial\nEach State Party shall guarantee the rights of the accused in "
        "accordance with its domestic law.\n"
    )
    assert [f.provision.label for f in findings("HR04", text)] == ["Article 12"]
    named = text.replace(
        "the rights of the accused",
        "the rights of the accused, including the presumption of innocence,",
    )
    assert findings("HR04", named) == []


def test_a_ministers_retention_notice_is_a_power_without_a_judge() -> None:
    text = (
        "1. Retention notices\n(1) The Secretary of State may by notice require a public "
        "telecommunications operator to retain relevant communications data.\n"
    )
    assert [f.provision.label for f in findings("JR03", text)] == ["Section 1(1)"]
    assert [f.provision.label for f in findings("DP01", text)] == ["Section 1(1)"]


def test_material_obtained_under_an_order_open_to_any_use_lacks_purpose_limitation() -> None:
    text = (
        "Section 6. Use of material\nMaterial obtained under an interception order may be used "
        "for any purpose.\n"
    )
    assert [f.provision.label for f in findings("DP08", text)] == ["Section 6"]
    fund = "Section 6. Fund\nMoney paid into the Fund may be used for any purpose.\n"
    assert findings("DP08", fund) == []


def test_departments_requesting_operators_to_stop_transmission_block_without_a_court() -> None:
    text = (
        "Article 50 Relevant departments shall, when they discover prohibited information, "
        "request that network operators stop transmission and save relevant records.\n"
    )
    assert [f.provision.label for f in findings("CO08", text)] == ["Article 50"]


def test_technical_support_and_assistance_to_security_organs_is_compelled_assistance() -> None:
    text = (
        "Article 28 Network operators shall provide technical support and assistance to public "
        "security organs investigating criminal activities.\n"
    )
    assert findings("RM01", text)


def test_keeping_the_content_of_all_communications_is_general_retention() -> None:
    text = (
        "Article 64 Communications providers shall retain the content of all communications of "
        "their users for six months.\n"
    )
    assert [f.provision.label for f in findings("DP01", text)] == ["Article 64"]


ORDERS = (
    "Article 4\nIssuing authority\nA Production Order to obtain content data may be issued only "
    "by a judge.\n\n"
    "Article 8\nNotification\nWhere a European Production Order concerns content data, the "
    "issuing authority shall notify the enforcing State.\n\n"
    "Article 18\nEffective remedies\nAny person whose data were sought via a European Production "
    "Order shall have the right to effective remedies against that order.\n\n"
    "Article 20\nSupervision\nProcessing shall be subject to the supervision of the independent "
    "data protection authorities.\n"
)


def test_conditions_remedies_and_supervision_naming_the_order_reach_its_grant() -> None:
    assert findings("RM01", ORDERS) == []
    assert findings("OV01", ORDERS) == []
    assert [f.provision.label for f in findings("PL02", ORDERS)] == ["Article 4"]
    without = ORDERS.split("Article 18")[0]
    assert [f.provision.label for f in findings("RM01", without)] == ["Article 4"]


BYLAW = (
    '1. Definitions\nIn this By-law, "framework" means a plan approved as envisaged in '
    "item 3(a).\n\n"
    "2. Applications\nAn application must be made as set out in item 4.\n\n"
    "SCHEDULE 1\nTRANSITIONAL PROVISIONS\n\n3. Frameworks\n(a) Plans approved before this "
    "By-law remain in force.\n\n4. Forms\nThe forms in use remain valid.\n"
)


def test_items_of_a_schedule_cited_from_the_body_are_not_broken_references() -> None:
    assert findings("DF04", BYLAW) == []
    missing = BYLAW.replace("item 4.", "item 9.")
    assert findings("DF04", missing)


@pytest.mark.parametrize(
    "citation",
    [
        "Section 3 of the Principal Act is amended by striking the date specified in "
        "section 106(3).",
        "The following is inserted: \u201cSec. 147. Notwithstanding section 104, funds may be "
        "used.\u201d",
        "The Township Standard By-laws Chapter XI are repealed.",
    ],
)
def test_references_into_other_or_amended_instruments_are_not_broken(citation: str) -> None:
    text = f"1. Amendments\n{citation}\n\n2. Commencement\nThis Act commences on assent.\n"
    assert findings("DF04", text) == []


def test_a_reference_to_a_missing_section_of_this_act_is_still_broken() -> None:
    text = "1. Duties\nThe duties in section 7 apply.\n\n2. Commencement\nThis Act commences.\n"
    assert findings("DF04", text)


@pytest.mark.parametrize("title", ["Medical Officer", "Assistant Commandant", "Vice-Chancellor"])
def test_capitalised_titles_of_office_need_no_definition(title: str) -> None:
    text = (
        f"1. Examination\nEvery person admitted shall be examined by the {title}.\n\n"
        f"2. Reports\nThe {title} shall report monthly.\n"
    )
    assert findings("DF01", text) == []


def test_an_undefined_capitalised_term_is_still_reported() -> None:
    text = (
        "1. Duties\nEvery Critical Information Infrastructure shall be audited.\n\n"
        "2. Audits\nThe audit of Critical Information Infrastructure shall be annual.\n"
    )
    assert findings("DF01", text)


@pytest.mark.parametrize(
    "clause",
    [
        "The court before which a person is convicted of any offence may order forfeiture of the "
        "computer used.",
        "No court shall take cognizance of any offence relating to property of the Authority.",
        "The officer may punish any constable for any offence against discipline.",
    ],
)
def test_convicting_or_trying_any_offence_is_no_measure_over_any_offence(clause: str) -> None:
    text = f"1. Powers\nThe police may search any computer system. {clause}\n"
    assert findings("SC04", text) == []


def test_assistance_for_any_offence_is_still_reported() -> None:
    text = (
        "1. Assistance\nThe Central Authority may grant a request for assistance in the "
        "investigation or prosecution of any offence, including the transfer of data.\n"
    )
    assert findings("SC04", text)


def test_consent_based_access_to_data_abroad_sends_nothing_abroad() -> None:
    text = (
        "41. Trans-border access\nAn officer may, without the authorisation of the other State, "
        "access stored computer data located in another State if the officer obtains the lawful "
        "and voluntary consent of the person who has the lawful authority to disclose the data.\n"
    )
    assert findings("IC02", text)
    assert findings("DP04", text) == []


DOMESTIC_SAFEGUARDS = (
    "PART III\nPOWERS\n\n10. Search\nA judge may issue a warrant to search and seize a computer "
    "system.\n\n11. Safeguards\nThe conditions and safeguards of this Act apply to investigations "
    "conducted under the law of the Republic.\n\nPART V\nINTERNATIONAL COOPERATION\n\n"
    "40. Mutual assistance\nThe Central Authority may execute a request of a foreign State for "
    "the search and seizure of computer data in a criminal investigation.\n"
)


def test_safeguards_for_domestic_investigations_leave_foreign_requests_bare() -> None:
    assert [f.provision.label for f in findings("IC03", DOMESTIC_SAFEGUARDS)] == ["Section 11"]
    extended = DOMESTIC_SAFEGUARDS.replace(
        "of the Republic.", "of the Republic and to the execution of foreign requests."
    )
    assert findings("IC03", extended) == []


DEVICES = (
    "16. Issue of warrants\nThe Minister may issue a surveillance device warrant for a period "
    "not exceeding 90 days.\n\n"
    "46. Records\nThe chief officer must ensure that every record obtained by the use of a "
    "surveillance device is destroyed when no longer required.\n\n"
    "49. Notification\nThe chief officer must notify the person on whom a surveillance device was "
    "used within 90 days after the warrant ends.\n"
)


def test_issuing_a_warrant_named_after_its_power_grants_that_power() -> None:
    assert [f.provision.label for f in findings("JR03", DEVICES)] == ["Section 16"]
    judged = DEVICES.replace("The Minister may issue", "An eligible Judge may issue")
    assert findings("JR03", judged) == []


def test_notifying_the_person_on_whom_a_device_was_used_is_notice() -> None:
    assert findings("RM02", DEVICES) == []
    assert findings("PL03", DEVICES) == []
    silent = DEVICES.split("49. Notification")[0]
    assert [f.provision.label for f in findings("RM02", silent)] == ["Section 16"]


def test_a_provision_headed_with_the_measure_speaks_of_it_in_every_sentence() -> None:
    text = DEVICES.replace(
        "46. Records\n",
        "46. Dealing with records obtained by use of surveillance devices\n",
    ).replace(
        "is destroyed when no longer required.",
        "is destroyed when no longer required. Privileged communications between a lawyer "
        "and a client must not be recorded.",
    )
    assert findings("PL04", text) == []
    assert findings("PL04", DEVICES)


DIRECTIONS = (
    "16. Interception directions\n(1) An officer may apply to a judge for an interception "
    "direction.\n(2) An application must be made without notice to the person to whom it "
    "applies.\n(3) A judge may issue an interception direction if satisfied that there are "
    "reasonable grounds to believe that an offence listed in the Schedule is being committed.\n"
)


def test_an_application_made_without_notice_to_the_person_is_no_notification() -> None:
    assert [f.provision.label for f in findings("RM02", DIRECTIONS)] == ["Section 16(3)"]
    told = DIRECTIONS.replace(
        "is being committed.\n",
        "is being committed.\n(4) Notice shall be given to the person concerned within ninety "
        "days after the direction expires.\n",
    )
    assert findings("RM02", told) == []


SIGNALS = (
    "23. Monitoring of signals\nThe Centre may monitor and record, by means of any device, any "
    "transmission of signals for the purpose of gathering foreign intelligence.\n"
)


def test_monitoring_and_recording_transmissions_is_interception() -> None:
    (finding,) = findings("JR02", SIGNALS)
    assert SIGNALS[finding.span.start : finding.span.end].startswith("monitor and record")
    warranted = SIGNALS.replace("intelligence.", "intelligence, on a warrant issued by a judge.")
    assert findings("JR02", warranted) == []


PROVIDER_STORAGE = (
    "30. Duties of service providers\nA telecommunication service provider must—\n"
    "(a) provide a service which has the capability to be intercepted; and\n"
    "(b) store communication-related information for a period of not less than three years.\n"
)


def test_a_duty_to_store_communication_related_information_is_retention() -> None:
    assert [f.provision.label for f in findings("DP01", PROVIDER_STORAGE)] == ["Section 30(b)"]
    targeted = PROVIDER_STORAGE.replace(
        "store communication-related information",
        "store the communication-related information of a specified subscriber named in an order",
    )
    assert findings("DP01", targeted) == []


REMOVAL = (
    "8. Removal of information\n(1) If it appears to the police that any information published "
    "in digital media hampers public order, the police may request the Commission to remove or "
    "block the said information.\n(2) Upon receiving a request, the Commission shall, informing "
    "the Government, immediately remove or, as the case may be, block the said "
    "data-information.\n"
)


def test_a_commission_that_removes_or_blocks_at_the_polices_request_blocks_without_a_court() -> (
    None
):
    assert [f.provision.label for f in findings("CO08", REMOVAL)] == [
        "Section 8(1)",
        "Section 8(2)",
    ]
    judged = (
        "8. Removal of information\nThe High Court may, on the application of the police, order "
        "a service provider to remove or block the said information.\n"
    )
    assert findings("CO08", judged) == []


def test_removal_and_blocking_obtain_no_evidence_to_exclude() -> None:
    assert findings("RM03", REMOVAL) == []
    assert findings("RM03", SIGNALS)


DECLARED_OFFENCES = (
    "25. Offensive data.\u2014(1) If any person, through any website,\u2014\n"
    "(a) intentionally transmits any data which is offensive; or\n"
    "(b) knowingly publishes any information which may cause a person to be defamed,\n"
    "then such act of the person shall be an offence.\n"
    "(2) If any person commits an offence under sub-section (1), he shall be punished with "
    "imprisonment for a term not exceeding three years.\n\n"
    "29. Defamatory information.\u2014(1) If any person publishes any defamatory information "
    "through a website, then such act shall be an offence.\n"
)


def test_an_act_declared_an_offence_is_one_offence_whose_penalty_follows_it() -> None:
    assert [f.provision.label for f in findings("CO05", DECLARED_OFFENCES)] == ["Section 25(1)(a)"]
    assert [
        (f.provision.label, "imprisonment" in f.message)
        for f in findings("CO06", DECLARED_OFFENCES)
    ] == [
        ("Section 25(1)(b)", True),
        ("Section 29(1)", False),
    ]
    assert [f.provision.label for f in findings("CO01", DECLARED_OFFENCES)] == ["Section 29(1)"]


WARRANTLESS = (
    "43. Search and seizure.\u2014(1) If any police officer has reasons to believe that an "
    "offence under this Act is being committed in any place, he may, for reasons to be recorded "
    "in writing, take the following measures:\u2014\n"
    "(a) seize any computer or data used in committing the offence;\n"
    "(b) arrest any person present in the place.\n"
    "(2) After concluding the search, the police officer shall submit a report on the search to "
    "the Tribunal.\n"
)


def test_measures_a_lead_in_lets_an_officer_take_are_granted_powers() -> None:
    (finding,) = findings("JR02", WARRANTLESS)
    assert finding.provision.label == "Section 43(1)(a)"


def test_a_court_that_receives_a_report_afterwards_authorises_nothing() -> None:
    assert findings("JR02", WARRANTLESS)
    authorised = WARRANTLESS.replace(
        "he may, for reasons",
        "he may, with the prior authorisation of the Tribunal and for reasons",
    )
    assert findings("JR02", authorised) == []


RULES = (
    "1. Short title.\u2014These rules may be called the Interception and Decryption of "
    "Information Rules.\n\n"
    "3. Directions for interception.\u2014No person shall carry out the interception or "
    "monitoring or decryption of any information stored in any computer resource except by an "
    "order issued by the Secretary in the Ministry of Home Affairs. The direction shall remain "
    "in force for a period not exceeding sixty days and may be renewed from time to time for "
    "such period not exceeding the total period of one hundred and eighty days.\n\n"
    "11. Records of directions.\u2014The directions for interception or monitoring or "
    "decryption shall be kept by the Ministry for six months and then destroyed.\n"
)


def test_a_short_title_naming_a_power_grants_nothing() -> None:
    labels = {f.provision.label for f in findings("RM01", RULES)}
    assert "Section 1" not in labels
    assert labels == {"Section 3"}


def test_a_prohibition_lifted_by_an_executive_order_grants_the_power_on_that_order() -> None:
    assert [f.provision.label for f in findings("JR03", RULES)] == ["Section 3"]
    judged = RULES.replace("the Secretary in the Ministry of Home Affairs", "a judge")
    assert findings("JR03", judged) == []
    assert findings("JR02", judged) == []


def test_renewals_capped_by_a_total_period_are_limited() -> None:
    assert findings("PL01", RULES) == []
    uncapped = RULES.replace(
        "for such period not exceeding the total period of one hundred and eighty days",
        "for further periods",
    )
    assert [f.provision.label for f in findings("PL01", uncapped)] == ["Section 3"]


CODE_OF_PROCEDURE = (
    "Section 2\nInterception of telecommunications\n(1) Telecommunications may be intercepted "
    "and recorded where specific facts give rise to the suspicion that a person has committed "
    "murder, kidnapping or trafficking in human beings.\n\n"
    "Section 3\nPrivileged communications\n(1) If a measure under section 2 would only yield "
    "findings relating to the core area of private life, it shall be inadmissible.\n"
    "(2) Communications with a defence lawyer or a journalist in that capacity shall not be "
    "recorded.\n\n"
    "Section 4\nProcedure\n(1) Measures under section 2 may be ordered by the court only upon "
    "application by the public prosecution office. The order shall be limited to a maximum "
    "duration of three months.\n(2) Data obtained by the measure shall be deleted without delay "
    "once it is no longer required.\n\n"
    "Section 5\nNotification and review\n(1) The persons concerned by a measure under section 2 "
    "shall be notified as soon as this can be done without endangering the investigation.\n"
    "(2) They may apply to the court to review the lawfulness of the measure.\n\n"
    "Section 6\nStatistics\nThe prosecution offices shall report annually the number of "
    "proceedings in which measures under section 2 were ordered.\n"
)


@pytest.mark.parametrize("code", ["JR02", "PL01", "PL03", "PL04", "RM01", "RM02", "OV03"])
def test_provisions_on_measures_under_a_section_safeguard_that_section(code: str) -> None:
    assert findings(code, CODE_OF_PROCEDURE) == []


@pytest.mark.parametrize(
    ("code", "cut"),
    [
        ("PL01", "The order shall be limited to a maximum duration of three months."),
        ("PL04", "Section 3\nPrivileged communications\n(1) If a measure under section 2 would "
         "only yield findings relating to the core area of private life, it shall be "
         "inadmissible.\n(2) Communications with a defence lawyer or a journalist in that "
         "capacity shall not be recorded.\n\n"),
        ("RM02", "The persons concerned by a measure under section 2 shall be notified as soon as "
         "this can be done without endangering the investigation."),
        ("OV03", "The prosecution offices shall report annually the number of proceedings in "
         "which measures under section 2 were ordered."),
    ],
)  # fmt: skip
def test_each_of_those_safeguards_is_what_satisfies_its_rule(code: str, cut: str) -> None:
    assert cut in CODE_OF_PROCEDURE
    assert [f.provision.label for f in findings(code, CODE_OF_PROCEDURE.replace(cut, ""))] == [
        "Section 2(1)"
    ]


def test_measures_ordered_by_the_prosecution_instead_of_the_court_are_executive() -> None:
    text = CODE_OF_PROCEDURE.replace(
        "by the court only upon application by the public prosecution office",
        "by the public prosecution office",
    )
    assert [f.provision.label for f in findings("JR03", text)] == ["Section 4(1)"]
    assert findings("JR03", CODE_OF_PROCEDURE) == []


def test_a_court_that_reviews_on_the_persons_application_authorises_nothing() -> None:
    text = CODE_OF_PROCEDURE.replace(
        "Measures under section 2 may be ordered by the court only upon application by the "
        "public prosecution office. ",
        "",
    )
    assert "apply to the court to review" in text
    assert [f.provision.label for f in findings("JR02", text)] == ["Section 2(1)"]


def test_a_rule_making_item_on_interception_does_not_carry_the_other_items() -> None:
    text = (
        "Section 5\nPower to intercept\nThe Government may order that any message be "
        "intercepted.\n\n"
        "Section 7\nPower to make rules\n(1) The Government may make rules.\n(2) The rules may "
        "provide for\u2014\n(a) the precautions to be taken against improper interception under "
        "section 5;\n(b) the payment of compensation to the Government for any loss.\n"
    )
    assert [f.provision.label for f in findings("RM01", text)] == ["Section 5"]


RETENTION_ORDERS = (
    "40. Retention orders\nA judge may order a provider of electronic communications services "
    "to retain the traffic data of a specified person for a period not exceeding ninety days.\n\n"
    "41. Notification and remedies\n(1) A person whose data was retained under section 40 shall "
    "be informed of it within six months after the order ends.\n(2) Any person who believes "
    "that data concerning him has been retained or accessed in breach of section 40 may apply "
    "to the High Court, which may order the data destroyed and award compensation.\n\n"
    "42. Transfer abroad\n(1) Data may be transferred to the competent authority of a foreign "
    "State that ensures an adequate level of protection, for the offence for which it was "
    "retained only.\n(2) The receiving authority shall not transfer the data to any other State "
    "without the prior written authorisation of the Attorney-General.\n"
)


def test_data_retained_or_accessed_under_a_section_names_that_sections_power() -> None:
    assert findings("RM01", RETENTION_ORDERS) == []
    assert findings("RM02", RETENTION_ORDERS) == []
    unreferenced = RETENTION_ORDERS.replace("under section 40", "").replace(
        "in breach of section 40", "unlawfully"
    )
    assert [f.provision.label for f in findings("RM02", unreferenced)] == ["Section 40"]


def test_a_bar_on_transfer_to_any_other_state_without_authorisation_controls_onward_transfer() -> (
    None
):
    assert findings("DP05", RETENTION_ORDERS) == []
    uncontrolled = RETENTION_ORDERS.split("(2) The receiving authority")[0]
    assert [f.provision.label for f in findings("DP05", uncontrolled)] == ["Section 42(1)"]


def test_no_person_shall_be_punished_twice_creates_no_offence() -> None:
    text = (
        "53. Punishment of prison offences\nThe Superintendent may examine any person touching "
        "any prison offence and determine thereupon: Provided that no person shall be punished "
        "twice for the same offence of sending an insulting message.\n"
    )
    assert findings("CO05", text) == []
    punishing = text.replace("no person shall be punished twice", "any person shall be punished")
    assert findings("CO05", punishing)


BY_LAW = (
    "14. Powers of the Council\n(1) The Council may by notice require the owner of a building to "
    "remove any material deposited on a beach.\n(2) The Council may make a tree preservation "
    "order in respect of any tree in a park.\n\n"
    "15. Offences\nA person commits an offence if he or she\u2014\n(a) obstructs access to a "
    "park;\n(b) furnishes false or misleading information in an application for a permit; or\n"
    "(c) uses a sound amplifying device.\n\n"
    "16. Definitions\nIn this By-law \u2018place of entertainment\u2019 means premises where "
    "music is played on a regular basis, and information shared with the police about it.\n"
)


@pytest.mark.parametrize("code", ["CO08", "PL01", "RM01", "CO01", "CO03", "CO05", "DP07"])
def test_a_municipal_by_law_restricts_no_speech_and_grants_no_surveillance(code: str) -> None:
    assert findings(code, BY_LAW) == []


def test_the_same_words_about_online_content_and_data_are_caught() -> None:
    online = BY_LAW.replace("deposited on a beach", "published on a website")
    assert [f.provision.label for f in findings("CO08", online)] == ["Section 14(1)"]
    preservation = BY_LAW.replace(
        "a tree preservation order in respect of any tree in a park",
        "a preservation order in respect of any stored computer data",
    )
    assert [f.provision.label for f in findings("PL01", preservation)] == ["Section 14(2)"]
    published = BY_LAW.replace(
        "furnishes false or misleading information in an application for a permit",
        "publishes false or misleading information about the Council",
    )
    assert [f.provision.label for f in findings("CO05", published)] == ["Section 15(b)"]
    computer = BY_LAW.replace("obstructs access to a park", "obtains access to a computer system")
    assert [f.provision.label for f in findings("CO01", computer)] == ["Section 15(a)"]


def test_what_it_shall_be_prohibited_to_do_is_no_granted_power() -> None:
    text = (
        "Article 5\nRestrictive measures\nIt shall be prohibited to provide technical assistance "
        "related to the goods listed in Annex I to any person in the designated country.\n"
    )
    assert findings("OV01", text) == []
    assert findings("OV01", text.replace("It shall be prohibited to", "Providers shall"))


def test_a_transfer_under_a_binding_data_protection_instrument_has_its_safeguards() -> None:
    text = (
        "Article 22\nCooperation\nThe competent authority may transfer personal data concerning "
        "a suspect to the police of a third country in accordance with Chapter V of Regulation "
        "(EU) 2016/679.\n"
    )
    assert findings("DP04", text) == []
    bare = text.replace(" in accordance with Chapter V of Regulation (EU) 2016/679", "")
    assert [f.provision.label for f in findings("DP04", bare)] == ["Article 22"]


OPERATORS = (
    "Article 64. Obligations of communications operators\n"
    "1. Communications operators shall be obliged to store in the territory of the State:\n"
    "1) information on the facts of reception and transmission of messages of users, for three "
    "years;\n2) text messages of users, for six months.\n"
    "2. Communications operators shall provide the information referred to in paragraph 1 to "
    "the authorised state bodies carrying out operational-search activities.\n\n"
    "Article 10.1. Obligations of online services\n"
    "1. An online service using additional coding of messages shall provide to the security "
    "service the information necessary for decoding the received electronic messages.\n"
)


def test_a_duty_to_store_the_messages_of_users_is_general_retention() -> None:
    assert [f.provision.label for f in findings("DP01", OPERATORS)] == ["Article 64(1)"]


def test_handing_stored_data_to_security_bodies_and_decoding_keys_are_powers() -> None:
    assert [f.provision.label for f in findings("RM01", OPERATORS)] == [
        "Article 64(2)",
        "Article 10.1(1)",
    ]


URGENT_BLOCKING = (
    "Article 8/A\nBlocking where delay would entail risk\n(1) A judge may order the blocking of "
    "access to content published on the Internet to protect national security. Where delay "
    "would entail risk, the President of the Authority may order the blocking of access.\n"
    "(2) The decision of the President shall be submitted to a criminal judgeship of peace for "
    "approval within twenty-four hours; otherwise it shall be automatically lifted.\n"
)


def test_urgent_executive_blocking_a_judge_must_confirm_within_hours_is_judged() -> None:
    assert findings("CO08", URGENT_BLOCKING) == []
    unconfirmed = URGENT_BLOCKING.split("(2)")[0]
    assert [f.provision.label for f in findings("CO08", unconfirmed)] == ["Article 8/A(1)"]


def test_a_clause_that_forbids_restricting_a_freedom_is_no_restriction() -> None:
    text = (
        "Article 15\nSafeguards\nEach Party shall ensure that no power in this Chapter is used to "
        "discriminate against any person, or to restrict freedom of expression. Nothing in this "
        "Chapter shall be interpreted as restricting the freedom of the press.\n"
    )
    assert findings("HR05", text) == []
    restricting = "Article 15\nRestrictions\nThe Minister may restrict freedom of expression.\n"
    assert findings("HR05", restricting)


APPLICATION_ONLY = (
    "Section 1. Interception warrants\n(1) An officer may apply to a Justice of the Peace for a "
    "warrant authorising interception.\n(2) The warrant remains in force until the investigation "
    "is concluded.\n"
)


def test_a_power_the_text_only_lets_be_applied_for_is_granted_by_that_application() -> None:
    assert [f.provision.label for f in findings("PL01", APPLICATION_ONLY)] == ["Section 1(2)"]
    assert findings("JR02", APPLICATION_ONLY) == []
    granted = APPLICATION_ONLY + (
        "\nSection 2. Issue\nA Justice of the Peace may issue a warrant authorising interception "
        "for thirty days.\n"
    )
    assert [f.provision.label for f in findings("RM01", granted)] == ["Section 2"]


STRONG_ORDERS = (
    "3. Application and grounds\n(1) A senior police officer may apply to a judge for an order "
    "authorising the interception of the communications of a named person.\n(2) The judge shall "
    "not make the order unless satisfied that there is probable cause to believe that the named "
    "person has committed a Schedule 1 offence.\n\n"
    "4. Duration\n(1) An order lasts no longer than 30 days.\n(2) Interception shall stop as soon "
    "as the objective is attained.\n\n"
    "5. Minimisation\nInterception shall be conducted so as to minimise the interception of "
    "communications not relevant to the offence, and privileged communications shall not be "
    "examined.\n\n"
    "6. Notification\nWithin 90 days after the order ends, the person named shall be notified of "
    "the interception.\n\n"
    "8. Commissioner\nThere shall be an Interception Commissioner, independent of the executive, "
    "who may inspect all records.\n"
)


@pytest.mark.parametrize("code", ["PL01", "PL02", "PL04", "RM02", "JR04"])
def test_sentences_that_limit_notify_or_name_a_power_grant_none(code: str) -> None:
    assert findings(code, STRONG_ORDERS) == []


def test_the_power_those_sentences_limit_is_still_granted_once() -> None:
    text = STRONG_ORDERS.replace("An order lasts no longer than 30 days.", "An order lasts.")
    assert [f.provision.label for f in findings("PL01", text)] == ["Section 3(1)"]


@pytest.mark.parametrize(
    ("code", "text", "label"),
    [
        (
            "JR02",
            "Article 21\nInterception\nEach Party shall empower its competent authorities to "
            "collect or record, in real time, content data of specified communications.\n",
            "Article 21",
        ),
        (
            "JR02",
            "Section 4\nStop and search\nA constable may search any person and any mobile "
            "telephone or other electronic device carried by that person.\n",
            "Section 4",
        ),
        (
            "JR02",
            "Article 3\nStrategic collection\nThe Service may collect signals intelligence from "
            "international telecommunications networks.\n",
            "Article 3",
        ),
        (
            "RM02",
            "Article 2\nOrders\n(1) The competent authority may order a provider to intercept "
            "the communications of a user.\n(2) The provider shall comply and shall not inform "
            "the user concerned.\n",
            "Article 2(2)",
        ),
        (
            "PL03",
            "22 Communications data\n(1) The designated person may require an operator to "
            "disclose all communications data in its possession.\n",
            "Section 22(1)",
        ),
        (
            "CO05",
            "Section 1\nEncouragement of terrorism\nA person commits an offence if he publishes a "
            "statement which glorifies the commission of acts of terrorism.\n",
            "Section 1",
        ),
        (
            "CO06",
            "Section 4\nInsulting the Head of State\nAny person who publishes any statement which "
            "insults or ridicules the Head of State commits an offence and is liable to "
            "imprisonment for five years.\n",
            "Section 4",
        ),
        (
            "SC01",
            'Section 1. Definitions\n"Serious crime" means any offence punishable by '
            "imprisonment for a maximum term of at least four years.\nSection 2. Interception\n"
            "A judge may authorise the interception of communications for the investigation of "
            "serious crime.\n",
            "Section 1",
        ),
        (
            "JR03",
            'Section 2. Definitions\n"computer network exploitation" means obtaining covert '
            "remote access to any device.\nSection 3. Authorisation\nA superintendent may "
            "authorise a constable to carry out computer network exploitation.\n",
            "Section 3",
        ),
    ],
)  # fmt: skip
def test_powers_secrecy_and_speech_in_other_words(code: str, text: str, label: str) -> None:
    assert label in [f.provision.label for f in findings(code, text)]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "OV01",
            "Article 5\nTransfers\nThe authority may intercept communications on a judge's "
            "warrant.\nArticle 6\nSupervision\nThe processing is supervised by an independent "
            "data-protection authority.\n",
        ),
        (
            "CO01",
            "Regulation 2\nOffence\nA person who knowingly possesses an abuse image commits an "
            "offence.\nRegulation 3\nExclusion\nNo child commits an offence under regulation 2 in "
            "respect of an image of themselves.\n",
        ),
    ],
)
def test_independent_authorities_and_denied_offences_are_read_as_such(code: str, text: str) -> None:
    assert findings(code, text) == []


SCOPE_ARTICLE = (
    "Article 3\nScope of application\nThis Convention shall apply to:\n(a) the offences "
    "established in accordance with this Convention;\n(b) offences established in accordance "
    "with other applicable United Nations conventions and protocols, where committed through "
    "the use of a digital system.\n"
)


def test_a_scope_clause_that_imports_other_treaties_offences_is_open_ended() -> None:
    assert [f.provision.label for f in findings("SC03", SCOPE_ARTICLE)] == ["Article 3(b)"]
    closed = SCOPE_ARTICLE.split("(b)")[0]
    assert findings("SC03", closed) == []


def test_judicial_or_other_independent_supervision_among_conditions_is_no_oversight_body() -> None:
    text = (
        "Article 15\nConditions\nSuch conditions shall, as appropriate, inter alia, include "
        "judicial or other independent supervision.\nArticle 16\nPreservation\nEach Party shall "
        "enable its authorities to order the expeditious preservation of stored computer data.\n"
    )
    assert [f.provision.label for f in findings("OV01", text)] == ["Article 16"]
    body = text + "Article 17\nOversight\nAn independent oversight body shall review all orders.\n"
    assert findings("OV01", body) == []


def test_a_person_reasonably_suspected_of_a_listed_offence_is_a_ground_and_a_target() -> None:
    text = (
        "Section 3. Interception orders\nA judge may make an order authorising the interception "
        "of the communications of a person reasonably suspected of an offence listed in "
        "Schedule 1, for no more than 30 days.\n"
    )
    assert findings("JR04", text) == []
    assert findings("PL02", text) == []
    vague = text.replace("reasonably suspected of an offence listed in Schedule 1", "of interest")
    assert findings("JR04", vague)


STOP_AND_SEARCH = (
    "Counter-Terrorism Act 2031\n2031 CHAPTER 9\n\n"
    "3 Authorisation of stop and search\n(1) A senior police officer may give an authorisation "
    "under this section if he considers it expedient for the prevention of acts of terrorism.\n"
    "(2) An authorisation under this section authorises any constable to stop any person and "
    "to search the person, the vehicle, anything carried by the person, and any mobile "
    "telephone found in the course of the search.\n"
)


def test_an_authorisation_that_authorises_a_search_grants_it_on_expedient_grounds() -> None:
    assert [f.provision.label for f in findings("JR04", STOP_AND_SEARCH)] == ["Section 3(1)"]
    assert findings("JR02", STOP_AND_SEARCH) or findings("JR03", STOP_AND_SEARCH)
    labels = [u.label for u, _ in parse(STOP_AND_SEARCH).units_with_path()]
    assert labels[1:] == ["Section 3", "Section 3(1)", "Section 3(2)"]  # "2031 CHAPTER 9" is none


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "PL01",
            "5. Interception warrants\nA judge may issue a warrant authorising the interception "
            "of the communications of a named person. The warrant ceases to have effect at the "
            "end of three months unless renewed by a judge.\n",
        ),
        (
            "OV01",
            "Article 1\nProduction\nEach Party shall empower its judges to order a service "
            "provider to submit specified traffic data relating to a named suspect.\nArticle 2\n"
            "Oversight\nThe use of the power in Article 1 is overseen by an independent "
            "authority with full access to records.\n",
        ),
        (
            "HR03",
            "Section 1. Production order\nA judge may order a service provider to produce the "
            "stored traffic data of a named suspect.\nSection 2. Prohibited purposes\nNo order "
            "shall be made for the purpose of investigating any person on account of his or her "
            "race, religion or political opinion.\n",
        ),
        (
            "JR02",
            "Section 1. Dual criminality\nA foreign request for assistance that involves search, "
            "seizure or the interception of communications shall be refused unless the conduct "
            "would be an offence in this country.\n",
        ),
        (
            "CO08",
            "Section 1. No executive removal\nNo minister, regulator or police officer may require "
            "a hosting provider to remove, block or restrict access to content published online, "
            "except by applying to the court.\n",
        ),
        (
            "JR04",
            "Article 1\nProduction\nA judge may order a service provider to submit specified "
            "traffic data relating to a named suspect of an offence listed in the Annex.\n",
        ),
    ],
)
def test_strong_wording_in_other_words_satisfies_the_rule(code: str, text: str) -> None:
    assert findings(code, text) == []


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "CO03",
            "Article 1\nIllegal access\nA person who intentionally and without right accesses a "
            "computer system commits an offence.\nArticle 3\nExemptions\nNo person commits an "
            "offence under Article 1 where the act is done in good faith for security research.\n",
        ),
        (
            "DP05",
            "Article 1\nTransmission\nPersonal data may be transmitted to a foreign State that "
            "ensures an adequate level of protection.\nArticle 2\nFurther transfer\nThe receiving "
            "State shall not transfer personal data received under this Agreement to a third "
            "State, an international organisation or a private entity without the prior written "
            "authorisation of the transmitting Party.\n",
        ),
        (
            "DP08",
            "Article 1\nTransmission\nA Party may transmit personal data to the other Party where "
            "that Party ensures an adequate level of protection.\nArticle 2\nPurpose\nPersonal "
            "data transmitted under this Agreement shall be processed by the receiving Party only "
            "for the purpose of the proceedings for which they were transmitted.\n",
        ),
        (
            "RM01",
            "5. Interception warrants\nA judge may issue a warrant authorising the interception "
            "of the communications of a named person.\n\n6. Tribunal\nAny person who believes "
            "they have been subject to conduct under this Act may complain to the Tribunal, which "
            "may quash a warrant and award compensation.\n",
        ),
        (
            "RM01",
            "Section 1. Application\nThe prosecutor may apply to the High Court for an order "
            "requiring a hosting provider to disable access to specified content published "
            "online.\nSection 2. Appeal\nThe person who posted the content may appeal against an "
            "order to the Court of Appeal, which may set the order aside.\n",
        ),
        (
            "PL02",
            'Section 1. Interpretation\n"qualifying offence" means an offence listed in the '
            "Schedule.\nSection 2. Production order\nA judge may order a service provider to "
            "produce specified traffic data where there are reasonable grounds to believe that a "
            "qualifying offence has been committed.\n",
        ),
    ],
)
def test_safeguards_in_their_own_provisions_reach_the_power(code: str, text: str) -> None:
    assert findings(code, text) == []


def test_powers_listed_after_a_lead_in_ending_on_may_are_granted() -> None:
    text = (
        "Section 4. Powers\n(1) A police officer may\u2014\n(a) intercept communications;\n"
        "(b) collect traffic data in real time; or\n(c) install a tracking device.\n"
    )
    assert [f.provision.label for f in findings("JR02", text)] == ["Section 4(1)(a)"]
    purposes = (
        "Section 5. Requests\n(1) The Central Authority may make a request to a foreign State for "
        "purposes of\u2014\n(a) obtaining the interception of content data.\n"
    )
    assert findings("JR02", purposes) == []


def test_issuing_interception_warrants_in_the_plural_grants_interception() -> None:
    text = "Section 1. Warrants\nThe Minister may issue interception warrants.\n"
    assert [f.provision.label for f in findings("JR03", text)] == ["Section 1"]


def test_safeguards_on_the_power_under_a_section_reach_it_and_grant_nothing() -> None:
    text = (
        "Section 1. Orders\nA judge may issue an order authorising the interception of the "
        "communications of a named person suspected of murder.\n\n"
        "Section 2. Duration\nAn order under section 1 lasts no longer than 30 days.\n\n"
        "Section 4. Minimisation\nInterception under section 1 shall minimise the collection of "
        "irrelevant communications, and privileged communications shall be destroyed.\n"
    )
    for code in ("PL01", "PL02", "PL03", "PL04"):
        assert findings(code, text) == [], code


def test_a_provider_keeping_all_subscribers_data_for_two_years_retains_generally() -> None:
    text = (
        "Section 1. Retention\nEvery provider shall retain the traffic data and location data of "
        "all subscribers for two years.\n"
    )
    assert [f.provision.label for f in findings("DP01", text)] == ["Section 1"]


def test_a_text_that_binds_the_recipient_itself_provides_transfer_safeguards() -> None:
    text = (
        "Article 1\nTransmission\nA Party may transmit personal data obtained in a named "
        "investigation to the other Party.\nArticle 2\nConditions\n(1) Data received shall be "
        "used only for the purpose of the proceedings for which they were transmitted.\n(2) Data "
        "received shall be erased once no longer necessary for that purpose.\n(3) There shall be "
        "no onward transfer of the data without the prior written authorisation of the "
        "transmitting Party.\n"
    )
    assert findings("DP04", text) == []
    assert [f.provision.label for f in findings("DP04", text.split("(3)")[0])] == ["Article 1"]


AMENDING_BILL = (
    "COMMUNICATIONS (AMENDMENT) BILL\n\n1. Short title\nThis Act may be cited as the "
    "Communications (Amendment) Act.\n\n2. Amendment of section 5 of the principal Act\n(1) In "
    'section 5 of the principal Act, for subsection (2) substitute\u2014\n"(2) The Minister may, '
    'by written notice, require an operator to intercept any communication."\n(2) Subsection '
    "(3) of that section (the right of any aggrieved person to appeal to the High Court) is "
    "repealed.\n\n4. Repeal of section 7 of the principal Act\nSection 7 of the principal Act is "
    "repealed.\n"
)


def test_an_amending_bill_is_numbered_by_its_sections_and_its_repeals_remove_safeguards() -> None:
    labels = [u.label for u, _ in parse(AMENDING_BILL).units_with_path()]
    assert [label for label in labels if label.count("(") == 0][1:] == [
        "Section 1",
        "Section 2",
        "Section 4",
    ]
    assert [f.provision.label for f in findings("RM01", AMENDING_BILL)] == ["Section 2(1)"]
    kept = AMENDING_BILL.replace("High Court) is repealed", "High Court) is retained")
    assert kept != AMENDING_BILL
    assert findings("RM01", kept) == []


def test_a_providers_own_notice_and_action_is_no_state_blocking() -> None:
    text = (
        "Article 2\nNotice and action\n1. Providers of hosting services shall allow any "
        "individual to notify them of information published online that the notifier considers "
        "illegal.\n2. Where a notice contains the exact location of the information, the provider "
        "shall remove or disable access to that information expeditiously.\n"
    )
    assert findings("CO08", text) == []
    ordered = text.replace("any individual", "the Minister")
    assert [f.provision.label for f in findings("CO08", ordered)] == ["Article 2(2)"]


def test_member_states_of_the_union_exchanging_among_themselves_export_nothing() -> None:
    text = (
        "Article 11\nAdministrative cooperation\nMember States shall ensure that their national "
        "contact points cooperate with each other so that all necessary information on offences "
        "is shared in due time, in accordance with Union law.\n"
    )
    assert findings("DP04", text) == []
    treaty = text.replace("Member States", "States Parties").replace(
        ", in accordance with Union law", ""
    )
    assert [f.provision.label for f in findings("DP04", treaty)] == ["Article 11"]


def test_an_authority_defined_as_an_executive_official_authorises_as_the_executive() -> None:
    text = (
        'Section 2. Definitions\n"authorising officer" means a police officer of or above the '
        "rank of superintendent.\nSection 3. Interception\nAn authorising officer may authorise a "
        "constable to intercept communications.\n"
    )
    assert [f.provision.label for f in findings("JR03", text)] == ["Section 3"]
    judged = text.replace("a police officer of or above the rank of superintendent", "a judge")
    assert findings("JR03", judged) == []
    assert findings("JR02", judged) == []


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "RM02",
            "Section 1. Warrants\n(1) A judge may issue a warrant authorising the interception of "
            "the communications of a named person for no more than 30 days.\n(2) The person shall "
            "be notified within 90 days after the warrant ends.\n",
        ),
        (
            "RM01",
            "Section 1. Warrants\nA judge may issue an order authorising the interception of the "
            "communications of a named person.\nSection 2. Tribunal\nAny person may apply to the "
            "Tribunal, which may quash an order, order deletion and award damages.\n",
        ),
    ],
)
def test_notice_to_the_person_and_a_tribunal_quashing_orders_are_credited(
    code: str, text: str
) -> None:
    assert findings(code, text) == []


def test_a_power_only_waived_of_its_warrant_is_granted_without_one() -> None:
    text = (
        "Section 1. Urgency\nNo warrant is required for the interception of communications where "
        "the Director considers the matter urgent.\n"
    )
    assert [f.provision.label for f in findings("JR02", text)] == ["Section 1"]


def test_a_request_that_shall_be_refused_on_listed_grounds_is_a_mandatory_refusal() -> None:
    text = (
        "3. Mandatory refusal\n(1) A request for assistance shall be refused if:\n(a) it was made "
        "to punish a person on account of race, religion or political opinion;\n(b) providing "
        "the assistance would expose the person to a real risk of torture; or\n(c) the offence "
        "is punishable by death in the foreign country.\n\n4. Execution\nOn a foreign request, "
        "a magistrate may order a service provider to produce the stored communications of a "
        "named person.\n"
    )
    assert findings("IC01", text) == []
    optional = text.replace("shall be refused if", "may be refused if")
    assert [f.provision.label for f in findings("IC01", optional)] == ["Section 3(1)"]


def test_sharing_intelligence_with_foreign_intelligence_services_is_a_transfer() -> None:
    text = (
        "Article 4\nCooperation\nThe Service may share intelligence obtained by strategic "
        "collection with foreign intelligence services where it considers this useful.\n"
    )
    assert [f.provision.label for f in findings("DP04", text)] == ["Article 4"]
