"""Issue 14 item 7 through the installed ``peoplecraft``: check-ins in the goal's unit, the plan from today, ticks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
ZONE = "America/Los_Angeles"  # far from UTC, so "today" there is often not today in UTC


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("home")


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home), "COLUMNS": "200", "PEOPLECRAFT_TIME_ZONE": ZONE}
    env.pop("DATABASE_URL", None)
    return subprocess.run([str(PEOPLECRAFT), *args], env=env, capture_output=True, text=True, timeout=120)


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0 and "Traceback" not in result.stderr, (result.stdout, result.stderr)
    return result.stdout


def test_a_check_in_counts_in_the_goals_unit(home):
    due = (date.today() + timedelta(days=60)).isoformat()
    added = ok(run(home, "goals", "add", "Ask first", "--skill", "Active Listening", "--measure", "one-to-ones",
                   "--target", "8", "--due", due, "--format", "json"))  # fmt: skip
    goal_id = str(json.loads(added)["id"])
    assert "3 of 8 one-to-ones (38%)" in ok(run(home, "goals", "checkin", goal_id, "--done", "3"))
    listed = json.loads(ok(run(home, "goals", "list", "--format", "json")))["goals"][0]
    assert (listed["done"], listed["progress"]) == (3, 38)
    assert "2.5 of 8" in ok(run(home, "goals", "checkin", goal_id, "--done", "2.5"))
    refused = run(home, "goals", "checkin", goal_id, "--done", "three")
    assert refused.returncode == 2 and "--done" in refused.stderr and "Traceback" not in refused.stderr


def test_the_plan_starts_today_in_the_users_zone_and_sessions_tick_off(home, tmp_path):
    today = datetime.now(ZoneInfo(ZONE)).date()
    ics = tmp_path / "plan.ics"
    plan = json.loads(ok(run(home, "practice", "plan", "--focus", "Mediation", "--ics", str(ics), "--format", "json")))
    dates = [date.fromisoformat(s["date"]) for s in plan["sessions"]]
    assert plan["start"] == today.isoformat() and plan["end"] == (today + timedelta(days=6)).isoformat()
    assert len(dates) == 3 and min(dates) >= today and max(dates) <= today + timedelta(days=6)
    assert not any(s["done"] for s in plan["sessions"])
    starts = [e.decoded("dtstart") for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert sorted(starts) == sorted(dates)  # the calendar holds the upcoming sessions

    first = plan["sessions"][0]["date"]
    assert "Done:" in ok(run(home, "practice", "tick", "Mediation", "--day", first))
    text = ok(run(home, "practice", "plan"))
    assert f"[x] {first}" in text and text.count("[ ]") == 2
    todays = json.loads(ok(run(home, "practice", "today", "--format", "json")))["sessions"]
    assert [s["done"] for s in todays] == [
        s["date"] == first for s in plan["sessions"] if s["date"] == today.isoformat()
    ]
    practised = json.loads(ok(run(home, "review", "--week", today.isoformat(), "--format", "json")))["practised"]
    assert any(item["skill"] == "Mediation" for item in practised)  # a tick is a practice log entry
    assert "Unticked" in ok(run(home, "practice", "tick", "Mediation", "--day", first, "--undo"))
    assert not any(s["done"] for s in json.loads(ok(run(home, "practice", "plan", "--format", "json")))["sessions"])

    free = next(today + timedelta(days=n) for n in range(7) if (today + timedelta(days=n)) not in dates)
    refused = run(home, "practice", "tick", "Mediation", "--day", free.isoformat())
    assert refused.returncode == 2 and "No session" in refused.stderr and "Traceback" not in refused.stderr
