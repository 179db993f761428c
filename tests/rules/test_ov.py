"""OV01-OV03 on bills written for these tests."""

from __future__ import annotations

import pytest

from tests.rules.safeguard_helpers import findings, fired_on

POWER = "Section 5. Interception\nA judge may order the interception of communications.\n"

OV01_FIRE = [
    POWER,
    POWER + "\nSection 6. Audit\nEach agency shall audit its own use of the powers in this Act.\n",
    "Section 5. Search\nA police officer may search and seize any computer system.\n",
]
OV01_PASS = [
    POWER + "\nSection 6. Oversight\nThe Interception Commissioner may inspect all records and "
    "shall report to Parliament each year.\n",
    POWER + "\nSection 6. Oversight\nAn independent oversight body shall review every order.\n",
    "Section 5. Records\nThe registrar shall keep records of all licences.\n",
]


@pytest.mark.parametrize("text", OV01_FIRE)
def test_ov01_fires_once(text: str) -> None:
    assert len(findings("OV01", text)) == 1


@pytest.mark.parametrize("text", OV01_PASS)
def test_ov01_quiet(text: str) -> None:
    assert findings("OV01", text) == []


OV02_FIRE = [
    "Section 4. Safeguards\nSafeguards shall apply.\n[Note: This paragraph does not imply any "
    "international supervision.]\n",
    "Section 4. Safeguards\nThe exercise of these powers shall not be subject to any "
    "independent oversight.\n",
    "Section 4. Safeguards\nThis section does not imply any supervision.\n",
]
OV02_PASS = [
    "Section 4. Safeguards\nThe Commissioner shall supervise the exercise of these powers.\n",
    "Section 4. Safeguards\nNothing in this section limits the supervision of the courts.\n",
    "Section 4. Records\nThe registrar shall keep records of all licences.\n",
]


@pytest.mark.parametrize("text", OV02_FIRE)
def test_ov02_fires(text: str) -> None:
    assert len(findings("OV02", text)) == 1


@pytest.mark.parametrize("text", OV02_PASS)
def test_ov02_quiet(text: str) -> None:
    assert findings("OV02", text) == []


def test_ov02_points_at_the_disclaimer() -> None:
    assert fired_on("OV02", OV02_FIRE[2]) == ["does not imply any supervision"]


OV03_FIRE = [
    POWER,
    "Section 5. Search\nA police officer may search and seize any computer system.\n",
    "Section 5. Retention\nThe Minister may require providers to retain traffic data.\n",
]
OV03_PASS = [
    POWER + "\nSection 6. Reports\nThe Minister shall publish an annual report on the number of "
    "orders applied for and granted.\n",
    POWER + "\nSection 6. Statistics\nThe courts shall keep statistics of the orders made.\n",
    "Section 5. Records\nThe registrar shall keep records of all licences.\n",
]


@pytest.mark.parametrize("text", OV03_FIRE)
def test_ov03_fires_once(text: str) -> None:
    assert len(findings("OV03", text)) == 1


@pytest.mark.parametrize("text", OV03_PASS)
def test_ov03_quiet(text: str) -> None:
    assert findings("OV03", text) == []


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Nothing in this Act shall be construed as implying any external or international "
         "supervision of the exercise of the powers conferred by this Act.", True),
        ("This Part does not imply any external or independent oversight.", True),
        # A savings clause that preserves supervision disclaims nothing.
        ("Nothing in this Act shall be construed as limiting the supervision of the courts.",
         False),
        ("Nothing in this Act shall be construed as implying any power to intercept.", False),
    ],
)
def test_ov02_construed_as_implying_no_supervision(text: str, fires: bool) -> None:
    assert bool(findings("OV02", f"Section 33. Supervision\n{text}\n")) is fires


@pytest.mark.parametrize(
    "overseer",
    [
        "Each State Party shall designate one or more authorities independent of the executive "
        "to oversee the exercise of the powers in this Chapter.",
        "The Inspector-General, who is not subject to direction by any Minister, shall oversee "
        "the exercise of the powers in this Chapter.",
    ],
)
def test_ov01_independent_overseers_in_other_words(overseer: str) -> None:
    text = (
        "Article 1\n1. A judge may order the interception of content data of a named suspect of "
        f"an offence listed in Annex I.\n2. {overseer}\n"
    )
    assert findings("OV01", text) == []
    assert findings("OV01", text.split("2. ")[0]) != []


