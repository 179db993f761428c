"""The per-document safeguard model that the JR, RM, PL, HR and OV rules share.

Built once per document through `RuleContext.cached(safeguard_model)`:

- every sentence of body text, located in its unit and provision, with its `Clause`;
- the provisions that grant an intrusive power (`power_provisions`);
- for each provision, its *coverage*: its own sentences, the sentences of the provisions it
  refers to ("subject to Articles 14 and 15"), and the general clauses whose own words reach it
  ("the powers and procedures provided for in this Section", "data obtained under this Part",
  or, naming no provision, the instrument the power works by: "Warrant shall be issued for a
  period of not longer than six days"), with the sentences that continue them ("Such
  conditions and safeguards shall…");
- `evidence(provision, finder)`: whether a safeguard found by `finder` covers the provision
  unhedged, or only under a hedge, a deferral or an optional formula (the hedge then travels
  with the general clause to every power it covers).

Whole-document scans happen once per lexicon category and only pick candidate sentences; every
other lookup runs on single sentences and is memoised by the clause.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Literal, Protocol

from safeguard_lint.ast import Block, Division, Document, Node, Span, Subparagraph, Unit
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.semantics.clauses import Clause, ClauseAnalyser
from safeguard_lint.semantics.lexicon import LexMatch
from safeguard_lint.semantics.matcher import fold
from safeguard_lint.semantics.passages import LEAD_IN_MARKS
from safeguard_lint.semantics.scopes import unit_index
from safeguard_lint.semantics.sentences import split_sentences

_TEXT_KINDS = frozenset({"text", "unparsed"})
#: The instrument nouns of the `scope.instrument` lexicon category, for matching their uses.
_INSTRUMENT = compile_regex(
    r"\b(warrant|order|direction|authori[sz]ation)s?\b(?!.*\b(?:warrant|order|direction|"
    r"authori[sz]ation)s?\b)",
    re.IGNORECASE | re.DOTALL,
)
#: A lead-in permitting the measures it lists ("The following measures may be carried out:").
_MEASURES_PERMITTED = compile_regex(
    r"\b(?:may|shall)\s+be\s+(?:carried\s+out|conducted|undertaken|performed|used|employed|"
    r"applied|taken)\b"
    r"|\bmay\b[^.;:]{0,80}?\b(?:take|exercise|carry\s+out|use|conduct|apply|employ)\s+"
    r"(?:all\s+or\s+)?(?:any\s+of\s+)?the\s+following\s+(?:[\w-]+\s+){0,2}"
    r"(?:measures|steps|actions|powers|means|methods|techniques|operations)\b"
    r"|\b(?:(?:shall\s+)?ha(?:ve|s)\s+the\s+(?:right|power|authority)|(?:is|are|shall\s+be)\s+"
    r"(?:entitled|authori[sz]ed|empowered))\s+to\s*(?:[:\u2014\u2013]|:-|\s-)\s*$"
    r"|\b(?:assistance|co-?operation|measures|powers)\s+(?:may|shall)\s+(?:also\s+)?include\s*"
    r"(?:[:\u2014\u2013]|:-|\s-)\s*$",
    re.IGNORECASE,
)
#: A lead-in that ends on its modal verb, the items completing it ("A police officer may—
#: (a) intercept…", "the officer may, on a warrant,\u2014").
_MAY_LEAD = compile_regex(
    r"\bmay(?:\s+\w+ly)?(?:\s*,[^;:]{0,200}?,)?\s*(?:[:\u2014\u2013]|:-|\s-)\s*$", re.IGNORECASE
)
#: A blank to be filled in, and how many make a provision a form.
_BLANK = compile_regex(r"_{5,}|\.{8,}|…{3,}")
_FORM_BLANKS = 3
#: Units whose text binds no one (recitals, preambles): left out of the model.
_NON_OPERATIVE = frozenset({"recital", "recitals", "preamble", "citation", "note"})


class Located(Protocol):
    """Anything found in a text: absolute offsets and the words themselves."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Site:
    """A sentence located in the tree: its clause, innermost unit and provision."""

    clause: Clause
    unit: Unit
    provision: Unit


@dataclass(frozen=True, slots=True)
class Cover:
    """A sentence that applies to a provision, and how: its own, by reference, or general."""

    site: Site
    via: Literal["own", "reference", "general"]


@dataclass(frozen=True, slots=True)
class Hit:
    """A safeguard found in a covering sentence, with the words that qualify it (if any)."""

    cover: Cover
    found: Located
    qualifiers: tuple[LexMatch, ...]


