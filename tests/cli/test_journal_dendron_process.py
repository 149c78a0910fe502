"""``peoplecraft journal import/export`` on real Dendron journal notes, run as the installed command.

Each test gets a fresh data directory (the guide is bootstrapped, so its skills exist).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")

# Realistic notes of a Dendron vault: Dendron's own keys, extra keys of its own and of the user,
# comments, quoting styles, CRLF, unicode, a body without a trailing newline, no blank line
# after the front matter, a form feed pasted into a body.
VAULT = {
    "daily.journal.2024.05.01.md": (
        "---\n"
        "id: 4f8k2m9x7q1w3e5r6t8y0u2\n"
        "title: '2024-05-01'\n"
        "desc: ''\n"
        "updated: 1714571234567\n"
        "created: 1714550400000\n"
        "traitIds:\n"
        "  - journalNote\n"
        "nav_order: 3\n"
        "stub: false\n"
        'custom_key: "kept: as written"  # my own key\n'
        "---\n"
        "\n"
        "# Wednesday, May 1\n"
        "\n"
        "Talked with **Zoë** about the release — she felt unheard. 🙁\n"
    ).encode(),
    "work.journal.2024.05.02.standup.md": (
        "---\r\n"
        "id: a1b2c3d4e5f6g7h8i9j0k1l\r\n"
        "title: Standup\r\n"
        'desc: "Team standup, day 2"\r\n'
        "updated: 1714636800000\r\n"
        "created: 1714636800000\r\n"
        "---\r\n"
        "\r\n"
        "## Notes\r\n"
        "\r\n"
        "- Sam was quiet\r\n"
        "- café ☕ after"
    ).encode(),
    "daily.journal.2024.05.03.md": (
        "---\n"
        "id: zz9yy8xx7ww6vv5uu4tt3ss\n"
        'title: "Retro: sprint 12 — über"\n'
        "desc: ''\n"
        "updated: 1714740000000\n"
        "created: 1714730000000\n"
        "mood: 4\n"
        "emotion: grateful\n"
        "tags: [team, retro]\n"
        "skills:\n"
        "  - written communication\n"
        "  - Empathy\n"
        "sprint: 12\n"
        "---\n"
        "\n"
        "\tIndented line, then a form feed:\x0c done.\n"
    ).encode(),
    "journal.2024.05.04.md": b"---\ntitle: Quick note\n---\nNo blank line after the front matter.\n",
}


def _run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    result = subprocess.run([str(PEOPLECRAFT), *args], env=env, capture_output=True, text=True, timeout=180)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _write(folder: Path, notes: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in notes.items():
        (folder / name).write_bytes(data)
    return folder


def _entries(home: Path, tmp_path: Path) -> list[dict]:
    """The journal entries stored in ``home``, read from a backup (fields as in the database)."""
    backup = tmp_path / f"backup-{len(list(tmp_path.glob('backup-*')))}.json"
    assert _run(home, "backup", "create", str(backup)).returncode == 0
    objects = json.loads(backup.read_text())["objects"]
    return [item["fields"] for item in objects if item["model"] == "journal.entry"]


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir()}


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def test_dendron_journal_names_are_imported_and_every_skipped_file_is_listed(home, tmp_path):
    vault = _write(tmp_path / "vault", VAULT)
    _write(vault, {"daily.journal.md": b"---\nid: p1\ntitle: Daily\ncreated: 1714550400000\n---\n"})
    _write(vault, {"root.md": b"---\nid: r\ntitle: root\n---\n\nThe vault's root.\n", "dendron.yml": b"version: 5\n"})
    (vault / "assets").mkdir()
    later = b"---\nid: q\ntitle: Later\ncreated: 1714900000000\n---\n\nDated by created.\n"
    _write(vault, {"people.journal.md": later})

    result = _run(home, "journal", "import", str(vault), "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["files"], document["created"], document["updated"], document["problems"]) == (5, 5, 0, [])
    assert {Path(item["file"]).name: item["reason"] for item in document["skipped"]} == {
        "assets": "a folder (sub-folders are not read)",
        "daily.journal.md": "nothing is written below the front matter (an empty note is not an entry)",
        "dendron.yml": "not a Markdown note (.md)",
        "root.md": "not a journal note: its name has no 'journal' part (like daily.journal.2024.05.01.md)",
    }
    entries = _entries(home, tmp_path)
    assert sorted(entry["entry_date"] for entry in entries) == [
        "2024-05-01",
        "2024-05-02",
        "2024-05-03",
        "2024-05-04",
        "2024-05-05",  # people.journal.md: the day of its 'created' (UTC)
    ]
    retro = next(entry for entry in entries if entry["entry_date"] == "2024-05-03")
    assert (retro["mood"], retro["emotion"], len(retro["skills"])) == (4, "grateful", 2)

    again = _run(home, "journal", "import", str(vault))
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Imported 5 notes: 0 new, 5 updated; skipped 4 files.\n")
    assert f"  skipped {vault / 'root.md'}: not a journal note" in again.stdout


def test_every_problem_of_every_note_is_named_and_nothing_is_stored(home, tmp_path):
    folder = _write(
        tmp_path / "notes",
        {
            "daily.journal.2024.05.01.md": b"---\nid: ok1\ntitle: Fine\n---\n\nA good note.\n",
            "daily.journal.2024.05.02.md": (
                b"---\nid: bad1\ntitle: Bad\nmood: 9\nstress: lots\nemotion: hangry\nskills: [Juggling]\n---\n\nText\n"
            ),
            "daily.journal.2024.02.30.md": b"---\nid: bad2\ncreated: yesterday\ntags: {a: b}\n---\n\nText\n",
        },
    )
    result = _run(home, "journal", "import", str(folder), "--format", "json")
    assert result.returncode == 2
    problems = {(Path(p["file"]).name, p["line"], p["field"]) for p in json.loads(result.stdout)["problems"]}
    assert problems == {
        ("daily.journal.2024.05.02.md", 4, "mood"),
        ("daily.journal.2024.05.02.md", 5, "stress"),
        ("daily.journal.2024.05.02.md", 6, "emotion"),
        ("daily.journal.2024.05.02.md", 7, "skills"),
        ("daily.journal.2024.02.30.md", 3, "created"),
        ("daily.journal.2024.02.30.md", 4, "tags"),
        ("daily.journal.2024.02.30.md", 1, "file name"),
    }
    assert "7 problem(s) in 2 file(s); nothing was imported" in result.stderr
    assert f"{folder / 'daily.journal.2024.05.02.md'}:5: front matter 'stress': must be a whole number" in result.stderr
    assert f"{folder / 'daily.journal.2024.02.30.md'}:1: file name: the date in the file name" in result.stderr
    assert _entries(home, tmp_path) == []


def test_a_folder_with_nothing_to_import_exits_2_and_says_why(home, tmp_path):
    folder = _write(tmp_path / "vault", {"root.md": b"---\nid: r\n---\n\nRoot\n"})
    result = _run(home, "journal", "import", str(folder))
    assert result.returncode == 2
    assert "no journal note to import; nothing was imported" in result.stderr
    assert result.stdout.startswith("Imported 0 notes: 0 new, 0 updated; skipped 1 files.\n")
    assert "root.md: not a journal note" in result.stdout


def test_import_then_export_gives_byte_identical_files(home, tmp_path):
    vault = _write(tmp_path / "vault", VAULT)
    assert _run(home, "journal", "import", str(vault)).returncode == 0
    exported = _run(home, "journal", "export", str(tmp_path / "out"))
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout == f"Wrote 4 notes to {tmp_path / 'out'}\n"
    assert _files(tmp_path / "out") == VAULT


def test_export_refuses_a_folder_that_is_not_empty_and_force_replaces_keeping_the_mode(home, tmp_path):
    vault = _write(tmp_path / "vault", VAULT)
    assert _run(home, "journal", "import", str(vault)).returncode == 0
    out = _write(tmp_path / "out", {"daily.journal.2024.05.01.md": b"my own edit\n", "keep.txt": b"mine\n"})
    (out / "daily.journal.2024.05.01.md").chmod(0o600)

    refused = _run(home, "journal", "export", str(out))
    assert refused.returncode == 2 and refused.stdout == ""
    assert f"{out}: the folder is not empty; nothing was written" in refused.stderr
    assert f"would replace {out / 'daily.journal.2024.05.01.md'}" in refused.stderr
    assert _files(out) == {"daily.journal.2024.05.01.md": b"my own edit\n", "keep.txt": b"mine\n"}

    forced = _run(home, "journal", "export", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert _files(out) == {**VAULT, "keep.txt": b"mine\n"}  # no temporary file left behind
    assert (out / "daily.journal.2024.05.01.md").stat().st_mode & 0o777 == 0o600
