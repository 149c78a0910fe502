"""The README's next step, as a user runs it: the installed ``peoplecraft`` in a subprocess on a fresh data
directory (the bundled guide loaded), some progress, then ``guide import`` of their own note (issue 14 item 5)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
EMPATHY = "   - **Empathy**: Understanding and sharing the feelings of others, showing compassion."


@pytest.fixture
def cli(tmp_path):
    env = {**os.environ, "PEOPLECRAFT_HOME": str(tmp_path / "home"), "COLUMNS": "200"}
    env.pop("DATABASE_URL", None)

    def run(*args: str) -> subprocess.CompletedProcess:
        result = subprocess.run([str(PEOPLECRAFT), *args], env=env, capture_output=True, text=True, timeout=120)
        assert "Traceback" not in result.stderr
        return result

    return run


def _statuses(cli) -> dict[str, str]:
    shown = json.loads(cli("guide", "show", "--format", "json").stdout)
    return {skill["name"]: skill["status"] for area in shown["areas"] for skill in area["skills"]}


@pytest.fixture
def progress(cli):
    """Progress on the bundled guide, made before the user imports their note."""
    assert cli("guide", "mark", "Empathy", "--done").returncode == 0
    assert cli("guide", "mark", "Negotiation Skills", "--active").returncode == 0


def test_import_links_the_note_to_the_guide_with_progress(cli, progress, guide_path):
    assert "Interpersonal Skills  (not linked to a note file)" in cli("guide", "show").stdout
    result = cli("guide", "import", str(guide_path))
    assert result.returncode == 0, result.stderr
    assert (
        f"Linked {guide_path.resolve()} to your guide 'Interpersonal Skills' (now 'Guide', the note's title) "
        "(the same 52 skills): 15 areas, 52 skills" in result.stdout
    )
    assert "Struck through in your note (done in Peoplecraft): Empathy" in result.stdout
    assert "from your note: Active Listening: todo → done" in result.stderr

    guides = json.loads(cli("guide", "list", "--format", "json").stdout)["guides"]
    assert [(g["title"], g["active"], g["source"]) for g in guides] == [("Guide", True, str(guide_path.resolve()))]
    statuses = _statuses(cli)
    assert statuses["Empathy"] == "done" and statuses["Negotiation Skills"] == "active"
    assert statuses["Active Listening"] == "done"  # struck in the note
    assert EMPATHY.replace("**Empathy**", "~~**Empathy**") + "~~" in guide_path.read_text()
    progress_doc = json.loads(cli("progress", "--format", "json").stdout)
    assert "Guide" in json.dumps(progress_doc)
    assert str(guide_path.resolve()) in cli("guide", "show").stdout


def test_separate_keeps_the_old_guide_and_says_so(cli, progress, guide_path):
    result = cli("guide", "import", str(guide_path), "--separate")
    assert result.returncode == 0, result.stderr
    assert "Imported 'Guide' as a separate guide" in result.stdout
    assert "Your guide 'Interpersonal Skills' keeps its own progress" in result.stdout
    guides = json.loads(cli("guide", "list", "--format", "json").stdout)["guides"]
    assert sorted((g["title"], g["source"]) for g in guides) == [
        ("Guide", str(guide_path.resolve())),
        ("Interpersonal Skills", None),
    ]
    listed = cli("guide", "list").stdout
    assert "not linked" in listed and str(guide_path.resolve()) in listed
    assert _statuses(cli)["Empathy"] == "todo"  # the copy starts from the note alone
    assert EMPATHY in guide_path.read_text()  # and the note was not touched


def test_a_separate_copy_of_a_same_titled_note_gets_a_distinct_name(cli, tmp_path, guide_path):
    same = tmp_path / "people.md"
    same.write_text(guide_path.read_text().replace("title: Guide", "title: Interpersonal Skills"))
    result = cli("guide", "import", str(same), "--separate")
    assert result.returncode == 0, result.stderr
    assert "Imported 'Interpersonal Skills (2)'" in result.stdout
    titles = sorted(g["title"] for g in json.loads(cli("guide", "list", "--format", "json").stdout)["guides"])
    assert titles == ["Interpersonal Skills", "Interpersonal Skills (2)"]
