"""Practice benchmarks: habit strength over a long log, the weekly planner replay, and the catalogue load.

Run: PEOPLECRAFT_HOME=$(mktemp -d) .venv/bin/python benchmarks/bench_practice.py
Targets: a year of daily strength for 5 skills < 50 ms; a plan replaying 8 weeks for 5 skills < 50 ms;
loading and validating all bundled YAML (catalogue, exercises, cards) < 1 s.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date, timedelta

from peoplecraft.learning.catalogue import bundled_paths, load_catalogue
from peoplecraft.practice import content, habits, planner


def _median(fn, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    rng = random.Random(7)
    today = date(2026, 3, 1)
    sessions = {f"skill {n}": [today - timedelta(days=d) for d in range(1000) if rng.random() < 0.5] for n in range(5)}
    exercises = [
        planner.ExerciseOption(e.id, e.skill, e.title, e.level, e.minutes) for e in content.bundled_exercises()
    ]
    focus = [e.skill for e in content.bundled_exercises()][:5]
    history = {
        (today - timedelta(weeks=w, days=today.weekday()), skill): planner.Activity(
            rng.randint(0, 4), (rng.randint(1, 5),)
        )
        for w in range(1, 9)
        for skill in focus
    }
    cases = {
        "habit summaries, 5 skills x ~500 sessions over 1,000 days": lambda: [
            habits.habit_summary(days, today=today) for days in sessions.values()
        ],
        "strength series, 365 days x 5 skills (skill-page charts)": lambda: [
            habits.strength_series(days, start=today - timedelta(days=364), end=today) for days in sessions.values()
        ],
        "weekly plan replaying 8 weeks for 5 skills": lambda: planner.plan_for(today, focus, exercises, history),
        "load + validate catalogue, exercises and cards (cold)": lambda: (
            load_catalogue(bundled_paths()),
            content.load_exercises(content.exercise_paths()),
            content.load_cards(content.card_paths()),
        ),
    }
    limits = [0.05, 0.05, 0.05, 1.0]
    failed = False
    for (name, fn), limit in zip(cases.items(), limits, strict=True):
        seconds = _median(fn)
        failed |= seconds >= limit
        print(f"{name}: {seconds * 1000:.1f} ms (target < {limit * 1000:.0f} ms)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
