"""``peoplecraft review`` on data made through the command itself: each event once, no done skill suggested."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")


def _run(home: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["PEOPLECRAFT_HOME"] = str(home)
    stdin = subprocess.DEVNULL if input is None else None
    result = subprocess.run(
        [PEOPLECRAFT, *args], env=env, input=input, stdin=stdin, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return result


def test_review_lists_a_play_once_and_suggests_no_done_skill(tmp_path, guide_path):
    home = tmp_path / "home"
    _run(home, "guide", "import", str(guide_path))
    shown = json.loads(_run(home, "guide", "show", "--format", "json").stdout)
    done = {s["name"] for area in shown["areas"] for s in area["skills"] if s["status"] == "done"}
    assert "Active Listening" in done
    _run(home, "assess", "take", "--area", "1", input="2\n" * 60)  # every skill ties; done skills come first
    _run(home, "practice", "scenario", "play", "angry-customer", input="1\n" * 30)
    document = json.loads(_run(home, "review", "--format", "json").stdout)
    assert document["focus"]["rule"] == "low-score" and document["focus"]["skill"] not in done
    titles = [item["title"] for item in document["practised"]]
    assert titles.count("Scenario: Forty missed appointments: an angry customer") == 1
    text = _run(home, "review").stdout
    assert text.count("Scenario: Forty missed appointments: an angry customer") == 1, text
    assert f"Practised: {len(titles)} items," in text  # the text counts what the JSON lists
