"""The note is sacred: the installed ``peoplecraft`` in a subprocess, a fresh data directory, a
copy of the user's real note edited by hand, and the note's bytes compared after every command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
NEGOTIATION = b"   - **Negotiation Skills**: Reaching mutually beneficial agreements."
NEGOTIATION_DONE = b"   - ~~**Negotiation Skills**: Reaching mutually beneficial agreements.~~"
MEDIATION = b"   - **Mediation**: Facilitating discussions to resolve disputes."
MEDIATION_DONE = b"   - ~~**Mediation**: Facilitating discussions to resolve disputes.~~"


@pytest.fixture
def cli(tmp_path):
    env = {**os.environ, "PEOPLECRAFT_HOME": str(tmp_path / "home")}
    env.pop("DATABASE_URL", None)

    def run(*args: str) -> subprocess.CompletedProcess:
        result = subprocess.run([str(PEOPLECRAFT), *args], env=env, capture_output=True, text=True, timeout=120)
        assert "Traceback" not in result.stderr
        return result

    return run


@pytest.fixture
def note(cli, guide_path):
    """The real note, imported by the installed command."""
    result = cli("guide", "import", str(guide_path))
    assert result.returncode == 0, result.stderr
    return guide_path


def _edit(path: Path, old: bytes, new: bytes) -> bytes:
    data = path.read_bytes()
    assert data.count(old) == 1
    edited = data.replace(old, new)
    path.write_bytes(edited)
    return edited


def _only_updated_differs(before: bytes, after: bytes) -> None:
    """Peoplecraft's own write changes the front matter's ``updated:`` digits and nothing else."""
    old, new = before.split(b"\n"), after.split(b"\n")
    assert len(old) == len(new)
    differing = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    assert differing == [4] and new[4].startswith(b"updated: ")


def _status(cli, name: str) -> str:
    document = json.loads(cli("guide", "show", "--format", "json").stdout)
    return next(s["status"] for a in document["areas"] for s in a["skills"] if s["name"] == name)


# --- status changes read the note first -------------------------------------------------------


def test_mark_refuses_to_undo_a_strike_made_in_the_note(cli, note):
    edited = _edit(note, NEGOTIATION, NEGOTIATION_DONE)
    result = cli("guide", "mark", "Negotiation Skills", "--active")
    assert result.returncode == 2
    assert "from your note: Negotiation Skills: todo → done" in result.stderr
    assert "--force" in result.stderr and result.stdout == ""
    assert note.read_bytes() == edited
    assert _status(cli, "Negotiation Skills") == "done"


def test_mark_force_applies_the_choice_and_rewrites_the_note(cli, note, guide_bytes):
    edited = _edit(note, NEGOTIATION, NEGOTIATION_DONE)
    result = cli("guide", "mark", "Negotiation Skills", "--active", "--force")
    assert result.returncode == 0, result.stderr
    assert "from your note: Negotiation Skills: todo → done" in result.stderr
    assert result.stdout.startswith("Negotiation Skills: in focus")
    _only_updated_differs(guide_bytes, note.read_bytes())
    assert note.read_bytes() != edited
    assert _status(cli, "Negotiation Skills") == "active"


def test_mark_that_agrees_with_the_note_changes_no_byte(cli, note):
    edited = _edit(note, NEGOTIATION, NEGOTIATION_DONE)
    result = cli("guide", "mark", "negotiation", "--done")
    assert result.returncode == 0, result.stderr
    assert "from your note: Negotiation Skills: todo → done" in result.stderr
    assert note.read_bytes() == edited


def test_mark_of_another_skill_keeps_the_note_edit(cli, note):
    edited = _edit(note, NEGOTIATION, NEGOTIATION_DONE)
    result = cli("guide", "mark", "Mediation", "--done")
    assert result.returncode == 0, result.stderr
    assert "from your note: Negotiation Skills: todo → done" in result.stderr
    _only_updated_differs(edited.replace(MEDIATION, MEDIATION_DONE), note.read_bytes())


def test_mark_finds_a_skill_the_note_just_renamed(cli, note):
    edited = _edit(note, b"**Mediation**:", b"**Mediating**:")
    result = cli("guide", "mark", "Mediating", "--active")
    assert result.returncode == 0, result.stderr
    assert "skill renamed: Mediation → Mediating" in result.stderr
    assert note.read_bytes() == edited


def test_assess_focus_refuses_a_skill_the_note_just_marked_done(cli, note, guide_bytes):
    edited = _edit(note, NEGOTIATION, NEGOTIATION_DONE)
    refused = cli("assess", "focus", "Negotiation Skills")
    assert refused.returncode == 2
    assert "Negotiation Skills" in refused.stderr and "--force" in refused.stderr
    assert note.read_bytes() == edited
    forced = cli("assess", "focus", "Negotiation Skills", "--force")
    assert forced.returncode == 0, forced.stderr
    _only_updated_differs(guide_bytes, note.read_bytes())
    assert _status(cli, "Negotiation Skills") == "active"


# --- sync reports everything it applied -------------------------------------------------------


def test_sync_reports_title_area_skill_and_method_changes(cli, note):
    _edit(note, b"title: Guide\n", b"title: People Guide\n")
    _edit(note, b"**Empathy and Emotional Intelligence**", b"**Empathy and EQ**")
    _edit(note, NEGOTIATION, NEGOTIATION_DONE)
    _edit(note, b"**Mediation**:", b"**Mediating**:")
    _edit(note, b"   - **Storytelling**: Using stories to make a point and persuade an audience.\n", b"")
    _edit(note, b"5. **Reflect**:", b"5. **Look back**:")
    result = cli("guide", "sync", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["changed"] is True
    assert document["title"] == {"from": "Guide", "to": "People Guide"}
    assert document["areas"]["renamed"] == [{"from": "Empathy and Emotional Intelligence", "to": "Empathy and EQ"}]
    assert document["skills"]["status"] == [{"skill": "Negotiation Skills", "from": "todo", "to": "done"}]
    assert document["skills"]["renamed"] == [{"from": "Mediation", "to": "Mediating"}]
    assert document["skills"]["archived"] == ["Storytelling"]
    assert document["method_steps"] == {"added": ["Look back"], "removed": ["Reflect"], "changed": []}
    assert document["status_changes"] == document["skills"]["status"]  # the older keys stay
    again = json.loads(cli("guide", "sync", "--format", "json").stdout)
    assert again["changed"] is False and again["title"] is None


def test_sync_text_names_a_title_change(cli, note):
    _edit(note, b"title: Guide\n", b"title: People Guide\n")
    result = cli("guide", "sync")
    assert result.returncode == 0, result.stderr
    assert "title: Guide → People Guide" in result.stdout
    assert "in sync" not in result.stdout


# --- export never destroys a file unasked ------------------------------------------------------


def test_export_refuses_an_existing_file_and_force_keeps_its_mode(cli, note, guide_bytes, tmp_path):
    existing = tmp_path / "mine.md"
    existing.write_bytes(b"my own words\n")
    existing.chmod(0o640)
    refused = cli("guide", "export", str(existing))
    assert refused.returncode == 2
    assert str(existing) in refused.stderr and "--force" in refused.stderr
    assert existing.read_bytes() == b"my own words\n"
    forced = cli("guide", "export", str(existing), "--force")
    assert forced.returncode == 0, forced.stderr
    assert existing.read_bytes() == guide_bytes
    assert existing.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_into_a_folder_refuses_only_the_file_it_would_replace(cli, note, guide_bytes, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "other.md").write_bytes(b"other\n")
    first = cli("guide", "export", str(folder))
    assert first.returncode == 0, first.stderr
    assert (folder / "guide.md").read_bytes() == guide_bytes
    (folder / "guide.md").write_bytes(b"edited\n")
    second = cli("guide", "export", str(folder))
    assert second.returncode == 2 and str(folder / "guide.md") in second.stderr
    assert (folder / "guide.md").read_bytes() == b"edited\n"
    assert (folder / "other.md").read_bytes() == b"other\n"


def test_export_onto_the_linked_note_writes_nothing(cli, note, guide_bytes):
    before = note.stat()
    for extra in ((), ("--force",)):
        result = cli("guide", "export", str(note), *extra)
        assert result.returncode == 0, result.stderr
        assert "nothing written" in result.stdout
    after = note.stat()
    assert note.read_bytes() == guide_bytes
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


# --- temporary files left by a killed write ----------------------------------------------------


def test_stale_temporary_files_are_removed_by_the_next_command(cli, note, guide_bytes):
    folder = note.parent
    hour_ago = time.time() - 3600
    stale = folder / ".guide.md.k3j_x9a2.tmp"
    fresh = folder / ".guide.md.q1w2e3r4.tmp"
    foreign = [folder / ".other.md.k3j_x9a2.tmp", folder / ".guide.md.k3j_x9a2.tmp.keep", folder / "guide.md.tmp"]
    for path in (stale, fresh, *foreign):
        path.write_bytes(guide_bytes)
        if path != fresh:
            os.utime(path, (hour_ago, hour_ago))
    result = cli("guide", "sync")
    assert result.returncode == 0, result.stderr
    assert not stale.exists()
    assert fresh.exists() and all(path.exists() for path in foreign)
    assert note.read_bytes() == guide_bytes
