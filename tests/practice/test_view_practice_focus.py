"""The focus view: success, outsider, htmx partial and full page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.practice.models import FocusSkill

pytestmark = pytest.mark.django_db
URL = reverse("practice:focus")


def test_full_page_sets_focus_and_the_plan_follows(owner_client, imported_guide, skill):
    mediation = skill(imported_guide, "Mediation")
    response = owner_client.post(URL, {"skills": [mediation.pk]})
    assert response.status_code == 302 and response["Location"] == reverse("practice:plan")
    assert [f.skill for f in FocusSkill.objects.all()] == [mediation]
    body = owner_client.get(reverse("practice:plan")).content.decode()
    # Level 1 plans the Starter exercise now that every skill has one at each level (issue 16).
    assert "Reframe one blaming statement" in body and "level 1 of 3, 3 sessions" in body


def test_htmx_success_redirects(owner_client, imported_guide, skill):
    response = owner_client.post(URL, {"skills": [skill(imported_guide, "Mediation").pk]}, HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == reverse("practice:plan")


def test_too_many_skills_is_a_400_partial(owner_client, imported_guide):
    ids = [s.pk for s in imported_guide.areas.first().skills.all()]  # six skills
    response = owner_client.post(URL, {"skills": ids}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 400 and "<html" not in body and 'id="focus-form"' in body
    assert "at most 5" in body and not FocusSkill.objects.exists()


def test_full_page_error_renders_the_page(owner_client, imported_guide):
    response = owner_client.post(URL, {"skills": ["999999"]})
    assert response.status_code == 400 and "<html" in response.content.decode()


def test_outsider_cannot_focus_on_someone_elses_skill(client, outsider, imported_guide, skill):
    client.force_login(outsider)
    response = client.post(URL, {"skills": [skill(imported_guide, "Mediation").pk]})
    assert response.status_code == 400 and not FocusSkill.objects.exists()
