"""The offence, sharing, scope-formula and passage analyses."""

from __future__ import annotations

from safeguard_lint.parsing import parse
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.semantics.offences import offences
from safeguard_lint.semantics.passages import passages
from safeguard_lint.semantics.scope_formula import scope
from safeguard_lint.semantics.sharing import sharing


def ctx_of(text: str) -> RuleContext:
    return RuleContext(parse(text))


def test_passage_keeps_items_with_their_paragraph() -> None:
    text = (
        "Article 21. Interception\n\n1. Each Party shall, in relation to offences listed in "
        "Annex I, empower its authorities to:\n\na) collect content data; and\n\nb) compel a "
        "provider to assist.\n\n2. Providers shall keep this confidential.\n"
    )
    found = passages(ctx_of(text))
    assert len(found) == 2
    assert "compel a provider" in found[0].text
    assert found[0].provision_key == found[1].provision_key


def test_offence_elements() -> None:
    text = (
        "Section 4. False news\n\n(1) A person who knowingly publishes false news commits an "
        "offence and is liable to imprisonment for two years.\n(2) No offence is committed by "
        "journalism in the public interest.\n"
    )
    index = offences(ctx_of(text))
    [off] = index.offences
    assert off.content and off.communicates
    assert [m.text for m in off.intent] == ["knowingly"]
    assert off.vague[0].text == "false news"
    assert off.prison
    assert {m.category for m in off.exemptions} >= {"journalism", "public_interest"}


def test_optional_intent_is_not_mandatory() -> None:
    text = (
        "Article 15. Images\n\nEach Party shall establish as criminal offences the "
        "distribution of intimate images. A Party may require intent to cause harm.\n"
    )
    [off] = offences(ctx_of(text)).offences
    assert off.optional_intent and not off.intent


def test_penalty_back_reference_is_not_a_new_offence() -> None:
    text = (
        "Section 4. Access\n\n(1) A person who intentionally accesses a computer system "
        "commits an offence.\n(2) A person who commits an offence under subsection (1) which "
        "causes loss is liable to a higher fine.\n"
    )
    assert len(offences(ctx_of(text)).offences) == 1


def test_transfer_and_conditions() -> None:
    text = (
        "Article 26. Spontaneous information\n\n1. A Party may, without prior request, forward "
        "to another Party information when it considers that it might assist.\n\n2. The "
        "information shall not be used for proceedings other than those stated in the request.\n"
    )
    index = sharing(ctx_of(text))
    [t] = index.transfers
    assert t.recipient.text == "another Party"
    assert t.spontaneous is not None and t.discretion is not None
    assert index.conditions_for(t, "purpose_limitation")
    assert not index.regimes


def test_network_transmission_is_not_a_transfer() -> None:
    text = (
        "Article 33. Assistance\n\nThe Parties shall assist each other in collecting traffic "
        "data transmitted by means of a computer system.\n"
    )
    assert not sharing(ctx_of(text)).transfers


def test_scope_formulas_and_serious_term() -> None:
    text = (
        'Article 2. Use of terms\n\n(h) "Serious crime" means an offence punishable by '
        "imprisonment of at least four years;\n\nArticle 35. Cooperation\n\nParties shall share "
        "evidence of any serious crime with another Party, and of offences established in "
        "accordance with this Convention.\n\nArticle 60. Saving\n\nNothing in this article "
        "shall be interpreted as establishing offences under this Convention.\n"
    )
    index = scope(ctx_of(text))
    groups = index.by_category()
    assert set(groups) == {"in_accordance", "under"}
    assert groups["under"][0].in_disclaimer
    [term] = index.serious
    assert term.term.lower() == "serious crime"
    [trigger] = term.triggers
    assert trigger.grave and trigger.transfer is not None
