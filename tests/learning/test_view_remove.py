"""Removing an item: success, outsider, htmx and full page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.learning import services
from peoplecraft.learning.models import ReadingItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(owner, imported_guide):
    return services.reading_add_own(owner=owner, title="Notes from a workshop")


def test_full_page_remove(owner_client, item):
    response = owner_client.post(reverse("learning:remove", args=[item.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("learning:home")
    assert not ReadingItem.objects.exists()


def test_htmx_remove_navigates(owner_client, item):
    response = owner_client.post(reverse("learning:remove", args=[item.pk]), HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == reverse("learning:home")


def test_outsider_gets_404_and_the_item_stays(client, outsider, item):
    client.force_login(outsider)
    assert client.post(reverse("learning:remove", args=[item.pk])).status_code == 404
    assert ReadingItem.objects.exists()


def test_home_lists_items_by_status(owner_client, item):
    body = owner_client.get(reverse("learning:home")).content.decode()
    assert "To do (1)" in body and "Notes from a workshop" in body
