"""Adding your own resource: success, invalid link, outsider's skills, htmx partial and full page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.learning.models import ReadingItem

pytestmark = pytest.mark.django_db
URL = reverse("learning:own")


def test_full_page_add_own_resource(owner_client, imported_guide, skill):
    empathy = skill(imported_guide, "Empathy")
    data = {"title": " My  course ", "url": "https://example.org/course", "kind": "course", "skills": [empathy.pk]}
    response = owner_client.post(URL, data)
    item = ReadingItem.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("learning:item", args=[item.pk])
    assert (item.title, item.url, item.kind, item.catalogue_id) == (
        "My course",
        "https://example.org/course",
        "course",
        "",
    )
    assert list(item.skills.all()) == [empathy]


@pytest.mark.parametrize(
    ("url", "message"),
    [("javascript:alert(1)", "Only http"), ("https://exa mple.org", "spaces"), ("https://nohost", "host name")],
)
def test_bad_links_are_a_400_partial_and_nothing_is_stored(owner_client, imported_guide, url, message):
    response = owner_client.post(URL, {"title": "X", "url": url, "kind": "book"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 400 and "<html" not in body and 'id="own-form"' in body and message in body
    assert not ReadingItem.objects.exists()


def test_missing_title_full_page_400(owner_client, imported_guide):
    response = owner_client.post(URL, {"title": "", "kind": "book"})
    assert response.status_code == 400 and "<html" in response.content.decode()


def test_outsider_cannot_link_someone_elses_skill(client, outsider, imported_guide, skill):
    client.force_login(outsider)
    response = client.post(URL, {"title": "X", "kind": "book", "skills": [skill(imported_guide, "Empathy").pk]})
    assert response.status_code == 400 and not ReadingItem.objects.exists()


def test_get_shows_the_form(owner_client, imported_guide):
    body = owner_client.get(URL).content.decode()
    assert 'name="title"' in body and "Empathy" in body and "<legend>Skills it helps</legend>" in body
