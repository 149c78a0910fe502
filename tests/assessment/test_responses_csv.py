"""Reading response CSVs: missing cells become NaN; every error names file, line and column."""

import math

import numpy as np
import pytest

from peoplecraft.assessment.reliability import ResponsesCsvError, read_responses_csv


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
