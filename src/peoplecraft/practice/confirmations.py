"""What the practice log asks before deleting (see :mod:`peoplecraft.core.confirm`)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from peoplecraft.core.confirm import Confirmation
from peoplecraft.practice.models import PracticeEntry


def entry_delete(entry: PracticeEntry) -> Confirmation:
    session = {"day": entry.occurred_on.isoformat(), "situation": entry.situation}
    return Confirmation(
        url=reverse("practice:entry-delete", args=[entry.pk]),
        label=_("Delete"),
        aria_label=_("Delete the session of %(day)s: %(situation)s") % session,
        question=_("Delete the session of %(day)s: “%(situation)s”?") % session,
        consequence=_("Habit strength and streaks are recomputed without it. You can undo it for a minute afterwards."),
        confirm_label=_("Delete session"),
        cancel_url=reverse("practice:log"),
        button_class="secondary small",
    )
