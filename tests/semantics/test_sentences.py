"""Legal-aware sentence splitting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguard_lint.semantics.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See Art. 5 of the Act. It applies.", ["See Art. 5 of the Act.", "It applies."]),
        ("By 18 U.S.C. 2518 a judge acts. Then.", ["By 18 U.S.C. 2518 a judge acts.", "Then."]),
        ("Law No. 9 of 2018. The Act.", ["Law No. 9 of 2018.", "The Act."]),
        ("Powers, e.g. search, apply. Next!", ["Powers, e.g. search, apply.", "Next!"]),
        ("As in paragraph 1.a above. Then.", ["As in paragraph 1.a above.", "Then."]),
        ("1. Each Party shall act. (a) Items.", ["1. Each Party shall act.", "(a) Items."]),
        ("One line\n\nAnother line", ["One line", "Another line"]),
    ],
)
def test_splits_only_at_real_sentence_ends(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_point_into_the_source() -> None:
    source = "xx Art. 5 applies. Then more."
    for s in split_sentences(source[3:], 3):
        assert source[s.start : s.end] == s.text


@given(st.text(alphabet="ab .;:\n(A)1", max_size=60))
def test_sentences_are_ordered_disjoint_slices(text: str) -> None:
    prev = 0
    for s in split_sentences(text):
        assert prev <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        prev = s.end
