"""Clause analysis: modality, powers, authorisers, hedges that govern a safeguard, deferrals."""

from __future__ import annotations

from safeguard_lint.semantics.clauses import Clause, ClauseAnalyser
from safeguard_lint.semantics.lexicon import Lexicon, builtin
from safeguard_lint.semantics.sentences import Sentence


def clause(text: str, analyser: ClauseAnalyser | None = None) -> Clause:
    return (analyser or ClauseAnalyser()).analyse(Sentence(0, len(text), text))


def test_modality() -> None:
    assert clause("The officer may intercept messages.").modality == "may"
    assert clause("The officer shall not intercept messages.").modality == "shall not"
    assert clause("The officer must apply to a judge.").modality == "must"
    assert clause("Parties should consider review.").modality == "should"
    assert clause("This Act applies to messages.").modality is None


def test_power_grant_versus_offence_and_definition() -> None:
    assert clause("A police officer may intercept the communications.").grants_power
    assert not clause("Whoever intercepts a communication commits an offence.").grants_power
    assert not clause('"Interception" means listening to a call.').grants_power


def test_authorisers_are_classified_with_their_role() -> None:
    c = clause("The Minister may apply to a judge, who may issue a warrant for interception.")
    kinds = {(a.text, a.kind, a.authorises) for a in c.authorisers}
    assert ("Minister", "executive", True) in kinds
    assert ("judge", "judicial", True) in kinds
    competent = clause("The competent authorities may collect traffic data in real time.")
    assert not any(a.authorises for a in competent.authorisers)


def test_hedges_govern_the_safeguard_they_precede() -> None:
    text = "Such safeguards shall, as appropriate, include, inter alia, judicial review."
    c = clause(text)
    start = text.index("judicial review")
    assert [m.text for m in c.governing(start, start + 15)] == ["as appropriate", "inter alia"]


def test_a_hedge_in_another_segment_does_not_govern() -> None:
    text = "Orders are subject to judicial review; the Authority may, as appropriate, publish data."
    c = clause(text)
    start = text.index("judicial review")
    assert c.governing(start, start + 15) == ()


def test_where_it_deems_fit_and_optional_formulas() -> None:
    text = "The Authority may, where it deems fit, provide for independent review."
    c = clause(text)
    start = text.index("independent review")
    assert [m.category for m in c.governing(start, start + 18)] == ["discretion"]
    optional = clause("A Party may require that the order be reviewed by a court.")
    assert [m.category for m in optional.optional] == ["optional"]


def test_a_courts_own_discretion_is_not_a_hedge() -> None:
    text = "The judge may in his discretion serve an inventory on the persons named."
    c = clause(text)
    start = text.index("inventory")
    assert c.governing(start, start + 9) == ()


def test_deferral_to_domestic_law_opening_the_sentence_governs_it() -> None:
    text = "In accordance with its domestic law, such safeguards shall include an effective remedy."
    c = clause(text)
    start = text.index("effective remedy")
    assert [m.lexicon for m in c.governing(start, start + 16)] == ["deferrals"]


def test_lexicons_extend_from_configuration() -> None:
    def lexicon(name: str) -> Lexicon:
        base = builtin(name)
        extra = {"judicial": ["Judicial Commissioner"]}
        return base.extended(extra) if name == "authorisers" else base

    c = clause("The Judicial Commissioner must approve the warrant.", ClauseAnalyser(lexicon))
    assert any(a.text == "Judicial Commissioner" and a.independent for a in c.authorisers)


def test_each_sentence_is_analysed_once() -> None:
    analyser = ClauseAnalyser()
    s = Sentence(0, 10, "A may act.")
    assert analyser.analyse(s) is analyser.analyse(s)


def test_a_power_named_only_as_an_instrument_is_not_granted() -> None:
    # Mentions of a power granted elsewhere, through its instrument.
    assert not clause(
        "The official shall present the report to the Minister for permission to apply for "
        "the warrant of surveillance or interception."
    ).grants_power
    assert not clause(
        "The Committee shall call for reports about the warrants of interception obtained."
    ).grants_power
    # The instrument issued, or the power itself named: a grant.
    assert clause("The warrant of interception shall be issued by the Judge.").grants_power
    assert clause("A judge may issue a warrant for the interception of messages.").grants_power
    assert clause("The officer may, under a warrant of search, intercept messages.").grants_power