@dataclass
class Evidence:
    """What covers a provision for one safeguard: an unqualified hit, or only qualified ones."""

    firm: Hit | None = None
    qualified: list[Hit] = field(default_factory=list)

    @property
    def satisfied(self) -> bool:
        """Whether an unqualified safeguard covers the provision."""
        return self.firm is not None

    @property
    def defeated(self) -> Hit | None:
        """The first qualified hit when no unqualified one exists (the hedge at fault)."""
        return None if self.firm is not None else next(iter(self.qualified), None)


Finder = Callable[[Clause], Iterable[Located]]


class SafeguardModel:
    """Sentences, powers and safeguard coverage of one document (operative text only)."""

    def __init__(self, ctx: RuleContext) -> None:
        self.ctx = ctx
        self.document: Document = ctx.document
        self.source = ctx.source
        self.folded = fold(self.source)
        defined = [*_defined_powers(ctx), *_defined_data_powers(ctx)]
        self.analyser = ClauseAnalyser(ctx.lexicon, defined, _defined_officials(ctx))
        self.index = unit_index(ctx)
        self.sites: list[Site] = []
        self._collect(self.document, self.document)
        self.sites.sort(key=lambda s: s.clause.start)
        self._starts = [s.clause.start for s in self.sites]
        self.by_provision: dict[int, list[Site]] = {}
        for site in self.sites:
            self.by_provision.setdefault(id(site.provision), []).append(site)
        self._coverage: dict[int, list[Cover]] = {}
        self._general: list[tuple[Site, frozenset[int]]] | None = None
        self._forms: dict[tuple[int, int], bool] = {}

    # -- building ---------------------------------------------------------------------------

    def _collect(self, node: Node, unit: Unit) -> None:
        for child in node.children:
            if isinstance(child, Unit):
                if not (isinstance(child, Block) or child.kind in _NON_OPERATIVE):
                    self._collect(child, child)
            elif child.kind in _TEXT_KINDS:
                provision = self.index.provision_of(unit)
                text = self.source[child.span.start : child.span.end]
                for sentence in split_sentences(text, child.span.start):
                    self.sites.append(Site(self.analyser.analyse(sentence), unit, provision))

    def is_form(self, provision: Unit) -> bool:
        """Whether a provision is a form to be filled in (it holds several blanks), read once
        per provision though asked for each of its sentences."""
        key = (provision.span.start, provision.span.end)
        found = self._forms.get(key)
        if found is None:
            blanks = _BLANK.findall(self.source, *key)
            found = self._forms[key] = len(blanks) >= _FORM_BLANKS
        return found

    # -- locating ---------------------------------------------------------------------------

    def site_at(self, offset: int) -> Site | None:
        """The sentence holding `offset`, if any."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sites[i].clause.end:
            return self.sites[i]
        return None

    def candidates(self, lexicon: str, categories: Sequence[str] = ()) -> list[Site]:
        """Sentences holding a match of the lexicon (categories), found by one document scan;
        for the powers, also those using a defined term that means one."""
        lex = self.analyser.lexicon(lexicon)
        seen: dict[int, Site] = {}
        found: Iterable[LexMatch] = lex.finditer(self.source, 0, categories, folded=self.folded)
        if lexicon == "powers":
            found = (*found, *self.analyser.defined)  # uses of terms that mean a power
        for m in found:
            # A match may begin in a heading and run into the sentence below it.
            site = self.site_at(m.start) or self.site_at(m.end - 1)
            if site is not None:
                seen.setdefault(site.clause.start, site)
        return [seen[k] for k in sorted(seen)]

    def first(self, lexicon: str, categories: Sequence[str]) -> Site | None:
        """The first body sentence holding a match of any of the categories."""
        best: Site | None = None
        lex = self.analyser.lexicon(lexicon)
        for cat in categories:
            for m in lex.finditer(self.source, 0, (cat,), folded=self.folded):
                site = self.site_at(m.start)
                if site is not None:
                    if best is None or site.clause.start < best.clause.start:
                        best = site
                    break
        return best

    def defined_offences(self, clause: Clause) -> list[LexMatch]:
        """Uses, in `clause`, of defined terms that mean a closed class of offences
        ("relevant offence" means an offence listed in Schedule 1), as offence matches."""
        uses = self.ctx.cached(_defined_offences)
        lo = bisect.bisect_left(uses, clause.start, key=_START)
        hi = bisect.bisect_left(uses, clause.end, key=_START)
        return uses[lo:hi]

    # -- powers -----------------------------------------------------------------------------

    def power_sites(self) -> list[Site]:
        """Sentences that confer an intrusive power, in document order (computed once)."""
        return self.ctx.cached(_power_sites)

    def power_provisions(self) -> list[tuple[Unit, list[Site]]]:
        """Each provision that confers a power, with its power sentences."""
        grouped: dict[int, tuple[Unit, list[Site]]] = {}
        for site in self.power_sites():
            grouped.setdefault(id(site.provision), (site.provision, []))[1].append(site)
        return list(grouped.values())

    def power_categories(self, provision: Unit, sites: Sequence[Site]) -> frozenset[str]:
        """The power categories a provision grants: those its power sentences name, and those
        its heading names ("Interception of content data")."""
        found = {m.category for s in sites for m in s.clause.powers}
        if provision.heading:
            heading = provision.heading
            named = list(self.analyser.lexicon("powers").finditer(heading))
            # "Blocking Access to Computer Data" names a block, not an access to data.
            blocks = [m for m in named if m.category == "blocking"]
            found.update(
                m.category for m in named if not any(b.start <= m.start < b.end for b in blocks)
            )
        return frozenset(found)

    # -- coverage ---------------------------------------------------------------------------

    def general_clauses(self) -> list[tuple[Site, frozenset[int]]]:
        """General clauses: sentences that name the powers of a division or range, with the ids
        of the provisions they reach, plus the sentences continuing them ("Such safeguards")."""
        if self._general is None:
            found: list[tuple[Site, frozenset[int]]] = []
            for site in self.candidates("scope", ("powers_in",)):
                c = site.clause
                reach = self.index.reach(c.text, c.start, site.unit)
                targets = frozenset(id(p) for p in reach if p is not site.provision)
                if not targets:
                    continue
                targets |= self._granted_as_listed(reach)
                found.append((site, targets))
                found.extend((other, targets) for other in self._continuing(site))
            # A clause that names the provisions it reaches reaches those; one that speaks of
            # an instrument and of a measure ("may quash any warrant" of one who "believes
            # that his communications have been intercepted") reaches the powers of both.
            named = {s.clause.start for s, _ in found}
            implied: dict[int, tuple[Site, frozenset[int]]] = {}
            for site, targets in (*self._instrument_clauses(), *self._measure_clauses()):
                if site.clause.start in named:
                    continue
                for each in (site, *self._continuing(site)):
                    _, before = implied.get(each.clause.start, (each, frozenset()))
                    implied[each.clause.start] = (each, before | targets)
            for site, targets in self._unnamed_measure_clauses():  # each one sentence long
                if site.clause.start not in named and site.clause.start not in implied:
                    implied[site.clause.start] = (site, targets)
            self._general = [*found, *implied.values()]
        return self._general

    def _granted_as_listed(self, reach: Sequence[Unit]) -> frozenset[int]:
        """The power provisions granting measures that a cited provision only lists ("Special
        investigative measures are: 1) covert interception…"), so that "a measure referred to in
        Article 162" reaches the provision that grants them."""
        powers = self.power_provisions()
        granting = {id(p) for p, _ in powers}
        lex = self.analyser.lexicon("powers")
        found: set[int] = set()
        for unit in reach:
            if id(unit) in granting:
                continue
            listed = frozenset(m.category for m in lex.finditer(unit.span.slice(self.source)))
            if listed:  # the grants of the same division, not of another chapter
                around = self._powers_around(unit, powers)
                found.update(
                    id(p)
                    for p, sites in powers
                    if id(p) in around and _akin(listed, self.power_categories(p, sites))
                )
        return frozenset(found)

    def _measure_clauses(self) -> Iterator[tuple[Site, frozenset[int]]]:
        """Clauses that name a measure in a provision that grants no power, defines nothing and
        creates no offence ("Materials obtained by interception shall be destroyed after six
        months"), and the other sentences of such a provision when its heading names the
        measure too: they reach every provision granting a power of the same category."""
        powers = self.power_provisions()
        if not powers:
            return
        power_ids = {id(p) for p, _ in powers}
        for site in self.candidates("powers"):
            c = site.clause
            if id(site.provision) in power_ids or not c.speaks_of_measure:
                continue
            siblings = self.by_provision.get(id(site.provision), [])
            if _in_definitions(self, site) or any(s.clause.is_offence for s in siblings):
                continue  # a definition, or an element of an offence ("to intercept any …")
            named = frozenset(m.category for m in c.powers)
            targets = frozenset(
                id(p)
                for p, sites in powers
                if p is not site.provision and _akin(named, self.power_categories(p, sites))
            )
            if not targets:
                continue
            yield site, targets
            if site.provision.heading and named & self.power_categories(site.provision, []):
                # "Dealing with records obtained by use of surveillance devices": a provision
                # whose heading names the measure speaks of it in every sentence.
                for other in siblings:
                    if other is not site:
                        yield other, targets

    def _unnamed_measure_clauses(self) -> Iterator[tuple[Site, frozenset[int]]]:
        """Clauses outside the power provisions that speak of "the measure" or of the material
        it obtains without naming it ("The person concerned shall be informed of the measure",
        "The duration of the measure may not exceed fifteen days"): they mean the powers of
        the smallest division around them that grants any, or of the whole text."""
        powers = self.power_provisions()
        if not powers:
            return
        power_ids = {id(p) for p, _ in powers}
        mentions = [m.start() for m in _THE_MEASURE.finditer(self.source)]
        for site in self.sites:
            c = site.clause
            at = bisect.bisect_left(mentions, c.start)
            if at == len(mentions) or mentions[at] >= c.end or id(site.provision) in power_ids:
                continue  # the clause does not speak of "the measure", or speaks of its own
            if c.is_offence or c.is_definition:
                continue
            cited = self.index.reach(c.text, c.start, site.unit)
            if any(id(p) in power_ids or p is site.provision for p in cited):
                continue  # the measure of the provisions it cites, or of its own
            # (a provision that grants none, cited for something else: "…the right to request
            # review under Article 171", leaves "the measure" the text's)
            yield site, self._powers_around(site.unit, powers)

    def _powers_around(
        self, unit: Unit, powers: Sequence[tuple[Unit, list[Site]]]
    ) -> frozenset[int]:
        """The ids of the power provisions in the smallest division holding `unit` that holds
        any, or of every power provision when no division around `unit` does."""
        for holder in reversed(self.index.chain.get(unit.eid, ())):
            if not isinstance(holder, Division):
                continue
            inside = frozenset(
                id(p) for p, _ in powers if holder.span.start <= p.span.start < holder.span.end
            )
            if inside:
                return inside
        return frozenset(id(p) for p, _ in powers)

    def _continuing(self, site: Site) -> list[Site]:
        """Later sentences of the same provision that continue a general clause ("Such
        conditions and safeguards shall…", "…such evidence shall be kept in safe custody"),
        the items of a general clause that ends in a lead-in ("shall consider—(a)…"), and, in
        a provision that grants no power, every later sentence that names no provisions of
        its own: a provision on "measures under section 100a" speaks of them throughout ("The
        order shall be limited to three months", "Communications with a lawyer shall not be
        recorded"). Items of a list are left out of that: a rule-making power that lists
        "the precautions against improper interception" among twenty other topics speaks of
        interception in that item only."""
        scope = self.analyser.lexicon("scope")
        lead_in = site.clause.text.rstrip().endswith(LEAD_IN_MARKS)
        devoted = not isinstance(site.unit, Subparagraph) and all(
            p is not site.provision for p, _ in self.power_provisions()
        )
        return [
            other
            for other in self.by_provision.get(id(site.provision), [])
            if other.clause.start > site.clause.start
            and (
                scope.has(other.clause.text, "anaphora")
                or (lead_in and _inside(site.unit, self.index.chain.get(other.unit.eid, ())))
                or (
                    devoted
                    and not isinstance(other.unit, Subparagraph)
                    and not self.index.reach(other.clause.text, other.clause.start, other.unit)
                )
            )
        ]

    def _instrument_clauses(self) -> Iterator[tuple[Site, frozenset[int]]]:
        """Clauses about the instrument by which powers are exercised, naming no provision
        ("Warrant shall be issued for a period of not longer than six days", "material
        collected pursuant to the warrant shall be…"): they reach every power provision that
        works by that instrument (of the power categories they name, if any). A clause that
        grants a power speaks of that power's instrument only. A clause inside
        a power provision that names no power is about that provision's own instrument, and so
        is one that follows a sentence of its provision mentioning the instrument ("…may
        request the court to order the measure. The order is valid for thirty days")."""
        powers = self.power_provisions()
        if not powers:
            return
        power_ids = {id(p) for p, _ in powers}
        for site in self.sites:
            c = site.clause
            if not c.has("scope", "instrument") or c.is_offence or c.is_definition:
                continue
            if c.grants_power and not _ADDRESSEE_OF.search(c.text):
                continue  # "…may issue an order requiring…": that power's own instrument
            cited = self.index.reach(c.text, c.start, site.unit)
            if cited and all(p is site.provision for p in cited):
                continue  # "An order of compensation under this section": its own provision's
            reached = {id(p) for p in cited if id(p) in power_ids} - {id(site.provision)}
            if reached:
                # "No warrant shall be issued under section 5 unless a Judicial Commissioner
                # has approved it": a rule on the instrument of the provisions it names.
                yield site, frozenset(reached)
                continue
            issued = c.hits("markers", "issuance")
            if issued and (c.powers or not _ALREADY_NAMED.search(issued[0].text)):
                # "…may issue an order requiring…": that power's own instrument. Only "the
                # warrant" issued in a clause naming no power is one named before.
                continue
            named = self.power_categories(site.provision, [site]) if c.powers else frozenset()
            if id(site.provision) in power_ids and not named:
                continue
            noun = _INSTRUMENT.search(c.hits("scope", "instrument")[0].text)
            if noun is None:
                continue
            word = re.compile(rf"\b{noun.group(1)}", re.IGNORECASE)
            if any(
                s.clause.start < c.start
                and word.search(s.clause.text)
                and not s.clause.has("scope", "instrument")
                and not _THE_MEASURE.search(s.clause.text)  # "…searched … stating the warrant"
                for s in self.by_provision[id(site.provision)]
            ):
                continue  # "The order is valid for thirty days": the order just mentioned
            targets = frozenset(
                id(p)
                for p, sites in powers
                if p is not site.provision
                and (not named or named & self.power_categories(p, sites))
                and (
                    word.search(p.heading or "")
                    or any(word.search(s.clause.text) for s in self.by_provision[id(p)])
                )
            )
            if targets:
                yield site, targets

    def coverage(self, provision: Unit) -> list[Cover]:
        """The sentences that apply to `provision`: own, referenced, and general clauses."""
        key = id(provision)
        if key not in self._coverage:
            own = self.by_provision.get(key, [])
            # Provisions the power's own provision switches off for it ("Section 1 does not
            # apply to processing by a security agency") lend it none of their safeguards.
            off = self.index.switched_off(provision)
            own = [s for s in own if not _inside_any(s.clause.start, off)]
            covers = [Cover(s, "own") for s in own]
            seen = {s.clause.start for s in own}
            for site in own:
                c = site.clause
                for target in self.index.reach(c.text, c.start, site.unit, importing=True):
                    if target is provision:
                        continue
                    for s in self.by_provision.get(id(target), []):
                        if s.clause.start not in seen and not _inside_any(s.clause.start, off):
                            seen.add(s.clause.start)
                            covers.append(Cover(s, "reference"))
            for site, targets in self.general_clauses():
                if key not in targets or _inside_any(site.clause.start, off):
                    continue
                if site.clause.start not in seen:
                    seen.add(site.clause.start)
                    covers.append(Cover(site, "general"))
            self._coverage[key] = covers
        return self._coverage[key]

    def evidence(self, provision: Unit, finder: Finder, *, skip_offences: bool = True) -> Evidence:
        """Whether a safeguard (found in clauses by `finder`) covers `provision`, and how."""
        result = Evidence()
        for cover in self.coverage(provision):
            clause = cover.site.clause
            if (skip_offences and clause.is_offence) or clause.about_others:
                continue
            if clause.has("markers", "repeal"):
                continue  # "Section 7 (judicial review of notices) is repealed"
            for found in finder(clause):
                qualifiers = clause.governing(found.start, found.end)
                hit = Hit(cover, found, qualifiers)
                if not qualifiers:
                    result.firm = hit
                    return result
                result.qualified.append(hit)
        return result


