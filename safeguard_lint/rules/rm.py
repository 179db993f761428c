"""RM: remedy and notification (catalogue §3)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from safeguard_lint.ast import Span, Unit
from safeguard_lint.findings import Finding
from safeguard_lint.rules.base import Rule, RuleContext, related_at
from safeguard_lint.rules.wording import hedge_note, hedge_related, quote, span_of
from safeguard_lint.semantics.model import Located, SafeguardModel, Site, safeguard_model
from safeguard_lint.semantics.safeguards import (
    AUTHORISED_ACCESS,
    CONTENT_CONTROL,
    COVERT,
    exclusion,
    first_power,
    notice,
    remedy,
)
from safeguard_lint.semantics.sharing import sharing


def _safeguard_lists(model: SafeguardModel) -> Iterator[tuple[Site, frozenset[int]]]:
    """General clauses that list the safeguards of the powers they reach."""
    for site, targets in model.general_clauses():
        clause = site.clause
        if clause.has("scope", "safeguard_head") and (
            clause.has("oversight", "review") or clause.has("grounds") or clause.has("durations")
        ):
            yield site, targets


class EffectiveRemedyMissing(Rule):
    """An intrusive power comes with no effective remedy, or only a hedged one.

    What it does:
        Flags (a) a clause that grants the right to an effective remedy only under a hedge, an
        optional formula or a deferral to domestic law, or that ousts the courts or makes the
        authorities using the powers immune from suit; (b) a general safeguards clause that
        lists the safeguards of the powers it reaches but leaves out any remedy; (c) a power
        that no remedy covers, in its own provision, a provision it refers to, or a general
        clause whose words reach it.

    Why it matters:
        Without a remedy before a court or an independent body able to stop the measure, order
        deletion and award compensation, every other safeguard is unenforceable.

    Example:
        Such safeguards shall, as appropriate, include the right to an effective remedy.

    Use instead:
        Any person may apply to the Tribunal, which may quash an order, order the destruction
        of material and award damages.

    References:
        ICCPR art 2(3); N&P 13; Zakharov §§234, 286-300; A19-2024 (draft art 24(2)).
    """

    code = "RM01"
    name = "effective-remedy-missing"
    severity = "error"
    group = "RM"
    references = (
        "ICCPR art 2(3)",
        "N&P principle 13",
        "ECtHR Zakharov §§234, 286-300",
        "A19-2024 (draft art 24(2))",
    )

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield hedged remedies, remedy-less safeguard lists and remedy-less powers."""
        model = safeguard_model(ctx)
        reported: set[int] = set()
        yield from self._shields(ctx, reported)
        for site in model.candidates("remedies", ("remedy",)):
            clause = site.clause
            for found in clause.hits("remedies", "remedy"):
                qualifiers = clause.governing(found.start, found.end)
                if qualifiers:
                    reported.add(id(site.provision))
                    words = ", ".join(quote(q) for q in qualifiers)
                    yield self.finding(
                        ctx,
                        span_of(qualifiers[0]),
                        f"The remedy ({quote(found)}) is required only under {words}: it "
                        "becomes optional for every power this clause governs",
                        related=[related_at(ctx, span_of(found), "the hedged remedy")],
                    )
                    break
        for site, targets in _safeguard_lists(model):
            if id(site.provision) in reported or site.clause.has("remedies", "remedy"):
                continue
            bare = [
                (p, sites)
                for p, sites in model.power_provisions()
                if id(p) in targets and not model.evidence(p, remedy).satisfied
            ]
            if bare:
                reported.add(id(site.provision))
                related = [
                    related_at(ctx, span_of(first_power(s)), f"{p.label}: a power it governs")
                    for p, s in bare[:5]
                ]
                span = Span(start=site.clause.start, end=site.clause.end)
                yield self.finding(
                    ctx,
                    span,
                    f"This safeguards clause lists the conditions of {len(bare)} power "
                    "provision(s) but no right to an effective remedy, and none applies to "
                    "them elsewhere",
                    related=related,
                )
        for provision, sites in model.power_provisions():
            evidence = model.evidence(provision, remedy)
            if evidence.satisfied:
                continue
            covering = {id(c.site.provision) for c in model.coverage(provision) if c.via != "own"}
            if covering & reported:
                continue
            power = first_power(sites)
            yield self.finding(
                ctx,
                span_of(power),
                f"No effective remedy covers {quote(power)} in {provision.label or 'this text'}: "
                "no court or independent body can stop the measure, order deletion or award "
                "compensation" + hedge_note(evidence.defeated),
                related=hedge_related(ctx, evidence, "a remedy"),
            )
        yield from self._transfers(ctx)

    def _transfers(self, ctx: RuleContext) -> Iterator[Finding]:
        """One finding for a text that sends data abroad when nothing in it lets the people
        concerned challenge what is done with their data."""
        transfers = sharing(ctx).transfers
        if not transfers:
            return
        model = safeguard_model(ctx)
        remedies = [
            m
            for site in model.candidates("remedies")
            for m in remedy(site.clause)
            if not site.clause.governing(m.start, m.end)
        ]
        bare = [t for t in transfers if not t.reached_by(remedies)]
        if not bare:
            return
        send = bare[0].send
        yield self.finding(
            ctx,
            span_of(send),
            f"Data is sent abroad ({quote(send)}) and no one whose data is shared can challenge "
            "the transfer or its use before a court or independent body",
        )

    def _shields(self, ctx: RuleContext, reported: set[int]) -> Iterator[Finding]:
        """Ousters of the courts, and immunities of the authorities that use the powers ("No
        action shall lie against the Minister or any police officer for anything done in good
        faith under this Part"); an immunity of providers who comply with an order is not one."""
        model = safeguard_model(ctx)
        powers = {id(p) for p, _ in model.power_provisions()}
        if not powers:
            return
        for site in model.candidates("remedies", ("ouster", "immunity")):
            clause = site.clause
            ouster = next(iter(clause.hits("remedies", "ouster")), None)
            immunity = next(iter(clause.hits("remedies", "immunity")), None)
            shielded = [a for a in clause.authorisers if a.kind == "executive"]
            # An ouster counts where it reaches the powers (an arbitral award's finality not),
            # or bars those the measures prejudice ("…shall not be called in question under
            # any law by any person who may have been prejudiced by such access").
            reaches = bool(
                id(site.provision) in powers
                or clause.powers
                or shielded
                or clause.has("scope", "powers_in", "instrument")
                or clause.has("remedies", "aggrieved")
            )
            found = (ouster if reaches else None) or (immunity if shielded else None)
            if found is None or id(site.provision) in reported:
                continue
            reported.add(id(site.provision))
            who = f" for {quote(shielded[0])}" if immunity is found and shielded else ""
            yield self.finding(
                ctx,
                span_of(found),
                f"{quote(found)} takes away the remedy{who}: no court can hear a challenge to "
                "the use of the powers",
            )


