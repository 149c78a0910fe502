"""Reads for the writing coach."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Avg, Count, QuerySet, Window
from django.db.models.functions import TruncWeek
from django.utils import timezone

from peoplecraft.core.ownership import get_owned_or_404
from peoplecraft.writing.models import Draft

WRITTEN_COMMUNICATION = "Written Communication"


def draft_list(*, owner, limit: int = 50) -> QuerySet[Draft]:
    return Draft.objects.filter(owner=owner).defer("text")[:limit]


def draft_get(*, owner, draft_id: int) -> Draft:
    return get_owned_or_404(Draft, owner, pk=draft_id)


@dataclass(frozen=True)
class WeekPoint:
    week: date
    drafts: int
    score: float
    grade: float
    passive_rate: float


def writing_trend(*, owner, weeks: int = 52) -> list[WeekPoint]:
    """Weekly averages of saved drafts, oldest first, for the progress chart."""
    since = timezone.now() - timedelta(weeks=weeks)
    rows = (
        Draft.objects.filter(owner=owner, created_at__gte=since)
        .annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(drafts=Count("pk"), score=Avg("score"), grade=Avg("grade"), passive_rate=Avg("passive_rate"))
        .order_by("week")
    )
    return [
        WeekPoint(row["week"].date(), row["drafts"], row["score"], row["grade"], row["passive_rate"]) for row in rows
    ]


@dataclass(frozen=True)
class SkillWriting:
    drafts: int
    latest: Draft | None


def writing_summary(*, owner) -> SkillWriting:
    """How many drafts ``owner`` saved, and the latest (for the progress page)."""
    drafts = Draft.objects.filter(owner=owner).defer("text")
    latest = drafts.annotate(total=Window(Count("pk"))).order_by("-created_at", "-pk").first()  # one query
    return SkillWriting(drafts=latest.total if latest else 0, latest=latest)


def skill_writing_summary(*, skill) -> SkillWriting | None:
    """Drafts saved as practice of ``skill``; None when the writing coach is not about this skill."""
    drafts = Draft.objects.filter(skill=skill).defer("text")
    latest = drafts.annotate(total=Window(Count("pk"))).order_by("-created_at", "-pk").first()  # one query
    if latest is None and skill.name.casefold() != WRITTEN_COMMUNICATION.casefold():
        return None
    return SkillWriting(drafts=latest.total if latest else 0, latest=latest)
