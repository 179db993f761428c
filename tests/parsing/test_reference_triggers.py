"""The fast scan for where references may start agrees with the plain definition of a trigger."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard_lint.parsing.references import CANDIDATE, reference_starts, trigger_positions

# The definition: a trigger word, not preceded by a letter, digit, "_" or ".".
PLAIN = re.compile(
    r"(?<![\w.])(?:s{1,2}\.\s?\d|this\s|[Tt]he\s+(?:present|last|preceding|previous|foregoing)"
    r"\s|[Aa]rt|ART|[Ss]ec|SEC|\u00a7|[Pp]ara|[Ss]ub|[Pp]oint|[Cc]lause|[Cc]hapter|CHAPTER"
    r"|[Pp]art|PART|[Tt]itle|[Ss]chedule|[Aa]nnex|[Ii]tem|[Dd]ivision|[Rr]egulation|REGULATION"
    r"|[Rr]ule|RULE)"
)
PIECES = st.sampled_from(
    [
        *("Article", "art", "ART", "Sec", "sub", "Point", "clause", "CHAPTER", "Part", "title"),
        *("Schedule", "annex", "Item", "division", "this", "the", "present", "preceding"),
        *("Regulation", "rule", "RULE", "The"),
        *("s.", "ss.", "\u00a7", "\u00a7\u00a7", "5", "(a)", " ", "  ", "\n", "\t", ".", "_", "x"),
        *("(", "\u201c", "\u2014", "\u00a0", "depart", "Xart", "\u00e9", "\u0663", "\x7f", "/"),
    ]
)


def plain_positions(text: str) -> list[int]:
    return [m.start() for m in PLAIN.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_fast_scan_finds_exactly_the_plain_triggers(text: str) -> None:
    assert trigger_positions(text) == plain_positions(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_reference_starts_keep_every_trigger_where_a_phrase_matches(text: str) -> None:
    triggers = trigger_positions(text)
    starts = reference_starts(text)
    assert set(starts) <= set(triggers)
    assert [p for p in triggers if CANDIDATE.match(text, p)] == [
        p for p in starts if CANDIDATE.match(text, p)
    ]


def test_reference_starts_drop_triggers_no_phrase_follows() -> None:
    text = "See this Regulation on security, this Article and Article 5(1) of Part II"
    assert [text[p : p + 9] for p in reference_starts(text)] == [
        "this Arti",
        "Article 5",
        "Part II",
    ]


def test_examples() -> None:
    text = "(\u00a7\u00a7 3) under Article 5, this Part; the  preceding section; xArt .sub s. 4"
    assert trigger_positions(text) == plain_positions(text)
    assert [text[p : p + 3] for p in trigger_positions(text)] == [
        "\u00a7\u00a7 ",
        "\u00a7 3",
        "Art",
        "thi",
        "Par",
        "the",
        "sec",
        "s. ",
    ]
