"""Cross-references: finding reference phrases in text, parsing them, resolving their targets.

A regex finds candidate phrases ("Article 6(1)", "sections 12 to 15", "this Chapter"); the
Lark grammar `grammar/references.lark` gives each its structure; resolution then walks the
document's index relative to where the phrase stands. References to other instruments
("Article 8 of the European Convention", "section 1 of the Federal Rules", "title 18") are
marked external and never resolved.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from lark import Lark, Token, Tree
from lark.exceptions import LarkError

from safeguard_lint.ast import Division, Provision, Reference, Span, Unit
from safeguard_lint.parsing.numbering import LATIN_SUFFIX, roman_value
from safeguard_lint.regex_cache import compile_regex

_UNIT = (
    r"(?:s{1,2}\.(?=\s?\d)|articles?|arts?\.|sections?|secs?\.|\u00a7\u00a7?|paragraphs?|paras?\."
    r"|sub-?sections?|sub-?paragraphs?|points?|clauses?|sub-?clauses?|chapters?|parts?|titles?|schedules?"
    r"|annex(?:es)?|items?|divisions?)"
)
#: Units of statutory instruments, read only before a number that starts with a digit: a
#: "Regulation (EU) 2016/679" names another instrument.
_RULE_UNIT = r"(?:regulations?|rules?)"
_NUM = (
    # "L. 851-1": the book letter and hyphenated number of French codes
    r"(?:[A-Z]{1,2}\.?\s?[0-9]+(?:-[0-9]+)+(?![0-9])"
    # "39bis": a Latin suffix run into the number, read whole before any one or two letters
    rf"|[0-9]+(?:{LATIN_SUFFIX}(?![A-Za-z])|[A-Za-z]{{0,2}})"
    r"(?:/[A-Z]{1,2}\b)?(?:-[0-9]+)?(?:\.[0-9]+)*"
    # the point of a paragraph ("paragraph 1.b"), unless more follow: in "Articles 2, 6,
    # paragraph 1.b, 7, 9" the numbers are articles again, in "9.1.a and c" the letter a
    # point, which the grammar cannot tell
    r"(?:\.[a-z]\b(?!\s*,\s*[0-9]|\s+(?:and|or)\s+[a-z]\b))?"
    rf"(?:\s+{LATIN_SUFFIX}\b)?"
    r"|[IVXLC]+\b|\([0-9a-zA-Z]{1,5}\))"
)
_SUBS = r"(?:\s?\([0-9a-zA-Z]{1,5}\))*"
_TARGET = rf"{_NUM}{_SUBS}"
_JOIN = rf"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|through)\s+|\s*[-\u2013]\s*)(?:{_UNIT}\s*)?"
CANDIDATE = compile_regex(
    rf"\b(?:(?:this|the\s+present)\s+{_UNIT}\b"
    rf"|the\s+(?:last\s+)?(?:preceding|previous|foregoing)\s+{_UNIT}\b"
    rf"|{_UNIT}\s*{_TARGET}(?:{_JOIN}{_TARGET})*(?:\s+of\s+{_UNIT}\s*{_TARGET})?"
    rf"|{_RULE_UNIT}\s+(?=[0-9]){_TARGET}(?:{_JOIN}{_TARGET})*(?:\s+of\s+{_UNIT}\s*{_TARGET})?)"
    # "§ 1º" numbers a paragraph of the article it stands in (Brazilian and Portuguese laws)
    rf"|\u00a7\u00a7?\s*(?![0-9]+[\u00ba\u00b0]){_TARGET}(?:{_JOIN}{_TARGET})*",
    re.IGNORECASE,
)
# Where a reference may start: a word (case as listed) not preceded by a letter, digit, "_" or
# ".", that the full pattern then confirms. Each word is written as its first character and the
# rest, so the scan can be anchored on the character before it (see `trigger_positions`).
_TRIGGER_WORDS = (
    r"ss?\.\s?\d",
    r"this(?=\s)",
    r"the\s+(?:present|last|preceding|previous|foregoing)(?=\s)",
    r"The\s+(?:present|last|preceding|previous|foregoing)(?=\s)",
    *("Art", "art", "ART", "Sec", "sec", "SEC", "Para", "para", "Sub", "sub", "Point", "point"),
    *("Clause", "clause", "Chapter", "chapter", "CHAPTER", "Part", "part", "PART", "Title"),
    *("title", "Schedule", "schedule", "Annex", "annex", "Item", "item", "Division", "division"),
    *("Regulation", "regulation", "REGULATION", "Rule", "rule", "RULE"),
)


def _trigger_alternatives() -> str:
    rests: dict[str, list[str]] = {}
    for word in _TRIGGER_WORDS:
        rests.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{re.escape(c)}(?:{'|'.join(r)})" for c, r in rests.items())


_WORDS = _trigger_alternatives()
# A trigger after any character but an ASCII letter, digit, "_" or "." (one plain character
# set, which the regex engine skips through fast; a non-ASCII letter or digit before it is
# then rejected in Python: the Unicode test of \w is slow to run on every character), and at
# the very start.
_AFTER_NON_WORD = compile_regex(f"[^0-9A-Za-z_.](?:{_WORDS})")
# What must follow a trigger for CANDIDATE to match there: its alternatives cut down to the
# characters they need first (no "\b", nothing after a number's first character), so it
# never rejects a place where CANDIDATE matches, in the source or in any text of it.
_NEEDED = (
    rf"(?i:(?:this|the\s+present)\s+{_UNIT}"
    rf"|the\s+(?:last\s+)?(?:preceding|previous|foregoing)\s+{_UNIT}"
    rf"|{_UNIT}\s*(?:[0-9IVXLC(]|[A-Z]{{1,2}}\.?\s?[0-9])|{_RULE_UNIT}\s+[0-9])"
)
# The same triggers, kept only where that follows (looked ahead, so no trigger is consumed).
_AFTER_NON_WORD_NEEDED = compile_regex(f"[^0-9A-Za-z_.](?=(?:{_WORDS}))(?={_NEEDED})")
_AT_START = compile_regex(f"(?:{_WORDS}|\u00a7)")
_SECTION_SIGN = "\u00a7"
# What follows a reference and makes it point into another instrument.
_EXTERNAL_TAIL = (
    r"\s*,?\s*(?:of|in|under|to(?=\s+(?:the\s+)?(?:[A-Z][\w()-]*\s+){0,6}(?:Act|Code|Regulations?"
    r"|Rules|Order|Convention|Treaty|Protocol|Directive)\b))\s+(?!this\b|these\b|the\s+present\b|the\s+said\s+(?:article|section)"
    r"|(?:article|section|paragraph|subsection|chapter|part)\b)"
    r"(?:the\s+|that\s+|those\s+|such\s+|said\s+)?"
    r"(?:[A-Z\u00c0-\u00de]|title\s+\d|\d|regulation|directive|decision|convention|treaty|protocol"
    r"|charter|act\b|code\b|constitution|federal|penal|criminal|rules\b)"
)
# An instrument named by its abbreviation right after the reference: "Article 16(2) TFEU".
_EXTERNAL_ACRONYM = r"^[ \t]*,?[ \t]*(?:of[ \t]+the[ \t]+)?[A-Z]{2,6}\b(?![ \t]+[A-Z]{2,})"
# "s. 69", "ss. 10-12": the Commonwealth abbreviations of "section", read as "sec.".
_ABBREVIATED = compile_regex(r"(?<![\w.])s{1,2}\.(?=\s?\d)")
# The United States Code, by its title or name (any case).
_EXTERNAL_NEAR = r"(?i:^\s*(?:of\s+)?(?:title\s+\d+|U\.?S\.?C\.?|United States Code))"
#: Any of the three ways what follows a reference makes it external, in one match.
_EXTERNAL = compile_regex(f"(?:{_EXTERNAL_TAIL})|{_EXTERNAL_NEAR}|(?:{_EXTERNAL_ACRONYM})")
#: Another instrument named just before the reference, which singles out its articles ("the
#: International Covenant on Civil and Political Rights, in particular articles 14 and 17").
_EXTERNAL_BEFORE = compile_regex(
    r"(?<!\bthis\s)(?<!\bpresent\s)(?<!\bthese\s)\b(?:Covenant|Constitution|Charter|Declaration|"
    r"Convention|Treaty|Protocol|Directive|Regulation|Code|Act)\b[^.;,]{0,80},?\s*(?:in\s+particular|"
    r"notably|including|especially|particularly|namely)\s*$"
)
_THIS_BIGGER = compile_regex(
    r"^\s*,?\s*of\s+(?:this|the\s+present)\s+(title|code|law|constitution)\b", re.I
)

_SPACES = compile_regex(r"\s+")
_HYPHEN_RANGE = compile_regex(r"([0-9]+[A-Z]?)-([0-9]+[A-Z]?)")
#: Reference's validator, called on a dict of fields: the same validation as calling the
#: class, without BaseModel.__init__'s Python frame (as the tree builder makes its nodes).
_NEW_REFERENCE = Reference.__pydantic_validator__.validate_python
_DIVISIONS = frozenset({"chapter", "part", "title", "schedule", "annex", "division", "subdivision"})
_KIND_WORDS = {
    "article": "provision",
    "art": "provision",
    "section": "provision",
    "sec": "provision",
    "\u00a7": "provision",
    "regulation": "provision",
    "rule": "provision",
    "paragraph": "paragraph",
    "para": "paragraph",
    "subsection": "paragraph",
    "subparagraph": "subparagraph",
    "point": "subparagraph",
    "clause": "subparagraph",
    "subclause": "subparagraph",
    "item": "subparagraph",
    "chapter": "chapter",
    "part": "part",
    "title": "title",
    "schedule": "schedule",
    "annex": "annex",
    "division": "division",
    "subdivision": "subdivision",
}


@dataclass(frozen=True)
class _Target:
    unit: str | None
    num: str
    subs: tuple[str, ...]
    range_to: tuple[str, tuple[str, ...]] | None
    #: Whether the number is printed in brackets ("subsection (3)", not "subsection 3(1)").
    bracketed: bool = False

    @property
    def in_a_section(self) -> bool:
        """Whether the target may name its section by a bare number, as Commonwealth texts
        do: "subsection 3(1)" and "paragraph 3(2)(b)" are units of section 3."""
        return (
            not self.bracketed
            and bool(self.subs)
            and _KIND_WORDS.get(self.unit or "") in ("paragraph", "subparagraph")
        )


@dataclass
class _Draft:
    """What a reference resolves to, worked out before its node is built (once)."""

    target: str | None = None
    targets: list[str] = field(default_factory=list)
    external: bool = False
    reason: str | None = None
    steps: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Phrase:
    kind: str  # "this", "preceding", "list"
    unit: str | None
    targets: tuple[_Target, ...]
    parent: _Target | None


def unit_word(word: str) -> str:
    """The normalised unit word of a keyword: "Articles" → article, "Sub-section" → subsection."""
    w = word.lower().replace("-", "").rstrip(".")
    if w.startswith("\u00a7"):
        return "\u00a7"
    if w.endswith("es") and w[:-2] in ("annex",):
        return "annex"
    return w[:-1] if w.endswith("s") and w[:-1] in _KIND_WORDS else w


@cache
def _grammar() -> Lark:
    from safeguard_lint.parsing import grammar_path

    return Lark(grammar_path("references.lark").read_text("utf-8"), parser="lalr", cache=True)


@cache
def parse_phrase(text: str) -> _Phrase | None:
    """Parse one reference phrase (cached: the same phrases recur across a text)."""
    try:
        tree = _grammar().parse(text)
    except LarkError:
        return None
    node = tree.children[0]
    assert isinstance(node, Tree)
    toks = [t for t in node.children if isinstance(t, Token)]
    if node.data in ("this_ref", "preceding_ref"):
        return _Phrase(str(node.data).split("_")[0], unit_word(toks[-1].value), (), None)
    unit: str | None = None
    targets: list[_Target] = []
    parent: _Target | None = None
    #: The tokens since the last target: ["," "paragraph"] after "Article 24".
    between: list[str] = []
    for child in node.children:
        if isinstance(child, Token):
            between.append(child.type)
            if child.type == "UNIT":
                unit = unit_word(child.value)
        elif isinstance(child, Tree) and child.data == "target":
            target = _target(child, unit)
            last = targets[-1] if targets else None
            if last is not None and last.subs and _bracketed(child) and not target.subs:
                # "section 1(2)(a) or (b)": (b) is a sibling of (a), not a section "b".
                sibling = (*last.subs[:-1], target.num)
                target = replace(last, subs=sibling, range_to=None)
            elif last is not None and _within(last, target, between):
                # "Article 24, paragraph 1": the paragraph of that article, as treaties name
                # it; the numbers after it are articles again ("Articles 2, 6, paragraph 1.b,
                # 7 and 9").
                targets[-1] = replace(last, subs=(*last.subs, target.num, *target.subs))
                unit, between = last.unit, []
                continue
            targets.append(target)
            between = []
        elif isinstance(child, Tree) and child.data == "parent":
            punit = next(t for t in child.children if isinstance(t, Token) and t.type == "UNIT")
            ptree = next(t for t in child.children if isinstance(t, Tree))
            parent = _target(ptree, unit_word(punit.value))
    return _Phrase("list", unit, tuple(targets), parent)


def _within(last: _Target, target: _Target, between: list[str]) -> bool:
    """Whether `target`, after `last` and the tokens `between` them, names a part of `last`:
    a paragraph or point after a provision and a comma alone ("Article 24, paragraph 1")."""
    return (
        between == ["COMMA", "UNIT"]
        and _KIND_WORDS.get(last.unit or "") == "provision"
        and _KIND_WORDS.get(target.unit or "") in ("paragraph", "subparagraph")
        and last.range_to is None
        and target.range_to is None
    )


def _bracketed(target: Tree[Token]) -> bool:
    """Whether a target's number is written in brackets ("(b)")."""
    number = next(c for c in target.children if isinstance(c, Tree) and c.data == "number")
    return str(number.children[0]).startswith("(")


