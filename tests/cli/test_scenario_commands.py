"""``peoplecraft practice scenario …``: list, show, play (resume with q), validate (exit 2 with file/node)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from peoplecraft.cli.main import app

pytestmark = pytest.mark.django_db
runner = CliRunner()


def _run(*args, input=None):
    return runner.invoke(app, ["practice", "scenario", *args], input=input)


def test_list_json(owner):
    result = _run("list", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["scenarios"]
    assert len(rows) >= 6 and all(row["decisions"] >= 8 for row in rows)


def test_play_quit_resume_and_finish(owner):
    from peoplecraft.scenarios.models import ScenarioPlay

    first = _run("play", "peer", input="2\nq\n")
    assert first.exit_code == 0, first.output
    assert "Saved. Run 'peoplecraft practice scenario play feedback-to-a-peer'" in first.output
    play = ScenarioPlay.objects.get(owner=owner)
    assert play.path == [["opening", 1]] and play.source == "cli"
    second = _run("play", "feedback-to-a-peer", input="9\n2\n2\n")
    assert second.exit_code == 0, second.output
    assert "Resuming" in second.output and "Please type a number from 1 to 3" in second.output
    assert "Relationship strained, nothing changed" in second.output and "Score -9 of" in second.output
    play.refresh_from_db()
    assert play.is_finished and play.total_score == -9


def test_show_json_lists_plays_with_best_score(owner):
    _run("play", "peer", input="2\n2\n3\n")
    document = json.loads(_run("show", "feedback-to-a-peer", "--format", "json").stdout)
    assert document["decisions"] == 12 and document["best_score"] == -7  # 12 since the "sidetracked" node
    assert document["plays"][0]["outcome"] == "Relationship strained, nothing changed"


def test_unknown_scenario_exits_2_with_candidates(owner):
    result = _run("show", "zzz-nothing")
    assert result.exit_code == 2 and "No scenario called 'zzz-nothing'" in result.output


def test_validate_reports_file_line_and_node(tmp_path):
    from peoplecraft.scenarios.catalogue import bundled_scenarios

    source = bundled_scenarios()["angry-customer"].source.removeprefix("bundled ")
    from importlib import resources

    text = resources.files("peoplecraft").joinpath("data", "scenarios", source).read_text(encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("next: why-missed", "next: why-mised", 1).replace("Empathy: 2,", "Charm: 2,", 1))
    result = _run("validate", str(broken))
    assert result.exit_code == 2
    assert f"{broken}:" in result.output and "node 'impact'" in result.output and "'why-mised'" in result.output
    assert "unknown skill 'Charm'" in result.output
    good = _run("validate", str(tmp_path.parent / "nothing-here"))
    assert good.exit_code == 2


def test_validate_json_and_a_good_directory(tmp_path):
    from importlib import resources

    folder = resources.files("peoplecraft").joinpath("data", "scenarios")
    result = _run("validate", str(folder), "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["problems"] == [] and len(document["valid"]) >= 6
    (tmp_path / "bad.yaml").write_text("id: x\nnodes: [\n")
    bad = _run("validate", str(tmp_path), "--format", "json")
    assert bad.exit_code == 2 and json.loads(bad.stdout)["problems"][0]["line"] == 3
