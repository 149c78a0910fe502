"""Assessments, their answers and the per-skill results stored when one is completed.

Items are not copied into the database: they come from the instrument file named by
``instrument_id`` (plus generic items for skills the bank does not cover).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peoplecraft.skillmap.models import Area, Guide, Skill


class Scope(models.TextChoices):
    GUIDE = "guide", _("Whole guide")
    AREA = "area", _("One area")
    SKILLS = "skills", _("Chosen skills")


class Source(models.TextChoices):
    WEB = "web", _("Web")
    CLI = "cli", _("Command line")
    IMPORT = "import", _("Import")


class Assessment(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments")
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="assessments")
    instrument_id = models.CharField(max_length=100)
    instrument_version = models.PositiveIntegerField()
    scope = models.CharField(max_length=8, choices=Scope.choices)
    area = models.ForeignKey(Area, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # The skills this assessment asks about, fixed when it starts.
    skills = models.ManyToManyField(Skill, related_name="+")
    # Names of the skills the learner said matter most to them (for focus recommendations).
    priorities = models.JSONField(default=list, blank=True)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.WEB)
    # Seeds the shuffled order of the items (questionnaire.presentation_order): fixed at the start,
    # so resuming, on the web or the command line, shows the same order.
    order_seed = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    # Imported assessments: SHA-256 of the normalised answers (``AnswerFile.digest``), so the
    # same answers cannot be imported into a guide twice. Empty for assessments taken here.
    answers_digest = models.CharField(max_length=64, blank=True, default="")
    # A retest asks the items of this earlier assessment again, 14-21 days later (retest.py).
    retest_of = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="retests")

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["owner", "completed_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["guide", "answers_digest"],
                condition=~models.Q(answers_digest=""),
                name="one_import_of_the_same_answers",
            ),
            models.UniqueConstraint(
                fields=["retest_of"], condition=models.Q(retest_of__isnull=False), name="one_retest_per_assessment"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_scope_display()} · {self.started_at:%Y-%m-%d}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class Answer(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    item_id = models.CharField(max_length=200)
    value = models.PositiveSmallIntegerField(null=True, blank=True)  # None: skipped
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["assessment", "item_id"], name="one_answer_per_item")]

    def __str__(self) -> str:
        return f"{self.item_id}={self.value}"


class SkillResult(models.Model):
    """A skill's score in a completed assessment: history and trends read these, not answers."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="results")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="assessment_results")
    score = models.FloatField(null=True, blank=True)  # 0-100; None: not enough answers
    answered = models.PositiveIntegerField()
    items = models.PositiveIntegerField()
    status = models.CharField(max_length=24)  # scoring.SCORED or scoring.NOT_ENOUGH_ANSWERS

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["assessment", "skill"], name="one_result_per_skill")]

    def __str__(self) -> str:
        return f"{self.skill}: {self.score}"
