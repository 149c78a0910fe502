"""Every write of micro-feedback after a moment: the learner's one-question request, the rater's answer.

Reuses the full requests' machinery: tokens (:mod:`tokens`, only hashes stored), the same public
link under ``/r/<token>/`` (exchanged for a cookie by :mod:`rater_views`), the batch rule of
:func:`aggregation.release_due` and the thresholds of :mod:`anonymity`. Answers go into the
skill's :class:`MomentPool`, never to the moment or the link that asked for them. They arrive
sealed and are opened, shuffled and stored only when the pool releases a batch.

Links the learner passes on themselves could be answered by the learner: answers through them
never count toward the release threshold (only answers from people Peoplecraft e-mailed do), and
join a release that e-mailed answers made due.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.feedback import aggregation, delivery, releasing, sealed
from peoplecraft.feedback.anonymity import thresholds_validate
from peoplecraft.feedback.models import (
    MomentInvitation,
    MomentPool,
    MomentRelease,
    MomentRequest,
    MomentResponse,
    SealedMomentResponse,
    SpentMarker,
)
from peoplecraft.feedback.selectors import moment_invitation_by_token, moment_invitation_usable
from peoplecraft.feedback.services import FeedbackError, email_available, no_email_problem
from peoplecraft.feedback.tokens import rater_url, token_new
from peoplecraft.skillmap.models import Skill

EXPIRES_DAYS = 7
MAX_LINKS = 20
MAX_QUESTION = 200
MAX_COMMENT = 1000
SCALE = range(1, 6)
# One pooled "group": everything shown needs three answers (three comments for comments).
POOL_THRESHOLDS = thresholds_validate({"all": 3})


class MomentClosed(Exception):
    """The link no longer works: answered, expired or closed."""


@dataclass(frozen=True)
class MomentLink:
    email: str  # "" for a link the learner passes on themselves
    url: str | None  # None: e-mailed to ``email``, never shown to the learner


def default_question(skill_name: str) -> str:
    return _("How did I do at %(skill)s just now?") % {"skill": skill_name}


def _check(skill: Skill, owner, question: str, emails: Sequence[str], links: int) -> list[str]:
    problems = []
    if skill.area.guide.owner_id != owner.pk or skill.archived_at:
        problems.append(_("Choose a skill of your active guide."))
    if len(question) > MAX_QUESTION:
        problems.append(_("The question is longer than %(n)d characters.") % {"n": MAX_QUESTION})
    seen = set()
    for number, email in enumerate(emails, start=1):
        try:
            validate_email(email)
        except ValidationError:
            problems.append(_("rater %(n)d: %(e)r is not a valid e-mail address") % {"n": number, "e": email})
        if email.casefold() in seen:
            problems.append(_("rater %(n)d: %(e)s is listed twice") % {"n": number, "e": email})
        seen.add(email.casefold())
    if not 0 <= links <= MAX_LINKS:
        problems.append(_("Ask for between 0 and %(n)d links.") % {"n": MAX_LINKS})
    if not emails and links == 0:
        problems.append(_("Add at least one e-mail address, or ask for a link to pass on."))
    if len(emails) + links > MAX_LINKS:
        problems.append(_("At most %(n)d people per moment.") % {"n": MAX_LINKS})
    if emails and not email_available():
        problems.append(no_email_problem())
    return problems


def moment_create(
    *,
    owner,
    skill: Skill,
    base_url: str,
    question: str = "",
    emails: Sequence[str] = (),
    links: int = 0,
    expires_days: int = EXPIRES_DAYS,
    practice_entry_id: int | None = None,
    attributed: bool = False,
) -> tuple[MomentRequest, list[MomentLink]]:
    """Ask one question about one skill; e-mail each address, and return the links to pass on (shown once)."""
    emails = [email.strip() for email in emails if email.strip()]
    question = " ".join(question.split()) or default_question(skill.name)
    problems = _check(skill, owner, question, emails, links)
    if problems:
        raise FeedbackError(problems)
    with transaction.atomic():
        pool, _created = MomentPool.objects.get_or_create(
            owner=owner, skill=skill, defaults={"thresholds": dict(POOL_THRESHOLDS)}
        )
        moment = MomentRequest.objects.create(
            owner=owner,
            pool=pool,
            question=question,
            expires_on=timezone.localdate() + timedelta(days=expires_days),
            link_base_url=base_url.rstrip("/"),
            practice_entry_id=practice_entry_id,  # a practice confirmation: see confirm_services.py
            attributed=attributed,
        )
        issued = [_issue(moment, email, base_url) for email in emails]
        issued += [_issue(moment, "", base_url) for _ in range(links)]
    if emails:
        delivery.moment_mail_send(moment)  # after the commit: see delivery.py
    return moment, issued


def _issue(moment: MomentRequest, email: str, base_url: str) -> MomentLink:
    if email:  # the link is made when the e-mail is sent
        MomentInvitation.objects.create(
            moment=moment, email=email, token_hash=delivery.unusable_token_hash(), mail_due_at=timezone.now()
        )
        return MomentLink(email, None)
    raw, hashed = token_new()
    MomentInvitation.objects.create(moment=moment, email=email, token_hash=hashed)
    return MomentLink(email, rater_url(base_url, raw))


def moment_close(*, moment: MomentRequest) -> None:
    """Stop the moment's links; its answers stay in the pool."""
    with transaction.atomic():
        MomentRequest.objects.filter(pk=moment.pk, closed_at=None).update(closed_at=timezone.now())


