"""``assessment_import``: good files become a finished assessment; any problem stores nothing."""

from __future__ import annotations

import json

import pytest

from peoplecraft.assessment import services
from peoplecraft.assessment.models import Answer, Assessment

pytestmark = pytest.mark.django_db

GOOD_ROWS = "item,answer\nempathy-1,4\nempathy-5,5\nempathy-3,s\nempathy-4,2\n"


def _import(owner, guide, path):
    return services.assessment_import(owner=owner, guide=guide, path=path)


def test_csv_import_finishes_an_assessment(owner, imported_guide, tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text(GOOD_ROWS)
    assessment = _import(owner, imported_guide, path)
    result = assessment.results.get()
    assert (result.skill.name, result.answered, result.items) == ("Empathy", 3, 4)
    assert assessment.source == "import" and assessment.completed_at is not None


def test_json_import_keeps_taken_at(owner, imported_guide, tmp_path):
    path = tmp_path / "answers.json"
    answers = [{"item": f"mediation-{n}", "answer": 3} for n in range(5, 9)]
    path.write_text(json.dumps({"taken_at": "2024-05-01T09:00:00+00:00", "answers": answers}, indent=1))
    assessment = _import(owner, imported_guide, path)
    assert assessment.completed_at.year == 2024 and assessment.results.get().score == 50


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.csv", GOOD_ROWS + "nope-9,3\n", "a.csv, line 6: unknown item id 'nope-9'"),
        ("a.csv", GOOD_ROWS.replace("empathy-5,5", "empathy-5,7"), "a.csv, line 3: item 'empathy-5': answer '7'"),
        ("a.csv", GOOD_ROWS + "empathy-1,3\n", "a.csv, line 6: item 'empathy-1' appears twice (first on line 2)"),
        ("a.csv", "empathy-1,4\nempathy-5,5\n", "a.csv, line 1: expected the header 'item,answer'"),
        ("a.csv", GOOD_ROWS + "empathy-5\n", "a.csv, line 6: expected 2 columns"),
        (
            "a.json",
            '{"answers": [\n {"item": "empathy-1", "answer": 4},\n {"item": "empathy-1", "answer": 2}\n]}',
            "a.json, line 3: item 'empathy-1' appears twice",
        ),
        ("a.json", '{"answers": [\n {"item": "empathy-1", "answer": 4},\n]}', "a.json, line 3: not valid JSON"),
        ("a.txt", GOOD_ROWS, "unknown file type"),
        ("a.csv", "item,answer\nempathy-1,4\n", "Not enough answers to score any skill"),
    ],
)
def test_bad_files_are_refused_with_line_numbers(owner, imported_guide, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(services.AssessmentError) as error:
        _import(owner, imported_guide, path)
    assert expected in str(error.value)
    assert not Assessment.objects.exists() and not Answer.objects.exists()


def test_wrong_encoding_names_the_line(owner, imported_guide, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("item,answer\nempathy-1,4\n# café\n".encode("latin-1"))
    with pytest.raises(services.AssessmentError, match=r"latin.csv, line 3: not UTF-8 text"):
        _import(owner, imported_guide, path)
    assert not Assessment.objects.exists()


def test_every_problem_is_listed_at_once(owner, imported_guide, tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("item,answer\nnope-1,3\nempathy-1,9\n")
    with pytest.raises(services.AssessmentError) as error:
        _import(owner, imported_guide, path)
    assert len(error.value.problems) == 2


# --- idempotent: the same answers are imported once --------------------------------------------


def _answers_json(path, taken_at=None, order=(1, 5, 3, 4)):
    values = {1: 4, 5: 5, 3: None, 4: 2}
    document = {"answers": [{"item": f"empathy-{n}", "answer": values[n]} for n in order]}
    if taken_at:
        document["taken_at"] = taken_at
    path.write_text(json.dumps(document))
    return path


def test_the_same_file_twice_is_refused_naming_the_earlier_assessment(owner, imported_guide, tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text(GOOD_ROWS)
    first = _import(owner, imported_guide, path)
    with pytest.raises(services.DuplicateImport) as error:
        _import(owner, imported_guide, path)
    assert error.value.earlier == first and Assessment.objects.count() == 1
    message = str(error.value)
    assert message.startswith(f"{path}: these answers were already imported as assessment {first.pk}, taken ")
    assert f"{first.completed_at:%Y-%m-%d}" in message and message.endswith("nothing was imported.")


def test_the_same_answers_in_another_format_or_order_are_a_duplicate(owner, imported_guide, tmp_path):
    csv_path = tmp_path / "a.csv"
    csv_path.write_text("item,answer\nempathy-4,2\nempathy-3,skip\nempathy-5,05\nempathy-1,4\n")
    _import(owner, imported_guide, csv_path)
    with pytest.raises(services.DuplicateImport):
        _import(owner, imported_guide, _answers_json(tmp_path / "a.json", order=(5, 1, 4, 3)))
    assert Assessment.objects.count() == 1


def test_the_same_answers_taken_at_another_time_are_another_assessment(owner, imported_guide, tmp_path):
    _import(owner, imported_guide, _answers_json(tmp_path / "may.json", "2024-05-01T09:00:00+00:00"))
    _import(owner, imported_guide, _answers_json(tmp_path / "june.json", "2024-06-01T09:00:00+00:00"))
    with pytest.raises(services.DuplicateImport):  # the same instant in another time zone
        _import(owner, imported_guide, _answers_json(tmp_path / "again.json", "2024-06-01T11:00:00+02:00"))
    assert Assessment.objects.count() == 2


def test_an_assessment_taken_here_is_not_a_duplicate_of_anything(owner, imported_guide, tmp_path, finished):
    path = tmp_path / "answers.csv"
    path.write_text(GOOD_ROWS)
    assert _import(owner, imported_guide, path).answers_digest
    assert finished.answers_digest == ""
