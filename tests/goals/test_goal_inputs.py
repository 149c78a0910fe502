"""``goals.inputs.parse_milestone``: one rule for milestone lines on the web and the command line."""

from __future__ import annotations

from datetime import date

import pytest

from peoplecraft.goals.inputs import parse_milestone


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2027-03-01 Halfway", ("Halfway", date(2027, 3, 1))),
        ("  Halfway there ", ("Halfway there", None)),
        ("2-minute drill every day", ("2-minute drill every day", None)),
    ],
)
def test_milestone_lines(line, expected):
    assert parse_milestone(line) == expected


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("2027-02-30 Halfway", "'2027-02-30' is not a real date"),
        ("2027-2-3 Halfway", "'2027-2-3' is not a date; use YYYY-MM-DD"),
        ("9999-12-31 Someday", "'9999-12-31' is out of range"),
        ("2027-03-01", "has a date but no title"),
    ],
)
def test_a_bad_date_is_refused_not_kept_in_the_title(line, problem):
    with pytest.raises(ValueError, match=problem):
        parse_milestone(line)
