"""Habit strength (EWMA, 14-day half-life), streaks and weekly counts, against hand-computed values."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from peoplecraft.practice.habits import (
    DECAY,
    HALF_LIFE_DAYS,
    habit_summary,
    streaks,
    strength_on,
    strength_series,
    weekly_counts,
)

D = date(2026, 3, 2)  # a Monday


def days(*offsets: int) -> list[date]:
    return [D + timedelta(days=n) for n in offsets]


def test_decay_halves_in_fourteen_days():
    assert HALF_LIFE_DAYS == 14
    assert pytest.approx(0.5) == DECAY**14
    assert pytest.approx(0.951695, abs=1e-6) == DECAY


def test_one_session_gives_4_83_and_halves_after_two_weeks():
    assert strength_on(days(0), D) == pytest.approx(4.8305, abs=1e-4)  # 100 × (1 − 0.5^(1/14))
    assert strength_on(days(0), D + timedelta(days=14)) == pytest.approx(2.4153, abs=1e-4)


def test_two_consecutive_days_by_hand():
    # day 1: 4.8305; day 2: 4.8305 × 0.951695 + 4.8305 = 9.4277
    assert strength_on(days(0, 1), D + timedelta(days=1)) == pytest.approx(9.4277, abs=1e-3)


def test_daily_practice_reaches_50_after_14_days_and_75_after_28():
    assert strength_on(days(*range(14)), D + timedelta(days=13)) == pytest.approx(50.0, abs=1e-9)
    assert strength_on(days(*range(28)), D + timedelta(days=27)) == pytest.approx(75.0, abs=1e-9)


def test_one_missed_day_costs_under_five_percent():
    before = strength_on(days(*range(90)), D + timedelta(days=89))
    after = strength_on(days(*range(90)), D + timedelta(days=90))
    assert after == pytest.approx(before * DECAY)
    assert after > 0.95 * before and before > 98


def test_several_sessions_a_day_count_once_and_series_covers_the_window():
    series = strength_series(days(0, 0, 0, 2), start=D + timedelta(days=1), end=D + timedelta(days=3))
    assert [day for day, _ in series] == days(1, 2, 3)
    assert series[0][1] == pytest.approx(4.8305 * DECAY, abs=1e-4)  # practice before the window counts


def test_streaks_current_survives_until_the_end_of_today():
    practised = days(0, 1, 2, 5, 6)
    assert streaks(practised, today=D + timedelta(days=6)) == (2, 3)
    assert streaks(practised, today=D + timedelta(days=7)) == (2, 3)  # yesterday counts: today is not over
    assert streaks(practised, today=D + timedelta(days=8)) == (0, 3)
    assert streaks([], today=D) == (0, 0)


def test_weekly_counts_per_iso_week_oldest_first():
    sessions = days(0, 0, 3, 7, 13, 14)
    counts = weekly_counts(sessions, today=D + timedelta(days=15), weeks=3)
    assert counts == ((D, 3), (D + timedelta(days=7), 2), (D + timedelta(days=14), 1))


def test_summary_ignores_future_entries():
    summary = habit_summary(days(0, 1, 30), today=D + timedelta(days=1), weeks=2)
    assert summary.total_sessions == 2 and summary.last_practised == D + timedelta(days=1)
    assert summary.current_streak == 2 and summary.this_week == 2
    assert summary.strength == pytest.approx(9.4277, abs=1e-3)


def test_a_confirmed_day_weighs_one_and_a_half_and_strength_stays_at_most_100():
    from peoplecraft.practice import habits as habit_rules

    day = date(2026, 3, 2)
    plain = habit_rules.strength_on([day], day)
    confirmed = habit_rules.strength_on([day], day, confirmed=[day])
    assert confirmed == pytest.approx(plain * habit_rules.CONFIRMED_WEIGHT)
    assert habit_rules.strength_on([day], day, confirmed=[day - timedelta(days=1)]) == pytest.approx(plain)
    every_day = [day - timedelta(days=n) for n in range(400)]
    assert habit_rules.strength_on(every_day, day, confirmed=every_day) == pytest.approx(100.0)
