"""Safeguard finders: what, in one clause, counts as each safeguard of the catalogue.

Each finder takes a `Clause` and returns the words that provide the safeguard; rules pass them
to `SafeguardModel.evidence`, which looks through a provision's coverage and separates firm
safeguards from hedged ones. Power categories group the `powers` lexicon for the rules' triggers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from safeguard_lint.regex_cache import compile_regex
from safeguard_lint.semantics.clauses import Clause
from safeguard_lint.semantics.durations import find_durations
from safeguard_lint.semantics.lexicon import LexMatch
from safeguard_lint.semantics.model import GRAVE, Located, Site

#: A denial just before a remedy ("No cause of action", "no civil action").
_DENIED = compile_regex(r"\bno\s+$", re.IGNORECASE)
#: A report or record sent to an authority just before it is named ("submit a report on the
#: search to the Tribunal"): the authority learns of the measure, it does not permit it.
_TOLD = compile_regex(
    r"\b(?:reports?|returns?|inventory|cop(?:y|ies)|records?|account)\b[^.;]{0,60}?"
    r"\bto\s+(?:the\s+|a\s+|an\s+)?$"
    r"|\b(?:reported|communicated|notified)\s+to\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
#: A body that reviews the measure some time after it is taken ("the order shall be reviewed
#: by a committee which includes a judge, within two months").
_REVIEWED_BY = compile_regex(
    r"\b(?:reviewed|examined|scrutini[sz]ed|audited)\s+(?:\w+\s+){0,2}?by\s+(?:[\w-]+\s+){0,5}$",
    re.IGNORECASE,
)
_LATER = compile_regex(
    r"[^.;]{0,40}?\b(?:within\s+(?:[\w-]+\s+){1,2}(?:days?|weeks?|months?|years?)|after(?:wards)?)\b",
    re.IGNORECASE,
)
#: The members of a body, listed after it ("an independent Review Committee consisting of the
#: Cabinet Secretary and the Law Secretary").
_MEMBERS = compile_regex(
    r"(?:\s+[\w-]+){0,3}\s*,?\s*(?:consisting|composed|comprising|made\s+up)\s+(?:solely\s+|only\s+)?"
    r"(?:of\s+)?[^.;]{0,150}",
    re.IGNORECASE,
)
#: A report sent to the authority named just before it ("submit to the regional court,
#: every six months, a report"), the object following its recipient.
_SENT_BEFORE = compile_regex(
    r"\b(?:submit|send|transmit|forward|present)\s+to\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_REPORT_AFTER = compile_regex(
    r"[^.;]{0,60}?\b(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}(?:reports?|returns?|summary|account)\b",
    re.IGNORECASE,
)
#: An independent body that only gives an opinion or is consulted ("authorised by the Prime
#: Minister after the opinion of an independent commission", "having regard to any
#: observations made by a Judicial Commissioner"): advice binds no one.
_ADVISES = compile_regex(
    r"\b(?:opinion|advice|recommendation|consult(?:ing|ation|ed)?|observations|views|comments"
    r"|representations)\s+(?:of|with|from)?\s*"
    r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: An authority that approves only renewals, or a delay of notice ("A warrant may be renewed
#: only with the approval of a Judicial Commissioner", "Notice may be deferred with the consent
#: of the court"): the warrant itself is issued without it.
_RENEWAL_BEFORE = compile_regex(
    r"^(?:(?!\b(?:issu|grant|mak|made)\w*)[^.;])*\b(?:renew\w*|exten(?:d|ded|ds|sions?)|"
    r"defer\w*|postpon\w*|delay\w*)\b"
    r"(?:(?!\b(?:issu|grant|mak|made)\w*)[^.;])*$",
    re.IGNORECASE,
)
#: An authority the text says is not needed ("shall not require judicial authorisation", "may
#: issue a warrant without the approval of a Judicial Commissioner").
_UNNEEDED = compile_regex(
    r"\b(?:not|no)\s+(?:\w+\s+){0,2}?(?:require|need)s?\s+(?:an?\s+|any\s+|the\s+|prior\s+)*$"
    r"|\b(?:without|dispens\w+\s+with)\s+(?:the\s+|any\s+)?(?:prior\s+)?(?:approval|"
    r"authori[sz]ation|consent|leave|permission|order|warrant)\s+(?:of|from|by)\s+"
    r"(?:an?\s+|the\s+|any\s+)?$",
    re.IGNORECASE,
)
#: A body that reviews an instrument after the event ("The Tribunal may quash any warrant",
#: "a Judicial Commissioner may afterwards review the decision") or only fails to object
#: ("if a Judicial Commissioner does not object"): it authorises nothing beforehand.
_REVIEWS = compile_regex(
    r"\s+(?:may|shall|must)\s+(?:\w+\s+){0,2}?(?:quash|set\s+aside|revoke|cancel|annul)\b"
    r"|\s+(?:may|shall|must)\s+(?:afterwards|subsequently|later|thereafter)\s+review\b"
    r"|\s+(?:does|do)\s+not\s+object\b"
    r"|\s+(?:may|shall|must)\s+(?:\w+\s+)?(?:inform|notify|advise)\b",
    re.IGNORECASE,
)
#: An authority that is only told of the measure ("The court that issued the order shall be
#: informed of the results").
_INFORMED_AFTER = compile_regex(
    r"[^.;]{0,60}?\b(?:shall|must|is\s+to)\s+be\s+(?:informed|notified|told|sent\s+a\s+copy)\b",
    re.IGNORECASE,
)
#: An apposition that describes the official before it ("…, who is a judicial authority").
_APPOSITION = compile_regex(
    r"\s*,\s*(?:who|which)\s+(?:is|are|shall\s+be|acts\s+as)\s+(?:(?:an?|the)\s+)?",
    re.IGNORECASE,
)
#: An alternative to the body before it ("a judge or a public prosecutor", "an order of a
#: judge or of the Minister", "by a Commissioner or, where none is available, by the Minister").
_ALTERNATIVE = compile_regex(
    # other alternatives may stand between: "a judge, a court or a public prosecutor"
    r"(?:\s*,\s*(?:(?:an?|the|any)\s+)?[\w-]+(?:\s+[\w-]+)?)*"
    r"\s*,?\s*(?:or|and/or)\b(?:\s*,\s*(?:where|if|when|in)\b[^,;.]{0,80},)?\s*"
    r"(?:(?:of|by|from)\s+)?(?:(?:an?|the|any)\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
#: Notice that is only permitted ("The person concerned may be notified", "The judge may
#: order that the subject be notified").
_MAY_NOTIFY = compile_regex(
    r"\bmay\s+(?:also\s+)?(?:be\s+)?$|\bmay\s+(?:order|direct|decide)\s+that\b[^.;]*$",
    re.IGNORECASE,
)
#: Notice that no one has to give ("shall not be required to notify the person").
_NEED_NOT = compile_regex(
    r"\b(?:not\s+(?:be\s+)?(?:required|obliged|bound|compelled)\s+to|need\s+not|no\s+(?:duty|"
    r"obligation)\s+to)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: Notice to the addressee of the order, not to the person whose data it concerns.
_TO_ADDRESSEE = compile_regex(
    r"\s+to\s+whom\s+(?:it|the\s+\w+)\s+is\s+(?:directed|addressed|issued)", re.IGNORECASE
)
#: An open exception to a destruction duty: the material is kept whenever it is wanted.
_KEPT_IF_NEEDED = compile_regex(
    r"[^.;]{0,80}?\b(?:unless|except)\b[^.;]{0,60}?\b(?:needed|necessary|required|useful|"
    r"exceptional\s+reasons|interests?\s+of\s+the\s+service)\b",
    re.IGNORECASE,
)
#: A challenge open only to the provider who must comply ("The provider may file a motion to
#: quash the order"): no remedy for the person whose data it concerns.
_PROVIDERS_OWN = compile_regex(
    r"\s*(?:\(\w+\)\s*)?(?:the|a|any|such)\s+(?:[\w-]+\s+)?(?:provider|operator|carrier|"
    r"intermediary|recipient\s+of\s+the\s+(?:order|notice))s?\s+(?:may|(?:shall\s+be|is)\s+"
    r"entitled\s+to|ha(?:s|ve)\s+the\s+right\s+to)\s+(?:[\w-]+\s+){0,5}$",
    re.IGNORECASE,
)
#: A challenge brought to the executive itself ("may apply to the Minister for review", "may
#: appeal to the Minister, whose decision shall be final", "a review application before the
#: Authority").
_TO_THE_EXECUTIVE = compile_regex(
    r"\b(?:to|before|with)\s+(?:the\s+)?(?:same\s+)?(?:Minister|Ministry|Authority|"
    r"Secretary|Director(?:-General)?|Government|regulator|Agency|Department)\b",
)
#: Powers that need prior independent authorisation (catalogue JR02): the watching measures
#: (`GRAVE`: interception, real-time collection, covert surveillance) and access to stored data.
NEEDS_AUTHORISATION = GRAVE | {"stored_access", "retention"}
#: Powers whose authoriser must be independent of the executive (catalogue JR03). Blocking is
#: not one of them: an executive blocking order is CO08's finding, which owns it.
AUTHORISED_ACCESS = NEEDS_AUTHORISATION | {"production", "decryption"}
#: Powers usually exercised without the person's knowledge (catalogue RM02).
COVERT = GRAVE | {"retention"}
#: Powers whose orders must be limited in time (catalogue PL01).
TIMED = GRAVE | {"preservation", "retention", "biometrics"}
#: Powers that reach the content of communications or stored data (catalogue PL04).
CONTENT_REACHING = GRAVE | {"stored_access"}
#: Powers over what others may read (blocking, removal) that obtain no material: the rules on
#: handling obtained material, on grounds for obtaining it and on who authorises it (PL03, JR04,
#: JR03) leave them to CO08.
CONTENT_CONTROL = frozenset({"blocking"})


def independent_authorisation(clause: Clause) -> Sequence[Located]:
    """Judges, courts and bodies independent of the executive named in the clause, unless
    the clause shuts them out ("No court shall question a warrant"), only reports to them
    afterwards ("submit a report on the search to the Tribunal"), or names them as the forum
    of a remedy without their authorising anything ("may apply to the court to review the
    lawfulness of the measure")."""
    forum = bool(remedy(clause))
    return [
        a
        for a in clause.authorisers
        if a.independent
        and not _negated(clause, a)
        and not _told(clause, a)
        and not _advises(clause, a)
        and not _REVIEWS.match(clause.text, a.end - clause.start)
        and not _UNNEEDED.search(
            clause.text, max(0, a.start - clause.start - 40), a.start - clause.start
        )
        and not _RENEWAL_BEFORE.match(clause.text, 0, a.start - clause.start)
        and not _with_executive_alternative(clause, a)
        and not _described_executive(clause, a)
        and not _reviewed_later(clause, a)
        and not _executive_members(clause, a)
        # a court named as the forum of a remedy authorises no measure of this clause
        and (
            not forum
            or (
                a.authorises
                and (clause.grants_power or clause.has("markers", "issuance", "issued"))
            )
        )
    ]


def _reviewed_later(clause: Clause, m: Located) -> bool:
    """Whether the authority only reviews the measure some time after it is taken."""
    at = m.start - clause.start
    return bool(
        _REVIEWED_BY.search(clause.text, max(0, at - 80), at)
        and _LATER.match(clause.text, m.end - clause.start)
    )


def _executive_members(clause: Clause, m: Located) -> bool:
    """Whether a body called independent is made up of executive officials only."""
    members = _MEMBERS.match(clause.text, m.end - clause.start)
    if members is None:
        return False
    lo, hi = members.start() + clause.start, members.end() + clause.start
    inside = [a for a in clause.authorisers if lo <= a.start < hi]
    return bool(inside) and all(a.kind == "executive" for a in inside)


def _described_executive(clause: Clause, m: Located) -> bool:
    """Whether the authority's words only describe an executive official named just before
    ("The public prosecutor, who is a judicial authority within the meaning of this Code")."""
    at = m.start - clause.start
    return any(
        other.kind == "executive"
        and _APPOSITION.fullmatch(clause.text, other.end - clause.start, at) is not None
        for other in clause.authorisers
        if other.end <= m.start
    )


def _advises(clause: Clause, m: Located) -> bool:
    """Whether an authority is named only as giving an opinion or being consulted."""
    at = m.start - clause.start
    return bool(_ADVISES.search(clause.text, max(0, at - 60), at))


def _with_executive_alternative(clause: Clause, m: Located) -> bool:
    """Whether an executive official may act instead of the authority ("may be issued by a
    judge or a public prosecutor"): the measure can be authorised without it."""
    return any(
        other.kind == "executive" and _alternatives(clause, m, other)
        for other in clause.authorisers
    )


def _alternatives(clause: Clause, a: Located, b: Located) -> bool:
    """Whether two authorities are named as alternatives ("by a Judicial Commissioner or,
    where none is available, by the Secretary of State")."""
    lo, hi = (a, b) if a.start < b.start else (b, a)
    between = clause.text[lo.end - clause.start : hi.start - clause.start]
    return bool(_ALTERNATIVE.fullmatch(between))


def _told(clause: Clause, m: Located) -> bool:
    """Whether an authority is named only as the recipient of a report or record ("report …
    to the Tribunal", "the court … shall be informed of the results")."""
    at = m.start - clause.start
    return bool(
        _TOLD.search(clause.text, max(0, at - 90), at)
        or _INFORMED_AFTER.match(clause.text, m.end - clause.start)
        or (
            _SENT_BEFORE.search(clause.text, max(0, at - 30), at)
            and _REPORT_AFTER.match(clause.text, m.end - clause.start)
        )
    )


def executive_authorisation(clause: Clause) -> Sequence[Located]:
    """Executive officials who authorise (order, direct, warrant) in the clause, or who may
    stand in for an authority that does ("issued by a judge or a public prosecutor"); not one
    who only requires help in giving effect to the warrants of the text ("a notice requiring
    it to provide such assistance as is necessary for giving effect to any warrant")."""
    helping = all(m.category in ("decryption", "assistance") for m in clause.powers)
    if helping and _SERVES_INSTRUMENT.search(clause.text):
        return []
    found = [
        a
        for a in clause.authorisers
        if a.kind == "executive"
        and (
            a.authorises
            or any(o.authorises and _alternatives(clause, a, o) for o in clause.authorisers)
        )
    ]
    # The one nearest its act first, applicants last: in "The Police shall not intercept …
    # unless the Minister has issued a warrant" the Minister issues it, and in "The Minister
    # may, on the application of an officer, issue a direction" the Minister still does.
    acts = [m.start for m in clause.hits("authorisers", "authorising_act")]

    def rank(a: Located) -> tuple[bool, int]:
        applies = _APPLICANT.search(clause.text, 0, a.start - clause.start) is not None
        return applies, min((s - a.end for s in acts if s >= a.end), default=1 << 30)

    return sorted(found, key=rank)


#: The words that make an official the applicant for an instrument, not its author.
_APPLICANT = compile_regex(
    r"\b(?:application|request|motion|petition|proposal)\s+of\s+(?:an?\s+|the\s+|any\s+)?"
    r"(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
#: Help given in executing the instruments of the text, which authorises none of them.
_SERVES_INSTRUMENT = compile_regex(
    r"\b(?:giv(?:e|es|ing)\s+effect\s+to|in\s+(?:the\s+)?execution\s+of|executing|"
    r"(?:to\s+)?comply(?:ing)?\s+with)\s+(?:any|a|an|the|every|such)\s+(?:[\w-]+\s+){0,2}"
    r"(?:warrants?|orders?|authori[sz]ations?|directions?|notices?)\b",
    re.IGNORECASE,
)


def remedy(clause: Clause) -> Sequence[LexMatch]:
    """A right to challenge, or damages. Excluding unlawfully obtained material from evidence
    is no remedy for the many who are never charged (catalogue RM03 asks for it besides). The
    compensation of a provider for the costs of assisting is no remedy for the person the
    measure affects, and a review by the authority that took the measure ("may apply to the
    Minister for review") is no effective remedy either."""
    reimbursed = clause.has("remedies", "reimbursement")
    damages = () if reimbursed else clause.hits("remedies", "damages")
    internal = not any(a.independent for a in clause.authorisers)
    remedies = [
        m
        for m in clause.hits("remedies", "remedy")
        if not _negated(clause, m)
        and not _PROVIDERS_OWN.match(clause.text, 0, m.start - clause.start)
        and not (internal and _executive_forum(clause, m))
    ]
    return sorted([*remedies, *damages], key=lambda m: m.start)


def _executive_forum(clause: Clause, m: Located) -> bool:
    """Whether a challenge named at `m` is brought to the executive itself (in its words or
    just after them)."""
    at = m.start - clause.start
    return _TO_THE_EXECUTIVE.search(clause.text, at, m.end - clause.start + 80) is not None


def _negated(clause: Clause, m: Located) -> bool:
    """Whether a remedy is denied where it is named ("No cause of action shall lie…")."""
    return bool(
        _DENIED.search(clause.text, max(0, m.start - clause.start - 12), m.start - clause.start)
    )


def exclusion(clause: Clause) -> Sequence[LexMatch]:
    """Exclusion of unlawfully obtained material from evidence, unless the words that seem to
    exclude are negated ("shall not be inadmissible" admits the material)."""
    admitted = clause.hits("remedies", "admission")
    return [
        m
        for m in clause.hits("remedies", "exclusion")
        if not any(a.start < m.end and m.start < a.end for a in admitted)
    ]


def notice(clause: Clause) -> Sequence[LexMatch]:
    """Notice to the person affected, after the measure; not the words of a gag ("shall not
    inform the subscriber"), nor notice that is only permitted ("may be notified"), nor
    notice to the one who must carry out the order ("notify the person to whom it is
    directed")."""
    gags = clause.hits("notification", "secrecy")
    return [
        m
        for m in clause.hits("notification", "notice")
        if not any(g.start <= m.start < g.end for g in gags)
        and not _MAY_NOTIFY.search(
            clause.text, max(0, m.start - clause.start - 60), m.start - clause.start
        )
        and not _NEED_NOT.search(
            clause.text, max(0, m.start - clause.start - 40), m.start - clause.start
        )
        and not _TO_ADDRESSEE.match(clause.text, m.end - clause.start)
    ]


def duration_limit(clause: Clause) -> Sequence[Located]:
    """A maximum period (bounded duration) or a clause requiring duration limits; not how long
    a notice may be postponed ("postponed for successive periods not exceeding 6 months")."""
    postponed = [m.start for m in clause.hits("notification", "postponement")]
    bounded = [
        d
        for d in find_durations(clause.text, clause.start)
        if d.bounded and not any(0 <= d.start - p <= 80 for p in postponed)
    ]
    return [*bounded, *clause.hits("durations", "limit_clause")]


def handling(clause: Clause) -> Sequence[LexMatch]:
    """Rules on storing, using, logging and destroying obtained material; not a destruction
    duty that an open exception hollows ("destroyed within six months, except where needed
    in the interests of the service")."""
    return [
        m
        for m in clause.hits("handling", "storage", "destruction")
        if m.category != "destruction"
        or not _KEPT_IF_NEEDED.match(clause.text, m.end - clause.start)
    ]


def minimisation(clause: Clause) -> Sequence[LexMatch]:
    """Minimisation of collection and protection of privileged material."""
    return clause.hits("handling", "minimisation", "privilege")


def grounds(clause: Clause) -> Sequence[LexMatch]:
    """A factual basis and a defined target: suspicion, named person, less intrusive means."""
    return clause.hits("grounds", "suspicion", "target", "less_intrusive", "reasoned")


def offences(clause: Clause) -> Sequence[LexMatch]:
    """The offences for which a power may be used."""
    return clause.hits("grounds", "offences")


def categories(sites: Iterable[Site]) -> frozenset[str]:
    """The power categories named by power sentences."""
    return frozenset(m.category for s in sites for m in s.clause.powers)


def first_power(sites: Sequence[Site], wanted: frozenset[str] | None = None) -> LexMatch:
    """The first power phrase (of the wanted categories, if given) among power sentences."""
    for s in sites:
        for m in s.clause.powers:
            if wanted is None or m.category in wanted:
                return m
    return sites[0].clause.powers[0]
