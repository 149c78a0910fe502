"""Numbers of goals as people write them: ``3``, ``2.5``, ``0.25`` (never ``3.0`` or ``2.50``)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def amount(value) -> str:
    """At most two decimals, trailing zeros dropped; what the check-in form accepts back."""
    if value in (None, ""):
        return ""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