#: An instrument named before ("issue the warrant", "grant such order").
_ALREADY_NAMED = compile_regex(
    r"\b(?:the|such|that)\s+(?:[\w-]+\s+)?(?:warrant|order|direction|authori[sz]ation)",
    re.IGNORECASE,
)
#: Interception, real-time collection and covert surveillance: the most intrusive powers, the
#: measures that watch communications or people as they happen, which drafters name by one
#: another ("intercepted material" obtained under a "surveillance warrant").
GRAVE = frozenset({"interception", "real_time", "surveillance"})


def _akin(named: frozenset[str], granted: frozenset[str]) -> bool:
    """Whether a clause naming measures of categories `named` speaks of a power granted under
    categories `granted`: the same category, or two of the watching measures."""
    return bool(named & granted) or bool(named & GRAVE and granted & GRAVE)


#: Words by which a clause means the measure a text authorises without naming it.
_THE_MEASURE = compile_regex(
    r"\bthe\s+(?:measures?|operations?|surveillance)\b|\b(?:data|material|information|"
    r"records?|communications?|images?|calls?|messages?|devices?|phones?)\s+(?:so\s+)?(?:(?:was|were|has\s+been|"
    r"have\s+been)\s+)?(?:obtained|collected|gathered|intercepted|acquired|matched|captured|"
    r"recorded|monitored|accessed|searched|seized)\b",
    re.IGNORECASE,
)


