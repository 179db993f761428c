"""PL: proportionality and limits, the Zakharov / Big Brother Watch minimum safeguards (§4)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from safeguard_lint.ast import Severity
from safeguard_lint.findings import Finding
from safeguard_lint.rules.base import Rule, RuleContext
from safeguard_lint.rules.wording import hedge_note, hedge_related, quote, span_of
from safeguard_lint.semantics.durations import find_renewals
from safeguard_lint.semantics.model import GRAVE, Located, Site, safeguard_model
from safeguard_lint.semantics.safeguards import (
    CONTENT_CONTROL,
    CONTENT_REACHING,
    TIMED,
    duration_limit,
    first_power,
    handling,
    independent_authorisation,
    minimisation,
    offences,
)


class DurationUnlimited(Rule):
    """An interception, real-time, preservation or retention order has no maximum duration.

    What it does:
        Flags such a power when no maximum period covers it (in its provision, a provision it
        refers to, or a general clause that reaches it), or when it lasts "as long as
        necessary" or "until the investigation is concluded", or when it may be renewed
        without limit ("extended by further periods of ninety days") and no judge or
        independent body authorises it. Error for interception, real-time collection and
        covert surveillance, warning for preservation and retention.

    Why it matters:
        The duration of measures and the conditions of renewal are among the minimum
        safeguards the ECtHR requires to be laid down in law.

    Example:
        The order remains in force until the investigation is concluded.

    Use instead:
        The order lasts at most 30 days and may be renewed only by a new judicial order.

    References:
        Zakharov §§231, 250-252; BBW GC §361; model 18 U.S.C. §2518(5).
    """

    code = "PL01"
    name = "duration-unlimited"
    severity = "error"
    group = "PL"
    references = ("ECtHR Zakharov §§231, 250-252", "ECtHR BBW GC §361", "18 U.S.C. §2518(5)")

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per timed power provision without a maximum period."""
        model = safeguard_model(ctx)
        for provision, sites in model.power_provisions():
            cats = model.power_categories(provision, sites) & TIMED
            if not cats:
                continue
            own = model.by_provision.get(id(provision), [])
            # Its own words, or a rule on its instrument elsewhere ("A warrant shall have
            # effect until the investigation is concluded").
            timing = [
                *own,
                *(
                    c.site
                    for c in model.coverage(provision)
                    if c.via == "general" and c.site.clause.has("scope", "instrument")
                ),
            ]
            open_ended = next(
                (
                    m
                    for s in timing
                    if not duration_limit(s.clause)
                    for m in s.clause.hits("durations", "unlimited")
                ),
                None,
            )
            evidence = model.evidence(provision, duration_limit)
            renewal = None
            if evidence.satisfied and open_ended is None:
                renewal = next(
                    (r for s in own for r in find_renewals(s.clause.text, s.clause.start)
                     if r.open),
                    None,
                )  # fmt: skip
                if (
                    renewal is None
                    or model.evidence(provision, independent_authorisation).satisfied
                    or _renewed_by_judge(own, renewal)
                ):
                    continue
            severity: Severity = "error" if cats & GRAVE else "warning"
            power = first_power(sites)
            label = provision.label or "this provision"
            at: Located
            if open_ended is not None:
                message = f"{quote(power)} in {label} lasts {quote(open_ended)}: no maximum period"
                at = open_ended
            elif renewal is not None:
                message = (
                    f"{quote(power)} in {label} may be renewed without limit "
                    f"({quote(renewal)}) and no judge or independent body authorises it"
                )
                at = renewal
            else:
                message = (
                    f"{quote(power)} in {label} has no maximum duration and no renewal rule"
                    + hedge_note(evidence.defeated)
                )
                at = power
            yield self.finding(
                ctx,
                span_of(at),
                message,
                severity=severity,
                related=hedge_related(ctx, evidence, "a duration limit"),
            )


