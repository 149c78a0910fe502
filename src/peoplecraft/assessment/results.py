"""The results of a completed assessment: per skill, per area, change and focus (reads only)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from peoplecraft.assessment import measurement, others_sources, retest_selectors, scoring
from peoplecraft.assessment.measurement import Precision
from peoplecraft.assessment.models import Assessment, SkillResult
from peoplecraft.assessment.selectors import latest_self_scores, result_precision
from peoplecraft.skillmap.models import Skill


@dataclass(frozen=True)
class SkillRow:
    skill: Skill
    score: float | None
    status: str
    answered: int
    items: int
    change: measurement.Change
    precision: Precision | None = None

    @property
    def band(self) -> tuple[float, float] | None:
        return None if self.precision is None or self.score is None else self.precision.band(self.score)


@dataclass(frozen=True)
class AreaRow:
    name: str
    number: int | None
    score: float | None
    skills_scored: int
    skills: int
    sem: float | None = None  # of the mean of the scored skills, errors taken as independent

    @property
    def band(self) -> tuple[float, float] | None:
        return measurement.band_around(self.score, self.sem)


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
    # For a finished retest: the original assessment and each skill's agreement (retest_selectors).
    retest: tuple[Assessment, list[retest_selectors.SkillAgreement]] | None = None

    @property
    def reliability_sources(self) -> str:
        """Where the reliabilities behind the bands came from, e.g. "prior" or "measured (n=240)"."""
        return "; ".join(sorted({row.precision.source for row in self.skills if row.precision is not None}))


def assessment_results(*, assessment: Assessment) -> Results:
    """Results of a completed assessment; change is measured against each skill's previous score."""
    results = list(
        assessment.results.select_related("skill__area", "assessment").order_by(
            "skill__area__position", "skill__position", "pk"
        )
    )
    previous = _previous_results(assessment, [r.skill_id for r in results])
    pools: dict = {}  # the installation pool is read once per instrument for the whole page
    rows = tuple(_row(r, previous.get(r.skill_id), pools) for r in results)
    retest = retest_selectors.retest_agreement(assessment=assessment)
    return Results(assessment, assessment.completed_at, rows, _areas(rows), _focus(assessment, pools), retest)


def area_scores(*, assessment: Assessment) -> list[tuple[str, float | None]]:
    """(area title, mean of its scored skills) in note order: the radar chart's inputs, in one query.

    The same arithmetic as :func:`_areas` on the same results, without the precision, change and
    focus work the results page needs, so a cached chart is found without that cost.
    """
    results = assessment.results.select_related("skill__area").order_by(
        "skill__area__position", "skill__position", "pk"
    )
    grouped: dict[int, tuple[str, list[float]]] = {}
    for result in results:
        _title, scores = grouped.setdefault(result.skill.area_id, (result.skill.area.title, []))
        if result.score is not None:
            scores.append(result.score)
    return [(title, math.fsum(scores) / len(scores) if scores else None) for title, scores in grouped.values()]


def _row(result: SkillResult, before: SkillResult | None, pools: dict) -> SkillRow:
    precision = result_precision(result, pools=pools)
    change = measurement.NO_CHANGE
    if before is not None:
        before_precision = result_precision(before, pools=pools)
        change = measurement.change_between(before.score, result.score, before_precision, precision)
    return SkillRow(result.skill, result.score, result.status, result.answered, result.items, change, precision)


def _previous_results(assessment: Assessment, skill_ids: list[int]) -> dict[int, SkillResult]:
    """Skill id -> that skill's result in the last earlier completed assessment that scored it."""
    earlier = (
        SkillResult.objects.filter(
            skill_id__in=skill_ids,
            score__isnull=False,
            assessment__owner=assessment.owner_id,
            assessment__completed_at__lt=assessment.completed_at,
        )
        .select_related("skill", "assessment")
        .order_by("assessment__completed_at", "pk")
    )
    return {result.skill_id: result for result in earlier}  # the most recent wins


def _areas(rows: tuple[SkillRow, ...]) -> tuple[AreaRow, ...]:
    grouped: dict[int, list[SkillRow]] = {}
    for row in rows:
        grouped.setdefault(row.skill.area_id, []).append(row)
    areas = []
    for members in grouped.values():
        area = members[0].skill.area
        scored = [row for row in members if row.score is not None]
        mean = math.fsum(row.score for row in scored) / len(scored) if scored else None  # type: ignore[misc]
        sem = measurement.mean_sem([row.precision.sem for row in scored if row.precision is not None])
        areas.append(AreaRow(area.title, area.number, mean, len(scored), len(members), sem))
    return tuple(areas)


def _focus(assessment: Assessment, pools: dict, count: int = 3) -> tuple[FocusRow, ...]:
    """Focus from every live skill of the guide: self-score up to this assessment, status, priorities."""
    skills = list(
        Skill.objects.filter(area__guide=assessment.guide_id, archived_at=None, area__archived_at=None)
        .select_related("area")
        .order_by("area__position", "position", "pk")
    )
    # Each skill's self-score as it stood when this assessment was finished (the one selector).
    latest = latest_self_scores(assessment.owner_id, assessment.guide, skills=skills, until=assessment.completed_at)
    snapshots = [_snapshot(s, latest.get(s.pk), pools) for s in skills]
    seen = others_sources.others_scores(assessment.owner, [s.pk for s in skills])
    others = {s.name: seen[s.pk] for s in skills if s.pk in seen}
    chosen = scoring.focus_recommendations(
        snapshots, priorities=assessment.priorities or (), count=count, others=others
    )
    by_name = {skill.name.casefold(): skill for skill in skills}
    return tuple(FocusRow(by_name[f.skill.casefold()], f.reason) for f in chosen)


def _snapshot(skill: Skill, result: SkillResult | None, pools: dict) -> scoring.SkillSnapshot:
    precision = None if result is None else result_precision(result, pools=pools)
    score = None if result is None else result.score
    return scoring.SkillSnapshot(skill.name, skill.area.title, skill.status, score, precision and precision.sem)


def results_document(results: Results) -> dict:
    """The JSON document of ``peoplecraft assess results``."""
    return {
        "taken_at": results.taken_at.isoformat(),
        "skills": [_skill_json(row) for row in results.skills],
        "areas": [
            {
                "name": a.name,
                "number": a.number,
                "score": a.score,
                "band": None if a.band is None else list(a.band),
                "sem": a.sem,
                "skills_scored": a.skills_scored,
                "skills": a.skills,
            }
            for a in results.areas
        ],
        "focus": [
            {"name": f.skill.name, "area": f.skill.area.title, "status": f.skill.status, "reason": f.reason}
            for f in results.focus
        ],
        "retest": None if results.retest is None else retest_selectors.agreement_document(*results.retest),
    }


def _skill_json(row: SkillRow) -> dict:
    """Scores unrounded (display rounds half up to whole points, measurement.whole)."""
    return {
        "name": row.skill.name,
        "area": row.skill.area.title,
        **measurement.score_document(row.score, row.precision),
        "answered": row.answered,
        "items": row.items,
        "change": measurement.change_document(row.change),
    }
