"""Bad and unusual input: encodings, line endings, binary data, missing files, empty and very
large texts. Decoding refuses what is not text with a one-line InputError and never guesses
silently; parsing accepts whatever was decoded."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from span_invariants import assert_lossless

from safeguard_lint.ast import Provision
from safeguard_lint.errors import InputError
from safeguard_lint.parsing import parse
from safeguard_lint.source import decode, read_path

ACT = "Article 1\nScope\n1. This Convention applies to States Parties.\n2. It applies to data.\n"
ACCENTED = "Article 1\nDéfinitions\n1. « système » désigne tout dispositif.\n"


def _articles(text: str) -> list[str]:
    return [u.eid for u, _ in parse(text).units_with_path() if isinstance(u, Provision)]


def test_utf8_without_bom() -> None:
    decoded = decode(ACCENTED.encode("utf-8"))
    assert (decoded.text, decoded.encoding, decoded.note) == (ACCENTED, "utf-8", None)


def test_utf8_bom_is_not_part_of_the_text() -> None:
    decoded = decode(codecs.BOM_UTF8 + ACCENTED.encode("utf-8"))
    assert decoded.text == ACCENTED
    assert _articles(decoded.text) == ["art_1"]


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
    ids=["le", "be"],
)
def test_utf16_with_bom_as_word_exports_it(bom: bytes, codec: str) -> None:
    text = ACCENTED.replace("\n", "\r\n")
    decoded = decode(bom + text.encode(codec))
    assert decoded.text == text
    assert not decoded.text.startswith("\ufeff")


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_and_lone_cr_are_kept_and_structured(newline: str) -> None:
    text = ACT.replace("\n", newline)
    decoded = decode(text.encode("utf-8"))
    assert decoded.text == text  # never normalised: offsets point into the input
    document = parse(decoded.text)
    assert_lossless(document, decoded.text)
    assert [u.eid for u, _ in document.units_with_path()] == [
        "art_1",
        "art_1__para_1",
        "art_1__para_2",
    ]


def test_latin1_fallback_says_so() -> None:
    data = ACCENTED.encode("latin-1")
    decoded = decode(data)
    assert decoded.text == ACCENTED
    assert decoded.encoding == "latin-1"
    assert decoded.note is not None and "Latin-1" in decoded.note
    first_bad = data.index("é".encode("latin-1"))
    assert f"offset {first_bad}" in decoded.note


def test_windows_1252_curly_quotes_and_dashes_are_read_as_such() -> None:
    text = "1. Definitions\n\u201cwarrant\u201d means a warrant issued by a judge \u2014 only.\n"
    decoded = decode(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"
    assert decoded.note is not None and "Windows-1252" in decoded.note


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 4,
        b"Article 1\n\x00\x00\x00\x00 text",
        b"%PDF-1.7\n\x01\x02\x03\xff\xfe\xfd binary stream",
    ],
    ids=["png", "all-bytes", "nul-in-text", "control-bytes"],
)
def test_binary_data_is_refused_in_one_line(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode(data)
    message = str(caught.value)
    assert "binary" in message and "\n" not in message
    assert caught.value.offset is not None


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "absent.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_path(tmp_path)


def test_empty_file_is_a_valid_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    decoded = read_path(path)
    assert decoded.text == ""
    document = parse(decoded.text)
    assert document.children == [] and document.diagnostics == []
    assert (document.span.start, document.span.end) == (0, 0)


def test_read_path_decodes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "act.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + ACT.encode("utf-16-le"))
    assert read_path(path).text == ACT


_SENTENCE = (
    "The authority shall exercise the powers conferred by this Part only where it is satisfied, "
    "on the information before it, that the measure is necessary and proportionate to a "
    "legitimate aim, and shall keep a written record of the grounds on which it so decided. "
)


def _synthetic_act(size: int) -> tuple[str, int]:
    """An act of about `size` characters: Parts of numbered sections with subsections, lists
    and cross-references, in the density of real legislation (and, as real acts, fewer than
    10,000 sections)."""
    parts = ["THE SYNTHETIC ACT\n\nENACTED as follows—\n\n"]
    total = sections = 0
    while total < size:
        sections += 1
        if sections % 40 == 1:
            parts.append(f"PART {sections // 40 + 1}\nGROUP {sections // 40 + 1}\n\n")
        section = (
            f"{sections}. Powers in case {sections}\n(1) {_SENTENCE * 4}\n"
            f"(2) {_SENTENCE * 2}where—\n(a) {_SENTENCE}and\n(b) {_SENTENCE}\n"
            f"(3) Subsection (1) applies subject to section {max(1, sections - 1)}.\n\n"
        )
        parts.append(section)
        total += len(section)
    return "".join(parts), sections


def test_a_twenty_megabyte_act_parses_completely() -> None:
    text, sections = _synthetic_act(20_000_000)
    document = parse(text)
    provisions = [u for u, _ in document.units_with_path() if isinstance(u, Provision)]
    assert len(provisions) == sections
    assert provisions[-1].num == str(sections)
    assert [u.num for u in provisions[-1].units()] == ["1", "2", "3"]
    assert_lossless(document, text)
