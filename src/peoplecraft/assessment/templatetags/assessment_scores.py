"""Template access to self-scores; no logic here beyond calling the selector."""

from django import template

from peoplecraft.assessment import selectors

register = template.Library()


@register.simple_tag
def skill_self_score(skill):
    return selectors.skill_self_score(skill=skill)


@register.simple_tag
def guide_self_scores(guide):
    """Skill id -> latest self-score for every skill of ``guide`` (one query)."""
    return selectors.self_scores(guide=guide) if guide else {}


@register.filter
def score_for(scores: dict, skill_id: int):
    return scores.get(skill_id)
