"""Every read of assessments that a view, command or template tag needs (prefetched)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from peoplecraft.assessment import measurement
from peoplecraft.assessment.catalogue import instrument_for_skills, instrument_get
from peoplecraft.assessment.instrument import Item
from peoplecraft.assessment.measurement import Precision
from peoplecraft.assessment.models import Answer, Assessment, Scope, SkillResult
from peoplecraft.assessment.questionnaire import questionnaire_items
from peoplecraft.core.ownership import get_owned_or_404
from peoplecraft.skillmap.models import Area, Guide, Skill


@dataclass(frozen=True)
class SkillItems:
    skill: Skill
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Page:
    """One page of the web form: one area with its skills' items."""

    number: int
    area: Area
    skills: tuple[SkillItems, ...]


class ScopeError(ValueError):
    """The scope of a new assessment names no skills of the guide; the message says why."""


def scope_skills(*, guide: Guide, scope: str, area: Area | None = None, skills: Sequence[Skill] = ()) -> list[Skill]:
    """The live skills a new assessment of this scope covers, in guide order."""
    live = Skill.objects.filter(area__guide=guide, archived_at=None, area__archived_at=None)
    if scope == Scope.GUIDE:
        chosen = live
    elif scope == Scope.AREA:
        if area is None or area.guide_id != guide.pk:
            raise ScopeError(_("Choose an area of this guide."))
        chosen = live.filter(area=area)
    elif scope == Scope.SKILLS:
        wanted = {skill.pk for skill in skills}
        chosen = live.filter(pk__in=wanted)
        if not wanted or chosen.count() != len(wanted):
            raise ScopeError(_("Choose one or more skills of this guide."))
    else:
        raise ScopeError(_("Unknown scope %(scope)s; use guide, area or skills.") % {"scope": scope})
    found = list(chosen.select_related("area").order_by("area__position", "position", "pk"))
    if not found:
        raise ScopeError(_("There are no skills to assess here."))
    return found


def scope_items(
    *, guide: Guide, scope: str, area: Area | None = None, skills: Sequence[Skill] = ()
) -> tuple[Item, ...]:
    """The items a new assessment of this scope would ask, in the order it asks them (ScopeError if none)."""
    names = [skill.name for skill in scope_skills(guide=guide, scope=scope, area=area, skills=skills)]
    return questionnaire_items(instrument_for_skills(names), names)


def assessment_get(*, owner, assessment_id: int) -> Assessment:
    return get_owned_or_404(Assessment.objects.select_related("guide", "area"), owner, pk=assessment_id)


def assessment_skills(*, assessment: Assessment) -> list[Skill]:
    """The assessment's skills in guide order."""
    return list(assessment.skills.select_related("area").order_by("area__position", "position", "pk"))


def assessment_items(*, assessment: Assessment, skills: list[Skill] | None = None) -> tuple[Item, ...]:
    skills = assessment_skills(assessment=assessment) if skills is None else skills
    instrument = instrument_get(assessment.instrument_id)
    return questionnaire_items(instrument, [skill.name for skill in skills])


def guide_items(*, guide: Guide) -> tuple[tuple[Item, ...], list[Skill]]:
    """Every item a whole-guide assessment of ``guide`` would ask, and the live skills."""
    skills = list(
        Skill.objects.filter(area__guide=guide, archived_at=None, area__archived_at=None).select_related("area")
    )
    names = [s.name for s in skills]
    return questionnaire_items(instrument_for_skills(names), names), skills


def assessment_pages(*, assessment: Assessment) -> list[Page]:
    """One page per area. A retest shuffles each page's skills and their items (seeded: retest.shuffled)."""
    skills = assessment_skills(assessment=assessment)
    items = assessment_items(assessment=assessment, skills=skills)
    if assessment.retest_of_id is not None:
        from peoplecraft.assessment.retest import shuffled

        items = shuffled(items, assessment.retest_of_id)
        skills = list(shuffled(skills, assessment.retest_of_id, key=lambda skill: skill.name))
    pages: dict[int, list[SkillItems]] = {}
    areas: dict[int, Area] = {}
    for skill in skills:
        wanted = skill.name.casefold()
        areas.setdefault(skill.area_id, skill.area)
        own = tuple(item for item in items if item.skill.casefold() == wanted)
        pages.setdefault(skill.area_id, []).append(SkillItems(skill, own))
    return [Page(n, areas[area_id], tuple(group)) for n, (area_id, group) in enumerate(pages.items(), start=1)]


