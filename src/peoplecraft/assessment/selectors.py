"""Every read of assessments that a view, command or template tag needs (prefetched)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from peoplecraft.assessment import measurement
from peoplecraft.assessment.catalogue import instrument_for_skills, instrument_get
from peoplecraft.assessment.instrument import Item
from peoplecraft.assessment.measurement import Precision
from peoplecraft.assessment.models import Answer, Assessment, Scope, SkillResult
from peoplecraft.assessment.questionnaire import presentation_order, questionnaire_items
from peoplecraft.core.ownership import get_owned_or_404
from peoplecraft.skillmap.models import Area, Guide, Skill


@dataclass(frozen=True)
class SkillItems:
    skill: Skill
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Page:
    """One page of the web form: one area with its skills' items, and those items in the
    assessment's shuffled presentation order (the order the web and the command line show)."""

    number: int
    area: Area
    skills: tuple[SkillItems, ...]
    items: tuple[Item, ...] = ()


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
    """One page per area, its items in the assessment's own seeded order (a retest gets a new seed)."""
    skills = assessment_skills(assessment=assessment)
    items = assessment_items(assessment=assessment, skills=skills)
    return _pages(skills, items, assessment.order_seed)


def presented_items(*, assessment: Assessment) -> tuple[Item, ...]:
    """The assessment's items in the order it shows them: area by area, shuffled within each."""
    return tuple(item for page in assessment_pages(assessment=assessment) for item in page.items)


def scope_presented_items(
    *, guide: Guide, scope: str, seed: int, area: Area | None = None, skills: Sequence[Skill] = ()
) -> tuple[Item, ...]:
    """The items a new assessment of this scope would show, in the order ``seed`` gives (ScopeError if none)."""
    chosen = scope_skills(guide=guide, scope=scope, area=area, skills=skills)
    names = [skill.name for skill in chosen]
    items = questionnaire_items(instrument_for_skills(names), names)
    return tuple(item for page in _pages(chosen, items, seed) for item in page.items)


def items_in_order(*, skills: list[Skill], items: Sequence[Item], seed: int) -> tuple[Item, ...]:
    """``items`` as an assessment with this ``seed`` presents them: area by area, shuffled within each."""
    return tuple(item for page in _pages(skills, items, seed) for item in page.items)


def _pages(skills: list[Skill], items: Sequence[Item], seed: int) -> list[Page]:
    pages: dict[int, list[SkillItems]] = {}
    areas: dict[int, Area] = {}
    for skill in skills:
        wanted = skill.name.casefold()
        areas.setdefault(skill.area_id, skill.area)
        own = tuple(item for item in items if item.skill.casefold() == wanted)
        pages.setdefault(skill.area_id, []).append(SkillItems(skill, own))
    return [
        Page(n, areas[area_id], tuple(group), presentation_order([i for g in group for i in g.items], seed))
        for n, (area_id, group) in enumerate(pages.items(), start=1)
    ]


def answers_get(*, assessment: Assessment, items: Sequence[Item] | None = None) -> dict[str, int | None]:
    """Stored answers (item id -> value). With ``items``, only the answers to those items: an
    assessment started before an item was retired keeps its old answer in the database, but it is
    never shown or scored against the statement that replaced it (see docs/assessment.md)."""
    answers = dict(Answer.objects.filter(assessment=assessment).values_list("item_id", "value"))
    if items is None:
        return answers
    wanted = {item.id for item in items}
    return {item_id: value for item_id, value in answers.items() if item_id in wanted}


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
    """Completed assessments, newest first, with their area and skills (in note order) so the
    history can name what each one covered."""
    skills = Prefetch(
        "skills", queryset=Skill.objects.select_related("area").order_by("area__position", "position", "pk")
    )
    return list(
        Assessment.objects.filter(owner=owner, guide=guide, completed_at__isnull=False)
        .select_related("area")
        .prefetch_related(skills)
        .order_by("-completed_at", "-pk")
    )


def skill_precision(
    skill_name: str, *, answered: int, items: int, instrument_id: str, pools: dict | None = None
) -> Precision | None:
    """How precise a skill score is: the instrument's measured reliability, else the installation
    pool's (opted-in members, k >= 20), else the prior (measurement.py).

    ``pools`` (instrument id -> pooled values), when given, is filled once per instrument, so a
    page of many scores asks the database about the pool once.
    """
    try:
        instrument = instrument_get(instrument_id)
    except ValueError:  # the instrument is no longer installed
        return measurement.precision_for(None, answered=answered, items=items)
    measured = instrument.reliability_for(skill_name)
    pooled = None
    if measured is not None:
        pass
    elif pools is None:
        pooled = pool_reliability_for(pool_reliability(instrument), skill_name)
    else:
        if instrument.id not in pools:
            pools[instrument.id] = pool_reliability(instrument)
        pooled = pool_reliability_for(pools[instrument.id], skill_name)
    return measurement.precision_for(measured, answered=answered, items=items, pool=pooled)


