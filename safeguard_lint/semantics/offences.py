"""Offence provisions parsed into their elements.

An offence is a passage with words that create a criminal offence ("commits an offence",
"establish as criminal offences", "shall be guilty of an offence"). Its elements are read with
the lexicons `offences`, `content`, `mental_element`, `speech_terms` and `protected_purposes`:

- conduct and object: does it reach content (publish/communicate + material/statement), the
  computer (access, interception, interference), intimate images, child abuse material;
- mental element: mandatory ("intentionally", "knowingly", "with intent to") or optional
  ("A Party may require an intent to …");
- vague speech terms, defamation, incitement wording;
- exemptions and defences for protected purposes, looked for in the whole provision, in
  text-wide exemption clauses, and in exemption provisions that name the offence or stand in
  its division;
- penalties, notably imprisonment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from safeguard_lint.ast import Span
from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.semantics.lexicon import LexMatch
from safeguard_lint.semantics.passages import (
    LEAD_IN_MARKS,
    Passage,
    in_definitions,
    lead_in,
    passages,
)
from safeguard_lint.semantics.scopes import unit_index

#: How a lead-in that governs the items below it ends.
_LEAD_IN_ENDS = (":", "\u2014", ":-")
#: A lead-in announcing a list of offences ("any of the following acts").
_FOLLOWING = compile_regex(r"\bfollowing\b", re.IGNORECASE)
#: A lead-in that states the offence and then who commits it ("A person commits an offence
#: if he or she\u2014", "Any person who\u2014"): each item is conduct that commits it.
_WHO_LEAD = compile_regex(
    r"\b(?:if\s+(?:he|she|he\s+or\s+she|they|it|the\s+person)|who|where\s+(?:he|she|the\s+person))"
    r"\s*(?:[:\u2014]|:-)\s*$",
    re.IGNORECASE,
)
#: Categories of `speech_terms` that make an element vague (CO05).
VAGUE = (
    "falsity",
    "offence_to_feelings",
    "public_morals",
    "national_unity",
    "strife",
    "religion",
    "reputation",
    "extremism",
)
#: Protected purposes an exemption may name (CO03).
PURPOSES = (
    "journalism",
    "research",
    "whistleblowing",
    "public_interest",
    "art",
    "education",
    "justice",
)
#: Vague categories that count only when the conduct itself spreads content: a computer
#: offence aggravated because it "threatens national security" is not a speech offence.
CONTEXTUAL = ("national_unity",)
#: "A person who commits an offence under subsection (1) …": a penalty, not a new offence.
_SUBJECT = compile_regex(r"\b(?:who|(?:if|where)\s+(?:any|a)\s+person)\s+$", re.I)
#: Offence words denied to someone: "No child commits an offence under regulation 2 …", "No
#: person commits an offence … by reason only of satire" create an exception, not an offence.
_DENIED = compile_regex(r"\bno\s+(?:[\w-]+\s+){0,2}$", re.I)
#: A sanction for breaking a rule stated elsewhere ("A person who contravenes subsection (1)
#: commits an offence"): the rule's words are the offence's conduct.
_CONTRAVENES = compile_regex(
    r"\b(?:contravenes?|contravention\s+of|in\s+breach\s+of|breach(?:es)?|fails?\s+to\s+comply"
    r"\s+with|does\s+not\s+comply\s+with|(?P<named>commits?\s+an?\s+act\s+prohibited\s+(?:under|by|in)))"
    r"\s+(?:(?:any\s+of\s+)?the\s+provisions\s+of\s+)?",
    re.I,
)
#: A lead-in naming who offends ("Any person who sends, by means of a computer,\u2014"): the
#: items below it are alternative conducts.
_OFFENDER_LEAD = compile_regex(
    r"\b(?:who|whoever|whosoever|if\s+(?:he|she|they|it|the\s+person|any\s+person))\b", re.I
)
#: Words that forbid conduct ("A person shall not send", "No person shall publish").
_PROHIBITS = compile_regex(
    r"\b(?:shall|must|may)\s+not\b|\bno\s+(?:[\w-]+\s+){1,3}(?:shall|may|must)\b", re.I
)
#: The penalty for an offence named with its provision ("Any person found guilty of libel under
#: Section 4(a) shall be punished…").
_CONVICTED_UNDER = compile_regex(
    r"\b(?:found\s+guilty|convicted)\s+of\s+[^.;]{0,60}?\b(?:under|in)\s+(?:sub-?)?(?:section|article|"
    r"paragraph)\s*[\w().]+\s+$",
    re.I,
)
#: Offences of other laws the clause brings in to punish ("Any offence under any other written
#: law which is committed by means of a computer system shall be punishable under this Act…").
_OTHER_LAWS_OFFENCES = compile_regex(
    r"\b(?:any|an|every)\s+offen[cs]es?\s+(?:under|against|created\s+by|in)\s+(?:any\s+other|another|"
    r"any)\s+(?:written\s+)?(?:law|enactment|Act|statute)s?\b[^.;]*$",
    re.I,
)
_BACK_REFERENCE = compile_regex(
    r"\s+(?:under|referred\s+to\s+in|specified\s+in)\s+(?:sub-?)?(?:section|article|paragraph)",
    re.I,
)


@dataclass(slots=True)
class Offence:
    """One offence passage and its elements (offsets are absolute)."""

    passage: Passage
    creation: LexMatch
    content: bool = False
    #: Whether the conduct itself spreads content (publish, communicate… a statement).
    communicates: bool = False
    computer: bool = False
    intimate: list[LexMatch] = field(default_factory=list)
    child: list[LexMatch] = field(default_factory=list)
    intent: list[LexMatch] = field(default_factory=list)
    negligence: list[LexMatch] = field(default_factory=list)
    specific_intent: list[LexMatch] = field(default_factory=list)
    optional_intent: list[LexMatch] = field(default_factory=list)
    vague: list[LexMatch] = field(default_factory=list)
    defamation: list[LexMatch] = field(default_factory=list)
    incitement: list[LexMatch] = field(default_factory=list)
    below_threshold: list[LexMatch] = field(default_factory=list)
    rabat_harm: list[LexMatch] = field(default_factory=list)
    prison: list[LexMatch] = field(default_factory=list)
    consent_element: list[LexMatch] = field(default_factory=list)
    #: Protected purposes named in an exemption or defence that reaches this offence.
    exemptions: list[LexMatch] = field(default_factory=list)
    #: The whole provision's text mentions these (defences, truth, complaint).
    provision_text: str = ""
    #: Where a finding on the offence points: its creation words, or the first line of an
    #: item listed after a lead-in.
    anchor: Span | None = None
    #: The defined term through which the offence takes its vague words ("publishes
    #: prohibited content", where "prohibited content" means content that insults religion).
    defined_term: Span | None = None

    @property
    def at(self) -> Span:
        """The words that state the offence, for findings to point at."""
        return self.anchor or Span(start=self.creation.start, end=self.creation.end)

    @property
    def speech(self) -> bool:
        """Whether the offence restricts speech: vague terms, defamation or incitement."""
        return bool(self.vague or self.defamation or self.incitement)


@dataclass(slots=True)
class OffenceIndex:
    """Every offence of a document, and the text-wide exemption clauses."""

    offences: list[Offence]
    general_exemptions: list[LexMatch]

    def by_provision(self) -> dict[int, list[Offence]]:
        """Offences grouped by provision, in document order."""
        groups: dict[int, list[Offence]] = {}
        for off in self.offences:
            groups.setdefault(off.passage.provision_key, []).append(off)
        return groups


def _dedupe(matches: list[LexMatch]) -> list[LexMatch]:
    """Drop matches that lie inside an earlier, longer one; keep document order."""
    kept: list[LexMatch] = []
    for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _exemption_purposes(
    ctx: RuleContext, passages_: list[Passage], context: str = "exemption_context"
) -> list[LexMatch]:
    """Protected purposes named in a provision's passages where they exempt or excuse conduct.

    A lead-in ending in a dash or colon ("No offence is committed by a person who acts—")
    governs the items that follow it ("(a) in the course of journalism"), which the passages
    split apart. `context` names the category of exempting words required.
    """
    purposes = ctx.lexicon("protected_purposes")
    found: list[LexMatch] = []
    exempting = False
    for p in passages_:
        if purposes.has(p.text, context):
            exempting = True
        if exempting:
            found.extend(purposes.finditer(p.text, p.span.start, PURPOSES))
        if not p.text.rstrip().endswith(LEAD_IN_MARKS):
            exempting = False
    return found


def _reached_offences(
    ctx: RuleContext, group: list[Passage], offences_: list[Offence]
) -> list[Offence]:
    """The offences an exemption provision reaches: those of the provisions it names
    ("No offence is committed under section 6 or 7…"), or, when it names none, those of its
    own division (an exemptions section of the offences Part)."""
    index = unit_index(ctx)
    unit = group[0].provision
    if unit is None:
        return []
    named = {id(t) for p in group for t in index.reach(p.text, p.span.start, unit) if t is not unit}
    if named:
        return [o for o in offences_ if id(o.passage.provision) in named]
    division = group[0].division_key
    return [o for o in offences_ if o.passage.division_key == division]


def _creations(ctx: RuleContext, p: Passage) -> list[LexMatch]:
    """The words of a passage that create or punish an offence, except a penalty named as a
    condition ("where the offence under investigation is punishable by imprisonment…")."""
    found = list(ctx.lexicon("offences").finditer(p.text, p.span.start, ["creation"]))
    if not found:
        return found
    conditions = list(ctx.lexicon("markers").finditer(p.text, p.span.start, ["penalty_condition"]))
    return [m for m in found if not any(c.start <= m.start < c.end for c in conditions)]


def _build(ctx: RuleContext) -> OffenceIndex:
    offences_lex = ctx.lexicon("offences")
    all_passages = passages(ctx)
    by_provision: dict[int, list[Passage]] = {}
    for p in all_passages:
        by_provision.setdefault(p.provision_key, []).append(p)

    creations = {p.index: _creations(ctx, p) for p in all_passages}
    # Passages that only punish an offence made elsewhere ("…commits an offence under
    # subsection (1) shall be liable…"): they give that offence its penalty.
    penalties = {
        p.index
        for p in all_passages
        if any(_penalises_another(ctx.source, m) for m in creations[p.index])
    }
    found: list[Offence] = []
    offence_provisions: set[int] = set()
    for p in all_passages:
        created = [
            m
            for m in creations[p.index]
            if not _DENIED.search(ctx.source, max(0, m.start - 30), m.start)
        ]
        if not created or any(_penalises_another(ctx.source, m) for m in created):
            continue
        creation = created[0]
        offence_provisions.add(p.provision_key)
        siblings = by_provision.get(p.provision_key, [p])
        punishing = [s for s in siblings if s.index in penalties]
        listed = _listed_offences(p, siblings)
        for item in listed:
            off = _offence(ctx, (p, item), creation, siblings, punishing)
            off.anchor = _first_line(item)
            found.append(off)
        if listed:
            continue
        contravened = _contravened(ctx, p, all_passages)
        before = _lead_and_items(p, siblings)
        closing = p
        items = before[1:]
        if items and (split := _closing_words(p, creation)) is not None:
            last, closing = split  # "(b) … annoyance,\nshall be punishable": the item ends
            items.append(last)
        if len(items) < 2 or not _OFFENDER_LEAD.search(before[0].text):
            parts = (*contravened, *before, p)
            found.append(_offence(ctx, parts, creation, siblings, punishing))
            continue
        # Alternatives listed between the lead-in and the words that close the list and
        # create the offence ("Any person who sends—(a) …; or (b) …, shall be punishable"):
        # each item, with the lead-in and the closing words, is an offence of its own.
        for item in items:
            parts = (*contravened, before[0], item, closing)
            off = _offence(ctx, parts, creation, siblings, punishing)
            off.anchor = _first_line(item)
            found.append(off)

    # Exemption provisions outside the offences: text-wide when they speak of offences
    # generally, otherwise they reach the offences they name or those of their division.
    general: list[LexMatch] = []
    for key, group in by_provision.items():
        if key in offence_provisions or in_definitions(ctx, group[0]):
            continue
        if any(offences_lex.has(p.text, "blanket_target") for p in group):
            general.extend(_exemption_purposes(ctx, group))
            continue
        exempted = _exemption_purposes(ctx, group, "offence_exemption")
        if exempted:
            for off in _reached_offences(ctx, group, found):
                off.exemptions.extend(exempted)
    return OffenceIndex(found, general)


def _first_line(item: Passage) -> Span:
    """Where a finding on an offence listed as an item points: the item's first line."""
    return Span(start=item.span.start, end=item.span.start + len(item.text.split("\n", 1)[0]))


