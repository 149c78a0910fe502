"""FSRS rescheduling of practice cards: grade mapping, day-level intervals, JSON state."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating

from peoplecraft.practice.scheduling import GradeError, rating_for, review

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_grades_map_to_fsrs_ratings():
    assert [rating_for(g) for g in ("missed", "hard", "good", "easy")] == [
        Rating.Again,
        Rating.Hard,
        Rating.Good,
        Rating.Easy,
    ]
    with pytest.raises(GradeError, match="missed, hard, good, easy"):
        rating_for("meh")


def test_first_grades_schedule_whole_days_ahead_easier_is_later():
    due = {grade: review(None, grade, now=NOW)[1] - NOW for grade in ("missed", "hard", "good", "easy")}
    assert due["missed"] == timedelta(days=1) and due["hard"] == timedelta(days=1)
    assert due["good"] == timedelta(days=2) and due["easy"] == timedelta(days=8)


def test_state_round_trips_through_json_and_good_again_grows_the_interval():
    state, due = review(None, "good", now=NOW)
    stored = json.loads(json.dumps(state))
    _state, next_due = review(stored, "good", now=due)
    assert next_due - due > due - NOW
