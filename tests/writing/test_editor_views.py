"""The writing editor: live analysis (htmx partial and full page), saving drafts, ownership."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.writing.models import Draft

pytestmark = pytest.mark.django_db
TEXT = "The proposal was rejected by the board. We basically need to utilize a new approach."


def test_htmx_analysis_returns_the_panel_with_highlights(owner_client):
    response = owner_client.post(
        reverse("writing:analyze"), {"text": TEXT, "context": "general"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert 'id="analysis"' in body
    assert "was rejected</mark>" in body
    assert 'data-suggestion="use"' in body  # "utilize" → "use" can be applied


def test_full_page_analysis_without_javascript(owner_client):
    response = owner_client.post(reverse("writing:analyze"), {"text": TEXT, "context": "email"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" in body and "was rejected</mark>" in body


def test_empty_text_is_a_form_error(owner_client):
    response = owner_client.post(
        reverse("writing:analyze"), {"text": "   ", "context": "general"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert "Write or paste some text" in response.content.decode()


def test_user_html_is_escaped_in_the_highlight(owner_client):
    response = owner_client.post(
        reverse("writing:analyze"), {"text": "<script>alert(1)</script> was sent", "context": "general"}
    )
    body = response.content.decode()
    assert "<script>alert(1)" not in body and "&lt;script&gt;" in body


def test_save_creates_a_draft_linked_to_written_communication(owner_client, owner, imported_guide):
    response = owner_client.post(reverse("writing:save"), {"title": "Board memo", "text": TEXT, "context": "report"})
    draft = Draft.objects.get(owner=owner)
    assert response.status_code == 302 and response["Location"] == reverse("writing:draft", args=[draft.pk])
    assert draft.skill.name == "Written Communication" and draft.skill.area.guide == imported_guide
    assert draft.words == 15 and 0 < draft.passive_rate <= 1 and draft.findings > 0
    page = owner_client.get(reverse("writing:draft", args=[draft.pk])).content.decode()
    assert "Board memo" in page and "was rejected</mark>" in page


def test_outsider_cannot_see_edit_or_delete_a_draft(client, outsider, owner):
    draft = Draft.objects.create(owner=owner, text=TEXT)
    client.force_login(outsider)
    assert client.get(reverse("writing:draft", args=[draft.pk])).status_code == 404
    assert (
        client.post(reverse("writing:save_draft", args=[draft.pk]), {"text": "x y", "context": "general"}).status_code
        == 404
    )
    assert client.post(reverse("writing:delete", args=[draft.pk])).status_code == 404
    draft.refresh_from_db()
    assert draft.text == TEXT


def test_delete_own_draft(owner_client, owner):
    draft = Draft.objects.create(owner=owner, text=TEXT)
    assert owner_client.post(reverse("writing:delete", args=[draft.pk])).status_code == 302
    assert not Draft.objects.filter(pk=draft.pk).exists()


def test_progress_chart_is_svg(owner_client, owner):
    owner_client.post(reverse("writing:save"), {"text": TEXT, "context": "general"})
    response = owner_client.get(reverse("writing:progress_chart"))
    assert response["Content-Type"] == "image/svg+xml" and response.content.startswith(b"<?xml")


def test_skill_page_shows_writing_practice(owner_client, owner, imported_guide):
    from peoplecraft.skillmap import selectors as skillmap_selectors

    skill = skillmap_selectors.skill_find(guide=imported_guide, name="Written Communication")
    page = owner_client.get(reverse("skillmap:skill", args=[skill.pk])).content.decode()
    assert "Open the writing coach" in page and "draft saved" not in page
    owner_client.post(reverse("writing:save"), {"title": "Board memo", "text": TEXT, "context": "report"})
    page = owner_client.get(reverse("skillmap:skill", args=[skill.pk])).content.decode()
    assert "1 draft saved" in page and "Board memo" in page
    other = skillmap_selectors.skill_find(guide=imported_guide, name="Mediation")
    assert "Writing practice" not in owner_client.get(reverse("skillmap:skill", args=[other.pk])).content.decode()
