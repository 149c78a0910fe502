"""The list of past assessments names what each covered (issue 14, item 7): before, two area
assessments both read "One area"."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.assessment import selectors, services

pytestmark = pytest.mark.django_db


def _finish(assessment, answer_all):
    answer_all(assessment, 4)
    return services.assessment_complete(assessment=assessment)


def test_history_names_the_area_and_the_skills(owner_client, owner, imported_guide, answer_all, skill):
    for number in (1, 2):
        area = selectors.guide_area(guide=imported_guide, number=number)
        _finish(services.assessment_start(owner=owner, guide=imported_guide, scope="area", area=area), answer_all)
    chosen = [skill(imported_guide, "Empathy"), skill(imported_guide, "Active Listening")]
    _finish(services.assessment_start(owner=owner, guide=imported_guide, scope="skills", skills=chosen), answer_all)

    body = owner_client.get(reverse("assessment:home")).content.decode()
    history = body[body.index('id="past-heading"') :]
    assert "Area: Communication Skills" in history
    assert "Area: Empathy and Emotional Intelligence" in history
    assert "Skills: Active Listening, Empathy" in history  # note order
    assert "One area" not in history
