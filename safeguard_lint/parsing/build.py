"""From Lark's parse tree to the typed AST: kinds, numbers, eIds, labels and exact spans.

Spans come from token positions (cheaper than `propagate_positions`); kinds of numbered
sub-units follow the document's numbering family (paragraphs in treaties, subsections in acts,
the US Code's subsection/paragraph/subparagraph/clause ladder).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from lark import Tree

from safeguard_lint.ast import (
    Block,
    Diagnostic,
    Division,
    Document,
    Heading,
    Node,
    Note,
    Paragraph,
    Provision,
    Span,
    Subparagraph,
    Text,
    Unit,
    Unparsed,
)
from safeguard_lint.parsing.headings import (
    DIVISION_KEYWORDS,
    PROVISION_KEYWORDS,
    WORD_NUMBERS,
    split_head,
)
from safeguard_lint.parsing.lines import Tok
from safeguard_lint.parsing.numbering import Label, parse_label
from safeguard_lint.parsing.postlex import BARE_SCHEDULE, NOTE_INFO, Plan
from safeguard_lint.regex_cache import compile_regex

#: eId prefix of each kind (Akoma Ntoso naming conventions).
EID_PREFIX = {
    "book": "book",
    "part": "part",
    "subpart": "subpart",
    "chapter": "chp",
    "title": "title",
    "division": "dvs",
    "subdivision": "subdvs",
    "schedule": "sched",
    "annex": "annex",
    "article": "art",
    "section": "sec",
    "regulation": "reg",
    "rule": "rule",
    "paragraph": "para",
    "subsection": "subsec",
    "subparagraph": "subpara",
    "item": "item",
    "clause": "clause",
    "subclause": "subclause",
    "recital": "rec",
    "preamble": "preamble",
    "conclusions": "conclusions",
    "indent": "indent",
}
_LADDERS = {
    "article": ("paragraph", "subparagraph", "item", "item"),
    "us-code": ("subsection", "paragraph", "subparagraph", "clause", "subclause", "item"),
}
_SECTION_STYLE_KIND = {
    "arabic": "subsection",
    "lower-letter": "paragraph",
    "lower-roman": "subparagraph",
    "upper-letter": "subparagraph",
    "upper-roman": "item",
    "dash": "item",
    "decimal": "subsection",
}
_NUM_CLEAN = compile_regex(r"[^\w]+|[\u00b0\u00ba]")
_DECIMAL_POINT = compile_regex(r"(?<=[0-9])\.(?=[0-9])")
#: The validators of the node classes made in bulk, called on a dict of fields: the same
#: validation as calling the class, without BaseModel.__init__'s Python frame (a third of
#: the cost of making a Text; a parse makes thousands of nodes).
_VALIDATE: dict[type[Node], Callable[[dict[str, object]], Any]] = {
    cls: cls.__pydantic_validator__.validate_python
    for cls in (Text, Note, Division, Provision, Paragraph, Subparagraph)
}
_NOISE_MESSAGE = "page number or layout residue (not legislative text)"


class _Builder:
    def __init__(self, source: str, plan: Plan) -> None:
        self.source = source
        self.plan = plan
        self.seen_eids: set[str] = set()
        self.diagnostics: list[Diagnostic] = []
        self.schedule_depth = 0
        self.excerpt = False

    def document(self, tree: Tree[Tok]) -> Document:
        # Labels opening a text with no provision ("(1) A police officer may …") are the
        # paragraphs of an excerpt, not recitals.
        self.excerpt = not any(
            isinstance(c, Tree) and c.data in ("provision", "division") for c in tree.children
        )
        items = [self.item(c, None, 0) for c in tree.children]
        children = _wrap_blocks(items)
        for block in children:
            if isinstance(block, Block):
                self._name_block(block)
        return Document(
            span=Span(0, len(self.source)),
            children=children,
            diagnostics=self.diagnostics,
            source=self.source,
            style=self.plan.style,
        )

    def item(self, child: Tree[Tok] | Tok, parent: Unit | None, depth: int) -> Node:
        if isinstance(child, Tree):
            return self.unit(child, parent, depth)
        span = _span(child)
        if child.type == "TEXT":
            cls = Note if child.info == NOTE_INFO else Text
            text: Text = _VALIDATE[cls]({"span": span})
            return text
        # NOISE
        self.diagnostics.append(
            Diagnostic(code="PARSE", severity="info", message=_NOISE_MESSAGE, span=span)
        )
        return Unparsed(span=span, message=_NOISE_MESSAGE)

    def unit(self, tree: Tree[Tok], parent: Unit | None, depth: int) -> Unit:
        head = tree.children[0]
        assert isinstance(head, Tok)
        rest = tree.children[1:]
        note: Tok | None = None
        if head.type == "NOTE":  # a provision's title printed above its number
            note, head = head, rest[0]
            assert isinstance(head, Tok)
            rest = rest[1:]
        # What is known of the unit before its children is given when it is made (setting a
        # model's field afterwards costs as much again): its heading, and its end, which is
        # its last token's (the tokens come in source order) or its head's.
        fields: dict[str, object] = {}
        heading: Heading | None = None
        if rest and isinstance(rest[0], Tree) and rest[0].data == "heading":
            toks = [t for t in rest[0].children if isinstance(t, Tok)]
            heading = Heading(span=Span(toks[0].start_pos, toks[-1].end_pos))
            fields = {
                "heading_span": heading.span,
                "heading": _heading_text(heading.text(self.source)),
            }
            rest = rest[1:]
        elif note is not None:
            heading = Heading(span=_span(note))
            fields = {"heading_span": heading.span, "heading": _heading_text(note.value)}
        end = max(head.end_pos, _last_token(tree).end_pos)
        unit = self._make(tree.data, head, parent, depth, end, fields)
        if note is not None:
            unit.span = Span(note.start_pos, unit.span.end)
        in_schedule = unit.kind in ("schedule", "annex")
        self.schedule_depth += in_schedule
        if heading is not None:
            unit.children.append(heading)
        inner_depth = 0 if isinstance(unit, (Provision, Division)) else depth + 1
        for child in rest:
            unit.children.append(self.item(child, unit, inner_depth))
        self.schedule_depth -= in_schedule
        return unit

    def _make(
        self,
        data: str,
        head: Tok,
        parent: Unit | None,
        depth: int,
        end: int,
        fields: dict[str, object],
    ) -> Unit:
        if data == "unit":
            return self._label_unit(head, parent, depth, end, fields)
        start = head.start_pos
        value = head.value
        lead = len(value) - len(value.lstrip(" \t#"))
        parts = split_head(value)
        if parts is None:
            # A bare SCHEDULE / ANNEX heading, or a numbered section ("12.").
            num = None
            keyword = value.strip(" \t#").split()[0].rstrip(".").lower() if value.strip() else ""
            num_span = None
            ordinal = BARE_SCHEDULE.match(value) if data == "division" else None
            if ordinal is not None and ordinal.group("num"):  # "FIRST SCHEDULE"
                num, keyword = ordinal.group("num"), ordinal.group("kw").lower()
                num_span = Span(start + ordinal.start("num"), start + ordinal.end("num"))
            if data == "provision":
                num, keyword = parse_label(value.lstrip(" \t#")).num, "section"
                at = start + value.index(num)
                num_span = Span(at, at + len(num))
        else:
            num = parts.num
            keyword = parts.keyword.lower()
            num_span = Span(start + parts.num_start, start + parts.num_end)
        if data == "division":
            kind = DIVISION_KEYWORDS.get(keyword.rstrip("."), "schedule")
            if keyword == "section":
                kind = "division"
            cls: type[Unit] = Division
            label = f"{keyword.rstrip('.').title()} {num}" if num else keyword.title()
            if parts is None and num:  # "FIRST SCHEDULE": the ordinal comes first
                label = f"{num.title()} {keyword.title()}"
        else:
            kind = PROVISION_KEYWORDS.get(keyword, "section")
            cls = Provision
            label = _provision_label(kind, keyword, num)
        eid = self._eid(_prefix_eid(parent, kind, num))
        unit: Unit = _VALIDATE[cls](
            {
                "kind": kind,
                "span": Span(start + lead, end),
                "num": num,
                "num_span": num_span,
                "eid": eid,
                "label": label,
                **fields,
            }
        )
        return unit

    def _label_unit(
        self, head: Tok, parent: Unit | None, depth: int, end: int, fields: dict[str, object]
    ) -> Unit:
        if isinstance(head.info, tuple):  # (Label, resolved kind) from the post-lexer
            label, resolved = head.info
        else:
            label = parse_label(head.value)
            resolved = label.kind
        value, head_start = head.value, head.start_pos
        stripped = value.strip()
        start = head_start + value.index(stripped[0]) if stripped else head_start
        num = label.num or None
        kind = self._label_kind(label, resolved, parent, depth)
        if num is None:
            siblings = sum(1 for u in parent.units() if u.kind == kind) if parent else 0
            eid_num = str(siblings + 1)
        else:
            eid_num = num
        eid = self._eid(_prefix_eid(parent, kind, eid_num))
        human = _child_label(parent, num, eid_num, self.excerpt)
        cls: type[Unit] = (
            Paragraph if kind in ("paragraph", "subsection") and depth == 0 else Subparagraph
        )
        num_span = None
        if num is not None:
            at = head_start + value.index(num)
            num_span = Span(at, at + len(num))
        unit: Unit = _VALIDATE[cls](
            {
                "kind": kind,
                "span": Span(start, end),
                "num": num,
                "num_span": num_span,
                "eid": eid,
                "label": human,
                **fields,
            }
        )
        return unit

    def _label_kind(self, label: Label, resolved: str, parent: Unit | None, depth: int) -> str:
        if label.kind == "dash":
            return "indent"
        if parent is None and not self.excerpt:
            return "recital"
        if self.schedule_depth:
            return "item"
        ladder = _LADDERS.get(self.plan.style)
        if ladder is not None:
            return ladder[min(depth, len(ladder) - 1)]
        return _SECTION_STYLE_KIND.get(resolved, "item")

    def _eid(self, eid: str) -> str:
        return unique_eid(self.seen_eids, eid)

    def _name_block(self, block: Block) -> None:
        block.eid = self._eid(EID_PREFIX[block.kind])
        block.label = block.kind.title()


def build(tree: Tree[Tok], source: str, plan: Plan) -> Document:
    """Turn the parse tree of `source` into a Document."""
    return _Builder(source, plan).document(tree)


def _heading_text(text: str) -> str:
    """A heading as words: whitespace collapsed, Markdown emphasis and a final stop removed."""
    return " ".join(text.split()).strip("*_ ").rstrip(". ")


def _last_token(tree: Tree[Tok]) -> Tok:
    """The last token below `tree`: its last child's, down to a token."""
    node: Tree[Tok] | Tok = tree
    while isinstance(node, Tree):
        node = node.children[-1]
    return node


