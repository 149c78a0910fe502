"""How learning feeds the rest of Peoplecraft: its Today action (the next thing on the reading list).

Registered from ``LearningConfig.ready()``; the Today hook belongs to ``core.contributions``.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from peoplecraft.core.contributions import Step, TodayAction, register_today_provider
from peoplecraft.learning import selectors
from peoplecraft.learning.models import ReadingStatus


def today_actions(owner, today: date) -> list[TodayAction]:
    """The reading item to carry on with, or to start; nothing when the list is empty or all read (one query)."""
    item = selectors.reading_next(owner=owner)
    if item is None:
        return []
    started = item.status == ReadingStatus.IN_PROGRESS
    return [
        TodayAction(
            step=Step.LEARN,
            key=f"learning:{'continue' if started else 'start'}-{item.pk}",
            title=(_("Keep reading: %(title)s") if started else _("Next on your reading list: %(title)s"))
            % {"title": item.title},
            detail=_("Twenty minutes of it, then note one thing to try."),
            url=reverse("learning:item", args=[item.pk]),
        )
    ]


def register() -> None:
    register_today_provider("learning", today_actions)
