"""Find the skill areas, the method steps and the description in a note's lines.

A *section* is a heading and the lines up to the next heading. A section whose list has
bullet items starting with a bold name is a skill area; the first other section whose
list has ordered items starting with a bold name is the method. The description is the
prose before the first of these headings plus the prose after the last list among them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from peoplecraft.skillmap.note_items import area_title, bold_item, heading_text, list_item
from peoplecraft.skillmap.note_lines import indent_width, is_blank
from peoplecraft.skillmap.note_model import NoteArea, NoteMethodStep, NoteSkill


@dataclass
class _Section:
    heading: int | None  # line index; None for the text before the first heading
    text: str
    skills: list[NoteSkill] = field(default_factory=list)
    steps: list[NoteMethodStep] = field(default_factory=list)
    step_lines: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Structure:
    areas: tuple[NoteArea, ...]
    method_steps: tuple[NoteMethodStep, ...]
    description: str


def read_structure(bodies: Sequence[str], opaque: Sequence[bool], start: int) -> Structure:
    """The structure of the note body (lines ``start`` onwards, after any front matter)."""
    sections = _sections(bodies, opaque, start)
    areas = [section for section in sections if section.heading is not None and section.skills]
    method = next((s for s in sections if s.heading is not None and not s.skills and s.steps), None)
    structural = [*areas, method] if method is not None else areas
    if not structural:
        return Structure((), (), "")
    first_heading = min(section.heading for section in structural if section.heading is not None)
    last_item = max(max(s.line for s in a.skills) for a in areas) if areas else -1
    if method is not None:
        last_item = max(last_item, *method.step_lines)
    outro = _list_end(bodies, opaque, last_item)
    parts = [_prose(bodies, start, first_heading), _prose(bodies, outro, len(bodies))]
    return Structure(
        areas=tuple(_area(section) for section in areas),
        method_steps=tuple(method.steps) if method is not None else (),
        description="\n\n".join(part for part in parts if part),
    )


def _area(section: _Section) -> NoteArea:
    number, title = area_title(section.text)
    assert section.heading is not None
    return NoteArea(number=number, title=title, line=section.heading, skills=tuple(section.skills))


def _sections(bodies: Sequence[str], opaque: Sequence[bool], start: int) -> list[_Section]:
    sections = [_Section(None, "")]
    top: int | None = None  # content column of the current top-level list item
    after_blank = False
    for index in range(start, len(bodies)):
        body = bodies[index]
        heading = None if opaque[index] else heading_text(body)
        if heading is not None:
            sections.append(_Section(index, heading))
            top, after_blank = None, False
        elif opaque[index]:
            continue
        elif is_blank(body):
            after_blank = True
        else:
            top = _read_line(sections[-1], index, body, top, after_blank)
            after_blank = False
    return sections


def _read_line(section: _Section, index: int, body: str, top: int | None, after_blank: bool) -> int | None:
    """Add the line to ``section`` if it is a top-level bold item; return the new ``top``."""
    item = list_item(body)
    if item is None:
        ends_list = top is not None and after_blank and indent_width(body) < top
        return None if ends_list else top
    if top is not None and item.indent >= top:
        return top  # nested under the previous item: not a skill or step of its own
    bold = bold_item(item.text)
    if bold is not None and section.heading is not None:
        if item.number is None:
            section.skills.append(NoteSkill(bold.name, bold.description, bold.done, index))
        else:
            section.steps.append(NoteMethodStep(item.number, bold.name, bold.description))
            section.step_lines.append(index)
    return item.content_column


def _list_end(bodies: Sequence[str], opaque: Sequence[bool], last_item: int) -> int:
    """Index of the first line after the list holding the item at ``last_item``."""
    item = list_item(bodies[last_item])
    column = item.content_column if item is not None else 1
    index, after_blank = last_item + 1, False
    while index < len(bodies):
        body = bodies[index]
        if not opaque[index] and heading_text(body) is not None:
            return index
        if not opaque[index] and is_blank(body):
            index, after_blank = index + 1, True
            continue
        is_item = not opaque[index] and list_item(body) is not None
        if after_blank and not is_item and indent_width(body) < column:
            return index
        index, after_blank = _skip_opaque(opaque, index), False
    return len(bodies)


def _skip_opaque(opaque: Sequence[bool], index: int) -> int:
    """The index after the opaque block starting at ``index`` (or just the next line)."""
    index += 1
    while index < len(opaque) and opaque[index] and opaque[index - 1]:
        index += 1
    return index


def _prose(bodies: Sequence[str], start: int, end: int) -> str:
    """Lines ``start:end`` joined by LF, without blank lines around them."""
    while start < end and is_blank(bodies[start]):
        start += 1
    while end > start and is_blank(bodies[end - 1]):
        end -= 1
    return "\n".join(bodies[start:end])
