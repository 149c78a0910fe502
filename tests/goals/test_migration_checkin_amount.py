"""Migration goals 0002: a percentage check-in becomes the same share of the target, in its unit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("goals", "0001_initial")]
AFTER = [("goals", "0002_checkin_amount")]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def test_old_percentages_become_amounts_and_back(owner, imported_guide):
    from peoplecraft.skillmap.selectors import skill_find

    skill = skill_find(guide=imported_guide, name="Active Listening")
    old = _migrate(BEFORE)
    Goal, CheckIn = old.get_model("goals", "Goal"), old.get_model("goals", "CheckIn")
    due = date.today() + timedelta(days=30)
    eight = Goal.objects.create(
        owner_id=owner.pk, skill_id=skill.pk, title="1:1s", measure="one-to-ones", target=8, due_date=due
    )
    hours = Goal.objects.create(
        owner_id=owner.pk, skill_id=skill.pk, title="Read", measure="hours", target=2.5, due_date=due
    )
    for goal, percent in ((eight, 25), (eight, 37), (hours, 50)):
        CheckIn.objects.create(goal=goal, progress=percent, note=f"{percent}")
    new = _migrate(AFTER)
    amounts = {
        (c.goal.title, c.note): c.amount for c in new.get_model("goals", "CheckIn").objects.select_related("goal")
    }
    assert amounts == {("1:1s", "25"): 2.0, ("1:1s", "37"): pytest.approx(2.96), ("Read", "50"): 1.25}
    back = _migrate(BEFORE)
    percents = sorted(back.get_model("goals", "CheckIn").objects.values_list("progress", flat=True))
    assert percents == [25, 37, 50]  # nothing lost on the way there and back
    _migrate([("goals", "0002_checkin_amount")])
