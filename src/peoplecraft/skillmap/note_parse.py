"""``parse_note``: text in, :class:`Note` out, or a :class:`NoteError` saying what is wrong."""

from __future__ import annotations

from peoplecraft.skillmap.note_blocks import opaque_lines
from peoplecraft.skillmap.note_front_matter import parse_front_matter
from peoplecraft.skillmap.note_lines import bodies_of, split_lines
from peoplecraft.skillmap.note_model import Note, NoteError
from peoplecraft.skillmap.note_structure import read_structure

NO_AREAS = (
    'no skill areas found: expected headings like "### 1. **Communication**" '
    'followed by "- **Skill**: description" items'
)


def parse_note(text: str) -> Note:
    """Parse a Dendron note; see :mod:`peoplecraft.skillmap.markdown` for the layout."""
    if not isinstance(text, str):
        raise TypeError(f"parse_note() needs the note's text as str, not {type(text).__name__}")
    lines = split_lines(text)
    bodies = bodies_of(lines)
    front_matter, body_start = parse_front_matter(lines, bodies)
    structure = read_structure(bodies, opaque_lines(bodies, body_start), body_start)
    if not structure.areas:
        raise NoteError(NO_AREAS)
    return Note(
        lines=lines,
        front_matter=front_matter,
        areas=structure.areas,
        method_steps=structure.method_steps,
        description=structure.description,
    )
