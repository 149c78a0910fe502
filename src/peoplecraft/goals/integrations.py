"""How goals and the weekly review feed the rest of Peoplecraft: their Today actions.

Registered from ``GoalsConfig.ready()``; the Today hook belongs to ``core.contributions``.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from peoplecraft.core.contributions import Step, TodayAction, Urgency, register_today_provider
from peoplecraft.goals import selectors

DUE_WITHIN_DAYS = 7
REVIEW_FROM_WEEKDAY = 4  # Friday: the week has mostly happened


def today_actions(owner, today: date) -> list[TodayAction]:
    """The active goal due soonest (within a week, or overdue), and the weekly review at the end of the week."""
    actions = []
    goal = selectors.goal_due_first(owner=owner)
    if goal is not None and goal.due_date <= today + timedelta(days=DUE_WITHIN_DAYS):
        actions.append(
            TodayAction(
                step=Step.REFLECT,
                key=f"goals:due-{goal.pk}",
                title=_("Goal due %(when)s: %(title)s") % {"when": _when(goal.due_date, today), "title": goal.title},
                detail=_("Check in: how far along is it, and what is the next step?"),
                url=reverse("goals:goal", args=[goal.pk]),
                urgency=Urgency.DEADLINE,
                due=goal.due_date,
            )
        )
    if _review_ready(owner, today, has_goals=goal is not None):
        actions.append(
            TodayAction(
                step=Step.REFLECT,
                key=f"goals:review-{(today - timedelta(days=today.weekday())).isoformat()}",
                title=_("Weekly review is ready"),
                detail=_("What you practised this week, how it felt, and one focus for next week."),
                url=reverse("goals:review"),
            )
        )
    return actions


def _when(day: date, today: date) -> str:
    days = (day - today).days
    if days < 0:
        return _("%(day)s (overdue)") % {"day": formats.date_format(day, "j F")}
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    return formats.date_format(day, "l")


def _review_ready(owner, today: date, *, has_goals: bool) -> bool:
    """From Friday, until something is written in the journal, for a learner with active goals or
    journal entries earlier in the week (one query, at the end of the week only)."""
    from peoplecraft.journal import selectors as journal_selectors

    if today.weekday() < REVIEW_FROM_WEEKDAY:
        return False
    monday = today - timedelta(days=today.weekday())
    friday = monday + timedelta(days=REVIEW_FROM_WEEKDAY)
    before, since = journal_selectors.entries_before_and_since(owner=owner, start=monday, since=friday, end=today)
    return not since and bool(before or has_goals)


def register() -> None:
    register_today_provider("goals", today_actions)
