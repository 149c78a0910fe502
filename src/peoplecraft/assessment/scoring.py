"""Score a self-assessment and suggest what to focus on (change is judged in ``measurement``).

Pure module (no Django): plain values in, frozen dataclasses out. The rules are documented in
docs/assessment.md; the docstrings below say why each rule is what it is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from peoplecraft.assessment.instrument import NO_OCCASION, Item
from peoplecraft.assessment.measurement import PRIOR_SD, detectable_difference, points, spearman_brown

NOT_ENOUGH_ANSWERS = "not enough answers"
SCORED = "scored"


class ScoringError(ValueError):
    """Answers that cannot belong to the instrument (unknown item, value off the scale)."""


@dataclass(frozen=True)
class SkillScore:
    skill: str
    area: str | None
    score: float | None  # 0-100, None when status is "not enough answers"
    status: str  # "scored" or "not enough answers"
    answered: int
    items: int


@dataclass(frozen=True)
class AreaScore:
    area: str
    score: float | None  # mean of the scored skills of the area
    skills_scored: int
    skills: int


@dataclass(frozen=True)
class AssessmentScores:
    skills: tuple[SkillScore, ...]
    areas: tuple[AreaScore, ...]
    answered: int
    items: int

    def skill(self, name: str) -> SkillScore | None:
        """The score of one skill, looked up case-insensitively."""
        return next((s for s in self.skills if s.skill.casefold() == name.casefold()), None)


def score_responses(
    instrument_items: Sequence[Item],
    answers: Mapping[str, int | None],
    *,
    skill_areas: Mapping[str, str] | None = None,
) -> AssessmentScores:
    """Score answers (item id -> scale point, or None for skipped) per skill and per area.

    "No such occasion" (:data:`NO_OCCASION`) is a real answer that is scored as missing: a skill
    whose occasions never arose has no score rather than a low one.

    Each answer is keyed (reverse items become ``min + max - x``) and rescaled linearly from its
    item's ``[min, max]`` to 0-100; the skill score is their mean, which equals rescaling the mean
    when the skill's items share one scale. A skill is scored only when at least two thirds of its
    items are answered: fewer answers make the score mostly noise. ``skill_areas`` maps skill name
    to area name (matched case-insensitively); an area's score is the mean of its scored skills.
    """
    _check_answers(instrument_items, answers)
    by_skill: dict[str, list[float | None]] = {}
    names: dict[str, str] = {}
    for item in instrument_items:
        names.setdefault(item.skill.casefold(), item.skill)
        by_skill.setdefault(item.skill.casefold(), []).append(_keyed_percent(item, answers))
    areas = {skill.casefold(): area for skill, area in (skill_areas or {}).items()}
    skills = tuple(_skill_score(names[k], areas.get(k), v) for k, v in by_skill.items())
    return AssessmentScores(
        skills=skills,
        areas=_area_scores(skills),
        answered=sum(_keyed_percent(item, answers) is not None for item in instrument_items),
        items=len(instrument_items),
    )


def _check_answers(items: Sequence[Item], answers: Mapping[str, int | None]) -> None:
    known = {item.id: item for item in items}
    for item_id, value in answers.items():
        item = known.get(item_id)
        if item is None:
            raise ScoringError(f"answer for unknown item {item_id!r}")
        if value is None:
            continue
        if not item.scale.accepts(value):
            raise ScoringError(f"item {item_id!r}: answer {value!r} is not on the scale {item.scale.describe()}")


def _keyed_percent(item: Item, answers: Mapping[str, int | None]) -> float | None:
    """The answer as 0-100, keyed; None when skipped or "No such occasion" (missing, not 0)."""
    value = answers.get(item.id)
    if value is None or value == NO_OCCASION:
        return None
    low, high = item.scale.min, item.scale.max
    keyed = value if item.key == 1 else low + high - value
    return 100.0 * (keyed - low) / (high - low)


def _skill_score(skill: str, area: str | None, values: list[float | None]) -> SkillScore:
    given = [v for v in values if v is not None]
    if not given or 3 * len(given) < 2 * len(values):
        return SkillScore(skill, area, None, NOT_ENOUGH_ANSWERS, len(given), len(values))
    return SkillScore(skill, area, math.fsum(given) / len(given), SCORED, len(given), len(values))


def _area_scores(skills: Iterable[SkillScore]) -> tuple[AreaScore, ...]:
    grouped: dict[str, list[SkillScore]] = {}
    for skill in skills:
        if skill.area is not None:
            grouped.setdefault(skill.area, []).append(skill)
    result = []
    for area, members in grouped.items():
        scored = [s.score for s in members if s.score is not None]
        mean = math.fsum(scored) / len(scored) if scored else None
        result.append(AreaScore(area, mean, len(scored), len(members)))
    return tuple(result)


# SEM of a skill score when the caller knows none: the prior for four answered items (measurement.py).
DEFAULT_SEM = PRIOR_SD * math.sqrt(1.0 - spearman_brown(0.30, 4))


@dataclass(frozen=True)
class SkillSnapshot:
    skill: str
    area: str | None
    status: str  # "todo", "active" or "done"
    score: float | None = None  # latest assessment score (0-100), if any
    sem: float | None = None  # its standard error of measurement; None: DEFAULT_SEM


@dataclass(frozen=True)
class Focus:
    skill: str
    area: str | None
    reason: str


def _sem(skill: SkillSnapshot) -> float:
    return DEFAULT_SEM if skill.sem is None else skill.sem


def blind_spot_gap(skill: SkillSnapshot, others: Mapping[str, float]) -> float | None:
    """How far others' score lies below the self-score, when that is a blind spot; else None.

    A blind spot needs a gap beyond the detectable difference 1.96 · √(SEM_self² + SEM_others²);
    others answer the same items, so their score is given the self-score's SEM.
    """
    other = others.get(skill.skill.casefold())
    if skill.score is None or other is None:
        return None
    gap = skill.score - other
    return gap if gap > detectable_difference(_sem(skill), _sem(skill)) else None


def focus_recommendations(
    skills: Sequence[SkillSnapshot],
    *,
    priorities: Iterable[str] = (),
    count: int = 3,
    others: Mapping[str, float] | None = None,
) -> list[Focus]:
    """Suggest up to ``count`` skills to focus on next.

    Only skills not yet done (todo or active) qualify. Ranking, first difference wins:
    1. skills the learner named as priorities (names matched case-insensitively);
    2. blind spots: others (released 360° results, ``others`` maps skill name -> 0-100) rate the
       skill below the learner's own score by more than the detectable difference;
    3. skills with a score, lowest first (the clearest room to grow), before unscored ones;
    4. active before todo (keeps momentum on what is already in focus);
    5. the order given (guide order), so equal cases always come out the same way.
    A reason calls a skill the "lowest" only when its gap to the next lowest exceeds the
    detectable difference of the two scores; otherwise the scores are within error of each other.
    """
    wanted = {name.casefold() for name in priorities}
    seen_by_others = {name.casefold(): score for name, score in (others or {}).items()}
    candidates = [(i, s) for i, s in enumerate(skills) if s.status != "done"]
    candidates.sort(
        key=lambda pair: (
            pair[1].skill.casefold() not in wanted,
            blind_spot_gap(pair[1], seen_by_others) is None,
            pair[1].score is None,
            pair[1].score if pair[1].score is not None else 0.0,
            pair[1].status != "active",
            pair[0],
        )
    )
    lowest = _lowest([s for _, s in candidates if s.score is not None])
    return [
        Focus(s.skill, s.area, _reason(s, s.skill.casefold() in wanted, lowest, blind_spot_gap(s, seen_by_others)))
        for _, s in candidates[: max(count, 0)]
    ]


def _lowest(scored: list[SkillSnapshot]) -> tuple[SkillSnapshot | None, bool]:
    """The lowest-scoring skill, and whether it is detectably below the next lowest."""
    ranked = sorted(scored, key=lambda s: s.score)  # type: ignore[arg-type, return-value]
    if len(ranked) < 2:
        return (ranked[0] if ranked else None), True
    first, second = ranked[0], ranked[1]
    assert first.score is not None and second.score is not None
    return first, second.score - first.score > detectable_difference(_sem(first), _sem(second))


def _reason(
    skill: SkillSnapshot,
    priority: bool,
    lowest: tuple[SkillSnapshot | None, bool],
    gap: float | None = None,
) -> str:
    score = f"{points(skill.score)}/100" if skill.score is not None else None
    if gap is not None:
        if priority:
            return (
                f"You named this a priority, and others rate you {points(gap)} points below your own score "
                "(blind spot)."
            )
        return f"Others rate you {points(gap)} points below your own score (blind spot)."
    if priority and score:
        return f"You named this a priority, and it scored {score} in your last assessment."
    if priority:
        return "You named this a priority, and it is not yet done."
    if score and skill is lowest[0] and lowest[1]:
        return f"Lowest score in your last assessment ({score}) and not yet mastered."
    if score and skill is lowest[0]:
        return (
            f"Among your lowest scores in your last assessment ({score}; the next is within measurement "
            "error) and not yet mastered."
        )
    if score:
        return f"One of your lower scores in your last assessment ({score}) and not yet mastered."
    if skill.status == "active":
        return "Already in focus and not yet done; no assessment score yet."
    return "Not yet done and not yet assessed; an assessment would show where you stand."
