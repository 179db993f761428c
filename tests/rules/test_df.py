"""Rules DF01-DF06: drafting quality — terms, cross-references, numbering, terminology."""

from __future__ import annotations

import pytest
from sc_co_dp_ic_helpers import run

from safeguard_lint.ast import Reference
from safeguard_lint.parsing import parse
from safeguard_lint.readers.akn import read_akn
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.rules.registry import all_rules

DEFS = (
    "Article 1. Definitions\n\nFor the purposes of this Convention:\n\n"
    '(a) "computer system" means any device that processes data;\n\n'
    '(b) "traffic data" means data on the route of a communication;\n\n'
)


def _body(n: int, text: str) -> str:
    return f"Article {n}. Provision {n}\n\n{text}\n\n"


# DF01 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        DEFS + _body(2, "A Covered Provider shall retain traffic data for a computer system."),
        DEFS
        + _body(2, "Each Party shall require any Hosting Intermediary to keep the traffic data."),
        DEFS
        + _body(
            2,
            'Parties shall protect every "protected asset", as defined in this Convention, '
            "against attacks on a computer system.",
        ),
    ],
)
def test_df01_fires(text: str) -> None:
    assert run("DF01", text)


@pytest.mark.parametrize(
    "text",
    [
        DEFS
        + _body(2, "A Party may refer matters to the European Court of Human Rights or the UN."),
        DEFS
        + _body(
            2,
            "Nothing in the Convention for the Protection of Human Rights and Fundamental "
            "Freedoms is affected, and each Party shall inform the Secretary General.",
        ),
        DEFS
        + _body(
            2,
            "Computer System operators shall keep traffic data. Each Member State "
            "shall notify the Commission.",
        ),
    ],
)
def test_df01_silent(text: str) -> None:
    assert not run("DF01", text)


def test_df01_is_an_error_in_an_offence() -> None:
    text = DEFS + _body(
        2, "Whoever damages a Protected Facility commits an offence and is liable to a fine."
    )
    assert [f.severity for f in run("DF01", text)] == ["error"]


# DF02 / DF03 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        DEFS + _body(2, "Parties shall preserve traffic data."),
        DEFS + _body(2, "Parties shall secure every computer system and its data."),
        'Section 1. Interpretation\n\n"host" means a person who stores content;\n\n'
        "Section 2. Duty\n\nA provider shall remove unlawful content.\n",
    ],
)
def test_df02_fires(text: str) -> None:
    assert run("DF02", text)


@pytest.mark.parametrize(
    "text",
    [
        DEFS + _body(2, "Parties shall preserve traffic data held in a computer system."),
        DEFS + _body(2, "Computer systems shall keep traffic data."),
        'Section 1. Interpretation\n\n"authority" means the data commission;\n\n'
        "Section 2. Duty\n\nThe authorities shall publish reports.\n",
    ],
)
def test_df02_silent(text: str) -> None:
    assert not run("DF02", text)


@pytest.mark.parametrize(
    "text",
    [
        DEFS + _body(5, '"traffic data" means any data relating to a communication.'),
        DEFS + _body(5, '"computer system" means any device that processes data;'),
        'Section 1. Interpretation\n\n"host" means a person who stores content;\n\n'
        'Section 2. Meaning\n\n"host" includes a cache operator.\n\n'
        "Section 3. Duty\n\nA host shall act.\n",
    ],
)
def test_df03_fires(text: str) -> None:
    assert run("DF03", text)


def test_df03_says_whether_the_meanings_differ() -> None:
    same = run("DF03", DEFS + _body(5, '"computer system" means any device that processes data;'))
    other = run("DF03", DEFS + _body(5, '"traffic data" means any data on a communication.'))
    assert "same meaning" in same[0].message
    assert "different meaning" in other[0].message


@pytest.mark.parametrize(
    "text",
    [
        DEFS + _body(5, "Parties shall keep traffic data of a computer system."),
        DEFS + _body(5, 'In this article, "traffic data" means data kept for thirty days only.'),
        'Article 1. Definitions\n\n(a) "supervisory authority" means a body established '
        "pursuant to Article 4;\n\nArticle 4. Authorities\n\n1. Each State shall provide for "
        'a public body ("supervisory authority").\n',
    ],
)
def test_df03_silent(text: str) -> None:
    assert not run("DF03", text)


