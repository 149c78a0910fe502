"""The 360 self column reads each skill's latest answers across assessments (issue 14, item 7)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from peoplecraft.assessment import selectors, services

pytestmark = pytest.mark.django_db


def _finish(owner, guide, *, when, value, area_number):
    area = selectors.guide_area(guide=guide, number=area_number)
    assessment = services.assessment_start(owner=owner, guide=guide, scope="area", area=area)
    items = selectors.assessment_items(assessment=assessment)
    services.answers_save(assessment=assessment, answers={item.id: value for item in items})
    return services.assessment_complete(assessment=assessment, completed_at=when)


def test_the_360_self_column_reads_each_skills_latest_answers(owner, imported_guide, listening):
    """Before: the request copied answers from the latest assessment only (area 2), so Active
    Listening (area 1) had no self side at all."""
    from feedback_helpers import make_request

    now = timezone.now()
    first = _finish(owner, imported_guide, when=now - timedelta(days=10), value=4, area_number=1)
    _finish(owner, imported_guide, when=now - timedelta(days=1), value=2, area_number=2)
    feedback_request, _links = make_request(owner, imported_guide, [listening], [("peer", "p@example.org")])
    expected = {
        item_id: value
        for item_id, value in selectors.answers_get(assessment=first).items()
        if item_id.startswith("active-listening-") and value not in (None, 0)
    }
    assert expected and feedback_request.self_answers == expected
