"""Feedback from others in the weekly review: a list of source functions other apps register.

A source is ``(owner, start, end) -> list[FeedbackItem]`` for the days ``[start, end]``; the
feedback app registers its released 360° results here (self-assessment results stay in
``WeeklyReview.feedback``). Sources must return released aggregates only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from peoplecraft.core.integrations import ensure_loaded


@dataclass(frozen=True)
class FeedbackItem:
    kind: str  # "request" or "moments"
    skill: str
    score: float  # others' score, 0-100
    released_on: date
    title: str  # e.g. "360° feedback request 3"


FeedbackSource = Callable[[object, date, date], list[FeedbackItem]]
_SOURCES: dict[str, FeedbackSource] = {}


def register_feedback_source(name: str, source: FeedbackSource) -> None:
    _SOURCES[name] = source


def feedback_between(owner, start: date, end: date) -> list[FeedbackItem]:
    ensure_loaded()
    items = [item for source in _SOURCES.values() for item in source(owner, start, end)]
    return sorted(items, key=lambda item: (item.released_on, item.skill))
