"""The habit calendar: a month as weeks of days, each marked practised (and planned session done).

Pure module (no Django): the selector reads the month's practice days in one query and this
lays them out Monday to Sunday. ``parse_month`` reads ``?month=YYYY-MM`` with a message on bad input.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

FIRST_MONTH = date(2000, 1, 1)  # the practice log holds nothing older (services.EARLIEST)
LAST_MONTH = date(2100, 12, 1)
_MONTH_SHAPE = re.compile(r"\d{4}-\d{2}")


def parse_month(text: str) -> date:
    """The first day of the month ``text`` names (YYYY-MM); :class:`ValueError` says what is wrong."""
    text = text.strip()
    if not _MONTH_SHAPE.fullmatch(text):
        raise ValueError("is not a month; use YYYY-MM, like 2026-03")
    year, month = int(text[:4]), int(text[5:])
    if not 1 <= month <= 12:
        raise ValueError("is not a month (months are 01 to 12); use YYYY-MM, like 2026-03")
    first = date(year, month, 1)
    if not FIRST_MONTH <= first <= LAST_MONTH:
        raise ValueError("is out of range: the calendar covers 2000-01 to 2100-12")
    return first


def month_end(first: date) -> date:
    """The last day of the month that starts on ``first``."""
    return first.replace(day=stdlib_calendar.monthrange(first.year, first.month)[1])


def previous_month(first: date) -> date | None:
    before = (first - timedelta(days=1)).replace(day=1)
    return before if before >= FIRST_MONTH else None


def next_month(first: date) -> date | None:
    after = month_end(first) + timedelta(days=1)
    return after if after <= LAST_MONTH else None


@dataclass(frozen=True)
class DayCell:
    day: date
    practised: bool
    planned_done: bool  # a session of the plan was ticked off on this day
    is_today: bool


@dataclass(frozen=True)
class MonthGrid:
    first: date
    weeks: list[list[DayCell | None]]  # Monday..Sunday; None: a day of the month before or after
    practised_days: int


def month_grid(first: date, practised: set[date], planned_done: set[date], *, today: date) -> MonthGrid:
    weeks: list[list[DayCell | None]] = []
    for week in stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        weeks.append(
            [
                DayCell(day, day in practised, day in planned_done, day == today) if day.month == first.month else None
                for day in week
            ]
        )
    count = sum(1 for day in practised if day.year == first.year and day.month == first.month)
    return MonthGrid(first, weeks, count)