class OffencesAndPersonsUndefined(Rule):
    """A power is not tied to defined offences, or reaches anyone who may hold information.

    What it does:
        Flags a power provision that names catch-all targets ("any person who may hold",
        "any message or class of messages", "any offence"), or that no clause ties to
        defined offences (a list, a penalty threshold, "serious offences").

    Why it matters:
        The law must define the nature of the offences that may give rise to the measure and
        the categories of persons liable to it, with an objective link between them.

    Example:
        The officer may require anyone holding relevant data to hand it over.

    Use instead:
        The order may be made only against a person suspected of an offence listed in
        Schedule 2, or an intermediary shown to handle that person's communications.

    References:
        Zakharov §§231, 243-245; DRI §§57-59; Tele2 §119.
    """

    code = "PL02"
    name = "offences-and-persons-undefined"
    severity = "warning"
    group = "PL"
    references = ("ECtHR Zakharov §§231, 243-245", "CJEU DRI §§57-59", "CJEU Tele2 §119")

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per power provision with undefined offences or persons."""
        model = safeguard_model(ctx)
        for provision, sites in model.power_provisions():
            catch_all = next(
                (m for s in sites for m in s.clause.hits("grounds", "catch_all")), None
            )
            evidence = model.evidence(
                provision, lambda c: [*offences(c), *model.defined_offences(c)]
            )
            if catch_all is None and evidence.satisfied:
                continue
            power = first_power(sites)
            label = provision.label or "this provision"
            if catch_all is not None:
                message = (
                    f"{quote(power)} in {label} reaches {quote(catch_all)}: no defined category "
                    "of persons or offences"
                )
                at = catch_all
            else:
                message = (
                    f"{quote(power)} in {label} is not tied to defined offences or categories "
                    "of persons" + hedge_note(evidence.defeated)
                )
                at = power
            yield self.finding(ctx, span_of(at), message)


class HandlingAndDestructionUndefined(Rule):
    """Nothing says how obtained material is stored, used, logged and destroyed.

    What it does:
        Flags a power provision that no rule on storing, examining, using or logging the
        material, or on deleting it at expiry, covers. Error for retention, warning otherwise.

    Why it matters:
        The procedure for examining, using and storing data, the precautions when
        communicating it, and the circumstances of its erasure are minimum safeguards.

    Example:
        Data obtained may be kept for later use.

    Use instead:
        Irrelevant material is erased at once; the rest is sealed, logged and destroyed six
        months after the case is closed.

    References:
        Zakharov §§231, 253-256; BBW GC §361; DRI §§66-67; Tele2 §122.
    """

    code = "PL03"
    name = "handling-and-destruction-undefined"
    severity = "warning"
    group = "PL"
    references = (
        "ECtHR Zakharov §§231, 253-256",
        "ECtHR BBW GC §361",
        "CJEU DRI §§66-67",
        "CJEU Tele2 §122",
    )

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per power provision without handling and destruction rules."""
        model = safeguard_model(ctx)
        for provision, sites in model.power_provisions():
            cats = model.power_categories(provision, sites)
            if cats <= CONTENT_CONTROL:
                continue
            evidence = model.evidence(provision, handling)
            if evidence.satisfied:
                continue
            power = first_power(sites)
            yield self.finding(
                ctx,
                span_of(power),
                f"Nothing says how material obtained by {quote(power)} in "
                f"{provision.label or 'this provision'} is stored, used, logged or destroyed"
                + hedge_note(evidence.defeated),
                severity="error" if "retention" in cats else "warning",
                related=hedge_related(ctx, evidence, "handling rules"),
            )


