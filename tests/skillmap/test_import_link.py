"""Importing a note that matches a guide you have links it to that guide, keeping its progress (issue 14 item 5)."""

from __future__ import annotations

import pytest

from peoplecraft.skillmap import selectors, services
from peoplecraft.skillmap.models import Guide, SkillStatus, SkillStatusChange, StatusSource

pytestmark = pytest.mark.django_db

EMPATHY = "   - **Empathy**: Understanding and sharing the feelings of others, showing compassion."


@pytest.fixture
def default_guide(owner):
    """The bundled guide with some progress: one skill done and one in focus, as a new user would have."""
    guide = services.guide_load_default(owner=owner)
    services.skill_mark(guide=guide, name="Empathy", status=SkillStatus.DONE, source=StatusSource.WEB)
    services.skill_mark(guide=guide, name="Negotiation Skills", status=SkillStatus.ACTIVE, source=StatusSource.WEB)
    return guide


def _status(guide, name):
    return selectors.skill_find(guide=guide, name=name).status


def test_preview_finds_the_default_guide_by_its_skills(default_guide, guide_path):
    preview = services.guide_import_preview(owner=default_guide.owner, path=guide_path)
    assert preview.linked is None
    assert preview.match is not None and preview.match.guide.pk == default_guide.pk
    assert preview.match.reason == "the same 52 skills"


def test_link_keeps_progress_and_history_and_reads_the_note(default_guide, guide_path):
    empathy = selectors.skill_find(guide=default_guide, name="Empathy")
    history_before = SkillStatusChange.objects.filter(skill=empathy).count()
    assert EMPATHY in guide_path.read_text()

    result = services.guide_link(owner=default_guide.owner, guide=default_guide, path=guide_path)

    assert Guide.objects.filter(owner=default_guide.owner).count() == 1
    guide = Guide.objects.get(pk=default_guide.pk)
    assert guide.source_path == str(guide_path.resolve()) and guide.is_active
    assert guide.title == "Guide"  # the title follows the note, as on every sync
    assert _status(guide, "Empathy") == SkillStatus.DONE  # app progress kept …
    assert _status(guide, "Negotiation Skills") == SkillStatus.ACTIVE
    assert _status(guide, "Active Listening") == SkillStatus.DONE  # … and the note's strikes applied
    assert selectors.skill_find(guide=guide, name="Empathy").pk == empathy.pk  # same row: links kept
    assert SkillStatusChange.objects.filter(skill=empathy).count() == history_before
    assert result.struck_in_note == ["Empathy"]
    assert ("Active Listening", "todo", "done") in result.from_note.status_changes
    text = guide_path.read_text()
    assert EMPATHY.replace("**Empathy**", "~~**Empathy**") + "~~" in text  # app and note agree
    assert guide.note_text == text
    assert services.guide_sync(guide=guide).changed is False


def test_link_refuses_if_the_note_changes_while_linking(default_guide, guide_path, monkeypatch):
    """The one write into the note is a compare-and-swap: an edit made meanwhile is never overwritten."""
    from peoplecraft.skillmap import notefile

    real_read = notefile.read_note_file
    edited = guide_path.read_text() + "\nAn edit made in the editor meanwhile.\n"

    def read_then_edit(path):
        text = real_read(path)
        guide_path.write_text(edited)
        return text

    monkeypatch.setattr(services, "_read", lambda path: read_then_edit(path))
    with pytest.raises(services.GuideError, match="changed on disk"):
        services.guide_link(owner=default_guide.owner, guide=default_guide, path=guide_path)
    assert guide_path.read_text() == edited
    guide = Guide.objects.get(pk=default_guide.pk)
    assert guide.source_path == "" and guide.title == "Interpersonal Skills"
    assert _status(guide, "Active Listening") == SkillStatus.TODO


def test_separate_import_gets_a_distinct_name(default_guide, tmp_path, guide_path):
    same_title = tmp_path / "people.md"
    same_title.write_text(guide_path.read_text().replace("title: Guide", "title: Interpersonal Skills"))
    guide = services.guide_import(owner=default_guide.owner, path=same_title)
    assert guide.title == "Interpersonal Skills (2)"
    assert Guide.objects.get(pk=default_guide.pk).title == "Interpersonal Skills"
    assert services.guide_sync(guide=guide).changed is False
    same_title.write_text(same_title.read_text() + "\nMore prose.\n")
    report = services.guide_sync(guide=guide)
    assert report.title is None and Guide.objects.get(pk=guide.pk).title == "Interpersonal Skills (2)"


def test_a_guide_in_sync_with_another_existing_note_is_not_offered(owner, guide_path, tmp_path):
    first = services.guide_import(owner=owner, path=guide_path)
    copy = tmp_path / "copy.md"
    copy.write_text(guide_path.read_text())
    assert services.guide_import_preview(owner=owner, path=copy).match is None
    with pytest.raises(services.GuideError, match="is in sync with"):
        services.guide_link(owner=owner, guide=first, path=copy)


def test_same_note_id_matches_even_with_other_skills(owner, guide_path, tmp_path):
    first = services.guide_import(owner=owner, path=guide_path)
    moved = tmp_path / "moved.md"
    moved.write_text(guide_path.read_text().replace("**Empathy**", "**Compassion**"))
    guide_path.unlink()  # the note was moved: its guide can be linked to the new place
    preview = services.guide_import_preview(owner=owner, path=moved)
    assert preview.match.guide.pk == first.pk and preview.match.reason == "the same note id"


def test_unrelated_note_has_no_match(default_guide, tmp_path):
    note = tmp_path / "other.md"
    note.write_text("---\ntitle: Leadership\n---\n## Vision\n- **Storytelling**: x\n")
    assert services.guide_import_preview(owner=default_guide.owner, path=note).match is None
