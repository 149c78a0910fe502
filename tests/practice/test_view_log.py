"""The log write view: success, outsider, htmx partial and full page, bad input stores nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.practice.models import PracticeEntry

pytestmark = pytest.mark.django_db
URL = reverse("practice:log")


def _data(skill, **changes):
    return {"skill": skill.pk, "occurred_on": "2026-03-02", "situation": "Weekly 1:1", "self_rating": "4"} | changes


def test_get_shows_the_form_prefilled_from_an_exercise(owner_client, imported_guide, skill):
    body = owner_client.get(URL, {"exercise": "active-listening-replay"}).content.decode()
    assert 'name="situation"' in body and "Say it back before you answer" in body
    assert 'value="active-listening-replay"' in body


def test_full_page_post_logs_and_redirects(owner_client, imported_guide, skill):
    mediation = skill(imported_guide, "Mediation")
    response = owner_client.post(URL, _data(mediation, exercise_id="mediation-both-sides-summary"))
    assert response.status_code == 302 and response["Location"] == URL
    entry = PracticeEntry.objects.get()
    assert (entry.skill, entry.self_rating, entry.source) == (mediation, 4, "exercise")
    assert "Weekly 1:1" in owner_client.get(URL).content.decode()


def test_htmx_success_navigates_with_hx_redirect(owner_client, imported_guide, skill):
    response = owner_client.post(URL, _data(skill(imported_guide, "Mediation")), HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Redirect"] == URL


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"occurred_on": "2026-02-30"}, "Enter a real date"),
        ({"self_rating": "9"}, "Select a valid choice"),
        ({"situation": ""}, "This field is required"),
        ({"occurred_on": "2999-01-01"}, "in the future"),
    ],
)
def test_htmx_error_returns_the_form_partial_with_400(owner_client, imported_guide, skill, changes, message):
    response = owner_client.post(URL, _data(skill(imported_guide, "Mediation"), **changes), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 400 and "<html" not in body and 'id="log-form"' in body
    assert message in body
    assert not PracticeEntry.objects.exists()


def test_full_page_error_shows_the_page(owner_client, imported_guide, skill):
    response = owner_client.post(URL, _data(skill(imported_guide, "Mediation"), occurred_on="not a date"))
    assert response.status_code == 400 and "<html" in response.content.decode()


def test_outsider_cannot_log_against_someone_elses_skill(client, outsider, imported_guide, skill):
    client.force_login(outsider)
    response = client.post(URL, _data(skill(imported_guide, "Mediation")))
    assert response.status_code == 400  # the skill is not among the outsider's choices
    assert not PracticeEntry.objects.exists()