def _inside_any(offset: int, spans: Sequence[Span]) -> bool:
    """Whether `offset` lies inside one of `spans`."""
    return any(offset in s for s in spans)


#: The one who carries out an instrument issued elsewhere ("The addressee of a preservation
#: order shall preserve the data for sixty days"): the clause rules on that instrument.
_ADDRESSEE_OF = compile_regex(
    r"\b(?:addressee|recipient|person\s+(?:served|to\s+whom\s+\w+\s+is\s+(?:addressed|directed)))"
    r"\s+(?:of|with)\s+(?:an?|the|any|such)\s+(?:[\w-]+\s+)?(?:order|warrant|notice|request)",
    re.IGNORECASE,
)
#: A body described as independent in apposition: "the Commission, an independent authority".
_INDEPENDENT_APPOSITION = compile_regex(
    r"\bthe\s+(?P<name>[A-Z][\w-]*(?:\s+(?:of\s+|for\s+|on\s+)?[A-Z][\w-]*){0,4}),\s+"
    r"(?:an?\s+|the\s+)?independent\s+(?:[\w-]+\s+){0,2}?(?:authority|body|commission|"
    r"tribunal|board|office|institution|agency)\b"
)
#: An official named only as what another is independent of or answers to ("independent of
#: the Minister", "appointed by the Minister").
_OF_ANOTHER = compile_regex(r"\b(?:of|from|by|to)\s+(?:the\s+)?$", re.IGNORECASE)
#: The opening of a definition's meaning, up to the thing defined ("" means the …).
_MEANS = compile_regex(
    r"[\W_]*\s*(?:means|includes|refers\s+to|shall\s+mean)\s+(?:(?:the|any|an?)\s+)?",
    re.IGNORECASE,
)


