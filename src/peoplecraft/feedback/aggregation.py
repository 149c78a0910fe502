"""Released 360° results: what the learner may see, computed from stored responses. Pure module.

Plain values in (responses with their release batch, the releases with the thresholds in force),
frozen dataclasses out. Every number comes from the sets that :mod:`anonymity` admits, so no
combination of shown numbers -- in one release or across all of them -- isolates a rater or a group
below its threshold. Nothing here knows who a rater is: responses are opaque keys.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from peoplecraft.feedback.anonymity import ALL, GROUPS, OTHERS, CellGuard, Member, Revealed, guard_plan, plan_cell

QUESTIONS = ("keep", "start", "stop")
# Points on the 0-100 scale: a smaller difference between self and others is agreement. Only the
# fallback: results pass each skill's detectable difference (measurement error of the self-score,
# assessment/measurement.py), the rule focus recommendations use too.
GAP = 10.0
STRENGTH = 60.0  # a skill is a strength when self and others together average at least this
BLIND_SPOT, HIDDEN_STRENGTH = "blind_spot", "hidden_strength"
AGREED_STRENGTH, AGREED_GROWTH = "agreed_strength", "agreed_growth"


@dataclass(frozen=True)
class ItemSpec:
    id: str
    skill: str
    key: int  # +1, or -1 for reverse-keyed items
    low: int
    high: int


@dataclass(frozen=True)
class RaterAnswers:
    """One stored response: an opaque key, the rater's group, the release it was frozen in."""

    key: str
    group: str
    attributed: bool
    batch: int | None  # None: received after the last release (pending)
    ratings: Mapping[str, int | None]  # item id -> scale point, None for "don't know"
    comments: Mapping[str, str]  # question -> text


@dataclass(frozen=True)
class ReleasePoint:
    number: int
    thresholds: Mapping[str, int]


@dataclass(frozen=True)
class GroupStat:
    label: str
    attributed: bool
    n: int
    mean: float
    distribution: tuple[int, ...]  # answers per scale point, low..high


@dataclass(frozen=True)
class ItemResult:
    item: ItemSpec
    groups: tuple[GroupStat, ...]
    overall: GroupStat | None  # every shown answer together, when there are enough of them


@dataclass(frozen=True)
class CommentGroup:
    question: str
    label: str
    attributed: bool
    texts: tuple[str, ...]  # sorted: never the order they were written in


@dataclass(frozen=True)
class SkillSummary:
    skill: str
    self_score: float | None
    others_score: float | None
    by_label: tuple[tuple[str, float], ...]
    gap: float | None  # others - self
    johari: str | None


@dataclass(frozen=True)
class Snapshot:
    number: int
    responses: int  # responses behind at least one shown number or comment
    items: tuple[ItemResult, ...]
    comments: tuple[CommentGroup, ...]
    skills: tuple[SkillSummary, ...]


def release_step(thresholds: Mapping[str, int]) -> int:
    """Releases come in steps of at least the smallest anonymous threshold."""
    return min(thresholds[group] for group in GROUPS)


def release_due(*, pending_anonymous: int, pending: int, thresholds: Mapping[str, int], closing: bool) -> bool:
    """Whether the pending responses form the next release (always, when the request closes)."""
    if closing:
        return pending > 0
    return pending_anonymous >= release_step(thresholds)


def snapshots(
    responses: Sequence[RaterAnswers],
    releases: Sequence[ReleasePoint],
    items: Sequence[ItemSpec],
    self_scores: Mapping[str, float | None] | None = None,
    questions: Sequence[str] = QUESTIONS,
    margins: Mapping[str, float] | None = None,
) -> list[Snapshot]:
    """Every release of a request, oldest first; the learner sees the last one.

    ``questions`` names the open questions (micro-feedback has a single ``comment``). ``margins``
    gives, per skill, the smallest self-others gap that is not measurement error (default ``GAP``).
    """
    guards: dict[str, CellGuard] = {}
    result = []
    for release in sorted(releases, key=lambda r: r.number):
        visible = [r for r in responses if r.batch is not None and r.batch <= release.number]
        result.append(_snapshot(visible, release, items, guards, self_scores or {}, questions, margins or {}))
    return result


def latest(
    responses: Sequence[RaterAnswers],
    releases: Sequence[ReleasePoint],
    items: Sequence[ItemSpec],
    self_scores: Mapping[str, float | None] | None = None,
    questions: Sequence[str] = QUESTIONS,
    margins: Mapping[str, float] | None = None,
) -> Snapshot | None:
    history = snapshots(responses, releases, items, self_scores, questions, margins)
    return history[-1] if history else None


def revealed_history(
    responses: Sequence[RaterAnswers], releases: Sequence[ReleasePoint], cells: Iterable[str]
) -> dict[str, list[list[Revealed]]]:
    """Cell -> the sets shown in each release (for audits and tests; never shown to anyone)."""
    guards: dict[str, CellGuard] = {}
    history: dict[str, list[list[Revealed]]] = {cell: [] for cell in cells}
    for release in sorted(releases, key=lambda r: r.number):
        visible = [r for r in responses if r.batch is not None and r.batch <= release.number]
        for cell in history:
            history[cell].append(_cell_sets(cell, visible, release.thresholds, guards))
    return history


