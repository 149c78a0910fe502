"""The web import of a note that matches a guide you have: link (the default) or a separate guide (issue 14 item 5)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.skillmap import selectors, services
from peoplecraft.skillmap.models import Guide, StatusSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def default_with_progress(owner):
    guide = services.guide_load_default(owner=owner)
    services.skill_mark(guide=guide, name="Empathy", status="done", source=StatusSource.WEB)
    return guide


def test_a_matching_note_first_shows_the_match_with_link_as_the_default(
    owner_client, default_with_progress, guide_path
):
    response = owner_client.post(reverse("skillmap:import"), {"path": str(guide_path)})
    assert response.status_code == 200
    body = response.content.decode()
    assert "This note matches one of your guides" in body
    assert "the same 52 skills as your guide “Interpersonal Skills”" in body
    assert 'value="link"' in body and "Link to your existing guide (keeps progress)" in body
    assert "Import as a separate guide" in body
    link_radio = body[body.index('value="link"') - 200 : body.index('value="link"') + 60]
    assert "checked" in link_radio
    assert Guide.objects.count() == 1 and not Guide.objects.get().source_path  # nothing written yet


def test_linking_keeps_progress_and_shows_the_path(owner_client, default_with_progress, guide_path):
    data = {"path": str(guide_path.resolve()), "guide": default_with_progress.pk, "choice": "link"}
    response = owner_client.post(reverse("skillmap:import"), data)
    assert response.status_code == 302
    guide = Guide.objects.get()
    assert guide.pk == default_with_progress.pk and guide.source_path == str(guide_path.resolve())
    assert selectors.skill_find(guide=guide, name="Empathy").status == "done"
    page = owner_client.get(response["Location"]).content.decode()
    assert "to “Interpersonal Skills”: your progress, assessments, practice and journal links are kept" in page
    assert "The guide is now called “Guide”, the note&#x27;s title." in page
    assert f"In sync with <code>{guide_path.resolve()}</code>" in page


def test_separate_import_makes_a_second_guide_and_the_list_shows_each_path(
    owner_client, default_with_progress, guide_path
):
    data = {"path": str(guide_path.resolve()), "guide": default_with_progress.pk, "choice": "separate"}
    response = owner_client.post(reverse("skillmap:import"), data)
    assert response.status_code == 302
    assert Guide.objects.count() == 2
    page = owner_client.get(reverse("skillmap:map")).content.decode()
    assert "as a separate guide" in page
    assert "not linked to a note file" in page and f"<code>{guide_path.resolve()}</code>" in page


def test_a_missing_choice_is_a_400_with_the_error_summary(owner_client, default_with_progress, guide_path):
    data = {"path": str(guide_path.resolve()), "guide": default_with_progress.pk, "choice": "merge"}
    response = owner_client.post(reverse("skillmap:import"), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "error-summary" in body and "This note matches one of your guides" in body
    assert Guide.objects.count() == 1


def test_another_users_guide_cannot_be_linked(owner_client, teammate, guide_path):
    theirs = services.guide_load_default(owner=teammate)
    data = {"path": str(guide_path.resolve()), "guide": theirs.pk, "choice": "link"}
    assert owner_client.post(reverse("skillmap:import"), data).status_code == 404
    theirs.refresh_from_db()
    assert theirs.source_path == ""