#: How far into a definition's meaning the authority or data it means may be named ("means the
#: Secretary in the Ministry of Home Affairs", "means any judge of a High Court", "means
#: location data and traffic data").
_MEANING_REACH = 40
#: What may stand between a verb and the defined term it governs: a determiner and up to two
#: words ("collect any such technological data", "obtain the stored app data").
_UP_TO_TERM = compile_regex(
    r"\s+(?:(?:the|any|all|such|its|their)\s+){0,2}(?:[\w-]+\s+){0,2}", re.IGNORECASE
)
#: What may stand between "means" and the power a definition opens on ("obtaining covert …").
_OPENS_ON = compile_regex(
    r"(?:(?:obtaining|carrying\s+out|conducting|the|any|covert|secret)\s+){0,3}"
)


def _defined_powers(ctx: RuleContext) -> list[LexMatch]:
    """Uses of defined terms that mean an intrusive power ("special measures" means the
    interception of communications…), as matches of that power. Terms that already
    name a power, and instruments ("warrant" means a warrant to intercept…), are left out: the
    instrument clauses read those."""
    powers = ctx.lexicon("powers")
    scope = ctx.lexicon("scope")
    return _uses_meaning(
        ctx,
        "powers",
        (),
        lambda term: powers.has(term) or scope.has(term, "instrument"),
        lambda meaning, head, first: _OPENS_ON.fullmatch(meaning, head, first) is not None,
    )