def _span(tok: Tok) -> Span:
    return Span(tok.start_pos, tok.end_pos)


def _wrap_blocks(items: list[Node]) -> list[Node]:
    """Group top-level text before the first unit as a preamble, after the last as conclusions."""
    structural = [i for i, n in enumerate(items) if isinstance(n, (Division, Provision))]
    if not structural:
        return items
    first, last = structural[0], structural[-1]
    out: list[Node] = []
    if first > 0:
        out.append(_block("preamble", items[:first]))
    out.extend(items[first : last + 1])
    if last + 1 < len(items):
        out.append(_block("conclusions", items[last + 1 :]))
    return out


def _block(kind: str, nodes: list[Node]) -> Block:
    return Block(kind=kind, span=Span(nodes[0].span.start, nodes[-1].span.end), children=nodes)


@lru_cache(maxsize=4096)
def eid_num(num: str) -> str:
    """The form of a number inside an eId: word numbers as digits, no spaces or punctuation,
    and the parts of a decimal number joined by a hyphen ("10.1" is "10-1", not "101")."""
    word = WORD_NUMBERS.get(num.lower())
    return word or "-".join(_NUM_CLEAN.sub("", part) for part in _DECIMAL_POINT.split(num))


def own_eid(kind: str, num: str | None) -> str:
    """A unit's own eId component: kind prefix and number ("art_24", "para_2", "preamble")."""
    return EID_PREFIX.get(kind, kind) + (f"_{eid_num(num)}" if num else "")


