"""IC: international cooperation — refusal grounds, trans-border access, foreign requests."""

from __future__ import annotations

from collections.abc import Iterator

from safeguard_lint.ast import Span
from safeguard_lint.findings import Finding
from safeguard_lint.rules.base import Rule, RuleContext, related_at
from safeguard_lint.semantics.lexicon import LexMatch
from safeguard_lint.semantics.passages import Passage, lead_in, passages


def _span(m: LexMatch) -> Span:
    return Span(start=m.start, end=m.end)


def _cooperation(ctx: RuleContext) -> list[tuple[Passage, LexMatch]]:
    """Passages on cooperation in criminal matters, with the words that say so."""
    lex = ctx.lexicon("cooperation")
    criminal = ctx.lexicon("sharing")
    found: list[tuple[Passage, LexMatch]] = []
    for p in passages(ctx):
        m = next(lex.finditer(p.text, p.span.start, ["legal_assistance"]), None)
        if m is None:
            m = next(lex.finditer(p.text, p.span.start, ["assistance"]), None)
            if m is None or not criminal.has(p.text, "criminal_context"):
                continue
        found.append((p, m))
    return found


class RefusalGroundsMissing(Rule):
    """Cooperation has no mandatory refusal on human-rights grounds.

    What it does:
        Where the text provides for mutual assistance, extradition or other cooperation,
        looks for a mandatory refusal ground protecting the person: persecution on protected
        grounds, political offences, risk of torture, the death penalty or an unfair trial.
        Reports the first refusal clause when its grounds are discretionary only, or the
        first cooperation provision when there is none.

    Why it matters:
        Without mandatory human-rights refusal grounds, cooperation can serve transnational
        repression: a State can obtain evidence or a person to punish opinion or identity.

    Example:
        (silent on refusal)

    Use instead:
        "Assistance shall be refused where the request seeks to punish a person for opinion,
        origin or belief, or may lead to torture or the death penalty."

    References:
        N&P 12; OHCHR note (2024); ICCPR arts 2, 7, 14.
    """

    code = "IC01"
    name = "refusal-grounds-missing"
    severity = "warning"
    group = "IC"
    references = (
        "Necessary and Proportionate Principle 12",
        "OHCHR, Human rights and the draft Cybercrime Convention (2024)",
        "ICCPR arts. 2, 7, 14",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        coop = _cooperation(ctx)
        if not coop:
            return
        lex = ctx.lexicon("cooperation")
        discretionary: LexMatch | None = None
        for p in passages(ctx):
            if not lex.has(p.text, "human_rights_ground"):
                continue
            # A ground listed under a lead-in ("shall refuse assistance where: (a) …") is
            # refused as the lead-in says.
            for part in (p, lead_in(ctx, p)):
                if part is None:
                    continue
                refusal = next(lex.finditer(part.text, part.span.start, ["refusal"]), None)
                if refusal is None:
                    continue
                if lex.has(part.text, "mandatory_refusal"):
                    return
                discretionary = discretionary or refusal
        if discretionary is not None:
            yield self.finding(
                ctx,
                _span(discretionary),
                "Refusal on human-rights grounds is discretionary only; no ground (persecution, "
                "torture, death penalty, unfair trial) obliges the State to refuse",
            )
            return
        _, first = coop[0]
        yield self.finding(
            ctx,
            _span(first),
            "This cooperation has no mandatory refusal ground for persecution, political "
            "offences, torture, the death penalty or an unfair trial",
        )


class ConsentBasedTransborderAccess(Rule):
    """A State may reach data stored abroad on the consent of a private person.

    What it does:
        Reports access to data located in another State on "the lawful and voluntary
        consent" of a person with authority to disclose it, without notice to the State
        where the data is or independent authorisation.

    Why it matters:
        Consent-based access bypasses every safeguard of the State where the data sits, and
        the "consent" of a provider or an account holder under pressure is a weak guarantee.

    Example:
        "Access with the account holder's consent."

    Use instead:
        "… after notice to the State where the data is stored, and with a judge's warrant."

    References:
        Critiques of Budapest art 32(b); N&P 12.
    """

    code = "IC02"
    name = "consent-based-transborder-access"
    severity = "warning"
    group = "IC"
    references = (
        "Budapest Convention, art. 32(b) and its critiques",
        "Necessary and Proportionate Principle 12",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        lex = ctx.lexicon("cooperation")
        auth = ctx.lexicon("authorisers")
        by_provision: dict[int, list[Passage]] = {}
        for p in passages(ctx):
            by_provision.setdefault(p.provision_key, []).append(p)
        for p in passages(ctx):
            consent = next(lex.finditer(p.text, p.span.start, ["consent_access"]), None)
            if consent is None:
                continue
            whole = "\n".join(s.text for s in by_provision[p.provision_key])
            if not lex.has(whole, "transborder"):
                continue
            if lex.has(whole, "territorial_notice") or auth.has(whole, "judicial"):
                continue
            yield self.finding(
                ctx,
                _span(consent),
                f"Data stored in another State may be accessed on '{consent.text}' alone, "
                f"without notice to that State or independent authorisation",
            )


class SafeguardsDomesticOnly(Rule):
    """The safeguards clause covers only domestic powers, not the execution of foreign requests.

    What it does:
        Reports a conditions-and-safeguards clause whose own words stop at "the powers and
        procedures provided for in this Chapter", when the text also provides for
        cooperation in another division and nothing applies the safeguards to foreign
        requests.

    Why it matters:
        Powers used to answer a foreign request are as intrusive as domestic ones; safeguards
        limited to domestic cases leave cross-border use bare.

    Example:
        (safeguards "for the powers in this Chapter"; a cooperation chapter, silent)

    Use instead:
        "Sections 10-14 apply to the execution of requests from other States."

    References:
        Model UN convention art 24(4); N&P 12.
    """

    code = "IC03"
    name = "safeguards-domestic-only"
    severity = "warning"
    group = "IC"
    references = (
        "UN Convention against Cybercrime (2024), art. 24(4) (model)",
        "Necessary and Proportionate Principle 12",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        lex = ctx.lexicon("cooperation")
        coop = _cooperation(ctx)
        if not coop:
            return
        if any(lex.has(p.text, "foreign_application") for p in passages(ctx)):
            return
        for p in passages(ctx):
            scope = next(lex.finditer(p.text, p.span.start, ["domestic_scope"]), None)
            if scope is None or not lex.has(p.text, "safeguard_clause"):
                continue
            foreign = [c for c, _ in coop if c.division_key != p.division_key]
            if not foreign:
                continue
            yield self.finding(
                ctx,
                _span(scope),
                f"The safeguards cover only '{' '.join(scope.text.split())}', not the powers "
                f"used to execute foreign requests",
                related=[
                    related_at(ctx, _span(m), "cooperation outside that scope")
                    for c, m in coop
                    if c.division_key != p.division_key
                ][:2],
            )