def _context(pool_id: int) -> str:
    return f"pool:{pool_id}"


def moment_answer(*, raw_token: str, rating: int | None, comment: str = "") -> None:
    """Seal one answer into the skill's pool and spend the link, atomically; release a batch if due."""
    if type(rating) is not int or rating not in SCALE:
        raise FeedbackError(_("Choose one of the five answers."))
    if len(comment) > MAX_COMMENT:
        raise FeedbackError(_("The comment is longer than %(n)d characters.") % {"n": MAX_COMMENT})
    invitation = moment_invitation_by_token(raw_token=raw_token)
    if not moment_invitation_usable(invitation):
        raise MomentClosed
    answer = {"rating": rating, "comment": comment.strip(), "received_on": timezone.localdate().isoformat()}
    with transaction.atomic():
        pool = MomentPool.objects.select_for_update().get(pk=invitation.moment.pool_id)
        try:
            with transaction.atomic():
                SpentMarker.objects.create(
                    marker=sealed.moment_spent_marker(invitation.pk), moment_id=invitation.moment_id
                )
        except IntegrityError:
            raise MomentClosed from None
        SealedMomentResponse.objects.create(
            pool=pool,
            passed_on=not invitation.email,
            ciphertext=sealed.seal_json(answer, sealed.MOMENT_RESPONSE, _context(pool.pk)),
        )
        pool_release_if_due(pool)


def pool_release_if_due(pool: MomentPool) -> MomentRelease | None:
    """Release the pending answers as the pool's next batch once a full batch of answers from people
    Peoplecraft e-mailed waits (call in a transaction). Pass-on answers never count toward it, but
    are released with it. A pool never closes: fewer than a batch just wait."""
    pending = SealedMomentResponse.objects.filter(pool=pool)
    emailed = pending.filter(passed_on=False).count()
    if not aggregation.release_due(
        pending_anonymous=emailed, pending=emailed, thresholds=pool.thresholds, closing=False
    ):
        return None

    def store(_row: SealedMomentResponse, answer: dict, number: int) -> None:
        MomentResponse.objects.create(
            pool=pool,
            rating=answer["rating"],
            comment=answer["comment"],
            received_on=date.fromisoformat(answer["received_on"]),
            batch=number,
        )

    release = releasing.release_batch(
        releases=MomentRelease.objects,
        parent={"pool": pool},
        thresholds=pool.thresholds,
        sealed_rows=list(pending),
        purpose=sealed.MOMENT_RESPONSE,
        context=_context(pool.pk),
        store_answer=store,
    )
    releasing.result_store(releasing.pool_snapshots(pool)[-1], moment_release=release)
    return release
