"""``peoplecraft write check`` on Markdown notes, run as the installed command in a new process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = Path(sys.executable).with_name("peoplecraft")
FENCE = "`" * 3
NOTE = f"""---
id: 4f1c2d9e8b7a6c5d4e3f2a1b
title: Feedback conversation — café retro ✨
desc: 'This note was written to utilize later'
updated: 1725030424943
created: 1724496310482
---

# Feedback conversation — café retro ✨

Notes from the retro with [Sam](https://example.com/people/utilize-sam "Sam was promoted by the board"), \
see [[skills.feedback]] and <https://example.com/utilize>.

{FENCE}python
# The report was written by the script.
result = utilize(data)
{FENCE}

<!-- It was decided that this stays hidden. -->

Run `utilize --was-written` before the meeting, or open https://example.com/utilize?x=1.

    indented code was written by hand

- **Listen first**: I let Sam finish <span title="was written">every</span> point.
- The decision was made by the team without me.

[ref]: https://example.com/utilize "It was written"
"""
REAL = NOTE.index("was made")


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PEOPLECRAFT_HOME": str(cwd / "home")}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [str(COMMAND), "write", "check", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def flagged(result: subprocess.CompletedProcess[str], text: str = NOTE) -> list[tuple[str, str, int]]:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    document = json.loads(result.stdout)
    return [(f["rule"], text[f["start"] : f["end"]], f["start"]) for f in document["findings"]]


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "retro.md"
    path.write_text(NOTE, encoding="utf-8")
    return path


def test_markdown_note_reports_prose_only_with_offsets_into_the_original(note, tmp_path):
    result = run(note.name, "--format", "json", cwd=tmp_path)
    assert flagged(result) == [("passive", "was made", REAL)]
    document = json.loads(result.stdout)
    assert document["markdown"] is True and document["stats"]["characters_total"] == len(NOTE)
    assert document["findings"][0]["end"] == REAL + len("was made")


def test_plain_override_analyses_front_matter_and_link_titles(note, tmp_path):
    found = flagged(run(note.name, "--plain", "--format", "json", cwd=tmp_path))
    assert ("passive", "was written", NOTE.index("was written")) in found  # in the front matter
    assert ("passive", "was promoted", NOTE.index("was promoted")) in found  # a link title
    assert ("passive", "was made", REAL) in found


def test_text_report_gives_line_and_code_point_column_of_the_original(note, tmp_path):
    result = run(note.name, cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    line = NOTE.count("\n", 0, REAL) + 1
    column = REAL - NOTE.rfind("\n", 0, REAL)
    assert (line, column) == (25, 16)
    assert f"{line}:{column} info Passive voice: “was made”" in result.stdout
    assert "    - The decision was made by the team without me." in result.stdout
    assert "retro.md · general · markdown" in result.stdout
    assert "\x1b[" not in result.stdout  # a pipe gets no colour codes
    assert "utilize" not in result.stdout and "was written" not in result.stdout


def test_standard_input_is_plain_unless_markdown_is_asked(tmp_path):
    plain = flagged(run("-", "--format", "json", cwd=tmp_path, stdin=NOTE))
    assert ("buzzword", "utilize", NOTE.index("utilize")) in plain
    markdown = run("-", "--markdown", "--format", "json", cwd=tmp_path, stdin=NOTE)
    assert flagged(markdown) == [("passive", "was made", REAL)]
    assert json.loads(markdown.stdout)["markdown"] is True


def test_extension_decides_by_default_and_the_flag_overrides(tmp_path):
    (tmp_path / "a.markdown").write_text(NOTE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(NOTE, encoding="utf-8")
    result = run("a.markdown", "b.txt", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    documents = json.loads(result.stdout)["documents"]
    assert [(d["path"], d["markdown"], len(d["findings"])) for d in documents] == [
        ("a.markdown", True, 1),
        ("b.txt", False, 5),
    ]
    forced = json.loads(run("b.txt", "--markdown", "--format", "json", cwd=tmp_path).stdout)
    assert forced["markdown"] is True and len(forced["findings"]) == 1


def test_a_path_that_looks_like_rich_markup_is_printed_as_is(tmp_path):
    (tmp_path / "[red]notes.md").write_text("The memo was sent by Ana.\n", encoding="utf-8")
    result = run("[red]notes.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "[red]notes.md · general · markdown" in result.stdout
