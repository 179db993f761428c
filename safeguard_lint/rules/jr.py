"""JR: judicial or independent authorisation of intrusive powers (catalogue §2)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from safeguard_lint.ast import Unit
from safeguard_lint.findings import Finding
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import Rule, RuleContext, related_at
from safeguard_lint.rules.wording import hedge_note, hedge_related, quote, span_of
from safeguard_lint.semantics.clauses import Clause
from safeguard_lint.semantics.model import Cover, Located, Site, safeguard_model
from safeguard_lint.semantics.safeguards import (
    AUTHORISED_ACCESS,
    CONTENT_CONTROL,
    NEEDS_AUTHORISATION,
    executive_authorisation,
    first_power,
    grounds,
    independent_authorisation,
)

#: How far the object of a belief ("…to believe that the data is relevant to…") may run.
_BELIEF_REACH = 120
#: What ends the object of a belief: a new clause segment or a second limb.
_CLAUSE_BREAK = compile_regex(r"[,;:]|\band\s+(?:that|where|if)\b|\bor\s+(?:that|where|if)\b")


#: A court order or warrant that already exists ("notification of the existence of the
#: subpoena or court order"): the clause mentions it, it does not require it.
_EXISTING_INSTRUMENT = compile_regex(
    r"\b(?:the|such|that|this|said)\s+(?:[\w-]+\s+(?:or|and)\s+)?$", re.IGNORECASE
)


def review_phrases(site: Site) -> Sequence[Located]:
    """Review or authorisation by a judge or an independent body, named as a safeguard (not a
    court order already issued that the clause only mentions)."""
    clause = site.clause
    return [
        m
        for m in clause.hits("oversight", "review")
        if not (
            m.text.lower().startswith(("court", "judicial"))
            and m.text.lower().rstrip("s").endswith(("order", "warrant"))
            and _EXISTING_INSTRUMENT.search(clause.text, 0, m.start - clause.start)
        )
    ]


class HedgedReviewRequirement(Rule):
    """A safeguards clause makes judicial or independent review depend on a hedge.

    What it does:
        Flags a clause that lists judicial or other independent review (or supervision,
        or authorisation) among the safeguards of powers, where a hedge ("as appropriate in
        view of the nature of the procedure or power concerned", "inter alia", "where
        possible"), an optional formula or a deferral to domestic law governs the review.

    Why it matters:
        The hedge lets each State decide, power by power, that no review is "appropriate", so
        review is required for none of them whatever their intensity. The UN draft (art 24(2))
        repeats the Budapest art 15(2) formula.

    Example:
        Such safeguards shall, as appropriate in view of the nature of the power concerned,
        include, inter alia, judicial or other independent review.

    Use instead:
        Every power in this Part shall be exercised only on the prior authorisation of a judge.

    References:
        N&P 6; Tele2 §120; Zakharov §§233, 257-267; A19-2024 (draft art 24(2));
        Budapest ER §§145-147.
    """

    code = "JR01"
    name = "hedged-review-requirement"
    severity = "error"
    group = "JR"
    references = (
        "N&P principle 6",
        "CJEU Tele2 §120",
        "ECtHR Zakharov §§233, 257-267",
        "A19-2024 (draft art 24(2))",
        "Budapest ER §§145-147",
    )

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per hedged review clause."""
        model = safeguard_model(ctx)
        for site in model.candidates("oversight", ("review",)):
            clause = site.clause
            if clause.is_offence:
                continue
            for review in review_phrases(site):
                qualifiers = clause.governing(review.start, review.end)
                if qualifiers:
                    yield self._finding(ctx, site, review, qualifiers)
                    break

    def _finding(
        self, ctx: RuleContext, site: Site, review: Located, qualifiers: Sequence[Located]
    ) -> Finding:
        hedges = [q for q in qualifiers if getattr(q, "lexicon", "") == "hedges"]
        main = hedges[0] if hedges else qualifiers[0]
        others = ", ".join(quote(q) for q in qualifiers if q is not main)
        message = (
            f"Review by a judge or independent body ({quote(review)}) is required only "
            f"{quote(main)}"
            + (f" and {others}" if others else "")
            + ": review becomes optional for every power this clause governs"
        )
        related = [related_at(ctx, span_of(review), "the review this hedge makes optional")]
        related += [related_at(ctx, span_of(q), "further qualifier") for q in qualifiers
                    if q is not main]  # fmt: skip
        return self.finding(ctx, span_of(main), message, related=related)


class NoPriorIndependentAuthorisation(Rule):
    """An intrusive power can be used without prior authorisation by a judge or independent body.

    What it does:
        Flags interception, real-time collection, search of or access to stored or retained
        data, and orders to hand over traffic, location or content data, when neither the
        provision, nor a provision it refers to, nor a general clause whose words reach it
        requires prior authorisation by a judge, a court or a body independent of the
        executive. A hedged general clause does not count (the hedge travels with it). A power
        the text lets be used "without warrant" is reported whatever else applies, unless a
        judge must validate it promptly afterwards: the dispensation is explicit. An urgent
        procedure must be validated promptly by such an authority, and must stop, its product
        destroyed, if validation is refused.

    Why it matters:
        The CJEU and the ECtHR require prior independent control of access to communications
        except in duly established urgency, with prompt ex post validation.

    Example:
        Police may record traffic data in real time where there is due cause.

    Use instead:
        Police may record traffic data only on a court order; in an emergency, for 48 hours
        pending an application to a judge, the data being destroyed if it is refused.

    References:
        Tele2 §§119-120; LQDN operative part 1; BBW GC §§350-351; Zakharov §§258-267;
        Disini (s.12).
    """

    code = "JR02"
    name = "no-prior-independent-authorisation"
    severity = "error"
    group = "JR"
    references = (
        "CJEU Tele2 §§119-120",
        "CJEU LQDN operative part 1",
        "ECtHR BBW GC §§350-351",
        "ECtHR Zakharov §§258-267",
        "Disini v Secretary of Justice (s.12)",
    )

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield findings on powers lacking prior independent authorisation."""
        model = safeguard_model(ctx)
        for provision, sites in model.power_provisions():
            granted = model.power_categories(provision, sites)
            cats = granted & NEEDS_AUTHORISATION
            if not cats and "production" in granted and _reveals_private_life(sites):
                # Handing over traffic, location or content data is access to retained data
                # (Tele2 §120): it needs prior independent review as much as a search does.
                cats = frozenset({"production"})
            # A production order or a decryption demand the text itself frees from any warrant
            # ("…and no warrant or court order is required") is reported too.
            waiver = dispensation(sites)
            if not cats and waiver is not None:
                cats = granted & AUTHORISED_ACCESS
            if not cats:
                continue
            power = first_power(sites, cats) if categories_of(sites) & cats else first_power(sites)
            validated = model.evidence(provision, lambda c: c.hits("markers", "validation"))
            if waiver is not None and not validated.satisfied:
                # the power of the sentence that waives its authorisation
                power = next(
                    (
                        m
                        for s in sites
                        if s.clause.start <= waiver.start < s.clause.end
                        for m in s.clause.powers
                        if m.category in cats
                    ),
                    power,
                )
                message = (
                    f"{provision.label or 'This provision'} lets {quote(power)} be used with "
                    f"no prior authorisation by a judge or independent body ({quote(waiver)}): "
                    "the text itself dispenses with it"
                )
                related = [related_at(ctx, span_of(power), "the power used without it")]
                yield self.finding(ctx, span_of(waiver), message, related=related)
                continue
            evidence = model.evidence(provision, independent_authorisation)
            if evidence.satisfied:
                # its own urgent branch, or one in a provision on "the measure" ("Where delay
                # would make it impossible…, the public prosecutor may order the measure")
                urgent = [
                    c.site
                    for c in model.coverage(provision)
                    if c.via == "general"
                    and c.site.clause.modality == "may"  # a permission, not "the number of urgent…"
                    and c.site.clause.has("markers", "urgency")
                ]
                yield from self._urgency(ctx, provision.label, [*sites, *urgent])
                continue
            if model.evidence(provision, executive_authorisation).satisfied:
                continue  # the executive authorises: JR03's finding
            kinds = ", ".join(sorted(c.replace("_", "-") for c in cats))
            message = (
                f"{provision.label or 'This provision'} grants an intrusive power ({kinds}: "
                f"{quote(power)}) with no prior authorisation by a judge or independent body"
                + hedge_note(evidence.defeated)
            )
            related = hedge_related(ctx, evidence, "independent review")
            yield self.finding(ctx, span_of(power), message, related=related)

    def _urgency(self, ctx: RuleContext, label: str, sites: Sequence[Site]) -> Iterator[Finding]:
        model = safeguard_model(ctx)
        for site in sites:
            urgent = site.clause.hits("markers", "urgency")
            if not urgent:
                continue
            procedure = f"The urgent procedure in {label or 'this provision'} ({quote(urgent[0])})"
            validated = model.evidence(site.provision, lambda c: c.hits("markers", "validation"))
            if not validated.satisfied:
                yield self.finding(
                    ctx,
                    span_of(urgent[0]),
                    f"{procedure} is not validated afterwards by a judge or independent body",
                )
            elif not model.evidence(
                site.provision, lambda c: c.hits("markers", "refusal_deletion")
            ).satisfied:
                yield self.finding(
                    ctx,
                    span_of(urgent[0]),
                    f"{procedure} is validated afterwards, but nothing says that the measure "
                    "stops and what it obtained is destroyed if validation is refused",
                )
            return


def suspicion(clause: Clause) -> Sequence[Located]:
    """Suspicion of an offence: not a belief whose only object is a vague standard
    ("reasonable grounds to believe that the information is relevant to any inquiry")."""
    vague = clause.hits("grounds", "vague")
    return [
        m
        for m in clause.hits("grounds", "suspicion")
        if not any(
            0 <= v.start - m.end <= _BELIEF_REACH
            and not _CLAUSE_BREAK.search(clause.text[m.end - clause.start : v.start - clause.start])
            for v in vague
        )
    ]


def _leads(site: Site, sites: Sequence[Site]) -> bool:
    """Whether `site` is the lead-in of a list whose items include a power sentence."""
    text = site.clause.text.rstrip()
    return (
        site not in sites
        and text.endswith(("\u2014", ":", "-", "\u2013"))
        and any(s.clause.start > site.clause.start for s in sites)
    )


def dispensation(sites: Sequence[Site]) -> Located | None:
    """Words by which a power sentence dispenses with prior authorisation ("may, without
    warrant, search"); urgent procedures are left to the urgency check."""
    for site in sites:
        if site.clause.is_offence or site.clause.has("markers", "urgency"):
            continue
        found = site.clause.hits("markers", "dispensation")
        if found:
            return found[0]
    return None


def _reveals_private_life(sites: Sequence[Site]) -> bool:
    """Whether a production power of these sentences reaches traffic, location or content
    data, from which precise conclusions on private life may be drawn."""
    return any(
        any(m.category == "production" for m in s.clause.powers)
        and s.clause.has("retention", "private_life")
        for s in sites
    )


def categories_of(sites: Sequence[Site]) -> frozenset[str]:
    """The power categories named in power sentences (headings aside)."""
    return frozenset(m.category for s in sites for m in s.clause.powers)


class ExecutiveAuthoriser(Rule):
    """An intrusive power is authorised by the executive alone.

    What it does:
        Flags a power provision in which a minister, the police, a prosecutor, a regulator or a
        "relevant authority" orders, directs or authorises the measure, and no judge, court or
        body independent of the executive must approve it (a "double lock" counts).

    Why it matters:
        In Big Brother Watch the Grand Chamber held that warrants issued by a minister alone
        lack independent authorisation; the CJEU requires a court or independent body.

    Example:
        The Minister may, by order in writing, direct that any message be intercepted.

    Use instead:
        The Minister may apply for a warrant, which takes effect only once a Judicial
        Commissioner has approved it.

    References:
        BBW GC §§351, 377; Tele2 §120; Disini (s.19).
    """

    code = "JR03"
    name = "executive-authoriser"
    severity = "error"
    group = "JR"
    references = (
        "ECtHR BBW GC §§351, 377",
        "CJEU Tele2 §120",
        "Disini v Secretary of Justice (s.19)",
    )

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per power provision authorised by the executive only."""
        model = safeguard_model(ctx)
        for provision, sites in model.power_provisions():
            if not model.power_categories(provision, sites) & AUTHORISED_ACCESS:
                continue
            executive = model.evidence(provision, executive_authorisation)
            if executive.firm is None:
                continue
            if dispensation(sites) is not None:
                continue  # no authorisation at all: JR02's finding
            independent = model.evidence(provision, independent_authorisation)
            if independent.satisfied and not _judge_for_another_order(
                model.coverage(provision), executive.firm.cover.site
            ):
                continue
            who = executive.firm.found
            power = first_power(sites)
            message = (
                f"{quote(who)} authorises {quote(power)} in {provision.label or 'this provision'} "
                "without approval by a judge or a body independent of the executive"
                + hedge_note(independent.defeated)
            )
            related = [related_at(ctx, span_of(power), "the power authorised")]
            related += hedge_related(ctx, independent, "independent review")
            yield self.finding(ctx, span_of(who), message, related=related)


def _judge_for_another_order(coverage: Sequence[Cover], executive: Site) -> bool:
    """Whether every judge or independent body that covers a provision authorises a power of
    another of its paragraphs ("1. A production order for content data may be issued by a
    prosecutor. 2. A production order for subscriber data shall be validated by a judge"),
    not the one the executive authorises."""
    if not executive.clause.has("markers", "issued"):
        return False  # the executive does not issue an order of its own ("may direct…")
    independent = [c.site for c in coverage if independent_authorisation(c.site.clause)]
    return bool(independent) and all(
        (site.clause.powers or site.clause.has("markers", "issued"))
        and site.unit is not executive.unit
        and site.provision is executive.provision
        and not _contains(site.unit, executive.unit)
        and not _contains(executive.unit, site.unit)
        for site in independent
    )


def _contains(outer: Unit, inner: Unit) -> bool:
    """Whether `inner` lies within `outer`."""
    return outer.span.start <= inner.span.start and inner.span.end <= outer.span.end


def _authorises(site: Site) -> bool:
    """Whether a sentence gives or issues the instrument of a power ("may give an
    authorisation", "may issue a warrant")."""
    return site.clause.has("markers", "issuance") or any(
        a.authorises for a in site.clause.authorisers
    )


class SuspicionAndTargetUnspecified(Rule):
    """An authorisation provision states no factual grounds and no defined target.

    What it does:
        Flags a provision in which an authority orders or authorises an intrusive power without
        requiring reasonable suspicion (probable cause, reasonable grounds to believe) of an
        offence, a named or specified target, or that less intrusive means are insufficient,
        or that relies on a vague standard such as "relevant to any inquiry" or "necessary or
        expedient". Reasonable grounds to believe that data is "relevant to any inquiry" are
        a relevance standard, not suspicion of an offence.

    Why it matters:
        Review is meaningful only against a factual basis and a defined target; Zakharov
        faulted authorisations that did not identify the person or premises.

    Example:
        The officer may order the disclosure of any data relevant to an inquiry.

    Use instead:
        The judge may issue the order only on finding reasonable grounds to suspect the named
        person of an offence in Schedule 1, and that other means have failed.

    References:
        Zakharov §§260, 264; Tele2 §119; model 18 U.S.C. §2518(3).
    """

    code = "JR04"
    name = "suspicion-and-target-unspecified"
    severity = "warning"
    group = "JR"
    references = ("ECtHR Zakharov §§260, 264", "CJEU Tele2 §119", "18 U.S.C. §2518(3) (model)")

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per authorisation provision without grounds or target."""
        model = safeguard_model(ctx)
        for provision, sites in model.power_provisions():
            if model.power_categories(provision, sites) <= CONTENT_CONTROL:
                continue
            # A list's lead-in ("The authority may, where…, order—") authorises its items, and
            # so does an authorisation the provision provides for ("A senior officer may give
            # an authorisation … if he considers it expedient").
            every = model.by_provision.get(id(provision), [])
            own = [s for s in every if s in sites or _leads(s, sites) or _authorises(s)]
            authorised = any(a.authorises for s in own for a in s.clause.authorisers)
            if not authorised:
                continue
            evidence = model.evidence(provision, grounds)
            vague = next((m for s in own for m in s.clause.hits("grounds", "vague")), None)
            if evidence.satisfied and vague is None:
                continue
            if evidence.satisfied and vague is not None:
                # A vague standard next to a proper one is tolerated only if suspicion is stated.
                has_suspicion = model.evidence(provision, suspicion)
                if has_suspicion.satisfied:
                    continue
            power = first_power(sites)
            at = vague or power
            detail = f"relies on {quote(vague)}" if vague else "states no grounds"
            message = (
                f"The authorisation of {quote(power)} in {provision.label or 'this provision'} "
                f"{detail}: no reasonable suspicion of a specified offence, no named target, "
                "no finding that less intrusive means are insufficient"
            )
            yield self.finding(ctx, span_of(at), message)
