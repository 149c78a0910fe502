"""The progress page and report read every step through its app's selectors."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from django.utils import timezone
from typer.testing import CliRunner

from peoplecraft.cli.main import app
from peoplecraft.skillmap import selectors as skillmap_selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def some_progress(owner, imported_guide):
    from peoplecraft.practice.services import practice_entry_log
    from peoplecraft.skillmap.services import skill_mark
    from peoplecraft.writing.services import draft_save

    mediation = skillmap_selectors.skill_find(guide=imported_guide, name="Mediation")
    skill_mark(skill=mediation, status="active", source="web")
    practice_entry_log(owner=owner, skill="Mediation", occurred_on=timezone.localdate(), situation="Retro")
    draft_save(owner=owner, text="The memo was written by Ana.", context="email", title="Memo")


def test_progress_page_shows_every_step(owner_client, some_progress):
    body = owner_client.get(reverse("dashboard:progress")).content.decode()
    assert "5 of 52 skills mastered in “Guide”" in body
    assert "In focus: Mediation" in body
    assert "1 session this week on your focus skills" in body
    assert "1 draft · latest clarity" in body
    assert "Not taken yet." in body and "0 open requests" in body


def test_progress_report_json_matches(owner, some_progress):
    result = CliRunner().invoke(app, ["progress", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["skill_map"] == {"guide": "Guide", "done": 5, "total": 52, "in_focus": ["Mediation"]}
    assert document["practice"]["this_week"] == 1 and document["practice"]["focus"][0]["skill"] == "Mediation"
    assert document["writing"]["drafts"] == 1 and document["assessment"] is None


def test_progress_shows_only_your_own_data(client, outsider, some_progress):
    client.force_login(outsider)
    body = client.get(reverse("dashboard:progress")).content.decode()
    assert "Mediation" not in body and "No drafts yet." in body and "No guide yet." in body


def test_draft_count_is_not_capped_by_a_page_size(owner):
    from peoplecraft.dashboard.selectors import progress_overview
    from peoplecraft.writing.models import Draft

    Draft.objects.bulk_create(Draft(owner=owner, text=f"Draft {i}.", score=50) for i in range(60))
    assert progress_overview(owner=owner).writing["drafts"] == 60