def test_ov03_a_report_laid_before_parliament_is_public_reporting() -> None:
    text = (
        "Article 1\n1. A judge may order the interception of content data of a named suspect of "
        "an offence listed in Annex I.\n2. The Commissioner shall report to the Minister "
        "annually, and the report shall be laid before each House of Parliament.\n"
    )
    assert findings("OV03", text) == []


@pytest.mark.parametrize(
    "body",
    ["The European Data Protection Supervisor", "The Data Protection Board"],
)
def test_ov01_a_named_data_protection_supervisor_is_independent_oversight(body: str) -> None:
    text = (
        "Article 1\nThe Agency may transfer personal data to an authority of a third country.\n"
        f"Article 2\n{body} shall monitor the processing of personal data by the Agency and may "
        "order the erasure of data.\n"
    )
    assert findings("OV01", text) == []
    assert findings("OV01", text.split("Article 2")[0]) != []


def test_ov03_the_number_of_blocking_orders_published_each_year_is_reporting() -> None:
    text = (
        "7. The court may order a platform to disable access to specified content.\n"
        "8. The court service shall publish annually the number of blocking orders applied for, "
        "granted and refused.\n"
    )
    assert findings("OV03", text) == []
    assert findings("OV03", text.split("8.")[0]) != []


@pytest.mark.parametrize(
    ("clause", "fires"),
    [
        (
            "The Commissioner shall not be subject to supervision or direction by any Minister.",
            False,
        ),
        ("The Commissioner shall not be subject to any supervision.", True),
        ("Nothing in this Act shall be construed as requiring any external review of the use of "
         "this power.", True),
    ],
)
def test_ov02_independence_is_no_disclaimer_of_oversight(clause: str, fires: bool) -> None:
    assert bool(findings("OV02", POWER + f"Section 6. Commissioner\n{clause}\n")) is fires


def test_ov01_an_independent_control_council_oversees() -> None:
    council = (
        "Section 6. Control\nAn Independent Control Council of six judges shall have access to "
        "all records and the power to order deletion.\n"
    )
    assert findings("OV01", POWER + council) == []
    assert findings("OV01", POWER)


def test_ov02_any_form_of_international_supervision_disclaimed() -> None:
    text = POWER + (
        "Section 38. Supervision\nNothing in this Chapter shall be construed as implying any form "
        "of international supervision of the implementation of this Convention.\n"
    )
    assert findings("OV02", text)


@pytest.mark.parametrize(
    "body",
    [
        "The Data Protection Authority shall have no competence over processing under this Act.",
        "Complaints about interception shall not be investigated by the Ombudsman.",
        "No independent oversight body shall have access to records of interceptions.",
        "The Inspector-General of Intelligence, appointed by and reporting to the Minister, shall "
        "audit the use of this power.",
        "The Interception Commissioner, an official of the Ministry, shall act under the direction "
        "of the Minister.",
    ],
)
def test_ov01_a_body_shut_out_or_under_the_executive_oversees_nothing(body: str) -> None:
    assert findings("OV01", POWER + f"Section 6. Oversight\n{body}\n")


def test_ov01_a_commissioner_independent_of_the_executive_oversees() -> None:
    body = (
        "The Interception Commissioner, who is independent of the executive, may inspect all "
        "records and order the destruction of material.\n"
    )
    assert findings("OV01", POWER + f"Section 6. Oversight\n{body}") == []


@pytest.mark.parametrize(
    "withheld",
    [
        "A service provider shall not disclose the number of warrants it has received.",
        "The police shall submit an annual report on interceptions to the Minister, which shall "
        "be classified and not published.",
        "The police shall keep a register of all warrants, recording the number of warrants "
        "issued, for inspection by the Minister.",
    ],
)
def test_ov03_figures_withheld_from_the_public_are_no_transparency(withheld: str) -> None:
    assert findings("OV03", POWER + f"Section 6. Records\n{withheld}\n")
    published = "The Minister shall publish each year the number of warrants issued.\n"
    assert findings("OV03", POWER + f"Section 6. Records\n{withheld}\n{published}") == []


def test_ov01_a_council_whose_members_are_independent_of_the_executive() -> None:
    council = (
        "Section 6. Supervision\nThe Supervisory Council, whose members are appointed by "
        "Parliament and are independent of the executive, may inspect all records kept under "
        "this Act.\n"
    )
    assert findings("OV01", POWER + council) == []
