"""Parsing plain-text and Markdown legislation into the typed AST.

`parse(text)` never raises on bad structure: what cannot be placed becomes an `Unparsed` node
with a diagnostic, and the rest of the document is still built.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path

from lark import Lark, Token
from lark.exceptions import LarkError

from safeguard_lint.ast import Diagnostic, Document, Span, Unparsed
from safeguard_lint.parsing.build import build
from safeguard_lint.parsing.lines import LineLexer
from safeguard_lint.parsing.postlex import structure


def grammar_path(name: str) -> Path:
    """Locate a grammar file: inside the installed package, or in the checkout's grammar/."""
    packaged = resources.files("safeguard_lint").joinpath("grammar", name)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "grammar" / name


@cache
def _parser() -> tuple[Lark, LineLexer]:
    lark = Lark(
        grammar_path("legislation.lark").read_text("utf-8"),
        parser="lalr",
        lexer="basic",
        cache=True,
        maybe_placeholders=False,
    )
    return lark, LineLexer(lark)


def parse(text: str) -> Document:
    """Parse legislation text into a Document with exact spans, eIds, labels and references."""
    with _no_cycle_collection():
        return _parse(text)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector.

    A parse allocates tens of thousands of objects that all stay alive, none in a cycle; the
    collector, triggered by the allocations, would walk the growing tree again and again (a
    third of the time of a 3 MB text), making parse time grow faster than the text.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse(text: str) -> Document:
    from safeguard_lint.parsing.enrich import enrich

    lark, lexer = _parser()
    tokens, plan = structure(text, lexer.lines(text))
    # The grammar's LALR parser, fed the post-lexer's tokens (Lark's own lexer is not used:
    # the line lexer applies the grammar's terminals a line at a time).
    state = lark.parse_interactive().parser_state
    feed = state.feed_token
    try:
        for tok in tokens:
            feed(tok)  # type: ignore[arg-type]  # the parser reads only `type`
        tree = feed(Token("$END", "", len(text)), True)
    except LarkError as exc:
        return enrich(_unparsed_document(text, exc))
    return enrich(build(tree, text, plan))


def _unparsed_document(text: str, exc: LarkError) -> Document:
    offset = int(getattr(exc, "pos_in_stream", 0) or 0)
    message = f"the structure could not be parsed ({type(exc).__name__}); kept as unparsed text"
    span = Span(0, len(text))
    return Document(
        span=span,
        children=[Unparsed(span=span, message=message)] if text else [],
        diagnostics=[
            Diagnostic(
                code="PARSE",
                severity="warning",
                message=message,
                span=Span(offset, offset),
            )
        ],
        source=text,
    )
