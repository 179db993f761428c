"""Reading Word documents: paragraph text with Word's automatic numbering put back in.

Drafters number articles and paragraphs with Word's list numbering, which is not in the text:
`Article %1.` or `(%2)` lives in numbering.xml, and the number itself in counters Word keeps
while laying out. This reader recomputes those labels (numPr/ilvl of each paragraph or of its
style, the abstractNum's start, format and level text, restarts of deeper levels) and writes
each paragraph as one line, so the document goes through the text grammar like any text file.
Spans therefore point into that text (a .docx has no text of its own to point into).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from safeguard_lint.ast import Document
from safeguard_lint.errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BULLET = "\u2022"
_TEXT_TAGS = (f"{_W}t", f"{_W}tab", f"{_W}br")
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}br": " "}
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def read_docx(data: bytes) -> Document:
    """Read a .docx file's bytes into a Document (through the text grammar)."""
    from safeguard_lint.parsing import parse

    return parse(docx_text(data))


def docx_text(data: bytes) -> str:
    """The text of a .docx: one line per paragraph, automatic numbers written out."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise InputError(
            "reading .docx needs python-docx: pip install 'safeguard-lint[docx]'"
        ) from None
    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"not a readable Word document ({type(exc).__name__})") from None
    numbering = _Numbering.of(word)
    lines = []
    for p in _paragraphs(word.element.body):
        text = "".join(_RUN_TEXT.get(t.tag, t.text or "") for t in p.iter(*_TEXT_TAGS))
        label = numbering.label(p, word)
        lines.append(f"{label} {text}" if label and text else label or text)
    return "\n".join(lines) + "\n"


def _paragraphs(body: Any) -> Iterator[Any]:
    """Every w:p of the body in document order, those inside tables included."""
    for block in body.iterchildren():
        if block.tag == f"{_W}p":
            yield block
        elif block.tag == f"{_W}tbl":
            yield from block.iter(f"{_W}p")


def _val(element: Any, child: str) -> str | None:
    found = element.find(f"{_W}{child}") if element is not None else None
    return None if found is None else found.get(f"{_W}val")


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _Numbering:
    """numbering.xml: the levels of each list and the running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, word: Any) -> _Numbering:
        try:
            root = word.part.numbering_part.element
        except (NotImplementedError, KeyError):
            return cls()
        abstract: dict[str, dict[int, _Level]] = {}
        for a in root.iter(f"{_W}abstractNum"):
            abstract[a.get(f"{_W}abstractNumId")] = {
                int(lvl.get(f"{_W}ilvl", "0")): _Level(
                    int(_val(lvl, "start") or 1),
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                )
                for lvl in a.iter(f"{_W}lvl")
            }
        numbering = cls()
        for num in root.iter(f"{_W}num"):
            levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
            for override in num.iter(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                start = _val(override, "startOverride")
                if start is not None and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = _Level(int(start), old.fmt, old.text)
            numbering.levels[num.get(f"{_W}numId")] = levels
        return numbering

    def label(self, p: Any, word: Any) -> str:
        """The automatic label of paragraph `p`, counting it; "" when it has none."""
        num_id, ilvl = _num_pr(p, word)
        levels = self.levels.get(num_id or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id or "", {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl].text
        for level, lvl in levels.items():
            placeholder = f"%{level + 1}"
            if placeholder in text:
                value = counters.get(level, lvl.start)
                text = text.replace(placeholder, _format(value, lvl.fmt))
        if levels[ilvl].fmt == "bullet":
            return _BULLET
        return text.strip()


def _num_pr(p: Any, word: Any) -> tuple[str | None, int]:
    """The numId and level of a paragraph, from its own properties or its style's."""
    ppr = p.find(f"{_W}pPr")
    num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
    style_id = _val(ppr, "pStyle")
    seen: set[str] = set()
    while num_pr is None and style_id and style_id not in seen:
        seen.add(style_id)
        style = word.styles.element.get_by_id(style_id)
        if style is None:
            break
        spr = style.find(f"{_W}pPr")
        num_pr = spr.find(f"{_W}numPr") if spr is not None else None
        style_id = _val(style, "basedOn")
    if num_pr is None:
        return None, 0
    num_id = _val(num_pr, "numId")
    return (None if num_id in (None, "0") else num_id), int(_val(num_pr, "ilvl") or 0)


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        out = ""
        for n, sym in _ROMAN:
            while value >= n:
                out, value = out + sym, value - n
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)
