"""Released figures as stored rows and back. Pure module (no Django).

A release's :class:`aggregation.Snapshot` is computed once, when the batch is released, and stored
as rows (``ReleasedScore``, ``ReleasedComment``): only the sets :mod:`anonymity` admitted, so a
held-back label has no row at all. Reading turns the rows back into a snapshot, adding the
learner's self side, which is theirs to change and never part of what raters released.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from peoplecraft.feedback import aggregation
from peoplecraft.feedback.anonymity import ALL

MOMENT_ITEM = "moment"  # a moment pool is one item (the rating, 1..5) ...
MOMENT_QUESTION = "comment"  # ... and one open question, in one group


def item_spec(item) -> aggregation.ItemSpec:
    """The aggregation's view of an instrument item (``assessment.instrument.Item``)."""
    return aggregation.ItemSpec(item.id, item.skill, item.key, item.scale.min, item.scale.max)


@dataclass(frozen=True)
class ScoreRow:
    position: int
    skill: str
    item: str
    label: str
    attributed: bool
    n: int
    mean: float
    percent: float
    distribution: tuple[int, ...]


@dataclass(frozen=True)
class CommentRow:
    position: int
    question: str
    label: str
    attributed: bool
    texts: tuple[str, ...]


def rows_from(snapshot: aggregation.Snapshot) -> tuple[list[ScoreRow], list[CommentRow]]:
    """The rows to store for a snapshot: each item's shown groups, then its overall; each comment group."""
    scores: list[ScoreRow] = []
    for result in snapshot.items:
        stats = [*result.groups, *([result.overall] if result.overall is not None else [])]
        for stat in stats:
            scores.append(
                ScoreRow(
                    len(scores),
                    result.item.skill,
                    result.item.id,
                    stat.label,
                    stat.attributed,
                    stat.n,
                    stat.mean,
                    aggregation.keyed_percent(result.item, stat.mean),
                    tuple(stat.distribution),
                )
            )
    comments = [
        CommentRow(position, group.question, group.label, group.attributed, tuple(group.texts))
        for position, group in enumerate(snapshot.comments)
    ]
    return scores, comments


def snapshot_from(
    number: int,
    responses: int,
    scores: Iterable[ScoreRow],
    comments: Iterable[CommentRow],
    items: Sequence[aggregation.ItemSpec],
    self_scores: Mapping[str, float | None] | None = None,
    margins: Mapping[str, float] | None = None,
) -> aggregation.Snapshot:
    """The snapshot stored rows describe, for ``items`` (an item without rows showed nothing)."""
    by_item: dict[str, list[ScoreRow]] = {}
    for row in sorted(scores, key=lambda r: r.position):
        by_item.setdefault(row.item, []).append(row)
    results = []
    for item in items:
        rows = by_item.get(item.id, [])
        groups = tuple(_stat(row) for row in rows if row.label != ALL)
        overall = next((_stat(row) for row in rows if row.label == ALL), None)
        results.append(aggregation.ItemResult(item, groups, overall))
    comment_groups = tuple(
        aggregation.CommentGroup(row.question, row.label, row.attributed, tuple(row.texts))
        for row in sorted(comments, key=lambda r: r.position)
    )
    skills = aggregation.skill_summaries(results, self_scores or {}, margins or {})
    return aggregation.Snapshot(number, responses, tuple(results), comment_groups, skills)


def _stat(row: ScoreRow) -> aggregation.GroupStat:
    return aggregation.GroupStat(row.label, row.attributed, row.n, row.mean, tuple(row.distribution))


def others_by_skill(rows: Iterable[tuple[object, float]]) -> dict:
    """Skill (name or id) -> others' score from (skill, percent) of the ``all`` rows: the mean over
    its items, as :func:`aggregation.skill_summaries` computes it."""
    found: dict[object, list[float]] = {}
    for skill, percent in rows:
        found.setdefault(skill, []).append(percent)
    return {skill: math.fsum(values) / len(values) for skill, values in found.items()}
