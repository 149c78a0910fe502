"""The learner's reading list. The catalogue itself lives in data files, not in the database."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from peoplecraft.skillmap.models import Skill


class ReadingStatus(models.TextChoices):
    TODO = "todo", _("To do")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class ResourceType(models.TextChoices):
    BOOK = "book", _("Book")
    COURSE = "course", _("Course")
    ARTICLE = "article", _("Article")
    TALK = "talk", _("Talk")
    PODCAST = "podcast", _("Podcast")
    OTHER = "other", _("Other")


class ReadingItem(models.Model):
    """A resource on the learner's list: from the catalogue (``catalogue_id``) or their own."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_items")
    catalogue_id = models.CharField(max_length=100, blank=True)
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=2000, blank=True)
    kind = models.CharField(max_length=8, choices=ResourceType.choices, default=ResourceType.OTHER)
    authors = models.CharField(max_length=300, blank=True)
    notes = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=ReadingStatus.choices, default=ReadingStatus.TODO)
    skills = models.ManyToManyField(Skill, related_name="reading_items", blank=True)
    added_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-added_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "catalogue_id"], condition=~Q(catalogue_id=""), name="catalogue_item_once_per_owner"
            ),
        ]

    def __str__(self) -> str:
        return self.title
