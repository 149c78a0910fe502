"""The journal home: list, search with highlights, filters, htmx partial, bad input, privacy."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_search_highlights_and_htmx_partial(owner_client, make_entry):
    make_entry("Feedback from Ana on my presentation")
    response = owner_client.get(reverse("journal:home"), {"q": "presentation"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert "<mark>presentation</mark>" in body


def test_syntax_errors_are_read_as_words_and_said_so(owner_client, make_entry):
    make_entry("Feedback from Ana")
    for typed in ('"feedback', "feedback NEAR", "feedback AND", "*feedback*"):
        response = owner_client.get(reverse("journal:home"), {"q": typed})
        body = response.content.decode()
        assert response.status_code == 200, typed
        assert "read as plain words" in body and "<mark>Feedback</mark>" in body, typed


def test_bad_filter_date_is_a_400_with_message(owner_client):
    response = owner_client.get(reverse("journal:home"), {"q": "x", "date_from": "2025-13-01"})
    assert response.status_code == 400 and "Enter a real date" in response.content.decode()


def test_list_shows_only_my_entries(owner_client, teammate, make_entry):
    make_entry("Mine", title="My own entry")
    make_entry("Theirs", title="Teammate entry", who=teammate)
    page = owner_client.get(reverse("journal:home")).content.decode()
    assert "My own entry" in page and "Teammate entry" not in page


def test_tag_filter_without_query(owner_client, make_entry):
    make_entry("One", title="Tagged", tags=["team"], entry_date=date(2025, 1, 1))
    make_entry("Two", title="Untagged", entry_date=date(2025, 1, 2))
    page = owner_client.get(reverse("journal:home"), {"tag": "team"}).content.decode()
    assert "Tagged" in page and "Untagged" not in page


def test_entries_are_not_in_the_admin(owner_client):
    from django.contrib import admin

    from peoplecraft.journal.models import Entry

    assert Entry not in admin.site._registry
