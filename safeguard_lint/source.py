"""Decoding bytes into text, and the line index that maps offsets to lines and columns.

Text is never normalised: every offset in the AST points into the decoded string exactly as
decoded (CRLF and lone CR kept), so the document rebuilds the input.
"""

from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass, field
from pathlib import Path

from safeguard_lint.errors import InputError

#: Files larger than this are refused rather than parsed (a clear error, not a hang).
MAX_INPUT_BYTES = 200 * 1024 * 1024

_BINARY_PROBE = 8192


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the encoding used and any note about the decoding."""

    text: str
    encoding: str
    note: str | None = None


def decode(data: bytes) -> Decoded:
    """Decode bytes as UTF-8 (BOM or not) or UTF-16 (BOM), falling back to Windows-1252 or
    Latin-1.

    Raises InputError for data that looks binary (NUL bytes outside UTF-16, control bytes).
    """
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_strict(data[3:], "utf-8"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(_strict(data, "utf-16"), "utf-16")
    nul = data.find(b"\x00", 0, _BINARY_PROBE)
    if nul != -1:
        if _looks_like_bomless_utf16(data):
            enc = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
            return Decoded(_strict(data, enc), enc)
        raise InputError(f"binary data (NUL byte at offset {nul}); not a text file", offset=nul)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        encoding, name = _single_byte(data)
        text = data.decode(encoding)
        control = _control_byte(text)
        if control is not None:
            raise InputError(
                f"binary data (control byte at offset {control}); not a text file", offset=control
            ) from None
        return Decoded(
            text,
            encoding,
            f"not valid UTF-8 (first bad byte at offset {exc.start}); read as {name}",
        )


def _single_byte(data: bytes) -> tuple[str, str]:
    """The single-byte encoding of text that is not UTF-8: Windows-1252 when it uses that
    code page's curly quotes and dashes (bytes 0x80-0x9F, control codes in Latin-1, which
    text never holds), Latin-1 otherwise."""
    if any(0x80 <= b <= 0x9F for b in data):
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return "latin-1", "Latin-1"
        return "cp1252", "Windows-1252"
    return "latin-1", "Latin-1"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"undecodable {encoding} byte at offset {exc.start}", offset=exc.start
        ) from None


def _looks_like_bomless_utf16(data: bytes) -> bool:
    probe = data[:_BINARY_PROBE]
    if len(probe) < 4:
        return False
    odd_nuls = probe[1::2].count(0)
    even_nuls = probe[0::2].count(0)
    half = len(probe) // 2
    return max(odd_nuls, even_nuls) > 0.4 * half and min(odd_nuls, even_nuls) < 0.05 * half


def _control_byte(text: str) -> int | None:
    for i, ch in enumerate(text[:_BINARY_PROBE]):
        if ord(ch) < 32 and ch not in "\t\n\r\f\v":
            return i
    return None


def read_path(path: Path) -> Decoded:
    """Read and decode a file, refusing directories, missing files and oversized input."""
    return decode(read_bytes(path))


def read_bytes(path: Path) -> bytes:
    """Read a file's bytes, refusing directories, missing files and oversized input."""
    if not path.exists():
        raise InputError("no such file")
    if path.is_dir():
        raise InputError("is a directory, not a file")
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"file too large ({size} bytes; the limit is {MAX_INPUT_BYTES})")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None


@dataclass
class LineIndex:
    """Maps 0-based character offsets to 1-based (line, column) and back.

    Lines end at LF, CRLF or a lone CR, as editors count them.
    """

    text: str
    _starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        text = self.text
        i = 0
        n = len(text)
        while True:
            j = _next_break(text, i)
            if j == -1:
                break
            if text[j] == "\r" and j + 1 < n and text[j + 1] == "\n":
                j += 1
            starts.append(j + 1)
            i = j + 1
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Return the offset where 1-based line `line` starts."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]


def _next_break(text: str, start: int) -> int:
    lf = text.find("\n", start)
    cr = text.find("\r", start)
    if cr == -1:
        return lf
    if lf == -1:
        return cr
    return min(lf, cr)