def _closing_words(item: Passage, creation: LexMatch) -> tuple[Passage, Passage] | None:
    """An item whose last lines close the list and create the offence, cut into the item
    and those closing words; None when the offence words stand on the item's first line."""
    cut = item.text.rfind("\n", 0, creation.start - item.span.start)
    if cut < 0:
        return None
    at = item.span.start + cut + 1
    own = replace(item, span=Span(start=item.span.start, end=at - 1), text=item.text[:cut])
    rest = replace(item, span=Span(start=at, end=item.span.end), text=item.text[cut + 1 :])
    return own, rest


def _penalises_another(source: str, creation: LexMatch) -> bool:
    """Whether offence words only name an offence made elsewhere, to punish it ("A person who
    commits an offence under subsection (1) shall be liable…", "Any offence under any other
    written law … shall be punishable under this Act")."""
    return bool(
        (
            _SUBJECT.search(source, max(0, creation.start - 20), creation.start)
            and _BACK_REFERENCE.match(source, creation.end)
        )
        or _CONVICTED_UNDER.search(source, max(0, creation.start - 120), creation.start)
        or _OTHER_LAWS_OFFENCES.search(source, max(0, creation.start - 200), creation.start)
    )


def _contravened(ctx: RuleContext, sanction: Passage, every: list[Passage]) -> list[Passage]:
    """The passages stating the prohibitions whose breach a sanction makes an offence ("(2) A
    person who contravenes subsection (1) commits an offence", "commits an act prohibited
    under clause 1"): those inside the units it names. A duty whose breach is punished ("must
    take reasonable steps") is no conduct."""
    index = unit_index(ctx)
    spans: list[tuple[Span, bool]] = []  # each unit named, and whether it is named prohibited
    for m in _CONTRAVENES.finditer(sanction.text):
        at = sanction.span.start + m.end()
        for ref in index.references_in(at, at + 2):
            named = m.group("named") is not None
            spans.extend((unit.span, named) for unit in index.targets_of(ref))
    if not spans:
        return []

    def prohibits(p: Passage) -> bool:
        # an item of a prohibiting lead-in ("shall not publish content that— (b) causes…")
        lead = lead_in(ctx, p)
        return _PROHIBITS.search(p.text) is not None or (
            lead is not None and _PROHIBITS.search(lead.text) is not None
        )

    return [
        p
        for p in every
        if p is not sanction
        and any(
            s.start <= p.span.start and p.span.end <= s.end and (prohibited or prohibits(p))
            for s, prohibited in spans
        )
    ]


