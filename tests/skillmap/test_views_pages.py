"""Skill map, area and skill pages, and picking up external edits on page load."""

from __future__ import annotations

import pytest
from django.urls import reverse

from peoplecraft.skillmap import selectors

pytestmark = pytest.mark.django_db


def test_map_shows_fifteen_areas_with_progress(owner_client, imported_guide):
    response = owner_client.get(reverse("skillmap:map"))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('class="card"') >= 15
    assert "5 of 6 done" in body
    assert "Written Communication" in body


def test_map_page_reads_external_edit(owner_client, imported_guide, guide_path):
    guide_path.write_text(
        guide_path.read_text()
        .replace("   - **Empathy**:", "   - ~~**Empathy**:")
        .replace("showing compassion.\n", "showing compassion.~~\n")
    )
    response = owner_client.get(reverse("skillmap:map"))
    assert "Read changes from the note: Empathy" in response.content.decode()
    assert selectors.skill_find(guide=imported_guide, name="Empathy").status == "done"


def test_broken_note_shows_an_error_not_a_500(owner_client, imported_guide, guide_path):
    guide_path.write_bytes(b"\xff")
    response = owner_client.get(reverse("skillmap:map"))
    assert response.status_code == 200
    assert "could not be read" in response.content.decode()


def test_skill_page_shows_description_and_history(owner_client, imported_guide):
    skill = selectors.skill_find(guide=imported_guide, name="Active Listening")
    body = owner_client.get(reverse("skillmap:skill", args=[skill.pk])).content.decode()
    assert "Paying full attention to the speaker" in body
    assert "Status history" in body and "Import" in body


def test_area_page_has_labelled_status_controls(owner_client, imported_guide):
    area = imported_guide.areas.get(number=1)
    body = owner_client.get(reverse("skillmap:area", args=[area.pk])).content.decode()
    assert body.count("<legend") == 6
    assert 'hx-post="/skills/skill/' in body


def test_owner_can_import_from_the_web_and_errors_are_shown(owner_client, owner, guide_path, tmp_path):
    bad = owner_client.post(reverse("skillmap:import"), {"path": str(tmp_path / "missing.md")})
    assert bad.status_code == 400 and "no such file" in bad.content.decode()
    good = owner_client.post(reverse("skillmap:import"), {"path": str(guide_path)})
    assert good.status_code == 302
    assert selectors.guide_get(owner=owner).source_path == str(guide_path.resolve())


def test_teammate_cannot_import_server_paths(client, teammate, guide_path):
    client.force_login(teammate)
    assert client.post(reverse("skillmap:import"), {"path": str(guide_path)}).status_code == 404


def test_activate_another_guide(owner_client, owner, imported_guide):
    from peoplecraft.skillmap.services import guide_create_from_text

    other = guide_create_from_text(
        owner=owner, text="# Leadership\n## 1. **Influence**\n- **Listening tours**: x\n", name="Leadership"
    )
    assert selectors.guide_get(owner=owner).pk == imported_guide.pk
    response = owner_client.post(reverse("skillmap:activate", args=[other.pk]))
    assert response.status_code == 302
    assert selectors.guide_get(owner=owner).pk == other.pk


def test_description_markdown_is_rendered_and_html_escaped(owner_client, owner, tmp_path):
    from peoplecraft.skillmap.services import guide_import

    note = tmp_path / "x.md"
    note.write_text("Some **bold** and `code` <script>alert(1)</script>\n\n## 1. **A**\n- **B**: c\n")
    guide_import(owner=owner, path=note)
    body = owner_client.get(reverse("skillmap:map")).content.decode()
    assert "<strong>bold</strong>" in body and "<code>code</code>" in body
    assert "<script>alert(1)" not in body and "&lt;script&gt;" in body


def test_map_shows_latest_self_scores_next_to_skills(owner_client, owner, imported_guide):
    from peoplecraft.assessment import selectors as assessment_selectors
    from peoplecraft.assessment.services import answers_save, assessment_complete, assessment_start

    area = imported_guide.areas.get(number=3)
    assessment = assessment_start(owner=owner, guide=imported_guide, scope="area", area=area)
    items = assessment_selectors.assessment_items(assessment=assessment)
    answers_save(assessment=assessment, answers={item.id: 5 if item.key == 1 else 1 for item in items})
    assessment_complete(assessment=assessment)
    body = owner_client.get(reverse("skillmap:map")).content.decode()
    assert body.count('class="chip-score"') == 4  # the four skills of area 3, all at 100
    assert "self-score </span>100</span>" in body


def test_area_page_shows_an_external_edit_in_the_same_request(owner_client, imported_guide, guide_path):
    guide_path.write_text(
        guide_path.read_text()
        .replace("   - **Empathy**:", "   - ~~**Empathy**:")
        .replace("showing compassion.\n", "showing compassion.~~\n")
    )
    empathy = selectors.skill_find(guide=imported_guide, name="Empathy")
    body = owner_client.get(reverse("skillmap:area", args=[empathy.area_id])).content.decode()
    row = body.split(f'id="skill-{empathy.pk}"', 1)[0].rsplit("<li", 1)[1]
    assert "status-done" in row and "1 of 5 done" in body
