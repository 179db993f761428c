"""Rules DP01-DP08: retention and sharing of data."""

from __future__ import annotations

import pytest
from sc_co_dp_ic_helpers import EXAMPLES, corpus, labels, run

RETAIN_ALL = (
    "Section 5. Retention\n\nEvery service provider shall retain the traffic data of all "
    "subscribers for two years.\n"
)
SHARE = (
    "Article 7. Sharing\n\nThe central authority may transfer personal data to another State "
    "for an investigation.\n"
)
REGIME = (
    "Article 3. General principle\n\nAny transfer of personal data to a third country shall "
    "take place only where that country ensures an adequate level of protection.\n\n"
)
CHAPTER = (EXAMPLES / "cooperation-chapter.txt").read_text(encoding="utf-8")

CASES: dict[str, tuple[list[str], list[str]]] = {
    "DP01": (
        [
            RETAIN_ALL,
            "Section 5. Records\n\nOperators shall keep call detail records of their customers "
            "for one year.\n",
            "Article 5. Data\n\nNetwork providers must store location data of all users "
            "generally.\n",
        ],
        [
            "Section 5. Preservation\n\nA judge may order a service provider to preserve "
            "specified traffic data of a named subscriber for 90 days.\n",
            "Section 5. Records\n\nThe Registrar shall keep records of companies.\n",
            "Section 5. Billing\n\nProviders may keep billing records as required by tax law.\n",
        ],
    ),
    "DP02": (
        [
            RETAIN_ALL,
            "Section 5. Retention\n\nService providers shall retain traffic data of all users "
            "for 6 to 24 months.\n",
            "Section 5. Retention\n\nOperators shall retain communications data of their "
            "subscribers for twelve months.\n",
        ],
        [
            "Section 5. Retention\n\nService providers shall retain location data of all users "
            "for three months and subscriber data for twelve months.\n",
            "Section 5. Preservation\n\nA judge may order preservation of specified traffic data "
            "for 90 days.\n",
            "Section 5. Records\n\nThe Registrar shall keep records for six years.\n",
        ],
    ),
    "DP03": (
        [
            RETAIN_ALL,
            "Section 5. Retention\n\nOperators shall retain communications data of their "
            "subscribers.\n",
            "Section 5. Logs\n\nInternet service providers shall retain IP addresses of all "
            "users.\n",
            # Destroyed at expiry, but no one independent controls the retained data.
            RETAIN_ALL + "\nSection 6. Destruction\n\nAt expiry the data shall be destroyed "
            "beyond recovery. Retained data shall be stored securely.\n",
        ],
        [
            RETAIN_ALL + "\nSection 6. Destruction\n\nAt expiry the data shall be destroyed "
            "beyond recovery. Retained data shall be stored securely. The independent "
            "supervisory authority shall audit retained data.\n",
            RETAIN_ALL + "\nSection 6. Control\n\nThe Data Protection Commissioner shall "
            "audit the security measures of providers and the deletion of the data at expiry.\n",
            "Section 5. Records\n\nThe Registrar shall keep records.\n",
        ],
    ),
    "DP04": (
        [
            SHARE,
            "Article 7. Sharing\n\nParties shall share personal data with each other in "
            "accordance with their domestic law.\n",
            CHAPTER,
        ],
        [
            REGIME + SHARE,
            "Article 7. Sharing\n\nThe authority may transfer personal data to a foreign State "
            "only under a legally binding instrument that ensures an adequate level of data "
            "protection.\n",
            "Article 7. Reports\n\nThe authority shall publish reports.\n",
        ],
    ),
    "DP05": (
        [
            SHARE,
            REGIME + SHARE,
            CHAPTER,
        ],
        [
            SHARE + "\nArticle 8. Onward transfer\n\nNo onward transfer may be made without the "
            "prior written authorisation of the sending State.\n",
            REGIME.replace("protection.", "protection, also for onward transfers.") + SHARE,
            "Article 7. Reports\n\nThe authority shall publish reports.\n",
        ],
    ),
    "DP06": (
        [
            "Article 26. Spontaneous information\n\nA Party may, without prior request, forward "
            "to another Party information when it considers that it might assist.\n",
            "Section 9. Disclosure\n\nThe Minister may spontaneously transmit data to a foreign "
            "State.\n",
            CHAPTER,
        ],
        [
            REGIME + "Article 9. Spontaneous information\n\nWithout prior request, the "
            "authority may transmit information to another State in a specific investigation.\n",
            SHARE,
            "Section 9. Reports\n\nThe Commissioner may publish reports without prior request.\n",
        ],
    ),
    "DP07": (
        [
            CHAPTER,
            "Article 47. Law enforcement cooperation\n\nParties shall exchange information "
            "concerning all aspects of offences.\n",
            "Section 8. Police\n\nThe police shall share information on a regular basis with "
            "foreign law enforcement about suspects.\n",
        ],
        [
            "Article 47. Law enforcement cooperation\n\nParties shall exchange information in a "
            "specific criminal investigation concerning all aspects of the offence.\n",
            "Article 60. Supervisory authorities\n\nThe authorities shall exchange all relevant "
            "information with each other.\n",
            SHARE,
        ],
    ),
    "DP08": (
        [
            CHAPTER,
            SHARE,
            "Article 7. Use\n\nInformation transmitted to another State may be used for any "
            "lawful purpose.\n",
        ],
        [
            SHARE + "\nArticle 8. Use\n\nThe data shall not be used for proceedings other than "
            "those stated in the request.\n",
            "Article 5. Principles\n\nPersonal data shall be collected for specified, explicit "
            "and legitimate purposes.\n\n" + SHARE,
            "Article 7. Reports\n\nThe authority shall publish reports for any lawful purpose.\n",
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


@pytest.mark.parametrize("slug", ["eu-gdpr-2016-679", "eu-directive-2016-680-led"])
def test_model_transfer_regimes_are_clean(slug: str) -> None:
    text = corpus(slug)
    for code in ("DP04", "DP05", "DP08"):
        assert not run(code, text), code


def test_budapest() -> None:
    text = corpus("coe-budapest-convention-ets-185")
    assert any(f.provision.label.startswith("Article 26") for f in run("DP06", text))
    assert not any(f.provision.label.startswith("Article 28") for f in run("DP08", text))


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # A savings clause or a negated duty imposes no retention.
        ("Nothing in this Act requires a service provider to retain the traffic data of its "
         "subscribers generally.", False),
        ("A service provider shall not be required to retain the traffic data of all its "
         "users.", False),
        ("No service provider shall be obliged to retain traffic data of all subscribers.", False),
        # The same duty, stated positively, or with a negation about something else.
        ("Every service provider shall retain the traffic data of all its subscribers.", True),
        ("Every service provider shall retain the traffic data of all its subscribers, and "
         "shall not disclose it.", True),
        # A savings clause next to a real duty does not hide the duty.
        ("Nothing in this section limits other laws. Every service provider shall retain the "
         "traffic data of all its subscribers.", True),
    ],
)
def test_dp01_negated_duties_impose_no_retention(text: str, fires: bool) -> None:
    assert bool(run("DP01", f"Section 5. Retention\n\n{text}\n")) is fires


def test_dp01_and_dp02_skip_definitions() -> None:
    text = (
        "Section 2. Interpretation\n\n(1) In this Act—\n\"service provider\" means any person who "
        "stores data for its users, including traffic data;\n\"serious offence\" means an offence "
        "punishable by imprisonment for four years.\n"
    )
    assert run("DP01", text) == []
    assert run("DP02", text) == []


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Data obtained under this Part may be used for any lawful purpose.", True),
        ("Data obtained under this Part may be used only for the investigation named in the "
         "warrant.", False),
        # Not data obtained with the powers.
        ("The Fund may be used for any lawful purpose.", False),
    ],
)
def test_dp08_obtained_data_open_to_any_use(text: str, fires: bool) -> None:
    found = run("DP08", f"Part 3\nPowers\n\nSection 22. Use\n{text}\n")
    assert bool(found) is fires


