"""Pure rules: expected progress, slipping, quadrants, the suggested focus, the calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from peoplecraft.goals import focus, ical, progress


def test_expected_progress_is_a_straight_line():
    created, due = date(2025, 1, 1), date(2025, 1, 11)
    assert progress.expected_progress(created, due, date(2025, 1, 1)) == 0
    assert progress.expected_progress(created, due, date(2025, 1, 6)) == 50
    assert progress.expected_progress(created, due, date(2025, 2, 1)) == 100


def test_slipping_means_below_the_line():
    created, due = date(2025, 1, 1), date(2025, 1, 11)
    assert progress.is_slipping(40, created, due, date(2025, 1, 6))
    assert not progress.is_slipping(50, created, due, date(2025, 1, 6))
    assert not progress.is_slipping(0, created, due, created)
    assert progress.is_slipping(99, created, due, date(2025, 1, 12))
    assert not progress.is_slipping(100, created, due, date(2025, 1, 12))


@pytest.mark.parametrize("name", progress.QUADRANTS)
def test_quadrant_flags_round_trip(name):
    assert progress.quadrant_of(*progress.flags_of(name)) == name


def test_focus_rules_in_order():
    slipping = [("Goal A", "Mediation", 10.0), ("Goal B", "Negotiation", 30.0)]
    assert focus.suggest_focus(slipping=slipping, scores=[("X", 5)]).skill == "Negotiation"
    assert focus.suggest_focus(scores=[("Empathy", 62), ("Mediation", 41)]) == focus.FocusSuggestion(
        "Mediation", "low-score", {"score": 41}
    )
    assert focus.suggest_focus(in_focus=["Empathy", "Mediation"], practised=["empathy"]).skill == "Mediation"
    assert focus.suggest_focus(stress_by_skill=[("Empathy", 5.0), ("Mediation", 7.5)]).rule == "stressful"
    assert focus.suggest_focus(stress_by_skill=[("Empathy", 5.0)]) is None


def test_done_skills_are_never_suggested():
    done = ["negotiation", "MEDIATION"]
    slipping = [("Goal A", "Mediation", 10.0), ("Goal B", "Negotiation", 30.0), ("Goal C", "Empathy", 5.0)]
    assert focus.suggest_focus(slipping=slipping, done=done).skill == "Empathy"
    assert focus.suggest_focus(slipping=slipping[:2], scores=[("Mediation", 5), ("Empathy", 60)], done=done) == (
        focus.FocusSuggestion("Empathy", "low-score", {"score": 60})
    )
    assert focus.suggest_focus(in_focus=["Mediation", "Empathy"], done=done).skill == "Empathy"
    assert focus.suggest_focus(stress_by_skill=[("Mediation", 9.0), ("Empathy", 7.0)], done=done).skill == "Empathy"
    assert focus.suggest_focus(scores=[("Mediation", 5)], stress_by_skill=[("Negotiation", 9.0)], done=done) is None


def test_calendar_has_due_reminder_and_milestone_events():
    goal = ical.CalendarGoal(
        1,
        "Ask first",
        "Active Listening",
        "one-to-ones",
        8,
        date(2025, 1, 1),
        date(2025, 3, 1),
        7,
        ((5, "Halfway", date(2025, 2, 1)),),
    )
    parsed = Calendar.from_ical(ical.goals_calendar([goal], now=datetime(2025, 1, 1, tzinfo=UTC)))
    events = {str(e["uid"]): e for e in parsed.walk("VEVENT")}
    assert set(events) == {"goal-1-due@peoplecraft", "goal-1-checkin@peoplecraft", "goal-1-milestone-5@peoplecraft"}
    assert events["goal-1-due@peoplecraft"].decoded("dtstart") == date(2025, 3, 1)
    rule = events["goal-1-checkin@peoplecraft"]["rrule"]
    assert rule["FREQ"] == ["DAILY"] and rule["INTERVAL"] == [7]