@pytest.mark.parametrize(
    "text",
    [
        DEFS + _body(5, 'In this article, "traffic data" includes location data.'),
        DEFS + _body(5, '(2) For the purposes of this article, "computer system" includes a '
                        "mobile telephone."),
        DEFS + _body(5, 'In this article, "traffic data" shall include the content of messages.'),
    ],
)  # fmt: skip
def test_df03_reports_a_scoped_definition_that_widens_the_general_one(text: str) -> None:
    (finding,) = run("DF03", text)
    assert finding.severity == "info" and "widened" in finding.message
    assert finding.related and "general definition" in finding.related[0].message


@pytest.mark.parametrize(
    "text",
    [
        # Scoped, but nothing general to widen.
        _body(5, 'In this article, "host" includes a cache operator.\n\nA host shall act.'),
        # Scoped and narrowing or replacing: a usual drafting device, not a conflict.
        DEFS + _body(5, 'In this article, "traffic data" does not include location data.'),
        DEFS + _body(5, 'In this article, "traffic data" means data kept for a day.'),
    ],
)
def test_df03_quiet_on_scoped_definitions_that_do_not_widen(text: str) -> None:
    assert not run("DF03", text)


# DF04 -------------------------------------------------------------------------------------

ARTICLES = (
    "Article 1. Scope\n\nThis Convention applies to offences.\n\n"
    "Article 2. Preservation of data\n\n1. Parties shall preserve data.\n\n"
    "2. Preservation lasts ninety days.\n\n"
    "Article 3. Production orders\n\nParties may order production.\n\n"
)


@pytest.mark.parametrize(
    "text",
    [
        ARTICLES + "Article 4. Safeguards\n\nPowers under article 7 are subject to review.\n",
        ARTICLES + "Article 4. Safeguards\n\nOrders under Article 2(5) need a judge.\n",
        ARTICLES + "Article 4. Safeguards\n\nOrders under article 2, paragraph 3, need a judge.\n",
    ],
)
def test_df04_fires(text: str) -> None:
    assert run("DF04", text)


@pytest.mark.parametrize(
    "text",
    [
        ARTICLES + "Article 4. Safeguards\n\nPowers under Article 2(2) and article 3 apply.\n",
        ARTICLES + "Article 4. Safeguards\n\nRights under Article 8 of the European Convention and "
        "Article 16(2) TFEU and Directive 95/46/EC apply.\n",
        "Section 2510. Definitions\n\nAs used in this chapter, terms have the meanings in "
        "section 1030.\n\nSection 2511. Offence\n\nA violation of section 2510 is punished.\n",
    ],
)
def test_df04_silent(text: str) -> None:
    assert not run("DF04", text)


def test_df04_offers_the_renumbered_provision() -> None:
    text = ARTICLES + (
        "Article 4. Safeguards\n\nOrders under article 9 (Production orders) need a judge.\n"
    )
    (finding,) = run("DF04", text)
    assert finding.fix is not None
    assert finding.fix.applicability == "safe"
    edit = finding.fix.edits[0]
    assert text[: edit.span.start] + edit.replacement + text[edit.span.end :] == text.replace(
        "article 9 (", "article 3 ("
    )


# DF05 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Article 1. A\n\nText.\n\nArticle 2. B\n\nText.\n\nArticle 2. C\n\nText.\n\n"
        "Article 3. D\n\nText.\n",
        "Section 1. A\n\nText.\n\nSection 2. B\n\nText.\n\nSection 4. C\n\nText.\n",
        "Article 1. A\n\n1. One.\n\n2. Two.\n\nArticle 2. B\n\n[Option A: within 24 hours]\n",
    ],
)
def test_df05_fires(text: str) -> None:
    assert run("DF05", text)


@pytest.mark.parametrize(
    "text",
    [
        "Article 1. A\n\n1. One.\n\n2. Two.\n\n3. Three.\n\nArticle 2. B\n\nText.\n",
        "Section 1. A\n\n(a) one;\n\n(b) two;\n\n(c) three.\n\nSection 2. B\n\nText.\n\n"
        "Section 2A. Inserted\n\nText.\n\nSection 3. C\n\nText.\n",
        "Article 1. A\n\n(a) one;\n\n(b) two.\n\nArticle 2. B\n\n(a) again one;\n\n(b) two.\n",
    ],
)
def test_df05_silent(text: str) -> None:
    assert not run("DF05", text)


def test_df05_markers_are_info_and_elisions_explain_gaps() -> None:
    text = "Article 1. A\n\nText.\n\n[...]\n\nArticle 5. E\n\nText.\n"
    findings = run("DF05", text)
    assert [f.severity for f in findings] == ["info"]
    assert "elided" in findings[0].message


