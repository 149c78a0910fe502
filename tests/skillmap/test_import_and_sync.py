"""Importing the real note and keeping it in two-way sync (services, real database, real files)."""

from __future__ import annotations

import os
import stat

import pytest

from peoplecraft.skillmap import export_services, selectors, services
from peoplecraft.skillmap.models import Guide, Skill, SkillStatus, SkillStatusChange, StatusSource

pytestmark = pytest.mark.django_db

WRITTEN_TEXT = (
    "**Written Communication**: Writing clearly, concisely, and persuasively for different contexts "
    "(emails, reports, social media)."
)
WRITTEN = f"   - {WRITTEN_TEXT}"
WRITTEN_DONE = f"   - ~~{WRITTEN_TEXT}~~"


def _skill(guide: Guide, name: str) -> Skill:
    return selectors.skill_find(guide=guide, name=name)


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def test_import_reads_the_real_note(imported_guide, guide_path):
    summary = selectors.guide_summary(guide=imported_guide)
    assert summary["title"] == "Guide"
    assert summary["source"] == str(guide_path.resolve())
    assert len(summary["areas"]) == 15
    assert sum(area["total"] for area in summary["areas"]) == 52
    first = summary["areas"][0]
    assert (first["number"], first["title"], first["done"], first["total"]) == (1, "Communication Skills", 5, 6)
    assert first["skills"][-1] == {
        "name": "Written Communication",
        "description": WRITTEN_TEXT.split(": ", 1)[1],
        "status": "todo",
    }
    assert [step.name for step in imported_guide.method_steps.all()] == [
        "Self-Assessment",
        "Learning Resources",
        "Practice",
        "Seek Feedback",
        "Reflect",
    ]
    assert imported_guide.description.startswith("Interpersonal skills are")
    assert imported_guide.is_active
    assert imported_guide.note_id == "w8szmjqfo1r4i1o6s7i9f3n"


def test_marking_done_strikes_through_exactly_that_item(imported_guide, guide_path, guide_bytes):
    services.skill_mark(skill=_skill(imported_guide, "written communication"), status="done", source=StatusSource.CLI)
    before, after = _lines(guide_bytes), _lines(guide_path.read_bytes())
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert [before[i].split(b":")[0] for i in changed] == [b"updated", WRITTEN.encode().split(b":")[0]]
    assert after[changed[1]].decode() == WRITTEN_DONE
    assert not guide_path.read_bytes().endswith(b"\n")  # the missing final newline is kept


def test_undone_restores_the_note_but_for_updated(imported_guide, guide_path, guide_bytes):
    skill = _skill(imported_guide, "Active Listening")
    services.skill_mark(skill=skill, status="todo", source=StatusSource.WEB)
    services.skill_mark(skill=skill, status="done", source=StatusSource.WEB)
    before, after = _lines(guide_bytes), _lines(guide_path.read_bytes())
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [4]
    assert after[4].startswith(b"updated: ") and after[4] != before[4]


def test_active_status_stays_out_of_the_note(imported_guide, guide_path, guide_bytes):
    services.skill_mark(skill=_skill(imported_guide, "Empathy"), status="active", source=StatusSource.WEB)
    assert guide_path.read_bytes() == guide_bytes
    assert _skill(imported_guide, "Empathy").status == SkillStatus.ACTIVE


def test_status_history_records_every_change(imported_guide):
    skill = _skill(imported_guide, "Mediation")
    services.skill_mark(skill=skill, status="active", source=StatusSource.WEB)
    services.skill_mark(skill=skill, status="done", source=StatusSource.CLI)
    history = list(SkillStatusChange.objects.filter(skill=skill).values_list("old_status", "new_status", "source"))
    assert history == [("", "todo", "import"), ("todo", "active", "web"), ("active", "done", "cli")]


