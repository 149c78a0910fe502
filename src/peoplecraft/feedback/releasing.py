"""Releasing a batch, for a request and for a moment pool alike (call inside a transaction).

One function opens the sealed answers in random order, stores them as released answers, numbers
the release, and stores what it makes visible (:class:`ReleasedResult` and its rows) in the same
transaction. Pages read those rows (:mod:`results`, :mod:`moment_results`, :mod:`selectors`); the
anonymity plan runs here, once per release, over every released answer of the request or pool,
so the guard against subtraction across releases sees the whole history exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db import models
from django.utils import timezone

from peoplecraft.feedback import aggregation, released
from peoplecraft.feedback.models import ReleasedComment, ReleasedResult, ReleasedScore
from peoplecraft.feedback.sealed import open_in_random_order


def release_batch(
    *,
    releases: models.Manager,
    parent: dict[str, Any],
    thresholds: dict,
    sealed_rows: Sequence[models.Model],
    purpose: str,
    context: str,
    store_answer: Callable[[models.Model, dict, int], None],
) -> models.Model:
    """Create the next release of ``parent`` (e.g. ``{"request": r}``), store each opened answer
    with ``store_answer(row, answer, number)`` in random order, and delete the sealed rows."""
    last = releases.filter(**parent).order_by("-number").first()
    release = releases.create(
        **parent, number=(last.number + 1) if last else 1, thresholds=thresholds, released_on=timezone.localdate()
    )
    for row, answer in open_in_random_order(sealed_rows, purpose, context):
        store_answer(row, answer, release.number)
    if sealed_rows:
        type(sealed_rows[0]).objects.filter(pk__in=[row.pk for row in sealed_rows]).delete()
    return release


def result_store(snapshot: aggregation.Snapshot, **release) -> ReleasedResult:
    """Store what a release shows (``release=`` or ``moment_release=``), once: the rows never change."""
    result = ReleasedResult.objects.create(responses=snapshot.responses, **release)
    scores, comments = released.rows_from(snapshot)
    ReleasedScore.objects.bulk_create(
        ReleasedScore(
            result=result,
            position=row.position,
            skill=row.skill,
            item=row.item,
            label=row.label,
            attributed=row.attributed,
            n=row.n,
            mean=row.mean,
            percent=row.percent,
            distribution=list(row.distribution),
        )
        for row in scores
    )
    ReleasedComment.objects.bulk_create(
        ReleasedComment(
            result=result,
            position=row.position,
            question=row.question,
            label=row.label,
            attributed=row.attributed,
            texts=list(row.texts),
        )
        for row in comments
    )
    return result


# --- What a release shows, computed from the released answers (here only: pages read the rows) ---


def request_snapshots(feedback_request) -> list[aggregation.Snapshot]:
    """Every release of a request, from its released answers (the anonymity plan runs here)."""
    from peoplecraft.feedback.models import RaterResponse, Release
    from peoplecraft.feedback.selectors import request_items

    specs = [released.item_spec(item) for item in request_items(feedback_request=feedback_request)]
    points = [
        aggregation.ReleasePoint(number, thresholds)
        for number, thresholds in Release.objects.filter(request=feedback_request).values_list("number", "thresholds")
    ]
    rows = RaterResponse.objects.filter(request=feedback_request, batch__isnull=False).values_list(
        "id", "group", "attributed", "batch", "ratings", "comments"
    )
    answers = [aggregation.RaterAnswers(str(key), g, a, b, r, c) for key, g, a, b, r, c in rows]
    return aggregation.snapshots(answers, points, specs)


def pool_snapshots(pool) -> list[aggregation.Snapshot]:
    """Every release of a moment pool, from its released answers (one item, one question, one group)."""
    from peoplecraft.feedback.anonymity import OTHER
    from peoplecraft.feedback.models import MomentRelease, MomentResponse

    spec = aggregation.ItemSpec(released.MOMENT_ITEM, pool.skill.name, 1, 1, 5)
    points = [
        aggregation.ReleasePoint(number, thresholds)
        for number, thresholds in MomentRelease.objects.filter(pool=pool).values_list("number", "thresholds")
    ]
    rows = MomentResponse.objects.filter(pool=pool, batch__isnull=False).values_list("id", "batch", "rating", "comment")
    answers = [
        aggregation.RaterAnswers(
            str(key), OTHER, False, batch, {released.MOMENT_ITEM: rating}, {released.MOMENT_QUESTION: comment}
        )
        for key, batch, rating, comment in rows
    ]
    return aggregation.snapshots(answers, points, [spec], questions=(released.MOMENT_QUESTION,))
