"""The card grade view: success, unknown card, htmx partial and full page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.practice.models import CardState, PracticeEntry

pytestmark = pytest.mark.django_db


def _url(card_id="mediation-1"):
    return reverse("practice:grade", args=[card_id])


def test_full_page_grade_redirects_to_today(owner_client, imported_guide):
    response = owner_client.post(_url(), {"grade": "good"})
    assert response.status_code == 302 and response["Location"] == reverse("practice:today")
    state = CardState.objects.get()
    assert (state.card_id, state.last_grade, state.reviews) == ("mediation-1", "good", 1)
    assert PracticeEntry.objects.get().source == "card"


def test_htmx_grade_returns_the_graded_card(owner_client, imported_guide):
    response = owner_client.post(_url(), {"grade": "easy"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert 'id="card-mediation-1"' in body and "Graded easy" in body


def test_bad_grade_is_400_and_stores_nothing(owner_client, imported_guide):
    response = owner_client.post(_url(), {"grade": "meh"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "missed, hard, good or easy" in response.content.decode()
    assert not CardState.objects.exists()


def test_unknown_card_is_404(owner_client, imported_guide):
    assert owner_client.post(_url("no-such-card"), {"grade": "good"}).status_code == 404


def test_outsider_without_the_skill_gets_an_error_and_nothing_is_stored(client, outsider, imported_guide):
    client.force_login(outsider)
    response = client.post(_url(), {"grade": "good"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "No skill named" in response.content.decode()
    assert not CardState.objects.exists()


def test_get_is_not_allowed(owner_client, imported_guide):
    assert owner_client.get(_url()).status_code == 405