def test_external_edit_and_app_edit_are_both_kept(imported_guide, guide_path):
    text = guide_path.read_bytes().decode()
    edited = text.replace("   - **Empathy**: Understanding", "   - ~~**Empathy**: Understanding").replace(
        "showing compassion.\n", "showing compassion.~~\n"
    )
    guide_path.write_bytes(edited.encode())
    services.skill_mark(skill=_skill(imported_guide, "Mediation"), status="done", source=StatusSource.WEB)
    final = guide_path.read_text()
    assert "~~**Empathy**: Understanding and sharing the feelings of others, showing compassion.~~" in final
    assert "~~**Mediation**: Facilitating discussions to resolve disputes.~~" in final
    assert _skill(imported_guide, "Empathy").status == SkillStatus.DONE
    assert SkillStatusChange.objects.filter(skill__name="Empathy", source=StatusSource.NOTE).exists()


def test_sync_reads_external_strike_removal_and_new_skill(imported_guide, guide_path):
    text = guide_path.read_text()
    text = text.replace(
        "   - ~~**Public Speaking**: Engaging an audience effectively and presenting ideas confidently.~~",
        "   - **Public Speaking**: Engaging an audience effectively and presenting ideas confidently.",
    )
    text = text.replace(
        "### 15. **Diversity and Inclusion**\n",
        "### 15. **Diversity and Inclusion**\n   - **Allyship**: Speaking up for colleagues.\n",
    )
    guide_path.write_text(text)
    report = services.guide_sync(guide=imported_guide)
    assert ("Public Speaking", "done", "todo") in report.status_changes
    assert report.added == ["Allyship"]
    assert _skill(imported_guide, "Allyship").area.number == 15


def test_removed_skill_is_archived_with_history_and_comes_back(imported_guide, guide_path):
    original = guide_path.read_text()
    line = "   - **Mediation**: Facilitating discussions to resolve disputes.\n"
    services.skill_mark(skill=_skill(imported_guide, "Mediation"), status="active", source=StatusSource.WEB)
    guide_path.write_text(original.replace(line, ""))
    assert services.guide_sync(guide=imported_guide).archived == ["Mediation"]
    archived = Skill.objects.get(name="Mediation")
    assert archived.archived_at is not None
    with pytest.raises(selectors.SkillNotFound):
        _skill(imported_guide, "Mediation")
    guide_path.write_text(original)
    services.guide_sync(guide=imported_guide)
    back = _skill(imported_guide, "Mediation")
    assert back.pk == archived.pk and back.status == SkillStatus.ACTIVE


def test_stale_expectation_is_a_conflict_and_changes_nothing(imported_guide, guide_path):
    skill = _skill(imported_guide, "Mediation")
    guide_path.write_text(
        guide_path.read_text().replace(
            "   - **Mediation**: Facilitating discussions to resolve disputes.",
            "   - ~~**Mediation**: Facilitating discussions to resolve disputes.~~",
        )
    )
    disk = guide_path.read_bytes()
    with pytest.raises(services.SkillConflict, match="changed to done in the note"):
        services.skill_mark(skill=skill, status="active", expected_status="todo", source=StatusSource.WEB)
    assert guide_path.read_bytes() == disk
    assert _skill(imported_guide, "Mediation").status == SkillStatus.DONE  # the external edit is read, not lost


def test_read_only_note_leaves_database_and_file_alone(imported_guide, guide_path, guide_bytes):
    guide_path.chmod(0o444)
    skill = _skill(imported_guide, "Written Communication")
    with pytest.raises(services.GuideError, match="read-only"):
        services.skill_mark(skill=skill, status="done", source=StatusSource.WEB)
    assert guide_path.read_bytes() == guide_bytes
    assert _skill(imported_guide, "Written Communication").status == SkillStatus.TODO
    assert not SkillStatusChange.objects.filter(skill=skill, new_status="done").exists()


def test_file_mode_is_kept_on_rewrite(imported_guide, guide_path):
    guide_path.chmod(0o640)
    services.skill_mark(skill=_skill(imported_guide, "Written Communication"), status="done", source=StatusSource.WEB)
    assert stat.S_IMODE(os.stat(guide_path).st_mode) == 0o640
    assert not [p for p in guide_path.parent.iterdir() if p.name.endswith(".tmp")]