def _defined_data_powers(ctx: RuleContext) -> list[LexMatch]:
    """Uses of defined terms that mean communications data revealing private life
    ("technological data" means location data and traffic data) after a verb that collects,
    obtains, keeps or hands them over ("collect technological data"), as matches of the power
    the verb names."""
    private = ctx.lexicon("retention")
    verbs = ctx.lexicon("data_access")
    uses = _uses_meaning(
        ctx,
        "retention",
        ("private_life",),
        # "location data" names itself; a bare "data" is every datum of the text
        lambda term: private.has(term, "private_life") or len(term.split()) < 2,
        lambda meaning, head, first: first - head <= _MEANING_REACH,
    )
    found: list[LexMatch] = []
    for use in uses:
        at = max(0, use.start - 60)
        verb = next(
            (
                v
                for v in reversed(list(verbs.finditer(ctx.source[at : use.start], at)))
                if _UP_TO_TERM.fullmatch(ctx.source, v.end, use.start)
            ),
            None,
        )
        if verb is not None:
            text = ctx.source[verb.start : use.end]
            found.append(LexMatch("powers", verb.category, verb.start, use.end, text))
    return found


def _defined_officials(ctx: RuleContext) -> list[LexMatch]:
    """Uses of defined terms that mean an authority ("authorising officer" means a police
    officer of or above the rank of superintendent; "designated judge" is one already), as
    matches of that authority's class: judicial, independent or executive."""
    authorisers = ctx.lexicon("authorisers")
    kinds = ("judicial", "independent", "executive")
    found = _uses_meaning(
        ctx,
        "authorisers",
        kinds,
        lambda term: any(authorisers.has(term, kind) for kind in kinds),
        lambda _meaning, head, first: first - head <= _MEANING_REACH,
    )
    return sorted(
        [*found, *_executive_in_judicial_terms(ctx), *_described_independent(ctx)],
        key=lambda m: m.start,
    )