@pytest.mark.parametrize(
    ("other", "lacks_security"),
    [
        # Security of the State is not security of the data.
        ("A request may be refused where it would prejudice the security of the Republic.", True),
        ("Retained data shall be destroyed beyond recovery at the end of the period.", True),
        ("Providers shall apply security measures to the retained data.", False),
    ],
)
def test_dp03_only_data_security_counts(other: str, lacks_security: bool) -> None:
    (finding,) = run("DP03", RETAIN_ALL + f"\nSection 6. Other\n\n{other}\n")
    assert ("its security" in finding.message) is lacks_security
    assert "independent authority" in finding.message


def test_dp03_names_each_missing_control() -> None:
    (finding,) = run(
        "DP03",
        RETAIN_ALL + "\nSection 6. Security\n\nRetained data shall be stored securely and "
        "destroyed beyond recovery at expiry.\n",
    )
    assert finding.message.endswith("no rule on its control by an independent authority "
                                    "anywhere in the text")


AGREEMENT = (
    "Section 9. Agreements\n\n(1) An agreement governing access by a foreign government to data "
    "held by providers shall satisfy this section if the Minister determines that—\n\n"
    "(a) the foreign government has clear legal rules governing the authorities that seek "
    "data, including procedures through which those authorities collect, retain, use, and "
    "share data;\n\n"
    "(b) the foreign government shall not be required to share any information produced "
    "in a criminal investigation with a third government;\n\n"
    "(c) providers may not be prohibited from disclosing the data; the foreign government "
    "shall agree to periodic review of compliance.\n"
)