def test_crlf_note_keeps_crlf(owner, guide_path, guide_bytes):
    guide_path.write_bytes(guide_bytes.replace(b"\n", b"\r\n"))
    guide = services.guide_import(owner=owner, path=guide_path)
    services.skill_mark(skill=_skill(guide, "Written Communication"), status="done", source=StatusSource.WEB)
    data = guide_path.read_bytes()
    assert data.count(b"\r\n") == guide_bytes.count(b"\n") and b"\n" not in data.replace(b"\r\n", b"")


def test_reimport_of_the_same_file_reuses_the_guide(owner, guide_path):
    first = services.guide_import(owner=owner, path=guide_path)
    second = services.guide_import(owner=owner, path=guide_path)
    assert first.pk == second.pk
    assert Guide.objects.filter(owner=owner).count() == 1


def test_second_guide_becomes_active(owner, imported_guide, tmp_path):
    other = tmp_path / "leadership.md"
    other.write_text("---\ntitle: Leadership\n---\n\n## 1. **Influence**\n- **Listening tours**: Meet each team.\n")
    leadership = services.guide_import(owner=owner, path=other)
    assert selectors.guide_get(owner=owner).pk == leadership.pk
    assert selectors.guide_get(owner=owner, name="guide").pk == imported_guide.pk
    imported_guide.refresh_from_db()
    assert not imported_guide.is_active


def test_export_unchanged_guide_is_byte_identical(imported_guide, guide_bytes, tmp_path):
    target = export_services.guide_export(guide=imported_guide, path=tmp_path / "out.md").path
    assert target.read_bytes() == guide_bytes


def test_export_of_default_guide_round_trips(owner, tmp_path):
    guide = services.guide_load_default(owner=owner)
    target = export_services.guide_export(guide=guide, path=tmp_path).path
    again = services.guide_import(owner=owner, path=target)
    assert selectors.guide_summary(guide=again)["areas"] == selectors.guide_summary(guide=guide)["areas"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe not utf-8", "is not valid UTF-8"),
        (b"---\ntitle: [unclosed\n---\n### 1. **A**\n- **B**: c\n", r"bad\.md:\d+: .*not valid YAML"),
        (b"---\ntitle: x\n---\n\nJust prose, no areas.\n", "no skill areas"),
        (b"binary\x00data", "NUL byte"),
    ],
)
def test_bad_notes_are_refused_and_nothing_is_saved(owner, tmp_path, content, expected):
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    with pytest.raises(services.GuideError, match=expected) as error:
        services.guide_import(owner=owner, path=path)
    assert str(path) in str(error.value)
    assert not Guide.objects.filter(owner=owner).exists()
    assert path.read_bytes() == content


def test_missing_directory_and_huge_files_are_refused(owner, tmp_path):
    with pytest.raises(services.GuideError, match="no such file"):
        services.guide_import(owner=owner, path=tmp_path / "nope.md")
    with pytest.raises(services.GuideError, match="is a directory"):
        services.guide_import(owner=owner, path=tmp_path)
    huge = tmp_path / "huge.md"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(services.GuideError, match=r"50\.0 MB"):
        services.guide_import(owner=owner, path=huge)


def test_broken_note_on_disk_does_not_touch_the_database(imported_guide, guide_path):
    guide_path.write_bytes(b"\xff broken")
    with pytest.raises(services.GuideError, match="UTF-8"):
        services.skill_mark(skill=_skill(imported_guide, "Mediation"), status="done", source=StatusSource.WEB)
    assert _skill(imported_guide, "Mediation").status == SkillStatus.TODO
    assert guide_path.read_bytes() == b"\xff broken"


def test_export_of_an_app_guide_renders_a_fresh_note(owner, tmp_path):
    guide = services.guide_load_default(owner=owner)
    services.skill_mark(skill=_skill(guide, "Mediation"), status="done", source=StatusSource.WEB)
    guide.note_text = ""  # as for a guide made in the app, with no note behind it
    guide.save()
    target = export_services.guide_export(guide=guide, path=tmp_path / "fresh.md").path
    text = target.read_text()
    assert text.startswith("---\nid: ") and "title: Interpersonal Skills" in text
    assert "~~**Mediation**: Facilitating discussions to resolve disputes.~~" in text
    again = services.guide_import(owner=owner, path=target)
    assert selectors.guide_summary(guide=again)["areas"] == selectors.guide_summary(guide=guide)["areas"]
