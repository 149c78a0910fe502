"""Every field a service reports for a command maps to an option (or argument) that command has.

The services name their own fields (``due_date``, ``self_rating``…); each command turns them into
its options through a small map. These tests make each service report every field it can, then
check the command's map knows it and names something Typer really defines for that command.
"""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from command_tree import names_of

from peoplecraft.cli import goals as goals_cli
from peoplecraft.cli import learn as learn_cli
from peoplecraft.cli import practice as practice_cli

pytestmark = pytest.mark.django_db


def fields_raised(call, cases) -> set[str]:
    """The ``field`` of the error each case raises (every case must raise one)."""
    fields = set()
    for kwargs in cases:
        with pytest.raises(ValueError) as caught:
            call(**kwargs)
        fields.add(caught.value.field)
    return fields


def assert_mapped(fields, options: dict[str, str], *path: str) -> None:
    assert set(fields) <= set(options), set(fields) - set(options)
    assert set(options.values()) <= names_of(*path), set(options.values()) - names_of(*path)


def test_goal_fields_map_to_goals_add_and_checkin_options():
    from peoplecraft.goals import services

    today = date.today()
    bad = services.GoalInput(
        title="",
        skill_id=None,
        measure="",
        target=float("inf"),
        due_date=today,
        reminder_days=999,
        milestones=[("Late", today + timedelta(days=1))],
    )
    fields = set(services.smart_errors(bad, today=today))
    assert fields == {"title", "skill", "measure", "target", "due_date", "reminder_days", "milestones"}
    assert_mapped(fields, goals_cli.ADD_OPTIONS, "goals", "add")
    with pytest.raises(services.GoalError) as caught:
        services.goal_checkin(goal=SimpleNamespace(measure="talks", target=8), amount=-1)
    assert_mapped(caught.value.errors, goals_cli.CHECKIN_OPTIONS, "goals", "checkin")


def test_practice_fields_map_to_practice_log_plan_and_grade_options(owner, imported_guide):
    from peoplecraft.practice import services
    from peoplecraft.skillmap import selectors

    skill = selectors.skill_find(guide=imported_guide, name="Active Listening")
    good = {"owner": owner, "skill": skill, "occurred_on": date.today(), "situation": "1:1"}
    bad = [
        {"skill": "Juggling"},
        {"occurred_on": date.today() + timedelta(days=30)},
        {"situation": " "},
        {"self_rating": 9},
        {"duration_minutes": 0},
        {"exercise_id": "nope", "source": "exercise"},
        {"source": "telepathy"},
    ]
    fields = fields_raised(services.practice_entry_log, [good | case for case in bad])
    assert fields == {"skill", "occurred_on", "situation", "self_rating", "duration_minutes", "exercise_id", "source"}
    assert_mapped(fields, practice_cli.LOG_OPTIONS, "practice", "log")

    six = list(imported_guide.areas.first().skills.all()[:6])
    assert_mapped(
        fields_raised(services.focus_set, [{"owner": owner, "skills": six}]),
        practice_cli.PLAN_OPTIONS,
        "practice",
        "plan",
    )
    grades = [
        {"owner": owner, "card_id": "no-card", "grade": "good"},
        {"owner": owner, "card_id": "mediation-1", "grade": "meh"},
    ]
    fields = fields_raised(services.card_grade, grades)
    assert fields == {"card", "grade"}
    assert_mapped(fields, practice_cli.GRADE_OPTIONS, "practice", "grade")


def test_learning_fields_map_to_learn_add_options(owner, imported_guide):
    from peoplecraft.learning import services

    own = [
        {"owner": owner, "title": " "},
        {"owner": owner, "title": "A book", "kind": "scroll"},
        {"owner": owner, "title": "A book", "url": "ftp://example.com/book"},
    ]
    fields = fields_raised(services.reading_add_own, own)
    fields |= fields_raised(services.reading_add_from_catalogue, [{"owner": owner, "resource_id": "nope"}])
    assert fields == {"title", "kind", "url", "resource"}
    assert_mapped(fields, learn_cli.ADD_OPTIONS, "learn", "add")
