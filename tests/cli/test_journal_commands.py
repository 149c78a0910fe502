"""``peoplecraft journal …`` in-process: same outcomes as the views, JSON documents, exit 2 on bad input."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from peoplecraft.cli.main import app
from peoplecraft.journal.models import Entry

pytestmark = pytest.mark.django_db
runner = CliRunner()


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_add_from_stdin_then_list_and_search_json(owner, imported_guide):
    result = invoke(
        "journal",
        "add",
        "--date",
        "2025-03-03",
        "--mood",
        "4",
        "--emotion",
        "grateful",
        "--stress",
        "2",
        "--tag",
        "team",
        "--skill",
        "Active Listening",
        "--format",
        "json",
        input="Ana thanked me.\n",
    )
    assert result.exit_code == 0, result.output
    added = json.loads(result.stdout)
    assert set(added) == {
        "id",
        "date",
        "title",
        "template",
        "mood",
        "emotion",
        "stress",
        "tags",
        "skills",
        "links",
        "note_id",
    }
    assert added["skills"] == ["Active Listening"] and added["tags"] == ["team"]
    listed = json.loads(invoke("journal", "list", "--format", "json").stdout)
    assert set(listed) == {"page", "has_next", "entries"} and len(listed["entries"]) == 1
    found = json.loads(invoke("journal", "search", "thanked", "--tag", "team", "--format", "json").stdout)
    assert set(found) == {"query", "searched_for", "changed", "page", "has_next", "results"}
    assert "<mark>thanked</mark>" in found["results"][0]["snippet_html"]


def test_search_with_fts_syntax_is_fine_and_says_so(owner):
    invoke("journal", "add", "--date", "2025-03-03", input="Feedback from the panel\n")
    result = invoke("journal", "search", '"feedback NEAR', "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["changed"] and document["searched_for"] == '"feedback NEAR"' and document["results"] == []
    prefix = json.loads(invoke("journal", "search", "feed*", "--format", "json").stdout)
    assert not prefix["changed"] and len(prefix["results"]) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2025-02-30"], "--date: '2025-02-30' is not a real date"),
        (["--mood", "7"], "--mood: Mood is a number from 1"),
        (["--template", "nope"], "unknown template 'nope'"),
        (["--skill", "Juggling"], "'Juggling' is not a skill"),
    ],
)
def test_bad_input_exits_2_and_saves_nothing(owner, imported_guide, args, message):
    result = invoke("journal", "add", *args, input="Something\n")
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert Entry.objects.count() == 0


def test_empty_stdin_is_refused(owner):
    result = invoke("journal", "add", input="  \n")
    assert result.exit_code == 2 and "empty" in result.stderr


def test_export_and_import_round_trip(owner, tmp_path):
    invoke("journal", "add", "--date", "2025-03-03", "--title", "A talk", input="Body text\n")
    assert invoke("journal", "export", str(tmp_path)).exit_code == 0
    assert (tmp_path / "journal.2025.03.03.a-talk.md").exists()
    result = invoke("journal", "import", str(tmp_path), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"files": 1, "created": 0, "updated": 1, "skipped": [], "problems": []}


def test_import_of_a_malformed_note_exits_2_with_file_and_line(owner, tmp_path):
    bad = tmp_path / "journal.2025.01.01.bad.md"
    bad.write_text("---\nid: x1\ntitle: Bad\nstress: lots\n---\n\nText\n")
    result = invoke("journal", "import", str(tmp_path))
    assert result.exit_code == 2 and f"{bad}:4: front matter 'stress'" in result.stderr
    assert Entry.objects.count() == 0


def test_prompts_json_has_three_daily_questions(owner):
    document = json.loads(invoke("journal", "prompts", "--date", "2025-03-03", "--format", "json").stdout)
    assert len(document["daily"]) == 3 and len(document["templates"]) == 6
