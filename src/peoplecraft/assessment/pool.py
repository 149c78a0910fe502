"""Reads over the installation pool: members who opted in to sharing anonymised scores (k >= 20).

Only ``User.share_anonymised_scores`` members enter, only their per-skill answers and scores
(never names, journal entries or drafts), and only in aggregates of at least 20 people:
below that nothing is computed. Others' scores come from released 360 results only
(``feedback.selectors.others_scores``), never from raw rater answers.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from django.core.cache import cache
from django.db.models import Count, Max, Sum
from django.utils import timezone

from peoplecraft.assessment import calibration
from peoplecraft.assessment.instrument import Instrument, SkillReliability
from peoplecraft.assessment.models import Answer, Assessment, SkillResult
from peoplecraft.assessment.response_files import ResponseTable

PRACTICE_WINDOW_DAYS = 90
_SHARING = {"owner__share_anonymised_scores": True, "owner__is_active": True}


def pool_reliability(instrument: Instrument) -> dict[str, SkillReliability]:
    """Skill -> alpha, SD and n pooled over opted-in members' latest assessment on ``instrument``.

    Empty below 20 members; a skill appears only when 20 of them answered all its items. Cached
    per instrument, keyed by the assessments' count, owners and latest completion time.
    """
    assessments = Assessment.objects.filter(instrument_id=instrument.id, completed_at__isnull=False, **_SHARING)
    stamp = assessments.aggregate(
        count=Count("pk"), members=Count("owner", distinct=True), owners=Sum("owner_id"), latest=Max("completed_at")
    )
    if (stamp["members"] or 0) < calibration.POOL_MIN_MEMBERS:
        return {}
    key = ":".join(
        [
            "peoplecraft-pool-reliability",
            instrument.id,
            str(instrument.version),
            str(stamp["count"]),
            str(stamp["owners"]),
            stamp["latest"].isoformat(),
        ]
    )
    found = cache.get(key)
    if found is None:
        found = calibration.pooled_reliabilities(instrument, _latest_answers(instrument, assessments))
        cache.set(key, found, timeout=None)
    return found


def pool_reliability_for(pooled: dict[str, SkillReliability], skill: str) -> SkillReliability | None:
    """One skill's entry of ``pool_reliability()`` (name matched case-insensitively)."""
    wanted = skill.casefold()
    return next((r for s, r in pooled.items() if s.casefold() == wanted), None)


def _latest_answers(instrument: Instrument, assessments) -> ResponseTable:
    """One row per member (their latest completed assessment), one column per item of the bank."""
    latest: dict[int, int] = {}
    for pk, owner_id in assessments.order_by("owner_id", "-completed_at", "-pk").values_list("pk", "owner_id"):
        latest.setdefault(owner_id, pk)
    rows = {pk: index for index, pk in enumerate(latest.values())}
    item_ids = tuple(item.id for item in instrument.items if not item.generic)
    columns = {item_id: index for index, item_id in enumerate(item_ids)}
    values = np.full((len(rows), len(item_ids)), np.nan)
    answers = Answer.objects.filter(assessment_id__in=list(rows), item_id__in=item_ids, value__isnull=False)
    for assessment_id, item_id, value in answers.values_list("assessment_id", "item_id", "value"):
        values[rows[assessment_id], columns[item_id]] = value
    return ResponseTable(item_ids, None, values)


def validity_pairs(*, today: date | None = None) -> dict[str, dict]:
    """Skill name -> {"members", "others": (self, others), "practice": (self, sessions)}, opted-in only.

    Self: the member's latest scored result of the skill. Others: their latest released 360
    score of it. Practice: sessions logged in the 90 days after the latest assessment whose
    90 days are over (a shorter window would undercount), paired with that assessment's score.
    """
    from django.contrib.auth import get_user_model

    from peoplecraft.feedback.selectors import others_scores
    from peoplecraft.practice.models import PracticeEntry

    today = today or timezone.localdate()
    latest, practised = _self_scores(today - timedelta(days=PRACTICE_WINDOW_DAYS))
    pairs: dict[str, dict] = {}
    names: dict[str, str] = {}

    def entry(name: str) -> dict:
        key = names.setdefault(name.casefold(), name)
        return pairs.setdefault(key, {"members": 0, "others": ([], []), "practice": ([], [])})

    for owner in get_user_model().objects.filter(pk__in=list(latest)).order_by("pk"):
        skills = latest[owner.pk]
        others = others_scores(owner=owner, skill_ids=list(skills))
        sessions = list(PracticeEntry.objects.filter(owner=owner).values_list("skill_id", "occurred_on"))
        for skill_id, (name, score) in skills.items():
            found = entry(name)
            found["members"] += 1
            if skill_id in others:
                found["others"][0].append(score)
                found["others"][1].append(others[skill_id].score)
        for skill_id, (name, score, taken_on) in practised.get(owner.pk, {}).items():
            end = taken_on + timedelta(days=PRACTICE_WINDOW_DAYS)
            found = entry(name)
            found["practice"][0].append(score)
            found["practice"][1].append(float(sum(1 for s, on in sessions if s == skill_id and taken_on < on <= end)))
    return pairs


def validity_report(*, today: date | None = None) -> dict:
    """The validity report (``validity.report``) over opted-in members; installed instruments' skills are listed."""
    from peoplecraft.assessment.catalogue import installed_instruments
    from peoplecraft.assessment.validity import report

    public = [skill for instrument in installed_instruments() for skill in instrument.skills()]
    document = report(validity_pairs(today=today), public=public)
    document["practice_window_days"] = PRACTICE_WINDOW_DAYS
    return document


def _self_scores(closed: date) -> tuple[dict, dict]:
    """Per opted-in owner: skill id -> (name, latest score); and -> (name, score, date) with the window over."""
    rows = (
        SkillResult.objects.filter(
            score__isnull=False,
            assessment__completed_at__isnull=False,
            assessment__owner__share_anonymised_scores=True,
            assessment__owner__is_active=True,
        )
        .order_by("assessment__completed_at", "pk")
        .values_list("assessment__owner_id", "skill_id", "skill__name", "score", "assessment__completed_at")
    )
    latest: dict[int, dict[int, tuple[str, float]]] = {}
    practised: dict[int, dict[int, tuple[str, float, date]]] = {}
    for owner_id, skill_id, name, score, completed_at in rows:
        latest.setdefault(owner_id, {})[skill_id] = (name, score)
        taken_on = timezone.localtime(completed_at).date()
        if taken_on <= closed:
            practised.setdefault(owner_id, {})[skill_id] = (name, score, taken_on)
    return latest, practised
