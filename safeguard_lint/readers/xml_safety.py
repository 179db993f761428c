"""Hardened XML parsing into a tree of elements that know where they stand in the text.

The parser is defusedxml's expat parser: entity declarations (the billion-laughs and external
entity attacks) and external references are refused, and so is nesting deeper than `MAX_DEPTH`.
Every refusal and every well-formedness error becomes an `InputError` with a one-line message
that names the line and column.

Elements carry character offsets into the decoded text, so an AST built from them points at
the XML exactly as the user's editor shows it. `readable_text` gives the same text with the
markup blanked out (same length, same line breaks), which is what rules read.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from xml.parsers import expat

from defusedxml import (  # type: ignore[import-untyped]
    DefusedXmlException,
    DTDForbidden,
    EntitiesForbidden,
)
from defusedxml.ElementTree import DefusedXMLParser  # type: ignore[import-untyped]

from safeguard_lint.errors import InputError
from safeguard_lint.regex_cache import compile_regex

#: Deeper nesting than this is refused: real legislation stays far below it.
MAX_DEPTH = 256

# The end of a tag: everything up to the first '>' that is not inside a quoted attribute value.
_TAG_END = compile_regex(r"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
_ENTITY = compile_regex(r"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z_][\w.-]*);")
_NOT_BREAK = compile_regex(r"[^\r\n]")


@dataclass(eq=False)
class XElement:
    """An element with its offsets: [start, inner_start) is the start tag, [inner_end, end) the
    end tag (both empty-bodied for `<x/>`), and [inner_start, inner_end) its content."""

    name: str
    namespace: str
    attrs: dict[str, str]
    start: int
    inner_start: int
    inner_end: int = -1
    end: int = -1
    children: list[XElement] = field(default_factory=list)

    def find(self, name: str) -> XElement | None:
        """The first direct child with local name `name`, or None."""
        return next((c for c in self.children if c.name == name), None)

    def iter(self) -> list[XElement]:
        """This element and all its descendants, in document order."""
        out: list[XElement] = []
        stack = [self]
        while stack:
            el = stack.pop()
            out.append(el)
            stack.extend(reversed(el.children))
        return out


@dataclass
class XmlTree:
    """A parsed XML document: its root element and the text with markup blanked out."""

    root: XElement
    text: str
    readable_text: str


class _TooDeep(Exception):
    pass


class _Offsets:
    """Converts increasing UTF-8 byte offsets into character offsets, incrementally."""

    def __init__(self, data: bytes, ascii_only: bool) -> None:
        self._data = data
        self._ascii = ascii_only
        self._byte = 0
        self._char = 0

    def char(self, byte: int) -> int:
        if self._ascii:
            return byte
        if byte < self._byte:  # never happens for in-order events; recount from the start
            self._byte = self._char = 0
        self._char += len(self._data[self._byte : byte].decode("utf-8"))
        self._byte = byte
        return self._char


def parse_xml(text: str) -> XmlTree:
    """Parse decoded XML text safely into an `XmlTree`; raise InputError if it is refused."""
    data = text.encode("utf-8")
    offsets = _Offsets(data, text.isascii())
    parser = DefusedXMLParser(encoding="utf-8", forbid_dtd=False)
    expat_parser = parser.parser
    stack: list[XElement] = []
    roots: list[XElement] = []
    masks: list[tuple[int, int]] = []  # markup ranges (comments, PIs, CDATA markers)
    cdata: list[int] = []

    def here() -> int:
        return offsets.char(expat_parser.CurrentByteIndex)

    def tag_end(start: int) -> int:
        match = _TAG_END.match(text, start)
        return match.end() if match else len(text)

    def start_element(name: str, attr_list: list[str]) -> None:
        if len(stack) >= MAX_DEPTH:
            raise _TooDeep
        start = here()
        inner = tag_end(start)
        namespace, _, local = name.rpartition("}")
        attrs = {
            attr_list[i].rpartition("}")[2]: attr_list[i + 1] for i in range(0, len(attr_list), 2)
        }
        element = XElement(local, namespace, attrs, start, inner)
        if text.startswith("/>", inner - 2):
            element.inner_start = element.inner_end = element.end = inner
        (stack[-1].children if stack else roots).append(element)
        stack.append(element)

    def end_element(_name: str) -> None:
        element = stack.pop()
        if element.end == -1:
            element.inner_end = here()
            element.end = tag_end(element.inner_end)

    def comment(_data: str) -> None:
        start = here()
        masks.append((start, text.find("-->", start) + 3))

    def instruction(_target: str, _data: str) -> None:
        start = here()
        masks.append((start, text.find("?>", start) + 2))

    def start_cdata() -> None:
        start = here()
        masks.append((start, start + len("<![CDATA[")))
        cdata.append(start)

    def end_cdata() -> None:
        start = here()
        masks.append((start, start + len("]]>")))
        cdata.append(start)

    expat_parser.StartElementHandler = start_element
    expat_parser.EndElementHandler = end_element
    expat_parser.CharacterDataHandler = lambda _data: None
    expat_parser.CommentHandler = comment
    expat_parser.ProcessingInstructionHandler = instruction
    expat_parser.StartCdataSectionHandler = start_cdata
    expat_parser.EndCdataSectionHandler = end_cdata
    try:
        expat_parser.Parse(data, True)
    except _TooDeep:
        raise _refusal(expat_parser, f"XML nested deeper than {MAX_DEPTH} elements") from None
    except EntitiesForbidden as exc:
        raise _refusal(
            expat_parser, f"XML entity declaration '{exc.name}' (entities are not allowed)"
        ) from None
    except DTDForbidden:  # pragma: no cover - DTDs are allowed, their entities are not
        raise _refusal(expat_parser, "XML document type declaration") from None
    except DefusedXmlException:
        raise _refusal(expat_parser, "XML external reference (not allowed)") from None
    except expat.ExpatError as exc:
        raise InputError(
            f"not well-formed XML: {expat.ErrorString(exc.code)} "
            f"(line {exc.lineno}, column {exc.offset + 1})"
        ) from None
    if not roots:  # pragma: no cover - expat reports "no element found" first
        raise InputError("not well-formed XML: no element found")
    root = roots[0]
    return XmlTree(root, text, _readable(text, root, masks, cdata))


def _refusal(parser: expat.XMLParserType, what: str) -> InputError:
    return InputError(
        f"refused: {what} (line {parser.CurrentLineNumber}, "
        f"column {parser.CurrentColumnNumber + 1})"
    )


def _readable(text: str, root: XElement, masks: list[tuple[int, int]], cdata: list[int]) -> str:
    """The text with every tag, comment, PI and the prolog blanked and entities decoded, each
    replacement padded with spaces so that offsets and line breaks stay those of the XML."""
    ranges = [(0, root.start), (root.end, len(text)), *masks]
    for element in root.iter():
        ranges.append((element.start, element.inner_start))
        if element.inner_end < element.end:
            ranges.append((element.inner_end, element.end))
    ranges.sort()
    cdata_spans = list(zip(cdata[::2], cdata[1::2], strict=False))
    parts: list[str] = []
    pos = 0
    for start, end in ranges:
        if start < pos:
            start = pos
        if end <= start:
            continue
        parts.append(_decode_entities(text[pos:start], pos, cdata_spans))
        parts.append(_NOT_BREAK.sub(" ", text[start:end]))
        pos = end
    parts.append(_decode_entities(text[pos:], pos, cdata_spans))
    return "".join(parts)


def _decode_entities(chunk: str, offset: int, cdata_spans: list[tuple[int, int]]) -> str:
    if "&" not in chunk:
        return chunk

    def replace(match: re.Match[str]) -> str:
        at = offset + match.start()
        if any(start <= at < end for start, end in cdata_spans):
            return match.group()
        char = html.unescape(match.group())
        width = len(match.group())
        # Pad on the side of the space before it, so "R&amp;D" stays one word as far as it can
        # and "&amp;c." after a space keeps "&c." together.
        before = chunk[match.start() - 1] if match.start() else " "
        return char.rjust(width) if before.isspace() else char.ljust(width)

    return _ENTITY.sub(replace, chunk)
