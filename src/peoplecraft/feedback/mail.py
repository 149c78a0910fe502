"""The e-mails raters receive: an invitation (or a new link) and one reminder, the same for everyone.

Every message to a rater carries the header ``X-Peoplecraft-Private: rater``: the console e-mail
backend (a personal install run by the learner) withholds such messages instead of printing
links and recipients on the learner's terminal.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from peoplecraft.feedback.models import FeedbackRequest

PRIVATE_HEADER = "X-Peoplecraft-Private"
PRIVATE = {PRIVATE_HEADER: "rater"}


def learner_name(feedback_request: FeedbackRequest) -> str:
    """What raters see of the learner: their display name, nothing else."""
    owner = feedback_request.owner
    return owner.get_full_name() or owner.get_username()


def _body(feedback_request: FeedbackRequest, url: str) -> str:
    name = learner_name(feedback_request)
    opening = _("%(name)s asks for your feedback on how they work with people.") % {"name": name}
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


def invitation_subject(feedback_request: FeedbackRequest) -> str:
    return _("%(name)s asks for your feedback") % {"name": learner_name(feedback_request)}


def rater_mail(feedback_request: FeedbackRequest, email: str, url: str) -> EmailMessage:
    """The invitation, also sent again (with a new link) when the learner asks for it."""
    return EmailMessage(
        invitation_subject(feedback_request),
        _body(feedback_request, url),
        settings.DEFAULT_FROM_EMAIL,
        [email],
        headers=dict(PRIVATE),
    )


def reminder_mail(feedback_request: FeedbackRequest, email: str) -> EmailMessage:
    """The one reminder, word for word the same for every invitee, answered or not, and without a link:
    links are not stored, and a new one would throw away the rater's draft."""
    name = learner_name(feedback_request)
    values = {
        "name": name,
        "deadline": feedback_request.deadline.isoformat(),
        "subject": invitation_subject(feedback_request),
        "day": feedback_request.created_at.date().isoformat(),
    }
    body = "\n".join(
        [
            _("A reminder: %(name)s would value your feedback before %(deadline)s.") % values,
            "",
            _("If you have already answered, or declined, thank you: there is nothing more to do.") % values,
            "",
            _(
                "If not, please use the link in the e-mail “%(subject)s” sent on %(day)s (or the newer one, if "
                "it was sent to you again). If you cannot find it, ask %(name)s to send it again: the new link "
                "reaches only you, and %(name)s does not see whether you answered."
            )
            % values,
        ]
    )
    subject = _("Reminder: feedback for %(name)s") % values
    return EmailMessage(subject, body + "\n", settings.DEFAULT_FROM_EMAIL, [email], headers=dict(PRIVATE))


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
    return EmailMessage(subject[:150], body + "\n", settings.DEFAULT_FROM_EMAIL, [email], headers=dict(PRIVATE))
