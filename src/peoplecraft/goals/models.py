"""SMART goals with milestones, check-ins and next actions, each placed on an Eisenhower board."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class GoalStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class Goal(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals")
    skill = models.ForeignKey("skillmap.Skill", on_delete=models.CASCADE, related_name="goals")  # specific
    title = models.CharField(max_length=200)
    measure = models.CharField(max_length=300)  # measurable: what is counted
    target = models.FloatField()  # measurable: how many of it
    due_date = models.DateField()  # time-bound
    status = models.CharField(max_length=8, choices=GoalStatus.choices, default=GoalStatus.ACTIVE)
    urgent = models.BooleanField(default=False)
    important = models.BooleanField(default=True)
    reminder_days = models.PositiveSmallIntegerField(default=7)  # a check-in reminder every N days
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["owner", "status", "due_date"], name="goal_owner_status_due")]
        constraints = [models.CheckConstraint(condition=Q(target__gt=0), name="goal_target_positive")]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due_date = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.title


class CheckIn(models.Model):
    """How much of the goal's measure is done so far, in the goal's own unit ("3" of 8 one-to-ones).

    The percentage is derived (``amount / goal.target``, at most 100 %), so editing the target
    moves the progress bar without rewriting check-ins.
    """

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="checkins")
    amount = models.FloatField()  # in the unit of the goal's target; may pass the target
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="checkin_amount_not_negative")]

    def __str__(self) -> str:
        return f"{self.goal}: {self.amount:g} of {self.goal.target:g}"

    @property
    def percent(self) -> float:
        return min(100.0, 100.0 * self.amount / self.goal.target)


class NextAction(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(max_length=200)
    urgent = models.BooleanField(default=False)
    important = models.BooleanField(default=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title
