"""Property tests: generated notes round-trip byte for byte and read back what was generated.

The generator writes notes in many shapes (front matter or not, BOM, LF/CRLF/CR mixed,
heading levels and emphasis, skill forms, fences and HTML holding fake skills, nested
bullets, unicode everywhere a user may type) and knows what each note must parse to.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peoplecraft.skillmap.markdown import FrontMatter, Note, parse_note, render_note, set_skill_done

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LETTER = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
WORD = st.text(
    alphabet=st.one_of(st.characters(categories=["L", "N"]), st.sampled_from("&'(),.?!/")),
    min_size=1,
    max_size=8,
)
ANY_LINE_TEXT = st.text(alphabet=st.characters(exclude_characters="\r\n", exclude_categories=["Cs"]), max_size=16)
INDENT = st.sampled_from(["", " ", "  ", "   ", "\t"])
BULLET = st.sampled_from("-*+")
GAP = st.sampled_from([" ", "  ", "\t"])


@st.composite
def phrase(draw) -> str:
    """Words starting with an ASCII letter: never a number, bullet, heading or fence."""
    words = draw(st.lists(WORD, max_size=4))
    return draw(LETTER) + " ".join(["", *words]).rstrip() if words else draw(LETTER)


@st.composite
def prose_line(draw) -> str:
    return draw(LETTER) + draw(ANY_LINE_TEXT)


@st.composite
def prose(draw, max_paragraphs: int = 2) -> list[str]:
    paragraphs = draw(st.lists(st.lists(prose_line(), min_size=1, max_size=3), max_size=max_paragraphs))
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += ([""] if lines else []) + paragraph
    return lines


@dataclass
class Expected:
    front_matter: FrontMatter = field(default_factory=FrontMatter)
    areas: list[tuple[int | None, str, list[tuple[str, str, bool]]]] = field(default_factory=list)
    steps: list[tuple[int, str, str]] = field(default_factory=list)
    description: str = ""


@st.composite
def skill_line(draw, indent: str, name: str) -> tuple[str, tuple[str, str, bool]]:
    description = draw(ANY_LINE_TEXT)
    separator = (
        draw(st.sampled_from([": ", ":", " - ", " \u2014 "])) if description else draw(st.sampled_from(["", ":"]))
    )
    bold = draw(st.sampled_from(["**", "__"]))
    form = draw(st.sampled_from(["todo", "todo", "wrapped", "after-name", "unclosed"]))
    if form == "unclosed" and description.rstrip().endswith("~"):
        form = "wrapped"
    item = {
        "todo": f"{bold}{name}{bold}{separator}{description}",
        "wrapped": f"~~{bold}{name}{bold}{separator}{description}~~",
        "after-name": f"~~{bold}{name}{bold}~~{separator}{description}",
        "unclosed": f"~~{bold}{name}{bold}{separator}{description}",
    }[form]
    line = f"{indent}{draw(BULLET)}{draw(GAP)}{item}"
    return line, (name, description.strip(), form != "todo")


FAKE_BLOCKS = [
    ["```python", "### 9. **Fake area**", "- **Fake**: not a skill", "~~", "```"],
    ["      ```", "- **Fake**: indented fence", "      ```"],
    ["~~~~", "- ~~**Fake**: x~~", "~~~", "~~~~~"],
    ["<!--", "- **Fake**: x", "### Fake", "-->"],
    ["<details>", "- **Fake**: x", "### 8. **Fake**", ""],
]


@st.composite
def noise(draw, indent: str) -> list[str]:
    """Lines after a skill that must not change what is read: none of them is a skill."""
    chunks = draw(st.lists(st.sampled_from(["nested", "plain", "fence", "blank", "lazy", "paragraph"]), max_size=3))
    lines: list[str] = []
    for chunk in sorted(chunks, key=lambda chunk: chunk == "paragraph"):
        if chunk == "nested" and not (lines and lines[-1] == ""):
            lines.append(f"{indent}      {draw(BULLET)} **{draw(phrase())}**: {draw(ANY_LINE_TEXT)}")
        elif chunk == "plain":
            lines.append(f"{indent}{draw(BULLET)} {draw(prose_line())}")
        elif chunk == "fence":
            lines += draw(st.sampled_from(FAKE_BLOCKS))
        elif chunk == "lazy" and lines[-1:] != [""]:
            lines.append(draw(prose_line()))
        elif chunk in ("blank", "paragraph"):
            lines += ["", draw(prose_line())] if chunk == "paragraph" else [""]
    return lines


@st.composite
def area(draw, number: int, last: bool) -> tuple[list[str], tuple[int | None, str, list[tuple[str, str, bool]]]]:
    title = draw(phrase())
    numbered = draw(st.booleans())
    prefix = draw(st.sampled_from([f"{number}. ", f"{number}) "])) if numbered else ""
    style = draw(st.sampled_from(["**{}**", "~~**{}**", "__{}__", "{}", "~~**{}**~~", "**{}** ##"]))
    lines = ["#" * draw(st.integers(1, 6)) + " " + prefix + style.format(title)]
    indent = draw(INDENT)
    names = draw(st.lists(phrase(), min_size=1, max_size=5, unique_by=str.casefold))
    skills = []
    for position, name in enumerate(names):
        line, skill = draw(skill_line(indent, name))
        lines.append(line)
        skills.append(skill)
        if not (last and position == len(names) - 1):
            lines += draw(noise(indent))
    return lines, (number if numbered else None, title, skills)


@st.composite
def method(draw) -> tuple[list[str], list[tuple[int, str, str]]]:
    lines = [draw(st.sampled_from(["### How to Get Started", "## Method", "#### Next steps ####"])), ""]
    steps = []
    for number, name in enumerate(draw(st.lists(phrase(), min_size=1, max_size=5)), start=1):
        description = draw(ANY_LINE_TEXT)
        marker = draw(st.sampled_from([".", ")"]))
        lines.append(f"{number}{marker} **{name}**: {description}")
        steps.append((number, name, description.strip()))
    return lines, steps


@st.composite
def front_matter(draw) -> tuple[list[str], FrontMatter]:
    note_id = "k" + draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", max_size=22))
    title = draw(st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"]), max_size=20))
    updated = draw(st.none() | st.integers(0, 2**53))
    created = draw(st.integers(0, 2**53))
    lines = ["---", f"id: {note_id}", f"title: {json.dumps(title, ensure_ascii=False)}", "desc: ''"]
    lines += [f"updated: {updated}"] if updated is not None else []
    lines += [f"created: {created}", "---"]
    return lines, FrontMatter(id=note_id, title=title, desc="", updated=updated, created=created)


@st.composite
def notes(draw) -> tuple[str, Expected]:
    expected = Expected()
    lines: list[str] = []
    if draw(st.booleans()):
        lines, expected.front_matter = draw(front_matter())
    intro = draw(prose())
    lines += intro + ([""] if intro else [])
    has_method = draw(st.booleans())
    count = draw(st.integers(1, 4))
    for number in range(1, count + 1):
        area_lines, expected_area = draw(area(number, last=number == count and not has_method))
        lines += [*area_lines, ""]
        expected.areas.append(expected_area)
        if number < count and draw(st.booleans()):
            lines += ["## Notes", "", draw(prose_line()), ""]
    if has_method:
        method_lines, expected.steps = draw(method())
        lines += [*method_lines, ""]
    closing = draw(prose())
    lines += closing
    expected.description = "\n\n".join(part for part in ["\n".join(intro), "\n".join(closing)] if part)
    return _join(draw, lines), expected


def _join(draw, bodies: list[str]) -> str:
    """Give each line an ending (mixed), keeping a lone CR from merging with the next LF."""
    if draw(st.booleans()):
        bodies = ["\ufeff" + bodies[0], *bodies[1:]]
    rnd = draw(st.randoms(use_true_random=False))  # one draw, not one per line: keeps the test fast
    endings = [rnd.choice(["\n", "\r\n", "\r"]) for _ in bodies]
    if draw(st.booleans()):
        endings = [draw(st.sampled_from(["\n", "\r\n"]))] * len(bodies)
    if endings and draw(st.booleans()):
        endings[-1] = ""
    for index in range(len(bodies) - 1):
        if endings[index] == "\r" and bodies[index + 1] == "" and endings[index + 1].startswith("\n"):
            endings[index] = "\r\n"
    return "".join(body + ending for body, ending in zip(bodies, endings, strict=True))


def read(note: Note) -> Expected:
    return Expected(
        front_matter=note.front_matter,
        areas=[(a.number, a.title, [(s.name, s.description, s.done) for s in a.skills]) for a in note.areas],
        steps=[(s.number, s.name, s.description) for s in note.method_steps],
        description=note.description,
    )


@SETTINGS
@given(notes())
def test_round_trip_is_byte_identical_and_reads_back_what_was_generated(generated):
    text, expected = generated
    note = parse_note(text)
    assert render_note(note) == text
    assert read(note) == expected


@SETTINGS
@given(notes(), st.data())
def test_done_then_undone_restores_all_but_updated(generated, data):
    text, expected = generated
    note = parse_note(text)
    area_index = data.draw(st.integers(0, len(note.areas) - 1))
    skill = data.draw(st.sampled_from(note.areas[area_index].skills))
    flipped = set_skill_done(note, area_index=area_index, skill_name=skill.name, done=not skill.done, now_ms=7)
    after = read(flipped)
    after.areas[area_index][2][note.areas[area_index].skills.index(skill)] = (
        skill.name,
        skill.description,
        skill.done,
    )
    assert (after.areas, after.steps, after.description) == (expected.areas, expected.steps, expected.description)
    assert flipped.front_matter.updated == (7 if note.front_matter.created is not None else None)
    assert changed_lines(note, flipped) <= {skill.line}
    back = set_skill_done(flipped, area_index=area_index, skill_name=skill.name, done=skill.done, now_ms=9)
    assert read(back).areas == expected.areas
    if not skill.done:
        assert render_note(back) == with_updated_as(text, note, 9)


def front_matter_end(note: Note) -> int:
    """Index of the first line after the front matter (0 without one)."""
    bodies = [line.rstrip("\r\n") for line in note.lines]
    if not bodies or bodies[0].removeprefix("\ufeff") != "---":
        return 0
    return bodies.index("---", 1) + 1


def changed_lines(before: Note, after: Note) -> set[int]:
    """Indexes of body lines (after the front matter) that differ; the body keeps its length."""
    old, new = before.lines[front_matter_end(before) :], after.lines[front_matter_end(after) :]
    assert len(old) == len(new)
    return {front_matter_end(before) + i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b}


def with_updated_as(text: str, note: Note, now_ms: int) -> str:
    """``text`` with front matter ``updated: now_ms``, as set_skill_done writes it."""
    if note.front_matter.created is None:
        return text
    lines = list(note.lines)
    close = front_matter_end(note) - 1
    at = next((i for i in range(1, close) if lines[i].startswith("updated:")), None)
    if at is None:
        ending = lines[close - 1][len(lines[close - 1].rstrip("\r\n")) :]
        lines.insert(close, f"updated: {now_ms}{ending}")
    else:
        lines[at] = lines[at].replace(str(note.front_matter.updated), str(now_ms), 1)
    return "".join(lines)
