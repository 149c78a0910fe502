"""``peoplecraft write check``: formats, exit codes and bad input (no database needed)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from peoplecraft.cli.main import app

runner = CliRunner()
EMAIL = (
    "Subject: Friday review\n\nHi Sam,\n\n"
    "The report was written by the team. Could you review it by Friday?\n\nThanks,\nAlex\n"
)


@pytest.fixture
def email_file(tmp_path):
    path = tmp_path / "mail.txt"
    path.write_text(EMAIL, encoding="utf-8")
    return path


def test_json_document_has_the_documented_shape(email_file):
    result = runner.invoke(app, ["write", "check", str(email_file), "--context", "email", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert {"path", "context", "stats", "score", "findings"} <= set(document)
    assert document["path"] == str(email_file) and document["context"] == "email"
    for key in (
        "words",
        "sentences",
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog",
        "coleman_liau",
        "ari",
        "readability",
    ):
        assert key in document["stats"]
    passive = [f for f in document["findings"] if f["rule"] == "passive"]
    assert passive and EMAIL[passive[0]["start"] : passive[0]["end"]] == "was written"


def test_jsonl_prints_one_object_per_file(email_file, tmp_path):
    other = tmp_path / "post.txt"
    other.write_text("Big news!!! We shipped it. #launch", encoding="utf-8")
    result = runner.invoke(app, ["write", "check", str(email_file), str(other), "--format", "jsonl"])
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["path"] for line in lines] == [str(email_file), str(other)]


def test_stdin_and_text_report(email_file):
    result = runner.invoke(app, ["write", "check", "-"], input="The memo was sent by Ana. It is very long.")
    assert result.exit_code == 0
    assert "Clarity score" in result.stdout and "was sent" in result.stdout


def test_fail_on_warning_exits_1(tmp_path):
    shouty = tmp_path / "shout.txt"
    shouty.write_text("Send the numbers now!!! This is URGENT AND IMPORTANT.", encoding="utf-8")
    assert runner.invoke(app, ["write", "check", str(shouty), "--fail-on", "warning"]).exit_code == 1
    assert runner.invoke(app, ["write", "check", str(shouty)]).exit_code == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"   \n", "empty"), (b"\x00\x01binary", "binary"), (b"caf\xe9", "not valid UTF-8")],
)
def test_bad_files_exit_2_with_a_message(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["write", "check", str(path)])
    assert result.exit_code == 2
    assert str(path) in result.stderr and message in result.stderr
    assert "Traceback" not in result.output


def test_directory_missing_and_huge_inputs_exit_2(tmp_path):
    assert "is a directory" in runner.invoke(app, ["write", "check", str(tmp_path)]).stderr
    assert "no such file" in runner.invoke(app, ["write", "check", str(tmp_path / "nope.txt")]).stderr
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    result = runner.invoke(app, ["write", "check", str(huge)])
    assert result.exit_code == 2 and "20.0 MB" in result.stderr
