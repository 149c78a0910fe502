"""The progress page's sentence and its chart show the same figures (issue 14, item 7).

Before: the sentence averaged every skill's latest self-score, while the chart was the radar of the
latest assessment only — after a one-area assessment, one giant hatched bar.
"""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from peoplecraft.assessment import selectors, services
from peoplecraft.assessment.measurement import whole

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_areas(owner, imported_guide):
    now = timezone.now()
    for number, value, days in ((1, 4, 10), (2, 2, 1)):
        area = selectors.guide_area(guide=imported_guide, number=number)
        assessment = services.assessment_start(owner=owner, guide=imported_guide, scope="area", area=area)
        items = selectors.assessment_items(assessment=assessment)
        services.answers_save(assessment=assessment, answers={item.id: value for item in items})
        services.assessment_complete(assessment=assessment, completed_at=now - timedelta(days=days))


def test_the_chart_draws_the_skills_the_sentence_averages(owner_client, owner, imported_guide, two_areas):
    rows = selectors.self_score_rows(owner, imported_guide)
    mean = whole(sum(score for _skill, score in rows) / len(rows))
    body = unescape(owner_client.get(reverse("dashboard:progress")).content.decode())
    assert f"average {mean}/100 across 11 skills" in body

    image = re.search(r'<img class="chart" src="([^"]+)" alt="Bar chart of each skill’s self-score: ([^"]+)"', body)
    assert image, "the self-assessment card charts each skill's self-score"
    assert image[1] == reverse("assessment:self_scores_chart")
    listed = image[2]
    assert all(f"{skill.name} {whole(score)}" in listed for skill, score in rows)
    assert listed.endswith(f"average {mean}.")

    svg = owner_client.get(image[1])
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
    text = svg.content.decode()
    assert all(skill.name in text for skill, _score in rows) and f"average {mean}" in text


def test_the_chart_is_only_your_own(client, outsider, two_areas):
    client.force_login(outsider)
    assert client.get(reverse("assessment:self_scores_chart")).status_code == 404  # no guide of theirs
