"""Template access to released others' scores (the skill map chip); only calls the feedback selector."""

from django import template

from peoplecraft.feedback import selectors

register = template.Library()


@register.simple_tag
def skill_others_score(skill):
    """The skill's latest released others' score, or None."""
    return selectors.others_scores(owner=skill.area.guide.owner, skill_ids=[skill.pk]).get(skill.pk)


@register.simple_tag
def guide_others_scores(guide):
    """Skill id -> latest released others' score for ``guide``'s owner (one pass over their releases)."""
    return selectors.others_scores(owner=guide.owner) if guide else {}


@register.filter
def others_for(scores: dict, skill_id: int):
    return scores.get(skill_id)
