"""Parse and render Dendron notes that hold a skill guide (pure: no Django, no other app).

The contract: ``render_note(parse_note(text)) == text`` byte for byte, and
:func:`set_skill_done` changes exactly one skill line plus the digits of ``updated``.
To make that cheap to guarantee, a :class:`Note` keeps its original lines and every edit
is a small splice into them followed by a fresh parse.

The layout read (see ``tests/skillmap``)::

    ---                                  optional YAML front matter
    title: Guide
    updated: 1725030424943
    ---
    Intro prose.                         } the description
    ### 1. **Communication Skills**      a skill area: any heading level, number optional
       - ~~**Active Listening**: ...~~   a skill; struck through = done
       - **Written Communication**: ...
    ### How to Get Started               the method: ordered bold-name items
    1. **Self-Assessment**: ...
    Closing prose.                       } the description
"""

from __future__ import annotations

from peoplecraft.skillmap.note_front_matter import with_updated
from peoplecraft.skillmap.note_items import bold_item, list_item, strike, unstrike
from peoplecraft.skillmap.note_lines import eol_of, strip_eol
from peoplecraft.skillmap.note_model import (
    FrontMatter,
    Note,
    NoteArea,
    NoteError,
    NoteMethodStep,
    NoteSkill,
    check_epoch_ms,
)
from peoplecraft.skillmap.note_new import new_note, new_note_id
from peoplecraft.skillmap.note_parse import NO_AREAS, parse_note

__all__ = [
    "NO_AREAS",
    "FrontMatter",
    "Note",
    "NoteArea",
    "NoteError",
    "NoteMethodStep",
    "NoteSkill",
    "new_note",
    "new_note_id",
    "parse_note",
    "render_note",
    "set_skill_done",
]


def render_note(note: Note) -> str:
    """The note's text: byte-identical to what was parsed, or to what an edit produced."""
    return "".join(note.lines)


def set_skill_done(note: Note, *, area_index: int, skill_name: str, done: bool, now_ms: int) -> Note:
    """Mark one skill done (wrap its item text in ``~~``) or not done (unwrap it).

    ``area_index`` is the 0-based position in ``note.areas``. The front matter's
    ``updated`` becomes ``now_ms``. A skill already in the wanted state gives back
    ``note`` itself, with ``updated`` untouched. Raises :class:`NoteError` when the skill
    cannot be found or its name is ambiguous (see :meth:`Note.find_skill`).
    """
    check_epoch_ms(now_ms)
    skill = note.find_skill(area_index, skill_name)
    if skill.done == done:
        return note
    lines = list(note.lines)
    lines[skill.line] = _toggled(lines[skill.line], done)
    changed = parse_note("".join(with_updated(lines, now_ms)))
    _check_changed(note, changed, area_index, skill, done)
    return changed


def _check_changed(before: Note, after: Note, area_index: int, skill: NoteSkill, done: bool) -> None:
    """A safety net: the edit must leave the same skill, now in the wanted state."""
    problem = NoteError(f'cannot change how "{skill.name}" is struck through', skill.line + 1)
    if len(after.areas) != len(before.areas):
        raise problem
    try:
        found = after.find_skill(area_index, skill.name)
    except NoteError:
        raise problem from None
    if (found.name, found.description, found.done) != (skill.name, skill.description, done):
        raise problem


def _toggled(line: str, done: bool) -> str:
    body = strip_eol(line)
    item = list_item(body)
    if item is None or bold_item(item.text) is None:  # pragma: no cover - parse found a skill here
        raise AssertionError(f"not a skill line: {line!r}")
    text = strike(item.text) if done else unstrike(item.text)
    return item.prefix + text + eol_of(line)