def _listed_offences(lead: Passage, siblings: list[Passage]) -> list[Passage]:
    """The items a lead-in makes offences ("The following acts constitute the offense of
    cybercrime: (a) Illegal Access. — …; (b) …"): the passages after it in its provision. A
    lead-in that lists means of one offence ("the causing of a loss … by: (a) …") keeps them."""
    if not lead.text.rstrip().endswith(_LEAD_IN_ENDS):
        return []
    if not (_FOLLOWING.search(lead.text) or _WHO_LEAD.search(lead.text.rstrip())):
        return []
    return [s for s in siblings if s.span.start > lead.span.start]


def _lead_and_items(closing: Passage, siblings: list[Passage]) -> list[Passage]:
    """The lead-in and items before words that close a list and create the offence ("A person
    who intentionally causes a loss … by: (a) …; (b) …, commits an offence")."""
    lead = siblings[0]
    if lead is closing or not lead.text.rstrip().endswith(_LEAD_IN_ENDS):
        return []
    return [s for s in siblings if s.span.start < closing.span.start]


def _offence(
    ctx: RuleContext,
    parts: tuple[Passage, ...],
    creation: LexMatch,
    siblings: list[Passage],
    punishing: list[Passage],
) -> Offence:
    """The elements of the offence that a passage creates, or that a lead-in and one of its
    items create together (`parts`: the lead-in first, the offence's own passage last);
    `punishing`: the passages of its provision that set a penalty for an offence made
    elsewhere, whose imprisonment the offence takes when its own words set none."""
    offences_lex = ctx.lexicon("offences")
    content = ctx.lexicon("content")
    p = parts[-1]
    text = "\n".join(part.text for part in parts)

    def find(lex_name: str, *cats: str) -> list[LexMatch]:
        lex = ctx.lexicon(lex_name)
        every = (lex.finditer(part.text, part.span.start, list(cats)) for part in parts)
        return _dedupe([m for matches in every for m in matches])

    off = Offence(passage=p, creation=creation)
    off.intimate = find("content", "intimate_image")
    off.child = find("content", "child_material")
    off.communicates = content.has(text, "conduct") and content.has(text, "object")
    off.content = bool(off.intimate or off.child or off.communicates)
    # Obstructing a warrant or misusing the powers enforces the text's own measures: it
    # is no offence against computer systems, whatever words of access it uses.
    off.computer = offences_lex.has(text, "computer_conduct") and not offences_lex.has(
        text, "enforcement"
    )
    # Knowledge offered beside a lower standard ("knows or ought to know") is not required.
    off.negligence = find("mental_element", "negligence_alternative")
    off.intent = [
        m for m in find("mental_element", "general_intent") if not _lowered(m, off.negligence)
    ]
    off.specific_intent = find("mental_element", "specific_intent")
    # "2. A State Party may require the intent to cause harm…" in a paragraph of its own
    off.optional_intent = find("mental_element", "optional") or [
        m
        for s in siblings
        if s not in parts
        for m in ctx.lexicon("mental_element").finditer(s.text, s.span.start, ["optional"])
    ]
    # False statements made to an authority ("furnishes false information in an application")
    # are a regulatory offence: their falsity is no vague restriction of public speech.
    official = find("offences", "official_statement")
    grounds = find("speech_terms", "protected_ground")
    hoax = bool(find("speech_terms", "concrete_falsehood"))
    off.vague = [
        m
        for m in find("speech_terms", *VAGUE)
        if not (m.category == "falsity" and any(o.start <= m.start < o.end for o in official))
        and not (m.category == "falsity" and hoax)
        and not any(g.start <= m.start < g.end for g in grounds)
    ]
    if not off.vague and off.communicates:
        off.vague, off.defined_term = _vague_by_definition(ctx, parts)
    if not off.communicates and all(m.category in CONTEXTUAL for m in off.vague):
        off.vague = []
    off.defamation = find("speech_terms", "defamation")
    off.incitement = find("speech_terms", "incitement")
    off.below_threshold = find("speech_terms", "below_threshold")
    off.rabat_harm = find("speech_terms", "rabat_harm")
    off.prison = find("offences", "prison") or [
        m for s in punishing for m in offences_lex.finditer(s.text, s.span.start, ["prison"])
    ]
    off.consent_element = find("offences", "consent_element")
    off.provision_text = "\n".join(s.text for s in siblings)
    off.exemptions = _exemption_purposes(ctx, siblings)
    # An optional intent is not a mandatory one: drop intent words inside the option.
    off.intent = [
        m for m in off.intent if not any(o.start <= m.start < o.end for o in off.optional_intent)
    ]
    if off.vague or off.defamation or off.incitement:
        off.content = True
    return off


