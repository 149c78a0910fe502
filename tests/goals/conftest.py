from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from peoplecraft.goals import services


@pytest.fixture
def skill(imported_guide):
    from peoplecraft.skillmap.selectors import skill_find

    return skill_find(guide=imported_guide, name="Active Listening")


@pytest.fixture
def make_goal(owner, skill):
    def make(who=None, **fields):
        data = services.GoalInput(
            title=fields.pop("title", "Ask before advising"),
            skill_id=fields.pop("skill_id", skill.pk),
            measure="one-to-ones where I asked first",
            target=8,
            due_date=fields.pop("due_date", timezone.localdate() + timedelta(days=60)),
            **fields,
        )
        return services.goal_create(owner=who or owner, data=data)

    return make