def unique_eid(seen: set[str], eid: str) -> str:
    """`eid`, or `eid_2`, `eid_3`… if already in `seen`; the result is added to `seen`."""
    unique, n = eid, 2
    while unique in seen:
        unique, n = f"{eid}_{n}", n + 1
    seen.add(unique)
    return unique


def _prefix_eid(parent: Unit | None, kind: str, num: str | None) -> str:
    own = own_eid(kind, num)
    if parent is None or not parent.eid or isinstance(parent, Block):
        return own
    if isinstance(parent, Division) and kind in PROVISION_KEYWORDS.values():
        return own
    return f"{parent.eid}__{own}"


def _provision_label(kind: str, keyword: str, num: str | None) -> str:
    if keyword.startswith("\u00a7"):
        return f"\u00a7 {num}"
    return f"{kind.title()} {num}" if num else kind.title()


def _child_label(parent: Unit | None, num: str | None, ordinal: str, excerpt: bool) -> str:
    if parent is None:
        if excerpt:  # a paragraph of an excerpt: "(1)"
            return f"({num or ordinal})"
        return f"Recital ({num})" if num else f"Recital {ordinal}"
    if isinstance(parent, Division) and parent.kind in ("schedule", "annex"):
        return f"{parent.label}, item {num or ordinal}"
    if num is None:
        return f"{parent.label}, indent {ordinal}"
    if parent.num and num.startswith(parent.num + ".") and parent.label.endswith(parent.num):
        # "4.1" in Section 4 is "Section 4.1", as the text numbers it
        return parent.label[: -len(parent.num)] + num
    return f"{parent.label}({num})"
