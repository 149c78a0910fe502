"""Template access to a skill's practice summary; no logic here beyond calling the selector."""

from django import template

from peoplecraft.practice import selectors

register = template.Library()


@register.simple_tag
def skill_practice_summary(skill):
    return selectors.skill_practice(skill=skill)