@lru_cache(maxsize=4096)
def read_phrase(text: str) -> _Phrase | None:
    """Parse a reference phrase as found in text, abbreviations ("s. 69") included (cached)."""
    return parse_phrase(_ABBREVIATED.sub("sec.", text))


def _target(tree: Tree[Token], unit: str | None) -> _Target:
    num = ""
    subs: list[str] = []
    range_to: tuple[str, tuple[str, ...]] | None = None
    for child in tree.children:
        if not isinstance(child, Tree):
            continue
        if child.data == "number":
            num, point = _number(str(child.children[0]), unit)
            subs.extend(point)
        elif child.data == "sub":
            subs.append(str(child.children[0]))
        elif child.data == "range":
            rnum = ""
            rsubs: list[str] = []
            for r in child.children:
                if isinstance(r, Tree) and r.data == "number":
                    rnum, point = _number(str(r.children[0]), unit)
                    rsubs.extend(point)
                elif isinstance(r, Tree) and r.data == "sub":
                    rsubs.append(str(r.children[0]))
            range_to = (rnum, tuple(rsubs))
    return _Target(unit, num, tuple(subs), range_to, _bracketed(tree))


#: A paragraph number and the letter of one of its points, as Council of Europe treaties
#: write them ("paragraph 1.b").
_DOTTED_POINT = compile_regex(r"([0-9]+[A-Za-z]?(?:\.[0-9]+)*)\.([a-z])")


