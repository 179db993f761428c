"""Definitions: finding defined terms in text, and the table of where each is used.

Forms recognised: `"term" means …`, `“term” includes …`, `'term' shall mean …`,
`the term "X" means …`, `(hereinafter "X")`, and inside a definitions provision (headed
Definitions / Interpretation / Use of terms, or opening "In this Act") also `Term refers to …`,
`term means …` and `term: …`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from safeguard_lint.ast import Definition, DefinitionEntry, Span, Text, Unit
from safeguard_lint.regex_cache import compile_regex

_OPEN = "\"\u201c\u2018'"
_CLOSE = "\"\u201d\u2019'"
_VERB = (
    r"(?:shall\s+(?:mean|include|have\s+the\s+(?:same\s+)?meaning)|means|mean|includes|include"
    r"|refers?\s+to|has\s+the\s+(?:same\s+)?meanings?|is\s+defined|have\s+the\s+(?:same\s+)?meanings?)\b"
)
QUOTED = compile_regex(
    rf"[{_OPEN}](?P<term>[^{_CLOSE}\n]{{1,80}}?)[{_CLOSE}]\s*(?:\([^)]{{0,60}}\)\s*)?"
    rf"(?:,\s*[^,;\n]{{0,80}},\s*)?{_VERB}"
)
HEREINAFTER = compile_regex(
    rf"\((?:hereinafter|hereafter)?\s*(?:referred\s+to\s+as|called|the)?\s*"
    rf"[{_OPEN}](?P<term>[^{_CLOSE}\n]{{2,60}})[{_CLOSE}]\)"
)
_UNQUOTED = compile_regex(
    r"(?:\(?[0-9a-z]{1,4}[).]\s*|[IVXLC]{1,6}\s*[-\u2013\u2014.)]\s*)?(?P<term>[A-Za-z][\w\-]*(?:\s+[\w\-]+){0,5}?)"
    # a translation may stand between the term and its verb ("officer (人員) means")
    r"(?:\s*\([^()\n]{1,40}\))?\s*(?::\s|\s+(?:means|includes|refers\s+to)\b)"
)
#: A capitalised term defined where it is first described ("(1) A Correction Direction is a
#: direction issued by the Minister…").
_INLINE = compile_regex(
    r"(?:\(?[0-9a-z]{1,4}\)\s*)?(?:An?|The)\s+(?P<term>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,4})"
    r"\s+(?:is|means)\s+(?:an?|the|any)\s"
)
_DEFINITIONS_HEADING = compile_regex(
    r"definitions?|interpretation|use\s+of\s+terms|meaning\s+of|terms\s+used|glossary", re.I
)
_DEFINITIONS_LEAD = compile_regex(
    r"^(?:In\s+this\s+\w+|For\s+(?:the\s+)?purposes?\s+of\s+this|As\s+used\s+in\s+this"
    r"|The\s+following\s+(?:words|terms|expressions)\b[^.]{0,40}\bmeanings?"
    r"|The\s+following\s+definitions\s+apply)\b"
)


#: A definitions lead-in that the definition follows in the same sentence ("In this Act,").
_LEAD_COMMA = compile_regex(
    r"(?:In\s+this\s+\w+|For\s+the\s+purposes\s+of\s+this\s+\w+)(?:,\s*unless\s+the\s+context\s+"
    r"(?:otherwise\s+requires|indicates\s+otherwise))?\s*,\s*(?!unless\b)(?:(?:an?|the)\s+)?"
)
#: The first letters of the openings `_DEFINITIONS_LEAD` accepts.
_LEAD_INITIALS = frozenset("IFAT")


def is_definitions_unit(unit: Unit, source: str) -> bool:
    """Whether a unit is a definitions provision, by its heading or by the opening words of
    its first text (`source` is the document's text)."""
    if unit.heading and _DEFINITIONS_HEADING.search(unit.heading):
        return True
    for child in unit.children:
        if isinstance(child, Text):
            start, end = child.span.start, child.span.end
            if source[start : start + 1] not in _LEAD_INITIALS:  # most texts: no slice, no regex
                return False
            return bool(_DEFINITIONS_LEAD.match(source[start : min(end, start + 80)]))
    return False


def find_definitions(text: str, offset: int, *, in_definitions: bool) -> list[Definition]:
    """Definitions that begin in `text` (starting at `offset`), each running to its end."""
    # Both quoted forms need an opening quote: most texts have none and skip the scans.
    quoted = (QUOTED, HEREINAFTER) if any(q in text for q in _OPEN) else ()
    if not quoted and not in_definitions:
        inline = _INLINE.match(text)
        if inline is None:
            return []
        t0 = offset + inline.start("term")
        term = inline.group("term")
        return [
            Definition(
                span=Span(t0, offset + len(text)), term=term, term_span=Span(t0, t0 + len(term))
            )
        ]
    found: list[Definition] = []
    end = offset + len(text)
    for rx in quoted:
        for m in rx.finditer(text):
            term = " ".join(m.group("term").split()).strip(" ,.")
            if not term or not any(c.isalpha() for c in term):
                continue
            t0 = offset + m.start("term")
            found.append(
                Definition(
                    span=Span(offset + m.start(), end),
                    term=term,
                    term_span=Span(t0, t0 + len(m.group("term"))),
                )
            )
    if in_definitions and not found:
        # "In this Act, relevant offence means…": a lead-in and a definition in one sentence
        opening = _LEAD_COMMA.match(text)
        unquoted = _UNQUOTED.match(text, opening.end() if opening else 0)
        lead = unquoted.group("term").lower() if unquoted else ""
        if unquoted is not None and not lead.startswith(("in ", "for ", "the ")):
            t0 = offset + unquoted.start("term")
            found.append(
                Definition(
                    span=Span(t0, end),
                    term=unquoted.group("term"),
                    term_span=Span(t0, t0 + len(unquoted.group("term"))),
                )
            )
    found.sort(key=lambda d: d.span.start)
    # One definition per text block: the first; later ones in the same block are its parts.
    return [found[0]] if found else []


def term_key(term: str) -> str:
    """The key of a term in the definitions table: lower case, single spaces."""
    return " ".join(term.lower().split())


def collect_uses(
    table: dict[str, list[DefinitionEntry]], texts: Iterable[Text], source: str
) -> None:
    """Record, for every defined term, the spans where the term is used in body text.

    Each term is searched with `str.find` in the lower-cased source (fast), and a hit counts
    when it stands on word boundaries inside a Text node and is not the definition itself.
    """
    spans = sorted((t.span.start, t.span.end) for t in texts)
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    lowered = source.lower()
    size = len(lowered)
    # Where no use may start: a definition's own term, or a longer term's use.
    taken = {e.term_span.start for entries in table.values() for e in entries}
    find, startswith, take = lowered.find, lowered.startswith, taken.add
    in_text = bisect.bisect_right
    for key in sorted(table, key=len, reverse=True):
        use = table[key][0].uses.append
        length = len(key)
        pos = find(key)
        while pos != -1:
            if pos not in taken:
                end = pos + length
                if startswith("es", end):
                    end += 2
                elif startswith("s", end):
                    end += 1
                # On word boundaries: no letter, digit, "-" or "_" just before or after.
                before = lowered[pos - 1] if pos else " "
                after = lowered[end] if end < size else " "
                if not (before.isalnum() or before in "-_" or after.isalnum() or after in "-_"):
                    i = in_text(starts, pos) - 1
                    if i >= 0 and pos < ends[i]:  # inside a text
                        use(Span(pos, end))
                        take(pos)
            pos = find(key, pos + 1)
