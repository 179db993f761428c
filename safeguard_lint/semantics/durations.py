"""Durations: "thirty days", "90 days", "six months", "not exceeding 48 hours", "renewable once".

`find_durations(text, offset)` returns every period in a text with its value in days, whether
a bounding word makes it a maximum ("not exceeding", "no longer than", "up to", "within") and
whether it is renewable (and how many times). Numbers may be digits, words ("thirty",
"forty-eight", "ninety") or both ("thirty (30) days").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safeguard_lint.regex_cache import compile_regex

_UNITS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.0, "year": 365.0}
_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90, "hundred": 100}  # fmt: skip
_WORD = "|".join(sorted([*_ONES, *_TENS], key=len, reverse=True))
_NUMBER = rf"(?:\d+|(?:{_WORD})(?:(?:[- ]|\s+and\s+)(?:{_WORD})){{0,3}})"
_PERIOD = compile_regex(
    rf"\b(?P<num>{_NUMBER})(?:\s*\(\d+\))?[\s-]+(?:calendar\s+|working\s+|business\s+)?"
    rf"(?P<unit>hour|day|week|month|year)s?\b",
    re.IGNORECASE,
)
#: The lower end of a range, which makes the upper end a maximum ("between 6 and 24 months").
_RANGE_FROM = rf"(?:(?:between\s+)?{_NUMBER}\s+(?:and|to)\s+)?"
_BOUND = compile_regex(
    r"(?:not\s+exceeding|not\s+to\s+exceed|not\s+exceed|not\s+(?:more|longer)\s+than|"
    r"(?:cease|ceases|lapse|lapses)\s+to\s+have\s+effect(?:\s+(?:at\s+the\s+end\s+of|after))?|"
    r"no\s+(?:more|longer)\s+than|"
    r"(?:more|longer)\s+than|up\s+to(?:\s+a\s+maximum\s+of)?|maximum\s+(?:period\s+)?of|at\s+most|"
    r"for\s+a\s+(?:period|term)\s+of|valid\s+for|in\s+force\s+for|"
    r"expire[sd]?(?:\s+(?:after|at\s+the\s+end\s+of))?|limited\s+to|"
    r"(?:issued|given|granted|made|authori[sz]ed|approved|ordered)\s+for|"
    r"(?:order|warrant|authori[sz]ation|direction|notice|interception|measure|surveillance)s?"
    r"\s+(?:lasts?|runs?)(?:\s+for)?|"
    r"until\s+the\s+(?:expiry|expiration|end)\s+of|"
    r"after)\s+(?:(?:a|the)\s+(?:period|maximum|term)\s+of\s+)?(?:the\s+)?"
    rf"{_RANGE_FROM}$",
    re.IGNORECASE,
)
#: The day on which a measure ends, as an ordinal ("shall lapse on the sixtieth day after it is
#: issued").
_ORDINAL_DAY = compile_regex(
    r"\b(?:lapses?|expires?|ceases?|terminates?|ends?)\s+(?:on|at\s+the\s+end\s+of)\s+the\s+"
    r"(?P<ord>\d+(?:st|nd|rd|th)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|fourteenth|fifteenth|"
    r"twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)"
    r"\s+day\b",
    re.IGNORECASE,
)
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "fourteenth": 14, "fifteenth": 15, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
#: A bare "for": a maximum when it times the measure ("a warrant authorising interception for
#: 30 days"), not when it says how long obtained material is kept (`_KEPT`).
_FOR = compile_regex(
    rf"\bfor\s+(?:(?:a|the)\s+(?:period|maximum|term)\s+of\s+)?{_RANGE_FROM}$", re.IGNORECASE
)
_KEPT = compile_regex(
    # "stored" as the adjective of the data ("preserve specified stored computer data for sixty
    # days") keeps nothing
    r"\b(?:kept|stored(?!\s+(?:computer\s+|electronic\s+)?(?:data|communications?|information|"
    r"content)\b)|retained|held|preserved|archived)\b[^.;]*$",
    re.IGNORECASE,
)
_RENEW = compile_regex(
    r"\b(?:renew(?:able|ed|al)?|exten(?:ded|sions?|d))\b(?P<tail>[^.;]{0,40})", re.IGNORECASE
)
#: A period that ends the measure once it has run ("…terminate when forty-eight hours have
#: lapsed since the installation").
_ELAPSED = compile_regex(r"\s+(?:have|has)\s+(?:lapsed|elapsed|expired|passed)\b", re.IGNORECASE)
_TIMES = compile_regex(r"\b(once|twice|(?:\w+)\s+times)\b", re.IGNORECASE)
#: A cap on all renewals together ("not exceeding the total period of one hundred and eighty
#: days", "up to a maximum of two years in aggregate"), read up to the end of the sentence.
_TOTAL_CAP = compile_regex(
    r"\b(?:total|aggregate|overall|cumulative|maximum)\s+(?:period|duration|of)\b"
    r"|\bin\s+(?:total|the\s+aggregate|aggregate)\b",
    re.IGNORECASE,
)
_SENTENCE_REST = compile_regex(r"[^.;]{0,160}")


@dataclass(frozen=True, slots=True)
class Duration:
    """One period found in a text."""

    start: int
    end: int
    text: str
    days: float
    bounded: bool


@dataclass(frozen=True, slots=True)
class Renewal:
    """A renewal or extension clause; `times` is None when the number of renewals is open."""

    start: int
    end: int
    text: str
    times: int | None
    #: Whether a total period caps the renewals together.
    capped: bool = False

    @property
    def open(self) -> bool:
        """Whether neither the number of renewals nor their total period is limited."""
        return self.times is None and not self.capped


def parse_number(text: str) -> int | None:
    """The value of a number written in digits or English words ("forty-eight" → 48)."""
    t = text.strip().lower()
    if t.isdigit():
        return int(t)
    total = 0
    for part in re.split(r"[- ]+", t):
        if part == "and":
            continue
        if part in _ONES:
            total += _ONES[part]
        elif part in _TENS:
            total = total * 100 if part == "hundred" and total else total + _TENS[part]
        else:
            return None
    return total or None


def find_durations(text: str, offset: int = 0) -> list[Duration]:
    """Every period in `text` with its value in days; offsets shifted by `offset`."""
    found: list[Duration] = []
    for m in _PERIOD.finditer(text):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        days = value * _UNITS[m.group("unit").lower()]
        before = text[max(0, m.start() - 60) : m.start()]
        bounded = bool(
            _BOUND.search(before)
            or _ELAPSED.match(text, m.end())
            or (_FOR.search(before) and not _KEPT.search(text, max(0, m.start() - 100), m.start()))
        )
        found.append(Duration(m.start() + offset, m.end() + offset, m.group(), days, bounded))
    for m in _ORDINAL_DAY.finditer(text):
        day = _ordinal(m.group("ord"))
        if day is not None:
            found.append(Duration(m.start() + offset, m.end() + offset, m.group(), day, True))
    return sorted(found, key=lambda d: d.start)


def _ordinal(text: str) -> int | None:
    """The value of an ordinal in digits or English words ("sixtieth" → 60, "21st" → 21)."""
    t = text.lower()
    if t[:-2].isdigit():
        return int(t[:-2])
    tens, _, ones = t.partition("-")
    if ones:
        return (parse_number(tens) or 0) + _ORDINAL_WORDS.get(ones, 0) or None
    for word, value in _TENS.items():
        if t.startswith(word) and t != word and t[len(word) :] in _ORDINAL_WORDS:
            return value + _ORDINAL_WORDS[t[len(word) :]]
    return _ORDINAL_WORDS.get(t)


def find_renewals(text: str, offset: int = 0) -> list[Renewal]:
    """Every renewal or extension mentioned in `text`, with the number of times if stated."""
    result: list[Renewal] = []
    for m in _RENEW.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()]
        times_m = _TIMES.search(m.group("tail")) or _TIMES.search(before)
        times: int | None = None
        if times_m:
            word = times_m.group(1).lower()
            times = 1 if word == "once" else 2 if word == "twice" else parse_number(word.split()[0])
        words = m.group().rstrip(" ,")
        rest = _SENTENCE_REST.match(text, m.start())
        capped = rest is not None and _TOTAL_CAP.search(rest.group()) is not None
        result.append(
            Renewal(m.start() + offset, m.start() + offset + len(words), words, times, capped)
        )
    return result
