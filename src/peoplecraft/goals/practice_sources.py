"""What counts as practice in the weekly review: a list of source functions other apps can extend.

A source is ``(owner, start, end) -> list[PracticeItem]`` for aware datetimes ``[start, end)``.
The practice app registers its log here (``register_practice_source``); saved writing drafts reach
the review through that log, as practice of Written Communication.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from peoplecraft.core.integrations import ensure_loaded


@dataclass(frozen=True)
class PracticeItem:
    """One practice event. ``skills`` names every skill it practised when there are several
    (a scenario play scores up to five); ``skill`` is then the first of them."""

    kind: str
    title: str
    when: datetime
    skill: str = ""
    skills: tuple[str, ...] = ()

    @property
    def skill_names(self) -> tuple[str, ...]:
        return self.skills or ((self.skill,) if self.skill else ())


PracticeSource = Callable[[object, datetime, datetime], list[PracticeItem]]
_SOURCES: dict[str, PracticeSource] = {}


def register_practice_source(name: str, source: PracticeSource) -> None:
    _SOURCES[name] = source


def practice_between(owner, start: datetime, end: datetime) -> list[PracticeItem]:
    ensure_loaded()
    items = [item for source in _SOURCES.values() for item in source(owner, start, end)]
    return sorted(items, key=lambda item: item.when)


def _skill_status(owner, start: datetime, end: datetime) -> list[PracticeItem]:
    from peoplecraft.skillmap import selectors

    return [
        PracticeItem(
            "skill-status",
            _("%(skill)s: %(old)s → %(new)s")
            % {
                "skill": change.skill.name,
                "old": change.old_status or "-",
                "new": change.new_status,
            },
            change.changed_at,
            change.skill.name,
        )
        for change in selectors.status_changes_between(owner=owner, start=start, end=end)
    ]


def register_builtins() -> None:
    register_practice_source("skill-status", _skill_status)
