"""One source for a skill's self-score: its latest answers across assessments (issue 14, item 7).

Area 1 is assessed first, area 2 later: the later assessment does not cover area 1, so area 1's
skills keep the scores of the first one everywhere a self-score is shown.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from peoplecraft.assessment import selectors, services

pytestmark = pytest.mark.django_db


def _finish(owner, guide, answer_all, *, when, value, **scope):
    assessment = services.assessment_start(owner=owner, guide=guide, **scope)
    answer_all(assessment, value)
    return services.assessment_complete(assessment=assessment, completed_at=when)


@pytest.fixture
def two_areas(owner, imported_guide, answer_all):
    """Area 1 answered 4 ten days ago, area 2 answered 2 yesterday."""
    now = timezone.now()
    first = _finish(
        owner, imported_guide, answer_all, when=now - timedelta(days=10), value=4,
        scope="area", area=selectors.guide_area(guide=imported_guide, number=1),
    )  # fmt: skip
    second = _finish(
        owner, imported_guide, answer_all, when=now - timedelta(days=1), value=2,
        scope="area", area=selectors.guide_area(guide=imported_guide, number=2),
    )  # fmt: skip
    return first, second


def test_a_skill_missing_from_the_latest_assessment_keeps_its_self_score(owner, imported_guide, skill, two_areas):
    first, second = two_areas
    found = selectors.latest_self_scores(owner, imported_guide)
    listening, empathy = skill(imported_guide, "Active Listening"), skill(imported_guide, "Empathy")
    assert found[listening.pk].assessment_id == first.pk and found[listening.pk].score is not None
    assert found[empathy.pk].assessment_id == second.pk
    assert len(found) == 6 + 5


def test_a_later_attempt_with_too_few_answers_does_not_erase_a_score(
    owner, imported_guide, skill, two_areas, owner_client
):
    first, _second = two_areas
    listening, empathy = skill(imported_guide, "Active Listening"), skill(imported_guide, "Empathy")
    retry = services.assessment_start(owner=owner, guide=imported_guide, scope="skills", skills=[listening, empathy])
    items = selectors.assessment_items(assessment=retry)
    answers = {item.id: 3 for item in items if item.skill == "Empathy"}
    answers[next(item.id for item in items if item.skill == "Active Listening")] = 1  # one of four: not scored
    services.answers_save(assessment=retry, answers=answers)
    services.assessment_complete(assessment=retry)

    body = owner_client.get(reverse("skillmap:skill", args=[listening.pk])).content.decode()
    assert "not enough answers" not in body  # before: the retry's unscored result hid the score
    assert f"({timezone.localtime(first.completed_at):%Y-%m-%d})" in body  # the score of `first`
    kept = selectors.latest_self_scores(owner, imported_guide)[listening.pk]
    assert kept.assessment_id == first.pk
    assert selectors.self_scores(guide=imported_guide)[listening.pk] == kept.score  # the skill map: the same


def test_the_journal_and_the_progress_page_read_the_same_self_scores(owner, imported_guide, two_areas):
    rows = selectors.self_score_rows(owner, imported_guide)
    assert len(rows) == 11 and [area for area in {s.area.number: 0 for s, _ in rows}] == [1, 2]  # note order
    assert selectors.active_guide_self_scores(owner=owner) == rows
