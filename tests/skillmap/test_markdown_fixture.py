"""The user's real note, kept byte for byte in ``tests/fixtures/guide.md``."""

from __future__ import annotations

from pathlib import Path

import pytest

from peoplecraft.skillmap.markdown import parse_note, render_note, set_skill_done

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "guide.md"
WRITTEN = (
    "   - **Written Communication**: Writing clearly, concisely, and persuasively for different "
    "contexts (emails, reports, social media)."
)
NOW = 1_800_000_000_000


@pytest.fixture(scope="module")
def text() -> str:
    return FIXTURE.read_bytes().decode("utf-8")


def changed_lines(before: str, after: str) -> list[tuple[int, str, str]]:
    """(1-based line, old, new) for each line that differs; the line count must not change."""
    old, new = before.split("\n"), after.split("\n")
    assert len(old) == len(new)
    return [(n, a, b) for n, (a, b) in enumerate(zip(old, new, strict=True), start=1) if a != b]


def test_fixture_is_what_the_tests_expect(text):
    assert not text.endswith("\n")
    assert "### 1. ~~**Communication Skills**\n" in text


def test_round_trip_is_byte_identical(text):
    note = parse_note(text)
    assert render_note(note) == text
    assert "".join(note.lines) == text


def test_front_matter(text):
    front = parse_note(text).front_matter
    assert front.id == "w8szmjqfo1r4i1o6s7i9f3n"
    assert front.title == "Guide"
    assert front.desc == ""
    assert front.updated == 1725030424943
    assert front.created == 1724496310482
    assert front.extra == {}


def test_fifteen_areas_with_fifty_two_skills(text):
    note = parse_note(text)
    assert [area.number for area in note.areas] == list(range(1, 16))
    assert sum(len(area.skills) for area in note.areas) == 52
    assert note.areas[1].title == "Empathy and Emotional Intelligence"
    assert note.areas[14].title == "Diversity and Inclusion"


def test_area_one_keeps_its_title_despite_the_unclosed_strikethrough(text):
    area = parse_note(text).areas[0]
    assert area.title == "Communication Skills"
    assert area.number == 1
    assert note_line(text, area.line) == "### 1. ~~**Communication Skills**"
    assert len(area.skills) == 6
    assert [skill.done for skill in area.skills] == [True] * 5 + [False]
    assert area.skills[0].name == "Active Listening"
    assert area.skills[0].description.endswith("providing feedback.")
    written = area.skills[5]
    assert (written.name, written.done) == ("Written Communication", False)
    assert note_line(text, written.line) == WRITTEN


def note_line(text: str, index: int) -> str:
    return parse_note(text).lines[index].rstrip("\n")


def test_only_area_one_has_done_skills(text):
    note = parse_note(text)
    assert all(not skill.done for area in note.areas[1:] for skill in area.skills)


def test_method_steps(text):
    steps = parse_note(text).method_steps
    assert [step.number for step in steps] == [1, 2, 3, 4, 5]
    assert [step.name for step in steps] == [
        "Self-Assessment",
        "Learning Resources",
        "Practice",
        "Seek Feedback",
        "Reflect",
    ]
    assert steps[0].description.startswith("Start by assessing")


def test_how_to_get_started_is_not_an_area(text):
    titles = [area.title for area in parse_note(text).areas]
    assert "How to Get Started" not in titles


def test_description_is_intro_and_closing(text):
    description = parse_note(text).description
    assert description.startswith("Interpersonal skills are")
    assert description.endswith("personal and professional relationships.")
    intro, closing = description.split("\n\n")
    assert intro.endswith("developing your interpersonal skills:")
    assert closing.startswith("By focusing on these topics")


def test_marking_written_communication_done_changes_one_line_and_updated(text):
    note = parse_note(text)
    done = set_skill_done(note, area_index=0, skill_name="Written Communication", done=True, now_ms=NOW)
    assert changed_lines(text, render_note(done)) == [
        (5, "updated: 1725030424943", f"updated: {NOW}"),
        (17, WRITTEN, "   - ~~" + WRITTEN.removeprefix("   - ") + "~~"),
    ]
    assert done.areas[0].skills[5].done
    assert done.front_matter.updated == NOW
    assert not render_note(done).endswith("\n")


def test_undoing_gives_back_the_original_except_updated(text):
    note = parse_note(text)
    done = set_skill_done(note, area_index=0, skill_name="Written Communication", done=True, now_ms=NOW)
    undone = set_skill_done(done, area_index=0, skill_name="Written Communication", done=False, now_ms=NOW + 1)
    assert render_note(undone) == text.replace("1725030424943", str(NOW + 1))


def test_undoing_a_skill_done_in_the_note(text):
    note = parse_note(text)
    undone = set_skill_done(note, area_index=0, skill_name="Active Listening", done=False, now_ms=NOW)
    assert [(n, new) for n, _, new in changed_lines(text, render_note(undone))] == [
        (5, f"updated: {NOW}"),
        (
            12,
            "   - **Active Listening**: Paying full attention to the speaker, showing interest, "
            "and providing feedback.",
        ),
    ]


def test_already_in_that_state_returns_the_note_unchanged(text):
    note = parse_note(text)
    same = set_skill_done(note, area_index=0, skill_name="Active Listening", done=True, now_ms=NOW)
    assert same is note
    assert render_note(same) == text
