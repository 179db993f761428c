"""A Word bill, numbered automatically or by hand, reads as the same bill in plain text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from safeguard_lint.ast import Document
from safeguard_lint.engine import check
from safeguard_lint.errors import InputError
from safeguard_lint.parsing import parse
from safeguard_lint.readers import detect_format, read_document

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

# (level, number as typed, text); level 0 = article, 1 = paragraph, 2 = point.
BILL = [
    (0, "Article 1.", "Interception of communications"),
    (1, "(1)", "The competent authority may, as appropriate, order a service provider to "
               "intercept the content of communications for the purposes of an investigation."),
    (1, "(2)", "An order under paragraph (1) shall be issued where necessary:"),
    (2, "(a)", "on the application of a police officer;"),
    (2, "(b)", "for such period as the authority considers appropriate."),
    (0, "Article 2.", "Disclosure of data"),
    (1, "(1)", "A service provider shall disclose stored data to any public official on request."),
    (1, "(2)", "Any person who fails to comply commits an offence."),
]  # fmt: skip
LEVEL_TEXT = ("Article %1.", "(%2)", "(%3)")
LEVEL_FORMAT = ("decimal", "decimal", "lowerLetter")


def _plain() -> str:
    return "".join(f"{num} {text}\n" for _, num, text in BILL)


def _numbering_xml() -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (text, fmt) in enumerate(zip(LEVEL_TEXT, LEVEL_FORMAT, strict=True))
    )
    return f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'


def _docx(automatic: bool) -> bytes:
    word = docx.Document()
    if automatic:
        numbering = word.part.numbering_part.element
        numbering.insert(0, parse_xml(_numbering_xml()))
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
        )
    for level, num, text in BILL:
        if not automatic:
            word.add_paragraph(f"{num} {text}")
            continue
        paragraph = word.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            )
        )
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _structure(document: Document) -> list[tuple[str, str | None, str, str]]:
    return [(u.kind, u.num, u.eid, u.label) for u, _ in document.units_with_path()]


def _findings(document: Document) -> list[tuple[str, str, str]]:
    return [(f.code, f.provision.eid if f.provision else "", f.message) for f in check(document)]


@pytest.mark.parametrize("automatic", [True, False], ids=["automatic", "typed"])
def test_docx_bill_reads_like_the_plain_text_bill(automatic: bool) -> None:
    data = _docx(automatic)
    assert detect_format(Path("bill.docx"), data) == "docx"
    from_word = read_document(Path("bill.docx"), data)
    from_text = parse(_plain())
    assert _structure(from_word) == _structure(from_text)
    assert ("subparagraph", "b", "art_2__para_1__subpara_b", "Article 2(1)(b)") not in (
        _structure(from_word)
    )
    assert ("subparagraph", "b", "art_1__para_2__subpara_b", "Article 1(2)(b)") in (
        _structure(from_word)
    )
    assert _findings(from_text), "the bill should draw at least one finding"
    assert _findings(from_word) == _findings(from_text)


def test_automatic_numbers_are_not_in_the_paragraph_text() -> None:
    # Without numbering recovery the automatic bill would have no articles at all.
    from safeguard_lint.readers.docx import docx_text

    text = docx_text(_docx(automatic=True))
    assert text.splitlines()[0] == "Article 1. Interception of communications"
    assert text.splitlines()[3] == f"(a) {BILL[3][2]}"


def test_broken_docx_is_a_one_line_error() -> None:
    with pytest.raises(InputError) as info:
        read_document(Path("bill.docx"), b"PK\x03\x04 not really a zip")
    assert "\n" not in str(info.value)


def test_missing_python_docx_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "docx", None)
    with pytest.raises(InputError, match=r"python-docx: pip install"):
        read_document(Path("bill.docx"), _docx(automatic=False))
