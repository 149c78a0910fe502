"""``assess import`` and ``assess analyze`` on real files, through the installed ``peoplecraft``.

Each run is a real process with a fresh data directory and no ``DATABASE_URL``: importing the same
answers twice is refused, and a tab-separated response file (ids in any case, a skill short of an
item) is analysed, with its problems reported before any answer is range-checked.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from peoplecraft.assessment.instrument import bundled_instrument

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
SKILLS = ("Alpha", "Beta")
INSTRUMENT = "id: mini\nversion: 1\ntitle: Mini\nscale: frequency-5\nitems:\n" + "".join(
    f"  - {{id: {skill.lower()}-{n}, skill: {skill}, key: {1 if n < 4 else -1}, self: 'I did {n}.', "
    f"other: 'They did {n}.'}}\n"
    for skill in SKILLS
    for n in (1, 2, 3, 4)
)


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    return subprocess.run([str(PEOPLECRAFT), *args], env=env, capture_output=True, text=True, timeout=120)


def refused(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == "" and "Traceback" not in result.stderr, result.stderr
    return result.stderr


def simulated_answers(rng: random.Random, keys: list[int]) -> list[int]:
    """One respondent: a latent level plus noise per item, reverse items mirrored, on 1..5."""
    level = rng.gauss(0, 1)
    return [min(5, max(1, round(3 + key * level + rng.gauss(0, 0.8)))) for key in keys]


def test_importing_the_same_answers_twice_is_refused(tmp_path):
    first_skill = bundled_instrument().items[0].skill
    items = [item for item in bundled_instrument().items if item.skill == first_skill]
    rng = random.Random(15)
    answers_given = simulated_answers(rng, [item.key for item in items])
    rows = "".join(f"{item.id},{answer}\n" for item, answer in zip(items, answers_given, strict=True))
    answers = tmp_path / "answers.csv"
    answers.write_text("item,answer\n" + rows)
    home = tmp_path / "home"
    first = run(home, "assess", "import", str(answers))
    assert first.returncode == 0, first.stderr
    taken = re.search(r"taken (\d{4}-\d\d-\d\d)", first.stdout).group(1)
    stderr = refused(run(home, "assess", "import", str(answers)))
    assert f"{answers}: these answers were already imported as assessment 1, taken {taken}" in stderr
    history = json.loads(run(home, "assess", "history", first_skill, "--format", "json").stdout)
    assert len(history["history"]) == 1


@pytest.fixture
def instrument(tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(INSTRUMENT)
    return path


def test_analyze_a_tab_separated_file(tmp_path, instrument):
    rng = random.Random(6)
    header = ["respondent", " ALPHA-1", "Alpha-2", "alpha-3", "alpha-4", "beta-1", "BETA-3", "beta-4"]
    lines = ["\t".join(header)]
    for n in range(1, 301):
        answers = simulated_answers(rng, [1, 1, 1, -1, 1, 1, -1])
        lines.append("\t".join([f"r{n}", *map(str, answers)]))
    responses = tmp_path / "responses.tsv"
    responses.write_text("\n".join(lines) + "\n")
    files = ("--instrument", str(instrument), "--responses", str(responses))
    result = run(tmp_path, "assess", "analyze", *files, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "warning: skill 'Beta': 3 of 4 items in the file, missing beta-2\n"
    document = json.loads(result.stdout)
    scales = {scale["skill"]: scale for scale in document["scales"]}
    assert document["respondents"] == 300 and (scales["Alpha"]["k"], scales["Beta"]["k"]) == (4, 3)
    assert [item["item_id"] for item in scales["Alpha"]["items"]] == ["alpha-1", "alpha-2", "alpha-3", "alpha-4"]
    assert all(0.6 < scale["alpha"] < 0.95 for scale in scales.values())
    text = run(tmp_path, "assess", "analyze", *files)
    assert text.returncode == 0 and re.search(r"0\.\d{3} to 0\.\d{3}", text.stdout), text.stdout


def test_analyze_reports_every_unknown_column_before_any_answer(tmp_path, instrument):
    responses = tmp_path / "ipip.tsv"
    responses.write_text("race\tage\talpha-1\talpha-2\n1\t30\t4\t9\n2\t41\t0\t3\n")
    stderr = refused(run(tmp_path, "assess", "analyze", "--instrument", str(instrument), "--responses", str(responses)))
    assert f"{responses}, line 1, column 1: item id 'race' is not in instrument 'mini'" in stderr
    assert f"{responses}, line 1, column 2: item id 'age' is not in instrument 'mini'" in stderr
    assert "2 problem(s)" in stderr and "outside" not in stderr and "not a number" not in stderr
