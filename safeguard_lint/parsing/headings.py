"""Splitting heading lines into keyword, number, title and run-in text.

`Article 24. Conditions and safeguards`, `§ 2518. Procedure for interception…`,
`CHAPTER 119—WIRE AND ELECTRONIC…`, `12. Short title.—(1) This Act…`: each opening is split so
that the number, the title and any run-in text get their own exact spans.
"""

from __future__ import annotations

from dataclasses import dataclass

from safeguard_lint.parsing.numbering import LATIN_SUFFIX
from safeguard_lint.regex_cache import compile_regex

#: Keywords of division headings, mapped to the node kind they open.
DIVISION_KEYWORDS = {
    "book": "book",
    "part": "part",
    "subpart": "subpart",
    "chapter": "chapter",
    "title": "title",
    "division": "division",
    "subdivision": "subdivision",
    "schedule": "schedule",
    "schedules": "schedule",
    "annex": "annex",
    "annexes": "annex",
    "appendix": "annex",
    "form": "schedule",
    "section": "division",
}
#: Keywords of provision headings, mapped to the node kind they open.
PROVISION_KEYWORDS = {
    "article": "article",
    "art.": "article",
    "section": "section",
    "sec.": "section",
    "regulation": "regulation",
    "rule": "rule",
    "§": "section",
    "§§": "section",
}

_HEAD = compile_regex(
    r"(?P<lead>[ \t]*(?:#{1,6}[ \t]*)?)"
    r"(?P<kw>§{1,2}|[A-Za-z]+\.?)"
    r"(?P<gap>[ \t]*[-\u2013\u2014]?[ \t]*)"
    # "Article (34)": the bracketed number of English translations of Arab-state laws
    r"(?:\((?P<bracketed>[0-9]+[A-Za-z]{0,2})\)|"
    r"(?P<num>(?:[A-Z]{1,2}\.?[ \t]?[0-9]+(?:-[0-9]+)+"
    r"|[0-9]+[A-Za-z0-9\-]*[\u00b0\u00ba]?(?:\.[0-9]+)*(?:/[A-Z0-9]{1,2}\b)?|[IVXLCDM]+\b|[A-Z]\b|(?i:one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|first|second|third|fourth|fifth)\b)"
    rf"(?:[ \t]+{LATIN_SUFFIX}\b)?))?"
)
# A separator between a number or title and what follows: ". ", ".-", " - ", ":", ".___" (the
# dashes may be em or en dashes).
_SEP = compile_regex(
    r"[ \t]*(?:\.?[ \t]*[\u2014\u2013][ \t]*|\.[ \t]*-+[ \t]*|\._+[ \t]*|[.:][ \t]*|[ \t]+-[ \t]+)"
)
#: A title printed as a bracketed marginal note, and the blanks after it.
_MARGINAL_NOTE = compile_regex(r"\[(?P<title>[A-Z][^\]\n]{0,120}?)\.?\][ \t]*")
_TITLE_END = compile_regex(
    r"\.?[ \t]*(?:[\u2014\u2013]|-{1,2}(?=[ \t(])|_{2,})"
    # a full stop, but not the one of an abbreviation ("under art. 3\u00ba", "No. 12", "s. 5")
    r"|(?<!\b[Aa]rt)(?<!\b[Nn]o)(?<!\b[Ss]ec)(?<!\bpara)(?<!\b[Ss])(?<!\bss)(?<!\bpp)\.[ \t]+"
    r"(?=[(\"\u201c'A-Z0-9])"
)
#: A line that opens like this, ends with a full stop and has at least this many words reads
#: as a sentence ("This Code applies to every offence."), not as a title.
_SENTENCE = compile_regex(
    r"(?:The|This|These|That|Each|Every|Any|All|No|Nothing|A|An|Where|If|It|Anyone)\b"
)
_SENTENCE_WORDS = 4
#: How the subject of an offence opens its sentence; never a title, with or without a stop.
_OFFENDER = compile_regex(r"(?:Whoever|Whosoever|(?:Any|A|Every)\s+person\s+who)\b")
_RELATIVE = compile_regex(
    r"\s(?:(?:for|to|in\s+respect\s+of|under|by|against|on|in)\s+which|whose)\s"
)
#: Operative verbs ("by means of" names a way, not what a term means).
_VERBS = compile_regex(
    r"\b(?:shall|may|must|will|is|are|(?<!\bby\s)means(?!\s+of\b)|includes|commits)\b"
)

WORD_NUMBERS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "fifth": "5",
    "sixth": "6",
    "seventh": "7",
    "eighth": "8",
    "ninth": "9",
    "tenth": "10",
}


@dataclass(frozen=True, slots=True)
class HeadParts:
    """Offsets (relative to the line) of the parts of a heading line."""

    keyword: str
    num: str
    num_start: int
    num_end: int
    title: tuple[int, int] | None
    body: tuple[int, int] | None
    #: Where the printed number ends, after the bracket closing "(34)" (else `num_end`).
    close: int | None = None

    @property
    def end(self) -> int:
        """Where the keyword and number end: what follows is the title or run-in text."""
        return self.num_end if self.close is None else self.close


