"""The weekly plan as an iCalendar file (``icalendar``), so it lands in the learner's calendar.

Each session is an all-day event on its day (the learner picks the hour), with the exercise's
goal and steps in the description, and an alarm (``ALARM_BEFORE``) so the calendar reminds the
learner: an all-day event's alarm goes off that long before the day starts. UIDs are stable per
day and skill, so importing the same days twice updates the events instead of duplicating them. Pure module: no Django.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from peoplecraft.practice.content import Exercise
from peoplecraft.practice.planner import WeekPlan

ALARM_BEFORE = timedelta(minutes=15)


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.casefold()).split())


def plan_calendar(plan: WeekPlan, *, lookup: Callable[[str], Exercise | None], stamp: datetime) -> bytes:
    """``stamp`` (timezone-aware) is the DTSTAMP of every event: when the file was made."""
    # imported here: icalendar takes ~0.2 s to import, and only calendar exports need it
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Peoplecraft//Practice plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Practice plan, week of {plan.week_start.isoformat()}")
    for session in plan.sessions:
        event = Event()
        # a skill has at most one session a day: the same day and skill is the same event, whichever
        # plan (this week's, or the rolling one starting today) the file was exported from
        event.add("uid", f"{session.day.isoformat()}-{_slug(session.skill)}@peoplecraft")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.day)
        event.add("dtend", session.day + timedelta(days=1))
        event.add("summary", f"Practise {session.skill}: {session.title}")
        event.add("description", _description(session.minutes, lookup(session.exercise_id)))
        event.add("categories", ["Peoplecraft", session.skill])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Practise {session.skill}: {session.title}")
        alarm.add("trigger", -ALARM_BEFORE)
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


def _description(minutes: int, exercise: Exercise | None) -> str:
    if exercise is None:
        return f"About {minutes} minutes. Use this skill on purpose in a real conversation, then log how it went."
    steps = "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1))
    return f"Goal: {exercise.goal}\nWhen: {exercise.situation}\nAbout {minutes} minutes.\n\n{steps}"
