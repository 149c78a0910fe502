"""Template access to a skill's writing practice; no logic here beyond calling the selector."""

from django import template

from peoplecraft.writing import selectors

register = template.Library()


@register.simple_tag
def skill_writing(skill):
    return selectors.skill_writing_summary(skill=skill)
