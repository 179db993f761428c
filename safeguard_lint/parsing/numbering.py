"""Numbering labels: what style a label is written in, and its ordinal value.

Styles are the unit of nesting: a label of a style already open closes that level and opens a
sibling; a new style opens a deeper level. Roman numerals and letters overlap — `(i)` after
`(h)` is the letter i unless `(ii)` follows it, and likewise `(v)`, `(x)`, `(l)`, `(c)` — so
classification looks at the open levels and at the labels that come next.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from safeguard_lint.regex_cache import compile_regex

#: The Latin adverbs that number a provision inserted after another ("39 bis", "90ter"), as
#: Belgian, French, Italian and Luxembourg codes and UN drafts print them (a regex fragment).
LATIN_SUFFIX = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)"

_ROMAN = compile_regex(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_DIGITS = compile_regex(r"\d+")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}

# A label split into its bracket form and its body, e.g. "(" "iv" ")", "" "12" ".".
_LABEL = compile_regex(
    r"(?P<open>\(?)(?P<body>[0-9]{1,4}(?:[A-Z]{0,2}|[a-z])|[A-Za-z]{1,4}|[0-9]{1,3})(?P<close>\)|\.[\u2014\u2013-]?|\u00b0|-)"
    r"|(?P<dash>[\u2014\u2013\u2022\u25cf*\-])"
)
#: One label in a run of labels at the start of a line.
LABEL_RUN = compile_regex(
    r"\((?:[0-9]{1,3}[A-Z]{0,2}|[a-z]{1,4}|[A-Z]{1,4})\)|(?:[0-9]{1,3}[A-Z]{0,2}|[a-z]{1,2})\)"
    r"|[0-9]{1,4}(?:[A-Z]{0,2}|[a-z])\.(?=[ \t]|$)"
    r"|[0-9]{1,4}[A-Z]{0,2}\.[\u2014\u2013-](?=\(|[A-Z]|$)"
    r"|[0-9]{1,3}\u00b0|[A-Za-z]-(?=[ \t])|[\u2014\u2013\u2022\u25cf*\-](?=[ \t]|$)"
)


@lru_cache(maxsize=4096)
def roman_value(text: str) -> int | None:
    """The value of a lower- or upper-case roman numeral, or None."""
    low = text.lower()
    if not low or not _ROMAN.match(low):
        return None
    total = 0
    for ch, nxt in zip(low, [*low[1:], ""], strict=True):
        v = _ROMAN_VALUES[ch]
        total += -v if nxt and _ROMAN_VALUES[nxt] > v else v
    return total


def letter_value(text: str) -> int | None:
    """The ordinal of a letter label: a=1 … z=26, aa=27 (doubled letters), else None."""
    low = text.lower()
    if len(low) == 1 and low.isalpha():
        return ord(low) - 96
    if len(low) == 2 and low[0] == low[1] and low.isalpha():
        return 26 + ord(low[0]) - 96
    return None


@dataclass(frozen=True, slots=True)
class Label:
    """A parsed label: its printed text, the number as printed, and its candidate styles."""

    text: str
    num: str
    form: str  # bracket form: "()", ")", ".", "°", "-" (a dash, or the hyphen of "A-")
    #: "arabic", "lower", "upper", "dash", "alpha-roman" when ambiguous, or "decimal" for the
    #: paragraphs of an outline numbered by decimals ("4.1", "4.1.2").
    kind: str
    #: The leading integer of an arabic label ("12A" → 12).
    arabic: int | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        m = _DIGITS.match(self.num)
        object.__setattr__(self, "arabic", int(m.group()) if m else None)


@lru_cache(maxsize=4096)
def parse_label(text: str) -> Label:
    """Parse one label such as "(iv)", "a)", "12A." or "—" (cached: labels recur)."""
    m = _LABEL.fullmatch(text.strip())
    if m is None:
        return Label(text, text.strip(), "?", "dash")
    if m.group("dash"):
        return Label(text, "", "-", "dash")
    body = m.group("body")
    close = m.group("close")[0]  # "1.—(1)": the dash joining a section number to its (1)
    form = "()" if m.group("open") else close
    if body[0].isdigit():
        return Label(text, body, form, "arabic")
    lower = body.islower()
    case = "lower" if lower else "upper"
    is_roman = roman_value(body) is not None
    is_letter = letter_value(body) is not None
    if is_roman and is_letter:
        return Label(text, body, form, f"{case}-ambiguous")
    if is_roman:
        return Label(text, body, form, f"{case}-roman")
    return Label(text, body, form, f"{case}-letter")


def ordinal(label: Label, kind: str) -> int | None:
    """The position of a label in its sequence once its kind is decided: (c) 3, (iv) 4, 12A 12."""
    if kind == "arabic":
        return label.arabic
    if kind.endswith("-roman"):
        return roman_value(label.num)
    if kind.endswith("-letter"):
        return letter_value(label.num)
    return None


def follows(previous: Label, label: Label, kind: str) -> bool:
    """Whether `label` comes right after `previous` in one sequence: (c) (d), 12 12A 13."""
    before, after = ordinal(previous, kind), ordinal(label, kind)
    if before is None or after is None:
        return False
    if kind == "arabic" and before == after:
        return label.num > previous.num
    return after == before + 1


def decimal_follows(last: tuple[int, ...], path: tuple[int, ...]) -> bool:
    """Whether a decimal number comes next after `last` in an outline numbered by decimals
    (`last` is the provision's own number alone before its first paragraph): "4.1" after
    "4", "4.2" or "4.1.1" after "4.1", "4.3" after "4.2.5", never another provision's "5.1"."""
    if len(path) < 2 or path[0] != last[0]:
        return False
    if path == (*last, 1):
        return True
    depth = len(path) - 1
    return depth < len(last) and path[:depth] == last[:depth] and path[depth] == last[depth] + 1


def starts_list(label: Label, kind: str) -> bool:
    """Whether a label can open a list: (1), (a), (i), (A), or (aa) for doubled letters."""
    return ordinal(label, kind) == 1 or label.num.lower() == "aa"


def style_of(label: Label, kind: str) -> str:
    """The nesting style of a label once its kind is decided: kind plus bracket form."""
    return f"{kind}{label.form}"


def resolve_kind(label: Label, open_last: dict[str, Label], upcoming: list[Label]) -> str:
    """Decide whether an ambiguous letter/roman label is a letter or a roman numeral.

    `open_last` maps each open style to the last label seen at that level; `upcoming` lists
    the labels after this one (a short look-ahead).
    """
    if not label.kind.endswith("-ambiguous"):
        return label.kind
    case = label.kind.split("-")[0]
    letter_style = style_of(label, f"{case}-letter")
    roman_style = style_of(label, f"{case}-roman")
    rv = roman_value(label.num) or 0
    lv = letter_value(label.num) or 0
    prev_roman = open_last.get(roman_style)
    if prev_roman is not None and (roman_value(prev_roman.num) or 0) + 1 == rv:
        return f"{case}-roman"
    prev_letter = open_last.get(letter_style)
    if prev_letter is not None and (letter_value(prev_letter.num) or 0) + 1 == lv:
        # "(i)" after "(h)" is a letter unless "(ii)" follows before the next letter.
        for nxt in upcoming:
            if nxt.form != label.form:
                continue
            nv = roman_value(nxt.num)
            if nv == rv + 1:
                return f"{case}-roman"
            if letter_value(nxt.num) is not None:
                break
        return f"{case}-letter"
    if rv == 1 or prev_letter is None:
        return f"{case}-roman" if rv == 1 else f"{case}-letter"
    return f"{case}-letter"
