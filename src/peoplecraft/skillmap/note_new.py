"""Write a fresh Dendron note for a guide made in the app, laid out like the user's own notes.

Every note written is parsed again and compared with what was asked for, so a name that
Markdown would mangle (``**`` inside a name, a description ending a struck item early...)
is refused with a :class:`NoteError` instead of being written wrongly.
"""

from __future__ import annotations

import secrets
import string
from collections.abc import Iterator, Sequence

import yaml

from peoplecraft.skillmap.note_items import area_title, bold_item, strike
from peoplecraft.skillmap.note_lines import is_blank
from peoplecraft.skillmap.note_model import NoteError, check_epoch_ms
from peoplecraft.skillmap.note_parse import parse_note

ID_ALPHABET = string.digits + string.ascii_lowercase
ID_LENGTH = 23
METHOD_HEADING = "How to Get Started"

Skill = tuple[str, str, bool]
Area = tuple[str, list[Skill]]


def new_note_id() -> str:
    """A Dendron-style note id: 23 random lowercase letters and digits."""
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))


def new_note(
    *,
    title: str,
    description: str,
    areas: Sequence[tuple[str, Sequence[Skill]]],
    method_steps: Sequence[tuple[str, str]],
    note_id: str,
    now_ms: int,
) -> str:
    """Render a new note: front matter, intro, ``### N. **Area**`` sections, method, closing.

    ``areas`` is ``[(title, [(name, description, done), ...]), ...]``; every area needs a
    skill, since an area without one cannot be told apart from other headings.
    ``description`` is split like the fixture's: its first paragraph before the areas and
    the rest after the method. Names and descriptions are trimmed. Raises
    :class:`NoteError` when the guide cannot be written so that it reads back the same.
    """
    check_epoch_ms(now_ms)
    wanted_areas = [_clean_area(area) for area in areas]
    steps = [_clean_step(name, description) for name, description in method_steps]
    if not wanted_areas:
        raise NoteError("a guide needs at least one area with a skill to be written as a note")
    prose = _prose(description)
    sections = [
        _front_matter(note_id, title, now_ms),
        *_area_blocks(wanted_areas),
        _method_block(steps),
    ]
    problem = ""
    for intro, closing in _layouts(prose):
        text = "\n\n".join(part for part in [sections[0], intro, *sections[1:], closing] if part) + "\n"
        problem = _difference(text, prose, wanted_areas, steps)
        if not problem:
            return text
    raise NoteError(f"the description cannot be written without changing the guide: {problem}")


def _one_line(what: str, value: str, *, required: bool = False) -> str:
    if "\n" in value or "\r" in value:
        raise NoteError(f'the {what} "{value.strip()}" must fit on one line')
    if required and not value.strip():
        raise NoteError(f"every {what} needs a name")
    return value.strip()


def _clean_area(area: tuple[str, Sequence[Skill]]) -> Area:
    title, skills = _one_line("area", area[0], required=True), area[1]
    if not skills:
        raise NoteError(f'the area "{title}" has no skills; a note cannot show an empty area')
    _, read_back = area_title(f"1. **{title}**")
    if read_back != title:
        raise NoteError(f'the area title "{title}" would read back as "{read_back}"')
    return title, [_clean_item("skill", n, d, bool(done)) for n, d, done in skills]


def _clean_step(name: str, description: str) -> tuple[str, str]:
    return _clean_item("step", name, description, False)[:2]


def _clean_item(what: str, name: str, description: str, done: bool) -> Skill:
    """Trimmed (name, description, done), if Markdown can hold them so they read back."""
    wanted = (_one_line(what, name, required=True), _one_line(what, description), done)
    read = bold_item(_item(*wanted))
    if read is None or (read.name, read.description, read.done) != wanted:
        got = f'"{read.name}": "{read.description}"' if read is not None else "no item at all"
        raise NoteError(f'the {what} "{wanted[0]}": "{wanted[1]}" would read back as {got}')
    return wanted


def _prose(text: str) -> str:
    """LF line endings, no blank lines around: the form ``Note.description`` has."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and is_blank(lines[0]):
        lines.pop(0)
    while lines and is_blank(lines[-1]):
        lines.pop()
    return "\n".join(lines)


def _layouts(prose: str) -> Iterator[tuple[str, str]]:
    """First the fixture's layout (first paragraph, rest at the end), then all up front."""
    lines = prose.split("\n")
    blank = next((index for index, line in enumerate(lines) if is_blank(line)), None)
    if blank is not None:
        yield "\n".join(lines[:blank]), _prose("\n".join(lines[blank + 1 :]))
    yield prose, ""


def _front_matter(note_id: str, title: str, now_ms: int) -> str:
    _one_line("title", title)  # checked, not trimmed: the title is kept as given
    fields = {"id": note_id, "title": title, "desc": "", "updated": now_ms, "created": now_ms}
    dumped = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1 << 20)
    if yaml.safe_load(dumped) != fields:
        raise NoteError(f"the title {title!r} or id {note_id!r} cannot be written in the front matter")
    return f"---\n{dumped}---"


def _area_blocks(areas: Sequence[Area]) -> list[str]:
    return [
        "\n".join([f"### {number}. **{title}**", *(f"   - {_item(*skill)}" for skill in skills)])
        for number, (title, skills) in enumerate(areas, start=1)
    ]


def _item(name: str, description: str, done: bool = False) -> str:
    text = f"**{name}**: {description}" if description else f"**{name}**"
    return strike(text) if done else text


def _method_block(steps: Sequence[tuple[str, str]]) -> str:
    if not steps:
        return ""
    items = (f"{number}. {_item(name, desc)}" for number, (name, desc) in enumerate(steps, start=1))
    return f"### {METHOD_HEADING}\n\n" + "\n".join(items)


def _difference(text: str, prose: str, areas: Sequence[Area], steps: Sequence[tuple[str, str]]) -> str:
    """What reads back differently from what was asked for ("" when nothing does)."""
    try:
        note = parse_note(text)
    except NoteError as error:
        return f"it would not read back ({error})"
    got_areas = [(area.title, [(s.name, s.description, s.done) for s in area.skills]) for area in note.areas]
    got_steps = [(step.name, step.description) for step in note.method_steps]
    return (
        _first_change("area", areas, got_areas)
        or _first_change("method step", steps, got_steps)
        or ("" if note.description == prose else "its Markdown would mix with the areas or steps")
    )


def _first_change(what: str, wanted: Sequence[object], got: Sequence[object]) -> str:
    for position, (want, have) in enumerate(zip(wanted, got, strict=False), start=1):
        if want != have:
            return f"{what} {position} {_short(want)} would read back as {_short(have)}"
    if len(wanted) != len(got):
        return f"{len(wanted)} {what}s would read back as {len(got)}"
    return ""


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 160 else text[:157] + "..."
