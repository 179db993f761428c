"""Scopes: which provisions a clause's own words reach.

A general safeguard clause applies to the powers it names: "the powers and procedures provided
for in this Chapter", "sections 12 to 15", "this Part". A power provision imports the
safeguards of the provisions it points to: "subject to Articles 14 and 15", "in conformity with
section 2518". Both are read from the parser's `Reference` nodes (their resolved `target` and
`targets`); phrases the parser left unresolved are resolved here against the unit tree:
"this Chapter" is the nearest enclosing unit of that kind, "this Act" the whole document,
"Articles 2 through 11" every provision numbered in the range.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from safeguard_lint.ast import (
    Document,
    Node,
    Paragraph,
    Provision,
    Reference,
    Span,
    Subparagraph,
    Unit,
)
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.semantics.sentences import split_sentences

#: The unit kinds a word such as "Chapter" or "Section" may name.
_KIND_WORDS: dict[str, frozenset[str]] = {
    "chapter": frozenset({"chapter"}),
    "part": frozenset({"part", "subpart"}),
    "title": frozenset({"title"}),
    "division": frozenset({"division", "subdivision"}),
    "subdivision": frozenset({"subdivision"}),
    "subpart": frozenset({"subpart"}),
    "section": frozenset({"section", "division"}),
    "article": frozenset({"article"}),
    "schedule": frozenset({"schedule"}),
    "annex": frozenset({"annex"}),
}
_WHOLE = frozenset({"act", "convention", "law", "regulation", "directive", "protocol", "code",
                    "ordinance", "statute", "bill", "decree", "proclamation", "agreement",
                    "treaty"})  # fmt: skip
_THIS = compile_regex(r"\b(?:this|the\s+present)\s+([A-Za-z]+)\b", re.IGNORECASE)
_NUMBERED = compile_regex(
    r"\b(?P<kind>articles?|sections?|§§?|ss?\.)\s*(?P<first>\d+[A-Za-z]*)"
    r"(?P<rest>(?:\s*(?:,|and|or|to|through|-|\u2013)\s*(?:\d+[A-Za-z]*))*)",
    re.IGNORECASE,
)
_NEXT_NUM = compile_regex(r"(,|and|or|to|through|-|\u2013)\s*(\d+[A-Za-z]*)", re.IGNORECASE)
_IMPORTING = compile_regex(
    r"(?:subject\s+to|in\s+conformity\s+with|in\s+accordance\s+with|pursuant\s+to|under|"
    r"as\s+(?:provided|specified|required)\s+(?:in|by|under)|required\s+by|referred\s+to\s+in)"
    r"\s+(?:the\s+(?:provisions|requirements|conditions|procedures?)\s+(?:of|in)\s+)?$",
    re.IGNORECASE,
)
_EXCLUDING = compile_regex(
    r"(?:notwithstanding|except\s+as\s+(?:specifically\s+)?provided\s+(?:otherwise\s+)?in|"
    r"other\s+than|except\s+(?:under|in))\s*(?:the\s+provisions\s+of\s+)?$",
    re.IGNORECASE,
)


#: Words that switch provisions off for some case ("does not apply to", "shall not apply").
_DISAPPLIES = compile_regex(
    r"\b(?:(?:does|do|shall|will)\s+not|cease\s+to)\s+apply\b|\bnot\s+(?:be\s+)?applicable\b",
    re.IGNORECASE,
)


_APPLY = compile_regex(r"appl(?:y|icable)", re.IGNORECASE)


class UnitIndex:
    """The unit tree of a document indexed for scope resolution."""

    def __init__(
        self,
        document: Document,
        units: Iterable[tuple[Unit, tuple[Unit, ...]]] | None = None,
        nodes: Iterable[Node] | None = None,
    ) -> None:
        """Index `document`; `units` (as `units_with_path`) and `nodes` (as `walk`) spare the
        walks when the caller holds them."""
        self.document = document
        self.provisions: list[Unit] = []
        self.chain: dict[str, tuple[Unit, ...]] = {}
        self.by_eid: dict[str, Unit] = {}
        self._by_num: dict[str, list[Unit]] = {}
        for unit, ancestors in document.units_with_path() if units is None else units:
            if unit.eid:
                self.by_eid[unit.eid] = unit
                self.chain[unit.eid] = (*ancestors, unit)
            if isinstance(unit, Provision):
                self.provisions.append(unit)
                if unit.num:
                    self._by_num.setdefault(unit.num.lower(), []).append(unit)
        self._starts = [p.span.start for p in self.provisions]
        refs = sorted(
            (n for n in (document.walk() if nodes is None else nodes) if isinstance(n, Reference)),
            key=lambda r: r.span.start,
        )
        self._refs = refs
        self._ref_starts = [r.span.start for r in refs]
        #: Where the text says that provisions do not apply (found when first asked for).
        self._disapplying: list[int] | None = None
        self._switched_off: dict[int, list[Span]] = {}

    def provision_of(self, unit: Unit) -> Unit:
        """The provision holding `unit` (itself when it is one, or its outermost unit); in an
        excerpt of one provision's paragraphs ("(1) … (2) …"), the whole text."""
        chain = self.chain.get(unit.eid, (unit,))
        for u in reversed(chain):
            if isinstance(u, Provision):
                return u
        if not self.provisions and isinstance(unit, Paragraph | Subparagraph):
            return self.document
        return unit

    def provisions_within(self, unit: Unit) -> list[Unit]:
        """Every provision inside `unit` (or holding it), in document order."""
        if isinstance(unit, Document):
            return list(self.provisions)
        lo = bisect.bisect_left(self._starts, unit.span.start)
        hi = bisect.bisect_left(self._starts, unit.span.end)
        inside = self.provisions[lo:hi]
        return inside or [self.provision_of(unit)]

    def references_in(self, start: int, end: int) -> list[Reference]:
        """The parser's Reference nodes that lie inside [start, end)."""
        lo = bisect.bisect_left(self._ref_starts, start)
        hi = bisect.bisect_left(self._ref_starts, end)
        return self._refs[lo:hi]

    def targets_of(self, ref: Reference) -> list[Unit]:
        """The units of this document a reference resolves to (every unit of a range)."""
        eids = ref.targets or ([ref.target] if ref.target else [])
        return [self.by_eid[eid] for eid in eids if eid in self.by_eid]

    def switched_off(self, provision: Unit) -> list[Span]:
        """The spans of the units a provision's own sentences switch off ("Section 1 does not
        apply to processing by a security agency"): their safeguards do not reach the
        provision's powers or transfers."""
        key = id(provision)
        if key not in self._switched_off:
            text = provision.span.slice(self.document.source)
            self._switched_off[key] = [
                unit.span
                for sentence in split_sentences(text, provision.span.start)
                for unit in self._disapplied(sentence.text, sentence.start)
            ]
        return self._switched_off[key]

    def _disapplied(self, text: str, offset: int) -> list[Unit]:
        """The units a sentence switches off ("Section 1 does not apply to processing by a
        security agency", "Sections 3 to 10 shall not apply…"): those its references name
        before the words that disapply them."""
        if self._disapplying is None:
            source = self.document.source
            # "appl" is found fast; the words around it are then read where it occurs.
            self._disapplying = [
                m.start()
                for m in _APPLY.finditer(source)
                if _DISAPPLIES.search(source, max(0, m.start() - 25), m.end() + 10)
            ]
        at = bisect.bisect_left(self._disapplying, offset)
        if at == len(self._disapplying) or self._disapplying[at] >= offset + len(text):
            return []
        found: list[Unit] = []
        for m in _DISAPPLIES.finditer(text):
            for ref in self.references_in(offset, offset + m.start()):
                if ref.external:
                    continue
                found.extend(
                    unit
                    for unit in self.targets_of(ref)
                    if offset not in unit.span  # "of this section" disapplies no whole
                )
        return found

    def _numbered(self, nums: Iterable[str]) -> list[Unit]:
        found: list[Unit] = []
        for num in nums:
            found.extend(self._by_num.get(num.lower(), []))
        return found

    def _range(self, first: str, last: str) -> list[str]:
        a, b = _leading_int(first), _leading_int(last)
        if a is None or b is None or b < a or b - a > 500:
            return [first, last]
        return [p.num for p in self.provisions if p.num and a <= (_leading_int(p.num) or -1) <= b]

    def _names_kind(self, ref: Reference, word: str) -> bool:
        """Whether a resolved "this X" reference points to a unit of the kind X names."""
        target = self.by_eid.get(ref.target or "")
        kinds = _KIND_WORDS.get(word.lower())
        return target is not None and (kinds is None or target.kind in kinds)

    def _this(self, word: str, chain: Sequence[Unit]) -> list[Unit]:
        """The provisions of "this <word>" seen from a unit with ancestors `chain`."""
        word = word.lower()
        if word in _WHOLE:
            return list(self.provisions)
        kinds = _KIND_WORDS.get(word)
        if kinds is None:
            return []
        holder = next((u for u in reversed(chain) if u.kind in kinds), None)
        return self.provisions_within(holder) if holder is not None else []

    def reach(self, text: str, offset: int, unit: Unit, *, importing: bool = False) -> list[Unit]:
        """The provisions that the references in `text` (at `offset`, inside `unit`) point to.

        Resolved Reference nodes are used when the parser produced them; otherwise "this X"
        and numbered references are resolved against the tree. References introduced by
        "notwithstanding" or "except as provided in" are left out: they exclude, not import.
        With `importing`, only references that import their target's rules count ("subject
        to", "in conformity with", "under", "pursuant to").
        """

        def skip(at: int) -> bool:
            head = text[max(0, at - 80) : at]
            return bool(_EXCLUDING.search(head)) or (importing and not _IMPORTING.search(head))

        targets: list[Unit] = []
        chain = self.chain.get(unit.eid, (unit,))
        for ref in self.references_in(offset, offset + len(text)):
            if ref.external or skip(ref.span.start - offset):
                continue
            this = _THIS.fullmatch(self.document.source[ref.span.start : ref.span.end])
            if this is not None and importing:
                continue  # "under this Act" imports nothing in particular
            if this is not None and not self._names_kind(ref, this.group(1)):
                # "this Section" in a text whose sections are divisions: read the tree.
                targets.extend(self._this(this.group(1), chain))
                continue
            for unit in self.targets_of(ref):
                targets.extend(self.provisions_within(unit))
        if targets:
            return _unique(targets)
        for m in _THIS.finditer(text):
            if not importing and not skip(m.start()):
                targets.extend(self._this(m.group(1), chain))
        for m in _NUMBERED.finditer(text):
            if skip(m.start()):
                continue
            nums = [m.group("first")]
            prev = m.group("first")
            for sep, num in _NEXT_NUM.findall(m.group("rest")):
                ranged = sep.lower() in ("to", "through", "-", "\u2013")
                nums.extend(self._range(prev, num) if ranged else [num])
                prev = num
            targets.extend(self._numbered(nums))
        return _unique(targets)


def _leading_int(num: str) -> int | None:
    m = re.match(r"\d+", num)
    return int(m.group()) if m else None


def _unique(units: Sequence[Unit]) -> list[Unit]:
    seen: set[int] = set()
    out: list[Unit] = []
    for u in units:
        if id(u) not in seen:
            seen.add(id(u))
            out.append(u)
    return out


def _build_unit_index(ctx: RuleContext) -> UnitIndex:
    return UnitIndex(ctx.document, ctx.units, ctx.nodes)


def unit_index(ctx: RuleContext) -> UnitIndex:
    """The unit index of the document in `ctx` (built once, shared by every analysis)."""
    return ctx.cached(_build_unit_index)
