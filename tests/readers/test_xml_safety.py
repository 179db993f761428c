"""Hostile XML is refused with one line naming where; ordinary XML keeps its offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguard_lint.errors import InputError
from safeguard_lint.readers import read_document
from safeguard_lint.readers.xml_safety import MAX_DEPTH, parse_xml

AKN = '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'


def _refused(xml: str) -> str:
    with pytest.raises(InputError) as info:
        read_document(Path("hostile.xml"), xml.encode("utf-8"))
    message = str(info.value)
    assert "\n" not in message
    return message


def test_external_entity_to_local_file_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xml = (
        f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        f"{AKN}<act><body><p>&x;</p></body></act></akomaNtoso>"
    )
    message = _refused(xml)
    assert "entit" in message and "line 2" in message
    assert "TOP-SECRET" not in message


def test_billion_laughs_is_refused() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    xml = f"<!DOCTYPE akomaNtoso [{entities}]>{AKN}<act><p>&lol9;</p></act></akomaNtoso>"
    assert "entit" in _refused(xml)


def test_deep_nesting_is_refused() -> None:
    depth = 10_000
    xml = AKN + "<p>" * depth + "x" + "</p>" * depth + "</akomaNtoso>"
    message = _refused(xml)
    assert f"deeper than {MAX_DEPTH}" in message and "line 1" in message


def test_malformed_xml_names_line_and_column() -> None:
    message = _refused(f"{AKN}\n<act>\n  <body></act></akomaNtoso>")
    assert message.startswith("not well-formed XML") and "line 3" in message


def test_offsets_and_readable_text_keep_the_xml_layout() -> None:
    xml = (
        '<?xml version="1.0"?>\n<a x="1>2">\n'
        "  <b>R&amp;D &amp;c. &#8220;x&#8221;</b><c/>\r\n</a>\n"
    )
    tree = parse_xml(xml)
    b, c = tree.root.children
    assert xml[b.start : b.inner_start] == "<b>" and xml[b.inner_end : b.end] == "</b>"
    assert c.inner_start == c.end == xml.index("<c/>") + 4
    assert tree.root.inner_start == xml.index(">\n  <b>") + 1
    readable = tree.readable_text
    assert [len(line) for line in readable.splitlines()] == [
        len(line) for line in xml.splitlines()
    ]
    body = readable[b.inner_start : b.inner_end]
    assert " ".join(body.split()) == "R& D &c. \u201cx\u201d"
    assert "<" not in readable and readable.count("\n") == xml.count("\n")