@pytest.mark.parametrize("code", ["DP04", "DP05", "DP07", "DP08"])
def test_conditions_on_a_foreign_government_are_not_transfers_to_it(code: str) -> None:
    # The foreign government is the subject of a condition, not the recipient of a send.
    assert run(code, AGREEMENT) == []


@pytest.mark.parametrize("code", ["DP04", "DP05"])
def test_a_send_with_its_foreign_recipient_is_still_a_transfer(code: str) -> None:
    text = (
        "Section 9. Disclosure\n\nAn officer who has obtained the contents of a communication "
        "may disclose such information to a foreign law enforcement officer, who may use or "
        "disclose them as appropriate.\n"
    )
    assert [f.code for f in run(code, text)] == [code]


def test_dp04_a_reciprocal_exchange_between_the_parties_is_a_transfer() -> None:
    exchange = (
        "Article 22. Exchange\n\nThe Parties shall exchange information on the identity of "
        "persons suspected of offences.\n"
    )
    assert run("DP04", exchange)
    # The Parties acting each on its own territory send nothing abroad.
    domestic = (
        "Article 22. Records\n\nThe Parties shall ensure that service providers keep "
        "information on the identity of their subscribers.\n"
    )
    assert not run("DP04", domestic)


@pytest.mark.parametrize(
    ("safeguard", "code"),
    [
        (
            "only if the Secretary of State is satisfied that the material will be protected "
            "there by safeguards equivalent to those in this Part",
            "DP04",
        ),
        (
            "only with the prior authorisation of the transferring authority, which shall refuse "
            "it where the level of protection in the recipient State is not adequate",
            "DP04",
        ),
    ],
)
def test_dp04_equivalent_or_adequate_protection_in_other_words(safeguard: str, code: str) -> None:
    bare = "Article 6\nThe Party may transfer personal data to another State.\n"
    assert labels(code, bare) == {"Article 6"}
    guarded = bare.replace("another State.", f"another State {safeguard}.")
    assert labels(code, guarded) == set()


def test_dp05_and_dp08_onward_consent_and_purpose_in_other_words() -> None:
    bare = "Article 6\nThe Party may transfer personal data to another State.\n"
    assert labels("DP05", bare) == {"Article 6"}
    assert labels("DP08", bare) == {"Article 6"}
    guarded = bare + (
        "Article 7\nNo data may be disclosed onward by the receiving State without the prior "
        "written consent of the Party. Data transferred under Article 6 shall be processed only "
        "for the specific purpose for which they were transferred.\n"
    )
    assert labels("DP05", guarded) == set()
    assert labels("DP08", guarded) == set()
    open_use = bare + "Article 7\nThe receiving State may use the data for other purposes.\n"
    assert labels("DP08", open_use) == {"Article 6"}


def test_dp03_encryption_and_access_controls_secure_retained_data() -> None:
    text = (
        "Article 1. Providers shall retain traffic data for six months.\nArticle 2. Retained "
        "data shall be protected by encryption and access controls, irreversibly destroyed when "
        "the period expires, and supervised by the independent Data Protection Commissioner.\n"
    )
    assert all("security" not in f.message for f in run("DP03", text))


@pytest.mark.parametrize(
    "duty",
    [
        "The concessionaire shall keep a record of the data necessary to trace the origin and "
        "destination of all communications for twenty-four months.",
        "The application provider shall keep the connection records of all users for one year.",
    ],
)
def test_dp01_retention_duties_in_translated_wording(duty: str) -> None:
    assert labels("DP01", f"Article 1. {duty}\n") == {"Article 1"}


def test_dp01_passenger_records_of_all_passengers_kept_for_years() -> None:
    text = (
        "Article 1. Every air carrier shall transfer to the Unit the passenger name record data "
        "of all passengers, and the Unit shall retain that data for five years.\n"
    )
    assert labels("DP01", text) == {"Article 1"}
    assert "'passenger name record data'" in run("DP01", text)[0].message


def test_dp01_passenger_records_kept_on_a_judges_order_for_one_passenger_are_targeted() -> None:
    text = (
        "Article 1. Where a judge so orders, an air carrier shall retain the passenger name "
        "record data of the specified passenger for thirty days.\n"
    )
    assert labels("DP01", text) == set()


SENT = "Article 5\n1. The requested Party shall transmit the evidence to the requesting Party.\n"


