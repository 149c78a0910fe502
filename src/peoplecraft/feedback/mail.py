"""The e-mails raters receive: an invitation and, if they have not answered, one reminder."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from peoplecraft.feedback.models import FeedbackRequest


def learner_name(feedback_request: FeedbackRequest) -> str:
    """What raters see of the learner: their display name, nothing else."""
    owner = feedback_request.owner
    return owner.get_full_name() or owner.get_username()


def _body(feedback_request: FeedbackRequest, url: str, *, reminder: bool) -> str:
    name = learner_name(feedback_request)
    opening = (
        _("A reminder: %(name)s would value your feedback before %(deadline)s.")
        if reminder
        else _("%(name)s asks for your feedback on how they work with people.")
    ) % {"name": name, "deadline": feedback_request.deadline.isoformat()}
    parts = [opening, ""]
    if feedback_request.message.strip():
        parts += [_("Their message:"), feedback_request.message.strip(), ""]
    parts += [
        _("Answer here (about 5 minutes, no account needed):"),
        url,
        "",
        _(
            "Your answers are anonymous: %(name)s sees only averages of at least three people, in batches, "
            "and comments in random order. The link is personal: please do not forward it. You can also "
            "decline on the same page. It works until %(deadline)s."
        )
        % {"name": name, "deadline": feedback_request.deadline.isoformat()},
    ]
    return "\n".join(parts) + "\n"


def rater_mail(feedback_request: FeedbackRequest, email: str, url: str, *, reminder: bool = False) -> EmailMessage:
    subject = (_("Reminder: feedback for %(name)s") if reminder else _("%(name)s asks for your feedback")) % {
        "name": learner_name(feedback_request)
    }
    return EmailMessage(subject, _body(feedback_request, url, reminder=reminder), settings.DEFAULT_FROM_EMAIL, [email])


def moment_mail(moment, email: str, url: str) -> EmailMessage:
    """A one-question request after a moment: short enough to answer on a phone."""
    name = learner_name(moment)
    body = "\n".join(
        [
            _("%(name)s asks you one quick question:") % {"name": name},
            "",
            moment.question,
            "",
            _("One tap and an optional comment, about 30 seconds, no account needed:"),
            url,
            "",
            _(
                "Your answer is anonymous: %(name)s sees only averages of at least three answers about this "
                "skill, pooled with other moments, in batches. The link is personal and works until %(day)s."
            )
            % {"name": name, "day": moment.expires_on.isoformat()},
        ]
    )
    subject = _("%(name)s asks: %(question)s") % {"name": name, "question": moment.question}
    return EmailMessage(subject[:150], body + "\n", settings.DEFAULT_FROM_EMAIL, [email])
