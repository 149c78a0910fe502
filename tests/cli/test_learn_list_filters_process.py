"""``peoplecraft learn list`` takes the catalogue page's filters, run as a real process.

A fresh data directory, no ``DATABASE_URL``; bad values exit 2 with a message naming the option.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
GUIDE = Path(__file__).resolve().parents[2] / "src" / "peoplecraft" / "data" / "guides" / "interpersonal-skills.md"


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home), "COLUMNS": "200"}
    env.pop("DATABASE_URL", None)
    return subprocess.run([str(PEOPLECRAFT), *args], env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("learn-home")
    result = run(path, "guide", "import", str(GUIDE))
    assert result.returncode == 0, result.stderr
    return path


def test_search_length_cost_and_skill_filter_the_json(home):
    result = run(
        home, "learn", "list", "--search", "listen", "--type", "talk", "--length", "short", "--cost", "free",
        "--skill", "Active Listening", "--format", "json",
    )
    assert result.returncode == 0, result.stderr
    resources = json.loads(result.stdout)["resources"]
    assert "ted-treasure-listen" in {r["id"] for r in resources}
    assert all(r["type"] == "talk" and r["minutes"] < 30 and r["cost"] == "free" for r in resources)
    assert all(r["verified"]["on"] == "2026-11-30" for r in resources)


def test_text_output_counts_the_results(home):
    result = run(home, "learn", "list", "--search", "bazerman")
    assert result.returncode == 0 and "negotiation-genius" in result.stdout and "1 resource" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--length", "epic"), "--length: Unknown length 'epic'"),
        (("--cost", "cheap"), "--cost: Unknown cost 'cheap'"),
        (("--search", "x" * 201), "--search: The search is longer than 200 characters"),
        (("--mine", "--cost", "free"), "--length and --cost filter the catalogue"),
    ],
)
def test_bad_filters_exit_2_with_the_option_named(home, args, message):
    result = run(home, "learn", "list", *args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert message in result.stderr and "Traceback" not in result.stderr and result.stdout == ""
