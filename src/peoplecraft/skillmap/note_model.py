"""Value types of a parsed Dendron note (pure: no Django, no other app)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class NoteError(ValueError):
    """A note (or a change asked of it) cannot be handled.

    ``line`` is 1-based, as an editor shows it, or ``None`` when no single line is to blame.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message, line)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return f"line {self.line}: {self.message}"


def check_epoch_ms(now_ms: int) -> None:
    """Refuse anything but a whole, non-negative number of milliseconds (a programming error)."""
    if isinstance(now_ms, bool) or not isinstance(now_ms, int) or now_ms < 0:
        raise ValueError(f"now_ms must be a non-negative integer, not {now_ms!r}")


@dataclass(frozen=True)
class FrontMatter:
    """The note's YAML header; every field is ``None`` when the note has none."""

    id: str | None = None
    title: str | None = None
    desc: str | None = None
    updated: int | None = None
    created: int | None = None
    extra: dict[Any, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NoteSkill:
    """One skill item; ``line`` is a 0-based index into ``Note.lines``."""

    name: str
    description: str
    done: bool
    line: int


@dataclass(frozen=True)
class NoteArea:
    """A heading with skill items; ``line`` is the heading's 0-based index into ``Note.lines``."""

    number: int | None
    title: str
    line: int
    skills: tuple[NoteSkill, ...]


@dataclass(frozen=True)
class NoteMethodStep:
    """One item of the ordered "how to get started" list."""

    number: int
    name: str
    description: str


@dataclass(frozen=True)
class Note:
    """A parsed note. ``lines`` is the source of truth: ``"".join(lines)`` is the original text.

    The other fields are read from ``lines``; changing them does not change the rendered
    note. Change a note with ``markdown.set_skill_done``.
    """

    lines: tuple[str, ...]
    front_matter: FrontMatter
    areas: tuple[NoteArea, ...]
    method_steps: tuple[NoteMethodStep, ...]
    description: str

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def find_skill(self, area_index: int, name: str) -> NoteSkill:
        """Return the skill called ``name`` in ``self.areas[area_index]`` (0-based position).

        Names match ignoring case and surrounding spaces, as the app tells skills apart.
        Raises :class:`NoteError` when the area or skill does not exist, or when the name
        is ambiguous (two skills in the area whose names differ only in case, or not at all).
        """
        area = self._area(area_index)
        wanted = name.strip()
        same = [s for s in area.skills if s.name.casefold() == wanted.casefold()]
        if not same:
            raise NoteError(f'area "{area.title}" has no skill named "{wanted}"', area.line + 1)
        if len(same) > 1:
            lines = ", ".join(str(s.line + 1) for s in same)
            raise NoteError(
                f'area "{area.title}" has {len(same)} skills named "{wanted}" (lines {lines}); '
                "rename all but one so it is clear which one is meant",
                same[1].line + 1,
            )
        return same[0]

    def _area(self, area_index: int) -> NoteArea:
        if isinstance(area_index, bool) or not 0 <= area_index < len(self.areas):
            raise NoteError(
                f"there is no area at position {area_index}: "
                f"the note has {len(self.areas)} areas (positions start at 0)"
            )
        return self.areas[area_index]
