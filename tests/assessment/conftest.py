"""Helpers for the Django side of the self-assessment: start an assessment, answer it."""

from __future__ import annotations

import random

import pytest

from peoplecraft.assessment import selectors, services
from peoplecraft.skillmap import selectors as skillmap_selectors


def skill(guide, name):
    return skillmap_selectors.skill_find(guide=guide, name=name)


def answer_all(assessment, value=4, *, skip_every=0):
    """Answer every item with ``value`` (skipping every ``skip_every``-th when given)."""
    items = selectors.assessment_items(assessment=assessment)
    answers = {item.id: (None if skip_every and n % skip_every == 0 else value) for n, item in enumerate(items, 1)}
    services.answers_save(assessment=assessment, answers=answers)
    return items


@pytest.fixture(name="answer_all")
def answer_all_fixture():
    return answer_all


@pytest.fixture(name="skill")
def skill_fixture():
    return skill


@pytest.fixture
def area_assessment(owner, imported_guide):
    """An assessment of area 2 (Emotional Intelligence: 5 skills, 20 items)."""
    area = selectors.guide_area(guide=imported_guide, number=2)
    return services.assessment_start(owner=owner, guide=imported_guide, scope="area", area=area)


@pytest.fixture
def finished(area_assessment):
    answer_all(area_assessment, 4)
    return services.assessment_complete(assessment=area_assessment)


POOL_GUIDE = (
    "---\ntitle: Team\n---\n\n## Skill Areas\n\n### 1. **Listening**\n"
    "   - **Active Listening**: Hear people out.\n   - **Empathy**: Feel with them.\n"
)


def pool_member(number: int, *, share: bool, seed: int = 0, completed_at=None):
    """A member with a two-skill guide and one completed assessment; answers = trait + noise."""
    from peoplecraft.accounts.models import User
    from peoplecraft.skillmap.services import guide_create_from_text

    user = User.objects.create_user(username=f"m{number}-{share}", share_anonymised_scores=share)
    guide = guide_create_from_text(owner=user, text=POOL_GUIDE, name="Team")
    assessment = services.assessment_start(owner=user, guide=guide, scope="guide")
    rng = random.Random(seed * 1000 + number)
    trait = rng.choice([1, 2, 3, 4, 5])
    items = selectors.assessment_items(assessment=assessment)
    answers = {}
    for item in items:
        value = min(5, max(1, trait + rng.choice([-1, 0, 0, 1])))
        answers[item.id] = value if item.key == 1 else 6 - value
    services.answers_save(assessment=assessment, answers=answers)
    return services.assessment_complete(assessment=assessment, completed_at=completed_at)


@pytest.fixture(name="member")
def member_fixture():
    """``member(n, share=…)``: a member of the installation with one completed two-skill assessment."""
    return pool_member
