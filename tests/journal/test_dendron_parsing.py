"""The pure part of Dendron journal import and export: names, every problem of a note, front matter kept as written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from peoplecraft.journal import dendron
from peoplecraft.journal.dendron_source import NoteSource, digest, render_with_source, set_values


def parse(text: str, name: str = "daily.journal.2024.05.01.md", **kwargs) -> dendron.ParsedNote:
    return dendron.parse_note(text, file_name=name, now_ms=1_700_000_000_000, new_id="new", **kwargs)


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("daily.journal.2024.05.01.md", date(2024, 5, 1)),
        ("work.journal.2024.05.01.standup.md", date(2024, 5, 1)),
        ("work.team.journal.2024.12.31.md", date(2024, 12, 31)),
        ("journal.2025.02.14.talk-with-sam.md", date(2025, 2, 14)),
        ("journal.2024.5.1.md", date(2024, 5, 1)),
        ("daily.journal.md", None),
        ("daily.journal.2024.05.md", None),
        ("notes.md", None),
    ],
)
def test_the_day_in_dendron_and_peoplecraft_names(name, day):
    assert dendron.date_from_file_name(name) == day


@pytest.mark.parametrize(
    ("name", "journal"),
    [
        ("daily.journal.2024.05.01.md", True),
        ("journal.md", True),
        ("people.journal.md", True),
        ("root.md", False),
        ("journalism.2024.05.01.md", False),
        ("my-journal.2024.05.01.md", False),
        ("daily.journal.2024.05.01.txt", False),
    ],
)
def test_journal_names_are_a_journal_hierarchy(name, journal):
    assert dendron.is_journal_name(name) is journal


def test_every_problem_of_a_note_is_named_with_its_line_and_key():
    text = (
        "---\nid: x\nmood: 9\nstress: lots\nemotion: hangry\ntags: {a: b}\n"
        "links: [{kind: draft}]\ncreated: soon\ndate: 2024-02-30\n---\n\nText\n"
    )
    problems = [(p.line, p.field) for p in parse(text).problems]
    assert sorted(problems) == [
        (3, "mood"),
        (4, "stress"),
        (5, "emotion"),
        (6, "tags"),
        (7, "links"),
        (8, "created"),
        (9, "date"),
    ]


def test_a_problem_reads_as_file_line_key_message():
    [problem] = parse("---\nid: x\nmood: 9\n---\n\nText\n").problems
    assert str(replace(problem, file="/v/n.md")) == (
        "/v/n.md:3: front matter 'mood': must be a whole number from 1 to 5, not 9"
    )


def test_invalid_yaml_and_missing_front_matter_are_one_problem_each():
    [yaml_problem] = parse("---\nid: x\ntitle: [unclosed\n---\n\nText\n").problems
    assert (yaml_problem.line, yaml_problem.field) == (4, "front matter")
    [missing] = parse("Just text\n").problems
    assert (missing.line, missing.field) == (1, "front matter")


def test_the_date_comes_from_front_matter_then_name_then_created_in_local_time():
    created = "created: 1714606200000\n"  # 2024-05-01 23:30 UTC, already 2024-05-02 in Paris
    assert parse(f"---\ndate: 2024-06-01\n{created}---\n\nx").note.day == date(2024, 6, 1)
    assert parse(f"---\n{created}---\n\nx").note.day == date(2024, 5, 1)
    assert parse(f"---\n{created}---\n\nx", name="people.journal.md").note.day == date(2024, 5, 1)
    paris = parse(f"---\n{created}---\n\nx", name="people.journal.md", tz=ZoneInfo("Europe/Paris"))
    assert paris.note.day == date(2024, 5, 2)
    [problem] = parse("---\ntitle: t\n---\n\nx", name="people.journal.md").problems
    assert problem.field == "date" and "neither 'date' nor 'created'" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        "---\r\nid: a\r\n---\r\n\r\nCRLF body\r\nno final newline",
        "\ufeff---\nid: a\n---\n\nBOM first\n",
        "---\nid: a\n---\nNo blank line\n",
        "---\nid: a\n---\n\n\nTwo blank lines\n",
    ],
)
def test_head_and_body_are_the_note_exactly(text):
    parsed = parse(text)
    assert parsed.problems == () and parsed.head + parsed.body == text


def _source(text: str, name: str = "daily.journal.2024.05.01.md") -> tuple[dendron.EntryNote, NoteSource]:
    parsed = parse(text, name)
    values = dict(dendron.note_pairs(parsed.note))
    stored = parsed.body.replace("\r\n", "\n")  # what the import stores
    raw = parsed.body if stored != parsed.body else None
    return replace(parsed.note, body=stored), NoteSource(name, parsed.head, values, digest(stored), raw)


def test_an_unchanged_entry_is_written_back_as_it_came():
    text = "---\r\nid: a\r\ntitle: '2024-05-01'\r\nnav_order: 3  # mine\r\nstub: false\r\n---\r\n\r\nBody é"
    note, source = _source(text)
    assert render_with_source(note, source) == ("daily.journal.2024.05.01.md", text)


def test_a_changed_value_is_replaced_in_place_and_a_new_one_added_before_the_closing_line():
    text = "---\r\nid: a\r\nmood: 2  # low\r\ntags:\r\n  - team\r\ncustom: x\r\n---\r\n\r\nBody\r\n"
    note, source = _source(text)
    edited = replace(note, mood=4, tags=("a", "b"), stress=3, body="New\n")
    name, written = render_with_source(edited, source)
    assert name == "daily.journal.2024.05.01.md"
    assert written == "---\r\nid: a\r\nmood: 4  # low\r\ntags: [a, b]\r\ncustom: x\r\nstress: 3\r\n---\r\n\r\nNew\r\n"


def test_a_new_date_gives_a_new_file_name():
    note, source = _source("---\nid: a\n---\n\nBody\n")
    moved = replace(note, day=date(2024, 5, 9))
    name, written = render_with_source(moved, source)
    assert name == "" and "\ndate: 2024-05-09\n---\n" in written
    assert dendron.file_name(moved, set(), wanted=name) == "journal.2024.05.09.daily-journal-2024-05-01.md"


def test_set_values_on_an_empty_value_and_the_last_duplicate_key():
    head = "---\nmood:\nmood: 1\nstress:\n---\n"
    assert set_values(head, [("mood", "5"), ("stress", "2")]) == "---\nmood:\nmood: 5\nstress: 2\n---\n"
