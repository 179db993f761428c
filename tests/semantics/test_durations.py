"""Durations and renewals parsed into values."""

from __future__ import annotations

import pytest

from safeguard_lint.semantics.durations import find_durations, find_renewals, parse_number


@pytest.mark.parametrize(
    ("text", "days", "bounded"),
    [
        ("for a period not exceeding thirty days", 30, True),
        ("up to a maximum of 90 days", 90, True),
        ("six months after the order", 180, False),
        # a deadline to act ("notified within 90 days"), not how long a measure lasts
        ("within forty-eight hours after", 2, False),
        ("for a period not to exceed sixty days", 60, True),
        ("terminate when forty-eight hours have lapsed", 2, True),
        ("An order lasts 90 days", 90, True),
        ("the patient lasts 90 days", 90, False),
        ("nor in any event longer than thirty (30) days", 30, True),
        ("for a term of two years", 730, True),
        ("ceases to have effect at the end of the period of three months", 90, True),
        ("The authorisation shall be issued for six months", 180, True),
        ("a judicial warrant authorising interception for 30 days", 30, True),
        ("The order expires 21 days after the day on which it is made", 21, True),
        ("The measure is limited to three months", 90, True),
        ("Providers shall retain the traffic data for one year", 365, True),
        ("Intercepted material shall be kept for two years", 730, False),
    ],
)
def test_durations(text: str, days: float, bounded: bool) -> None:
    (d,) = find_durations(text)
    assert d.days == days
    assert d.bounded is bounded


def test_offsets_are_shifted() -> None:
    (d,) = find_durations("xx 90 days", 100)
    assert (d.start, d.end) == (103, 110)


def test_numbers_in_words() -> None:
    assert parse_number("forty-eight") == 48
    assert parse_number("ninety") == 90
    assert parse_number("12") == 12
    assert parse_number("several") is None


def test_renewals() -> None:
    assert [r.times for r in find_renewals("The order is renewable once.")] == [1]
    assert [r.times for r in find_renewals("Such period may be extended twice.")] == [2]
    assert [r.times for r in find_renewals("Extensions may be granted.")] == [None]


@pytest.mark.parametrize(
    ("text", "days", "bounded"),
    [
        ("for a period of between 6 and 24 months", 720, True),
        ("for 6 to 24 months", 720, True),
        ("until the expiry of 60 days from the date of the order", 60, True),
        ("shall lapse on the sixtieth day after it is issued", 60, True),
        ("expires on the 45th day after its issue", 45, True),
        ("ends on the twenty-first day", 21, True),
        # a range of how long data is kept says nothing of the measure's end
        ("retained for 6 to 24 months", 720, False),
    ],
)
def test_ranges_and_ordinal_days_bound_a_measure(text: str, days: float, bounded: bool) -> None:
    [found] = find_durations(text)
    assert (found.days, found.bounded) == (days, bounded)