def split_head(line: str) -> HeadParts | None:
    """Split a division or provision heading line; None when it does not look like one."""
    m = _HEAD.match(line)
    if m is None:
        return None
    group = "num" if m.group("bracketed") is None else "bracketed"
    if m.group(group) is None:
        return None
    kw = m.group("kw")
    num = m.group(group).strip()
    num_start, num_end = m.start(group), m.end(group)
    title, body = split_title(line, m.end())
    close = None if group == "num" else m.end()
    return HeadParts(kw, num, num_start, num_end, title, body, close)


#: A numeral standing alone where a title would be: the label of a first paragraph.
_BARE_LABEL = compile_regex(r"\(?(?:[IVXLC]{1,6}|[0-9]{1,3}|[a-z])\)?")


def split_title(line: str, start: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Split what follows a number into a title and run-in body text, as offsets.

    `. Title` / `— Title` then `.—text`, `. Text…`; a long sentence with a verb is body only.
    """
    sep = _SEP.match(line, start)
    pos = sep.end() if sep else start
    while pos < len(line) and line[pos] in " \t":
        pos += 1
    rest = line[pos:].rstrip()
    if not rest:
        return None, None
    end = pos + len(rest)
    if (note := _MARGINAL_NOTE.match(line, pos, end)) is not None:
        # "4. [Duration of warrant.] (1) A warrant…": a marginal note printed in brackets.
        body_start = note.end()
        return note.span("title"), ((body_start, end) if body_start < end else None)
    cut = _TITLE_END.search(line, pos, end)
    if cut is not None and cut.start() - pos <= 160 and cut.start() > pos:
        title_text = line[pos : cut.start()]
        if _BARE_LABEL.fullmatch(title_text):
            return None, (pos, end)  # "Art. 2. - I. - Under": a paragraph label, no title
        sep_text = cut.group().replace(" ", "").replace("\t", "")
        dotted_dash = sep_text.startswith(".") and sep_text[1:2] in ("\u2014", "\u2013", "-", "_")
        # "5. The following apply to every measure under sections 3 and 4\u2014": a lead-in.
        lead_in = (
            not dotted_dash
            and not line[cut.end() : end].strip()
            and _SENTENCE.match(title_text) is not None
            and len(title_text.split()) >= _SENTENCE_WORDS
        )
        if lead_in:
            return None, (pos, end)
        if dotted_dash or not _VERBS.search(title_text):
            body_start = cut.end()
            while body_start < end and line[body_start] in " \t":
                body_start += 1
            return (pos, cut.start()), ((body_start, end) if body_start < end else None)
    if is_title_like(rest) and not (sep is not None and _dashed_sentence(sep.group(), rest)):
        title_end = end - 1 if rest.endswith(".") else end
        return (pos, title_end), None
    return None, (pos, end)


#: The fewest words of a full-stopped line run in after "Art. 2. -" (an en dash) that make it the
#: article's text: French-style codes print no title there.
_RUN_IN_WORDS = 6


def _dashed_sentence(sep: str, rest: str) -> bool:
    """Whether text run in after a number and a dash is a sentence ("Art. 2. - Operators keep
    the traffic data of all their subscribers for two years.")."""
    return (
        any(d in sep for d in ("\u2013", "\u2014", "-"))
        and rest.endswith(".")
        and not rest.isupper()
        and len(rest.split(None, _RUN_IN_WORDS)) > _RUN_IN_WORDS
    )


def is_title_like(text: str) -> bool:
    """Whether a line reads as a title: short, no operative verb, no trailing list punctuation."""
    text = text.strip()
    if not text or len(text) > 160 or text[-1] in ",;:" or text.endswith(("-", "\u2013")):
        return False
    if text.isupper():
        return True
    if text.endswith(".") and _SENTENCE.match(text) and len(text.split()) >= _SENTENCE_WORDS:
        return False  # "This Code applies to every offence." is a sentence, not a title
    # A verb inside a relative clause of the title's noun is no sentence's verb ("Offences for
    # which warrants may be issued", "Persons whose communications may be intercepted").
    relative = _RELATIVE.search(text)
    head = text[: relative.start()] if relative else text
    return not _VERBS.search(head) and not text[0].islower() and not _OFFENDER.match(text)


def accepts_rest(line: str, num_end: int) -> bool:
    """Whether what follows a heading's number is a title or nothing (not running prose).

    "Part 3 of this Act applies…" at the start of a wrapped line is prose, not a heading.
    """
    rest = line[num_end:]
    stripped = rest.lstrip(" \t")
    if not stripped:
        return True
    if stripped[0] in ".:\u2014\u2013-_[(\"\u201c'":
        return True
    return not stripped[0].islower() and not stripped.startswith(("of ", "and ", "or "))