def _described_independent(ctx: RuleContext) -> list[LexMatch]:
    """Every mention of a body the text describes as independent where it first names it
    ("the assent of the Commission, an independent authority"), as an independent one."""
    names = {m.group("name") for m in _INDEPENDENT_APPOSITION.finditer(ctx.source)}
    return [
        LexMatch("authorisers", "independent", m.start(), m.end(), m.group(0))
        for name in names
        for m in re.finditer(rf"\b{re.escape(name)}\b", ctx.source)
    ]


def _executive_in_judicial_terms(ctx: RuleContext) -> list[LexMatch]:
    """Uses of a term that sounds judicial or independent but whose meaning names an executive
    official ("'judicial authority' means the public prosecutor or the investigating judge"):
    the measure it authorises may be authorised by the executive (CJEU Prokuratuur). An
    official the meaning names only as what another is independent of does not count."""
    authorisers = ctx.lexicon("authorisers")
    return _uses_meaning(
        ctx,
        "authorisers",
        ("executive",),
        lambda term: (
            not (authorisers.has(term, "judicial") or authorisers.has(term, "independent"))
        ),
        lambda meaning, head, first: (
            first - head <= _MEANING_REACH and not _OF_ANOTHER.search(meaning, 0, first)
        ),
    )


def _defined_offences(ctx: RuleContext) -> list[LexMatch]:
    """Uses of defined terms that mean offences of a closed class ("relevant offence" means an
    offence listed in Schedule 1), in document order. Terms that name such a class already
    ("scheduled offence") are matched as they stand, and a meaning that also leaves the class
    to someone's view ("… or which the Minister considers contrary to the public interest")
    closes nothing."""
    grounds = ctx.lexicon("grounds")
    uses = _uses_meaning(
        ctx,
        "grounds",
        ("offences",),
        lambda term: grounds.has(term, "offences"),
        lambda meaning, head, first: (
            first - head <= _MEANING_REACH and not _DISCRETION.search(meaning)
        ),
    )
    return sorted(uses, key=_START)


#: Where a match starts, to order and bisect matches by.
_START = attrgetter("start")
#: Words that leave a definition's reach to someone's view.
_DISCRETION = compile_regex(
    r"\b(?:considers?|deems?|thinks?|believes?|in\s+the\s+opinion\s+of|determines?)\b",
    re.IGNORECASE,
)


def _uses_meaning(
    ctx: RuleContext,
    lexicon: str,
    categories: Sequence[str],
    names_itself: Callable[[str], bool],
    opens_on: Callable[[str, int, int], bool],
) -> list[LexMatch]:
    """Uses of the defined terms whose meaning opens on a match of `lexicon` (`categories`;
    all when empty), as matches of that match's category. Terms that `names_itself` are left
    out, and so are meanings where `opens_on(meaning, head_end, match_start)` says the match
    does not open the meaning (a definition that mentions it but means something else)."""
    lex = ctx.lexicon(lexicon)
    found: list[LexMatch] = []
    for term, entries in ctx.document.definitions.items():
        if names_itself(term):
            continue
        for entry in entries:
            meaning = ctx.source[entry.term_span.end : entry.span.end]
            head = _MEANS.match(meaning)
            first = next(iter(lex.finditer(meaning, 0, list(categories))), None)
            if head is None or first is None or not opens_on(meaning, head.end(), first.start):
                continue
            found.extend(
                LexMatch(lexicon, first.category, u.start, u.end, ctx.source[u.start : u.end])
                for u in entry.uses
            )
    return found


def _inside(unit: Unit, chain: Sequence[Unit]) -> bool:
    """Whether `unit` strictly encloses the last unit of `chain` (compared by identity)."""
    return any(u is unit for u in chain[:-1])


