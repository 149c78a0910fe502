"""Deleting a practice session logged by mistake: success, outsider 404, htmx and full page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from peoplecraft.practice.models import PracticeEntry
from peoplecraft.practice.services import practice_entry_log

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(owner, imported_guide):
    return practice_entry_log(owner=owner, skill="Mediation", occurred_on=timezone.localdate(), situation="Retro")


def test_full_page_delete_redirects_to_the_log(owner_client, entry):
    response = owner_client.post(reverse("practice:entry-delete", args=[entry.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("practice:log")
    assert not PracticeEntry.objects.filter(pk=entry.pk).exists()


def test_htmx_delete_navigates_instead_of_swapping(owner_client, entry):
    response = owner_client.post(reverse("practice:entry-delete", args=[entry.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Redirect"] == reverse("practice:log")
    assert not PracticeEntry.objects.filter(pk=entry.pk).exists()


def test_outsider_cannot_delete(client, outsider, entry):
    client.force_login(outsider)
    assert client.post(reverse("practice:entry-delete", args=[entry.pk])).status_code == 404
    assert PracticeEntry.objects.filter(pk=entry.pk).exists()


def test_log_page_offers_a_labelled_delete_button(owner_client, entry):
    body = owner_client.get(reverse("practice:log")).content.decode()
    assert f'action="/practice/log/{entry.pk}/delete/"' in body
    assert "Delete the session of" in body and ": Retro" in body


def test_get_asks_first_and_deletes_nothing(owner_client, entry):
    response = owner_client.get(reverse("practice:entry-delete", args=[entry.pk]))
    assert response.status_code == 200 and "Delete the session of" in response.content.decode()
    assert PracticeEntry.objects.filter(pk=entry.pk).exists()


def test_other_methods_are_not_allowed(owner_client, entry):
    assert owner_client.put(reverse("practice:entry-delete", args=[entry.pk])).status_code == 405
