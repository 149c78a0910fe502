"""``assess analyze`` input checks: the response file against the instrument, and the text output."""

from __future__ import annotations

import pytest

from peoplecraft.assessment import analysis
from peoplecraft.assessment.instrument import parse_instrument
from peoplecraft.assessment.response_files import ResponsesCsvError

MINI = "id: mini\nversion: 1\ntitle: Mini\nscale: frequency-5\nitems:\n" + "".join(
    f"  - {{id: {skill.lower()}-{n}, skill: {skill}, key: {1 if n < 4 else -1}, self: 'I did {n}.', "
    f"other: 'They did {n}.'}}\n"
    for skill in ("Alpha", "Beta")
    for n in (1, 2, 3, 4)
)


@pytest.fixture
def mini():
    return parse_instrument(MINI, source="mini.yaml")


def write(tmp_path, text: str):
    path = tmp_path / "responses.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_ids_in_any_case_become_the_instruments(mini, tmp_path):
    table = analysis.read_responses(mini, write(tmp_path, "ALPHA-1;Alpha-2 ; alpha-3\n1;2;3\n"))
    assert table.item_ids == ("alpha-1", "alpha-2", "alpha-3")


def test_unknown_columns_are_reported_before_answers_off_the_scale(mini, tmp_path):
    with pytest.raises(ResponsesCsvError) as error:
        analysis.read_responses(mini, write(tmp_path, "alpha-1,race,age\n9,1,30\n"))
    assert [p.split(": ", 1)[1] for p in error.value.problems] == [
        "item id 'race' is not in instrument 'mini'",
        "item id 'age' is not in instrument 'mini'",
    ]


def test_a_skill_with_fewer_items_than_the_instrument_is_named_with_its_missing_ids(mini, tmp_path):
    table = analysis.read_responses(mini, write(tmp_path, "alpha-1,alpha-2,alpha-4,beta-3\n1,2,3,4\n"))
    missing = analysis.missing_items(mini, table)
    assert missing == {"Alpha": ["alpha-3"], "Beta": ["beta-1", "beta-2", "beta-4"]}
    assert analysis.missing_item_warnings(mini, missing) == [
        "skill 'Alpha': 3 of 4 items in the file, missing alpha-3",
        "skill 'Beta': 1 of 4 items in the file, missing beta-1, beta-2, beta-4; "
        "not analysed (alpha needs at least two items)",
    ]
    assert analysis.item_analysis(mini, table)["missing_items"] == missing


def test_a_complete_file_has_no_warnings(mini, tmp_path):
    table = analysis.read_responses(mini, write(tmp_path, "alpha-1,alpha-2,alpha-3,alpha-4\n1,2,3,4\n"))
    assert analysis.missing_items(mini, table) == {}
