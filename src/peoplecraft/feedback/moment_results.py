"""Pooled micro-feedback per skill: what the learner may see (reads only).

Each skill's pool goes through the same pure modules as a full request -- one item (the rating,
1..5), one open question (the comment), one group -- so the thresholds, the batches and the guard
against subtraction across releases are the ones :mod:`anonymity` enforces. Only released sets
leave this module; comments are shuffled on every read.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import date

from peoplecraft.feedback import aggregation
from peoplecraft.feedback.anonymity import OTHER
from peoplecraft.feedback.models import MomentPool, MomentRelease, MomentResponse

ITEM = "moment"
QUESTION = "comment"


@dataclass(frozen=True)
class PooledSkill:
    """A skill's released micro-feedback; ``released`` False means nothing may be shown yet."""

    skill_id: int
    skill: str
    released: bool
    release: int = 0
    responses: int = 0  # answers behind the shown numbers (changes only at releases)
    score: float | None = None  # 0-100, like every others' score
    mean: float | None = None  # on the 1..5 scale
    distribution: tuple[int, ...] = ()
    comments: tuple[str, ...] = ()
    released_on: date | None = None


def pooled_skills(*, owner, skill_ids=None) -> list[PooledSkill]:
    """Every pool of ``owner`` (optionally only these skills), in guide order; three queries."""
    pools = MomentPool.objects.filter(owner=owner).select_related("skill__area")
    if skill_ids is not None:
        pools = pools.filter(skill_id__in=list(skill_ids))
    pools = sorted(pools, key=lambda p: (p.skill.area.position, p.skill.position, p.skill_id))
    ids = [pool.pk for pool in pools]
    releases: dict[int, list[MomentRelease]] = {}
    for release in MomentRelease.objects.filter(pool_id__in=ids).order_by("number"):
        releases.setdefault(release.pool_id, []).append(release)
    answers: dict[int, list[aggregation.RaterAnswers]] = {}
    rows = MomentResponse.objects.filter(pool_id__in=ids, batch__isnull=False).values_list(
        "pool_id", "id", "batch", "rating", "comment"
    )
    for pool_id, key, batch, rating, comment in rows:
        answers.setdefault(pool_id, []).append(
            aggregation.RaterAnswers(str(key), OTHER, False, batch, {ITEM: rating}, {QUESTION: comment})
        )
    return [_pooled(pool, answers.get(pool.pk, []), releases.get(pool.pk, [])) for pool in pools]


def _pooled(pool: MomentPool, answers, releases: list[MomentRelease]) -> PooledSkill:
    spec = aggregation.ItemSpec(ITEM, pool.skill.name, 1, 1, 5)
    points = [aggregation.ReleasePoint(r.number, r.thresholds) for r in releases]
    snapshot = aggregation.latest(answers, points, [spec], questions=(QUESTION,))
    if snapshot is None or snapshot.items[0].overall is None:
        return PooledSkill(pool.skill_id, pool.skill.name, released=False)
    overall = snapshot.items[0].overall
    texts = [text for group in snapshot.comments for text in group.texts]
    random.Random(secrets.randbits(64)).shuffle(texts)  # noqa: S311 - display order only
    return PooledSkill(
        pool.skill_id,
        pool.skill.name,
        released=True,
        release=snapshot.number,
        responses=snapshot.responses,
        score=aggregation.keyed_percent(spec, overall.mean),
        mean=overall.mean,
        distribution=overall.distribution,
        comments=tuple(texts),
        released_on=releases[-1].released_on,
    )


def pooled_document(pooled: list[PooledSkill]) -> list[dict]:
    """The JSON form: released aggregates only; a pool below its threshold says only that."""
    return [
        {
            "skill": p.skill,
            "released": p.released,
            "release": p.release,
            "responses_released": p.responses,
            "others": None if p.score is None else round(p.score, 1),
            "mean": None if p.mean is None else round(p.mean, 2),
            "distribution": list(p.distribution),
            "comments": list(p.comments),
            "released_on": p.released_on.isoformat() if p.released_on else None,
        }
        for p in pooled
    ]
