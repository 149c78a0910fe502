"""Core tables: the short-lived trash that makes deletions undoable (see :mod:`peoplecraft.core.trash`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class TrashedItem(models.Model):
    """Rows just deleted by their owner, serialized exactly, kept only for the undo window.

    The rows are gone from their own tables the moment they are deleted, so every page, selector,
    CLI list, export and backup stops seeing them at once; only "Undo" reads this table.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    label = models.CharField(max_length=300)
    rows = models.TextField(help_text="The deleted rows, Django's python serialization as JSON.")
    relinks = models.TextField(default="[]", help_text="Links set to NULL by the deletion, to put back.")
    on_restore = models.CharField(max_length=200, blank=True, help_text="'module:function' run after a restore.")
    return_url = models.CharField(max_length=500, blank=True)
    deleted_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.label
