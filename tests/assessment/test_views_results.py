"""Read pages: results with focus, charts as SVG images, skill history and the skill page's self-score."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from peoplecraft.assessment import services

pytestmark = pytest.mark.django_db


def test_results_page_has_table_focus_and_chart(owner_client, finished):
    body = owner_client.get(reverse("assessment:results", args=[finished.pk])).content.decode()
    assert "<svg" not in body and 'style="' not in body and "<script>" not in body
    assert "Empathy" in body and "4/4" in body and "Focus on" in body
    assert body.count('<li class="card">') == 3


def test_radar_is_an_svg_with_its_own_policy(owner_client, finished):
    response = owner_client.get(reverse("assessment:radar", args=[finished.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<?xml") and b"Emotional" in response.content
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_skill_history_and_trend(owner_client, imported_guide, finished, skill):
    empathy = skill(imported_guide, "Empathy")
    body = owner_client.get(reverse("assessment:skill", args=[empathy.pk])).content.decode()
    # Answering 4 everywhere: three items at 75, the reverse-keyed one at 25 -> 62.5, shown as 63.
    assert reverse("assessment:trend", args=[empathy.pk]) in body and "<td>63</td>" in body
    trend = owner_client.get(reverse("assessment:trend", args=[empathy.pk]))
    assert trend["Content-Type"] == "image/svg+xml" and b"63" in trend.content


def test_skill_page_shows_the_self_score(owner_client, imported_guide, finished, skill):
    empathy = skill(imported_guide, "Empathy")
    body = owner_client.get(reverse("skillmap:skill", args=[empathy.pk])).content.decode()
    assert "63/100" in body and reverse("assessment:skill", args=[empathy.pk]) in body


def test_charts_are_private(client, outsider, imported_guide, finished, skill):
    client.force_login(outsider)
    empathy = skill(imported_guide, "Empathy")
    assert client.get(reverse("assessment:radar", args=[finished.pk])).status_code == 404
    assert client.get(reverse("assessment:trend", args=[empathy.pk])).status_code == 404
    assert client.get(reverse("assessment:skill", args=[empathy.pk])).status_code == 404


def test_results_and_history_show_band_and_a_declined_verdict(
    owner_client, owner, imported_guide, finished, skill, answer_all
):
    later = services.assessment_start(owner=owner, guide=imported_guide, scope="area", area=finished.area)
    answer_all(later, 1)  # Empathy: three items at 0, the reverse-keyed one at 100 -> 25
    services.assessment_complete(assessment=later, completed_at=finished.completed_at + timedelta(days=30))
    body = owner_client.get(reverse("assessment:results", args=[later.pk])).content.decode()
    # 62.5 -> 25: -37.5 (shown -37, half up) beyond the prior's 33.6; band 25 ± 1.96 * 12.14 = 1.2 to 48.8
    assert "<td>-37</td>" in body and "declined" in body and "beyond ±34, sdc95" in body
    assert "<td>1–49</td>" in body and "reliability: prior" in body and "Beyond noise" not in body
    empathy = skill(imported_guide, "Empathy")
    page = owner_client.get(reverse("assessment:skill", args=[empathy.pk])).content.decode()
    assert "<td>39–86</td>" in page and "25 (band 1 to 49)" in page
    trend = owner_client.get(reverse("assessment:trend", args=[empathy.pk])).content
    assert b"LineCollection" in trend and b"95% band" in trend  # error bars, and the axis says what they are
