"""Front matter: read as YAML, kept byte for byte, errors point at the line."""

from __future__ import annotations

import pickle

import pytest

from peoplecraft.skillmap.markdown import FrontMatter, NoteError, parse_note, render_note

BODY = "\n### 1. **A**\n- **x**: y\n"


def front(*lines: str) -> FrontMatter:
    return parse_note("---\n" + "".join(f"{line}\n" for line in lines) + "---\n" + BODY).front_matter


def error(text: str) -> NoteError:
    with pytest.raises(NoteError) as caught:
        parse_note(text)
    return caught.value


def test_all_fields():
    fm = front("id: abc123", "title: My guide", "desc: ''", "updated: 2", "created: 1", "tags: [a, b]")
    assert fm == FrontMatter(id="abc123", title="My guide", desc="", updated=2, created=1, extra={"tags": ["a", "b"]})


def test_a_note_without_front_matter_is_allowed():
    note = parse_note(BODY)
    assert note.front_matter == FrontMatter()
    assert note.front_matter.extra == {}


def test_front_matter_must_start_on_line_one():
    text = "\n---\ntitle: T\n---\n" + BODY
    note = parse_note(text)
    assert note.front_matter.title is None
    assert render_note(note) == text


def test_empty_front_matter():
    assert parse_note("---\n---\n" + BODY).front_matter == FrontMatter()


def test_delimiters_may_have_trailing_spaces():
    assert parse_note("---  \ntitle: T\n--- \t\n" + BODY).front_matter.title == "T"


def test_text_is_kept_exactly_as_written():
    text = "---\nid: 'q'   # a comment\ndesc: ''\ntitle:   \"Guide\"\nz: 1\na: 2\n---\n" + BODY
    note = parse_note(text)
    assert render_note(note) == text
    assert (note.front_matter.id, note.front_matter.title, note.front_matter.desc) == ("q", "Guide", "")
    assert list(note.front_matter.extra) == ["z", "a"]


def test_text_fields_that_yaml_reads_as_numbers_keep_their_spelling():
    fm = front("id: 0123", "title: 2024", "desc: 1.50")
    assert (fm.id, fm.title, fm.desc) == ("0123", "2024", "1.50")


def test_missing_and_null_values_are_none():
    fm = front("title: ~", "updated:")
    assert (fm.title, fm.updated, fm.created) == (None, None, None)


def test_a_list_title_is_refused():
    caught = error("---\nid: x\ntitle:\n  - a\n---\n" + BODY)
    assert caught.line == 3
    assert "'title' must be text" in caught.message


@pytest.mark.parametrize("value", ["yesterday", "'1725030424943'", "2024-08-30", "1.5", "true", "[1]"])
@pytest.mark.parametrize("field", ["updated", "created"])
def test_times_must_be_whole_numbers(field, value):
    caught = error(f"---\nid: x\ntitle: T\n{field}: {value}\n---\n" + BODY)
    assert caught.line == 4
    assert f"'{field}'" in caught.message
    assert "whole number" in caught.message
    assert str(caught).startswith("line 4: front matter field")


@pytest.mark.parametrize(
    ("yaml_lines", "line"),
    [
        (["title: T", "desc: a: b"], 3),
        (["title: T", "  bad indent: x", "desc: y"], 3),
        (["title: [unclosed", "desc: y"], 3),
        (["title: 'unclosed"], 3),
        (["title: T", "desc: y", "other:", "\t- tab"], 5),
        (["title: T", "bad: \x01"], 3),
        (["a: 1", "a: &x 1", "b: *y"], 4),
        (["when: 2024-13-45"], 2),
    ],
)
def test_broken_yaml_names_the_line_in_the_file(yaml_lines, line):
    caught = error("---\n" + "\n".join(yaml_lines) + "\n---\n" + BODY)
    assert caught.line == line, caught
    assert caught.message.startswith("the front matter is not valid YAML")
    assert "<unicode string>" not in caught.message


def test_yaml_error_lines_count_crlf_and_cr_lines():
    assert error("---\r\ntitle: T\rx: [\r\n---\r\n" + BODY).line == 4


def test_front_matter_that_is_not_a_mapping():
    caught = error("---\n- a\n- b\n---\n" + BODY)
    assert caught.line == 2
    assert "keys and values" in caught.message


def test_unclosed_front_matter():
    caught = error("---\ntitle: T\n" + BODY)
    assert caught.line == 1
    assert "never closed" in caught.message
    assert str(caught) == "line 1: " + caught.message


def test_unsafe_tags_are_refused():
    assert error("---\nx: !!python/object:os.system {}\n---\n" + BODY).line == 2


def test_note_error_is_a_value_error_and_pickles():
    caught = error("---\ntitle: [\n---\n" + BODY)
    assert isinstance(caught, ValueError)
    copy = pickle.loads(pickle.dumps(caught))  # noqa: S301 - our own object
    assert (copy.message, copy.line, str(copy)) == (caught.message, caught.line, str(caught))


def test_str_without_a_line():
    assert str(NoteError("plain")) == "plain"