@pytest.mark.parametrize(
    "limit",
    [
        "The requesting Party shall not use any evidence obtained under this Treaty in any "
        "investigation or proceeding other than that described in the request.",
        "Data received shall be used only for the specific criminal investigation stated in the "
        "request.",
    ],
)
def test_dp08_a_specialty_rule_limits_the_purpose(limit: str) -> None:
    assert run("DP08", f"{SENT}2. {limit}\n") == []
    assert run("DP08", SENT) != []


@pytest.mark.parametrize(
    ("clause", "fires"),
    [
        (
            "The requesting Party may make onward transfers of the evidence to any third State.",
            True,
        ),
        (
            "The requesting Party shall not use the evidence for other proceedings without the "
            "prior consent of the requested Party.",
            True,
        ),
        (
            "Evidence received shall not be communicated to any other State without the consent "
            "of the Party that provided it.",
            False,
        ),
        (
            "The conditions of this Article apply, including for onward transfers of the evidence "
            "to another State.",
            False,
        ),
    ],
)
def test_dp05_onward_transfer_is_controlled_only_by_words_that_control_it(
    clause: str, fires: bool
) -> None:
    assert bool(run("DP05", f"{SENT}2. {clause}\n")) is fires


def test_dp01_a_statement_of_what_the_law_governs_imposes_no_duty() -> None:
    text = (
        "Article 1. This Law governs the targeted retention of traffic and location data by "
        "electronic communications providers.\n"
    )
    assert labels("DP01", text) == set()


def test_dp04_an_adequacy_rule_for_one_transfer_leaves_the_others_bare() -> None:
    text = (
        "Article 1\nThe Agency may transfer personal data to a third country only where that "
        "country ensures an adequate level of data protection.\nArticle 2\nThe police may "
        "transmit fingerprint data to any foreign police service on request, in accordance with "
        "their national law.\n"
    )
    assert labels("DP04", text) == {"Article 2"}
    regime = text.replace("The Agency may transfer", "Any transfer of")
    regime = regime.replace("third country only where", "third country may take place only where")
    assert labels("DP04", regime) == set()


def test_dp04_an_adequacy_requirement_left_to_each_partys_discretion_binds_no_one() -> None:
    text = (
        "Article 14\n1. Each Party may, where it considers appropriate, require that the "
        "receiving Party ensures an adequate level of data protection.\n2. The requested Party "
        "shall transmit personal data to the requesting Party.\n"
    )
    assert labels("DP04", text) == {"Article 14(2)"}


def test_dp04_a_rule_on_onward_transfer_or_on_data_already_sent_is_no_new_transfer() -> None:
    text = (
        "Article 1\nA Party may transmit personal data obtained in a named investigation to the "
        "other Party where that Party ensures an adequate level of protection.\nArticle 2\nThe "
        "receiving State shall not transfer personal data received under this Agreement to a "
        "third State without the prior written authorisation of the transmitting Party.\n"
        "Article 3\nPersonal data transmitted under this Agreement shall be processed by the "
        "receiving Party only for the purpose of the proceedings for which they were "
        "transmitted.\n"
    )
    assert labels("DP04", text) == set()



def test_dp08_data_received_under_the_text_open_to_any_purpose() -> None:
    text = (
        "1. Tracking\nA judge may order the collection of location data of a named patient.\n"
        "2. Police\nThe Ministry may disclose any data received under these Regulations to the "
        "Police for any other lawful purpose.\n"
    )
    assert run("DP08", text)
    assert run("DP08", text.replace("for any other lawful purpose", "to trace contacts")) == []


def test_dp04_what_a_law_governs_and_its_onward_control_are_no_transfers() -> None:
    text = (
        "Article 1. This Law governs the transfer of personal data by the police to foreign "
        "authorities.\n"
        "Article 2. The police may transfer personal data to a competent authority of a foreign "
        "State only where that State ensures an adequate level of data protection.\n"
        "Article 3. Personal data transferred under Article 2 may not be transferred onwards to "
        "another State without the prior written consent of the police.\n"
    )
    assert run("DP04", text) == []
    assert run("DP05", text) == []
    assert run("DP05", text.replace("may not be transferred onwards", "may be transferred"))


def test_dp05_a_recipient_who_may_not_pass_the_material_to_a_third_party_without_consent() -> None:
    text = (
        "1 Transfers\n(1) Material obtained under this Act may be transferred to a foreign State "
        "only where a binding agreement secures purpose limitation, retention limits, security "
        "and independent redress.\n(2) The recipient shall not pass the material to any third "
        "party without the prior written consent of the chief officer.\n"
    )
    assert run("DP05", text) == []
    assert run("DP05", text.split("(2)")[0])