def _number(text: str, unit: str | None) -> tuple[str, tuple[str, ...]]:
    """A target's number and the letter of the point it names, if any: "paragraph 1.b" is
    point b of paragraph 1, "Article 9.1.a" point a of paragraph 1 of Article 9; in "Article
    20.d" (of another instrument: a treaty names its own as "Article 20, paragraph 1.d") the
    letter is left out."""
    num = _clean_num(text)
    point = _DOTTED_POINT.fullmatch(num)
    if point is None:
        return num, ()
    num = point.group(1)
    if _KIND_WORDS.get(unit or "") == "provision" and "." not in num:
        return num, ()
    return num, (point.group(2),)


def _clean_num(num: str) -> str:
    return " ".join(num.strip("()").split())


class _BeyondDocument(Exception):
    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class Resolver:
    """Resolves references against one document's units."""

    def __init__(self, units: list[tuple[Unit, tuple[Unit, ...]]]) -> None:
        self.provisions: dict[str, Unit] = {}
        self._ordered: list[tuple[int, Unit]] | None = None
        #: Children of a unit by their number's key, keyed by the unit's id.
        self._children: dict[int, dict[str, Unit]] = {}
        self.divisions: dict[tuple[str, str], Unit] = {}
        for unit, _ in units:
            if isinstance(unit, Provision) and unit.num:
                self.provisions.setdefault(_key(unit.num), unit)
            elif isinstance(unit, Division) and unit.num:
                self.divisions.setdefault((unit.kind, _key(unit.num)), unit)
        self.division_kinds = {k for k, _ in self.divisions}
        #: The units at the top of the document, for "the preceding article" among them.
        self.top = [unit for unit, ancestors in units if not ancestors]

    def find(
        self,
        text: str,
        offset: int,
        chain: tuple[Unit, ...],
        starts: list[int] | None = None,
    ) -> list[Reference]:
        """Every reference in `text` (which starts at `offset`), resolved from `chain`.

        `starts` may give the offsets in `text` where references may start, as
        `trigger_positions` would find them or fewer (`reference_starts`): offsets where no
        phrase matches may be left out. A caller scanning many texts of one source scans the
        source once.
        """
        refs = []
        for m in _candidates(text, starts):
            phrase = read_phrase(m.group())
            if phrase is None:
                continue
            ref = _Draft()
            tail = text[m.end() : m.end() + 120]
            if phrase.kind == "list" and (
                _EXTERNAL.match(tail)
                or _EXTERNAL_BEFORE.search(text, max(0, m.start() - 160), m.start())
            ):
                ref.external = True
                ref.reason = "refers to another instrument"
            elif (bigger := _THIS_BIGGER.match(tail)) and (
                bigger.group(1).lower() not in self.division_kinds
            ):
                # "Article 6 of this Law": this document, when it holds the article; else
                # the wider title or code this document is an excerpt of.
                with contextlib.suppress(_BeyondDocument):
                    self._resolve(ref, phrase, chain)
                if ref.target is None and not ref.targets:
                    ref.external = True
                    ref.steps = []
                    word = bigger.group(1).lower()
                    ref.reason = f"refers to the wider {word}, beyond this document"
            else:
                try:
                    self._resolve(ref, phrase, chain)
                except _BeyondDocument as beyond:
                    ref.external = True
                    ref.target, ref.targets = None, []
                    ref.reason = f"this document has no {beyond.kind}s: it points beyond it"
            node: Reference = _NEW_REFERENCE(
                {
                    "span": Span(offset + m.start(), offset + m.end()),
                    "target": ref.target,
                    "targets": ref.targets,
                    "external": ref.external,
                    "reason": ref.reason,
                    "steps": ref.steps,
                }
            )
            refs.append(node)
        return refs

    def _resolve(self, ref: _Draft, phrase: _Phrase, chain: tuple[Unit, ...]) -> None:
        if phrase.kind == "this":
            ref.steps = [(phrase.unit or "", "this")]
            enclosing = _enclosing(chain, phrase.unit or "")
            if enclosing is None and _KIND_WORDS.get(phrase.unit or "") in _DIVISIONS:
                ref.external = True
                ref.reason = f"refers to the {phrase.unit} that contains this document"
            _set(ref, [enclosing] if enclosing else [], f"no enclosing {phrase.unit}")
            return
        if phrase.kind == "preceding":
            ref.steps = [(phrase.unit or "", "preceding")]
            previous = self._preceding(chain, phrase.unit or "")
            _set(ref, [previous] if previous else [], "no preceding unit of that kind")
            return
        scope = chain
        if phrase.parent is not None:
            parent_units = self._lookup(phrase.parent, chain)
            if not parent_units:
                ref.steps = _steps(phrase.parent)
                _set(ref, [], f"no {phrase.parent.unit} {phrase.parent.num} in this document")
                return
            scope = (*chain, parent_units[0])
        found: list[Unit] = []
        missing: list[str] = []
        for target in phrase.targets:
            units = self._lookup(target, scope)
            if not units and target.in_a_section:
                units = self._lookup(replace(target, unit="section"), scope)
            ref.steps.extend(_steps(target))
            if units:
                found.extend(units)
            else:
                missing.append(
                    f"{target.unit or 'unit'} {target.num}{''.join(f'({s})' for s in target.subs)}"
                )
        _set(ref, found, "no " + ", ".join(missing) + " in this document" if missing else None)
        if missing and found:
            ref.target = None

    def _lookup(self, target: _Target, chain: tuple[Unit, ...]) -> list[Unit]:
        kind = _KIND_WORDS.get(target.unit or "", "paragraph")
        if kind == "provision":
            first = self.provisions.get(_key(target.num))
            if first is None and (span := _HYPHEN_RANGE.fullmatch(target.num)) is not None:
                # "sections 1-2" where sections have no hyphenated numbers: a range.
                lo, hi = span.groups()
                return self._provision_range(replace(target, num=lo, range_to=(hi, ())))
            if first is None and "." in target.num:
                # "Article 9.1" where articles have whole numbers: paragraph 1 of article 9,
                # or, where the paragraphs carry the whole number ("12.4"), article 12 itself.
                head, *rest = target.num.split(".")
                split = replace(target, num=head, subs=(*rest, *target.subs))
                whole = replace(target, num=head, subs=target.subs)
                return self._lookup(split, chain) or self._lookup(whole, chain)
            bases = [first] if first else []
            if target.range_to is not None and first is not None:
                return self._provision_range(target)
        elif kind in _DIVISIONS:
            hit = self.divisions.get((kind, _key(target.num)))
            bases = [hit] if hit else []
            if not bases and kind not in self.division_kinds:
                raise _BeyondDocument(kind)
        else:
            bases = self._relative(chain, target.num)
        if not bases:
            return []
        unit = bases[0]
        for sub in target.subs:
            nxt = self._child(unit, sub)
            if nxt is None:
                return []
            unit = nxt
        return [unit]

    def _preceding(self, chain: tuple[Unit, ...], word: str) -> Unit | None:
        """The unit before the one of kind `word` that holds the reference ("the preceding
        paragraph" in paragraph 3 is paragraph 2), among that unit's siblings."""
        current = _enclosing(chain, word)
        if current is None:
            return None
        at = next(i for i, u in enumerate(chain) if u is current)
        siblings = list(chain[at - 1].units()) if at > 0 else self.top
        kinds = [u for u in siblings if u.kind == current.kind]
        index = next((i for i, u in enumerate(kinds) if u is current), 0)
        return kinds[index - 1] if index > 0 else None

    def _relative(self, chain: tuple[Unit, ...], num: str) -> list[Unit]:
        """A paragraph or point of the unit the reference stands in, or of the nearest
        enclosing unit that has one, up to the provision."""
        for unit in reversed(chain):
            hit = self._child(unit, num)
            if hit is not None:
                return [hit]
            if isinstance(unit, Provision):
                break
        return []

    def _child(self, unit: Unit, num: str) -> Unit | None:
        """The first unit directly below `unit` numbered `num` (indexed on first use)."""
        index = self._children.get(id(unit))
        if index is None:
            index = {}
            prefix = f"{unit.num}." if unit.num else None
            for child in unit.units():
                if child.num is not None:
                    index.setdefault(_key(child.num), child)
                    if prefix and child.num.startswith(prefix):
                        # "4.1" in section 4 is its paragraph 1 to "section 4.1" as well
                        index.setdefault(_key(child.num[len(prefix) :]), child)
            self._children[id(unit)] = index
        return index.get(_key(num))

    def _provision_range(self, target: _Target) -> list[Unit]:
        assert target.range_to is not None
        lo, hi = _ordinal(target.num), _ordinal(target.range_to[0])
        if lo is None or hi is None or hi < lo or hi - lo > 500:
            return self._printed_range(target.num, target.range_to[0])
        ordered = self._by_ordinal()
        first_at = bisect.bisect_left(ordered, lo, key=_first)
        return [u for _, u in ordered[first_at : bisect.bisect_right(ordered, hi, key=_first)]]

    def _printed_range(self, first: str, last: str) -> list[Unit]:
        """The provisions from `first` to `last` in the order the text prints them, for numbers
        that have no ordinal ("articles 100-3 to 100-7"); only the first when `last` is not
        found after it."""
        keys = list(self.provisions)
        low, high = _key(first), _key(last)
        if low not in self.provisions:
            return []
        start = keys.index(low)
        end = keys.index(high) if high in self.provisions else -1
        if end < start:
            return [self.provisions[low]]
        return [self.provisions[k] for k in keys[start : end + 1]]

    def _by_ordinal(self) -> list[tuple[int, Unit]]:
        """Provisions with a numeric or roman number, sorted by it (built on first use)."""
        if self._ordered is None:
            pairs = [(o, u) for n, u in self.provisions.items() if (o := _ordinal(n)) is not None]
            self._ordered = sorted(pairs, key=_first)
        return self._ordered


