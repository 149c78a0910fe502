"""Scores with their error, change verdicts and ``--update-instrument``, through the installed command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))
EMPATHY_KEYS = {"empathy-1": 1, "empathy-5": 1, "empathy-3": 1, "empathy-4": -1}


def peoplecraft(home: Path, *args: str) -> subprocess.CompletedProcess:
    # COLUMNS: wide enough that a table cell is not wrapped (xdist workers export COLUMNS=80)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {
        "PEOPLECRAFT_HOME": str(home),
        "COLUMNS": "200",
    }
    return subprocess.run([PEOPLECRAFT, *args], capture_output=True, text=True, env=env, timeout=120, check=False)


def _answers(path: Path, taken_at: str, best: bool) -> Path:
    answers = [{"item": i, "answer": (5 if (k == 1) == best else 1)} for i, k in EMPATHY_KEYS.items()]
    path.write_text(json.dumps({"taken_at": taken_at, "answers": answers}))
    return path


def test_results_json_shows_band_and_a_fall_reads_declined(tmp_path):
    home = tmp_path / "home"
    imports = [("a.json", "2026-01-05T09:00:00+00:00", True), ("b.json", "2026-03-05T09:00:00+00:00", False)]
    for name, when, best in imports:
        done = peoplecraft(home, "assess", "import", str(_answers(tmp_path / name, when, best)))
        assert done.returncode == 0, done.stderr
    result = peoplecraft(home, "assess", "results", "--format", "json")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    empathy = json.loads(result.stdout)["skills"][0]
    assert empathy["score"] == 0.0 and empathy["band"] == [0.0, pytest.approx(1.96 * 12.1395, abs=1e-3)]
    assert empathy["reliability_source"] == "prior" and empathy["sem"] == pytest.approx(12.1395, abs=1e-4)
    change = empathy["change"]
    assert change["value"] == -100.0 and change["direction"] == "down" and change["verdict"] == "declined"
    assert change["method"] == "sdc95" and change["threshold"] == pytest.approx(33.649, abs=1e-3)
    text = peoplecraft(home, "assess", "history", "Empathy")
    assert text.returncode == 0 and "declined (±34, sdc95)" in text.stdout and "0 (0–24)" in text.stdout


def _responses(path: Path, n: int) -> Path:
    rng = np.random.default_rng(7)
    trait = rng.normal(3.0, 0.9, (n, 1))
    answers = np.clip(np.rint(trait + rng.normal(0.0, 0.8, (n, 3))), 1, 5).astype(int)
    answers[:, 2] = 6 - answers[:, 2]  # s-3 is reverse keyed
    rows = [f"r{i},{','.join(map(str, row))}" for i, row in enumerate(answers)]
    path.write_text("respondent,s-1,s-2,s-3\n" + "\n".join(rows) + "\n")
    return path


MINI = "id: mini\nversion: 1\ntitle: Mini  # a comment\nscale: frequency-5\nitems:\n" + "".join(
    f"  - {{id: s-{n}, skill: S, key: {1 if n < 3 else -1}, self: 'I did {n}.', other: 'They did {n}.'}}\n"
    for n in (1, 2, 3)
)


def test_analyze_update_instrument_writes_the_block_and_refuses_the_bundled_bank(tmp_path):
    instrument = tmp_path / "mini.yaml"
    instrument.write_text(MINI)
    instrument.chmod(0o640)
    responses = _responses(tmp_path / "r.csv", 60)
    home = tmp_path / "home"
    result = peoplecraft(
        home, "assess", "analyze", "--instrument", str(instrument), "--responses", str(responses),
        "--update-instrument", "--format", "json",
    )  # fmt: skip
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    scale = json.loads(result.stdout)["scales"][0]
    text = instrument.read_text()
    assert text.startswith(MINI) and (instrument.stat().st_mode & 0o777) == 0o640
    entry = f'"S": {{alpha: {round(scale["alpha"], 4)!r}, sd: {round(scale["score_sd"], 2)!r}, n: 60, source: '
    assert text[len(MINI) :].startswith(f"reliability:\n  {entry}")
    assert f"written to {instrument}" in result.stderr

    from importlib import resources

    bundled = resources.files("peoplecraft").joinpath("data", "instruments", "interpersonal-skills.yaml")
    before = Path(str(bundled)).read_bytes()
    refused = peoplecraft(
        home, "assess", "analyze", "--instrument", str(bundled), "--responses", str(responses), "--update-instrument"
    )
    assert refused.returncode == 2 and "shipped with Peoplecraft" in refused.stderr and refused.stdout == ""
    assert Path(str(bundled)).read_bytes() == before
