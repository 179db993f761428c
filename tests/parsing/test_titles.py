"""What reads as a title: short words naming a unit, not a sentence with its verb."""

from __future__ import annotations

import pytest

from safeguard_lint.parsing.headings import is_title_like


@pytest.mark.parametrize(
    "line",
    [
        "Offences for which surveillance device warrants may be issued",
        "Persons whose communications may be intercepted",
        "Matters to which the Commissioner must have regard",
        "Interception warrants",
    ],
)
def test_a_noun_with_a_relative_clause_is_a_title(line: str) -> None:
    assert is_title_like(line)


@pytest.mark.parametrize(
    "line",
    [
        "Surveillance device warrants may be issued for offences in Schedule 1",
        "The Minister may issue a warrant for which no application is made",
        "This Code applies to every offence.",
    ],
)
def test_a_sentence_is_no_title(line: str) -> None:
    assert not is_title_like(line)
