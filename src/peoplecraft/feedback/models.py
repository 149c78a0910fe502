"""360° feedback: requests, rater invitations, anonymous responses and releases.

Unlinkable by construction (docs/feedback.md, "How answers are stored"):

- an :class:`Invitation` holds no state: whether its link was used is a :class:`SpentMarker`, an
  HMAC of the invitation under the sealing key kept outside the database, so no table (and no
  backup) says which invitation answered or declined;
- an answer arrives sealed (:class:`SealedResponse`, encrypted with that key) and becomes a
  :class:`RaterResponse` only when its batch is released, in random order, with a random UUID
  primary key, no link to an invitation and only the day it arrived;
- a draft (:class:`Draft`) is encrypted with a key derived from the rater's raw token, which the
  server never stores: only the rater can read it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peoplecraft.skillmap.models import Guide, Skill


class Group(models.TextChoices):
    MANAGER = "manager", _("Manager")
    PEER = "peer", _("Peer")
    DIRECT_REPORT = "direct_report", _("Direct report")
    MENTOR = "mentor", _("Mentor")
    FRIEND_FAMILY = "friend_family", _("Friend or family")
    OTHER = "other", _("Other")


class Delivery(models.TextChoices):
    EMAIL = "email", _("Peoplecraft e-mails each rater")
    PASS_ON = "pass_on", _("I pass the links on myself")


class FeedbackRequest(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_requests")
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="feedback_requests")
    skills = models.ManyToManyField(Skill, related_name="+")
    instrument_id = models.CharField(max_length=100)
    item_ids = models.JSONField(default=list)  # fixed when the request is created, in guide order
    message = models.TextField(blank=True)
    deadline = models.DateField()
    reminder_days = models.PositiveSmallIntegerField(default=3)
    attribute_manager = models.BooleanField(default=True)
    thresholds = models.JSONField(default=dict)  # set when sent; only ever raised
    self_answers = models.JSONField(default=dict, blank=True)  # item id -> 1..5 or None
    delivery = models.CharField(max_length=8, choices=Delivery.choices, default=Delivery.EMAIL)
    link_base_url = models.CharField(max_length=200, blank=True)  # where e-mailed links point (see delivery.py)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Feedback request {self.pk} (deadline {self.deadline:%Y-%m-%d})"

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.closed_at is None and today <= self.deadline


class Invitation(models.Model):
    """One rater's invitation. Only the SHA-256 of its token is stored, and no state at all."""

    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    group = models.CharField(max_length=16, choices=Group.choices)
    attributed = models.BooleanField(default=False)  # the form tells this rater their answers are attributed
    token_hash = models.CharField(max_length=64, unique=True)
    # Delivery, not behaviour: set while the invitation e-mail is not yet delivered (a sender may
    # claim it from this time on); the link itself is made only when the e-mail is sent.
    mail_due_at = models.DateTimeField(null=True, blank=True)
    reminded_for = models.DateField(null=True, blank=True)  # the reminder point already mailed to this invitee

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["request", "email"], name="one_invitation_per_email")]

    def __str__(self) -> str:
        return f"{self.get_group_display()} invitation"


class ReminderSent(models.Model):
    """At most one reminder round per request per schedule point; it goes to every invitee."""

    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="+")
    point = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "point"], name="one_reminder_round_per_point")]

    def __str__(self) -> str:
        return f"reminder {self.point:%Y-%m-%d}"


class SpentMarker(models.Model):
    """ "Some link of this request (or moment) was used": the HMAC of the invitation under the sealing
    key (:func:`peoplecraft.core.sealing.marker`). Unique, so a link is spent exactly once; without
    the key (the database or a backup alone) it cannot be matched to an invitation. The primary key
    is the marker itself, so not even row ids keep the order in which links were used."""

    marker = models.CharField(max_length=64, primary_key=True)
    request = models.ForeignKey(FeedbackRequest, null=True, on_delete=models.CASCADE, related_name="+")
    moment = models.ForeignKey("MomentRequest", null=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["marker"]

    def __str__(self) -> str:
        return "spent link"


class Draft(models.Model):
    """A rater's unfinished answers, encrypted with a key derived from their raw token.

    ``locator`` is the SHA-256 of ``"draft:" + token``: neither it nor the key can be computed
    without the token, which the server does not store (the rater's link and cookie hold it)."""

    locator = models.CharField(max_length=64, primary_key=True)
    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="+")
    ciphertext = models.TextField()  # base64 of nonce + AES-GCM ciphertext

    class Meta:
        ordering = ["locator"]

    def __str__(self) -> str:
        return "sealed draft"


