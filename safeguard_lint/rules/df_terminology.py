"""DF06: one concept under two names.

One pass over the body text collects two-word noun phrases ("competent authority") with the
words around each use. Two phrases with the same head noun are variants of one concept when
their modifiers are near-synonyms (the `near_synonyms_*` categories of the `drafting`
lexicon: competent / relevant / appropriate …), or when one is a defined term and the other,
undefined, fills the same slots in the sentences ("the … shall", "to a … of") — the text then
uses a second name where the defined one was meant. Phrases written together ("competent or
relevant authority", "computer and ICT systems") name two things and are left alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from safeguard_lint.ast import Definition, Span
from safeguard_lint.findings import Finding
from safeguard_lint.parsing.definitions import term_key
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import Rule, RuleContext, related_at
from safeguard_lint.semantics.matcher import fold

_WORD = compile_regex(r"[a-z][a-z-]*")
_DETERMINERS = frozenset({"a", "an", "the", "any", "each", "every", "such", "that", "this", "no"})
_STOP = frozenset(
    {
        *_DETERMINERS,
        "and", "or", "of", "to", "in", "on", "by", "for", "with", "from", "as", "at", "be",
        "is", "are", "shall", "may", "must", "not", "which", "who", "its", "their", "his",
        "her", "it", "they", "other", "all", "there", "where", "when", "if", "than", "those",
        "these", "means", "under", "into", "through", "against", "about", "without",
    }
)  # fmt: skip
_MIN_SHARED_SLOTS = 3


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@dataclass
class _Phrase:
    """A two-word noun phrase: its uses and the sentence slots it fills."""

    modifier: str
    head: str
    spans: list[Span] = field(default_factory=list)
    slots: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def name(self) -> str:
        return f"{self.modifier} {self.head}"


@dataclass
class _Phrases:
    by_head: dict[str, dict[str, _Phrase]]
    coordinated: set[frozenset[str]]
    definitions: list[Span]


def _bounded(folded: str, words: list[str], spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether the noun phrase breaks between words a and b: a text edge, punctuation, or
    a function word on the outer side."""
    if a < 0 or b >= len(words):
        return True
    gap = folded[spans[a][1] : spans[b][0]]
    outer = words[a] if b == a + 1 and a < b and words[b] not in _STOP else words[b]
    return gap.strip() != "" or words[a] in _STOP or words[b] in _STOP or outer in _STOP


def _collect(ctx: RuleContext, heads: set[str]) -> _Phrases:
    by_head: dict[str, dict[str, _Phrase]] = defaultdict(dict)
    coordinated: set[frozenset[str]] = set()
    # The head noun each word form stands for (None when it is none of `heads`), memoised:
    # most words are not heads, and only the words after a head-noun's modifier matter.
    head_of: dict[str, str | None] = {}
    definitions = [node.span for node in ctx.nodes if isinstance(node, Definition)]
    for node in ctx.body_texts:
        folded = fold(node.text(ctx.source))
        words = _WORD.findall(folded)
        spans: list[tuple[int, int]] = []
        for i in range(1, len(words)):
            word = words[i]
            if word not in head_of:
                singular = _singular(word)
                head_of[word] = singular if singular in heads and word not in _STOP else None
            head = head_of[word]
            mod = words[i - 1]
            if head is None or head in _STOP or mod in _STOP:
                continue
            if not spans:
                spans = [m.span() for m in _WORD.finditer(folded)]
            if not (
                _bounded(folded, words, spans, i - 2, i - 1)
                and _bounded(folded, words, spans, i, i + 1)
            ):
                continue  # part of a longer compound: "information communication technology"
            phrase = by_head[head].setdefault(mod, _Phrase(mod, head))
            at = node.span.start
            phrase.spans.append(Span(start=at + spans[i - 1][0], end=at + spans[i][1]))
            j = i - 2
            while j >= 0 and words[j] in _DETERMINERS:
                j -= 1
            left = words[j] if j >= 0 else ""
            right = words[i + 1] if i + 1 < len(words) else ""
            phrase.slots[(left, right)] += 1
            if i >= 3 and words[i - 2] in ("or", "and"):
                coordinated.add(frozenset({words[i - 3], mod}))
    return _Phrases(by_head, coordinated, definitions)