# The installation pool (opted-in members' aggregates) needs numpy, which costs every command ~60 ms to
# import: these read it only when a score is shown.
def pool_reliability(instrument):
    from peoplecraft.assessment import pool

    return pool.pool_reliability(instrument)


def pool_reliability_for(pooled, skill_name: str):
    from peoplecraft.assessment import pool

    return pool.pool_reliability_for(pooled, skill_name)


def validity_report():
    from peoplecraft.assessment import pool

    return pool.validity_report()


def result_precision(result: SkillResult, *, pools: dict | None = None) -> Precision | None:
    """The precision of a stored result (None when it has no score)."""
    if result.score is None:
        return None
    return skill_precision(
        result.skill.name,
        answered=result.answered,
        items=result.items,
        instrument_id=result.assessment.instrument_id,
        pools=pools,
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
    pools: dict = {}
    for result in results:
        precision = result_precision(result, pools=pools)
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


def latest_self_scores(
    owner, guide: Guide | QuerySet[Guide], *, skills: Sequence[Skill] | None = None, until=None
) -> dict[int, SkillResult]:
    """Skill id -> the result that is the skill's self-score: the ONE source of a self-score.

    A skill's self-score comes from its latest answers across ``owner``'s completed assessments of
    ``guide``: its result in the most recent assessment that scored it, whatever that assessment's
    scope (a skill measured in an older assessment and not in the latest one keeps its score). A
    later attempt with too few answers does not erase a score; a skill never scored gets its latest
    "not enough answers" result (``score`` None). Skills never assessed are left out. ``skills``
    narrows the read; ``until`` ignores assessments completed after it (results of an older
    assessment). One query; the results carry ``skill__area`` and ``assessment``. ``guide`` may be a
    queryset of (at most one) guide, read in the same query.
    """
    in_guide = Q(skill__area__guide__in=guide) if isinstance(guide, QuerySet) else Q(skill__area__guide=guide)
    results = SkillResult.objects.filter(in_guide, assessment__owner=owner, assessment__completed_at__isnull=False)
    if skills is not None:
        results = results.filter(skill__in=list(skills))
    if until is not None:
        results = results.filter(assessment__completed_at__lte=until)
    scored: dict[int, SkillResult] = {}
    unscored: dict[int, SkillResult] = {}
    for result in results.select_related("skill__area", "assessment").order_by("assessment__completed_at", "pk"):
        (unscored if result.score is None else scored)[result.skill_id] = result  # the most recent wins
    return {**unscored, **scored}


def latest_self_answers(owner, guide: Guide, items: Sequence[Item]) -> dict[str, int | None]:
    """Item id -> the answer behind its skill's self-score (:func:`latest_self_scores`).

    Each skill's answers come from the assessment that gives that skill its self-score, so the
    360 self column and the skill map read the same answers. Items of skills never assessed, and
    items that assessment did not answer, are left out.
    """
    by_name = {
        result.skill.name.casefold(): result.assessment_id for result in latest_self_scores(owner, guide).values()
    }
    wanted: dict[int, list[str]] = {}
    for item in items:
        assessment_id = by_name.get(item.skill.casefold())
        if assessment_id is not None:
            wanted.setdefault(assessment_id, []).append(item.id)
    found: dict[str, int | None] = {}
    for assessment_id, item_ids in wanted.items():
        rows = Answer.objects.filter(assessment_id=assessment_id, item_id__in=item_ids).values_list("item_id", "value")
        found.update(rows)
    return found


def skill_self_score(*, skill: Skill) -> SkillResult | None:
    """The skill's self-score (:func:`latest_self_scores`), for the skill's page."""
    guide = skill.area.guide
    return latest_self_scores(guide.owner_id, guide, skills=[skill]).get(skill.pk)


def self_scores(*, guide: Guide) -> dict[int, float]:
    """Skill id -> self-score (:func:`latest_self_scores`; skills never scored are left out), for the skill map."""
    found = latest_self_scores(guide.owner_id, guide)
    return {skill_id: result.score for skill_id, result in found.items() if result.score is not None}


def self_score_rows(owner, guide: Guide | QuerySet[Guide]) -> list[tuple[Skill, float]]:
    """(skill, self-score) of every scored live skill of ``guide``, in note order
    (:func:`latest_self_scores`): the progress page's average and its chart read this one list."""
    found = latest_self_scores(owner, guide)
    rows = [
        (result.skill, result.score)
        for result in found.values()
        if result.score is not None and result.skill.archived_at is None and result.skill.area.archived_at is None
    ]
    return sorted(rows, key=lambda row: (row[0].area.position, row[0].position, row[0].pk))


def active_guide_self_scores(*, owner) -> list[tuple[Skill, float]]:
    """(skill, self-score) of every scored live skill in ``owner``'s active guide (:func:`self_score_rows`)."""
    return self_score_rows(owner, Guide.objects.filter(owner=owner, is_active=True))  # one query in all


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
