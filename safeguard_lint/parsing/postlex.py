"""The numbering post-lexer: turns line tokens into nesting.

The line lexer (`lines.py`) only says how each line opens. This pass, between it and Lark's
LALR parser, decides what every heading and label opens and where each unit closes (emitting
`_END`), in the spirit of Lark's `Indenter` but driven by numbering instead of indentation:

- a label of a style already open closes that level and opens a sibling; a new style nests;
- `(i)` after `(h)` is a letter unless `(ii)` follows (see `numbering.resolve_kind`);
- in texts without Article/Section keywords, `12.` at the top opens a section when it continues
  the numbering; inside schedules numbered lines are items, not sections;
- headings are split from run-in text, wrapped lines are joined into one TEXT token, and text
  after a list returns to the list's parent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise

from safeguard_lint.parsing.headings import (
    DIVISION_KEYWORDS,
    PROVISION_KEYWORDS,
    HeadParts,
    accepts_rest,
    is_title_like,
    split_head,
    split_title,
)
from safeguard_lint.parsing.lines import Line, Tok
from safeguard_lint.parsing.numbering import (
    LABEL_RUN,
    Label,
    decimal_follows,
    follows,
    parse_label,
    resolve_kind,
    starts_list,
    style_of,
)
from safeguard_lint.regex_cache import compile_regex

_NOISE = compile_regex(
    r"^(?:[-\u2013\u2014 ]*\d{1,4}[-\u2013\u2014 ]*|[Pp]age \d+(?: of \d+)?|[^\w\[\]]+)$"
)
#: What a running head printed at the top of a page ends with: a wide gap, then the number of
#: the provision or page there ("Part 1 Powers          Section 1").
_RUNNING_HEAD = compile_regex(
    r"\S[ \t]{4,}(?:(?:Section|SECTION|Article|ARTICLE|Page|PAGE|s\.|Art\.)[ \t]*)?"
    r"\d{1,4}[A-Z]{0,2}[ \t]*$"
)
_CONCLUSION = (
    r"^(?:Done at|DONE at|IN WITNESS WHEREOF|In witness whereof|IN FAITH WHEREOF"
    r"|(?:Passed|PASSED) (?:by|in)|Dated (?:at|this))\b"
)
# The formula that ends a preamble and introduces the enacting terms.
_FORMULA = (
    r"^(?:HAVE|HAS|Have|Has) (?:ADOPTED|adopted|AGREED|agreed)\b"
    r"|^(?:BE IT|Be it) (?:ENACTED|enacted)|^(?:ENACTED|Enacted) by\b|^NOW,? THEREFORE\b"
)
_DEFINITION_START = (
    r"^[\"\u201c\u2018'][^\"\u201d\u2019']{1,80}[\"\u201d\u2019']"
    # a term printed in bold that plain text loses: "issuing officer means a Judge"
    r"|^[a-z][\w-]*(?:[ \t][\w-]+){0,4}(?:[ \t]+\([^()\n]{1,40}\))?[ \t]+"
    r"(?:means|includes|has[ \t]+the[ \t]+meaning)\b"
)
_DOTTED = compile_regex(r"[ \t]*\d{1,3}[A-Z]{0,2}\.")
#: The words of a section title after its number: a capitalised phrase, not a sentence, as
#: long as a title may be (`headings.is_title_like`: "Power to issue directions for blocking
#: for public access of any information through any computer resource").
_TITLE_PHRASE = (
    r"[A-Z](?![A-Za-z]*\s+(?:shall|may|must|is|are)\b)[\w ,'()\u2019-]{0,160}?(?:,\s*etc)?"
)
#: A section title alone on its line ("37. Unlawful online content").
_SECTION_TITLE = compile_regex(_TITLE_PHRASE + r"\.?")
#: A section title run in with its text ("Search and seizure.\u2014(1) If any officer…"), or
#: given as a bracketed marginal note ("[Duration of warrant.] (1) A warrant…").
_SECTION_RUN_IN = compile_regex(
    _TITLE_PHRASE + r"\.\s?[\u2014\u2013]|\[[A-Z][^\]\n]{0,120}\][ \t]*(?=\()"
)
#: Text ending in a unit word, the number of which must follow ("under subsection", "of
#: paragraphs (a) and"): a label on the next line belongs to the sentence.
_UNIT_WORD = (
    r"\b(?:sub-?sections?|sections?|(?:sub-?)?paragraphs?|articles?|(?:sub-?)?clauses?|"
    r"regulations?|rules?|items?)"
)
_REFERENCE_END = compile_regex(
    _UNIT_WORD + r"(?:\s*\([0-9A-Za-z]{1,4}\))*(?:\s*,|\s+(?:and|or|to))?\s*$", re.IGNORECASE
)
#: A sentence closed by the term it defines in the other official language, as bilingual
#: statutes print their definitions ("judge means a judge of the Federal Court. (juge)").
_TRANSLATED_TERM = compile_regex(r"[.;][ \t]*\([^()\n]{1,60}\)[ \t]*$")
#: Text that ends in the unit word itself, its number still to come ("… under subsection").
_UNIT_WORD_LAST = compile_regex(_UNIT_WORD + r"\s*$", re.IGNORECASE)
#: Text after a label that carries a reference on ("(3) and (4) of this Act", "(2) of
#: section 364").
_REFERENCE_GOES_ON = compile_regex(r"(?:of|and|or|,|;|\)|\()(?:\W|$)", re.IGNORECASE)
_PROVISO = r"^(?:Provided|PROVIDED|Explanation|EXPLANATION|Illustration)\b"
#: A note or example printed inside a unit ("Note: …", "Note 2—…", "Example:", "Editorial
#: Note:", New Zealand's "Compare:"), which the law itself says is not part of it.
_NOTE = (
    r"^[ \t]*(?:(?:Editorial|EDITORIAL)[ \t]+)?(?:Notes?|NOTES?|Examples?|EXAMPLES?|Compare)"
    r"(?:[ \t]+[0-9]{1,2})?[ \t]*(?::|[\u2014\u2013]|[ \t]-[ \t])"
)
#: What marks a token of note text (its `info`).
NOTE_INFO = "note"
#: How a text line opens, when it opens in one of the ways above (which exclude each other:
#: each starts with its own words or a quote), in one match instead of five.
_OPENING = compile_regex(
    "|".join(
        f"(?P<{name}>{pattern})"
        for name, pattern in (
            ("conclusion", _CONCLUSION),
            ("formula", _FORMULA),
            ("definition", _DEFINITION_START),
            ("proviso", _PROVISO),
            ("note", _NOTE),
        )
    )
)
_RUN_IN = compile_regex(r"(?:\((?:[0-9]{1,3}[A-Z]{0,2}|[a-z]{1,4}|[A-Z]{1,4})\)[ \t]*)+(?=[^\s(])")
_LOOKAHEAD = 12
#: A number this large opening a line ("2510.") is a label only where it continues the numbering
#: of an act's sections.
_LARGE_NUMBER = 1000
#: A text is hard-wrapped (lines joined into sentences) unless this share of its lines is long.
_LONG_LINE = 100
_UNWRAPPED_SHARE = 0.1


@dataclass
class _Open:
    style: str
    label: Label
    #: Text blocks seen so far in the unit (its own line's text counts as one).
    blocks: int = 0


@dataclass
class Plan:
    """What the whole document says about its numbering, decided before structuring it."""

    style: str = "article"  # article | section | us-code | numbered
    section_is_division: bool = False
    numbered_sections: bool = False
    #: Whether sections are headed by a bare number and a title ("5 Interception with a
    #: warrant"), as in the Acts of the United Kingdom Parliament.
    bare_sections: bool = False
    #: Whether sections open with a bare number run in with their text ("2 (1) In this
    #: Act…", "4 An officer may…"), their titles printed as notes above, as in the statutes
    #: of Canada.
    run_in_sections: bool = False
    #: Whether lines are hard-wrapped (a sentence spans lines) rather than one block per line.
    wrapped: bool = True

    @classmethod
    def of(cls, lines: list[Line]) -> Plan:
        """Decide the numbering family from the provision headings the lexer found."""
        counts = {"article": 0, "section": 0, "sign": 0, "regulation": 0}
        dotted = titled = 0
        long_lines = 0
        for line in lines:
            tok = line.tokens[0]
            if line.tokens[-1].end_pos - tok.start_pos > _LONG_LINE:
                long_lines += 1
            if tok.type == "PROVISION" and _heads_provision(tok):
                kw = tok.value.lstrip(" \t#").split(None, 1)[0].lower()
                if kw.startswith("\u00a7"):
                    counts["sign"] += 1
                elif kw.startswith("art"):
                    counts["article"] += 1
                elif kw.startswith("sec"):
                    counts["section"] += 1
                else:
                    counts["regulation"] += 1
            elif tok.type == "LABEL" and _DOTTED.match(tok.value):
                dotted += 1
                rest = line.tokens[1].value.strip() if len(line.tokens) > 1 else ""
                # a long phrase is a title only if it reads as one, not as a sentence
                title = _SECTION_TITLE.fullmatch(rest) is not None and (
                    len(rest) <= _TITLE_LINE or is_title_like(rest)
                )
                titled += title or _SECTION_RUN_IN.match(rest) is not None
        wrapped = long_lines < _UNWRAPPED_SHARE * len(lines)
        if counts["article"]:
            return cls("article", section_is_division=True, wrapped=wrapped)
        if counts["sign"]:
            return cls("us-code", wrapped=wrapped)
        # A few "Section 3\u2014Repealed" lines in a text whose sections are numbered "1. Title"
        # (a consolidation's notes) do not make it a text of keyword-headed sections.
        keyworded = counts["section"] + counts["regulation"]
        if keyworded and keyworded >= titled:
            return cls("section", wrapped=wrapped)
        # Two dotted numbers, or one that heads a section ("37. Unlawful online content"
        # opening an excerpt of one section), make numbered sections.
        # Markdown headings that number sections ("### 1. Takedown notices") make the numbered
        # lines below them subsections, however many there are.
        headings = [
            None if _in_contents(line) else _bare_heading(line, after)
            for line, after in _with_next(lines)
        ]
        markdown = any(m is not None and m.group("md") is not None for m in headings)
        numbered = not markdown and (dotted >= 2 or titled > 0)
        bare = markdown or (not numbered and _bare_sections(lines, headings))
        run_in = not numbered and not markdown and _run_in_sections(lines)
        return cls(
            "numbered",
            numbered_sections=numbered,
            bare_sections=bare,
            run_in_sections=run_in,
            wrapped=wrapped,
        )


@dataclass
class _State:
    divisions: list[str] = field(default_factory=list)
    provision: bool = False
    labels: list[_Open] = field(default_factory=list)
    last_section: tuple[int, str] | None = None
    in_schedule: bool = False
    expect_heading: str | None = None
    pending: Tok | None = None
    #: The text after a label that may be the unit's title ("(a) Definitions."): a heading
    #: if the unit's content follows, the item's text if a sibling does.
    title: Tok | None = None
    #: Depth of open labels at which a run of unlabelled definitions ("x" means …) sits.
    definitions_depth: int | None = None
    #: The last paragraph number printed bare ("2 Each Party shall…") in the open article.
    bare_paragraph: int = 0
    #: The word that opens the open provision's heading ("Article", "Section"), if any.
    provision_word: str | None = None
    #: The number of the last section run in with its text ("4 An officer may…").
    run_in_section: float | None = None
    #: The title printed above the next provision's number, as a marginal note.
    note: Tok | None = None
    #: The number of the last paragraph numbered by decimals in the open provision ("4.1" as
    #: (4, 1)), or the provision's own number before its first one; empty when it has none.
    decimal: tuple[int, ...] = ()


def structure(source: str, lines: list[Line]) -> tuple[list[Tok], Plan]:
    """The structure tokens of `grammar/legislation.lark` for the lexed lines of `source`.

    Each LABEL token's `info` is the `(Label, resolved kind)` of the label it opens.
    """
    lines = _without_contents(source, lines)
    plan = Plan.of(lines)
    runs = [_line_labels(line) for line in lines]
    labels = [parse_label(m.group()) for run in runs for m in run]
    structurer = _Structurer(source, plan, labels, _bare_letter_lines(lines))
    structurer.run(lines, runs)
    return structurer.out, plan


#: The heading of a table of contents printed before the body ("ARRANGEMENT OF SECTIONS").
_CONTENTS = compile_regex(
    r"[ \t]*(?:#{1,6}[ \t]*)?(?:ARRANGEMENT|Arrangement)[ \t]+(?:OF|of)[ \t]+"
    r"(?:SECTIONS|PROVISIONS|REGULATIONS|RULES|CLAUSES|ARTICLES|PARAGRAPHS|Sections|Provisions"
    r"|Regulations|Rules|Clauses|Articles|Paragraphs)|[ \t]*(?:#{1,6}[ \t]*)?(?:TABLE[ \t]+OF[ \t]+"
    r"CONTENTS|Table[ \t]+of[ \t]+[Cc]ontents|CONTENTS|Contents)[ \t]*:?[ \t]*$"
)
#: The number an entry of a table of contents, or a provision, opens with.
_ENTRY_NUMBER = compile_regex(
    r"[ \t]*(?:(?:Section|SECTION|Article|ARTICLE|Regulation|REGULATION|Rule|RULE|Sec\.|Art\.)"
    r"[ \t]+)?([0-9]{1,4}[A-Z]{0,2})\b"
)
#: An entry numbered bare, as the sections of United Kingdom or New Zealand Acts are.
_BARE_ENTRY = compile_regex(r"[ \t]*([0-9]{1,4}[A-Z]{0,2})[ \t]+(?=[A-Z])")
#: The last entries of a table of contents that name the back matter ("SCHEDULE").
_BACK_MATTER = compile_regex(
    r"[ \t]*(?:#{1,6}[ \t]*)?(?i:(?:first|second|third|fourth|fifth)[ \t]+)?"
    r"(?i:schedules?|annex(?:es)?|appendix|forms?)\b"
)
#: How long an entry of a table of contents may be; a longer line is body text.
_CONTENTS_ENTRY = 160
#: What marks the lines of a table of contents (their tokens' `info`).
_CONTENTS_ENTRY_INFO = "contents"
#: How many entries in a row make a table of contents printed without a heading, and how
#: long each may be.
_UNHEADED_ENTRIES = 3
_TITLE_LINE = 100


def _without_contents(source: str, lines: list[Line]) -> list[Line]:
    """`lines` with a table of contents ("ARRANGEMENT OF SECTIONS\n1. Short title\n2. …")
    turned into plain text: its entries name the provisions of the body, which follows and
    numbers them again from the first entry, and they must not open provisions themselves."""
    heading = next(
        (i for i, line in enumerate(lines[:200]) if _CONTENTS.match(_line_text(source, line))),
        None,
    )
    if heading is not None:
        start, entry = heading, heading + 1
    else:
        run = _entry_run(source, lines)
        if run is None:
            return lines
        start = entry = run
    headed = entry == start + 1
    first: str | None = None
    entries = 0
    for end in range(entry, len(lines)):
        text = _line_text(source, lines[end])
        if lines[end].tokens[0].type != "TEXT":
            number = _ENTRY_NUMBER.match(text)
        else:  # under a "Contents" heading, "1 Title" entries of bare-numbered sections
            number = _BARE_ENTRY.match(text) if headed else None
        if number is not None and number.group(1) == first and entries >= 2:
            break  # the body numbers its provisions again
        if len(text) > _CONTENTS_ENTRY:
            break  # a sentence: the body has begun
        if number is not None:
            first = first or number.group(1)
            entries += 1
    else:
        return lines  # no body after it: not a table of contents
    if entries < 2:
        return lines
    while end > entry:
        # "PART I—PRELIMINARY", or "Part 1" over "Preliminary", heading the first provision.
        if _body_division(lines[end - 1]):
            end -= 1
        elif (
            end - 1 > entry
            and lines[end - 1].tokens[0].type == "TEXT"
            and _body_division(lines[end - 2])
        ):
            end -= 2
        else:
            break
    plain = [
        Line(
            [_joined(source, line.tokens[0], line.tokens[-1], _CONTENTS_ENTRY_INFO)],
            line.blank_before,
        )
        for line in lines[start:end]
    ]
    return [*lines[:start], *plain, *lines[end:]]


def _in_contents(line: Line) -> bool:
    """Whether a line is an entry of a table of contents, to be read as plain text."""
    return line.tokens[0].info == _CONTENTS_ENTRY_INFO


def _body_division(line: Line) -> bool:
    """Whether a line heads a division of the body (not the back matter's "SCHEDULE")."""
    tok = line.tokens[0]
    return tok.type == "DIVISION" and not _BACK_MATTER.match(tok.value)


def _entry_run(source: str, lines: list[Line]) -> int | None:
    """Where a table of contents printed without a heading starts: the first of
    `_UNHEADED_ENTRIES` lines in a row that each hold only a provision's number and title
    ("Section 1 - Interception"), before any body text."""
    run = 0
    for i, line in enumerate(lines[:200]):
        text = _line_text(source, line)
        head = line.tokens[0].type != "TEXT" and _ENTRY_NUMBER.match(text) is not None
        if head and len(text) <= _TITLE_LINE and not text.rstrip().endswith((".", ":", ";")):
            run += 1
            if run == _UNHEADED_ENTRIES:
                return i - run + 1
        elif line.tokens[0].type == "TEXT" and run == 0 and i > 0 and len(text) > _CONTENTS_ENTRY:
            return None  # body text before any run of entries
        else:
            run = 0
    return None


def _line_text(source: str, line: Line) -> str:
    return source[line.tokens[0].start_pos : line.tokens[-1].end_pos]


def _heads_provision(tok: Tok) -> bool:
    """Whether a line opening with a provision keyword heads one, rather than running prose
    ("Section 7 of the principal Act is repealed.")."""
    head = split_head(tok.value)
    return head is not None and accepts_rest(tok.value, head.end)


#: A paragraph number printed without a dot before the paragraph's first word.
_BARE_PARAGRAPH = compile_regex(r"[ \t]*(?P<label>(?P<num>[1-9][0-9]?))[ \t]+(?=[A-Z])")
#: A paragraph of an article numbered with the section sign ("§ 1º The provider…", "§ 1er.
#: Operators…", "§ 2. The services…"), as Brazilian, Portuguese and Belgian laws number them.
_SIGN_PARAGRAPH = compile_regex(
    r"[ \t]*(?P<label>\u00a7[ \t]*(?P<num>[1-9][0-9]?)(?:[\u00ba\u00b0o]|er)?\.?)[ \t]+(?=[A-Z])"
)
#: A section headed by a bare number and a title ("1 Unlawful interception.").
_BARE_SECTION = compile_regex(
    r"[ \t]*(?P<md>#{1,6}[ \t]*)?(?P<num>[0-9]{1,3}[A-Z]{0,3})(?(md)\.?)[ \t]+(?=[A-Z])"
    r"(?P<title>.+?)[ \t]*$"
)


def _bare_heading(line: Line, after: Line | None) -> re.Match[str] | None:
    """The number and title of a line that heads a section with a bare number, if it is one
    (`after`: the next line, which a title that states a rule must be followed by)."""
    tok = line.tokens[0]
    if len(line.tokens) != 1 or tok.type != "TEXT":
        return None
    m = _BARE_SECTION.match(tok.value)
    if m is None:
        return None
    title = m.group("title")
    return m if is_title_like(title) or _rule_title(title, after) else None


def _rule_title(title: str, after: Line | None) -> bool:
    """Whether a title that states a rule ("Provider must not be required to build
    weakness", "Who may apply for a warrant") heads what follows: short, unpunctuated at
    its end, and followed by a new block, not by the rest of its sentence."""
    if after is None or after.blank_before or title[-1:] in ".,;:\u2014\u2013-":
        return False
    if len(title.split(None, _TITLE_WORDS + 4)) > _TITLE_WORDS + 4:
        return False
    first = after.tokens[0]
    return first.type == "LABEL" or first.value.lstrip()[:1].isupper()


def _with_next(lines: list[Line]) -> Iterator[tuple[Line, Line | None]]:
    """Each line with the line after it (None after the last)."""
    return zip(lines, [*lines[1:], None], strict=False)


def _bare_sections(lines: list[Line], headings: list[re.Match[str] | None]) -> bool:
    """Whether the text heads its sections with bare numbers (`headings`: each line's, as
    `_bare_heading` reads it): at least one such heading is followed by a first subsection
    "(1)", or two follow each other in ascending order."""
    numbers: list[int] = []
    opened = False
    for m, after in zip(headings, lines[1:], strict=False):
        if m is None:
            continue
        numbers.append(int(m.group("num").rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")))
        first = after.tokens[0]
        opened = opened or (first.type == "LABEL" and first.value.strip().startswith("(1)"))
    ascending = len(numbers) >= 2 and all(a < b for a, b in pairwise(numbers))
    return opened or ascending


#: A paragraph numbered by decimals after its provision's number ("4.1 An officer may…",
#: "12.3.1. The notice…"), as directives, codes of practice and some Acts print them.
_DECIMAL_PARAGRAPH = compile_regex(
    r"[ \t]*(?P<label>(?P<num>[0-9]{1,3}(?:\.[0-9]{1,3}){1,3})\.?)[ \t]+"
    r"(?=[A-Z\"\u201c\u2018'(\[])"
)


#: A section opened by a bare number run in with its text: "2 (1) In this Act," or
#: "4 An officer may…" (and "2.1" for a section inserted later).
_RUN_IN_SECTION = compile_regex(
    r"[ \t]*(?P<num>[0-9]{1,3}(?:\.[0-9]{1,4})?)[ \t]+(?P<first>\(1\)[ \t]+)?(?=[A-Z[])"
)
#: The words that introduce a marginal note in copies of web pages ("Marginal note:Warrant").
_MARGINAL_PREFIX = compile_regex(r"[ \t]*(?:Marginal[ \t]+note|MARGINAL[ \t]+NOTE)[ \t]*:[ \t]*")
#: How a text ends a sentence or clause, so that a title may follow it on the next line.
_ENDS_SENTENCE = compile_regex(r"[.;:]\s*$")
#: A line opening a subsection "(2)", which a marginal note may title.
_SUBSECTION = compile_regex(r"[ \t]*\([0-9]{1,3}[A-Z]{0,2}\)")
#: How many ascending run-in sections make the layout, when none opens with "(1)".
_RUN_IN_RUN = 3
#: How far the number of a run-in section may jump from the last (over repealed sections)
#: unless it opens a first subsection.
_RUN_IN_STEP = 10


def _run_in_number(line: Line) -> re.Match[str] | None:
    """The number of a line that may open a section run in with its text: a sentence after
    the number, not a title."""
    tok = line.tokens[0]
    if len(line.tokens) != 1 or tok.type != "TEXT":
        return None
    m = _RUN_IN_SECTION.match(tok.value)
    if m is None or m.group("first") is not None:
        return m
    rest = tok.value[m.end() :]
    # "4 [Repealed, 2019, c. 13, s. 12]" is a section's whole text too.
    return m if rest.startswith("[") or not is_title_like(rest) else None


def _run_in_sections(lines: list[Line]) -> bool:
    """Whether the text opens its sections with bare numbers run in with their text: two
    such lines in ascending order, one of them opening a first subsection "(1)", or
    `_RUN_IN_RUN` in ascending order (with at most one step back in every `_RUN_IN_RUN`)."""
    numbers: list[float] = []
    opened = False
    for line in lines:
        if _in_contents(line) or (m := _run_in_number(line)) is None:
            continue
        numbers.append(float(m.group("num")))
        opened = opened or m.group("first") is not None
    # Mostly ascending: an amending bill may print its own sections after the code's.
    descents = sum(a >= b for a, b in pairwise(numbers))
    ascending = descents <= len(numbers) // _RUN_IN_RUN
    return ascending and len(numbers) >= (2 if opened else _RUN_IN_RUN)


#: A point lettered without brackets ("a Each Party shall…", "b. the data…"), as Council of
#: Europe treaties print them.
_BARE_LETTER = compile_regex(r"[ \t]*(?P<label>(?P<num>[a-z])\.?)[ \t]+(?=\S)")
#: How the line before a lettered point ends: a sentence, a clause, a lead-in, "; and".
_BEFORE_POINT = compile_regex(r"(?:[.;:,\u2014\u2013]|[;,][ \t]*(?:and|or))[ \t]*$")
#: The most lines a lettered point may run over before the next one.
_POINT_LINES = 12


def _bare_letter(line: Line) -> re.Match[str] | None:
    """The letter of a line that may open a point lettered bare ("b No Party shall…")."""
    tok = line.tokens[0]
    return _BARE_LETTER.match(tok.value) if len(line.tokens) == 1 and tok.type == "TEXT" else None


def _bare_letter_lines(lines: list[Line]) -> set[int]:
    """The lines that open points lettered bare: runs of two or more lines "a …", "b …" in
    order, each after a line that ends a sentence or clause (or, for "a", a title such as
    "1 Scope"). The article "a" opening a wrapped line has no "b" after it."""
    found: set[int] = set()
    run: list[tuple[int, str]] = []  # (line index, letter) of the points of one list
    for i, line in enumerate(lines):
        m = _bare_letter(line)
        if m is None or not i:
            continue
        letter = m.group("num")
        before = lines[i - 1].tokens[-1].value
        if not (_BEFORE_POINT.search(before) or (letter == "a" and is_title_like(before))):
            continue
        if run and i - run[-1][0] <= _POINT_LINES and ord(letter) == ord(run[-1][1]) + 1:
            run.append((i, letter))
        elif letter == "a":
            if len(run) >= 2:
                found.update(index for index, _ in run)
            run = [(i, letter)]
    if len(run) >= 2:
        found.update(index for index, _ in run)
    return found


def _line_labels(line: Line) -> list[re.Match[str]]:
    tok = line.tokens[0]
    return list(LABEL_RUN.finditer(tok.value)) if tok.type == "LABEL" else []


def _sub(tok: Tok, type_: str, start: int, end: int) -> Tok:
    """A token for the part [start, end) of `tok`'s value (offsets relative to tok)."""
    return Tok(type_, tok.value[start:end], tok.start_pos + start, tok.start_pos + end)


class _Structurer:
    def __init__(
        self, source: str, plan: Plan, labels: list[Label], bare_letters: set[int]
    ) -> None:
        self.source = source
        self.plan = plan
        self.labels = labels
        #: The indexes of the lines that open points lettered bare ("a Each Party…").
        self.bare_letters = bare_letters
        self.label_index = 0
        self.st = _State()
        self.out: list[Tok] = []
        self.emit = self.out.append

    # ---- emission helpers -------------------------------------------------------------
    def _end(self, at: Tok) -> None:
        pos = at.start_pos
        self.emit(Tok("_END", "", pos, pos))

    def flush(self) -> None:
        pending = self.st.pending
        if pending is None:
            return
        self.st.pending = None
        note = pending.info == NOTE_INFO
        items = _inline_items(pending.value) if pending.type == "TEXT" and not note else None
        if items is None:
            self.emit(pending)
        else:
            self._inline_list(pending, items)

    def _inline_list(self, tok: Tok, items: list[_InlineItem]) -> None:
        """A text holding a list run in on one line ("either: (i) …; or (ii) …"): its lead-in,
        then each item as a unit nested in the unit the text belongs to."""
        base = tok.start_pos
        ends = [start for start, _, _, _ in items[1:]] + [len(tok.value)]
        self.emit(_piece(tok, 0, items[0][0]))
        level = len(self.st.labels)
        for (start, end, label, kind), stop in zip(items, ends, strict=True):
            head = Tok("LABEL", tok.value[start:end], base + start, base + end, (label, kind))
            self.close_labels(head, level)
            self.st.labels.append(_Open(style_of(label, kind), label, blocks=1))
            self.emit(head)
            body = _piece(tok, end, stop)
            if body.value:
                self.emit(body)

    def close_labels(self, at: Tok, keep: int = 0) -> None:
        self.flush()
        while len(self.st.labels) > keep:
            self.st.labels.pop()
            self._end(at)
        depth = self.st.definitions_depth
        if depth is not None and len(self.st.labels) < depth:
            self.st.definitions_depth = None

    def close_provision(self, at: Tok) -> None:
        self.close_labels(at)
        self.st.definitions_depth = None
        if self.st.provision:
            self.st.provision = False
            self._end(at)

    def close_divisions(self, at: Tok, keep: int = 0) -> None:
        self.close_provision(at)
        while len(self.st.divisions) > keep:
            self.st.divisions.pop()
            self._end(at)

    # ---- the pass ---------------------------------------------------------------------
    def run(self, lines: list[Line], runs: list[list[re.Match[str]]]) -> None:
        """Emit the structure tokens of the document into `out` (`runs`: each line's labels)."""
        for index, ((line, after), run) in enumerate(zip(_with_next(lines), runs, strict=True)):
            first = line.tokens[0]
            head = split_head(first.value) if first.type in ("DIVISION", "PROVISION") else None
            division_kind = self._division_kind(first, head) if first.type == "DIVISION" else None
            if after is not None and self._marginal_note(line, after):
                self.flush()
                prefix = _MARGINAL_PREFIX.match(first.value)
                self.st.note = _sub(first, "NOTE", prefix.end() if prefix else 0, len(first.value))
            elif head is not None and _RUNNING_HEAD.search(_line_text(self.source, line)):
                # "Part 1 Powers          Section 1": a page's running head, not a heading
                self.flush()
                self.emit(_trimmed(_joined(self.source, first, line.tokens[-1]), "NOISE"))
            elif division_kind is not None:
                self.division(first, division_kind, head)
            elif first.type == "PROVISION" and (paragraph := self._bare_paragraph(line)):
                self._open_bare_paragraph(first, paragraph)  # "§ 2. The services may…"
            elif first.type == "PROVISION" and head and accepts_rest(first.value, head.end):
                kind = PROVISION_KEYWORDS.get(head.keyword.lower(), "section")
                if kind == "section" and self.plan.section_is_division:
                    self.division(first, "division", head)
                else:
                    self.provision(first, head)
            elif first.type == "LABEL":
                self.label_line(line, run)
            elif index in self.bare_letters and (point := _bare_letter(line)) is not None:
                # "a Each Party shall…": a treaty's point lettered without brackets.
                label = replace(parse_label(f"{point.group('num')})"), text=point.group(), form="")
                self.open_label(label, _sub(first, "LABEL", *point.span("label")))
                self.body(first, point.end(), len(first.value))
            elif (paragraph := self._bare_paragraph(line)) is not None:
                # "1 Each Party shall…": a treaty's paragraph number printed without a dot.
                self._open_bare_paragraph(first, paragraph)
            elif (run_in := self._run_in_section(line)) is not None:
                num = run_in.group("num")
                body = run_in.start("first") if run_in.group("first") else run_in.end()
                self.provision(
                    first, HeadParts("", num, *run_in.span("num"), None, (body, len(first.value)))
                )
                self.st.run_in_section = float(num)
            elif (
                self.plan.bare_sections
                and not self.st.in_schedule  # "1  Murder" in a schedule is an entry
                and not _in_contents(line)
                and (bare := _bare_heading(line, after)) is not None
            ):
                title_end = bare.end("title") - (1 if bare.group("title").endswith(".") else 0)
                title = (bare.start("title"), title_end)
                num = bare.group("num")
                self.provision(first, HeadParts("", num, *bare.span("num"), title, None))
            elif (decimal := self._decimal_paragraph(line)) is not None:
                self._open_decimal_paragraph(first, decimal)
            else:
                self.text(_retyped(first, "TEXT"), line.blank_before)
        if lines:
            last = lines[-1].tokens[-1]
            pos = last.end_pos
            self.close_divisions(Tok("_END", "", pos, pos))
        else:
            self.flush()

    def _run_in_section(self, line: Line) -> re.Match[str] | None:
        """The number of a section run in with its text that this line opens: the layout is
        the text's, and the number follows the last section's or opens a subsection (1)."""
        if not self.plan.run_in_sections or self.st.in_schedule or _in_contents(line):
            return None
        m = _run_in_number(line)
        if m is None:
            return None
        last, num = self.st.run_in_section, float(m.group("num"))
        if last is None or last < num <= last + _RUN_IN_STEP:
            return m
        # Where a first subsection opens, the number is a section's however far it jumps: an
        # excerpt ("2 …" then "487.014 (1) …"), a bill amending a code in its own sections.
        return m if m.group("first") is not None else None

    def _marginal_note(self, line: Line, after: Line) -> bool:
        """Whether a line is the title of the section that the next line opens, or of the
        subsection there, printed above it as a marginal note ("Warrant" over "3 (1) The
        Minister may…", "Duration" over "(2) A warrant…", "Secrecy." over "4. No person…")."""
        tok, next_ = line.tokens[0], after.tokens[0]
        if not (
            len(line.tokens) == 1
            and not after.blank_before  # printed right above what it titles
            # a bare "Form" or "Schedule" may title a subsection too
            and (tok.type == "TEXT" or BARE_SCHEDULE.fullmatch(tok.value.strip()))
            and is_title_like(tok.value)
        ):
            return False
        if self.plan.run_in_sections:
            if tok.value.rstrip().endswith("."):
                return False
            if next_.type == "LABEL":
                return self.st.provision and _SUBSECTION.match(next_.value) is not None
            return self._run_in_section(after) is not None
        pending = self.st.pending
        rest = after.tokens[1].value.strip() if len(after.tokens) > 1 else ""
        return (
            self.plan.numbered_sections
            and next_.type == "LABEL"
            and (
                pending is None
                or line.blank_before
                or _ENDS_SENTENCE.search(pending.value) is not None
            )
            # a section titled on its own line ("1001. Census year") needs no note above
            and not (is_title_like(rest) or _SECTION_RUN_IN.match(rest))
            and self._opens_section(self.labels[self.label_index])
        )

    def _bare_paragraph(self, line: Line) -> re.Match[str] | None:
        """The number of a paragraph printed bare in an article ("2 Such safeguards shall…"):
        the next number of the article's bare paragraphs, opening a new block of text."""
        first = line.tokens[0]
        if self.plan.style != "article" or not self.st.provision or len(line.tokens) != 1:
            return None
        if first.type == "TEXT":
            m = _BARE_PARAGRAPH.match(first.value) or _SIGN_PARAGRAPH.match(first.value)
        else:  # "§ 2." is lexed as the heading of a section
            m = _SIGN_PARAGRAPH.match(first.value) if first.type == "PROVISION" else None
        if m is None or int(m.group("num")) != self.st.bare_paragraph + 1:
            return None
        pending = self.st.pending
        if not (
            line.blank_before or pending is None or pending.value.rstrip().endswith((".", ":", ";"))
        ):
            return None
        self.st.bare_paragraph += 1
        return m

    def _open_bare_paragraph(self, tok: Tok, paragraph: re.Match[str]) -> None:
        """Open the paragraph whose number `paragraph` matched in `tok`, then its text."""
        self.open_label(
            parse_label(f"{paragraph.group('num')}."),
            _sub(tok, "LABEL", *paragraph.span("label")),
        )
        self.body(tok, paragraph.end(), len(tok.value))
        pending = self.st.pending
        if (
            paragraph.re is _BARE_PARAGRAPH
            and pending is not None
            and not pending.value.endswith(".")
            and _item_title(pending.value + ".")
        ):
            self.st.title = pending  # "1 Scope" over its points: the paragraph's title

    def _decimal_paragraph(self, line: Line) -> re.Match[str] | None:
        """The number of a paragraph numbered by decimals that this line opens: under the
        provision of its first number, next in the outline (`numbering.decimal_follows`),
        and opening a new block of text rather than continuing a sentence ("… the sum
        of\n4.5 Million")."""
        first = line.tokens[0]
        if not self.st.decimal or len(line.tokens) != 1 or first.type != "TEXT":
            return None
        m = _DECIMAL_PARAGRAPH.match(first.value)
        if m is None:
            return None
        path = tuple(int(part) for part in m.group("num").split("."))
        pending = self.st.pending
        if not decimal_follows(self.st.decimal, path) or not (
            line.blank_before or pending is None or pending.value.rstrip().endswith((".", ":", ";"))
        ):
            return None
        return m

    def _open_decimal_paragraph(self, tok: Tok, paragraph: re.Match[str]) -> None:
        """Open the paragraph numbered by decimals that `paragraph` matched in `tok`: each
        level of the outline is a level of nesting ("4.1.1" inside "4.1"), then its text."""
        num = paragraph.group("num")
        path = tuple(int(part) for part in num.split("."))
        label = Label(paragraph.group("label"), num, ".", "decimal")
        style = f"decimal{len(path) - 1}"
        open_ = self.st.labels
        parent = f"decimal{len(path) - 2}"
        keep = next((i for i, o in enumerate(open_) if o.style == style), None)
        if keep is None:  # one level deeper than the last, or the first of the provision
            keep = next((i + 1 for i, o in enumerate(open_) if o.style == parent), 0)
        head = _sub(tok, "LABEL", *paragraph.span("label"))
        head.info = (label, "decimal")
        self.close_labels(head, keep)
        open_.append(_Open(style, label))
        self.emit(head)
        self.st.decimal = path
        self.body(tok, paragraph.end(), len(tok.value))

    def _division_kind(self, tok: Tok, head: HeadParts | None) -> str | None:
        if head is not None and accepts_rest(tok.value, head.end):
            kind = DIVISION_KEYWORDS.get(head.keyword.lower().rstrip("."))
            if kind is not None:
                return kind
        return "schedule" if head is None and BARE_SCHEDULE.match(tok.value) else None

    def division(self, tok: Tok, kind: str, head: HeadParts | None) -> None:
        """Open a division: schedules close everything; a kind already open closes to it."""
        if kind in ("schedule", "annex"):
            self.close_divisions(tok)
            self.st.in_schedule = True
        else:
            keep = (
                self.st.divisions.index(kind)
                if kind in self.st.divisions
                else len(self.st.divisions)
            )
            self.close_divisions(tok, keep)
        self.st.divisions.append(kind)
        self._head_tokens(tok, "DIVISION", head, "division")

    def provision(self, tok: Tok, head: HeadParts) -> None:
        """Open a provision (article, section…) after closing the previous one."""
        self.close_provision(tok)
        self._emit_note()
        self.st.provision = True
        self.st.bare_paragraph = 0
        self.st.decimal = _decimal_root(head.num)
        word = _HEADING_WORD.match(tok.value)
        self.st.provision_word = word.group(1) if word else None
        rest = head.title or head.body
        first = _SIGN_PARAGRAPH.match(tok.value, rest[0]) if rest is not None else None
        if self.plan.style == "article" and first is not None and first.group("num") == "1":
            # "Art. 126. § 1er. Operators…": the article's first paragraph run in
            self.emit(_sub(tok, "PROVISION", 0, head.end))
            self.st.expect_heading = None
            self.st.bare_paragraph = 1
            self._open_bare_paragraph(tok, first)
            return
        self._head_tokens(tok, "PROVISION", head, "provision")

    def _emit_note(self) -> None:
        """Emit the marginal note that titles the unit opening now, if one was printed."""
        if self.st.note is not None:
            self.emit(self.st.note)
            self.st.note = None

    def _head_tokens(self, tok: Tok, type_: str, head: HeadParts | None, what: str) -> None:
        if head is None:  # a bare "SCHEDULE" or "ANNEX" line, perhaps with a title
            bare = BARE_SCHEDULE.match(tok.value)
            num_end = bare.end() if bare else len(tok.value)
            title, body = split_title(tok.value, num_end)
        else:
            num_end, title, body = head.end, head.title, head.body
        self.emit(_sub(tok, type_, 0, num_end))
        if title:
            self.emit(_sub(tok, "HEADING", *title))
        if body:
            self.body(tok, *body)
        self.st.expect_heading = what if title is None and body is None else None

    def body(self, tok: Tok, start: int, end: int) -> None:
        """Run-in text after a heading, opening the labels it starts with ("—(1) text")."""
        run = _RUN_IN.match(tok.value, start, end)
        if run is not None:
            for m in LABEL_RUN.finditer(tok.value, run.start(), run.end()):
                label = parse_label(m.group())
                self.open_label(label, _sub(tok, "LABEL", m.start(), m.end()))
            start = run.end()
        self.st.pending = _sub(tok, "TEXT", start, end)
        if self.st.labels:
            self.st.labels[-1].blocks += 1

    def label_line(self, line: Line, matches: list[re.Match[str]]) -> None:
        """A line opening with labels: maybe a numbered section, then nested units."""
        tok = line.tokens[0]
        rest = line.tokens[1] if len(line.tokens) > 1 else None
        self.st.expect_heading = None
        last = line.tokens[-1]
        if _NOISE.match(self.source[tok.start_pos : last.end_pos].strip()):
            # "- 3 -", "* * *": a page number or a rule
            self.label_index += len(matches)
            self.flush()
            self.emit(_trimmed(_joined(self.source, tok, last), "NOISE"))
            return
        pending = self.st.pending
        if (
            pending is not None
            and not line.blank_before
            and _ends_in_unit_word(pending.value)
            and not self._next_item(pending.value, matches, rest)
        ):
            # "… under subsection" / "(2) of section 364 …": a reference broken over two lines
            # (text from PDFs), so the number continues the sentence instead of opening a unit.
            self.label_index += len(matches)
            self.st.pending = _joined(self.source, pending, last)
            return
        first = self.labels[self.label_index]
        if (first.arabic or 0) >= _LARGE_NUMBER and not self._opens_section(first):
            # "2510. Definitions." in a table of contents, a year opening a line: text.
            self.label_index += len(matches)
            self.text(_trimmed(_joined(self.source, tok, last), "TEXT"), line.blank_before)
            return
        for i, m in enumerate(matches):
            label = self.labels[self.label_index]
            self.label_index += 1
            sub = _sub(tok, "LABEL", m.start(), m.end())
            if i == 0 and self._opens_section(label):
                self.close_provision(sub)
                self._emit_note()
                self.st.provision = True
                self.st.last_section = _section_key(label)
                self.st.decimal = _decimal_root(label.num)
                self.emit(_retyped(sub, "PROVISION"))
                if rest is not None and len(matches) == 1:
                    title, body = split_title(rest.value, 0)
                    if title:
                        self.emit(_sub(rest, "HEADING", *title))
                    if body:
                        self.body(rest, *body)
                    if title is None and body is None:
                        self.st.expect_heading = "provision"
                    return
                continue
            self.open_label(label, sub)
        if rest is not None:
            # (Only a text holding a dash can hold a run-in title: most are not searched.)
            has_dash = "\u2014" in rest.value or "\u2013" in rest.value
            run_in = _RUN_IN_TITLE.match(rest.value) if has_dash else None
            if run_in is not None and _item_title(run_in.group("title") + "."):
                # "(d) Definitions.—As used in this section…": a title, then the body.
                self.emit(_sub(rest, "HEADING", *run_in.span("title")))
                if run_in.end() == len(rest.value):
                    return  # "(a) Application.—" over the paragraphs on the next lines
                rest = _sub(rest, "TEXT", run_in.end(), len(rest.value))
            self.st.pending = _retyped(rest, "TEXT")
            self.st.title = self.st.pending if _item_title(rest.value) else None
            if self.st.labels:
                self.st.labels[-1].blocks += 1

    def _next_item(self, pending: str, matches: list[re.Match[str]], rest: Tok | None) -> bool:
        """Whether a label after a reference that has its number ("on grounds in subsection
        (2),") opens the next item of an open list rather than continuing the reference: it
        follows an open label of its style, and its text reads as an item, not as the rest
        of a reference ("(3) and (4) of this Act")."""
        if _UNIT_WORD_LAST.search(pending):
            return False  # "… under subsection": the number is still to come
        if len(matches) != 1 or rest is None or _REFERENCE_GOES_ON.match(rest.value):
            return False
        label = self.labels[self.label_index]
        kind = label.kind
        if kind.endswith("-ambiguous"):
            kind = "lower"  # "(i)" after "(h)" is the letter that follows
        return any(follows(o.label, label, kind) for o in self.st.labels)

    def _opens_section(self, label: Label) -> bool:
        if not self.plan.numbered_sections or self.st.in_schedule or label.form != ".":
            return False
        if label.kind != "arabic" or label.arabic is None:
            return False
        if self.st.last_section is None:
            return True
        value, suffix = _section_key(label)
        last_value, last_suffix = self.st.last_section
        if value == last_value:
            return suffix > last_suffix
        # A small step is the next section; a larger one (an excerpt, repealed sections) is
        # one too when the number can neither continue an open list nor start a new one (and
        # is no year opening a line).
        if not last_value < value:
            return False
        return value <= last_value + 3 or (value < _LARGE_NUMBER and not self._fits_a_list(label))

    def _fits_a_list(self, label: Label) -> bool:
        """Whether a numbered line can continue an open list of its style or start one."""
        if starts_list(label, label.kind):
            return True
        style = style_of(label, label.kind)
        return any(o.style == style and follows(o.label, label, label.kind) for o in self.st.labels)

    def open_label(self, label: Label, tok: Tok) -> None:
        """Close to the level of this label's style if it is open, then open the label."""
        kind = label.kind
        if kind.endswith("-ambiguous"):
            open_last = {o.style: o.label for o in self.st.labels}
            upcoming = self.labels[self.label_index : self.label_index + _LOOKAHEAD]
            kind = resolve_kind(label, open_last, upcoming)
        tok.info = (label, kind)
        style = style_of(label, kind)
        level = self._level(label, kind, style)
        if level == len(self.st.labels):
            self._title_heads_unit()  # "(b) Review." then "(1) …": the title of (b)
        self.close_labels(tok, level)
        self.st.labels.append(_Open(style, label))
        self._emit_note()
        self.emit(tok)

    def _level(self, label: Label, kind: str, style: str) -> int:
        """How many open levels a label keeps: it becomes the sibling of the open level of its
        style that it continues; a new style, or a list restarting at (1)/(a)/(i) below an
        item of another style, nests ("(8)(d) … served with— (1) … (2) …", "(II) … (aa)")."""
        open_ = self.st.labels
        levels = [i for i, o in enumerate(open_) if o.style == style]
        if not levels:
            return len(open_)
        for i in reversed(levels):
            if follows(open_[i].label, label, kind):
                return i
        if starts_list(label, kind) and levels[-1] < len(open_) - 1:
            return len(open_)
        return levels[-1]

    def text(self, tok: Tok, blank_before: bool) -> None:
        """A line of text: heading, noise, conclusion, continuation or a new text block."""
        value = tok.value
        expect = self.st.expect_heading
        if _NOISE.match(value.strip()):
            self.flush()
            self.emit(_retyped(tok, "NOISE"))
            return
        if (
            expect
            and self._heading_may_follow()
            and is_title_like(value)
            and (expect == "division" or not blank_before)
            and not (expect == "provision" and self._whole_body(tok))
        ):
            # A provision's title is one line; a division's may run over capitalised lines.
            if expect == "provision" or not value.strip().isupper():
                self.st.expect_heading = None
            self.flush()
            self.emit(_retyped(tok, "HEADING"))
            return
        self.st.expect_heading = None
        pending = self.st.pending
        opening = _OPENING.match(value)
        opens = opening.lastgroup if opening else None
        proviso = opens == "proviso"
        if opens == "conclusion":
            self.close_divisions(tok)
        elif opens == "formula" and not (self.st.provision or self.st.divisions):
            self.close_labels(tok)
        elif opens == "definition":
            self.definition(tok)
        elif opens == "note":
            tok.info = NOTE_INFO  # a block of its own, in the unit it annotates
        elif pending is not None and self._wraps(pending.value, value, blank_before, proviso):
            self.st.pending = _joined(self.source, pending, tok, pending.info)
            return
        elif self._ends_list(value, blank_before, proviso):
            self.close_labels(tok, len(self.st.labels) - 1)
        self._title_heads_unit()  # "(c) Publication." then its text
        self.flush()
        self.st.pending = tok
        if self.st.labels:
            self.st.labels[-1].blocks += 1

    def _title_heads_unit(self) -> None:
        """Make the pending title of the last label its heading: the unit's content follows."""
        if self.st.pending is not None and self.st.pending is self.st.title:
            self.st.pending = _retyped(self.st.pending, "HEADING")
        self.st.title = None

    def _whole_body(self, tok: Tok) -> bool:
        """Whether the line after a provision's number is all its body: a sentence of some
        length, closed by a full stop, followed by the next provision's heading or the end of
        the text ("Article 10" / "Whoever publishes … commits an offence." / "Article 11")."""
        word = self.st.provision_word
        line = tok.value.rstrip()
        if (
            word is None
            or not line.endswith(".")
            or len(line.split(None, _BODY_WORDS)) < _BODY_WORDS
        ):
            return False
        rest = self.source[tok.end_pos :].lstrip().lstrip("#").lstrip()
        return not rest or (
            rest.startswith(word) and rest[len(word) : len(word) + 2].strip()[:1].isdigit()
        )

    def _heading_may_follow(self) -> bool:
        """A title line can only follow the unit's number or title line, nothing in between."""
        return (
            self.st.pending is None
            and bool(self.out)
            and self.out[-1].type in ("DIVISION", "PROVISION", "HEADING")
        )

    def definition(self, tok: Tok) -> None:
        """An unlabelled definition closes the lists of the definition before it."""
        depth = self.st.definitions_depth
        if depth is None:
            self.st.definitions_depth = len(self.st.labels)
        elif len(self.st.labels) > depth:
            self.close_labels(tok, depth)

    def _wraps(self, previous: str, line: str, blank_before: bool, proviso: bool) -> bool:
        """Whether `line` continues the sentence of `previous` (a wrapped line, not a block).

        Hard-wrapped texts join lines unless the previous one ends a sentence or clause (and
        across a blank line, i.e. a page break, only mid-sentence); texts with one block per
        line join only adjacent lines that plainly break a sentence in two. A line opening a
        proviso (`proviso`) never continues one.
        """
        if proviso:
            return False
        end = previous.rstrip()[-1:]
        mid_sentence = (end.isalnum() or end == ",") and line.lstrip()[:1].islower()
        if not self.plan.wrapped:
            return not blank_before and mid_sentence and end.isalnum()
        if blank_before:
            return mid_sentence
        if end == ")" and _TRANSLATED_TERM.search(previous):
            return False  # "…of the Federal Court. (juge)": a definition and its French term
        return end not in ".;:!?"

    def _ends_list(self, value: str, blank_before: bool, proviso: bool) -> bool:
        """Whether unlabelled text after a list item belongs to the item's parent (not when
        it opens a proviso: `proviso`)."""
        labels = self.st.labels
        if not labels or not labels[-1].blocks or proviso:
            return False
        if len(labels) < 2 and labels[-1].style.startswith(("arabic", "decimal")):
            return False  # a further block of a numbered paragraph
        pending = self.st.pending
        if labels[-1].blocks == 1 and pending is not None and is_title_like(pending.value):
            return False  # "(a) Definitions." heads the text that follows
        if blank_before or not self.plan.wrapped:
            return True
        return pending is None or pending.value.rstrip()[-1:] in ".:"


#: The word a provision's heading opens with ("Article", "Art.", "Section", "SEC.").
_HEADING_WORD = compile_regex(r"[ \t]*(?:#{1,6}[ \t]*)?([A-Za-z]+\.?)(?=[ \t]+\d)")
#: The fewest words of a line that can be a provision's whole body rather than its title.
_BODY_WORDS = 5

#: A schedule's heading without a number after its keyword, perhaps with an ordinal before it
#: ("FIRST SCHEDULE", as Commonwealth acts number them).
BARE_SCHEDULE = compile_regex(
    r"[ \t]*(?:#{1,6}[ \t]*)?"
    r"(?:(?P<num>(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))[ \t]+)?"
    r"(?P<kw>SCHEDULES?|Schedules?|ANNEX(?:ES)?|Annex(?:es)?|APPENDIX|Appendix|FORM|Form)\b"
)


#: A label run in to a line of text: "(i)", "(b)", "(2)", "(B)", followed by a blank.
_INLINE_LABEL = compile_regex(r"\((?:[ivx]{1,4}|[a-z]{1,2}|[0-9]{1,2}|[A-Z]{1,2})\)(?=\s)")
#: How the lead-in of a run-in list ends: a colon or dash, a comma, or "either".
_LEAD_IN_END = compile_regex(r"(?:[:\u2014\u2013,]|\s-|\beither)\s*$")
#: What separates two run-in items: a semicolon or comma, then perhaps "and"/"or".
_ITEM_BREAK = compile_regex(r"[;,]\s*(?:(?:and|or)\s+)?$")

#: One run-in item: label start and end (offsets in the text), the label and its kind.
_InlineItem = tuple[int, int, Label, str]


#: A title run in to an item's text ("Definitions.—As used in this section"), or ending its
#: line over the item's paragraphs ("Application.—").
_RUN_IN_TITLE = compile_regex(r"(?P<title>[^.\n]{1,80}?)\s*\.\s*[\u2014\u2013]\s*(?=\S|$)")
#: The most words an item's title has ("(A) Treatment in the first chamber.").
_TITLE_WORDS = 8


def _item_title(text: str) -> bool:
    """Whether the text after a label can be the item's title: a short title-like phrase
    closed by a full stop, as in "(a) Definitions." or "(2) Exceptions."."""
    text = text.strip()
    if not text.endswith("."):
        return False
    # Words are counted only up to one more than a title may have (texts run long).
    return len(text.split(None, _TITLE_WORDS)) <= _TITLE_WORDS and is_title_like(text)


def _inline_items(text: str) -> list[_InlineItem] | None:
    """The items of a list run in on one line of `text`, or None when it holds none.

    A list starts with (1), (a), (i) or (A) after a lead-in ending in a colon, dash, comma
    or "either", and goes on while each next label follows the last after a semicolon or
    comma ("…; or (ii) …"); two items at least. Labels inside references ("paragraph (a)",
    "section 5(a)(i)") have no such lead-in and stay text.
    """
    found = list(_INLINE_LABEL.finditer(text))
    for n, first in enumerate(found):
        if not first.start() or not _ends_lead_in(text, first.start()):
            continue
        label = parse_label(first.group())
        kind = label.kind
        if kind.endswith("-ambiguous"):
            roman = any(m.group() in ("(ii)", "(II)") for m in found[n + 1 :])
            kind = kind.replace("ambiguous", "roman" if roman else "letter")
        if not starts_list(label, kind):
            continue
        items: list[_InlineItem] = [(first.start(), first.end(), label, kind)]
        for m in found[n + 1 :]:
            nxt = parse_label(m.group())
            if follows(items[-1][2], nxt, kind) and _ITEM_BREAK.search(
                text, items[-1][1], m.start()
            ):
                items.append((m.start(), m.end(), nxt, kind))
        if len(items) >= 2:
            return items
    return None


def _ends_in_unit_word(text: str) -> bool:
    """Whether `text` ends in a unit word awaiting its number (`_REFERENCE_END`).

    A match ends, before trailing blanks, in a letter, ")" or ",": a text ending in any other
    ASCII character (a stop, a semicolon: most of them) is rejected without searching it all.
    """
    last = text.rstrip()[-1:]
    if last.isascii() and not last.isalpha() and last not in "),":
        return False
    return _REFERENCE_END.search(text) is not None


def _ends_lead_in(text: str, end: int) -> bool:
    """Whether `text[:end]` ends as the lead-in of a list (`_LEAD_IN_END`).

    A match ends at the last non-blank character and is at most six characters long
    ("either"), so only that tail is searched (`\\b` still sees the character before it).
    """
    last = end
    while last and text[last - 1].isspace():
        last -= 1
    return _LEAD_IN_END.search(text, max(0, last - len("either")), end) is not None


def _piece(tok: Tok, start: int, end: int) -> Tok:
    """The text of `tok` from `start` to `end` (offsets in it), blanks trimmed at both ends."""
    value = tok.value[start:end]
    lead = len(value) - len(value.lstrip())
    trail = len(value) - len(value.rstrip())
    return _sub(tok, "TEXT", start + lead, end - trail)


def _retyped(tok: Tok, type_: str) -> Tok:
    """`tok` as a `type_` token: itself when it is one already (most lines are TEXT)."""
    if tok.type == type_:
        return tok
    return Tok(type_, tok.value, tok.start_pos, tok.end_pos)


def _trimmed(tok: Tok, type_: str) -> Tok:
    """`tok` without its leading blanks, as `type_`."""
    lead = len(tok.value) - len(tok.value.lstrip())
    return _sub(tok, type_, lead, len(tok.value))


def _decimal_root(num: str) -> tuple[int, ...]:
    """Where an outline numbered by decimals starts in a provision numbered `num`: its whole
    number ("4" is (4,)), or nothing for a number that no decimal extends ("12A", "IV")."""
    return (int(num),) if num.isdigit() else ()


def _section_key(label: Label) -> tuple[int, str]:
    value = label.arabic or 0
    return value, label.num[len(str(value)) :]


def _joined(source: str, first: Tok, last: Tok, info: object | None = None) -> Tok:
    start = first.start_pos
    end = last.end_pos
    return Tok("TEXT", source[start:end], start, end, info)