class SealedResponse(models.Model):
    """An answer not yet released, sealed with the installation's sealing key (kept outside the
    database). ``attributed`` stays readable because the batch rule counts anonymous answers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="+")
    attributed = models.BooleanField(default=False)
    ciphertext = models.TextField()  # group, ratings, comments, day received

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return "sealed response"


class RaterResponse(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="responses")
    group = models.CharField(max_length=16, choices=Group.choices)
    attributed = models.BooleanField(default=False)
    ratings = models.JSONField(default=dict)  # item id -> 1..5, or None for "don't know"
    comments = models.JSONField(default=dict)  # keep / start / stop -> text
    received_on = models.DateField()  # the day only: no finer time is kept
    batch = models.PositiveIntegerField()  # the release it belongs to (pending answers are sealed)

    class Meta:
        ordering = ["id"]  # random: never the order of arrival

    def __str__(self) -> str:
        return "response"


class Release(models.Model):
    """A batch of results made visible to the learner, with the thresholds in force at the time."""

    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="releases")
    number = models.PositiveIntegerField()
    thresholds = models.JSONField()
    released_on = models.DateField()

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["request", "number"], name="one_release_number")]

    def __str__(self) -> str:
        return f"release {self.number}"


# --- Micro-feedback after a moment ------------------------------------------------------------
# A parallel set of small models: a full request's invitation is tied to its items, groups and
# deadline, while a moment has one question, no groups, and answers that are pooled per skill.


class MomentPool(models.Model):
    """All micro-feedback one learner received on one skill: the unit the anonymity rules apply to.

    Answers are pooled here, not kept with the moment that asked for them, so a pooled number can
    never be split back into moments (and deleting a moment cannot be used to subtract its answers).
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moment_pools")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    thresholds = models.JSONField(default=dict)  # only ever raised
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "skill"], name="one_moment_pool_per_skill")]

    def __str__(self) -> str:
        return "micro-feedback pool"


class MomentRequest(models.Model):
    """One question about one skill after a specific moment ("How did I listen in today's retro?")."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moment_requests")
    pool = models.ForeignKey(MomentPool, on_delete=models.CASCADE, related_name="moments")
    question = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    expires_on = models.DateField()
    closed_at = models.DateTimeField(null=True, blank=True)
    link_base_url = models.CharField(max_length=200, blank=True)  # where e-mailed links point (see delivery.py)
    # A practice confirmation (issue 16, "rehearse -> try -> ask"): a yes/no question about one logged
    # practice entry (an id, not a key: feedback reads practice, never the other way round).
    # ``attributed``: the one answer is the learner's to read, on that entry (:class:`ConfirmationAnswer`);
    # otherwise it joins the skill's pool like any moment answer and is never shown per entry.
    practice_entry_id = models.PositiveIntegerField(null=True, blank=True)
    attributed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Moment {self.pk}"

    @property
    def is_confirmation(self) -> bool:
        return self.practice_entry_id is not None

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.closed_at is None and today <= self.expires_on


class MomentInvitation(models.Model):
    """One link of a moment: e-mailed to someone, or handed over by the learner (no e-mail)."""

    moment = models.ForeignKey(MomentRequest, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    mail_due_at = models.DateTimeField(null=True, blank=True)  # as Invitation.mail_due_at

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return "moment invitation"


class ConfirmationAnswer(models.TextChoices):
    YES = "yes", _("Yes")
    NOT_REALLY = "not_really", _("Not really")
    NOT_SURE = "not_sure", _("Not sure")


class AttributedConfirmation(models.Model):
    """The answer to an attributed practice confirmation: the rater was told the learner reads it.

    Only attributed confirmations have one; a pooled confirmation's answer is a sealed moment answer
    in the skill's pool, with no link to the moment or the practice entry."""

    moment = models.OneToOneField(MomentRequest, on_delete=models.CASCADE, related_name="confirmation")
    answer = models.CharField(max_length=12, choices=ConfirmationAnswer.choices)
    comment = models.TextField(blank=True)
    received_on = models.DateField()

    def __str__(self) -> str:
        return f"confirmation {self.answer}"


