"""Helpers for the Django side of the self-assessment: start an assessment, answer it."""

from __future__ import annotations

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
