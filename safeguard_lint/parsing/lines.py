"""The line lexer: each line of a text as the terminals of `grammar/legislation.lark`.

The grammar's terminals either open a line (DIVISION, PROVISION, LABEL: anchored after a line
break) or run to its end (TEXT), with WS between them ignored and NL separating lines. So the
text is lexed a line at a time with the grammar's own patterns, tried in the order of their
priorities as Lark's lexer would: one match at the start of each line for the anchored
terminals, then WS and TEXT for the rest of the line. Lines holding only blanks give no tokens
and count as blank lines.

Lines are found with `str.find` and TEXT is only matched on its first character (it runs to the
end of the line by definition), which keeps the regex engine off the bulk of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from lark import Lark

from safeguard_lint.regex_cache import compile_regex

#: Terminals that can only match at the start of a line, most preferred first.
ANCHORED = ("DIVISION", "PROVISION", "LABEL")
#: How TEXT must end for the lexer to take it to the end of the line.
_TO_LINE_END = "[^\n\r]*"


class Tok:
    """A token: terminal type, text and half-open source offsets.

    Lighter than Lark's `Token` (the LALR parser reads only `type`); `info` carries what the
    post-lexer decided about the token (the label it opens and that label's resolved kind).
    """

    __slots__ = ("end_pos", "info", "start_pos", "type", "value")

    def __init__(
        self, type_: str, value: str, start: int, end: int, info: object | None = None
    ) -> None:
        self.type = type_
        self.value = value
        self.start_pos = start
        self.end_pos = end
        self.info = info

    def __repr__(self) -> str:
        return f"Tok({self.type!r}, {self.value!r}, {self.start_pos}, {self.end_pos})"


@dataclass
class Line:
    """The tokens of one non-blank line (an opening terminal and/or TEXT)."""

    tokens: list[Tok]
    blank_before: bool


class LineLexer:
    """Lexes text into lines of tokens with the terminal patterns of a Lark grammar."""

    def __init__(self, lark: Lark) -> None:
        terminals = {t.name: t for t in lark.terminals}
        ordered = sorted(ANCHORED, key=lambda name: -terminals[name].priority)
        self.anchored = compile_regex(
            "|".join(f"(?P<{name}>{terminals[name].pattern.to_regexp()})" for name in ordered)
        )
        text = terminals["TEXT"].pattern.to_regexp()
        ws = terminals["WS"].pattern.to_regexp()
        # TEXT starts at any character but a line break or a blank (WS's class), and runs to
        # the end of the line: so the rest of a line after its blanks is TEXT, unmatched.
        if not (ws.startswith("[") and ws.endswith("]+")):
            raise ValueError(f"WS must be one character class: {ws!r}")
        if text != f"[^\r\n{ws[1:-2]}]{_TO_LINE_END}":
            raise ValueError(f"TEXT must run from any other character to the line end: {text!r}")
        self.ws = compile_regex(ws)

    def lines(self, source: str) -> list[Line]:
        """The non-blank lines of `source`, each with whether a blank line comes before it."""
        out: list[Line] = []
        anchored, ws_at = self.anchored.match, self.ws.match
        previous_end = 0
        for start, end in _line_spans(source):
            tokens: list[Tok] = []
            pos = start
            opening = anchored(source, pos)
            if opening is not None:
                kind = opening.lastgroup
                assert kind is not None
                pos = opening.end()
                tokens.append(Tok(kind, opening.group(), start, pos))
            blank = ws_at(source, pos, end)
            if blank is not None:
                pos = blank.end()
            if pos < end:
                tokens.append(Tok("TEXT", source[pos:end], pos, end))
            if not tokens:
                continue
            if start - previous_end == 1:  # one line break (most lines)
                breaks = 1
            else:
                gap = source[previous_end:start]
                breaks = gap.count("\n") + gap.count("\r") - gap.count("\r\n")
            # Lark's NL tokens: the first line counts as after a blank when a break precedes
            # it, but only once a break also follows it.
            first = not out and breaks > 0 and end < len(source)
            out.append(Line(tokens, breaks > 1 or first))
            previous_end = end
        return out


def _line_spans(source: str) -> list[tuple[int, int]]:
    """The [start, end) of every non-empty run of characters between line breaks."""
    spans = []
    pos, size = 0, len(source)
    lf, cr = source.find("\n"), source.find("\r")
    while pos < size:
        if -1 < lf < pos:
            lf = source.find("\n", pos)
        if -1 < cr < pos:
            cr = source.find("\r", pos)
        end = min(lf if lf != -1 else size, cr if cr != -1 else size)
        if end > pos:
            spans.append((pos, end))
        pos = end + 1
    return spans
