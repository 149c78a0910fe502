"""Updating status and notes: success, evidence on the skill page, outsider, htmx and full page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.learning import services
from peoplecraft.learning.models import ReadingItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(owner, imported_guide):
    return services.reading_add_from_catalogue(owner=owner, resource_id="crucial-conversations")


def _url(item):
    return reverse("learning:update", args=[item.pk])


def test_full_page_done_counts_as_evidence_on_the_skill_page(owner_client, item, skill, imported_guide):
    response = owner_client.post(_url(item), {"status": "done", "notes": "Chapter 4 was the key."})
    assert response.status_code == 302 and response["Location"] == reverse("learning:item", args=[item.pk])
    item.refresh_from_db()
    assert item.status == "done" and item.finished_at is not None and item.notes == "Chapter 4 was the key."
    page = owner_client.get(reverse("skillmap:skill", args=[skill(imported_guide, "Self-Regulation").pk]))
    body = page.content.decode()
    assert "Finished" in body and "Crucial Conversations" in body


def test_htmx_update_returns_the_form_partial(owner_client, item):
    response = owner_client.post(_url(item), {"status": "in_progress"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body and "Saved." in body
    item.refresh_from_db()
    assert item.status == "in_progress" and item.started_at is not None and item.finished_at is None


def test_bad_status_is_a_400_and_nothing_changes(owner_client, item):
    response = owner_client.post(_url(item), {"status": "abandoned"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.status == "todo"


def test_outsider_gets_404(client, outsider, item):
    client.force_login(outsider)
    assert client.post(_url(item), {"status": "done"}).status_code == 404
    assert client.get(reverse("learning:item", args=[item.pk])).status_code == 404
    assert ReadingItem.objects.get().status == "todo"


def test_item_page_shows_the_catalogue_facts(owner_client, item):
    body = owner_client.get(reverse("learning:item", args=[item.pk])).content.decode()
    assert "2002" in body and "Kerry Patterson" in body and 'name="status"' in body
