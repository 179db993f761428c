"""HR: human-rights clauses (catalogue §1)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from safeguard_lint.ast import Severity
from safeguard_lint.findings import Finding
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import Rule, RuleContext
from safeguard_lint.rules.wording import quote, span_of
from safeguard_lint.semantics.lexicon import LexMatch
from safeguard_lint.semantics.model import safeguard_model
from safeguard_lint.semantics.safeguards import first_power

#: How far before a mention of rights law a soft verb may stand and still govern it.
_SOFT_REACH = 90
#: How far before an "interference" a protective phrase ("protection from") may stand.
_PROTECTIVE_REACH = 40


#: Soft verbs that, with a named instrument, are the drafting formula for compliance ("in
#: accordance with the European Convention on Human Rights").
_BINDING_FORMULA = compile_regex(r"in\s+(?:accordance|conformity)\s+with", re.IGNORECASE)


def _governed(
    verbs: Sequence[LexMatch], laws: Sequence[LexMatch]
) -> list[tuple[LexMatch, LexMatch]]:
    """Each soft verb with a body of law or instrument it governs (named shortly after it)."""
    return [
        (verb, law) for law in laws for verb in verbs if 0 <= law.start - verb.end <= _SOFT_REACH
    ]


class SoftComplianceVerb(Rule):
    """The text relates itself to human-rights law with a soft verb instead of a duty to comply.

    What it does:
        Flags a clause on the text's relation to human-rights law that says its application
        is "consistent with", "in accordance with" or "having regard to" that law, without a
        binding duty to comply with named instruments.

    Why it matters:
        "Consistent with" describes an outcome and imposes no enforceable duty; A19-2024 makes
        this complaint about draft arts 5, 21 and 24(1).

    Example:
        States Parties shall apply this Convention consistently with their human rights
        obligations.

    Use instead:
        Every authority exercising a power under this Act shall comply with the International
        Covenant on Civil and Political Rights.

    References:
        ICCPR art 2(1)-(2); A19-2024 (draft arts 5, 21, 24(1)).
    """

    code = "HR01"
    name = "soft-compliance-verb"
    severity = "warning"
    group = "HR"
    references = ("ICCPR art 2(1)-(2)", "A19-2024 (draft arts 5, 21, 24(1))")

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per soft relation to human-rights law."""
        model = safeguard_model(ctx)
        for site in model.candidates("rights", ("rights_law", "treaty")):
            clause = site.clause
            soft = clause.hits("soft_compliance", "soft")
            treaties = clause.hits("rights", "treaty")
            # A named instrument binds, unless a soft verb governs it too ("shall be applied
            # consistently with the Charter of Fundamental Rights").
            softened = _governed([v for v in soft if not _BINDING_FORMULA.match(v.text)], treaties)
            unnamed = ""
            if not softened:
                if treaties or clause.has("soft_compliance", "binding"):
                    continue
                if clause.has("rights", "savings"):
                    continue  # a savings clause: HR02's concern
                softened = _governed(soft, clause.hits("rights", "rights_law"))
                unnamed = ", and names no instrument"
            if not softened:
                continue
            verb, law = softened[0]
            yield self.finding(
                ctx,
                span_of(verb),
                f"{quote(verb)} only describes an outcome: the text imposes no duty to comply "
                f"with {quote(law)}{unnamed}",
            )


class NonRepressionFreedomsUnnamed(Rule):
    """A savings clause protects "human rights" in general but names no freedom at risk.

    What it does:
        Flags a clause "Nothing in this … shall be interpreted as permitting …" that refers
        to human rights or fundamental freedoms generically, without naming expression,
        opinion, conscience, religion or belief, peaceful assembly or association.

    Why it matters:
        Naming the freedoms most at risk gives courts something concrete to apply; 66 States
        proposed such a clause for the UN convention, and the draft art 59(3) dropped it.

    Example:
        Nothing in this Act shall be interpreted as permitting unlawful restrictions on human
        rights.

    Use instead:
        Nothing in this Act permits the suppression of expression, opinion, belief, peaceful
        assembly or association.

    References:
        ICCPR arts 18-19, 21-22; 66-State proposal quoted in A19-2024 (draft art 59(3)).
    """

    code = "HR02"
    name = "non-repression-freedoms-unnamed"
    severity = "warning"
    group = "HR"
    references = ("ICCPR arts 18-19, 21-22", "A19-2024 (draft art 59(3))")

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per generic savings clause."""
        model = safeguard_model(ctx)
        for site in model.candidates("rights", ("savings",)):
            clause = site.clause
            rights = clause.hits("rights", "rights_law")
            if not rights or clause.has("rights", "freedom"):
                continue
            yield self.finding(
                ctx,
                span_of(rights[0]),
                f"This savings clause protects {quote(rights[0])} in general but names none "
                "of the freedoms at risk (expression, opinion, conscience, belief, peaceful "
                "assembly, association)",
            )


class NonDiscriminationMissing(Rule):
    """A text with intrusive powers never forbids their use to discriminate or persecute.

    What it does:
        Flags, once per text, a text that confers intrusive powers and nowhere forbids
        discrimination or persecution on protected grounds.

    Why it matters:
        Cybercrime and surveillance laws are used against groups because of their identity or
        beliefs; a ban on discriminatory use gives a ground of refusal and of review.

    Example:
        (silent) The police may intercept communications.

    Use instead:
        No power under this Act may be used to persecute or discriminate against anyone on
        grounds of opinion, belief, religion, ethnicity, sex or identity.

    References:
        ICCPR arts 2(1), 26; A19-2024.
    """

    code = "HR03"
    name = "non-discrimination-missing"
    severity = "warning"
    group = "HR"
    references = ("ICCPR arts 2(1), 26", "A19-2024")

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield at most one finding for the whole text."""
        model = safeguard_model(ctx)
        powers = model.power_sites()
        if not powers or model.first("rights", ("nondiscrimination",)) is not None:
            return
        power = first_power(powers)
        yield self.finding(
            ctx,
            span_of(power),
            f"The text confers intrusive powers (first: {quote(power)}) but nowhere forbids "
            "using them to discriminate or persecute on protected grounds",
        )


