"""What writing practice asks before deleting (see :mod:`peoplecraft.core.confirm`)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from peoplecraft.core.confirm import Confirmation
from peoplecraft.writing.models import Draft


def draft_delete(draft: Draft) -> Confirmation:
    return Confirmation(
        url=reverse("writing:delete", args=[draft.pk]),
        label=_("Delete this draft"),
        question=_("Delete the draft “%s”?") % draft,
        consequence=_(
            "This removes the draft and its scores from your writing progress. You can undo it for a minute afterwards."
        ),
        confirm_label=_("Delete draft"),
        cancel_url=reverse("writing:draft", args=[draft.pk]),
        button_class="secondary small",
    )
