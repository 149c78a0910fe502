"""The radar chart's light inputs are the area rows of the results page, for every demo assessment."""

from __future__ import annotations

import pytest

from peoplecraft.assessment import results
from peoplecraft.assessment.models import Assessment
from peoplecraft.demo.services import demo_create

pytestmark = pytest.mark.django_db


def test_area_scores_match_the_results_page(owner, client):
    demo_create(owner=owner, size="small", seed=5, feedback=False)
    finished = list(Assessment.objects.filter(owner=owner).exclude(completed_at=None))
    assert finished
    for assessment in finished:
        page = results.assessment_results(assessment=assessment).areas
        assert results.area_scores(assessment=assessment) == [(area.name, area.score) for area in page]
    client.force_login(owner)
    response = client.get(f"/assess/{finished[0].pk}/radar.svg")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
