"""The plan as iCalendar: one all-day event per session, stable UIDs, exercise steps inside."""

from __future__ import annotations

from datetime import UTC, date, datetime

from icalendar import Calendar

from peoplecraft.practice.calendar import plan_calendar
from peoplecraft.practice.content import bundled_exercises
from peoplecraft.practice.planner import ExerciseOption, plan_week

MONDAY = date(2026, 3, 2)


def _lookup(exercise_id):
    return next((e for e in bundled_exercises() if e.id == exercise_id), None)


def test_every_session_is_an_all_day_event_with_steps():
    options = [ExerciseOption(e.id, e.skill, e.title, e.level, e.minutes) for e in bundled_exercises()]
    plan = plan_week(MONDAY, ["Active Listening", "Juggling"], options, {})
    body = plan_calendar(plan, lookup=_lookup, stamp=datetime(2026, 3, 1, tzinfo=UTC))
    events = Calendar.from_ical(body).walk("VEVENT")
    assert len(events) == len(plan.sessions) == 6
    first = events[0]
    assert first.decoded("dtstart") == MONDAY and first.decoded("dtend") == date(2026, 3, 3)
    assert str(first["summary"]) == "Practise Active Listening: Say it back before you answer"
    assert "1. Pick one conversation" in str(first["description"])
    assert len({str(e["uid"]) for e in events}) == 6
    free = [e for e in events if "Juggling" in str(e["summary"])]
    assert free and "real conversation" in str(free[0]["description"])


def test_same_plan_gives_the_same_uids():
    plan = plan_week(MONDAY, ["Mediation"], [], {})
    stamp = datetime(2026, 3, 1, tzinfo=UTC)
    assert plan_calendar(plan, lookup=_lookup, stamp=stamp) == plan_calendar(plan, lookup=_lookup, stamp=stamp)