class MinimisationAndPrivilegeMissing(Rule):
    """A power that reaches communications or stored data has no minimisation or privilege rule.

    What it does:
        Flags interception, real-time collection and search of stored data when no duty to
        minimise collection and no protection of lawyer-client or journalistic material
        covers the power.

    Why it matters:
        DRI faulted the absence of any exception for professional secrecy; Big Brother Watch
        requires prior independent authorisation before journalistic material is examined.

    Example:
        (silent) The police may intercept any communication of the suspect.

    Use instead:
        The interception shall minimise the collection of unrelated communications; selectors
        that may reveal a journalist's source need a judge's approval.

    References:
        DRI §58; BBW GC (Article 10 holding); model 18 U.S.C. §2518(5).
    """

    code = "PL04"
    name = "minimisation-and-privilege-missing"
    severity = "warning"
    group = "PL"
    references = ("CJEU DRI §58", "ECtHR BBW GC (Article 10)", "18 U.S.C. §2518(5)")

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per content-reaching power provision without minimisation."""
        model = safeguard_model(ctx)
        for provision, sites in model.power_provisions():
            if not model.power_categories(provision, sites) & CONTENT_REACHING:
                continue
            evidence = model.evidence(provision, minimisation)
            if evidence.satisfied:
                continue
            power = first_power(sites)
            yield self.finding(
                ctx,
                span_of(power),
                f"{quote(power)} in {provision.label or 'this provision'} has no duty to "
                "minimise collection and no protection of privileged or journalistic material"
                + hedge_note(evidence.defeated),
            )


class CompelledAssistanceUnbounded(Rule):
    """Anyone with knowledge of a system can be compelled to help, without limits.

    What it does:
        Flags a duty to assist addressed to any person with knowledge of a system (not a named
        custodian), or to give whatever help the executive thinks necessary, that is not
        bounded by a judge's order and by limits such as reasonable help, the privilege
        against self-incrimination, or no weakening of security.

    Why it matters:
        An open duty to assist can conscript engineers into weakening security and compel
        suspects to incriminate themselves.

    Example:
        Anyone familiar with the system shall give the police any help they ask for.

    Use instead:
        A judge may order a named administrator to give reasonable technical help; no one is
        required to incriminate themselves or to weaken the security of a system.

    References:
        N&P 11; ICCPR art 14(3)(g); EFF 2024 on UN draft art 28(4).
    """

    code = "PL05"
    name = "compelled-assistance-unbounded"
    severity = "warning"
    group = "PL"
    references = ("N&P principle 11", "ICCPR art 14(3)(g)", "EFF 2024 (UN draft art 28(4))")

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per open compulsion to assist."""
        model = safeguard_model(ctx)
        for site in model.candidates("assistance", ("open_target", "open_scope")):
            clause = site.clause
            if clause.is_offence:
                continue
            target = clause.hits("assistance", "open_target", "open_scope")[0]
            own = model.by_provision.get(id(site.provision), [])
            bounds = [m for s in own for m in s.clause.hits("assistance", "bound")]
            judge = model.evidence(site.provision, independent_authorisation).satisfied
            # A provider asked for whatever help the executive thinks fit needs a judge and limits;
            # the privilege against self-incrimination protects persons with knowledge.
            privilege = target.category == "open_scope" or any(
                "incriminat" in m.text.lower() or "silent" in m.text.lower() for m in bounds
            )
            if judge and privilege and (bounds or target.category == "open_target"):
                continue
            missing = [
                text
                for ok, text in (
                    (judge, "a judge's order"),
                    (privilege, "the privilege against self-incrimination"),
                    (bool(bounds), "limits on the help required"),
                )
                if not ok
            ]
            yield self.finding(
                ctx,
                span_of(target),
                f"Compelled assistance reaches {quote(target)} without " + ", ".join(missing),
            )


def _renewed_by_judge(own: Sequence[Site], renewal: Located) -> bool:
    """Whether the sentence that allows the renewal has a judge or independent body grant it
    ("which may be renewed only by a fresh judicial order")."""
    return any(
        s.clause.start <= renewal.start < s.clause.end
        and any(a.independent for a in s.clause.authorisers)
        for s in own
    )
