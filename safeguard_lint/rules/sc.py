"""SC: scope — which offences a text lets the State reach with its powers and cooperation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from safeguard_lint.ast import Span
from safeguard_lint.findings import Finding
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import Rule, RuleContext, related_at
from safeguard_lint.semantics.lexicon import LexMatch
from safeguard_lint.semantics.passages import Passage, label_of, passages
from safeguard_lint.semantics.scope_formula import scope


def _span(m: LexMatch) -> Span:
    return Span(start=m.start, end=m.end)


#: A use the clause forbids, which "any offence" then widens as a safeguard.
_FORBIDDEN_BEFORE = compile_regex(
    r"\b(?:(?:shall|must|may)\s+not|cannot|(?:is|are)\s+not\s+to)\s+be\s+(?:used|disclosed|"
    r"accessed|shared|processed|transferred|made\s+available)\b[^.;]{0,80}$",
    re.IGNORECASE,
)
#: Words before "any offence" that convict, punish or try someone for it: no measure.
_NO_MEASURE_BEFORE = compile_regex(
    r"\b(?:convict(?:s|ed)?|punished|prosecuted|sentenced|cogni[sz]ance|wanted|accused)\b"
    r"[^.;]{0,40}$",
    re.IGNORECASE,
)


def _triggers_scope(ctx: RuleContext, p: Passage) -> bool:
    """Whether a passage grants a power, makes providers retain data, sends data, cooperates,
    criminalises, or sets the scope the text or its powers apply to."""
    text = f"{p.text}\n{p.headings}"
    retention = ctx.lexicon("retention")
    return (
        ctx.lexicon("powers").has(p.text)
        or (retention.has(p.text, "retain") and retention.has(p.text, "provider"))
        or ctx.lexicon("sharing").has(p.text, "send")
        or ctx.lexicon("cooperation").has(text, "assistance")
        or ctx.lexicon("cooperation").has(text, "legal_assistance")
        or ctx.lexicon("offences").has(p.text, "creation")
        or ctx.lexicon("scope_formula").has(p.text, "any_offence")
        or ctx.lexicon("scope_formula").has(text, "application")
    )


class PenaltyThresholdSeriousCrime(Rule):
    """A "serious crime" defined only by its maximum penalty triggers powers or sharing.

    What it does:
        Finds a defined term for serious offences whose definition measures seriousness by
        the maximum penalty alone ("punishable by … at least four years"), and reports each
        place where the term switches on an investigative power or a transfer of data. It is
        an error where the term triggers interception, real-time collection or cross-border
        sharing, a warning for other powers.

    Why it matters:
        Seriousness then follows only the penalty each State chooses: raising a penalty is
        enough to bring an offence within the heaviest powers and the widest sharing, and
        nobody can contest the proportionality of the classification.

    Example:
        "'Serious crime' means an offence punishable by four years or more." … "Parties
        shall share evidence of any serious crime."

    Use instead:
        A closed list of offences ("the offences in Annex I") or gravity criteria, with a
        proportionality assessment in each case.

    References:
        A19-2024 (draft arts 2(h), 35(1)(c)); DRI §60; Zakharov §244; N&P 2, 5.
    """

    code = "SC01"
    name = "penalty-threshold-serious-crime"
    severity = "warning"
    group = "SC"
    references = (
        "A19-2024 (draft arts 2(h), 35(1)(c))",
        "CJEU Digital Rights Ireland, C-293/12, §60",
        "ECtHR Roman Zakharov v Russia [GC], §244",
        "Necessary and Proportionate Principles 2, 5",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for term in scope(ctx).serious:
            if not term.triggers:
                continue
            grave = any(t.grave for t in term.triggers)
            uses = [
                related_at(ctx, t.use, f"'{term.term}' triggers a power or transfer here")
                for t in term.triggers
            ]
            yield self.finding(
                ctx,
                term.threshold,
                f"'{term.term}' is defined only by a penalty threshold and is used to trigger "
                f"{'cross-border sharing or interception' if grave else 'investigative powers'} "
                f"({', '.join(sorted({label_of(ctx, t.use) for t in term.triggers}))})",
                related=uses,
                severity="error" if grave else None,
            )
            definition = related_at(
                ctx, term.threshold, f"'{term.term}' is defined by penalty here"
            )
            for t in term.triggers:
                what = (
                    f"sharing ('{t.transfer.text}')"
                    if t.transfer is not None
                    else f"the power '{t.power.text}'"
                    if t.power is not None
                    else "a power"
                )
                yield self.finding(
                    ctx,
                    t.use,
                    f"{what} reaches every '{term.term}', a class set by penalty alone, "
                    f"not by a list or gravity criteria",
                    related=[definition],
                    severity="error" if t.grave else None,
                )


class OffenceDefinitionDelegated(Rule):
    """The offences that trigger a power are left for each State's law to define.

    What it does:
        Reports "a range of serious offences to be determined by domestic law", "offences
        as defined by each State in national law" and similar delegations in a provision
        that grants a power, sends data or cooperates.

    Why it matters:
        A power whose reach each State sets for itself has no limit the text can guarantee;
        the reliance on national definitions of serious crime was one of the defects the
        CJEU found in the Data Retention Directive.

    Example:
        "Each Party shall empower its authorities to intercept, in relation to serious
        offences to be determined by domestic law."

    Use instead:
        The offences themselves, or a list: "Interception is available only for the
        offences listed in Annex I."

    References:
        DRI §60; ICCPR art 15.
    """

    code = "SC02"
    name = "offence-definition-delegated"
    severity = "warning"
    group = "SC"
    references = ("CJEU Digital Rights Ireland, C-293/12, §60", "ICCPR art. 15(1)")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        lex = ctx.lexicon("scope_formula")
        for p in passages(ctx):
            for m in lex.finditer(p.text, p.span.start, ["delegated"]):
                if not _triggers_scope(ctx, p):
                    continue
                yield self.finding(
                    ctx,
                    _span(m),
                    f"The offences that trigger this provision are left to domestic law "
                    f"('{m.text}'); the text sets no list or definition of them",
                )


class OpenEndedIncorporation(Rule):
    """Offences pulled in from other or future instruments, or any offence committed online.

    What it does:
        Reports references that make offences of, or extend powers to, "offences established
        in accordance with other conventions and protocols", "any offence committed through
        an ICT system" or offences under any other law, where the provision criminalises or
        grants powers or cooperation; one finding per passage, the further references related.

    Why it matters:
        A person must be able to know from the text what is criminal and what exposes them
        to investigative powers. Dynamic and catch-all references import offences no one has
        listed, including every cyber-enabled offence and offences of future treaties.

    Example:
        "Offences under other treaties are offences when committed online."

    Use instead:
        A closed list with static references: "This Part applies to the offences in
        sections 4 to 8."

    References:
        ICCPR art 15(1); GC34 §25; A19-2024 (draft art 60 bis); OHCHR note (2024).
    """

    code = "SC03"
    name = "open-ended-incorporation"
    severity = "error"
    group = "SC"
    references = (
        "ICCPR art. 15(1)",
        "HRC General Comment 34, §25",
        "A19-2024 (draft art 60 bis)",
        "OHCHR, Human rights and the draft Cybercrime Convention (2024)",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        lex = ctx.lexicon("scope_formula")
        for p in passages(ctx):
            found = list(lex.finditer(p.text, p.span.start, ["open_incorporation"]))
            if not found or not _triggers_scope(ctx, p):
                continue
            m = found[0]
            yield self.finding(
                ctx,
                _span(m),
                f"'{m.text}' brings in offences the text does not list: offences "
                f"defined by other instruments, or any offence committed with a computer",
                related=[related_at(ctx, _span(o), "a further open reference") for o in found[1:]],
            )


class PowersForAnyOffence(Rule):
    """A power or cooperation measure reaches evidence of any criminal offence.

    What it does:
        Reports powers, procedures and cooperation that extend to "any criminal offence" or
        to "evidence in electronic form of a criminal offence", without a narrowing qualifier
        (listed, specified, established under this text, punishable by…).

    Why it matters:
        A measure available for every offence, however minor, cannot be proportionate by
        design: necessity and proportionality are judged against the gravity of the offence.

    Example:
        "The powers of this Part apply to the collection of evidence of any offence."

    Use instead:
        "Production orders: offences in this Act; interception: Schedule 1 offences only."

    References:
        N&P 2-5; Tele2 §119; HRW/ARTICLE 19 2023 (draft art 23).
    """

    code = "SC04"
    name = "powers-for-any-offence"
    severity = "warning"
    group = "SC"
    references = (
        "Necessary and Proportionate Principles 2-5",
        "CJEU Tele2 Sverige, C-203/15, §119",
        "HRW/ARTICLE 19 comments on the draft (2023), draft art 23",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        lex = ctx.lexicon("scope_formula")
        restrictor = lex.regex("restrictor")
        for p in passages(ctx):
            found = list(lex.finditer(p.text, p.span.start, ["any_offence"]))
            if not found or not _triggers_scope(ctx, p):
                continue  # the formula first: few passages hold one
            for m in found:
                after = ctx.source[m.end : m.end + 40].lstrip(" ,")
                if restrictor is not None and restrictor.match(after):
                    continue
                if _NO_MEASURE_BEFORE.search(ctx.source, max(0, m.start - 60), m.start):
                    continue  # convicting, punishing or trying someone for any offence
                if _FORBIDDEN_BEFORE.search(ctx.source, max(0, m.start - 100), m.start):
                    continue  # "…shall not be used for the investigation of any offence"
                yield self.finding(
                    ctx,
                    _span(m),
                    f"This measure reaches '{m.text}': every offence, whatever its gravity",
                )


class ScopePhraseInconsistency(Rule):
    """The text uses different formulas for the offences it covers.

    What it does:
        Tracks the self-referential scope formulas across the text ("established in
        accordance with", "under", "covered by", "pursuant to") and, where more than one is
        used, reports each use of a minority formula — first of all one in a disclaimer —
        with the dominant formula's uses as related locations.

    Why it matters:
        "In accordance with" and "under" may be read differently, so offences a disclaimer
        says are not established "under" the text may still be offences established "in
        accordance with" it, and so trigger every power and form of cooperation.

    Example:
        A disclaimer that nothing establishes offences "under this Convention", while the
        powers reach offences "established in accordance with" it.

    Use instead:
        One defined formula throughout: "Covered Offence" means an offence in articles 7-16.

    References:
        A19-2024 (draft art 60 bis(2) v art 3(a), chs IV-V); JPG 6.
    """

    code = "SC05"
    name = "scope-phrase-inconsistency"
    severity = "warning"
    group = "SC"
    references = ("A19-2024 (draft art 60 bis(2) v art 3(a))", "Joint Practical Guide, guideline 6")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        groups = scope(ctx).by_category()
        if len(groups) < 2:
            return
        dominant = max(groups, key=lambda c: (len(groups[c]), -groups[c][0].match.start))
        main = groups[dominant]
        for category, uses in groups.items():
            if category == dominant:
                continue
            for use in uses:
                where = "a disclaimer uses" if use.in_disclaimer else "this provision uses"
                yield self.finding(
                    ctx,
                    _span(use.match),
                    f"Scope formula differs: {where} '{use.match.text}', while the text "
                    f"elsewhere uses '{main[0].match.text}' ({len(main)} time"
                    f"{'s' if len(main) > 1 else ''}); the two may be read differently",
                    related=[
                        related_at(ctx, _span(u.match), f"the formula '{u.match.text}'")
                        for u in main[:5]
                    ],
                )