#: A defined term that names what is said or published ("prohibited content", "false
#: statement"), whose meaning can make an offence's words vague.
_SPEECH_TERM = compile_regex(
    r"\b(?:content|statements?|material|information|publications?|messages?|news|speech|posts?)$",
    re.I,
)


def _vague_by_definition(
    ctx: RuleContext, parts: tuple[Passage, ...]
) -> tuple[list[LexMatch], Span | None]:
    """The vague speech terms of a defined term the offence uses, and that use."""
    speech = ctx.lexicon("speech_terms")
    for term, entries in ctx.document.definitions.items():
        if not _SPEECH_TERM.search(term):
            continue
        use = next(
            (u for u in entries[0].uses for p in parts if p.span.start <= u.start < p.span.end),
            None,
        )
        if use is None:
            continue
        for entry in entries:
            meaning = ctx.source[entry.term_span.end : entry.span.end]
            at = entry.term_span.end
            found = list(speech.finditer(meaning, at, list(VAGUE)))
            if found:
                return found, use
    return [], None


def _lowered(intent: LexMatch, alternatives: list[LexMatch]) -> bool:
    """Whether a lower standard follows the intent words as their alternative, or the words
    belong to it ("ought reasonably to know is false")."""
    return any(
        0 <= a.start - intent.end <= 30 or a.start <= intent.start <= a.end + 5
        for a in alternatives
    )


def offences(ctx: RuleContext) -> OffenceIndex:
    """The offence analysis of the document in `ctx` (computed once)."""
    return ctx.cached(_build)