def _members(cell: str, visible: Iterable[RaterAnswers]) -> list[Member]:
    if cell.startswith("comment:"):
        question = cell.removeprefix("comment:")
        return [Member(r.key, r.group, r.attributed) for r in visible if r.comments.get(question, "").strip()]
    return [Member(r.key, r.group, r.attributed) for r in visible if r.ratings.get(cell) is not None]


def _cell_sets(
    cell: str, visible: Sequence[RaterAnswers], thresholds: Mapping[str, int], guards: dict[str, CellGuard]
) -> list[Revealed]:
    comments = cell.startswith("comment:")
    plan = plan_cell(_members(cell, visible), thresholds, comments=comments)
    return guard_plan(guards.setdefault(cell, CellGuard()), plan, thresholds, comments=comments)


def _snapshot(visible, release, items, guards, self_scores, questions, margins) -> Snapshot:
    by_key = {r.key: r for r in visible}
    shown_keys: set[str] = set()
    item_results = []
    for item in items:
        sets = _cell_sets(item.id, visible, release.thresholds, guards)
        groups = tuple(_stat(s.label, s.attributed, s.members, item, by_key) for s in _ordered(sets))
        everyone = frozenset().union(*(s.members for s in sets)) if sets else frozenset()
        overall = _stat(ALL, False, everyone, item, by_key) if len(everyone) >= release.thresholds[ALL] else None
        item_results.append(ItemResult(item, groups, overall))
        shown_keys |= everyone
    comment_groups = []
    for question in questions:
        for s in _ordered(_cell_sets(f"comment:{question}", visible, release.thresholds, guards)):
            texts = tuple(sorted(by_key[key].comments[question].strip() for key in s.members))
            comment_groups.append(CommentGroup(question, s.label, s.attributed, texts))
            shown_keys |= s.members
    skills = _skills(item_results, self_scores, margins)
    return Snapshot(release.number, len(shown_keys), tuple(item_results), tuple(comment_groups), skills)


_LABEL_ORDER = {label: index for index, label in enumerate((*GROUPS, OTHERS))}


def _ordered(sets: list[Revealed]) -> list[Revealed]:
    return sorted(sets, key=lambda s: _LABEL_ORDER.get(s.label, len(_LABEL_ORDER)))


def _stat(label: str, attributed: bool, keys: frozenset[str], item: ItemSpec, by_key) -> GroupStat:
    item_id = item.id
    values = [by_key[key].ratings[item_id] for key in keys]
    counts = tuple(values.count(point) for point in range(item.low, item.high + 1))
    return GroupStat(label, attributed, len(values), sum(values) / len(values), counts)


def keyed_percent(item: ItemSpec, mean: float) -> float:
    """A mean on the item's scale as 0-100, reverse-keyed items turned round (as in self-scores)."""
    keyed = mean if item.key == 1 else item.low + item.high - mean
    return 100.0 * (keyed - item.low) / (item.high - item.low)


def skill_summaries(
    results: Sequence[ItemResult], self_scores: Mapping[str, float | None], margins: Mapping[str, float]
) -> tuple[SkillSummary, ...]:
    """Per skill: others' score from the items' overalls, each label's score, and self versus others.

    Reads only the shown sets in ``results``: stored released figures give the same summaries as
    the release computed them with (the self side is the learner's current answers)."""
    return _skills(results, self_scores, margins)


def _skills(
    results: Sequence[ItemResult], self_scores: Mapping[str, float | None], margins: Mapping[str, float]
) -> tuple[SkillSummary, ...]:
    by_skill: dict[str, list[ItemResult]] = {}
    for result in results:
        by_skill.setdefault(result.item.skill, []).append(result)
    summaries = []
    for skill, skill_results in by_skill.items():
        overall = [keyed_percent(r.item, r.overall.mean) for r in skill_results if r.overall is not None]
        others = math.fsum(overall) / len(overall) if overall else None
        labels: dict[str, list[float]] = {}
        for r in skill_results:
            for stat in r.groups:
                labels.setdefault(stat.label, []).append(keyed_percent(r.item, stat.mean))
        by_label = tuple((label, math.fsum(v) / len(v)) for label, v in labels.items())
        own = self_scores.get(skill)
        gap = None if own is None or others is None else others - own
        summaries.append(SkillSummary(skill, own, others, by_label, gap, johari(own, others, margins.get(skill, GAP))))
    return tuple(summaries)


def johari(self_score: float | None, others_score: float | None, margin: float = GAP) -> str | None:
    """Where a skill falls when self and others are compared (docs/feedback.md has the rule).

    A gap counts only beyond ``margin`` (the detectable difference); within it, self and others agree.
    """
    if self_score is None or others_score is None:
        return None
    gap = others_score - self_score
    if gap < -margin:
        return BLIND_SPOT
    if gap > margin:
        return HIDDEN_STRENGTH
    return AGREED_STRENGTH if (self_score + others_score) / 2 >= STRENGTH else AGREED_GROWTH