def test_punishment_marks_an_offence() -> None:
    text = (
        "Any person who carries out any interception except under this Act shall in addition "
        "to any other punishment be punished with imprisonment for three years."
    )
    assert clause(text).is_offence
    assert not clause(text).grants_power


def test_a_power_named_before_its_instrument_is_not_granted() -> None:
    assert not clause(
        "The Attorney General shall report the number of pen register orders applied for."
    ).grants_power
    assert clause("A court may order the installation of a pen register.").grants_power


def test_prohibitions_and_duties_of_those_already_authorised_grant_nothing() -> None:
    assert clause("No person may install a pen register without a court order.").modality == (
        "shall not"
    )
    assert not clause(
        "Except as provided, no person may install or use a pen register without first "
        "obtaining a court order."
    ).grants_power
    assert not clause(
        "A government agency authorized to install and use a pen register under this chapter "
        "shall use technology that restricts the recording of content."
    ).grants_power
    assert clause(
        "A government agency may install and use a pen register on a court order."
    ).grants_power


def test_a_verbless_clause_describing_an_authorised_measure_grants_nothing() -> None:
    # Items of a report or a notice describe what an order authorised elsewhere.
    assert not clause(
        "the period of interceptions authorized by the order, and the number of extensions;"
    ).grants_power
    assert not clause("the number of interceptions made under such order;").grants_power
    # The instrument itself authorising, or an empowering heading: a grant.
    assert clause("the said warrant authorizes the interception of calls;").grants_power
    assert clause("Power of the Government to order interception of messages.").grants_power


def test_applying_for_an_order_and_handling_its_results_grant_nothing() -> None:
    # The applicant asks and the court grants; the results clause handles the product.
    assert not clause(
        "An attorney for the Government may make application for an order authorizing the "
        "installation and use of a pen register under this chapter."
    ).grants_power
    assert not clause(
        "The results of the trap and trace device shall be furnished to the officer."
    ).grants_power
    # The court granting the order, and an application answered by the judge's own order.
    assert clause(
        "The court shall enter an ex parte order authorizing the installation and use of a "
        "pen register."
    ).grants_power
    assert clause(
        "The Minister may apply to a judge, who may by order authorise the interception of "
        "communications."
    ).grants_power


def test_a_power_named_in_a_complaint_is_not_granted() -> None:
    assert not clause(
        "The Judge shall hear a complaint from any person who claims that the applicant is "
        "conducting interception beyond the scope of the warrant."
    ).grants_power
    assert clause(
        "Where a complaint is dismissed, the officer may continue the interception."
    ).grants_power


def test_a_marginal_note_naming_the_instrument_grants_nothing() -> None:
    # "with warrant" names how the power is used; the section below grants it.
    assert not clause("Powers of search and seizure with warrant").grants_power
    assert not clause("Search and seizure under warrant").grants_power
    assert clause("Power of the Magistrate to order search and seizure").grants_power


def test_a_modal_verb_describing_a_person_confers_nothing() -> None:
    # "who is entitled to access" describes the right-holder of an access offence.
    text = (
        "(b) that person does not have consent from any person who is entitled to access the "
        "computer system."
    )
    assert clause(text).modal_describes
    assert not clause(text).grants_power
    assert not clause("The officer may access the computer system.").modal_describes
    assert clause("The officer may access the computer system.").grants_power


def test_removing_personal_details_before_sharing_is_a_redaction_not_a_takedown() -> None:
    redaction = clause(
        "Before the disclosure of any record, the agency shall review it and remove such "
        "information as identifies a person unrelated to the investigation."
    )
    assert not redaction.grants_power
    assert redaction.powers == ()
    takedown = clause(
        "The Authority may order a service provider to remove such information as identifies "
        "a person unrelated to the investigation."
    )
    assert takedown.grants_power
    assert [m.category for m in takedown.powers] == ["blocking"]
    # Only the removal reads as a redaction: an interception beside it stays a power.
    both = clause("Before the transfer of records, the officer may intercept communications.")
    assert [m.category for m in both.powers] == ["interception"]