def _first(pair: tuple[int, Unit]) -> int:
    return pair[0]


def trigger_positions(text: str) -> list[int]:
    """Sorted offsets in `text` where a reference phrase may start.

    A trigger word counts at the start of `text` or after a character that is not a letter,
    digit, "_" or "."; "§" counts likewise, and also right after another "§" ("§§ 2510").
    """
    return _positions(text, _AFTER_NON_WORD)


def reference_starts(text: str) -> list[int]:
    """`trigger_positions` without the triggers not followed by what a reference phrase needs
    next (a unit word and a number, or a unit word after "this" or "the preceding").

    Four triggers in five ("this Regulation", "particular", "security") are dropped in the
    scan itself, so the full phrase pattern is not tried there one call at a time.
    """
    return _positions(text, _AFTER_NON_WORD_NEEDED)


def _positions(text: str, after_non_word: re.Pattern[str]) -> list[int]:
    found = [
        m.start() + 1
        for m in after_non_word.finditer(text)
        if (before := m.group()[0]).isascii() or not before.isalnum()
    ]
    if _AT_START.match(text):
        found.append(0)
    at = text.find(_SECTION_SIGN, 1)
    while at != -1:
        before = text[at - 1]
        if not (before.isalnum() or before in "_."):  # what the regex class [\w.] excludes
            found.append(at)
        at = text.find(_SECTION_SIGN, at + 1)
    found.sort()
    return found


