"""set_skill_done and Note.find_skill: one line changes, plus the digits of ``updated``."""

from __future__ import annotations

import pytest

from peoplecraft.skillmap.markdown import Note, NoteError, parse_note, render_note, set_skill_done

NOW = 1_900_000_000_123
FRONT = "---\nid: abc\ntitle: T\nupdated: 1700000000000\ncreated: 1\n---\n"


def mark(text: str, name: str, done: bool, *, area: int = 0, now_ms: int = NOW) -> str:
    note = parse_note(text)
    return render_note(set_skill_done(note, area_index=area, skill_name=name, done=done, now_ms=now_ms))


def diff(before: str, after: str) -> list[tuple[str, str]]:
    """(old, new) for each changed line; the texts must have the same line count."""
    old, new = parse_note(before).lines, parse_note(after).lines
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


UPDATED = ("updated: 1700000000000\n", f"updated: {NOW}\n")


@pytest.mark.parametrize(
    ("item", "struck"),
    [
        ("   - **Name**: desc", "   - ~~**Name**: desc~~"),
        ("- **Name**", "- ~~**Name**~~"),
        ("* __Name__ - desc", "* ~~__Name__ - desc~~"),
        ("+\t**Name:** desc", "+\t~~**Name:** desc~~"),
        ("\t-   **Name**: desc  \t", "\t-   ~~**Name**: desc~~  \t"),
        ("- **Name**: ends in ~~", "- ~~**Name**: ends in ~~~~"),
        ("- **Name**: ü 🙂 `x`", "- ~~**Name**: ü 🙂 `x`~~"),
    ],
)
def test_done_wraps_the_item_text_and_undone_restores_it(item, struck):
    text = FRONT + f"### A\n{item}\n"
    done = mark(text, "Name", True)
    assert diff(text, done) == [UPDATED, (item + "\n", struck + "\n")]
    assert parse_note(done).areas[0].skills[0].done
    again = mark(done, "Name", False, now_ms=1700000000000)
    assert again == text


@pytest.mark.parametrize(
    ("struck", "plain"),
    [
        ("- ~~**Name**: desc~~", "- **Name**: desc"),
        ("- ~~**Name**~~: desc", "- **Name**: desc"),
        ("- ~~**Name**~~", "- **Name**"),
        ("- ~~**Name**: desc", "- **Name**: desc"),
        ("- ~~**Name**: desc ~~  ", "- **Name**: desc   "),
        ("- ~~**Name**~~: desc~~", "- **Name**: desc~~"),
    ],
)
def test_undone_removes_the_strikethrough_in_its_forms(struck, plain):
    text = FRONT + f"### A\n{struck}\n"
    undone = mark(text, "Name", False)
    assert diff(text, undone) == [UPDATED, (struck + "\n", plain + "\n")]
    skill = parse_note(undone).areas[0].skills[0]
    assert (skill.name, skill.done) == ("Name", False)
    assert skill.description == parse_note(text).areas[0].skills[0].description


def test_line_endings_bom_and_missing_final_newline_are_kept():
    text = ("\ufeff" + FRONT + "### A\n- **x**: 1\n- **y**: 2").replace("\n", "\r\n")
    done = mark(text, "y", True)
    assert done == text.replace("1700000000000", str(NOW)).replace("- **y**: 2", "- ~~**y**: 2~~")


def test_only_updated_digits_change_and_comments_stay():
    text = "---\nupdated:   1700000000000   # last edit\n---\n### A\n- **x**: 1\n"
    assert mark(text, "x", True).startswith(f"---\nupdated:   {NOW}   # last edit\n---\n")


@pytest.mark.parametrize(("before", "after"), [("updated:", f"updated: {NOW}"), ("updated: ~", f"updated: {NOW}")])
def test_an_empty_updated_gets_the_time(before, after):
    text = f"---\ntitle: T\n{before}\ncreated: 1\n---\n### A\n- **x**: 1\n"
    done = mark(text, "x", True)
    assert f"\n{after}\ncreated: 1\n" in done
    assert parse_note(done).front_matter.updated == NOW


