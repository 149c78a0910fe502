"""360° feedback: requests, rater invitations, anonymous responses and releases.

Unlinkable by construction: a :class:`RaterResponse` has no foreign key to its invitation or
rater, a random UUID primary key, and only the day it arrived. Invitations know whether they were
answered (so a token works once) but never which response is theirs.
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
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Feedback request {self.pk} (deadline {self.deadline:%Y-%m-%d})"

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.closed_at is None and today <= self.deadline


class InvitationState(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    DECLINED = "declined", _("Declined")


class Invitation(models.Model):
    """One rater's invitation. Only the SHA-256 of its token is stored; the state is never shown."""

    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    group = models.CharField(max_length=16, choices=Group.choices)
    attributed = models.BooleanField(default=False)  # the form tells this rater their answers are attributed
    token_hash = models.CharField(max_length=64, unique=True)
    state = models.CharField(max_length=8, choices=InvitationState.choices, default=InvitationState.OPEN)
    draft = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["request", "email"], name="one_invitation_per_email")]

    def __str__(self) -> str:
        return f"{self.get_group_display()} invitation"


class ReminderSent(models.Model):
    """At most one reminder per invitation per schedule point (a unique constraint, not a check)."""

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="+")
    point = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["invitation", "point"], name="one_reminder_per_point")]

    def __str__(self) -> str:
        return f"reminder {self.point:%Y-%m-%d}"


class RaterResponse(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="responses")
    group = models.CharField(max_length=16, choices=Group.choices)
    attributed = models.BooleanField(default=False)
    ratings = models.JSONField(default=dict)  # item id -> 1..5, or None for "don't know"
    comments = models.JSONField(default=dict)  # keep / start / stop -> text
    received_on = models.DateField()  # the day only: no finer time is kept
    batch = models.PositiveIntegerField(null=True, blank=True)  # the release it belongs to; None: pending

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

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Moment {self.pk}"

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.closed_at is None and today <= self.expires_on


class MomentInvitation(models.Model):
    """One link of a moment: e-mailed to someone, or handed over by the learner (no e-mail)."""

    moment = models.ForeignKey(MomentRequest, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    state = models.CharField(max_length=8, choices=InvitationState.choices, default=InvitationState.OPEN)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return "moment invitation"


class MomentResponse(models.Model):
    """One answer: a rating and an optional comment, in the skill's pool; no link to moment or rater."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pool = models.ForeignKey(MomentPool, on_delete=models.CASCADE, related_name="responses")
    rating = models.PositiveSmallIntegerField()  # 1..5
    comment = models.TextField(blank=True)
    received_on = models.DateField()  # the day only
    batch = models.PositiveIntegerField(null=True, blank=True)  # the pool's release; None: pending

    class Meta:
        ordering = ["id"]  # random: never the order of arrival

    def __str__(self) -> str:
        return "moment response"


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
