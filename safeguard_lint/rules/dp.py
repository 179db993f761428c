"""DP: data protection — retention by providers and the sharing of data with other States."""

from __future__ import annotations

import re
from collections.abc import Iterator

from safeguard_lint.ast import Span
from safeguard_lint.findings import Finding
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import Rule, RuleContext, related_at
from safeguard_lint.semantics.lexicon import Lexicon, LexMatch
from safeguard_lint.semantics.passages import (
    Passage,
    in_definitions,
    lead_in,
    passages,
    read_through,
)
from safeguard_lint.semantics.sentences import Sentence, split_sentences
from safeguard_lint.semantics.sharing import Transfer, not_a_transfer, sharing

#: What must govern retained data (catalogue DP03): lexicon category, and what it provides.
_RETENTION_CONTROLS = (
    ("security", "its security"),
    ("destruction", "its destruction at expiry"),
    ("supervision", "its control by an independent authority"),
)


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


#: What a measure yields ("material obtained under an order", "data intercepted").
_OBTAINED = compile_regex(
    r"\b(?:obtained|collected|gathered|intercepted|seized|received|acquired)\b", re.IGNORECASE
)


#: The conditions by which a text provides appropriate safeguards of its own (DP04).
_OWN_SAFEGUARDS = ("purpose_limitation", "onward", "retention_limit")


def _span(m: LexMatch) -> Span:
    return Span(start=m.start, end=m.end)


#: A use the sentence forbids ("shall not retain it for any purpose").
_DENIED_USE = compile_regex(r"\b(?:not|never|no)\b[^.;]*$", re.IGNORECASE)
#: Data named as kept under another provision ("data retained under section 1"): a mention of
#: that duty, not a new one.
_RETAINED_ELSEWHERE = compile_regex(
    r"\s+(?:under|pursuant\s+to|in\s+accordance\s+with|by\s+virtue\s+of|as\s+required\s+by)\s",
    re.IGNORECASE,
)


def _retention_duties(ctx: RuleContext) -> list[tuple[Passage, LexMatch]]:
    """Passages that make providers keep categories of communications data, not one case
    (shared by DP01-DP03 through `ctx.cached`).

    Definitions impose no duty, and neither do negated or savings clauses ("Nothing in this
    Act requires a service provider to retain…", "shall not be required to retain").
    """
    lex = ctx.lexicon("retention")
    markers = ctx.lexicon("markers")
    found: list[tuple[Passage, LexMatch]] = []
    for p in passages(ctx):
        if in_definitions(ctx, p):
            continue
        retain = list(lex.finditer(p.text, p.span.start, ["retain"]))
        sentences = split_sentences(p.text, p.span.start) if retain else []
        keep = next(
            (
                m
                for m in retain
                if not _no_duty(lex, markers, sentences, m.start)
                and not _RETAINED_ELSEWHERE.match(ctx.source, m.end)
            ),
            None,
        )
        if keep is None:
            continue
        lead = lead_in(ctx, p)  # "A provider must\u2014 … (b) store traffic data …"
        if not lex.has(p.text, "provider") and not (lead and lex.has(lead.text, "provider")):
            continue
        if not lex.has(p.text, "category") and not lex.has(read_through(ctx, p), "category"):
            continue
        if lex.has(p.text, "targeted") and not lex.has(p.text, "general"):
            continue
        found.append((p, keep))
    return found


def _no_duty(lex: Lexicon, markers: Lexicon, sentences: list[Sentence], at: int) -> bool:
    """Whether the sentence holding offset `at` defines a term or imposes no duty to keep."""
    sentence = next((s for s in sentences if s.start <= at < s.end), None)
    return sentence is not None and (
        _keeps_nothing(lex, markers, sentence.text) or markers.has(sentence.text, "definition")
    )