def answers_get(*, assessment: Assessment) -> dict[str, int | None]:
    return dict(Answer.objects.filter(assessment=assessment).values_list("item_id", "value"))


def assessment_in_progress(*, owner, guide: Guide) -> Assessment | None:
    """The unfinished assessment ``assess take`` resumes (a retest is resumed by ``assess retest``)."""
    unfinished = Assessment.objects.filter(owner=owner, guide=guide, completed_at=None, retest_of=None)
    return unfinished.order_by("-started_at", "-pk").first()


def assessment_latest(*, owner, guide: Guide) -> Assessment | None:
    return (
        Assessment.objects.filter(owner=owner, guide=guide, completed_at__isnull=False)
        .order_by("-completed_at", "-pk")
        .first()
    )


def assessment_list(*, owner, guide: Guide) -> list[Assessment]:
    return list(
        Assessment.objects.filter(owner=owner, guide=guide, completed_at__isnull=False).order_by("-completed_at", "-pk")
    )


def skill_precision(skill_name: str, *, answered: int, items: int, instrument_id: str) -> Precision | None:
    """How precise a skill score is: the instrument's measured reliability, else the prior (measurement.py)."""
    try:
        measured = instrument_get(instrument_id).reliability_for(skill_name)
    except ValueError:  # the instrument is no longer installed
        measured = None
    return measurement.precision_for(measured, answered=answered, items=items)


def result_precision(result: SkillResult) -> Precision | None:
    """The precision of a stored result (None when it has no score)."""
    if result.score is None:
        return None
    return skill_precision(
        result.skill.name, answered=result.answered, items=result.items, instrument_id=result.assessment.instrument_id
    )


@dataclass(frozen=True)
class HistoryPoint:
    assessment_id: int
    taken_at: object
    score: float | None
    status: str
    answered: int
    items: int
    change: measurement.Change
    precision: Precision | None = None

    @property
    def band(self) -> tuple[float, float] | None:
        return None if self.precision is None or self.score is None else self.precision.band(self.score)


def skill_history(*, skill: Skill) -> list[HistoryPoint]:
    """Every completed assessment of ``skill``, oldest first, with the change since the last score."""
    results = (
        SkillResult.objects.filter(skill=skill, assessment__completed_at__isnull=False)
        .select_related("assessment", "skill")
        .order_by("assessment__completed_at", "pk")
    )
    points: list[HistoryPoint] = []
    previous: tuple[float, Precision | None] | None = None
    for result in results:
        precision = result_precision(result)
        before = previous or (None, None)
        change = measurement.change_between(before[0], result.score, before[1], precision)
        points.append(
            HistoryPoint(
                result.assessment_id,
                result.assessment.completed_at,
                result.score,
                result.status,
                result.answered,
                result.items,
                change,
                precision,
            )
        )
        if result.score is not None:
            previous = (result.score, precision)
    return points


def skill_self_score(*, skill: Skill) -> SkillResult | None:
    """The skill's result in its most recent completed assessment."""
    return (
        SkillResult.objects.filter(skill=skill, assessment__completed_at__isnull=False)
        .select_related("assessment")
        .order_by("-assessment__completed_at", "-pk")
        .first()
    )


def self_scores(*, guide: Guide) -> dict[int, float]:
    """Skill id -> latest score (skills never scored are left out), for the skill map."""
    results = (
        SkillResult.objects.filter(
            skill__area__guide=guide, assessment__completed_at__isnull=False, score__isnull=False
        )
        .order_by("assessment__completed_at", "pk")
        .values_list("skill_id", "score")
    )
    return dict(results)


def guide_area(*, guide: Guide, number: int) -> Area | None:
    """A live area of ``guide`` by its number in the note."""
    return Area.objects.filter(guide=guide, number=number, archived_at=None).first()


def results_between(*, owner, start, end) -> list[SkillResult]:
    """Scored skill results of assessments completed in ``[start, end)`` (weekly review), lowest first."""
    results = SkillResult.objects.filter(
        assessment__owner=owner,
        assessment__completed_at__gte=start,
        assessment__completed_at__lt=end,
        score__isnull=False,
    )
    return list(results.select_related("skill", "assessment").order_by("score", "pk"))
