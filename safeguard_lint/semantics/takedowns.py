"""Who takes content down, and on whose order: the analysis behind CO08.

A take-down ("remove", "block access to") is read with the words around it: the subject of the
modal that governs it (a pronoun traced back to the body its sentence named), the lead-in of
the list it is an item of, the public body whose notice or request it answers, and a court that
approves, confirms or itself orders it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.rules.base import RuleContext
from safeguard_lint.semantics.lexicon import LexMatch
from safeguard_lint.semantics.passages import LEAD_IN_MARKS, Passage

#: Where a clause ends: the take-down's own clause is read for who takes it down.
_CLAUSE_END = compile_regex(r"[.;:](?=\s)|\n")
#: Where a sentence ends.
_SENTENCE_END = compile_regex(r"[.;](?=\s)")
#: A modal that grants a power or imposes a duty on its subject.
_MODAL = compile_regex(
    r"\b(?:may|shall|must|can|is\s+(?:empowered|authori[sz]ed|entitled)\s+to|has\s+(?:the\s+)?power\s+to)\b",
    re.I,
)
#: After the modal, its subject orders another ("may, by notice, direct a provider to …").
_ORDERS = compile_regex(
    r"\s*(?:,[^,]{0,100},\s*)?(?:\w+ly\s+)?(?:by\s+(?:written\s+)?notice(?:\s+in\s+writing)?,?\s+)?"
    r"(?:(?:order|direct|instruct|require|compel|oblige|request)\b|call\s+upon\b"
    r"|(?:issue|give|serve|make)\s+(?:[\w-]+\s+){0,4}?(?:orders?|directions?|directives?"
    r"|notices?|instructions?|requests?)\b)",
    re.I,
)
#: After the modal, its subject takes the content down itself ("shall, informing the
#: Government, immediately remove", "may, after removing").
_ACTS = compile_regex(r"\s*(?:,[^,]{0,100},?\s*)?(?:\w+\s+){0,2}", re.I)
#: Words by which a modal's subject seeks an order of another rather than acting.
_SEEKS = compile_regex(
    r"\b(?:apply|applies|application|seek|obtain|petition|orders?|warrants?)\b", re.I
)
#: A comma-set phrase that states a circumstance, not who acts ("Where a court finds …,", "seised
#: by the public prosecutor,").
_CIRCUMSTANCE = compile_regex(
    r"(?:where|if|when|whenever|upon|on|after|before|in|with|without|subject|notwithstanding"
    r"|unless|following|having|pursuant|for|by|at|within|who|which|that|as|once|provided|and"
    r"|or|but|then|during|under|except|save|seised|seized|acting|being|sitting|moved)\b",
    re.I,
)
#: The body whose notice or request a take-down answers ("upon notification by the Authority").
_NOTIFIED = compile_regex(
    r"\b(?:notif(?:y|ied|ication)|request(?:ed)?|order(?:ed)?|direct(?:ed|ion)|notice"
    r"|instruct(?:ed|ion)|demand(?:ed)?|decision|requirement)s?\s+"
    r"(?:(?:issued|given|made|sent|served)\s+)?(?:by|of|from)\s+"
    r"(?P<agent>(?:[\w'\u2019-]+[ \t]+){0,10}?[\w'\u2019-]+)"
    r"(?=\s*(?:[,.;:)\u2014\u2013\n]|$)|\s+(?:within|to|in|under|for|that|which|who|requiring|shall|may|must)\b"
    r"|\s+(?:and|or)\s+(?:on|upon|by|in|at|after|within|when|where|if|being|receiving)\b)",
    re.I,
)
#: What separates the alternatives of a coordinated name ("any person or the Authority").
ALTERNATIVES = compile_regex(r"\s+(?:and|or|and/or)\s+", re.I)
#: The number of a unit that opens its words ("(1) ", "2. ").
_LABEL = compile_regex(r"^\s*(?:\(\w{1,6}\)|\w{1,4}[.)](?=\s))\s*")
#: Whose view a condition states ("Where the Bureau is satisfied that …").
_JUDGES = compile_regex(
    r"\b(?:where|if|when|whenever|once)\s+(?P<who>(?:the|an?)\s+(?:[\w-]+\s+){0,5}?[\w-]+)\s+"
    r"(?:is|are|has|have|considers?|finds?|believes?|determines?|deems?|thinks?|suspects?"
    r"|receives?|becomes?)\b",
    re.I,
)
#: A court's confirming, or an order's lapse without it.
_CONFIRMS = compile_regex(
    r"\b(?:confirm\w*|approv\w*|validat\w*|submitted|referred|lift\w*|laps\w*|revok\w*"
    r"|ceases?|terminat\w*|set\s+aside|quash\w*)\b",
    re.I,
)
#: A list item's label opening its line ("(b) ", "ii. ").
_ITEM = compile_regex(r"[ \t]*\(?\w{1,5}[.)][ \t]")
#: A consent and who gives it ("with the prior approval of a Judge", "authorised by the court").
_CONSENT = compile_regex(
    r"\b(?:approv(?:al|ed)|authori[sz](?:ation|ed)|orders?|warrants?|leave|consent|permission"
    r"|sanction(?:ed)?)\s+(?:(?:issued|granted|given|made)\s+)?(?:of|from|by)\s+"
    r"(?P<by>(?:[\w'\u2019-]+[ \t]+){0,4}[\w'\u2019-]+)(?![\w'\u2019-])",
    re.I,
)
#: A pronoun that stands for the subject named before it.
_PRONOUN = compile_regex(r"(?:it|he|she|they|(?:he|she|it)\s+or\s+(?:she|he|they))", re.I)
#: An article that opens a name ("The Minister").
_ARTICLE = compile_regex(r"(?:The|A|An|Any|Such)\b")


@dataclass(frozen=True, slots=True)
class Actor:
    """Who takes content down: the subject of the modal that governs the take-down, whether
    it does so itself or orders another to ("The Minister may direct a provider to remove…")."""

    subject: str
    orders: bool
    clause: str


def takedown_actor(ctx: RuleContext, before: str, lead: str | None) -> Actor | None:
    """The actor of a take-down whose preceding words in the passage are `before`: the
    subject of the last modal of its clause, when the modal governs the take-down; a pronoun
    stands for the subject its sentence named first ("Where the Authority is satisfied …, it
    may order …")."""
    sentence = before[_after_last(_SENTENCE_END, before) :]
    clause = before[_after_last(_CLAUSE_END, before) :]
    if _MODAL.search(clause) is None and lead is not None:
        clause = f"{lead} {_LABEL.sub('', clause, count=1)}"  # "shall—\n(b) remove …"
    modals = list(_MODAL.finditer(clause))
    if not modals:
        return None
    modal = modals[-1]
    between = clause[modal.end() :]
    orders = _ORDERS.match(between) is not None
    if not orders and _ACTS.fullmatch(between) is None and _SEEKS.search(between):
        return None  # "may apply to court for an order for removal": no take-down is granted
    subject = _subject(clause[: modal.start()])
    if _PRONOUN.fullmatch(subject):
        resolved = _antecedent(ctx, sentence[: len(sentence) - len(between)])
        if resolved is None:
            return None
        subject = resolved
    return Actor(subject=subject, orders=orders, clause=clause)


def _after_last(pattern: re.Pattern[str], text: str, end: int | None = None) -> int:
    """The offset just after the last match of `pattern` in `text` (before `end`), or 0: where
    the sentence or clause that runs to `end` begins."""
    stop = len(text) if end is None else end
    return max((m.end() for m in pattern.finditer(text, 0, stop)), default=0)


def list_lead(before: str) -> str | None:
    """The last clause of the words that govern the list item `before` ends in ("A provider
    shall—" above "(a) …;" and "(b) remove …"), or None outside a list."""
    lines = before.split("\n")
    if len(lines) < 2 or _ITEM.match(lines[-1]) is None:
        return None
    i = len(lines) - 2
    while i >= 0 and _ITEM.match(lines[i]) is not None:
        i -= 1
    lead = lines[i].rstrip() if i >= 0 else ""
    if not lead.endswith(LEAD_IN_MARKS):
        return None
    lead = lead.rstrip("".join(LEAD_IN_MARKS)).rstrip()
    return lead[_after_last(_CLAUSE_END, lead) :]


def _subject(head: str) -> str:
    """The subject of a modal whose preceding words are `head`: its last comma-set phrase
    that states no circumstance ("Where a court finds …, the court")."""
    head = _LABEL.sub("", head, count=1)
    parts = [s.strip() for s in head.split(",") if s.strip()]
    return next((s for s in reversed(parts) if not _CIRCUMSTANCE.match(s)), head.strip())


def _antecedent(ctx: RuleContext, sentence: str) -> str | None:
    """What a pronoun in `sentence` stands for: the subject of the sentence's first modal, the
    one whose view a condition states ("Where the Bureau is satisfied …, it"), or the first
    public body the sentence names."""
    first = _MODAL.search(sentence)
    if first is not None and not _PRONOUN.fullmatch(named := _subject(sentence[: first.start()])):
        return named
    if (judging := _JUDGES.search(sentence)) is not None:
        return judging.group("who")
    body = ctx.lexicon("authorisers").search(sentence, "executive") or ctx.lexicon(
        "content"
    ).search(sentence, "public_body")
    return body.text if body else None


def is_public_body(ctx: RuleContext, text: str) -> bool:
    """Whether `text` names a public body (a minister, a regulator, an executive body)."""
    return ctx.lexicon("authorisers").has(text, "executive") or ctx.lexicon("content").has(
        text, "public_body"
    )


def takedown_sentence(ctx: RuleContext, p: Passage, block: LexMatch, lead: str | None) -> str:
    """The sentence of a take-down, after the lead-in of its list if it is an item."""
    before = ctx.source[p.span.start : block.start]
    start = _after_last(_SENTENCE_END, before)
    end = _SENTENCE_END.search(ctx.source, block.end)
    after = ctx.source[block.start : end.start() if end else len(ctx.source)]
    if lead is None:
        return f"{before[start:]}{after}"
    start = max(start, before.rfind("\n") + 1)
    return f"{lead}\u2014\n{before[start:]}{after}"


def court_consents(ctx: RuleContext, sentence: str) -> bool:
    """Whether a court's approval, authorisation or order is required in `sentence`."""
    return any(
        ctx.lexicon("authorisers").has(m.group("by"), "judicial")
        for m in _CONSENT.finditer(sentence)
    )


def is_private_party(ctx: RuleContext, who: str | None) -> bool:
    """Whether `who` is a private party (a user, a complainant) and no public body."""
    return who is not None and (
        ctx.lexicon("content").has(who, "private_party") and not is_public_body(ctx, who)
    )


def takedown_notifier(
    ctx: RuleContext, p: Passage, block: LexMatch, lead: str | None
) -> str | None:
    """The public body whose notice or request the take-down answers ("upon notification by
    the Authority", "within 24 hours of a request of the Ministry"), in the take-down's
    sentence or the lead-in of its list; a court's order is none."""
    for m in _NOTIFIED.finditer(takedown_sentence(ctx, p, block, lead)):
        for agent in ALTERNATIVES.split(m.group("agent")):
            if is_public_body(ctx, agent) and not ctx.lexicon("authorisers").has(agent, "judicial"):
                return agent  # "by any person or the Authority": the Authority may ask alone
    return None


def whole_site_by_court(ctx: RuleContext, p: Passage, block: LexMatch) -> str | None:
    """The words by which a court may block a whole website or service rather than specified
    content ("A court may order … to block access to an entire website"), or None."""
    reach = _SENTENCE_END.search(ctx.source, block.end, min(len(ctx.source), block.end + 60))
    words = ctx.source[block.start : reach.start() if reach else block.end + 60]
    whole = ctx.lexicon("content").search(words, "whole_site")
    if whole is None:
        return None
    at = block.start - p.span.start
    if not ctx.lexicon("authorisers").has(
        p.text[_after_last(_SENTENCE_END, p.text, at) : at], "judicial"
    ):
        return None  # the executive's whole-site block is the ordinary finding
    return words[: whole.end]


def court_confirms(ctx: RuleContext, where: str) -> bool:
    """Whether a court must confirm the order within a short time: a sentence of `where`
    with a time limit or validation names a court and its confirming; a court that only hears
    the parties within seven days confirms nothing."""
    for m in ctx.lexicon("markers").finditer(where, 0, ["validation"]):
        start = _after_last(_SENTENCE_END, where, m.start)
        end = _SENTENCE_END.search(where, m.end)
        sentence = where[start : end.start() if end else len(where)]
        if ctx.lexicon("authorisers").has(sentence, "judicial") and _CONFIRMS.search(sentence):
            return True
    return False


def named_orderer(orderer: str) -> str:
    """An orderer as the message names it ("the federal executive body")."""
    words = " ".join(orderer.split())
    return words[0].lower() + words[1:] if _ARTICLE.match(words) else words
