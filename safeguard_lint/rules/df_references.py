"""DF04: cross-references to provisions of this text that do not exist.

The parser resolves every reference it can; this rule judges the ones left unresolved and
reports only those that certainly point into this text and certainly miss. A reference is left
alone when it names another instrument, when this text is an extract of a larger one (a chapter
of a code numbered from 2510 cannot see section 1030), when it is qualified by words the parser
did not read ("of that section", "9, paragraph 3"), or when the missing label is printed in the
target provision (the text has the unit, the layout hid it). Schedule headnotes ("SCHEDULE
[s. 69]") are references too and are read from the division's first line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from safeguard_lint.ast import Division, Provision, Reference, Span, Unit
from safeguard_lint.findings import Edit, Finding, Fix
from safeguard_lint.parsing.numbering import letter_value, roman_value
from safeguard_lint.parsing.references import Resolver, read_phrase, unit_word
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import Rule, RuleContext
from safeguard_lint.rules.df_labels import label_printed

_PROVISION_WORDS = frozenset({"article", "art", "section", "sec", "\u00a7", "regulation", "rule"})
_DIVISION_WORDS = frozenset({"chapter", "part", "title", "schedule", "annex", "division"})
# Words before a reference that tie it to something named earlier: "the said section 161",
# "Articles 2, 3, 9 paragraph 3": the parser read only the tail of the phrase.
_QUALIFIED_BEFORE = compile_regex(
    r"(?:\bthe\s+said|\bthat|\bsuch|\bsame|\d[A-Za-z]?\s*,?)\s*$", re.IGNORECASE
)
# An instrument named just before the reference ("the Standard By-laws Chapter XI"), or an
# opening quote (the reference heads text that an amendment inserts: "“Sec. 147.").
_OTHER_INSTRUMENT_BEFORE = compile_regex(
    r"(?:\b(?:Acts?|By-?laws?|Regulations?|Rules|Code|Ordinance|Decree|Schedule\s+[A-Z0-9]+)"
    r"\s*,?|[\u201c\u2018\"])\s*$"
)
# Amending words: the references of an amending provision are to the text it amends.
_AMENDING = compile_regex(
    r"\b(?:is|are)\s+(?:hereby\s+|further\s+)?amended\b|\b(?:striking|inserting|redesignating)\b"
    r"|\bby\s+adding\b",
    re.IGNORECASE,
)
#: How far back an amending instruction governs the references after it.
_AMENDING_REACH = 400
#: How far back an opening quotation mark (text an amendment inserts) is looked for.
_QUOTE_REACH = 3000
# A qualifier after the reference that names its container in words the parser did not read.
_QUALIFIED_AFTER = compile_regex(
    r"^\s*,?\s*(?:(?:of|in|under)\s+(?:that|the\s+said|such|the\s+same|the\s+relevant|each"
    r"|the\s+(?:first|second|third|fourth|fifth|last)\s+\w+)\b|thereof|therein|hereof|above|below)",
    re.IGNORECASE,
)
# "of paragraph 1", "of the first subparagraph of paragraph 2", "of subsection (b)".
_CONTAINER_AFTER = compile_regex(
    r"^\s*,?\s*of\s+(?:the\s+\w+\s+subparagraph\s+of\s+)?"
    r"(?P<unit>paragraph|subsection|point|clause|item)\s*\(?(?P<num>[0-9]{1,3}|[a-zA-Z]{1,4})\)?",
    re.IGNORECASE,
)
# A heading given with the reference: "section 12 (Preservation orders)", "article 5 — Scope".
_HEADING_AFTER = compile_regex(
    r"^\s*(?:\((?:relating\s+to\s+)?(?P<paren>[^()\n]{3,90})\)"
    r"|[\u2014\u2013-]\s*(?P<dash>[A-Z][^,;.\n]{2,90})"
    r"|,?\s*[\"\u201c](?P<quoted>[^\"\u201d\n]{3,90})[\"\u201d])"
)


def _key(num: str) -> str:
    return re.sub(r"[\s()]+", "", num).lower()


def _ordinal(num: str) -> int | None:
    m = re.match(r"\d+", num)
    if m:
        return int(m.group())
    return roman_value(num) or letter_value(num)


def _readable(word: str | None) -> str:
    """The unit word in full: "s." and "sec." are sections, "art." articles."""
    kind = unit_word(word or "provision")
    return {"s": "section", "sec": "section", "art": "article", "\u00a7": "section"}.get(kind, kind)


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", text.lower()))


@dataclass(frozen=True)
class _Numbering:
    """The provisions and divisions of a text, and how far its numbering reaches."""

    provisions: dict[str, Provision]
    divisions: dict[tuple[str, str], Division]
    provision_range: tuple[int, int] | None
    division_ranges: dict[str, tuple[int, int]]
    #: The numbers of the units inside schedules and annexes ("item 136" of a schedule).
    scheduled: frozenset[str]

    def beyond(self, kind: str, num: str) -> bool:
        """Whether a number may lie beyond this text: the text is an extract (its numbering
        does not start at the first number, so any number it lacks may be elsewhere), or the
        number is far past its last one (a provision of another instrument)."""
        span = self.provision_range if kind == "provision" else self.division_ranges.get(kind)
        value = _ordinal(num)
        if span is None or value is None:
            return True
        low, high = span
        return low > 1 or value > max(2 * high, high + 20)


#: Divisions that hold numbered items cited from the body of the text.
_ANNEX_KINDS = frozenset({"schedule", "annex"})


def _numbering(ctx: RuleContext) -> _Numbering:
    provisions: dict[str, Provision] = {}
    divisions: dict[tuple[str, str], Division] = {}
    prov_values: list[int] = []
    div_values: dict[str, list[int]] = {}
    scheduled: set[str] = set()
    for unit, ancestors in ctx.units:
        if unit.num is None:
            continue
        if any(a.kind in _ANNEX_KINDS for a in ancestors):
            scheduled.add(_key(unit.num))
        value = _ordinal(unit.num)
        if isinstance(unit, Provision):
            provisions.setdefault(_key(unit.num), unit)
            if value is not None:
                prov_values.append(value)
        elif isinstance(unit, Division):
            divisions.setdefault((unit.kind, _key(unit.num)), unit)
            if value is not None:
                div_values.setdefault(unit.kind, []).append(value)
    return _Numbering(
        provisions,
        divisions,
        (min(prov_values), max(prov_values)) if prov_values else None,
        {k: (min(v), max(v)) for k, v in div_values.items()},
        frozenset(scheduled),
    )


def _amends(source: str, at: int) -> bool:
    """Whether the reference at `at` stands in an amending instruction ("… is amended by
    striking the date specified in section 106(3)") or in the text it inserts."""
    start = max(0, at - _AMENDING_REACH)
    block = source.rfind("\n\n", start, at)
    if _AMENDING.search(source, block if block != -1 else start, at) is not None:
        return True
    window = max(0, at - _QUOTE_REACH)
    return source.rfind("\u201c", window, at) > source.rfind("\u201d", window, at)


def _child(unit: Unit, num: str, strict: bool = False) -> Unit | None:
    """The subdivision `num` of a unit; `strict` compares the number as printed, so that
    "subsection (b)" does not find "subparagraph (B)"."""
    key = re.sub(r"[\s()]+", "", num) if strict else _key(num)
    for child in unit.units():
        if child.num is not None:
            ckey = re.sub(r"[\s()]+", "", child.num) if strict else _key(child.num)
            if ckey == key:
                return child
    return None


def _relative(chain: tuple[Unit, ...], num: str) -> Unit | None:
    """A subdivision named without its provision: of the unit the reference stands in or of
    the nearest enclosing unit that has one, up to the provision; printed case first."""
    for strict in (True, False):
        for unit in reversed(chain):
            hit = _child(unit, num, strict)
            if hit is not None:
                return hit
            if isinstance(unit, Provision):
                break
    return None


def _descendant(unit: Unit, num: str) -> Unit | None:
    key = _key(num)
    stack = list(unit.units())
    while stack:
        u = stack.pop()
        if u.num is not None and _key(u.num) == key:
            return u
        stack.extend(u.units())
    return None


def _provision_printed(ctx: RuleContext, num: str) -> bool:
    """Whether a provision heading with this number stands at a line start in the source."""
    rx = re.compile(
        rf"^[ \t]*(?:(?:article|section|sec\.|art\.|regulation|rule|\u00a7)[ \t]*)?"
        rf"{re.escape(num)}(?:\.|[ \t]+[A-Z])",
        re.IGNORECASE | re.MULTILINE,
    )
    return rx.search(ctx.source) is not None


#: A further container after the one a reference names ("… of section 7 of the … Act"), or
#: more references that share one ("clause (b) of sub-section (1), sub-section (2) … of
#: section 29").
_FURTHER_OF = compile_regex(
    r"\s*(?:,?\s*of\b|,?\s*(?:(?:and|or)\s+)?(?:sub-?)?(?:sections?|clauses?|paragraphs?)\b)",
    re.IGNORECASE,
)
#: A provision named earlier in the sentence, which may be the container ("in section 70, in
#: clause (d) of sub-section (1)", "section 2(2) and (3), except paragraphs (d) …").
_PROVISION_BEFORE = compile_regex(
    r"\b(?:sections?|articles?|s\.|art\.)\s*\d[^.;:]*$", re.IGNORECASE
)


def _relative_word(word: str | None) -> bool:
    """Whether a unit word names a subdivision of a provision (paragraph, point…)."""
    kind = unit_word(word or "paragraph")
    return kind not in _PROVISION_WORDS | _DIVISION_WORDS and kind != "s"


def _ranged(ctx: RuleContext, ref: Reference) -> bool:
    """Whether a reference names a range of subdivisions ("Paragraphs 1 to 5"), whose end may
    be missing though its start resolved."""
    phrase = read_phrase(ref.text(ctx.source))
    return phrase is not None and any(
        t.range_to is not None and _relative_word(t.unit) for t in phrase.targets
    )


def _printed_outside(source: str, unit: Unit, num: str, own: Span | None) -> bool:
    """Whether the label `num` is printed in `unit`, elsewhere than in the reference at `own`
    ("point (d) of paragraph 1" prints "(d)" itself)."""
    start, end = unit.span.start, unit.span.end
    if own is None:
        return label_printed(source, start, end, num)
    return label_printed(source, start, min(end, own.start), num) or label_printed(
        source, max(start, own.end), end, num
    )


class BrokenCrossReference(Rule):
    """A cross-reference points to a provision or subdivision this text does not have.

    What it does:
        Reports a reference to an article, section, paragraph or point of this text whose
        target does not exist: a deleted or renumbered article, a "bis" article that was
        folded in, a paragraph or letter the provision does not have. References to other
        instruments ("Article 8 of the European Convention", "Article 16(2) TFEU", "section
        1 of the Federal Rules") and, in an extract such as one chapter of a code, to numbers
        outside the extract are not reported. When the reference carries the heading of its
        target and exactly one provision has that heading, the finding offers the new number.

    Why it matters:
        A reference that points nowhere leaves the reader to guess what the drafters meant;
        when it carries a safeguard ("subject to the conditions in article 24") the safeguard
        silently disappears. Negotiated texts are renumbered late and references drift.

    Example:
        "Powers under this Chapter are subject to article 61(5)." where article 61 has three
        paragraphs; "as provided in article 60 bis" after article 60 bis became article 61.

    Use instead:
        Point the reference at the provision that exists ("article 61(3)"), or restore the
        provision it names.

    References:
        Joint Practical Guide (2015), guidelines 16-17; A19-2024 (draft art 60 bis).
    """

    code = "DF04"
    name = "broken-cross-reference"
    severity = "error"
    group = "DF"
    references = ("Joint Practical Guide (2015), guidelines 16-17", "A19-2024 (draft art 60 bis)")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        numbering = ctx.cached(_numbering)
        for ref in self._references(ctx):
            if ref.external or not ref.steps or (ref.target is not None and not _ranged(ctx, ref)):
                continue
            if ref.steps[0][1] in ("this", "preceding"):
                continue
            problem = self._judge(ctx, numbering, ref)
            if problem is None:
                continue
            message, fix = problem
            yield self.finding(ctx, ref.span, message, fix=fix)

    @staticmethod
    def _references(ctx: RuleContext) -> Iterator[Reference]:
        yield from (node for node in ctx.nodes if isinstance(node, Reference))
        # Headnotes of schedules and annexes: "SCHEDULE [s. 69]".
        resolver: Resolver | None = None
        for unit, ancestors in ctx.units:
            if not isinstance(unit, Division) or unit.kind not in ("schedule", "annex"):
                continue
            line_end = ctx.source.find("\n", unit.span.start, unit.span.end)
            line = ctx.source[unit.span.start : line_end if line_end != -1 else unit.span.end]
            resolver = resolver or Resolver(list(ctx.units))
            yield from resolver.find(line, unit.span.start, (*ancestors, unit))

    def _judge(
        self, ctx: RuleContext, numbering: _Numbering, ref: Reference
    ) -> tuple[str, Fix | None] | None:
        text = ref.text(ctx.source)
        phrase = read_phrase(text)
        if phrase is None or phrase.kind != "list":
            return None
        before = ctx.source[max(0, ref.span.start - 30) : ref.span.start]
        after = ctx.source[ref.span.end : ref.span.end + 120]
        if _QUALIFIED_BEFORE.search(before) or _QUALIFIED_AFTER.match(after):
            return None
        preceding = ctx.source[max(0, ref.span.start - 200) : ref.span.start]
        if _OTHER_INSTRUMENT_BEFORE.search(preceding) or _amends(ctx.source, ref.span.start):
            return None  # a provision of another instrument, of the one amended, or quoted
        found = ctx.unit_at(ref.span.start)
        chain = (*found[1], found[0]) if found else ()
        scope: Unit | None = None
        # The reference prints the label it names ("point (d) of paragraph 1"): that proves the
        # label printed only where the reference names its last container; in "clause (f) of
        # sub-section (1) of section 7 of the Factories Act" the parser read one container.
        own = None
        if phrase.parent is not None and not (
            _FURTHER_OF.match(after) or _PROVISION_BEFORE.search(preceding)
        ):
            own = ref.span
        if phrase.parent is not None:
            parent = phrase.parent
            missing = self._missing(
                ctx, numbering, parent.unit, parent.num, parent.subs, chain, own
            )
            if missing is not None:
                return missing, None
            scope = self._lookup(numbering, parent.unit, parent.num, parent.subs, chain)
        problems: list[str] = []
        fix: Fix | None = None
        previous: Unit | None = None
        for target in phrase.targets:
            inner = (*chain, scope) if scope is not None else chain
            if previous is not None and unit_word(target.unit or "paragraph") not in (
                _PROVISION_WORDS | _DIVISION_WORDS | {"s"}
            ):
                inner = (*inner, previous)  # "Article 2, paragraph 3": paragraph 3 of article 2
            found_unit = self._lookup(numbering, target.unit, target.num, (), inner)
            if isinstance(found_unit, Provision):
                previous = found_unit
            missing = None
            if ref.target is None:
                missing = self._missing(
                    ctx, numbering, target.unit, target.num, target.subs, inner, own, scope
                )
            if missing is None and target.range_to is not None and _relative_word(target.unit):
                # "Paragraphs 1 to 5" where the article has three: the range overshoots
                end, end_subs = target.range_to
                missing = self._missing(
                    ctx, numbering, target.unit, end, end_subs, inner, own, scope
                )
            if missing is None:
                continue
            if (
                scope is None
                and _CONTAINER_AFTER.match(after)
                and self._in_container(ctx, after, target.num, chain)
            ):
                continue
            problems.append(missing)
            if len(phrase.targets) == 1 and not target.subs:
                fix = self._renumber_fix(ctx, numbering, ref, target.num, after)
        if not problems:
            return None
        return f"Broken cross-reference '{' '.join(text.split())}': {'; '.join(problems)}.", fix

    def _missing(
        self,
        ctx: RuleContext,
        numbering: _Numbering,
        word: str | None,
        num: str,
        subs: tuple[str, ...],
        chain: tuple[Unit, ...],
        own: Span | None,
        holder: Unit | None = None,
    ) -> str | None:
        """Why the target is missing, or None when it exists or its absence is uncertain
        (`own`: the reference's span, where its own label is printed and proves nothing;
        `holder`: the unit the reference names as the target's container)."""
        kind = unit_word(word or "paragraph")
        if kind in _PROVISION_WORDS or kind == "s":
            base: Unit | None = numbering.provisions.get(_key(num))
            if base is None:
                if numbering.beyond("provision", num) or _provision_printed(ctx, num):
                    return None
                return f"this text has no {_readable(word)} {num}"
        elif kind in _DIVISION_WORDS:
            base = numbering.divisions.get((kind, _key(num)))
            if base is None:
                if numbering.beyond(kind, num):
                    return None
                return f"this text has no {kind} {num}"
        else:
            provision = next((u for u in reversed(chain) if isinstance(u, Provision)), None)
            if provision is None:
                return None
            base = _relative(chain, num)
            if base is None and kind == "item" and _key(num) in numbering.scheduled:
                return None  # an item of a schedule, cited from the body
            if base is None:
                if _printed_outside(ctx.source, provision, num, own) or _descendant(provision, num):
                    return None
                named = holder or provision  # "point (c) of Article 3(2)": Article 3(2)
                return f"{named.label or 'this provision'} has no {kind} ({num})"
        unit = base
        for sub in subs:
            nxt = _child(unit, sub, True) or _child(unit, sub)
            if nxt is None:
                if _printed_outside(ctx.source, unit, sub, own):
                    return None
                return f"{unit.label or unit.kind} has no subdivision ({sub})"
            unit = nxt
        return None

    @staticmethod
    def _lookup(
        numbering: _Numbering,
        word: str | None,
        num: str,
        subs: tuple[str, ...],
        chain: tuple[Unit, ...],
    ) -> Unit | None:
        kind = unit_word(word or "paragraph")
        unit: Unit | None
        if kind in _PROVISION_WORDS or kind == "s":
            unit = numbering.provisions.get(_key(num))
        elif kind in _DIVISION_WORDS:
            unit = numbering.divisions.get((kind, _key(num)))
        else:
            unit = _relative(chain, num)
        for sub in subs:
            unit = (_child(unit, sub, True) or _child(unit, sub)) if unit is not None else None
        return unit

    @staticmethod
    def _in_container(ctx: RuleContext, after: str, num: str, chain: tuple[Unit, ...]) -> bool:
        """Whether "point (g) of the first subparagraph of paragraph 1" finds its point, or the
        container itself is missing (then the container is what is uncertain)."""
        m = _CONTAINER_AFTER.match(after)
        provision = next((u for u in reversed(chain) if isinstance(u, Provision)), None)
        if m is None or provision is None:
            return True
        container = _descendant(provision, m.group("num"))
        if container is None:
            return True
        return _descendant(container, num) is not None or label_printed(
            ctx.source, container.span.start, container.span.end, num
        )

    @staticmethod
    def _renumber_fix(
        ctx: RuleContext, numbering: _Numbering, ref: Reference, num: str, after: str
    ) -> Fix | None:
        """The new number of a renumbered provision, found by the heading the reference gives."""
        m = _HEADING_AFTER.match(after)
        if m is None:
            return None
        given = _words(m.group("paren") or m.group("dash") or m.group("quoted") or "")
        if not given:
            return None
        exact = [
            p for p in numbering.provisions.values() if p.heading and _words(p.heading) == given
        ]
        close = [
            p
            for p in numbering.provisions.values()
            if p.heading
            and len(set(given) & set(_words(p.heading)))
            >= 0.75 * max(len(set(given)), len(set(_words(p.heading))))
        ]
        chosen = exact if exact else close
        if len(chosen) != 1 or chosen[0].num is None:
            return None
        target = chosen[0]
        assert target.num is not None
        text = ref.text(ctx.source)
        at = re.search(rf"(?<![\w]){re.escape(num)}(?![\w])", text)
        if at is None:
            return None
        edit = Edit(
            span=Span(start=ref.span.start + at.start(), end=ref.span.start + at.end()),
            replacement=target.num,
        )
        return Fix(
            message=f"Refer to {target.label or target.num} ('{target.heading}')",
            edits=[edit],
            applicability="safe" if exact else "unsafe",
        )
