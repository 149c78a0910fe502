"""Where a goal should be by now, and whether it is slipping. Pure: dates and numbers only.

The expected progress is the straight line from 0 % on the day the goal was set to 100 % on its
due date. A goal is slipping when its latest progress is below that line (after the due date
the line stays at 100 %).
"""

from __future__ import annotations

from datetime import date


def expected_progress(created: date, due: date, today: date) -> float:
    if today >= due:
        return 100.0
    if today <= created or due <= created:
        return 0.0
    return 100.0 * (today - created).days / (due - created).days


def slip_gap(progress: int, created: date, due: date, today: date) -> float:
    """Percentage points behind the line (0 when on track or ahead)."""
    return max(0.0, expected_progress(created, due, today) - progress)


def is_slipping(progress: int, created: date, due: date, today: date) -> bool:
    return progress < 100 and slip_gap(progress, created, due, today) > 0


QUADRANTS = ("do", "schedule", "delegate", "eliminate")


def quadrant_of(urgent: bool, important: bool) -> str:
    """The Eisenhower quadrant: do (urgent and important), schedule, delegate, eliminate."""
    if important:
        return "do" if urgent else "schedule"
    return "delegate" if urgent else "eliminate"


def flags_of(quadrant: str) -> tuple[bool, bool]:
    """(urgent, important) of a quadrant; ``KeyError`` for an unknown one."""
    return {"do": (True, True), "schedule": (False, True), "delegate": (True, False), "eliminate": (False, False)}[
        quadrant
    ]
