"""Typed numbers, dates and error messages, through the installed ``peoplecraft`` in real processes.

Numbers are finite and in range, dates are real, JSON output is always parseable, and an error
names an option (or argument) the command really has.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from command_tree import names_of

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
SKILL = "Active Listening"
SIX_SKILLS = (SKILL, "Verbal Communication", "Non-Verbal Communication", "Emotional Intelligence", "Public Speaking")
SIX_SKILLS += ("Written Communication",)
DUE = (date.today() + timedelta(days=60)).isoformat()


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """One fresh data directory for this module (it bootstraps itself with the bundled guide)."""
    return tmp_path_factory.mktemp("home")


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    return subprocess.run([str(PEOPLECRAFT), *args], env=env, capture_output=True, text=True, timeout=120)


def refused(result: subprocess.CompletedProcess) -> str:
    """Assert a clean refusal (exit 2, nothing on stdout, no traceback); return stderr."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == "" and "Traceback" not in result.stderr, result.stderr
    return result.stderr


def strict_json(text: str):
    """Parse JSON as a strict reader would: ``Infinity`` and ``NaN`` are not JSON."""

    def reject(constant: str):
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=reject)


def goal(*extra: str) -> tuple[str, ...]:
    return ("goals", "add", "Ask first", "--skill", SKILL, "--measure", "questions asked", "--target", "5", *extra)


# --- 1. numbers are finite and in range -------------------------------------------------------


@pytest.mark.parametrize("target", ["inf", "nan", "1e308", "-1", "0", "1000001"])
def test_goal_target_must_be_a_finite_number_in_range(home, target):
    args = ["goals", "add", "Ask first", "--skill", SKILL, "--measure", "m", "--target", target, "--due", DUE]
    stderr = refused(run(home, *args))
    assert "--target must be a finite number between 0.01 and 1000000" in stderr


def test_an_infinite_target_saves_nothing_and_json_stays_json(tmp_path):
    refused(
        run(tmp_path, "goals", "add", "Ask first", "--skill", SKILL, "--measure", "m", "--target", "inf", "--due", DUE)
    )
    listed = run(tmp_path, "goals", "list", "--format", "json")
    assert listed.returncode == 0 and strict_json(listed.stdout) == {"goals": []}


@pytest.mark.parametrize("interval", ["inf", "nan", "0", "1e308"])
def test_worker_interval_must_be_a_finite_number_in_range(home, interval):
    stderr = refused(run(home, "worker", "--batch", "--interval", interval))
    assert "--interval must be a finite number between 0.1 and 3600" in stderr


def test_feedback_threshold_above_any_request_size_is_refused(home):
    args = ["feedback", "create", "--skill", SKILL, "--rater", "peer:a@example.com", "--deadline", DUE]
    stderr = refused(run(home, *args, "--threshold", "peer=99999999999999999999"))
    assert "at most 60" in stderr


def test_a_stored_infinity_is_a_clear_error_never_invalid_json(tmp_path):
    """Data written before the checks existed: JSON output and backups refuse it instead of writing ``Infinity``."""
    created = run(tmp_path, *goal("--due", DUE))
    assert created.returncode == 0, created.stderr
    with sqlite3.connect(tmp_path / "peoplecraft.sqlite3") as database:
        database.execute("UPDATE goals_goal SET target = 9e999")  # SQLite reads 9e999 as infinity
    database.close()

    listed = run(tmp_path, "goals", "list", "--format", "json")
    assert listed.returncode == 1 and listed.stdout == "", listed.stdout
    assert "not finite" in listed.stderr and "Traceback" not in listed.stderr

    backup = run(tmp_path, "backup", "create", str(tmp_path / "backup.json"))
    assert backup.returncode != 0 and "not finite" in backup.stderr and "Traceback" not in backup.stderr
    assert not (tmp_path / "backup.json").exists()


