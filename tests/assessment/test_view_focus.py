"""The focus view: choosing a recommendation makes the skill active on the skill map."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_full_page_focus_marks_active_and_redirects(owner_client, imported_guide, finished, skill):
    empathy = skill(imported_guide, "Empathy")
    back = reverse("assessment:results", args=[finished.pk])
    response = owner_client.post(reverse("assessment:focus", args=[empathy.pk]), {"next": back})
    assert response.status_code == 302 and response["Location"] == back
    assert skill(imported_guide, "Empathy").status == "active"


def test_htmx_focus_returns_the_control(owner_client, imported_guide, skill):
    empathy = skill(imported_guide, "Empathy")
    response = owner_client.post(reverse("assessment:focus", args=[empathy.pk]), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert f'id="focus-{empathy.pk}"' in body and "In focus" in body


def test_outsider_gets_404_and_nothing_changes(client, outsider, imported_guide, skill):
    client.force_login(outsider)
    empathy = skill(imported_guide, "Empathy")
    assert client.post(reverse("assessment:focus", args=[empathy.pk])).status_code == 404
    assert skill(imported_guide, "Empathy").status == "todo"


def test_get_is_not_allowed(owner_client, imported_guide, skill):
    empathy = skill(imported_guide, "Empathy")
    assert owner_client.get(reverse("assessment:focus", args=[empathy.pk])).status_code == 405


def test_focus_never_undoes_what_the_note_just_changed(owner_client, imported_guide, skill, guide_path):
    negotiation = skill(imported_guide, "Negotiation Skills")
    url = reverse("assessment:focus", args=[negotiation.pk])
    line = "   - **Negotiation Skills**: Reaching mutually beneficial agreements."
    struck = line.replace("   - ", "   - ~~") + "~~"
    guide_path.write_text(guide_path.read_text().replace(line, struck))
    edited = guide_path.read_bytes()
    response = owner_client.post(url, HTTP_HX_REQUEST="true")  # no expected status: the rule alone
    assert response.status_code == 409 and "Read changes from the note" in response.content.decode()
    assert guide_path.read_bytes() == edited
    guide_path.write_text(guide_path.read_text().replace(struck, line))
    edited = guide_path.read_bytes()
    response = owner_client.post(url, {"expected": "done"}, HTTP_HX_REQUEST="true")  # the page showed done
    assert response.status_code == 409 and "since you looked" in response.content.decode()
    assert guide_path.read_bytes() == edited
    assert skill(imported_guide, "Negotiation Skills").status == "todo"


def test_the_focus_form_sends_the_status_it_showed(owner_client, imported_guide, finished, skill):
    page = owner_client.get(reverse("assessment:results", args=[finished.pk])).content.decode()
    assert 'name="expected" value="todo"' in page
