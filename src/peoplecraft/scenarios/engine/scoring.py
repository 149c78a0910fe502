"""Score a played path and build its debrief. Pure module: no Django.

A skill's score is the sum of the chosen choices' scores for it. Its *best* is the sum, over the
same decisions, of the highest score any choice there gave that skill, so a path is compared
with what was possible on the way it actually went.
"""

from __future__ import annotations

from dataclasses import dataclass

from peoplecraft.scenarios.engine.model import Choice, Node
from peoplecraft.scenarios.engine.play import PlayState

NEXT_SKILLS = 2


@dataclass(frozen=True)
class SkillScore:
    skill: str
    score: int
    best: int

    @property
    def ratio(self) -> float | None:
        """Score as a share of the best possible on this path (None when nothing was possible)."""
        return self.score / self.best if self.best > 0 else None


@dataclass(frozen=True)
class Moment:
    node: str
    prompt: str  # what the other person said (or the narration)
    chosen: str
    feedback: str
    total: int
    better: str = ""  # the strongest option at that point, when the chosen one was weaker
    better_feedback: str = ""


@dataclass(frozen=True)
class Debrief:
    scenario: str
    ending: str
    outcome: str
    ending_text: str
    decisions: int
    total: int
    best_total: int
    skills: tuple[SkillScore, ...]
    best_moment: Moment | None
    worst_moment: Moment | None
    next_skills: tuple[str, ...]


def skill_scores(state: PlayState) -> tuple[SkillScore, ...]:
    result = []
    moments = state.moments()
    for skill in state.scenario.skills:
        score = sum(choice.score_for(skill) for _, choice, _ in moments)
        best = sum(max(c.score_for(skill) for c in node.choices) for node, _, _ in moments)
        result.append(SkillScore(skill, score, best))
    return tuple(result)


def _moment(node: Node, choice: Choice, better: Choice | None = None) -> Moment:
    prompt = node.line or node.narration
    if better is None or better is choice:
        return Moment(node.id, prompt, choice.text, choice.feedback, choice.total)
    return Moment(node.id, prompt, choice.text, choice.feedback, choice.total, better.text, better.feedback)


def key_moments(state: PlayState) -> tuple[Moment | None, Moment | None]:
    """The best choice made (highest total) and the biggest missed chance (largest gap to the best option).

    The worst moment is None when every choice was the strongest one available."""
    moments = state.moments()
    if not moments:
        return None, None
    best_node, best_choice, _ = max(moments, key=lambda m: m[1].total)  # first of equals
    gaps = [(max(c.total for c in node.choices) - choice.total, node, choice) for node, choice, _ in moments]
    gap, worst_node, worst_choice = max(gaps, key=lambda g: g[0])
    worst = None
    if gap > 0:
        better = max(worst_node.choices, key=lambda c: c.total)
        worst = _moment(worst_node, worst_choice, better)
    return _moment(best_node, best_choice), worst


def next_skills(scores: tuple[SkillScore, ...]) -> tuple[str, ...]:
    """Skills to work on next: the lowest share of their best, weakest first; all skills if none fell short."""
    short = [s for s in scores if s.best > 0 and s.score < s.best]
    if not short:
        return tuple(s.skill for s in scores[:NEXT_SKILLS])
    short.sort(key=lambda s: (s.ratio if s.ratio is not None else 0, s.score))
    return tuple(s.skill for s in short[:NEXT_SKILLS])


def debrief(state: PlayState) -> Debrief:
    """The debrief of a finished play."""
    if not state.finished:
        raise ValueError("a debrief needs a finished play")
    scores = skill_scores(state)
    best, worst = key_moments(state)
    moments = state.moments()
    return Debrief(
        scenario=state.scenario.id,
        ending=state.node.id,
        outcome=state.node.outcome,
        ending_text=state.node.ending,
        decisions=len(moments),
        total=sum(choice.total for _, choice, _ in moments),
        best_total=sum(max(c.total for c in node.choices) for node, _, _ in moments),
        skills=scores,
        best_moment=best,
        worst_moment=worst,
        next_skills=next_skills(scores),
    )
