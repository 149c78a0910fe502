"""``peoplecraft guide …`` in-process against the test database: same outcomes as the views."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from peoplecraft.cli.main import app
from peoplecraft.skillmap import selectors

pytestmark = pytest.mark.django_db
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_import_then_show_json(owner, guide_path):
    result = invoke("guide", "import", str(guide_path))
    assert result.exit_code == 0, result.output
    assert "15 areas, 52 skills" in result.stdout
    document = json.loads(invoke("guide", "show", "--format", "json").stdout)
    assert set(document) == {"title", "source", "areas"}
    assert document["title"] == "Guide" and len(document["areas"]) == 15
    first = document["areas"][0]
    assert set(first) == {"number", "title", "done", "total", "skills"}
    assert (first["done"], first["total"]) == (5, 6)
    assert set(first["skills"][0]) == {"name", "description", "status"}


def test_mark_done_rewrites_the_note(imported_guide, guide_path):
    result = invoke("guide", "mark", "written communication", "--done")
    assert result.exit_code == 0, result.output
    assert "~~**Written Communication**: Writing clearly" in guide_path.read_text()
    assert selectors.skill_find(guide=imported_guide, name="Written Communication").status == "done"


def test_ambiguous_name_lists_candidates_and_exits_2(imported_guide, guide_path, guide_bytes):
    result = invoke("guide", "mark", "communication", "--done")
    assert result.exit_code == 2
    assert "matches 6 skills" in result.stderr
    assert "Written Communication (area 1)" in result.stderr
    assert guide_path.read_bytes() == guide_bytes


def test_unknown_name_suggests_close_ones(imported_guide):
    result = invoke("guide", "mark", "Mediaton", "--active")
    assert result.exit_code == 2
    assert "No skill named 'Mediaton'" in result.stderr and "Mediation" in result.stderr


def test_mark_needs_exactly_one_status(imported_guide):
    assert invoke("guide", "mark", "Mediation").exit_code == 2
    assert invoke("guide", "mark", "Mediation", "--done", "--todo").exit_code == 2


def test_bad_file_is_exit_2_with_the_path(owner, tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"---\ntitle: x\n---\nno areas here\n")
    result = invoke("guide", "import", str(bad))
    assert result.exit_code == 2
    assert str(bad) in result.stderr and "no skill areas" in result.stderr
    assert "Traceback" not in result.output


def test_read_only_note_is_exit_2(imported_guide, guide_path):
    guide_path.chmod(0o444)
    result = invoke("guide", "mark", "Written Communication", "--done")
    assert result.exit_code == 2 and "read-only" in result.stderr


def test_sync_reports_external_changes_as_json(imported_guide, guide_path):
    guide_path.write_text(
        guide_path.read_text()
        .replace("   - **Mediation**:", "   - ~~**Mediation**:")
        .replace("resolve disputes.\n", "resolve disputes.~~\n")
    )
    document = json.loads(invoke("guide", "sync", "--format", "json").stdout)
    assert document["changed"] is True
    assert document["status_changes"] == [{"skill": "Mediation", "from": "todo", "to": "done"}]
    assert json.loads(invoke("guide", "sync", "--format", "json").stdout)["changed"] is False


def test_export_writes_identical_bytes(imported_guide, guide_bytes, tmp_path):
    result = invoke("guide", "export", str(tmp_path / "copy.md"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "copy.md").read_bytes() == guide_bytes


def test_guide_option_and_unknown_guide(imported_guide):
    assert json.loads(invoke("guide", "show", "--guide", "Guide", "--format", "json").stdout)["title"] == "Guide"
    result = invoke("guide", "show", "--guide", "nope")
    assert result.exit_code == 2 and "matches no guide" in result.stderr


def test_list_and_use(owner, imported_guide):
    from peoplecraft.skillmap.services import guide_create_from_text

    guide_create_from_text(
        owner=owner, text="# Leadership\n## 1. **Influence**\n- **Listening tours**: x\n", name="Leadership"
    )
    listing = json.loads(invoke("guide", "list", "--format", "json").stdout)["guides"]
    assert [g["active"] for g in listing].count(True) == 1
    assert invoke("guide", "use", "leadership").exit_code == 0
    assert selectors.guide_get(owner=owner).slug == "leadership"
