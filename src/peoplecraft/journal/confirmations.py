"""What the journal asks before deleting (see :mod:`peoplecraft.core.confirm`)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from peoplecraft.core.confirm import Confirmation
from peoplecraft.journal.models import Entry


def entry_delete(entry: Entry) -> Confirmation:
    name = entry.title or entry.entry_date.isoformat()
    return Confirmation(
        url=reverse("journal:delete", args=[entry.pk]),
        label=_("Delete"),
        question=_("Delete the entry “%s”?") % name,
        consequence=_(
            "This removes it from your journal, search and exports at once. You can undo it for a minute afterwards."
        ),
        confirm_label=_("Delete entry"),
        cancel_url=reverse("journal:entry", args=[entry.pk]),
    )
