"""CO: content offences — how a text criminalises speech and takes content down."""

from __future__ import annotations

import re
from collections.abc import Iterator

from safeguard_lint.ast import Span
from safeguard_lint.findings import Finding
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import Rule, RuleContext, related_at
from safeguard_lint.semantics.lexicon import LexMatch
from safeguard_lint.semantics.offences import Offence, offences
from safeguard_lint.semantics.passages import Passage, passages
from safeguard_lint.semantics.takedowns import (
    ALTERNATIVES,
    court_confirms,
    court_consents,
    is_private_party,
    is_public_body,
    list_lead,
    named_orderer,
    takedown_actor,
    takedown_notifier,
    takedown_sentence,
    whole_site_by_court,
)

#: An exception that a purpose belongs to ("unless such publication is for the purpose of
#: verifying…"): the purpose excuses the conduct, it is no element of intent.
_EXCEPTED = compile_regex(r"\b(?:unless|except|other\s+than|save)\b[^;,]*$", re.I)
#: How far back a purpose phrase is read for the act it qualifies.
_PURPOSE_REACH = 160
#: A notice or direction served on someone to take content down.
_NOTICE = compile_regex(r"\b(?:notice|direction|directs?|require[sd]?|requiring)\b", re.I)
#: The executive asks a court, which orders ("on the application of the Minister, the court").
_ASKS_A_COURT = compile_regex(
    r"\b(?:(?:on|upon)\s+(?:the\s+)?(?:application|petition|request)\s+(?:of|by|from)\b"
    r"|appl(?:y|ies)\s+to\s+(?:a|the)\s+(?:\w+\s+){0,2}(?:court|judge|tribunal|magistrate))",
    re.I,
)
#: The actor itself blocks: "The Authority may block …".
_MODAL_BEFORE = compile_regex(r"\b(?:may|shall|must)\s+(?:\w+\s+)?$", re.I)
#: A prohibition on ordering the removal ("No minister … may require a provider to remove…").
_FORBIDDEN_BEFORE = compile_regex(r"\bno\s+(?:[\w,-]+\s+){1,8}(?:may|shall|can)\b[^.;]*$", re.I)


def _span(m: LexMatch) -> Span:
    return Span(start=m.start, end=m.end)


def _terms(matches: list[LexMatch]) -> str:
    seen: list[str] = []
    for m in matches:
        t = " ".join(m.text.split())
        if t.lower() not in (s.lower() for s in seen):
            seen.append(t)
    return ", ".join(f"'{t}'" for t in seen[:5])


