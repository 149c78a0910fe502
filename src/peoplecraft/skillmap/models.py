from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Guide(models.Model):
    """A skill guide, usually mirrored from a Dendron note on disk.

    ``note_text`` is the note as it was when app and file last agreed: the common base for
    merging an external edit with the app's state, and what ``export`` writes back.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="guides")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    description = models.TextField(blank=True)
    source_path = models.CharField(max_length=4096, blank=True)
    note_id = models.CharField(max_length=64, blank=True)
    note_created_ms = models.BigIntegerField(null=True, blank=True)
    note_updated_ms = models.BigIntegerField(null=True, blank=True)
    note_text = models.TextField(blank=True)
    is_active = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "slug"], name="guide_slug_unique_per_owner"),
            models.UniqueConstraint(fields=["owner"], condition=Q(is_active=True), name="one_active_guide_per_owner"),
        ]

    def __str__(self) -> str:
        return self.title


class MethodStep(models.Model):
    """One step of the guide's method ("How to Get Started")."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="method_steps")
    number = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Area(models.Model):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="areas")
    number = models.PositiveIntegerField(null=True, blank=True)
    title = models.CharField(max_length=300)
    position = models.PositiveIntegerField(help_text=_("Index of the area in the note (0-based)."))
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


class SkillStatus(models.TextChoices):
    TODO = "todo", _("To do")
    ACTIVE = "active", _("In focus")
    DONE = "done", _("Done")


class StatusSource(models.TextChoices):
    IMPORT = "import", _("Import")
    NOTE = "note", _("Edit in the note")
    WEB = "web", _("Web")
    CLI = "cli", _("Command line")


class Skill(models.Model):
    """A skill of an area. Skills that vanish from the note are archived, never deleted."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="skills")
    name = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField()
    status = models.CharField(max_length=8, choices=SkillStatus.choices, default=SkillStatus.TODO)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["area__position", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class SkillStatusChange(models.Model):
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="status_changes")
    old_status = models.CharField(max_length=8, choices=SkillStatus.choices, blank=True)
    new_status = models.CharField(max_length=8, choices=SkillStatus.choices)
    source = models.CharField(max_length=8, choices=StatusSource.choices)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.skill}: {self.old_status or '-'} → {self.new_status}"
