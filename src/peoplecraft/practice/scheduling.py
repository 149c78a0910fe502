"""Spaced repetition for practice cards, with the ``fsrs`` package.

A practice card is a behaviour tried in a real conversation, not a fact recalled, so the
scheduler has no same-day learning steps: every grade sends the card at least a day ahead.
Grades map to FSRS ratings: missed → Again, hard → Hard, good → Good, easy → Easy. Fuzzing is
off so a grade always gives the same due date (predictable for the learner, testable for us).
The card's state is stored as the JSON of ``fsrs.Card.to_dict()``. Pure module: no Django.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fsrs import Card, Rating, Scheduler

GRADES = ("missed", "hard", "good", "easy")
_RATINGS = {"missed": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
_SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


class GradeError(ValueError):
    """An unknown grade."""


def rating_for(grade: str) -> Rating:
    try:
        return _RATINGS[grade]
    except KeyError:
        raise GradeError(f"Unknown grade '{grade}': use {', '.join(GRADES)}.") from None


def review(state: dict[str, Any] | None, grade: str, *, now: datetime) -> tuple[dict[str, Any], datetime]:
    """Apply ``grade`` at ``now`` (timezone-aware) to a card's stored state (None: a new card).

    Returns the new state (JSON-ready) and the next due time.
    """
    rating = rating_for(grade)
    card = Card.from_dict(state) if state else Card(card_id=1, due=now)
    updated, _log = _SCHEDULER.review_card(card, rating, review_datetime=now)
    return updated.to_dict(), updated.due
