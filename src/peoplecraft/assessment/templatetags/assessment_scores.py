"""Template access to self-scores; no logic here beyond calling the selector."""

from django import template

from peoplecraft.assessment import selectors

register = template.Library()


@register.simple_tag
def skill_self_score(skill):
    return selectors.skill_self_score(skill=skill)