class DueProcessUnnamed(Rule):
    """A fair-trial clause names none of the guarantees it is meant to secure.

    What it does:
        Flags a fair-trial or due-process clause when the text nowhere binds the presumption
        of innocence, the legality of offences (no retroactive offences) or ne bis in idem.

    Why it matters:
        A19-2024 notes that draft art 21 names neither the presumption of innocence nor
        legality, only "guarantees consistent with" domestic and international law.

    Example:
        Persons prosecuted shall enjoy the guarantees provided by domestic law.

    Use instead:
        Everyone charged is presumed innocent; no one is convicted for conduct that was not an
        offence when committed, or tried twice for the same offence.

    References:
        ICCPR arts 14(2), 14(7), 15(1); A19-2024 (draft art 21).
    """

    code = "HR04"
    name = "due-process-unnamed"
    severity = "warning"
    group = "HR"
    references = ("ICCPR arts 14(2), 14(7), 15(1)", "A19-2024 (draft art 21)")

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per provision holding an unnamed fair-trial guarantee."""
        model = safeguard_model(ctx)
        if model.first("rights", ("due_process_element",)) is not None:
            return
        seen: set[int] = set()
        for site in model.candidates("rights", ("fair_trial",)):
            if id(site.provision) in seen or not site.clause.binding:
                continue
            seen.add(id(site.provision))
            phrase = site.clause.hits("rights", "fair_trial")[0]
            yield self.finding(
                ctx,
                span_of(phrase),
                f"{quote(phrase)} is guaranteed without naming the presumption of innocence, "
                "the legality of offences or ne bis in idem, which the text nowhere secures",
            )


class RestrictionTestMissing(Rule):
    """A restriction on expression, assembly, association or privacy skips the three-part test.

    What it does:
        Flags a clause that restricts or permits interference with expression, assembly,
        association or privacy (including blocking or removal of content) when its provision
        does not require all of: a legal basis, a legitimate aim, and necessity and
        proportionality stated as a test (a bare "where necessary" or "proportionality" is
        not the test), in the provision or in a general clause that reaches it. The finding
        is an error when the restriction is a criminal offence. A speech offence turning on a
        vague term, on reputation or on incitement is left to the rule that owns that defect
        (CO05, CO06, CO07): reported there at the same words, it would be said twice.

    Why it matters:
        Every restriction must be provided by law, pursue a legitimate aim and be necessary and
        proportionate; a label is not the test.

    Example:
        Posts may be restricted where necessary for public order.

    Use instead:
        A court may restrict a specified post only where strictly necessary and proportionate
        to prevent imminent violence, by the least restrictive means.

    References:
        ICCPR arts 17, 19(3), 21, 22(2); GC34 §§22, 33-35; N&P 1-5.
    """

    code = "HR05"
    name = "restriction-test-missing"
    severity = "warning"
    group = "HR"
    references = ("ICCPR arts 17, 19(3), 21, 22(2)", "HRC GC34 §§22, 33-35", "N&P principles 1-5")

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Yield one finding per restriction clause that lacks part of the test."""
        model = safeguard_model(ctx)
        triggers = [
            (s, s.clause.hits("rights", "restriction")[0])
            for s in model.candidates("rights", ("restriction",))
        ]
        triggers += [
            (s, next(m for m in s.clause.powers if m.category == "blocking"))
            for s in model.power_sites()
            if any(m.category == "blocking" for m in s.clause.powers)
        ]
        seen: set[int] = set()
        for site, phrase in sorted(triggers, key=lambda t: t[1].start):
            if id(site.provision) in seen or any(
                0 <= phrase.start - p.end <= _PROTECTIVE_REACH
                for p in site.clause.hits("rights", "protective")
            ):
                continue
            if any(f.end <= phrase.start for f in site.clause.hits("rights", "forbidden_use")):
                continue  # "no power … is used … to restrict freedom of expression"
            # The provision itself, or a general clause that reaches it ("A power under this
            # Act may be exercised only where … necessary and proportionate").
            covers = [c.site for c in model.coverage(site.provision) if c.via != "reference"]
            # An offence, a power or a restriction the text itself lays down ("The Minister may
            # prohibit any public assembly") is provided by law; the offence's vagueness is
            # CO05's, the power's conditions the other rules'.
            enacted = (
                site.clause.is_offence
                or site.clause.grants_power
                or site.clause.modality is not None
            )
            parts = {
                cat: (cat == "test_law" and enacted)
                or any(s.clause.has("rights", cat) for s in covers)
                for cat in ("test_law", "test_aim", "test_necessity")
            }
            if all(parts.values()):
                continue
            seen.add(id(site.provision))
            names = {"test_law": "a legal basis", "test_aim": "a legitimate aim",
                     "test_necessity": "necessity and proportionality"}  # fmt: skip
            missing = ", ".join(names[c] for c, ok in parts.items() if not ok)
            severity: Severity = "error" if site.clause.is_offence else "warning"
            yield self.finding(
                ctx,
                span_of(phrase),
                f"The restriction {quote(phrase)} does not require {missing}",
                severity=severity,
            )
