"""Single-line Markdown: headings, list items, ``**Name**: description`` items, strikethrough.

Every pattern here is anchored and free of nested quantifiers, so each line is read in
linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peoplecraft.skillmap.note_lines import indent_width

SEPARATORS = ":-\u2013\u2014"  # colon, hyphen, en dash, em dash
STRIKE = "~~"

_HEADING = re.compile(r" {0,3}#{1,6}(?=[ \t]|$)")
_ITEM = re.compile(r"([ \t]*)(?:([-*+])|(\d{1,9})[.)])([ \t]+|$)")
_BOLD = re.compile(r"(~~)?(\*\*|__)(.+?)\2")
_EMPHASIS = re.compile(r"\*\*|__|~~|\*")
_NUMBER = re.compile(r"(\d{1,9})[.)](?:\s+|$)")


@dataclass(frozen=True)
class ListItem:
    """A list item's first line. Columns count tabs to the next multiple of 4."""

    indent: int
    content_column: int
    number: int | None  # None for a bullet (-, *, +)
    prefix: str  # indentation, marker and the spaces after it
    text: str  # the rest of the line


@dataclass(frozen=True)
class BoldItem:
    """The text of a ``**Name**: description`` item, possibly struck through."""

    name: str
    description: str
    done: bool


def heading_text(body: str) -> str | None:
    """The text of an ATX heading (``#`` to ``######``), or ``None`` if ``body`` is none."""
    match = _HEADING.match(body)
    if match is None:
        return None
    text = body[match.end() :].strip(" \t")
    closed = text.rstrip("#")
    if not closed:
        return ""
    return closed.rstrip(" \t") if closed[-1] in " \t" else text


def area_title(heading: str) -> tuple[int | None, str]:
    """``"1. ~~**Communication**"`` -> ``(1, "Communication")``."""
    plain = _EMPHASIS.sub("", heading).strip()
    match = _NUMBER.match(plain)
    if match is None:
        return None, plain
    return int(match.group(1)), plain[match.end() :].strip()


def list_item(body: str) -> ListItem | None:
    match = _ITEM.match(body)
    if match is None:
        return None
    spaces, bullet, number, gap = match.groups()
    indent = indent_width(spaces)
    marker_end = indent + (1 if bullet else len(number) + 1)
    gap_width = indent_width(" " * marker_end + gap) - marker_end
    if not 1 <= gap_width <= 4:
        gap_width = 1  # CommonMark: more than 4 spaces make the item start with code
    return ListItem(
        indent=indent,
        content_column=marker_end + gap_width,
        number=None if bullet else int(number),
        prefix=body[: match.end()],
        text=body[match.end() :],
    )


def bold_item(text: str) -> BoldItem | None:
    """Read ``**Name**: desc``, ``**Name** - desc``, ``**Name**``, ``__Name__``, ``**Name:** desc``.

    A leading ``~~`` marks the item done; its closing ``~~`` may follow the name or end
    the text, or be missing. ``None`` when the text does not start with a bold name.
    """
    match = _BOLD.match(text)
    if match is None:
        return None
    done = match.group(1) is not None
    name, rest = match.group(3).strip(), text[match.end() :]
    closed_after_name = done and rest.startswith(STRIKE)
    rest = (rest[len(STRIKE) :] if closed_after_name else rest).strip()
    if done and not closed_after_name and rest.endswith(STRIKE):
        rest = rest[: -len(STRIKE)].rstrip()
    colon_in_name = name.endswith(":")
    name = name[:-1].rstrip() if colon_in_name else name
    description = _description(rest, colon_in_name)
    if not name or description is None:
        return None
    return BoldItem(name=name, description=description, done=done)


def _description(rest: str, colon_in_name: bool) -> str | None:
    if not rest:
        return ""
    if rest[0] in SEPARATORS:
        return rest[1:].strip()
    return rest if colon_in_name else None


def strike(text: str) -> str:
    """Wrap the item text in ``~~``; trailing spaces stay outside, where they do no harm."""
    core = text.rstrip(" \t")
    return f"{STRIKE}{core}{STRIKE}{text[len(core) :]}"


def unstrike(text: str) -> str:
    """Undo a strikethrough that :func:`bold_item` reads as done (``text`` starts with ``~~``)."""
    core = text.rstrip(" \t")
    inner = core[len(STRIKE) :]
    match = _BOLD.match(inner)
    if match is not None and inner.startswith(STRIKE, match.end()):
        inner = inner[: match.end()] + inner[match.end() + len(STRIKE) :]
    elif inner.endswith(STRIKE):
        inner = inner[: -len(STRIKE)]
    return inner + text[len(core) :]
