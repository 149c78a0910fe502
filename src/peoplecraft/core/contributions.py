"""The typed seam through which apps offer contributions to each other (issue 11).

An app offers what it knows through a *hook* owned here, never by reaching into another app: it
writes a provider in its own ``integrations.py`` and registers it from the registrar its
``AppConfig.ready()`` names with ``core.integrations.defer``. The first hook is **Today**: the
next actions across the five steps of the method, shown at ``/`` and by ``peoplecraft today``.

A Today provider is ``(owner, today) -> list[TodayAction]`` and must be cheap: a few bounded
queries whatever the size of the learner's data (the home page is held to the query budget).
It returns an action only when there is something to do, so a step with nothing to do never shows.

The older registries (journal prompt sources, weekly-review practice and feedback sources,
others' scores) are meant to move here, one hook each, with the same shape.

Pure: no Django import (providers may use Django; this module only holds them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import IntEnum, StrEnum
from typing import Any

from peoplecraft.core.integrations import ensure_loaded


class Step(StrEnum):
    """The five steps of the method, in their order."""

    ASSESS = "assess"
    LEARN = "learn"
    PRACTICE = "practice"
    FEEDBACK = "feedback"
    REFLECT = "reflect"


STEP_ORDER = {step: index for index, step in enumerate(Step)}


class Urgency(IntEnum):
    """How pressing an action is; lower comes first."""

    DEADLINE = 0  # something closes on a date (a 360 deadline, a goal's due date)
    DUE = 1  # something is due now (cards, a retest, an unfinished assessment)
    PLANNED = 2  # planned for today (a practice session)
    SUGGESTED = 3  # worth doing when there is time (a review, a prompt, the next read)


@dataclass(frozen=True)
class TodayAction:
    """One thing to do now, one click away (``url``). ``key`` is stable while the data stays the same."""

    step: Step
    key: str  # "<app>:<what>[-<id>]"
    title: str
    detail: str
    url: str
    urgency: Urgency = Urgency.SUGGESTED
    due: date | None = None  # the day it closes or is due, when there is one

    @property
    def sort_key(self) -> tuple:
        """Urgency first, then the nearest date, then the method's order of steps."""
        return (self.urgency, self.due or date.max, STEP_ORDER[self.step], self.key)


TodayProvider = Callable[[Any, date], list[TodayAction]]
_TODAY: dict[str, TodayProvider] = {}


def register_today_provider(name: str, provider: TodayProvider) -> None:
    """Offer ``provider``'s actions on the Today page; ``name`` is the registering app's label."""
    _TODAY[name] = provider


def today_actions(owner, today: date) -> list[TodayAction]:
    """Every registered provider's actions for ``owner``, most pressing first."""
    ensure_loaded()
    return sorted((action for provider in _TODAY.values() for action in provider(owner, today)), key=_sort)


def _sort(action: TodayAction) -> tuple:
    return action.sort_key


def pick(actions: list[TodayAction], limit: int = 3) -> list[TodayAction]:
    """The ``limit`` most pressing actions, the best of each step first so one step does not fill the list."""
    firsts: dict[Step, TodayAction] = {}
    for action in actions:
        firsts.setdefault(action.step, action)
    chosen = sorted(firsts.values(), key=_sort)[:limit]
    rest = [action for action in actions if action not in chosen]
    return sorted(chosen + rest[: limit - len(chosen)], key=_sort)
