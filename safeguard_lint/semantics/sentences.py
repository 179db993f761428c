"""Legal-aware sentence splitting with exact offsets.

Legislation is full of full stops that end nothing: "Art. 5", "18 U.S.C. 2518", "No. 9",
"e.g.", "para. 3", "1.a", "(a)". A sentence ends at `.`, `?` or `!` followed by white space
and a capital, a quote or an opening bracket (or at the end of the text), unless the word before
the stop is a known abbreviation, a single letter (an initial, as in "U.S."), or a number that
the next word continues ("section 5. 2" never occurs, but "No. 9" does). A blank line always
ends a sentence.

    >>> [s.text for s in split_sentences("See Art. 5 of the Act. It applies.")]
    ['See Art. 5 of the Act.', 'It applies.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safeguard_lint.regex_cache import compile_regex

#: Words that end with a full stop without ending the sentence (compared in lower case).
ABBREVIATIONS = frozenset(
    {
        "art", "arts", "no", "nos", "sec", "secs", "s", "ss", "para", "paras", "subpara",
        "subs", "ch", "chap", "cl", "pt", "p", "pp", "e.g", "i.e", "eg", "ie", "etc", "cf", "viz",
        "v", "vs",
        "mr", "mrs", "ms", "dr", "st", "inc", "ltd", "co", "corp", "u.s", "u.s.c", "usc", "stat",
        "pub", "l", "reg", "regs", "ord", "ibid", "op", "vol", "fig", "approx", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "rev", "ed", "al",
    }
)  # fmt: skip

_CANDIDATE = compile_regex("[.?!]+[\"'\u201d\u2019)\\]]*(?=\\s)|\n[ \t]*\n")
_NEXT_START = compile_regex("\\s*(?:[\"\u201c'\u2018(\\[]?[A-Z0-9\u00a7]|\\(\\w{1,5}\\)\\s)")
_WORD_BEFORE = compile_regex(r"([A-Za-z][A-Za-z.]*)\.$")
_LIST_NUMBER = compile_regex(r"^\s*(?:\d+|[A-Za-z]|[ivxlc]+)\.$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: absolute offsets into the source and its text (`source[start:end]`)."""

    start: int
    end: int
    text: str


def _is_abbreviation(head: str) -> bool:
    """Whether the text before a full stop ends with an abbreviation or an initial."""
    m = _WORD_BEFORE.search(head)
    if m is None:
        return False
    word = m.group(1).lower()
    return word in ABBREVIATIONS or len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Split `text` into sentences; offsets are shifted by `offset` (the text's position).

    Leading and trailing white space is trimmed from each sentence; empty pieces are dropped.
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        if m.group().startswith("\n"):
            pieces.append((start, m.start()))
            start = end
            continue
        stop = m.start() + 1
        head = text[start:stop]
        if not _NEXT_START.match(text, end):
            continue
        if text[m.start()] == "." and (_is_abbreviation(head) or _LIST_NUMBER.match(head)):
            # "No. 9", "Art. 5", "U.S.C. 2518", or a bare list number ("1. Each Party").
            continue
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    result: list[Sentence] = []
    for a, b in pieces:
        chunk = text[a:b]
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        if right > left:
            result.append(Sentence(offset + a + left, offset + a + right, chunk[left:right]))
    return result
