"""new_note / new_note_id: fresh notes in the fixture's layout that read back the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from peoplecraft.skillmap.markdown import NoteError, new_note, new_note_id, parse_note

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "guide.md"
AREAS = [
    ("Listening", [("Attention", "Be there.", False), ("Summaries", "", True)]),
    ("Feedback", [("Ask", "Often.", True)]),
]
STEPS = [("Assess", "Look at yourself."), ("Practice", "")]


def make(**changes) -> str:
    args = {
        "title": "My guide",
        "description": "Intro.\n\nClosing.",
        "areas": AREAS,
        "method_steps": STEPS,
        "note_id": "abc",
        "now_ms": 42,
    }
    return new_note(**(args | changes))


def structure(text: str):
    note = parse_note(text)
    areas = [(a.title, [(s.name, s.description, s.done) for s in a.skills]) for a in note.areas]
    return areas, [(s.name, s.description) for s in note.method_steps], note.description


def test_new_note_id():
    ids = {new_note_id() for _ in range(50)}
    assert len(ids) == 50
    assert all(re.fullmatch(r"[a-z0-9]{23}", note_id) for note_id in ids)


def test_layout():
    assert make() == (
        "---\nid: abc\ntitle: My guide\ndesc: ''\nupdated: 42\ncreated: 42\n---\n\n"
        "Intro.\n\n"
        "### 1. **Listening**\n"
        "   - **Attention**: Be there.\n"
        "   - ~~**Summaries**~~\n\n"
        "### 2. **Feedback**\n"
        "   - ~~**Ask**: Often.~~\n\n"
        "### How to Get Started\n\n"
        "1. **Assess**: Look at yourself.\n"
        "2. **Practice**\n\n"
        "Closing.\n"
    )


def test_reads_back_the_same():
    note = parse_note(make())
    assert structure(make()) == (AREAS, STEPS, "Intro.\n\nClosing.")
    assert [a.number for a in note.areas] == [1, 2]
    assert (note.front_matter.id, note.front_matter.title, note.front_matter.desc) == ("abc", "My guide", "")
    assert (note.front_matter.updated, note.front_matter.created) == (42, 42)


def test_rebuilding_the_fixture_gives_the_fixture_back():
    original = FIXTURE.read_bytes().decode("utf-8")
    note = parse_note(original)
    text = new_note(
        title=note.front_matter.title,
        description=note.description,
        areas=[(a.title, [(s.name, s.description, s.done) for s in a.skills]) for a in note.areas],
        method_steps=[(s.name, s.description) for s in note.method_steps],
        note_id=note.front_matter.id,
        now_ms=note.front_matter.created,
    )
    changed = [
        (old, new) for old, new in zip((original + "\n").split("\n"), text.split("\n"), strict=True) if old != new
    ]
    assert changed == [
        ("updated: 1725030424943", "updated: 1724496310482"),
        ("### 1. ~~**Communication Skills**", "### 1. **Communication Skills**"),
    ]
    assert text.endswith("relationships.\n")
    assert structure(text)[:2] == structure(original)[:2]
    assert parse_note(text).description == note.description


def test_without_method_or_description():
    text = make(method_steps=[], description="")
    assert "How to Get Started" not in text
    assert structure(text) == (AREAS, [], "")


@pytest.mark.parametrize(
    "description",
    [
        "One paragraph only.",
        "First.\n\nSecond.\n\nThird.",
        "  \r\n\r\nFirst.\r\nStill first.\r\n\r\nSecond.\r\n\r\n",
        "First.\n\n- a list that would join the steps",
        "First.\n\n    indented second",
        "# Heading\n\nText with **bold** and `code`.",
    ],
)
def test_descriptions_read_back(description):
    _, _, got = structure(make(description=description))
    lines = description.replace("\r\n", "\n").split("\n")
    assert got == "\n".join(lines).strip(" \n")


def test_names_and_descriptions_are_trimmed():
    text = make(areas=[("  Area  ", [("  Name ", "  desc  ", False)])], method_steps=[(" S ", " d ")])
    assert structure(text)[:2] == ([("Area", [("Name", "desc", False)])], [("S", "d")])


def test_descriptions_ending_in_tildes_survive_strikethrough():
    areas = [("A", [("x", "y~~", True), ("z", "~~", False)])]
    text = make(areas=areas, method_steps=[("a", "b~~")])
    assert structure(text)[:2] == (areas, [("a", "b~~")])


def test_unicode_and_yaml_special_titles():
    title = "Guide: 'ü' # not a comment"
    text = make(title=title, areas=[("Écoute 🙂", [("Être là", "— vraiment", True)])])
    assert parse_note(text).front_matter.title == title
    assert structure(text)[0] == [("Écoute 🙂", [("Être là", "— vraiment", True)])]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"areas": []}, "at least one area"),
        ({"areas": [("Empty", [])]}, 'area "Empty" has no skills'),
        ({"areas": [("  ", [("x", "", False)])]}, "every area needs a name"),
        ({"areas": [("A", [(" ", "", False)])]}, "every skill needs a name"),
        ({"areas": [("A", [("x\ny", "", False)])]}, "must fit on one line"),
        ({"areas": [("A", [("x", "a\rb", False)])]}, "must fit on one line"),
        ({"method_steps": [("", "d")]}, "every step needs a name"),
        ({"title": "two\nlines"}, "must fit on one line"),
        ({"areas": [("A", [("x**y", "", False)])]}, 'skill "x**y": "" would read back as no'),
        ({"areas": [("A", [("x:", "d", True)])]}, 'skill "x:": "d" would read back as "x": "d"'),
        ({"areas": [("A*", [("x", "", False)])]}, 'area title "A*" would read back as "A"'),
        ({"method_steps": [("**", "")]}, "would read back as no item at all"),
        ({"description": "```\nunclosed fence"}, "description cannot be written"),
        ({"description": "Intro\n\n### Sneaky\n- **x**: y"}, "description cannot be written"),
    ],
)
def test_guides_that_cannot_be_written_faithfully_are_refused(changes, message):
    with pytest.raises(NoteError, match=re.escape(message)):
        make(**changes)


def test_a_title_yaml_cannot_keep_is_refused():
    with pytest.raises(NoteError, match="cannot be written in the front matter"):
        make(title="a\x85b")


@pytest.mark.parametrize("now_ms", [-1, 2.5, True])
def test_now_ms_must_be_a_non_negative_integer(now_ms):
    with pytest.raises(ValueError, match="now_ms"):
        make(now_ms=now_ms)
