"""Destructive web actions ask first (a page without JavaScript, a <dialog> with it) and offer "Undo"."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from peoplecraft.core import trash
from peoplecraft.core.models import TrashedItem
from peoplecraft.journal import services
from peoplecraft.journal.models import Entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(owner):
    data = services.EntryInput(entry_date=date(2025, 3, 3), title="Hard talk", body="We disagreed.")
    return services.entry_create(owner=owner, data=data)


def _undo_action(body: str) -> str:
    match = re.search(r'<form method="post" action="(/undo/\d+/)" class="message', body)
    assert match, body
    return match.group(1)


def test_get_shows_a_confirmation_page_and_deletes_nothing(owner_client, entry):
    response = owner_client.get(reverse("journal:delete", args=[entry.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Delete the entry “Hard talk”?</h1>" in body
    assert "You can undo it for a minute afterwards." in body
    assert f'action="{reverse("journal:delete", args=[entry.pk])}"' in body
    assert f'href="{reverse("journal:entry", args=[entry.pk])}">Cancel</a>' in body
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_the_entry_page_links_to_the_page_and_holds_the_dialog(owner_client, entry):
    body = owner_client.get(reverse("journal:entry", args=[entry.pk])).content.decode()
    url = reverse("journal:delete", args=[entry.pk])
    assert f'href="{url}" data-confirm="confirm-journal-{entry.pk}-delete"' in body
    assert f'<dialog id="confirm-journal-{entry.pk}-delete"' in body
    assert 'formmethod="dialog"' in body  # Cancel closes the dialog without any script
    assert "peoplecraft/confirm.js" in body


def test_another_users_confirmation_page_is_a_404(client, outsider, entry):
    client.force_login(outsider)
    assert client.get(reverse("journal:delete", args=[entry.pk])).status_code == 404


def test_delete_then_undo_restores_the_entry(owner_client, entry):
    entry_id = entry.pk
    response = owner_client.post(reverse("journal:delete", args=[entry_id]), follow=True)
    body = response.content.decode()
    assert "Entry deleted." in body and not Entry.objects.filter(pk=entry_id).exists()
    undo = _undo_action(body)
    response = owner_client.post(undo)
    assert response.status_code == 302 and response["Location"] == reverse("journal:entry", args=[entry_id])
    assert Entry.objects.get(pk=entry_id).title == "Hard talk"
    assert owner_client.post(undo).status_code == 404  # used once


def test_another_user_cannot_undo(client, owner_client, outsider, entry):
    entry_id = entry.pk
    body = owner_client.post(reverse("journal:delete", args=[entry_id]), follow=True).content.decode()
    undo = _undo_action(body)
    client.force_login(outsider)
    assert client.post(undo).status_code == 404
    assert not Entry.objects.filter(pk=entry_id).exists() and TrashedItem.objects.exists()


def test_undo_after_the_window_says_it_is_too_late(owner, owner_client, entry):
    item = services.entry_delete(entry=entry, now=timezone.now() - trash.WINDOW - timedelta(seconds=1))
    response = owner_client.post(reverse("undo", args=[item.pk]), follow=True)
    assert "Too late to undo: “Hard talk” is deleted for good." in response.content.decode()
    assert not Entry.objects.exists() and not TrashedItem.objects.exists()


def test_undo_only_takes_a_post(owner, owner_client, entry):
    item = services.entry_delete(entry=entry)
    assert owner_client.get(reverse("undo", args=[item.pk])).status_code == 405


@pytest.mark.parametrize(
    ("make", "url_name", "question"),
    [
        ("draft", "writing:delete", "Delete the draft “Weekly update”?"),
        ("reading", "learning:remove", "Remove “Notes from a workshop” from your list?"),
    ],
)
def test_other_deletions_ask_and_can_be_undone(owner, owner_client, imported_guide, make, url_name, question):
    if make == "draft":
        from peoplecraft.writing.models import Draft
        from peoplecraft.writing.services import draft_save

        thing = draft_save(owner=owner, text="We ship on Friday.", context="general", title="Weekly update")
        model = Draft
    else:
        from peoplecraft.learning.models import ReadingItem
        from peoplecraft.learning.services import reading_add_own

        thing = reading_add_own(owner=owner, title="Notes from a workshop")
        model = ReadingItem
    url = reverse(url_name, args=[thing.pk])
    assert question in owner_client.get(url).content.decode()
    body = owner_client.post(url, follow=True).content.decode()
    assert not model.objects.filter(pk=thing.pk).exists()
    owner_client.post(_undo_action(body))
    assert model.objects.filter(pk=thing.pk).exists()
