"""Pooled micro-feedback per skill: what the learner may see (reads only).

Each skill's pool goes through the same pure modules as a full request -- one item (the rating,
1..5), one open question (the comment), one group -- so the thresholds, the batches and the guard
against subtraction across releases are the ones :mod:`anonymity` enforces. They run once, when
a batch is released (:mod:`releasing`); this module reads the figures stored then. Only released
sets leave this module; comments are shuffled on every read.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import date

from peoplecraft.feedback import aggregation, released
from peoplecraft.feedback.models import MomentPool, ReleasedResult
from peoplecraft.feedback.released import MOMENT_ITEM as ITEM
from peoplecraft.feedback.released import MOMENT_QUESTION as QUESTION  # noqa: F401 - named here for callers
from peoplecraft.feedback.selectors import latest_results, result_rows


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
    """Every pool of ``owner`` (optionally only these skills), in guide order, with the figures stored
    at its latest release; three queries at most, however many answers."""
    pools = MomentPool.objects.filter(owner=owner).select_related("skill__area")
    if skill_ids is not None:
        pools = pools.filter(skill_id__in=list(skill_ids))
    pools = sorted(pools, key=lambda p: (p.skill.area.position, p.skill.position, p.skill_id))
    latest = {}
    if pools:
        stored = ReleasedResult.objects.filter(moment_release__pool_id__in=[pool.pk for pool in pools])
        latest = latest_results(stored, pool=True)
    scores, comments = result_rows([entry[0] for entry in latest.values()])
    found = []
    for pool in pools:
        if pool.pk not in latest:
            found.append(PooledSkill(pool.skill_id, pool.skill.name, released=False))
            continue
        result_id, number, responses, released_on = latest[pool.pk]
        found.append(
            _pooled(pool, number, responses, scores.get(result_id, ()), comments.get(result_id, ()), released_on)
        )
    return found


def _pooled(pool: MomentPool, number: int, responses: int, scores, comments, released_on: date) -> PooledSkill:
    spec = aggregation.ItemSpec(ITEM, pool.skill.name, 1, 1, 5)
    snapshot = released.snapshot_from(number, responses, scores, comments, [spec])
    if snapshot.items[0].overall is None:
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
        released_on=released_on,
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
