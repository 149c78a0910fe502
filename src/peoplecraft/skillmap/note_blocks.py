"""Find the opaque blocks of a note: fenced code and raw HTML.

Nothing inside them is Markdown, so a ``### 1. **X**`` or ``- **Skill**: y`` there is not a
heading or a skill. Follows CommonMark's block rules, more leniently about indentation:
fences and HTML may be indented any amount, as they are inside list items.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial

from peoplecraft.skillmap.note_lines import is_blank

_FENCE_OPEN = re.compile(r"[ \t]*(`{3,}|~{3,})(.*)")

_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    "h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|"
    "noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|"
    "thead|title|tr|track|ul"
)
_ATTRIBUTE = r"""[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?"""
_TAG_NAME = r"[A-Za-z][A-Za-z0-9-]*"

# (start, end): a block starting with ``start`` runs to the first line containing ``end``.
_HTML_UNTIL = (
    (re.compile(r"<(?:script|pre|style|textarea)(?:[ \t>]|$)", re.I),
     re.compile(r"</(?:script|pre|style|textarea)>", re.I)),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
)  # fmt: skip
# These run to the next blank line.
_HTML_TO_BLANK = re.compile(rf"</?(?:{_BLOCK_TAGS})(?:[ \t]|/?>|$)", re.I)
_HTML_LONE_TAG = re.compile(rf"(?:<{_TAG_NAME}(?:{_ATTRIBUTE})*[ \t]*/?>|</{_TAG_NAME}[ \t]*>)[ \t]*$")

BlockEnd = Callable[[Sequence[str], int], int]


def opaque_lines(bodies: Sequence[str], start: int) -> list[bool]:
    """For each line, whether it belongs to a fenced code block or an HTML block."""
    flags = [False] * len(bodies)
    index, after_blank = start, True
    while index < len(bodies):
        block_end = _block_starting(bodies[index], after_blank)
        if block_end is None:
            after_blank = is_blank(bodies[index])
            index += 1
            continue
        end = block_end(bodies, index)
        flags[index:end] = [True] * (end - index)
        index, after_blank = end, False
    return flags


def _block_starting(body: str, after_blank: bool) -> BlockEnd | None:
    """How to find the end of the opaque block that ``body`` opens, if it opens one."""
    fence = _fence_opening(body)
    if fence is not None:
        return partial(_fence_end, fence=fence)
    text = body.lstrip(" \t")
    if not text.startswith("<"):
        return None
    for opening, closing in _HTML_UNTIL:
        if opening.match(text):
            return partial(_until_end, closing=closing)
    if _HTML_TO_BLANK.match(text) or (after_blank and _HTML_LONE_TAG.match(text)):
        return _blank_end
    return None


def _fence_opening(body: str) -> str | None:
    match = _FENCE_OPEN.fullmatch(body)
    if match is None:
        return None
    fence, info = match.groups()
    if fence[0] == "`" and "`" in info:
        return None  # inline code such as ```a``` is not a fence
    return fence


def _fence_end(bodies: Sequence[str], index: int, fence: str) -> int:
    """An unclosed fence runs to the end of the note, as in CommonMark."""
    for later in range(index + 1, len(bodies)):
        text = bodies[later].strip(" \t")
        if len(text) >= len(fence) and text == fence[0] * len(text):
            return later + 1
    return len(bodies)


def _until_end(bodies: Sequence[str], index: int, closing: re.Pattern[str]) -> int:
    for later in range(index, len(bodies)):
        if closing.search(bodies[later]):
            return later + 1
    return len(bodies)


def _blank_end(bodies: Sequence[str], index: int) -> int:
    for later in range(index + 1, len(bodies)):
        if is_blank(bodies[later]):
            return later
    return len(bodies)
