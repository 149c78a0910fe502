"""``core.inputs``: typed numbers are finite and in range, typed dates are real and in range."""

from __future__ import annotations

from datetime import date

import pytest

from peoplecraft.core.inputs import EARLIEST, LATEST, number_problem, parse_date, show_number


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), 1e308, -1, 0, 0.001, 11, True, None, "5"])
def test_number_outside_the_bounds_or_not_finite_is_a_problem(value):
    assert number_problem(value, 0.01, 10) == "must be a finite number between 0.01 and 10"


@pytest.mark.parametrize("value", [0.01, 1, 7.5, 10])
def test_number_within_the_bounds_is_fine(value):
    assert number_problem(value, 0.01, 10) is None


def test_bounds_read_as_people_write_them():
    assert (show_number(1_000_000), show_number(0.01), show_number(3.0)) == ("1000000", "0.01", "3")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2027-02-30", "is not a real date (no such day)"),
        ("2025-13-01", "is not a real date (no such day)"),
        ("20270228", "is not a date; use YYYY-MM-DD"),  # date.fromisoformat would take it
        ("2027-W05-1", "is not a date; use YYYY-MM-DD"),
        ("٢٠٢٧-٠٢-٠١", "is not a date; use YYYY-MM-DD"),  # other digits are not YYYY-MM-DD
        ("tomorrow", "is not a date; use YYYY-MM-DD"),
        ("", "is not a date; use YYYY-MM-DD"),
        ("9999-12-31", "is out of range; use a date from 1900-01-01 to 2199-12-31"),
        ("0001-01-01", "is out of range"),
    ],
)
def test_a_bad_date_says_what_is_wrong(text, problem):
    with pytest.raises(ValueError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        parse_date(text)


def test_a_real_date_in_range_is_read():
    assert parse_date(" 2027-02-28 ") == date(2027, 2, 28)
    assert parse_date(EARLIEST.isoformat()) == EARLIEST and parse_date(LATEST.isoformat()) == LATEST
