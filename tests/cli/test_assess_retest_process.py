"""``peoplecraft assess retest`` through the installed command: refused outside its window, resumable inside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))


def peoplecraft(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"PEOPLECRAFT_HOME": str(home)}
    return subprocess.run(
        [PEOPLECRAFT, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120, check=False
    )


def _import(home: Path, tmp: Path, days_ago: int) -> None:
    taken = (datetime.now(UTC) - timedelta(days=days_ago)).isoformat()
    answers = [{"item": f"empathy-{n}", "answer": 4} for n in (1, 3, 4, 5)]  # the v2 bank's Empathy items
    path = tmp / f"answers-{days_ago}.json"
    path.write_text(json.dumps({"taken_at": taken, "answers": answers}))
    done = peoplecraft(home, "assess", "import", str(path))
    assert done.returncode == 0, done.stderr


def test_retest_is_refused_without_an_assessment_and_outside_the_window(tmp_path):
    home = tmp_path / "home"
    none = peoplecraft(home, "assess", "retest")
    assert none.returncode == 2 and "No finished assessment to retest" in none.stderr and not none.stdout
    _import(home, tmp_path, 22)
    late = peoplecraft(home, "assess", "retest", stdin="4\n")
    assert late.returncode == 2 and "Traceback" not in late.stderr
    assert "can be taken from" in late.stderr and "not today" in late.stderr


def test_retest_in_the_window_saves_on_q_resumes_and_reports_agreement(tmp_path):
    home = tmp_path / "home"
    _import(home, tmp_path, 15)
    first = peoplecraft(home, "assess", "retest", stdin="4\n4\nq\n")
    assert first.returncode == 0 and "Saved. Run 'peoplecraft assess retest'" in first.stdout, first.stderr
    asked = [line for line in first.stdout.splitlines() if line.startswith("[")]
    assert [line.split()[0] for line in asked] == ["[1/4]", "[2/4]", "[3/4]"]
    rest = peoplecraft(home, "assess", "retest", stdin="4\n4\n")
    assert rest.returncode == 0 and "Resuming the retest" in rest.stdout and "Finished" in rest.stdout, rest.stderr
    document = json.loads(peoplecraft(home, "assess", "results", "--format", "json").stdout)
    assert document["retest"]["agreement"][0]["skill"] == "Empathy"
    assert document["retest"]["agreement"][0]["verdict"] == "agrees within error"
    text = peoplecraft(home, "assess", "results")
    assert "agrees within error" in text.stdout and "Retest of the assessment of" in text.stdout
    again = peoplecraft(home, "assess", "retest")
    assert again.returncode == 2 and "retested already" in again.stderr
    unshared = peoplecraft(home, "assess", "retest", "--stats", "--format", "json")
    assert json.loads(unshared.stdout)["people"] == 0  # nobody shares anonymised scores yet
    assert peoplecraft(home, "account", "share", "--on").returncode == 0
    stats = peoplecraft(home, "assess", "retest", "--stats", "--format", "json")
    assert stats.returncode == 0 and "Traceback" not in stats.stderr, stats.stderr
    assert json.loads(stats.stdout)["skills"] == [
        {
            "skill": "Empathy",
            "n": 1,
            "status": "n too small",
            "r": None,
            "r_ci": None,
            "sd": None,
            "sem": None,
            "sdc95": None,
        }
    ]