def starts_reference(text: str) -> bool:
    """Whether a reference phrase may start at the very start of `text`."""
    return _AT_START.match(text) is not None


def _candidates(text: str, starts: list[int] | None = None) -> list[re.Match[str]]:
    """The reference phrases of `text`, tried at `starts` (by default `trigger_positions`)."""
    found = []
    pos = 0
    match = CANDIDATE.match
    for start in trigger_positions(text) if starts is None else starts:
        if start < pos:
            continue
        m = match(text, start)
        if m is not None:
            found.append(m)
            pos = m.end()
    return found


def _set(ref: _Draft, units: list[Unit], missing: str | None) -> None:
    ref.targets = [u.eid for u in units]
    ref.target = ref.targets[0] if ref.targets else None
    if missing and not units:
        ref.reason = missing


def _steps(target: _Target) -> list[tuple[str, str]]:
    steps = [(target.unit or "", target.num)]
    steps.extend(("", s) for s in target.subs)
    return steps


@lru_cache(maxsize=4096)
def _key(num: str) -> str:
    """A number as looked up: no spaces, no case, no ordinal sign ("5\u00ba" is 5)."""
    return _SPACES.sub("", num).lower().rstrip("\u00b0\u00ba")


def _ordinal(num: str) -> int | None:
    if num.isdigit():
        return int(num)
    return roman_value(num)


def _enclosing(chain: tuple[Unit, ...], word: str) -> Unit | None:
    """The unit a "this <word>" phrase names: a division printed with that keyword (a treaty's
    "SECTION 2" grouping articles) before a unit of that kind."""
    for unit in reversed(chain):
        if isinstance(unit, Division) and unit.label.lower().startswith(word + " "):
            return unit
    kind = _KIND_WORDS.get(word, word)
    for unit in reversed(chain):
        if kind == "provision" and isinstance(unit, Provision):
            return unit
        if unit.kind == word or (kind == "paragraph" and unit.kind in ("paragraph", "subsection")):
            return unit
    return None