def _power_sites(ctx: RuleContext) -> list[Site]:
    model = safeguard_model(ctx)
    candidates = model.candidates("powers")
    found: list[Site] = []
    for site in candidates:
        if _in_definitions(model, site) or _in_form(model, site):
            continue
        siblings = model.by_provision.get(id(site.provision), [])
        if site.clause.modality is None and any(s.clause.is_offence for s in siblings):
            continue  # an item of an offence ("…(b) intercepts any message…, shall be punished")
        if site.clause.grants_power or _listed(model, site):
            found.append(site)
    found = _without_restatements(found)
    # A power the text grants nowhere but lets be applied for ("may apply to a judge for a
    # warrant authorising interception"), or forbids except under an instrument ("No person
    # shall intercept … except by an order issued by…"), is granted by that application or
    # instrument.
    granted = {m.category for s in found for m in s.clause.powers}
    implied = [
        site
        for site in candidates
        if (
            site.clause.applies_for_power
            or site.clause.lifted_by_instrument
            or site.clause.has("markers", "dispensation")  # "No warrant is required for…"
        )
        and not {m.category for m in site.clause.powers} & granted
        and not _in_definitions(model, site)
        and not site.clause.is_offence  # "It constitutes a crime to intercept … without…"
    ]
    return sorted([*found, *implied], key=lambda s: s.clause.start) if implied else found


#: A measure said to be done, with no one doing it ("may be carried out only…").
_PASSIVE_GRANT = compile_regex(
    r"\b(?:may|shall|must|can)\s+(?:only\s+)?be\s+(?:\w+\s+)?\w+(?:ed|en|out)\b", re.IGNORECASE
)


def _without_restatements(found: list[Site]) -> list[Site]:
    """The power sentences less those that only narrow a power granted in another provision
    ("Signals intelligence may be carried out only in order to monitor external threats",
    after a provision granting it on a court's permission): a condition of that power, which
    reaches it as a clause naming the measure, not a second grant. An actor who "may perform an
    advanced search … only where there is reasonable suspicion" is granted a tier of its own."""

    restating = {
        id(s)
        for s in found
        if s.clause.narrows_only and _PASSIVE_GRANT.search(s.clause.text) is not None
    }
    if not restating:
        return found
    granted: dict[str, set[int]] = {}
    for s in found:
        if id(s) not in restating:
            for m in s.clause.powers:
                granted.setdefault(m.category, set()).add(id(s.provision))
    return [
        s
        for s in found
        if id(s) not in restating
        or not any(granted.get(m.category, set()) - {id(s.provision)} for m in s.clause.powers)
    ]


def _in_definitions(model: SafeguardModel, site: Site) -> bool:
    """Whether a sentence stands in a definitions provision ("Definitions", "Use of terms")."""
    heading = site.provision.heading or ""
    return site.clause.is_definition or bool(
        heading and model.analyser.lexicon("markers").has(heading, "definitions")
    )


def _in_form(model: SafeguardModel, site: Site) -> bool:
    """Whether a sentence stands in a form to be filled in (a schedule of blanks: "It is
    further affirmed that the said warrant authorizes the lawful interception of: 1. ____"):
    a form records the use of a power, it confers none."""
    return model.is_form(site.provision)


def _listed(model: SafeguardModel, site: Site) -> bool:
    """Whether a power sentence is an item of a list whose lead-in confers powers
    ("…to empower its competent authorities to: (a) collect or record…", "The following
    measures may be carried out: (3) interception of communications")."""
    clause = site.clause
    own_modal = clause.modality is not None and not clause.modal_describes
    if not clause.powers or clause.is_offence or clause.is_definition or own_modal:
        return False
    siblings = model.by_provision.get(id(site.provision), [])
    for lead in siblings:
        if lead.clause.start >= clause.start:
            break
        if not lead.clause.text.rstrip().endswith((":", "\u2014", "-")):
            continue
        confers = (
            lead.clause.has("modality", "empowerment")
            or lead.clause.grants_power
            or _MAY_LEAD.search(lead.clause.text) is not None
            or _MEASURES_PERMITTED.search(lead.clause.text) is not None
        )
        if confers:
            # An offence in the lead-in's own unit makes its items elements of the offence;
            # one in another subsection ("fails to comply with an order under subsection
            # (1)") only enforces the power.
            return not any(
                s.clause.is_offence
                and (
                    s.unit is lead.unit or _inside(lead.unit, model.index.chain.get(s.unit.eid, ()))
                )
                for s in siblings
            )
    return False


def safeguard_model(ctx: RuleContext) -> SafeguardModel:
    """The safeguard model of the document in `ctx` (built once per document)."""
    return ctx.cached(SafeguardModel)
