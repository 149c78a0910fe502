"""Today: the one to three next actions across the five steps of the method (the home page, ``peoplecraft today``).

The actions come from every app's Today provider through ``core.contributions``; this module only
picks, ranks and describes them. With nothing to do it says so, and points a learner without a
skill note to importing one (the first step).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from peoplecraft.core.contributions import TodayAction, pick, today_actions

MAX_ACTIONS = 3


@dataclass(frozen=True)
class Today:
    day: date
    actions: list[TodayAction]
    has_guide: bool = True  # only looked up when there is nothing to do (the empty state)


def today_get(*, owner, day: date | None = None, limit: int = MAX_ACTIONS) -> Today:
    day = day or timezone.localdate()
    actions = pick(today_actions(owner, day), limit)
    if actions:
        return Today(day, actions)
    from peoplecraft.skillmap.selectors import guide_active

    return Today(day, [], has_guide=guide_active(owner=owner) is not None)


def today_document(today: Today) -> dict:
    """The JSON document of ``peoplecraft today --format json``."""
    return {
        "date": today.day.isoformat(),
        "actions": [
            {
                "step": str(action.step),
                "key": action.key,
                "title": action.title,
                "detail": action.detail,
                "url": action.url,
                "urgency": action.urgency.name.lower(),
                "due": action.due.isoformat() if action.due else None,
            }
            for action in today.actions
        ],
        "has_guide": today.has_guide,
    }
