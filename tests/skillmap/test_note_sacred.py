"""The note is sacred (services, real database, real files): a status change reads the note first
and never silently undoes what the note just changed; sync reports everything; export never
replaces a file unasked; temporary copies left by a killed write are tidied up."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from peoplecraft.skillmap import export_services, selectors, services
from peoplecraft.skillmap.models import SkillStatus, SkillStatusChange, StatusSource
from peoplecraft.skillmap.notefile import STALE_TEMP_SECONDS, remove_stale_temp_files

pytestmark = pytest.mark.django_db

NEGOTIATION = b"   - **Negotiation Skills**: Reaching mutually beneficial agreements."
NEGOTIATION_DONE = b"   - ~~**Negotiation Skills**: Reaching mutually beneficial agreements.~~"
LISTENING = (
    b"   - **Active Listening**: Paying full attention to the speaker, showing interest, and providing feedback."
)
LISTENING_DONE = LISTENING.replace(b"**Active", b"~~**Active") + b"~~"


def _edit(path: Path, old: bytes, new: bytes) -> bytes:
    data = path.read_bytes()
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, new))
    return path.read_bytes()


def _skill(guide, name):
    return selectors.skill_find(guide=guide, name=name)


def _only_updated_differs(before: bytes, after: bytes) -> None:
    old, new = before.split(b"\n"), after.split(b"\n")
    assert [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b] == [4]


# --- the status-change rule --------------------------------------------------------------------


def test_undoing_what_the_note_just_did_is_refused_and_the_read_is_kept(imported_guide, guide_path):
    skill = _skill(imported_guide, "Negotiation Skills")
    edited = _edit(guide_path, NEGOTIATION, NEGOTIATION_DONE)
    with pytest.raises(services.SkillConflict, match="just changed “Negotiation Skills” from todo to done") as caught:
        services.skill_mark(skill=skill, status="active", source=StatusSource.CLI)
    assert caught.value.forceable
    assert caught.value.from_note.status_changes == [("Negotiation Skills", "todo", "done")]
    assert guide_path.read_bytes() == edited
    assert _skill(imported_guide, "Negotiation Skills").status == SkillStatus.DONE
    assert SkillStatusChange.objects.filter(skill=skill, source=StatusSource.NOTE, new_status="done").exists()


def test_force_applies_the_choice_and_writes_the_note(imported_guide, guide_path, guide_bytes):
    skill = _skill(imported_guide, "Negotiation Skills")
    _edit(guide_path, NEGOTIATION, NEGOTIATION_DONE)
    result = services.skill_mark(skill=skill, status="active", source=StatusSource.CLI, force=True)
    assert result.skill.status == SkillStatus.ACTIVE and result.note_written
    assert result.from_note.lines() == ["Negotiation Skills: todo → done"]
    _only_updated_differs(guide_bytes, guide_path.read_bytes())


def test_a_request_that_agrees_with_the_note_writes_nothing(imported_guide, guide_path):
    edited = _edit(guide_path, NEGOTIATION, NEGOTIATION_DONE)
    result = services.skill_mark(guide=imported_guide, name="negotiation", status="done", source=StatusSource.CLI)
    assert result.skill.status == SkillStatus.DONE and not result.note_written
    assert result.from_note.status_by_skill == {result.skill.pk: ("todo", "done")}
    assert guide_path.read_bytes() == edited


def test_unstruck_in_the_note_then_in_focus_agrees(imported_guide, guide_path):
    """The note knows only done or not done: in focus agrees with an unstruck skill."""
    edited = _edit(guide_path, LISTENING_DONE, LISTENING)
    result = services.skill_mark(guide=imported_guide, name="Active Listening", status="active", source="cli")
    assert result.skill.status == SkillStatus.ACTIVE and not result.note_written
    assert guide_path.read_bytes() == edited


def test_unstruck_in_the_note_then_done_is_refused(imported_guide, guide_path):
    edited = _edit(guide_path, LISTENING_DONE, LISTENING)
    with pytest.raises(services.SkillConflict, match="from done to todo; marking it done would undo that"):
        services.skill_mark(guide=imported_guide, name="Active Listening", status="done", source="cli")
    assert guide_path.read_bytes() == edited


def test_a_change_to_another_skill_is_read_and_kept(imported_guide, guide_path):
    edited = _edit(guide_path, NEGOTIATION, NEGOTIATION_DONE)
    result = services.skill_mark(guide=imported_guide, name="Mediation", status="active", source=StatusSource.WEB)
    assert result.skill.status == SkillStatus.ACTIVE
    assert result.from_note.status_changes == [("Negotiation Skills", "todo", "done")]
    assert guide_path.read_bytes() == edited


def test_a_skill_the_note_just_added_as_done_is_not_undone(imported_guide, guide_path):
    _edit(guide_path, NEGOTIATION, NEGOTIATION + b"\n   - ~~**Mediation Circles**: Restorative circles.~~")
    with pytest.raises(services.SkillConflict, match="just added “Mediation Circles” as done"):
        services.skill_mark(guide=imported_guide, name="Mediation Circles", status="todo", source="cli")
    assert _skill(imported_guide, "Mediation Circles").status == SkillStatus.DONE


def test_the_skill_is_looked_up_after_reading_the_note(imported_guide, guide_path):
    _edit(guide_path, b"**Mediation**:", b"**Mediating**:")
    result = services.skill_mark(guide=imported_guide, name="Mediating", status="active", source="cli")
    assert result.from_note.renamed == [("Mediation", "Mediating")]
    assert result.skill.pk == SkillStatusChange.objects.filter(skill__name="Mediating").first().skill_id


def test_once_the_refusal_has_shown_the_change_the_next_request_is_applied(imported_guide, guide_path):
    """The rule guards a change nobody has seen; the refusal itself shows it (as a page does)."""
    _edit(guide_path, NEGOTIATION, NEGOTIATION_DONE)
    with pytest.raises(services.SkillConflict):
        services.skill_mark(guide=imported_guide, name="Negotiation", status="active", source="cli")
    result = services.skill_mark(guide=imported_guide, name="Negotiation", status="active", source="cli")
    assert result.skill.status == SkillStatus.ACTIVE and result.note_written


# --- sync reports everything -------------------------------------------------------------------


def test_sync_reports_areas_skills_steps_and_description(imported_guide, guide_path):
    belonging = b"### 16. **Belonging**\n   - **Allyship**: x.\n\n"
    area_14 = guide_path.read_bytes().split(b"### 14. ")[1].split(b"### 15. ")[0]
    _edit(guide_path, b"### 15. **Diversity", belonging + b"### 15. **Diversity")
    _edit(guide_path, b"### 14. " + area_14, b"")
    _edit(guide_path, b"**Storytelling**: Using stories", b"**Storytelling**: Telling stories")
    _edit(guide_path, b"1. **Self-Assessment**: Start", b"1. **Self-Assessment**: Begin")
    _edit(guide_path, b"5. **Reflect**:", b"6. **Journal**: Write it down.\n5. **Reflect**:")
    _edit(guide_path, b"By focusing on these topics", b"By working on these topics")
    report = services.guide_sync(guide=imported_guide)
    assert report.areas_added == ["Belonging"] and report.added == ["Allyship"]
    assert report.areas_archived == ["Feedback and Coaching"]
    assert report.archived == ["Providing Constructive Feedback", "Receiving Feedback Positively"]
    assert report.edited == ["Storytelling"]
    assert (report.steps_added, report.steps_changed) == (["Journal"], ["Self-Assessment"])
    assert report.description_changed and report.changed
    _edit(guide_path, belonging, b"### 14. " + area_14 + belonging)
    back = services.guide_sync(guide=imported_guide)
    assert back.areas_restored == ["Feedback and Coaching"]
    assert back.restored == ["Providing Constructive Feedback", "Receiving Feedback Positively"]


def test_a_change_outside_the_skill_map_still_counts_as_changed(imported_guide, guide_path):
    _edit(guide_path, b"updated: 1725030424943", b"updated: 1725030424999")
    report = services.guide_sync(guide=imported_guide)
    assert report.changed and report.lines() == []
    assert report.to_document()["changed"] is True
    assert not services.guide_sync(guide=imported_guide).changed


# --- export never replaces a file unasked --------------------------------------------------------


def test_export_refuses_an_existing_file_and_a_dangling_link(imported_guide, tmp_path, guide_bytes):
    existing = tmp_path / "mine.md"
    existing.write_bytes(b"mine\n")
    with pytest.raises(export_services.TargetExists, match=str(existing)):
        export_services.guide_export(guide=imported_guide, path=existing)
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(export_services.TargetExists):
        export_services.guide_export(guide=imported_guide, path=link)
    assert existing.read_bytes() == b"mine\n" and not (tmp_path / "nowhere.md").exists()
    existing.chmod(0o600)
    assert export_services.guide_export(guide=imported_guide, path=existing, force=True).written
    assert existing.read_bytes() == guide_bytes and existing.stat().st_mode & 0o777 == 0o600


def test_export_force_still_refuses_a_read_only_file(imported_guide, tmp_path):
    locked = tmp_path / "locked.md"
    locked.write_bytes(b"keep\n")
    locked.chmod(0o444)
    with pytest.raises(services.GuideError, match="read-only"):
        export_services.guide_export(guide=imported_guide, path=locked, force=True)
    assert locked.read_bytes() == b"keep\n" and not list(tmp_path.glob(".*.tmp"))


def test_export_never_replaces_a_linked_note_even_with_force(owner, imported_guide, guide_path, tmp_path):
    edited = _edit(guide_path, NEGOTIATION, NEGOTIATION_DONE)  # not synced yet: export would undo it
    with pytest.raises(services.GuideError, match="is the note “Guide” is synced with"):
        export_services.guide_export(guide=imported_guide, path=guide_path, force=True)
    alias = tmp_path / "alias.md"
    alias.symlink_to(guide_path)
    other = services.guide_create_from_text(owner=owner, text="# L\n## 1. **Influence**\n- **Tours**: x\n", name="L")
    with pytest.raises(services.GuideError, match="synced with"):
        export_services.guide_export(guide=other, path=alias, force=True)
    assert guide_path.read_bytes() == edited


def test_export_onto_its_own_unchanged_note_is_a_no_op(imported_guide, guide_path, guide_bytes):
    before = guide_path.stat()
    result = export_services.guide_export(guide=imported_guide, path=guide_path.parent)
    assert result.path == guide_path and not result.written
    assert guide_path.stat().st_mtime_ns == before.st_mtime_ns and guide_path.read_bytes() == guide_bytes


# --- temporary copies left by a killed write -----------------------------------------------------


def test_only_our_stale_temporary_files_are_removed(tmp_path):
    note = tmp_path / "guide.md"
    note.write_text("note")
    old = time.time() - STALE_TEMP_SECONDS - 5
    ours = tmp_path / ".guide.md.abc_1234.tmp"
    young = tmp_path / ".guide.md.zzzzzzzz.tmp"
    others = [tmp_path / ".guide.md.abc.tmp", tmp_path / ".notes.md.abc_1234.tmp", tmp_path / ".guide.md.ABCD1234.tmp"]
    link = tmp_path / ".guide.md.link1234.tmp"
    for path in (ours, young, *others):
        path.write_text("copy")
    link.symlink_to(note)
    for path in (ours, *others):
        os.utime(path, (old, old))
    os.utime(link, (old, old), follow_symlinks=False)
    assert remove_stale_temp_files(note) == [ours]
    assert young.exists() and link.is_symlink() and all(path.exists() for path in others)
    assert note.read_text() == "note"


def test_a_sync_tidies_the_note_folder(imported_guide, guide_path, guide_bytes, monkeypatch):
    monkeypatch.setattr(services, "_last_tidy", {})
    stale = guide_path.parent / ".guide.md.x1y2z3w4.tmp"
    stale.write_bytes(guide_bytes)
    old = time.time() - 3600
    os.utime(stale, (old, old))
    assert not services.guide_sync(guide=imported_guide).changed
    assert not stale.exists()
