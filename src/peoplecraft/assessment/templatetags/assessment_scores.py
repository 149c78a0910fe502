"""Template access to self-scores; no logic here beyond calling the selector."""

from django import template
from django.utils.translation import gettext_lazy as _

from peoplecraft.assessment import measurement, selectors

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


@register.filter
def points(value):
    """A score or difference in whole points, rounded half up (the one display rule), or "—"."""
    return measurement.points(value)


@register.filter
def signed_points(value):
    return "—" if value is None else f"{measurement.whole(value):+d}".replace("+0", "0")


_VERDICTS = {
    "improved": _("improved"),
    "declined": _("declined"),
    "possibly improved": _("possibly improved"),
    "possibly declined": _("possibly declined"),
    "within error": _("within error"),
}


@register.filter
def verdict_label(value):
    return _VERDICTS.get(value, "—")
