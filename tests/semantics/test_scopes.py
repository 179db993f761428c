"""Scopes: general clauses reach the powers their words name; references import safeguards."""

from __future__ import annotations

from safeguard_lint.parsing import parse
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.semantics.model import safeguard_model

BILL = """Part 1
General

Section 1. Title
This Act may be cited as the Test Act.

Part 2
Powers

Section 2. Safeguards
(1) The powers provided for in this Part are subject to conditions and safeguards.
(2) Such conditions and safeguards shall, as appropriate, include judicial review.

Section 3. Interception
(1) An officer may intercept the communications of a suspect.

Section 4. Search
(1) Subject to section 6, an officer may search and seize a computer system.

Part 3
Procedure

Section 6. Warrants
(1) An application for a warrant shall be made to a judge.
"""


def test_general_clause_reaches_the_powers_of_its_part_and_its_anaphora_follows() -> None:
    model = safeguard_model(RuleContext(parse(BILL)))
    general = model.general_clauses()
    reached = {
        p.label for _, targets in general for p in model.index.provisions if id(p) in targets
    }
    assert reached == {"Section 3", "Section 4"}
    assert any(site.clause.text.startswith("Such conditions") for site, _ in general)


def test_reference_imports_the_target_and_general_clause_covers() -> None:
    model = safeguard_model(RuleContext(parse(BILL)))
    by_label = {p.label: p for p, _ in model.power_provisions()}
    search = {(c.site.provision.label, c.via) for c in model.coverage(by_label["Section 4"])}
    assert ("Section 6", "reference") in search
    assert ("Section 2", "general") in search
    intercept = {(c.site.provision.label, c.via) for c in model.coverage(by_label["Section 3"])}
    assert ("Section 6", "reference") not in intercept


def test_the_hedge_travels_with_the_general_clause() -> None:
    from safeguard_lint.semantics.safeguards import independent_authorisation

    model = safeguard_model(RuleContext(parse(BILL)))
    by_label = {p.label: p for p, _ in model.power_provisions()}
    interception = model.evidence(by_label["Section 3"], independent_authorisation)
    assert not interception.satisfied
    assert interception.defeated is not None
    assert [q.text for q in interception.defeated.qualifiers] == ["as appropriate"]
    assert model.evidence(by_label["Section 4"], independent_authorisation).satisfied
