"""``peoplecraft assess …`` in-process against the test database: same outcomes as the views."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from peoplecraft.assessment import selectors
from peoplecraft.assessment.models import Assessment
from peoplecraft.cli.main import app
from peoplecraft.skillmap import selectors as skillmap_selectors

pytestmark = pytest.mark.django_db
runner = CliRunner()


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def _answer_area_2(value: str = "4") -> str:
    return "\n".join([value] * 20) + "\n"


def test_take_an_area_then_results_json(imported_guide):
    result = invoke("assess", "take", "--area", "2", "--priority", "Motivation", input=_answer_area_2())
    assert result.exit_code == 0, result.output
    assert "Finished" in result.stdout
    document = json.loads(invoke("assess", "results", "--format", "json").stdout)
    assert set(document) == {"taken_at", "skills", "areas", "focus", "retest"}
    assert document["skills"][0] == {
        "name": "Empathy",
        "area": "Empathy and Emotional Intelligence",
        "score": 62.5,  # unrounded: display rounds half up to 63
        "band": [pytest.approx(62.5 - 1.96 * 12.1395, abs=1e-3), pytest.approx(62.5 + 1.96 * 12.1395, abs=1e-3)],
        "sem": pytest.approx(12.1395, abs=1e-4),
        "reliability": pytest.approx(1.2 / 1.9),
        "reliability_source": "prior",
        "answered": 4,
        "items": 4,
        "change": {
            "value": None,
            "direction": None,
            "method": "none",
            "threshold": None,
            "threshold_possible": None,
            "verdict": None,
        },
    }
    area = document["areas"][0]
    assert area["name"] == "Empathy and Emotional Intelligence" and area["score"] == 62.5
    assert document["focus"][0]["name"] == "Motivation" and "priority" in document["focus"][0]["reason"]


def test_quit_saves_progress_and_take_resumes(owner, imported_guide):
    first = invoke("assess", "take", "--skill", "Empathy", input="5\ns\nq\n")
    assert first.exit_code == 0, first.output and "Saved" in first.stdout
    assessment = Assessment.objects.get()
    order = selectors.presented_items(assessment=assessment)  # the seeded order, stored with the assessment
    assert selectors.answers_get(assessment=assessment) == {order[0].id: 5, order[1].id: None}
    assert first.stdout.index(order[0].self_text) < first.stdout.index(order[1].self_text)
    second = invoke("assess", "take", input="7\n5\n5\n")
    assert second.exit_code == 0, second.output
    assert "Resuming" in second.stdout and "Please type 1-5" in second.stdout
    # Resuming shows the remaining items in the same order as the first session would have.
    assert second.stdout.index(order[2].self_text) < second.stdout.index(order[3].self_text)
    assert order[0].self_text not in second.stdout
    assessment.refresh_from_db()
    assert assessment.completed_at is not None and assessment.results.get().answered == 3


def test_no_such_occasion_is_answered_with_n_and_scored_as_missing(imported_guide):
    # Empathy's four items all name an occasion; "n" twice leaves 2 of 4: not enough answers.
    result = invoke("assess", "take", "--skill", "Empathy", input="n\nn\n5\n5\n")
    assert "n=No such occasion" in result.stdout and "None of the occasions" in result.stdout
    assessment = Assessment.objects.get()
    assert sorted(selectors.answers_get(assessment=assessment).values()) == [0, 0, 5, 5]
    assert result.exit_code == 2 and "Not enough answers" in result.stderr


def test_too_few_answers_is_not_scored(imported_guide):
    result = invoke("assess", "take", "--skill", "Empathy", input="5\ns\ns\ns\n")
    assert result.exit_code == 2 and "Not enough answers" in result.stderr
    assert Assessment.objects.get().completed_at is None
    assert invoke("assess", "results").exit_code == 1


def test_import_then_history(imported_guide, tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text("item,answer\nempathy-1,4\nempathy-5,4\nempathy-3,4\nempathy-4,2\n")
    result = invoke("assess", "import", str(path))
    assert result.exit_code == 0, result.output
    history = json.loads(invoke("assess", "history", "empathy", "--format", "json").stdout)
    assert history["skill"] == "Empathy" and history["history"][0]["score"] == 75.0


def test_bad_import_lists_line_numbered_problems_and_stores_nothing(imported_guide, tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text("item,answer\nempathy-1,9\nnope,3\n")
    result = invoke("assess", "import", str(path))
    assert result.exit_code == 2
    assert "answers.csv, line 2" in result.stderr and "answers.csv, line 3: unknown item id 'nope'" in result.stderr
    assert "Traceback" not in result.output and not Assessment.objects.exists()


def test_results_png(imported_guide, tmp_path):
    invoke("assess", "take", "--area", "2", input=_answer_area_2())
    target = tmp_path / "radar.png"
    result = invoke("assess", "results", "--png", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"\x89PNG") and "Focus next" in result.stdout


def test_history_of_an_unknown_skill_exits_2(imported_guide):
    result = invoke("assess", "history", "Mediaton")
    assert result.exit_code == 2 and "Mediation" in result.stderr


def test_analyze_json_and_bad_responses(tmp_path):
    instrument = tmp_path / "mini.yaml"
    instrument.write_text(
        "id: mini\nversion: 1\ntitle: Mini\nscale: frequency-5\nitems:\n"
        + "".join(
            f"  - {{id: s-{n}, skill: S, key: {1 if n < 3 else -1}, self: 'I did {n}.', other: 'They did {n}.'}}\n"
            for n in (1, 2, 3)
        )
    )
    responses = tmp_path / "r.csv"
    responses.write_text("respondent,s-1,s-2,s-3\na,1,2,5\nb,2,2,4\nc,4,5,2\nd,5,4,1\n")
    files = ("--instrument", str(instrument), "--responses", str(responses))
    result = invoke("assess", "analyze", *files, "--format", "json")
    assert result.exit_code == 0, result.output
    scale = json.loads(result.stdout)["scales"][0]
    assert scale["skill"] == "S" and scale["k"] == 3 and scale["n_used"] == 4 and scale["alpha"] > 0.9
    responses.write_text("respondent,s-1,s-2,s-9\na,1,2,5\n")
    bad = invoke("assess", "analyze", "--instrument", str(instrument), "--responses", str(responses))
    assert bad.exit_code == 2 and "line 1, column 4: item id 's-9' is not in instrument 'mini'" in bad.stderr
    responses.write_text("respondent,s-1,s-2,s-3\na,1,2,5\na,2,2,4\n")
    dup = invoke("assess", "analyze", "--instrument", str(instrument), "--responses", str(responses))
    assert dup.exit_code == 2 and "respondent 'a' appears twice" in dup.stderr


def test_focus_from_the_cli_marks_active(imported_guide):
    result = invoke("assess", "focus", "empathy")
    assert result.exit_code == 0, result.output
    assert "Empathy is now in focus" in result.stdout
    assert skillmap_selectors.skill_find(guide=imported_guide, name="Empathy").status == "active"


def test_text_tables_round_half_up_like_every_other_place(imported_guide):
    invoke("assess", "take", "--area", "2", input=_answer_area_2())
    # Empathy: 62.5 -> "63" (half up, as the focus reasons and web pages), band 62.5 ± 23.79
    table = invoke("assess", "results").stdout
    assert "63 (39–86)" in table and " 62 " not in table
    history = invoke("assess", "history", "Empathy").stdout
    assert "63 (39–86)" in history and "Reliability: prior" in history
