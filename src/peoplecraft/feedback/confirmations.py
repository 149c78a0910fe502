"""What 360° feedback asks before closing or deleting (see :mod:`peoplecraft.core.confirm`).

None of these can be undone: a deleted request's sealed answers are destroyed at once so that
nobody can recover who said what (docs/anonymity.md), and a closed request or moment stays closed.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from peoplecraft.core.confirm import Confirmation
from peoplecraft.feedback.models import FeedbackRequest, MomentRequest


def request_delete(feedback_request: FeedbackRequest) -> Confirmation:
    return Confirmation(
        url=reverse("feedback:delete", args=[feedback_request.pk]),
        label=_("Delete this request and all its answers"),
        question=_("Delete feedback request %(n)s and all its answers?") % {"n": feedback_request.pk},
        consequence=_(
            "This cannot be undone: answers are destroyed at once so nobody can recover who said what. "
            "Its links stop working and its released results are deleted too."
        ),
        confirm_label=_("Delete request and answers"),
        cancel_url=reverse("feedback:detail", args=[feedback_request.pk]),
    )


def request_close(feedback_request: FeedbackRequest) -> Confirmation:
    return Confirmation(
        url=reverse("feedback:close", args=[feedback_request.pk]),
        label=_("Close the request now"),
        question=_("Close feedback request %(n)s now?") % {"n": feedback_request.pk},
        consequence=_(
            "This cannot be undone: its links stop working for everyone who has not answered yet, "
            "and the answers given so far are released."
        ),
        confirm_label=_("Close request"),
        cancel_url=reverse("feedback:detail", args=[feedback_request.pk]),
        button_class="",
    )


def moment_close(moment: MomentRequest) -> Confirmation:
    return Confirmation(
        url=reverse("feedback:moment_close", args=[moment.pk]),
        label=_("Stop these links now"),
        question=_("Stop the links of “%s” now?") % moment.question,
        consequence=_(
            "This cannot be undone: nobody can answer through these links any more. Answers already given stay pooled."
        ),
        confirm_label=_("Stop links"),
        cancel_url=reverse("feedback:moment", args=[moment.pk]),
    )
