"""``peoplecraft goals …`` and ``peoplecraft review``: SMART refusal, check-ins, board, calendar, JSON."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from typer.testing import CliRunner

from peoplecraft.cli.main import app
from peoplecraft.goals.models import Goal

pytestmark = pytest.mark.django_db
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def _due(days: int = 60) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def _add(*extra: str):
    return invoke(
        "goals",
        "add",
        "Ask before advising",
        "--skill",
        "Active Listening",
        "--measure",
        "one-to-ones where I asked first",
        "--target",
        "8",
        "--due",
        _due(),
        *extra,
    )


def test_add_list_checkin_done(imported_guide):
    result = _add("--format", "json", "--milestone", f"{_due(30)} Halfway")
    assert result.exit_code == 0, result.output
    goal = json.loads(result.stdout)
    assert set(goal) == {
        "id",
        "title",
        "skill",
        "measure",
        "target",
        "due",
        "status",
        "done",
        "progress",
        "expected",
        "slipping",
        "quadrant",
        "created",
    }
    assert invoke("goals", "checkin", str(goal["id"]), "--done", "2", "--note", "Two so far").exit_code == 0
    listed = json.loads(invoke("goals", "list", "--format", "json").stdout)["goals"]
    assert (listed[0]["done"], listed[0]["progress"]) == (2, 25) and not listed[0]["slipping"]
    assert invoke("goals", "done", str(goal["id"])).exit_code == 0
    assert Goal.objects.get().status == "done"


def test_vague_goal_is_refused_with_each_field_named(imported_guide):
    result = invoke(
        "goals",
        "add",
        "Be nicer",
        "--skill",
        "Juggling",
        "--measure",
        " ",
        "--target",
        "5",
        "--due",
        timezone.localdate().isoformat(),
    )
    assert result.exit_code == 2
    for field in ("--skill", "--measure", "--due:"):
        assert field in result.stderr, field
    assert "--due-date" not in result.stderr
    assert Goal.objects.count() == 0


def test_bad_date_and_progress_exit_2(imported_guide):
    assert (
        "not a real date"
        in invoke(
            "goals", "add", "X", "--skill", "Mediation", "--measure", "m", "--target", "1", "--due", "2030-02-30"
        ).stderr
    )
    goal_id = json.loads(_add("--format", "json").stdout)["id"]
    result = invoke("goals", "checkin", str(goal_id), "--done", "-3")
    assert result.exit_code == 2 and "--done" in result.stderr
    assert invoke("goals", "checkin", "99999", "--done", "1").exit_code == 2


def test_board_and_calendar(imported_guide, tmp_path):
    _add("--quadrant", "do")
    board = json.loads(invoke("goals", "board", "--format", "json").stdout)
    assert list(board) == ["do", "schedule", "delegate", "eliminate"] and board["do"][0]["kind"] == "goal"
    target = tmp_path / "goals.ics"
    assert invoke("goals", "calendar", str(target)).exit_code == 0
    text = target.read_text()
    assert "SUMMARY:Due: Ask before advising" in text and "RRULE:FREQ=DAILY;" in text


def test_review_json_document(imported_guide):
    _add()
    result = invoke("review", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert set(document) == {
        "week",
        "practised",
        "reflections",
        "feedback_from_others",
        "feedback",
        "mood",
        "trend",
        "trend_rows",
        "goals_due",
        "goals_slipping",
        "focus",
    }
    assert len(document["trend"]) == 8 and document["focus"]["reason"].endswith(".")


def test_review_bad_week_exits_2(owner):
    result = invoke("review", "--week", "2025-13-40")
    assert result.exit_code == 2 and "--week" in result.stderr
