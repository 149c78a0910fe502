"""The text report's line index: a binary search that agrees with counting line breaks."""

from hypothesis import given
from hypothesis import strategies as st

from peoplecraft.cli.write_report import LineIndex


@given(st.text(alphabet="ab\n\r é", max_size=60), st.data())
def test_locate_agrees_with_counting_from_the_start(text, data):
    offset = data.draw(st.integers(0, len(text)))
    expected_start = text.rfind("\n", 0, offset) + 1
    expected_end = text.find("\n", offset)
    expected = (text.count("\n", 0, offset) + 1, expected_start, len(text) if expected_end == -1 else expected_end)
    assert LineIndex(text).locate(offset) == expected


def test_crlf_lines_and_the_end_of_the_text():
    lines = LineIndex("ab\r\ncd\n\nef")
    assert lines.locate(0) == (1, 0, 3)
    assert lines.locate(3) == (1, 0, 3)  # the line break belongs to its line
    assert lines.locate(4) == (2, 4, 6)
    assert lines.locate(7) == (3, 7, 7)
    assert lines.locate(10) == (4, 8, 10)
