"""The catalogue page: text search, filters, 20 to a page, and 400s that name the bad value."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from peoplecraft.learning.catalogue import bundled_catalogue

pytestmark = pytest.mark.django_db
URL = reverse("learning:catalogue")


def _titles(body: str) -> list[str]:
    return re.findall(r'<h2 class="resource-title"><a href="[^"]+">([^<]+)</a>', body)


def test_first_page_shows_twenty_and_the_count(owner_client):
    body = owner_client.get(URL).content.decode()
    total = len(bundled_catalogue())
    assert len(_titles(body)) == 20
    assert f"1–20 of {total} resources" in body
    assert 'aria-current="page" href="?page=1"' in body and 'rel="next"' in body


def test_search_and_filters_narrow_and_page_links_keep_them(owner_client):
    response = owner_client.get(URL, {"q": "listen", "type": "talk", "cost": "free", "length": "short"})
    body = response.content.decode()
    titles = _titles(body)
    assert response.status_code == 200 and "5 ways to listen better" in titles
    assert "Want to help someone? Shut up and listen!" in titles and "Crucial Conversations" not in body
    assert f"1–{len(titles)} of {len(titles)} resource" in body
    many = owner_client.get(URL, {"type": "book", "page": "2"}).content.decode()
    assert "21–40 of" in many and 'href="?type=book&amp;page=3"' in many and 'href="?type=book&amp;page=1"' in many


def test_a_search_matching_nothing_says_so(owner_client):
    body = owner_client.get(URL, {"q": "zzzz-nothing"}).content.decode()
    assert "0 resources" in body and "Nothing matches this search" in body


def test_a_page_past_the_end_shows_the_last_page_with_a_message(owner_client):
    response = owner_client.get(URL, {"type": "podcast", "page": "7"})
    body = response.content.decode()
    assert response.status_code == 200 and "There is no page 7; showing page 1, the last." in body
    assert "HBR IdeaCast" in _titles(body)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"type": "film"}, "Unknown type &#x27;film&#x27;"),
        ({"length": "epic"}, "Unknown length &#x27;epic&#x27;"),
        ({"cost": "cheap"}, "Unknown cost &#x27;cheap&#x27;"),
        ({"skill": "Telepathy"}, "skill named &#x27;Telepathy&#x27;"),
        ({"page": "zero"}, "Page &#x27;zero&#x27; is not a page number"),
        ({"page": "0"}, "pages start at 1"),
        ({"q": "x" * 201}, "longer than 200 characters"),
    ],
)
def test_bad_values_are_a_400_naming_the_problem(owner_client, params, message):
    response = owner_client.get(URL, params)
    body = response.content.decode()
    assert response.status_code == 400 and message in body and "There is a problem" in body
    assert _titles(body) == [] and 'name="q"' in body  # the form is there to fix it


def test_an_entry_has_its_own_page_with_evidence_and_where_it_was_checked(owner_client):
    body = owner_client.get(reverse("learning:resource", args=["ted-cuddy-body-language"])).content.decode()
    assert "Your body language may shape who you are" in body and "Evidence note" in body
    assert "did not replicate" in body and "official talk page" in body and "2026-11-30" in body
    assert owner_client.get(reverse("learning:resource", args=["no-such-thing"])).status_code == 404


def test_the_skill_page_links_suggestions_to_their_catalogue_entry(owner_client, imported_guide, skill):
    listening = skill(imported_guide, "Active Listening")
    body = owner_client.get(reverse("skillmap:skill", args=[listening.pk])).content.decode()
    links = re.findall(r'href="(/learn/catalogue/[a-z0-9-]+/)"', body)
    assert links, body
    for link in links:
        assert owner_client.get(link).status_code == 200