class TerminologyDrift(Rule):
    """One concept goes by two names.

    What it does:
        Compares the two-word noun phrases of the text that share a head noun. It reports a
        pair whose modifiers are near-synonyms ("competent authority" / "relevant
        authority", "computer system" / "ICT system"), and an undefined phrase that stands
        in the sentence slots of a defined term with the same head. It is info, and a
        warning where a variant stands in a definition.

    Why it matters:
        A reader must assume that two names mean two things: a power given to "the relevant
        authority" may not be bound by the safeguards written for "the competent
        authority", and an offence against an "ICT system" may reach more than the defined
        "computer system".

    Example:
        "'computer system' means …" in article 2 and "access to an ICT system" in article 7.

    Use instead:
        One name per concept, the defined one, throughout the text.

    References:
        Joint Practical Guide (2015), guideline 6.2; A19-2024.
    """

    code = "DF06"
    name = "terminology-drift"
    severity = "info"
    group = "DF"
    references = ("Joint Practical Guide (2015), guideline 6.2", "A19-2024")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        lexicon = ctx.lexicon("drafting")
        classes = {
            cat.removeprefix("near_synonyms_"): rx
            for cat in lexicon.categories
            if cat.startswith("near_synonyms_") and (rx := lexicon.regex(cat)) is not None
        }
        defined = {
            key: entries
            for key, entries in ctx.document.definitions.items()
            if len(key.split()) == 2
        }
        heads = {_singular(k.split()[1]) for k in defined} | set(classes)
        phrases = _collect(ctx, heads)
        seen: set[frozenset[str]] = set()
        for head, variants in phrases.by_head.items():
            if len(variants) < 2:
                continue
            for pair in self._pairs(head, variants, classes, defined):
                names = frozenset({pair[0].modifier, pair[1].modifier})
                if names in phrases.coordinated or names in seen:
                    continue
                seen.add(names)
                yield self._finding(ctx, pair, phrases.definitions, defined)

    @staticmethod
    def _pairs(
        head: str,
        variants: dict[str, _Phrase],
        classes: Mapping[str, re.Pattern[str]],
        defined: Mapping[str, object],
    ) -> Iterator[tuple[_Phrase, _Phrase]]:
        """Pairs of variants of one concept under `head`: (main name, variant)."""
        rx = classes.get(head)
        if rx is not None:
            members = [p for m, p in variants.items() if rx.fullmatch(m)]
            members.sort(key=lambda p: (term_key(p.name) not in defined, -len(p.spans)))
            for other in members[1:]:
                if len(members[0].spans) >= 2:
                    yield members[0], other
        for mod, main in variants.items():
            if (
                term_key(f"{mod} {head}") not in defined
                and term_key(f"{mod} {head}s") not in defined
            ):
                continue
            for other in variants.values():
                if other is main or term_key(other.name) in defined or len(other.spans) < 2:
                    continue
                shared = sum(1 for slot in other.slots if slot in main.slots and all(slot))
                if shared >= _MIN_SHARED_SLOTS and 2 * shared >= len(other.slots):
                    yield main, other

    def _finding(
        self,
        ctx: RuleContext,
        pair: tuple[_Phrase, _Phrase],
        definitions: list[Span],
        defined: Mapping[str, object],
    ) -> Finding:
        main, other = pair
        span = other.spans[0]
        in_definition = any(
            d.start <= s.start < d.end for d in definitions for s in other.spans[:20]
        )
        status = "the defined term" if term_key(main.name) in defined else "the usual name"
        return self.finding(
            ctx,
            span,
            f"'{other.name}' ({len(other.spans)} use(s)) and '{main.name}' ({status}, "
            f"{len(main.spans)} use(s)) look like two names for one concept.",
            related=[related_at(ctx, main.spans[0], f"'{main.name}' used here")],
            severity="warning" if in_definition else None,
        )
