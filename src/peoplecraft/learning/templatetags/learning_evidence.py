"""Template access to the reading list: the skill page's learning evidence. Only calls selectors."""

from django import template

from peoplecraft.learning import selectors

register = template.Library()


@register.simple_tag
def skill_reading_evidence(skill):
    return selectors.skill_reading(skill=skill)


@register.filter
def dict_get(mapping, key):
    """``mapping[key]`` or None: lets a template look up an id in a dict."""
    return mapping.get(key) if mapping else None
