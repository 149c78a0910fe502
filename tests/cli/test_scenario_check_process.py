"""``peoplecraft practice scenario check`` through the installed script: path counts per file, and a file
whose text takes for granted a fact some path never set up is refused naming file, node and a path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
BEFORE = Path(__file__).resolve().parents[1] / "scenarios" / "fixtures" / "boundary-with-manager-before.yaml"


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("home")


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home), "COLUMNS": "200"}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [str(PEOPLECRAFT), "practice", "scenario", "check", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_bundled_scenarios_pass_with_path_counts(home):
    result = run(home)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 10 and all(line.startswith("ok ") and " paths, " in line for line in lines)
    assert any("(boundary-with-manager): " in line for line in lines)


def test_the_old_boundary_scenario_is_refused_with_file_node_and_path(home):
    result = run(home, str(BEFORE))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stdout.startswith(f"FAIL {BEFORE} (boundary-with-manager): 183 paths,")
    assert f"{BEFORE}:" in result.stderr and "node 'end-respected': asserts 'date_moved'" in result.stderr
    assert "opening#" in result.stderr and "→ end-respected" in result.stderr
    document = json.loads(run(home, str(BEFORE), "--format", "json", "--limit", "10").stdout)
    (row,) = document["files"]  # the cap stops the count, never the check
    assert row["paths"] == 10 and row["capped"] is True and len(row["problems"]) == 4


def test_a_looping_scenario_reports_the_cap(home):
    looping = Path(__file__).resolve().parents[2] / "src" / "peoplecraft" / "data" / "scenarios"
    result = run(home, str(looping / "networking-small-talk.yaml"), "--limit", "10")
    assert result.returncode == 0 and "10+ (stopped counting at --limit) paths" in result.stdout


def test_no_files_and_a_bad_limit_are_refused_cleanly(home, tmp_path):
    empty = run(home, str(tmp_path))
    assert empty.returncode == 2 and "No scenario files found" in empty.stderr and "Traceback" not in empty.stderr
    bad = run(home, "--limit", "0")
    assert bad.returncode == 2 and "--limit" in bad.stderr and "Traceback" not in bad.stderr
