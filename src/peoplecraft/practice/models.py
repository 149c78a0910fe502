"""The practice log, the learner's focus skills and their practice cards' schedules.

Exercises and cards themselves live in data files; plans are recomputed from the log
(``practice.planner``), so they are not stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from peoplecraft.skillmap.models import Skill


class EntrySource(models.TextChoices):
    MANUAL = "manual", _("Logged by hand")
    EXERCISE = "exercise", _("Exercise")
    CARD = "card", _("Practice card")
    SCENARIO = "scenario", _("Scenario")
    WRITING = "writing", _("Writing")


class PracticeEntry(models.Model):
    """One practice session of one skill: an exercise, a card tried for real, or a free situation."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_entries")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="practice_entries")
    occurred_on = models.DateField()
    exercise_id = models.CharField(max_length=100, blank=True)
    situation = models.CharField(max_length=500)
    what_happened = models.TextField(blank=True)
    went_well = models.TextField(blank=True)
    to_improve = models.TextField(blank=True)
    self_rating = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(null=True, blank=True)
    source = models.CharField(max_length=10, choices=EntrySource.choices, default=EntrySource.MANUAL)
    source_ref = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The other person answered "Yes" to an attributed confirmation of this session (issue 16; set by
    # the feedback app through services.entry_confirmed). Counts 1.5x in habit strength (habits.py).
    # A pooled confirmation never sets it: its answer is not known per session.
    confirmed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-occurred_on", "-created_at", "-pk"]
        indexes = [models.Index(fields=["owner", "occurred_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(self_rating__isnull=True) | Q(self_rating__gte=1, self_rating__lte=5),
                name="practice_rating_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.skill}: {self.situation[:40]}"


class FocusSkill(models.Model):
    """A skill the learner chose to practise; when none is chosen, the plan uses a default."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_focus")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["owner", "skill"], name="focus_skill_once")]

    def __str__(self) -> str:
        return str(self.skill)


class CardState(models.Model):
    """A practice card's spaced-repetition state (``fsrs.Card.to_dict()``) for one learner."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_cards")
    card_id = models.CharField(max_length=100)
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    fsrs = models.JSONField()
    due = models.DateTimeField()
    reviews = models.PositiveIntegerField(default=0)
    last_grade = models.CharField(max_length=8, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due", "pk"]
        constraints = [models.UniqueConstraint(fields=["owner", "card_id"], name="card_state_once")]

    def __str__(self) -> str:
        return self.card_id


class CardReview(models.Model):
    """One grade of a card. ``previous`` is the card's state just before it (``fsrs``, ``due``,
    ``last_grade``, ``reviews``; None for a card graded for the first time) and ``entry_id`` the
    practice session the grade logged, so the latest grade can be undone exactly."""

    card = models.ForeignKey(CardState, on_delete=models.CASCADE, related_name="history")
    grade = models.CharField(max_length=8)
    reviewed_at = models.DateTimeField()
    previous = models.JSONField(null=True, blank=True)
    entry_id = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["reviewed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.card} {self.grade}"


class PracticeReminder(models.Model):
    """A learner's opt-in to a daily e-mail of the day's planned sessions.

    ``sent_on`` is the last day a reminder was claimed for: the sender claims a day before it
    sends (outside any transaction) and gives the claim back when the mail server refuses, so a
    learner gets at most one reminder a day however often ``practice remind`` runs.
    """

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_reminder")
    enabled = models.BooleanField(default=False)
    sent_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.owner}: {'on' if self.enabled else 'off'}"
