"""Reading response CSVs: missing cells become NaN; every error names file, line and column."""

import math

import numpy as np
import pytest

from peoplecraft.assessment.response_files import ResponsesCsvError, read_responses_csv, sniff_delimiter


def write(tmp_path, text: str, name: str = "responses.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_reads_items_and_missing_values(tmp_path):
    table = read_responses_csv(write(tmp_path, "a-1,a-2,a-3\n1,2,3\n4,,5\n"))
    assert table.item_ids == ("a-1", "a-2", "a-3") and table.respondents is None
    assert table.values.shape == (2, 3)
    assert table.values[0].tolist() == [1, 2, 3]
    assert math.isnan(table.values[1, 1]) and table.values[1, 2] == 5


def test_optional_respondent_column_bom_crlf_and_blank_lines(tmp_path):
    text = "\ufeffRespondent, a-1 ,a-2\r\nr1,1,2\r\n\r\nr2, 3 ,4.5\r\n"
    table = read_responses_csv(write(tmp_path, text))
    assert table.respondents == ("r1", "r2")
    assert table.item_ids == ("a-1", "a-2")
    assert table.values.tolist() == [[1.0, 2.0], [3.0, 4.5]]


def test_header_only_gives_an_empty_matrix(tmp_path):
    table = read_responses_csv(write(tmp_path, "a-1,a-2\n"))
    assert table.values.shape == (0, 2) and table.values.dtype == np.float64


@pytest.mark.parametrize(
    "text, message",
    [
        ("", r"responses\.csv, line 1: empty file"),
        ("respondent\n", r"responses\.csv, line 1: the header names no item columns"),
        ("a-1,,a-3\n", r"responses\.csv, line 1, column 2: empty item id"),
        ("a-1,a-2,a-1\n", r"responses\.csv, line 1, column 3: duplicate item id 'a-1'"),
        ("a-1,a-2\n1,2\n3\n", r"responses\.csv, line 3: expected 2 columns, found 1"),
        (
            "a-1,a-2\n1,2\n3,often\n",
            r"responses\.csv, line 3, column 2 \(a-2\): 'often' is not a "
            r"number",
        ),
        (
            "respondent,a-1,a-2\nr1,1,2\n\nr2,nan,2\n",
            r"responses\.csv, line 4, column 2 \(a-1\): 'nan' is not a finite number",
        ),
        ("a-1,a-2\n1,inf\n", r"line 2, column 2 \(a-2\): 'inf' is not a finite number"),
    ],
)
def test_errors_name_file_line_and_column(tmp_path, text, message):
    with pytest.raises(ResponsesCsvError, match=message):
        read_responses_csv(write(tmp_path, text))


def test_values_outside_the_scale_are_refused(tmp_path):
    path = write(tmp_path, "a-1,a-2\n1,5\n0,3\n")
    assert read_responses_csv(write(tmp_path, "a-1\n1\n5\n", "ok.csv"), valid_range=(1, 5))
    with pytest.raises(ResponsesCsvError, match=r"line 3, column 1 \(a-1\): 0 is outside 1\.\.5"):
        read_responses_csv(path, valid_range=(1, 5))


def test_unreadable_file(tmp_path):
    with pytest.raises(ResponsesCsvError, match="cannot read file"):
        read_responses_csv(tmp_path / "missing.csv")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("a-1\n\xe9\n".encode("latin-1"))
    with pytest.raises(ResponsesCsvError, match=r"latin1\.csv: cannot read file"):
        read_responses_csv(bad)


# --- separators: comma, semicolon or tab, detected; ambiguity refused -------------------------


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_the_separator_is_detected(tmp_path, sep):
    text = sep.join(["respondent", "a-1", "a-2", "a-3"]) + "\n" + sep.join(["r1", "1", "", "3"]) + "\n"
    table = read_responses_csv(write(tmp_path, text + sep.join(['"Smith, J"', "4", "5", "2"]) + "\n"))
    assert table.item_ids == ("a-1", "a-2", "a-3") and table.respondents == ("r1", "Smith, J")
    assert table.values[1].tolist() == [4, 5, 2]


def test_a_tab_separated_file_is_not_read_as_one_column(tmp_path):
    table = read_responses_csv(write(tmp_path, "race\tage\ta-1\n1\t30\t4\n", "data.tsv"))
    assert table.item_ids == ("race", "age", "a-1") and table.values.tolist() == [[1, 30, 4]]


@pytest.mark.parametrize(
    "text, expected",
    [("a-1\n1\n", ","), ("", ","), ("a,b;c\n1,2;3\n", None), ("a;b;c\n1;2,5;3\n", ";"), ("a\tb,c\n1\t2,3\n", None)],
)
def test_sniff_delimiter(text, expected):
    if expected is None:
        with pytest.raises(ResponsesCsvError, match=r"f\.csv, line 1: cannot tell how the columns are separated"):
            sniff_delimiter(text, "f.csv")
    else:
        assert sniff_delimiter(text, "f.csv") == expected


# --- item ids: matched to the instrument, all unknown columns reported before any answer -----


def test_item_ids_match_ignoring_case_and_spaces(tmp_path):
    table = read_responses_csv(write(tmp_path, " A-1 ,a-2\n1,2\n"), item_ids=["a-1", "A-2"])
    assert table.item_ids == ("a-1", "A-2")


def test_unknown_columns_come_first_and_all_at_once(tmp_path):
    path = write(tmp_path, "respondent,a-1,x,a-2,y\nr1,9,9,9,9\n")
    with pytest.raises(ResponsesCsvError) as error:
        read_responses_csv(path, valid_range=(1, 5), item_ids=["a-1", "a-2"], known_as="instrument 'mini'")
    assert error.value.problems == [
        f"{path}, line 1, column 3: item id 'x' is not in instrument 'mini'",
        f"{path}, line 1, column 5: item id 'y' is not in instrument 'mini'",
    ]


def test_ids_equal_but_for_case_are_duplicates(tmp_path):
    with pytest.raises(ResponsesCsvError, match=r"column 2: duplicate item id 'A-1' \(first in column 1\)"):
        read_responses_csv(write(tmp_path, "a-1,A-1\n1,2\n"), item_ids=["a-1"])


def test_every_bad_cell_is_reported(tmp_path):
    with pytest.raises(ResponsesCsvError) as error:
        read_responses_csv(write(tmp_path, "a-1,a-2\n0,2\n3,x\n4\n"), valid_range=(1, 5))
    assert [p.split(": ", 1)[0].split(", ", 1)[1] for p in error.value.problems] == [
        "line 2, column 1 (a-1)",
        "line 3, column 2 (a-2)",
        "line 4",
    ]