def _keeps_nothing(lex: Lexicon, markers: Lexicon, text: str) -> bool:
    """Whether `text` is a negated or savings clause ("Nothing in this Act requires…") or says
    what the instrument is about ("This Law governs the retention of…"): no duty to keep."""
    return lex.has(text, "no_duty") or markers.has(text, "subject_matter")


class IndiscriminateRetention(Rule):
    """Providers must retain the traffic or location data of all their users.

    What it does:
        Reports a duty on service providers to retain traffic, location or subscriber data
        generally — of all subscribers or users, or with no person, case or order named —
        rather than for specified persons on an order. What "data" means is read through the
        text's definitions and the provisions it cites.

    Why it matters:
        General and indiscriminate retention of everyone's communications data is
        incompatible with the rights to privacy and data protection (Digital Rights Ireland,
        Tele2); only targeted retention on objective criteria, for a limited time, can be
        justified.

    Example:
        "Providers shall keep all subscribers' traffic data for two years."

    Use instead:
        "A judge may order one subscriber's traffic data kept for 90 days."

    References:
        DRI §§56-59; Tele2 §§103-112; LQDN operative part 1.
    """

    code = "DP01"
    name = "indiscriminate-retention"
    severity = "error"
    group = "DP"
    references = (
        "CJEU Digital Rights Ireland, C-293/12, §§56-59",
        "CJEU Tele2 Sverige, C-203/15, §§103-112",
        "CJEU La Quadrature du Net, C-511/18, operative part 1",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        lex = ctx.lexicon("retention")
        for p, keep in ctx.cached(_retention_duties):
            general = lex.search(p.text, "general")
            category = lex.search(p.text, "category")
            kept = f"'{category.text}'" if category else "communications data"
            whom = (
                f"generally ('{general.text}')"
                if general
                else "with no person, order or criterion named"
            )
            yield self.finding(
                ctx,
                _span(keep),
                f"Providers must retain {kept} {whom}, not for specified persons on an order",
            )


class RetentionPeriodUniform(Rule):
    """One retention period, or one range, for every category of data.

    What it does:
        Reports a retention duty that sets a single period or range for all categories of
        communications data.

    Why it matters:
        A period must be justified by the usefulness of each category for the purposes
        pursued; one flat period for all data was one of the defects of the Data Retention
        Directive.

    Example:
        "Data shall be kept for 6 to 24 months."

    Use instead:
        "Location data 3 months; subscriber data 12 months; periods reviewed every year."

    References:
        DRI §§63-64; Convention 108+ art 5(4)(e); LED art 5.
    """

    code = "DP02"
    name = "retention-period-uniform"
    severity = "warning"
    group = "DP"
    references = (
        "CJEU Digital Rights Ireland, C-293/12, §§63-64",
        "Convention 108+, art. 5(4)(e)",
        "Directive (EU) 2016/680, art. 5",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not ctx.cached(_retention_duties):
            return
        lex = ctx.lexicon("retention")
        for p in passages(ctx):
            periods = list(lex.finditer(p.text, p.span.start, ["period"]))
            if not periods or not lex.has(p.text, "retain"):
                continue
            if _keeps_nothing(lex, ctx.lexicon("markers"), p.text):
                continue
            if in_definitions(ctx, p) or not lex.has(read_through(ctx, p), "category"):
                continue
            first, last = periods[0], periods[-1]
            distinct = {" ".join(m.text.lower().split()) for m in periods}
            between = ctx.source[first.end : last.start]
            if len(distinct) > 2 or lex.has(between, "category") or "\n" in between:
                continue  # periods set per category of data, or in separate items
            yield self.finding(
                ctx,
                Span(start=first.start, end=last.end),
                f"One retention period ('{ctx.source[first.start : last.end]}') applies to "
                f"every category of data",
            )


class SecurityDestructionControl(Rule):
    """Retained data has no rule on security, destruction or independent control.

    What it does:
        Reports a retention duty when the text lacks any of three rules on retained data:
        its security, its irreversible destruction at the end of the period, and its control
        by an independent authority; the finding names those missing.

    Why it matters:
        Retained data must be protected against abuse and destroyed at expiry, under
        independent supervision; the Data Retention Directive failed on each point.

    Example:
        "Providers shall retain traffic data." (nothing more)

    Use instead:
        "At expiry the data is destroyed beyond recovery; the Data Protection Commissioner
        audits compliance."

    References:
        DRI §§66-68; Tele2 §§122-123; Convention 108+ art 15.
    """

    code = "DP03"
    name = "security-destruction-control"
    severity = "warning"
    group = "DP"
    references = (
        "CJEU Digital Rights Ireland, C-293/12, §§66-68",
        "CJEU Tele2 Sverige, C-203/15, §§122-123",
        "Convention 108+, art. 15",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        duties = ctx.cached(_retention_duties)
        if not duties:
            return
        lex = ctx.lexicon("retention")
        texts = [p.text for p in passages(ctx)]
        missing = [
            what
            for category, what in _RETENTION_CONTROLS
            if not any(lex.has(text, category) for text in texts)
        ]
        if not missing:
            return
        _, keep = duties[0]
        yield self.finding(
            ctx,
            _span(keep),
            f"Retained data has no rule on {_joined(missing)} anywhere in the text",
        )


class TransferSafeguardsMissing(Rule):
    """Data goes to another State without adequacy or binding data-protection safeguards.

    What it does:
        For each provision that sends information or data to another State, Party or
        international organisation, looks in the provision, its division and the text's
        general transfer regime for adequacy or binding safeguards (purpose limits,
        retention limits, rights, remedy, supervision). Reports the transfer when there are
        none, when conditions are left to domestic law, or when they are optional.

    Why it matters:
        Once data leaves, only the safeguards that travel with it protect the people it
        concerns; Convention 108+, the GDPR and the LED allow transfers only to adequate
        systems or under binding safeguards.

    Example:
        "Parties shall share personal data in accordance with their national law."

    Use instead:
        "Only where protection is adequate or a binding agreement secures purpose limits,
        retention limits and redress."

    References:
        Convention 108+ art 14(2)-(3); GDPR arts 44-46; LED arts 35-37; BBW GC §362; N&P 12.
    """

    code = "DP04"
    name = "transfer-safeguards-missing"
    severity = "error"
    group = "DP"
    references = (
        "Convention 108+, art. 14(2)-(3)",
        "Regulation (EU) 2016/679, arts. 44-46",
        "Directive (EU) 2016/680, arts. 35-37",
        "ECtHR Big Brother Watch v UK [GC], §362",
        "Necessary and Proportionate Principle 12",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        index = sharing(ctx)
        if index.regimes:
            return
        if not any(index.unreached(c) for c in _OWN_SAFEGUARDS):
            return  # the text itself binds the recipient: purpose, onward transfer, erasure
        # One finding per division: the first bare transfer, the others related.
        bare: dict[int, list[Transfer]] = {}
        for t in index.transfers:
            if not index.conditions_for(t, "adequacy"):
                group = bare.setdefault(t.passage.division_key, [])
                if all(o.passage.provision_key != t.passage.provision_key for o in group):
                    group.append(t)
        for group in bare.values():
            t = group[0]
            how = (
                f"its conditions are left to domestic law ('{t.domestic_only.text}')"
                if t.domestic_only is not None
                else "no adequacy or binding data-protection safeguard applies"
            )
            more = f" (as in {len(group) - 1} other provision{'s' if len(group) > 2 else ''})"
            yield self.finding(
                ctx,
                _span(t.send),
                f"Information is sent to '{t.recipient.text}' and {how}"
                f"{more if len(group) > 1 else ''}",
                related=[related_at(ctx, _span(o.send), "another transfer") for o in group[1:]],
            )


class OnwardTransferUncontrolled(Rule):
    """Data received under the text may be passed on to third States without control.

    What it does:
        Where the text provides for sending data to other States, reports the first
        transfer when nothing in the text requires the sender's prior authorisation for an
        onward transfer.

    Why it matters:
        Without control of onward transfers, data given to a State with safeguards can be
        passed to one without, and every condition of the first transfer is lost.

    Example:
        (silent on onward transfer)

    Use instead:
        "No onward transfer without the sending State's prior written authorisation."

    References:
        Convention 108+ art 14; LED art 35(1)(e); GDPR art 44.
    """

    code = "DP05"
    name = "onward-transfer-uncontrolled"
    severity = "error"
    group = "DP"
    references = (
        "Convention 108+, art. 14",
        "Directive (EU) 2016/680, art. 35(1)(e)",
        "Regulation (EU) 2016/679, art. 44",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        index = sharing(ctx)
        uncontrolled = index.unreached("onward")
        if not uncontrolled:
            return
        first = uncontrolled[0]
        yield self.finding(
            ctx,
            _span(first.send),
            f"Data sent under this text ({len(uncontrolled)} provision"
            f"{'s' if len(uncontrolled) > 1 else ''}) may be passed on by the recipient: "
            f"no onward transfer needs the sender's prior authorisation",
            related=[related_at(ctx, _span(t.send), "another transfer") for t in uncontrolled[1:4]],
        )


class SpontaneousSharingUnsafeguarded(Rule):
    """Information is sent without a request, at the sender's discretion.

    What it does:
        Reports provisions that let a State pass on information "without prior request" or
        "spontaneously" when the sending depends on the sender's view that it "might assist",
        or is not tied to a specific case with data-protection safeguards.

    Why it matters:
        Spontaneous sharing escapes even the scrutiny of a request: nothing limits what is
        sent, to whom, or for what, and no one records it.

    Example:
        "May pass on any information thought useful."

    Use instead:
        "… for a named case, under the safeguards of Part 6, and recorded."

    References:
        A19-2024 (draft art 40); HRW/ARTICLE 19 2023 (art 40(4)); BBW GC §362.
    """

    code = "DP06"
    name = "spontaneous-sharing-unsafeguarded"
    severity = "warning"
    group = "DP"
    references = (
        "A19-2024 (draft art 40)",
        "HRW/ARTICLE 19 comments on the draft (2023), art 40(4)",
        "ECtHR Big Brother Watch v UK [GC], §362",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        index = sharing(ctx)
        for t in index.transfers:
            if t.spontaneous is None:
                continue
            safeguarded = t.specific_case is not None and (
                index.regimes or index.conditions_for(t, "adequacy")
            )
            if safeguarded and t.discretion is None:
                continue
            why = (
                f"at the sender's discretion ('{t.discretion.text}')"
                if t.discretion is not None
                else "without a specific case and data-protection safeguards"
            )
            yield self.finding(
                ctx,
                _span(t.spontaneous),
                f"Information may be sent '{t.spontaneous.text}' {why}",
                related=[related_at(ctx, _span(t.discretion), "the sender's discretion")]
                if t.discretion is not None
                else [],
            )


class GeneralisedExchange(Rule):
    """Standing exchange of information outside particular investigations.

    What it does:
        Reports exchanges of information "concerning all aspects of" offences, on "the
        identity, whereabouts and activities of persons", or on a regular basis.

    Why it matters:
        Sharing must serve a specific investigation and be necessary, safeguarded and logged;
        a standing exchange turns cooperation into general surveillance.

    Example:
        "Exchange information on all aspects of offences."

    Use instead:
        "Only for a named investigation, where necessary, and logged."

    References:
        A19-2024 (draft art 47); Tele2 §119; N&P 2, 12.
    """

    code = "DP07"
    name = "generalised-exchange"
    severity = "warning"
    group = "DP"
    references = (
        "A19-2024 (draft art 47)",
        "CJEU Tele2 Sverige, C-203/15, §119",
        "Necessary and Proportionate Principles 2, 12",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        lex = ctx.lexicon("sharing")
        for p in passages(ctx):
            if not lex.has(p.text, "send") or not lex.has(p.text, "criminal_context"):
                continue
            if in_definitions(ctx, p):
                continue
            sentences = split_sentences(p.text, p.span.start)
            for m in lex.finditer(p.text, p.span.start, ["generalised"]):
                if lex.has(p.text, "specific_case"):
                    break
                sentence = next((s for s in sentences if s.start <= m.start < s.end), None)
                if sentence is None or not lex.has(sentence.text, "send"):
                    continue  # "noise … on a regular basis": no exchange in that sentence
                if not_a_transfer(p, m):
                    continue
                yield self.finding(
                    ctx,
                    _span(m),
                    f"Information is exchanged '{' '.join(m.text.split())}', not for a "
                    f"specific investigation",
                )
                break


class PurposeLimitationMissing(Rule):
    """Shared data may be used for any purpose.

    What it does:
        Reports transfers, and clauses on the material obtained with the text's powers
        ("Data obtained under this Part may be used…"), that allow use "for any lawful
        purpose", and, where the text has no purpose-limitation clause at all, its first
        transfer.

    Why it matters:
        Purpose limitation underpins every data-protection regime: data obtained for one
        proceeding must not become a general resource.

    Example:
        "Information may be used for any lawful purpose."

    Use instead:
        "Used only in the proceedings named in the request."

    References:
        Convention 108+ art 5(4)(b); LED arts 4(1)(b), 9; model Budapest art 28(2)(b).
    """

    code = "DP08"
    name = "purpose-limitation-missing"
    severity = "warning"
    group = "DP"
    references = (
        "Convention 108+, art. 5(4)(b)",
        "Directive (EU) 2016/680, arts. 4(1)(b), 9",
        "Budapest Convention, art. 28(2)(b) (model)",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        index = sharing(ctx)
        flagged: set[int] = set()
        for t in index.transfers:
            if t.open_purpose is not None:
                flagged.add(t.passage.provision_key)
                yield self.finding(
                    ctx,
                    _span(t.open_purpose),
                    f"Shared data may be used '{t.open_purpose.text}': no purpose limitation",
                )
        yield from self._obtained_data_use(ctx, flagged)
        unlimited = index.unreached("purpose_limitation")
        if unlimited:
            first = _first_unflagged(unlimited, flagged)
            if first is not None:
                yield self.finding(
                    ctx,
                    _span(first.send),
                    "Nothing in the text limits the use of shared data to the purpose of the "
                    "transfer",
                )

    def _obtained_data_use(self, ctx: RuleContext, flagged: set[int]) -> Iterator[Finding]:
        """Material obtained with the powers, open to any use ("Data obtained under this Part
        may be used for any lawful purpose", "Material obtained under an interception order
        may be used for any purpose")."""
        share = ctx.lexicon("sharing")
        scope = ctx.lexicon("scope")
        powers = ctx.lexicon("powers")
        for p in passages(ctx):
            if p.provision_key in flagged:
                continue
            open_purpose = share.search(p.text, "open_purpose", p.span.start)
            if open_purpose is None or _DENIED_USE.search(
                ctx.source, p.span.start, open_purpose.start
            ):
                continue
            obtained = _OBTAINED.search(p.text) is not None and (
                scope.has(p.text, "instrument") or powers.has(p.text)
            )
            if not (obtained or scope.has(p.text, "powers_in")):
                continue
            flagged.add(p.provision_key)
            yield self.finding(
                ctx,
                _span(open_purpose),
                f"Obtained data may be used '{open_purpose.text}': no purpose limitation",
            )


def _first_unflagged(transfers: list[Transfer], flagged: set[int]) -> Transfer | None:
    return next((t for t in transfers if t.passage.provision_key not in flagged), None)
