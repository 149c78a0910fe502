"""Adding a catalogue resource: success, duplicate, unknown id, htmx partial and full page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.learning.models import ReadingItem

pytestmark = pytest.mark.django_db
URL = reverse("learning:add")


def test_full_page_add_links_the_guides_skills(owner_client, imported_guide):
    response = owner_client.post(URL, {"resource": "crucial-conversations"})
    assert response.status_code == 302 and response["Location"] == reverse("learning:home")
    item = ReadingItem.objects.get()
    assert item.title.startswith("Crucial Conversations") and item.kind == "book"
    assert {s.name for s in item.skills.all()} == {
        "Verbal Communication",
        "Self-Regulation",
        "Confidence in Communication",
    }


def test_htmx_add_returns_the_control_marked_as_on_the_list(owner_client, imported_guide):
    response = owner_client.post(URL, {"resource": "ted-treasure-listen"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert 'id="add-ted-treasure-listen"' in body and "On your list" in body


def test_adding_twice_is_a_400_with_a_message(owner_client, imported_guide):
    owner_client.post(URL, {"resource": "ted-treasure-listen"})
    response = owner_client.post(URL, {"resource": "ted-treasure-listen"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "already on your list" in response.content.decode()
    assert ReadingItem.objects.count() == 1


def test_unknown_resource_is_refused(owner_client, imported_guide):
    response = owner_client.post(URL, {"resource": "made-up-book"})
    assert response.status_code == 302 and response["Location"] == reverse("learning:catalogue")
    assert not ReadingItem.objects.exists()


def test_items_belong_to_their_owner(client, outsider, imported_guide):
    client.force_login(outsider)
    client.post(URL, {"resource": "crucial-conversations"})
    item = ReadingItem.objects.get()
    assert item.owner == outsider and not item.skills.exists()  # the outsider has no guide


def test_catalogue_page_filters_by_skill_and_type(owner_client, imported_guide):
    body = owner_client.get(
        reverse("learning:catalogue"), {"skill": "Active Listening", "type": "talk"}
    ).content.decode()
    assert "5 ways to listen better" in body and "Crucial Conversations" not in body
    assert 'href="https://www.ted.com/talks/julian_treasure_5_ways_to_listen_better"' in body