# --- 2. dates are real dates --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "option", "value"),
    [
        (goal("--due", "2027-02-30"), "--due", "2027-02-30"),
        (goal("--due", "[/x]"), "--due", "[/x]"),  # once a Rich markup crash
        (goal("--due", DUE, "--milestone", "2027-02-30 Halfway"), "--milestone", "2027-02-30"),
        (goal("--due", DUE, "--milestone", "9999-12-31 Someday"), "--milestone", "9999-12-31"),
        (("practice", "log", SKILL, "--situation", "1:1", "--date", "2027-02-30"), "--date", "2027-02-30"),
        (("practice", "plan", "--week", "0001-01-01"), "--week", "0001-01-01"),  # once a traceback
        (("review", "--week", "9999-12-31"), "--week", "9999-12-31"),  # once a traceback
        (("review", "--week", "20270228"), "--week", "20270228"),
        (
            ("feedback", "create", "--skill", SKILL, "--rater", "peer:a@example.com", "--deadline", "2027-02-30"),
            "--deadline",
            "2027-02-30",
        ),
    ],
)
def test_a_bad_date_is_refused_naming_the_option_and_the_value(home, args, option, value):
    stderr = refused(run(home, *args))
    assert f"{option}: '{value}'" in stderr, stderr


def test_a_milestone_with_a_bad_date_saves_nothing(home):
    refused(run(home, *goal("--due", DUE, "--milestone", "2027-02-30 Halfway")))
    titles = [g["title"] for g in strict_json(run(home, "goals", "list", "--format", "json").stdout)["goals"]]
    assert "Ask first" not in titles


# --- 3. error messages name options that exist ------------------------------------------------


def named(stderr: str) -> set[str]:
    """What an error names: every ``--option`` in it and the ``NAME:`` that starts each message line."""
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", stderr))
    prefixes = set(re.findall(r"^(?:error: |  - )([\w-]+): ", stderr, flags=re.MULTILINE))
    return options | prefixes


def today_plus(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


FIELD_CASES = [
    (  # every SMART field at once: title, skill, measure, due_date, reminder_days
        ("goals", "add"),
        ("", "--skill", "Juggling", "--measure", " ", "--target", "5", "--due", today_plus(0), "--remind-every", "999"),
        {"title", "--skill", "--measure", "--due", "--remind-every"},
    ),
    (("goals", "add"), goal("--due", DUE, "--milestone", f"{today_plus(90)} Late")[2:], {"--milestone"}),
    (("practice", "log"), (SKILL, "--situation", " "), {"--situation"}),
    (("practice", "log"), (SKILL, "--situation", "1:1", "--rating", "9"), {"--rating"}),
    (("practice", "log"), (SKILL, "--situation", "1:1", "--minutes", "0"), {"--minutes"}),
    (("practice", "log"), (SKILL, "--situation", "1:1", "--date", today_plus(30)), {"--date"}),
    (("practice", "log"), (SKILL, "--situation", "1:1", "--exercise", "nope"), {"--exercise"}),
    (("practice", "log"), ("Juggling", "--situation", "1:1"), {"skill"}),
    (
        ("practice", "plan"),
        tuple(arg for name in SIX_SKILLS for arg in ("--focus", name)),  # at most five
        {"--focus"},
    ),
    (("practice", "plan"), ("--focus", "Juggling"), {"--focus"}),
    (("learn", "add"), ("--title", " "), {"--title"}),
    (("learn", "add"), ("--title", "A book", "--type", "scroll"), {"--type"}),
    (("learn", "add"), ("--title", "A book", "--url", "ftp://example.com/book"), {"--url"}),
]


@pytest.mark.parametrize(("path", "args", "expected"), FIELD_CASES)
def test_a_validation_error_names_an_option_the_command_has(home, path, args, expected):
    stderr = refused(run(home, *path, *args))
    assert expected <= named(stderr), stderr
    assert named(stderr) <= names_of(*path), stderr


def test_checkin_errors_name_real_options(home):
    created = run(home, *goal("--due", DUE, "--format", "json"))
    goal_id = str(strict_json(created.stdout)["id"])
    stderr = refused(run(home, "goals", "checkin", goal_id, "--done", "-1"))
    assert "--done" in named(stderr) and named(stderr) <= names_of("goals", "checkin")
    assert run(home, "goals", "done", goal_id).returncode == 0
    stderr = refused(run(home, "goals", "checkin", goal_id, "--done", "5"))
    assert "reopen it" in stderr and named(stderr) <= names_of("goals", "checkin"), stderr  # once "--goal: …"
