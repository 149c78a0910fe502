"""An interrupted ``assess take`` or ``practice scenario play`` (end of input, Ctrl-C) stores nothing
new unless an answer was given; then it stays resumable. Real processes of the installed command."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
FIXTURE_GUIDE = Path(__file__).resolve().parents[1] / "fixtures" / "guide.md"
NOTHING_SAVED = "Stopped before any answer; nothing was saved."


@pytest.fixture(scope="module")
def imported_home(tmp_path_factory) -> Path:
    """A data directory with the user's note imported through the command (made once)."""
    root = tmp_path_factory.mktemp("imported")
    note = root / "notes" / "guide.md"
    note.parent.mkdir()
    shutil.copyfile(FIXTURE_GUIDE, note)
    done = _run(root / "home", "guide", "import", str(note))
    assert done.returncode == 0, done.stderr
    return root / "home"


@pytest.fixture
def home(imported_home, tmp_path) -> Path:
    """A fresh copy of that data directory for one test."""
    return Path(shutil.copytree(imported_home, tmp_path / "home"))


def _env(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["PEOPLECRAFT_HOME"] = str(home)
    return env


def _run(home: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    stdin = subprocess.DEVNULL if input is None else None
    return subprocess.run(
        [PEOPLECRAFT, *args], env=_env(home), input=input, stdin=stdin, capture_output=True, text=True, timeout=120
    )


def _count(home: Path, table: str) -> int:
    with sqlite3.connect(home / "peoplecraft.sqlite3") as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 (this file's table names)


def _assert_stopped(result: subprocess.CompletedProcess, message: str) -> None:
    assert result.returncode == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr


def _in_progress(home: Path, scenario_id: str) -> bool:
    listed = _run(home, "practice", "scenario", "list", "--format", "json")
    return next(row for row in json.loads(listed.stdout)["scenarios"] if row["id"] == scenario_id)["in_progress"]


def test_take_with_stdin_closed_stores_nothing(home):
    _assert_stopped(_run(home, "assess", "take"), NOTHING_SAVED)
    assert _count(home, "assessment_assessment") == 0


def test_take_one_answer_then_end_of_input_is_resumable(home):
    first = _run(home, "assess", "take", "--skill", "Empathy", input="4\n")
    _assert_stopped(first, "Your answers so far are saved; run 'peoplecraft assess take' to carry on.")
    assert (_count(home, "assessment_assessment"), _count(home, "assessment_answer")) == (1, 1)
    second = _run(home, "assess", "take", input="5\n")
    _assert_stopped(second, "answers so far are saved")
    assert "Resuming the assessment" in second.stdout and "[2/4]" in second.stdout and "[3/4]" in second.stdout
    assert (_count(home, "assessment_assessment"), _count(home, "assessment_answer")) == (1, 2)


def test_take_quit_before_any_answer_stores_nothing(home):
    result = _run(home, "assess", "take", input="q\n")
    assert result.returncode == 0, result.stderr
    assert NOTHING_SAVED in result.stdout
    assert _count(home, "assessment_assessment") == 0


def test_take_ctrl_c_at_the_first_question_stores_nothing(home):
    process = subprocess.Popen(
        [PEOPLECRAFT, "assess", "take"],
        env=_env(home),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_for(process, b"Answer 1-5")
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 1, err
    assert NOTHING_SAVED in err.decode() and "Traceback" not in err.decode()
    assert _count(home, "assessment_assessment") == 0


def _wait_for(process: subprocess.Popen, text: bytes, timeout: float = 60) -> None:
    seen, deadline = b"", time.monotonic() + timeout
    while text not in seen:
        assert time.monotonic() < deadline, seen
        ready, _, _ = select.select([process.stdout], [], [], 1)
        if ready:
            seen += os.read(process.stdout.fileno(), 4096)


def test_play_with_stdin_closed_stores_nothing(home):
    _assert_stopped(_run(home, "practice", "scenario", "play", "angry-customer"), NOTHING_SAVED)
    assert _count(home, "scenarios_scenarioplay") == 0
    assert not _in_progress(home, "angry-customer")


def test_play_one_choice_then_end_of_input_is_resumable(home):
    first = _run(home, "practice", "scenario", "play", "angry-customer", input="1\n")
    _assert_stopped(first, "run 'peoplecraft practice scenario play angry-customer' to carry on")
    assert _in_progress(home, "angry-customer")
    second = _run(home, "practice", "scenario", "play", "angry-customer", input="q\n")
    assert second.returncode == 0, second.stderr
    assert "Resuming 'Forty missed appointments" in second.stdout and "--- Decision 2 ---" in second.stdout


def test_restart_interrupted_before_any_choice_keeps_the_unfinished_play(home):
    _run(home, "practice", "scenario", "play", "angry-customer", input="1\n")
    before = _count(home, "scenarios_scenarioplay")
    result = _run(home, "practice", "scenario", "play", "angry-customer", "--restart")
    _assert_stopped(result, NOTHING_SAVED)
    assert _count(home, "scenarios_scenarioplay") == before == 1
    resumed = _run(home, "practice", "scenario", "play", "angry-customer", input="q\n")
    assert "--- Decision 2 ---" in resumed.stdout
