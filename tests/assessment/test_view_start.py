"""The start view: success, ownership, htmx partial and full page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.assessment.models import Assessment

pytestmark = pytest.mark.django_db
URL = reverse("assessment:start")


def test_home_page_offers_the_start_form(owner_client, imported_guide):
    body = owner_client.get(reverse("assessment:home")).content.decode()
    assert 'name="scope"' in body and "Emotional Intelligence" in body


def test_full_page_start_redirects_to_the_first_page(owner_client, imported_guide):
    area = imported_guide.areas.get(number=2)
    response = owner_client.post(URL, {"scope": "area", "area": area.pk})
    assessment = Assessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("assessment:take", args=[assessment.pk, 1])
    assert assessment.skills.count() == 5


def test_priorities_are_kept(owner_client, imported_guide, skill):
    mediation = skill(imported_guide, "Mediation")
    owner_client.post(URL, {"scope": "guide", "priorities": [mediation.pk]})
    assert Assessment.objects.get().priorities == ["Mediation"]


def test_htmx_error_returns_the_form_partial(owner_client, imported_guide):
    response = owner_client.post(URL, {"scope": "area"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 400
    assert "<html" not in body and 'id="start-form"' in body and "Choose an area." in body
    assert not Assessment.objects.exists()


def test_full_page_error_shows_the_page(owner_client, imported_guide):
    response = owner_client.post(URL, {"scope": "skills"})
    assert response.status_code == 400 and "<html" in response.content.decode()


def test_outsider_cannot_use_someone_elses_area(client, outsider, imported_guide):
    client.force_login(outsider)
    area = imported_guide.areas.get(number=2)
    response = client.post(URL, {"scope": "area", "area": area.pk})
    assert response.status_code == 404  # the outsider has no guide at all
    assert not Assessment.objects.exists()
