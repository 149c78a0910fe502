"""Suggest one skill to focus on next week, with the rule that chose it. Pure.

The rules, in order (the first that applies wins): a goal that is slipping (the largest gap);
the lowest score of a self-assessment taken this week; a skill in focus that nothing practised
this week; the skill whose journal entries this week were the most stressful (average 6+/10).
A skill marked done is never suggested: each rule looks only at the skills still to learn.
The reason's wording lives with the caller (translated); here only the rule and its numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

STRESSFUL = 6.0


@dataclass(frozen=True)
class FocusSuggestion:
    skill: str
    rule: str  # "slipping-goal" | "low-score" | "unpractised-focus" | "stressful"
    params: dict = field(default_factory=dict)


def suggest_focus(
    *,
    slipping: Sequence[tuple[str, str, float]] = (),  # (goal title, skill, gap in points)
    scores: Sequence[tuple[str, float]] = (),  # (skill, score 0-100) from this week's assessments
    in_focus: Sequence[str] = (),
    practised: Sequence[str] = (),
    stress_by_skill: Sequence[tuple[str, float]] = (),  # (skill, average stress of this week's entries)
    done: Sequence[str] = (),  # skills marked done: never suggested
) -> FocusSuggestion | None:
    finished = {name.casefold() for name in done}
    slipping = [row for row in slipping if row[1].casefold() not in finished]
    scores = [row for row in scores if row[0].casefold() not in finished]
    in_focus = [name for name in in_focus if name.casefold() not in finished]
    stress_by_skill = [row for row in stress_by_skill if row[0].casefold() not in finished]
    if slipping:
        goal, skill, gap = max(slipping, key=lambda row: row[2])
        return FocusSuggestion(skill, "slipping-goal", {"goal": goal, "gap": round(gap)})
    if scores:
        skill, score = min(scores, key=lambda row: row[1])
        return FocusSuggestion(skill, "low-score", {"score": round(score)})
    done = {name.casefold() for name in practised}
    unpractised = [name for name in in_focus if name.casefold() not in done]
    if unpractised:
        return FocusSuggestion(unpractised[0], "unpractised-focus", {})
    stressful = [row for row in stress_by_skill if row[1] >= STRESSFUL]
    if stressful:
        skill, stress = max(stressful, key=lambda row: row[1])
        return FocusSuggestion(skill, "stressful", {"stress": round(stress, 1)})
    return None
