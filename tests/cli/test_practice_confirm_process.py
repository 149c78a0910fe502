"""``peoplecraft practice log … --ask`` through the installed command: the one-question link after logging."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
# The other person answers through the service the rater page calls, in its own process on the same home.
ANSWER = """
import sys
from peoplecraft.cli import context
context.setup_django()
from peoplecraft.feedback import confirm_services
confirm_services.confirmation_answer(raw_token=sys.argv[1], answer=sys.argv[2])
"""


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("home")


def _env(home: Path) -> dict:
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home), "COLUMNS": "200"}
    env.pop("DATABASE_URL", None)
    env.pop("PEOPLECRAFT_FEEDBACK_EMAIL", None)
    return env


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(PEOPLECRAFT), *args], env=_env(home), capture_output=True, text=True, timeout=120)


def _strength(home: Path) -> float:
    result = run(home, "practice", "today", "--format", "json")
    assert result.returncode == 0, result.stderr
    return next(s["strength"] for s in json.loads(result.stdout)["skills"] if s["skill"] == "Active Listening")


def test_log_then_ask_prints_the_link_once_and_a_yes_confirms(home):
    assert run(home, "practice", "plan", "--focus", "Active Listening").returncode == 0
    result = run(home, "practice", "log", "Active Listening", "--situation", "Sam's worry", "--ask")
    assert result.returncode == 0 and "Traceback" not in result.stderr, (result.stdout, result.stderr)
    assert "Logged Active Listening" in result.stdout and "Question for the other person:" in result.stdout
    assert "attributed: you will see their answer" in result.stdout
    url = next(word for word in result.stdout.split() if "/r/" in word)
    before = _strength(home)
    token = url.rstrip("/").rsplit("/", 1)[1]
    answered = subprocess.run(
        [sys.executable, "-c", ANSWER, token, "yes"], env=_env(home), capture_output=True, text=True, timeout=120
    )
    assert answered.returncode == 0, answered.stderr
    assert _strength(home) == pytest.approx(before * 1.5, abs=0.1)
    again = subprocess.run(
        [sys.executable, "-c", ANSWER, token, "not_really"], env=_env(home), capture_output=True, text=True, timeout=120
    )
    assert again.returncode != 0 and "MomentClosed" in again.stderr  # a used link cannot answer twice


def test_bad_ask_options_exit_2_before_anything_is_logged(home):
    before = json.loads(run(home, "practice", "today", "--format", "json").stdout)
    pooled_alone = run(home, "practice", "log", "Active Listening", "--situation", "x", "--pooled")
    assert pooled_alone.returncode == 2 and "--pooled" in pooled_alone.stderr and "Traceback" not in pooled_alone.stderr
    bad_email = run(home, "practice", "log", "Active Listening", "--situation", "x", "--ask-email", "not-an-address")
    assert bad_email.returncode == 2 and "--ask-email" in bad_email.stderr
    after = json.loads(run(home, "practice", "today", "--format", "json").stdout)
    assert before["skills"] == after["skills"]  # nothing logged


def test_pooled_link_says_anonymous(home):
    result = run(home, "practice", "log", "Active Listening", "--situation", "Retro", "--ask", "--pooled")
    assert result.returncode == 0, result.stderr
    assert "pooled, anonymous" in result.stdout and "/r/" in result.stdout
