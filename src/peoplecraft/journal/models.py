"""Reflection entries. Private to their author: no admin page, every read is filtered by owner.

The full-text index is not a model: on SQLite it is the FTS5 table ``journal_entry_fts``
(created by migration 0002, kept in step by ``services`` in the same transaction as each write);
on PostgreSQL a GIN expression index over ``title`` and ``body`` (also migration 0002).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Entry(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries")
    entry_date = models.DateField()
    title = models.CharField(max_length=200)
    body = models.TextField()
    template = models.CharField(max_length=40, default="free")
    # A prompt from the learner's own data that this entry answers ("assessment:skill-12"), and its text.
    prompt_ref = models.CharField(max_length=100, blank=True)
    prompt = models.TextField(blank=True)
    mood = models.PositiveSmallIntegerField(null=True, blank=True)  # 1 (very low) to 5 (very good)
    emotion = models.CharField(max_length=40, blank=True)  # a word of journal/data/emotions.yaml
    stress = models.PositiveSmallIntegerField(null=True, blank=True)  # 0 (none) to 10 (overwhelming)
    skills = models.ManyToManyField("skillmap.Skill", blank=True, related_name="journal_entries")
    # Links to other records as [{"kind": "writing-draft", "id": 4}], checked by journal.sources.
    links = models.JSONField(default=list, blank=True)
    note_id = models.CharField(max_length=64)  # the Dendron note id, kept across export and import
    # The note an entry was imported from (file name, front matter text, raw body, values read;
    # see journal.dendron_source), so export writes it back byte for byte. Empty for entries made here.
    note_source = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-entry_date", "-pk"]
        indexes = [models.Index(fields=["owner", "-entry_date", "-id"], name="journal_entry_owner_date")]
        constraints = [
            models.UniqueConstraint(fields=["owner", "note_id"], name="journal_note_id_unique_per_owner"),
            models.CheckConstraint(condition=Q(mood__gte=1, mood__lte=5) | Q(mood=None), name="journal_mood_1_5"),
            models.CheckConstraint(
                condition=Q(stress__gte=0, stress__lte=10) | Q(stress=None), name="journal_stress_0_10"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entry_date} {self.title}"


class EntryTag(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="tag_rows")
    name = models.CharField(max_length=50)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["entry", "name"], name="journal_tag_unique_per_entry")]
        indexes = [models.Index(fields=["name"], name="journal_tag_name")]

    def __str__(self) -> str:
        return self.name
