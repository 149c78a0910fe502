"""Habit strength, streaks and weekly counts from the days a skill was practised.

Habit strength is an exponentially weighted moving average of "did I practise this skill today?"
(1 or 0 per calendar day; several sessions on one day still count once), shown as 0-100:

    strength(day) = strength(day - 1) * DECAY + 100 * (1 - DECAY) * practised(day)
    DECAY = 0.5 ** (1 / HALF_LIFE_DAYS), HALF_LIFE_DAYS = 14

So strength is roughly "the share of recent days you practised", where a day two weeks ago
counts half as much as today. One missed day costs under 5 % of the current strength, never the
months behind it; a fortnight without practice halves it. Daily practice from zero reaches 50
after 14 days and 75 after 28; practising three days a week settles near 43.

A day with a practice the other person confirmed (issue 16: they answered "Yes" to the
exercise's question through an attributed confirmation link) weighs CONFIRMED_WEIGHT = 1.5 instead
of 1, and strength is capped at 100:

    strength(day) = min(100, strength(day - 1) * DECAY + 100 * (1 - DECAY) * weight(day))
    weight(day) = 1.5 if a session that day was confirmed, 1 if practised, else 0

A confirmed day thus counts like one and a half self-rated days; pooled confirmations never count
here (their answers are not known per session).

Streaks count consecutive calendar days with practice. The current streak is still alive if
the last practice was yesterday (today is not over yet). Pure module: no Django.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

HALF_LIFE_DAYS = 14
DECAY = 0.5 ** (1 / HALF_LIFE_DAYS)
CONFIRMED_WEIGHT = 1.5


@dataclass(frozen=True)
class HabitSummary:
    strength: float  # 0-100 on ``today``
    current_streak: int
    longest_streak: int
    this_week: int  # sessions since Monday
    total_sessions: int
    last_practised: date | None
    weekly: tuple[tuple[date, int], ...]  # (Monday, sessions), oldest first


def strength_series(
    days: Iterable[date], *, start: date, end: date, confirmed: Iterable[date] = ()
) -> list[tuple[date, float]]:
    """Strength on every day from ``start`` to ``end``; practice before ``start`` is counted in.
    ``confirmed``: the days with a session the other person confirmed (weight CONFIRMED_WEIGHT)."""
    practised = set(days)
    confirmed_days = set(confirmed) & practised
    earliest = min(practised, default=start)
    value, day, series = 0.0, min(earliest, start), []
    while day <= end:
        weight = CONFIRMED_WEIGHT if day in confirmed_days else 1.0 if day in practised else 0.0
        value = min(100.0, value * DECAY + 100 * (1 - DECAY) * weight)
        if day >= start:
            series.append((day, value))
        day += timedelta(days=1)
    return series


def strength_on(days: Iterable[date], day: date, confirmed: Iterable[date] = ()) -> float:
    series = strength_series(days, start=day, end=day, confirmed=confirmed)
    return series[-1][1] if series else 0.0


def _runs(practised: set[date]) -> list[tuple[date, int]]:
    """(last day, length) of every run of consecutive days."""
    runs = []
    for day in sorted(practised):
        if runs and runs[-1][0] == day - timedelta(days=1):
            runs[-1] = (day, runs[-1][1] + 1)
        else:
            runs.append((day, 1))
    return runs


def streaks(days: Iterable[date], *, today: date) -> tuple[int, int]:
    """(current, longest) streak in days; practice after ``today`` is ignored."""
    runs = _runs({day for day in days if day <= today})
    longest = max((length for _end, length in runs), default=0)
    current = 0
    if runs and runs[-1][0] >= today - timedelta(days=1):
        current = runs[-1][1]
    return current, longest


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_counts(sessions: Iterable[date], *, today: date, weeks: int = 8) -> tuple[tuple[date, int], ...]:
    """Sessions per ISO week (Monday to Sunday) for the ``weeks`` weeks up to ``today``'s."""
    by_week = Counter(week_start(day) for day in sessions if day <= today)
    this_monday = week_start(today)
    mondays = [this_monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    return tuple((monday, by_week.get(monday, 0)) for monday in mondays)


def habit_summary(
    sessions: Iterable[date], *, today: date, weeks: int = 8, confirmed: Iterable[date] = ()
) -> HabitSummary:
    """Everything the practice pages show about one skill, from the dates of its sessions
    (``confirmed``: the dates of its sessions the other person confirmed)."""
    sessions = [day for day in sessions if day <= today]
    current, longest = streaks(sessions, today=today)
    weekly = weekly_counts(sessions, today=today, weeks=weeks)
    return HabitSummary(
        strength=strength_on(sessions, today, confirmed),
        current_streak=current,
        longest_streak=longest,
        this_week=weekly[-1][1] if weekly else 0,
        total_sessions=len(sessions),
        last_practised=max(sessions, default=None),
        weekly=weekly,
    )
