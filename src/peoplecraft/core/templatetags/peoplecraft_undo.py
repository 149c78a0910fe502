"""The trashed item a message's "Undo" button restores (see :mod:`peoplecraft.core.confirm`)."""

from __future__ import annotations

from django import template

from peoplecraft.core.confirm import undo_id as _undo_id

register = template.Library()


@register.filter
def undo_id(extra_tags: str) -> int | None:
    return _undo_id(extra_tags)
