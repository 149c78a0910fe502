"""``peoplecraft today`` through the installed command: the same actions as the home page, text and JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))


def peoplecraft(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {
        "PEOPLECRAFT_HOME": str(home),
        "COLUMNS": "200",
    }
    return subprocess.run([PEOPLECRAFT, *args], capture_output=True, text=True, env=env, timeout=120, check=False)


def test_today_lists_the_next_actions_most_pressing_first(tmp_path):
    first = peoplecraft(tmp_path, "today")
    assert first.returncode == 0, first.stderr
    assert "1. Take a self-assessment  [assess]" in first.stdout and "2." not in first.stdout

    added = peoplecraft(tmp_path, "learn", "add", "--title", "A book on listening")
    assert added.returncode == 0, added.stderr
    result = peoplecraft(tmp_path, "today", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert [(a["step"], a["title"]) for a in document["actions"]] == [
        ("assess", "Take a self-assessment"),
        ("learn", "Next on your reading list: A book on listening"),
    ]
    assert document["actions"][0] == {
        "step": "assess",
        "key": "assessment:first",
        "title": "Take a self-assessment",
        "detail": "About ten minutes: it shows where you stand and what to work on first.",
        "url": "/assess/",
        "urgency": "due",
        "due": None,
    }
    assert document["has_guide"] is True


def test_today_help_is_instant_and_documented(tmp_path):
    result = peoplecraft(tmp_path, "today", "--help")
    assert result.returncode == 0 and "--format" in result.stdout and "what to do now" in result.stdout.lower()
