"""``peoplecraft demo`` as a process: a separate, seeded demo directory, never real data by accident."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))


def peoplecraft(home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {
        "PEOPLECRAFT_HOME": str(home),
        "COLUMNS": "200",
    }
    return subprocess.run(
        [PEOPLECRAFT, *args], capture_output=True, text=True, env=env | extra, timeout=180, check=False
    )


def _titles(home: Path) -> list[str]:
    listed = peoplecraft(home, "journal", "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    document = json.loads(listed.stdout)
    entries = document["entries"] if isinstance(document, dict) else document
    return [entry["title"] for entry in entries]


def test_demo_goes_to_its_own_directory_and_is_the_same_for_the_same_seed(tmp_path):
    home = tmp_path / "home"
    made = peoplecraft(home, "demo", "--seed", "7")
    assert made.returncode == 0 and "Traceback" not in made.stderr, made.stderr
    demo_home = tmp_path / "peoplecraft-demo"
    assert f"Data directory: {demo_home}" in made.stdout
    assert f"PEOPLECRAFT_HOME={demo_home} peoplecraft serve" in made.stdout
    assert "20 journal entries" in made.stdout and "3 assessments" in made.stdout
    assert "2 feedback requests" in made.stdout
    assert not (home / "peoplecraft.sqlite3").exists()  # the real data directory was not touched
    first = _titles(demo_home)
    assert len(first) == 20
    again = peoplecraft(home, "demo", "--seed", "7", "--dir", str(tmp_path / "again"))
    assert again.returncode == 0, again.stderr
    assert _titles(tmp_path / "again") == first
    other = peoplecraft(home, "demo", "--seed", "8", "--dir", str(tmp_path / "other"), "--no-feedback")
    assert other.returncode == 0 and "feedback" not in other.stdout, other.stderr
    assert _titles(tmp_path / "other") != first
    results = peoplecraft(demo_home, "assess", "results", "--format", "json")
    assert results.returncode == 0, results.stderr


def test_demo_refuses_to_mix_into_real_data_unless_confirmed(tmp_path):
    home = tmp_path / "home"
    assert peoplecraft(home, "journal", "list").returncode == 0  # a real data directory in use
    refused = peoplecraft(home, "demo", "--into-current")
    assert refused.returncode == 2 and "--yes" in refused.stderr and "Traceback" not in refused.stderr
    assert _titles(home) == []
    occupied = peoplecraft(home, "demo", "--dir", str(home))
    assert occupied.returncode == 2 and "not an empty directory" in occupied.stderr
    database = peoplecraft(home, "demo", DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    assert database.returncode == 2 and "DATABASE_URL is set" in database.stderr
    mixed = peoplecraft(home, "demo", "--into-current", "--yes", "--people", "2")
    assert mixed.returncode == 0, mixed.stderr
    assert "for " in mixed.stdout and "demo-2" in mixed.stdout
    assert len(_titles(home)) == 20
    twice = peoplecraft(home, "demo", "--into-current", "--yes", "--people", "2")
    assert twice.returncode == 2 and "demo-2 exists already" in twice.stderr
