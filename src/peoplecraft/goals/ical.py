"""Goals as an iCalendar file (RFC 5545, via the ``icalendar`` package). Pure: plain values in, bytes out.

Each active goal gives an all-day event on its due date, a repeating all-day "check in" event
every ``reminder_days`` days until the due date, and an event per open milestone with a date.
UIDs are stable, so re-importing the file updates events instead of duplicating them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # icalendar takes ~0.2 s to import: only commands that write a calendar pay for it
    from icalendar import Event

PRODID = "-//Peoplecraft//Goals//EN"


@dataclass(frozen=True)
class CalendarGoal:
    goal_id: int
    title: str
    skill: str
    measure: str
    target: float
    created: date
    due: date
    reminder_days: int
    milestones: Sequence[tuple[int, str, date]] = field(default_factory=tuple)


def _event(uid: str, summary: str, day: date, now: datetime, description: str = "") -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("summary", summary)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    if description:
        event.add("description", description)
    return event


def goals_calendar(goals: Sequence[CalendarGoal], *, now: datetime, host: str = "peoplecraft") -> bytes:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Peoplecraft goals")
    for goal in goals:
        target = f"{goal.target:g}"
        about = f"Skill: {goal.skill}. Target: {target} {goal.measure}."
        calendar.add_component(_event(f"goal-{goal.goal_id}-due@{host}", f"Due: {goal.title}", goal.due, now, about))
        first = goal.created + timedelta(days=goal.reminder_days)
        if goal.reminder_days and first < goal.due:
            reminder = _event(
                f"goal-{goal.goal_id}-checkin@{host}",
                f"Check in: {goal.title}",
                first,
                now,
                f"How far are you towards {target} {goal.measure}? Record a check-in in Peoplecraft.",
            )
            reminder.add("rrule", {"freq": "daily", "interval": goal.reminder_days, "until": goal.due})
            calendar.add_component(reminder)
        for milestone_id, title, day in goal.milestones:
            uid = f"goal-{goal.goal_id}-milestone-{milestone_id}@{host}"
            calendar.add_component(_event(uid, f"Milestone: {title}", day, now, f"Goal: {goal.title}"))
    return calendar.to_ical()
