"""Backup → restore into an empty database → backup again gives an identical document."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, time, timedelta
from datetime import timezone as timezone_offset
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from peoplecraft.exchange.backup import BackupError, backup_document, backup_read, backup_restore, backup_text
from peoplecraft.skillmap import selectors as skillmap_selectors

pytestmark = pytest.mark.django_db(transaction=True)


def _fill(owner, guide) -> None:
    """A bit of everything: statuses, an assessment, a draft, practice, a scenario, journal, goal, 360 request."""
    from peoplecraft.assessment import selectors as assessment_selectors
    from peoplecraft.assessment import services as assessment
    from peoplecraft.feedback.services import request_create
    from peoplecraft.goals.services import GoalInput, goal_checkin, goal_create
    from peoplecraft.journal.services import EntryInput, entry_create
    from peoplecraft.practice.services import practice_entry_log
    from peoplecraft.scenarios.services import play_start
    from peoplecraft.skillmap.services import skill_mark
    from peoplecraft.writing.services import draft_save

    mediation = skillmap_selectors.skill_find(guide=guide, name="Mediation")
    skill_mark(skill=mediation, status="active", source="cli")
    started = assessment.assessment_start(owner=owner, guide=guide, scope="area", area=mediation.area)
    items = assessment_selectors.assessment_items(assessment=started)
    assessment.answers_save(assessment=started, answers={item.id: 4 for item in items})
    assessment.assessment_complete(assessment=started)
    draft_save(owner=owner, text="The memo was written by Ana. Ünïcode stays: 🎉", context="email", title="Memo")
    practice_entry_log(owner=owner, skill="Mediation", occurred_on=timezone.localdate(), situation="Retro")
    play_start(owner=owner, scenario_id="angry-customer")
    entry_create(
        owner=owner,
        data=EntryInput(
            entry_date=timezone.localdate(),
            body="Listened first today.",
            tags=["retro"],
            skill_ids=[mediation.pk],
            mood=4,
        ),
    )
    goal = goal_create(
        owner=owner,
        data=GoalInput(
            title="Mediate calmly",
            skill_id=mediation.pk,
            measure="meetings",
            target=3,
            due_date=timezone.localdate() + timedelta(days=30),
        ),
    )
    goal_checkin(goal=goal, amount=6, note="two to go")
    feedback_request, links = request_create(
        owner=owner,
        guide=guide,
        skills=[mediation],
        raters=[("peer", f"p{i}@example.org") for i in range(3)],
        deadline=timezone.localdate() + timedelta(days=10),
        base_url="http://127.0.0.1:8000",
        delivery="pass_on",
    )
    # One answer (sealed: below the batch) and one draft (sealed with its rater's token).
    from peoplecraft.feedback import rater_services

    tokens = [link.url.rstrip("/").rsplit("/", 1)[1] for link in links]
    ratings = {item: 3 for item in feedback_request.item_ids}
    rater_services.response_submit(raw_token=tokens[0], ratings=ratings, comments={"keep": "Calm voice"})
    rater_services.draft_save(raw_token=tokens[1], ratings=ratings, comments={"stop": "Not yet sent"})
    # A released request: its stored figures (means that are not round numbers) and comments.
    released, links = request_create(
        owner=owner,
        guide=guide,
        skills=[mediation],
        raters=[("peer", f"r{i}@example.org") for i in range(3)],
        deadline=timezone.localdate() + timedelta(days=10),
        base_url="http://127.0.0.1:8000",
        delivery="pass_on",
    )
    for number, link in enumerate(links):
        token = link.url.rstrip("/").rsplit("/", 1)[1]
        answers = {item: 1 + (number + position) % 5 for position, item in enumerate(released.item_ids)}
        rater_services.response_submit(raw_token=token, ratings=answers, comments={"keep": f"Released words {number}"})


def _results(feedback_request):
    from peoplecraft.feedback.results import feedback_results

    return feedback_results(feedback_request=feedback_request)


def _shown(feedback_request) -> dict:
    """The results export, its comments sorted (they are shuffled on every read)."""
    from peoplecraft.feedback.results import results_document

    document = results_document(_results(feedback_request))
    for group in document["comments"]:
        group["texts"] = sorted(group["texts"])
    return document


def test_backup_restore_backup_is_identical(owner, imported_guide):
    from peoplecraft.journal.search import entry_search
    from peoplecraft.journal.selectors import EntryFilters

    _fill(owner, imported_guide)
    first = backup_text(backup_document())
    models = {row["model"] for row in json.loads(first)["objects"]}
    assert {
        "skillmap.skill",
        "assessment.skillresult",
        "writing.draft",
        "journal.entry",
        "goals.checkin",
        "feedback.invitation",
        "feedback.spentmarker",
        "feedback.sealedresponse",
        "feedback.draft",
        "feedback.releasedresult",
        "feedback.releasedscore",
        "feedback.releasedcomment",
        "scenarios.scenarioplay",
        "practice.practiceentry",
    } <= models
    assert "accounts.signintoken" not in models
    assert "Calm voice" not in first and "Not yet sent" not in first  # sealed, not readable in the backup

    from peoplecraft.feedback.models import FeedbackRequest

    shown = {r.pk: _shown(r) for r in FeedbackRequest.objects.all()}
    assert any(document["released"] and document["comments"] for document in shown.values())

    call_command("flush", interactive=False, verbosity=0)
    restored = backup_restore(json.loads(first))
    assert restored == len(json.loads(first)["objects"])
    assert backup_text(backup_document()) == first
    assert {r.pk: _shown(r) for r in FeedbackRequest.objects.all()} == shown  # read from the restored rows

    from peoplecraft.accounts.models import User

    owner = User.objects.get(is_owner=True)
    hits = entry_search(owner=owner, text="listened", filters=EntryFilters()).hits
    assert [hit.entry.body for hit in hits] == ["Listened first today."]  # the search index was rebuilt
    guide = skillmap_selectors.guide_get(owner=owner)
    from peoplecraft.skillmap.services import guide_create_from_text

    # New rows after a restore get fresh ids (PostgreSQL sequences were moved past the restored ones).
    guide_create_from_text(owner=owner, text="## 1. **A**\n- **B**: c\n", name="After restore")
    assert skillmap_selectors.skill_find(guide=guide, name="Mediation").status == "active"


def test_restore_refuses_a_database_with_data(owner):
    document = backup_document()
    with pytest.raises(BackupError, match="empty database"):
        backup_restore(document)


def test_backup_file_is_private_and_bad_files_are_named(owner, tmp_path):
    from peoplecraft.exchange.backup import backup_write

    target = tmp_path / "backup.json"
    assert backup_write(target) >= 1
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert backup_read(target)["format"] == "peoplecraft-backup"
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "peoplecraft-backup",\n "objects": [', encoding="utf-8")
    with pytest.raises(BackupError, match=r"broken\.json:2: not valid JSON"):
        backup_read(broken)
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(BackupError, match="not a Peoplecraft backup"):
        backup_read(other)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (datetime(2025, 3, 1, 9, 0, 0, 500, tzinfo=UTC), '"2025-03-01T09:00:00.000500Z"'),
        (datetime(2025, 3, 1, 9, 0, 0, tzinfo=UTC), '"2025-03-01T09:00:00.000000Z"'),
        (
            datetime(2025, 3, 1, 11, 0, 0, 123456, tzinfo=timezone_offset(timedelta(hours=2))),
            '"2025-03-01T09:00:00.123456Z"',
        ),
        (time(9, 30, 0, 7), '"09:30:00.000007"'),
        (Decimal("1.050"), '"1.050"'),
    ],
)
def test_values_are_written_exactly_and_one_way(value, text):
    assert backup_text({"v": value}) == '{\n "v": ' + text + "\n}\n"
