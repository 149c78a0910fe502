"""The entry write views (new, edit, delete): success, outsider 404, htmx partial, full page, bad input."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from peoplecraft.journal.models import Entry

pytestmark = pytest.mark.django_db


def _post(client, url, **extra):
    data = {
        "entry_date": "2025-03-03",
        "template": "free",
        "body": "Met Ana. It went well.",
        "mood": "4",
        "emotion": "hopeful",
        "stress": "3",
        "tags": "team, one-to-one",
        **extra,
    }
    return client.post(url, data, **({"HTTP_HX_REQUEST": "true"} if extra.pop("htmx", False) else {}))


def test_full_page_create_redirects_to_the_entry(owner_client, owner):
    response = _post(owner_client, reverse("journal:new"))
    entry = Entry.objects.get(owner=owner)
    assert response.status_code == 302 and response["Location"] == reverse("journal:entry", args=[entry.pk])
    page = owner_client.get(response["Location"]).content.decode()
    assert "Met Ana" in page and "#team" in page and "mood 4/5" in page


def test_htmx_create_redirects_the_browser(owner_client, owner):
    response = owner_client.post(
        reverse("journal:new"),
        {"entry_date": "2025-03-03", "template": "free", "body": "Short note"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 204 and response["HX-Redirect"].startswith("/journal/")


def test_htmx_error_returns_the_form_partial(owner_client):
    response = owner_client.post(
        reverse("journal:new"), {"entry_date": "2025-02-30", "template": "free", "body": "Text"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 400 and "<html" not in body and 'id="entry-form"' in body
    assert "Enter a real date" in body


def test_empty_entry_keeps_the_form_with_a_message(owner_client):
    response = owner_client.post(reverse("journal:new"), {"entry_date": "2025-03-03", "template": "free", "body": " "})
    assert response.status_code == 400 and "The entry is empty" in response.content.decode()
    assert Entry.objects.count() == 0


def test_over_the_limit_keeps_the_text(owner_client):
    big = "word " * 220_000  # 1.1 MB: under Django's upload limit, over the entry limit
    response = owner_client.post(reverse("journal:new"), {"entry_date": "2025-03-03", "template": "free", "body": big})
    assert response.status_code == 400 and "limited to 1 MB" in response.content.decode()
    assert "word word" in response.content.decode() and Entry.objects.count() == 0


def test_ten_megabytes_is_a_clear_400_not_a_500(owner_client):
    response = owner_client.post(
        reverse("journal:new"), {"entry_date": "2025-03-03", "template": "free", "body": "x" * 10_000_000}
    )
    assert response.status_code == 400 and "larger than the server accepts" in response.content.decode()


def test_edit_and_delete(owner_client, owner, make_entry):
    entry = make_entry()
    response = _post(owner_client, reverse("journal:edit", args=[entry.pk]), body="Changed my mind.")
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.body == "Changed my mind." and entry.mood == 4
    assert owner_client.post(reverse("journal:delete", args=[entry.pk])).status_code == 302
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_outsider_gets_404_everywhere(client, outsider, make_entry):
    entry = make_entry()
    client.force_login(outsider)
    for url in (reverse("journal:entry", args=[entry.pk]), reverse("journal:edit", args=[entry.pk])):
        assert client.get(url).status_code == 404
    assert _post(client, reverse("journal:edit", args=[entry.pk])).status_code == 404
    assert client.post(reverse("journal:delete", args=[entry.pk])).status_code == 404
    assert Entry.objects.get(pk=entry.pk).body == "Talked with Sam about the deadline."


def test_new_page_prefills_the_template_and_daily_questions(owner_client):
    from peoplecraft.journal.prompts import daily_questions

    page = owner_client.get(reverse("journal:new") + "?template=daily&date=2025-03-03").content.decode()
    for question in daily_questions(date(2025, 3, 3)):
        assert question.replace("'", "&#x27;") in page


def test_prompt_from_the_skill_map_links_the_skill(owner_client, owner, imported_guide):
    from peoplecraft.skillmap.selectors import skill_find

    skill = skill_find(guide=imported_guide, name="Mediation")
    skill.status = "active"
    skill.save()
    page = owner_client.get(reverse("journal:new") + f"?prompt=skillmap:focus-{skill.pk}").content.decode()
    assert "Mediation is in focus" in page and f'value="{skill.pk}" selected' in page


def test_markdown_body_is_rendered_safely(owner_client, make_entry):
    entry = make_entry("# Heading\n\n<script>alert(1)</script> *kind* words")
    page = owner_client.get(reverse("journal:entry", args=[entry.pk])).content.decode()
    assert "<h1>Heading</h1>" in page and "<em>kind</em>" in page and "<script>alert" not in page
