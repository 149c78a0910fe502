"""Display filters for feedback results (formatting only: no logic, no queries)."""

from __future__ import annotations

import math

from django import template
from django.utils.translation import gettext as _

from peoplecraft.feedback.forms import QUESTION_LABELS
from peoplecraft.feedback.models import Group

register = template.Library()

_JOHARI = {
    "blind_spot": lambda: _("Blind spot: others rate you lower than you do"),
    "hidden_strength": lambda: _("Hidden strength: others rate you higher than you do"),
    "agreed_strength": lambda: _("Agreed strength"),
    "agreed_growth": lambda: _("Agreed growth area"),
}


@register.filter
def score(value):
    return "—" if value is None else str(math.floor(value + 0.5))


@register.filter
def signed(value):
    return "—" if value is None else f"{math.floor(value + 0.5):+d}"


@register.filter
def group_label(label: str) -> str:
    extra = {"others": _("Others (groups combined)"), "all": _("All raters")}
    return str(dict(Group.choices).get(label, extra.get(label, label)))


@register.filter
def johari_label(value):
    return _JOHARI[value]() if value in _JOHARI else "—"


@register.filter
def question_text(question: str) -> str:
    return str(QUESTION_LABELS.get(question, question))


@register.filter
def item_text(item_id: str, items) -> str:
    return next((item.other_text for item in items if item.id == item_id), item_id)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
