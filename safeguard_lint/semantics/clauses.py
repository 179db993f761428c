"""Clause analysis: what one sentence of legislation does.

For each sentence a `Clause` answers, lazily and at most once per lexicon:

- `modality`: "shall", "must", "may", "shall not", "should" (the first modal verb);
- `actor`: the authority or person the clause addresses (from the `authorisers` lexicon);
- `powers`: intrusive powers named (lexicon `powers`), and `grants_power`: whether the clause
  confers one (not an offence, not a definition, with permissive or empowering words);
- `authorisers`: judges, independent bodies and executive officials with their role
  (see `safeguard_lint.semantics.authorisers`);
- `conditions`: "subject to", "on the order of", "upon application to", "provided that";
- `hedges`, `optional` and `deferrals`: the words that make a safeguard discretionary
  ("as appropriate", "inter alia", "may, where it deems fit", "a Party may require",
  "in accordance with domestic law"); `governing(start, end)` tells which of them govern the
  words at a given place.

Any other lexicon is available through `hits(lexicon, *categories)`. Analysers are cheap to
build; `ClauseAnalyser.analyse` memoises clauses by sentence, so each sentence is analysed once
however many rules ask.

    analyser = ClauseAnalyser(ctx.lexicon)
    clause = analyser.analyse(sentence)
    if clause.grants_power and not clause.hits("authorisers", "judicial"): ...
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Literal

from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.semantics.authorisers import Authoriser, find_authorisers
from safeguard_lint.semantics.lexicon import Lexicon, LexMatch, builtin
from safeguard_lint.semantics.matcher import fold
from safeguard_lint.semantics.sentences import Sentence

Modality = Literal["shall", "must", "may", "shall not", "should"]


def _governing(modal: LexMatch) -> tuple[int, bool]:
    """How near a modal verb stands to what follows it: by its end, a prohibition first."""
    return modal.end, modal.category == "prohibition"


#: The modal verbs that can grant a power (may, shall, must), by lexicon category.
_GRANTING = frozenset({"obligation", "permission"})
_MODAL_WORD = {"prohibition": "shall not", "obligation": "shall", "permission": "may",
               "recommendation": "should"}  # fmt: skip
#: The rest of an instrument's title after a power word in it ("… of Communications Act
#: 2001", "… (Assistance and Access) Act", "… Powers Regulations").
_TITLE_TAIL = compile_regex(
    r"(?:,?\s+(?:of|and|for|to|on|the|[A-Z][\w'\u2019-]*|\([A-Z][^()\n]{0,60}\)))*\s+"
    r"(?:Act|Law|Ordinance|Code|Regulations?|Decree|Proclamation|Bill|Rules)\b"
)
#: A power narrowed to a purpose or condition ("… only in order to monitor …", "… only
#: where strictly necessary").
_NARROWED = compile_regex(
    r"\bonly\s+(?:in\s+order\s+to|for\s+(?:the\s+)?purposes?|to\s+the\s+extent|where|if|when"
    r"|in\s+(?:respect|relation|cases?)|against|to\s+(?:prevent|detect|investigate|protect))\b",
    re.IGNORECASE,
)
#: The restriction of a power to a condition ("may be intercepted only with …").
_ONLY = compile_regex(r"\bonly\b", re.IGNORECASE)
_SEGMENT = compile_regex(r";|:\s*$|—|\s-\s")
#: How far after a safeguard a trailing hedge may still govern it ("review where possible").
_TRAILING = 60
#: A savings clause ("Nothing in this chapter shall be deemed to affect…") or a prohibition
#: opening with "No" ("No provider … shall disclose…") confers nothing.
_SAVINGS = compile_regex(r"\s*(?:nothing|no)\b", re.IGNORECASE)
#: A clause about what the rest of its provision does not cover ("All other data to be
#: collected … will require a court warrant"): its safeguards are for those other things.
_ABOUT_OTHERS = compile_regex(
    r"\s*(?:\(\w{1,4}\)\s*)?(?:(?:all|any|every|each)\s+)?other\b", re.IGNORECASE
)
#: An instrument named by the power it permits: "warrant of surveillance or interception",
#: "direction for interception or monitoring or decryption".
_INSTRUMENT_OF = compile_regex(
    r"\b(?:warrants?|orders?|directions?|authori[sz]ations?|permission|approval|consent|permits?)"
    r"\s+(?:of|for|authori[sz]ing|permitting|approving)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+(?:or|and)\s+){0,3}$",
    re.IGNORECASE,
)
#: A power named as what data or material concerns ("Data not relevant to the interception
#: shall be destroyed"): a rule on the power's product, granting nothing.
_CONCERNING = compile_regex(
    r"\b(?:(?:not\s+)?relevant|irrelevant|unrelated|related|relating|connected)\s+to\s+"
    r"(?:(?:the|an?|such|any)\s+)?$"
    # help given to another's measure ("assistance shall include facilitating the preservation")
    r"|\bfacilitat(?:e|es|ing|ion\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: The end of a clause right after a word: nothing follows for it to act on.
_ENDS_HERE = compile_regex(r"\s*[.;:]?\s*$")
#: A modal verb whose predicate is telling someone ("shall notify", "must, within ninety
#: days, inform", "shall give written notice").
_NOTIFIES = compile_regex(
    r"(?:shall|must|will)\s+(?:[\w,]+\s+){0,4}?(?:notify|inform|tell|give\s+(?:written\s+)?notice)\b",
    re.IGNORECASE,
)
#: An instrument named after the power it permits: "pen register orders".
_INSTRUMENT_AFTER = compile_regex(
    r"\s+(?:warrants?|orders?|directions?|applications?)\b", re.IGNORECASE
)
#: An authorising word that describes a measure already authorised ("the interceptions authorized
#: by the order") or names the instrument ("under such order", "the warrant", "search and
#: seizure with warrant"), not the act of authorising: in a clause without a modal verb it
#: confers nothing.
#: What may stand between an authority and its act: a space, or the rest of its title ("The
#: Minister of the Interior orders").
_ENTITY_TAIL = compile_regex(
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[\w-]+(?:\s+(?:and\s+)?[\w-]+){0,3})?\s+", re.IGNORECASE
)
_DESCRIBED_ACT = compile_regex(
    r"\b(?:(?:the|a|an|such|any|that|this|each|every|its|his|her|their)\s+(?:[\w-]+\s+)?"
    r"|(?:with|without|under|upon|on|by|pursuant\s+to)\s+)$",
    re.IGNORECASE,
)
#: A grant in the present passive, naming who authorises ("is authorised by", "are ordered by",
#: "is carried out on the decision of").
_PRESENT_PASSIVE = compile_regex(
    r"[^.;]*?\b(?:is|are)\s+(?:(?:authori[sz]ed|ordered|approved|permitted|sanctioned)\s+by"
    r"|(?:carried\s+out|conducted|performed|undertaken)\s+(?:on|upon|by|under|pursuant\s+to)"
    # "Interception … is subject to the prior authorisation of the Prime Minister"
    r"|subject\s+to\s+(?:the\s+)?(?:prior\s+)?(?:written\s+)?(?:authori[sz]ation|approval|order|"
    r"warrant|permission)s?\s+(?:of|by|from))\b",
    re.IGNORECASE,
)
#: An authorising word that can only be a verb in the present: the clause's subject, whatever
#: it is ("this section", "an authorisation under this section"), performs the act.
_ACTING = compile_regex(r"(?:authori[sz]es|approves|directs)", re.IGNORECASE)
#: A power named as what an instrument applied for would authorise ("may make application for
#: an order … authorizing the installation and use of a pen register"): the applicant asks, the
#: issuer grants.
_APPLIED_FOR = compile_regex(
    r"\b(?:application|apply|applies|request)\s+(?:to\s+[^,;]{1,80}?\s+)?for\s+(?:an?|the)\s+"
    r"(?:[\w-]+\s+){0,12}?(?:order|warrant|direction|authori[sz]ation)s?\b[^;.]*$",
    re.IGNORECASE,
)
#: A measure named as done already ("communications that have been intercepted",
#: "intercepted material"): the clause speaks of its product, it grants nothing.
_DONE_BEFORE = compile_regex(r"(?:has|have|had)\s+been\s|intercepted\s", re.IGNORECASE)
#: A power named as the source of what it yielded ("the results of the trap and trace device
#: shall be furnished to the officer"): a clause on handling its product, not a grant.
_PRODUCT_OF = compile_regex(
    r"\b(?:(?:period|duration|date|fact|results?|products?|yield|output|records?|materials?|"
    r"information|data)\s+"
    r"(?:(?:obtained|gathered|collected)\s+)?(?:of|from|by|through)(?:\s+the\s+use\s+of)?"
    r"|(?:sought|obtained|gathered|collected|produced)\s+(?:via|by|through|under|with|pursuant\s+to))"
    r"\s+(?:(?:the|a|an|such|any)\s+(?:[\w-]+\s+)?)?$",
    re.IGNORECASE,
)
#: A power named as the condition of what the clause does ("Where a production order concerns
#: content data, the issuing authority shall notify…").
_WHERE_IT = compile_regex(
    r"\b(?:where|when|if|once)\s+(?:an?|the|such|any)\s+(?:[\w-]+\s+)?$"
    # "Where the purpose of a warrant is to intercept privileged items, the application…"
    r"|\b(?:where|when|if)\s+the\s+(?:purpose|object|aim)\s+of\s+(?:an?|the)\s+[\w-]+\s+is\s+to\s+$",
    re.IGNORECASE,
)
#: A power named to describe whom it affects ("the person who was the object of the
#: interception", "on whom a device was used", "privacy interfered with by a device"), in a
#: clause that gives that person something (notice, a remedy).
_SUBJECT_OF = compile_regex(
    r"\b(?:(?:object|subject|target)s?\s+of|(?:on|against|in\s+respect\s+of)\s+whom"
    r"|(?:interfered\s+with|affected|intruded\s+upon|matched|identified|aggrieved|injured|harmed"
    r"|prejudiced|wronged)\s+by|subject(?:ed)?\s+to"
    r"|declar(?:e|es|ing)"
    r"|(?:named|specified|identified|described)\s+in"
    r"|(?:received|been\s+(?:served\s+with|given|sent)|executing|comply\s+with|complying\s+with)"
    r"|(?:notice|notification|expiry|expiration|lapse|termination|cessation)"
    r"(?:\s+or\s+(?:expiry|expiration|lapse|termination|cessation))?\s+of"
    r"|(?:notified|informed|told|advised)\s+(?:\w+\s+){0,2}(?:of|about))\s+(?:(?:the|an?|such|any)\s+)?"
    r"(?:(?:unlawful|illegal|improper|unauthori[sz]ed)\s+)?$",
    re.I,
)
#: A power named as what an overseer reviews ("may review the use of interception").
_REVIEWED = compile_regex(
    r"\b(?:review|report(?:s|ing)?|oversee|oversight|monitor|supervis\w+|audit|statistics)\b"
    r"[^.;]{0,60}?\b(?:use|exercise|operation)\s+of\s+(?:(?:the|any|such)\s+)?$"
    # "shall keep under review the interception…", "review whether an interception … was lawful"
    r"|\b(?:keep\s+under\s+review|review(?:s|ing)?|oversee(?:s|ing)?|audit(?:s|ing)?)\s+"
    r"(?:whether\s+)?(?:(?:the|any|all|an?|such)\s+)?(?:[\w-]+\s+(?:and|or)\s+)?$"
    # statistics: "the number of interceptions carried out", "of production orders issued"
    r"|\bnumbers?\s+of\s+(?:[\w-]+\s+)?$"
    # a remedy against the measure: "an effective remedy before a court against a production order"
    r"|\b(?:remed(?:y|ies)|appeal|challenge|complaint|review)\b[^.;]{0,60}?\bagainst\s+"
    r"(?:(?:the|an?|any|such)\s+)?$",
    re.IGNORECASE,
)
#: A power named as the subject of a limit ("shall require that interception be minimised",
#: "Interception shall stop as soon as…", "Interception shall be conducted so as to minimise…").
_LIMITED_AFTER = compile_regex(
    r"(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?[\w-]+)?"  # "Interception of communications shall…"
    r"\s+(?:(?:shall|must)\s+)?(?:be\s+(?:minimi[sz]ed|limited|restricted|terminated|discontinued|"
    r"stopped|ceased|conducted\s+(?:so\s+as|in\s+such\s+a\s+(?:way|manner))\s+to)\b"
    r"|(?:stop|cease|end|terminate)\b(?![-\s]users?\b)|not\s+(?:exceed|continue|last)\b"
    # a rule on how it is recorded: "shall take place in separate records"
    r"|(?:take\s+place|be\s+(?:recorded|documented|kept|carried\s+out))\s+in\s+(?:separate\s+)?"
    r"(?:records?|files?|registers?|writing|minutes))",
    re.IGNORECASE,
)
#: A power named with the provision that grants it ("Interception under section 1 shall
#: minimise…"): the clause regulates a power granted there.
_UNDER_PROVISION = compile_regex(
    r"\s+(?:under|pursuant\s+to|authori[sz]ed\s+(?:by|under))\s+(?:sections?|articles?|"
    r"regulations?|rules?|paragraphs?|§)\s*\d",
    re.IGNORECASE,
)
#: A power named as what a limit reduces or stops ("so as to minimise the interception of
#: communications not relevant to the offence", "shall discontinue the interception"), as what
#: someone is told not to do ("instruct the provider not to disclose"), or as a condition
#: ("unless a production order has been made").
_LIMITED_BEFORE = compile_regex(
    r"\b(?:minimi[sz]e|limit|restrict|reduce|avoid|prevent|discontinue|terminate|stop|cease|"
    r"suspend|end)\s+(?:(?:the|any|such)\s+)?$|\bnot\s+to\s+$"
    r"|\b(?:unless|until|once|after|before)\s+(?:an?|the|such)\s+$",
    re.IGNORECASE,
)
#: A power named as what a request involves ("A foreign request for assistance that involves
#: search, seizure or the interception of communications shall be refused unless…").
_REQUEST_FOR = compile_regex(
    r"\b(?:requests?|applications?)\b[^.;]{0,40}?\b(?:that|which)\s+(?:involves?|concerns?|"
    r"relates?\s+to|seeks?|requires?)\b[^.;]{0,80}$",
    re.IGNORECASE,
)
#: A power named to describe who exercises it ("the bodies carrying out operational-search
#: activities", "any authority conducting interception"): the clause addresses that actor.
_CARRIED_OUT_BY = compile_regex(
    r"\b(?:bod(?:y|ies)|authorit(?:y|ies)|agenc(?:y|ies)|organs?|services?|officers?|officials?|"
    r"persons?)\s+(?:\w+\s+)?(?:carrying\s+out|conducting|performing|engaged\s+in|responsible\s+"
    r"for)\s+(?:(?:the|any|such)\s+)?$",
    re.IGNORECASE,
)
#: A relative pronoun opening a clause that describes a person ("any person who is entitled to").
_RELATIVE = compile_regex(r"\b(?:who|whom|which)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: A power named as what a complainant alleges ("hear a complaint from any person who claims
#: that the applicant is conducting interception beyond the scope of the warrant").
_CLAIMED = compile_regex(
    r"\b(?:claims?|alleges?|believes?|complains?|complaints?)\s+(?:that|of|about|against)\b"
    # the claim ends where a main clause grants the power: "Where an officer has reasonable
    # grounds to believe that an offence has been committed, the officer may intercept"
    r"(?:(?!,\s*(?:[\w-]+\s+){0,6}(?:may|shall|must|can)\b)[^;])*$",
    re.IGNORECASE,
)
#: Words between a safeguard and a trailing hedge that attach the hedge to something else
#: ("redress and, where appropriate, compensation").
_TRAIL_GAP = compile_regex(r"\b(?:and|or|but|including)\b|[;:]")


class ClauseAnalyser:
    """Builds `Clause`s from sentences with lexicons (shipped, or a context's extended ones)."""

    def __init__(
        self,
        lexicon: Callable[[str], Lexicon] = builtin,
        defined: Sequence[LexMatch] = (),
        officials: Sequence[LexMatch] = (),
    ) -> None:
        self.lexicon = lexicon
        #: Uses of defined terms that mean a power ("special measures" means interception…),
        #: as matches of that power, in document order.
        self.defined = sorted(defined, key=lambda m: m.start)
        self._defined_starts = [m.start for m in self.defined]
        #: Uses of defined terms that mean an authority ("authorising officer" means a police
        #: officer…), as matches of that authority's class, in document order.
        self.officials = sorted(officials, key=lambda m: m.start)
        self._official_starts = [m.start for m in self.officials]
        self._clauses: dict[int, Clause] = {}

    def defined_within(self, start: int, end: int) -> list[LexMatch]:
        """The uses of power-meaning defined terms inside [start, end)."""
        lo = bisect.bisect_left(self._defined_starts, start)
        hi = bisect.bisect_left(self._defined_starts, end)
        return self.defined[lo:hi]

    def officials_within(self, start: int, end: int) -> list[LexMatch]:
        """The uses of authority-meaning defined terms inside [start, end)."""
        lo = bisect.bisect_left(self._official_starts, start)
        hi = bisect.bisect_left(self._official_starts, end)
        return self.officials[lo:hi]

    def analyse(self, sentence: Sentence) -> Clause:
        """The clause of `sentence`, memoised by its start offset."""
        clause = self._clauses.get(sentence.start)
        if clause is None or clause.sentence != sentence:
            clause = Clause(sentence, self)
            self._clauses[sentence.start] = clause
        return clause


class Clause:
    """The analysis of one sentence; every property is computed on first use."""

    __slots__ = ("_analyser", "_folded", "_hits", "_memo", "sentence")

    def __init__(self, sentence: Sentence, analyser: ClauseAnalyser) -> None:
        self.sentence = sentence
        self._analyser = analyser
        self._folded = fold(sentence.text)
        self._hits: dict[tuple[str, tuple[str, ...]], tuple[LexMatch, ...]] = {}
        self._memo: dict[str, object] = {}

    # -- generic lexicon access -------------------------------------------------------------

    @property
    def start(self) -> int:
        """Absolute start offset of the sentence."""
        return self.sentence.start

    @property
    def end(self) -> int:
        """Absolute end offset of the sentence."""
        return self.sentence.end

    @property
    def text(self) -> str:
        """The sentence text."""
        return self.sentence.text

    def hits(self, lexicon: str, *categories: str) -> tuple[LexMatch, ...]:
        """Matches of a lexicon (optionally only some categories), in text order.

        Each category is matched at most once per clause, and only when first asked for; the
        answer to each question is remembered, since rules ask the same ones of every clause.
        """
        key = (lexicon, categories)
        found = self._hits.get(key)
        if found is None:
            lex = self._analyser.lexicon(lexicon)
            if len(categories) == 1:
                found = tuple(lex.finditer(self.text, self.start, categories, folded=self._folded))
            else:
                every = [m for cat in categories or lex.categories for m in self.hits(lexicon, cat)]
                found = tuple(sorted(every, key=lambda m: (m.start, -m.end)))
            self._hits[key] = found
        return found

    def has(self, lexicon: str, *categories: str) -> bool:
        """Whether any match of the lexicon (or of the given categories) occurs."""
        return bool(self.hits(lexicon, *categories))

    def segment_of(self, offset: int) -> tuple[int, int]:
        """Absolute bounds of the clause segment (between semicolons or dashes) holding `offset`."""
        rel = offset - self.start
        begin, end = 0, len(self.text)
        for m in _SEGMENT.finditer(self.text):
            if m.end() <= rel:
                begin = m.end()
            elif m.start() >= rel:
                end = m.start()
                break
        return begin + self.start, end + self.start

    # -- modality and actor -----------------------------------------------------------------

    @property
    def modality(self) -> Modality | None:
        """The first modal verb of the clause."""
        first = next(iter(self.hits("modality", *_MODAL_WORD)), None)
        if first is None:
            return None
        word = first.text.lower().split()[0]
        if first.category == "prohibition":
            return "shall not"
        if word == "must" and first.category == "obligation":
            return "must"
        value = _MODAL_WORD[first.category]
        return value  # type: ignore[return-value]

    @property
    def binding(self) -> bool:
        """Whether the clause imposes a duty (shall / must / shall not)."""
        return self.modality in ("shall", "must", "shall not")

    @property
    def actor(self) -> LexMatch | None:
        """The first authority named before the modal verb (the clause's subject), if any."""
        modal = next(iter(self.hits("modality", *_MODAL_WORD)), None)
        limit = modal.start if modal is not None else self.end
        return next((m for m in self.hits("authorisers") if m.start < limit
                     and m.category != "authorising_act"), None)  # fmt: skip

    # -- powers and authorisation -----------------------------------------------------------

    @property
    def powers(self) -> tuple[LexMatch, ...]:
        """The intrusive powers the clause names. A removal in a clause that edits what its
        actor is about to share ("Prior to the sharing of information, a party shall … remove
        such information") is a redaction, not a takedown of someone's content; a word in the
        title of an instrument cited ("under the Interception of Communications Act") names
        no power."""
        memo = self._memo.get("powers")
        if memo is not None:
            return memo  # type: ignore[return-value]
        found = self.hits("powers")
        defined = self._analyser.defined_within(self.start, self.end)
        if defined:
            named = {(m.start, m.end) for m in found}
            extra = [m for m in defined if (m.start, m.end) not in named]
            found = tuple(sorted((*found, *extra), key=lambda m: (m.start, -m.end)))
        if self.has("markers", "redaction"):
            found = tuple(m for m in found if m.category != "blocking")
        found = tuple(m for m in found if not self._in_title(m))
        self._memo["powers"] = found
        return found

    @property
    def is_offence(self) -> bool:
        """Whether the clause creates or punishes an offence (not when it only names the
        penalty an offence carries as a condition of something else)."""
        if "offence" not in self._memo:
            conditions = self.hits("markers", "penalty_condition")
            self._memo["offence"] = any(
                not any(c.start <= m.start < c.end for c in conditions)
                for m in self.hits("markers", "offence")
            )
        return bool(self._memo["offence"])

    @property
    def is_definition(self) -> bool:
        """Whether the clause defines a term."""
        return self.has("markers", "definition")

    @property
    def grants_power(self) -> bool:
        """Whether the clause confers a power on the State.

        Not when it creates an offence, defines a term, names the instrument ("These rules may
        be called…"), prohibits ("No provider shall disclose…"), saves ("Nothing in this
        chapter…"), exempts from an offence ("It shall not be unlawful…"), or uses a power
        authorised elsewhere ("…in the manner authorized herein").
        """
        if "grants" not in self._memo:
            granted = self._granted_powers()
            modal = self._modal_before(granted[0].start) if granted else None
            self._memo["grants"] = bool(
                granted
                and not self.is_offence
                and not self.is_definition
                and not _SAVINGS.match(self.text)
                and not self.has(
                    "markers",
                    "subject_matter",
                    "exemption",
                    "authorised_elsewhere",
                    "citation",
                    "denial",
                )
                and (modal is None or modal.category != "prohibition")
                and (
                    (modal is not None and modal.category in _GRANTING and not self.modal_describes)
                    or self.has("modality", "empowerment")
                    or self._performs_authorising_act()
                )
                and not self._notice_duty()
                and not self._shields_privilege()
            )
        return bool(self._memo["grants"])

    def _granted_powers(self) -> list[LexMatch]:
        """The powers of the clause that it may grant: not those it only names (an instrument,
        a product, a review of them) nor those a prohibition governs ("…must be destroyed;
        communications between a lawyer and client must not be intercepted")."""
        return [
            p
            for p in self.powers
            if not self._named_only(p.start - self.start, p.end - self.start)
            and not self._prohibited(p.start)
        ]

    def _nearest_modal(self, start: int) -> LexMatch | None:
        """The modal verb ending nearest before `start` ("must not" over the "must" it
        begins, "no person may" over its "may"), if any."""
        before = [m for m in self.hits("modality", *_MODAL_WORD) if m.start < start]
        return max(before, key=_governing) if before else None

    def _modal_before(self, start: int) -> LexMatch | None:
        """The modal verb that governs words at `start`: the nearest before them, or the
        clause's first when none comes before."""
        nearest = self._nearest_modal(start)
        if nearest is not None:
            return nearest
        return next(iter(self.hits("modality", *_MODAL_WORD)), None)

    def _prohibited(self, start: int) -> bool:
        """Whether a prohibition is the modal verb nearest before `start`."""
        nearest = self._nearest_modal(start)
        return nearest is not None and nearest.category == "prohibition"

    @property
    def narrows_only(self) -> bool:
        """Whether the clause only narrows its powers to a purpose or condition, naming no
        one who authorises them ("…may be carried out only in order to monitor external
        military threats", "…only where strictly necessary")."""
        if "narrows" not in self._memo:
            powers = self.powers
            self._memo["narrows"] = bool(
                powers
                and not self.authorisers
                and _NARROWED.search(self.text, powers[0].end - self.start)
            )
        return bool(self._memo["narrows"])

    def _shields_privilege(self) -> bool:
        """Whether the clause only restricts a power over privileged material ("Communications
        with a lawyer may be intercepted only with the prior approval of a judge"): a
        protection of that material, not a grant of the power."""
        privileged = self.hits("handling", "privilege")
        first = self.powers[0].start
        return bool(
            privileged
            and privileged[0].start < first
            and _ONLY.search(self.text, first - self.start)
        )

    def _notice_duty(self) -> bool:
        """Whether the clause's modal verb imposes telling someone of a measure ("the officer
        shall notify the person concerned of the interception"): a safeguard, not a grant."""
        first = next(iter(self.hits("modality", *_MODAL_WORD)), None)
        return first is not None and bool(_NOTIFIES.match(self.text, first.start - self.start))

    def _in_title(self, m: LexMatch) -> bool:
        """Whether a power word is part of the capitalised title of an instrument."""
        return m.text[:1].isupper() and bool(_TITLE_TAIL.match(self.text, m.end - self.start))

    @property
    def lifted_by_instrument(self) -> bool:
        """Whether the clause forbids its powers except under an instrument ("No person shall
        intercept … except by an order issued by the Secretary")."""
        return bool(
            self.powers
            and not self.is_offence
            and not self.is_definition
            and self.has("markers", "permitted_by_instrument")
            and any(
                (modal := self._modal_before(p.start)) is not None
                and modal.category == "prohibition"
                for p in self.powers
            )
        )

    @property
    def applies_for_power(self) -> bool:
        """Whether the clause asks an authority for the instrument that would permit its
        powers ("An officer may apply to a judge for a warrant authorising interception")."""
        starts = [m.start - self.start for m in self.powers]
        return (
            bool(starts)
            and self.modality in ("may", "shall", "must")
            and all(_APPLIED_FOR.search(self.text, max(0, at - 250), at) for at in starts)
        )

    @property
    def about_others(self) -> bool:
        """Whether the clause opens on "All other …"/"Any other …": it governs what the rest of
        its provision leaves out, and its safeguards do not reach the powers granted there."""
        return _ABOUT_OTHERS.match(self.text) is not None

    @property
    def modal_describes(self) -> bool:
        """Whether the clause's modal verb stands in a relative clause that describes someone
        ("consent from any person who is entitled to access the computer system")."""
        first = next(iter(self.hits("modality", *_MODAL_WORD)), None)
        return first is not None and bool(
            _RELATIVE.search(
                self.text, max(0, first.start - self.start - 30), first.start - self.start
            )
        )

    def _performs_authorising_act(self) -> bool:
        """Whether a clause without a modal verb authorises something itself ("the warrant
        authorizes the interception of…", "to order interception"), rather than describing what
        was authorised elsewhere ("the period of interceptions authorized by the order") or
        naming the instrument ("interceptions made under such order")."""
        entity_ends = [a.end - self.start for a in self.authorisers]
        return any(
            (
                not m.text.lower().endswith("ed")
                and (
                    _ACTING.fullmatch(m.text) is not None  # "An authorisation … authorises any…"
                    # "The Minister (of the Interior) orders the interception"
                    or any(
                        _ENTITY_TAIL.fullmatch(self.text, end, m.start - self.start)
                        for end in entity_ends
                        if end <= m.start - self.start
                    )
                    or not _DESCRIBED_ACT.search(
                        self.text, max(0, m.start - self.start - 40), m.start - self.start
                    )
                )
            )
            # "Interception is authorised by the Public Prosecutor": a grant in the present
            or _PRESENT_PASSIVE.match(self.text, 0, m.end - self.start + 4) is not None
            for m in self.hits("authorisers", "authorising_act")
            # a title ending on its noun ("Application for preservation order.") acts on nothing
            if not _ENDS_HERE.match(self.text, m.end - self.start)
        )

    @property
    def speaks_of_measure(self) -> bool:
        """Whether the clause speaks of a power it names as a measure (its conditions, its
        product, the complaints of those it affects), not only to describe an actor ("a body
        carrying out interception")."""
        return any(
            not _CARRIED_OUT_BY.search(
                self.text, max(0, m.start - self.start - 60), m.start - self.start
            )
            for m in self.powers
        )

    def _named_only(self, start: int, end: int) -> bool:
        """Whether the power at [start, end) (offsets in the clause) is only named, as what
        qualifies an instrument the clause does not issue or what others do or say: "an
        application for the warrant of interception", "reports about the warrants of
        surveillance or interception", "the number of pen register orders", "may make
        application for an order authorizing the use of a pen register", "the results of the
        trap and trace device shall be furnished", "a complaint from any person who claims
        that the applicant is conducting interception beyond the warrant", "intercepted
        material shall be destroyed" speak of a power granted elsewhere."""
        if self.has("markers", "issuance", "issued"):
            return False
        return bool(
            _INSTRUMENT_OF.search(self.text, max(0, start - 60), start)
            or _INSTRUMENT_AFTER.match(self.text, end)
            or _APPLIED_FOR.search(self.text, max(0, start - 250), start)
            or _PRODUCT_OF.search(self.text, max(0, start - 60), start)
            or _WHERE_IT.search(self.text, max(0, start - 60), start)
            or _CARRIED_OUT_BY.search(self.text, max(0, start - 60), start)
            or _SUBJECT_OF.search(self.text, max(0, start - 40), start)
            or _REVIEWED.search(self.text, max(0, start - 120), start)
            or _LIMITED_AFTER.match(self.text, end)
            or _UNDER_PROVISION.match(self.text, end)
            or _LIMITED_BEFORE.search(self.text, max(0, start - 30), start)
            or _REQUEST_FOR.search(self.text, max(0, start - 120), start)
            or _CLAIMED.search(self.text, max(0, start - 200), start)
            or _CONCERNING.search(self.text, max(0, start - 40), start)
            or _DONE_BEFORE.match(self.text, start)
        )

    @property
    def authorisers(self) -> tuple[Authoriser, ...]:
        """Judges, independent bodies and executive officials named, classified, with roles."""
        if "auth" not in self._memo:
            matches = self.hits("authorisers")
            officials = self._analyser.officials_within(self.start, self.end)
            if officials:
                # The defined term replaces the words inside it ("authorising" of "authorising
                # officer" is no act of authorising).
                kept = [
                    m
                    for m in matches
                    if not any(o.start <= m.start and m.end <= o.end for o in officials)
                ]
                matches = tuple(sorted((*kept, *officials), key=lambda m: (m.start, -m.end)))
            self._memo["auth"] = find_authorisers(matches, self.segment_of, self.text, self.start)
        return self._memo["auth"]  # type: ignore[return-value]

    @property
    def conditions(self) -> tuple[LexMatch, ...]:
        """Conditions on the clause: "subject to", "on the order of", "provided that"…"""
        return self.hits("conditions")

    # -- hedges and deferrals ---------------------------------------------------------------

    @property
    def hedges(self) -> tuple[LexMatch, ...]:
        """Discretionary words ("as appropriate", "inter alia", "where possible"…)."""
        return tuple(m for m in self.hits("hedges") if m.category != "optional")

    @property
    def optional(self) -> tuple[LexMatch, ...]:
        """Words that make a safeguard optional for the addressee ("a Party may require")."""
        return self.hits("hedges", "optional")

    @property
    def deferrals(self) -> tuple[LexMatch, ...]:
        """Deferrals of the safeguard's content to domestic law."""
        return self.hits("deferrals")

    def governing(self, start: int, end: int) -> tuple[LexMatch, ...]:
        """The hedges, optional words and deferrals that govern the words at [start, end).

        A qualifier governs a phrase when both stand in the same segment of the sentence and
        the qualifier comes first, or follows the phrase closely ("review where possible").
        A deferral that opens the sentence governs all of it. The discretion of a judge or
        court ("as the court deems appropriate") hedges nothing: it is the safeguard at work.
        """
        seg_start, seg_end = self.segment_of(start)
        found: list[LexMatch] = []
        for m in (*self.hedges, *self.optional, *self.deferrals):
            if m.category == "discretion" and self._judicial_discretion(m):
                continue
            same_segment = seg_start <= m.start < seg_end
            before = m.end <= start
            close_after = end <= m.start <= end + _TRAILING and not _TRAIL_GAP.search(
                self.text[end - self.start : m.start - self.start]
            )
            opening = m.lexicon == "deferrals" and m.start - self.start < 5
            if (same_segment and (before or close_after)) or opening:
                found.append(m)
        return tuple(sorted(found, key=lambda m: m.start))

    def _judicial_discretion(self, hedge: LexMatch) -> bool:
        """Whether a discretion belongs to a judge or court (the nearest authority before it)."""
        before = [a for a in self.authorisers if a.end <= hedge.end]
        return bool(before) and before[-1].kind == "judicial"
