"""The results of a completed assessment: per skill, per area, change and focus (reads only)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from peoplecraft.assessment import others_sources, scoring
from peoplecraft.assessment.models import Assessment, SkillResult
from peoplecraft.assessment.selectors import skill_change
from peoplecraft.skillmap.models import Skill


@dataclass(frozen=True)
class SkillRow:
    skill: Skill
    score: float | None
    status: str
    answered: int
    items: int
    change: scoring.Change


@dataclass(frozen=True)
class AreaRow:
    name: str
    number: int | None
    score: float | None
    skills_scored: int
    skills: int


@dataclass(frozen=True)
class FocusRow:
    skill: Skill
    reason: str


@dataclass(frozen=True)
class Results:
    assessment: Assessment
    taken_at: datetime
    skills: tuple[SkillRow, ...]
    areas: tuple[AreaRow, ...]
    focus: tuple[FocusRow, ...]


def assessment_results(*, assessment: Assessment) -> Results:
    """Results of a completed assessment; change is measured against each skill's previous score."""
    results = list(
        assessment.results.select_related("skill__area").order_by("skill__area__position", "skill__position", "pk")
    )
    previous = _previous_scores(assessment, [r.skill_id for r in results])
    rows = tuple(
        SkillRow(
            r.skill,
            r.score,
            r.status,
            r.answered,
            r.items,
            skill_change(r.skill, previous.get(r.skill_id), r.score, instrument_id=assessment.instrument_id),
        )
        for r in results
    )
    return Results(assessment, assessment.completed_at, rows, _areas(rows), _focus(assessment))


def _previous_scores(assessment: Assessment, skill_ids: list[int]) -> dict[int, float]:
    """Skill id -> the score of that skill in the last earlier completed assessment that scored it."""
    earlier = (
        SkillResult.objects.filter(
            skill_id__in=skill_ids,
            score__isnull=False,
            assessment__owner=assessment.owner_id,
            assessment__completed_at__lt=assessment.completed_at,
        )
        .order_by("assessment__completed_at", "pk")
        .values_list("skill_id", "score")
    )
    return dict(earlier)  # later rows overwrite earlier ones: the most recent wins


def _areas(rows: tuple[SkillRow, ...]) -> tuple[AreaRow, ...]:
    grouped: dict[int, list[SkillRow]] = {}
    for row in rows:
        grouped.setdefault(row.skill.area_id, []).append(row)
    areas = []
    for members in grouped.values():
        area = members[0].skill.area
        scored = [row.score for row in members if row.score is not None]
        mean = math.fsum(scored) / len(scored) if scored else None
        areas.append(AreaRow(area.title, area.number, mean, len(scored), len(members)))
    return tuple(areas)


def _focus(assessment: Assessment, count: int = 3) -> tuple[FocusRow, ...]:
    """Focus from every live skill of the guide: latest score up to this assessment, status, priorities."""
    skills = list(
        Skill.objects.filter(area__guide=assessment.guide_id, archived_at=None, area__archived_at=None)
        .select_related("area")
        .order_by("area__position", "position", "pk")
    )
    latest = dict(
        SkillResult.objects.filter(
            skill__in=skills, score__isnull=False, assessment__completed_at__lte=assessment.completed_at
        )
        .order_by("assessment__completed_at", "pk")
        .values_list("skill_id", "score")
    )
    snapshots = [scoring.SkillSnapshot(s.name, s.area.title, s.status, latest.get(s.pk)) for s in skills]
    seen = others_sources.others_scores(assessment.owner, [s.pk for s in skills])
    others = {s.name: seen[s.pk] for s in skills if s.pk in seen}
    chosen = scoring.focus_recommendations(
        snapshots, priorities=assessment.priorities or (), count=count, others=others
    )
    by_name = {skill.name.casefold(): skill for skill in skills}
    return tuple(FocusRow(by_name[f.skill.casefold()], f.reason) for f in chosen)


def results_document(results: Results) -> dict:
    """The JSON document of ``peoplecraft assess results``."""
    return {
        "taken_at": results.taken_at.isoformat(),
        "skills": [_skill_json(row) for row in results.skills],
        "areas": [
            {
                "name": a.name,
                "number": a.number,
                "score": _round(a.score),
                "skills_scored": a.skills_scored,
                "skills": a.skills,
            }
            for a in results.areas
        ],
        "focus": [
            {"name": f.skill.name, "area": f.skill.area.title, "status": f.skill.status, "reason": f.reason}
            for f in results.focus
        ],
    }


def _skill_json(row: SkillRow) -> dict:
    return {
        "name": row.skill.name,
        "area": row.skill.area.title,
        "score": _round(row.score),
        "answered": row.answered,
        "items": row.items,
        "change": _round(row.change.difference),
        "reliable_change": row.change.reliable,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