FLATTENED_LIST = """<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<act name="act"><body><section eId="sec_32"><num>32.</num><heading>Exclusions</heading>
<paragraph eId="sec_32__p"><list eId="sec_32__list">
<intro><p>Nothing in this Act shall apply to\u2014</p></intro>
<point eId="sec_32__i"><num>(i)</num><content><p>employees of a corporation;</p></content></point>
<point eId="sec_32__ii"><num>(ii)</num><content><p>employees employed by\u2014</p></content></point>
<point eId="sec_32__a"><num>(a)</num><content><p>a society;</p></content></point>
<point eId="sec_32__b"><num>(b)</num><content><p>a university;</p></content></point>
<point eId="sec_32__c"><num>(c)</num><content><p>a hospital;</p></content></point>
<point eId="sec_32__d"><num>(d)</num><content><p>a chamber of commerce;</p></content></point>
<point eId="sec_32__iii"><num>(iii)</num><content><p>employees of a bank.</p></content></point>
</list></paragraph></section></body></act></akomaNtoso>"""


def test_df05_reads_a_list_flattened_into_another_in_its_own_style() -> None:
    document = read_akn(FLATTENED_LIST)
    assert [u.num for u, _ in document.units_with_path() if u.num][-3:] == ["c", "d", "iii"]
    rule = all_rules()["DF05"]()
    assert list(rule.check(RuleContext(document))) == []
    skipping = read_akn(FLATTENED_LIST.replace("(iii)", "(iv)"))
    (finding,) = rule.check(RuleContext(skipping))
    assert finding.message.endswith("iii missing.")


DECIMAL_ARTICLES = (
    "Article 10.1. Obligations of operators\nThe operator shall keep records.\n\n"
    "Article 15.3. Restriction of access\nAccess may be restricted under Article 10.1.\n"
)


def test_references_to_decimal_article_numbers_resolve() -> None:
    document = parse(DECIMAL_ARTICLES)
    (reference,) = [n for n in document.walk() if isinstance(n, Reference)]
    assert reference.target == "art_10-1"
    assert not run("DF04", DECIMAL_ARTICLES)


def test_df01_reads_the_singular_of_a_plural_defined_term() -> None:
    text = (
        'Article 1\nDefinitions\n("Covered Offences") means the offences listed in the Annex.\n'
        "Article 2\nScope\nEach Covered Offence is extraditable.\n"
    )
    assert not run("DF01", text)
    assert run("DF01", text.replace("Each Covered Offence", "Each Listed Offence"))


def test_references_to_regulations_and_rules_are_checked() -> None:
    text = (
        "Regulation 4\nRecords\n(1) Keep records.\n(2) Destroy them.\n\n"
        "Regulation 5\nUse\nRegulation 4(2) applies, and regulation 4(3) applies too.\n"
        "Regulation (EU) 2016/679 also applies.\n"
    )
    (broken,) = run("DF04", text)
    assert "regulation 4(3)" in broken.message
    targets = [n.target for n in parse(text).walk() if isinstance(n, Reference)]
    assert targets[0] == "reg_4__subsec_2"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Article 6.- Preservation. The prosecutor may order preservation.\n\n"
            "Article 7.- Interception. Subject to Article 6 of this Law, the judge may order it.\n",
            "art_6",
        ),
        (
            "1. Orders\nThe regulator may order removal.\n\n"
            "2. Appeals\nA platform may appeal an order under section 1 to the Tribunal.\n",
            "sec_1",
        ),
        (
            "1. Interception\n(1) The police may intercept.\n(2) The police may collect\u2014\n"
            "(a) content; or\n(b) traffic data.\n\n2. Retention\nData obtained under section "
            "1(2)(a) or (b) shall be destroyed.\n",
            "sec_1__subsec_2__para_a",
        ),
        (
            "1. Orders\nThe regulator may order removal.\n\n2. Appeals\nAppeals lie.\n\n"
            "3. Review\nThe Commissioner shall review compliance with sections 1-2.\n",
            "sec_1",
        ),
        (
            "Section 7/E\nThe Centre may, subject to Section 7/F, intercept communications.\n\n"
            "Section 7/F\nA warrant of a judge is required.\n",
            "sec_7F",
        ),
    ],
)
def test_references_into_this_text_resolve(text: str, target: str) -> None:
    (reference,) = [n for n in parse(text).walk() if isinstance(n, Reference)]
    assert (reference.target, reference.external) == (target, False)
    assert not run("DF04", text)


def test_the_preceding_paragraph_and_article_resolve_to_their_predecessors() -> None:
    text = (
        "Article 1\nScope\n1. This applies.\n2. The measures in the preceding paragraph are "
        "limited.\n\nArticle 2\nPowers\nThe preceding article applies.\n"
    )
    targets = [n.target for n in parse(text).walk() if isinstance(n, Reference)]
    assert targets == ["art_1__para_1", "art_1"]


