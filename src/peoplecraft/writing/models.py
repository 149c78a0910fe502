from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WritingContext(models.TextChoices):
    GENERAL = "general", _("General")
    EMAIL = "email", _("E-mail")
    REPORT = "report", _("Report")
    SOCIAL = "social", _("Social media")


class Draft(models.Model):
    """A saved text: practice evidence for the Written Communication skill.

    The analysis figures are stored with the draft, so the progress chart over months
    reads a few columns instead of re-analysing every text.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts")
    skill = models.ForeignKey(
        "skillmap.Skill", null=True, blank=True, on_delete=models.SET_NULL, related_name="writing_drafts"
    )
    title = models.CharField(max_length=200, blank=True)
    context = models.CharField(max_length=8, choices=WritingContext.choices, default=WritingContext.GENERAL)
    text = models.TextField()
    words = models.PositiveIntegerField(default=0)
    score = models.PositiveSmallIntegerField(default=0)
    readability = models.FloatField(default=0)
    grade = models.FloatField(default=0, help_text=_("Flesch-Kincaid grade level."))
    passive_rate = models.FloatField(default=0)
    findings = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return self.title or self.text[:60]
