"""The status write view: success, ownership, htmx partial and full page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.skillmap import selectors

pytestmark = pytest.mark.django_db


def _skill(guide, name):
    return selectors.skill_find(guide=guide, name=name)


def test_full_page_post_marks_done_and_redirects(owner_client, imported_guide, guide_path):
    skill = _skill(imported_guide, "Written Communication")
    response = owner_client.post(reverse("skillmap:status", args=[skill.pk]), {"status": "done", "expected": "todo"})
    assert response.status_code == 302
    assert response["Location"] == reverse("skillmap:area", args=[skill.area_id])
    assert "~~**Written Communication**" in guide_path.read_text()


def test_htmx_post_returns_the_row_and_progress(owner_client, imported_guide):
    skill = _skill(imported_guide, "Written Communication")
    response = owner_client.post(
        reverse("skillmap:status", args=[skill.pk]), {"status": "done", "expected": "todo"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert f'id="skill-{skill.pk}"' in body and "status-done" in body
    assert 'hx-swap-oob="true"' in body and 'value="6"' in body  # 6 of 6 done in area 1


def test_conflict_is_reported_in_the_partial(owner_client, imported_guide, guide_path):
    skill = _skill(imported_guide, "Mediation")
    guide_path.write_text(
        guide_path.read_text().replace(
            "   - **Mediation**: Facilitating discussions to resolve disputes.",
            "   - ~~**Mediation**: Facilitating discussions to resolve disputes.~~",
        )
    )
    response = owner_client.post(
        reverse("skillmap:status", args=[skill.pk]), {"status": "active", "expected": "todo"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 409
    assert "since you looked" in response.content.decode()


def test_invalid_status_is_a_400_with_message(owner_client, imported_guide):
    skill = _skill(imported_guide, "Mediation")
    response = owner_client.post(
        reverse("skillmap:status", args=[skill.pk]), {"status": "bogus"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert "Choose to do" in response.content.decode()


def test_outsider_gets_404_and_nothing_changes(client, outsider, imported_guide, guide_path, guide_bytes):
    client.force_login(outsider)
    skill = _skill(imported_guide, "Written Communication")
    for url in (reverse("skillmap:skill", args=[skill.pk]), reverse("skillmap:area", args=[skill.area_id])):
        assert client.get(url).status_code == 404
    response = client.post(reverse("skillmap:status", args=[skill.pk]), {"status": "done"})
    assert response.status_code == 404
    assert guide_path.read_bytes() == guide_bytes


def test_anonymous_is_sent_to_sign_in(client, imported_guide):
    skill = _skill(imported_guide, "Written Communication")
    response = client.post(reverse("skillmap:status", args=[skill.pk]), {"status": "done"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_get_is_not_allowed(owner_client, imported_guide):
    skill = _skill(imported_guide, "Written Communication")
    assert owner_client.get(reverse("skillmap:status", args=[skill.pk])).status_code == 405


NEGOTIATION = "   - **Negotiation Skills**: Reaching mutually beneficial agreements."
NEGOTIATION_DONE = "   - ~~**Negotiation Skills**: Reaching mutually beneficial agreements.~~"


def test_a_strike_the_note_just_made_is_not_undone_without_an_expected_status(owner_client, imported_guide, guide_path):
    skill = _skill(imported_guide, "Negotiation Skills")
    guide_path.write_text(guide_path.read_text().replace(NEGOTIATION, NEGOTIATION_DONE))
    edited = guide_path.read_bytes()
    response = owner_client.post(
        reverse("skillmap:status", args=[skill.pk]), {"status": "active"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "just changed “Negotiation Skills” from todo to done" in body
    assert "Read changes from the note: Negotiation Skills: todo → done." in body
    assert "status-done" in body  # the row shows the note's state
    assert guide_path.read_bytes() == edited


def test_what_the_note_changed_elsewhere_is_shown_with_the_row(owner_client, imported_guide, guide_path):
    skill = _skill(imported_guide, "Mediation")
    guide_path.write_text(guide_path.read_text().replace(NEGOTIATION, NEGOTIATION_DONE))
    response = owner_client.post(
        reverse("skillmap:status", args=[skill.pk]), {"status": "active", "expected": "todo"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'role="status">Read changes from the note: Negotiation Skills: todo → done.' in response.content.decode()
    assert NEGOTIATION_DONE in guide_path.read_text()
