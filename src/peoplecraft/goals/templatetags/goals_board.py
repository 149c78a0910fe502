"""Labels of the Eisenhower quadrants (presentation only)."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def quadrant_label(name: str) -> str:
    labels = {"do": _("Do first"), "schedule": _("Schedule"), "delegate": _("Delegate"), "eliminate": _("Eliminate")}
    return labels.get(name, name)