class MomentResponse(models.Model):
    """One answer: a rating and an optional comment, in the skill's pool; no link to moment or rater."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pool = models.ForeignKey(MomentPool, on_delete=models.CASCADE, related_name="responses")
    rating = models.PositiveSmallIntegerField()  # 1..5
    comment = models.TextField(blank=True)
    received_on = models.DateField()  # the day only
    batch = models.PositiveIntegerField()  # the pool's release (pending answers are sealed)

    class Meta:
        ordering = ["id"]  # random: never the order of arrival

    def __str__(self) -> str:
        return "moment response"


class SealedMomentResponse(models.Model):
    """A micro-feedback answer not yet released, sealed like :class:`SealedResponse`.

    ``passed_on``: it came through a link the learner passed on themselves (they know which links
    those were): such answers never count toward the pool's release threshold."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pool = models.ForeignKey(MomentPool, on_delete=models.CASCADE, related_name="+")
    passed_on = models.BooleanField(default=False)
    ciphertext = models.TextField()  # rating, comment, day received

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return "sealed moment response"


class MomentRelease(models.Model):
    pool = models.ForeignKey(MomentPool, on_delete=models.CASCADE, related_name="releases")
    number = models.PositiveIntegerField()
    thresholds = models.JSONField()
    released_on = models.DateField()

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["pool", "number"], name="one_moment_release_number")]

    def __str__(self) -> str:
        return f"moment release {self.number}"


# --- Released results, stored once --------------------------------------------------------------
# What a release made visible is computed once, when the batch is released (in the same transaction),
# and stored here: pages read these rows and never recompute the anonymity plan. The rows are
# immutable: no update path exists (``save`` of a stored row and ``QuerySet.update`` refuse), so a
# later change in the raw answers can never change figures the learner has already been shown.


class ImmutableRowError(RuntimeError):
    """Released figures are facts: they are written once and never changed."""


class _ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableRowError(f"{self.model.__name__} rows are released figures: they are never updated")


class _Immutable(models.Model):
    objects = _ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRowError(f"{type(self).__name__} rows are released figures: they are never updated")
        super().save(*args, **kwargs)


class ReleasedResult(_Immutable):
    """The figures one release (of a request, or of a moment pool) made visible.

    Exactly one of ``release`` and ``moment_release`` is set. ``responses`` counts the answers
    behind at least one shown number or comment."""

    release = models.OneToOneField(Release, null=True, on_delete=models.CASCADE, related_name="result")
    moment_release = models.OneToOneField(MomentRelease, null=True, on_delete=models.CASCADE, related_name="result")
    responses = models.PositiveIntegerField()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(release__isnull=False, moment_release__isnull=True)
                | models.Q(release__isnull=True, moment_release__isnull=False),
                name="released_result_of_one_release",
            )
        ]

    def __str__(self) -> str:
        return "released result"


class ReleasedScore(_Immutable):
    """One shown number set: an item's answers under one label, as the anonymity rules admitted it.

    ``label`` is a group, ``others`` (small groups merged) or ``all`` (every shown answer of the
    item together). A label the rules held back has no row: suppressed figures are never stored."""

    result = models.ForeignKey(ReleasedResult, on_delete=models.CASCADE, related_name="scores")
    position = models.PositiveIntegerField()  # item order, then label order: the order pages show
    skill = models.CharField(max_length=200)
    item = models.CharField(max_length=100)
    label = models.CharField(max_length=16)
    attributed = models.BooleanField(default=False)
    n = models.PositiveIntegerField()
    mean = models.FloatField()  # on the item's scale
    percent = models.FloatField()  # the mean as 0-100, reverse-keyed items turned round
    distribution = models.JSONField()  # answers per scale point, low..high

    class Meta:
        ordering = ["result", "position"]
        constraints = [models.UniqueConstraint(fields=["result", "position"], name="one_released_score_position")]

    def __str__(self) -> str:
        return "released score"


class ReleasedComment(_Immutable):
    """One shown group of comments on one open question, sorted (never the order they were written)."""

    result = models.ForeignKey(ReleasedResult, on_delete=models.CASCADE, related_name="comments")
    position = models.PositiveIntegerField()
    question = models.CharField(max_length=16)
    label = models.CharField(max_length=16)
    attributed = models.BooleanField(default=False)
    texts = models.JSONField()

    class Meta:
        ordering = ["result", "position"]
        constraints = [models.UniqueConstraint(fields=["result", "position"], name="one_released_comment_position")]

    def __str__(self) -> str:
        return "released comments"