class IntentMissingOrOptional(Rule):
    """A content or computer offence has no mandatory mental element, or only an optional one.

    What it does:
        For every offence that reaches content or computer systems, reports the words that
        create the offence when no mental element ("intentionally", "knowingly", "with intent
        to…") is stated, and the option when intent is only something a Party "may require".

    Why it matters:
        Without intent, a restriction on expression cannot be necessary: it catches people who
        shared in good faith or by accident. The Rabat Plan treats intent as central, and an
        optional intent leaves each State free to drop it.

    Example:
        "A Party may require intent to cause harm before liability attaches."

    Use instead:
        "A person who intentionally, and to cause distress, distributes …"

    References:
        GC34 §§22, 25; Rabat Plan para 29; A19-2024 (draft art 15).
    """

    code = "CO01"
    name = "intent-missing-or-optional"
    severity = "error"
    group = "CO"
    references = (
        "HRC General Comment 34, §§22, 25",
        "Rabat Plan of Action, A/HRC/22/17/Add.4, para 29",
        "A19-2024 (draft art 15)",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for off in offences(ctx).offences:
            if not (off.content or off.computer):
                continue
            # Acting "in order to" or "for the purpose of" a result is acting with intent.
            purpose = [
                m
                for m in off.specific_intent
                if not _excepted(off, m) and not _qualifies_other(ctx, off, m)
            ]
            if not off.intent and not purpose and not off.optional_intent:
                lowered = off.negligence[0].text if off.negligence else ""
                yield self.finding(
                    ctx,
                    off.at,
                    f"This offence is satisfied by negligence ('{' '.join(lowered.split())}'): "
                    "it can be committed without intent or knowledge"
                    if lowered
                    else "This offence states no mental element: no 'intentionally', "
                    "'knowingly' or 'with intent to'",
                )
            elif off.optional_intent and (not off.intent or off.content):
                opt = off.optional_intent[0]
                yield self.finding(
                    ctx,
                    _span(opt),
                    f"Intent is optional here ('{' '.join(opt.text.split())}'): each State may "
                    f"punish the conduct without it",
                )


def _excepted(off: Offence, m: LexMatch) -> bool:
    """Whether a purpose stands in an exception to the offence rather than in its elements."""
    text = off.passage.text
    rel = m.start - off.passage.span.start
    return bool(_EXCEPTED.search(text, max(0, rel - 80), rel))


def _qualifies_other(ctx: RuleContext, off: Offence, m: LexMatch) -> bool:
    """Whether a purpose phrase qualifies an act or need described inside the conduct ("an
    audit to be performed … in order to evaluate") rather than the offender's own conduct
    (which it still does when the offender has that act done: "causes … to be accessed")."""
    text = off.passage.text
    rel = m.start - off.passage.span.start
    begin = max(0, rel - _PURPOSE_REACH)
    clause_start = max(text.rfind(b, begin, rel) for b in (";", ":", "\u2014", "."))
    window = text[max(begin, clause_start + 1) : rel]
    lex = ctx.lexicon("mental_element")
    other = next(iter(lex.finditer(window, 0, ("other_act",))), None)
    return other is not None and not lex.has(window[: other.start], "causing")


class ConsentNotCentral(Rule):
    """An intimate-image offence does not make the lack of consent an element.

    What it does:
        For offences on intimate, private or sexual images, reports the offence when the lack
        of consent of the person shown is not an element ("without the consent of…"), and in
        particular when consent appears only as a defence or the offence is keyed to
        indecency.

    Why it matters:
        The wrong is the violation of the person shown, not indecency. An offence keyed to
        indecency can be used against the people it should protect.

    Example:
        "Indecent private images are banned."

    Use instead:
        "… shares an intimate image of a person without the consent of the person shown."

    References:
        A19-2024 (draft art 15); ICCPR arts 17, 19(3).
    """

    code = "CO02"
    name = "consent-not-central"
    severity = "error"
    group = "CO"
    references = ("A19-2024 (draft art 15)", "ICCPR arts. 17, 19(3)")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        lex = ctx.lexicon("offences")
        for off in offences(ctx).offences:
            if not off.intimate or off.child or off.consent_element:
                continue
            defence = lex.search(off.provision_text, "consent_defence")
            how = "consent appears only as a defence" if defence else "consent is not mentioned"
            yield self.finding(
                ctx,
                _span(off.intimate[0]),
                f"This offence on '{off.intimate[0].text}' does not make the lack of consent "
                f"of the person shown an element ({how})",
            )


class PublicInterestExemptionMissing(Rule):
    """A content, access or data offence has no exemption for protected purposes.

    What it does:
        For offences on content, access, interception and data, looks in the offence's own
        provision and in text-wide exemption clauses for an exemption or defence naming a
        protected purpose (journalism, whistleblowing, good-faith security research, the
        administration of justice, art, education, the public interest), and reports the
        offence when there is none.

    Why it matters:
        "Without right" leaves undefined the conduct that society needs: reporting, exposing
        wrongdoing, testing the security of systems. Without an explicit exemption these
        people are offenders whenever a prosecutor so decides.

    Example:
        "Whoever accesses a computer system without right commits an offence." (no exemption)

    Use instead:
        "No offence is committed by journalism, by exposing wrongdoing, or by good-faith
        security testing."

    References:
        GC34 §§30, 34; A19-2024; EFF (June 2024); OHCHR note (2024).
    """

    code = "CO03"
    name = "public-interest-exemption-missing"
    severity = "warning"
    group = "CO"
    references = (
        "HRC General Comment 34, §§30, 34",
        "A19-2024 (draft arts 13-15)",
        "EFF Deeplinks (June 2024)",
        "OHCHR, Human rights and the draft Cybercrime Convention (2024)",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        index = offences(ctx)
        if index.general_exemptions:
            return
        # One finding per division: the missing exemption is a gap of the offence Part.
        by_division: dict[int, list[Offence]] = {}
        for group in index.by_provision().values():
            reach = [o for o in group if o.content or o.computer]
            if reach and not any(o.exemptions for o in group):
                by_division.setdefault(reach[0].passage.division_key, []).append(reach[0])
        for bare in by_division.values():
            first = bare[0]
            kind = "content" if first.content else "computer or data"
            others = f" (and {len(bare) - 1} more offence{'s' if len(bare) > 2 else ''})"
            yield self.finding(
                ctx,
                first.at,
                f"This {kind} offence{others if len(bare) > 1 else ''} has no exemption for "
                f"journalism, whistleblowing, security research or other public-interest "
                f"purposes",
                related=[
                    related_at(ctx, o.at, "another offence without an exemption") for o in bare[1:]
                ],
            )


class AbuseMaterialOverbroad(Rule):
    """A child-abuse-material offence reaches beyond depictions of real children.

    What it does:
        For offences and definitions of child sexual abuse material, reports wording that
        reaches written or audio material, any representation, or persons only appearing to
        be minors, the absence of an exemption for artistic, educational or scientific
        value, and an exclusion of children's own self-made images that each State may, but
        need not, make.

    Why it matters:
        "Written material" reaches literature taught in universities; without a value
        exemption, sex education and research are at risk; and adolescents' own consensual
        images can make them offenders.

    Example:
        "Material includes any written account of a minor."

    Use instead:
        "Visual depictions of a real child; works of genuine artistic, educational or
        scientific value are excluded."

    References:
        A19-2024 (draft art 13(2)(b)); HRW/ARTICLE 19 2023 (draft arts 13-14); CRC GC25 §118.
    """

    code = "CO04"
    name = "abuse-material-overbroad"
    severity = "warning"
    group = "CO"
    references = (
        "A19-2024 (draft art 13(2)(b))",
        "HRW/ARTICLE 19 comments on the draft (2023), draft arts 13-14",
        "CRC General Comment 25, §118",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        content = ctx.lexicon("content")
        purposes = ctx.lexicon("protected_purposes")
        for group in offences(ctx).by_provision().values():
            child = [o for o in group if o.child]
            if not child:
                continue
            text = child[0].provision_text
            valued = content.has(text, "value_exemption") or any(o.exemptions for o in group)
            key = child[0].passage.provision_key
            broad = [
                m
                for p in passages(ctx)
                if p.provision_key == key and not purposes.has(p.text, "exemption_context")
                for m in content.finditer(p.text, p.span.start, ["child_overbroad"])
            ]
            optional = content.has(text, "child_exclusion") and content.has(
                text, "optional_exclusion"
            )
            if not broad and valued and not optional:
                continue
            defects = []
            if broad:
                defects.append(f"it reaches {_terms(broad)}")
            if not valued:
                defects.append("it has no exemption for artistic, educational or scientific value")
            if optional:
                defects.append(
                    "excluding children's own self-made images is left to each State's choice"
                )
            yield self.finding(
                ctx,
                _span(broad[0]) if broad else _span(child[0].child[0]),
                f"This child-abuse-material offence is overbroad: {'; '.join(defects)}",
            )


class VagueSpeechTerm(Rule):
    """An offence turns on a vague speech term: false news, insulting, public morals…

    What it does:
        Reports, once per offence, the vague terms (lexicon `speech_terms`) that the offence
        makes its elements: false or misleading information, offensive, annoying or insulting
        content, public morals, national unity or public order, strife, contempt of religion,
        harm to reputation.

    Why it matters:
        Terms like these cannot be applied foreseeably; they confer on the authorities the
        unfettered discretion that GC34 §25 forbids, and courts have struck them down
        (SERAP v Nigeria; Disini).

    Example:
        "Whoever sends annoying or insulting messages commits an offence."

    Use instead:
        "Conduct intended to cause, and causing, fear of violence."

    References:
        GC34 §§25, 46; ECOWAS Court, SERAP v Nigeria (2022); Disini (s.5).
    """

    code = "CO05"
    name = "vague-speech-term"
    severity = "error"
    group = "CO"
    references = (
        "HRC General Comment 34, §§25, 46",
        "ECOWAS Court, SERAP v Nigeria (2022)",
        "Disini v Secretary of Justice, G.R. No. 203335 (2014)",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for off in offences(ctx).offences:
            if not off.vague:
                continue
            if off.defined_term is not None:
                term = " ".join(ctx.source[off.defined_term.start : off.defined_term.end].split())
                yield self.finding(
                    ctx,
                    off.defined_term,
                    f"This offence turns, through the defined term '{term}', on vague terms "
                    f"({_terms(off.vague)}) with no objective, harm-based definition",
                    related=[related_at(ctx, _span(off.vague[0]), "the definition's words")],
                )
                continue
            yield self.finding(
                ctx,
                _span(off.vague[0]),
                f"This offence turns on vague terms ({_terms(off.vague)}) with no objective, "
                f"harm-based definition",
            )


class CriminalDefamation(Rule):
    """Defamation, libel or insult is a crime, punishable by imprisonment.

    What it does:
        Reports offences of defamation, libel, insult or harm to reputation when they carry
        imprisonment, or lack truth and public-interest defences.

    Why it matters:
        Imprisonment is never an appropriate penalty for defamation (GC34 §47); criminal
        defamation, especially of officials, silences criticism of those in power.

    Example:
        "Insulting an official online: 3 years."

    Use instead:
        A civil remedy; "truth and the public interest are defences".

    References:
        GC34 §§38, 47; HRC, Adonis v Philippines (2011); IHC, PFUJ v President (2022).
    """

    code = "CO06"
    name = "criminal-defamation"
    severity = "warning"
    group = "CO"
    references = (
        "HRC General Comment 34, §§38, 47",
        "HRC, Adonis v Philippines, CCPR/C/103/D/1815/2008 (2011)",
        "Islamabad High Court, PFUJ v President of Pakistan (2022)",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        lex = ctx.lexicon("offences")
        for off in offences(ctx).offences:
            if not off.defamation:
                continue
            defences = lex.has(off.provision_text, "truth_defence")
            if not off.prison and defences:
                continue
            why = "imprisonment" if off.prison else "no truth or public-interest defence"
            yield self.finding(
                ctx,
                _span(off.defamation[0]),
                f"Harm to reputation ('{off.defamation[0].text}') is a crime here, with {why}",
                related=[related_at(ctx, _span(off.prison[0]), "the prison term")]
                if off.prison
                else [],
            )


class IncitementBelowRabatThreshold(Rule):
    """An incitement or hate offence falls below the Rabat threshold.

    What it does:
        Reports incitement and hate-speech offences worded below the threshold of ICCPR art
        20(2): "promotes feelings of ill-will", "outrages religious feelings", "stirs
        sectarian feeling", or incitement without intent and without a link to
        discrimination, hostility or violence.

    Why it matters:
        Only advocacy of hatred that is intended to, and likely to, incite discrimination,
        hostility or violence may be prohibited; looser wording criminalises offence and
        dissent.

    Example:
        "Content stirring sectarian feeling."

    Use instead:
        "Intentional advocacy of hatred likely to incite imminent violence."

    References:
        ICCPR art 20(2); Rabat para 29; GC34 §§48, 50-52.
    """

    code = "CO07"
    name = "incitement-below-rabat-threshold"
    severity = "warning"
    group = "CO"
    references = (
        "ICCPR art. 20(2)",
        "Rabat Plan of Action, para 29",
        "HRC General Comment 34, §§48, 50-52",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for off in offences(ctx).offences:
            if off.below_threshold:
                yield self.finding(
                    ctx,
                    _span(off.below_threshold[0]),
                    f"Incitement is worded below the Rabat threshold "
                    f"({_terms(off.below_threshold)}): no advocacy of hatred inciting "
                    f"discrimination, hostility or violence is required",
                )
            elif off.incitement and not (off.rabat_harm and off.intent):
                missing = " and ".join(
                    w
                    for w, ok in (("intent", off.intent), ("a likely harm", off.rabat_harm))
                    if not ok
                )
                yield self.finding(
                    ctx,
                    _span(off.incitement[0]),
                    f"This incitement offence ('{off.incitement[0].text}') lacks {missing} "
                    f"(discrimination, hostility or violence)",
                )


class BlockingWithoutCourt(Rule):
    """An executive body or regulator may order content removed or blocked without a court.

    What it does:
        Reports provisions where a body other than a court may order content removed, access
        disabled or a site blocked, without a court order, and a whole website or service a
        court may block instead of specified content.

    Why it matters:
        Blocking is a restriction on expression that must be ordered by an independent body,
        on specific content, with notice and appeal; executive blocking was struck down in
        Disini and generic blocking is incompatible with art 19(3).

    Example:
        "The Ministry may block data it finds prima facie unlawful."

    Use instead:
        "A court may order specified content removed after a hearing."

    References:
        GC34 §43; Disini (s.19); IHC order on PECA s.37 (2019).
    """

    code = "CO08"
    name = "blocking-without-court"
    severity = "error"
    group = "CO"
    references = (
        "HRC General Comment 34, §43",
        "Disini v Secretary of Justice, G.R. No. 203335 (2014), s.19",
        "Islamabad High Court order on PECA s.37 (2019)",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for p in passages(ctx):
            found = next(
                (
                    f
                    for block in ctx.lexicon("content").finditer(p.text, p.span.start, ["blocking"])
                    if (f := self._judge(ctx, p, block)) is not None
                ),
                None,
            )
            if found is not None:
                yield found

    def _judge(self, ctx: RuleContext, p: Passage, block: LexMatch) -> Finding | None:
        """The finding for one take-down in a passage, or None when a court orders it or no
        public body does."""
        content = ctx.lexicon("content")
        auth = ctx.lexicon("authorisers")
        markers = ctx.lexicon("markers")
        where = p.provision.span.slice(ctx.source) if p.provision else p.text
        if not any(content.has(text, "online") for text in (where, p.headings)) and not content.has(
            block.text, "online_object"
        ):
            return None  # "remove any material" from a building or a beach
        before = ctx.source[max(0, block.start - 160) : block.start]
        if _FORBIDDEN_BEFORE.search(before) or markers.has(before, "denial"):
            return None  # "No minister may…", "The Minister shall not direct…": no one may
        if markers.has(p.text, "offence"):
            return None  # a provider's failure to remove, made an offence
        if (whole := whole_site_by_court(ctx, p, block)) is not None:
            return self.finding(
                ctx,
                _span(block),
                f"A whole site or service may be blocked ('{' '.join(whole.split())}'), even "
                "by a court: a block must be confined to specified content",
            )
        if court_confirms(ctx, where):
            return None  # an urgent order a court must confirm within a short time
        opening = p.provision.span.start if p.provision else p.span.start
        lead = list_lead(ctx.source[opening : block.start])  # "shall—" above "(b) remove"
        actor = takedown_actor(ctx, ctx.source[p.span.start : block.start], lead)
        lay = None
        if actor is not None:
            alternatives = ALTERNATIVES.split(actor.subject)
            lay = next((a for a in alternatives if not auth.has(a, "judicial")), None)
            if lay is None:
                return None  # "the court may direct a police officer to remove…"
        orderer: str | None
        ordering = actor is not None and actor.orders and not is_private_party(ctx, lay)
        if actor is not None and lay is not None and (ordering or is_public_body(ctx, lay)):
            if not ordering and auth.has(actor.clause.replace(actor.subject, " "), "judicial"):
                return None  # a body that carries out a court's order
            if court_consents(ctx, takedown_sentence(ctx, p, block, lead)):
                return None  # "with the prior approval of a Judge", "authorised by the court"
            orderer = lay  # "The Public Prosecutor or the competent court may order…"
        elif (notifier := takedown_notifier(ctx, p, block, lead)) is not None:
            orderer = notifier
        else:
            if actor is not None:
                # a provider or owner removes of its own accord, unless a public body named
                # before the removal asks it to ("allow the Minister to notify them …")
                where = ctx.source[opening : block.start]
            ordered = (
                auth.has(p.text, "executive")
                or auth.has(p.text, "authorising_act")
                or _NOTICE.search(p.text) is not None
                or _MODAL_BEFORE.search(ctx.source, max(0, block.start - 30), block.start)
            )
            if not ordered or not is_public_body(ctx, where):
                return None  # a provider acting on a user's notice: no State orders the removal
            found = auth.search(p.text, "executive")
            judged = auth.has(p.text, "judicial") or auth.has(p.text, "independent")
            if judged and (found is None or _ASKS_A_COURT.search(p.text)):
                return None  # a court orders, perhaps on the executive's application
            orderer = found.text if found else None
        words = " ".join(block.text.split()).rstrip(",")
        return self.finding(
            ctx,
            _span(block),
            f"Content may be ordered removed or blocked ('{words}')"
            f"{f' by {named_orderer(orderer)}' if orderer else ''} without a court order",
        )


class AncillaryLiabilityOnSpeech(Rule):
    """Aiding, abetting or attempt extends to every offence, speech offences included.

    What it does:
        Reports a blanket ancillary clause (aiding, abetting, attempt, conspiracy for "any
        offence under this Act") in a text that has speech offences, when the clause neither
        excludes them nor requires intent.

    Why it matters:
        Ancillary liability for speech offences reaches everyone who likes, shares or
        comments; Disini voided aiding and abetting of online libel for that chilling effect.

    Example:
        "Abetting any offence under this Act is punishable."

    Use instead:
        "Section 5 does not apply to offences under section 4(c)(4)."

    References:
        Disini (s.5 void as to ss.4(c)(2)-(4)); GC34 §25.
    """

    code = "CO09"
    name = "ancillary-liability-on-speech"
    severity = "warning"
    group = "CO"
    references = (
        "Disini v Secretary of Justice, G.R. No. 203335 (2014), s.5",
        "HRC General Comment 34, §25",
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        index = offences(ctx)
        speech = [o for o in index.offences if o.speech]
        if not speech:
            return
        lex = ctx.lexicon("offences")
        mental = ctx.lexicon("mental_element")
        for p in passages(ctx):
            anc = next(lex.finditer(p.text, p.span.start, ["ancillary"]), None)
            if anc is None or not lex.has(p.text, "blanket_target"):
                continue
            if lex.has(p.text, "speech_exclusion") or mental.has(p.text, "specific_intent"):
                continue
            yield self.finding(
                ctx,
                _span(anc),
                f"'{anc.text}' reaches every offence of the text, including its speech offences",
                related=[
                    related_at(ctx, _span(o.vague[0]) if o.vague else o.at, "a speech offence")
                    for o in _first_per_provision(speech)[:3]
                ],
            )


def _first_per_provision(offs: list[Offence]) -> list[Offence]:
    seen: set[int] = set()
    out: list[Offence] = []
    for o in offs:
        if o.passage.provision_key not in seen:
            seen.add(o.passage.provision_key)
            out.append(o)
    return out
