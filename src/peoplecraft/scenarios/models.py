"""Plays of the branching conversation scenarios.

Scenarios themselves are not copied into the database: they come from the YAML files named by
``scenario_id``. A play stores its path of choices and the ``content_version`` of the text it was
played on; a finished play also stores its debrief, so its scores never change afterwards.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    WEB = "web", _("Web")
    CLI = "cli", _("Command line")


class ScenarioPlay(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scenario_plays")
    scenario_id = models.CharField(max_length=100)
    content_version = models.CharField(max_length=32)
    # [[node id, choice index], …]: the whole play state; replayed against the scenario.
    path = models.JSONField(default=list, blank=True)
    node_id = models.CharField(max_length=100)  # where the play is now (an ending once finished)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.WEB)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=200, blank=True)
    total_score = models.IntegerField(null=True, blank=True)
    best_total = models.IntegerField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)  # the debrief document (engine.debrief_document)

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["owner", "scenario_id", "finished_at"])]

    def __str__(self) -> str:
        return f"{self.scenario_id} · {self.started_at:%Y-%m-%d}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None
