"""Reads of practice confirmations: what the learner may see per practice entry.

Only an attributed confirmation's answer is ever read per entry. A pooled confirmation shows only
that it was asked -- never whether its link was used, nor anything of its answer (that is in the
skill's pool, released in batches; see :mod:`moment_results`).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from peoplecraft.feedback.models import ConfirmationAnswer, MomentRequest
from peoplecraft.practice import confirmation_sources as cs

_STATES = {
    ConfirmationAnswer.YES: (cs.CONFIRMED, _("confirmed by the other person")),
    ConfirmationAnswer.NOT_REALLY: (cs.NOT_CONFIRMED, _("not confirmed by the other person")),
    ConfirmationAnswer.NOT_SURE: (cs.NOT_SURE, _("the other person was not sure")),
}


def entry_confirmations(owner, entry_ids: list[int]) -> dict[int, cs.Confirmation]:
    """Entry id -> confirmation for the owner's asked entries, in one query (the answer joined in)."""
    moments = MomentRequest.objects.filter(owner=owner, practice_entry_id__in=entry_ids).values_list(
        "pk", "practice_entry_id", "attributed", "confirmation__answer", "confirmation__comment"
    )
    found: dict[int, cs.Confirmation] = {}
    for _pk, entry_id, attributed, answer, comment in sorted(moments, key=lambda row: row[0]):
        if not attributed:  # pooled: the answer is in the skill's pool, never here
            confirmation = cs.Confirmation(cs.ASKED, _("asked; the answer is pooled, never shown here"))
        elif answer:
            state, label = _STATES[ConfirmationAnswer(answer)]
            confirmation = cs.Confirmation(state, str(label), comment or "")
        else:
            confirmation = cs.Confirmation(cs.ASKED, _("asked, no answer yet"))
        if entry_id not in found or found[entry_id].state == cs.ASKED or confirmation.confirmed:
            found[entry_id] = confirmation
    return found


def ask_url(entry_id: int) -> str:
    return reverse("feedback:confirm", args=[entry_id])