def test_a_missing_updated_is_added_before_the_closing_line():
    text = "---\r\nid: abc\r\ntitle: T\r\n---\r\n### A\r\n- **x**: 1\r\n"
    done = mark(text, "x", True)
    assert done == f"---\r\nid: abc\r\ntitle: T\r\nupdated: {NOW}\r\n---\r\n### A\r\n- ~~**x**: 1~~\r\n"
    assert mark(done, "x", False, now_ms=5) == text.replace("---\r\n###", "updated: 5\r\n---\r\n###")


def test_empty_front_matter_gets_updated():
    assert mark("---\n---\n### A\n- **x**: 1\n", "x", True) == f"---\nupdated: {NOW}\n---\n### A\n- ~~**x**: 1~~\n"


def test_a_note_without_front_matter_only_changes_the_skill():
    text = "### A\n- **x**: 1\n"
    assert mark(text, "x", True) == "### A\n- ~~**x**: 1~~\n"


def test_already_in_that_state_returns_the_same_note():
    note = parse_note(FRONT + "### A\n- **x**: 1\n- ~~**y**: 2~~\n")
    assert set_skill_done(note, area_index=0, skill_name="x", done=False, now_ms=NOW) is note
    assert set_skill_done(note, area_index=0, skill_name="y", done=True, now_ms=NOW) is note


def test_the_area_index_picks_between_same_named_skills():
    text = "### A\n- **x**: 1\n### B\n- **x**: 2\n"
    assert mark(text, "x", True, area=1) == "### A\n- **x**: 1\n### B\n- ~~**x**: 2~~\n"


def test_a_same_named_line_in_a_fence_is_untouched():
    text = "### A\n```\n- **x**: 1\n```\n- **x**: 1\n"
    assert mark(text, "x", True) == "### A\n```\n- **x**: 1\n```\n- ~~**x**: 1~~\n"


def test_nested_lines_below_the_skill_are_untouched():
    text = "### A\n- **x**: 1\n  - **x**: sub\n"
    assert mark(text, "x", True) == "### A\n- ~~**x**: 1~~\n  - **x**: sub\n"


def test_names_match_ignoring_case_and_spaces():
    note = parse_note("### A\n- **Active Listening**: 1\n")
    assert note.find_skill(0, "  active listening ").line == 1
    assert mark(note.text, "ACTIVE LISTENING", True) == "### A\n- ~~**Active Listening**: 1~~\n"


@pytest.mark.parametrize("second", ["x", "X", " x "])
def test_duplicate_names_fail_clearly(second):
    note = parse_note(f"### A\n- **x**: 1\n- **{second}**: 2\n")
    with pytest.raises(NoteError) as caught:
        set_skill_done(note, area_index=0, skill_name="x", done=True, now_ms=NOW)
    assert "2 skills named" in caught.value.message
    assert "lines 2, 3" in caught.value.message
    assert caught.value.line == 3


def test_an_unknown_skill_fails_clearly():
    note = parse_note("### A\n- **x**: 1\n")
    with pytest.raises(NoteError) as caught:
        set_skill_done(note, area_index=0, skill_name="nope", done=True, now_ms=NOW)
    assert str(caught.value) == 'line 1: area "A" has no skill named "nope"'


@pytest.mark.parametrize("index", [-1, 1, True])
def test_an_unknown_area_fails_clearly(index):
    note = parse_note("### A\n- **x**: 1\n")
    with pytest.raises(NoteError, match="no area at position"):
        note.find_skill(index, "x")


@pytest.mark.parametrize("now_ms", [-1, 1.5, "1", True, None])
def test_now_ms_must_be_a_non_negative_integer(now_ms):
    note = parse_note("### A\n- **x**: 1\n")
    with pytest.raises(ValueError, match="now_ms"):
        set_skill_done(note, area_index=0, skill_name="x", done=True, now_ms=now_ms)


def test_the_result_is_a_fresh_parse():
    note = parse_note(FRONT + "### A\n- **x**: 1\n")
    done = set_skill_done(note, area_index=0, skill_name="x", done=True, now_ms=NOW)
    assert isinstance(done, Note)
    assert done == parse_note(render_note(done))
    assert done.front_matter.updated == NOW
    assert note.front_matter.updated == 1700000000000
