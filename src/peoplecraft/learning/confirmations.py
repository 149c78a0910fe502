"""What the reading list asks before removing (see :mod:`peoplecraft.core.confirm`)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from peoplecraft.core.confirm import Confirmation
from peoplecraft.learning.models import ReadingItem


def item_remove(item: ReadingItem) -> Confirmation:
    return Confirmation(
        url=reverse("learning:remove", args=[item.pk]),
        label=_("Remove from my list"),
        question=_("Remove “%s” from your list?") % item.title,
        consequence=_("Its status, notes and progress go with it. You can undo it for a minute afterwards."),
        confirm_label=_("Remove"),
        cancel_url=reverse("learning:item", args=[item.pk]),
        button_class="secondary small",
    )
