"""Reads for retests: which assessment can be retested and when, its items, agreement, pooled pairs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from peoplecraft.assessment import measurement, retest
from peoplecraft.assessment.instrument import Item
from peoplecraft.assessment.models import Assessment, SkillResult
from peoplecraft.assessment.selectors import assessment_items, assessment_skills, items_in_order, result_precision
from peoplecraft.skillmap.models import Guide


@dataclass(frozen=True)
class RetestOffer:
    """The latest finished assessment that has not been retested, and its retest window."""

    original: Assessment
    opens: datetime
    closes: datetime  # the first moment it is no longer due
    due: bool
    in_progress: Assessment | None  # a retest already started (it can be resumed at any time)

    @property
    def last_day(self) -> datetime:
        """The last moment's day: window dates are shown as opens … last_day."""
        return self.closes - timedelta(days=1)


def retest_offer(*, owner, guide: Guide, now: datetime | None = None) -> RetestOffer | None:
    """What to offer: None when nothing was finished or the latest assessment was already retested."""
    retests = Assessment.objects.filter(retest_of=OuterRef("pk"))  # at most one per original
    original = (
        Assessment.objects.filter(owner=owner, guide=guide, completed_at__isnull=False, retest_of=None)
        .annotate(retest_id=Subquery(retests.values("pk")[:1]), retested=Exists(retests.exclude(completed_at=None)))
        .order_by("-completed_at", "-pk")
        .first()
    )  # one query in the usual case: no retest, or a finished one
    if original is None or original.retested:
        return None
    started = None if original.retest_id is None else Assessment.objects.filter(pk=original.retest_id).first()
    opens, closes = retest.window(original.completed_at)
    due = retest.is_due(original.completed_at, now or timezone.now())
    return RetestOffer(original, opens, closes, due, started)


def retest_items(*, original: Assessment) -> tuple[Item, ...]:
    """The items of ``original`` in the order its retest shows them (the retest's own seed)."""
    skills = assessment_skills(assessment=original)
    items = assessment_items(assessment=original, skills=skills)
    return items_in_order(skills=skills, items=items, seed=retest.seed_for(original.pk, original.order_seed))


@dataclass(frozen=True)
class SkillAgreement:
    skill: str
    first: float | None
    retest: float | None
    difference: float | None
    threshold: float | None  # SDC95 of the two scores
    verdict: str | None  # retest.AGREES / retest.DIFFERS; None when either score is missing


def retest_agreement(*, assessment: Assessment) -> tuple[Assessment, list[SkillAgreement]] | None:
    """For a finished retest: the original and, per skill, whether the two scores agree within error."""
    original = assessment.retest_of
    if original is None or not assessment.is_complete:
        return None
    before = {r.skill_id: r for r in original.results.select_related("skill", "assessment")}
    rows = []
    for result in assessment.results.select_related("skill", "assessment").order_by(
        "skill__area__position", "skill__position", "pk"
    ):
        rows.append(_agreement(result, before.get(result.skill_id)))
    return original, rows


def _agreement(after: SkillResult, before: SkillResult | None) -> SkillAgreement:
    first = None if before is None else before.score
    p1 = None if before is None else result_precision(before)
    p2 = result_precision(after)
    if first is None or after.score is None or p1 is None or p2 is None:
        return SkillAgreement(after.skill.name, first, after.score, None, None, None)
    threshold = measurement.detectable_difference(p1.sem, p2.sem)
    verdict = retest.agreement(first, after.score, threshold)
    return SkillAgreement(after.skill.name, first, after.score, after.score - first, threshold, verdict)


def agreement_document(original: Assessment, rows: Iterable[SkillAgreement]) -> dict:
    """The ``retest`` object of ``assess results --format json``."""
    return {
        "of": {"id": original.pk, "taken_at": original.completed_at.isoformat()},
        "agreement": [
            {
                "skill": row.skill,
                "first": row.first,
                "retest": row.retest,
                "difference": row.difference,
                "threshold": row.threshold,
                "verdict": row.verdict,
            }
            for row in rows
        ],
    }


def retest_owner_ids() -> list[int]:
    """Members who share anonymised scores (the installation pool) and finished a retest."""
    finished = Assessment.objects.filter(
        retest_of__isnull=False,
        completed_at__isnull=False,
        owner__share_anonymised_scores=True,
        owner__is_active=True,
    )
    return sorted(set(finished.values_list("owner_id", flat=True)))


def retest_pairs(user_ids: Iterable[int]) -> dict[str, list[tuple[float, float]]]:
    """Skill name -> (first score, retest score) of every finished retest of these users, both scored.

    Skills are matched across people by name, case-insensitively; names come out sorted.
    """
    retests = Assessment.objects.filter(
        owner_id__in=list(user_ids), retest_of__isnull=False, completed_at__isnull=False
    ).select_related("retest_of")
    originals = {a.retest_of_id: a.pk for a in retests if a.retest_of.completed_at is not None}
    scores: dict[tuple[int, int], float] = {}
    names: dict[int, str] = {}
    results = SkillResult.objects.filter(
        assessment_id__in=[*originals, *originals.values()], score__isnull=False
    ).values_list("assessment_id", "skill_id", "skill__name", "score")
    for assessment_id, skill_id, name, score in results:
        scores[(assessment_id, skill_id)] = score
        names[skill_id] = name
    pairs: dict[str, list[tuple[float, float]]] = {}
    shown: dict[str, str] = {}
    for (assessment_id, skill_id), first in scores.items():
        second = scores.get((originals.get(assessment_id, -1), skill_id))
        if second is not None:
            key = names[skill_id].casefold()
            shown.setdefault(key, names[skill_id])
            pairs.setdefault(key, []).append((first, second))
    return {shown[key]: pairs[key] for key in sorted(pairs)}


def latest_started(*, owner) -> Assessment | None:
    """The latest assessment started in the active guide (not a retest), finished or not, with
    ``retest_id`` and ``retested`` annotated as in :func:`retest_offer`: one query, for Today."""
    retests = Assessment.objects.filter(retest_of=OuterRef("pk"))
    return (
        Assessment.objects.filter(owner=owner, guide__owner=owner, guide__is_active=True, retest_of=None)
        .annotate(retest_id=Subquery(retests.values("pk")[:1]), retested=Exists(retests.exclude(completed_at=None)))
        .order_by("-started_at", "-pk")
        .first()
    )