def test_df05_reads_ordinal_signs_and_numbers_in_words() -> None:
    text = "Art. 2\u00b0. Scope\nText.\n\nArt. 3\u00b0. Powers\nText.\n\nARTICLE FOUR\nText.\n"
    assert not run("DF05", text)
    assert run("DF05", text.replace("Art. 3\u00b0.", "Art. 5\u00b0."))


def test_a_decimal_reference_in_a_text_of_whole_numbers_is_article_and_paragraph() -> None:
    text = "Article 9\n1. One.\n2. Two.\n\nArticle 10\nThe offences in Article 9.1 apply.\n"
    (reference,) = [n for n in parse(text).walk() if isinstance(n, Reference)]
    assert reference.target == "art_9__para_1"
    assert not run("DF04", text)


# DF06 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        DEFS
        + _body(
            2,
            "No person shall access an ICT system without right; every ICT system "
            "shall be secured, and a computer system shall be logged.",
        ),
        _body(1, "The competent authority shall decide; the competent authority may refuse.")
        + _body(2, "The relevant authority shall publish the decision."),
        DEFS
        + _body(
            2,
            "Parties shall secure each information system and the traffic data of "
            "a computer system; operators of an information system shall report.",
        ),
    ],
)
def test_df06_fires(text: str) -> None:
    assert run("DF06", text)


@pytest.mark.parametrize(
    "text",
    [
        DEFS + _body(2, "No person shall access a computer system without right."),
        _body(1, "The competent authority shall decide; the competent authority may refuse.")
        + _body(2, "The competent or relevant authority shall publish the decision."),
        _body(1, "The competent authority shall decide and the judicial authority shall review."),
    ],
)
def test_df06_silent(text: str) -> None:
    assert not run("DF06", text)


def test_terms_printed_without_quotes_under_a_lead_in_are_each_defined() -> None:
    text = (
        "1 Interpretation\nIn this Act, unless the context otherwise requires,\u2014\n"
        "enforcement officer means a constable\nissuing officer means a Judge\n"
        "surveillance device means a tracking device\n\n2 Warrants\n(1) An issuing officer may "
        "issue a warrant to an enforcement officer to use a surveillance device.\n"
    )
    assert sorted(parse(text).definitions) == [
        "enforcement officer",
        "issuing officer",
        "surveillance device",
    ]
    assert not run("DF02", text)


def test_a_capitalised_term_described_where_it_first_appears_is_defined() -> None:
    text = (
        "5. Correction Direction\n(1) A Correction Direction is a direction issued by the "
        "Minister requiring a person to publish a correction notice.\n(2) A person who fails "
        "to comply with a Correction Direction commits an offence.\n"
    )
    assert sorted(parse(text).definitions) == ["correction direction"]
    assert not run("DF01", text)


def test_a_glossary_introduced_by_the_following_words_defines_its_colon_terms() -> None:
    text = (
        "Article 2\nThe following words shall have the meanings assigned to them below:\n"
        "Website: a place where information is made available on the network.\n"
        "Article 3\nA provider shall host no unlawful content on a website.\n"
    )
    assert sorted(parse(text).definitions) == ["website"]


def test_a_roman_numeral_before_a_colon_definition_is_no_part_of_the_term() -> None:
    text = (
        "Art. 5. For the purposes of this Law, the following definitions apply:\n"
        "I - connection records: the set of information on the date and time of a connection;\n"
        "Art. 6. The administrator shall keep the connection records for one year.\n"
    )
    assert sorted(parse(text).definitions) == ["connection records"]


CODE_WITH_INSERTIONS = (
    "Article 90. Text.\nArticle 90 bis. Text.\nArticle 90ter. Text.\nArticle 90quater. Text.\n"
    "Article 90 quinquies. Text.\nArticle 91. Text.\n"
)


def test_df05_latin_insertions_run_in_their_latin_order() -> None:
    assert run("DF05", CODE_WITH_INSERTIONS) == []
    swapped = CODE_WITH_INSERTIONS.replace("90ter", "90sexies")
    assert [f.message for f in run("DF05", swapped)] == [
        "Article 90quater comes after Article 90sexies: out of order."
    ]


def test_df05_a_bis_number_is_a_leftover_only_in_a_negotiating_draft() -> None:
    draft = CODE_WITH_INSERTIONS + "Article 92. [agreed ad referendum] Text.\n"
    messages = [f.message for f in run("DF05", draft)]
    assert any("negotiation number" in m for m in messages)
    assert not any("negotiation number" in f.message for f in run("DF05", CODE_WITH_INSERTIONS))
