"""Lines as Markdown sees them: only LF, CRLF and CR end a line (CommonMark).

``str.splitlines`` would also split on U+2028, U+0085, form feed and friends, which can
sit inside a skill's description; splitting on them would cut the skill in two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

BOM = "\ufeff"
TAB_STOP = 4

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def split_lines(text: str) -> tuple[str, ...]:
    """Split ``text`` keeping each line's ending, so that ``"".join(result) == text``."""
    return tuple(_LINE.findall(text))


def strip_eol(line: str) -> str:
    """The line without its line ending."""
    if line.endswith("\r\n"):
        return line[:-2]
    if line.endswith(("\n", "\r")):
        return line[:-1]
    return line


def eol_of(line: str) -> str:
    """The line's ending (``""`` for a last line without one)."""
    return line[len(strip_eol(line)) :]


def bodies_of(lines: Sequence[str]) -> list[str]:
    """Each line without its ending; the first also without a byte order mark."""
    bodies = [strip_eol(line) for line in lines]
    if bodies and bodies[0].startswith(BOM):
        bodies[0] = bodies[0][len(BOM) :]
    return bodies


def is_blank(body: str) -> bool:
    """Blank in the CommonMark sense: nothing but spaces and tabs."""
    return not body.strip(" \t")


def indent_width(body: str) -> int:
    """Columns taken by the line's leading spaces and tabs (tab stops every 4 columns)."""
    column = 0
    for char in body:
        if char == " ":
            column += 1
        elif char == "\t":
            column += TAB_STOP - column % TAB_STOP
        else:
            break
    return column
