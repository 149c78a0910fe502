"""``peoplecraft backup`` end to end on real SQLite data directories (separate processes)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path


def _run(home, *args):
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "peoplecraft", *args], env=env, capture_output=True, text=True, timeout=180
    )


def test_backup_into_a_new_home_and_back_is_byte_identical(tmp_path, guide_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert _run(first, "guide", "import", str(guide_path)).returncode == 0
    assert _run(first, "guide", "mark", "written communication", "--done").returncode == 0
    created = _run(first, "backup", "create", str(tmp_path / "a.json"))
    assert created.returncode == 0, created.stderr

    restored = _run(second, "backup", "restore", str(tmp_path / "a.json"))
    assert restored.returncode == 0, restored.stderr
    assert _run(second, "backup", "create", str(tmp_path / "b.json")).returncode == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert (
        _run(second, "guide", "show", "--format", "json").stdout
        == _run(first, "guide", "show", "--format", "json").stdout
    )

    again = _run(second, "backup", "restore", str(tmp_path / "a.json"))
    assert again.returncode == 2 and "empty database" in again.stderr


PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
DRAFT = """
import django
django.setup()
from peoplecraft.accounts.models import User
from peoplecraft.writing.services import draft_save
draft_save(owner=User.objects.get(is_owner=True), text="The memo was written by Ana. Ünïcode: 🎉", context="email")
"""


def _cli(home: Path, *args: str, input: str | None = None) -> str:
    """Run the installed command; it must succeed without a traceback. Returns its stdout."""
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home), "DJANGO_SETTINGS_MODULE": "peoplecraft.config.settings"}
    env.pop("DATABASE_URL", None)
    command = [PEOPLECRAFT, *args] if args[0] != "python" else [sys.executable, "-c", args[1]]
    result = subprocess.run(
        command, env=env, input=input, stdin=None if input else subprocess.DEVNULL, capture_output=True, text=True,
        timeout=180,
    )  # fmt: skip
    assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr)
    return result.stdout


def _fill(home: Path, guide_path: Path, answers: Path) -> None:
    """Data of every kind, made the way a user makes it: through the command (a draft through its service)."""
    _cli(home, "guide", "import", str(guide_path))
    _cli(home, "guide", "mark", "Mediation", "--active")
    _cli(home, "journal", "add", "--mood", "4", "--stress", "6", "--tag", "retro", "--skill", "Mediation",
         input="Listened first today. Ünïcode 🎉\n")  # fmt: skip
    _cli(home, "journal", "add", "--mood", "2", "--emotion", "anxious", "--skill", "Empathy", input="Hard talk.\n")
    due, milestone, deadline = (str(date.today() + timedelta(days=days)) for days in (200, 60, 10))
    _cli(home, "goals", "add", "Mediate calmly", "--skill", "Mediation", "--measure", "meetings", "--target", "3.5",
         "--due", due, "--milestone", f"{milestone} first one", "--milestone", "second")  # fmt: skip
    _cli(home, "goals", "checkin", "1", "--done", "6", "--note", "two to go")
    _cli(home, "practice", "log", "Mediation", "--situation", "Retro", "--rating", "4", "--minutes", "20")
    _cli(home, "assess", "take", "--area", "2", input="3\n" * 40)
    _cli(home, "assess", "import", str(answers))
    _cli(home, "practice", "scenario", "play", "angry-customer", input="1\n" * 30)
    _cli(home, "practice", "scenario", "play", "feedback-to-a-peer", input="2\nq\n")
    raters = [f"--rater=peer:p{n}@example.org" for n in range(3)]
    _cli(home, "feedback", "create", "--skill", "Mediation", *raters, "--deadline", deadline, "--pass-on")
    _cli(home, "python", DRAFT)


def test_backup_of_every_kind_of_data_is_lossless_and_byte_identical(tmp_path, guide_path):
    answers = tmp_path / "answers.json"
    # Microseconds under a millisecond are the case a millisecond encoding wrote two ways.
    answers.write_text(json.dumps({"taken_at": "2025-03-01T09:00:00.000500Z", "answers": [
        {"item": "empathy-1", "answer": 4}, {"item": "empathy-5", "answer": 3}, {"item": "empathy-3", "answer": 5},
    ]}), encoding="utf-8")  # fmt: skip
    first, second = tmp_path / "first", tmp_path / "second"
    _fill(first, guide_path, answers)
    _cli(first, "backup", "create", str(tmp_path / "a.json"))
    _cli(second, "backup", "restore", str(tmp_path / "a.json"))
    _cli(second, "backup", "create", str(tmp_path / "b.json"))
    text = (tmp_path / "a.json").read_text(encoding="utf-8")
    assert (tmp_path / "b.json").read_text(encoding="utf-8") == text
    models = {row["model"] for row in json.loads(text)["objects"]}
    assert {
        "journal.entry", "goals.goal", "goals.milestone", "goals.checkin", "practice.practiceentry",
        "assessment.assessment", "assessment.answer", "feedback.feedbackrequest", "writing.draft",
        "scenarios.scenarioplay",
    } <= models  # fmt: skip
    assert '"2025-03-01T09:00:00.000500Z"' in text
    stamps = re.findall(r'"\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d)?"', text)
    assert stamps and all(re.fullmatch(r'"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z"', stamp) for stamp in stamps)
    with sqlite3.connect(first / "peoplecraft.sqlite3") as a, sqlite3.connect(second / "peoplecraft.sqlite3") as b:
        query = "SELECT started_at, completed_at FROM assessment_assessment ORDER BY id"
        assert a.execute(query).fetchall() == b.execute(query).fetchall()  # every microsecond restored


def test_restore_leaves_the_tables_analysed_for_the_query_planner(tmp_path, guide_path):
    """A bulk-loaded table has no planner statistics; the restore refreshes them (issue 12)."""
    first, second = tmp_path / "first", tmp_path / "second"
    assert _run(first, "guide", "import", str(guide_path)).returncode == 0
    assert _run(first, "backup", "create", str(tmp_path / "a.json")).returncode == 0
    restored = _run(second, "backup", "restore", str(tmp_path / "a.json"))
    assert restored.returncode == 0, restored.stderr

    database = next(second.glob("*.sqlite3"))
    with sqlite3.connect(database) as connection:
        analysed = {row[0] for row in connection.execute("SELECT tbl FROM sqlite_stat1")}
    assert "skillmap_skill" in analysed, sorted(analysed)
