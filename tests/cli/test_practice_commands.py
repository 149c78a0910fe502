"""``peoplecraft practice …`` in-process: the same outcomes as the views."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone
from icalendar import Calendar
from typer.testing import CliRunner

from peoplecraft.cli.main import app
from peoplecraft.practice.models import CardState, FocusSkill, PracticeEntry

pytestmark = pytest.mark.django_db
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_plan_sets_focus_and_prints_json_and_ics(imported_guide, tmp_path):
    path = tmp_path / "plan.ics"
    result = invoke(
        "practice",
        "plan",
        "--focus",
        "active listening",
        "--focus",
        "Mediation",
        "--ics",
        str(path),
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["focus_from"] == "chosen" and [s["skill"] for s in document["skills"]] == [
        "Active Listening",
        "Mediation",
    ]
    assert len(document["sessions"]) == 6
    assert len(Calendar.from_ical(path.read_bytes()).walk("VEVENT")) == 6
    assert FocusSkill.objects.count() == 2


def test_log_then_today_shows_strength(imported_guide):
    invoke("practice", "plan", "--focus", "Mediation")
    result = invoke(
        "practice",
        "log",
        "mediation",
        "--situation",
        "Helped two teammates agree",
        "--rating",
        "4",
        "--minutes",
        "20",
        "--happened",
        "They agreed a rota.",
    )
    assert result.exit_code == 0, result.output
    entry = PracticeEntry.objects.get()
    assert (entry.self_rating, entry.duration_minutes, entry.what_happened) == (4, 20, "They agreed a rota.")
    document = json.loads(invoke("practice", "today", "--format", "json").stdout)
    assert document["date"] == timezone.localdate().isoformat()
    assert document["skills"][0] == {
        "skill": "Mediation",
        "strength": 4.8,
        "current_streak": 1,
        "longest_streak": 1,
        "this_week": 1,
        "sessions": 1,
    }
    assert document["cards"][0]["id"] == "mediation-1"


def test_cards_and_grade(imported_guide):
    invoke("practice", "plan", "--focus", "Mediation")
    cards = json.loads(invoke("practice", "cards", "--format", "json").stdout)["cards"]
    assert [c["id"] for c in cards][:3] == ["mediation-1", "mediation-2", "mediation-3"]  # the plain cards first
    assert "thomas-kilmann-collaborate-on-one" in [c["id"] for c in cards]  # then the method cards
    result = invoke("practice", "grade", "mediation-2", "easy")
    assert result.exit_code == 0 and "next time" in result.stdout
    assert CardState.objects.get().last_grade == "easy"
    due = json.loads(invoke("practice", "cards", "--due", "--format", "json").stdout)["cards"]
    assert due == []  # the graded card is scheduled ahead; one new card a day per skill


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("practice", "log", "Mediation", "--situation", "x", "--date", "2026-02-30"),
            "--date: '2026-02-30' is not a real date",
        ),
        (("practice", "log", "Mediation", "--situation", "x", "--rating", "7"), "--rating: "),
        (("practice", "log", "Mediation", "--situation", "x", "--minutes", "0"), "--minutes: "),
        (("practice", "log", "Juggling", "--situation", "x"), "No skill named 'Juggling'"),
        (("practice", "log", "Mediation", "--situation", "x", "--exercise", "nope"), "--exercise: "),
        (("practice", "grade", "mediation-1", "meh"), "Unknown grade 'meh'"),
        (("practice", "grade", "no-card", "good"), "No practice card 'no-card'"),
        (("practice", "plan", "--week", "2026-13-01"), "--week"),
    ],
)
def test_bad_input_is_exit_2_and_stores_nothing(imported_guide, args, message):
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output
    assert not PracticeEntry.objects.exists() and not CardState.objects.exists()


def test_exercises_json(imported_guide):
    document = json.loads(invoke("practice", "exercises", "--skill", "Empathy", "--format", "json").stdout)
    exercises = {exercise["id"]: exercise for exercise in document["exercises"]}
    assert sorted(e["difficulty"] for e in exercises.values()) == ["easy", "hard", "medium"]  # one per level
    exercise = exercises["empathy-perspective-letter"]
    assert len(exercise["reflection"]) >= 2
