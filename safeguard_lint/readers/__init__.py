"""Reading legislation in any supported format into the one AST.

Plain text and Markdown go through the grammar; Akoma Ntoso and USLM XML through the XML
readers; Word documents through the docx reader (then the grammar). The format is sniffed from
the content, then the extension; `input_format` overrides both.
"""

from __future__ import annotations

from pathlib import Path

from safeguard_lint.ast import Diagnostic, Document, Span
from safeguard_lint.errors import InputError
from safeguard_lint.source import decode, read_bytes

#: The names `--input-format` accepts.
INPUT_FORMATS = ("text", "akn", "uslm", "docx")

_ZIP_MAGIC = b"PK\x03\x04"
_AKN_EXTENSIONS = (".akn", ".akn.xml")


def read_document(
    path: Path, data: bytes | None = None, input_format: str | None = None
) -> Document:
    """Read a file (or `data`, its bytes, e.g. from standard input) into a Document.

    Raises InputError with a one-line message for unreadable, hostile or mistyped input.
    """
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise InputError(
            f"unknown input format '{input_format}' (expected one of {', '.join(INPUT_FORMATS)})"
        )
    if data is None:
        data = read_bytes(path)
    fmt = input_format or detect_format(path, data)
    if fmt == "docx":
        from safeguard_lint.readers.docx import read_docx

        return read_docx(data)
    decoded = decode(data)
    if fmt == "text":
        from safeguard_lint.parsing import parse

        document = parse(decoded.text)
    elif fmt == "akn":
        from safeguard_lint.readers.akn import read_akn

        document = read_akn(decoded.text)
    else:
        from safeguard_lint.readers.uslm import read_uslm

        document = read_uslm(decoded.text)
    if decoded.note:
        document.diagnostics.append(
            Diagnostic(
                code="DECODE", severity="info", message=decoded.note, span=Span(start=0, end=0)
            )
        )
    return document


def detect_format(path: Path, data: bytes) -> str:
    """The input format of a file: Word (zip), Akoma Ntoso or USLM (XML root), else text."""
    name = path.name.lower()
    if data.startswith(_ZIP_MAGIC) or name.endswith(".docx"):
        return "docx"
    try:
        head = decode(data[:4096]).text
    except InputError:  # a probe cut mid-character or binary: not XML we can sniff
        head = ""
    if "<akomaNtoso" in head or ":akomaNtoso" in head:
        return "akn"
    if "schemas.gpo.gov/xml/uslm" in head:
        return "uslm"
    if name.endswith(_AKN_EXTENSIONS):
        return "akn"
    return "text"
