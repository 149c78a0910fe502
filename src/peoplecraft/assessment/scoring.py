"""Score a self-assessment, judge change between two assessments, and suggest what to focus on.

Pure module (no Django): plain values in, frozen dataclasses out. The rules are documented in
docs/assessment.md; the docstrings below say why each rule is what it is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from peoplecraft.assessment.instrument import NO_OCCASION, Item

NOT_ENOUGH_ANSWERS = "not enough answers"
SCORED = "scored"
MINIMAL_IMPORTANT_DIFFERENCE = 10.0  # points on the 0-100 scale; the fallback change rule
RCI_CRITICAL = 1.96  # two-sided 95 % under the Jacobson-Truax reliable change index

ChangeMethod = Literal["rci", "mid", "none"]


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


@dataclass(frozen=True)
class Change:
    difference: float | None  # current - previous, None if either is missing
    reliable: bool
    direction: Literal["improved", "declined", "no reliable change", "unknown"]
    method: ChangeMethod  # "rci", "mid" (minimal important difference) or "none"
    rci: float | None = None  # the reliable change index when method == "rci"
    threshold: float | None = None  # the smallest difference that counts as reliable


def skill_change(
    previous: float | None,
    current: float | None,
    *,
    reliability: float | None,
    sd: float | None,
) -> Change:
    """Did a skill score (0-100) change more than measurement error would explain?

    With a known reliability ``r`` (Cronbach's alpha, 0 < r < 1) and standard deviation ``sd`` of
    the score in a reference group (same 0-100 scale), use the Jacobson-Truax reliable change
    index: RCI = diff / (sd * sqrt(2) * sqrt(1 - r)), reliable when |RCI| > 1.96. Otherwise fall
    back to a fixed minimal important difference of 10 points (about half a typical standard
    deviation of a self-rated skill score), reliable when |diff| >= 10.
    """
    if previous is None or current is None:
        return Change(None, False, "unknown", "none")
    diff = current - previous
    if _usable(reliability, 0.0, 1.0) and _usable(sd, 0.0, math.inf):
        assert reliability is not None and sd is not None
        se_diff = sd * math.sqrt(2.0) * math.sqrt(1.0 - reliability)
        rci = diff / se_diff
        reliable = abs(rci) > RCI_CRITICAL
        return Change(diff, reliable, _direction(diff, reliable), "rci", rci, RCI_CRITICAL * se_diff)
    reliable = abs(diff) >= MINIMAL_IMPORTANT_DIFFERENCE
    return Change(diff, reliable, _direction(diff, reliable), "mid", None, MINIMAL_IMPORTANT_DIFFERENCE)


def _usable(value: float | None, low: float, high: float) -> bool:
    """True for a finite number strictly between ``low`` and ``high``."""
    return value is not None and math.isfinite(value) and low < value < high


def _direction(diff: float, reliable: bool) -> Literal["improved", "declined", "no reliable change"]:
    if not reliable:
        return "no reliable change"
    return "improved" if diff > 0 else "declined"


@dataclass(frozen=True)
class SkillSnapshot:
    skill: str
    area: str | None
    status: str  # "todo", "active" or "done"
    score: float | None = None  # latest assessment score (0-100), if any


@dataclass(frozen=True)
class Focus:
    skill: str
    area: str | None
    reason: str


BLIND_SPOT_GAP = 10.0  # others at least this many points below self: a blind spot (docs/feedback.md)


def blind_spot_gap(skill: SkillSnapshot, others: Mapping[str, float]) -> float | None:
    """How far others' score lies below the self-score, when that is a blind spot; else None."""
    other = others.get(skill.skill.casefold())
    if skill.score is None or other is None or skill.score - other < BLIND_SPOT_GAP:
        return None
    return skill.score - other


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
       skill at least :data:`BLIND_SPOT_GAP` points below the learner's own score;
    3. skills with a score, lowest first (the clearest room to grow), before unscored ones;
    4. active before todo (keeps momentum on what is already in focus);
    5. the order given (guide order), so equal cases always come out the same way.
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
    scores = [s.score for _, s in candidates if s.score is not None]
    lowest = min(scores) if scores else None
    return [
        Focus(s.skill, s.area, _reason(s, s.skill.casefold() in wanted, lowest, blind_spot_gap(s, seen_by_others)))
        for _, s in candidates[: max(count, 0)]
    ]


def _reason(skill: SkillSnapshot, priority: bool, lowest: float | None, gap: float | None = None) -> str:
    # Round half up for display (format() rounds half to even: 36.5 -> "36").
    score = f"{math.floor(skill.score + 0.5)}/100" if skill.score is not None else None
    if gap is not None:
        points = math.floor(gap + 0.5)
        if priority:
            return f"You named this a priority, and others rate you {points} points below your own score (blind spot)."
        return f"Others rate you {points} points below your own score (blind spot)."
    if priority and score:
        return f"You named this a priority, and it scored {score} in your last assessment."
    if priority:
        return "You named this a priority, and it is not yet done."
    if score and skill.score == lowest:
        return f"Lowest score in your last assessment ({score}) and not yet mastered."
    if score:
        return f"One of your lower scores in your last assessment ({score}) and not yet mastered."
    if skill.status == "active":
        return "Already in focus and not yet done; no assessment score yet."
    return "Not yet done and not yet assessed; an assessment would show where you stand."
