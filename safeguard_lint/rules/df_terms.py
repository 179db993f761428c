"""DF01-DF03: defined terms — used without a definition, defined and never used, defined twice.

All three read the definitions table the parser builds (`Document.definitions`: term → where
it is defined and where it is used). DF01 also scans body text once for capitalised phrases
standing mid-sentence, the way drafters mark defined terms, and keeps those that no exclusion
of the `drafting` lexicon explains (names of bodies, instruments, places, treaty parties).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from safeguard_lint.ast import Block, DefinitionEntry, Reference, Span, Text
from safeguard_lint.findings import Finding
from safeguard_lint.parsing.definitions import term_key
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import Rule, RuleContext, related_at
from safeguard_lint.semantics.lexicon import Lexicon

# A run of capitalised words with the small words of names between them: the whole of
# "Convention for the Protection of Human Rights", never a fragment of it.
_CONNECTORS = r"of|on|in|for|and|the|to|a|an|under|with|by|against|from|at|de|du|des|la|le"
_NAME = compile_regex(
    rf"(?<![\w'\u2019-])(?!(?:A|An|Any|Each|Every|No|Such|The|This|That|These)\b)"
    rf"[A-Z][\w'\u2019-]*"
    rf"(?:(?:[ \t]+(?:{_CONNECTORS}))*[ \t]+[A-Z][\w'\u2019-]*)*"
)
# A term candidate: two to four words, each a capital and lower-case letters.
_TERM_SHAPE = compile_regex(r"[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,3}")
# Defined terms take generic determiners ("a Covered Provider"); names of unique bodies,
# places and people do not.
_GENERIC = compile_regex(
    r"(?:\b(?:a|an|any|each|every|such|no|another|all|other))[ \t]+$", re.IGNORECASE
)
# The word before a candidate must be a lower-case word: the phrase stands mid-sentence.
_MID_SENTENCE = compile_regex(r"(?:[a-z][a-z'\u2019]*|A|An|Any|Each|Every|No|Such)[ \t]+$")
_AS_DEFINED = compile_regex(
    r"[\"\u201c\u2018](?P<term>[^\"\u201d\u2019\n]{2,60})[\"\u201d\u2019]\s*,?\s*"
    r"(?:as\s+defined\s+(?:in|by|under)|within\s+the\s+meaning\s+of)\s+",
    re.IGNORECASE,
)
#: A definition that adds to a term's meaning rather than giving it ("… includes …").
_WIDENING = compile_regex(r"[\W_]*(?:includes?|shall\s+include)\b", re.IGNORECASE)
_SCOPED = compile_regex(
    r"(?:for\s+the\s+purposes?\s+of|in|as\s+used\s+in)\s+this\s+"
    r"(?:section|article|subsection|paragraph|part|chapter|division|title|schedule)\b",
    re.IGNORECASE,
)
_EXCLUDED_WHOLE = ("proper_names", "treaty_terms", "non_terms")
_EXCLUDED_HEAD = ("institution_heads", "instrument_heads", "place_heads")


def _defined(table: dict[str, list[DefinitionEntry]], phrase: str) -> bool:
    key = term_key(phrase)
    # The use may be the plural of the term defined, or its singular ("Covered Offence" of
    # "Covered Offences").
    variants = {key, key.rstrip("s"), re.sub(r"ies$", "y", key), re.sub(r"es$", "", key)}
    variants |= {f"{key}s", f"{key}es", re.sub(r"y$", "ies", key)}
    return any(v in table for v in variants)


def in_block(ctx: RuleContext, offset: int) -> bool:
    """Whether `offset` lies in a preamble, recitals or another unnumbered block."""
    found = ctx.unit_at(offset)
    return found is not None and any(isinstance(u, Block) for u in (*found[1], found[0]))


def _offence(ctx: RuleContext, offset: int) -> bool:
    """Whether the provision at `offset` creates an offence (DF01 is an error there)."""
    found = ctx.unit_at(offset)
    if found is None:
        return False
    unit = next((u for u in (*found[1], found[0]) if u.kind in ("article", "section")), found[0])
    return ctx.lexicon("markers").has(unit.text(ctx.source), "offence")


def _references(ctx: RuleContext) -> list[Reference]:
    """Every cross-reference of the text, in document order."""
    return [n for n in ctx.nodes if isinstance(n, Reference)]


@dataclass
class _Candidate:
    phrase: str
    spans: list[Span] = field(default_factory=list)
    generic: bool = False


class UndefinedTerm(Rule):
    """A term written as a defined term is never defined.

    What it does:
        Finds capitalised phrases used mid-sentence the way defined terms are written
        ("a Covered Provider shall …") and quoted terms said to be "as defined" in this text,
        and reports those the text never defines. Names of bodies, instruments, places and
        the parties to a treaty are not terms; they are kept as data in the `drafting`
        lexicon (extend it from configuration). It is an error inside an offence, where an
        undefined element offends legality, and a warning elsewhere. Option `min_uses`
        (default 1) raises the number of uses a phrase needs before it is reported.

    Why it matters:
        A term the text treats as defined but never defines leaves its meaning to whoever
        applies it; in an offence that is a failure of legal certainty.

    Example:
        "A Covered Provider shall retain traffic data." with no definition of "Covered
        Provider".

    Use instead:
        Define the term in the definitions article ("'covered provider' means …") or write
        it in lower case as ordinary language.

    References:
        Joint Practical Guide (2015), guideline 14; ICCPR art 15.
    """

    code = "DF01"
    name = "undefined-term"
    severity = "warning"
    group = "DF"
    references = ("Joint Practical Guide (2015), guideline 14", "ICCPR art 15")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        table = ctx.document.definitions
        lexicon = ctx.lexicon("drafting")
        min_uses = ctx.options(self.code).get("min_uses", 1)
        needed = min_uses if isinstance(min_uses, int) else 1
        candidates: dict[str, _Candidate] = {}
        for node in ctx.body_texts:
            body = node.text(ctx.source)
            for m in _NAME.finditer(body):
                phrase = " ".join(m.group().split())
                if not _TERM_SHAPE.fullmatch(phrase.replace("-", " ").replace(" ", " ")):
                    continue
                if not _MID_SENTENCE.search(body, max(0, m.start() - 40), m.start()):
                    continue
                if _defined(table, phrase) or self._excluded(lexicon, phrase):
                    continue
                start = node.span.start + m.start()
                entry = candidates.setdefault(term_key(phrase), _Candidate(phrase))
                entry.spans.append(Span(start=start, end=start + len(m.group())))
                entry.generic = entry.generic or bool(
                    _GENERIC.search(body, max(0, m.start() - 12), m.start())
                )
        for cand in candidates.values():
            if len(cand.spans) < needed or not cand.generic:
                continue
            first = cand.spans[0]
            grave = any(_offence(ctx, s.start) for s in cand.spans)
            uses = [related_at(ctx, s, "also used here") for s in cand.spans[1:6]]
            yield self.finding(
                ctx,
                first,
                f"'{cand.phrase}' is written as a defined term ({len(cand.spans)} use(s)) but "
                "this text does not define it.",
                related=uses,
                severity="error" if grave else None,
            )
        yield from self._as_defined(ctx, table)

    @staticmethod
    def _excluded(lexicon: Lexicon, phrase: str) -> bool:
        last = phrase.replace("-", " ").split()[-1]
        for cat in _EXCLUDED_WHOLE:
            rx = lexicon.regex(cat)
            if rx is not None and rx.fullmatch(phrase):
                return True
        for cat in _EXCLUDED_HEAD:
            rx = lexicon.regex(cat)
            if rx is not None and rx.fullmatch(last):
                return True
        return False

    def _as_defined(
        self, ctx: RuleContext, table: dict[str, list[DefinitionEntry]]
    ) -> Iterator[Finding]:
        """Quoted terms said to be defined in this text ("as defined in section 2")."""
        refs = {r.span.start for r in ctx.cached(_references) if not r.external}
        for node in ctx.nodes:
            if not isinstance(node, Text):
                continue
            body = node.text(ctx.source)
            for m in _AS_DEFINED.finditer(body):
                after = node.span.start + m.end()
                internal = ctx.source.startswith("this ", after) or after in refs
                if not internal or _defined(table, m.group("term")):
                    continue
                start = node.span.start + m.start("term")
                yield self.finding(
                    ctx,
                    Span(start=start, end=start + len(m.group("term"))),
                    f"'{m.group('term')}' is said to be defined in this text, but no "
                    "definition of it is found.",
                    severity="error" if _offence(ctx, start) else None,
                )


class UnusedDefinition(Rule):
    """A term is defined but never used.

    What it does:
        Reports a definition whose term appears nowhere else in the operative text
        (plurals count as uses). Labels given in a preamble or recitals are left alone.

    Why it matters:
        An unused definition is dead text; more often it is the trace of a term renamed in
        a later draft, so the provisions now use a different, undefined word.

    Example:
        "'Host' means a person who stores content." — and no provision mentions a host.

    Use instead:
        Delete the definition, or use the defined term where the provisions meant it.

    References:
        Joint Practical Guide (2015), guideline 14.
    """

    code = "DF02"
    name = "unused-definition"
    severity = "info"
    group = "DF"
    references = ("Joint Practical Guide (2015), guideline 14",)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        lowered: str | None = None
        for key, entries in ctx.document.definitions.items():
            if any(e.uses for e in entries):
                continue
            entry = entries[0]
            if in_block(ctx, entry.term_span.start) or self._label(ctx, entry):
                continue
            lowered = lowered if lowered is not None else ctx.source.lower()
            if self._used_otherwise(lowered, key, entries):
                continue
            yield self.finding(
                ctx,
                entry.term_span,
                f"'{entry.term}' is defined but never used.",
            )

    @staticmethod
    def _label(ctx: RuleContext, entry: DefinitionEntry) -> bool:
        """A bare parenthesised label naming what was just described ("('storage
        limitation')"): a name in passing, not a definition made for later use."""
        before = ctx.source[max(0, entry.term_span.start - 3) : entry.term_span.start]
        return re.fullmatch(r"\(\s*[\"\u201c\u2018']", before[-2:]) is not None or before.endswith(
            ("('", "(\u2018", '("', "(\u201c")
        )

    @staticmethod
    def _used_otherwise(lowered: str, key: str, entries: list[DefinitionEntry]) -> bool:
        """Uses under an irregular plural or singular ("authority" / "authorities")."""
        stem = re.escape(key[:-1]) if key.endswith(("y", "s")) else re.escape(key)
        rx = re.compile(rf"(?<![\w-]){stem}(?:y|ies|s|es)?(?![\w-])")
        own = {(e.term_span.start, e.term_span.end) for e in entries}
        return any((m.start(), m.start() + len(key)) not in own for m in rx.finditer(lowered)) and (
            sum(1 for _ in rx.finditer(lowered)) > len(entries)
        )


class ConflictingDefinition(Rule):
    """A term is defined more than once.

    What it does:
        Reports a term with two or more definitions in the operative text, saying whether
        they differ. A definition scoped to its own unit ("In this section, …") and a
        definition that refers to the provision of the other (a "supervisory authority" as
        "established pursuant to Article 51") are not conflicts, except that a scoped
        definition that widens the general one ("In this section, 'traffic data' includes
        location data") is reported as info: the term means more there than where it is
        defined.

    Why it matters:
        Two definitions of one term leave the reader to choose which applies; if they
        differ, the scope of a power or an offence depends on the choice.

    Example:
        "'traffic data' means data on the origin of a communication" in article 1 and
        "'traffic data' means any data relating to a communication" in article 16.

    Use instead:
        One definition in the definitions article, or definitions expressly scoped to the
        provisions they govern.

    References:
        Joint Practical Guide (2015), guideline 6.
    """

    code = "DF03"
    name = "conflicting-definition"
    severity = "warning"
    group = "DF"
    references = ("Joint Practical Guide (2015), guideline 6",)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for entries in ctx.document.definitions.values():
            operative = [e for e in entries if not in_block(ctx, e.term_span.start)]
            if len(operative) < 2:
                continue
            scoped = [e for e in operative if self._scoped(ctx, e)]
            if scoped:
                yield from self._widened(ctx, operative, scoped)
                continue
            first = operative[0]
            for other in operative[1:]:
                if self._cross_defined(ctx, first, other):
                    continue
                same = self._body(ctx, first) == self._body(ctx, other)
                how = "again with the same meaning" if same else "again with a different meaning"
                yield self.finding(
                    ctx,
                    other.term_span,
                    f"'{other.term}' is defined {how}.",
                    related=[related_at(ctx, first.term_span, "first definition")],
                )

    @staticmethod
    def _body(ctx: RuleContext, entry: DefinitionEntry) -> str:
        text = ctx.source[entry.term_span.end : entry.span.end]
        return " ".join(re.findall(r"[a-z0-9]+", text.lower()))

    def _widened(
        self, ctx: RuleContext, entries: list[DefinitionEntry], scoped: list[DefinitionEntry]
    ) -> Iterator[Finding]:
        """Scoped definitions that add to ("includes") the term's general definition."""
        general = next((e for e in entries if e not in scoped), None)
        if general is None:
            return
        for entry in scoped:
            if _WIDENING.match(ctx.source, entry.term_span.end, entry.span.end):
                yield self.finding(
                    ctx,
                    entry.term_span,
                    f"'{entry.term}' is widened here: in this provision it includes more than "
                    f"its general definition.",
                    related=[related_at(ctx, general.term_span, "general definition")],
                    severity="info",
                )

    @staticmethod
    def _scoped(ctx: RuleContext, entry: DefinitionEntry) -> bool:
        """Whether a definition applies only in its own unit ("In this section, …")."""
        found = ctx.unit_at(entry.term_span.start)
        units = (*found[1], found[0]) if found else ()
        provision = next((u for u in units if u.kind in ("article", "section")), None)
        start = provision.span.start if provision else max(0, entry.span.start - 300)
        return _SCOPED.search(ctx.source, start, entry.span.end) is not None

    @staticmethod
    def _cross_defined(ctx: RuleContext, a: DefinitionEntry, b: DefinitionEntry) -> bool:
        """Whether either definition points at the provision holding the other."""
        refs = ctx.cached(_references)
        for one, two in ((a, b), (b, a)):
            found = ctx.unit_at(two.term_span.start)
            chain = {u.eid for u in (*found[1], found[0])} if found else set()
            for ref in refs:
                if one.span.start <= ref.span.start < one.span.end and any(
                    t in chain for t in ref.targets
                ):
                    return True
        return False