class NotificationMissing(Rule):
    """A covert power never requires telling the person concerned, or imposes endless secrecy.

    What it does:
        Flags interception, real-time collection and retention powers, and secrecy duties on
        providers (in the power's provision or in one of their own), when no notice to the
        person concerned after the measure covers them (in the provision, a provision it refers
        to, or a general clause that reaches it), and notice that an executive official alone
        may postpone.

    Why it matters:
        A person who is never told cannot seek a remedy; notice may be postponed while it would
        endanger the inquiry, but only by an independent authority's decision.

    Example:
        Service providers shall keep confidential the fact that an order was executed.

    Use instead:
        The person concerned shall be told of the interception within 90 days of its end,
        unless a judge postpones notice because it would endanger the investigation.

    References:
        N&P 8; Zakharov §§233-234, 287; Tele2 §121; model 18 U.S.C. §2518(8)(d).
    """

    code = "RM02"
    name = "notification-missing"
    severity = "warning"
    group = "RM"
    references = (
        "N&P principle 8",
        "ECtHR Zakharov §§233-234, 287",
        "CJEU Tele2 §121",
        "18 U.S.C. §2518(8)(d) (model)",
    )

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per covert power provision without notice."""
        model = safeguard_model(ctx)
        covert = False
        gags: set[int] = set()  # the secrecy duties already reported with their power
        for provision, sites in model.power_provisions():
            covering = [c.site for c in model.coverage(provision)]
            secrecy = next(
                (m for s in covering for m in s.clause.hits("notification", "secrecy")), None
            )
            categories = model.power_categories(provision, sites)
            gagged = secrecy is not None and categories & AUTHORISED_ACCESS
            if not (categories & COVERT or gagged):
                continue  # neither covert by nature nor made covert by a duty of secrecy
            covert = True
            evidence = model.evidence(provision, notice)
            power = (
                first_power(sites, COVERT)
                if any(m.category in COVERT for s in sites for m in s.clause.powers)
                else first_power(sites)
            )
            label = provision.label or "this provision"
            if evidence.satisfied:
                deferred = _deferred_by_executive(model, provision)
                if deferred is not None:
                    who, postponement = deferred
                    yield self.finding(
                        ctx,
                        span_of(postponement),
                        f"Notice of {quote(power)} in {label} may be postponed by {quote(who)} "
                        "alone: only a judge or independent body may defer it",
                    )
                continue
            if secrecy is not None:
                message = (
                    f"{label} imposes secrecy ({quote(secrecy)}) on a covert power "
                    f"({quote(power)}) with no end and no notice to the person concerned"
                )
                at = secrecy
                gags.add(secrecy.start)
            else:
                message = (
                    f"The person subjected to {quote(power)} in {label} is never told of it"
                    + hedge_note(evidence.defeated)
                )
                at = power
            yield self.finding(
                ctx, span_of(at), message, related=hedge_related(ctx, evidence, "notice")
            )
        if covert and model.first("notification", ("notice",)) is None:
            yield from self._secrecy_duties(ctx, gags)

    def _secrecy_duties(self, ctx: RuleContext, reported: set[int]) -> Iterator[Finding]:
        """Secrecy duties of providers in provisions of their own ("A service provider who
        receives an order shall keep it confidential, including from the subscriber"), in a
        text that nowhere tells the person concerned."""
        model = safeguard_model(ctx)
        powers = {id(p) for p, _ in model.power_provisions()}
        seen: set[int] = set()
        for site in model.candidates("notification", ("secrecy",)):
            provision = site.provision
            secrecy = next(iter(site.clause.hits("notification", "secrecy")), None)
            if secrecy is None or site.clause.is_offence or secrecy.start in reported:
                continue
            if not site.clause.has("retention", "provider"):
                continue  # confidentiality between States, not a provider's silence
            if id(provision) in powers or id(provision) in seen:
                continue
            seen.add(id(provision))
            yield self.finding(
                ctx,
                span_of(secrecy),
                f"{provision.label or 'This provision'} imposes secrecy ({quote(secrecy)}) on "
                "the measures of a text with covert powers, with no end and no notice to the "
                "person concerned",
            )


def _deferred_by_executive(
    model: SafeguardModel, provision: Unit
) -> tuple[Located, Located] | None:
    """The executive official who may postpone notice of a provision's measure, and the words
    of postponement, when no judge or independent body decides it ("The public prosecutor may
    postpone the notification for as long as…")."""
    covering = [c.site for c in model.coverage(provision)]
    # the notice's own provision too ("(1) … shall be informed … (2) The public prosecutor may
    # postpone the notification …")
    near = [
        s for n in covering if notice(n.clause) for s in model.by_provision.get(id(n.provision), [])
    ]
    for site in [*covering, *near]:
        clause = site.clause
        postponed = clause.hits("notification", "postponement")
        if not postponed or any(a.independent for a in clause.authorisers):
            continue
        who = next(
            (
                a
                for a in clause.authorisers
                if a.kind == "executive" and a.end <= postponed[0].start
            ),
            None,
        )
        if who is not None:
            return who, postponed[0]
    return None


class UnlawfulEvidenceUnsanctioned(Rule):
    """Material obtained in breach of the text can still be used, and no damages are provided.

    What it does:
        Flags, once per text, a text that confers intrusive powers but neither excludes
        unlawfully obtained material from evidence nor provides damages for unlawful use.
        Negated exclusion ("shall not be inadmissible by reason only of an irregularity")
        admits the material, and is reported as such.

    Why it matters:
        Exclusion and damages give the limits on powers practical effect.

    Example:
        (silent) Material obtained under this Part is admissible in any proceedings.

    Use instead:
        Material obtained in breach of this Part is inadmissible, and the person affected may
        recover damages.

    References:
        ICCPR art 2(3); model 18 U.S.C. §§2518(10)(a), 2520.
    """

    code = "RM03"
    name = "unlawful-evidence-unsanctioned"
    severity = "info"
    group = "RM"
    references = ("ICCPR art 2(3)", "18 U.S.C. §§2518(10)(a), 2520 (model)")

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield at most one finding for the whole text."""
        model = safeguard_model(ctx)
        # Blocking and removal obtain no material that could be used in evidence.
        powers = [
            s
            for s in model.power_sites()
            if any(m.category not in CONTENT_CONTROL for m in s.clause.powers)
        ]
        if not powers:
            return
        for site in model.candidates("remedies", ("exclusion", "damages")):
            if site.clause.hits("remedies", "damages") or exclusion(site.clause):
                return
        admitted = model.first("remedies", ("admission",))
        if admitted is not None:
            at = admitted.clause.hits("remedies", "admission")[0]
            message = (
                f"Material obtained with the powers of this text is admitted ({quote(at)}) even "
                "when obtained unlawfully, and no damages are provided"
            )
        else:
            use = model.first("remedies", ("evidence_use",))
            at = use.clause.hits("remedies", "evidence_use")[0] if use else first_power(powers)
            message = (
                "Material obtained with the powers of this text is never excluded from evidence "
                "when obtained unlawfully, and no damages are provided"
            )
        yield self.finding(ctx, span_of(at), message)
