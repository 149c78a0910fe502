"""``peoplecraft practice remind`` through the installed command: opt in and out, send, bad flags.

A real process with a fresh data directory and no ``DATABASE_URL``. The CLI's owner has no e-mail
address, so turning reminders on says none can be sent, and a run sends nothing (exit 0).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home), "COLUMNS": "200"}
    env.pop("DATABASE_URL", None)
    return subprocess.run([str(PEOPLECRAFT), *args], env=env, capture_output=True, text=True, timeout=120)


def test_remind_on_off_and_send(tmp_path):
    home = tmp_path / "home"
    on = run(home, "practice", "remind", "--on")
    assert on.returncode == 0, on.stderr
    assert "Practice reminders are on, but your account has no e-mail address" in on.stdout
    sent = run(home, "practice", "remind")
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.startswith("Sent 0 practice reminder(s); 0 could not be sent")
    off = run(home, "practice", "remind", "--off")
    assert (off.returncode, off.stdout.strip()) == (0, "Practice reminders are off.")
    queued = run(home, "practice", "remind", "--queue")
    assert queued.returncode == 0 and "'peoplecraft worker' sends them" in queued.stdout, queued.stderr
    worked = run(home, "worker", "--batch")
    assert worked.returncode == 0 and "Traceback" not in worked.stderr, worked.stderr
    assert "practice.tasks.send_practice_reminders state=SUCCESSFUL" in worked.stdout + worked.stderr


def test_remind_on_and_off_together_is_refused(tmp_path):
    both = run(tmp_path / "home", "practice", "remind", "--on", "--off")
    assert both.returncode == 2, (both.stdout, both.stderr)
    assert "Choose one of --on and --off." in both.stderr and "Traceback" not in both.stderr
